// The LP model shared by every LP method: max/min c·x s.t. rows with <=, >=, =,
// and variable bounds l <= x <= u (either may be infinite). Data are exact.
#pragma once

#include "core/rational.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace equilab::lp {

enum class Sense { Maximize, Minimize };
enum class RowOp { LessEqual, GreaterEqual, Equal };

struct Variable {
  std::string name;
  std::optional<Rational> lower = Rational(0);  // nullopt = -infinity
  std::optional<Rational> upper;                // nullopt = +infinity
};

struct Constraint {
  std::string name;
  std::vector<std::pair<int, Rational>> coef;  // (variable index, nonzero coefficient), sorted by index
  RowOp op = RowOp::LessEqual;
  Rational rhs;
};

struct LpModel {
  Sense sense = Sense::Maximize;
  std::vector<Variable> variables;
  std::vector<Rational> objective;  // one entry per variable
  // A constant added to c·x: the objective value is c·x + objective_constant. (In MPS an RHS
  // entry on the objective row is the negated constant: README "LP conventions".)
  Rational objective_constant;
  std::vector<Constraint> constraints;

  int num_vars() const { return static_cast<int>(variables.size()); }
  int num_rows() const { return static_cast<int>(constraints.size()); }
};

// Sorts each row's coefficients by variable, merges duplicates and drops zeros.
void normalize_rows(LpModel& model);

const char* to_string(Sense sense);
const char* to_string(RowOp op);

}  // namespace equilab::lp
