// A GA-structure (§2.2) in the reduced market's indexing (goods 0..n−1 real, n + a = buyer
// a's outside option) and its translation to the instance's goods.
#pragma once

#include <optional>
#include <vector>

#include "homotopy/model.h"

namespace equilab::homotopy {

struct GAStructure {
  std::vector<int> allocation;   // buyer -> internal good (n + a: his outside option)
  std::vector<int> parent;       // internal good -> direct predecessor in F, -1 for roots
  std::vector<Rational> prices;  // internal goods (outside options at 0)
};

// Places unassigned buyers on distinct acceptable null goods and renames the goods.
Certificate to_certificate(const AllocationMarket& market, const ReducedMarket& reduced,
                           const GAStructure& s);

// Certificate construction (not a solver): given an allocation μ and the MEP p (real goods, at
// the path end), roots are the goods at reservation and the outside options; a good joins the
// tree of the good whose buyer is indifferent to it. Empty when some good above reservation is
// not reached (μ then supports p with no forest).
std::optional<GAStructure> grow_forest(const ReducedMarket& r, const std::vector<int>& mu,
                                       const std::vector<Rational>& p);

}  // namespace equilab::homotopy
