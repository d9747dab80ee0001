// Kind `bundles` of the task equilibrium: the slides' bundle economy (pseudo-market slides,
// "Randomization and Efficiency") in the common EquilibriumInstance form.
//
// Goods g (one unit each), agents i with a fiat budget b_i and a set utility u_i : 2^G → ℝ ∪ {−∞}
// whose domain is the listed bundles (∅ always listed). A random consumption is a lottery σ_i over
// dom u_i; its value is Σ_A σ_i(A)·u_i(A) and its cost Σ_A σ_i(A)·p(A) with p(A) = Σ_{g∈A} p_g.
// In EMZ terms (EMZ §2.5, §5.2) the objects are the non-empty bundles, x_iA = σ_i(A):
//   X_i   = {x_i ≥ 0 : Σ_A x_iA ≤ 1 ("unit:<i>", ∅ is the slack), x_iA = 0 for A ∉ dom u_i
//           ("domain:<i>")};
//   Ω*    = one row per good, "good:<g>": Σ_i Σ_{A∋g} x_iA = 1 (every good is allocated), so the
//           personal price of (i, A) is p(A);
//   C     = the lotteries over allocations of all goods in which every agent's bundle is in its
//           domain (the hull points): the adding-up rows alone are necessary, not sufficient
//           (slides, Example 1).
// Utilities are u_i(A) − u_i(∅) per object with the offset u_i(∅); with Σ_A x_iA ≤ 1 and ∅ as the
// slack, the value of x_i is offset + Σ_A (u_i(A) − u_i(∅))·x_iA.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>

#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {

