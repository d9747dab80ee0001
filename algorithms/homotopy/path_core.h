// Internal to the `path` method (path.cpp: exact event times; path_bisect.cpp: the §7.1
// halving search): the §7 start, the legs of the parameter path, and a GA-structure that
// applies the §6 transitions while logging what each one changed, so that prices and slacks are
// recomputed only where they can have moved.
#pragma once

#include <string>
#include <vector>

#include "homotopy/model.h"
#include "homotopy/structure.h"

namespace equilab::homotopy::path_detail {

// One leg of the path: v(z) = v_from + z·(v_to − v_from), r(z) likewise, z ∈ [0, 1] (§4.2).
struct LegSpec {
  std::string name;  // "start" (trivial market -> v⁰) or "path" (v⁰ -> v¹)
  std::vector<std::vector<Rational>> v_from, v_to;
  std::vector<Rational> r_from, r_to;
};

// §7: the trivial market's structure (buyer -> internal good, every good a root) and the legs
// start -> v⁰ [-> v¹ when the instance has a path].
struct PathSetup {
  std::vector<int> allocation;
  std::vector<LegSpec> legs;
};
PathSetup make_setup(const AllocationMarket& market, const ReducedMarket& r);

// Instance good of internal good g for buyer-less contexts (outside option n + a -> a's null good).
inline int instance_good(const ReducedMarket& r, int g) {
  return g < r.n ? r.real_goods[g] : r.null_of[g - r.n];
}

// A GA-structure (§2.2) in internal indexing with holders and successor lists kept up to date.
class Forest {
 public:
  Forest(const ReducedMarket& r, const std::vector<int>& allocation);

  int m = 0, n = 0, total = 0;
  std::vector<int> allocation;             // buyer -> internal good
  std::vector<int> parent;                 // good -> direct predecessor, -1 for roots
  std::vector<int> holder;                 // good -> buyer, -1 when unallocated
  std::vector<std::vector<int>> children;  // good -> direct successors

  // What the last transition changed: goods with a new predecessor, buyers on a new good,
  // goods with a new holder. Cleared by each transition.
  std::vector<int> parent_changed, moved, rehomed;

  // §6.2 prune and plant: good y (at its reservation) becomes a root.
  void plant(int y);
  // §6: buyer x becomes indifferent to good y; classifies and applies the transition.
  Transition transition(int x, int y);

  GAStructure structure(const std::vector<Rational>& prices) const;

 private:
  void set_parent(int g, int p);
  void clear_log();
  bool is_ancestor(int y, int g) const;
  void rotate(const std::vector<int>& path, bool cycle);

  std::vector<char> on_path_;  // scratch of rotate()
};

}  // namespace equilab::homotopy::path_detail
