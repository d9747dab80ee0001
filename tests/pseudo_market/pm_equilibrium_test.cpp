// The pseudo_market `equilibrium` task (EMZ 2022 §2.7, §7.1, §7.3), kind assignment: the Sturm
// root isolation, price-certify on hand examples, support-enum on EMZ §7.3 Example 2 and footnote 22,
// and the exact verifier (corrupted certificates fail). Expected values are from the paper or
// computed by hand in the comments.
#include <gtest/gtest.h>

#include <functional>
#include <tuple>

#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/sturm.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

Rational q(const char* s) { return parse_rational(s); }

EquilibriumInstance parse_eq(const std::string& text) {
  const Json doc = parse_json_text(text, "test");
  return read_equilibrium_json(JsonNode(doc, "test"));
}

// EMZ §7.3 Example 2: a (1 copy), b (2 copies); u = (100,1), (100,1), (1,100); ω_i = (1/3, 2/3);
// X_i = Δ₋ and Σ_i x_i = (1, 2) (allocate_all).
std::string hz(const std::string& alpha) {
  return R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment","alpha":")" +
         alpha +
         R"(","allocate_all":true,
  "agents":[{"name":"1","endowment":{"a":"1/3","b":"2/3"}},{"name":"2","endowment":{"a":"1/3","b":"2/3"}},
            {"name":"3","endowment":{"a":"1/3","b":"2/3"}}],
  "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"2"}],
  "utilities":{"1":{"a":"100","b":"1"},"2":{"a":"100","b":"1"},"3":{"a":"1","b":"100"}}})";
}

// EMZ footnote 22: the copies B1, B2 of b priced separately, α = 0, ω_i = (1/3, 1/3, 1/3).
const char* kFootnote22 = R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment",
  "alpha":"0","allocate_all":true,
  "agents":[{"name":"1","endowment":{"A":"1/3","B1":"1/3","B2":"1/3"}},
            {"name":"2","endowment":{"A":"1/3","B1":"1/3","B2":"1/3"}},
            {"name":"3","endowment":{"A":"1/3","B1":"1/3","B2":"1/3"}}],
  "objects":[{"name":"A","supply":"1"},{"name":"B1","supply":"1"},{"name":"B2","supply":"1"}],
  "utilities":{"1":{"A":"100","B1":"1","B2":"1"},"2":{"A":"100","B1":"1","B2":"1"},"3":{"A":"1","B1":"100","B2":"100"}}})";

// ------------------------------------------------------------------------------------ Sturm

TEST(PseudoMarketSturm, SqrtTwoOnOneTwo) {
  const Poly p({q("-2"), q("0"), q("1")});  // θ² − 2
  EXPECT_EQ(count_roots(p, q("1"), q("2")), 1);
  EXPECT_EQ(count_roots(p, q("-2"), q("2")), 2);
  const auto roots = isolate_roots(p, q("1"), q("2"));
  ASSERT_EQ(roots.size(), 1u);
  EXPECT_FALSE(roots[0].exact);
  // 1.41421356… lies inside, and the interval is narrower than 1/d² = 1 (d = 1)
  EXPECT_LT(roots[0].lo, q("1.41421357"));
  EXPECT_GT(roots[0].hi, q("1.41421356"));
  EXPECT_GT(roots[0].lo * roots[0].lo, q("0"));
  EXPECT_LT(roots[0].lo * roots[0].lo, q("2"));
  EXPECT_GT(roots[0].hi * roots[0].hi, q("2"));
  // signs at √2: θ − 1 > 0; 2θ − 3 < 0 (√2 < 3/2); θ² − 2 = 0; θ⁴ − 4 = (θ² − 2)(θ² + 2) = 0
  EXPECT_EQ(sign_at_root(p, roots[0], Poly({q("-1"), q("1")})), 1);
  EXPECT_EQ(sign_at_root(p, roots[0], Poly({q("-3"), q("2")})), -1);
  EXPECT_EQ(sign_at_root(p, roots[0], p), 0);
  EXPECT_EQ(sign_at_root(p, roots[0], Poly({q("-4"), q("0"), q("0"), q("0"), q("1")})), 0);
  // 1.4142 < √2 < 1.4143: θ − 1.4142 > 0 and θ − 1.4143 < 0 (forces refinement)
  EXPECT_EQ(sign_at_root(p, roots[0], Poly({q("-1.4142"), q("1")})), 1);
  EXPECT_EQ(sign_at_root(p, roots[0], Poly({q("-1.4143"), q("1")})), -1);
}

