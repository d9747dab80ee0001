// libFuzzer target: `equilab verify` of catalog/wang2019/2.4.1_mu11.json against arbitrary result files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/wang2019/2.4.1_mu11.json");
}
