#include "pseudo_market/equilibrium_json.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

Rational read_nonnegative(const JsonNode& node, const char* what) {
  const Rational q = node.as_rational();
  if (q < 0) node.fail(std::string(what) + " must be non-negative, not " + text(q));
  return q;
}

std::optional<std::vector<int>> read_star_or_list(const JsonNode& node, const NameIndex& index,
                                                  const char* what) {
  if (node.raw().is_string()) {
    if (node.as_string() != "*") node.fail(std::string("expected \"*\" or a list of ") + what + " names");
    return std::nullopt;
  }
  std::vector<int> out;
  std::set<int> seen;
  for (const JsonNode& item : node.elements()) {
    const int k = index.at(item);
    if (!seen.insert(k).second) item.fail(std::string("duplicate ") + what + " \"" + item.as_string() + "\"");
    out.push_back(k);
  }
  if (out.empty()) node.fail(std::string("empty ") + what + " list (use \"*\" for all)");
  return out;
}

}  // namespace

std::string pseudo_market_task(const JsonNode& root) {
  const std::optional<JsonNode> task = root.find("task");
  return task ? task->as_string() : "equilibrium";
}

EquilibriumInstance read_equilibrium_json(const JsonNode& root) {
  root.expect_model("pseudo_market");
  if (auto task = root.find("task"); task && task->as_string() != "equilibrium")
    task->fail("expected task \"equilibrium\"");
  if (auto x = root.find("assignment"); x && !root.find("task"))
    x->fail(
        "an assignment to decompose needs \"task\":\"decompose\" (without \"task\" the task is equilibrium)");
  const JsonNode kind = root.at("kind");
  const std::string kind_name = kind.as_string();
  if (kind_name == "roommates") return read_roommates_json(root);
  if (kind_name == "bundles") return read_bundle_market_json(root);
  if (kind_name != "assignment")
    kind.fail("unknown kind \"" + kind_name + "\" (known: assignment, roommates, bundles)");
  root.expect_object({"model", "version", "name", "task", "kind", "alpha", "allocate_all", "regions",
                      "agents", "objects", "utilities", "constraints", "prices"});
  EquilibriumInstance in;
  if (auto n = root.find("name")) in.name = n->as_string();
  if (auto a = root.find("alpha")) {
    in.alpha = a->as_rational();
    if (in.alpha < 0 || in.alpha > 1) a->fail("alpha must lie in [0, 1], not " + text(in.alpha));
  }
  if (auto a = root.find("allocate_all")) {
    if (!a->raw().is_boolean()) a->fail("allocate_all must be true or false");
    in.allocate_all = a->raw().get<bool>();
  }

  const JsonNode objects = root.at("objects");
  NameIndex oidx("object");
  for (const JsonNode& o : objects.elements()) {
    o.expect_object({"name", "supply"});
    const JsonNode name = o.at("name");
    oidx.add(name);
    const JsonNode supply = o.at("supply");
    const Rational q = supply.as_rational();
    if (boost::multiprecision::denominator(q) != 1 || q <= 0)
      supply.fail("supply must be a positive integer, not " + text(q));
    in.objects.push_back({name.as_string(), q});
  }
  if (in.objects.empty()) objects.fail("no objects: at least one is required");
  const int L = in.num_objects();

  const JsonNode agents = root.at("agents");
  NameIndex aidx("agent");
  bool any_endowment = false;
  for (const JsonNode& a : agents.elements()) {
    a.expect_object({"name", "budget", "endowment"});
    const JsonNode name = a.at("name");
    aidx.add(name);
    EquilibriumInstance::AgentData agent;
    agent.name = name.as_string();
    agent.endowment.assign(L, Rational(0));
    agent.utility.assign(L, Rational(0));
    if (auto b = a.find("budget")) {
      agent.budget = b->as_rational();
      if (agent.budget <= 0) b->fail("budget must be positive, not " + text(agent.budget));
    }
    if (auto e = a.find("endowment")) {
      any_endowment = true;
      for (const auto& [oname, v] : e->members())
        agent.endowment[oidx.at(oname, v)] = read_nonnegative(v, "an endowment");
    } else if (in.alpha < 1) {
      a.fail("missing required field \"endowment\" (alpha < 1: budgets depend on endowments)");
    }
    in.agents.push_back(std::move(agent));
  }
  if (in.agents.empty()) agents.fail("no agents: at least one is required");
  const int n = in.num_agents();
  if (any_endowment)
    for (int l = 0; l < L; ++l) {
      Rational total = 0;
      for (const auto& agent : in.agents) total += agent.endowment[l];
      if (total != in.objects[l].supply)
        agents.fail("the endowments of object \"" + in.objects[l].name + "\" sum to " + text(total) +
                    ", not its supply " + text(in.objects[l].supply));
    }
  if (in.allocate_all) {
    Rational total = 0;
    for (const auto& o : in.objects) total += o.supply;
    if (total != n)
      root.at("allocate_all")
          .fail("allocate_all needs the supplies to sum to the number of agents (" + std::to_string(n) +
                "), not " + text(total));
  }

  const JsonNode utilities = root.at("utilities");
  std::vector<bool> listed(n, false);
  for (const auto& [aname, row] : utilities.members()) {
    const int i = aidx.at(aname, row);
    listed[i] = true;
    for (const auto& [oname, v] : row.members()) in.agents[i].utility[oidx.at(oname, v)] = v.as_rational();
  }
  for (int i = 0; i < n; ++i)
    if (!listed[i]) utilities.fail("no utilities for agent \"" + in.agents[i].name + "\"");

  if (auto cs = root.find("constraints")) {
    std::set<std::string> names;
    for (const JsonNode& c : cs->elements()) {
      c.expect_object({"name", "agents", "objects", "cells", "floor", "ceiling"});
      EquilibriumInstance::UserRow u;
      const JsonNode name = c.at("name");
      u.name = name.as_string();
      if (u.name.empty()) name.fail("empty constraint name");
      if (u.name.rfind("supply:", 0) == 0 || u.name.rfind("unit:", 0) == 0)
        name.fail("constraint names starting with \"supply:\" or \"unit:\" are reserved");
      if (!names.insert(u.name).second) name.fail("duplicate constraint name \"" + u.name + "\"");
      std::map<int, Rational> coef;
      if (auto cells = c.find("cells")) {
        if (c.find("agents") || c.find("objects"))
          cells->fail("a constraint has either \"cells\" or \"agents\" and \"objects\", not both");
        u.by_cells = true;
        std::set<int> seen;
        for (const JsonNode& e : cells->elements()) {
          e.expect_object({"agent", "object", "coef"});
          const JsonNode an = e.at("agent"), on = e.at("object");
          const int cell = in.cell(aidx.at(an), oidx.at(on));
          if (!seen.insert(cell).second)
            e.fail("duplicate cell (agent \"" + an.as_string() + "\", object \"" + on.as_string() + "\")");
          coef[cell] = 1;
          if (auto k = e.find("coef")) coef[cell] = read_nonnegative(*k, "coef");
        }
        if (seen.empty()) cells->fail("empty cells list");
      } else {
        u.agents = read_star_or_list(c.at("agents"), aidx, "agent");
        u.objects = read_star_or_list(c.at("objects"), oidx, "object");
        std::vector<int> as, os;
        for (int i = 0; i < n; ++i)
          if (!u.agents || std::find(u.agents->begin(), u.agents->end(), i) != u.agents->end())
            as.push_back(i);
        for (int l = 0; l < L; ++l)
          if (!u.objects || std::find(u.objects->begin(), u.objects->end(), l) != u.objects->end())
            os.push_back(l);
        for (int i : as)
          for (int l : os) coef[in.cell(i, l)] = 1;
      }
      if (auto f = c.find("floor")) {
        const Rational floor = f->as_rational();
        if (floor != 0)
          f->fail(
              "floors of task \"equilibrium\" are given through \"allocate_all\" or \"regions\" (EMZ §4.3); "
              "this floor is " +
              text(floor));
      }
      const JsonNode ceiling = c.at("ceiling");
      u.row.name = u.name;
      u.row.rhs = read_nonnegative(ceiling, "ceiling");
      for (auto& [cell, a] : coef)
        if (a != 0) u.row.coef.emplace_back(cell, a);
      if (u.row.coef.empty()) c.fail("the constraint has no cell with a positive coefficient");
      in.user.push_back(std::move(u));
    }
  }
  if (auto regions = root.find("regions")) read_regions(in, *regions);
  finish_equilibrium(in);
  if (auto p = root.find("prices")) in.candidate_prices = read_prices(in, *p);
  return in;
}

