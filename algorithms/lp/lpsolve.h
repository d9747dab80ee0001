// lp_solve 5.5 adapter (double arithmetic) and method `lpsolve-repair`:
// solve in double, take lp_solve's final basis, recompute everything exactly and
// continue with exact simplex pivots until the exact certificate holds.
#pragma once

#include "lp/double_engine.h"
#include "lp/exact_simplex.h"
#include "lp/model.h"
#include "lp/solution.h"

namespace equilab::lp {

// lp_solve in double; fills status, values, duals and `basis`. Output is floating point.
// Throws EngineStalled when the budget ends the run, TimeLimitReached when --time-limit does.
Solution<double> lpsolve_solve(const LpModel& model, const EngineBudget& budget = {});

// Exact answer warm-started from lp_solve's basis (CLP's when lp_solve stalls or fails: see
// repair.h). `iterations` counts exact pivots only.
Solution<Rational> lpsolve_repair(const LpModel& model, const SimplexOptions& options = {});

}  // namespace equilab::lp
