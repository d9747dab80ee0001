// libFuzzer target: `equilab verify` of catalog/textbook/hillier_lieberman_wyndor.json against arbitrary
// result files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/textbook/hillier_lieberman_wyndor.json");
}
