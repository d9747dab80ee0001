// Is the constraint structure a bihierarchy (BCKM 2013; EMZ §4.1)? The rows of Q with 0/1
// coefficients are the constraints (S, q̲_S, q̄_S); the singleton constraints y_c ≤ 1 belong to
// both hierarchies. A family is a hierarchy iff no two of its sets cross (intersect without
// being nested), so the rows split into two hierarchies iff the graph "S and T cross" is
// bipartite; an odd cycle of crossing sets is the proof that they do not.
#pragma once

#include <string>
#include <vector>

#include "pseudo_market/model.h"

namespace equilab::pseudo_market {

struct BihierarchyCheck {
  bool ok = false;
  std::vector<int> hierarchy[2];  // row indices (empty rows are left out of both)
  std::vector<int> odd_cycle;     // rows S_0, S_1, ..., S_k, each crossing the next and S_k crossing S_0
  int weighted_row = -1;          // a row with a coefficient other than 1
  std::string reason;             // why not, in words
};

BihierarchyCheck find_bihierarchy(const DecomposeInstance& in);

}  // namespace equilab::pseudo_market
