// The pricing oracle (groups/pricing.h) against brute force: for random value functions of
// every class (pairwise with pair values >= 0 on a sparse graph, additive + size, tables with a
// default, and negative pair values priced by enumeration) and random imputations u, the exact
// max ρ per size equals the maximum over every enumerated group, computed here from the test's
// own value formula. EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include "common/property_runs.h"
#include "groups/enumerate.h"
#include "groups/pricing.h"
#include "scale_instances.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <optional>
#include <set>
#include <string>

namespace equilab::groups {
namespace {

using namespace scale_test;

const bool kRunsConfigured = testing::configure_property_runs();

std::vector<Rational> draw_u(int k) {
  std::vector<Rational> u;
  for (int i = 0; i < k; ++i) u.push_back(small_rational(-4, 15));
  return u;
}

void check_oracle(Kind kind) {
  const Data d = draw_data(kind, 10, 5);
  const GroupsInstance inst = instance_of(d);
  const std::vector<Rational> u = draw_u(d.k);
  const std::size_t limit = *rc::gen::inRange(1, 8);
  const Rational threshold = *rc::gen::element(Rational(0), Rational(-1), Rational(1, 2));
  RC_LOG() << kind_name(kind) << " k=" << d.k << " sizes " << d.lo << ".." << d.hi << "\n";

  // Brute force: the maximum per size and every group's ρ.
  std::vector<std::optional<Rational>> brute(d.hi + 1);
  for (int n = d.lo; n <= d.hi; ++n)
    for_each_multiset(d.k, n, [&](const GroupType& g) {
      const Rational r = rho_of(d, g, u);
      if (!brute[n] || r > *brute[n]) brute[n] = r;
    });
  Rational brute_max = *brute[d.lo];
  for (int n = d.lo; n <= d.hi; ++n) brute_max = std::max(brute_max, *brute[n]);

  const PricingOracle oracle(inst, kDefaultMaxEnumeration);
  const ExactPricing ex = oracle.price_exact(u, limit, threshold);
  RC_ASSERT(ex.max_by_size.size() == static_cast<std::size_t>(d.hi - d.lo + 1));
  for (int n = d.lo; n <= d.hi; ++n) RC_ASSERT(ex.max_by_size[n - d.lo] == *brute[n]);
  RC_ASSERT(ex.max_rho == brute_max);
  const int argmax_size = static_cast<int>(ex.argmax.size());
  RC_ASSERT(argmax_size >= d.lo && argmax_size <= d.hi);
  RC_ASSERT(std::is_sorted(ex.argmax.begin(), ex.argmax.end()));
  RC_ASSERT(rho_of(d, ex.argmax, u) == brute_max);
  // Columns: distinct, exact ρ above the threshold, at most `limit`, the maximiser among them.
  RC_ASSERT(ex.columns.size() <= limit);
  std::set<GroupType> seen;
  for (const ExactPricedColumn& c : ex.columns) {
    RC_ASSERT(seen.insert(c.group).second);
    RC_ASSERT(static_cast<int>(c.group.size()) >= d.lo && static_cast<int>(c.group.size()) <= d.hi);
    RC_ASSERT(c.rho == rho_of(d, c.group, u));
    RC_ASSERT(c.rho > threshold);
  }
  if (brute_max > threshold) {
    RC_ASSERT(!ex.columns.empty());
    RC_ASSERT(ex.columns.front().rho == brute_max);
  } else {
    RC_ASSERT(ex.columns.empty());
  }

  // The double oracle: floating point, so compared with a tolerance.
  std::vector<double> ud;
  for (const Rational& x : u) ud.push_back(x.convert_to<double>());
  const double thr_d = threshold.convert_to<double>();
  const DoublePricing db = oracle.price_double(ud, limit, thr_d);
  for (int n = d.lo; n <= d.hi; ++n) {
    const double b = brute[n]->convert_to<double>();
    RC_ASSERT(std::abs(db.max_by_size[n - d.lo] - b) <= 1e-9 * (1 + std::abs(b)));
    RC_ASSERT(std::abs(rho_of(d, db.best_by_size[n - d.lo], u).convert_to<double>() - b) <= 1e-9 * (1 + std::abs(b)));
  }
  RC_ASSERT(db.columns.size() <= limit);
  for (const PricedColumn& c : db.columns) {
    RC_ASSERT(c.rho > thr_d);
    RC_ASSERT(std::abs(c.rho - rho_of(d, c.group, u).convert_to<double>()) <= 1e-9 * (1 + std::abs(c.rho)));
  }
  if (brute_max.convert_to<double>() > thr_d + 1e-9) RC_ASSERT(!db.columns.empty());
}

RC_GTEST_PROP(Pricing, PairwiseSparseEqualsBruteForce, ()) {
  check_oracle(Kind::PairwiseSparse);
  RC_ASSERT(PricingOracle(instance_of(draw_data(Kind::PairwiseSparse, 3, 2)), 1).value_class() !=
            ValueClass::BruteForce);
}
RC_GTEST_PROP(Pricing, AdditiveEqualsBruteForce, ()) { check_oracle(Kind::Additive); }
RC_GTEST_PROP(Pricing, TableEqualsBruteForce, ()) { check_oracle(Kind::Table); }
RC_GTEST_PROP(Pricing, NegativePairsEqualBruteForce, ()) { check_oracle(Kind::NegativePairs); }

TEST(Pricing, Classes) {
  scale_test::Data d;
  d.kind = Kind::PairwiseSparse;
  d.k = 2;
  d.lo = 1;
  d.hi = 2;
  d.mass = {1, 1};
  d.own = {0, 0};
  d.size = {0, 0, 0};
  d.pair = {{0, 1}, {1, 0}};
  EXPECT_EQ(classify_value(instance_of(d)), ValueClass::PairwiseNonnegative);
  d.pair = {{0, 0}, {0, 0}};
  EXPECT_EQ(classify_value(instance_of(d)), ValueClass::Additive);
  d.pair = {{0, -1}, {-1, 0}};
  EXPECT_EQ(classify_value(instance_of(d)), ValueClass::BruteForce);
  d.kind = Kind::Table;
  EXPECT_EQ(classify_value(instance_of(d)), ValueClass::Table);
}

// Negative pair values above the enumeration limit: refused, naming the class and the option.
TEST(Pricing, NegativePairsAboveTheLimitAreRefused) {
  scale_test::Data d;
  d.kind = Kind::NegativePairs;
  d.k = 30;
  d.lo = 1;
  d.hi = 4;
  d.mass.assign(30, Rational(1));
  d.own.assign(30, Rational(1));
  d.size.assign(5, Rational(0));
  d.pair.assign(30, std::vector<Rational>(30, Rational(0)));
  d.pair[0][1] = d.pair[1][0] = -1;
  // Σ_{n=1}^{4} C(30+n−1, n) = 30 + 465 + 4960 + 40920 = 46375 group types > 1000.
  try {
    PricingOracle oracle(instance_of(d), 1000);
    FAIL() << "expected EnumerationLimit";
  } catch (const EnumerationLimit& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("46375"), std::string::npos) << what;
    EXPECT_NE(what.find("negative pair values"), std::string::npos) << what;
    EXPECT_NE(what.find("--max-enumeration"), std::string::npos) << what;
  }
  EXPECT_NO_THROW(PricingOracle(instance_of(d), 46375));
}

// §2.4.2 (Wang): μ = (1,1,1), sizes 2..3, s([1,2,2]) = 9, s([3,3,3]) = 4, s([1,2]) = 2,
// s([3,3]) = 3, all else 0; the unique stable imputation is u = (0, 9/2, 3/2), so max ρ = 0
// (e.g. ρ([1,2,2]) = 9 − 9 = 0, ρ([3,3]) = 3 − 3 = 0, ρ([1,1]) = 0). Lowering u(2) by 1/7 makes
// [1,2,2] block by 9 − 2(9/2 − 1/7) = 2/7, the largest: [1,2] gives 2 − 9/2 + 1/7 < 0.
TEST(Pricing, WangSection242) {
  scale_test::Data d;
  d.kind = Kind::Table;
  d.k = 3;
  d.lo = 2;
  d.hi = 3;
  d.mass.assign(3, Rational(1));
  d.default_value = 0;
  d.listed = {{{0, 1, 1}, 9}, {{2, 2, 2}, 4}, {{0, 1}, 2}, {{2, 2}, 3}};
  const PricingOracle oracle(instance_of(d), kDefaultMaxEnumeration);
  std::vector<Rational> u = {Rational(0), Rational(9, 2), Rational(3, 2)};
  EXPECT_EQ(oracle.price_exact(u, 5, Rational(0)).max_rho, Rational(0));
  EXPECT_TRUE(oracle.price_exact(u, 5, Rational(0)).columns.empty());
  u[1] -= Rational(1, 7);
  const ExactPricing p = oracle.price_exact(u, 5, Rational(0));
  EXPECT_EQ(p.max_rho, Rational(2, 7));
  EXPECT_EQ(p.argmax, (GroupType{0, 1, 1}));
  ASSERT_FALSE(p.columns.empty());
  EXPECT_EQ(p.columns.front().group, (GroupType{0, 1, 1}));
}

}  // namespace
}  // namespace equilab::groups
