// Reading and writing the "allocation_market" formats (issue 7, "Model").
#include "homotopy/json_io.h"

#include <map>

namespace equilab::homotopy {
namespace {

std::string q(const std::string& s) {
  std::string r;
  r.reserve(s.size() + 2);
  r += '"';
  r += s;
  r += '"';
  return r;
}

// Kuhn's augmenting paths on a small bipartite graph: buyers -> acceptable null goods.
bool try_kuhn(int a, const std::vector<std::vector<int>>& adj, std::vector<int>& owner,
              std::vector<char>& seen) {
  for (int g : adj[a]) {
    if (seen[g]) continue;
    seen[g] = 1;
    if (owner[g] < 0 || try_kuhn(owner[g], adj, owner, seen)) {
      owner[g] = a;
      return true;
    }
  }
  return false;
}

}  // namespace

AllocationMarket read_allocation_market_json(const JsonNode& root) {
  root.expect_model("allocation_market");
  root.expect_object({"model", "version", "name", "buyers", "goods", "utility", "path"});
  AllocationMarket m;
  if (auto n = root.find("name")) m.name = n->as_string();

  NameIndex buyer_index("buyer"), good_index("good");
  const auto buyers = root.at("buyers").elements();
  if (buyers.empty()) root.at("buyers").fail("no buyers");
  for (const auto& b : buyers) {
    buyer_index.add(b);
    m.buyers.push_back(b.as_string());
  }
  const JsonNode goods = root.at("goods");
  for (const auto& g : goods.elements()) {
    g.expect_object({"name", "reservation", "null"});
    Good good;
    good.name = g.at("name").as_string();
    good_index.add(g.at("name"));
    if (auto nl = g.find("null")) {
      if (!nl->raw().is_boolean()) nl->fail("expected true or false");
      good.null = nl->raw().get<bool>();
    }
    if (good.null) {
      if (auto r = g.find("reservation")) {
        good.reservation = r->as_rational();
        if (good.reservation != 0)
          r->fail("a null good has reservation 0, not " + equilab::to_string(good.reservation));
      }
    } else {
      good.reservation = g.at("reservation").as_rational();
      if (good.reservation < 0)
        g.at("reservation").fail("reservation must be >= 0, not " + equilab::to_string(good.reservation));
    }
    m.goods.push_back(good);
  }
  if (m.num_goods() < m.num_buyers())
    goods.fail(std::to_string(m.num_goods()) + " goods for " + std::to_string(m.num_buyers()) +
               " buyers (fewer goods than buyers)");
  int nulls = 0;
  for (const auto& g : m.goods) nulls += g.null ? 1 : 0;
  if (nulls < m.num_buyers())
    goods.fail(std::to_string(nulls) + " null goods for " + std::to_string(m.num_buyers()) +
               " buyers (every buyer needs a null good or outside option)");

  m.utility.assign(m.num_buyers(), std::vector<std::optional<UtilityTerm>>(m.num_goods()));
  const JsonNode utility = root.at("utility");
  for (const auto& [bname, row] : utility.members()) {
    const int bi = buyer_index.at(bname, row);
    for (const auto& [gname, term] : row.members()) {
      const int gi = good_index.at(gname, term);
      term.expect_object({"value", "slope"});
      UtilityTerm t;
      t.value = term.at("value").as_rational();
      if (auto s = term.find("slope")) {
        t.slope = s->as_rational();
        if (t.slope <= 0) s->fail("slope must be positive, not " + equilab::to_string(t.slope));
      }
      m.utility[bi][gi] = t;
    }
  }
  // Outside options: every buyer finds a null good acceptable, all of his at one value.
  std::vector<std::vector<int>> adj(m.num_buyers());
  for (int a = 0; a < m.num_buyers(); ++a) {
    std::optional<Rational> w;
    for (int i = 0; i < m.num_goods(); ++i) {
      if (!m.goods[i].null || !m.utility[a][i]) continue;
      adj[a].push_back(i);
      if (!w)
        w = m.utility[a][i]->value;
      else if (*w != m.utility[a][i]->value) {
        JsonNode at(utility.raw().at(m.buyers[a]).at(m.goods[i].name).at("value"), root.file(),
                    "/utility/" + json_pointer_escape(m.buyers[a]) + "/" +
                        json_pointer_escape(m.goods[i].name) + "/value");
        at.fail("buyer " + q(m.buyers[a]) + " values his null goods differently (" + equilab::to_string(*w) +
                " and " + equilab::to_string(m.utility[a][i]->value) +
                "); a buyer has one outside option value");
      }
    }
    if (adj[a].empty()) {
      if (auto row = utility.find(m.buyers[a]))
        row->fail("buyer " + q(m.buyers[a]) + " finds no null good acceptable");
      utility.fail("buyer " + q(m.buyers[a]) + " finds no null good acceptable (no utility entries)");
    }
  }
  {
    std::vector<int> owner(m.num_goods(), -1);
    for (int a = 0; a < m.num_buyers(); ++a) {
      std::vector<char> seen(m.num_goods(), 0);
      if (!try_kuhn(a, adj, owner, seen))
        utility.fail("the buyers cannot be given distinct acceptable null goods (buyer " + q(m.buyers[a]) +
                     ")");
    }
  }

  m.value_to.assign(m.num_buyers(), std::vector<Rational>(m.num_goods()));
  for (int a = 0; a < m.num_buyers(); ++a)
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.utility[a][i]) m.value_to[a][i] = m.utility[a][i]->value;
  m.reservation_to.resize(m.num_goods());
  for (int i = 0; i < m.num_goods(); ++i) m.reservation_to[i] = m.goods[i].reservation;
  if (auto path = root.find("path")) {
    m.has_path = true;
    path->expect_object({"to"});
    const JsonNode to = path->at("to");
    to.expect_object({"utility", "reservation"});
    if (auto u = to.find("utility"))
      for (const auto& [bname, row] : u->members()) {
        const int bi = buyer_index.at(bname, row);
        for (const auto& [gname, term] : row.members()) {
          const int gi = good_index.at(gname, term);
          term.expect_object({"value"});
          if (!m.utility[bi][gi])
            term.fail("good " + q(gname) + " is not acceptable to buyer " + q(bname) +
                      " (a path changes values only)");
          if (m.goods[gi].null)
            term.fail("a path cannot change the value of a null good (the outside option)");
          m.value_to[bi][gi] = term.at("value").as_rational();
        }
      }
    if (auto r = to.find("reservation"))
      for (const auto& [gname, value] : r->members()) {
        const int gi = good_index.at(gname, value);
        if (m.goods[gi].null) value.fail("a null good has reservation 0 along the whole path");
        const Rational x = value.as_rational();
        if (x < 0) value.fail("reservation must be >= 0, not " + equilab::to_string(x));
        m.reservation_to[gi] = x;
      }
  }
  return m;
}

