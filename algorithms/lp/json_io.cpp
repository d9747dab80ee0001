// The "lp" instance format and the LP result format.
//
// Instance:
//   {"model":"lp","version":1,"sense":"max"|"min","name":"optional",
//    "variables":[{"name":"x","lower":"0","upper":"5"}, ...],
//    "objective":{"x":"3", ...},
//    "constraints":[{"name":"c1","coef":{"x":"1"},"op":"<=","rhs":"4"}, ...]}
// `lower` absent = 0, `lower: null` = -infinity; `upper` absent or null = +infinity.
// "objective" and "constraints" may be omitted (zero objective, no rows).
//
// Result: {"model":"lp","method":..,"arith":"exact"|"double","status":..,
//          "objective":..(optimal only),"primal":{..},"dual":{..},"reduced_costs":{..},
//          "iterations":N,"certificate":{..}}; vectors are objects keyed by name and empty
// vectors are omitted. Every value is a string in lowest terms; a double is written as
// its exact rational value. When reading a result, unknown top-level fields are
// ignored (tools may add metadata such as timings); the certificate object is strict.
// read_result_to_verify adds what verify requires: the answer's fields for its status and none of
// another status's.
#include "lp/json_io.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unordered_map>

#include "lp/mps.h"

namespace equilab::lp {
namespace {

using NameIndex = std::unordered_map<std::string, int>;

// A non-empty name read from `node`.
std::string read_name(const JsonNode& node) {
  std::string name = node.as_string();
  if (name.empty()) node.fail("empty name");
  return name;
}

Sense read_sense(const JsonNode& node) {
  std::string s = node.as_string();
  if (s == "max") return Sense::Maximize;
  if (s == "min") return Sense::Minimize;
  node.fail("sense must be \"max\" or \"min\", not \"" + s + "\"");
}

RowOp read_op(const JsonNode& node) {
  std::string s = node.as_string();
  if (s == "<=") return RowOp::LessEqual;
  if (s == ">=") return RowOp::GreaterEqual;
  if (s == "=") return RowOp::Equal;
  node.fail("unknown op \"" + s + "\" (expected \"<=\", \">=\" or \"=\")");
}

// A bound: absent gives `absent`, null gives infinity (nullopt), otherwise the number.
std::optional<Rational> read_bound(const JsonNode& var, std::string_view key,
                                   std::optional<Rational> absent) {
  auto node = var.find(key);
  if (!node) return absent;
  if (node->is_null()) return std::nullopt;
  return node->as_rational();
}

Variable read_variable(const JsonNode& node) {
  node.expect_object({"name", "lower", "upper"});
  Variable v;
  v.name = read_name(node.at("name"));
  v.lower = read_bound(node, "lower", Rational(0));
  v.upper = read_bound(node, "upper", std::nullopt);
  if (v.lower && v.upper && *v.lower > *v.upper)
    node.fail("inconsistent bounds: lower " + equilab::to_string(*v.lower) + " > upper " +
              equilab::to_string(*v.upper));
  return v;
}

// Looks up a variable named by an object key; `where` is the node holding its value.
int variable_index(const NameIndex& index, const std::string& name, const JsonNode& where) {
  auto it = index.find(name);
  if (it == index.end()) where.fail("unknown variable \"" + name + "\"");
  return it->second;
}

Constraint read_constraint(const JsonNode& node, const NameIndex& vars) {
  node.expect_object({"name", "coef", "op", "rhs"});
  Constraint c;
  c.name = read_name(node.at("name"));
  for (const auto& [name, value] : node.at("coef").members())
    c.coef.emplace_back(variable_index(vars, name, value), value.as_rational());
  c.op = read_op(node.at("op"));
  c.rhs = node.at("rhs").as_rational();
  return c;
}

void read_header(const JsonNode& root) {
  root.expect_model("lp");
  if (auto name = root.find("name")) name->as_string();
}

Json bound_json(const std::optional<Rational>& bound) {
  return bound ? rational_json(*bound) : Json(nullptr);
}

// ---- result documents ----

// The exact text of a value: Rational as is, a finite double as its exact dyadic value.
std::string exact_text(const Rational& value) { return equilab::to_string(value); }
std::string exact_text(double value) { return equilab::to_string(rational_from_double(value)); }

template <class T>
std::string value_text(const T& value, const std::string& field, const std::string& name) {
  try {
    return exact_text(value);
  } catch (const std::invalid_argument&) {
    throw std::runtime_error("cannot write non-finite value of " + field + " \"" + name + "\"");
  }
}

// A vector as an object keyed by the given names.
template <class T, class Item>
Json named_vector(const std::vector<T>& values, const std::vector<Item>& items, const std::string& field) {
  if (values.size() != items.size())
    throw std::logic_error(field + " has " + std::to_string(values.size()) + " entries, expected " +
                           std::to_string(items.size()));
  Json out = Json::object();
  for (std::size_t i = 0; i < values.size(); ++i)
    out[items[i].name] = value_text(values[i], field, items[i].name);
  if (out.size() != items.size()) throw std::logic_error(field + ": the model has duplicate names");
  return out;
}

// Adds `values` under `key` unless the vector is empty.
template <class T, class Item>
void put_vector(Json& doc, const char* key, const std::vector<T>& values, const std::vector<Item>& items) {
  if (!values.empty()) doc[key] = named_vector(values, items, key);
}

Status read_status(const JsonNode& node) {
  std::string s = node.as_string();
  if (s == "optimal") return Status::Optimal;
  if (s == "infeasible") return Status::Infeasible;
  if (s == "unbounded") return Status::Unbounded;
  node.fail("unknown status \"" + s + "\" (expected optimal, infeasible or unbounded)");
}

template <class Item>
NameIndex index_names(const std::vector<Item>& items) {
  NameIndex index;
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].name, static_cast<int>(i));
  return index;
}

