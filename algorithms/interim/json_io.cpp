#include "interim/json_io.h"

#include <algorithm>
#include <map>

namespace equilab::interim {
namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

NameIndex player_index(const InterimInstance& in) {
  std::vector<std::string> names;
  for (const Player& p : in.players) names.push_back(p.name);
  return NameIndex("player", names);
}
NameIndex type_index(const InterimInstance& in, int i) { return NameIndex("type", in.players[i].types); }
NameIndex object_index(const InterimInstance& in) { return NameIndex("object", in.objects); }

// Whether a name is read from an instance or from a result. An unknown name in an instance is bad
// input; in a result it is a name the instance lacks, which contradicts the instance (verify: exit 1).
enum class Reading { Instance, Result };

int lookup(const NameIndex& index, const char* kind, const std::string& name, const JsonNode& where,
           Reading reading) {
  if (reading == Reading::Instance) return index.at(name, where);
  if (auto k = index.find(name)) return *k;
  where.contradict(std::string("unknown ") + kind + " \"" + name + "\" (the instance has none)");
}
int lookup(const NameIndex& index, const char* kind, const JsonNode& node, Reading reading) {
  return lookup(index, kind, node.as_string(), node, reading);
}

int read_count(const JsonNode& node, const char* field, std::int64_t min) {
  if (!node.raw().is_number_integer() && !node.raw().is_string())
    node.fail(std::string(field) + " must be an integer");
  std::int64_t v;
  try {
    v = node.as_int();
  } catch (const InputError&) {
    node.fail(std::string(field) + " must be an integer");
  }
  if (v < min)
    node.fail(std::string(field) + " must be at least " + std::to_string(min) + ", not " + std::to_string(v));
  if (v > 1'000'000) node.fail(std::string(field) + " " + std::to_string(v) + " is too large");
  return static_cast<int>(v);
}

std::vector<std::string> read_names(const JsonNode& node, const char* what) {
  std::vector<std::string> names;
  NameIndex seen(what);
  for (const JsonNode& item : node.elements()) {
    seen.add(item);
    names.push_back(item.as_string());
  }
  if (names.empty()) node.fail(std::string("no ") + what + "s: at least one is required");
  return names;
}

// {player:{object:q}} (omitted = 0).
Outcome read_outcome(const JsonNode& node, const InterimInstance& in, const NameIndex& players,
                     const NameIndex& objects, Reading reading) {
  const int m = in.num_objects();
  Outcome x(static_cast<std::size_t>(in.num_players()) * m, Rational(0));
  for (const auto& [pname, row] : node.members()) {
    const int i = lookup(players, "player", pname, row, reading);
    for (const auto& [oname, v] : row.members()) {
      const int j = lookup(objects, "object", oname, v, reading);
      x[i * m + j] = v.as_rational();
    }
  }
  return x;
}

Json outcome_json(const InterimInstance& in, const Outcome& x) {
  Json out = Json::object();
  const int m = in.num_objects();
  for (int i = 0; i < in.num_players(); ++i)
    for (int j = 0; j < m; ++j)
      if (x[i * m + j] != 0) out[in.players[i].name][in.objects[j]] = text(x[i * m + j]);
  return out;
}

// A vector on Z: every triple exactly once; single-good kinds may give a number per type.
std::vector<Rational> read_z_vector(const JsonNode& node, const InterimInstance& in, bool allow_plain,
                                    Reading reading = Reading::Instance) {
  std::vector<Rational> out(in.num_triples());
  std::vector<bool> seen(in.num_triples(), false);
  const NameIndex players = player_index(in), objects = object_index(in);
  if (!node.raw().is_object()) node.fail("expected an object keyed by player");
  for (const auto& [pname, per_type] : node.members()) {
    const int i = lookup(players, "player", pname, per_type, reading);
    const NameIndex types = type_index(in, i);
    if (!per_type.raw().is_object()) per_type.fail("expected an object keyed by type");
    for (const auto& [tname, value] : per_type.members()) {
      const int tau = lookup(types, "type", tname, value, reading);
      if (allow_plain && in.single_good() && !value.raw().is_object()) {
        const int z = in.z_index(i, tau, 0);
        out[z] = value.as_rational();
        seen[z] = true;
        continue;
      }
      if (!value.raw().is_object()) value.fail("expected an object keyed by object");
      for (const auto& [oname, v] : value.members()) {
        const int z = in.z_index(i, tau, lookup(objects, "object", oname, v, reading));
        out[z] = v.as_rational();
        seen[z] = true;
      }
    }
  }
  for (int z = 0; z < in.num_triples(); ++z)
    if (!seen[z]) {
      const Triple t = in.triple(z);
      node.fail("missing the triple (object \"" + in.objects[t.object] + "\", player \"" +
                in.players[t.player].name + "\", type \"" + in.players[t.player].types[t.type] + "\")");
    }
  return out;
}

void read_outcomes(const JsonNode& node, InterimInstance& in, const NameIndex& players) {
  const JsonNode kind = node.at("kind");
  const std::string k = kind.as_string();
  const int n = in.num_players();
  if (k == "explicit") {
    node.expect_object({"kind", "objects", "list"});
    in.kind = OutcomeKind::Explicit;
    in.objects = read_names(node.at("objects"), "object");
    const NameIndex objects = object_index(in);
    const JsonNode list = node.at("list");
    std::map<Outcome, std::string> first;
    for (const JsonNode& item : list.elements()) {
      Outcome x = read_outcome(item, in, players, objects, Reading::Instance);
      auto [it, inserted] = first.emplace(x, item.pointer());
      if (!inserted) item.fail("duplicate outcome (first at " + it->second + ")");
      in.explicit_list.push_back(std::move(x));
    }
    if (in.explicit_list.empty()) list.fail("empty outcome list: X needs at least one outcome");
  } else if (k == "knapsack") {
    node.expect_object({"kind", "capacity", "size"});
    in.kind = OutcomeKind::Knapsack;
    in.objects = {"good"};
    const JsonNode cap = node.at("capacity");
    in.capacity = cap.as_rational();
    if (in.capacity <= 0) cap.fail("capacity must be positive, not " + text(in.capacity));
    const JsonNode size = node.at("size");
    in.size.assign(n, Rational(0));
    std::vector<bool> seen(n, false);
    for (const auto& [pname, v] : size.members()) {
      const int i = players.at(pname, v);
      in.size[i] = v.as_rational();
      if (in.size[i] <= 0) v.fail("size must be positive, not " + text(in.size[i]));
      seen[i] = true;
    }
    for (int i = 0; i < n; ++i)
      if (!seen[i]) size.fail("missing the size of player \"" + in.players[i].name + "\"");
  } else if (k == "multiunit") {
    node.expect_object({"kind", "units"});
    in.kind = OutcomeKind::Multiunit;
    in.objects = {"good"};
    in.units = read_count(node.at("units"), "units", 1);
  } else if (k == "ranked_quota") {
    node.expect_object({"kind", "qualities", "group1", "top", "quota"});
    in.kind = OutcomeKind::RankedQuota;
    in.objects = {"good"};
    const JsonNode q = node.at("qualities");
    for (const JsonNode& v : q.elements()) {
      Rational r = v.as_rational();
      if (r <= 0) v.fail("qualities must be positive, not " + text(r));
      if (!in.qualities.empty() && r > in.qualities.back())
        v.fail("qualities must be non-increasing (ρ_1 >= ... >= ρ_n), but " + text(r) + " > " +
               text(in.qualities.back()));
      in.qualities.push_back(std::move(r));
    }
    if (static_cast<int>(in.qualities.size()) != n)
      q.fail("expected one quality per player (" + std::to_string(n) + "), not " +
             std::to_string(in.qualities.size()));
    in.group1.assign(n, false);
    const JsonNode g = node.at("group1");
    for (const JsonNode& item : g.elements()) {
      const int i = players.at(item.as_string(), item);
      if (in.group1[i]) item.fail("duplicate player \"" + item.as_string() + "\" in group1");
      in.group1[i] = true;
    }
    const int g1 = static_cast<int>(std::count(in.group1.begin(), in.group1.end(), true));
    const JsonNode top = node.at("top"), quota = node.at("quota");
    in.top = read_count(top, "top", 0);
    in.quota = read_count(quota, "quota", 0);
    if (in.top > n)
      top.fail("top " + std::to_string(in.top) + " exceeds the number of players " + std::to_string(n));
    if (in.quota > in.top)
      quota.fail("quota " + std::to_string(in.quota) + " exceeds top " + std::to_string(in.top));
    if (in.quota > g1)
      quota.fail("quota " + std::to_string(in.quota) + " exceeds the size of group1 " + std::to_string(g1));
  } else if (k == "matching") {
    node.expect_object({"kind", "objects", "unit_demand"});
    in.kind = OutcomeKind::Matching;
    in.objects = read_names(node.at("objects"), "object");
    const JsonNode d = node.at("unit_demand");
    const std::string demand = d.as_string();
    if (demand == "exact")
      in.exact_demand = true;
    else if (demand == "at_most")
      in.exact_demand = false;
    else
      d.fail("unit_demand must be \"exact\" or \"at_most\", not \"" + demand + "\"");
    if (in.exact_demand && n > in.num_objects())
      d.fail("exact unit demand needs at least as many objects as players (" + std::to_string(n) +
             " players, " + std::to_string(in.num_objects()) + " objects)");
  } else {
    kind.fail("unknown outcome kind \"" + k +
              "\" (expected explicit, knapsack, multiunit, ranked_quota or matching)");
  }
}

}  // namespace