std::vector<Rational> read_prices(const EquilibriumInstance& in, const JsonNode& node) {
  std::vector<Rational> p(in.priced.size(), Rational(0));
  for (const auto& [name, v] : node.members()) {
    const int c = in.priced_index(name);
    if (c < 0)
      v.fail("\"" + name +
             "\" is not a priced constraint (supply:<object>, or a constraint touching ≥ 2 agents with a "
             "positive "
             "ceiling; a ceiling of 0 forbids its cells and is not priced)");
    p[c] = read_nonnegative(v, "a price");
  }
  return p;
}

Json prices_json(const EquilibriumInstance& in, const std::vector<Rational>& prices) {
  Json out = Json::object();
  for (std::size_t c = 0; c < in.priced.size(); ++c) out[in.priced[c].name] = text(prices[c]);
  return out;
}

std::vector<Rational> read_assignment(const EquilibriumInstance& in, const JsonNode& node) {
  std::vector<std::string> an, on;
  for (const auto& a : in.agents) an.push_back(a.name);
  for (const auto& o : in.objects) on.push_back(o.name);
  const NameIndex aidx("agent", an), oidx("object", on);
  std::vector<Rational> x(in.num_cells(), Rational(0));
  for (const auto& [aname, row] : node.members()) {
    const int i = aidx.at(aname, row);
    for (const auto& [oname, v] : row.members()) x[in.cell(i, oidx.at(oname, v))] = v.as_rational();
  }
  return x;
}

