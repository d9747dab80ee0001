// libFuzzer target: `equilab verify` of catalog/wang2019/4.4.1_leontief.json against arbitrary result files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/wang2019/4.4.1_leontief.json");
}