Json write_allocation_market_json(const AllocationMarket& m) {
  Json doc = {{"model", "allocation_market"}, {"version", 1}};
  if (!m.name.empty()) doc["name"] = m.name;
  doc["buyers"] = m.buyers;
  Json goods = Json::array();
  for (const auto& g : m.goods) {
    Json e = {{"name", g.name}, {"reservation", rational_json(g.reservation)}};
    if (g.null) e["null"] = true;
    goods.push_back(e);
  }
  doc["goods"] = goods;
  Json utility = Json::object();
  for (int a = 0; a < m.num_buyers(); ++a) {
    Json row = Json::object();
    for (int i = 0; i < m.num_goods(); ++i)
      if (const auto& t = m.utility[a][i]) {
        Json e = {{"value", rational_json(t->value)}};
        if (t->slope != 1) e["slope"] = rational_json(t->slope);
        row[m.goods[i].name] = e;
      }
    utility[m.buyers[a]] = row;
  }
  doc["utility"] = utility;
  if (m.has_path) {
    Json tu = Json::object(), tr = Json::object();
    for (int a = 0; a < m.num_buyers(); ++a)
      for (int i = 0; i < m.num_goods(); ++i)
        if (m.utility[a][i] && m.value_to[a][i] != m.utility[a][i]->value)
          tu[m.buyers[a]][m.goods[i].name] = {{"value", rational_json(m.value_to[a][i])}};
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.reservation_to[i] != m.goods[i].reservation)
        tr[m.goods[i].name] = rational_json(m.reservation_to[i]);
    Json to = Json::object();
    if (!tu.empty()) to["utility"] = tu;
    if (!tr.empty()) to["reservation"] = tr;
    doc["path"] = {{"to", to}};
  }
  return doc;
}

namespace {

Json certificate_json(const AllocationMarket& m, const Certificate& c) {
  Json prices = Json::object(), alloc = Json::object(), roots = Json::array(), edges = Json::array();
  for (int i = 0; i < m.num_goods(); ++i) prices[m.goods[i].name] = rational_json(c.prices[i]);
  for (int a = 0; a < m.num_buyers(); ++a) alloc[m.buyers[a]] = m.goods[c.allocation[a]].name;
  for (int r : c.roots) roots.push_back(m.goods[r].name);
  for (const auto& e : c.edges)
    edges.push_back(
        {{"from", m.goods[e.from].name}, {"to", m.goods[e.to].name}, {"buyer", m.buyers[e.buyer]}});
  return {{"allocation", alloc}, {"prices", prices}, {"forest", {{"roots", roots}, {"edges", edges}}}};
}

}  // namespace