InterimInstance read_interim_json(const JsonNode& root, std::uint64_t max_profiles) {
  root.expect_model("interim");
  root.expect_object({"model", "version", "name", "players", "prior", "outcomes", "interim", "weights"});

  InterimInstance in;
  if (auto name = root.find("name")) in.name = name->as_string();
  const std::optional<JsonNode> prior = root.find("prior");
  in.independent = !prior.has_value();

  const JsonNode players = root.at("players");
  NameIndex pindex("player");
  for (const JsonNode& item : players.elements()) {
    item.expect_object({"name", "types"});
    Player p;
    pindex.add(item.at("name"));
    p.name = item.at("name").as_string();
    const JsonNode types = item.at("types");
    std::vector<Rational> probs;
    Rational sum = 0;
    NameIndex seen("type");
    for (const JsonNode& t : types.elements()) {
      t.expect_object({"name", "prob"});
      seen.add(t.at("name"));
      p.types.push_back(t.at("name").as_string());
      if (in.independent) {
        const JsonNode prob = t.at("prob");
        Rational r = prob.as_rational();
        if (r <= 0) prob.fail("prob must be positive, not " + text(r));
        sum += r;
        probs.push_back(std::move(r));
      } else if (auto prob = t.find("prob")) {
        prob->fail("a type has no prob when the prior is joint (give it in /prior/joint)");
      }
    }
    if (p.types.empty()) types.fail("no types: every player needs at least one");
    if (in.independent && sum != 1) types.fail("the type probabilities sum to " + text(sum) + ", not 1");
    in.players.push_back(std::move(p));
    in.type_prob.push_back(std::move(probs));
  }
  if (in.players.empty()) players.fail("no players: at least one is required");

  // Prior: count the profiles before listing or checking them.
  try {
    if (in.independent) {
      finish_prior(in, max_profiles);
    } else {
      prior->expect_object({"joint"});
      std::uint64_t count = 1;
      for (const auto& p : in.players) {
        count *= p.types.size();
        if (count > max_profiles)
          throw EnumerationLimit(
              "more than " + std::to_string(max_profiles) +
              " type profiles exceed the enumeration limit; raise it with --max-enumeration");
      }
      const JsonNode joint = prior->at("joint");
      std::vector<Rational> prob(count);
      std::vector<std::string> where(count);
      std::vector<NameIndex> tindex;
      for (int i = 0; i < in.num_players(); ++i) tindex.push_back(type_index(in, i));
      Rational sum = 0;
      for (const JsonNode& item : joint.elements()) {
        item.expect_object({"profile", "prob"});
        const JsonNode prof = item.at("profile");
        std::vector<int> t(in.num_players(), -1);
        for (const auto& [pname, tnode] : prof.members()) {
          const int i = pindex.at(pname, tnode);
          t[i] = tindex[i].at(tnode);
        }
        std::uint64_t k = 0;
        for (int i = 0; i < in.num_players(); ++i) {
          if (t[i] < 0) prof.fail("the profile has no type for player \"" + in.players[i].name + "\"");
          k = k * in.players[i].types.size() + t[i];
        }
        if (!where[k].empty()) prof.fail("the profile is listed twice (first at " + where[k] + ")");
        where[k] = prof.pointer();
        const JsonNode pn = item.at("prob");
        Rational r = pn.as_rational();
        if (r <= 0) pn.fail("prob must be positive (the prior has full support), not " + text(r));
        sum += r;
        prob[k] = std::move(r);
      }
      for (std::uint64_t k = 0; k < count; ++k) {
        std::vector<int> t(in.num_players());
        std::uint64_t rest = k;
        for (int i = in.num_players() - 1; i >= 0; --i) {
          t[i] = static_cast<int>(rest % in.players[i].types.size());
          rest /= in.players[i].types.size();
        }
        if (where[k].empty()) {
          std::string label;
          for (int i = 0; i < in.num_players(); ++i)
            label += (i ? ", " : "") + in.players[i].name + ":" + in.players[i].types[t[i]];
          joint.fail("the profile (" + label + ") is missing (the prior must list every profile)");
        }
        in.profiles.push_back(std::move(t));
        in.profile_prob.push_back(prob[k]);
      }
      if (sum != 1) joint.fail("the profile probabilities sum to " + text(sum) + ", not 1");
      finish_prior(in, max_profiles);
    }
  } catch (const EnumerationLimit& e) {
    throw InputError(root.file(), "--max-enumeration", e.what());
  }

  read_outcomes(root.at("outcomes"), in, pindex);
  in.interim = read_z_vector(root.at("interim"), in, true);
  if (auto w = root.find("weights")) in.weights = read_z_vector(*w, in, true);
  return in;
}

