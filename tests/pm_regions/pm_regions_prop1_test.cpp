// EMZ 2022 §4.3, Prop. 1: lcs(C) = {x ≥ 0 : x satisfies (2)}, checked through support functions.
// Both sides are convex, contained in ℝ^{NL}_+ and closed under decreasing coordinates (lcs(C) by
// definition, (2) because its rows have non-negative coefficients), so they are equal iff
// max w·x agrees for every w ≥ 0; and max over lcs(C) = max over C for w ≥ 0.
//   C   = {x ≥ 0 : Σ_l x_il ≤ 1, Σ_i x_il ≤ q_l, q̲_{R_k} ≤ Σ_i Σ_{l∈R_k} x_il ≤ q̄_{R_k}} (ceilings as
//         read), built here from in.regions alone;
//   (2) = {x ≥ 0 : Σ_l x_il ≤ 1, Σ_i x_il ≤ q_l, the rows "region:…" that add_region_rows put in Ω*}.
// Unit demand in C is the inequality Σ_l x_il ≤ 1: EMZ (2) writes 0 ≤ Σ_l x_il ≤ 1 and the proof of
// Prop. 1 only uses ≤ 1 (a doctor may stay unassigned). UnitDemandIsAnInequality shows that with the
// equality Σ_l x_il = 1 the proposition fails under EMZ's assumptions.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/property_runs.h"
#include "generators/pseudo_market_eq_generator.h"
#include "lp/exact_simplex.h"
#include "lp/model.h"
#include "pm_regions_util.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {
namespace {

[[maybe_unused]] const bool kRuns = equilab::testing::configure_property_runs();

using regions_test::make_instance;
using regions_test::region;

enum class Side {
  C,              // C with Σ_l x_il ≤ 1
  CEveryAgent,    // C with Σ_l x_il = 1 (not EMZ's C; see the header)
  Eq2,            // the eq. (2) system: unit demand, supplies, the region rows of Ω*
  Eq2Singletons,  // control: (2) without the rows of unions of ≥ 2 regions
  Ceilings,       // control: unit demand, supplies, the ceilings as read (the floors ignored)
};

lp::Constraint sum_row(const EquilibriumInstance& in, const std::vector<int>& objects, lp::RowOp op,
                       const Rational& rhs) {
  lp::Constraint row{"", {}, op, rhs};
  for (int i = 0; i < in.num_agents(); ++i)
    for (int l : objects) row.coef.emplace_back(in.cell(i, l), Rational(1));
  return row;
}

// max w·x over the set `side` (exact simplex); nullopt when the set is empty.
std::optional<Rational> support(const EquilibriumInstance& in, const std::vector<Rational>& w, Side side) {
  const int n = in.num_agents(), L = in.num_objects();
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int c = 0; c < n * L; ++c) {
    m.variables.push_back({"x" + std::to_string(c), Rational(0), std::nullopt});
    m.objective.push_back(w[c]);
  }
  for (int i = 0; i < n; ++i) {
    lp::Constraint unit{
        "unit", {}, side == Side::CEveryAgent ? lp::RowOp::Equal : lp::RowOp::LessEqual, Rational(1)};
    for (int l = 0; l < L; ++l) unit.coef.emplace_back(in.cell(i, l), Rational(1));
    m.constraints.push_back(std::move(unit));
  }
  for (int l = 0; l < L; ++l)
    m.constraints.push_back(sum_row(in, {l}, lp::RowOp::LessEqual, in.objects[l].supply));
  if (side == Side::C || side == Side::CEveryAgent || side == Side::Ceilings)
    for (const auto& r : in.regions) {
      m.constraints.push_back(sum_row(in, r.objects, lp::RowOp::LessEqual, r.ceiling));
      if (side != Side::Ceilings)
        m.constraints.push_back(sum_row(in, r.objects, lp::RowOp::GreaterEqual, r.floor));
    }
  if (side == Side::Eq2 || side == Side::Eq2Singletons) {
    for (const LinearRow& row : in.priced) {
      if (row.name.rfind("region:", 0) != 0) continue;
      if (side == Side::Eq2Singletons && row.name.find('+') != std::string::npos) continue;
      m.constraints.push_back({row.name, row.coef, lp::RowOp::LessEqual, row.rhs});
    }
    // a region row with q̄_R = 0 forbids its cells: finish_equilibrium keeps it out of Ω* as one
    // individual row per agent ("region:…@agent", EMZ §2.5's (a⁰, 0))
    for (const auto& rows : in.individual)
      for (const LinearRow& row : rows) {
        if (row.name.rfind("region:", 0) != 0) continue;
        if (side == Side::Eq2Singletons && row.name.find('+') != std::string::npos) continue;
        m.constraints.push_back({row.name, row.coef, lp::RowOp::LessEqual, row.rhs});
      }
  }
  lp::normalize_rows(m);
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  if (sol.status == lp::Status::Infeasible) return std::nullopt;
  if (sol.status != lp::Status::Optimal) throw std::logic_error("bounded LP not optimal");
  return sol.objective;
}

