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
};

groups::GroupsInstance generate_groups(std::uint64_t seed, const GroupsGenOptions& options);

}  // namespace equilab::gen
