// Method constructive, step (iii): the price of eq. (20) in the proof of Theorem 6 (one good),
// constructive_price.cpp, on hand examples; the certificate checker re-derives every claim.
#include <gtest/gtest.h>

#include "core/json.h"
#include "economies/json_io.h"
#include "economies/methods.h"
#include "economy_examples.h"
#include "generators/exchange_economy_generator.h"
#include "verify/exchange_economy_certificate.h"

#include <string>

namespace equilab::economies {
namespace {

using testing::parse;

EconomyResult built(const Economy& e) {
  EconomyResult r;
  r.method = "constructive";
  r.stable.state = *e.state;
  EXPECT_FALSE(state_payoffs(e, r.stable.state, r.stable.payoff).has_value());
  r.stable.welfare = 0;
  for (const auto& g : r.stable.state.groups)
    for (int i : g.group) r.stable.welfare += g.mass * r.stable.payoff[i];
  r.construction = construct_price(e, r.stable.state, r.stable.payoff);
  return r;
}

TEST(Construction, SellerBuyerHandPrice) {
  // Hand (economy_examples.h: c_S = 4, c_B = 2): on d >= 0, L(d) = max(u_S(2+d) - 4, u_B(d) - 2)
  // = max(d - 2, min(3d, 4 + d) - 2) = 3d - 2 on [0,2], d + 2 after; P = max(0, L) bends at
  // 2/3 and 2: breakpoints (0,0), (2/3,0), (2,4), final slope 1. S sells 2 for 4 (P(2) = 4,
  // (P5)), B buys 2 for 4 (Lemma 21), S's selling side: u_S(2+d) - 4 = d - 2 <= -P(-d).
  const Economy e = parse(testing::kSellerBuyer);
  const EconomyResult r = built(e);
  const ConstructionResult& c = *r.construction;
  ASSERT_TRUE(c.applies) << c.message;
  ASSERT_EQ(c.price.size(), 3u);
  EXPECT_EQ(c.price[1].trade, Rational(2, 3));
  EXPECT_EQ(c.price[1].price, 0);
  EXPECT_EQ(c.price[2].trade, 2);
  EXPECT_EQ(c.price[2].price, 4);
  EXPECT_EQ(c.final_slope, 1);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
  // Round trip, then corrupt: a breakpoint off max(0, L) is rejected.
  const EconomyResult back = read_result_json(e, JsonNode(write_result_json(e, r), "round trip"));
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, back, 1000).valid);
  EconomyResult bad = r;
  bad.construction->price[2].price += Rational(1, 7);
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, bad, 1000).valid);
}

TEST(Construction, TheoremSixCounterexampleFailsAtLemma18) {
  const Json entry = load_json_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/wang2019/4.3_theorem6_counterexample.json");
  const Economy e = read_economy_json(JsonNode(entry.at("instance"), "catalog"));
  // Hand: v = (24, 6, 5), money 0, so c = v. On d >= 0 the terms are buyer 5 + 3(3+d) - 24 =
  // 3d - 10, low 5 - 6 = -1, high min(5, 1 + 3(3+d)) - 5 = 0: P(d) = max(0, 3d - 10). The buyer
  // (type 0, first in [buyer,low,low]) buys 4 for 2: P(4) = 2, fine. Each low sells 2 for 1, but
  // P(2) = 0 < 1: no buyer buys exactly 2, so B_- has no boundary point there (Lemma 18, (P5)).
  const EconomyResult r = built(e);
  const ConstructionResult& c = *r.construction;
  ASSERT_FALSE(c.applies);
  EXPECT_EQ(c.step, "lemma-18");
  EXPECT_EQ(e.types[c.type].name, "low");
  EXPECT_EQ(c.point.trade, 2);
  EXPECT_EQ(c.point.price, 1);
  EXPECT_EQ(c.value, 0);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
  // A false failure claim (the buyer's point, which P meets) is rejected.
  EconomyResult bad = r;
  bad.construction->step = "lemma-21";
  bad.construction->type = 0;
  bad.construction->point = {Rational(4), Rational(2)};
  bad.construction->value = 2;
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, bad, 1000).valid);
}

// §4.4.1 (generators: leontief_economy). Hand: each type owns one good, so a group of at most N
// types holds at most N goods: I = 64, N = 4 gives 4 (the paper's I = 1000, N = 4 gives 4 too).
TEST(Leontief, ConsumableGoods) {
  EXPECT_EQ(gen::max_consumable_goods(gen::leontief_economy(64, 1, 4)), 4);
  EXPECT_EQ(gen::max_consumable_goods(gen::leontief_economy(3, 1, 2)), 2);
  EXPECT_EQ(gen::max_consumable_goods(gen::leontief_economy(3, 1, 3)), 3);
}

// No linear price supports the no-trade state of §4.4.1 with I = 4, N = 3. Hand: v = 0 (every
// group is worth 0), so type i keeping its endowment needs π_i <= 0 (its "optimal" row with x = 0:
// λ·c = 0, π·ω_i = π_i), and buying (s,...,s) must not pay: Σλ_ik = 1 with λ_ik <= π_k forces
// Σ_k π_k >= 1. Both cannot hold: the LP is infeasible; the Farkas vector verifies.
TEST(LinearPrice, LeontiefHasNone) {
  const Economy e = gen::leontief_economy(4, 1, 3);
  EconomyResult r;
  r.method = "price-lp";
  r.stable = solve_constructive(e);
  EXPECT_EQ(r.stable.welfare, 0);
  r.linear = linear_price(e, r.stable.state, r.stable.payoff);
  ASSERT_FALSE(r.linear->exists);
  r.goods_price = price_lp_goods(e, r.stable.state, r.stable.payoff);
  EXPECT_TRUE(r.goods_price->supported);  // the nonlinear price of Appendix D.12 exists
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 100000).valid);
  // The multipliers are not minimal (some single ones can be dropped), but negated or zeroed
  // they prove nothing.
  EconomyResult bad = r;
  for (auto& y : bad.linear->farkas) y = -y;
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, bad, 100000).valid);
  for (auto& y : bad.linear->farkas) y = 0;
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, bad, 100000).valid);
  // A claimed linear price π = (1/4, ..., 1/4) with λ = uniform weights is rejected (π_i > 0).
  EconomyResult fake = r;
  fake.linear->exists = true;
  fake.linear->primal.assign(linear_price_model(e, r.stable.state, r.stable.payoff).num_vars(), Rational(1, 4));
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, fake, 100000).valid);
}

}  // namespace
}  // namespace equilab::economies
