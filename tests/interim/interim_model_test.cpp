// The interim model: reading, outcome enumeration and predicates, test-set bounds (Zheng 2024 §2, §4).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "interim/interim_examples.h"
#include "interim/json_io.h"
#include "interim/model.h"
#include "interim/test_sets.h"

namespace equilab::interim {
namespace {

using examples::parse;

TEST(InterimModel, ReadsTheIssueExample) {
  const InterimInstance in = parse(examples::kKnapsack41);
  ASSERT_EQ(in.num_players(), 2);
  EXPECT_EQ(in.kind, OutcomeKind::Knapsack);
  EXPECT_EQ(in.objects, std::vector<std::string>{"good"});
  EXPECT_EQ(in.num_triples(), 3);
  EXPECT_EQ(in.num_profiles(), 2);
  EXPECT_EQ(in.profile_prob, (std::vector<Rational>{Rational(1, 2), Rational(1, 2)}));
  EXPECT_EQ(in.interim, (std::vector<Rational>{0, 2, 2}));
  ASSERT_TRUE(in.weights);
  EXPECT_EQ(*in.weights, (std::vector<Rational>{1, 2, 1}));
  // ⟨Q,w⟩ = 2·2·(1/2) + 1·2·1 = 4.
  EXPECT_EQ(in.pairing(in.interim, *in.weights), Rational(4));
}

TEST(InterimModel, WriteThenReadIsTheSame) {
  for (const char* text : {examples::kKnapsack41, examples::kMatching43, examples::kOverAllocated}) {
    const InterimInstance in = parse(text);
    const Json once = write_interim_json(in);
    EXPECT_EQ(write_interim_json(parse(once.dump())), once);
  }
}

TEST(InterimModel, JointPriorMarginals) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"a"},{"name":"b"}]},{"name":"2","types":[{"name":"s"}]}],
   "prior":{"joint":[{"profile":{"2":"s","1":"b"},"prob":"3/4"},{"profile":{"1":"a","2":"s"},"prob":"1/4"}]},
   "outcomes":{"kind":"multiunit","units":1},"interim":{"1":{"a":"0","b":"0"},"2":{"s":"0"}}})");
  EXPECT_FALSE(in.independent);
  ASSERT_EQ(in.num_profiles(), 2);
  EXPECT_EQ(in.profiles[0], (std::vector<int>{0, 0}));
  EXPECT_EQ(in.profile_prob[0], Rational(1, 4));
  EXPECT_EQ(in.marginal[0][1], Rational(3, 4));
  EXPECT_EQ(in.marginal[1][0], Rational(1));
}

// X for c = (2,3), C = 4 is {(0,0),(2,0),(0,3)} (§4.1).
TEST(InterimModel, KnapsackOutcomes) {
  const InterimInstance in = parse(examples::kKnapsack41);
  const auto X = enumerate_outcomes(in, 100);
  std::set<Outcome> got(X.begin(), X.end());
  EXPECT_EQ(got, (std::set<Outcome>{{0, 0}, {2, 0}, {0, 3}}));
  EXPECT_FALSE(is_outcome(in, {2, 3}));
  EXPECT_FALSE(is_outcome(in, {2, 1}));
  EXPECT_FALSE(is_outcome(in, {1, 0}));
}