TEST(PseudoMarketSturm, RationalRootsAreExact) {
  // (3θ − 1)(θ² − 2) = 3θ³ − θ² − 6θ + 2: roots −√2, 1/3, √2
  const Poly p({q("2"), q("-6"), q("-1"), q("3")});
  const auto roots = isolate_roots(p, q("-2"), q("2"));
  ASSERT_EQ(roots.size(), 3u);
  EXPECT_FALSE(roots[0].exact);
  // −√2 = −1.41421356…, isolated to a width below 1/d² = 1/9 (d = 3, the leading coefficient)
  EXPECT_LT(roots[0].lo, q("-1.41421357"));
  EXPECT_GT(roots[0].hi, q("-1.41421356"));
  EXPECT_LT(roots[0].hi - roots[0].lo, q("1/9"));
  EXPECT_TRUE(roots[1].exact);
  EXPECT_EQ(roots[1].lo, q("1/3"));
  EXPECT_FALSE(roots[2].exact);
  // (2θ − 1)²(θ − 3) on (0, ∞): the double root counts once; 1/2 and 3 exact
  const Poly d = Poly({q("-1"), q("2")}) * Poly({q("-1"), q("2")}) * Poly({q("-3"), q("1")});
  const auto r2 = isolate_roots(d, q("0"), std::nullopt);
  ASSERT_EQ(r2.size(), 2u);
  EXPECT_TRUE(r2[0].exact && r2[1].exact);
  EXPECT_EQ(r2[0].lo, q("1/2"));
  EXPECT_EQ(r2[1].lo, q("3"));
  // open interval: the root at an end is excluded
  EXPECT_TRUE(isolate_roots(Poly({q("-1"), q("1")}), q("1"), q("2")).empty());
  // θ² + 1 has no real root
  EXPECT_TRUE(isolate_roots(Poly({q("1"), q("0"), q("1")}), q("-10"), q("10")).empty());
}

TEST(PseudoMarketSturm, SimplestRational) {
  EXPECT_EQ(simplest_between(q("1/3"), q("1/2")), q("1/2"));
  EXPECT_EQ(simplest_between(q("0.3"), q("0.35")), q("1/3"));
  EXPECT_EQ(simplest_between(q("-0.35"), q("-0.3")), q("-1/3"));
  EXPECT_EQ(simplest_between(q("-1"), q("1")), q("0"));
  EXPECT_EQ(simplest_between(q("7/5"), q("10/7")), q("7/5"));  // 7/5 itself has the smallest denominator
}

TEST(PseudoMarketSturm, Arithmetic) {
  const Poly a({q("1"), q("1")}), b({q("-1"), q("1")});  // θ + 1, θ − 1
  EXPECT_EQ(a * b, Poly({q("-1"), q("0"), q("1")}));
  Poly quo, rem;
  divmod(Poly({q("-1"), q("0"), q("1")}), b, quo, rem);
  EXPECT_EQ(quo, a);
  EXPECT_TRUE(rem.is_zero());
  EXPECT_EQ(monic_gcd(a * b, b * b), b);
  EXPECT_EQ(squarefree(b * b * a), a * b);
  EXPECT_EQ(Poly({q("-2"), q("0"), q("1")}).text(), "θ^2 - 2");
}

// ------------------------------------------------------------------------------------ price-certify

// One agent, one object (supply 1), u = 1, α = 1 (budget 1). p = 1: the budget buys exactly the
// copy, tight, an equilibrium. p = 2: demand 1/2 < 1 at a positive price breaks (3). p = 0: demand
// 1 (unit demand), an equilibrium (λ = 0, μ = 1).
TEST(PseudoMarketPriceCertify, OneAgentOneObject) {
  const EquilibriumInstance in = parse_eq(R"({"model":"pseudo_market","version":1,"task":"equilibrium",
    "kind":"assignment","agents":[{"name":"1"}],"objects":[{"name":"a","supply":"1"}],"utilities":{"1":{"a":"1"}}})");
  auto e = price_certify(in, {q("1")});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->x[0], 1);
  EXPECT_FALSE(price_certify(in, {q("2")}));
  auto z = price_certify(in, {q("0")});
  ASSERT_TRUE(z);
  EXPECT_EQ(z->agents[0].lambda, 0);
  EXPECT_EQ(z->agents[0].mu[0], 1);
  EquilibriumResult r;
  r.status = EqStatus::Exact;
  r.equilibria = {*e, *z};
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

