// allocation_market method `ga-minmax` (Caplin–Leahy §2.3, the min-max theorem (2.2) by
// enumeration): hand-computed markets, the sizes of the enumerations against closed forms, the
// property ga-minmax = allocation-lp = path, and the command's limits and crosscheck bounds.
//
// Notation in the hand computations: u_a is buyer a's utility at his own good under the
// generated prices; an unallocated good k takes its best place in F, q_k = max(r_k, max over
// buyers b accepting k of (v_bk − u_b)/β_bk), and an unallocated outside option o_b takes
// max(0, w_b − u_b) (o_b may hang below b's good: the outside options are goods of Y).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <map>

#include "cli/run_command.h"
#include "common/property_runs.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "market_helpers.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

using test::parse;
using test::good_index;

void expect_mep(const AllocationMarket& m, const MepResult& r, const std::map<std::string, Rational>& prices,
                const std::map<std::string, std::string>& allocation) {
  for (const auto& [g, p] : prices) EXPECT_EQ(r.certificate.prices[good_index(m, g)], p) << g;
  for (int a = 0; a < m.num_buyers(); ++a)
    if (allocation.count(m.buyers[a]))
      EXPECT_EQ(m.goods[r.certificate.allocation[a]].name, allocation.at(m.buyers[a])) << m.buyers[a];
  const auto v = verify::check_allocation_market_certificate(m, r.certificate);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures.front());
}

// The forest edges of a certificate as "from->to[buyer]".
std::vector<std::string> edges(const AllocationMarket& m, const Certificate& c) {
  std::vector<std::string> out;
  for (const auto& e : c.edges)
    out.push_back(m.goods[e.from].name + "->" + m.goods[e.to].name + "[" + m.buyers[e.buyer] + "]");
  return out;
}

// One buyer a, x (r 1, value 5, slope 1), y (r 0, value 3, slope 1/2), outside 0.
//   μ = x: q_x = 1, u = 4; y: max(0, (3 − 4)/(1/2) = −2) = 0; o: max(0, −4) = 0.  Σ = 1.
//   μ = y: q_y = 0, u = 3; x: max(1, 5 − 3 = 2) = 2; o: 0.                       Σ = 2.
//   μ = o: u = 0; x: max(1, 5) = 5; y: max(0, 3/(1/2) = 6) = 6.                  Σ = 11.
// One allocated good: its forest is that good alone, so each max is over one structure.
// min = 1 at μ = x with all goods roots: the MEP (1, 0), a on x (utility 4 > 3 at y, > 0).
const char* kOne = R"({"model":"allocation_market","version":1,"buyers":["a"],
 "goods":[{"name":"x","reservation":1},{"name":"y","reservation":0},{"name":"o","null":true}],
 "utility":{"a":{"x":{"value":5},"y":{"value":3,"slope":"1/2"},"o":{"value":0}}}})";

TEST(GaMinmax, OneBuyerTwoGoods) {
  const AllocationMarket m = parse(kOne);
  const MepResult r = solve_ga_minmax(m);
  expect_mep(m, r, {{"x", 1}, {"y", 0}, {"o", 0}}, {{"a", "x"}});
  EXPECT_TRUE(r.certificate.edges.empty());
}

// TU, r = 0, outside options 0: a values x 10, y 4; b values x 8, y 6. The 7 allocations:
//  (x,y): roots Σ 0; x->y[a]: q_y = 4 − 10 = −6, Σ −6; y->x[b]: q_x = 8 − 6 = 2, Σ 2.  max 2
//  (y,x): roots 0; y->x[a]: q_x = 10 − 4 = 6, Σ 6; x->y[b]: q_y = 6 − 8 = −2.           max 6
//  (x,o): x root: u_a 10, u_b 0, y = max(0, −6, 6) = 6, Σ 6; o_b->x: q_x 8, y 6, Σ 14.  max 14
//  (y,o): y root: x = max(0, 6, 8) = 8, Σ 8; o_b->y: q_y 6, u_a −2, x 12, Σ 18.         max 18
//  (o,x): x root: y = max(0, 4, −2) = 4, Σ 4; o_a->x: q_x 10, u_b −2, y 8, Σ 18.        max 18
//  (o,y): y root: x = max(0, 10, 2) = 10, Σ 10; o_a->y: q_y 4, u_b 2, x 10, Σ 14.       max 14
//  (o,o): x = max(0, 10, 8) = 10, y = max(0, 4, 6) = 6, Σ 16.                           max 16
// (unallocated outside options stay at 0 throughout: every u above is >= 0 where they hang.)
// min = 2: a on x, b on y, edge y->x priced by b; the MEP (2, 0) (Shapley–Shubik: b is
// indifferent, 8 − 2 = 6 − 0).
const char* kTu = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true}],
 "utility":{"a":{"x":{"value":10},"y":{"value":4},"o1":{"value":0}},
            "b":{"x":{"value":8},"y":{"value":6},"o2":{"value":0}}}})";

