// The slides' Example 2 as a kind `bundles` equilibrium instance: goods a, b; values
// (ab, a, b, ∅) = (11, 10, 8, 0) for consumer 1 and (11, 10, 2, 0) for consumers 2, 3; budgets 1.
// Personal prices are the bundle prices p(A) = Σ_{g∈A} p_g; the corrected equilibrium set (p = (2, 1)
// and p = (θ, 3 − θ), θ ∈ [9/4, 5/2]) with lotteries found by hand; the published payoff x = ½ of
// W fails at p = (20/9, 7/9) because consumer 1 prefers mixing b with {a}. Every expected number is
// computed by hand in the comments (demand = the upper concave envelope of (p(A), u(A)) at cost 1).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_kinds.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

Rational q(const char* s) { return parse_rational(s); }

EquilibriumInstance example2() {
  const Json doc = parse_json_text(R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"bundles",
    "goods":["a","b"],"agents":[{"name":"1"},{"name":"2"},{"name":"3"}],
    "set_utilities":{
      "1":[{"bundle":"","value":"0"},{"bundle":"a","value":"10"},{"bundle":"b","value":"8"},{"bundle":"a+b","value":"11"}],
      "2":[{"bundle":"","value":"0"},{"bundle":"a","value":"10"},{"bundle":"b","value":"2"},{"bundle":"a+b","value":"11"}],
      "3":[{"bundle":"","value":"0"},{"bundle":"a","value":"10"},{"bundle":"b","value":"2"},{"bundle":"a+b","value":"11"}]}})",
                                   "example2");
  return read_bundle_market_json(JsonNode(doc, "example2"));
}

// Objects are a (0), b (1), a+b (2); the cell of (agent i, object l) is 3i + l.
constexpr int A = 0, B = 1, AB = 2;
int cell(int i, int l) { return 3 * i + l; }

std::vector<Rational> assignment(const std::map<int, Rational>& entries) {
  std::vector<Rational> x(9, Rational(0));
  for (const auto& [c, v] : entries) x[c] = v;
  return x;
}

// The hull index of the allocation whose cells at 1 are `cells`, or −1.
int hull_index(const EquilibriumInstance& in, std::vector<int> cells) {
  std::sort(cells.begin(), cells.end());
  for (std::size_t k = 0; k < in.hull.size(); ++k)
    if (in.hull[k] == cells) return static_cast<int>(k);
  return -1;
}

// Σ_k w_k · hull[k].
std::vector<Rational> mix(const EquilibriumInstance& in, const std::vector<std::pair<int, Rational>>& lottery) {
  std::vector<Rational> x(in.num_cells(), Rational(0));
  for (const auto& [k, w] : lottery)
    for (int c : in.hull[k]) x[c] += w;
  return x;
}

Rational row_value(const LinearRow& row, const std::vector<Rational>& x) {
  Rational s = 0;
  for (const auto& [c, a] : row.coef) s += a * x[c];
  return s;
}

Rational spend(const std::vector<Rational>& personal, const std::vector<Rational>& x, int i) {
  Rational s = 0;
  for (int l = 0; l < 3; ++l) s += personal[cell(i, l)] * x[cell(i, l)];
  return s;
}

Rational utility(const EquilibriumInstance& in, const std::vector<Rational>& x, int i) {
  Rational s = in.agents[i].utility_offset;
  for (int l = 0; l < 3; ++l) s += in.agents[i].utility[l] * x[cell(i, l)];
  return s;
}

// (x, its lottery) is a clearing of the goods: every good row holds with equality, x_i is a
// lottery (unit rows), and x = Σ w·y over allocations of both goods with Σ w = 1.
void expect_clears(const EquilibriumInstance& in, const std::vector<Rational>& x,
                   const std::vector<std::pair<int, Rational>>& lottery) {
  for (const auto& row : in.priced) EXPECT_EQ(row_value(row, x), 1) << row.name;
  for (int i = 0; i < 3; ++i) EXPECT_LE(row_value(in.individual[i][0], x), 1);
  Rational total = 0;
  for (const auto& [k, w] : lottery) {
    ASSERT_GE(k, 0);
    EXPECT_GT(w, 0);
    total += w;
  }
  EXPECT_EQ(total, 1);
  EXPECT_EQ(mix(in, lottery), x);
}

