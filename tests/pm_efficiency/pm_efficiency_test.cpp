// Weak C-efficiency certificates of the pseudo_market `equilibrium` task (EMZ 2022 Theorem 1):
// weights θ ≥ 1 with row duals π (row-described C) or with the hull points (hull kinds), and Pareto
// improvements otherwise. Every expected value is computed by hand in the comments; corrupted
// certificates (one entry moved by 1/7) must fail the exact check.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "efficiency_check.h"
#include "verify/pseudo_market_efficiency.h"

namespace equilab::pseudo_market {
namespace {

Rational q(const char* s) { return parse_rational(s); }

std::vector<Rational> qs(std::initializer_list<const char*> v) {
  std::vector<Rational> out;
  for (const char* s : v) out.push_back(q(s));
  return out;
}

// Agents "1", "2", … with the given utilities (one row per agent), objects with the given names
// and supplies; α = 1, budgets 1, no endowments.
EquilibriumInstance make(const std::vector<std::vector<int>>& u, const std::vector<std::string>& objects,
                         const std::vector<int>& supply, bool allocate_all) {
  EquilibriumInstance in;
  in.name = "hand";
  in.allocate_all = allocate_all;
  for (std::size_t l = 0; l < objects.size(); ++l) in.objects.push_back({objects[l], Rational(supply[l])});
  for (std::size_t i = 0; i < u.size(); ++i) {
    EquilibriumInstance::AgentData a;
    a.name = std::to_string(i + 1);
    a.endowment.assign(objects.size(), Rational(0));
    for (int v : u[i]) a.utility.push_back(Rational(v));
    in.agents.push_back(std::move(a));
  }
  finish_equilibrium(in);
  return in;
}

verify::Verdict check(const EquilibriumInstance& in, const std::vector<Rational>& x,
                      const EfficiencyCertificate& c) {
  return testing::check_efficiency_of(in, x, c);
}

std::string failures(const verify::Verdict& v) {
  std::string s;
  for (const auto& f : v.failures) s += f + "\n";
  return s;
}

bool mentions(const verify::Verdict& v, const std::string& what) {
  for (const auto& f : v.failures)
    if (f.find(what) != std::string::npos) return true;
  return false;
}

EfficiencyCertificate round_trip(const EquilibriumInstance& in, const EfficiencyCertificate& c) {
  const Json doc = parse_json_text(efficiency_json(in, c).dump(), "test");
  return read_efficiency_json(in, JsonNode(doc, "test"));
}

EfficiencyCertificate read_text(const EquilibriumInstance& in, const std::string& text) {
  const Json doc = parse_json_text(text, "test");
  return read_efficiency_json(in, JsonNode(doc, "test"));
}

// EMZ §7.3 Example 2 (HZ): a (1 copy), b (2 copies); u = (100,1), (100,1), (1,100); allocate_all.
EquilibriumInstance example2() { return make({{100, 1}, {100, 1}, {1, 100}}, {"a", "b"}, {1, 2}, true); }
// Claim 2's equilibrium assignment x = ((½,½),(½,½),(0,1)).
std::vector<Rational> example2_x() { return qs({"1/2", "1/2", "1/2", "1/2", "0", "1"}); }

// Hand certificate for Example 2. Rows (efficiency_rows order): unit:1, unit:2, unit:3 (≤ 1),
// supply:a (= 1), supply:b (= 2); all hold with equality at x, so no dual is forced to 0.
// Cell conditions (Σ π a ≥ θ u, = on supp x):
//   (1,a) π_u1 + π_a = 100θ_1,  (1,b) π_u1 + π_b = θ_1,
//   (2,a) π_u2 + π_a = 100θ_2,  (2,b) π_u2 + π_b = θ_2,
//   (3,a) π_u3 + π_a ≥ θ_3,     (3,b) π_u3 + π_b = 100θ_3.
// Agents 1, 2: π_a − π_b = 99θ_1 = 99θ_2; with θ = (1,1,1), π_b = 0: π_a = 99, π_u1 = π_u2 = 1,
// π_u3 = 100, and (3,a): 100 + 99 = 199 ≥ 1. Duality: Σ θ u·x = 50½ + 50½ + 100 = 201 and
// Σ π b = 1 + 1 + 100 + 99·1 + 0·2 = 201.
EfficiencyCertificate example2_certificate() {
  EfficiencyCertificate c;
  c.efficient = true;
  c.weights = qs({"1", "1", "1"});
  c.row_duals = qs({"1", "1", "100", "99", "0"});
  return c;
}

TEST(PseudoMarketEfficiency, RowsOrder) {
  const EquilibriumInstance in = example2();
  const std::vector<LinearRow> rows = efficiency_rows(in);
  ASSERT_EQ(rows.size(), 5u);
  const std::vector<std::string> names{"unit:1", "unit:2", "unit:3", "supply:a", "supply:b"};
  for (std::size_t r = 0; r < rows.size(); ++r) EXPECT_EQ(rows[r].name, names[r]);
  EXPECT_TRUE(rows[3].equality);
  EXPECT_TRUE(rows[4].equality);
}

TEST(PseudoMarketEfficiency, Example2HandCertificateVerifies) {
  const EquilibriumInstance in = example2();
  const verify::Verdict v = check(in, example2_x(), example2_certificate());
  EXPECT_TRUE(v.valid) << failures(v);
}

TEST(PseudoMarketEfficiency, Example2IsEfficientWithUnitWeights) {
  const EquilibriumInstance in = example2();
  const EfficiencyCertificate c = efficiency_certificate(in, example2_x());
  ASSERT_TRUE(c.efficient);
  // min Σ θ subject to θ ≥ 1: θ = (1,1,1) is feasible (hand certificate above), so it is the optimum.
  EXPECT_EQ(c.weights, qs({"1", "1", "1"}));
  EXPECT_EQ(c.row_duals.size(), 5u);
  EXPECT_TRUE(c.improvement.empty());
  const verify::Verdict v = check(in, example2_x(), c);
  EXPECT_TRUE(v.valid) << failures(v);
}

TEST(PseudoMarketEfficiency, Example2CorruptedCertificatesFail) {
  const EquilibriumInstance in = example2();
  {  // θ_1 = 8/7: (1,b) needs π_u1 + π_b = 8/7, but it is 1
    EfficiencyCertificate c = example2_certificate();
    c.weights[0] += Rational(1, 7);
    const verify::Verdict v = check(in, example2_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "agent \"1\", object \"b\"")) << failures(v);
  }
  {  // π_a = 99 + 1/7: (1,a) becomes 100 + 1/7 ≠ 100, and Σ π b = 201 + 1/7
    EfficiencyCertificate c = example2_certificate();
    c.row_duals[3] += Rational(1, 7);
    const verify::Verdict v = check(in, example2_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "duality gap")) << failures(v);
  }
  {  // θ_3 = 1 − 1/7 < 1
    EfficiencyCertificate c = example2_certificate();
    c.weights[2] -= Rational(1, 7);
    const verify::Verdict v = check(in, example2_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "weight of agent \"3\"")) << failures(v);
  }
  {  // π_u1 = −1/7 (after the matching shift π_a = 100 + 1/7 the cells of agent 1 still balance)
    EfficiencyCertificate c = example2_certificate();
    c.row_duals[0] = -Rational(1, 7);
    c.row_duals[3] = Rational(100) + Rational(1, 7);
    c.row_duals[4] = Rational(8, 7);  // (1,b): −1/7 + 8/7 = 1
    const verify::Verdict v = check(in, example2_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "\"unit:1\" is negative")) << failures(v);
  }
}

