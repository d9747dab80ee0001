// The methods of the allocation_market family (issue 7). They share no solving code:
// `path` follows GA-structures along a parameter path (§7, exact event times), `allocation-lp`
// minimises Σp over each allocation's equilibrium price polyhedron with the exact LP.
#pragma once

#include <cstdint>
#include <vector>

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
  bool record_structures = false;  // fill PathEvent::structure_after at every event
  // Testing: run TU markets on GMP rationals too (by default they run on scaled 64-bit
  // integers, falling back to rationals on overflow; both are exact).
  bool rational_arithmetic = false;
  // solve_path_bisect only: most halvings of one §7.1 step before its violations are resolved
  // one at a time at the trial point (simultaneous events cannot be separated by halving).
  int max_halvings = 64;
};
// §7 made exact: from a trivial market (each buyer strictly prefers a distinct good at
// reservation prices; all goods roots) the parameters move linearly to v⁰ and then along the
// instance's path to v¹; between events q(μ,F,z) is affine in z and the next event is an exact
// ratio test; each event applies one of the five transitions of §6.
MepResult solve_path(const AllocationMarket& market, const PathOptions& options = {});

// §7.1 "From continuous to discrete", the paper's own search, as a baseline: instead of the
// exact event times, a trial point z2 (first the leg's end) is tested; a test that finds no
// violation of CE accepts z2, one violation is taken as the indifference and its §6 transition
// is accepted when the new structure passes at z2, anything else halves the step toward the
// last accepted point. Exact rationals on a dyadic grid; every accepted structure passed the
// exact CE test, so the answer is the MEP (it verifies). See path_bisect.cpp.
struct BisectStats {
  long trials = 0;       // structures tested at a trial point
  long halvings = 0;     // steps halved
  long steps = 0;        // trial points accepted (with or without a transition)
  long unseparated = 0;  // steps that reached max_halvings and resolved several violations at one point
  int max_halvings = 0;  // the cap used
  int deepest = 0;       // most halvings of one step
  std::vector<Rational> bracket_low;    // per event: the last accepted point; the event lies in (low, z]
  std::vector<char> event_unseparated;  // per event: applied in an unseparated step
};
struct BisectResult {
  MepResult result;
  BisectStats stats;
};
BisectResult solve_path_bisect(const AllocationMarket& market, const PathOptions& options = {});

// TU case only (every acceptable slope 1; throws std::invalid_argument otherwise): Hungarian
// assignment plus Bellman–Ford longest paths for the least Shapley–Shubik seller surpluses.
MepResult solve_hungarian_bf(const AllocationMarket& market);
// TU case only: the Shapley–Shubik assignment LP and the minimal point of its dual optimal face.
MepResult solve_assignment_lp(const AllocationMarket& market);
// TU case with integer values, outside-option values and reservations only (throws
// std::invalid_argument otherwise): the Demange–Gale–Sotomayor (1986) exact ascending auction,
// raising a minimal overdemanded set by 1 per round from the reservation prices.
MepResult solve_dgs(const AllocationMarket& market);

// §2.3 eq. (2.2) made exact (ga_minmax.cpp): min over allocations of the max over forests of
// Σ q(μ,F), every allocation and forest enumerated, for at most kGaMinmaxMaxSize buyers and
// ordinary goods. Throws EnumerationLimit for larger markets or more than `max_enumeration`
// enumerated GA-structures (GaMinmaxCounts::enumerated, counted before enumerating).
inline constexpr int kGaMinmaxMaxSize = 5;
MepResult solve_ga_minmax(const AllocationMarket& market, std::uint64_t max_enumeration = kDefaultMaxEnumeration);
struct GaMinmaxCounts {
  Integer allocations;  // |M| (each buyer on an acceptable ordinary good or his outside option)
  Integer enumerated;   // pairs (μ, forest on the m allocated goods): what ga-minmax visits
  Integer all;          // |G| of §2.2: also every way of hanging the unallocated goods as leaves
};
GaMinmaxCounts ga_minmax_counts(const AllocationMarket& market);  // throws EnumerationLimit past 5×5
// The number of allocations allocation-lp enumerates, before enumerating: exact by a subset DP
// when the smaller side is small, else counted up to cap + 1 (exact == false: a lower bound).
struct AllocationCount {
  Integer count;
  bool exact = true;
};
AllocationCount allocation_count(const AllocationMarket& market, std::uint64_t cap);

// §7: the number of GA-structures with m buyers and n goods counted as the paper does,
// (Σ_{k=1}^m C(m,k)·k·m^{m−1−k}) · n!/(n−m)!  (rooted forests on the m allocated goods times
// the allocations).
Integer ga_structure_count(int m, int n);

}  // namespace equilab::homotopy
