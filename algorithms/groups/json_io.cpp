// The "groups" instance format and the groups result format.
//
// Instance:
//   {"model":"groups","version":1,"name":"optional",
//    "types":[{"name":"1","mass":"1"}, ...],            // at least one; names distinct, non-empty; mass > 0
//    "min_size":2,"max_size":3,                         // integers, 1 <= min_size <= max_size
//    "value":{"kind":"table","default":"0",             // default optional ("0")
//             "groups":[{"group":["1","2","2"],"value":"9"}, ...]}}   // groups optional
//   or "value":{"kind":"pairwise","own":{"1":"1"},"pair":[{"types":["1","2"],"value":"3"}],
//               "size":{"3":"-1"}}                      // own, pair, size optional; missing entries 0
// A table group lists its members in any order (it is a multiset; stored sorted by type
// order); its size must be permitted and the same multiset may not be listed twice. A pair
// may not be listed twice in either order; a `size` key is an integer in [min_size, max_size].
// Numbers are exact: strings ("3/7", "0.125") or JSON integers. Unknown fields are errors.
//
// Result (write_result_json; read_result_json reads it back):
//   {"model":"groups","method":"welfare-lp","arith":"exact"|"double","status":"optimal",
//    "welfare":"6","group_types":16,"iterations":N,
//    "assignment":[{"group":["1","2","2"],"mass":"1/2","value":"9"}, ...],   // τ > 0, canonical order
//    "imputation":{"1":"0","2":"9/2","3":"3/2"},
//    "imputation_range":{"1":["0","0"], ...},           // only with ranges
//    "imputation_unique":true|false|null,               // null without ranges
//    "replication":6,"fractional_groups":13,            // transport only
//    "stats":{"status":"optimal","rounds":12,"columns_generated":5210,"columns_final":4400,
//             "exact_rounds":1,"seconds_double":3.2,"seconds_exact":0.8,  // seconds: runs >= 1 s only
//             "max_reduced_cost":"0","group_types":"42084793750","bound":null},  // colgen, fv-sparse only
//    "certificate":{
//      "assignment":[...same as above...],
//      "imputation":{...same as above...},
//      "ranges":{"1":{"min":{"bound":"0","witness":{"1":"0","2":"9/2","3":"3/2"},
//                            "multiplier":{"groups":[{"group":["1","1"],"x":"1/2"}],"t":"0"}},
//                     "max":{...same layout...}}, ...}}}   // only with ranges
// Every number is a canonical string (lowest terms). Reading a result: unknown top-level
// fields are ignored (tools may add metadata); the certificate is strict. The certificate's
// assignment/imputation win; the top-level copies, when present, must agree with them, and
// top-level imputation_range/imputation_unique must agree with the certificate's ranges.
// Group members of a result are read by name and sorted into type order; whether they form
// valid, distinct, permitted groups is left to the certificate checker. verify reads with
// read_result_for_verify: every claim present, assigned groups written in type order.
#include "groups/json_io.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace equilab::groups {
namespace {


std::string text(const Rational& r) { return equilab::to_string(r); }

// "[1,2,2]" with member names.
std::string group_label(const GroupsInstance& instance, const GroupType& group) {
  std::string out = "[";
  for (std::size_t k = 0; k < group.size(); ++k) {
    if (k) out += ",";
    out += instance.types[group[k]].name;
  }
  return out + "]";
}

// Canonical order of group types: size, then lexicographic.
bool canonical_less(const GroupType& a, const GroupType& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

NameIndex index_types(const GroupsInstance& instance) {
  std::vector<std::string> names;
  for (const TypeInfo& t : instance.types) names.push_back(t.name);
  return NameIndex("type", names);
}

// An array of type names as a sorted group type (no size check).
GroupType read_members(const JsonNode& node, const NameIndex& index) {
  GroupType g;
  for (const JsonNode& member : node.elements()) g.push_back(index.at(member));
  std::sort(g.begin(), g.end());
  return g;
}

int read_size(const JsonNode& node, const char* field) {
  if (!node.raw().is_number_integer() && !node.raw().is_string())
    node.fail(std::string(field) + " must be an integer");
  std::int64_t v;
  try {
    v = node.as_int();
  } catch (const InputError&) {
    node.fail(std::string(field) + " must be an integer");
  }
  if (v < 1) node.fail(std::string(field) + " must be at least 1, not " + std::to_string(v));
  if (v > INT_MAX) node.fail(std::string(field) + " " + std::to_string(v) + " is too large");
  return static_cast<int>(v);
}

std::string range_text(const GroupsInstance& instance) {
  return "[" + std::to_string(instance.min_size) + "," + std::to_string(instance.max_size) + "]";
}

TableValue read_table(const JsonNode& value, const GroupsInstance& instance, const NameIndex& index) {
  value.expect_object({"kind", "default", "groups"});
  TableValue table;
  table.default_value = 0;
  if (auto d = value.find("default")) table.default_value = d->as_rational();
  std::map<GroupType, std::string> first_seen;  // group -> pointer of its first listing
  if (auto groups = value.find("groups")) {
    for (const JsonNode& item : groups->elements()) {
      item.expect_object({"group", "value"});
      const JsonNode members = item.at("group");
      GroupType g = read_members(members, index);
      const int n = static_cast<int>(g.size());
      if (n < instance.min_size || n > instance.max_size)
        members.fail("group size " + std::to_string(n) + " outside the permitted sizes " + range_text(instance));
      Rational v = item.at("value").as_rational();
      auto [it, inserted] = first_seen.emplace(g, members.pointer());
      if (!inserted)
        members.fail("the group " + group_label(instance, g) + " is listed twice (first at " + it->second + ")");
      table.values.emplace(std::move(g), std::move(v));
    }
  }
  return table;
}

// A `size` key: a decimal integer (a huge one is clamped, it is out of range anyway).
std::optional<long long> parse_size_key(const std::string& key) {
  const std::size_t start = !key.empty() && key[0] == '-' ? 1 : 0;
  if (start == key.size()) return std::nullopt;
  for (std::size_t k = start; k < key.size(); ++k)
    if (key[k] < '0' || key[k] > '9') return std::nullopt;
  if (key.size() - start > 15) return start ? LLONG_MIN : LLONG_MAX;
  return std::stoll(key);
}

PairwiseValue read_pairwise(const JsonNode& value, const GroupsInstance& instance, const NameIndex& index) {
  value.expect_object({"kind", "own", "pair", "size"});
  PairwiseValue pw;
  pw.own.assign(instance.types.size(), Rational(0));
  if (auto own = value.find("own"))
    for (const auto& [name, v] : own->members()) pw.own[index.at(name, v)] = v.as_rational();
  if (auto pairs = value.find("pair")) {
    std::map<std::pair<int, int>, std::string> first_seen;
    for (const JsonNode& item : pairs->elements()) {
      item.expect_object({"types", "value"});
      const JsonNode types = item.at("types");
      std::vector<JsonNode> ends = types.elements();
      if (ends.size() != 2) types.fail("a pair names exactly two types, not " + std::to_string(ends.size()));
      int a = index.at(ends[0]), b = index.at(ends[1]);
      if (a > b) std::swap(a, b);
      Rational v = item.at("value").as_rational();
      auto [it, inserted] = first_seen.emplace(std::make_pair(a, b), types.pointer());
      if (!inserted)
        types.fail("duplicate pair (\"" + instance.types[a].name + "\", \"" + instance.types[b].name +
                   "\") (first at " + it->second + ")");
      pw.pair.emplace(std::make_pair(a, b), std::move(v));
    }
  }
  if (auto sizes = value.find("size")) {
    for (const auto& [key, v] : sizes->members()) {
      auto n = parse_size_key(key);
      if (!n) v.fail("size key \"" + key + "\" must be an integer");
      if (*n < instance.min_size || *n > instance.max_size)
        v.fail("size " + key + " outside the permitted sizes " + range_text(instance));
      if (!pw.size.emplace(static_cast<int>(*n), v.as_rational()).second)
        v.fail("size " + std::to_string(*n) + " is given twice");
    }
  }
  return pw;
}

Json names_json(const GroupsInstance& instance, const GroupType& group) {
  Json out = Json::array();
  for (const auto& name : group_names(instance, group)) out.push_back(name);
  return out;
}

// A vector (one entry per type) as an object keyed by type name.
Json type_vector_json(const GroupsInstance& instance, const std::vector<Rational>& values, const char* field) {
  if (values.size() != instance.types.size())
    throw std::logic_error(std::string(field) + " has " + std::to_string(values.size()) + " entries, expected " +
                           std::to_string(instance.types.size()));
  Json out = Json::object();
  for (std::size_t i = 0; i < values.size(); ++i) out[instance.types[i].name] = text(values[i]);
  return out;
}

Json assignment_json(const GroupsInstance& instance, const StableAssignment& result) {
  Json out = Json::array();
  for (const FormedGroup& f : result.assignment)
    out.push_back({{"group", names_json(instance, f.group)}, {"mass", text(f.mass)}, {"value", text(f.value)}});
  return out;
}

Json bound_json(const GroupsInstance& instance, const Rational& bound, const std::vector<Rational>& witness,
                const RangeMultiplier& m) {
  Json groups = Json::array();
  for (const auto& [g, x] : m.x) groups.push_back({{"group", names_json(instance, g)}, {"x", text(x)}});
  return {{"bound", text(bound)},
          {"witness", type_vector_json(instance, witness, "witness")},
          {"multiplier", {{"groups", std::move(groups)}, {"t", text(m.t)}}}};
}

// ---- reading results ----

// A type named in a result: a name the instance lacks contradicts the instance (verify's exit 1);
// a non-string is unreadable (exit 2).
int result_type(const NameIndex& index, const std::string& name, const JsonNode& where) {
  if (auto i = index.find(name)) return *i;
  where.contradict("unknown type \"" + name + "\"");
}
int result_type(const NameIndex& index, const JsonNode& node) { return result_type(index, node.as_string(), node); }

// An array of type names as a sorted group type. `canonical`: the names must already be in type
// order, the form results are written in (a claim has one spelling).
GroupType read_result_members(const JsonNode& node, const NameIndex& index, bool canonical) {
  GroupType g;
  for (const JsonNode& member : node.elements()) g.push_back(result_type(index, member));
  if (canonical && !std::is_sorted(g.begin(), g.end()))
    node.contradict("the members of a group are listed in type order (the instance's order of types)");
  std::sort(g.begin(), g.end());
  return g;
}

std::vector<Rational> read_type_vector(const JsonNode& node, const GroupsInstance& instance, const NameIndex& index,
                                       const char* what) {
  std::vector<Rational> out(instance.types.size());
  std::vector<bool> seen(instance.types.size(), false);
  for (const auto& [name, v] : node.members()) {
    int i = result_type(index, name, v);
    out[i] = v.as_rational();
    seen[i] = true;
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) node.fail(std::string(what) + ": missing entry for type \"" + instance.types[i].name + "\"");
  return out;
}

// `canonical`: the groups are listed once each in canonical order (size, then type order).
std::vector<FormedGroup> read_assignment(const JsonNode& node, const NameIndex& index, bool canonical) {
  std::vector<FormedGroup> out;
  for (const JsonNode& item : node.elements()) {
    item.expect_object({"group", "mass", "value"});
    FormedGroup f;
    f.group = read_result_members(item.at("group"), index, canonical);
    f.mass = item.at("mass").as_rational();
    f.value = item.at("value").as_rational();
    if (canonical && !out.empty() && !canonical_less(out.back().group, f.group))
      item.at("group").contradict("the formed groups are listed once each, by size and then in type order");
    out.push_back(std::move(f));
  }
  return out;
}

bool same_assignment(const std::vector<FormedGroup>& a, const std::vector<FormedGroup>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].group != b[k].group || a[k].mass != b[k].mass || a[k].value != b[k].value) return false;
  return true;
}