// N ≤ 4 agents, L ≤ 4 objects with supplies 1..2 (raised at random until Σ q ≥ N), K ≤ min(3, L)
// random regions (generator), then finish_equilibrium.
EquilibriumInstance draw_instance(std::uint64_t seed) {
  Random rng(seed);
  const int n = static_cast<int>(rng.uniform_int(1, 4));
  const int L = static_cast<int>(rng.uniform_int(1, 4));
  std::vector<int> supplies(L);
  int total = 0;
  for (int& q : supplies) total += q = static_cast<int>(rng.uniform_int(1, 2));
  for (; total < n; ++total) ++supplies[rng.uniform_int(0, L - 1)];
  EquilibriumInstance in = make_instance(n, supplies);
  gen::add_random_regions(rng, in, static_cast<int>(rng.uniform_int(1, std::min(3, L))));
  finish_equilibrium(in);
  return in;
}

// The same sizes with regions drawn here, independently of the generator: N ≥ 2, L ≥ 2, K ≥ 2,
// supplies 1..3, floors in order of the regions, ceilings never above the region's supply (so more
// ceilings bind and more unions get rows).
EquilibriumInstance draw_instance_local(std::uint64_t seed) {
  Random rng(seed);
  const int n = static_cast<int>(rng.uniform_int(2, 4));
  const int L = static_cast<int>(rng.uniform_int(2, 4));
  std::vector<int> supplies(L);
  int total = 0;
  for (int& q : supplies) total += q = static_cast<int>(rng.uniform_int(1, 3));
  for (; total < n; ++total) ++supplies[rng.uniform_int(0, L - 1)];
  EquilibriumInstance in = make_instance(n, supplies);
  const int K = static_cast<int>(rng.uniform_int(2, std::min(3, L)));
  std::vector<std::vector<int>> objects(K);
  for (int l = 0; l < L; ++l) objects[l < K ? l : rng.uniform_int(0, K - 1)].push_back(l);
  int left = n;
  for (int k = 0; k < K; ++k) {
    int s = 0;
    for (int l : objects[k]) s += supplies[l];
    const int floor = static_cast<int>(rng.uniform_int(0, std::min(s, left)));
    left -= floor;
    in.regions.push_back(
        region("Q" + std::to_string(k), objects[k], floor, static_cast<int>(rng.uniform_int(floor, s))));
  }
  finish_equilibrium(in);
  return in;
}

// Integer weights 0..4; every other vector has each entry zeroed with probability 1/2 (so that the
// comparison also probes faces of the lower contour sets).
std::vector<Rational> draw_weights(Random& rng, int cells, bool sparse) {
  std::vector<Rational> w(cells);
  for (Rational& v : w) v = (sparse && rng.bernoulli(1, 2)) ? 0 : rng.uniform_int(0, 4);
  return w;
}

struct Counts {
  int instances = 0, comparisons = 0, floors_matter = 0, unions_matter = 0, with_union_rows = 0;
};

// Compares max w·x over C and over (2) for `weights` weight vectors; the first disagreement (or an
// empty side) as text, nothing when all agree.
std::optional<std::string> check_instance(std::uint64_t seed, int weights, Counts& counts,
                                          bool local = false) {
  const EquilibriumInstance in = local ? draw_instance_local(seed) : draw_instance(seed);
  ++counts.instances;
  bool floors_matter = false, unions_matter = false;
  for (const LinearRow& row : in.priced)
    if (row.name.find('+') != std::string::npos) {
      ++counts.with_union_rows;
      break;
    }
  Random rng(seed ^ 0x9e3779b97f4a7c15ULL);
  for (int k = 0; k < weights; ++k) {
    const std::vector<Rational> w = draw_weights(rng, in.num_cells(), k % 2 == 1);
    const std::optional<Rational> c = support(in, w, Side::C), a = support(in, w, Side::Eq2);
    const std::string where = "seed " + std::to_string(seed) + ", weights " + std::to_string(k) + ": ";
    if (!c) return where + "C is empty under EMZ's assumptions";
    if (!a) return where + "the eq. (2) system is empty";
    if (*c != *a)
      return where + "max over C " + equilab::to_string(*c) + ", over (2) " + equilab::to_string(*a);
    ++counts.comparisons;
    if (*support(in, w, Side::Ceilings) != *c) floors_matter = true;
    if (*support(in, w, Side::Eq2Singletons) != *c) unions_matter = true;
  }
  counts.floors_matter += floors_matter;
  counts.unions_matter += unions_matter;
  return std::nullopt;
}

