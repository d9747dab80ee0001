// lp_solve 5.5 adapter and method `lpsolve-repair`.
//
// lp_solve conventions used here (lp_solve 5.5 reference guide):
//  - rows and columns are 1-based; in get_basis() indices 1..m are the rows' logicals
//    and m+1..m+n the columns; entries 1..m of the array list the basic variables,
//    entries m+1..m+n the nonbasic ones (negative: at lower, positive: at upper);
//  - get_ptr_dual_solution() gives entry 0 for the objective, 1..m the rows' duals and
//    m+1..m+n the columns' reduced costs; lp_solve's row duals are already shadow prices
//    (d objective / d rhs) for both max and min, which is our convention;
//  - PRESOLVE_DUALS asks solve() to compute the duals (5.5.2 would also build them on
//    demand in get_ptr_dual_solution); the flag lies outside PRESOLVE_LASTMASKMODE,
//    i.e. it is not a presolve reduction, so rows and columns stay as given (no
//    other presolve is enabled);
//  - numbers at or beyond get_infinite() (1e30) are infinite;
//  - put_abortfunc() installs a function that solve() polls while it iterates; when it
//    returns TRUE, solve() stops and returns USERABORT. It is how --time-limit reaches
//    inside lp_solve (the function asks whether the process deadline has passed);
//  - solve() returns NOMEMORY when an allocation fails, which becomes std::bad_alloc.
#include "lp/lpsolve.h"

#include "core/deadline.h"
#include "lp/basis_recompute.h"
#include "lp/repair.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include <lpsolve/lp_lib.h>  // after our headers: it defines many short macros

namespace equilab::lp {
namespace {

struct LpDeleter {
  void operator()(lprec* lp) const { delete_lp(lp); }
};
using LpPtr = std::unique_ptr<lprec, LpDeleter>;

double to_double(const Rational& v) { return v.convert_to<double>(); }

int row_type(RowOp op) {
  switch (op) {
    case RowOp::LessEqual: return LE;
    case RowOp::GreaterEqual: return GE;
    case RowOp::Equal: return EQ;
  }
  return EQ;
}

void add_rows(lprec* lp, const LpModel& model) {
  set_add_rowmode(lp, TRUE);
  std::vector<REAL> values;
  std::vector<int> cols;
  for (const Constraint& row : model.constraints) {
    values.clear();
    cols.clear();
    for (const auto& [j, a] : row.coef) {
      values.push_back(to_double(a));
      cols.push_back(j + 1);
    }
    if (!add_constraintex(lp, static_cast<int>(cols.size()), values.data(), cols.data(), row_type(row.op),
                          to_double(row.rhs)))
      throw std::runtime_error("lp_solve: add_constraintex failed");
  }
  set_add_rowmode(lp, FALSE);
}

void set_objective_and_bounds(lprec* lp, const LpModel& model) {
  const int n = model.num_vars();
  std::vector<REAL> values(n);
  std::vector<int> cols(n);
  for (int j = 0; j < n; ++j) {
    values[j] = to_double(model.objective[j]);
    cols[j] = j + 1;
  }
  if (n > 0 && !set_obj_fnex(lp, n, values.data(), cols.data())) throw std::runtime_error("lp_solve: set_obj_fnex failed");
  const REAL inf = get_infinite(lp);
  for (int j = 0; j < n; ++j) {
    const Variable& v = model.variables[j];
    if (!v.lower && !v.upper) {
      set_unbounded(lp, j + 1);
      continue;
    }
    const REAL lo = v.lower ? to_double(*v.lower) : -inf;
    const REAL up = v.upper ? to_double(*v.upper) : inf;
    if (!set_bounds(lp, j + 1, lo, up)) throw std::runtime_error("lp_solve: set_bounds failed on variable " + std::to_string(j));
  }
  if (model.sense == Sense::Maximize) set_maxim(lp);
  else set_minim(lp);
}

// What lp_solve's abort hook watches: the process's time limit and the engine's stall budget.
struct Watch {
  EngineBudget budget;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  bool stalled = false;
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); }
};

// lp_solve's abort hook: stop once the process's time limit has passed or the budget is spent.
int __WINAPI stop_at_deadline(lprec* lp, void* handle) {
  if (deadline_passed()) return TRUE;
  auto* watch = static_cast<Watch*>(handle);
  if ((watch->budget.max_iterations >= 0 && static_cast<long>(get_total_iter(lp)) > watch->budget.max_iterations) ||
      (watch->budget.max_seconds >= 0 && watch->seconds() > watch->budget.max_seconds))
    watch->stalled = true;
  return watch->stalled ? TRUE : FALSE;
}

LpPtr build(const LpModel& model, Watch& watch) {
  LpPtr lp(make_lp(0, model.num_vars()));
  if (!lp) throw std::bad_alloc();  // make_lp fails only when it cannot allocate
  set_verbose(lp.get(), NEUTRAL);
  put_abortfunc(lp.get(), stop_at_deadline, &watch);
  add_rows(lp.get(), model);
  set_objective_and_bounds(lp.get(), model);
  set_presolve(lp.get(), PRESOLVE_DUALS, get_presolveloops(lp.get()));  // duals only, no reductions
  return lp;
}