void read_bound(const JsonNode& node, const GroupsInstance& instance, const NameIndex& index, Rational& bound,
                std::vector<Rational>& witness, RangeMultiplier& m) {
  node.expect_object({"bound", "witness", "multiplier"});
  bound = node.at("bound").as_rational();
  witness = read_type_vector(node.at("witness"), instance, index, "witness");
  const JsonNode mult = node.at("multiplier");
  mult.expect_object({"groups", "t"});
  m.x.clear();
  for (const JsonNode& item : mult.at("groups").elements()) {
    item.expect_object({"group", "x"});
    m.x.emplace_back(read_result_members(item.at("group"), index, false), item.at("x").as_rational());
  }
  m.t = mult.at("t").as_rational();
}

std::vector<ImputationRange> read_ranges(const JsonNode& node, const GroupsInstance& instance,
                                         const NameIndex& index) {
  std::vector<ImputationRange> out(instance.types.size());
  std::vector<bool> seen(instance.types.size(), false);
  for (const auto& [name, entry] : node.members()) {
    int i = result_type(index, name, entry);
    entry.expect_object({"min", "max"});
    ImputationRange& r = out[i];
    read_bound(entry.at("min"), instance, index, r.min, r.witness_min, r.multiplier_min);
    read_bound(entry.at("max"), instance, index, r.max, r.witness_max, r.multiplier_max);
    seen[i] = true;
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) node.fail("ranges: missing entry for type \"" + instance.types[i].name + "\"");
  return out;
}