Json z_vector_json(const InterimInstance& in, const std::vector<Rational>& values) {
  Json out = Json::object();
  for (int z = 0; z < in.num_triples(); ++z) {
    const Triple t = in.triple(z);
    out[in.players[t.player].name][in.players[t.player].types[t.type]][in.objects[t.object]] =
        text(values[z]);
  }
  return out;
}

Json members_json(const InterimInstance& in, TestSet s) {
  Json out = Json::array();
  for (int z : members_of(s)) {
    const Triple t = in.triple(z);
    out.push_back({{"player", in.players[t.player].name},
                   {"type", in.players[t.player].types[t.type]},
                   {"object", in.objects[t.object]}});
  }
  return out;
}

Json write_interim_json(const InterimInstance& in) {
  Json doc = {{"model", "interim"}, {"version", 1}};
  if (!in.name.empty()) doc["name"] = in.name;
  Json players = Json::array();
  for (int i = 0; i < in.num_players(); ++i) {
    Json types = Json::array();
    for (std::size_t k = 0; k < in.players[i].types.size(); ++k) {
      Json t = {{"name", in.players[i].types[k]}};
      if (in.independent) t["prob"] = text(in.type_prob[i][k]);
      types.push_back(std::move(t));
    }
    players.push_back({{"name", in.players[i].name}, {"types", std::move(types)}});
  }
  doc["players"] = std::move(players);
  if (!in.independent) {
    Json joint = Json::array();
    for (int k = 0; k < in.num_profiles(); ++k) {
      Json prof = Json::object();
      for (int i = 0; i < in.num_players(); ++i)
        prof[in.players[i].name] = in.players[i].types[in.profiles[k][i]];
      joint.push_back({{"profile", std::move(prof)}, {"prob", text(in.profile_prob[k])}});
    }
    doc["prior"] = {{"joint", std::move(joint)}};
  }
  Json o = {{"kind", to_string(in.kind)}};
  switch (in.kind) {
    case OutcomeKind::Explicit: {
      o["objects"] = in.objects;
      Json list = Json::array();
      for (const Outcome& x : in.explicit_list) list.push_back(outcome_json(in, x));
      o["list"] = std::move(list);
      break;
    }
    case OutcomeKind::Knapsack: {
      o["capacity"] = text(in.capacity);
      Json size = Json::object();
      for (int i = 0; i < in.num_players(); ++i) size[in.players[i].name] = text(in.size[i]);
      o["size"] = std::move(size);
      break;
    }
    case OutcomeKind::Multiunit:
      o["units"] = in.units;
      break;
    case OutcomeKind::RankedQuota: {
      Json q = Json::array(), g = Json::array();
      for (const Rational& r : in.qualities) q.push_back(text(r));
      for (int i = 0; i < in.num_players(); ++i)
        if (in.group1[i]) g.push_back(in.players[i].name);
      o["qualities"] = std::move(q);
      o["group1"] = std::move(g);
      o["top"] = in.top;
      o["quota"] = in.quota;
      break;
    }
    case OutcomeKind::Matching:
      o["objects"] = in.objects;
      o["unit_demand"] = in.exact_demand ? "exact" : "at_most";
      break;
  }
  doc["outcomes"] = std::move(o);
  doc["interim"] = z_vector_json(in, in.interim);
  if (in.weights) doc["weights"] = z_vector_json(in, *in.weights);
  return doc;
}