Status map_status(lprec* lp, int code) {
  switch (code) {
    case OPTIMAL:
    case SUBOPTIMAL: return Status::Optimal;
    case INFEASIBLE: return Status::Infeasible;
    case UNBOUNDED: return Status::Unbounded;
    case USERABORT: throw TimeLimitReached();  // stop_at_deadline asked for it
    case NOMEMORY: throw std::bad_alloc();
    default: break;
  }
  throw std::runtime_error("lp_solve: solve() returned code " + std::to_string(code) + " (" + get_statustext(lp, code) + ")");
}

// The final basis in our terms (rows: tight_row_status, structurals as above).
// Empty when lp_solve has none.
Basis read_basis(lprec* lp, const LpModel& model, const std::vector<double>& x) {
  const int m = model.num_rows(), n = model.num_vars();
  std::vector<int> bascolumn(1 + m + n, 0);
  if (!get_basis(lp, bascolumn.data(), TRUE)) return {};
  Basis basis;
  basis.variables.assign(n, BasisStatus::AtLower);
  basis.rows.assign(m, BasisStatus::AtLower);
  std::vector<bool> is_basic(m + n + 1, false);
  for (int k = 1; k <= m; ++k) {
    const int idx = std::abs(bascolumn[k]);
    if (idx < 1 || idx > m + n) throw std::runtime_error("lp_solve: basis index out of range");
    is_basic[idx] = true;
  }
  std::vector<bool> at_lower(m + n + 1, true);
  for (int k = m + 1; k <= m + n; ++k) {
    const int idx = std::abs(bascolumn[k]);
    if (idx < 1 || idx > m + n) throw std::runtime_error("lp_solve: basis index out of range");
    at_lower[idx] = bascolumn[k] < 0;
  }
  for (int i = 0; i < m; ++i) {
    // A nonbasic row is tight at its rhs.
    basis.rows[i] = is_basic[i + 1] ? BasisStatus::Basic : tight_row_status(model.constraints[i].op);
  }
  for (int j = 0; j < n; ++j)
    basis.variables[j] = is_basic[m + 1 + j] ? BasisStatus::Basic
                                             : nonbasic_status_near(model.variables[j], x[j], at_lower[m + 1 + j]);
  return basis;
}

std::vector<double> read_primal(lprec* lp, int n) {
  REAL* values = nullptr;
  if (n > 0 && !get_ptr_variables(lp, &values)) throw std::runtime_error("lp_solve: get_ptr_variables failed");
  return n > 0 ? std::vector<double>(values, values + n) : std::vector<double>{};
}

std::vector<double> read_duals(lprec* lp, int m) {
  REAL* duals = nullptr;
  if (!get_ptr_dual_solution(lp, &duals) || duals == nullptr) throw std::runtime_error("lp_solve: no dual solution");
  return std::vector<double>(duals + 1, duals + 1 + m);  // entry 0 is the objective row
}


bool reaches_infinity(lprec* lp, const std::vector<double>& x) {
  const REAL inf = get_infinite(lp);
  if (std::abs(get_objective(lp)) >= inf) return true;
  return std::any_of(x.begin(), x.end(), [inf](double v) { return std::abs(v) >= inf; });
}

}  // namespace

Solution<double> lpsolve_solve(const LpModel& model, const EngineBudget& budget) {
  Watch watch{budget};
  LpPtr lp = build(model, watch);
  const int code = solve(lp.get());
  Solution<double> result;
  result.iterations = static_cast<long>(get_total_iter(lp.get()));
  if (code == USERABORT && watch.stalled && !deadline_passed())
    throw EngineStalled("lp_solve", result.iterations, watch.seconds());
  result.status = map_status(lp.get(), code);
  // Infeasible: no Farkas certificate from lp_solve; unbounded: its last point (not
  // guaranteed feasible) and no ray. The final basis is kept in every case (a warm
  // start for lpsolve_repair), when lp_solve hands one out.
  std::vector<double> x = read_primal(lp.get(), model.num_vars());
  result.basis = read_basis(lp.get(), model, x);
  if (result.status == Status::Infeasible) return result;
  result.primal = std::move(x);
  // lp_solve may call "optimal" a point at its infinity (1e30), e.g. a free variable
  // with a positive cost and no rows: that is an unbounded LP.
  if (result.status == Status::Optimal && reaches_infinity(lp.get(), result.primal)) result.status = Status::Unbounded;
  if (result.status != Status::Optimal) return result;

  if (result.basis.rows.size() != static_cast<std::size_t>(model.num_rows()))
    throw std::runtime_error("lp_solve: no final basis");
  result.objective = get_objective(lp.get()) + to_double(model.objective_constant);
  result.dual = read_duals(lp.get(), model.num_rows());
  result.reduced_costs = double_reduced_costs(model, result.dual);
  return result;
}

Solution<Rational> lpsolve_repair(const LpModel& model, const SimplexOptions& options) {
  RepairOptions repair;
  repair.engines = {Engine::LpSolve, Engine::Clp};
  repair.simplex = options;
  return repair_solve(model, repair).solution;
}

}  // namespace equilab::lp