// EMZ Claim 2 at α = 1: p = (2, 0), budgets 1; agents 1, 2 demand exactly (1/2, 1/2), agent 3 (0, 1).
// At p = (1, 0) agents 1, 2 can afford a whole a each (2 > 1 copy): no equilibrium.
TEST(PseudoMarketPriceCertify, Claim2AlphaOne) {
  const EquilibriumInstance in = parse_eq(hz("1"));
  auto e = price_certify(in, {q("2"), q("0")});
  ASSERT_TRUE(e);
  const std::vector<Rational> x{q("1/2"), q("1/2"), q("1/2"), q("1/2"), q("0"), q("1")};
  EXPECT_EQ(e->x, x);
  EXPECT_EQ(in.budgets(e->prices), (std::vector<Rational>{1, 1, 1}));
  EXPECT_FALSE(price_certify(in, {q("1"), q("0")}));
}

// Footnote 22: p = (100, 1, 101/2) certifies; the demand of agents 1, 2 is the segment
// 100 x_A + x_B1 = 101/2, x_A + x_B1 ≤ 1 (so x_A ≥ (101/2 − 1)/99 = 1/2), x_A ≤ 101/200, x_B2 = 0.
TEST(PseudoMarketPriceCertify, Footnote22DemandIsASegment) {
  const EquilibriumInstance in = parse_eq(kFootnote22);
  const std::vector<Rational> p{q("100"), q("1"), q("101/2")};
  ASSERT_TRUE(price_certify(in, p));
  EXPECT_EQ(in.budgets(p), (std::vector<Rational>{q("101/2"), q("101/2"), q("101/2")}));
  const auto d = demand_ranges(in, 0, p);
  EXPECT_EQ(d[0], std::make_pair(q("1/2"), q("101/200")));
  EXPECT_EQ(d[1], std::make_pair(q("0"), q("1/2")));
  EXPECT_EQ(d[2], std::make_pair(q("0"), q("0")));
  // agent 3: utility 100 from either copy of b (B1 costs 1, B2 101/2, both affordable)
  const auto d3 = demand_ranges(in, 2, p);
  EXPECT_EQ(d3[1], std::make_pair(q("0"), q("1")));
  EXPECT_EQ(d3[2], std::make_pair(q("0"), q("1")));
}

// ------------------------------------------------------------------------------------ support-enum

// Claim 2: for α ∈ {1, 1/2, 1/10}, p = (6α/(1+2α), 0) and x = ((½,½),(½,½),(0,1)), budgets 3α/(1+2α).
TEST(PseudoMarketSupportEnum, Claim2) {
  const std::vector<std::tuple<std::string, Rational, Rational>> cases{
      {"1", q("2"), q("1")}, {"1/2", q("3/2"), q("3/4")}, {"1/10", q("1/2"), q("1/4")}};
  for (const auto& [alpha, pa, budget] : cases) {
    const EquilibriumInstance in = parse_eq(hz(alpha));
    const EquilibriumResult r = solve_support_enum(in, {});
    EXPECT_EQ(r.status, EqStatus::Exact) << alpha;
    bool found = false;
    for (const Equilibrium& e : r.equilibria)
      if (e.prices == std::vector<Rational>{pa, q("0")}) {
        found = true;
        const std::vector<Rational> x{q("1/2"), q("1/2"), q("1/2"), q("1/2"), q("0"), q("1")};
        EXPECT_EQ(e.x, x) << alpha;
        EXPECT_EQ(in.budgets(e.prices), (std::vector<Rational>{budget, budget, budget})) << alpha;
      }
    EXPECT_TRUE(found) << alpha;
    EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid) << alpha;
  }
}

// Claim 1: no Walrasian equilibrium (α = 0); every pattern is decided.
TEST(PseudoMarketSupportEnum, Claim1None) {
  const EquilibriumResult r = solve_support_enum(parse_eq(hz("0")), {});
  EXPECT_EQ(r.status, EqStatus::None);
  EXPECT_EQ(r.undecided_count, 0u);
  EXPECT_TRUE(r.equilibria.empty());
}