TEST(PseudoMarketEfficiency, Example2JsonIsExact) {
  const EquilibriumInstance in = example2();
  // duals written by row name, zeros omitted (π_b = 0)
  const Json expected =
      Json::parse(R"({"efficient":true,"weights":{"1":"1","2":"1","3":"1"},)"
                  R"("row_duals":{"unit:1":"1","unit:2":"1","unit:3":"100","supply:a":"99"}})");
  EXPECT_EQ(efficiency_json(in, example2_certificate()), expected);
  const EfficiencyCertificate back = round_trip(in, example2_certificate());
  EXPECT_TRUE(back.efficient);
  EXPECT_EQ(back.weights, example2_certificate().weights);
  EXPECT_EQ(back.row_duals, example2_certificate().row_duals);
}

// Two agents with opposite preferences, each given the other's favourite: u_1 = (2,1), u_2 = (1,2),
// supplies 1, x = ((0,1),(1,0)).
EquilibriumInstance swap_instance() { return make({{2, 1}, {1, 2}}, {"a", "b"}, {1, 1}, false); }
std::vector<Rational> swap_x() { return qs({"0", "1", "1", "0"}); }

TEST(PseudoMarketEfficiency, SwapIsNotEfficient) {
  // No weights: every row is tight at x; (1,b) gives π_u1 = θ_1 − π_b, then (1,a) gives
  // π_a − π_b ≥ θ_1; likewise (2,a), (2,b) give π_b − π_a ≥ θ_2; summing, 0 ≥ θ_1 + θ_2 ≥ 2.
  // The improvement LP max 2y_1a + y_1b + y_2a + 2y_2b over the sub-stochastic 2×2 matrices has the
  // vertex values 0, 2, 1, 1, 2 (one cell), 4 ((1,a),(2,b)), 2 ((1,b),(2,a)): the unique optimum is
  // the swap y = ((1,0),(0,1)) with utilities (2, 2) > (1, 1).
  const EquilibriumInstance in = swap_instance();
  const EfficiencyCertificate c = efficiency_certificate(in, swap_x());
  ASSERT_FALSE(c.efficient);
  EXPECT_TRUE(c.weights.empty());
  EXPECT_EQ(c.improvement, qs({"1", "0", "0", "1"}));
  EXPECT_TRUE(c.improvement_lottery.empty());
  const verify::Verdict v = check(in, swap_x(), c);
  EXPECT_TRUE(v.valid) << failures(v);
  const EfficiencyCertificate back = round_trip(in, c);
  EXPECT_FALSE(back.efficient);
  EXPECT_EQ(back.improvement, c.improvement);
}

