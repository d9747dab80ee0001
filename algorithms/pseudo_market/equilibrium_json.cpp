#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"

#include <algorithm>
#include <map>
#include <set>

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
    x->fail("an assignment to decompose needs \"task\":\"decompose\" (without \"task\" the task is equilibrium)");
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
             "\" is not a priced constraint (supply:<object>, or a constraint touching ≥ 2 agents with a positive "
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
  for (const auto& [aname, v] : node.members()) cells.push_back(in.cell(aidx.at(aname, v), oidx.at(v)));
  std::sort(cells.begin(), cells.end());
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    std::vector<int> point = in.hull[k];
    std::sort(point.begin(), point.end());
    if (point == cells) return static_cast<int>(k);
  }
  node.fail(in.kind == "roommates" ? "not a matching of the agents"
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

std::vector<Rational> values_at(const EquilibriumInstance& in, const std::vector<Rational>& prices) {
  const std::vector<Rational> pp = in.personal_prices(prices), b = in.budgets(prices);
  std::vector<Rational> v(in.num_agents());
  for (int i = 0; i < in.num_agents(); ++i) v[i] = in.agents[i].utility_offset + agent_value(in, i, pp, b[i]);
  return v;
}

}  // namespace

Json write_equilibrium_result_json(const EquilibriumInstance& in, const EquilibriumResult& r) {
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
    Json ex{{"guaranteed", unmet.empty()},
            {"theorem", in.alpha == 1 ? "EMZ Theorem 1" : "EMZ Theorem 2"}};
    if (!unmet.empty()) ex["unmet"] = unmet;
    j["existence"] = ex;
  }
  const int n = in.num_agents(), L = in.num_objects();
  Json eqs = Json::array();
  for (const Equilibrium& e : r.equilibria) {
    const std::vector<Rational> pp = in.personal_prices(e.prices), b = in.budgets(e.prices);
    std::vector<Rational> u(n, Rational(0));
    for (int i = 0; i < n; ++i) {
      u[i] = in.agents[i].utility_offset;
      for (int l = 0; l < L; ++l) u[i] += in.agents[i].utility[l] * e.x[in.cell(i, l)];
    }
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
             {"utilities", per_agent_json(in, u)}};
    if (e.epsilon) one["epsilon"] = text(*e.epsilon);
    if (e.efficiency) {
      one["pareto_efficient"] = e.efficiency->efficient;
      certificate["efficiency"] = efficiency_json(in, *e.efficiency);
    }
    one["certificate"] = certificate;
    eqs.push_back(one);
  }
  j["equilibria"] = eqs;
  if (!r.families.empty()) {
    Json fams = Json::array();
    for (const auto& f : r.families)
      fams.push_back({{"prices_from", prices_json(in, f.prices_from)},
                      {"prices_to", prices_json(in, f.prices_to)},
                      {"utilities_from", per_agent_json(in, values_at(in, f.prices_from))},
                      {"utilities_to", per_agent_json(in, values_at(in, f.prices_to))}});
    j["families"] = fams;
  }
  if (!r.irrational.empty()) {
    Json irr = Json::array();
    for (const auto& e : r.irrational) {
      Json coef = Json::array();
      for (const Rational& c : e.polynomial.c) coef.push_back(text(c));
      irr.push_back({{"polynomial", coef},
                     {"polynomial_text", e.polynomial.text()},
                     {"interval", Json::array({text(e.lo), text(e.hi)})},
                     {"prices_base", prices_json(in, e.base)},
                     {"prices_direction", prices_json(in, e.direction)},
                     {"pattern", e.pattern}});
    }
    j["irrational"] = irr;
  }
  return j;
}

EquilibriumResult read_equilibrium_result_json(const EquilibriumInstance& in, const JsonNode& root) {
  EquilibriumResult r;
  if (auto m = root.find("method")) r.method = m->as_string();
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
  std::vector<std::string> an, on;
  for (const auto& a : in.agents) an.push_back(a.name);
  for (const auto& o : in.objects) on.push_back(o.name);
  const NameIndex aidx("agent", an), oidx("object", on);
  if (auto eqs = root.find("equilibria"))
    for (const JsonNode& e : eqs->elements()) {
      Equilibrium eq;
      eq.prices = read_prices(in, e.at("prices"));
      eq.x = read_assignment(in, e.at("assignment"));
      eq.agents.resize(in.num_agents());
      for (int i = 0; i < in.num_agents(); ++i) eq.agents[i].mu.assign(in.individual[i].size(), Rational(0));
      const JsonNode cert = e.at("certificate");
      std::vector<bool> seen(in.num_agents(), false);
      for (const auto& [aname, a] : cert.at("agents").members()) {
        const int i = aidx.at(aname, a);
        seen[i] = true;
        eq.agents[i].lambda = a.at("lambda").as_rational();
        if (auto mu = a.find("mu"))
          for (const auto& [row, v] : mu->members()) {
            int k = -1;
            for (std::size_t q = 0; q < in.individual[i].size(); ++q)
              if (in.individual[i][q].name == row) k = static_cast<int>(q);
            if (k < 0) v.fail("\"" + row + "\" is not an individual constraint of agent \"" + aname + "\"");
            eq.agents[i].mu[k] = v.as_rational();
          }
      }
      for (int i = 0; i < in.num_agents(); ++i)
        if (!seen[i]) cert.at("agents").fail("no certificate for agent \"" + in.agents[i].name + "\"");
      if (auto b = e.find("budgets")) {
        eq.stated_budgets.assign(in.num_agents(), Rational(0));
        for (const auto& [aname, v] : b->members()) eq.stated_budgets[aidx.at(aname, v)] = v.as_rational();
      }
      if (auto u = e.find("utilities")) {
        eq.stated_utilities.assign(in.num_agents(), Rational(0));
        for (const auto& [aname, v] : u->members()) eq.stated_utilities[aidx.at(aname, v)] = v.as_rational();
      }
      if (auto pp = e.find("personal_prices")) eq.stated_personal = read_assignment(in, *pp);
      if (auto eps = e.find("epsilon")) eq.epsilon = read_nonnegative(*eps, "epsilon");
      if (auto lottery = cert.find("lottery"))
        for (const JsonNode& point : lottery->elements()) {
          point.expect_object({"prob", "assignment"});
          eq.lottery.emplace_back(read_hull_point(in, point.at("assignment")), point.at("prob").as_rational());
        }
      if (auto eff = cert.find("efficiency")) eq.efficiency = read_efficiency_json(in, *eff);
      if (auto priced = cert.find("priced")) {
        eq.has_stated_priced = true;
        for (const JsonNode& row : priced->elements()) {
          row.expect_object({"name", "cells", "rhs", "price"});
          Equilibrium::StatedRow sr;
          sr.name = row.at("name").as_string();
          sr.rhs = row.at("rhs").as_rational();
          sr.price = row.at("price").as_rational();
          for (const JsonNode& c : row.at("cells").elements()) {
            c.expect_object({"agent", "object", "coef"});
            sr.coef.emplace_back(in.cell(aidx.at(c.at("agent")), oidx.at(c.at("object"))),
                                 c.at("coef").as_rational());
          }
          std::sort(sr.coef.begin(), sr.coef.end());
          eq.stated_priced.push_back(std::move(sr));
        }
      }
      r.equilibria.push_back(std::move(eq));
    }
  return r;
}

}  // namespace equilab::pseudo_market