TEST(GaMinmax, TwoBuyersTwoGoodsTu) {
  const AllocationMarket m = parse(kTu);
  const MepResult r = solve_ga_minmax(m);
  expect_mep(m, r, {{"x", 2}, {"y", 0}}, {{"a", "x"}, {"b", "y"}});
  EXPECT_EQ(edges(m, r.certificate), std::vector<std::string>{"y->x[b]"});
}

// NTU with slopes != 1 (the issue's market at its path end): a: x 4 (β 1), y 8 (β 2);
// b: x 9 (β 1), y 9 (β 1/2); r = (0, 3), outside options 0. Prices by indifference:
// a prices x at 4 − u, y at (8 − u)/2; b prices x at 9 − u, y at 2(9 − u); o_a at −u_a etc.
//  (x,y): roots (0,3): u_a 4, u_b 15/2, Σ 3; x->y[a]: q_y = 2, Σ 2;
//         y->x[b]: q_x = 9 − 15/2 = 3/2, u_a = 5/2, Σ 9/2.                       max 9/2
//  (y,x): roots: u_a 2, u_b 9, Σ 3; y->x[a]: q_x 2, Σ 5; x->y[b]: q_y 0, Σ 0.     max 5
//  (x,o): x root: u_a 4, y = max(3, 2, 18) = 18, Σ 18;
//         o_b->x: q_x 9, u_a −5, y 18, o_a = 5, Σ 32.                             max 32
//  (y,o): y root: u_a 2, x = max(0, 2, 9) = 9, Σ 12;
//         o_b->y: q_y 18, u_a −28, x 32, o_a 28, Σ 78.                            max 78
//  (o,x): x root: u_b 9, y = max(3, 4, 0) = 4, Σ 4; o_a->x: q_x 4, u_b 5, y 8, Σ 12. max 12
//  (o,y): y root: u_b 15/2, x = max(0, 4, 3/2) = 4, Σ 7;
//         o_a->y: q_y 4, u_b 7, x = max(0, 4, 2) = 4, Σ 8.                          max 8
//  (o,o): x = max(0, 4, 9) = 9, y = max(3, 4, 18) = 18, Σ 27.                     max 27
// min = 9/2: a on x, b on y, edge y->x[b], the MEP (3/2, 3) (as derived in homotopy_test).
const char* kNtu = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"x","reservation":"0"},{"name":"y","reservation":"3"},
   {"name":"out_a","reservation":"0","null":true},{"name":"out_b","reservation":"0","null":true}],
 "utility":{"a":{"x":{"value":"4"},"y":{"value":"8","slope":"2"},"out_a":{"value":"0"}},
            "b":{"x":{"value":"9"},"y":{"value":"9","slope":"1/2"},"out_b":{"value":"0"}}}})";

TEST(GaMinmax, TwoBuyersTwoGoodsNtu) {
  const AllocationMarket m = parse(kNtu);
  const MepResult r = solve_ga_minmax(m);
  expect_mep(m, r, {{"x", Rational(3, 2)}, {"y", 3}}, {{"a", "x"}, {"b", "y"}});
  EXPECT_EQ(edges(m, r.certificate), std::vector<std::string>{"y->x[b]"});
}

// Two buyers who both value g (r_g = 1) at 6 and their outside options at 3 (TU).
//  (g,o): g root: u_a 5, o_a = max(0, 3 − 5) = 0, Σ 1; o_b->g: q_g = 6 − 3 = 3, Σ 3.  max 3
//  (o,g): symmetric.                                                                 max 3
//  (o,o): g = max(1, 3, 3) = 3.                                                      max 3
// min = 3 = the MEP (at 3 both buyers are indifferent between g and leaving). The paper's
// "Moreover" sentence would also accept the solution (o,o) with edge o_a->g (its non-root g is
// at 3 > 1), which leaves g unallocated above reservation: no equilibrium. ga-minmax selects a
// solution whose heads are allocated (§3.1), here one buyer on g.
const char* kTie = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"g","reservation":1},{"name":"oa","null":true},{"name":"ob","null":true}],
 "utility":{"a":{"g":{"value":6},"oa":{"value":3}},"b":{"g":{"value":6},"ob":{"value":3}}}})";

