// The three groups methods (welfare-lp, transport, vertex-enum) and the imputation
// ranges on the worked examples of Wang (2019) §2.4 and the errata of the notes
// (Wang 2019 §2.4 and its errata). Expected values are the hand-checked ones of the
// paper/notes, never outputs of the code. Every result is also checked here with small
// exact helpers: consistency Σ_G G(i)τ(G) = μ(i), no-blocking for u, Σ sτ = Σ uμ = W,
// and every range witness and multiplier.
#include "groups_methods_helpers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <numeric>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace equilab::groups {
namespace {

using test::check_result;
using test::make_table;
using test::R;

// §2.4.1: two types, size 2, s([1,2]) = 1, s([1,1]) = s([2,2]) = 0.
GroupsInstance example_241(const Rational& mu1, const Rational& mu2) {
  return make_table({mu1, mu2}, 2, 2, 0, {{{0, 1}, 1}});
}

// §2.4.2: μ = (1,1,1), sizes 2..3, s([1,2,2]) = 9, s([3,3,3]) = 4, s([1,2]) = 2, s([3,3]) = 3.
GroupsInstance example_242() {
  return make_table({1, 1, 1}, 2, 3, 0, {{{0, 1, 1}, 9}, {{2, 2, 2}, 4}, {{0, 1}, 2}, {{2, 2}, 3}});
}

// §2.4.3 with the bound N = 5: one type, mass 1, sizes 1..5, s_n = n - 1.
GroupsInstance example_243() {
  return make_table({1}, 1, 5, 0, {{{0}, 0}, {{0, 0}, 1}, {{0, 0, 0}, 2}, {{0, 0, 0, 0}, 3}, {{0, 0, 0, 0, 0}, 4}});
}

// §2.4.4: sizes 1..2, μ = (1,1), s([1]) = 0, s([2]) = 1000, s([1,1]) = 0, s([2,2]) = 2000,
// s([1,2]) = 900083/1000 (the catalog's rational stand-in for ≈ 900.0833).
GroupsInstance example_244() {
  return make_table({1, 1}, 1, 2, 0,
                    {{{0}, 0}, {{1}, 1000}, {{0, 0}, 0}, {{1, 1}, 2000}, {{0, 1}, R("900083/1000")}});
}

// Erratum 2: 3 types, μ = (2,5,1), sizes 2..3, s([1,1]) = 2, all else 0: Π = 2.
GroupsInstance erratum_2() { return make_table({2, 5, 1}, 2, 3, 0, {{{0, 0}, 2}}); }

// Erratum 3: 2 types, μ = (1,1), sizes 2..3, s ≡ -1: Π = -2/3.
GroupsInstance erratum_3() { return make_table({1, 1}, 2, 3, -1, {}); }

StableAssignment solve(const std::string& method, const GroupsInstance& instance, GroupsOptions o = {}) {
  if (method == "welfare-lp") return solve_welfare_lp(instance, o);
  if (method == "transport") return solve_transport(instance, o);
  if (method == "transport-full") {
    o.transport_form = GroupsOptions::TransportForm::Full;
    return solve_transport(instance, o);
  }
  if (method == "transport-factorial") {
    o.replication = GroupsOptions::Replication::Factorial;
    return solve_transport(instance, o);
  }
  if (method == "vertex-enum") return solve_vertex_enum(instance, o);
  throw std::invalid_argument(method);
}

const std::vector<std::string> kMethods = {"welfare-lp", "transport", "transport-full", "transport-factorial",
                                           "vertex-enum"};

class AllMethods : public ::testing::TestWithParam<std::string> {};

TEST_P(AllMethods, Example241Balanced) {
  const auto inst = example_241(1, 1);
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, 1);
  ASSERT_TRUE(r.ranges);
  EXPECT_EQ((*r.ranges)[0].min, 0);
  EXPECT_EQ((*r.ranges)[0].max, 1);
  EXPECT_EQ((*r.ranges)[1].min, 0);
  EXPECT_EQ((*r.ranges)[1].max, 1);
  EXPECT_EQ(imputation_unique(r), false);
  EXPECT_EQ(r.imputation[0] + r.imputation[1], 1);
}

TEST_P(AllMethods, Example241Unbalanced) {
  for (auto [mu1, mu2, u1, u2] : {std::tuple{2, 1, 0, 1}, std::tuple{1, 2, 1, 0}}) {
    const auto inst = example_241(mu1, mu2);
    const auto r = solve(GetParam(), inst);
    check_result(inst, r);
    EXPECT_EQ(r.welfare, 1);
    EXPECT_EQ(imputation_unique(r), true);
    EXPECT_EQ(r.imputation, (std::vector<Rational>{u1, u2}));
    EXPECT_EQ((*r.ranges)[0].min, u1);
    EXPECT_EQ((*r.ranges)[1].max, u2);
  }
}

