#include "lp/exact_algebra.h"

#include <stdexcept>

namespace equilab::lp {

CommonDenominator::CommonDenominator(const std::vector<Rational>& v) : denominator(1), numerators(v.size()) {
  using boost::multiprecision::denominator;
  using boost::multiprecision::lcm;
  using boost::multiprecision::numerator;
  for (const Rational& x : v)
    if (const Integer& d = denominator(x); d != 1 && this->denominator % d != 0) this->denominator = lcm(this->denominator, d);
  for (std::size_t j = 0; j < v.size(); ++j)
    numerators[j] = numerator(v[j]) * (this->denominator / denominator(v[j]));
}

Rational row_activity(const Constraint& row, const CommonDenominator& v) {
  Rational sum = 0;
  for (const auto& [j, a] : row.coef) sum += a * v.numerators.at(j);
  return sum / v.denominator;
}

std::vector<Rational> row_activities(const LpModel& model, const std::vector<Rational>& v) {
  const CommonDenominator scaled(v);
  std::vector<Rational> activity;
  activity.reserve(model.constraints.size());
  for (const Constraint& row : model.constraints) activity.push_back(row_activity(row, scaled));
  return activity;
}

Rational dot(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  if (a.size() != b.size()) throw std::invalid_argument("dot: vectors of different sizes");
  const CommonDenominator scaled(b);
  Rational sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j)
    if (a[j] != 0 && scaled.numerators[j] != 0) sum += a[j] * scaled.numerators[j];
  return sum / scaled.denominator;
}

std::vector<Rational> transpose_times(const LpModel& model, const std::vector<Rational>& y) {
  const CommonDenominator scaled(y);
  std::vector<Rational> z(model.num_vars(), Rational(0));
  for (int i = 0; i < model.num_rows(); ++i) {
    if (scaled.numerators.at(i) == 0) continue;
    for (const auto& [j, a] : model.constraints[i].coef) z[j] += a * scaled.numerators[i];
  }
  for (Rational& v : z) v /= scaled.denominator;
  return z;
}

}  // namespace equilab::lp
