// Every field of a pseudo_market result is certified or informational (issue 16): the changes an
// adversary made to a support-enum result of a 3 × 3 instance and to decompose results, each of
// which verify used to accept, must now give exit 1; and the exact tools behind the family
// certificate (nonnegativity on (0, 1)) agree with hand computations.
#include <gtest/gtest.h>

#include <string>

#include "cli/run_command.h"
#include "core/json.h"
#include "pseudo_market/sturm.h"
#include "verify/pseudo_market_family.h"

namespace equilab::testing {
namespace {

using pseudo_market::Poly;

// Three agents, three objects of supply 1, α = 1, budgets 1. At p = 0 every agent takes its best
// object: agent 1 c (9), agent 2 a or c (8), agent 3 b (6); so every family starting at p = 0 has
// utilities (9, 8, 6) there. At p = (5, 5, 5) an agent can buy at most 1/5 of a unit, so the
// demand of some object is below its supply while its price is positive: no equilibrium.
const char* kInstance = R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment",
  "alpha":"1","agents":[{"name":"1","budget":"1"},{"name":"2","budget":"1"},{"name":"3","budget":"1"}],
  "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"},{"name":"c","supply":"1"}],
  "utilities":{"1":{"a":"6","b":"4","c":"9"},"2":{"a":"8","b":"5","c":"8"},"3":{"a":"4","b":"6","c":"3"}}})";

struct Solved {
  ScratchDir dir;
  std::string instance;
  Json result;
};

void solve(Solved& s, const std::string& instance_text, const std::string& method) {
  s.instance = s.dir.write("instance.json", instance_text);
  const auto r = run_equilab("solve " + s.instance + " --method " + method + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  s.result = Json::parse(r.out);
  const std::string file = s.dir.write("result.json", r.out);
  const auto v = run_equilab("verify " + s.instance + " " + file);
  ASSERT_EQ(v.exit_code, 0) << v.out << v.err;
}

int verify_changed(const Solved& s, const Json& changed) {
  const std::string file = s.dir.write("changed.json", changed.dump(1));
  return run_equilab("verify " + s.instance + " " + file).exit_code;
}

TEST(PseudoMarketResultClaims, AdversaryChangesToASupportEnumResult) {
  Solved s;
  solve(s, kInstance, "support-enum");
  const Json& r = s.result;
  ASSERT_EQ(r.at("status"), "exact");
  ASSERT_GE(r.at("equilibria").size(), 2u);
  ASSERT_GE(r.at("families").size(), 1u);
  EXPECT_EQ(r.at("listed").at("equilibria"), r.at("equilibria").size());
  EXPECT_EQ(r.at("existence").at("guaranteed"), true);  // Theorem 1: utilities > 0, α = 1

  // families starting at p = 0 carry the hand-computed utilities (9, 8, 6)
  bool from_zero = false;
  for (const Json& f : r.at("families")) {
    if (f.at("prices_from") != Json{{"supply:a", "0"}, {"supply:b", "0"}, {"supply:c", "0"}}) continue;
    from_zero = true;
    EXPECT_EQ(f.at("utilities_from"), (Json{{"1", "9"}, {"2", "8"}, {"3", "6"}}));
  }
  EXPECT_TRUE(from_zero);

  auto expect_invalid = [&](const std::string& what, const Json& changed) {
    EXPECT_EQ(verify_changed(s, changed), 1) << what;
  };
  Json c = r;
  c["status"] = "none";
  expect_invalid("status exact -> none with equilibria listed", c);
  c = r;
  c["status"] = "undecided";
  expect_invalid("status exact -> undecided with equilibria listed", c);
  c = r;
  c["families"][0]["prices_to"] = {{"supply:a", "5"}, {"supply:b", "5"}, {"supply:c", "5"}};
  expect_invalid("a family end moved to a non-equilibrium price", c);
  c = r;
  c["families"][0]["prices_to"]["supply:a"] = "1/1000";
  expect_invalid("a family end moved off the listed equilibria", c);
  c = r;
  c["families"][0]["utilities_to"]["1"] = "10";
  expect_invalid("a family's utilities_to changed", c);
  c = r;
  c["families"][0]["utilities_from"]["3"] = "5";
  expect_invalid("a family's utilities_from changed", c);
  c = r;
  c["equilibria"][0]["pareto_efficient"] = !r.at("equilibria").at(0).at("pareto_efficient").get<bool>();
  expect_invalid("pareto_efficient flipped against its certificate", c);
  c = r;
  c["existence"]["guaranteed"] = false;
  expect_invalid("existence.guaranteed flipped", c);
  c = r;
  c["existence"]["theorem"] = "EMZ Theorem 2";
  expect_invalid("existence.theorem changed", c);
  c = r;
  c["listed"]["equilibria"] = r.at("equilibria").size() + 1;
  expect_invalid("the listed count changed", c);
  c = r;
  c["equilibria"].erase(c["equilibria"].size() - 1);
  expect_invalid("an equilibrium dropped", c);
  c = r;
  std::swap(c["equilibria"][0], c["equilibria"][1]);
  expect_invalid("two equilibria swapped", c);
  c = r;
  c["equilibria"][0]["utilities"]["2"] = "0";
  expect_invalid("an equilibrium's utility changed", c);
  c = r;
  c["kind"] = "roommates";
  expect_invalid("kind changed", c);
  c = r;
  c["alpha"] = "1/2";
  expect_invalid("alpha changed", c);
  c = r;
  c["families"][0]["certificate"]["pieces"][0]["s_to"] = "1/2";
  expect_invalid("a family certificate covering half the segment", c);
  // informational fields may change
  c = r;
  c["patterns"] = 0;
  c["certified_points"] = 7;
  EXPECT_EQ(verify_changed(s, c), 0);
}

// α = 1/2 with endowments: the family's agents move along their paths (budget-binding, Möbius
// weights ≠ 1); changing a weight or an end of a path breaks the budget identity.
TEST(PseudoMarketResultClaims, MovingFamilyPathIsCheckedExactly) {
  Solved s;
  const auto gen =
      run_equilab("generate pseudo_market --seed 21 --agents 3 --objects 3 --endowments --alpha 1/2");
  ASSERT_EQ(gen.exit_code, 0);
  solve(s, gen.out, "support-enum");
  const Json& r = s.result;
  // find a budget-binding agent path with different ends
  for (std::size_t f = 0; f < r.at("families").size(); ++f) {
    const Json& pieces = r.at("families")[f].at("certificate").at("pieces");
    for (const auto& [name, a] : pieces[0].at("agents").items()) {
      if (!a.at("budget_binding").get<bool>() || a.at("from") == a.at("to")) continue;
      Json c = r;
      Json& path = c["families"][f]["certificate"]["pieces"][0]["agents"][name];
      path["weight_to"] = to_string(parse_rational(a.at("weight_to").get<std::string>()) + 1);
      EXPECT_EQ(verify_changed(s, c), 1) << "weight_to of agent " << name;
      c = r;
      c["families"][f]["certificate"]["pieces"][0]["agents"][name]["budget_binding"] = false;
      EXPECT_EQ(verify_changed(s, c), 1) << "budget_binding of agent " << name;
      return;
    }
  }
  GTEST_SKIP() << "no moving path in this instance's families";
}

TEST(PseudoMarketResultClaims, DecomposeCountsAndFlags) {
  Solved s;
  const auto gen = run_equilab("generate pseudo_market --task decompose --seed 3 --agents 3 --objects 3");
  ASSERT_EQ(gen.exit_code, 0);
  solve(s, gen.out, "caratheodory");
  const Json& r = s.result;
  ASSERT_EQ(r.at("status"), "implemented");
  EXPECT_EQ(r.at("cells"), 9);  // 3 agents × 3 objects
  Json c = r;
  c["cells"] = 10;
  EXPECT_EQ(verify_changed(s, c), 1) << "cells";
  c = r;
  c["points"] = r.at("points").get<int>() + 1;
  EXPECT_EQ(verify_changed(s, c), 1) << "points";
  c = r;
  c["task"] = "equilibrium";
  EXPECT_EQ(verify_changed(s, c), 1) << "task";
  c = r;
  c["certificate"]["type"] = "farkas";
  EXPECT_EQ(verify_changed(s, c), 1) << "certificate type";
  c = r;
  c["status"] = "not_implementable";
  EXPECT_NE(verify_changed(s, c), 0) << "status";
}

// The slides' Example 1 utility (catalog/pwz2023/example_1_m_natural.json's agents): flags must say
// what the triples prove.
TEST(PseudoMarketResultClaims, MNaturalFlags) {
  Solved s;
  // u(∅) = 0, u(a) = u(b) = 1, u(ab) = 3: A = {a,b}, B = ∅, j = a: u(b) + u(a) = 2 < 3 + 0, so agent
  // "1" is not M♮-concave; agent "2" with an additive utility is.
  solve(s, R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
    "agents":[{"name":"1","utility":{"":"0","a":"1","b":"1","a+b":"3"}},
              {"name":"2","utility":{"":"0","a":"1","b":"2","a+b":"3"}}],
    "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
    "assignment":{"1":{"a":"1/2"},"2":{"b":"1/2"}}})",
        "m-natural");
  const Json& r = s.result;
  ASSERT_EQ(r.at("status"), "not_m_natural");
  EXPECT_EQ(r.at("m_natural"), (Json{{"1", false}, {"2", true}}));
  Json c = r;
  c["m_natural"]["2"] = false;
  EXPECT_EQ(verify_changed(s, c), 1);
  c = r;
  c["m_natural"]["1"] = true;
  EXPECT_EQ(verify_changed(s, c), 1);
  c = r;
  c["m_natural"].erase("2");
  EXPECT_EQ(verify_changed(s, c), 1);
  c = r;
  c["status"] = "m_natural";
  EXPECT_EQ(verify_changed(s, c), 1);
}

