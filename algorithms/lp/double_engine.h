// What the double engines behind the exact repair share (lp_solve: lpsolve.cpp, COIN-OR CLP:
// clp.cpp). A double engine solves the LP in floating point and hands its final basis to the
// exact simplex, which recomputes everything exactly and pivots on until the exact certificate
// holds (repair.h). The engine's numbers are never the answer; only its basis is used.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::lp {

// How long one double engine may run before the repair calls it stalled and moves on:
// iterations (simplex pivots) and wall-clock seconds. Negative: no limit.
struct EngineBudget {
  long max_iterations = -1;
  double max_seconds = -1;
};

// A double engine stopped by its budget (not by the process's --time-limit, which throws
// TimeLimitReached): `iterations` pivots in `seconds` without finishing.
class EngineStalled : public std::runtime_error {
 public:
  EngineStalled(const std::string& engine, long iterations, double seconds);
  long iterations;
  double seconds;
};

// The nonbasic status of a structural that a double engine left at `value`: the finite bound
// nearest the value (the value is the witness; `prefer_lower` only breaks a tie), Fixed when
// l == u, the only finite bound when there is one, Free when there is none.
BasisStatus nonbasic_status_near(const Variable& v, double value, bool prefer_lower);

// The slack basis: every row's logical basic, every structural at a finite bound (lower
// first), fixed when l = u, free at zero when it has no bound.
Basis slack_basis(const LpModel& model);

// d_j = c_j - sum_i y_i a_ij in double: an engine's reduced costs from its row duals.
std::vector<double> double_reduced_costs(const LpModel& model, const std::vector<double>& y);

// True when `basis` has one status per row and per variable of `model`.
bool fits(const Basis& basis, const LpModel& model);

}  // namespace equilab::lp
