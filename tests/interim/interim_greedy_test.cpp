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

// §4.2 four players: at (θ,θ,θ,θ) player 3 gets ρ_2 (ρ_1 is reserved for I_1), 1 gets ρ_1,
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

// Shadow prices of Tables 3–7 (closed form of B.10): V_{1t1}¹ = {b,c}: 3, L_{1t1}: 1,
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

// Ranked quota by hand (B.7, Lemmas 7–10 with Lemma 1's prices): ρ = (3,2,1), I_1 = {3}, ξ = 2, ζ = 1
// (one of the top two objects goes to player 3). Player 1: types a, b (1/2 each), player 2: s,
// player 3: u. Triples z0 = (1,a), z1 = (1,b), z2 = (2,s), z3 = (3,u), w = (5, −1, 4, 1).
//   (a,s,u): order 1, 2, 3; player 1 takes ρ₁ = 3, then only one top object is left and it is
//            reserved, so 2 takes ρ₃ = 1 and 3 takes ρ₂ = 2: q̄ = (3,1,2), value 15 + 4 + 2 = 21.
//   (b,s,u): order 2, 3, 1; q̄ = (1,3,2), value −1 + 12 + 2 = 13.  h(w) = (21 + 13)/2 = 17.
// (Brute force over the 4 allowed permutations confirms 21 and 13.) Lemma 1: values 5 > 4 > 1 >= 0 > −1;
// p₊({z0}) = 1, p₊({z0,z2}) = 3, p₊({z0,z2,z3}) = 1, p₋({z1}) = 1. F({z0}) = ½·3, F({z0,z2}) =
// ½·4 + ½·3 (at a: 3 + 1, the quota binds), F({z0,z2,z3}) = ½·6 + ½·5, G({z1}) = ½·1:
// Σp₊F − Σp₋G = 3/2 + 21/2 + 11/2 − 1/2 = 17 = h(w). Binding (9): {z0,z2} gets 3 + 1 = 4 at a, 3 at b.
TEST(InterimGreedy, RankedQuotaLemma1Prices) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"a","prob":"1/2"},{"name":"b","prob":"1/2"}]},
              {"name":"2","types":[{"name":"s","prob":"1"}]},{"name":"3","types":[{"name":"u","prob":"1"}]}],
   "outcomes":{"kind":"ranked_quota","qualities":["3","2","1"],"group1":["3"],"top":2,"quota":1},
   "interim":{"1":{"a":"3","b":"1"},"2":{"s":"2"},"3":{"u":"2"}},
   "weights":{"1":{"a":"5","b":"-1"},"2":{"s":"4"},"3":{"u":"1"}}})");
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Feasible);  // Q is the reduced form of q̄
  EXPECT_EQ(greedy_outcome(in, *in.weights, 0), (Outcome{3, 1, 2}));
  EXPECT_EQ(greedy_outcome(in, *in.weights, 1), (Outcome{1, 3, 2}));
  EXPECT_EQ(g.weighted->feasible_max, Rational(17));
  ASSERT_TRUE(g.shadow_prices);
  std::set<std::pair<TestSet, Rational>> plus(g.shadow_prices->plus.begin(), g.shadow_prices->plus.end());
  EXPECT_EQ(plus, (std::set<std::pair<TestSet, Rational>>{
                      {test_set_of({0}), 1}, {test_set_of({0, 2}), 3}, {test_set_of({0, 2, 3}), 1}}));
  ASSERT_EQ(g.shadow_prices->minus.size(), 1u);
  EXPECT_EQ(g.shadow_prices->minus[0], std::make_pair(test_set_of({1}), Rational(1)));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
  InterimResult bad = g;
  bad.shadow_prices->qbar[0] = Outcome{2, 1, 3};  // in X, but {z0} is no longer binding: (9) fails
  EXPECT_FALSE(verify::check_interim_certificate(in, bad).valid);
}

