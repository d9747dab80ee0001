// libFuzzer target: the interim instance reader on arbitrary bytes (see fuzz_common.h).
#include "fuzz_common.h"
#include "interim/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_json(data, size, "fuzz.json", [](const equilab::JsonNode& root) {
    equilab::interim::read_interim_json(root);
  });
}
