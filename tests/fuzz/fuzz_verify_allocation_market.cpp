// libFuzzer target: `equilab verify` of catalog/caplin_leahy_2010/6.1_graft.json against arbitrary result
// files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/caplin_leahy_2010/6.1_graft.json");
}