TEST(PseudoMarketEfficiency, SwapCorruptedImprovementsFail) {
  const EquilibriumInstance in = swap_instance();
  {  // y_1a = 8/7 breaks unit:1 (8/7 > 1) and supply:a
    EfficiencyCertificate c;
    c.improvement = qs({"8/7", "0", "0", "1"});
    const verify::Verdict v = check(in, swap_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "\"unit:1\"")) << failures(v);
    EXPECT_TRUE(mentions(v, "\"supply:a\"")) << failures(v);
  }
  {  // y_2b = 1/7: agent 2 gets 2/7 < 1
    EfficiencyCertificate c;
    c.improvement = qs({"1", "0", "0", "1/7"});
    const verify::Verdict v = check(in, swap_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "agent \"2\" worse off")) << failures(v);
  }
  {  // y = x improves nobody
    EfficiencyCertificate c;
    c.improvement = swap_x();
    const verify::Verdict v = check(in, swap_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "no agent strictly better off")) << failures(v);
  }
  {  // a claim of efficiency: θ = (1,1), π_u1 = π_u2 = 1, supplies 0; (1,a) needs 1 ≥ 2
    EfficiencyCertificate c;
    c.efficient = true;
    c.weights = qs({"1", "1"});
    c.row_duals = qs({"1", "1", "0", "0"});
    const verify::Verdict v = check(in, swap_x(), c);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "agent \"1\", object \"a\"")) << failures(v);
  }
}

// u_1 = (3,1), u_2 = (2,1): both prefer a. x = ((0,1),(1,0)) gives agent 2 the object a.
// Row form: rows unit:1, unit:2, supply:a, supply:b (≤ 1), all tight at x.
// Weighted welfare of the two full matchings: x: θ_1 + 2θ_2, the other: 3θ_1 + θ_2, so x needs
// θ_2 ≥ 2θ_1; min Σ θ with θ ≥ 1 is θ = (1,2). Check with θ = (1,2): cell weights θu are
// (1,a) 3, (1,b) 1, (2,a) 4, (2,b) 2, and π_u1 = 1, π_u2 = 2, π_a = 2, π_b = 0 gives
// (1,a) 3 ≥ 3, (1,b) 1 = 1, (2,a) 4 = 4, (2,b) 2 ≥ 2; Σ π b = 5 = 1 + 4 = Σ θ u·x.
EquilibriumInstance weighted_instance() { return make({{3, 1}, {2, 1}}, {"a", "b"}, {1, 1}, false); }

