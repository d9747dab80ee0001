// Method price-lp: the construction of price_lp.cpp on hand examples, the certificate
// checker's agent-optimality test (which never uses L or U), and the Theorem 6 counterexample.
#include <gtest/gtest.h>

#include "economies/json_io.h"
#include "economies/methods.h"
#include "economy_examples.h"
#include "groups/enumerate.h"
#include "verify/exchange_economy_certificate.h"

namespace equilab::economies {
namespace {

using testing::parse;
Rational R(const char* s) { return parse_rational(s); }

EconomyResult priced(const Economy& e) {
  EconomyResult r;
  r.method = "price-lp";
  r.stable.state = *e.state;
  EXPECT_FALSE(state_payoffs(e, r.stable.state, r.stable.payoff).has_value());
  r.stable.welfare = 0;
  for (const auto& g : r.stable.state.groups)
    for (int i : g.group) r.stable.welfare += g.mass * r.stable.payoff[i];
  r.price = price_lp(e, r.stable.state, r.stable.payoff);
  return r;
}

TEST(PriceLp, SellerBuyerHandPrice) {
  const Economy e = parse(testing::kSellerBuyer);
  const EconomyResult r = priced(e);
  ASSERT_TRUE(r.price->supported);
  // Hand computation in economy_examples.h: p(d) = 2d on [0,2], d + 2 after.
  ASSERT_EQ(r.price->price.size(), 2u);
  EXPECT_EQ(r.price->price[0].trade, 0);
  EXPECT_EQ(r.price->price[0].price, 0);
  EXPECT_EQ(r.price->price[1].trade, 2);
  EXPECT_EQ(r.price->price[1].price, 4);
  EXPECT_EQ(r.price->final_slope, 1);
  EXPECT_EQ(evaluate_price(r.price->price, r.price->final_slope, Rational(-1)), -2);  // odd
  EXPECT_EQ(evaluate_price(r.price->price, r.price->final_slope, Rational(5)), 7);
  ASSERT_EQ(r.price->forced.size(), 2u);  // (0,0) and (2,4)
  EXPECT_EQ(r.price->forced[1].price, 4);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
}

TEST(PriceLp, CheckerRejectsCorruptedPrices) {
  const Economy e = parse(testing::kSellerBuyer);
  const EconomyResult good = priced(e);
  {  // the forced value p(2) = 4 moved by 1/7
    EconomyResult r = good;
    r.price->price[1].price += R("1/7");
    const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
    EXPECT_FALSE(v.valid);
  }
  {  // p(d) = 2d everywhere also supports the state (p is not unique): B gets u_B(d) - 2d =
     // d <= 2 on [0,2] and 4 - d after, at most c_B = 2; S gets 2 + d - 2d = 2 - d <= 4 on [-2,0].
    EconomyResult r = good;
    r.price->final_slope = 2;
    EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
  }
  {  // p(d) = d/2 after 2 (slope below the buyer's marginal utility 1): B buys without bound.
    EconomyResult r = good;
    r.price->final_slope = R("1/2");
    const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
    EXPECT_FALSE(v.valid);
    ASSERT_FALSE(v.failures.empty());
    EXPECT_NE(v.failures.back().find("buys without bound"), std::string::npos) << v.failures.back();
  }
  {  // p = 3d on [0,2] ((2,6)): forced value broken and S would rather sell everything.
    EconomyResult r = good;
    r.price->price[1].price = 6;
    EXPECT_FALSE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
  }
}

TEST(PriceLp, SellerTakesTheWholeSurplus) {
  // kSellerBuyer with the split v_S = 6, v_B = 0 (S sells 2 for 6): stable (v_S + v_B = 6, v_S >= 2,
  // v_B >= 0), forced p(2) = 6, c_S = 6, c_B = 0. U(2) = c_S - u_S(0) = 6 and L(2) = max(u_S(4) - 6,
  // u_B(2) - 0) = 6, so 6 <= p(2) <= 6: supported, with p = max(L, min(g, U)); g = 3d on [0,2].
  Economy e = parse(testing::kSellerBuyer);
  e.state->groups[0].bundles[0].money = 6;
  e.state->groups[0].bundles[1].money = -6;
  const EconomyResult r = priced(e);
  ASSERT_TRUE(r.price->supported);
  EXPECT_EQ(evaluate_price(r.price->price, r.price->final_slope, Rational(2)), 6);
  // On [0,2]: L = 3d, U = 4 + d, g = 3d -> p = 3d; after 2: L = 4 + d, g = 6 -> p = 4 + d.
  EXPECT_EQ(evaluate_price(r.price->price, r.price->final_slope, Rational(1)), 3);
  EXPECT_EQ(evaluate_price(r.price->price, r.price->final_slope, Rational(4)), 8);
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
}

TEST(PriceLp, TheoremSixCounterexample) {
  const Json entry = load_json_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/wang2019/4.3_theorem6_counterexample.json");
  const Economy e = read_economy_json(JsonNode(entry.at("instance"), "catalog"));
  std::vector<Rational> v;
  ASSERT_FALSE(state_payoffs(e, *e.state, v).has_value());
  // Payoffs by hand: buyer -2 + u(7) = -2 + 5 + 21 = 24 = -8 + 5 + 27; low 1 + 5 = 6;
  // high 4 + u(0) = 4 + 1 = 5 = 0 + u(3) = min(5, 10).
  EXPECT_EQ(v, (std::vector<Rational>{Rational(24), Rational(6), Rational(5)}));
  // Stability with s(G) from the LP (not the greedy the methods use): every group of size <= 3.
  for (const auto& g : groups::enumerate_group_types(3, 1, 3)) {
    Rational sum = 0, s = goods_optimum_lp(e, g).value;
    for (int i : g) sum += v[i], s += e.types[i].money;
    EXPECT_GE(sum, s) << group_label(e, g);
  }
  // Hand: s([buyer,low,low]) = u_b(7) + 2·5 = 36 = 24 + 6 + 6; s([buyer,high,high]) = u_b(9) + 2 = 34.
  EXPECT_EQ(surplus(e, {0, 1, 1}), 36);
  EXPECT_EQ(surplus(e, {0, 2, 2}), 34);
  const EconomyResult r = priced(e);
  ASSERT_FALSE(r.price->supported);
  ASSERT_TRUE(r.price->violation);
  EXPECT_EQ(r.price->violation->condition, "c");
  // 'high' sells 3 for 4: p(3) = 4; 'buyer' buys 4 for 2 in [buyer,low,low]: p(4) = 2 < p(3).
  ASSERT_EQ(r.price->violation->points.size(), 2u);
  EXPECT_EQ(r.price->violation->points[0].trade, 3);
  EXPECT_EQ(r.price->violation->points[0].price, 4);
  EXPECT_EQ(r.price->violation->points[1].trade, 4);
  EXPECT_EQ(r.price->violation->points[1].price, 2);
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
  // A fabricated "violation" that does not hold is rejected.
  EconomyResult fake = r;
  fake.price->violation->points = {{Rational(2), Rational(1)}, {Rational(3), Rational(4)}};
  EXPECT_FALSE(verify::check_exchange_economy_certificate(e, fake, 1000).valid);
}

TEST(PriceLp, BlockingPairViolatesConditionB) {
  // Not a stable state: S and B in singletons ([S] m=0 x=2, [B] m=0 x=0) with sizes 1..2; then
  // v_S = 2, v_B = 0 and max_d u_S(2+d) + u_B(-d) = 6 > c_S + c_B = 2: condition (b) fails
  // (the pair [S,B] blocks).
  Economy e = parse(testing::kSellerBuyer);
  State s;
  s.groups.push_back({{0}, Rational(1), {{0, Bundle{Rational(0), {Rational(2)}}}}});
  s.groups.push_back({{1}, Rational(1), {{1, Bundle{Rational(0), {Rational(0)}}}}});
  const PriceResult p = price_lp(e, s, {Rational(2), Rational(0)});
  ASSERT_FALSE(p.supported);
  EXPECT_EQ(p.violation->condition, "b");
  EXPECT_EQ(p.violation->lhs, 6);
  EXPECT_EQ(p.violation->rhs, 2);
}

}  // namespace
}  // namespace equilab::economies