// Column-generation statistics. The timings are written only for runs of at least one second,
// so that results of short runs stay byte-reproducible.
Json stats_json(const ColumnStats& st) {
  Json s = {{"status", st.status},
            {"rounds", st.rounds},
            {"columns_generated", st.columns_generated},
            {"columns_final", st.columns_final},
            {"exact_rounds", st.exact_rounds},
            {"max_reduced_cost", text(st.max_reduced_cost)},
            {"group_types", st.group_types.str()}};
  if (st.seconds_double + st.seconds_exact >= 1.0) {
    s["seconds_double"] = std::round(st.seconds_double * 1000) / 1000;
    s["seconds_exact"] = std::round(st.seconds_exact * 1000) / 1000;
  }
  s["bound"] = st.bound ? Json(text(*st.bound)) : Json(nullptr);
  return s;
}

long read_long(const JsonNode& node) {
  const std::int64_t v = node.as_int();
  if (v < 0) node.fail("expected a non-negative count");
  return static_cast<long>(v);
}

double read_seconds(const JsonNode& node) {
  if (!node.raw().is_number()) node.fail("expected a number of seconds");
  const double v = node.raw().get<double>();
  if (!(v >= 0)) node.fail("expected a non-negative number of seconds");
  return v;
}

// `strict` (verify): the claims status, max_reduced_cost, group_types and bound must be present.
ColumnStats read_stats(const JsonNode& node, bool strict) {
  node.expect_object({"status", "rounds", "columns_generated", "columns_final", "exact_rounds", "seconds_double",
                      "seconds_exact", "max_reduced_cost", "group_types", "bound"});
  if (strict)
    for (const char* field : {"status", "max_reduced_cost", "group_types", "bound"})
      if (!node.find(field)) node.fail(std::string("missing required field \"") + field + "\"");
  ColumnStats st;
  if (auto n = node.find("status")) {
    st.status = n->as_string();
    if (st.status != "optimal" && st.status != "not_converged")
      n->contradict("status must be \"optimal\" or \"not_converged\", not \"" + st.status + "\"");
  }
  if (auto n = node.find("rounds")) st.rounds = read_long(*n);
  if (auto n = node.find("columns_generated")) st.columns_generated = read_long(*n);
  if (auto n = node.find("columns_final")) st.columns_final = read_long(*n);
  if (auto n = node.find("exact_rounds")) st.exact_rounds = read_long(*n);
  if (auto n = node.find("seconds_double")) st.seconds_double = read_seconds(*n);
  if (auto n = node.find("seconds_exact")) st.seconds_exact = read_seconds(*n);
  if (auto n = node.find("max_reduced_cost")) st.max_reduced_cost = n->as_rational();
  if (auto n = node.find("group_types")) {
    const std::string digits = n->as_string();  // a decimal string: the count exceeds 2^32
    if (digits.empty() || digits.size() > 1000 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      n->fail("group_types must be a decimal string of digits, not \"" + digits + "\"");
    st.group_types = Integer(digits);
  }
  if (auto n = node.find("bound"); n && !n->is_null()) st.bound = n->as_rational();
  return st;
}

std::size_t read_count(const JsonNode& node) {
  std::int64_t v = node.as_int();
  if (v < 0) node.fail("expected a non-negative count");
  return static_cast<std::size_t>(v);
}

}  // namespace