namespace {

Json prices_json(const InterimInstance& in, const std::vector<std::pair<TestSet, Rational>>& prices) {
  Json out = Json::array();
  for (const auto& [s, p] : prices) out.push_back({{"members", members_json(in, s)}, {"price", text(p)}});
  return out;
}

TestSet read_members(const JsonNode& node, const InterimInstance& in) {
  const NameIndex players = player_index(in), objects = object_index(in);
  TestSet s = 0;
  for (const JsonNode& m : node.elements()) {
    m.expect_object({"player", "type", "object"});
    const int i = lookup(players, "player", m.at("player"), Reading::Result);
    const int tau = lookup(type_index(in, i), "type", m.at("type"), Reading::Result);
    const int j = lookup(objects, "object", m.at("object"), Reading::Result);
    const int z = in.z_index(i, tau, j);
    if (z >= 62) m.fail("test sets over more than 62 triples are not supported");
    if (s >> z & 1) m.contradict("the member " + in.triple_label(z) + " is listed twice");
    s |= TestSet{1} << z;
  }
  return s;
}

std::vector<std::pair<TestSet, Rational>> read_prices(const JsonNode& node, const InterimInstance& in) {
  std::vector<std::pair<TestSet, Rational>> out;
  for (const JsonNode& item : node.elements()) {
    item.expect_object({"members", "price"});
    out.emplace_back(read_members(item.at("members"), in), item.at("price").as_rational());
  }
  return out;
}

Status read_status(const JsonNode& node) {
  const std::string s = node.as_string();
  if (s == "feasible") return Status::Feasible;
  if (s == "infeasible") return Status::Infeasible;
  if (s == "border_satisfied") return Status::BorderSatisfied;
  if (s == "inconclusive") return Status::Inconclusive;
  node.fail("unknown status \"" + s + "\"");
}

}  // namespace