Json write_equilibrium_json(const EquilibriumInstance& in) {
  if (in.kind == "roommates") return write_roommates_json(in);
  if (in.kind == "bundles") return write_bundle_market_json(in);
  Json j;
  j["model"] = "pseudo_market";
  j["version"] = 1;
  if (!in.name.empty()) j["name"] = in.name;
  j["task"] = "equilibrium";
  j["kind"] = "assignment";
  j["alpha"] = text(in.alpha);
  if (in.allocate_all) j["allocate_all"] = true;
  Json agents = Json::array(), utilities = Json::object();
  bool any_endowment = false;  // endowments are written when some agent has one (they must add up)
  for (const auto& a : in.agents)
    for (const Rational& e : a.endowment) any_endowment = any_endowment || e != 0;
  for (const auto& a : in.agents) {
    Json aj{{"name", a.name}, {"budget", text(a.budget)}};
    Json e = Json::object(), u = Json::object();
    for (int l = 0; l < in.num_objects(); ++l) {
      if (a.endowment[l] != 0) e[in.objects[l].name] = text(a.endowment[l]);
      if (a.utility[l] != 0) u[in.objects[l].name] = text(a.utility[l]);
    }
    if (any_endowment) aj["endowment"] = e;
    agents.push_back(aj);
    utilities[a.name] = u;
  }
  j["agents"] = agents;
  Json objects = Json::array();
  for (const auto& o : in.objects) objects.push_back({{"name", o.name}, {"supply", text(o.supply)}});
  j["objects"] = objects;
  j["utilities"] = utilities;
  if (!in.user.empty()) {
    Json cs = Json::array();
    for (const auto& u : in.user) {
      Json c{{"name", u.name}};
      if (u.by_cells) {
        Json cells = Json::array();
        for (const auto& [cell, a] : u.row.coef)
          cells.push_back({{"agent", in.agents[cell / in.num_objects()].name},
                           {"object", in.objects[cell % in.num_objects()].name},
                           {"coef", text(a)}});
        c["cells"] = cells;
      } else {
        auto names = [&](const std::optional<std::vector<int>>& sel, bool agents_side) -> Json {
          if (!sel) return "*";
          Json list = Json::array();
          for (int k : *sel) list.push_back(agents_side ? in.agents[k].name : in.objects[k].name);
          return list;
        };
        c["agents"] = names(u.agents, true);
        c["objects"] = names(u.objects, false);
      }
      c["ceiling"] = text(u.row.rhs);
      cs.push_back(c);
    }
    j["constraints"] = cs;
  }
  if (!in.regions.empty()) j["regions"] = regions_json(in);
  if (in.candidate_prices) j["prices"] = prices_json(in, *in.candidate_prices);
  return j;
}

Json hull_point_json(const EquilibriumInstance& in, int index) {
  Json out = Json::object();
  const int L = in.num_objects();
  for (int c : in.hull.at(index)) out[in.agents[c / L].name] = in.objects[c % L].name;
  return out;
}

int read_hull_point(const EquilibriumInstance& in, const JsonNode& node) {
  std::vector<std::string> an, on;
  for (const auto& a : in.agents) an.push_back(a.name);
  for (const auto& o : in.objects) on.push_back(o.name);
  const NameIndex aidx("agent", an), oidx("object", on);
  std::vector<int> cells;
  for (const auto& [aname, v] : node.members()) {
    const auto i = aidx.find(aname);
    if (!i) v.contradict("unknown agent \"" + aname + "\"");
    const auto l = oidx.find(v.as_string());
    if (!l) v.contradict("unknown object \"" + v.as_string() + "\"");
    cells.push_back(in.cell(*i, *l));
  }
  std::sort(cells.begin(), cells.end());
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    std::vector<int> point = in.hull[k];
    std::sort(point.begin(), point.end());
    if (point == cells) return static_cast<int>(k);
  }
  node.contradict(in.kind == "roommates" ? "not a matching of the agents"
                                         : "not an allocation of all goods within the agents' domains");
}