TEST(PseudoMarketEfficiency, RowsNeedUnequalWeights) {
  const EquilibriumInstance in = weighted_instance();
  const EfficiencyCertificate c = efficiency_certificate(in, swap_x());
  ASSERT_TRUE(c.efficient);
  EXPECT_EQ(c.weights, qs({"1", "2"}));
  verify::Verdict v = check(in, swap_x(), c);
  EXPECT_TRUE(v.valid) << failures(v);
  EfficiencyCertificate hand;
  hand.efficient = true;
  hand.weights = qs({"1", "2"});
  hand.row_duals = qs({"1", "2", "2", "0"});
  v = check(in, swap_x(), hand);
  EXPECT_TRUE(v.valid) << failures(v);
  hand.weights[1] -= Rational(1, 7);  // (2,a): 2 + 2 = 4 ≠ 26/7
  EXPECT_FALSE(check(in, swap_x(), hand).valid);
}

// Hull instance: 2 agents, 2 objects (supply 1), C = conv of the two permutation matrices
// P1 = {(1,a),(2,b)} (cells 0, 3) and P2 = {(1,b),(2,a)} (cells 1, 2).
EquilibriumInstance hull_instance(const std::vector<std::vector<int>>& u) {
  EquilibriumInstance in = make(u, {"a", "b"}, {1, 1}, true);
  in.hull = {{0, 3}, {1, 2}};
  return in;
}

TEST(PseudoMarketEfficiency, HullEfficientNeedsWeights) {
  // u_1 = (3,1), u_2 = (2,1), x = P2: utilities (1, 2); P1 gives (3, 1). θ_1 + 2θ_2 ≥ 3θ_1 + θ_2 iff
  // θ_2 ≥ 2θ_1; min Σ θ with θ ≥ 1: θ = (1,2).
  const EquilibriumInstance in = hull_instance({{3, 1}, {2, 1}});
  const EfficiencyCertificate c = efficiency_certificate(in, swap_x());
  ASSERT_TRUE(c.efficient);
  EXPECT_EQ(c.weights, qs({"1", "2"}));
  EXPECT_TRUE(c.row_duals.empty());
  EXPECT_TRUE(check(in, swap_x(), c).valid) << failures(check(in, swap_x(), c));
  // θ_2 = 13/7: P1 gives 3 + 13/7 = 34/7 > x's 1 + 26/7 = 33/7
  EfficiencyCertificate bad = c;
  bad.weights[1] -= Rational(1, 7);
  const verify::Verdict v = check(in, swap_x(), bad);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "hull point 1 gives")) << failures(v);
  // JSON: weights only
  const Json expected = Json::parse(R"({"efficient":true,"weights":{"1":"1","2":"2"}})");
  EXPECT_EQ(efficiency_json(in, c), expected);
  EXPECT_EQ(round_trip(in, c).weights, c.weights);
}

