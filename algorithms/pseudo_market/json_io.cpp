#include "pseudo_market/json_io.h"

#include <algorithm>
#include <map>
#include <set>

namespace equilab::pseudo_market {

const char* to_string(Status status) {
  switch (status) {
    case Status::Implemented:
      return "implemented";
    case Status::NotImplementable:
      return "not_implementable";
    case Status::MNatural:
      return "m_natural";
    case Status::NotMNatural:
      return "not_m_natural";
  }
  return "?";
}

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

NameIndex agent_index(const DecomposeInstance& in) {
  std::vector<std::string> names;
  for (const auto& agent : in.agents) names.push_back(agent.name);
  return NameIndex("agent", names);
}

NameIndex object_index(const DecomposeInstance& in) {
  std::vector<std::string> names;
  for (const auto& object : in.objects) names.push_back(object.name);
  return NameIndex("object", names);
}

// A non-negative integer quota.
Integer read_quota(const JsonNode& node, const char* what) {
  const Rational q = node.as_rational();
  if (boost::multiprecision::denominator(q) != 1)
    node.fail(std::string(what) + " must be an integer, not " + text(q));
  if (q < 0) node.fail(std::string(what) + " must be non-negative, not " + text(q));
  return boost::multiprecision::numerator(q);
}

Rational read_nonnegative(const JsonNode& node, const char* what) {
  const Rational q = node.as_rational();
  if (q < 0) node.fail(std::string(what) + " must be non-negative, not " + text(q));
  return q;
}

std::vector<int> read_selection(const JsonNode& node, const NameIndex& index, const char* what) {
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

std::optional<std::vector<int>> read_star_or_list(const JsonNode& node, const NameIndex& index,
                                                  const char* what) {
  if (node.raw().is_string()) {
    if (node.as_string() != "*") node.fail(std::string("expected \"*\" or a list of ") + what + " names");
    return std::nullopt;
  }
  return read_selection(node, index, what);
}

}  // namespace

Bundle read_bundle(const DecomposeInstance& in, const std::string& key, const JsonNode& where) {
  Bundle b;
  if (key.empty()) return b;
  const NameIndex objects = object_index(in);
  std::size_t start = 0;
  while (true) {
    const std::size_t plus = key.find('+', start);
    const std::string part = key.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    const std::optional<int> it = objects.find(part);
    if (!it) where.fail("unknown object \"" + part + "\" in bundle \"" + key + "\"");
    if (std::find(b.begin(), b.end(), *it) != b.end())
      where.fail("object \"" + part + "\" appears twice in bundle \"" + key + "\"");
    b.push_back(*it);
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  std::sort(b.begin(), b.end());
  return b;
}

DecomposeInstance read_pseudo_market_json(const JsonNode& root) {
  root.expect_model("pseudo_market");
  const JsonNode task = root.at("task");
  const std::string task_name = task.as_string();
  if (task_name == "equilibrium")
    task.fail("task \"equilibrium\" is read by read_equilibrium_json (pseudo_market/equilibrium_json.h)");
  if (task_name != "decompose")
    task.fail("unknown task \"" + task_name + "\" (known: decompose, equilibrium)");
  root.expect_object(
      {"model", "version", "name", "task", "kind", "agents", "objects", "constraints", "assignment"});
  DecomposeInstance in;
  if (auto n = root.find("name")) in.name = n->as_string();
  const JsonNode kind = root.at("kind");
  const std::string kind_name = kind.as_string();
  if (kind_name == "assignment")
    in.kind = Kind::Assignment;
  else if (kind_name == "bundles")
    in.kind = Kind::Bundles;
  else
    kind.fail("unknown kind \"" + kind_name + "\" (known: assignment, bundles)");

  // objects first: bundle keys in utilities refer to them
  const JsonNode objects = root.at("objects");
  std::set<std::string> seen;
  for (const JsonNode& o : objects.elements()) {
    o.expect_object({"name", "supply"});
    const JsonNode name = o.at("name");
    Object obj;
    obj.name = name.as_string();
    if (obj.name.empty()) name.fail("empty object name");
    if (obj.name.find('+') != std::string::npos)
      name.fail("object name \"" + obj.name + "\" contains '+', which joins goods in bundle keys");
    if (!seen.insert(obj.name).second) name.fail("duplicate object name \"" + obj.name + "\"");
    const JsonNode supply = o.at("supply");
    const Rational q = supply.as_rational();
    if (boost::multiprecision::denominator(q) != 1 || q <= 0)
      supply.fail("supply must be a positive integer, not " + text(q));
    obj.supply = boost::multiprecision::numerator(q);
    in.objects.push_back(std::move(obj));
  }
  if (in.objects.empty()) objects.fail("no objects: at least one is required");
  const JsonNode agents = root.at("agents");
  seen.clear();
  std::vector<JsonNode> utility_nodes;
  for (const JsonNode& a : agents.elements()) {
    a.expect_object({"name", "utility"});
    const JsonNode name = a.at("name");
    Agent agent;
    agent.name = name.as_string();
    if (agent.name.empty()) name.fail("empty agent name");
    if (!seen.insert(agent.name).second) name.fail("duplicate agent name \"" + agent.name + "\"");
    if (auto u = a.find("utility")) {
      std::vector<std::pair<Bundle, Rational>> values;
      std::map<Bundle, std::string> keys;
      for (const auto& [key, v] : u->members()) {
        Bundle b = read_bundle(in, key, v);
        if (auto [it, fresh] = keys.emplace(b, key); !fresh)
          v.fail("bundle \"" + key + "\" is the same set as \"" + it->second + "\"");
        values.emplace_back(std::move(b), v.as_rational());
      }
      agent.utility = std::move(values);
    }
    in.agents.push_back(std::move(agent));
  }
  if (in.agents.empty()) agents.fail("no agents: at least one is required");
  const NameIndex aidx = agent_index(in), oidx = object_index(in);

  if (auto cs = root.find("constraints")) {
    seen.clear();
    for (const JsonNode& c : cs->elements()) {
      c.expect_object({"name", "agents", "objects", "cells", "floor", "ceiling"});
      UserConstraint uc;
      const JsonNode name = c.at("name");
      uc.name = name.as_string();
      if (uc.name.empty()) name.fail("empty constraint name");
      if (!seen.insert(uc.name).second) name.fail("duplicate constraint name \"" + uc.name + "\"");
      if (auto cells = c.find("cells")) {
        if (c.find("agents") || c.find("objects"))
          cells->fail("a constraint has either \"cells\" or \"agents\" and \"objects\", not both");
        uc.by_cells = true;
        std::set<std::pair<int, int>> pairs;
        for (const JsonNode& e : cells->elements()) {
          e.expect_object({"agent", "object", "coef"});
          const JsonNode an = e.at("agent"), on = e.at("object");
          UserConstraint::Entry entry{aidx.at(an), oidx.at(on), Rational(1)};
          if (auto coef = e.find("coef")) entry.coef = read_nonnegative(*coef, "coef");
          if (!pairs.insert({entry.agent, entry.object}).second)
            e.fail("duplicate cell (agent \"" + an.as_string() + "\", object \"" + on.as_string() + "\")");
          uc.cells.push_back(std::move(entry));
        }
        if (uc.cells.empty()) cells->fail("empty cells list");
      } else {
        uc.agents = read_star_or_list(c.at("agents"), aidx, "agent");
        uc.objects = read_star_or_list(c.at("objects"), oidx, "object");
      }
      const auto floor = c.find("floor"), ceiling = c.find("ceiling");
      if (!floor && !ceiling) c.fail("a constraint needs a \"floor\" or a \"ceiling\"");
      if (floor) uc.floor = read_quota(*floor, "floor");
      if (ceiling) {
        uc.ceiling = read_quota(*ceiling, "ceiling");
        if (*uc.ceiling < uc.floor)
          ceiling->fail("ceiling " + uc.ceiling->str() + " is below the floor " + uc.floor.str());
      }
      in.constraints.push_back(std::move(uc));
    }
  }

  const JsonNode assignment = root.at("assignment");
  const int n = in.num_agents(), L = in.num_objects();
  std::vector<Rational> dense_x;
  std::vector<std::vector<std::pair<Bundle, Rational>>> listed(n);
  if (in.kind == Kind::Assignment) dense_x.assign(static_cast<std::size_t>(n) * L, Rational(0));
  for (const auto& [aname, row] : assignment.members()) {
    const int i = aidx.at(aname, row);
    if (in.kind == Kind::Assignment) {
      for (const auto& [oname, v] : row.members())
        dense_x[i * L + oidx.at(oname, v)] = read_nonnegative(v, "an assignment value");
      continue;
    }
    std::map<Bundle, std::string> keys;
    Rational total = 0;
    bool empty_listed = false;
    for (const auto& [key, v] : row.members()) {
      Bundle b = read_bundle(in, key, v);
      if (auto [it, fresh] = keys.emplace(b, key); !fresh)
        v.fail("bundle \"" + key + "\" is the same set as \"" + it->second + "\"");
      const Rational p = read_nonnegative(v, "a bundle probability");
      total += p;
      empty_listed = empty_listed || b.empty();
      listed[i].emplace_back(std::move(b), p);
    }
    if (empty_listed && total != 1)
      row.fail("the bundle probabilities of agent \"" + aname + "\" sum to " + text(total) + ", not 1");
    if (total > 1)
      row.fail("the bundle probabilities of agent \"" + aname + "\" sum to " + text(total) + " > 1");
  }
  finish(in, dense_x, listed);
  return in;
}

Json cell_vector_json(const DecomposeInstance& in, const std::vector<Rational>& values) {
  Json out = Json::object();
  for (int c = 0; c < in.num_cells(); ++c) {
    if (values[c] == 0) continue;
    const Cell& cell = in.cells[c];
    const std::string key =
        in.kind == Kind::Assignment ? in.objects[cell.object].name : in.bundle_key(cell.bundle);
    out[in.agents[cell.agent].name][key] = text(values[c]);
  }
  return out;
}

Json write_pseudo_market_json(const DecomposeInstance& in) {
  Json j;
  j["model"] = "pseudo_market";
  j["version"] = 1;
  if (!in.name.empty()) j["name"] = in.name;
  j["task"] = "decompose";
  j["kind"] = to_string(in.kind);
  Json agents = Json::array();
  for (const Agent& a : in.agents) {
    Json aj{{"name", a.name}};
    if (a.utility) {
      Json u = Json::object();
      for (const auto& [b, v] : *a.utility) u[in.bundle_key(b)] = text(v);
      aj["utility"] = u;
    }
    agents.push_back(aj);
  }
  j["agents"] = agents;
  Json objects = Json::array();
  for (const Object& o : in.objects) objects.push_back({{"name", o.name}, {"supply", o.supply.str()}});
  j["objects"] = objects;
  if (!in.constraints.empty()) {
    Json cs = Json::array();
    for (const UserConstraint& uc : in.constraints) {
      Json c{{"name", uc.name}};
      if (uc.by_cells) {
        Json cells = Json::array();
        for (const auto& e : uc.cells)
          cells.push_back({{"agent", in.agents[e.agent].name},
                           {"object", in.objects[e.object].name},
                           {"coef", text(e.coef)}});
        c["cells"] = cells;
      } else {
        auto names = [&](const std::optional<std::vector<int>>& sel, bool agents_side) -> Json {
          if (!sel) return "*";
          Json list = Json::array();
          for (int k : *sel) list.push_back(agents_side ? in.agents[k].name : in.objects[k].name);
          return list;
        };
        c["agents"] = names(uc.agents, true);
        c["objects"] = names(uc.objects, false);
      }
      c["floor"] = uc.floor.str();
      if (uc.ceiling) c["ceiling"] = uc.ceiling->str();
      cs.push_back(c);
    }
    j["constraints"] = cs;
  }
  Json assignment = Json::object();
  for (int c = 0; c < in.num_cells(); ++c) {
    const Cell& cell = in.cells[c];
    const std::string& aname = in.agents[cell.agent].name;
    if (in.kind == Kind::Assignment) {
      if (in.x[c] != 0) assignment[aname][in.objects[cell.object].name] = text(in.x[c]);
    } else if (!cell.bundle.empty()) {
      assignment[aname][in.bundle_key(cell.bundle)] = text(in.x[c]);  // listed bundles, zeros included
    }
  }
  j["assignment"] = assignment;
  return j;
}

namespace {

Json bundle_json(const DecomposeInstance& in, const Bundle& b) { return in.bundle_key(b); }

std::string cell_key(const DecomposeInstance& in, int c) {
  const Cell& cell = in.cells[c];
  return in.kind == Kind::Assignment ? in.objects[cell.object].name : in.bundle_key(cell.bundle);
}

Json point_json(const DecomposeInstance& in, const LotteryPoint& p) {
  Json out = Json::object();
  for (const auto& [c, value] : p.entries)
    if (value != 0) out[in.agents[in.cells[c].agent].name][cell_key(in, c)] = text(value);
  return out;
}

}  // namespace

Json write_result_json(const DecomposeInstance& in, const DecomposeResult& r) {
  Json j;
  j["model"] = "pseudo_market";
  j["task"] = "decompose";
  j["method"] = r.method;
  j["arith"] = "exact";
  j["status"] = to_string(r.status);
  if (!r.route.empty()) j["route"] = r.route;
  j["cells"] = in.num_cells();
  if (r.enumerated) j["enumerated"] = *r.enumerated;
  if (r.status == Status::Implemented) {
    j["points"] = r.lottery.size();
    Json lottery = Json::array();
    for (const LotteryPoint& p : r.lottery)
      lottery.push_back({{"prob", text(p.prob)}, {"assignment", point_json(in, p)}});
    j["lottery"] = lottery;
    j["certificate"] = {{"type", "lottery"}};
  } else if (r.status == Status::NotImplementable) {
    const Farkas& f = *r.farkas;
    Json fj{{"weights", cell_vector_json(in, f.weights)}, {"bound", text(f.bound)}, {"value", text(f.value)}};
    if (!f.quota.empty()) fj["quota"] = f.quota;
    j["farkas"] = fj;
    j["certificate"] = {{"type", "farkas"}};
  } else {
    Json flags = Json::object();
    for (int i : r.agents_checked) flags[in.agents[i].name] = true;
    Json violations = Json::array();
    for (const MNaturalViolation& v : r.violations) {
      flags[in.agents[v.agent].name] = false;
      violations.push_back({{"agent", in.agents[v.agent].name},
                            {"A", bundle_json(in, v.A)},
                            {"B", bundle_json(in, v.B)},
                            {"j", in.objects[v.j].name}});
    }
    j["m_natural"] = flags;
    j["violations"] = violations;
    j["certificate"] = {{"type", "m_natural"}};
  }
  return j;
}

namespace {

// A bundle named in a result: goods the instance lacks contradict it (verify's exit 1).
Bundle result_bundle(const DecomposeInstance& in, const std::string& key, const JsonNode& where) {
  try {
    return read_bundle(in, key, where);
  } catch (const ResultContradiction&) {
    throw;
  } catch (const InputError& e) {
    where.contradict(e.reason());
  }
}

// {agent:{key:value}} to (cell, value) pairs sorted by cell; keys must be cells of the instance.
std::vector<std::pair<int, Rational>> read_cell_entries(const DecomposeInstance& in, const JsonNode& node,
                                                        const NameIndex& aidx, const NameIndex& oidx) {
  std::vector<std::pair<int, Rational>> v;
  for (const auto& [aname, row] : node.members()) {
    const auto i = aidx.find(aname);
    if (!i) row.contradict("unknown agent \"" + aname + "\"");
    for (const auto& [key, value] : row.members()) {
      int c;
      if (in.kind == Kind::Assignment) {
        const auto l = oidx.find(key);
        if (!l) value.contradict("unknown object \"" + key + "\"");
        c = in.cell_of(*i, *l);
      } else {
        c = in.bundle_cell(*i, result_bundle(in, key, value));
        if (c < 0)
          value.contradict("bundle \"" + key + "\" is not a cell of agent \"" + aname +
                           "\" (cells: the bundles listed for it in the instance's assignment, and \"\")");
      }
      v.emplace_back(c, value.as_rational());
    }
  }
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return v;
}

std::vector<Rational> read_cell_vector(const DecomposeInstance& in, const JsonNode& node) {
  std::vector<Rational> v(in.num_cells(), Rational(0));
  for (auto& [c, value] : read_cell_entries(in, node, agent_index(in), object_index(in)))
    v[c] = std::move(value);
  return v;
}

}  // namespace

DecomposeResult read_result_json(const DecomposeInstance& in, const JsonNode& root) {
  DecomposeResult r;
  if (auto m = root.find("method")) r.method = m->as_string();
  const JsonNode status = root.at("status");
  const std::string s = status.as_string();
  if (s == "implemented")
    r.status = Status::Implemented;
  else if (s == "not_implementable")
    r.status = Status::NotImplementable;
  else if (s == "m_natural")
    r.status = Status::MNatural;
  else if (s == "not_m_natural")
    r.status = Status::NotMNatural;
  else
    status.fail("unknown status \"" + s + "\"");
  if (auto route = root.find("route")) r.route = route->as_string();
  if (auto lottery = root.find("lottery")) {
    const NameIndex aidx = agent_index(in), oidx = object_index(in);
    for (const JsonNode& item : lottery->elements()) {
      item.expect_object({"prob", "assignment"});
      LotteryPoint p;
      p.prob = item.at("prob").as_rational();
      for (auto& [c, value] : read_cell_entries(in, item.at("assignment"), aidx, oidx))
        if (value != 0) p.entries.emplace_back(c, std::move(value));
      r.lottery.push_back(std::move(p));
    }
  }
  if (auto farkas = root.find("farkas")) {
    farkas->expect_object({"weights", "bound", "value", "quota"});
    Farkas f;
    f.weights = read_cell_vector(in, farkas->at("weights"));
    f.bound = farkas->at("bound").as_rational();
    f.value = farkas->at("value").as_rational();
    if (auto q = farkas->find("quota")) f.quota = q->as_string();
    r.farkas = std::move(f);
  }
  if (auto violations = root.find("violations")) {
    const NameIndex aidx = agent_index(in), oidx = object_index(in);
    for (const JsonNode& item : violations->elements()) {
      item.expect_object({"agent", "A", "B", "j"});
      MNaturalViolation v;
      const JsonNode agent = item.at("agent"), j = item.at("j");
      const auto i = aidx.find(agent.as_string());
      if (!i) agent.contradict("unknown agent \"" + agent.as_string() + "\"");
      v.agent = *i;
      v.A = result_bundle(in, item.at("A").as_string(), item.at("A"));
      v.B = result_bundle(in, item.at("B").as_string(), item.at("B"));
      const auto l = oidx.find(j.as_string());
      if (!l) j.contradict("unknown object \"" + j.as_string() + "\"");
      v.j = *l;
      r.violations.push_back(std::move(v));
    }
  }
  if (auto flags = root.find("m_natural")) {
    const NameIndex aidx = agent_index(in);
    for (const auto& [aname, flag] : flags->members()) {
      const auto i = aidx.find(aname);
      if (!i) flag.contradict("unknown agent \"" + aname + "\"");
      r.agents_checked.push_back(*i);
    }
  }
  return r;
}

DecomposeResultDocument read_result_document(const DecomposeInstance& in, const JsonNode& root) {
  root.expect_object({"model", "task", "method", "arith", "status", "route", "cells", "points", "enumerated",
                      "lottery", "farkas", "m_natural", "violations", "certificate", "equilab"});
  DecomposeResultDocument doc;
  // A bare certificate (a status with its lottery, weights or triples, as catalog entries state
  // them) claims its status only; a result of `solve` states every claim, all required.
  doc.bare = true;
  for (const char* key : {"task", "method", "arith", "route", "cells", "points", "enumerated", "certificate"})
    doc.bare = doc.bare && !root.find(key);
  doc.result = read_result_json(in, root);
  if (doc.bare) return doc;
  doc.task = root.at("task").as_string();
  doc.arith = root.at("arith").as_string();
  if (auto m = root.find("method")) (void)m->as_string();
  if (auto route = root.find("route")) (void)route->as_string();
  auto count = [](const JsonNode& node) -> std::int64_t {
    if (!node.raw().is_number_integer() || node.as_int() < 0) node.fail("expected a non-negative integer");
    return node.as_int();
  };
  doc.cells = count(root.at("cells"));
  if (auto c = root.find("points")) doc.points = count(*c);
  if (auto c = root.find("enumerated")) (void)count(*c);
  const JsonNode cert = root.at("certificate");
  cert.expect_object({"type"});
  doc.certificate_type = cert.at("type").as_string();
  if (auto lottery = root.find("lottery")) (void)lottery->elements();
  if (auto flags = root.find("m_natural")) {
    doc.has_m_natural = true;
    const NameIndex aidx = agent_index(in);
    for (const auto& [aname, flag] : flags->members()) {
      if (!flag.raw().is_boolean()) flag.fail("expected true or false");
      const auto i = aidx.find(aname);
      if (!i) flag.contradict("unknown agent \"" + aname + "\"");
      doc.m_natural.emplace_back(*i, flag.raw().get<bool>());
    }
  }
  return doc;
}

}  // namespace equilab::pseudo_market
