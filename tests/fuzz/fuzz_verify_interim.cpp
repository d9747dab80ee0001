// libFuzzer target: `equilab verify` of catalog/zheng2024/3.2_table_2_lp.json against arbitrary result files.
#include "fuzz_verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return equilab::fuzz::fuzz_verify(data, size, "catalog/zheng2024/3.2_table_2_lp.json");
}
