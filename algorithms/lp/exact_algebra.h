// Exact products of an LP's data with a vector: row activities A x, A^T y and dot products.
//
// Why not a plain loop over Rationals: the vectors here come from exact basis solves, whose
// entries share one huge denominator (det B), while the LP's data have small denominators. A
// running Rational sum of such terms computes a gcd of two huge numbers at every addition (the
// cost of Netlib pilot's exact solve was mostly that). Writing v = V / D with integers V and one
// common denominator D first, every term a * V_j has a small denominator, and the only huge gcd
// is in the final division by D: one per result instead of one per nonzero.
#pragma once

#include "lp/model.h"

#include <vector>

namespace equilab::lp {

// v = numerators / denominator, with integer numerators and one common denominator > 0.
struct CommonDenominator {
  explicit CommonDenominator(const std::vector<Rational>& v);
  Integer denominator;
  std::vector<Integer> numerators;
};

// (A v)_i for one row, and A v for every row.
Rational row_activity(const Constraint& row, const CommonDenominator& v);
std::vector<Rational> row_activities(const LpModel& model, const std::vector<Rational>& v);

// sum_j a_j b_j (a: small denominators, e.g. the objective; b: any).
Rational dot(const std::vector<Rational>& a, const std::vector<Rational>& b);

// A^T y, one entry per variable.
std::vector<Rational> transpose_times(const LpModel& model, const std::vector<Rational>& y);

}  // namespace equilab::lp