Json write_result_json(const InterimInstance& in, const InterimResult& r) {
  Json doc = {
      {"model", "interim"}, {"method", r.method}, {"arith", "exact"}, {"status", to_string(r.status)}};
  if (r.outcomes) doc["outcomes"] = *r.outcomes;
  if (r.test_sets) doc["test_sets"] = *r.test_sets;
  if (r.vertices) doc["vertices"] = *r.vertices;
  Json cert = Json::object();
  if (r.status == Status::Feasible) {
    Json ex = Json::array();
    for (int k = 0; k < in.num_profiles(); ++k) {
      Json prof = Json::object();
      for (int i = 0; i < in.num_players(); ++i)
        prof[in.players[i].name] = in.players[i].types[in.profiles[k][i]];
      Json lottery = Json::array();
      for (const LotteryItem& item : r.ex_post.at(k))
        lottery.push_back({{"prob", text(item.prob)}, {"outcome", outcome_json(in, item.outcome)}});
      ex.push_back({{"profile", std::move(prof)}, {"lottery", std::move(lottery)}});
    }
    cert["ex_post"] = std::move(ex);
  }
  if (r.separating)
    cert["separating_weights"] = {{"weights", z_vector_json(in, r.separating->weights)},
                                  {"interim_value", text(r.separating->interim_value)},
                                  {"bound", text(r.separating->bound)}};
  if (r.test_set)
    cert["test_set"] = {{"side", r.test_set->ceiling ? "ceiling" : "floor"},
                        {"members", members_json(in, r.test_set->members)},
                        {"lhs", text(r.test_set->lhs)},
                        {"bound", text(r.test_set->bound)}};
  if (r.weighted) {
    Json w = {{"interim_value", text(r.weighted->interim_value)},
              {"feasible_max", text(r.weighted->feasible_max)}};
    if (const auto& bm = r.weighted->border_max) {
      w["border_max"] = text(bm->value);
      cert["border_max"] = {
          {"value", text(bm->value)},
          {"primal", z_vector_json(in, bm->primal)},
          {"dual", {{"plus", prices_json(in, bm->plus)}, {"minus", prices_json(in, bm->minus)}}}};
    }
    doc["weighted"] = std::move(w);
  }
  if (r.shadow_prices) {
    Json qbar = Json::array();
    for (int k = 0; k < in.num_profiles(); ++k) {
      Json prof = Json::object();
      for (int i = 0; i < in.num_players(); ++i)
        prof[in.players[i].name] = in.players[i].types[in.profiles[k][i]];
      qbar.push_back(
          {{"profile", std::move(prof)}, {"outcome", outcome_json(in, r.shadow_prices->qbar.at(k))}});
    }
    cert["shadow_prices"] = {{"qbar", std::move(qbar)},
                             {"plus", prices_json(in, r.shadow_prices->plus)},
                             {"minus", prices_json(in, r.shadow_prices->minus)}};
  }
  doc["certificate"] = std::move(cert);
  return doc;
}

