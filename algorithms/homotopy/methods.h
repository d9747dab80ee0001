// The methods of the allocation_market family (issue 7). They share no solving code:
// `path` follows GA-structures along a parameter path (§7, exact event times), `allocation-lp`
// minimises Σp over each allocation's equilibrium price polyhedron with the exact LP.
#pragma once

#include <cstdint>

#include "core/rational.h"
#include "homotopy/model.h"

namespace equilab::homotopy {

inline constexpr std::uint64_t kDefaultMaxEnumeration = 2'000'000;

// Brute force: for every allocation μ (buyers to distinct acceptable goods or outside),
// min Σ_i p_i over P_μ = {p : p >= r, p_i = r_i for unallocated i, μ_a ∈ D_a(p)} (affine
// utilities make P_μ a polyhedron). The MEP p̄ lies in P_μ* for an MPE allocation μ* and is
// below every point of every P_μ, so the least optimal value is Σp̄ and its optimum is p̄.
// A forest generating p̄ is then grown from the goods at reservation along indifferences.
// Throws EnumerationLimit past `max_enumeration` allocations.
MepResult solve_allocation_lp(const AllocationMarket& market,
                              std::uint64_t max_enumeration = kDefaultMaxEnumeration);

struct PathOptions {
  long max_events = 1'000'000;
};
// §7 made exact: from a trivial market (each buyer strictly prefers a distinct good at
// reservation prices; all goods roots) the parameters move linearly to v⁰ and then along the
// instance's path to v¹; between events q(μ,F,z) is affine in z and the next event is an exact
// ratio test; each event applies one of the five transitions of §6.
MepResult solve_path(const AllocationMarket& market, const PathOptions& options = {});

// TU case only (every acceptable slope 1; throws std::invalid_argument otherwise): Hungarian
// assignment plus Bellman–Ford longest paths for the least Shapley–Shubik seller surpluses.
MepResult solve_hungarian_bf(const AllocationMarket& market);
// TU case only: the Shapley–Shubik assignment LP and the minimal point of its dual optimal face.
MepResult solve_assignment_lp(const AllocationMarket& market);
// TU case with integer values, outside-option values and reservations only (throws
// std::invalid_argument otherwise): the Demange–Gale–Sotomayor (1986) exact ascending auction,
// raising a minimal overdemanded set by 1 per round from the reservation prices.
MepResult solve_dgs(const AllocationMarket& market);

// §7: the number of GA-structures with m buyers and n goods counted as the paper does,
// (Σ_{k=1}^m C(m,k)·k·m^{m−1−k}) · n!/(n−m)!  (rooted forests on the m allocated goods times
// the allocations).
Integer ga_structure_count(int m, int n);

}  // namespace equilab::homotopy
