#include "generators/pseudo_market_eq_generator.h"

#include <algorithm>
#include <stdexcept>

#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::gen {

using namespace pseudo_market;

namespace {

// "a", …, "z", "aa", "ab", … (spreadsheet column names).
std::string object_name(int l) {
  std::string s;
  for (int k = l + 1; k > 0; k = (k - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (k - 1) % 26));
  return s;
}

void shuffle(std::vector<int>& v, Random& rng) {
  for (int k = static_cast<int>(v.size()) - 1; k > 0; --k) std::swap(v[k], v[rng.uniform_int(0, k)]);
}

// A random subset of 0..n−1 of size in [min_size, n], sorted.
std::vector<int> random_subset(int n, int min_size, Random& rng) {
  std::vector<int> all(n);
  for (int k = 0; k < n; ++k) all[k] = k;
  shuffle(all, rng);
  all.resize(static_cast<std::size_t>(rng.uniform_int(std::min(min_size, n), n)));
  std::sort(all.begin(), all.end());
  return all;
}

// kind assignment (EMZ 2022 §2): unit demand, supplies, cross-agent ceilings (priced, EMZ §2.5),
// endowments for the α-slack budgets (EMZ §7.1).
EquilibriumInstance generate_eq_assignment(std::uint64_t seed, Random& rng, const PseudoMarketEqGenOptions& o) {
  if (o.agents < 1 || o.agents > 1000) throw std::invalid_argument("--agents must be in 1..1000");
  if (o.objects < 1 || o.objects > 1000) throw std::invalid_argument("--objects must be in 1..1000");
  if (o.caps < 0 || o.caps > 1000) throw std::invalid_argument("--caps must be in 0..1000");
  if (o.regions < 0 || o.regions > o.objects)
    throw std::invalid_argument("--regions must be in 0..objects (" + std::to_string(o.objects) + ")");
  const int n = o.agents, m = o.objects;
  if (o.caps > 0 && n < 2) throw std::invalid_argument("--caps needs at least 2 agents (ceilings across agents)");
  if (o.allocate_all && m > n)
    throw std::invalid_argument("--allocate-all needs objects ≤ agents (every supply ≥ 1 and Σ supplies = agents)");
  EquilibriumInstance in;
  try {
    in.alpha = parse_rational(o.alpha);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument("--alpha: " + std::string(e.what()));
  }
  if (in.alpha < 0 || in.alpha > 1) throw std::invalid_argument("--alpha must lie in [0, 1], not " + o.alpha);
  if (in.alpha < 1 && !o.endowments)
    throw std::invalid_argument("--alpha below 1 needs --endowments (budgets depend on endowments, EMZ §7.1)");

  in.kind = "assignment";
  in.name = "random-assignment-seed-" + std::to_string(seed);
  in.allocate_all = o.allocate_all;
  for (int l = 0; l < m; ++l) in.objects.push_back({object_name(l), Rational(1)});
  if (o.allocate_all) {  // Σ q = n: one copy each, the n − m others spread at random
    for (int k = m; k < n; ++k) in.objects[rng.uniform_int(0, m - 1)].supply += 1;
  } else {
    for (auto& obj : in.objects) obj.supply = rng.uniform_int(1, 2);
  }
  for (int i = 0; i < n; ++i) {
    EquilibriumInstance::AgentData a;
    a.name = std::to_string(i + 1);
    a.endowment.assign(m, Rational(0));
    a.utility.assign(m, Rational(0));
    if (o.dichotomous) {
      bool any = false;
      for (int l = 0; l < m; ++l)
        if (rng.bernoulli(1, 2)) {
          a.utility[l] = 1;
          any = true;
        }
      if (!any) a.utility[rng.uniform_int(0, m - 1)] = 1;
    } else {
      for (int l = 0; l < m; ++l) a.utility[l] = rng.uniform_int(0, 9);
    }
    in.agents.push_back(std::move(a));
  }
  for (int k = 0; k < o.caps; ++k) {
    EquilibriumInstance::UserRow u;
    u.name = "cap-" + std::to_string(k + 1);
    u.agents = random_subset(n, 2, rng);
    u.objects = random_subset(m, 1, rng);
    u.row.name = u.name;
    u.row.rhs = rng.uniform_int(1, 2);
    for (int i : *u.agents)
      for (int l : *u.objects) u.row.coef.emplace_back(in.cell(i, l), Rational(1));
    std::sort(u.row.coef.begin(), u.row.coef.end());
    in.user.push_back(std::move(u));
  }
  if (o.endowments) {  // per object: q_l·d units of 1/d (d ≤ 6) dealt to the agents at random
    for (int l = 0; l < m; ++l) {
      const std::int64_t d = rng.uniform_int(1, 6);
      const std::int64_t units = boost::multiprecision::numerator(in.objects[l].supply).convert_to<std::int64_t>() * d;
      std::vector<std::int64_t> share(n, 0);
      for (std::int64_t k = 0; k < units; ++k) ++share[rng.uniform_int(0, n - 1)];
      for (int i = 0; i < n; ++i) in.agents[i].endowment[l] = Rational(Integer(share[i]), Integer(d));
    }
  }
  if (o.regions > 0) add_random_regions(rng, in, o.regions);
  finish_equilibrium(in);
  return in;
}

}  // namespace

EquilibriumInstance generate_pseudo_market_equilibrium(std::uint64_t seed, const PseudoMarketEqGenOptions& o) {
  Random rng(seed);
  if (o.kind == "roommates") return generate_eq_roommates(rng, o);
  if (o.kind == "bundles") return generate_eq_bundles(rng, o);
  if (o.kind == "assignment") return generate_eq_assignment(seed, rng, o);
  throw std::invalid_argument("--kind must be assignment, roommates or bundles, not \"" + o.kind + "\"");
}

}  // namespace equilab::gen