Poly poly(std::initializer_list<const char*> coefficients) {
  std::vector<Rational> c;
  for (const char* t : coefficients) c.push_back(parse_rational(t));
  return Poly(std::move(c));
}

TEST(PseudoMarketResultClaims, NonnegativeInsideUnit) {
  using verify::nonnegative_inside_unit;
  EXPECT_TRUE(nonnegative_inside_unit(poly({"1/4", "-1", "1"})));    // (σ − 1/2)²
  EXPECT_FALSE(nonnegative_inside_unit(poly({"-1/2", "1"})));        // σ − 1/2
  EXPECT_TRUE(nonnegative_inside_unit(poly({"0", "1", "-1"})));      // σ(1 − σ)
  EXPECT_FALSE(nonnegative_inside_unit(poly({"0", "-1", "1"})));     // −σ(1 − σ)
  EXPECT_FALSE(nonnegative_inside_unit(poly({"-1/2", "0", "1"})));   // σ² − 1/2 < 0 on (0, 1/√2)
  EXPECT_TRUE(nonnegative_inside_unit(poly({"1", "-2", "2"})));      // 2σ² − 2σ + 1 > 0
  EXPECT_TRUE(nonnegative_inside_unit(poly({"-1", "1"})) == false);  // σ − 1 < 0 inside
  EXPECT_TRUE(nonnegative_inside_unit(poly({"0", "0", "-1", "1"})) == false);  // σ²(σ − 1)
  EXPECT_TRUE(nonnegative_inside_unit(Poly()));
}

}  // namespace
}  // namespace equilab::testing