TEST_P(AllMethods, Example242) {
  const auto inst = example_242();
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, 6);
  EXPECT_EQ(r.group_types, 16u);
  const std::vector<Rational> u = {0, R("9/2"), R("3/2")};
  EXPECT_EQ(r.imputation, u);
  EXPECT_EQ(imputation_unique(r), true);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*r.ranges)[i].min, u[i]);
    EXPECT_EQ((*r.ranges)[i].max, u[i]);
  }
  // Formed: [1,2,2] 1/2 and [3,3] 1/2 (the idle half unit of type 1 may sit in [1,1] or [1,1,1]).
  Rational m122 = 0, m33 = 0;
  for (const auto& f : r.assignment) {
    if (f.group == GroupType{0, 1, 1}) m122 = f.mass;
    if (f.group == GroupType{2, 2}) m33 = f.mass;
  }
  EXPECT_EQ(m122, R("1/2"));
  EXPECT_EQ(m33, R("1/2"));
}

TEST_P(AllMethods, Example243) {
  const auto inst = example_243();
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, R("4/5"));
  EXPECT_EQ(r.imputation, std::vector<Rational>{R("4/5")});
  EXPECT_EQ((*r.ranges)[0].min, R("4/5"));
  EXPECT_EQ((*r.ranges)[0].max, R("4/5"));
  ASSERT_EQ(r.assignment.size(), 1u);  // all agents in 5-groups
  EXPECT_EQ(r.assignment[0].group, (GroupType{0, 0, 0, 0, 0}));
  EXPECT_EQ(r.assignment[0].mass, R("1/5"));
}

TEST_P(AllMethods, Example244) {
  const auto inst = example_244();
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, 1000);
  EXPECT_EQ(r.imputation, (std::vector<Rational>{0, 1000}));
  EXPECT_EQ(imputation_unique(r), true);
  // No [1,2] pair forms (900.083 < 0 + 1000); [2] and [2,2] are worth the same per member.
  for (const auto& f : r.assignment) EXPECT_NE(f.group, (GroupType{0, 1}));
}

TEST_P(AllMethods, Erratum2TiesWithFakeGroups) {
  const auto inst = erratum_2();
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, 2);
}

TEST_P(AllMethods, Erratum3NegativeValues) {
  const auto inst = erratum_3();
  const auto r = solve(GetParam(), inst);
  check_result(inst, r);
  EXPECT_EQ(r.welfare, R("-2/3"));
}

INSTANTIATE_TEST_SUITE_P(Groups, AllMethods, ::testing::ValuesIn(kMethods),
                         [](const auto& info) {
                           std::string s = info.param;
                           for (char& c : s)
                             if (c == '-') c = '_';
                           return s;
                         });

TEST(Transport, FractionalGroupsOf242) {
  const auto inst = example_242();
  for (auto rep : {GroupsOptions::Replication::Lcm, GroupsOptions::Replication::Factorial}) {
    GroupsOptions o;
    o.replication = rep;
    const auto r = solve_transport(inst, o);
    EXPECT_EQ(r.replication, 6);  // lcm(2,3) = 3! = 6
    EXPECT_EQ(r.fractional_groups, 13u);
    EXPECT_EQ(r.welfare, 6);
  }
}

TEST(Transport, ReplicationOf243) {
  GroupsOptions o;
  auto r = solve_transport(example_243(), o);
  EXPECT_EQ(r.replication, 60);     // lcm(1..5)
  EXPECT_EQ(r.fractional_groups, 1u);  // one type: every n-group is [1^L]
  o.replication = GroupsOptions::Replication::Factorial;
  r = solve_transport(example_243(), o);
  EXPECT_EQ(r.replication, 120);
  EXPECT_EQ(r.welfare, R("4/5"));
}

TEST(Transport, FullFormRefusesLargeInstances) {
  // 3 types, sizes 1..4: L = 12, 3^12 = 531,441 ordered tuples > 50,000.
  const auto inst = make_table({1, 1, 1}, 1, 4, 0, {});
  GroupsOptions o;
  o.transport_form = GroupsOptions::TransportForm::Full;
  EXPECT_THROW(solve_transport(inst, o), EnumerationLimit);
}

TEST(VertexEnum, RefusesBeyondTheLimit) {
  GroupsOptions o;
  o.max_enumeration = 559;  // C(16, 3) = 560 bases on §2.4.2
  EXPECT_THROW(solve_vertex_enum(example_242(), o), EnumerationLimit);
  o.max_enumeration = 560;
  EXPECT_EQ(solve_vertex_enum(example_242(), o).welfare, 6);
}

TEST(WelfareLp, BasicOptimumHasAtMostKFormedGroups) {
  for (const auto& inst : {example_242(), erratum_2(), example_244()}) {
    const auto r = solve_welfare_lp(inst, GroupsOptions{});
    EXPECT_LE(r.assignment.size(), static_cast<std::size_t>(inst.num_types()));
  }
}

