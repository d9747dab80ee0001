#include "lp/double_engine.h"

#include <cmath>

namespace equilab::lp {

namespace {

std::string stalled_message(const std::string& engine, long iterations, double seconds) {
  return engine + " stalled: no answer after " + std::to_string(iterations) + " iterations and " +
         std::to_string(seconds) + " s";
}

}  // namespace

EngineStalled::EngineStalled(const std::string& engine, long iterations_, double seconds_)
    : std::runtime_error(stalled_message(engine, iterations_, seconds_)), iterations(iterations_), seconds(seconds_) {}

BasisStatus nonbasic_status_near(const Variable& v, double value, bool prefer_lower) {
  if (v.lower && v.upper) {
    if (*v.lower == *v.upper) return BasisStatus::Fixed;
    const double dl = std::abs(value - v.lower->convert_to<double>());
    const double du = std::abs(value - v.upper->convert_to<double>());
    if (dl != du) return dl < du ? BasisStatus::AtLower : BasisStatus::AtUpper;
    return prefer_lower ? BasisStatus::AtLower : BasisStatus::AtUpper;
  }
  if (v.lower) return BasisStatus::AtLower;
  if (v.upper) return BasisStatus::AtUpper;
  return BasisStatus::Free;
}

Basis slack_basis(const LpModel& model) {
  Basis basis;
  basis.rows.assign(model.num_rows(), BasisStatus::Basic);
  for (const Variable& v : model.variables) {
    if (v.lower && v.upper && *v.lower == *v.upper) basis.variables.push_back(BasisStatus::Fixed);
    else if (v.lower) basis.variables.push_back(BasisStatus::AtLower);
    else if (v.upper) basis.variables.push_back(BasisStatus::AtUpper);
    else basis.variables.push_back(BasisStatus::Free);
  }
  return basis;
}

std::vector<double> double_reduced_costs(const LpModel& model, const std::vector<double>& y) {
  std::vector<double> d(model.num_vars());
  for (int j = 0; j < model.num_vars(); ++j) d[j] = model.objective[j].convert_to<double>();
  for (int i = 0; i < model.num_rows(); ++i)
    for (const auto& [j, a] : model.constraints[i].coef) d[j] -= y[i] * a.convert_to<double>();
  return d;
}

bool fits(const Basis& basis, const LpModel& model) {
  return basis.rows.size() == static_cast<std::size_t>(model.num_rows()) &&
         basis.variables.size() == static_cast<std::size_t>(model.num_vars());
}

}  // namespace equilab::lp