TEST(PmBundlesExample2, PersonalPricesAreBundlePrices) {
  const EquilibriumInstance in = example2();
  ASSERT_EQ(in.num_objects(), 3);
  ASSERT_EQ(in.hull.size(), 9u);  // each of a, b to one of 3 consumers: 3² = 9
  // p = (2, 1): p(a) = 2, p(b) = 1, p(ab) = 2 + 1 = 3 for every consumer
  const std::vector<Rational> pp = in.personal_prices({Rational(2), Rational(1)});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(pp[cell(i, A)], 2);
    EXPECT_EQ(pp[cell(i, B)], 1);
    EXPECT_EQ(pp[cell(i, AB)], 3);
  }
  // p = (20/9, 7/9): p(ab) = 27/9 = 3
  const std::vector<Rational> pq = in.personal_prices({q("20/9"), q("7/9")});
  EXPECT_EQ(pq[cell(1, AB)], 3);
  EXPECT_EQ(pq[cell(2, B)], q("7/9"));
  EXPECT_EQ(in.budgets({Rational(2), Rational(1)}), (std::vector<Rational>{1, 1, 1}));
}

TEST(PmBundlesExample2, PriceTwoOne) {
  const EquilibriumInstance in = example2();
  const std::vector<Rational> p{Rational(2), Rational(1)};
  const std::vector<Rational> pp = in.personal_prices(p);
  // consumer 1 buys b; consumers 2, 3 buy a with probability ½
  const std::vector<Rational> x =
      assignment({{cell(0, B), Rational(1)}, {cell(1, A), q("1/2")}, {cell(2, A), q("1/2")}});
  // goods: a ½ + ½ = 1, b 1; lottery by hand: (1:b, 2:a, 3:∅) and (1:b, 2:∅, 3:a), ½ each
  const int y1 = hull_index(in, {cell(0, B), cell(1, A)}), y2 = hull_index(in, {cell(0, B), cell(2, A)});
  expect_clears(in, x, {{y1, q("1/2")}, {y2, q("1/2")}});
  // budgets: 1·1 = 1 and ½·2 = 1; payoffs (8, 5, 5)
  for (int i = 0; i < 3; ++i) EXPECT_EQ(spend(pp, x, i), 1);
  EXPECT_EQ(utility(in, x, 0), 8);
  EXPECT_EQ(utility(in, x, 1), 5);
  // V_i(p) by hand: consumer 1's points (0,0), (1,8), (2,10), (3,11) have slopes 8, 2, 1, so the
  // envelope at cost 1 is 8 (b); consumers 2, 3: chord (0,0)–(2,10) of slope 5 gives 5 > u(b) = 2.
  EXPECT_EQ(agent_value(in, 0, pp, Rational(1)), 8);
  EXPECT_EQ(agent_value(in, 1, pp, Rational(1)), 5);
  EXPECT_EQ(agent_value(in, 2, pp, Rational(1)), 5);
  // price-certify: demands are unique (vertices and a chord with the other points strictly
  // below), so its assignment is x, with a lottery over the hull.
  const std::optional<Equilibrium> eq = price_certify(in, p);
  ASSERT_TRUE(eq.has_value());
  EXPECT_EQ(eq->x, x);
  expect_clears(in, eq->x, eq->lottery);
}

