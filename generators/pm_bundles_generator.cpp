// Random instances of kind `bundles` (pseudo-market slides): `objects` goods (1..3), `agents`
// agents with budget 1, each with a set utility on ∅ plus a random non-empty family of bundles.
// Values are integers built along inclusion: u(∅) ∈ {0, 1, 2} and u(B) = max over the listed
// A ⊊ B of u(A) plus an increment in 0..9 (0..1 with --dichotomous), so u is monotone on its domain.
// The instance is written as a document and read back by read_bundle_market_json, so it is built
// (and checked) by the same code as a file.
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "generators/pseudo_market_eq_generator.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::gen {

pseudo_market::EquilibriumInstance generate_eq_bundles(Random& rng, const PseudoMarketEqGenOptions& o) {
  const int G = o.objects, N = o.agents;
  if (G < 1 || G > 3) throw std::invalid_argument("kind bundles: --objects (goods) must be in [1, 3]");
  if (N < 1) throw std::invalid_argument("kind bundles: --agents must be at least 1");
  if (o.caps != 0 || o.regions != 0)
    throw std::invalid_argument("kind bundles: --caps and --regions are options of kind assignment");
  if (o.endowments || o.alpha != "1")
    throw std::invalid_argument("kind bundles has fiat money only: no --endowments, --alpha 1");
  const unsigned full = (1U << G) - 1;
  const std::int64_t step = o.dichotomous ? 1 : 9;

  std::vector<std::map<unsigned, std::int64_t>> domains(N);  // bundle mask → u_i
  for (auto& dom : domains) {
    std::vector<unsigned> family;
    for (unsigned m = 1; m <= full; ++m)
      if (rng.bernoulli(1, 2)) family.push_back(m);
    if (family.empty()) family.push_back(static_cast<unsigned>(rng.uniform_int(1, full)));
    dom[0] = rng.uniform_int(0, 2);
    // Masks increase along inclusion (A ⊊ B ⇒ A < B), so every subset is valued first.
    for (unsigned b : family) {
      std::int64_t base = dom[0];
      for (const auto& [a, v] : dom)
        if ((a & b) == a && v > base) base = v;
      dom[b] = base + rng.uniform_int(0, step);
    }
  }
  // C must not be empty: some allocation of every good within the domains. reach = the sets of goods
  // handed out by agents 0..i−1; if the full set is never reached, one random agent gets it.
  std::vector<bool> reach(full + 1, false);
  reach[0] = true;
  for (const auto& dom : domains) {
    std::vector<bool> next = reach;
    for (unsigned m = 0; m <= full; ++m)
      if (reach[m])
        for (const auto& [b, v] : dom)
          if ((m & b) == 0) next[m | b] = true;
    reach = next;
  }
  if (!reach[full]) {
    auto& dom = domains[static_cast<std::size_t>(rng.uniform_int(0, N - 1))];
    std::int64_t base = 0;
    for (const auto& [a, v] : dom) base = std::max(base, v);
    dom[full] = base + rng.uniform_int(0, step);
  }

  const std::string names = "abc";
  Json doc;
  doc["model"] = "pseudo_market";
  doc["version"] = 1;
  std::string title = "bundles-";
  title += std::to_string(G);
  title += "g-";
  title += std::to_string(N);
  title += "a";
  doc["name"] = title;
  doc["task"] = "equilibrium";
  doc["kind"] = "bundles";
  doc["alpha"] = "1";
  Json goods = Json::array(), agents = Json::array(), utilities = Json::object();
  for (int g = 0; g < G; ++g) goods.push_back(std::string(1, names[g]));
  for (int i = 0; i < N; ++i) {
    const std::string name = std::to_string(i + 1);
    agents.push_back({{"name", name}});
    Json list = Json::array();
    for (const auto& [b, v] : domains[i]) {
      std::string key;
      for (int g = 0; g < G; ++g)
        if (b >> g & 1U) {
          if (!key.empty()) key += '+';
          key += names[g];
        }
      list.push_back({{"bundle", key}, {"value", std::to_string(v)}});
    }
    utilities[name] = list;
  }
  doc["goods"] = goods;
  doc["agents"] = agents;
  doc["set_utilities"] = utilities;
  try {
    return pseudo_market::read_bundle_market_json(JsonNode(doc, "(generated)"));
  } catch (const InputError& e) {  // too many allocations for --agents
    throw std::invalid_argument("kind bundles: " + e.reason());
  }
}

}  // namespace equilab::gen
