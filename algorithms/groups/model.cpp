#include "groups/model.h"

#include "groups/stable_assignment.h"

namespace equilab::groups {
namespace {

Rational pairwise_value(const PairwiseValue& v, const GroupType& group) {
  Rational total = 0;
  for (int member : group) total += v.own[member];
  // Every unordered pair of members (k < l) counts once: C(G(i),2) same-type pairs.
  for (std::size_t k = 0; k < group.size(); ++k)
    for (std::size_t l = k + 1; l < group.size(); ++l) {
      auto it = v.pair.find({group[k], group[l]});  // members are sorted, so group[k] <= group[l]
      if (it != v.pair.end()) total += it->second;
    }
  if (auto it = v.size.find(static_cast<int>(group.size())); it != v.size.end()) total += it->second;
  return total;
}

}  // namespace

Rational group_value(const GroupsInstance& instance, const GroupType& group) {
  if (const auto* table = std::get_if<TableValue>(&instance.value)) {
    auto it = table->values.find(group);
    return it == table->values.end() ? table->default_value : it->second;
  }
  return pairwise_value(std::get<PairwiseValue>(instance.value), group);
}

std::vector<std::string> group_names(const GroupsInstance& instance, const GroupType& group) {
  std::vector<std::string> names;
  names.reserve(group.size());
  for (int member : group) names.push_back(instance.types[member].name);
  return names;
}

std::optional<bool> imputation_unique(const StableAssignment& result) {
  if (!result.ranges) return std::nullopt;
  for (const auto& r : *result.ranges)
    if (r.min != r.max) return false;
  return true;
}

}  // namespace equilab::groups