// p = (θ, 3 − θ): consumers 2, 3 buy a with probability 1/θ; consumer 1 mixes b/ab with
// P(ab) = 1 − 2/θ ((1 − s)(3 − θ) + 3s = 1 ⇔ s = 1 − 2/θ); payoffs (8 + 3x/5, 5 − x, 5 − x), x = 5 − 10/θ.
void check_theta(const Rational& theta, const Rational& payoff_1, const Rational& payoff_2) {
  const EquilibriumInstance in = example2();
  const std::vector<Rational> p{theta, 3 - theta};
  const std::vector<Rational> pp = in.personal_prices(p);
  const Rational pa = 1 / theta, s = 1 - 2 / theta;
  const std::vector<Rational> x =
      assignment({{cell(0, B), 1 - s}, {cell(0, AB), s}, {cell(1, A), pa}, {cell(2, A), pa}});
  // lottery by hand: (1:ab) with s, (1:b, 2:a) and (1:b, 3:a) with 1/θ each; s + 2/θ = 1
  expect_clears(in, x,
                {{hull_index(in, {cell(0, AB)}), s},
                 {hull_index(in, {cell(0, B), cell(1, A)}), pa},
                 {hull_index(in, {cell(0, B), cell(2, A)}), pa}});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(spend(pp, x, i), 1);
  EXPECT_EQ(utility(in, x, 0), payoff_1);
  EXPECT_EQ(utility(in, x, 1), payoff_2);
  EXPECT_EQ(agent_value(in, 0, pp, Rational(1)), payoff_1);
  EXPECT_EQ(agent_value(in, 1, pp, Rational(1)), payoff_2);
  const std::optional<Equilibrium> eq = price_certify(in, p);
  ASSERT_TRUE(eq.has_value());
  expect_clears(in, eq->x, eq->lottery);
}

TEST(PmBundlesExample2, ThetaNineQuarters) {
  // θ = 9/4: P(a) = 4/9, P(ab) = 1/9; x = 5 − 40/9 = 5/9: 8 + 3x/5 = 8 + 1/3 = 25/3 (also
  // 8/9·8 + 1/9·11 = 75/9), 5 − x = 40/9 (= 4/9·10).
  check_theta(q("9/4"), q("25/3"), q("40/9"));
}

TEST(PmBundlesExample2, ThetaFiveHalves) {
  // θ = 5/2: P(a) = 2/5, P(ab) = 1/5; x = 5 − 4 = 1: 8 + 3/5 = 43/5 (= 4/5·8 + 1/5·11), 5 − 1 = 4.
  check_theta(q("5/2"), q("43/5"), q("4"));
}

TEST(PmBundlesExample2, PublishedHalfIsNotAnEquilibrium) {
  const EquilibriumInstance in = example2();
  // x = ½ on the curve θ = 10/(5 − x) = 20/9: p = (20/9, 7/9), p(ab) = 3.
  const std::vector<Rational> p{q("20/9"), q("7/9")};
  const std::vector<Rational> pp = in.personal_prices(p);
  // W's point for consumer 1: b/ab with P(ab) = 1 − 2/θ = 1/10: cost 9/10·7/9 + 1/10·3 = 1,
  // value 9/10·8 + 1/10·11 = 83/10 = 8 + 3/10.
  const std::vector<Rational> w_point = assignment({{cell(0, B), q("9/10")}, {cell(0, AB), q("1/10")}});
  EXPECT_EQ(spend(pp, w_point, 0), 1);
  EXPECT_EQ(utility(in, w_point, 0), q("83/10"));
  // The better mix: b with {a}, σ_a·(20/9 − 7/9) = 1 − 7/9 ⇒ σ_a = 2/13, σ_b = 11/13:
  // cost (2·20 + 11·7)/117 = 117/117 = 1, value (2·10 + 11·8)/13 = 108/13 = 8 + 4/13 > 8 + 3/10.
  const std::vector<Rational> better = assignment({{cell(0, A), q("2/13")}, {cell(0, B), q("11/13")}});
  EXPECT_EQ(spend(pp, better, 0), 1);
  EXPECT_EQ(utility(in, better, 0), q("108/13"));
  EXPECT_GT(q("108/13"), q("83/10"));
  // and it is consumer 1's optimum: b→a has slope 2/(13/9) = 18/13, a→ab 1/(7/9) = 9/7 < 18/13,
  // ∅→b 72/7 > 18/13, so the envelope at cost 1 lies on the chord b–a.
  EXPECT_EQ(agent_value(in, 0, pp, Rational(1)), q("108/13"));
  // consumers 2, 3: chord (0,0)–(20/9,10) of slope 9/2 gives 7/2 > u(b) = 2 at 7/9, and a→ab has
  // slope 9/7: V = 9/2 with σ_a = 9/20 (unique). Then good b is bought only by consumer 1, 11/13 < 1:
  // no assignment at p clears, and price-certify finds none.
  EXPECT_EQ(agent_value(in, 1, pp, Rational(1)), q("9/2"));
  EXPECT_FALSE(price_certify(in, p).has_value());
}

}  // namespace
}  // namespace equilab::pseudo_market

