// libFuzzer target: the groups instance reader on arbitrary bytes (see fuzz_common.h).
#include "fuzz_common.h"
#include "groups/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_json(data, size, "fuzz.json", [](const equilab::JsonNode& root) {
    equilab::groups::read_groups_json(root);
  });
}