// 250 generator instances (seeds 1..250) and 250 locally drawn ones (seeds 1001..1250), × 8
// weight vectors each.
TEST(PmRegionsProp1, LowerContourSetIsTheEq2System) {
  for (bool local : {false, true}) {
    SCOPED_TRACE(local ? "regions drawn by the test" : "regions drawn by the generator");
    Counts counts;
    for (std::uint64_t seed = 1; seed <= 250; ++seed) {
      const std::optional<std::string> failure = check_instance(local ? 1000 + seed : seed, 8, counts, local);
      ASSERT_FALSE(failure.has_value()) << *failure;
    }
    std::cout << (local ? "local draws: " : "generator: ") << counts.instances << " instances, "
              << counts.comparisons << " support comparisons; floors change the support function in "
              << counts.floors_matter << ", union rows needed in " << counts.unions_matter
              << ", union rows present in " << counts.with_union_rows << "\n";
    EXPECT_EQ(counts.comparisons, 2000);
    // The comparison has teeth: ignoring the floors' ceilings (the N-terms of eq. (2)), or dropping
    // the rows of unions of regions, changes max w·x on some instances.
    EXPECT_GT(counts.floors_matter, 0);
    EXPECT_GT(counts.unions_matter, 0);
  }
}

RC_GTEST_PROP(PmRegionsProp1, LowerContourSetIsTheEq2SystemRandomSeeds, ()) {
  const auto seed = *rc::gen::inRange<std::uint64_t>(1000, 1'000'000'000);
  Counts counts;
  const std::optional<std::string> failure = check_instance(seed, 4, counts, *rc::gen::arbitrary<bool>());
  RC_ASSERT(failure == std::nullopt);
}

// With every agent assigned (Σ_l x_il = 1) Prop. 1 fails although EMZ's assumptions hold:
// N = 2, one object a with supply 2 (Σ q = 2 ≥ N), one region {a} with floor 0, ceiling 1.
// Two agents cannot both be placed under a ceiling of 1, so that C is empty, while (2) is
// {x ≥ 0 : x_1a + x_2a ≤ 1, …} with q̄ = min(1, 2 − 0) = 1 < min(N, q_a) = 2 (row kept): for w = 1
// its max is 1. With Σ_l x_il ≤ 1, C has the same max, 1.
TEST(PmRegionsProp1, UnitDemandIsAnInequality) {
  EquilibriumInstance in = make_instance(2, {2});
  in.regions = {region("R", {0}, 0, 1)};
  finish_equilibrium(in);
  const std::vector<Rational> w(2, Rational(1));
  EXPECT_FALSE(support(in, w, Side::CEveryAgent).has_value());
  EXPECT_EQ(support(in, w, Side::Eq2), std::optional<Rational>(1));
  EXPECT_EQ(support(in, w, Side::C), std::optional<Rational>(1));
}

// The hand example of the rows test (N = 3; a (1), b (2), c (2), d (1); R1 = {d, a} [1, 2],
// R2 = {b} [1, 3], R3 = {c} [0, 1]), support values computed by hand:
//   w = 1 on b's cells: supply 2, and the third agent can meet R1's floor: max 2;
//   w = 1 on a, b, d (R1 ∪ R2): 3 agents, supplies 4, ceilings 5: max 3;
//   w = 1 on c: R3's ceiling: max 1;
//   w = 1 on a, c, d (R1 ∪ R3): R2's floor takes one of the 3 agents: max 2 (the row
//   region:R1+R3 ≤ 2); ignoring the floors, R1 ≤ 2 and R3 ≤ 1 would allow 3.
TEST(PmRegionsProp1, HandExample) {
  EquilibriumInstance in = make_instance(3, {1, 2, 2, 1});
  in.regions = {region("R1", {3, 0}, 1, 2), region("R2", {1}, 1, 3), region("R3", {2}, 0, 1)};
  finish_equilibrium(in);
  auto weights_on = [&](std::vector<int> objects) {
    std::vector<Rational> w(in.num_cells(), Rational(0));
    for (int i = 0; i < 3; ++i)
      for (int l : objects) w[in.cell(i, l)] = 1;
    return w;
  };
  for (Side side : {Side::C, Side::Eq2}) {
    SCOPED_TRACE(side == Side::C ? "C" : "(2)");
    EXPECT_EQ(support(in, weights_on({1}), side), std::optional<Rational>(2));
    EXPECT_EQ(support(in, weights_on({0, 1, 3}), side), std::optional<Rational>(3));
    EXPECT_EQ(support(in, weights_on({2}), side), std::optional<Rational>(1));
    EXPECT_EQ(support(in, weights_on({0, 2, 3}), side), std::optional<Rational>(2));
  }
  EXPECT_EQ(support(in, weights_on({0, 2, 3}), Side::Ceilings), std::optional<Rational>(3));
}

}  // namespace
}  // namespace equilab::pseudo_market
