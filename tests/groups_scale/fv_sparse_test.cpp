// Method fv-sparse: its welfare equals welfare-lp's exactly, or it says "not_converged" with a
// bound that holds (both outcomes are counted and printed); converged results verify with the
// enumerating checker; hand-made instances whose optimum the local moves cannot reach exercise the
// blocking-group rounds and the certified bound. EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <iostream>

#include "common/property_runs.h"
#include "groups_model/wang_examples.h"
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "verify/groups_certificate.h"
#include "verify/groups_scale_certificate.h"

namespace equilab::groups {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();
constexpr std::uint64_t kLimit = kDefaultMaxEnumeration;

BlockingSearch structural(const GroupsInstance& in) {
  return [&in](const std::vector<Rational>& u) { return verify::find_blocking_group(in, u, kLimit); };
}

GroupsOptions no_ranges() {
  GroupsOptions o;
  o.ranges = false;
  return o;
}

// Up to 8 types, sizes within 1..4, every value class of the generator.
GroupsInstance draw_instance() {
  gen::GroupsGenOptions o;
  const int kind =
      *rc::gen::inRange(0, 5);  // table, table recipes, dense pairwise, sparse pairwise, additive
  o.types = *rc::gen::inRange(2, 9);
  o.min_size = *rc::gen::inRange(1, 4);
  o.max_size = *rc::gen::inRange(std::max(o.min_size, 2), 5);
  o.pairwise = kind >= 2;
  o.ties = (kind == 0 || kind == 2) && *rc::gen::arbitrary<bool>();
  if (kind == 1) {
    const Integer available = count_group_types(o.types, std::max(2, o.min_size), std::min(4, o.max_size));
    o.recipes = std::min(*rc::gen::inRange(1, 30), available.convert_to<int>());
  }
  if (kind >= 3) o.degree = *rc::gen::inRange(1, std::min(o.types, 4));
  const std::uint64_t seed = *rc::gen::arbitrary<std::uint32_t>();
  GroupsInstance in = gen::generate_groups(seed, o);
  if (kind == 4) std::get<PairwiseValue>(in.value).pair.clear();
  RC_LOG() << "kind " << kind << " seed " << seed << ": " << write_groups_json(in).dump() << "\n";
  return in;
}

TEST(FvSparse, EqualsWelfareLpOrReportsNotConverged) {
  long optimal = 0, not_converged = 0;
  const bool ok =
      rc::check("fv-sparse welfare = welfare-lp welfare, or not_converged with a valid bound", [&] {
        const GroupsInstance in = draw_instance();
        const StableAssignment lp = solve_welfare_lp(in, no_ranges());
        const StableAssignment fv = solve_fv_sparse(in, no_ranges(), structural(in));
        RC_ASSERT(fv.stats.has_value());
        RC_ASSERT(fv.stats->group_types == count_group_types(in.num_types(), in.min_size, in.max_size));
        RC_ASSERT(fv.assignment.size() <= static_cast<std::size_t>(in.num_types()));  // a basic solution
        if (fv.stats->status == "optimal") {
          ++optimal;
          RC_ASSERT(fv.welfare == lp.welfare);
          RC_ASSERT(fv.stats->max_reduced_cost == 0);
          const verify::Verdict v = verify::check_groups_certificate(in, fv, kLimit);
          if (!v.valid) RC_LOG() << v.failures.front() << "\n";
          RC_ASSERT(v.valid);
        } else {
          ++not_converged;
          RC_ASSERT(fv.stats->status == std::string("not_converged"));
          RC_ASSERT(fv.stats->bound.has_value());
          RC_ASSERT(fv.welfare <= lp.welfare);
          RC_ASSERT(lp.welfare <= *fv.stats->bound);
          RC_ASSERT(fv.stats->max_reduced_cost > 0);
        }
      });
  EXPECT_TRUE(ok);
  std::cout << "fv-sparse vs welfare-lp: " << optimal << " optimal and equal, " << not_converged
            << " not_converged (counts include RapidCheck's shrinking runs, if any)\n";
}

// 5k types of mass 1, sizes `min_size`..5, s([5j, …, 5j+4]) = 10 for j < k, every other group 0.
// At u >= 0 every unlisted group has ρ <= 0, and a listed group is at least three replacements
// away from any group the local moves start from (homogeneous groups; a formed listed group;
// the chains of best neighbours drift towards the smallest type indices), so each listed group
// must come from the blocking search. Optimum W* = 10k (every listed group formed once).
GroupsInstance blocks(int k, int min_size) {
  GroupsInstance in;
  for (int i = 0; i < 5 * k; ++i) in.types.push_back({"t" + std::to_string(i + 1), Rational(1)});
  in.min_size = min_size;
  in.max_size = 5;
  TableValue t;
  t.default_value = 0;
  for (int j = 0; j < k; ++j) t.values[{5 * j, 5 * j + 1, 5 * j + 2, 5 * j + 3, 5 * j + 4}] = 10;
  in.value = t;
  return in;
}

TEST(FvSparse, ResumesAfterABlockingGroup) {
  const GroupsInstance in = blocks(1, 5);
  int calls = 0;
  const BlockingSearch search = [&](const std::vector<Rational>& u) {
    ++calls;
    return verify::find_blocking_group(in, u, kLimit);
  };
  const StableAssignment fv = solve_fv_sparse(in, no_ranges(), search);
  EXPECT_EQ(fv.stats->status, "optimal");
  EXPECT_EQ(fv.welfare, 10);
  EXPECT_EQ(calls, 2);  // one blocking group added, then none left
  EXPECT_TRUE(verify::check_groups_certificate(in, fv, kLimit).valid);
}

TEST(FvSparse, ThreeBlockingRoundsThenACertifiedBound) {
  // Four listed groups: three are added after blocking searches, the fourth ends the run. Then
  // W_S = 30, and the remaining listed group has ρ = 10 − 0 = 10, the largest (its types sit in
  // homogeneous groups of value 0, so u = 0 there, and u >= 0 everywhere because the homogeneous
  // groups [i^{N'}] stay in the support with s = 0). Σμ = 20.
  // Sizes 5..5: bound = 30 + (10/5)·20 = 70 >= W* = 40.
  const GroupsInstance in = blocks(4, 5);
  const StableAssignment fv = solve_fv_sparse(in, no_ranges(), structural(in));
  EXPECT_EQ(fv.stats->status, "not_converged");
  EXPECT_EQ(fv.welfare, 30);
  EXPECT_EQ(fv.stats->max_reduced_cost, 10);
  ASSERT_TRUE(fv.stats->bound.has_value());
  EXPECT_EQ(*fv.stats->bound, 70);
  EXPECT_EQ(solve_welfare_lp(in, no_ranges()).welfare, 40);

  // Sizes 4..5: the smallest permitted size divides, bound = 30 + (10/4)·20 = 80 (dividing by the
  // largest size would give 70, not valid in general).
  const GroupsInstance wide = blocks(4, 4);
  const StableAssignment fv_wide = solve_fv_sparse(wide, no_ranges(), structural(wide));
  EXPECT_EQ(fv_wide.stats->status, "not_converged");
  EXPECT_EQ(fv_wide.welfare, 30);
  ASSERT_TRUE(fv_wide.stats->bound.has_value());
  EXPECT_EQ(*fv_wide.stats->bound, 80);
}

// Above 64 types the sweep restricts its replacement types (pair partners and the best single
// types; recipe completions and the cheapest types) and samples merges. Against colgen (an
// independent method) on a few seeded instances of both tractable classes; converged results are
// certified by the structural checker.
TEST(FvSparse, RestrictedMovesAboveSixtyFourTypesEqualColgen) {
  long optimal = 0, not_converged = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed)
    for (bool pairwise : {true, false}) {
      gen::GroupsGenOptions o;
      o.types = 80;
      o.min_size = 1;
      o.max_size = 3;
      o.pairwise = pairwise;
      (pairwise ? o.degree : o.recipes) = pairwise ? 4 : 400;
      const GroupsInstance in = gen::generate_groups(seed, o);
      const StableAssignment cg = solve_colgen(in, no_ranges());
      const StableAssignment fv = solve_fv_sparse(in, no_ranges(), structural(in));
      if (fv.stats->status == "optimal") {
        ++optimal;
        EXPECT_EQ(fv.welfare, cg.welfare) << "seed " << seed << (pairwise ? " pairwise" : " table");
        const verify::Verdict v = verify::check_groups_at_scale(in, fv, kLimit);
        EXPECT_TRUE(v.valid) << (v.valid ? "" : v.failures.front());
      } else {
        ++not_converged;
        EXPECT_LE(fv.welfare, cg.welfare);
        ASSERT_TRUE(fv.stats->bound.has_value());
        EXPECT_GE(*fv.stats->bound, cg.welfare);
      }
    }
  std::cout << "fv-sparse vs colgen, 80 types: " << optimal << " optimal and equal, " << not_converged
            << " not_converged\n";
}

TEST(FvSparse, WangSection242) {
  // §2.4.2: μ = (1,1,1), sizes 2..3, s([1,2,2]) = 9, s([3,3,3]) = 4, s([1,2]) = 2, s([3,3]) = 3:
  // Π = 6 with the unique imputation u = (0, 9/2, 3/2).
  const GroupsInstance in = examples::wang_242();
  const StableAssignment fv = solve_fv_sparse(in, no_ranges(), structural(in));
  EXPECT_EQ(fv.stats->status, "optimal");
  EXPECT_EQ(fv.welfare, 6);
  EXPECT_EQ(fv.imputation, (std::vector<Rational>{Rational(0), Rational(9, 2), Rational(3, 2)}));
  EXPECT_EQ(fv.stats->group_types, 16);  // C(4,2) + C(5,3) = 6 + 10
}

}  // namespace
}  // namespace equilab::groups
