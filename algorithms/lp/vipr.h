// VIPR 1.0 certificates ("Verifying Integer Programming Results", Cheung, Gleixner and
// Steffy): the LP and its exact certificate in a text format that another program checks.
// The format has no variable bounds: every finite bound becomes a constraint.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <iosfwd>

namespace equilab::lp {

// Writes `model` and the certificate of `solution` (optimal: RTP range v v, the point in SOL
// and one lin derivation of the objective bound from the dual and bound multipliers;
// infeasible: RTP infeas and one lin derivation of 0 >= 1 from the Farkas multipliers).
// Names, bounds and the objective constant: see vipr.cpp and README "VIPR certificates".
// The claims are written as the solution states them, so a wrong claim gives a file that a
// checker rejects. Throws std::invalid_argument, writing nothing, when the solution's status
// has no VIPR certificate (unbounded), the solution does not have the sizes of the model, or
// its multipliers cannot be stated as a derivation (a non-zero reduced cost or Farkas column
// on an infinite bound, or Farkas multipliers that prove nothing).
void write_vipr(std::ostream& out, const LpModel& model, const Solution<Rational>& solution);

}  // namespace equilab::lp
