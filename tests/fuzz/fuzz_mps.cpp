// libFuzzer target: the MPS reader on arbitrary bytes (see fuzz_common.h).
#include <sstream>

#include "fuzz_common.h"
#include "lp/mps.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(equilab::fuzz::bytes_text(data, size));
  try {
    equilab::lp::read_mps(in, "fuzz.mps");
  } catch (const equilab::InputError&) {
  }
  return 0;
}
