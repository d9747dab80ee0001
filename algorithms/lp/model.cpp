#include "lp/model.h"
#include "lp/solution.h"

#include <algorithm>

namespace equilab::lp {

void normalize_rows(LpModel& model) {
  for (auto& row : model.constraints) {
    std::sort(row.coef.begin(), row.coef.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::pair<int, Rational>> merged;
    for (auto& [j, a] : row.coef) {
      if (!merged.empty() && merged.back().first == j) merged.back().second += a;
      else merged.emplace_back(j, std::move(a));
    }
    merged.erase(std::remove_if(merged.begin(), merged.end(), [](const auto& e) { return e.second == 0; }), merged.end());
    row.coef = std::move(merged);
  }
}

const char* to_string(Sense sense) { return sense == Sense::Maximize ? "max" : "min"; }

const char* to_string(RowOp op) {
  switch (op) {
    case RowOp::LessEqual: return "<=";
    case RowOp::GreaterEqual: return ">=";
    case RowOp::Equal: return "=";
  }
  return "?";
}

const char* to_string(Status status) {
  switch (status) {
    case Status::Optimal: return "optimal";
    case Status::Infeasible: return "infeasible";
    case Status::Unbounded: return "unbounded";
  }
  return "?";
}

}  // namespace equilab::lp
