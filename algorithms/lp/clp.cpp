// COIN-OR CLP adapter. CLP conventions used here (ClpModel.hpp / ClpSimplex.hpp of CLP 1.17):
//  - the LP is loaded column-major: column j's entries are index[start[j] .. start[j+1]), rows
//    are ranges rowlb <= a_i·x <= rowub, and COIN_DBL_MAX stands for infinity;
//  - setOptimizationDirection(-1) maximises; the reported objective and row duals keep the
//    original sense, so the duals are shadow prices like ours;
//  - status(): 0 optimal, 1 primal infeasible, 2 dual infeasible, 3 stopped on iterations or
//    time, 4 stopped on errors; after initialSolve() (presolve, dual simplex, postsolve) the
//    status arrays describe the original LP: a row's status is that of its logical, and a
//    nonbasic row is at one end of its range, i.e. tight;
//  - setMaximumIterations and setMaximumWallSeconds stop the solve with status 3.
#include "lp/clp.h"

#include "core/deadline.h"
#include "lp/basis_recompute.h"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinFinite.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

namespace equilab::lp {
namespace {

double to_double(const Rational& v) { return v.convert_to<double>(); }

constexpr double kTolerance = 1e-9;

void load(ClpSimplex& clp, const LpModel& model) {
  const int m = model.num_rows(), n = model.num_vars();
  // Column-major copy of the rows.
  std::vector<CoinBigIndex> start(n + 1, 0);
  for (const Constraint& row : model.constraints)
    for (const auto& entry : row.coef) ++start[entry.first + 1];
  for (int j = 0; j < n; ++j) start[j + 1] += start[j];
  std::vector<int> index(start[n]);
  std::vector<double> value(start[n]);
  std::vector<CoinBigIndex> next(start.begin(), start.end() - 1);
  for (int i = 0; i < m; ++i)
    for (const auto& [j, a] : model.constraints[i].coef) {
      index[next[j]] = i;
      value[next[j]++] = to_double(a);
    }
  std::vector<double> collb(n), colub(n), obj(n), rowlb(m), rowub(m);
  for (int j = 0; j < n; ++j) {
    const Variable& v = model.variables[j];
    collb[j] = v.lower ? to_double(*v.lower) : -COIN_DBL_MAX;
    colub[j] = v.upper ? to_double(*v.upper) : COIN_DBL_MAX;
    obj[j] = to_double(model.objective[j]);
  }
  for (int i = 0; i < m; ++i) {
    const Constraint& row = model.constraints[i];
    const double b = to_double(row.rhs);
    rowlb[i] = row.op == RowOp::LessEqual ? -COIN_DBL_MAX : b;
    rowub[i] = row.op == RowOp::GreaterEqual ? COIN_DBL_MAX : b;
  }
  clp.loadProblem(n, m, start.data(), index.data(), value.data(), collb.data(), colub.data(), obj.data(),
                  rowlb.data(), rowub.data());
  clp.setOptimizationDirection(model.sense == Sense::Maximize ? -1 : 1);
}

Basis read_basis(const ClpSimplex& clp, const LpModel& model, const double* x) {
  Basis basis;
  basis.rows.resize(model.num_rows());
  basis.variables.resize(model.num_vars());
  for (int i = 0; i < model.num_rows(); ++i)
    basis.rows[i] = clp.getRowStatus(i) == ClpSimplex::basic ? BasisStatus::Basic
                                                             : tight_row_status(model.constraints[i].op);
  for (int j = 0; j < model.num_vars(); ++j) {
    const ClpSimplex::Status s = clp.getColumnStatus(j);
    basis.variables[j] = s == ClpSimplex::basic
                             ? BasisStatus::Basic
                             : nonbasic_status_near(model.variables[j], x[j], s != ClpSimplex::atUpperBound);
  }
  return basis;
}

}  // namespace

Solution<double> clp_solve(const LpModel& model, const EngineBudget& budget) {
  ClpSimplex clp;
  clp.setLogLevel(0);
  load(clp, model);
  // Tolerances a hundred times tighter than CLP's defaults (1e-7): the basis is what the exact
  // recomputation keeps, and on Netlib pilot the default tolerances end on a basis whose exact
  // point violates a bound (the objective is off in the eighth digit), which costs exact pivots.
  clp.setPrimalTolerance(kTolerance);
  clp.setDualTolerance(kTolerance);
  double seconds = seconds_left();
  if (budget.max_seconds >= 0) seconds = std::min(seconds, budget.max_seconds);
  if (std::isfinite(seconds)) clp.setMaximumWallSeconds(std::max(seconds, 1e-3));
  if (budget.max_iterations >= 0)
    clp.setMaximumIterations(static_cast<int>(std::min<long>(budget.max_iterations, std::numeric_limits<int>::max())));
  const auto started = std::chrono::steady_clock::now();
  clp.initialSolve();
  const int code = clp.status();
  Solution<double> result;
  result.iterations = clp.numberIterations();
  if (code == 3) {
    check_deadline();  // --time-limit first: the run is over
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    throw EngineStalled("clp", result.iterations, spent);
  }
  if (code != 0 && code != 1 && code != 2)
    throw std::runtime_error("clp: the solve stopped with status " + std::to_string(code));
  const double* x = clp.primalColumnSolution();
  result.basis = read_basis(clp, model, x);
  result.status = code == 0 ? Status::Optimal : code == 1 ? Status::Infeasible : Status::Unbounded;
  if (result.status == Status::Infeasible) return result;
  result.primal.assign(x, x + model.num_vars());
  if (result.status != Status::Optimal) return result;
  result.objective = clp.objectiveValue() + to_double(model.objective_constant);
  const double* y = clp.dualRowSolution();
  result.dual.assign(y, y + model.num_rows());
  result.reduced_costs = double_reduced_costs(model, result.dual);
  return result;
}

}  // namespace equilab::lp
