// libFuzzer target: `equilab verify` of catalog/emz2022/7.3_hz_assignment_bckm.json against arbitrary result
// files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/emz2022/7.3_hz_assignment_bckm.json");
}