TEST(GaMinmax, SelectsAnEquilibriumAmongTheSolutions) {
  const AllocationMarket m = parse(kTie);
  const MepResult r = solve_ga_minmax(m);
  expect_mep(m, r, {{"g", 3}, {"oa", 0}, {"ob", 0}}, {});
  const int g = good_index(m, "g");
  EXPECT_TRUE(r.certificate.allocation[0] == g || r.certificate.allocation[1] == g);
}

// One buyer, x (r 7, value 2, slope 1/2), outside option 3.
//   μ = x: q_x = 7, u = 2 − 7/2 = −3/2; o hangs below x: 3 − (−3/2) = 9/2.  Σ = 23/2.
//   μ = o: u = 3; x: max(7, (2 − 3)/(1/2) = −2) = 7.                        Σ = 7.
// min = 7 at μ = o: the buyer leaves, x stays at 7. Were o never a head, μ = x would also
// attain 7 with no edge at all, though the buyer prefers leaving (3 > −3/2).
TEST(GaMinmax, OutsideOptionsAreGoodsOfTheForest) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a"],
   "goods":[{"name":"x","reservation":7},{"name":"o","null":true}],
   "utility":{"a":{"x":{"value":2,"slope":"1/2"},"o":{"value":3}}}})");
  expect_mep(m, solve_ga_minmax(m), {{"x", 7}, {"o", 0}}, {{"a", "o"}});
}

// Closed forms for a market in which every buyer accepts every ordinary good (m buyers, n goods):
//  |M| = Σ_j C(m,j)·n!/(n−j)!  (j buyers on ordinary goods, the others outside);
//  forests on the m allocated goods when the m − j held outside options must be roots (nobody
//  else accepts them): rooted forests on m labelled vertices with m − j given roots = spanning
//  trees of K_{m+1} containing the star from a super-root to those m − j vertices
//  = (m+1)^{j−1}·(m+1−j) (trees containing a spanning forest with component sizes c_i:
//  N^{t−2}·Π c_i, here N = m+1, t = j+1, sizes m−j+1 and 1);
//  |G| of §2.2 also hangs each of the n − j unallocated ordinary goods below any of the m
//  allocated goods or not (m+1 ways) and each of the j unheld outside options below its
//  owner's good or not (2 ways).
struct Closed {
  Integer allocations, enumerated, all;
};
Closed closed_form(int m, int n) {
  auto power = [](Integer b, int e) {
    Integer p = 1;
    for (int i = 0; i < e; ++i) p *= b;
    return p;
  };
  Closed c;
  for (int j = 0; j <= std::min(m, n); ++j) {
    Integer ways = 1;  // C(m,j)·n!/(n−j)!
    for (int i = 0; i < j; ++i) ways = ways * (m - i) * (n - i);
    for (int i = 1; i <= j; ++i) ways /= i;
    // (m+1)^{j−1}(m+1−j), also for j = 0: (m+1)^{−1}(m+1) = 1.
    const Integer forests = j == 0 ? Integer(1) : power(m + 1, j - 1) * (m + 1 - j);
    c.allocations += ways;
    c.enumerated += ways * forests;
    c.all += ways * forests * power(m + 1, n - j) * power(2, j);
  }
  return c;
}

AllocationMarket complete_market(int m, int n) {
  gen::AllocationMarketGenOptions o;
  o.buyers = m;
  o.goods = n;
  AllocationMarket market = gen::generate_allocation_market(1, o);
  for (int a = 0; a < m; ++a)
    for (int k = 0; k < n; ++k)
      if (!market.utility[a][k]) {
        market.utility[a][k] = UtilityTerm{Rational(1), Rational(1)};
        market.value_to[a][k] = 1;
      }
  return market;
}