namespace {

Json agent_object_json(const EquilibriumInstance& in, const std::vector<Rational>& v, bool skip_zero) {
  Json out = Json::object();
  for (int i = 0; i < in.num_agents(); ++i) {
    Json row = Json::object();
    for (int l = 0; l < in.num_objects(); ++l)
      if (!skip_zero || v[in.cell(i, l)] != 0) row[in.objects[l].name] = text(v[in.cell(i, l)]);
    out[in.agents[i].name] = row;
  }
  return out;
}

Json per_agent_json(const EquilibriumInstance& in, const std::vector<Rational>& v) {
  Json out = Json::object();
  for (int i = 0; i < in.num_agents(); ++i) out[in.agents[i].name] = text(v[i]);
  return out;
}

Json per_object_json(const EquilibriumInstance& in, const std::vector<Rational>& v) {
  Json out = Json::object();
  for (int l = 0; l < in.num_objects(); ++l)
    if (v[l] != 0) out[in.objects[l].name] = text(v[l]);
  return out;
}

Json individual_json(const EquilibriumInstance& in, int i, const std::vector<Rational>& v) {
  Json out = Json::object();
  for (std::size_t k = 0; k < in.individual[i].size(); ++k)
    if (v[k] != 0) out[in.individual[i][k].name] = text(v[k]);
  return out;
}

Json poly_json(const Poly& p) {
  Json out = Json::array();
  for (const Rational& c : p.c) out.push_back(text(c));
  return out;
}

std::vector<Rational> utilities_of(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  std::vector<Rational> u(in.num_agents());
  for (int i = 0; i < in.num_agents(); ++i) {
    u[i] = in.agents[i].utility_offset;
    for (int l = 0; l < in.num_objects(); ++l) u[i] += in.agents[i].utility[l] * x[in.cell(i, l)];
  }
  return u;
}

Json family_certificate_json(const EquilibriumInstance& in, const FamilyCertificate& cert) {
  Json pieces = Json::array();
  for (const FamilyPiece& piece : cert.pieces) {
    Json agents = Json::object();
    for (int i = 0; i < in.num_agents(); ++i) {
      const FamilyPathAgent& a = piece.agents[i];
      Json aj{{"from", per_object_json(in, a.from)},
              {"to", per_object_json(in, a.to)},
              {"weight_from", text(a.weight_from)},
              {"weight_to", text(a.weight_to)},
              {"budget_binding", a.budget_binding}};
      if (a.budget_binding) {
        aj["t_from"] = text(a.t_from);
        aj["t_to"] = text(a.t_to);
      }
      aj["m_from"] = individual_json(in, i, a.m_from);
      aj["m_to"] = individual_json(in, i, a.m_to);
      agents[in.agents[i].name] = aj;
    }
    Json pj{{"s_from", text(piece.s_from)}, {"s_to", text(piece.s_to)}, {"agents", agents}};
    if (in.has_hull()) {
      Json lottery = Json::array();
      for (const auto& [k, w] : piece.lottery)
        lottery.push_back({{"assignment", hull_point_json(in, k)}, {"weight", poly_json(w)}});
      pj["lottery"] = lottery;
    }
    pieces.push_back(pj);
  }
  return Json{{"pieces", pieces}};
}

bool price_less(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

}  // namespace

Json write_equilibrium_result_json(const EquilibriumInstance& in, const EquilibriumResult& r,
                                   const FamilyFilter& accept) {
  Json j;
  j["model"] = "pseudo_market";
  j["task"] = "equilibrium";
  j["kind"] = in.kind;
  j["method"] = r.method;
  j["arith"] = "exact";
  if (r.method == "tatonnement") {
    j["search_arith"] = "double";
    j["iterations"] = r.iterations;
    if (!r.arith_note.empty()) j["arith_note"] = r.arith_note;
  }
  j["status"] = to_string(r.status);
  j["alpha"] = text(in.alpha);
  if (r.method == "support-enum") {
    j["faces"] = r.faces;
    j["patterns"] = r.patterns;
    j["undecided_patterns"] = r.undecided_count;
    if (!r.undecided.empty()) j["undecided"] = r.undecided;
  }
  j["certified_points"] = r.certified_points;
  {
    const std::vector<std::string> unmet = existence_hypotheses_unmet(in);
    Json ex{{"guaranteed", unmet.empty()}, {"theorem", in.alpha == 1 ? "EMZ Theorem 1" : "EMZ Theorem 2"}};
    if (!unmet.empty()) ex["unmet"] = unmet;
    j["existence"] = ex;
  }
  const int n = in.num_agents(), L = in.num_objects();
  // one equilibrium per price vector, in decreasing order of the prices
  std::vector<const Equilibrium*> eqs;
  for (const Equilibrium& e : r.equilibria) eqs.push_back(&e);
  std::stable_sort(eqs.begin(), eqs.end(), [](const Equilibrium* a, const Equilibrium* b) {
    return price_less(b->prices, a->prices);
  });
  eqs.erase(std::unique(eqs.begin(), eqs.end(),
                        [](const Equilibrium* a, const Equilibrium* b) { return a->prices == b->prices; }),
            eqs.end());
  auto listed_at = [&](const std::vector<Rational>& p) -> const Equilibrium* {
    for (const Equilibrium* e : eqs)
      if (e->prices == p) return e;
    return nullptr;
  };
  Json eqs_json = Json::array();
  for (const Equilibrium* ep : eqs) {
    const Equilibrium& e = *ep;
    const std::vector<Rational> pp = in.personal_prices(e.prices), b = in.budgets(e.prices);
    Json agents = Json::object();
    for (int i = 0; i < n; ++i) {
      Json mu = Json::object();
      for (std::size_t k = 0; k < in.individual[i].size(); ++k)
        if (e.agents[i].mu[k] != 0) mu[in.individual[i][k].name] = text(e.agents[i].mu[k]);
      agents[in.agents[i].name] = {{"lambda", text(e.agents[i].lambda)}, {"mu", mu}};
    }
    Json priced = Json::array();
    for (std::size_t c = 0; c < in.priced.size(); ++c) {
      if (e.prices[c] == 0) continue;
      Json cells = Json::array();
      for (const auto& [cell, a] : in.priced[c].coef)
        cells.push_back(
            {{"agent", in.agents[cell / L].name}, {"object", in.objects[cell % L].name}, {"coef", text(a)}});
      priced.push_back({{"name", in.priced[c].name},
                        {"cells", cells},
                        {"rhs", text(in.priced[c].rhs)},
                        {"price", text(e.prices[c])}});
    }
    Json certificate{{"agents", agents}, {"priced", priced}};
    if (!e.lottery.empty()) {
      Json lottery = Json::array();
      for (const auto& [k, w] : e.lottery)
        lottery.push_back({{"prob", text(w)}, {"assignment", hull_point_json(in, k)}});
      certificate["lottery"] = lottery;
    }
    Json one{{"prices", prices_json(in, e.prices)},
             {"personal_prices", agent_object_json(in, pp, false)},
             {"budgets", per_agent_json(in, b)},
             {"assignment", agent_object_json(in, e.x, true)},
             {"utilities", per_agent_json(in, utilities_of(in, e.x))}};
    if (e.epsilon) one["epsilon"] = text(*e.epsilon);
    if (e.efficiency) {
      one["pareto_efficient"] = e.efficiency->efficient;
      certificate["efficiency"] = efficiency_json(in, *e.efficiency);
    }
    one["certificate"] = certificate;
    eqs_json.push_back(one);
  }
  // families: each segment once (from < to), in decreasing order, each with its certificate
  std::vector<std::pair<std::vector<Rational>, std::vector<Rational>>> segments;
  for (const auto& f : r.families) {
    if (f.prices_from == f.prices_to) continue;  // a point: listed among the equilibria
    if (price_less(f.prices_to, f.prices_from))
      segments.emplace_back(f.prices_to, f.prices_from);
    else
      segments.emplace_back(f.prices_from, f.prices_to);
  }
  std::sort(segments.begin(), segments.end(), [](const auto& a, const auto& b) {
    return price_less(b.first, a.first) || (a.first == b.first && price_less(b.second, a.second));
  });
  segments.erase(std::unique(segments.begin(), segments.end()), segments.end());
  Json fams = Json::array();
  std::uint64_t uncertified = 0;
  for (const auto& [from, to] : segments) {
    const Equilibrium *e0 = listed_at(from), *e1 = listed_at(to);
    std::optional<FamilyCertificate> cert;
    if (e0 && e1)
      cert = build_family_certificate(
          in, from, to, [&](const std::vector<Rational>& p) { return listed_at(p) != nullptr; });
    if (!cert || (accept && !accept(from, to, *cert))) {
      ++uncertified;
      continue;
    }
    fams.push_back({{"prices_from", prices_json(in, from)},
                    {"prices_to", prices_json(in, to)},
                    {"utilities_from", per_agent_json(in, utilities_of(in, e0->x))},
                    {"utilities_to", per_agent_json(in, utilities_of(in, e1->x))},
                    {"certificate", family_certificate_json(in, *cert)}});
  }
  // irrational equilibria, in decreasing order of (base, direction, interval)
  std::vector<const IrrationalEquilibrium*> irr;
  for (const auto& e : r.irrational) irr.push_back(&e);
  std::stable_sort(irr.begin(), irr.end(),
                   [](const IrrationalEquilibrium* a, const IrrationalEquilibrium* b) {
                     if (a->base != b->base) return price_less(b->base, a->base);
                     if (a->direction != b->direction) return price_less(b->direction, a->direction);
                     return b->lo < a->lo;
                   });
  Json irr_json = Json::array();
  for (const IrrationalEquilibrium* e : irr) {
    irr_json.push_back({{"polynomial", poly_json(e->polynomial)},
                        {"polynomial_text", e->polynomial.text()},
                        {"interval", Json::array({text(e->lo), text(e->hi)})},
                        {"prices_base", prices_json(in, e->base)},
                        {"prices_direction", prices_json(in, e->direction)},
                        {"pattern", e->pattern}});
  }
  j["listed"] = {{"equilibria", eqs_json.size()}, {"families", fams.size()}, {"irrational", irr_json.size()}};
  j["equilibria"] = eqs_json;
  j["families"] = fams;
  if (uncertified) j["families_uncertified"] = uncertified;
  j["irrational"] = irr_json;
  return j;
}

namespace {

// Reading a result: a name the instance lacks contradicts it (exit 1 in verify); shape faults fail.
class ResultNames {
 public:
  explicit ResultNames(const EquilibriumInstance& in) : in_(in) {
    std::vector<std::string> an, on;
    for (const auto& a : in.agents) an.push_back(a.name);
    for (const auto& o : in.objects) on.push_back(o.name);
    agents_ = std::make_unique<NameIndex>("agent", an);
    objects_ = std::make_unique<NameIndex>("object", on);
  }
  int agent(const std::string& name, const JsonNode& where) const {
    const auto k = agents_->find(name);
    if (!k) where.contradict("unknown agent \"" + name + "\"");
    return *k;
  }
  int object(const std::string& name, const JsonNode& where) const {
    const auto k = objects_->find(name);
    if (!k) where.contradict("unknown object \"" + name + "\"");
    return *k;
  }
  int individual_row(int i, const std::string& name, const JsonNode& where) const {
    for (std::size_t k = 0; k < in_.individual[i].size(); ++k)
      if (in_.individual[i][k].name == name) return static_cast<int>(k);
    where.contradict("\"" + name + "\" is not an individual constraint of agent \"" + in_.agents[i].name +
                     "\"");
  }
  // {agent: value} with every agent present.
  std::vector<Rational> per_agent(const JsonNode& node) const {
    std::vector<Rational> v(in_.num_agents(), Rational(0));
    std::vector<bool> seen(in_.num_agents(), false);
    for (const auto& [name, value] : node.members()) {
      const int i = agent(name, value);
      seen[i] = true;
      v[i] = value.as_rational();
    }
    for (int i = 0; i < in_.num_agents(); ++i)
      if (!seen[i]) node.fail("missing agent \"" + in_.agents[i].name + "\"");
    return v;
  }
  // {object: value}, omitted = 0.
  std::vector<Rational> per_object(const JsonNode& node) const {
    std::vector<Rational> v(in_.num_objects(), Rational(0));
    for (const auto& [name, value] : node.members()) v[object(name, value)] = value.as_rational();
    return v;
  }
  // {agent: {object: value}}: every agent present; objects all present when `dense`.
  std::vector<Rational> per_cell(const JsonNode& node, bool dense) const {
    std::vector<Rational> v(in_.num_cells(), Rational(0));
    std::vector<bool> seen(in_.num_agents(), false);
    for (const auto& [name, row] : node.members()) {
      const int i = agent(name, row);
      seen[i] = true;
      std::vector<bool> have(in_.num_objects(), false);
      for (const auto& [oname, value] : row.members()) {
        const int l = object(oname, value);
        have[l] = true;
        v[in_.cell(i, l)] = value.as_rational();
      }
      if (dense)
        for (int l = 0; l < in_.num_objects(); ++l)
          if (!have[l]) row.fail("missing object \"" + in_.objects[l].name + "\"");
    }
    for (int i = 0; i < in_.num_agents(); ++i)
      if (!seen[i]) node.fail("missing agent \"" + in_.agents[i].name + "\"");
    return v;
  }
  // {row: price} with every priced row present.
  std::vector<Rational> prices(const JsonNode& node) const {
    std::vector<Rational> p(in_.priced.size(), Rational(0));
    std::vector<bool> seen(in_.priced.size(), false);
    for (const auto& [name, value] : node.members()) {
      const int c = in_.priced_index(name);
      if (c < 0) value.contradict("\"" + name + "\" is not a priced constraint of the instance");
      seen[c] = true;
      p[c] = value.as_rational();
    }
    for (std::size_t c = 0; c < in_.priced.size(); ++c)
      if (!seen[c]) node.fail("missing price of \"" + in_.priced[c].name + "\"");
    return p;
  }
  // {row: value} over agent i's individual rows, omitted = 0.
  std::vector<Rational> individual(int i, const JsonNode& node) const {
    std::vector<Rational> v(in_.individual[i].size(), Rational(0));
    for (const auto& [name, value] : node.members()) v[individual_row(i, name, value)] = value.as_rational();
    return v;
  }