// An object keyed by names of `items`: every key must be known and every item present.
template <class Item>
std::vector<Rational> read_named_vector(const JsonNode& node, const std::vector<Item>& items,
                                        const NameIndex& index, const char* kind) {
  std::vector<Rational> out(items.size());
  std::vector<bool> seen(items.size(), false);
  for (const auto& [name, value] : node.members()) {
    auto it = index.find(name);
    if (it == index.end())
      value.contradict(std::string("unknown ") + kind + " \"" + name + "\" (the instance has none)");
    out[it->second] = value.as_rational();
    seen[it->second] = true;
  }
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!seen[i]) node.fail(std::string("missing entry for ") + kind + " \"" + items[i].name + "\"");
  return out;
}

struct ResultReader {
  const LpModel& model;
  NameIndex vars = index_names(model.variables);
  NameIndex rows = index_names(model.constraints);

  std::vector<Rational> variables(const std::optional<JsonNode>& node) const {
    return node ? read_named_vector(*node, model.variables, vars, "variable") : std::vector<Rational>{};
  }
  std::vector<Rational> constraints(const std::optional<JsonNode>& node) const {
    return node ? read_named_vector(*node, model.constraints, rows, "row") : std::vector<Rational>{};
  }
};

// A vector given both at top level and in the certificate must agree.
std::vector<Rational> merge_vector(std::vector<Rational> top, std::vector<Rational> cert,
                                   const std::optional<JsonNode>& cert_node, const char* field) {
  if (cert.empty()) return top;
  if (!top.empty() && top != cert)
    cert_node->contradict(std::string("certificate ") + field + " differs from the top-level " + field);
  return cert;
}

}  // namespace

LpModel read_lp_json(const JsonNode& root) {
  root.expect_object(
      {"model", "version", "sense", "name", "variables", "objective", "objective_constant", "constraints"});
  read_header(root);
  LpModel model;
  model.sense = read_sense(root.at("sense"));

  NameIndex vars;
  for (const JsonNode& node : root.at("variables").elements()) {
    Variable v = read_variable(node);
    if (!vars.emplace(v.name, model.num_vars()).second)
      node.at("name").fail("duplicate variable name \"" + v.name + "\"");
    model.variables.push_back(std::move(v));
  }

  model.objective.assign(model.variables.size(), Rational(0));
  if (auto objective = root.find("objective"))
    for (const auto& [name, value] : objective->members())
      model.objective[variable_index(vars, name, value)] = value.as_rational();
  if (auto constant = root.find("objective_constant")) model.objective_constant = constant->as_rational();

  if (auto constraints = root.find("constraints")) {
    std::unordered_map<std::string, int> rows;
    for (const JsonNode& node : constraints->elements()) {
      Constraint c = read_constraint(node, vars);
      if (!rows.emplace(c.name, model.num_rows()).second)
        node.at("name").fail("duplicate constraint name \"" + c.name + "\"");
      model.constraints.push_back(std::move(c));
    }
  }
  normalize_rows(model);
  return model;
}

Json write_lp_json(const LpModel& model) {
  Json doc = {{"model", "lp"}, {"version", 1}, {"sense", to_string(model.sense)}};
  Json variables = Json::array();
  Json objective = Json::object();
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    Json item = {{"name", v.name}, {"lower", bound_json(v.lower)}};
    if (v.upper) item["upper"] = rational_json(*v.upper);
    variables.push_back(std::move(item));
    if (j < static_cast<int>(model.objective.size()) && model.objective[j] != 0)
      objective[v.name] = rational_json(model.objective[j]);
  }
  Json constraints = Json::array();
  for (const Constraint& c : model.constraints) {
    Json coef = Json::object();
    for (const auto& [j, a] : c.coef) coef[model.variables.at(j).name] = rational_json(a);
    constraints.push_back({{"name", c.name},
                           {"coef", std::move(coef)},
                           {"op", to_string(c.op)},
                           {"rhs", rational_json(c.rhs)}});
  }
  doc["variables"] = std::move(variables);
  doc["objective"] = std::move(objective);
  if (model.objective_constant != 0) doc["objective_constant"] = rational_json(model.objective_constant);
  doc["constraints"] = std::move(constraints);
  return doc;
}

LpModel read_lp_file(const std::string& path) {
  if (is_mps_file_name(path)) return read_mps_file(path);
  Json root = load_json_file(path);
  return read_lp_json(JsonNode(root, path));
}