namespace equilab::pseudo_market {
namespace {

// Cross-check of the corrected payoff set: whatever equilibrium tatonnement certifies must lie in
// the hand-derived equilibrium price set {(2, 1)} ∪ {(θ, 3 − θ) : θ ∈ [9/4, 5/2]} (the slides' W
// would also allow θ ∈ (2, 9/4), i.e. x ∈ (0, 5/9)), and its certificate, lottery included, verifies.
TEST(PmBundlesExample2, TatonnementLandsInTheCorrectedPriceSet) {
  const EquilibriumInstance in = example2();
  EquilibriumResult r = solve_tatonnement(in, EquilibriumOptions{});
  ASSERT_EQ(r.status, EqStatus::Exact);
  ASSERT_EQ(r.equilibria.size(), 1u);
  const Equilibrium& e = r.equilibria.front();
  const Rational pa = e.prices[in.priced_index("good:a")], pb = e.prices[in.priced_index("good:b")];
  const bool corner = pa == 2 && pb == 1;
  const bool family = pa + pb == 3 && pa >= Rational(9, 4) && pa <= Rational(5, 2);
  EXPECT_TRUE(corner || family) << equilab::to_string(pa) << ", " << equilab::to_string(pb);
  EXPECT_FALSE(e.lottery.empty());
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

}  // namespace
}  // namespace equilab::pseudo_market

namespace equilab::pseudo_market {
namespace {

// The corrected set by the exact enumeration: support-enum (two free prices, decided through the
// clearing equations of each pattern) must find (2, 1) and the family θ ∈ [9/4, 5/2] on the line
// p_a + p_b = 3 — the hand analysis of the erratum — and nothing outside that set.
TEST(PmBundlesExample2, SupportEnumFindsExactlyTheCorrectedSet) {
  const EquilibriumInstance in = example2();
  const EquilibriumResult r = solve_support_enum(in, EquilibriumOptions{});
  ASSERT_EQ(r.status, EqStatus::Exact);
  const int a = in.priced_index("good:a"), b = in.priced_index("good:b");
  auto in_set = [&](const std::vector<Rational>& p) {
    return (p[a] == 2 && p[b] == 1) ||
           (p[a] + p[b] == 3 && p[a] >= Rational(9, 4) && p[a] <= Rational(5, 2));
  };
  bool corner = false;
  for (const Equilibrium& e : r.equilibria) {
    EXPECT_TRUE(in_set(e.prices)) << equilab::to_string(e.prices[a]) << ", " << equilab::to_string(e.prices[b]);
    corner = corner || (e.prices[a] == 2 && e.prices[b] == 1);
  }
  EXPECT_TRUE(corner);
  bool family = false;
  for (const EquilibriumFamily& f : r.families) {
    EXPECT_TRUE(in_set(f.prices_from) && in_set(f.prices_to));
    const Rational lo = std::min(f.prices_from[a], f.prices_to[a]), hi = std::max(f.prices_from[a], f.prices_to[a]);
    family = family || (lo == Rational(9, 4) && hi == Rational(5, 2));
  }
  EXPECT_TRUE(family);
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

}  // namespace
}  // namespace equilab::pseudo_market
