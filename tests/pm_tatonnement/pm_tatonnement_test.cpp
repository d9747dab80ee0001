// The method `tatonnement` of the pseudo_market `equilibrium` task (EMZ 2022 §2.7, §7.1, §7.3) and
// the kind-assignment generator of equilibrium instances. Expected prices come from the paper
// (EMZ §7.3 Claims 1 and 2) or from the hand computations in the comments; approximate answers are
// re-checked here with arithmetic written out in the test (vertex enumeration of the agents' budget
// problems), not with the library's LPs.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "common/property_runs.h"
#include "core/json.h"
#include "generators/pseudo_market_eq_generator.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

[[maybe_unused]] const bool kPropertyRuns = testing::configure_property_runs();

Rational q(const char* s) { return parse_rational(s); }

using gen::PseudoMarketEqGenOptions;

// An assignment instance from dense per-agent utilities and endowments (objects "a", "b", …).
EquilibriumInstance make(const std::vector<std::vector<Rational>>& utility, const std::vector<Rational>& supply,
                         const std::vector<std::vector<Rational>>& endowment, const Rational& alpha,
                         bool allocate_all) {
  EquilibriumInstance in;
  in.alpha = alpha;
  in.allocate_all = allocate_all;
  for (std::size_t l = 0; l < supply.size(); ++l)
    in.objects.push_back({std::string(1, static_cast<char>('a' + l)), supply[l]});
  for (std::size_t i = 0; i < utility.size(); ++i) {
    EquilibriumInstance::AgentData a;
    a.name = std::to_string(i + 1);
    a.utility = utility[i];
    a.endowment = endowment.empty() ? std::vector<Rational>(supply.size(), Rational(0)) : endowment[i];
    in.agents.push_back(std::move(a));
  }
  finish_equilibrium(in);
  return in;
}

// EMZ §7.3 Example 2: a (1 copy), b (2 copies); u = (100,1), (100,1), (1,100); ω_i = (1/3, 2/3);
// allocate_all.
EquilibriumInstance example2(const Rational& alpha) {
  const std::vector<Rational> w{q("1/3"), q("2/3")};
  return make({{100, 1}, {100, 1}, {1, 100}}, {1, 2}, {w, w, w}, alpha, true);
}

// V_i(p) for two objects with unit demand only: max u_a x_a + u_b x_b s.t. x_a + x_b ≤ 1,
// p_a x_a + p_b x_b ≤ β, x ≥ 0, by enumerating the vertices of this polygon (the origin, the ends
// of the two axes, and the crossing of the two lines).
Rational two_object_value(const Rational& ua, const Rational& ub, const Rational& pa, const Rational& pb,
                          const Rational& beta) {
  std::vector<std::pair<Rational, Rational>> vertices{{0, 0}};
  vertices.emplace_back(pa > 0 ? std::min(Rational(1), Rational(beta / pa)) : Rational(1), 0);
  vertices.emplace_back(0, pb > 0 ? std::min(Rational(1), Rational(beta / pb)) : Rational(1));
  if (pa != pb) {
    const Rational xa = (beta - pb) / (pa - pb);
    if (xa >= 0 && xa <= 1) vertices.emplace_back(xa, 1 - xa);
  }
  Rational best = 0;
  for (const auto& [xa, xb] : vertices)
    if (xa + xb <= 1 && pa * xa + pb * xb <= beta) best = std::max(best, Rational(ua * xa + ub * xb));
  return best;
}

