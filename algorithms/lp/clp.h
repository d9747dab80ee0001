// COIN-OR CLP adapter (double arithmetic): a second double engine for the exact repair
// (repair.h), stronger than lp_solve on large or badly scaled LPs (Netlib pilot, pilot87, dfl001).
#pragma once

#include "lp/double_engine.h"
#include "lp/model.h"
#include "lp/solution.h"

namespace equilab::lp {

// CLP's default solve (presolve, then dual simplex) in double; fills status, values, duals and
// `basis` (of the original LP, after postsolve). Output is floating point. Throws EngineStalled
// when the budget ends the run, TimeLimitReached when --time-limit does.
Solution<double> clp_solve(const LpModel& model, const EngineBudget& budget = {});

}  // namespace equilab::lp
