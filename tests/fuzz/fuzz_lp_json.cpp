// libFuzzer target: the lp instance reader on arbitrary bytes (see fuzz_common.h).
#include "fuzz_common.h"
#include "lp/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_json(data, size, "fuzz.json",
                                  [](const equilab::JsonNode& root) { equilab::lp::read_lp_json(root); });
}
