// libFuzzer target: the pseudo_market instance readers on arbitrary bytes (see fuzz_common.h),
// chosen by the document's task as the command chooses them: decompose or equilibrium.
#include "fuzz_common.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/json_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_json(data, size, "fuzz.json", [](const equilab::JsonNode& root) {
    if (equilab::pseudo_market::pseudo_market_task(root) == "equilibrium")
      equilab::pseudo_market::read_equilibrium_json(root);
    else
      equilab::pseudo_market::read_pseudo_market_json(root);
  });
}
