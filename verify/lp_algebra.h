// Exact products of an LP's data with a vector, shared by the certificate check and the
// violation measures of lp results.
#pragma once

#include "lp/model.h"

#include <vector>

namespace equilab::verify {

// (A v)_i for one row.
inline Rational row_activity(const lp::Constraint& row, const std::vector<Rational>& v) {
  Rational sum = 0;
  for (const auto& [j, a] : row.coef) sum += a * v[j];
  return sum;
}

// sum_j a_j b_j
inline Rational dot(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  Rational sum = 0;
  for (std::size_t j = 0; j < a.size(); ++j) sum += a[j] * b[j];
  return sum;
}

// A^T y, one entry per variable.
inline std::vector<Rational> transpose_times(const lp::LpModel& model, const std::vector<Rational>& y) {
  std::vector<Rational> z(model.num_vars(), Rational(0));
  for (int i = 0; i < model.num_rows(); ++i)
    for (const auto& [j, a] : model.constraints[i].coef) z[j] += a * y[i];
  return z;
}

}  // namespace equilab::verify