// α = 0, agent 1 owns a and only likes a, agent 2 owns b and only likes b: at every p = (θ, 1 − θ)
// each can afford exactly its endowment and nothing better exists (unit demand), so the whole
// simplex is a family of equilibrium prices, from (0, 1) to (1, 0).
TEST(PseudoMarketSupportEnum, WalrasianFamily) {
  const EquilibriumInstance in = parse_eq(R"({"model":"pseudo_market","version":1,"task":"equilibrium",
    "kind":"assignment","alpha":"0","allocate_all":true,
    "agents":[{"name":"1","endowment":{"a":"1"}},{"name":"2","endowment":{"b":"1"}}],
    "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
    "utilities":{"1":{"a":"1"},"2":{"b":"1"}}})");
  const EquilibriumResult r = solve_support_enum(in, {});
  EXPECT_EQ(r.status, EqStatus::Exact);
  bool whole = false;
  for (const auto& f : r.families) {
    const bool forward =
        f.prices_from == std::vector<Rational>{0, 1} && f.prices_to == std::vector<Rational>{1, 0};
    const bool backward =
        f.prices_from == std::vector<Rational>{1, 0} && f.prices_to == std::vector<Rational>{0, 1};
    whole = whole || forward || backward;
  }
  EXPECT_TRUE(whole) << r.families.size() << " families";
  // an interior point, certified independently
  EXPECT_TRUE(price_certify(in, {q("2/7"), q("5/7")}));
}

// An irrational Walrasian equilibrium (α = 0; supplies a, b of 1, not allocate_all). By hand, with
// p = (π, 1 − π): β_1 = 1/7, β_2 = (3 − 2π)/7, β_3 = (3 + 2π)/7. Agent 1 (u = 2, 24) buys only b:
// x_1b = 1/(7(1 − π)); agent 2 (17, 18) only a: x_2a = (3 − 2π)/(7π); agent 3 (20, 24) mixes on
// x_3a + x_3b = 1, π x_3a + (1 − π) x_3b = β_3: x_3a = (9π − 4)/(7(2π − 1)). Clearing a:
// (3 − 2π)(2π − 1) + π(9π − 4) = 7π(2π − 1), i.e. 9π² − 11π + 3 = 0, π = (11 − √13)/18 ≈ 0.41080
// (clearing b gives the same equation). At that price the demands are unique (≈ (0, 0.2425),
// (0.7575, 0), (0.2425, 0.7575), checked in floating point outside this code) and clear both goods.
TEST(PseudoMarketSupportEnum, IrrationalWalrasianPrice) {
  const EquilibriumInstance in = parse_eq(R"({"model":"pseudo_market","version":1,"task":"equilibrium",
    "kind":"assignment","alpha":"0",
    "agents":[{"name":"1","endowment":{"a":"1/7","b":"1/7"}},{"name":"2","endowment":{"a":"1/7","b":"3/7"}},
              {"name":"3","endowment":{"a":"5/7","b":"3/7"}}],
    "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
    "utilities":{"1":{"a":"2","b":"24"},"2":{"a":"17","b":"18"},"3":{"a":"20","b":"24"}}})");
  const EquilibriumResult r = solve_support_enum(in, {});
  EXPECT_EQ(r.status, EqStatus::Irrational);
  EXPECT_TRUE(r.equilibria.empty());
  ASSERT_FALSE(r.irrational.empty());
  const Poly hand({q("3"), q("-11"), q("9")});  // 9π² − 11π + 3
  bool bracketed = false;
  for (const IrrationalEquilibrium& e : r.irrational) {
    const Rational a_lo = e.base[0] + e.lo * e.direction[0], a_hi = e.base[0] + e.hi * e.direction[0];
    const Rational b_lo = e.base[1] + e.lo * e.direction[1];
    EXPECT_EQ(a_lo + b_lo, 1);  // the normalisation Σ p = 1
    // the reported interval maps to p_a values on both sides of (11 − √13)/18 and not of (11 + √13)/18
    bracketed =
        bracketed || (hand.sign_at(a_lo) * hand.sign_at(a_hi) < 0 && a_lo < q("1/2") && a_hi < q("1/2"));
  }
  EXPECT_TRUE(bracketed);
  // no rational price certifies near the root: the two rationals bracketing it are not equilibria
  EXPECT_FALSE(price_certify(in, {q("41/100"), q("59/100")}));
  EXPECT_FALSE(price_certify(in, {q("411/1000"), q("589/1000")}));
}