// Counts by hand: matching 2 players, 3 objects: exact 3·2 = 6, at most 1 + 3 + 3 + 6 = 13;
// multiunit 3 players k = 2: 1 + 3 + 3 = 7; ranked_quota n = 4 distinct ρ, I_1 = {1,2}, ξ = ζ = 1:
// players 1 or 2 take ρ_1: 2·3! = 12.
TEST(InterimModel, OutcomeCounts) {
  InterimInstance m = parse(examples::kMatching43);
  EXPECT_EQ(enumerate_outcomes(m, 100).size(), 6u);
  m.exact_demand = false;
  EXPECT_EQ(enumerate_outcomes(m, 100).size(), 13u);
  const InterimInstance k2 = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t","prob":"1"}]},{"name":"2","types":[{"name":"t","prob":"1"}]},
              {"name":"3","types":[{"name":"t","prob":"1"}]}],
   "outcomes":{"kind":"multiunit","units":2},"interim":{"1":{"t":"0"},"2":{"t":"0"},"3":{"t":"0"}}})");
  EXPECT_EQ(enumerate_outcomes(k2, 100).size(), 7u);
  const InterimInstance rq = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t","prob":"1"}]},{"name":"2","types":[{"name":"t","prob":"1"}]},
              {"name":"3","types":[{"name":"t","prob":"1"}]},{"name":"4","types":[{"name":"t","prob":"1"}]}],
   "outcomes":{"kind":"ranked_quota","qualities":["1","3/4","1/2","1/4"],"group1":["1","2"],"top":1,"quota":1},
   "interim":{"1":{"t":"0"},"2":{"t":"0"},"3":{"t":"0"},"4":{"t":"0"}}})");
  const auto X = enumerate_outcomes(rq, 100);
  EXPECT_EQ(X.size(), 12u);
  EXPECT_TRUE(is_outcome(rq, {Rational(3, 4), 1, Rational(1, 2), Rational(1, 4)}));
  EXPECT_FALSE(is_outcome(rq, {Rational(3, 4), Rational(1, 2), 1, Rational(1, 4)}));  // ρ_1 to player 3 ∉ I_1
  EXPECT_THROW(enumerate_outcomes(rq, 11), EnumerationLimit);
}

// Every 0/1 (or 0/c_i) vector is in X exactly when the enumeration lists it.
TEST(InterimModel, PredicateMatchesEnumeration) {
  InterimInstance m = parse(examples::kMatching43);
  for (bool exact : {true, false}) {
    m.exact_demand = exact;
    const auto X = enumerate_outcomes(m, 1000);
    const std::set<Outcome> listed(X.begin(), X.end());
    for (int mask = 0; mask < (1 << 6); ++mask) {
      Outcome x(6);
      for (int k = 0; k < 6; ++k) x[k] = (mask >> k) & 1;
      EXPECT_EQ(is_outcome(m, x), listed.count(x) == 1) << mask;
    }
  }
}

// (y(S), F(S)) of the §4.1 test sets: {lo} 0 ≤ 1, {hi} 1 ≤ 1, {lo,hi} 1 ≤ 2, {s} 2 ≤ 3,
// {lo,s} 2 ≤ 3, {hi,s} 3 ≤ 3, {lo,hi,s} 3 ≤ 3; G = 0. Triples: 0 = lo, 1 = hi, 2 = s.
TEST(InterimModel, KnapsackTestSetBounds) {
  const InterimInstance in = parse(examples::kKnapsack41);
  const auto X = enumerate_outcomes(in, 100);
  TestSetBounds tb(in, X);
  const std::vector<std::pair<std::vector<int>, Rational>> expected = {
      {{0}, 1}, {{1}, 1}, {{0, 1}, 2}, {{2}, 3}, {{0, 2}, 3}, {{1, 2}, 3}, {{0, 1, 2}, 3}};
  for (const auto& [members, F] : expected) {
    const auto [g, f] = tb.bounds(test_set_of(members));
    EXPECT_EQ(f, F);
    EXPECT_EQ(g, Rational(0));
  }
  std::vector<TestSet> order;
  for_each_test_set(3, 7, [&](TestSet s) {
    order.push_back(s);
    return true;
  });
  EXPECT_EQ(order, (std::vector<TestSet>{1, 2, 4, 3, 5, 6, 7}));  // fewest members first
  EXPECT_THROW(check_test_set_limit(3, 6), EnumerationLimit);
}

// h(w) for §4.1: hi: max(2·2, 3·1) = 4, lo: max(2·1, 3·1) = 3 → (4 + 3)/2 = 7/2;
// for §4.3 Tables 3–4: (7 + 5)/2 = 6.
TEST(InterimModel, SupportValue) {
  const InterimInstance k = parse(examples::kKnapsack41);
  EXPECT_EQ(support_value(k, enumerate_outcomes(k, 100), *k.weights), Rational(7, 2));
  const InterimInstance m = parse(examples::kMatching43);
  EXPECT_EQ(support_value(m, enumerate_outcomes(m, 100), *m.weights), Rational(6));
}

}  // namespace
}  // namespace equilab::interim