TEST(GaMinmax, CountsMatchClosedForms) {
  // By hand: the 2×2 markets above have 7 allocations, 3+3+2+2+2+2+1 = 15 forests on the
  // allocated goods, and 12+12+4·12+9 = 81 structures in G.
  const Closed two = closed_form(2, 2);
  EXPECT_EQ(two.allocations, 7);
  EXPECT_EQ(two.enumerated, 15);
  EXPECT_EQ(two.all, 81);
  const GaMinmaxCounts c = ga_minmax_counts(parse(kNtu));
  EXPECT_EQ(c.allocations, 7);
  EXPECT_EQ(c.enumerated, 15);
  EXPECT_EQ(c.all, 81);
  for (int m = 1; m <= 5; ++m)
    for (int n = 0; n <= 5; ++n) {
      const AllocationMarket market = complete_market(m, n);
      const GaMinmaxCounts got = ga_minmax_counts(market);
      const Closed want = closed_form(m, n);
      EXPECT_EQ(got.allocations, want.allocations) << m << "x" << n;
      EXPECT_EQ(got.enumerated, want.enumerated) << m << "x" << n;
      EXPECT_EQ(got.all, want.all) << m << "x" << n;
      const AllocationCount a = allocation_count(market, 1'000'000);
      EXPECT_TRUE(a.exact);
      EXPECT_EQ(a.count, want.allocations) << m << "x" << n;
    }
  EXPECT_EQ(closed_form(5, 5).enumerated, 484'446);
}

// One buyer: equilab's market is the paper's (one null good), so §7's formula applies with the
// paper's n = ordinary goods + 1. It counts the forests on the allocated good only: n structures,
// what ga-minmax enumerates. §2.2's G also lets each of the n − 1 unallocated goods hang below
// the allocated one: n·2^{n−1}. (§3.1's own example, one buyer and two goods, lists four
// elements of G, while §7's formula gives 2 for n = 2.)
TEST(GaMinmax, PaperCountFormulaCountsForestsOnAllocatedGoodsOnly) {
  for (int n = 0; n <= 5; ++n) {
    const GaMinmaxCounts c = ga_minmax_counts(complete_market(1, n));
    EXPECT_EQ(c.enumerated, ga_structure_count(1, n + 1)) << n;
    Integer all = n + 1;
    for (int i = 0; i < n; ++i) all *= 2;
    EXPECT_EQ(c.all, all) << n;
    if (n >= 1) EXPECT_NE(c.all, ga_structure_count(1, n + 1)) << n;  // equal only when n_paper = m
  }
  EXPECT_EQ(ga_structure_count(1, 2), 2);  // §3.1 exhibits 4 elements of G for m = 1, n = 2
}

TEST(GaMinmax, AllocationCountLargeMarkets) {
  // 25 buyers and 25 goods (too many for the subset DP), only 4 buyers accept one good each
  // (their own): 2^4 = 16 allocations, counted exactly.
  gen::AllocationMarketGenOptions o;
  o.buyers = 25;
  o.goods = 25;
  AllocationMarket m = gen::generate_allocation_market(3, o);
  for (int a = 0; a < 25; ++a)
    for (int k = 0; k < 25; ++k) {
      const bool keep = a == k && a < 4;
      if (!keep) m.utility[a][k].reset();
      if (keep && !m.utility[a][k]) m.utility[a][k] = UtilityTerm{Rational(1), Rational(1)};
    }
  AllocationCount c = allocation_count(m, 1000);
  EXPECT_TRUE(c.exact);
  EXPECT_EQ(c.count, 16);
  // Each buyer accepting his own good: 2^25 allocations, more than the cap of 1000.
  for (int a = 0; a < 25; ++a) m.utility[a][a] = UtilityTerm{Rational(1), Rational(1)};
  c = allocation_count(m, 1000);
  EXPECT_FALSE(c.exact);
  EXPECT_GT(c.count, 1000);
}

TEST(GaMinmax, RefusesLargeMarketsAndHonoursTheLimit) {
  gen::AllocationMarketGenOptions o;
  o.buyers = 6;
  o.goods = 2;
  EXPECT_THROW(solve_ga_minmax(gen::generate_allocation_market(1, o)), EnumerationLimit);
  o.buyers = 2;
  o.goods = 6;
  EXPECT_THROW(solve_ga_minmax(gen::generate_allocation_market(1, o)), EnumerationLimit);
  EXPECT_THROW(solve_ga_minmax(parse(kNtu), 14), EnumerationLimit);  // 15 structures
  EXPECT_NO_THROW(solve_ga_minmax(parse(kNtu), 15));
}

// Independent count of the allocations: plain recursion over the buyers.
long brute_allocations(const AllocationMarket& m) {
  std::vector<int> ordinary;
  for (int i = 0; i < m.num_goods(); ++i)
    if (!m.goods[i].null) ordinary.push_back(i);
  std::vector<char> used(m.num_goods(), 0);
  std::function<long(int)> go = [&](int a) -> long {
    if (a == m.num_buyers()) return 1;
    long total = go(a + 1);
    for (int i : ordinary)
      if (m.utility[a][i] && !used[i]) {
        used[i] = 1;
        total += go(a + 1);
        used[i] = 0;
      }
    return total;
  };
  return go(0);
}

// ga-minmax = allocation-lp = path exactly, and its certificate verifies, on random markets of
// up to 4 buyers and 5 ordinary goods (the generator of properties_test.cpp).
RC_GTEST_PROP(GaMinmaxProperties, EqualsAllocationLpAndPath, ()) {
  const AllocationMarket m = test::draw_market(0x5851f42d4c957f2dULL);
  const MepResult ga = solve_ga_minmax(m);
  const MepResult lp = solve_allocation_lp(m);
  const MepResult path = solve_path(m);
  RC_ASSERT(ga.certificate.prices == lp.certificate.prices);
  RC_ASSERT(ga.certificate.prices == path.certificate.prices);
  const auto v = verify::check_allocation_market_certificate(m, ga.certificate);
  RC_ASSERT(v.valid);
  const long allocations = brute_allocations(m);
  RC_ASSERT(ga_minmax_counts(m).allocations == allocations);
  RC_ASSERT(allocation_count(m, 1'000'000).count == allocations);
  RC_ASSERT(Integer(lp.allocations_enumerated) == allocations);
}

// The command: limits (exit 2, file and option named) and crosscheck's cost bounds.
TEST(GaMinmaxCommand, RefusesTooLargeMarkets) {
  testing::ScratchDir dir;
  const auto g = testing::run_equilab("generate allocation_market --seed 2 --buyers 6 --goods 3");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const std::string f = dir.write("six.json", g.out);
  const auto r = testing::run_equilab("solve " + f + " --method ga-minmax");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("six.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--method"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("at most 5 buyers and 5 ordinary goods; this market has 6 buyers"), std::string::npos) << r.err;
  const std::string two = dir.write("two.json", kNtu);
  const auto limited = testing::run_equilab("solve " + two + " --method ga-minmax --max-enumeration 10");
  EXPECT_EQ(limited.exit_code, 2);
  EXPECT_NE(limited.err.find("--max-enumeration"), std::string::npos) << limited.err;
  EXPECT_NE(limited.err.find("15 GA-structures"), std::string::npos) << limited.err;
  const auto ok = testing::run_equilab("solve " + two + " --method ga-minmax --json");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const Json result = Json::parse(ok.out);
  EXPECT_EQ(result.at("prices").at("x"), "3/2");
  EXPECT_EQ(result.at("ga_structures_enumerated"), "15");
  EXPECT_EQ(result.at("ga_structures_all"), "81");
  EXPECT_EQ(testing::run_equilab("verify " + two + " " + dir.write("r.json", ok.out)).exit_code, 0);
}

// 6 buyers and 10 goods: allocation-lp would solve one exact LP for each of the more than 20,000
// allocations (already the allocations with every buyer on an ordinary good number
// 10!/4! = 151,200 when all goods are acceptable); crosscheck skips it, says why, and skips
// ga-minmax (past 5×5). The others still agree.
TEST(GaMinmaxCommand, CrosscheckSkipsCostlyEnumerations) {
  testing::ScratchDir dir;
  const auto g = testing::run_equilab("generate allocation_market --seed 7 --buyers 6 --goods 10");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const std::string f = dir.write("big.json", g.out);
  const auto r = testing::run_equilab("crosscheck " + f);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("allocation-lp: skipped ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("allocations, one exact LP each, exceed the crosscheck bound 20000"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ga-minmax: skipped (6 buyers and 10 ordinary goods"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("path: prices"), std::string::npos) << r.out;
  // An explicit --max-enumeration replaces the bounds: the 2×2 market (7 allocations, 15
  // GA-structures) runs both by default and skips both under 5.
  const std::string two = dir.write("two.json", kNtu);
  const auto all = testing::run_equilab("crosscheck " + two);
  EXPECT_EQ(all.exit_code, 0) << all.out;
  EXPECT_NE(all.out.find("ga-minmax: prices x 3/2, y 3"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("allocation-lp: prices x 3/2, y 3"), std::string::npos) << all.out;
  const auto low = testing::run_equilab("crosscheck " + two + " --max-enumeration 5");
  EXPECT_EQ(low.exit_code, 0) << low.out;
  EXPECT_NE(low.out.find("allocation-lp: skipped (7 allocations, one exact LP each, exceed the crosscheck bound 5"),
            std::string::npos)
      << low.out;
  EXPECT_NE(low.out.find("ga-minmax: skipped (15 GA-structures exceed the crosscheck bound 5"), std::string::npos)
      << low.out;
}

}  // namespace
}  // namespace equilab::homotopy