Json write_result_json(const AllocationMarket& market, const MepResult& result, const std::string& method) {
  const AllocationMarket m = endpoint(market);
  const Certificate& c = result.certificate;
  Json cert = certificate_json(m, c);
  Json out = {{"model", "allocation_market"}, {"method", method}, {"arith", "exact"}};
  out["prices"] = cert["prices"];
  out["allocation"] = cert["allocation"];
  Json utilities = Json::object();
  for (int a = 0; a < m.num_buyers(); ++a) {
    const int g = c.allocation[a];
    const auto& t = *m.utility[a][g];
    utilities[m.buyers[a]] = rational_json(t.value - t.slope * c.prices[g]);
  }
  out["utilities"] = utilities;
  out["forest"] = cert["forest"];
  if (method == "path") {
    Json events = Json::array();
    std::map<std::string, int> counts;
    for (const char* t :
         {"graft", "prune_and_plant", "prune_and_graft", "cycle_and_reverse", "shift_and_replant"})
      counts[t] = 0;
    for (const auto& e : result.events) {
      Json je = {{"leg", e.leg}, {"z", rational_json(e.z)}, {"type", to_string(e.type)}};
      if (e.buyer >= 0) je["buyer"] = m.buyers[e.buyer];
      if (e.from_good >= 0) je["from"] = m.goods[e.from_good].name;
      je["good"] = m.goods[e.good].name;
      Json prices = Json::object();
      for (int i = 0; i < m.num_goods(); ++i) prices[m.goods[i].name] = rational_json(e.prices[i]);
      je["prices"] = prices;
      Json alloc = Json::object();
      for (int a = 0; a < m.num_buyers(); ++a) alloc[m.buyers[a]] = m.goods[e.allocation_after[a]].name;
      je["allocation_after"] = alloc;
      events.push_back(je);
      ++counts[to_string(e.type)];
    }
    out["events"] = events;
    out["transition_counts"] = counts;
  }
  if (method == "allocation-lp") out["allocations_enumerated"] = result.allocations_enumerated;
  out["certificate"] = cert;
  return out;
}

Certificate read_certificate_json(const AllocationMarket& m, const JsonNode& result) {
  const JsonNode cert = result.at("certificate");
  cert.expect_object({"allocation", "prices", "forest"});
  auto good_of = [&](const JsonNode& node) {
    const std::string name = node.as_string();
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.goods[i].name == name) return i;
    node.fail("unknown good " + q(name));
  };
  auto buyer_of = [&](const JsonNode& node, const std::string& name) {
    for (int a = 0; a < m.num_buyers(); ++a)
      if (m.buyers[a] == name) return a;
    node.fail("unknown buyer " + q(name));
  };
  Certificate c;
  c.allocation.assign(m.num_buyers(), -1);
  for (const auto& [bname, g] : cert.at("allocation").members())
    c.allocation[buyer_of(g, bname)] = good_of(g);
  for (int a = 0; a < m.num_buyers(); ++a)
    if (c.allocation[a] < 0) cert.at("allocation").fail("no good for buyer " + q(m.buyers[a]));
  c.prices.assign(m.num_goods(), Rational(0));
  std::vector<char> priced(m.num_goods(), 0);
  for (const auto& [gname, p] : cert.at("prices").members()) {
    int i = -1;
    for (int k = 0; k < m.num_goods(); ++k)
      if (m.goods[k].name == gname) i = k;
    if (i < 0) p.fail("unknown good " + q(gname));
    c.prices[i] = p.as_rational();
    priced[i] = 1;
  }
  for (int i = 0; i < m.num_goods(); ++i)
    if (!priced[i]) cert.at("prices").fail("no price for good " + q(m.goods[i].name));
  const JsonNode forest = cert.at("forest");
  forest.expect_object({"roots", "edges"});
  for (const auto& r : forest.at("roots").elements()) c.roots.push_back(good_of(r));
  for (const auto& e : forest.at("edges").elements()) {
    e.expect_object({"from", "to", "buyer"});
    c.edges.push_back(
        {good_of(e.at("from")), good_of(e.at("to")), buyer_of(e.at("buyer"), e.at("buyer").as_string())});
  }
  return c;
}

}  // namespace equilab::homotopy
