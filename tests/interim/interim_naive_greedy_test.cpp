// The §3.2 counterexample procedure (interim/naive_greedy.h): the naive greedy algorithm on Table 2,
// against hand computation, and on random instances against brute force over X.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "generators/interim_generator.h"
#include "interim/interim_examples.h"
#include "interim/naive_greedy.h"

namespace equilab::interim {
namespace {

using examples::parse;

// Table 2 (one profile (t1,t2), μ = 1): triples (1,t1) a,b,c = 0,1,2 and (2,t2) a,b,c = 3,4,5 with
// w = (1.05, 0.8, 0.5; 1, 0.7, 0). By hand, all w >= 0, so the visiting order is descending w:
//   (a,1,t1) 1.05: max x_1^a over X = 1                      -> 1 (a -> 1)
//   (a,2,t2) 1   : a is taken                                -> 0   (the text says (b,1,t1) here)
//   (b,1,t1) 0.8 : player 1 is matched                       -> 0
//   (b,2,t2) 0.7 :                                           -> 1 (b -> 2)
//   (c,1,t1) 0.5, (c,2,t2) 0: both matched                   -> 0, 0
// value 1.05 + 0.7 = 7/4. (12) along the same order: f({a1}) = 1, f({a1,a2}) = 1, f({a1,a2,b1}) = 2
// (b -> 1, a -> 2), then 2, 2, 2: prescribed 1, 0, 1, 0, 0, 0 — it differs first at (b,1,t1) (1 vs 0),
// and gives player 1 both a and b, which is not in X.
TEST(InterimNaiveGreedy, Table2) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t1","prob":"1"}]},{"name":"2","types":[{"name":"t2","prob":"1"}]}],
   "outcomes":{"kind":"matching","objects":["a","b","c"],"unit_demand":"exact"},
   "interim":{"1":{"t1":{"a":"1","b":"0","c":"0"}},"2":{"t2":{"a":"0","b":"1","c":"0"}}},
   "weights":{"1":{"t1":{"a":"1.05","b":"0.8","c":"0.5"}},"2":{"t2":{"a":"1","b":"0.7","c":"0"}}}})");
  const NaiveGreedy ng = naive_greedy(in, enumerate_outcomes(in, 1000), *in.weights);
  ASSERT_EQ(ng.profiles.size(), 1u);
  const NaiveGreedyProfile& p = ng.profiles[0];
  ASSERT_EQ(p.steps.size(), 6u);
  const int order[] = {0, 3, 1, 4, 2, 5};
  const int given[] = {1, 0, 0, 1, 0, 0};
  const int rule[] = {1, 0, 1, 0, 0, 0};
  for (int k = 0; k < 6; ++k) {
    EXPECT_EQ(p.steps[k].triple, order[k]) << k;
    EXPECT_EQ(p.steps[k].quantity, given[k]) << k;
    EXPECT_EQ(p.steps[k].rule, rule[k]) << k;
  }
  EXPECT_EQ(in.triple_label(p.steps[1].triple), "(a,2,t2)");
  EXPECT_EQ(p.outcome, (Outcome{1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(ng.value, Rational(7, 4));
  ASSERT_TRUE(p.first_rule_violation);
  EXPECT_EQ(*p.first_rule_violation, 2);
  EXPECT_FALSE(p.rule_point_in_x);
  // The optimum is 9/5 (b -> 1, a -> 2), by brute force.
  EXPECT_EQ(support_value(in, enumerate_outcomes(in, 1000), *in.weights), Rational(9, 5));
}

// Border's one-unit model (paramodular, Cor. 1), w(1,a) = 3, w(1,b) = −1, w(2,s) = 1, 1/2 each type:
// at (a,s) the order is (1,a), (2,s): 1 gets the unit, 2 nothing; (12): f({1}) = 1, f({1,2}) − 1 = 0.
// At (b,s): greedy part (2,s) -> 1, then the generous part (1,b) -> min 0, (13): g({1}) = 0.
// Value (3 + 1)/2 = 2 = h(w), and (12)/(13) hold everywhere.
TEST(InterimNaiveGreedy, ParamodularModelIsOptimal) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"a","prob":"1/2"},{"name":"b","prob":"1/2"}]},
              {"name":"2","types":[{"name":"s","prob":"1"}]}],
   "outcomes":{"kind":"multiunit","units":1},
   "interim":{"1":{"a":"1","b":"0"},"2":{"s":"1/2"}},
   "weights":{"1":{"a":"3","b":"-1"},"2":{"s":"1"}}})");
  const NaiveGreedy ng = naive_greedy(in, enumerate_outcomes(in, 1000), *in.weights);
  ASSERT_EQ(ng.profiles.size(), 2u);
  EXPECT_EQ(ng.profiles[0].outcome, (Outcome{1, 0}));
  EXPECT_EQ(ng.profiles[1].outcome, (Outcome{0, 1}));
  EXPECT_EQ(ng.profiles[1].steps.back().triple, 1);  // (1,b) last: the generous part
  EXPECT_EQ(ng.value, Rational(2));
  for (const auto& p : ng.profiles) {
    EXPECT_FALSE(p.first_rule_violation);
    EXPECT_TRUE(p.rule_point_in_x);
  }
}

// On random instances: the outcome is in X and never beats h(w) (brute force); on Border's
// multi-unit model (paramodular, Cor. 1) it attains h(w) and satisfies (12)/(13).
RC_GTEST_PROP(InterimNaiveGreedyProperties, NeverBeatsTheOptimum, ()) {
  gen::InterimGenOptions o;
  const int k = *rc::gen::inRange(0, 4);
  o.kind = k == 0 ? "multiunit" : k == 1 ? "ranked_quota" : k == 2 ? "matching" : "knapsack";
  o.types = *rc::gen::inRange(1, 3);
  o.players = o.kind == "matching" ? 2 : *rc::gen::inRange(2, 5);
  o.objects = o.kind == "matching" ? *rc::gen::inRange(1, 4) : 0;
  o.joint = *rc::gen::arbitrary<bool>();
  const InterimInstance in = gen::generate_interim(*rc::gen::inRange<std::uint64_t>(0, 1'000'000), o);
  std::vector<Rational> w(in.num_triples());
  for (auto& v : w) v = *rc::gen::inRange(-2, 4);
  const auto X = enumerate_outcomes(in, 100'000);
  const NaiveGreedy ng = naive_greedy(in, X, w);
  for (const auto& p : ng.profiles) RC_ASSERT(is_outcome(in, p.outcome));
  const Rational h = support_value(in, X, w);
  RC_ASSERT(ng.value <= h);
  if (in.kind == OutcomeKind::Multiunit) {
    RC_ASSERT(ng.value == h);
    for (const auto& p : ng.profiles) RC_ASSERT(!p.first_rule_violation);
  }
}

}  // namespace
}  // namespace equilab::interim