GroupsInstance read_groups_json(const JsonNode& root) {
  root.expect_model("groups");
  root.expect_object({"model", "version", "name", "types", "min_size", "max_size", "value"});

  GroupsInstance instance;
  if (auto name = root.find("name")) instance.name = name->as_string();

  const JsonNode types = root.at("types");
  NameIndex index("type");
  for (const JsonNode& item : types.elements()) {
    item.expect_object({"name", "mass"});
    const JsonNode name_node = item.at("name");
    TypeInfo t;
    t.name = name_node.as_string();
    index.add(name_node);
    const JsonNode mass_node = item.at("mass");
    t.mass = mass_node.as_rational();
    if (t.mass <= 0) mass_node.fail("mass must be positive, not " + text(t.mass));
    instance.types.push_back(std::move(t));
  }
  if (instance.types.empty()) types.fail("no types: at least one type is required");

  const JsonNode min_node = root.at("min_size");
  const JsonNode max_node = root.at("max_size");
  instance.min_size = read_size(min_node, "min_size");
  instance.max_size = read_size(max_node, "max_size");
  if (instance.min_size > instance.max_size)
    max_node.fail("max_size " + std::to_string(instance.max_size) + " < min_size " +
                  std::to_string(instance.min_size));

  const JsonNode value = root.at("value");
  const JsonNode kind = value.at("kind");
  const std::string k = kind.as_string();
  if (k == "table") instance.value = read_table(value, instance, index);
  else if (k == "pairwise") instance.value = read_pairwise(value, instance, index);
  else kind.fail("unknown value kind \"" + k + "\" (expected \"table\" or \"pairwise\")");
  return instance;
}

