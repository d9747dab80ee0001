// Method greedy: the per-profile optimisers on the paper's examples and against brute force over X,
// and the construction against lp (Theorem 1: for multiunit, ranked_quota and 2-player matching,
// every point of 𝒬_B is constructed).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "generators/interim_generator.h"
#include "interim/greedy.h"
#include "interim/interim_examples.h"
#include "interim/json_io.h"
#include "interim/methods.h"
#include "verify/interim_certificate.h"

namespace equilab::interim {
namespace {

using examples::parse;

InterimOptions small() { return InterimOptions{200'000, 1u << 16}; }

// §4.2 four players (notes §5): at (θ,θ,θ,θ) player 3 gets ρ_2 (ρ_1 is reserved for I_1), 1 gets ρ_1,
// 4 gets ρ_3, 2 gets ρ_4: q̄ = (1, 1/4, 3/4, 1/2).
TEST(InterimGreedy, RankedQuotaFourPlayers) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"θ","prob":"1/2"},{"name":"θ'","prob":"1/2"}]},
              {"name":"2","types":[{"name":"θ","prob":"1/2"},{"name":"θ'","prob":"1/2"}]},
              {"name":"3","types":[{"name":"θ","prob":"1/2"},{"name":"θ'","prob":"1/2"}]},
              {"name":"4","types":[{"name":"θ","prob":"1/2"},{"name":"θ'","prob":"1/2"}]}],
   "outcomes":{"kind":"ranked_quota","qualities":["1","3/4","1/2","1/4"],"group1":["1","2"],"top":1,"quota":1},
   "interim":{"1":{"θ":"0","θ'":"0"},"2":{"θ":"0","θ'":"0"},"3":{"θ":"0","θ'":"0"},"4":{"θ":"0","θ'":"0"}},
   "weights":{"1":{"θ":"3","θ'":"1"},"2":{"θ":"-2","θ'":"5"},"3":{"θ":"4","θ'":"0"},"4":{"θ":"2","θ'":"-1"}}})");
  ASSERT_EQ(in.profiles[0], (std::vector<int>{0, 0, 0, 0}));
  EXPECT_EQ(greedy_outcome(in, *in.weights, 0),
            (Outcome{Rational(1), Rational(1, 4), Rational(3, 4), Rational(1, 2)}));
}

// Tables 3–7: q̄(t1,t2) = b→1, a→2; q̄(t1,t2') = c→1, b→2. Table 2: the optimum b→1, a→2 (9/5),
// not the naive greedy a→1, b→2 (7/4).
TEST(InterimGreedy, MatchingOptimisers) {
  const InterimInstance in = parse(examples::kMatching43);
  EXPECT_EQ(greedy_outcome(in, *in.weights, 0), (Outcome{0, 1, 0, 1, 0, 0}));
  EXPECT_EQ(greedy_outcome(in, *in.weights, 1), (Outcome{0, 0, 1, 0, 1, 0}));
  const InterimInstance t2 = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t1","prob":"1"}]},{"name":"2","types":[{"name":"t2","prob":"1"}]}],
   "outcomes":{"kind":"matching","objects":["a","b","c"],"unit_demand":"exact"},
   "interim":{"1":{"t1":{"a":"0","b":"1","c":"0"}},"2":{"t2":{"a":"1","b":"0","c":"0"}}},
   "weights":{"1":{"t1":{"a":"1.05","b":"0.8","c":"0.5"}},"2":{"t2":{"a":"1","b":"0.7","c":"0"}}}})");
  EXPECT_EQ(greedy_outcome(t2, *t2.weights, 0), (Outcome{0, 1, 0, 1, 0, 0}));
  const InterimResult g = solve_greedy(t2, small());
  EXPECT_EQ(g.weighted->feasible_max, Rational(9, 5));
}