namespace {

constexpr int kMaxGoods = 4;
// Allocations of all goods (the points of C's hull) beyond which the instance is refused.
constexpr std::uint64_t kMaxAllocations = 200'000;

using Mask = unsigned;  // a bundle: bit g set iff good g (in `goods` order) is in it

std::string text(const Rational& r) { return equilab::to_string(r); }

int size_of(Mask m) {
  int k = 0;
  for (; m; m &= m - 1) ++k;
  return k;
}

std::vector<int> members_of(Mask m) {
  std::vector<int> out;
  for (int g = 0; m >> g; ++g)
    if (m >> g & 1U) out.push_back(g);
  return out;
}

// The objects order: by size, then lexicographically on the goods (in `goods` order).
bool bundle_before(Mask a, Mask b) {
  const int sa = size_of(a), sb = size_of(b);
  if (sa != sb) return sa < sb;
  return members_of(a) < members_of(b);
}

// "a+b" with the goods in `goods` order; "" for ∅.
std::string bundle_key(const std::vector<std::string>& goods, Mask m) {
  std::string key;
  for (int g : members_of(m)) key += (key.empty() ? "" : "+") + goods[g];
  return key;
}

Mask read_bundle_key(const NameIndex& goods, const std::string& key, const JsonNode& where) {
  Mask m = 0;
  if (key.empty()) return m;
  std::size_t start = 0;
  while (true) {
    const std::size_t plus = key.find('+', start);
    const std::string part = key.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    const std::optional<int> g = goods.find(part);
    if (!g) where.fail("unknown good \"" + part + "\" in bundle \"" + key + "\"");
    if (m >> *g & 1U) where.fail("good \"" + part + "\" appears twice in bundle \"" + key + "\"");
    m |= 1U << *g;
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  return m;
}

struct BundleAgent {
  std::string name;
  Rational budget = 1;
  std::map<Mask, Rational> values;  // dom u_i with u_i(A); ∅ (mask 0) included
};

// The common instance from checked goods and agents; `where` is blamed when C is empty or too
// large to list.
EquilibriumInstance build_bundle_market(const std::string& name, const std::vector<std::string>& goods,
                                        const std::vector<BundleAgent>& agents, const JsonNode& where) {
  EquilibriumInstance in;
  in.name = name;
  in.kind = "bundles";
  in.alpha = 1;
  const int G = static_cast<int>(goods.size()), N = static_cast<int>(agents.size());
  const Mask full = (1U << G) - 1;

  // Objects: every non-empty bundle in some agent's domain.
  std::vector<Mask> bundles;
  {
    std::set<Mask> all;
    for (const auto& a : agents)
      for (const auto& [m, v] : a.values)
        if (m != 0) all.insert(m);
    bundles.assign(all.begin(), all.end());
    std::sort(bundles.begin(), bundles.end(), bundle_before);
  }
  for (Mask m : bundles) in.objects.push_back({bundle_key(goods, m), Rational(1)});
  const int L = in.num_objects();

  for (const auto& a : agents) {
    EquilibriumInstance::AgentData d;
    d.name = a.name;
    d.budget = a.budget;
    d.endowment.assign(L, Rational(0));
    d.utility.assign(L, Rational(0));
    d.utility_offset = a.values.at(0);
    for (int l = 0; l < L; ++l)
      if (auto it = a.values.find(bundles[l]); it != a.values.end()) d.utility[l] = it->second - d.utility_offset;
    in.agents.push_back(std::move(d));
  }

  // X_i: unit demand (∅ is the slack), then the bundles outside dom u_i held at 0.
  in.individual.resize(N);
  for (int i = 0; i < N; ++i) {
    LinearRow unit{"unit:" + agents[i].name, {}, Rational(1), false};
    LinearRow domain{"domain:" + agents[i].name, {}, Rational(0), false};
    for (int l = 0; l < L; ++l) {
      unit.coef.emplace_back(in.cell(i, l), Rational(1));
      if (!agents[i].values.count(bundles[l])) domain.coef.emplace_back(in.cell(i, l), Rational(1));
    }
    in.individual[i].push_back(std::move(unit));
    if (!domain.coef.empty()) in.individual[i].push_back(std::move(domain));
  }

  // Ω*: one equality per good; a^g_{iA} = [g ∈ A], so p_iA = p(A) (slides).
  for (int g = 0; g < G; ++g) {
    LinearRow row{"good:" + goods[g], {}, Rational(1), true};
    for (int i = 0; i < N; ++i)
      for (int l = 0; l < L; ++l)
        if (bundles[l] >> g & 1U) row.coef.emplace_back(in.cell(i, l), Rational(1));
    in.priced.push_back(std::move(row));
  }

  // The hull: allocations (A_1, …, A_N), pairwise disjoint, covering every good, A_i ∈ dom u_i.
  // ways[i][m] = the number of ways agents i..N−1 complete the goods m already handed out (capped
  // at kMaxAllocations + 1), so the count is known before listing and no branch is a dead end.
  std::vector<std::vector<std::pair<Mask, int>>> options(N);  // (bundle, object) per agent, ∅ first
  for (int i = 0; i < N; ++i) {
    options[i].emplace_back(0U, -1);
    for (int l = 0; l < L; ++l)
      if (agents[i].values.count(bundles[l])) options[i].emplace_back(bundles[l], l);
  }
  const std::uint64_t cap = kMaxAllocations + 1;
  std::vector<std::vector<std::uint64_t>> ways(N + 1, std::vector<std::uint64_t>(full + 1, 0));
  ways[N][full] = 1;
  for (int i = N - 1; i >= 0; --i)
    for (Mask m = 0; m <= full; ++m)
      for (const auto& [b, l] : options[i])
        if ((m & b) == 0) ways[i][m] = std::min(cap, ways[i][m] + ways[i + 1][m | b]);
  if (ways[0][0] == 0)
    where.fail("no allocation of every good fits the agents' domains (each good must go to an agent whose listed "
               "bundle holds it), so C is empty");
  if (ways[0][0] > kMaxAllocations)
    where.fail("more than " + std::to_string(kMaxAllocations) +
               " allocations of the goods fit the agents' domains; C is listed point by point, so the instance "
               "is too large");
  std::vector<int> cells;
  auto list = [&](auto&& self, int i, Mask m) -> void {
    if (i == N) {
      in.hull.push_back(cells);
      return;
    }
    for (const auto& [b, l] : options[i]) {
      if ((m & b) != 0 || ways[i + 1][m | b] == 0) continue;
      if (l >= 0) cells.push_back(in.cell(i, l));
      self(self, i + 1, m | b);
      if (l >= 0) cells.pop_back();
    }
  };
  list(list, 0, 0U);
  return in;
}

}  // namespace

EquilibriumInstance read_bundle_market_json(const JsonNode& root) {
  root.expect_model("pseudo_market");
  if (auto task = root.find("task"); task && task->as_string() != "equilibrium")
    task->fail("expected task \"equilibrium\"");
  root.expect_object(
      {"model", "version", "name", "task", "kind", "alpha", "goods", "agents", "set_utilities", "prices"});
  const JsonNode kind = root.at("kind");
  if (kind.as_string() != "bundles") kind.fail("expected kind \"bundles\"");
  std::string name;
  if (auto n = root.find("name")) name = n->as_string();
  if (auto a = root.find("alpha")) {
    const Rational alpha = a->as_rational();
    if (alpha != 1)
      a->fail("kind \"bundles\" has fiat money only (slides: budgets b_i, no endowments), so alpha must be 1, not " +
              text(alpha));
  }

  const JsonNode goods_node = root.at("goods");
  NameIndex gidx("good");
  std::vector<std::string> goods;
  for (const JsonNode& g : goods_node.elements()) {
    const std::string gname = g.as_string();
    if (gname.find('+') != std::string::npos)
      g.fail("good name \"" + gname + "\" contains '+', which joins goods in bundle keys");
    gidx.add(g);
    goods.push_back(gname);
  }
  if (goods.empty() || goods.size() > static_cast<std::size_t>(kMaxGoods))
    goods_node.fail("kind \"bundles\" takes 1 to " + std::to_string(kMaxGoods) + " goods, not " +
                    std::to_string(goods.size()));

  const JsonNode agents_node = root.at("agents");
  NameIndex aidx("agent");
  std::vector<BundleAgent> agents;
  for (const JsonNode& a : agents_node.elements()) {
    a.expect_object({"name", "budget"});
    const JsonNode an = a.at("name");
    aidx.add(an);
    BundleAgent agent;
    agent.name = an.as_string();
    if (auto b = a.find("budget")) {
      agent.budget = b->as_rational();
      if (agent.budget <= 0) b->fail("budget must be positive, not " + text(agent.budget));
    }
    agents.push_back(std::move(agent));
  }
  if (agents.empty()) agents_node.fail("no agents: at least one is required");

  const JsonNode utilities = root.at("set_utilities");
  std::vector<bool> listed(agents.size(), false);
  for (const auto& [aname, list] : utilities.members()) {
    const int i = aidx.at(aname, list);
    listed[i] = true;
    std::map<Mask, std::string> keys;  // bundle → its key as written
    for (const JsonNode& e : list.elements()) {
      e.expect_object({"bundle", "value"});
      const JsonNode bn = e.at("bundle"), vn = e.at("value");
      const std::string key = bn.as_string();
      const Mask m = read_bundle_key(gidx, key, bn);
      if (auto [it, fresh] = keys.emplace(m, key); !fresh)
        bn.fail("duplicate bundle \"" + key + "\" (the same set as \"" + it->second + "\")");
      const Rational v = vn.as_rational();
      // Monotone on the domain (slides: u_i(A) ≤ u_i(B) for A ⊆ B in dom u_i).
      for (const auto& [other, w] : agents[i].values) {
        if ((other & m) == other && w > v)
          vn.fail("set utility not monotone: u(\"" + key + "\") = " + text(v) + " < u(\"" + keys.at(other) +
                  "\") = " + text(w) + " although the second bundle is a subset of the first");
        if ((other & m) == m && v > w)
          vn.fail("set utility not monotone: u(\"" + key + "\") = " + text(v) + " > u(\"" + keys.at(other) +
                  "\") = " + text(w) + " although the first bundle is a subset of the second");
      }
      agents[i].values[m] = v;
    }
    if (!agents[i].values.count(0))
      list.fail("missing the empty bundle \"\" for agent \"" + aname + "\" (u_i(∅) is required)");
  }
  for (std::size_t i = 0; i < agents.size(); ++i)
    if (!listed[i]) utilities.fail("no set utility for agent \"" + agents[i].name + "\"");

  EquilibriumInstance in = build_bundle_market(name, goods, agents, utilities);
  if (auto p = root.find("prices")) in.candidate_prices = read_prices(in, *p);
  return in;
}

Json write_bundle_market_json(const EquilibriumInstance& in) {
  if (in.kind != "bundles") throw std::invalid_argument("write_bundle_market_json: kind \"" + in.kind + "\"");
  Json j;
  j["model"] = "pseudo_market";
  j["version"] = 1;
  if (!in.name.empty()) j["name"] = in.name;
  j["task"] = "equilibrium";
  j["kind"] = "bundles";
  j["alpha"] = text(in.alpha);
  Json goods = Json::array();
  for (const auto& row : in.priced) goods.push_back(row.name.substr(std::string("good:").size()));
  j["goods"] = goods;
  Json agents = Json::array(), utilities = Json::object();
  for (int i = 0; i < in.num_agents(); ++i) {
    const auto& a = in.agents[i];
    agents.push_back({{"name", a.name}, {"budget", text(a.budget)}});
    std::vector<bool> outside(in.num_objects(), false);
    for (const auto& row : in.individual[i])
      if (row.name.rfind("domain:", 0) == 0)
        for (const auto& [cell, coef] : row.coef) outside[cell % in.num_objects()] = true;
    Json list = Json::array();
    list.push_back({{"bundle", ""}, {"value", text(a.utility_offset)}});
    for (int l = 0; l < in.num_objects(); ++l)
      if (!outside[l])
        list.push_back({{"bundle", in.objects[l].name}, {"value", text(a.utility_offset + a.utility[l])}});
    utilities[a.name] = list;
  }
  j["agents"] = agents;
  j["set_utilities"] = utilities;
  if (in.candidate_prices) j["prices"] = prices_json(in, *in.candidate_prices);
  return j;
}

}  // namespace equilab::pseudo_market