Json write_groups_json(const GroupsInstance& instance) {
  Json doc = {{"model", "groups"}, {"version", 1}};
  if (!instance.name.empty()) doc["name"] = instance.name;
  Json types = Json::array();
  for (const TypeInfo& t : instance.types) types.push_back({{"name", t.name}, {"mass", text(t.mass)}});
  doc["types"] = std::move(types);
  doc["min_size"] = instance.min_size;
  doc["max_size"] = instance.max_size;
  Json value;
  if (const auto* table = std::get_if<TableValue>(&instance.value)) {
    std::vector<const std::pair<const GroupType, Rational>*> entries;
    for (const auto& entry : table->values) entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return canonical_less(a->first, b->first); });
    Json groups = Json::array();
    for (const auto* e : entries) groups.push_back({{"group", names_json(instance, e->first)}, {"value", text(e->second)}});
    value = {{"kind", "table"}, {"default", text(table->default_value)}, {"groups", std::move(groups)}};
  } else {
    const auto& pw = std::get<PairwiseValue>(instance.value);
    Json own = Json::object();
    for (std::size_t i = 0; i < pw.own.size() && i < instance.types.size(); ++i)
      if (pw.own[i] != 0) own[instance.types[i].name] = text(pw.own[i]);
    Json pairs = Json::array();
    for (const auto& [ij, v] : pw.pair)
      pairs.push_back({{"types", Json::array({instance.types.at(ij.first).name, instance.types.at(ij.second).name})},
                       {"value", text(v)}});
    Json sizes = Json::object();
    for (const auto& [n, v] : pw.size) sizes[std::to_string(n)] = text(v);
    value = {{"kind", "pairwise"}, {"own", std::move(own)}, {"pair", std::move(pairs)}, {"size", std::move(sizes)}};
  }
  doc["value"] = std::move(value);
  return doc;
}

