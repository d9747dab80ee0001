#include "tamper/tamper.h"

#include <algorithm>
#include <regex>

namespace equilab::testing {
namespace {

using verify::FieldRole;

int demand(FieldRole r) { return r == FieldRole::Claim ? 2 : r == FieldRole::Certificate ? 1 : 0; }

bool is_number_text(const std::string& s) {
  static const std::regex number(R"(-?[0-9]+(/[0-9]+|\.[0-9]+)?)");
  return std::regex_match(s, number);
}

void collect_strings(const Json& doc, std::vector<std::string>& out) {
  if (doc.is_string()) {
    const auto& s = doc.get_ref<const std::string&>();
    if (!is_number_text(s)) out.push_back(s);
  } else if (doc.is_structured()) {
    for (const auto& item : doc.items()) collect_strings(item.value(), out);
  }
}

// Words results use as statuses and kinds: a flipped enum draws from these and the document's own strings.
const std::vector<std::string> kEnumWords = {
    "optimal",  "infeasible", "unbounded", "feasible", "exact",       "none", "undecided", "approximate",
    "supported", "unsupported", "time_limit", "graft", "prune_and_plant", "prune_and_graft",
    "cycle_and_reverse", "shift_and_replant", "double", "border_satisfied", "stable", "not_converged"};

std::string random_rational_text(std::mt19937_64& rng) {
  static const std::vector<std::string> steps = {"1", "-1", "1/2", "-1/2", "1/3", "-2/3", "5", "-7", "1/1000", "100"};
  return steps[rng() % steps.size()];
}

}  // namespace

void collect_pointers(const Json& doc, const std::string& prefix, std::vector<std::string>& out) {
  if (doc.is_object()) {
    for (const auto& item : doc.items()) {
      const std::string p = prefix + "/" + json_pointer_escape(item.key());
      out.push_back(p);
      collect_pointers(item.value(), p, out);
    }
  } else if (doc.is_array()) {
    for (std::size_t i = 0; i < doc.size(); ++i) {
      const std::string p = prefix + "/" + std::to_string(i);
      out.push_back(p);
      collect_pointers(doc[i], p, out);
    }
  }
}

std::optional<FieldRole> mutation_role(std::string_view model, const Json& doc, const std::string& pointer) {
  std::optional<FieldRole> role = verify::field_role(model, pointer);
  if (!role) return std::nullopt;
  std::vector<std::string> below;
  collect_pointers(doc.at(Json::json_pointer(pointer)), pointer, below);
  for (const std::string& p : below) {
    const auto r = verify::field_role(model, p);
    if (!r) return std::nullopt;
    if (demand(*r) > demand(*role)) role = r;
  }
  return role;
}

std::vector<std::string> uncovered_leaves(std::string_view model, const Json& doc) {
  std::vector<std::string> all, out;
  collect_pointers(doc, "", all);
  for (const std::string& p : all) {
    if (p == "/equilab" || p.rfind("/equilab/", 0) == 0) continue;
    const Json& node = doc.at(Json::json_pointer(p));
    if (node.is_structured() && !node.empty()) continue;
    if (!verify::field_role(model, p)) out.push_back(p);
  }
  return out;
}

std::optional<Mutation> random_mutation(std::string_view model, const Json& result, std::mt19937_64& rng) {
  std::vector<std::string> pointers;
  collect_pointers(result, "", pointers);
  std::erase_if(pointers, [](const std::string& p) {
    return p == "/model" || p == "/equilab" || p.rfind("/equilab/", 0) == 0;
  });
  if (pointers.empty()) return std::nullopt;
  const std::string pointer = pointers[rng() % pointers.size()];
  const Json::json_pointer jp(pointer);
  Mutation m;
  m.document = result;
  Json& node = m.document.at(jp);
  m.pointer = pointer;
  // Deleting the field is always possible; otherwise the change suits the node's type.
  if (rng() % 6 == 0) {
    m.op = "delete";
    m.role = mutation_role(model, result, pointer);
    const Json::json_pointer parent = jp.parent_pointer();
    Json& container = m.document.at(parent);
    if (container.is_object())
      container.erase(jp.back());
    else
      container.erase(static_cast<std::size_t>(std::stoul(jp.back())));
    return m;
  }
  if (node.is_boolean()) {
    m.op = "bool";
    node = !node.get<bool>();
  } else if (node.is_number_integer() || (node.is_string() && is_number_text(node.get<std::string>()))) {
    m.op = "number";
    Rational value = node.is_string() ? parse_rational(node.get<std::string>())
                                      : Rational(Integer(node.dump()));
    value += parse_rational(random_rational_text(rng));
    if (node.is_string())
      node = to_string(value);
    else if (boost::multiprecision::denominator(value) == 1)
      node = Json::parse(to_string(value));
    else
      node = to_string(value);
  } else if (node.is_string()) {
    std::vector<std::string> pool = kEnumWords;
    collect_strings(result, pool);
    std::erase(pool, node.get<std::string>());
    if (pool.empty()) return std::nullopt;
    m.op = "string";
    node = pool[rng() % pool.size()];
  } else if (node.is_array() && !node.empty()) {
    const std::size_t i = rng() % node.size();
    switch (rng() % 3) {
      case 0:
        m.op = "drop";
        node.erase(i);
        break;
      case 1:
        m.op = "duplicate";
        node.insert(node.begin() + static_cast<std::ptrdiff_t>(i), node[i]);
        break;
      default: {
        const std::size_t j = rng() % node.size();
        if (node[i] == node[j]) return std::nullopt;
        m.op = "swap";
        std::swap(node[i], node[j]);
      }
    }
  } else {
    return std::nullopt;  // an empty container or null: only deletion applies
  }
  m.role = mutation_role(model, result, pointer);
  return m;
}

}  // namespace equilab::testing