TEST(PseudoMarketEfficiency, HullLotteryIsNotEfficient) {
  // u_1 = (2,1), u_2 = (1,2), x = ½P1 + ½P2 = all ½: utilities (3/2, 3/2). y = wP1 + (1−w)P2 gives
  // both agents 1 + w, so max Σ u·y = 2 + 2w is attained only at w = 1: y = P1, utilities (2, 2).
  const EquilibriumInstance in = hull_instance({{2, 1}, {1, 2}});
  const std::vector<Rational> x = qs({"1/2", "1/2", "1/2", "1/2"});
  const EfficiencyCertificate c = efficiency_certificate(in, x);
  ASSERT_FALSE(c.efficient);
  EXPECT_EQ(c.improvement, qs({"1", "0", "0", "1"}));
  ASSERT_EQ(c.improvement_lottery.size(), 1u);
  EXPECT_EQ(c.improvement_lottery[0].first, 0);
  EXPECT_EQ(c.improvement_lottery[0].second, 1);
  EXPECT_TRUE(check(in, x, c).valid) << failures(check(in, x, c));
  const Json expected =
      Json::parse(R"({"efficient":false,"improvement":{"1":{"a":"1"},"2":{"b":"1"}},)"
                  R"("improvement_lottery":[{"prob":"1","assignment":{"1":"a","2":"b"}}]})");
  EXPECT_EQ(efficiency_json(in, c), expected);
  const EfficiencyCertificate back = round_trip(in, c);
  EXPECT_EQ(back.improvement, c.improvement);
  EXPECT_EQ(back.improvement_lottery, c.improvement_lottery);
  {  // weight 8/7 on P1: the weights sum to 8/7 and the lottery's marginals disagree with y
    EfficiencyCertificate bad = c;
    bad.improvement_lottery[0].second = Rational(8, 7);
    const verify::Verdict v = check(in, x, bad);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "sum to 8/7")) << failures(v);
  }
  {  // y = 6/7·P1 + 1/7·P2 stated as the lottery, y itself unchanged: marginals disagree
    EfficiencyCertificate bad = c;
    bad.improvement_lottery = {{0, Rational(6, 7)}, {1, Rational(1, 7)}};
    EXPECT_FALSE(check(in, x, bad).valid);
  }
  {  // an index outside the hull
    EfficiencyCertificate bad = c;
    bad.improvement_lottery[0].first = 2;
    const verify::Verdict v = check(in, x, bad);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(mentions(v, "hull point 2")) << failures(v);
  }
  {  // x = P1 itself in the same instance is efficient with θ = (1,1): (2,2) vs P2's (1,1)
    const std::vector<Rational> p1 = qs({"1", "0", "0", "1"});
    const EfficiencyCertificate e = efficiency_certificate(in, p1);
    ASSERT_TRUE(e.efficient);
    EXPECT_EQ(e.weights, qs({"1", "1"}));
    EXPECT_TRUE(check(in, p1, e).valid);
  }
}

// A floor (EMZ §4.3 style, a·x ≥ b, never priced): objects a, b of supply 1, the floor
// "floor:a": x_1a + x_2a ≥ 1, and a disliked by both (u_1 = (−1,2), u_2 = (−1,1)), so only the
// floor makes anyone hold a. x = ((0,1),(1,0)), utilities (2, −1). Rows: unit:1, unit:2, supply:a,
// supply:b, floor:a, all tight. Efficient: agent 1 keeps 2 only with y_1b = 1, y_1a = 0, and the
// floor then gives a to agent 2. With θ = (1,1), cell (2,a): π_u2 + π_a + π_f = −1 with
// π_u2, π_a ≥ 0, so π_f ≤ −1: the floor's dual is negative. Hand duals: π_u1 = 1, π_u2 = 0, π_a = 0,
// π_b = 1, π_f = −1: (1,a) 1 + 0 − 1 = 0 ≥ −1, (1,b) 1 + 1 = 2, (2,a) 0 + 0 − 1 = −1,
// (2,b) 0 + 1 ≥ 1; Σ π b = 1 + 0 + 0 + 1 − 1 = 1 = 2 − 1 = Σ θ u·x.
EquilibriumInstance floor_instance() {
  EquilibriumInstance in = make({{-1, 2}, {-1, 1}}, {"a", "b"}, {1, 1}, false);
  in.floors.push_back(LinearRow{"floor:a", {{0, Rational(1)}, {2, Rational(1)}}, Rational(1), false});
  return in;
}