Json write_result_json(const GroupsInstance& instance, const StableAssignment& result, const std::string& method,
                       bool exact) {
  Json doc = {{"model", "groups"}, {"method", method}, {"arith", exact ? "exact" : "double"}, {"status", "optimal"}};
  doc["welfare"] = text(result.welfare);
  // At scale the count may exceed 64 bits: then only stats.group_types (a string) carries it.
  if (!result.stats || result.stats->group_types <= Integer(std::numeric_limits<std::int64_t>::max()))
    doc["group_types"] = result.group_types;
  doc["iterations"] = result.iterations;
  doc["assignment"] = assignment_json(instance, result);
  doc["imputation"] = type_vector_json(instance, result.imputation, "imputation");
  if (result.ranges) {
    if (result.ranges->size() != instance.types.size())
      throw std::logic_error("imputation ranges: " + std::to_string(result.ranges->size()) + " entries, expected " +
                             std::to_string(instance.types.size()));
    Json range = Json::object();
    for (std::size_t i = 0; i < instance.types.size(); ++i)
      range[instance.types[i].name] = Json::array({text((*result.ranges)[i].min), text((*result.ranges)[i].max)});
    doc["imputation_range"] = std::move(range);
  }
  auto unique = imputation_unique(result);
  doc["imputation_unique"] = unique ? Json(*unique) : Json(nullptr);
  if (result.replication) doc["replication"] = *result.replication;
  if (result.fractional_groups) doc["fractional_groups"] = *result.fractional_groups;
  if (result.stats) {
    doc["status"] = result.stats->status;
    doc["stats"] = stats_json(*result.stats);
  }

  Json cert = {{"assignment", doc["assignment"]}, {"imputation", doc["imputation"]}};
  if (result.ranges) {
    Json ranges = Json::object();
    for (std::size_t i = 0; i < instance.types.size(); ++i) {
      const ImputationRange& r = (*result.ranges)[i];
      ranges[instance.types[i].name] = {{"min", bound_json(instance, r.min, r.witness_min, r.multiplier_min)},
                                        {"max", bound_json(instance, r.max, r.witness_max, r.multiplier_max)}};
    }
    cert["ranges"] = std::move(ranges);
  }
  doc["certificate"] = std::move(cert);
  return doc;
}

