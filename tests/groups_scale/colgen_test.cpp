// Method `colgen` (column generation with exact pricing) against the enumerating `welfare-lp`
// (an independent method: exact simplex over every group type): equal welfare exactly on random
// pairwise-sparse and table instances (|I| <= 25, N <= 4), at most |I| formed groups, and the
// certificate verifies with the enumerating checker. Hand-computed cases from Wang §2.4.
// EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include "common/property_runs.h"
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "scale_instances.h"
#include "verify/groups_certificate.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace equilab::groups {
namespace {

using namespace scale_test;

const bool kRunsConfigured = testing::configure_property_runs();

GroupsOptions no_ranges() {
  GroupsOptions o;
  o.ranges = false;
  return o;
}

void check_against_welfare_lp(Kind kind) {
  // Up to 25 types; the largest size is drawn so that welfare-lp's enumeration stays small
  // (sizes up to 4 with at most 12 types, up to 3 with at most 25).
  const int max_size = *rc::gen::inRange(1, 5);
  const Data d = draw_data(kind, max_size == 4 ? 12 : 25, max_size);
  const GroupsInstance inst = instance_of(d);
  RC_LOG() << kind_name(kind) << " " << write_groups_json(inst).dump() << "\n";
  const StableAssignment reference = solve_welfare_lp(inst, no_ranges());
  const StableAssignment cg = solve_colgen(inst, no_ranges());
  RC_ASSERT(cg.welfare == reference.welfare);
  RC_ASSERT(cg.assignment.size() <= static_cast<std::size_t>(d.k));
  RC_ASSERT(cg.stats.has_value());
  RC_ASSERT(cg.stats->status == std::string("optimal"));
  RC_ASSERT(cg.stats->max_reduced_cost <= 0);
  RC_ASSERT(cg.stats->group_types == count_group_types(d.k, d.lo, d.hi));
  RC_ASSERT(cg.stats->columns_final <= cg.stats->columns_generated);
  RC_ASSERT(cg.stats->exact_rounds >= 1);
  const verify::Verdict v = verify::check_groups_certificate(inst, cg, kDefaultMaxEnumeration);
  if (!v.valid) RC_LOG() << v.failures.front() << "\n";
  RC_ASSERT(v.valid);
  // The result survives its JSON form with its stats.
  const Json doc = write_result_json(inst, cg, "colgen", true);
  const StableAssignment back = read_result_json(inst, JsonNode(doc, "result.json"));
  RC_ASSERT(back.welfare == cg.welfare);
  RC_ASSERT(back.stats.has_value());
  RC_ASSERT(back.stats->group_types == cg.stats->group_types);
  RC_ASSERT(back.stats->rounds == cg.stats->rounds);
  RC_ASSERT(back.stats->max_reduced_cost == cg.stats->max_reduced_cost);
}

RC_GTEST_PROP(Colgen, PairwiseSparseEqualsWelfareLp, ()) { check_against_welfare_lp(Kind::PairwiseSparse); }
RC_GTEST_PROP(Colgen, TableEqualsWelfareLp, ()) { check_against_welfare_lp(Kind::Table); }
RC_GTEST_PROP(Colgen, NegativePairsEqualWelfareLp, ()) { check_against_welfare_lp(Kind::NegativePairs); }

// §2.4.2: Π = 6 with the unique imputation u = (0, 9/2, 3/2) (hand-checked: τ([1,2,2]) = 1/2,
// τ([3,3]) = 1/2 and half a unit of type 1 idle give 9/2 + 3/2 = 6 = Σ u μ).
TEST(Colgen, WangSection242) {
  Data d;
  d.kind = Kind::Table;
  d.k = 3;
  d.lo = 2;
  d.hi = 3;
  d.mass.assign(3, Rational(1));
  d.default_value = 0;
  d.listed = {{{0, 1, 1}, 9}, {{2, 2, 2}, 4}, {{0, 1}, 2}, {{2, 2}, 3}};
  const StableAssignment r = solve_colgen(instance_of(d), no_ranges());
  EXPECT_EQ(r.welfare, Rational(6));
  EXPECT_EQ(r.imputation, (std::vector<Rational>{Rational(0), Rational(9, 2), Rational(3, 2)}));
  EXPECT_FALSE(r.ranges.has_value());
  ASSERT_TRUE(r.stats.has_value());
  EXPECT_EQ(r.stats->group_types, Integer(16));  // C(4,2) + C(5,3) = 6 + 10
}

// §2.4.3 with a bound: one type of mass 1, s_n = n − 1 for sizes 1..N (own 1, size term −1,
// additive). Everyone in N-groups: Π = (N−1)/N, u = 1 − 1/N.
TEST(Colgen, WangSection243) {
  for (int N = 1; N <= 6; ++N) {
    Data d;
    d.kind = Kind::Additive;
    d.k = 1;
    d.lo = 1;
    d.hi = N;
    d.mass = {Rational(1)};
    d.own = {Rational(1)};
    d.size.assign(N + 1, Rational(-1));
    d.pair = {{Rational(0)}};
    const StableAssignment r = solve_colgen(instance_of(d), no_ranges());
    EXPECT_EQ(r.welfare, Rational(N - 1, N)) << N;
    EXPECT_EQ(r.imputation, std::vector<Rational>{1 - Rational(1, N)}) << N;
  }
}

// A blocking group whose ρ is below the double phase's tolerance (1e−9·scale) is found by the
// exact phase. Table, types 1 and 2 of mass 1, sizes 1..2: s([1]) = s([2]) = 10^12,
// s([1,1]) = 2·10^12 + 1, s([1,2]) = 2·10^12 + 1/2 + 1/1000, s([2,2]) = 0 (default). The start
// columns hold [1,1] (the best 2-group at u = 0) but not [1,2]; with them u(1) >= 10^12 + 1/2,
// u(2) >= 10^12, and [1,2] then has ρ = 1/1000 at most, far below 1e−9·2·10^12 = 2000.
// Optimum by hand: τ([1,2]) = 1 gives 2·10^12 + 501/1000, more than [1,1]×1/2 + [2]
// (2·10^12 + 1/2) or singletons (2·10^12).
TEST(Colgen, ExactPhaseAddsWhatDoublePricingMisses) {
  Data d;
  d.kind = Kind::Table;
  d.k = 2;
  d.lo = 1;
  d.hi = 2;
  d.mass = {Rational(1), Rational(1)};
  d.default_value = 0;
  const Rational T = Rational(1000000) * 1000000;
  d.listed = {{{0}, T}, {{1}, T}, {{0, 0}, 2 * T + 1}, {{0, 1}, 2 * T + Rational(1, 2) + Rational(1, 1000)}};
  const GroupsInstance inst = instance_of(d);
  const StableAssignment r = solve_colgen(inst, no_ranges());
  EXPECT_EQ(r.welfare, 2 * T + Rational(501, 1000));
  ASSERT_TRUE(r.stats.has_value());
  EXPECT_GE(r.stats->exact_rounds, 2);
  EXPECT_TRUE(verify::check_groups_certificate(inst, r, kDefaultMaxEnumeration).valid);
}

// With ranges asked for and few group types, colgen adds the enumerated ranges.
TEST(Colgen, RangesOnlyWhenAskedAndSmall) {
  Data d;
  d.kind = Kind::Table;
  d.k = 2;
  d.lo = 2;
  d.hi = 2;
  d.mass = {Rational(1), Rational(1)};
  d.default_value = 0;
  d.listed = {{{0, 1}, 1}};
  GroupsOptions o;
  o.ranges = true;
  // §2.4.1: μ = (1,1), s([1,2]) = 1: u1 + u2 = 1 with u in [0,1] each.
  const StableAssignment r = solve_colgen(instance_of(d), o);
  ASSERT_TRUE(r.ranges.has_value());
  EXPECT_EQ((*r.ranges)[0].min, Rational(0));
  EXPECT_EQ((*r.ranges)[0].max, Rational(1));
  o.max_enumeration = 2;  // 3 group types > 2: no ranges, and no refusal (nothing is enumerated)
  EXPECT_FALSE(solve_colgen(instance_of(d), o).ranges.has_value());
}

}  // namespace
}  // namespace equilab::groups