TEST(InterimGreedy, ConstructsTheTables3to7Point) {
  const InterimInstance in = parse(examples::kMatching43);
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Feasible);
  ASSERT_TRUE(g.vertices);
  EXPECT_LE(*g.vertices, static_cast<std::uint64_t>(in.num_triples() + 1));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
  EXPECT_EQ(g.weighted->feasible_max, Rational(6));
}

// Shadow prices of Tables 3–7 (notes §5, closed form of B.10): V_{1t1}¹ = {b,c}: 3, L_{1t1}: 1,
// V_{2t2}¹ = {a,c}: 1/2, V_{2t2'}¹ = {b,a}: 1/2, U_a¹ = {a2t2}: 5/2, U_b¹ = {b2t2'}: 1/2,
// U_b² = {b2t2', b1t1}: 2, all others 0. Triples: (1,t1) a,b,c = 0,1,2; (2,t2) = 3,4,5; (2,t2') = 6,7,8.
TEST(InterimGreedy, MatchingShadowPrices) {
  const InterimInstance in = parse(examples::kMatching43);
  const InterimResult g = solve_greedy(in, small());
  ASSERT_TRUE(g.shadow_prices);
  std::set<std::pair<TestSet, Rational>> plus(g.shadow_prices->plus.begin(), g.shadow_prices->plus.end());
  std::set<std::pair<TestSet, Rational>> minus(g.shadow_prices->minus.begin(), g.shadow_prices->minus.end());
  EXPECT_EQ(plus, (std::set<std::pair<TestSet, Rational>>{{test_set_of({1, 2}), 3},
                                                          {test_set_of({3, 5}), Rational(1, 2)},
                                                          {test_set_of({6, 7}), Rational(1, 2)},
                                                          {test_set_of({3}), Rational(5, 2)},
                                                          {test_set_of({7}), Rational(1, 2)},
                                                          {test_set_of({1, 7}), 2}}));
  EXPECT_EQ(minus, (std::set<std::pair<TestSet, Rational>>{{test_set_of({0, 1, 2}), 1}}));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
  InterimResult bad = g;
  bad.shadow_prices->plus[0].second += 1;  // (8) fails
  EXPECT_FALSE(verify::check_interim_certificate(in, bad).valid);
  bad = g;
  std::swap(bad.shadow_prices->qbar[0], bad.shadow_prices->qbar[1]);  // (9) fails
  EXPECT_FALSE(verify::check_interim_certificate(in, bad).valid);
}

// Lemma 1 by hand: one unit; w(1,a) = 3, w(1,b) = −1, w(2,s) = 1: values 3 > 1 >= 0 > −1;
// p₊({w >= 3}) = 2, p₊({w >= 1}) = 1, p₋({w <= −1}) = 1; h(w) = (3 + 1)/2 = 2.
TEST(InterimGreedy, MultiunitLemma1Prices) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"a","prob":"1/2"},{"name":"b","prob":"1/2"}]},
              {"name":"2","types":[{"name":"s","prob":"1"}]}],
   "outcomes":{"kind":"multiunit","units":1},
   "interim":{"1":{"a":"1","b":"0"},"2":{"s":"1/2"}},
   "weights":{"1":{"a":"3","b":"-1"},"2":{"s":"1"}}})");
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Feasible);
  ASSERT_TRUE(g.shadow_prices);
  std::set<std::pair<TestSet, Rational>> plus(g.shadow_prices->plus.begin(), g.shadow_prices->plus.end());
  EXPECT_EQ(plus, (std::set<std::pair<TestSet, Rational>>{{test_set_of({0}), 2}, {test_set_of({0, 2}), 1}}));
  ASSERT_EQ(g.shadow_prices->minus.size(), 1u);
  EXPECT_EQ(g.shadow_prices->minus[0], std::make_pair(test_set_of({1}), Rational(1)));
  EXPECT_EQ(g.weighted->feasible_max, Rational(2));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
  // Through JSON and back.
  const Json doc = write_result_json(in, g);
  EXPECT_TRUE(verify::check_interim_certificate(in, read_result_json(in, JsonNode(doc, "r.json"))).valid);
}