// The ε conditions of an approximate answer on a two-object unit-demand instance, from the data
// of the instance only: prices p_l on the supply rows, β_i = α b_i + (1 − α) p·ω_i.
void check_epsilon(const EquilibriumInstance& in, const Equilibrium& e) {
  ASSERT_TRUE(e.epsilon.has_value());
  const Rational eps = *e.epsilon;
  EXPECT_GE(eps, 0);
  ASSERT_EQ(e.prices.size(), 2u);
  const Rational pa = e.prices[0], pb = e.prices[1];
  EXPECT_GE(pa, 0);
  EXPECT_GE(pb, 0);
  const int n = in.num_agents();
  ASSERT_EQ(e.x.size(), static_cast<std::size_t>(2 * n));
  ASSERT_EQ(e.agents.size(), static_cast<std::size_t>(n));
  Rational sum_a = 0, sum_b = 0;
  for (int i = 0; i < n; ++i) {
    const auto& ag = in.agents[i];
    const Rational xa = e.x[2 * i], xb = e.x[2 * i + 1];
    const Rational beta = in.alpha * ag.budget + (1 - in.alpha) * (pa * ag.endowment[0] + pb * ag.endowment[1]);
    const Rational v = two_object_value(ag.utility[0], ag.utility[1], pa, pb, beta);
    EXPECT_GE(xa, 0);
    EXPECT_GE(xb, 0);
    EXPECT_LE(xa + xb, 1) << "x_i ∈ X_i exactly";
    EXPECT_GE(ag.utility[0] * xa + ag.utility[1] * xb, v - eps) << "agent " << i;
    EXPECT_LE(pa * xa + pb * xb, beta + eps) << "agent " << i;
    // the certificate (λ, μ) is dual feasible and its bound λβ + μ is the value V_i(p)
    const AgentCertificate& c = e.agents[i];
    ASSERT_EQ(c.mu.size(), 1u);
    EXPECT_GE(c.lambda, 0);
    EXPECT_GE(c.mu[0], 0);
    EXPECT_GE(c.lambda * pa + c.mu[0], ag.utility[0]);
    EXPECT_GE(c.lambda * pb + c.mu[0], ag.utility[1]);
    EXPECT_EQ(c.lambda * beta + c.mu[0], v);
    sum_a += xa;
    sum_b += xb;
  }
  const Rational qa = in.objects[0].supply, qb = in.objects[1].supply;
  EXPECT_LE(sum_a, qa + eps);
  EXPECT_LE(sum_b, qb + eps);
  if (in.allocate_all || pa > 0) EXPECT_GE(sum_a, qa - eps);
  if (in.allocate_all || pb > 0) EXPECT_GE(sum_b, qb - eps);
}

// ------------------------------------------------------------------------------------ exact