namespace {

// The profile a result names ({player: type}, every player once): the index of that profile in the
// instance's prior. A type the player lacks contradicts the instance.
int read_profile(const JsonNode& prof, const InterimInstance& in, const NameIndex& players,
                 const std::vector<NameIndex>& types, const std::map<std::vector<int>, int>& profile_of) {
  std::vector<int> t(in.num_players(), -1);
  for (const auto& [pname, tnode] : prof.members()) {
    const int i = lookup(players, "player", pname, tnode, Reading::Result);
    t[i] = lookup(types[i], "type", tnode, Reading::Result);
  }
  for (int i = 0; i < in.num_players(); ++i)
    if (t[i] < 0) prof.fail("no type for player \"" + in.players[i].name + "\"");
  auto it = profile_of.find(t);
  if (it == profile_of.end()) prof.contradict("not a profile of the prior");
  return it->second;
}

// One entry per profile of the prior, each read by `read_one(item, k)`; a profile listed twice
// contradicts the result, a missing one is a missing field.
template <class ReadOne>
void read_per_profile(const JsonNode& list, const InterimInstance& in, const char* what, ReadOne read_one) {
  const NameIndex players = player_index(in);
  std::vector<NameIndex> types;
  for (int i = 0; i < in.num_players(); ++i) types.push_back(type_index(in, i));
  std::map<std::vector<int>, int> profile_of;
  for (int k = 0; k < in.num_profiles(); ++k) profile_of.emplace(in.profiles[k], k);
  std::vector<std::string> seen(in.num_profiles());
  for (const JsonNode& item : list.elements()) {
    const JsonNode prof = item.at("profile");
    const int k = read_profile(prof, in, players, types, profile_of);
    if (!seen[k].empty()) prof.contradict("the profile is listed twice (first at " + seen[k] + ")");
    seen[k] = prof.pointer();
    read_one(item, k);
  }
  for (int k = 0; k < in.num_profiles(); ++k)
    if (seen[k].empty()) list.fail("profile " + std::to_string(k) + " has no " + what);
}

}  // namespace