 private:
  const EquilibriumInstance& in_;
  std::unique_ptr<NameIndex> agents_, objects_;
};

bool read_bool(const JsonNode& node) {
  if (!node.raw().is_boolean()) node.fail("expected true or false");
  return node.raw().get<bool>();
}

std::uint64_t read_count(const JsonNode& node) {
  if (!node.raw().is_number_integer() || node.as_int() < 0) node.fail("expected a non-negative integer");
  return static_cast<std::uint64_t>(node.as_int());
}

Poly read_poly(const JsonNode& node) {
  std::vector<Rational> c;
  for (const JsonNode& v : node.elements()) c.push_back(v.as_rational());
  if (!c.empty() && c.back() == 0) node.contradict("a polynomial's last coefficient must not be 0");
  return Poly(std::move(c));
}

FamilyCertificate read_family_certificate(const EquilibriumInstance& in, const ResultNames& names,
                                          const JsonNode& node) {
  node.expect_object({"pieces"});
  FamilyCertificate cert;
  for (const JsonNode& pn : node.at("pieces").elements()) {
    pn.expect_object({"s_from", "s_to", "agents", "lottery"});
    FamilyPiece piece;
    piece.s_from = pn.at("s_from").as_rational();
    piece.s_to = pn.at("s_to").as_rational();
    piece.agents.resize(in.num_agents());
    std::vector<bool> seen(in.num_agents(), false);
    const JsonNode agents = pn.at("agents");
    for (const auto& [aname, an] : agents.members()) {
      const int i = names.agent(aname, an);
      seen[i] = true;
      an.expect_object(
          {"from", "to", "weight_from", "weight_to", "budget_binding", "t_from", "t_to", "m_from", "m_to"});
      FamilyPathAgent& a = piece.agents[i];
      a.from = names.per_object(an.at("from"));
      a.to = names.per_object(an.at("to"));
      a.weight_from = an.at("weight_from").as_rational();
      a.weight_to = an.at("weight_to").as_rational();
      a.budget_binding = read_bool(an.at("budget_binding"));
      if (auto t = an.find("t_from")) a.t_from = t->as_rational();
      if (auto t = an.find("t_to")) a.t_to = t->as_rational();
      if (a.budget_binding && !(an.find("t_from") && an.find("t_to")))
        an.fail("a budget-binding path needs \"t_from\" and \"t_to\"");
      a.m_from = names.individual(i, an.at("m_from"));
      a.m_to = names.individual(i, an.at("m_to"));
    }
    for (int i = 0; i < in.num_agents(); ++i)
      if (!seen[i]) agents.fail("no path for agent \"" + in.agents[i].name + "\"");
    if (auto lottery = pn.find("lottery"))
      for (const JsonNode& item : lottery->elements()) {
        item.expect_object({"assignment", "weight"});
        piece.lottery.emplace_back(read_hull_point(in, item.at("assignment")), read_poly(item.at("weight")));
      }
    cert.pieces.push_back(std::move(piece));
  }
  return cert;
}

EfficiencyCertificate read_efficiency(const EquilibriumInstance& in, const JsonNode& node) {
  // a certificate whose flag disagrees with its content is readable but contradicts itself
  if (node.raw().is_object() && node.raw().contains("efficient") && node.raw().at("efficient").is_boolean()) {
    const bool efficient = node.raw().at("efficient").get<bool>();
    for (const char* key : {"improvement", "improvement_lottery"})
      if (efficient && node.raw().contains(key))
        node.at(key).contradict("the efficiency certificate says efficient but carries an improvement");
    for (const char* key : {"weights", "row_duals"})
      if (!efficient && node.raw().contains(key))
        node.at(key).contradict("the efficiency certificate says not efficient but carries weights");
  }
  return read_efficiency_json(in, node);
}

}  // namespace

EquilibriumResultDocument read_equilibrium_result_document(const EquilibriumInstance& in,
                                                           const JsonNode& root) {
  root.expect_object({"model",
                      "task",
                      "kind",
                      "method",
                      "arith",
                      "search_arith",
                      "iterations",
                      "arith_note",
                      "status",
                      "alpha",
                      "faces",
                      "patterns",
                      "undecided_patterns",
                      "undecided",
                      "certified_points",
                      "existence",
                      "listed",
                      "equilibria",
                      "families",
                      "families_uncertified",
                      "irrational",
                      "equilab"});
  EquilibriumResultDocument doc;
  EquilibriumResult& r = doc.result;
  const ResultNames names(in);
  if (auto m = root.find("method")) r.method = m->as_string();
  doc.task = root.at("task").as_string();
  doc.kind = root.at("kind").as_string();
  doc.arith = root.at("arith").as_string();
  doc.alpha = root.at("alpha").as_rational();
  const JsonNode status = root.at("status");
  const std::string s = status.as_string();
  bool known = false;
  for (EqStatus st : {EqStatus::Exact, EqStatus::Irrational, EqStatus::Approximate, EqStatus::None,
                      EqStatus::Undecided, EqStatus::Infeasible})
    if (s == to_string(st)) {
      r.status = st;
      known = true;
    }
  if (!known) status.fail("unknown status \"" + s + "\"");
  for (const char* key : {"faces", "patterns", "certified_points", "iterations"})
    if (auto c = root.find(key)) (void)read_count(*c);
  if (auto c = root.find("undecided_patterns")) doc.undecided_patterns = read_count(*c);
  if (auto c = root.find("families_uncertified")) (void)read_count(*c);
  if (auto u = root.find("undecided"))
    for (const JsonNode& why : u->elements()) (void)why.as_string();
  {
    const JsonNode ex = root.at("existence");
    ex.expect_object({"guaranteed", "theorem", "unmet"});
    doc.existence.guaranteed = read_bool(ex.at("guaranteed"));
    doc.existence.theorem = ex.at("theorem").as_string();
    if (auto unmet = ex.find("unmet"))
      for (const JsonNode& why : unmet->elements()) doc.existence.unmet.push_back(why.as_string());
  }
  {
    const JsonNode listed = root.at("listed");
    listed.expect_object({"equilibria", "families", "irrational"});
    doc.listed_equilibria = read_count(listed.at("equilibria"));
    doc.listed_families = read_count(listed.at("families"));
    doc.listed_irrational = read_count(listed.at("irrational"));
  }
  for (const JsonNode& e : root.at("equilibria").elements()) {
    e.expect_object({"prices", "personal_prices", "budgets", "assignment", "utilities", "pareto_efficient",
                     "epsilon", "certificate"});
    Equilibrium eq;
    eq.prices = names.prices(e.at("prices"));
    eq.x = names.per_cell(e.at("assignment"), false);
    eq.stated_personal = names.per_cell(e.at("personal_prices"), true);
    eq.stated_budgets = names.per_agent(e.at("budgets"));
    eq.stated_utilities = names.per_agent(e.at("utilities"));
    if (auto eps = e.find("epsilon")) eq.epsilon = eps->as_rational();
    std::optional<bool> pareto;
    if (auto pe = e.find("pareto_efficient")) pareto = read_bool(*pe);
    doc.pareto_efficient.push_back(pareto);
    const JsonNode cert = e.at("certificate");
    cert.expect_object({"agents", "priced", "lottery", "efficiency"});
    eq.agents.resize(in.num_agents());
    std::vector<bool> seen(in.num_agents(), false);
    const JsonNode agents = cert.at("agents");
    for (const auto& [aname, a] : agents.members()) {
      const int i = names.agent(aname, a);
      seen[i] = true;
      a.expect_object({"lambda", "mu"});
      eq.agents[i].lambda = a.at("lambda").as_rational();
      eq.agents[i].mu = names.individual(i, a.at("mu"));
    }
    for (int i = 0; i < in.num_agents(); ++i)
      if (!seen[i]) agents.fail("no certificate for agent \"" + in.agents[i].name + "\"");
    if (auto lottery = cert.find("lottery"))
      for (const JsonNode& point : lottery->elements()) {
        point.expect_object({"prob", "assignment"});
        eq.lottery.emplace_back(read_hull_point(in, point.at("assignment")), point.at("prob").as_rational());
      }
    if (auto eff = cert.find("efficiency")) eq.efficiency = read_efficiency(in, *eff);
    eq.has_stated_priced = true;
    for (const JsonNode& row : cert.at("priced").elements()) {
      row.expect_object({"name", "cells", "rhs", "price"});
      Equilibrium::StatedRow sr;
      sr.name = row.at("name").as_string();
      sr.rhs = row.at("rhs").as_rational();
      sr.price = row.at("price").as_rational();
      for (const JsonNode& c : row.at("cells").elements()) {
        c.expect_object({"agent", "object", "coef"});
        const JsonNode an = c.at("agent"), on = c.at("object");
        sr.coef.emplace_back(in.cell(names.agent(an.as_string(), an), names.object(on.as_string(), on)),
                             c.at("coef").as_rational());
      }
      std::sort(sr.coef.begin(), sr.coef.end());
      eq.stated_priced.push_back(std::move(sr));
    }
    r.equilibria.push_back(std::move(eq));
  }
  for (const JsonNode& f : root.at("families").elements()) {
    f.expect_object({"prices_from", "prices_to", "utilities_from", "utilities_to", "certificate"});
    EquilibriumFamily fam{names.prices(f.at("prices_from")), names.prices(f.at("prices_to"))};
    EquilibriumResultDocument::StatedFamily stated;
    stated.utilities_from = names.per_agent(f.at("utilities_from"));
    stated.utilities_to = names.per_agent(f.at("utilities_to"));
    stated.certificate = read_family_certificate(in, names, f.at("certificate"));
    r.families.push_back(std::move(fam));
    doc.families.push_back(std::move(stated));
  }
  for (const JsonNode& e : root.at("irrational").elements()) {
    e.expect_object(
        {"polynomial", "polynomial_text", "interval", "prices_base", "prices_direction", "pattern"});
    IrrationalEquilibrium ie;
    ie.polynomial = read_poly(e.at("polynomial"));
    doc.polynomial_text.push_back(e.at("polynomial_text").as_string());
    const auto interval = e.at("interval").elements();
    if (interval.size() != 2) e.at("interval").fail("expected [lo, hi]");
    ie.lo = interval[0].as_rational();
    ie.hi = interval[1].as_rational();
    ie.base = names.prices(e.at("prices_base"));
    ie.direction = names.prices(e.at("prices_direction"));
    ie.pattern = e.at("pattern").as_string();
    r.irrational.push_back(std::move(ie));
  }
  return doc;
}

EquilibriumResult read_equilibrium_result_json(const EquilibriumInstance& in, const JsonNode& root) {
  return read_equilibrium_result_document(in, root).result;
}

}  // namespace equilab::pseudo_market