TEST(WelfareLp, NoRanges) {
  GroupsOptions o;
  o.ranges = false;
  const auto r = solve_welfare_lp(example_242(), o);
  EXPECT_FALSE(r.ranges.has_value());
  EXPECT_EQ(imputation_unique(r), std::nullopt);
}

TEST(WelfareLp, DoubleArithmetic) {
  GroupsOptions o;
  o.exact = false;
  const auto r = solve_welfare_lp(example_242(), o);
  EXPECT_NEAR(r.welfare.convert_to<double>(), 6.0, 1e-9);
  ASSERT_EQ(r.imputation.size(), 3u);
  EXPECT_NEAR(r.imputation[0].convert_to<double>(), 0.0, 1e-9);
  EXPECT_NEAR(r.imputation[1].convert_to<double>(), 4.5, 1e-9);
  EXPECT_NEAR(r.imputation[2].convert_to<double>(), 1.5, 1e-9);
  ASSERT_TRUE(r.ranges);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR((*r.ranges)[i].min.convert_to<double>(), r.imputation[i].convert_to<double>(), 1e-9);
    EXPECT_NEAR((*r.ranges)[i].max.convert_to<double>(), r.imputation[i].convert_to<double>(), 1e-9);
  }
}

// GLPK stores doubles: values and masses that no common scale makes exact doubles
// (denominators 999983·1000033·1000037 > 2^53) reach it rounded; its basis must still be
// optimal for the exact data on these degenerate (tied) instances, and welfare must agree.
TEST(Transport, DataThatAreNotDoubles) {
  test::Lcg rng(99);
  for (int round = 0; round < 60; ++round) {
    const int k = 2 + static_cast<int>(rng.next(3));
    GroupsInstance inst;
    for (int i = 0; i < k; ++i) inst.types.push_back({std::to_string(i + 1), Rational(rng.range(1, 3)) / 999979});
    inst.min_size = 1;
    inst.max_size = 3;
    TableValue t;
    t.default_value = 0;
    test::for_each_group(k, 1, 3, [&](const GroupType& g) {
      const long den = rng.next(3) == 0 ? 999983 : (rng.next(2) ? 1000033 : 1000037);
      t.values.emplace(g, Rational(rng.range(0, 2)) * 1000003 / den);
    });
    inst.value = t;
    SCOPED_TRACE("round " + std::to_string(round));
    const auto ref = solve_welfare_lp(inst, GroupsOptions{});
    const auto r = solve_transport(inst, GroupsOptions{});
    EXPECT_EQ(r.welfare, ref.welfare);
    check_result(inst, r);
  }
}

// Small random instances from a fixed deterministic construction: all methods agree on
// the welfare exactly, every result passes the exact checks, and the ranges agree.
TEST(Agreement, SmallRandomInstances) {
  // EQUILAB_GROUPS_METHODS_ROUNDS=n runs more (same construction, longer sequence).
  const char* env = std::getenv("EQUILAB_GROUPS_METHODS_ROUNDS");
  const int rounds = env ? std::atoi(env) : 40;
  test::Lcg rng(20190817);
  int cases = 0;
  for (int round = 0; round < rounds; ++round) {
    const int k = 2 + static_cast<int>(rng.next(3));  // 2..4 types
    int min_size = 1 + static_cast<int>(rng.next(2));
    int max_size = min_size + static_cast<int>(rng.next(2));
    if (k == 4) min_size = 2, max_size = 3;  // keep C(#groups, 4) small for vertex-enum
    const int value_kind = static_cast<int>(rng.next(3));  // 0: table, 1: ties {0,1,2}, 2: pairwise with negatives
    const auto inst = test::random_instance(rng, k, min_size, max_size, value_kind);
    const auto ref = solve_welfare_lp(inst, GroupsOptions{});
    check_result(inst, ref);
    for (const std::string m : {"transport", "transport-factorial", "vertex-enum"}) {
      SCOPED_TRACE(m + " round " + std::to_string(round));
      const auto r = solve(m, inst);
      check_result(inst, r);
      EXPECT_EQ(r.welfare, ref.welfare);
      for (int i = 0; i < k; ++i) {
        EXPECT_EQ((*r.ranges)[i].min, (*ref.ranges)[i].min);
        EXPECT_EQ((*r.ranges)[i].max, (*ref.ranges)[i].max);
      }
    }
    // The full transport form where it is small enough.
    Integer tuples = 1;
    long long l = 1;
    for (int n = min_size; n <= max_size; ++n) l = std::lcm(l, static_cast<long long>(n));
    for (long long p = 0; p < l; ++p) tuples *= k;
    if (tuples <= 50000) {
      SCOPED_TRACE("transport-full round " + std::to_string(round));
      const auto r = solve("transport-full", inst);
      check_result(inst, r);
      EXPECT_EQ(r.welfare, ref.welfare);
    }
    ++cases;
  }
  EXPECT_EQ(cases, rounds);
}

}  // namespace
}  // namespace equilab::groups