// ------------------------------------------------------------------------------------ verify

TEST(PseudoMarketEquilibriumVerify, CorruptedEntriesFail) {
  const EquilibriumInstance in = parse_eq(hz("1/2"));
  const EquilibriumResult good = solve_support_enum(in, {});
  ASSERT_FALSE(good.equilibria.empty());
  ASSERT_TRUE(verify::check_equilibrium_certificate(in, good).valid);
  const Rational seventh = q("1/7");
  auto expect_fail = [&](const std::function<void(Equilibrium&)>& corrupt, const std::string& fragment) {
    EquilibriumResult bad = good;
    corrupt(bad.equilibria[0]);
    const verify::Verdict v = verify::check_equilibrium_certificate(in, bad);
    EXPECT_FALSE(v.valid) << fragment;
    bool named = false;
    for (const auto& f : v.failures) named = named || f.find(fragment) != std::string::npos;
    EXPECT_TRUE(named) << fragment << ": " << (v.failures.empty() ? "" : v.failures.front());
  };
  expect_fail([&](Equilibrium& e) { e.agents[0].lambda += seventh; }, "agent \"1\"");
  expect_fail([&](Equilibrium& e) { e.agents[2].mu[0] += seventh; }, "agent \"3\"");
  expect_fail([&](Equilibrium& e) { e.x[0] += seventh; }, "supply:a");
  expect_fail([&](Equilibrium& e) { e.prices[0] += seventh; }, "agent \"1\"");
  // b at 1/7 instead of 0: agents 1, 2 hold b, whose reduced cost 1 − 66/7 − 1 is no longer 0
  expect_fail([&](Equilibrium& e) { e.prices[1] += seventh; }, "agent \"1\"");
  expect_fail([&](Equilibrium& e) { e.stated_budgets = {q("3/4") + seventh, q("3/4"), q("3/4")}; }, "budget");
}

TEST(PseudoMarketEquilibriumJson, RoundTripAndPriced) {
  const EquilibriumInstance in = parse_eq(hz("1/2"));
  ASSERT_EQ(in.priced.size(), 2u);
  EXPECT_EQ(in.priced[0].name, "supply:a");
  EXPECT_TRUE(in.priced[0].equality);
  const Json written = write_equilibrium_json(in);
  const EquilibriumInstance back = read_equilibrium_json(JsonNode(written, "written"));
  EXPECT_EQ(write_equilibrium_json(back), written);
  // a constraint touching one agent joins X_i, one touching two is priced (EMZ §2.5)
  const EquilibriumInstance c = parse_eq(R"({"model":"pseudo_market","version":1,"task":"equilibrium",
    "kind":"assignment","agents":[{"name":"1"},{"name":"2"}],"objects":[{"name":"a","supply":"1"}],
    "utilities":{"1":{"a":"100"},"2":{"a":"1"}},
    "constraints":[{"name":"cap","agents":["1","2"],"objects":"*","floor":"0","ceiling":"1"},
                   {"name":"c2","cells":[{"agent":"2","object":"a","coef":"2"}],"ceiling":"1"}]})");
  ASSERT_EQ(c.priced.size(), 2u);
  EXPECT_EQ(c.priced[1].name, "cap");
  ASSERT_EQ(c.individual[1].size(), 2u);
  EXPECT_EQ(c.individual[1][1].name, "c2");
  // personal prices p_il = Σ_c a^c_il p_c: supply 3 + cap 2 = 5 for everyone
  EXPECT_EQ(c.personal_prices({q("3"), q("2")}), (std::vector<Rational>{5, 5}));
  const EquilibriumResult r = solve_support_enum(c, {});
  const Json out = write_equilibrium_result_json(c, r);
  const EquilibriumResult again = read_equilibrium_result_json(c, JsonNode(out, "out"));
  EXPECT_EQ(again.equilibria.size(), r.equilibria.size());
  EXPECT_TRUE(verify::check_equilibrium_certificate(c, again).valid);
}

}  // namespace
}  // namespace equilab::pseudo_market
