// What an LP method returns: status, values, and the certificate that proves it.
// Conventions (README "LP conventions"): duals are shadow prices of the rows,
// reduced costs d = c - A^T y; Farkas multipliers y satisfy y_i >= 0 on <=, <= 0 on >=,
// free on =, and min over the box of (A^T y)·x > y·b.
#pragma once

#include "core/rational.h"

#include <string>
#include <vector>

namespace equilab::lp {

enum class Status { Optimal, Infeasible, Unbounded };
const char* to_string(Status status);

// Where a variable or row slack sits in a simplex basis (used to pass warm starts).
enum class BasisStatus { Basic, AtLower, AtUpper, Free /* nonbasic free at zero */, Fixed };

struct Basis {
  std::vector<BasisStatus> variables;  // one per structural variable
  std::vector<BasisStatus> rows;       // one per constraint (its logical/slack variable)
};

template <class T>
struct Solution {
  Status status = Status::Optimal;
  T objective{};                 // optimal only
  std::vector<T> primal;         // optimal: the optimum; unbounded: a feasible point
  std::vector<T> dual;           // optimal: row shadow prices
  std::vector<T> reduced_costs;  // optimal: c - A^T y
  std::vector<T> farkas;         // infeasible: row multipliers
  std::vector<T> farkas_bounds;  // infeasible: A^T y per variable (the bound side of the proof)
  std::vector<T> ray;            // unbounded: improving recession direction
  Basis basis;                   // final basis when the method has one
  long iterations = 0;           // simplex pivots (all phases)
};

}  // namespace equilab::lp
