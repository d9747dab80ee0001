// The kind `bundles` generator (RapidCheck, 1–3 goods, 1–4 agents): the instance is well formed
// (objects ordered by size then goods order, every agent's values monotone on its domain and 0
// outside it, the domain rows matching), the hull is exactly the set of allocations of every good
// within the domains (recounted here by brute force over the N^G ways to hand out the goods), the
// write/read round trip is the identity, the same seed gives the same instance, and bad options
// are refused. Runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <set>
#include <stdexcept>

#include "common/property_runs.h"
#include "generators/pseudo_market_eq_generator.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::gen {
namespace {

[[maybe_unused]] const bool kRuns = equilab::testing::configure_property_runs();

using pseudo_market::EquilibriumInstance;

// The goods of an object named "a+c" (goods are "a", "b", "c") as a bit mask.
unsigned mask_of(const std::string& name) {
  unsigned m = 0;
  for (char ch : name)
    if (ch != '+') m |= 1U << (ch - 'a');
  return m;
}

int size_of(unsigned m) { return __builtin_popcount(m); }

RC_GTEST_PROP(PmBundlesGenerator, WellFormedAndHullIsEveryAllocation, ()) {
  PseudoMarketEqGenOptions o;
  o.kind = "bundles";
  o.objects = *rc::gen::inRange(1, 4);
  o.agents = *rc::gen::inRange(1, 5);
  o.dichotomous = *rc::gen::arbitrary<bool>();
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const EquilibriumInstance in = generate_pseudo_market_equilibrium(seed, o);
  const int G = o.objects, N = o.agents, L = in.num_objects();
  RC_ASSERT(in.kind == "bundles");
  RC_ASSERT(in.num_agents() == N);
  RC_ASSERT(static_cast<int>(in.priced.size()) == G);
  std::vector<unsigned> masks;
  for (const auto& obj : in.objects) masks.push_back(mask_of(obj.name));
  // by size, then goods order: of two bundles of one size, the one holding the lowest good in
  // which they differ comes first
  for (int l = 0; l + 1 < L; ++l) {
    const unsigned a = masks[l], b = masks[l + 1];
    RC_ASSERT(size_of(a) <= size_of(b));
    if (size_of(a) == size_of(b)) {
      const unsigned diff = a ^ b;
      RC_ASSERT(diff != 0);
      RC_ASSERT((a & diff & (~diff + 1)) != 0);  // the lowest differing good is in a
    }
  }
  std::vector<std::vector<bool>> in_domain(N, std::vector<bool>(L, true));
  for (int i = 0; i < N; ++i) {
    const auto& agent = in.agents[i];
    RC_ASSERT(agent.budget == 1);
    RC_ASSERT(agent.utility_offset >= 0);
    RC_ASSERT(agent.utility_offset <= 2);
    for (std::size_t k = 1; k < in.individual[i].size(); ++k)
      for (const auto& [c, a] : in.individual[i][k].coef) in_domain[i][c % L] = false;
    bool any = false;
    for (int l = 0; l < L; ++l) {
      if (!in_domain[i][l]) {
        RC_ASSERT(agent.utility[l] == 0);
        continue;
      }
      any = true;
      RC_ASSERT(agent.utility[l] >= 0);  // u(A) ≥ u(∅)
      RC_ASSERT(boost::multiprecision::denominator(agent.utility[l]) == 1);
      for (int k = 0; k < L; ++k)
        if (in_domain[i][k] && (masks[k] & masks[l]) == masks[k]) RC_ASSERT(agent.utility[k] <= agent.utility[l]);
    }
    RC_ASSERT(any);  // a non-empty family besides ∅
  }
  // brute force: good g to agent owner[g], for every owner vector in N^G
  std::set<std::vector<int>> expected;
  std::vector<int> owner(G, 0);
  while (true) {
    std::vector<unsigned> bundle(N, 0);
    for (int g = 0; g < G; ++g) bundle[owner[g]] |= 1U << g;
    std::vector<int> cells;
    bool ok = true;
    for (int i = 0; i < N && ok; ++i) {
      if (bundle[i] == 0) continue;
      int l = 0;
      while (l < L && masks[l] != bundle[i]) ++l;
      if (l == L || !in_domain[i][l]) ok = false;
      else cells.push_back(in.cell(i, l));
    }
    if (ok) expected.insert(cells);
    int g = 0;
    while (g < G && ++owner[g] == N) owner[g++] = 0;
    if (g == G) break;
  }
  RC_ASSERT(!expected.empty());
  RC_ASSERT(in.hull.size() == expected.size());
  RC_ASSERT(std::set<std::vector<int>>(in.hull.begin(), in.hull.end()) == expected);
  // round trip and determinism
  const Json written = pseudo_market::write_bundle_market_json(in);
  const EquilibriumInstance back = pseudo_market::read_bundle_market_json(JsonNode(written, "written"));
  RC_ASSERT(back.hull == in.hull);
  for (int i = 0; i < N; ++i) {
    RC_ASSERT(back.agents[i].utility == in.agents[i].utility);
    RC_ASSERT(back.agents[i].utility_offset == in.agents[i].utility_offset);
  }
  RC_ASSERT(pseudo_market::write_bundle_market_json(generate_pseudo_market_equilibrium(seed, o)) == written);
}

TEST(PmBundlesGenerator, BadOptions) {
  PseudoMarketEqGenOptions o;
  o.kind = "bundles";
  o.objects = 0;
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.objects = 4;
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.objects = 2;
  o.agents = 0;
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.agents = 2;
  o.alpha = "1/2";
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.alpha = "1";
  o.endowments = true;
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.endowments = false;
  o.caps = 1;
  EXPECT_THROW(generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.caps = 0;
  EXPECT_EQ(generate_pseudo_market_equilibrium(1, o).kind, "bundles");
}

}  // namespace
}  // namespace equilab::gen