// 2-player matching with at-most unit demand, by hand. Objects a, b; player 1 type t (prob 1),
// player 2 types u, v (1/2 each). Triples z0 = (a,1,t), z1 = (b,1,t), z2 = (a,2,u), z3 = (b,2,u),
// z4 = (a,2,v), z5 = (b,2,v); w = (3, −1; 2, 1; −2, −3).
//   (t,u): 1's options a 3 > nothing 0 > b: δ = 3 − 0 = 3; 2's a 2 > b 1: δ = 1; both want a, 1 keeps
//          it, 2 takes b: value 4.  (t,v): 1 takes a, 2 (all negative) takes nothing: value 3.
//   h(w) = (4 + 3)/2 = 7/2.
// Prices (greedy.cpp, at-most derivation): row (1,t): δ part 3 on a, r = (0, −1) -> p₋({z1}) = 1;
// row (2,u): δ part 1 on a, r = (1, 1) -> p₊({z2,z3}) = 1; row (2,v): r = (−2, −3) ->
// p₋({z4,z5}) = 2, p₋({z5}) = 1; contenders of a by δ: z0 (3), z2 (1) -> p₊({z0}) = 2, p₊({z0,z2}) = 1.
// (8): z0 2+1, z1 −1, z2 1+1, z3 1, z4 −2, z5 −2−1. F({z0}) = 1, F({z0,z2}) = 1, F({z2,z3}) = ½, all
// G = 0 (at most): Σp₊F − Σp₋G = 2 + 1 + 1/2 = 7/2 = h(w).
TEST(InterimGreedy, MatchingAtMostPrices) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t","prob":"1"}]},
              {"name":"2","types":[{"name":"u","prob":"1/2"},{"name":"v","prob":"1/2"}]}],
   "outcomes":{"kind":"matching","objects":["a","b"],"unit_demand":"at_most"},
   "interim":{"1":{"t":{"a":"1","b":"0"}},"2":{"u":{"a":"0","b":"1"},"v":{"a":"0","b":"0"}}},
   "weights":{"1":{"t":{"a":"3","b":"-1"}},"2":{"u":{"a":"2","b":"1"},"v":{"a":"-2","b":"-3"}}}})");
  EXPECT_EQ(greedy_outcome(in, *in.weights, 0), (Outcome{1, 0, 0, 1}));
  EXPECT_EQ(greedy_outcome(in, *in.weights, 1), (Outcome{1, 0, 0, 0}));
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Feasible);
  EXPECT_EQ(g.weighted->feasible_max, Rational(7, 2));
  ASSERT_TRUE(g.shadow_prices);
  std::set<std::pair<TestSet, Rational>> plus(g.shadow_prices->plus.begin(), g.shadow_prices->plus.end());
  std::set<std::pair<TestSet, Rational>> minus(g.shadow_prices->minus.begin(), g.shadow_prices->minus.end());
  EXPECT_EQ(plus, (std::set<std::pair<TestSet, Rational>>{
                      {test_set_of({0}), 2}, {test_set_of({0, 2}), 1}, {test_set_of({2, 3}), 1}}));
  EXPECT_EQ(minus, (std::set<std::pair<TestSet, Rational>>{
                       {test_set_of({1}), 1}, {test_set_of({4, 5}), 2}, {test_set_of({5}), 1}}));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
  // The exact-demand closed form would put p₋ on L_{1t} = {z0,z1}, which is not downward binding here
  // (g = 0, q̄ gives a): the verifier rejects such a price.
  InterimResult bad = g;
  bad.shadow_prices->minus = {{test_set_of({0, 1}), 1}, {test_set_of({4, 5}), 2}, {test_set_of({5}), 1}};
  bad.shadow_prices->plus.emplace_back(test_set_of({0}), 1);  // keeps (8) at z0
  EXPECT_FALSE(verify::check_interim_certificate(in, bad).valid);
}

TEST(InterimGreedy, OverAllocatedIsInfeasible) {
  const InterimInstance in = parse(examples::kOverAllocated);
  const InterimResult g = solve_greedy(in, small());
  EXPECT_EQ(g.status, Status::Infeasible);
  ASSERT_TRUE(g.test_set);
  EXPECT_EQ(g.test_set->members, test_set_of({0, 1}));
  EXPECT_TRUE(verify::check_interim_certificate(in, g).valid);
}

// gen::element draws uniformly (gen::inRange favours small values at small sizes, which would leave
// matching mostly with one object).
gen::InterimGenOptions draw_greedy_options() {
  gen::InterimGenOptions o;
  o.kind = *rc::gen::element<std::string>("multiunit", "ranked_quota", "matching");
  o.point = *rc::gen::element<std::string>("feasible", "boundary", "outside");
  o.joint = *rc::gen::arbitrary<bool>();
  o.types = *rc::gen::element(1, 2);
  o.players = o.kind == "matching" ? 2 : *rc::gen::element(2, 3, 4);
  o.objects = o.kind == "matching" ? *rc::gen::element(1, 2, 3) : 0;
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

// With weights: on every kind with 𝒬_B = 𝒬 (multiunit, ranked_quota, 2-player matching with exact
// or at-most unit demand) the greedy certificate (q̄, shadow prices (8), (9)) exists and verifies,
// and its dual value Σp₊F − Σp₋G equals h(w) computed by brute force over X.
RC_GTEST_PROP(InterimGreedyProperties, ShadowPricesVerify, ()) {
  gen::InterimGenOptions o = draw_greedy_options();
  o.weights = true;
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  RC_LOG() << "seed " << seed << "\n" << write_interim_json(in).dump() << "\n";
  const InterimResult g = solve_greedy(in, small());
  RC_ASSERT(in.border_characterizes());
  RC_ASSERT(g.shadow_prices.has_value());
  const auto v = verify::check_interim_certificate(in, g);
  RC_LOG() << (v.failures.empty() ? "" : v.failures.front()) << "\n";
  RC_ASSERT(v.valid);
  RC_ASSERT(g.weighted->feasible_max == support_value(in, enumerate_outcomes(in, 100'000), *in.weights));
}

}  // namespace
}  // namespace equilab::interim
