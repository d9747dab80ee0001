#include "verify/result_fields.h"

namespace equilab::verify {
namespace {

std::vector<std::string_view> segments(std::string_view pointer) {
  std::vector<std::string_view> out;
  if (pointer.empty()) return out;
  std::size_t start = pointer.front() == '/' ? 1 : 0;
  while (true) {
    const std::size_t slash = pointer.find('/', start);
    out.push_back(pointer.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

std::string_view role_name(FieldRole role) {
  switch (role) {
    case FieldRole::Claim: return "claim";
    case FieldRole::Certificate: return "certificate";
    case FieldRole::Informational: return "informational";
  }
  return "?";
}

const std::vector<std::string>& models_with_result_fields() {
  static const std::vector<std::string> models = {"lp",          "groups",        "interim", "allocation_market",
                                                  "pseudo_market", "exchange_economy"};
  return models;
}

const std::vector<FieldRule>& result_fields(std::string_view model) {
  static const std::vector<FieldRule> none;
  if (model == "lp") return lp_result_fields();
  if (model == "groups") return groups_result_fields();
  if (model == "interim") return interim_result_fields();
  if (model == "allocation_market") return allocation_market_result_fields();
  if (model == "pseudo_market") return pseudo_market_result_fields();
  if (model == "exchange_economy") return exchange_economy_result_fields();
  return none;
}

std::optional<FieldRole> field_role(std::string_view model, std::string_view pointer) {
  const auto field = segments(pointer);
  std::optional<FieldRole> role;
  std::size_t best = 0;
  for (const FieldRule& rule : result_fields(model)) {
    const auto pattern = segments(rule.pattern);
    if (pattern.size() > field.size() || (role && pattern.size() <= best)) continue;
    bool match = true;
    for (std::size_t k = 0; k < pattern.size() && match; ++k) match = pattern[k] == "*" || pattern[k] == field[k];
    if (match) {
      role = rule.role;
      best = pattern.size();
    }
  }
  return role;
}

}  // namespace equilab::verify
