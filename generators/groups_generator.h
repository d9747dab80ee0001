// Seeded random groups instances.
#pragma once

#include "groups/model.h"

#include <cstdint>

namespace equilab::gen {

struct GroupsGenOptions {
  int types = 3;
  int min_size = 1, max_size = 3;
  bool pairwise = false;  // value kind: table (false) or pairwise
  bool ties = false;      // values from {0,1,2}: degenerate LPs, non-unique imputations
  // At-scale draws (issue groups-scale); 0 = off. degree > 0 (pairwise only): own in [0,10],
  // pair values in (0,20] on a random graph of average degree `degree` plus self pairs with
  // probability 1/5, denominators <= 4, size terms in [-5,5]. recipes > 0 (table only): that
  // many random recipes of sizes 2..4 (within the size range), default 0; nothing enumerated.
  int degree = 0;
  int recipes = 0;
};

groups::GroupsInstance generate_groups(std::uint64_t seed, const GroupsGenOptions& options);

}  // namespace equilab::gen
