// Seeded random exchange economies (Wang §4).
#pragma once

#include "economies/model.h"

#include <cstdint>

namespace equilab::gen {

struct EconomyGenOptions {
  int types = 3;
  int goods = 1;
  int min_size = 1, max_size = 2;
  int pieces = 2;  // affine pieces per utility
};

economies::Economy generate_exchange_economy(std::uint64_t seed, const EconomyGenOptions& options);

}  // namespace equilab::gen