TEST(InterimGreedy, OverAllocatedIsInfeasible) {
  const InterimInstance in = parse(examples::kOverAllocated);
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Infeasible);
  ASSERT_TRUE(g.test_set);
  EXPECT_EQ(g.test_set->members, test_set_of({0, 1}));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
}

gen::InterimGenOptions draw_greedy_options() {
  gen::InterimGenOptions o;
  const int k = *rc::gen::inRange(0, 3);
  o.kind = k == 0 ? "multiunit" : k == 1 ? "ranked_quota" : "matching";
  o.point = *rc::gen::element<std::string>("feasible", "boundary", "outside");
  o.joint = *rc::gen::arbitrary<bool>();
  o.types = *rc::gen::inRange(1, 3);
  o.players = o.kind == "matching" ? 2 : *rc::gen::inRange(2, 5);
  o.objects = o.kind == "matching" ? *rc::gen::inRange(1, 4) : 0;
  return o;
}

// The optimisers equal brute force over X, with small integer weights (many ties).
RC_GTEST_PROP(InterimGreedyProperties, OptimisersEqualBruteForce, ()) {
  const gen::InterimGenOptions o = draw_greedy_options();
  InterimInstance in = gen::generate_interim(*rc::gen::inRange<std::uint64_t>(0, 1'000'000), o);
  std::vector<Rational> w(in.num_triples());
  for (auto& v : w) v = *rc::gen::inRange(-2, 3);
  const auto X = enumerate_outcomes(in, 100'000);
  for (int t = 0; t < in.num_profiles(); ++t) {
    const Outcome x = greedy_outcome(in, w, t);
    RC_ASSERT(is_outcome(in, x));
    auto value = [&](const Outcome& y) {
      Rational s = 0;
      const int m = in.num_objects();
      for (int i = 0; i < in.num_players(); ++i)
        for (int j = 0; j < m; ++j) s += w[in.z_index(i, in.profiles[t][i], j)] * y[i * m + j];
      return s;
    };
    RC_ASSERT(value(x) == value(X[best_outcome(in, X, w, t)]));
  }
}

// Theorem 1 on these kinds: greedy decides exactly as lp does, and its certificate verifies.
RC_GTEST_PROP(InterimGreedyProperties, GreedyAgreesWithLp, ()) {
  const gen::InterimGenOptions o = draw_greedy_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  RC_LOG() << "seed " << seed << "\n" << write_interim_json(in).dump() << "\n";
  const InterimResult g = solve_greedy(in, small());
  const InterimResult lp = solve_lp(in, small());
  RC_ASSERT(g.status != Status::Inconclusive);
  RC_ASSERT((g.status == Status::Feasible) == (lp.status == Status::Feasible));
  RC_ASSERT(verify::check_interim_certificate(in, g).valid);
  if (g.status == Status::Feasible)
    RC_ASSERT(*g.vertices <= static_cast<std::uint64_t>(in.num_triples() + 1));
  if (o.point != "outside") RC_ASSERT(g.status == Status::Feasible);
}

// With weights: the greedy certificate (q̄, shadow prices (8), (9)) verifies for multiunit and
// exact 2-player matching.
RC_GTEST_PROP(InterimGreedyProperties, ShadowPricesVerify, ()) {
  gen::InterimGenOptions o = draw_greedy_options();
  o.weights = true;
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  RC_LOG() << "seed " << seed << "\n" << write_interim_json(in).dump() << "\n";
  const InterimResult g = solve_greedy(in, small());
  const bool expected =
      in.kind == OutcomeKind::Multiunit || (in.kind == OutcomeKind::Matching && in.exact_demand);
  RC_ASSERT(g.shadow_prices.has_value() == expected);
  const auto v = verify::check_interim_certificate(in, g);
  RC_LOG() << (v.failures.empty() ? "" : v.failures.front()) << "\n";
  RC_ASSERT(v.valid);
}

}  // namespace
}  // namespace equilab::interim
