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
  // > 0: instead of a random economy, Wang §4.4.1's economy with I = leontief types and goods:
  // type i has mass 1/I, endowment one unit of good i, u(x) = min(x_1, ..., x_I), groups of
  // min_size..max_size members (deterministic; the seed is not used).
  int leontief = 0;
};

// Wang §4.4.1 with I types (see EconomyGenOptions::leontief).
economies::Economy leontief_economy(int types, int min_size, int max_size);
// The most goods one agent can consume at any feasible state of an economy whose goods each have
// at most one owner type: the largest number of goods owned by the members of a permitted group
// (a group only redistributes its members' endowments). Throws std::invalid_argument otherwise.
int max_consumable_goods(const economies::Economy& economy);

economies::Economy generate_exchange_economy(std::uint64_t seed, const EconomyGenOptions& options);

}  // namespace equilab::gen
