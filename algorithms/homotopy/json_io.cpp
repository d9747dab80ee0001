// Reading and writing the "allocation_market" formats (issue 7, "Model").
#include "homotopy/json_io.h"

#include <map>
#include <stdexcept>

#include "homotopy/path_core.h"

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

const char* const kTransitionNames[] = {"graft", "prune_and_plant", "prune_and_graft", "cycle_and_reverse",
                                        "shift_and_replant"};

std::optional<Transition> transition_from_string(const std::string& name) {
  for (Transition t : {Transition::Graft, Transition::PruneAndPlant, Transition::PruneAndGraft,
                       Transition::CycleAndReverse, Transition::ShiftAndReplant})
    if (name == to_string(t)) return t;
  return std::nullopt;
}

namespace {

Json prices_json(const AllocationMarket& m, const std::vector<Rational>& prices) {
  Json out = Json::object();
  for (int i = 0; i < m.num_goods(); ++i) out[m.goods[i].name] = rational_json(prices[i]);
  return out;
}

Json allocation_json(const AllocationMarket& m, const std::vector<int>& allocation) {
  Json out = Json::object();
  for (int a = 0; a < m.num_buyers(); ++a) out[m.buyers[a]] = m.goods[allocation[a]].name;
  return out;
}

Json forest_json(const AllocationMarket& m, const Certificate& c) {
  Json roots = Json::array(), edges = Json::array();
  for (int r : c.roots) roots.push_back(m.goods[r].name);
  for (const auto& e : c.edges)
    edges.push_back(
        {{"from", m.goods[e.from].name}, {"to", m.goods[e.to].name}, {"buyer", m.buyers[e.buyer]}});
  return {{"roots", roots}, {"edges", edges}};
}

Json certificate_json(const AllocationMarket& m, const Certificate& c) {
  return {{"allocation", allocation_json(m, c.allocation)},
          {"prices", prices_json(m, c.prices)},
          {"forest", forest_json(m, c)}};
}

// §7's trivial market as the path method builds it (path_core): the start leg's values where they
// differ from v⁰, and its allocation.
Json start_json(const AllocationMarket& market) {
  const ReducedMarket r = reduce(market);
  const path_detail::PathSetup setup = path_detail::make_setup(market, r);
  const path_detail::LegSpec& leg = setup.legs.front();
  Json alloc = Json::object(), utility = Json::object();
  for (int a = 0; a < r.m; ++a) {
    alloc[market.buyers[a]] = market.goods[path_detail::instance_good(r, setup.allocation[a])].name;
    Json row = Json::object();
    for (int k = 0; k < r.n; ++k)
      if (r.acceptable[a][k] && leg.v_from[a][k] != r.v0[a][k])
        row[market.goods[r.real_goods[k]].name] = rational_json(leg.v_from[a][k]);
    if (!row.empty()) utility[market.buyers[a]] = row;
  }
  return {{"allocation", alloc}, {"utility", utility}};
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
    out["start"] = start_json(market);
    Json events = Json::array();
    std::map<std::string, int> counts;
    for (const char* t : kTransitionNames) counts[t] = 0;
    for (const auto& e : result.events) {
      if (!e.structure_after)
        throw std::logic_error(
            "path result: an event without its structure (PathOptions::record_structures)");
      Json je = {{"leg", e.leg}, {"z", rational_json(e.z)}, {"type", to_string(e.type)}};
      if (e.buyer >= 0) je["buyer"] = m.buyers[e.buyer];
      if (e.from_good >= 0) je["from"] = m.goods[e.from_good].name;
      je["good"] = m.goods[e.good].name;
      je["prices"] = prices_json(m, e.prices.values());
      je["allocation_after"] = allocation_json(m, e.allocation_after);
      Json parents = Json::object();  // {good: its direct predecessor}; every other good is a root
      for (const auto& edge : e.structure_after->edges)
        parents[m.goods[edge.to].name] = m.goods[edge.from].name;
      je["forest_after"] = parents;
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

namespace {

// Reading: names the instance lacks are contradictions (exit 1), shapes are bad input (exit 2).
class Reader {
 public:
  explicit Reader(const AllocationMarket& m) : m_(m) {}

  int good(const JsonNode& node) const {
    const std::string name = node.as_string();
    for (int i = 0; i < m_.num_goods(); ++i)
      if (m_.goods[i].name == name) return i;
    node.contradict("the instance has no good " + q(name));
  }
  int good_key(const std::string& name, const JsonNode& where) const {
    for (int i = 0; i < m_.num_goods(); ++i)
      if (m_.goods[i].name == name) return i;
    where.contradict("the instance has no good " + q(name));
  }
  int buyer_key(const std::string& name, const JsonNode& where) const {
    for (int a = 0; a < m_.num_buyers(); ++a)
      if (m_.buyers[a] == name) return a;
    where.contradict("the instance has no buyer " + q(name));
  }
  int buyer(const JsonNode& node) const { return buyer_key(node.as_string(), node); }

  // {buyer: good} naming every buyer.
  std::vector<int> allocation(const JsonNode& node) const {
    std::vector<int> out(m_.num_buyers(), -1);
    for (const auto& [name, g] : node.members()) out[buyer_key(name, g)] = good(g);
    for (int a = 0; a < m_.num_buyers(); ++a)
      if (out[a] < 0) node.fail("missing required field " + q(m_.buyers[a]) + " (every buyer's good)");
    return out;
  }
  // {good: price} naming every good.
  std::vector<Rational> prices(const JsonNode& node) const { return per_good(node, "price"); }
  std::vector<Rational> per_good(const JsonNode& node, const std::string& what) const {
    std::vector<Rational> out(m_.num_goods());
    std::vector<char> seen(m_.num_goods(), 0);
    for (const auto& [name, p] : node.members()) {
      const int i = good_key(name, p);
      out[i] = p.as_rational();
      seen[i] = 1;
    }
    for (int i = 0; i < m_.num_goods(); ++i)
      if (!seen[i])
        node.fail("missing required field " + q(m_.goods[i].name) + " (every good's " + what + ")");
    return out;
  }
  std::vector<Rational> per_buyer(const JsonNode& node, const std::string& what) const {
    std::vector<Rational> out(m_.num_buyers());
    std::vector<char> seen(m_.num_buyers(), 0);
    for (const auto& [name, u] : node.members()) {
      const int a = buyer_key(name, u);
      out[a] = u.as_rational();
      seen[a] = 1;
    }
    for (int a = 0; a < m_.num_buyers(); ++a)
      if (!seen[a]) node.fail("missing required field " + q(m_.buyers[a]) + " (every buyer's " + what + ")");
    return out;
  }
  // {"roots": [...], "edges": [{from, to, buyer}]} into c.roots / c.edges.
  void forest(const JsonNode& node, Certificate& c) const {
    node.expect_object({"roots", "edges"});
    c.roots.clear();
    c.edges.clear();
    for (const auto& r : node.at("roots").elements()) c.roots.push_back(good(r));
    for (const auto& e : node.at("edges").elements()) {
      e.expect_object({"from", "to", "buyer"});
      c.edges.push_back({good(e.at("from")), good(e.at("to")), buyer(e.at("buyer"))});
    }
  }
  // {good: predecessor} into c.roots / c.edges: the goods not named are roots; an edge's buyer is
  // the one c.allocation puts on its tail (−1 when nobody holds it).
  void parents(const JsonNode& node, Certificate& c) const {
    std::vector<char> has(m_.num_goods(), 0);
    c.roots.clear();
    c.edges.clear();
    for (const auto& [name, from] : node.members()) {
      const int to = good_key(name, from), tail = good(from);
      int holder = -1;
      for (int a = 0; a < m_.num_buyers(); ++a)
        if (c.allocation[a] == tail) holder = a;
      c.edges.push_back({tail, to, holder});
      has[to] = 1;
    }
    for (int i = 0; i < m_.num_goods(); ++i)
      if (!has[i]) c.roots.push_back(i);
  }
  Certificate certificate(const JsonNode& node) const {
    node.expect_object({"allocation", "prices", "forest"});
    Certificate c;
    c.allocation = allocation(node.at("allocation"));
    c.prices = prices(node.at("prices"));
    forest(node.at("forest"), c);
    return c;
  }
  static Integer count(const JsonNode& node) {
    const Rational x = node.as_rational();
    if (boost::multiprecision::denominator(x) != 1 || x < 0)
      node.contradict("a count is a non-negative integer, not " + equilab::to_string(x));
    return boost::multiprecision::numerator(x);
  }

 private:
  const AllocationMarket& m_;
};

}  // namespace

ResultDocument read_result_json(const AllocationMarket& m, const JsonNode& result) {
  const Reader read(m);
  ResultDocument doc;
  doc.method = result.at("method").as_string();
  const std::string& method = doc.method;
  const bool bisect = result.find("search").has_value();
  if (method == "path" && bisect)
    result.expect_object({"model", "method", "arith", "prices", "allocation", "utilities", "forest", "start",
                          "events", "transition_counts", "search", "bisect", "certificate"});
  else if (method == "path")
    result.expect_object({"model", "method", "arith", "prices", "allocation", "utilities", "forest", "start",
                          "events", "transition_counts", "certificate"});
  else if (method == "allocation-lp")
    result.expect_object({"model", "method", "arith", "prices", "allocation", "utilities", "forest",
                          "allocations_enumerated", "certificate"});
  else if (method == "ga-minmax")
    result.expect_object({"model", "method", "arith", "prices", "allocation", "utilities", "forest",
                          "allocations", "ga_structures_enumerated", "ga_structures_all", "certificate"});
  else if (method == "hungarian-bf" || method == "assignment-lp" || method == "dgs")
    result.expect_object(
        {"model", "method", "arith", "prices", "allocation", "utilities", "forest", "certificate"});
  else
    result.at("method").fail("unknown method " + q(method) +
                             " (path, allocation-lp, ga-minmax, hungarian-bf, assignment-lp, dgs)");
  if (const std::string arith = result.at("arith").as_string(); arith != "exact")
    result.at("arith").contradict("allocation_market is solved exactly only, not " + q(arith));
  doc.certificate = read.certificate(result.at("certificate"));
  doc.answer.prices = read.prices(result.at("prices"));
  doc.answer.allocation = read.allocation(result.at("allocation"));
  read.forest(result.at("forest"), doc.answer);
  doc.utilities = read.per_buyer(result.at("utilities"), "utility");

  if (method == "path") {
    doc.path = true;
    doc.bisect = bisect;
    if (bisect) {
      if (result.at("search").as_string() != "bisect")
        result.at("search").fail("unknown search " + q(result.at("search").as_string()) + " (bisect)");
      const JsonNode b = result.at("bisect");
      b.expect_object({"trials", "halvings", "steps", "max_halvings", "deepest_step", "unseparated_steps",
                       "events_may_be_merged"});
      for (const char* k :
           {"trials", "halvings", "steps", "max_halvings", "deepest_step", "unseparated_steps"})
        b.at(k).as_int();
      const JsonNode merged = b.at("events_may_be_merged");
      if (!merged.raw().is_boolean()) merged.fail("expected true or false");
      doc.events_may_be_merged = merged.raw().get<bool>();
    }
    const JsonNode start = result.at("start");
    start.expect_object({"allocation", "utility"});
    doc.start_allocation = read.allocation(start.at("allocation"));
    doc.start_values.assign(m.num_buyers(), std::vector<std::optional<Rational>>(m.num_goods()));
    const JsonNode su = start.at("utility");
    for (const auto& [bname, row] : su.members()) {
      const int a = read.buyer_key(bname, row);
      for (const auto& [gname, value] : row.members()) {
        const int i = read.good_key(gname, value);
        if (!m.utility[a][i])
          value.contradict("good " + q(gname) + " is not acceptable to buyer " + q(bname));
        if (m.goods[i].null)
          value.contradict("the start leg keeps the value of a null good (the outside option)");
        doc.start_values[a][i] = value.as_rational();
      }
    }
    const auto events = result.at("events").elements();
    for (std::size_t k = 0; k < events.size(); ++k) {
      const JsonNode& e = events[k];
      if (bisect)
        e.expect_object({"leg", "z", "type", "buyer", "from", "good", "prices", "allocation_after",
                         "forest_after", "bracket", "unseparated"});
      else
        e.expect_object(
            {"leg", "z", "type", "buyer", "from", "good", "prices", "allocation_after", "forest_after"});
      ResultEvent ev;
      ev.pointer = e.pointer();
      ev.leg = e.at("leg").as_string();
      if (ev.leg != "start" && ev.leg != "path")
        e.at("leg").fail("unknown leg " + q(ev.leg) + " (start, path)");
      ev.z = e.at("z").as_rational();
      const std::string type = e.at("type").as_string();
      const auto t = transition_from_string(type);
      if (!t)
        e.at("type").fail("unknown transition " + q(type) +
                          " (graft, prune_and_plant, prune_and_graft, cycle_and_reverse, shift_and_replant)");
      ev.type = *t;
      if (auto b = e.find("buyer")) ev.buyer = read.buyer(*b);
      if (auto f = e.find("from")) ev.from_good = read.good(*f);
      ev.good = read.good(e.at("good"));
      ev.after.prices = read.prices(e.at("prices"));
      ev.after.allocation = read.allocation(e.at("allocation_after"));
      read.parents(e.at("forest_after"), ev.after);
      if (bisect) {
        const auto bracket = e.at("bracket").elements();
        if (bracket.size() != 2) e.at("bracket").fail("expected [low, z]");
        ev.bracket_low = bracket[0].as_rational();
        ev.bracket_high = bracket[1].as_rational();
        if (auto u = e.find("unseparated")) {
          if (!u->raw().is_boolean()) u->fail("expected true or false");
          ev.unseparated = u->raw().get<bool>();
        }
      }
      doc.events.push_back(std::move(ev));
    }
    const JsonNode counts = result.at("transition_counts");
    counts.expect_object(
        {"graft", "prune_and_plant", "prune_and_graft", "cycle_and_reverse", "shift_and_replant"});
    for (const char* t : kTransitionNames) doc.transition_counts[t] = counts.at(t).as_int();
  }
  if (method == "allocation-lp")
    doc.allocations_enumerated = Reader::count(result.at("allocations_enumerated"));
  if (method == "ga-minmax") {
    doc.allocations = Reader::count(result.at("allocations"));
    doc.ga_structures_enumerated = Reader::count(result.at("ga_structures_enumerated"));
    doc.ga_structures_all = Reader::count(result.at("ga_structures_all"));
  }
  return doc;
}

}  // namespace equilab::homotopy