namespace {

// Reads a result. `strict` is verify's reading: every claim must be present (the top-level
// copies, the ranges and imputation_unique, the stats of column methods) and the groups of the
// assignment must list their members in type order; without it only the certificate is needed.
// A readable result that contradicts itself (a copy that differs from the certificate, a status
// its content contradicts, a type the instance lacks) throws ResultContradiction.
StableAssignment read_result(const GroupsInstance& instance, const JsonNode& root, bool strict) {
  if (!root.raw().is_object()) root.fail("expected an object");
  auto required = [&](const char* field) {
    if (strict && !root.find(field)) root.fail(std::string("missing required field \"") + field + "\"");
  };
  for (const char* field : {"model", "method", "arith", "status", "welfare", "assignment", "imputation",
                            "imputation_unique", "certificate"})
    required(field);
  if (auto m = root.find("model"); m && m->as_string() != "groups")
    m->fail("expected \"model\": \"groups\", not \"" + m->as_string() + "\"");
  if (auto arith = root.find("arith")) {
    std::string a = arith->as_string();
    if (a != "exact" && a != "double") arith->fail("arith must be \"exact\" or \"double\", not \"" + a + "\"");
  }
  std::string method;
  if (auto m = root.find("method")) method = m->as_string();
  // colgen and fv-sparse report their stats (status, max_reduced_cost, bound are claims).
  if (strict && (method == "colgen" || method == "fv-sparse") && !root.find("stats"))
    root.fail("missing required field \"stats\" (method " + method + ")");
  std::optional<ColumnStats> stats;
  if (auto st = root.find("stats"); st && !st->is_null()) stats = read_stats(*st, strict);
  if (auto status = root.find("status")) {
    const std::string text_status = status->as_string();
    // fv-sparse may stop without convergence: the status then repeats the stats' status.
    if (text_status != "optimal" && text_status != "not_converged")
      status->contradict("status must be \"optimal\", not \"" + text_status + "\"");
    if (text_status == "not_converged" && !stats)
      status->contradict("status \"not_converged\" without stats (only fv-sparse stops without convergence)");
    if (stats && stats->status != text_status)
      status->contradict("status \"" + text_status + "\" but stats.status \"" + stats->status + "\"");
  }

  const NameIndex index = index_types(instance);
  StableAssignment s;
  s.welfare = root.at("welfare").as_rational();
  if (auto n = root.find("group_types")) s.group_types = read_count(*n);
  if (auto n = root.find("iterations")) s.iterations = n->as_int();
  if (auto n = root.find("replication"); n && !n->is_null()) {
    std::int64_t L = n->as_int();
    if (L < 1 || L > INT_MAX) n->fail("replication must be a positive integer");
    s.replication = static_cast<int>(L);
  }
  if (auto n = root.find("fractional_groups"); n && !n->is_null()) s.fractional_groups = read_count(*n);

  std::optional<std::vector<FormedGroup>> top_assignment;
  std::optional<std::vector<Rational>> top_imputation;
  if (auto a = root.find("assignment")) top_assignment = read_assignment(*a, index, strict);
  if (auto u = root.find("imputation")) top_imputation = read_type_vector(*u, instance, index, "imputation");

  std::optional<JsonNode> cert = root.find("certificate");
  if (cert) cert->expect_object({"assignment", "imputation", "ranges"});
  std::optional<JsonNode> cert_assignment = cert ? cert->find("assignment") : std::nullopt;
  std::optional<JsonNode> cert_imputation = cert ? cert->find("imputation") : std::nullopt;
  std::optional<JsonNode> cert_ranges = cert ? cert->find("ranges") : std::nullopt;
  if (strict && !cert_assignment) cert->fail("missing required field \"assignment\"");
  if (strict && !cert_imputation) cert->fail("missing required field \"imputation\"");

  if (cert_assignment) {
    s.assignment = read_assignment(*cert_assignment, index, strict);
    if (top_assignment && !same_assignment(*top_assignment, s.assignment))
      cert_assignment->contradict("certificate assignment differs from the top-level assignment");
  } else if (top_assignment) {
    s.assignment = std::move(*top_assignment);
  } else {
    root.fail("missing required field \"assignment\" (top level or in the certificate)");
  }

  if (cert_imputation) {
    s.imputation = read_type_vector(*cert_imputation, instance, index, "imputation");
    if (top_imputation && *top_imputation != s.imputation)
      cert_imputation->contradict("certificate imputation differs from the top-level imputation");
  } else if (top_imputation) {
    s.imputation = std::move(*top_imputation);
  } else {
    root.fail("missing required field \"imputation\" (top level or in the certificate)");
  }

  if (cert_ranges) s.ranges = read_ranges(*cert_ranges, instance, index);
  s.stats = std::move(stats);

  if (auto range = root.find("imputation_range")) {
    if (!s.ranges) range->contradict("imputation_range without certificate ranges (witnesses and multipliers)");
    std::vector<bool> seen(instance.types.size(), false);
    for (const auto& [name, entry] : range->members()) {
      int i = result_type(index, name, entry);
      seen[i] = true;
      std::vector<JsonNode> ends = entry.elements();
      if (ends.size() != 2) entry.fail("expected [min, max]");
      if (ends[0].as_rational() != (*s.ranges)[i].min || ends[1].as_rational() != (*s.ranges)[i].max)
        entry.contradict("imputation_range of type \"" + name + "\" differs from the certificate bounds [" +
                         text((*s.ranges)[i].min) + ", " + text((*s.ranges)[i].max) + "]");
    }
    for (std::size_t i = 0; i < seen.size() && strict; ++i)
      if (!seen[i]) range->fail("missing entry for type \"" + instance.types[i].name + "\"");
  } else if (strict && s.ranges) {
    root.contradict("the certificate has ranges but the result states no imputation_range");
  }
  if (auto unique = root.find("imputation_unique"); unique && !unique->is_null()) {
    if (!unique->raw().is_boolean()) unique->fail("expected true, false or null");
    auto computed = imputation_unique(s);
    if (!computed) unique->contradict("imputation_unique without certificate ranges");
    if (*computed != unique->raw().get<bool>())
      unique->contradict(std::string("imputation_unique is ") + (*computed ? "false" : "true") +
                         " but the certificate ranges say " + (*computed ? "true" : "false"));
  } else if (unique && strict && s.ranges) {
    unique->contradict("imputation_unique is null but the certificate has ranges (it says " +
                       std::string(*imputation_unique(s) ? "true" : "false") + ")");
  }
  return s;
}

}  // namespace

StableAssignment read_result_json(const GroupsInstance& instance, const JsonNode& root) {
  return read_result(instance, root, false);
}

StableAssignment read_result_for_verify(const GroupsInstance& instance, const JsonNode& root) {
  return read_result(instance, root, true);
}

}  // namespace equilab::groups
