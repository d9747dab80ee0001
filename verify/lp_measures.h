// How far an LP result is from a proof, measured exactly (README "Floating-point results"). A
// result computed in double (`"arith":"double"`) is never accepted: its numbers are the exact
// binary values of doubles, so each condition of the certificate (verify/lp_certificate.h) holds
// only up to rounding. verify measures, in exact rational arithmetic, how far each condition is
// violated and prints the measures; the same measures describe an exact result that is slightly
// wrong.
#pragma once

#include <string>
#include <vector>

#include "lp/model.h"
#include "lp/solution.h"

namespace equilab::verify {

// One measure: a non-negative exact value (or, for a margin that must be positive, a signed one),
// where it is attained ("row \"c1\"", empty when nowhere), and a note.
struct LpMeasure {
  std::string name;   // "largest primal infeasibility", ...
  Rational value;     // exact
  std::string where;  // the row or variable attaining it, or empty
  std::string note;   // e.g. "(must be > 0)"
};

// The measures of a result by status (vectors of the wrong size are skipped and said so):
//  optimal    largest primal infeasibility over bounds and rows; largest dual infeasibility over
//             the dual signs and the reduced costs that need an infinite bound; the duality gap
//             |c·x − (y·b + Σ d_j·bound_j)| over the finite terms; the objective error
//             |objective − c·x|; the largest error of the reported reduced costs against c − Aᵀy.
//  infeasible largest sign violation of the Farkas multipliers and of Aᵀy against an infinite
//             bound; the margin min over the bounds of (Aᵀy)·x − y·b (a proof needs > 0); the
//             largest error of the reported farkas_bounds against Aᵀy.
//  unbounded  largest primal infeasibility of the point; largest violation of the ray's
//             conditions (rows, bounds); the improvement c·r (a proof needs > 0 for max, < 0 for min).
// `missing` lists what could not be measured ("no Farkas multipliers").
struct LpMeasures {
  std::vector<LpMeasure> measures;
  std::vector<std::string> missing;
};

LpMeasures measure_lp_result(const lp::LpModel& model, const lp::Solution<Rational>& result);

// A value as "exact (decimal)": "3/1125899906842624 (2.66e-15)", "0 (0)", "-1/2 (-0.5)". The
// decimal has three significant digits (like printf's %.3g) and is computed exactly, so it is
// right at any magnitude.
std::string measure_text(const Rational& value);
// The decimal part alone: "2.66e-15".
std::string measure_decimal(const Rational& value);

// One line per measure and per missing part, e.g.
// "largest primal infeasibility: 1/18014398509481984 (5.55e-17) at row \"r1\"".
std::vector<std::string> measure_lines(const LpMeasures& measures);

}  // namespace equilab::verify