InterimResult read_result_json(const InterimInstance& in, const JsonNode& root) {
  if (!root.raw().is_object()) root.fail("expected an object");
  if (auto m = root.find("model"); m && m->as_string() != "interim")
    m->fail("expected \"model\": \"interim\", not \"" + m->as_string() + "\"");
  // "arith" and "method" are required: the method fixes which claims the result must state.
  const JsonNode arith = root.at("arith");
  if (arith.as_string() != "exact")
    arith.fail("the interim family is exact only: \"arith\" must be \"exact\", not \"" + arith.as_string() +
               "\"");
  InterimResult r;
  const JsonNode method = root.at("method");
  r.method = method.as_string();
  if (r.method != "lp" && r.method != "border" && r.method != "greedy")
    method.fail("unknown method \"" + r.method + "\" (expected lp, border or greedy)");
  r.status = read_status(root.at("status"));
  if (auto n = root.find("test_sets")) r.test_sets = static_cast<std::uint64_t>(n->as_int());
  if (auto n = root.find("outcomes")) r.outcomes = static_cast<std::uint64_t>(n->as_int());
  if (auto n = root.find("vertices")) r.vertices = static_cast<std::uint64_t>(n->as_int());
  const JsonNode cert = root.at("certificate");
  cert.expect_object({"ex_post", "separating_weights", "test_set", "border_max", "shadow_prices"});
  const NameIndex players = player_index(in), objects = object_index(in);
  if (auto ex = cert.find("ex_post")) {
    r.ex_post.assign(in.num_profiles(), {});
    read_per_profile(*ex, in, "lottery", [&](const JsonNode& item, int k) {
      item.expect_object({"profile", "lottery"});
      for (const JsonNode& li : item.at("lottery").elements()) {
        li.expect_object({"prob", "outcome"});
        r.ex_post[k].push_back({li.at("prob").as_rational(),
                                read_outcome(li.at("outcome"), in, players, objects, Reading::Result)});
      }
    });
  }
  if (auto sp = cert.find("shadow_prices")) {
    sp->expect_object({"qbar", "plus", "minus"});
    ShadowPrices p;
    p.qbar.assign(in.num_profiles(), {});
    read_per_profile(sp->at("qbar"), in, "qbar", [&](const JsonNode& item, int k) {
      item.expect_object({"profile", "outcome"});
      p.qbar[k] = read_outcome(item.at("outcome"), in, players, objects, Reading::Result);
    });
    p.plus = read_prices(sp->at("plus"), in);
    p.minus = read_prices(sp->at("minus"), in);
    r.shadow_prices = std::move(p);
  }
  if (auto sw = cert.find("separating_weights")) {
    sw->expect_object({"weights", "interim_value", "bound"});
    r.separating = SeparatingWeights{read_z_vector(sw->at("weights"), in, false, Reading::Result),
                                     sw->at("interim_value").as_rational(), sw->at("bound").as_rational()};
  }
  if (auto ts = cert.find("test_set")) {
    ts->expect_object({"side", "members", "lhs", "bound"});
    TestSetViolation v;
    const JsonNode side = ts->at("side");
    if (side.as_string() == "ceiling")
      v.ceiling = true;
    else if (side.as_string() == "floor")
      v.ceiling = false;
    else
      side.fail("side must be \"ceiling\" or \"floor\"");
    v.members = read_members(ts->at("members"), in);
    v.lhs = ts->at("lhs").as_rational();
    v.bound = ts->at("bound").as_rational();
    r.test_set = v;
  }
  const std::optional<JsonNode> w = root.find("weighted");
  const std::optional<JsonNode> bm = cert.find("border_max");
  if (w) {
    w->expect_object({"interim_value", "feasible_max", "border_max"});
    Weighted wt{w->at("interim_value").as_rational(), w->at("feasible_max").as_rational(), std::nullopt};
    const std::optional<JsonNode> top = w->find("border_max");
    if (top && !bm) top->contradict("border_max is stated without its certificate (/certificate/border_max)");
    if (bm) {
      bm->expect_object({"value", "primal", "dual"});
      BorderMax b;
      b.value = bm->at("value").as_rational();
      if (!top) bm->contradict("a certificate of border_max, but /weighted states no border_max");
      if (top->as_rational() != b.value)
        top->contradict("border_max " + text(top->as_rational()) +
                        " differs from the certificate's border_max value " + text(b.value));
      b.primal = read_z_vector(bm->at("primal"), in, false, Reading::Result);
      const JsonNode dual = bm->at("dual");
      dual.expect_object({"plus", "minus"});
      b.plus = read_prices(dual.at("plus"), in);
      b.minus = read_prices(dual.at("minus"), in);
      wt.border_max = std::move(b);
    }
    r.weighted = std::move(wt);
  } else if (bm) {
    bm->contradict("a certificate of border_max, but the result states no weighted values");
  }
  // The claims each method states (README "Result fields"): lp counts X and, with weights, gives
  // the weighted values with border_max; greedy gives the weighted values with weights.
  if (r.method == "lp") root.at("outcomes");
  if (in.weights && (r.method == "lp" || r.method == "greedy")) {
    const JsonNode wn = root.at("weighted");  // missing: "missing required field"
    if (r.method == "lp") wn.at("border_max");
  }
  return r;
}

}  // namespace equilab::interim
