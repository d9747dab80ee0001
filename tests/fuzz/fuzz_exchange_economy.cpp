// libFuzzer target: the exchange_economy instance reader on arbitrary bytes (see fuzz_common.h).
#include "economies/json_io.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_json(data, size, "fuzz.json", [](const equilab::JsonNode& root) {
    equilab::economies::read_economy_json(root);
  });
}
