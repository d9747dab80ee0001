// The exchange_economy model: utilities, the lower envelope, s(G) by the greedy and by the
// LP (independent methods, compared), and the constructive stable state.
#include <gtest/gtest.h>

#include "economies/methods.h"
#include "economy_examples.h"
#include "groups/enumerate.h"
#include "verify/exchange_economy_certificate.h"

namespace equilab::economies {
namespace {

using testing::parse;
Rational R(const char* s) { return parse_rational(s); }

TEST(EconomyModel, ReadsTheFormatExample) {
  const Economy e = parse(testing::kOneType);
  ASSERT_EQ(e.num_types(), 1);
  EXPECT_EQ(e.goods, std::vector<std::string>{"g"});
  EXPECT_EQ(e.min_size, 1);
  EXPECT_EQ(e.max_size, 3);
  EXPECT_EQ(e.types[0].endowment[0], 2);
  // u(x) = min(x, 2): u(1) = 1, u(2) = 2, u(5) = 2.
  EXPECT_EQ(utility(e.types[0], {Rational(1)}), 1);
  EXPECT_EQ(utility(e.types[0], {Rational(5)}), 2);
  const Concave1d env = lower_envelope_1d(e.types[0]);
  EXPECT_EQ(env.at_zero, 0);
  EXPECT_EQ(env.kinks, std::vector<Rational>{Rational(2)});
  EXPECT_EQ(env.slopes, (std::vector<Rational>{Rational(1), Rational(0)}));
  EXPECT_EQ(env.value(R("3/2")), R("3/2"));
}

TEST(EconomyModel, EnvelopeSkipsRedundantPieces) {
  // min(3x, 4 + x, 10 + 2x): the third piece is never active on [0, ∞) (10 + 2x > 4 + x).
  EconType t{"t", 1, 0, {Rational(0)}, {{0, {Rational(3)}}, {10, {Rational(2)}}, {4, {Rational(1)}}}};
  const Concave1d env = lower_envelope_1d(t);
  EXPECT_EQ(env.kinks, std::vector<Rational>{Rational(2)});
  EXPECT_EQ(env.slopes, (std::vector<Rational>{Rational(3), Rational(1)}));
  for (int x = 0; x <= 6; ++x) EXPECT_EQ(env.value(Rational(x)), utility(t, {Rational(x)})) << x;
}

TEST(EconomyModel, HandSurplusesOneGood) {
  const Economy e = parse(testing::kSellerBuyer);  // values computed in economy_examples.h
  const int S = 0, B = 1;
  EXPECT_EQ(surplus(e, {S}), 2);
  EXPECT_EQ(surplus(e, {B}), 0);
  EXPECT_EQ(surplus(e, {S, S}), 4);
  EXPECT_EQ(surplus(e, {B, B}), 0);
  EXPECT_EQ(surplus(e, {S, B}), 6);
  const GoodsOptimum g = goods_optimum_greedy(e, {S, B});
  EXPECT_EQ(g.goods.at(B)[0], 2);
  EXPECT_EQ(g.goods.at(S)[0], 0);
  EXPECT_EQ(goods_optimum_lp(e, {S, B}).value, 6);
}

TEST(EconomyModel, HandSurplusTwoGoodsByLp) {
  const Economy e = parse(testing::kTwoGoods);
  EXPECT_EQ(surplus(e, {0}), 0);
  EXPECT_EQ(surplus(e, {1}), 0);
  EXPECT_EQ(surplus(e, {0, 1}), 4);
  EXPECT_EQ(surplus(e, {0, 0}), 0);
}

TEST(EconomyModel, ConstructiveSellerBuyer) {
  Economy e = parse(testing::kSellerBuyer);
  const StableState s = solve_constructive(e);
  EXPECT_EQ(s.welfare, 6);  // Π = 6 (hand computation in economy_examples.h)
  ASSERT_EQ(s.state.groups.size(), 1u);
  EXPECT_EQ(s.state.groups[0].group, (groups::GroupType{0, 1}));
  EXPECT_EQ(s.payoff[0] + s.payoff[1], 6);
  EXPECT_GE(s.payoff[0], 2);
  EXPECT_GE(s.payoff[1], 0);
  EconomyResult r;
  r.method = "constructive";
  r.stable = s;
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
}

TEST(EconomyModel, ConstructiveTwoGoods) {
  const Economy e = parse(testing::kTwoGoods);
  const StableState s = solve_constructive(e);
  EXPECT_EQ(s.welfare, 4);  // one [A,B] pair, s = 4
  EconomyResult r;
  r.method = "constructive";
  r.stable = s;
  EXPECT_TRUE(verify::check_exchange_economy_certificate(e, r, 1000).valid);
}

TEST(EconomyModel, CertificateRejectsBlockedState) {
  // In kSellerBuyer, S selling 2 for 1 leaves S with 1 < s([S]) = 2: the singleton blocks.
  Economy e = parse(testing::kSellerBuyer);
  EconomyResult r;
  r.method = "constructive";
  r.stable.state = *e.state;
  r.stable.state.groups[0].bundles[0].money = 1;
  r.stable.state.groups[0].bundles[1].money = -1;
  r.stable.payoff = {Rational(1), Rational(5)};
  r.stable.welfare = 6;
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 1000);
  EXPECT_FALSE(v.valid);
  ASSERT_FALSE(v.failures.empty());
  EXPECT_NE(v.failures[0].find("[S] blocks"), std::string::npos) << v.failures[0];
}

}  // namespace
}  // namespace equilab::economies