template <class T>
Json write_solution_json(const LpModel& model, const Solution<T>& solution, const std::string& method) {
  constexpr bool exact = std::is_same_v<T, Rational>;
  Json doc = {{"model", "lp"},
              {"method", method},
              {"arith", exact ? "exact" : "double"},
              {"status", to_string(solution.status)}};
  if (solution.status == Status::Optimal) doc["objective"] = value_text(solution.objective, "objective", "");
  put_vector(doc, "primal", solution.primal, model.variables);
  put_vector(doc, "dual", solution.dual, model.constraints);
  put_vector(doc, "reduced_costs", solution.reduced_costs, model.variables);
  doc["iterations"] = solution.iterations;

  Json cert = Json::object();
  switch (solution.status) {
    case Status::Optimal:
      put_vector(cert, "primal", solution.primal, model.variables);
      put_vector(cert, "dual", solution.dual, model.constraints);
      break;
    case Status::Infeasible:
      put_vector(cert, "farkas", solution.farkas, model.constraints);
      put_vector(cert, "farkas_bounds", solution.farkas_bounds, model.variables);
      break;
    case Status::Unbounded:
      put_vector(cert, "primal", solution.primal, model.variables);
      put_vector(cert, "ray", solution.ray, model.variables);
      break;
  }
  doc["certificate"] = std::move(cert);
  return doc;
}

template Json write_solution_json<double>(const LpModel&, const Solution<double>&, const std::string&);
template Json write_solution_json<Rational>(const LpModel&, const Solution<Rational>&, const std::string&);

Solution<Rational> read_solution_json(const LpModel& model, const JsonNode& root) {
  if (!root.raw().is_object()) root.fail("expected an object");
  if (auto m = root.find("model"); m && m->as_string() != "lp") m->fail("expected \"model\": \"lp\"");
  if (auto arith = root.find("arith")) {
    std::string a = arith->as_string();
    if (a != "exact" && a != "double")
      arith->fail("arith must be \"exact\" or \"double\", not \"" + a + "\"");
  }
  if (auto method = root.find("method")) method->as_string();

  Solution<Rational> s;
  s.status = read_status(root.at("status"));
  if (s.status == Status::Optimal) s.objective = root.at("objective").as_rational();
  if (auto it = root.find("iterations")) s.iterations = it->as_int();

  ResultReader reader{model};
  s.primal = reader.variables(root.find("primal"));
  s.dual = reader.constraints(root.find("dual"));
  s.reduced_costs = reader.variables(root.find("reduced_costs"));

  if (auto cert = root.find("certificate")) {
    cert->expect_object({"primal", "dual", "farkas", "farkas_bounds", "ray"});
    auto primal = cert->find("primal");
    auto dual = cert->find("dual");
    s.primal = merge_vector(std::move(s.primal), reader.variables(primal), primal, "primal");
    s.dual = merge_vector(std::move(s.dual), reader.constraints(dual), dual, "dual");
    s.farkas = reader.constraints(cert->find("farkas"));
    s.farkas_bounds = reader.variables(cert->find("farkas_bounds"));
    s.ray = reader.variables(cert->find("ray"));
  }
  return s;
}

ResultToVerify read_result_to_verify(const LpModel& model, const JsonNode& root) {
  if (!root.raw().is_object()) root.fail("expected an object");
  ResultToVerify out;
  out.exact = root.at("arith").as_string() == "exact";  // the value itself is checked below
  const JsonNode cert = root.at("certificate");
  out.solution = read_solution_json(model, root);
  const Status status = out.solution.status;
  const std::string status_name = to_string(status);
  // The answer's fields of this status must be there (an empty vector is omitted by the writer).
  auto require = [&](const char* key, bool applies) {
    if (applies && !root.find(key))
      root.fail(std::string("missing required field \"") + key + "\" of an " + status_name + " result");
  };
  // What belongs to another status's answer contradicts this one.
  auto refuse = [&](const JsonNode& holder, const char* key, const char* what) {
    if (auto node = holder.find(key))
      node->contradict(std::string("an ") + status_name + " result has no " + what);
  };
  const bool vars = model.num_vars() > 0, rows = model.num_rows() > 0;
  switch (status) {
    case Status::Optimal:
      require("primal", vars);
      require("dual", rows);
      require("reduced_costs", vars);
      refuse(cert, "farkas", "Farkas multipliers");
      refuse(cert, "farkas_bounds", "Farkas bounds");
      refuse(cert, "ray", "ray");
      break;
    case Status::Infeasible:
      for (const char* key : {"objective", "primal", "dual", "reduced_costs"}) refuse(root, key, key);
      refuse(cert, "primal", "primal point");
      refuse(cert, "dual", "dual");
      refuse(cert, "ray", "ray");
      break;
    case Status::Unbounded:
      require("primal", vars);
      for (const char* key : {"objective", "dual", "reduced_costs"}) refuse(root, key, key);
      refuse(cert, "dual", "dual");
      refuse(cert, "farkas", "Farkas multipliers");
      refuse(cert, "farkas_bounds", "Farkas bounds");
      break;
  }
  return out;
}

}  // namespace equilab::lp
