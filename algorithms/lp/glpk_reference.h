// GLPK's glp_exact as an external reference (tests and benchmarks only).
// GLPK reports values in double, so the exact objective and vectors are recomputed
// from GLPK's final basis by an independent dense exact elimination.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

namespace equilab::lp {

Solution<Rational> glpk_exact_solve(const LpModel& model);

}  // namespace equilab::lp