// EMZ §7.3 Claim 2 at α = 1/2: p_a = 6α/(1 + 2α) = 3/2, p_b = 0. By hand: β_i = 1/2 + 1/2·(3/2·1/3)
// = 3/4; agents 1, 2 maximise 100 x_a + x_b with (3/2) x_a ≤ 3/4, x_a + x_b ≤ 1: x = (1/2, 1/2)
// (b is free); agent 3 takes b: (0, 1). Clearing: a 1/2 + 1/2 = 1, b 1/2 + 1/2 + 1 = 2.
TEST(PseudoMarketTatonnement, Example2HalfSlack) {
  const EquilibriumInstance in = example2(q("1/2"));
  const EquilibriumResult r = solve_tatonnement(in, {});
  EXPECT_EQ(r.method, "tatonnement");
  EXPECT_EQ(r.arith_note, "prices searched in double (lp_solve); certificate and epsilon exact");
  ASSERT_EQ(r.status, EqStatus::Exact);
  ASSERT_EQ(r.equilibria.size(), 1u);
  const Equilibrium& e = r.equilibria[0];
  EXPECT_EQ(in.priced[0].name, "supply:a");
  EXPECT_EQ(in.priced[1].name, "supply:b");
  EXPECT_EQ(e.prices, (std::vector<Rational>{q("3/2"), q("0")}));
  EXPECT_EQ(e.x, (std::vector<Rational>{q("1/2"), q("1/2"), q("1/2"), q("1/2"), q("0"), q("1")}));
  EXPECT_FALSE(e.epsilon.has_value());
  EXPECT_GE(r.iterations, 1u);
  EXPECT_LE(r.iterations, EquilibriumOptions{}.max_iterations);
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

// Dichotomous, α = 1, budgets 1: objects a, b (1 copy each); agents 1–3 like a and b, agent 4 only a.
// By hand the equilibrium price is unique, p = (2, 2):
//  · p_a > p_b: agents 1–3 buy only b (same utility per unit, cheaper). If p_b < 1 each buys a whole
//    b (3 > 1 copy); if p_b ≥ 1 clearing b needs 3/p_b = 1, p_b = 3, and then agent 4 alone buys
//    1/p_a < 1/3 of a although p_a > 0 (condition (3) fails).
//  · p_a < p_b: b is demanded by nobody at a positive price, or p_b = 0 < p_a is impossible.
//  · p_a = p_b = p: if p < 1 the four agents demand 4 units of 2; otherwise each spends its budget,
//    4/p = 2, p = 2: agent 4 gets x_4a = 1/2, agents 1–3 share the other 1/2 of a and b, 1/2 each.
TEST(PseudoMarketTatonnement, DichotomousTies) {
  const EquilibriumInstance in = make({{1, 1}, {1, 1}, {1, 1}, {1, 0}}, {1, 1}, {}, 1, false);
  const EquilibriumResult r = solve_tatonnement(in, {});
  ASSERT_EQ(r.status, EqStatus::Exact);
  ASSERT_EQ(r.equilibria.size(), 1u);
  const Equilibrium& e = r.equilibria[0];
  EXPECT_EQ(e.prices, (std::vector<Rational>{2, 2}));
  const auto& x = e.x;
  EXPECT_EQ(x[6], q("1/2"));  // agent 4, object a
  EXPECT_EQ(x[7], 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(x[2 * i] + x[2 * i + 1], q("1/2")) << "agent " << i + 1;
  EXPECT_EQ(x[0] + x[2] + x[4], q("1/2"));
  EXPECT_EQ(x[1] + x[3] + x[5], 1);
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

// ------------------------------------------------------------------------------------ approximate

// EMZ §7.3 Claim 1: Example 2 has no Walrasian equilibrium (α = 0), so no price certifies and the
// answer is approximate, with ε > 0 and the ε conditions re-checked from the instance.
TEST(PseudoMarketTatonnement, Claim1IsApproximate) {
  const EquilibriumInstance in = example2(0);
  EquilibriumOptions o;
  o.max_iterations = 300;
  const EquilibriumResult r = solve_tatonnement(in, o);
  ASSERT_EQ(r.status, EqStatus::Approximate);
  EXPECT_EQ(r.iterations, 300u);
  ASSERT_EQ(r.equilibria.size(), 1u);
  const Equilibrium& e = r.equilibria[0];
  EXPECT_EQ(e.prices[0] + e.prices[1], 1);  // α = 0: Σ p = 1
  check_epsilon(in, e);
  EXPECT_GT(*e.epsilon, 0);
  EXPECT_TRUE(e.lottery.empty());
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

// The irrational Walrasian price of the support-enum tests (α = 0; a, b one copy each, not
// allocate_all): with p = (π, 1 − π) and the demands worked out there by hand, clearing needs
// 9π² − 11π + 3 = 0, π = (11 − √13)/18, and the boundary prices fail (p = (0, 1): agent 1 takes
// 6/7 of the free a, agents 2 and 3 4/7 each, 2 > 1 copy; p = (1, 0): agents 1 and 2 both take a
// whole free b). No rational price certifies, so a short run ends approximate.
TEST(PseudoMarketTatonnement, IrrationalPriceIsApproximate) {
  const EquilibriumInstance in =
      make({{2, 24}, {17, 18}, {20, 24}}, {1, 1}, {{q("1/7"), q("1/7")}, {q("1/7"), q("3/7")}, {q("5/7"), q("3/7")}},
           0, false);
  EquilibriumOptions o;
  o.max_iterations = 100;
  const EquilibriumResult r = solve_tatonnement(in, o);
  ASSERT_EQ(r.status, EqStatus::Approximate);
  ASSERT_EQ(r.equilibria.size(), 1u);
  check_epsilon(in, r.equilibria[0]);
  EXPECT_GT(*r.equilibria[0].epsilon, 0);
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

// Claim 1 with C given as the convex hull of its integral points (allocate_all, supplies (1, 2):
// one agent gets a, the others b — by Birkhoff the same C). The answer is a lottery over the three
// points: weights ≥ 0 summing to 1 whose mixture is x.
TEST(PseudoMarketTatonnement, HullLottery) {
  EquilibriumInstance in = example2(0);
  in.hull = {{0, 3, 5}, {1, 2, 5}, {1, 3, 4}};  // cells (i, l) = 2i + l: a to agent 1, 2 or 3
  EquilibriumOptions o;
  o.max_iterations = 100;
  const EquilibriumResult r = solve_tatonnement(in, o);
  ASSERT_EQ(r.status, EqStatus::Approximate);
  const Equilibrium& e = r.equilibria[0];
  check_epsilon(in, e);
  std::vector<Rational> mix(6, Rational(0));
  Rational total = 0;
  for (const auto& [h, w] : e.lottery) {
    ASSERT_GE(h, 0);
    ASSERT_LT(h, 3);
    EXPECT_GT(w, 0);
    total += w;
    for (int c : in.hull[h]) mix[c] += w;
  }
  EXPECT_EQ(total, 1);
  EXPECT_EQ(mix, e.x);
}

// On small generated instances (caps, endowments, α ∈ {0, 1/2, 1}) every answer of a short run
// passes the exact verifier: an exact equilibrium, or an approximate one within its stated ε > 0.
RC_GTEST_PROP(PseudoMarketTatonnement, AnswersVerify, ()) {
  PseudoMarketEqGenOptions o;
  o.agents = *rc::gen::inRange(1, 5);
  o.objects = *rc::gen::inRange(1, 4);
  o.dichotomous = *rc::gen::arbitrary<bool>();
  o.allocate_all = o.objects <= o.agents && *rc::gen::arbitrary<bool>();
  o.caps = o.agents >= 2 ? *rc::gen::inRange(0, 3) : 0;
  o.endowments = *rc::gen::arbitrary<bool>();
  if (o.endowments) o.alpha = *rc::gen::element<std::string>("0", "1/2", "1");
  const EquilibriumInstance in = gen::generate_pseudo_market_equilibrium(*rc::gen::inRange(0, 1000), o);
  EquilibriumOptions options;
  options.max_iterations = 100;
  const EquilibriumResult r = solve_tatonnement(in, options);
  RC_ASSERT(r.equilibria.size() == 1u);
  RC_TAG(std::string(to_string(r.status)));
  const Equilibrium& e = r.equilibria[0];
  if (r.status == EqStatus::Exact) {
    RC_ASSERT(!e.epsilon.has_value());
  } else {
    RC_ASSERT(r.status == EqStatus::Approximate);
    RC_ASSERT(e.epsilon.has_value() && *e.epsilon > 0);
  }
  RC_ASSERT(verify::check_equilibrium_certificate(in, r).valid);
}

// ------------------------------------------------------------------------------------ generator

std::string dump(const EquilibriumInstance& in) { return write_equilibrium_json(in).dump(); }

TEST(PseudoMarketEqGenerator, SameSeedSameInstance) {
  PseudoMarketEqGenOptions o;
  o.agents = 6;
  o.objects = 4;
  o.caps = 2;
  o.endowments = true;
  o.alpha = "1/3";
  const EquilibriumInstance a = gen::generate_pseudo_market_equilibrium(7, o);
  const EquilibriumInstance b = gen::generate_pseudo_market_equilibrium(7, o);
  EXPECT_EQ(dump(a), dump(b));
  EXPECT_EQ(a.name, "random-assignment-seed-7");
  EXPECT_EQ(a.alpha, q("1/3"));
  // 6·4 utilities in 0..9 and the rest: a different seed gives a different instance
  EXPECT_NE(dump(a), dump(gen::generate_pseudo_market_equilibrium(8, o)));
  // the written instance reads back to the same rows
  const Json doc = parse_json_text(dump(a), "generated");
  const EquilibriumInstance back = read_equilibrium_json(JsonNode(doc, "generated"));
  ASSERT_EQ(back.priced.size(), a.priced.size());
  for (std::size_t c = 0; c < a.priced.size(); ++c) {
    EXPECT_EQ(back.priced[c].name, a.priced[c].name);
    EXPECT_EQ(back.priced[c].coef, a.priced[c].coef);
    EXPECT_EQ(back.priced[c].rhs, a.priced[c].rhs);
  }
}

TEST(PseudoMarketEqGenerator, InvalidOptions) {
  auto bad = [](PseudoMarketEqGenOptions o) {
    EXPECT_THROW(gen::generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  };
  PseudoMarketEqGenOptions o;
  o.agents = 0;
  bad(o);
  o = {};
  o.objects = 0;
  bad(o);
  o = {};
  o.allocate_all = true;  // 2 agents, 3 objects: Σ q ≥ 3 > 2
  o.agents = 2;
  bad(o);
  o = {};
  o.alpha = "3/2";
  o.endowments = true;
  bad(o);
  o = {};
  o.alpha = "half";
  o.endowments = true;
  bad(o);
  o = {};
  o.alpha = "1/2";  // no endowments
  bad(o);
  o = {};
  o.agents = 1;  // a cross-agent ceiling needs two agents
  o.caps = 1;
  bad(o);
  o = {};
  o.caps = -1;
  bad(o);
  o = {};
  o.kind = "houses";
  bad(o);
}

// Generated instances keep the documented ranges (random sizes and options, any seed).
RC_GTEST_PROP(PseudoMarketEqGenerator, Invariants, ()) {
  PseudoMarketEqGenOptions o;
  o.agents = *rc::gen::inRange(1, 9);
  o.objects = *rc::gen::inRange(1, 6);
  o.dichotomous = *rc::gen::arbitrary<bool>();
  o.allocate_all = o.objects <= o.agents && *rc::gen::arbitrary<bool>();
  o.caps = o.agents >= 2 ? *rc::gen::inRange(0, 4) : 0;
  o.endowments = *rc::gen::arbitrary<bool>();
  if (o.endowments) o.alpha = *rc::gen::element<std::string>("0", "1/2", "1");
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const EquilibriumInstance in = gen::generate_pseudo_market_equilibrium(seed, o);
  const int n = o.agents, m = o.objects;
  RC_ASSERT(in.num_agents() == n);
  RC_ASSERT(in.num_objects() == m);
  RC_ASSERT(in.priced.size() == static_cast<std::size_t>(m + o.caps));  // every cap touches ≥ 2 agents
  Rational supplies = 0;
  for (int l = 0; l < m; ++l) {
    const Rational s = in.objects[l].supply;
    RC_ASSERT(boost::multiprecision::denominator(s) == 1);
    RC_ASSERT(s >= 1);
    if (!o.allocate_all) RC_ASSERT(s <= 2);
    supplies += s;
    RC_ASSERT(in.objects[l].name == std::string(1, static_cast<char>('a' + l)));
    Rational owned = 0;
    for (const auto& a : in.agents) {
      RC_ASSERT(a.endowment[l] >= 0);
      RC_ASSERT(boost::multiprecision::denominator(a.endowment[l]) <= 6);
      owned += a.endowment[l];
    }
    RC_ASSERT(owned == (o.endowments ? s : Rational(0)));
  }
  if (o.allocate_all) RC_ASSERT(supplies == n);
  for (int i = 0; i < n; ++i) {
    const auto& a = in.agents[i];
    RC_ASSERT(a.name == std::to_string(i + 1));
    bool likes = false;
    for (const Rational& u : a.utility) {
      RC_ASSERT(boost::multiprecision::denominator(u) == 1);
      RC_ASSERT(u >= 0);
      RC_ASSERT(u <= (o.dichotomous ? 1 : 9));
      likes = likes || u > 0;
    }
    if (o.dichotomous) RC_ASSERT(likes);
  }
  for (const auto& u : in.user) {
    RC_ASSERT(u.agents.has_value() && u.agents->size() >= 2u);
    RC_ASSERT(u.objects.has_value() && !u.objects->empty());
    RC_ASSERT(u.row.rhs >= 1);
    RC_ASSERT(u.row.rhs <= 2);
    RC_ASSERT(u.row.coef.size() == u.agents->size() * u.objects->size());
  }
}

}  // namespace
}  // namespace equilab::pseudo_market