TEST(PseudoMarketEfficiency, FloorDualsAreNonPositive) {
  const EquilibriumInstance in = floor_instance();
  ASSERT_EQ(efficiency_rows(in).size(), 5u);
  EXPECT_EQ(efficiency_rows(in)[4].name, "floor:a");
  EfficiencyCertificate hand;
  hand.efficient = true;
  hand.weights = qs({"1", "1"});
  hand.row_duals = qs({"1", "0", "0", "1", "-1"});
  verify::Verdict v = check(in, swap_x(), hand);
  EXPECT_TRUE(v.valid) << failures(v);
  const EfficiencyCertificate c = efficiency_certificate(in, swap_x());
  ASSERT_TRUE(c.efficient);
  EXPECT_EQ(c.weights, qs({"1", "1"}));  // θ = (1,1) is feasible, so min Σ θ picks it
  EXPECT_LE(c.row_duals[4], -1);
  v = check(in, swap_x(), c);
  EXPECT_TRUE(v.valid) << failures(v);
  // a positive floor dual is rejected (π_f = 1/7 and π_a = −8/7 keep (2,a) but break the signs)
  EfficiencyCertificate bad = hand;
  bad.row_duals[4] = Rational(1, 7);
  bad.row_duals[2] = -Rational(8, 7);
  v = check(in, swap_x(), bad);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "floor \"floor:a\" is positive")) << failures(v);
  // an "improvement" that drops a from agent 2 (utilities (2, 0) ≥ (2, −1)) breaks the floor
  EfficiencyCertificate drop;
  drop.improvement = qs({"0", "1", "0", "0"});
  v = check(in, swap_x(), drop);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "breaks the floor \"floor:a\"")) << failures(v);
}

TEST(PseudoMarketEfficiency, BadJsonFails) {
  const EquilibriumInstance in = example2();
  EXPECT_THROW(read_text(in, R"({"efficient":"yes"})"), InputError);
  EXPECT_THROW(
      read_text(in, R"({"efficient":true,"weights":{"1":"1","2":"1","3":"1"},"row_duals":{},"x":1})"),
      InputError);
  // agent 3 has no weight
  EXPECT_THROW(read_text(in, R"({"efficient":true,"weights":{"1":"1","2":"1"},"row_duals":{}})"), InputError);
  // unknown row
  EXPECT_THROW(
      read_text(in, R"({"efficient":true,"weights":{"1":"1","2":"1","3":"1"},"row_duals":{"cap":"1"}})"),
      InputError);
  // row kinds need the row duals
  EXPECT_THROW(read_text(in, R"({"efficient":true,"weights":{"1":"1","2":"1","3":"1"}})"), InputError);
  // a not-efficient claim without an improvement, or with weights
  EXPECT_THROW(read_text(in, R"({"efficient":false})"), InputError);
  EXPECT_THROW(read_text(in, R"({"efficient":false,"improvement":{},"weights":{"1":"1"}})"), InputError);
  // a lottery for a row kind
  EXPECT_THROW(read_text(in, R"({"efficient":false,"improvement":{},"improvement_lottery":[]})"), InputError);
  // unknown agent in the improvement
  EXPECT_THROW(read_text(in, R"({"efficient":false,"improvement":{"9":{"a":"1"}}})"), InputError);
  const EquilibriumInstance hull = hull_instance({{2, 1}, {1, 2}});
  // hull kinds: the lottery is required, its points must be hull points
  EXPECT_THROW(read_text(hull, R"({"efficient":false,"improvement":{"1":{"a":"1"},"2":{"b":"1"}}})"),
               InputError);
  EXPECT_THROW(read_text(hull, R"({"efficient":false,"improvement":{"1":{"a":"1"}},
                                   "improvement_lottery":[{"prob":"1","assignment":{"1":"a"}}]})"),
               InputError);
  EXPECT_THROW(read_text(hull, R"({"efficient":true,"weights":{"1":"1","2":"1"},"row_duals":{}})"),
               InputError);
}

TEST(PseudoMarketEfficiency, AssignmentOutsideCIsRejected) {
  const EquilibriumInstance in = swap_instance();
  EXPECT_THROW(efficiency_certificate(in, qs({"1", "1", "0", "0"})), std::invalid_argument);  // unit:1 is 2
  EXPECT_THROW(efficiency_certificate(in, qs({"0", "1", "1"})), std::invalid_argument);       // wrong size
}

}  // namespace
}  // namespace equilab::pseudo_market
