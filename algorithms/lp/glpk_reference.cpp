// GLPK reference: glp_simplex (double, no presolve) to get close, then glp_exact,
// which re-solves in GLPK's own rational arithmetic. GLPK stores the problem data as
// doubles and reports values as doubles, so:
//  - the data handed to GLPK are first scaled by positive factors (columns, rows,
//    objective) that make every number an integer below 2^53, hence an exact double:
//    GLPK then solves exactly our LP, up to a scaling that leaves the basis statuses
//    unchanged. When no such scaling exists the plain doubles are used;
//  - for an optimal result only GLPK's final basis is used; every number is recomputed
//    exactly from the model as given (basis_recompute.h), and the recomputed solution
//    is checked for primal/dual feasibility (it could fail only for unscaled inexact
//    data, where GLPK solved a slightly different LP);
//  - for infeasible and unbounded results only the status is set: GLPK gives no exact
//    Farkas certificate or ray.
//
// Running GLPK safely (GLPK 5.0 reference manual, "GLPK environment routines"):
//  - --time-limit: both glp_simplex and glp_exact take a time limit in milliseconds
//    (glp_smcp.tm_lim) and return GLP_ETMLIM when it passes; each call gets the time left
//    before the process deadline, and GLP_ETMLIM becomes TimeLimitReached. glp_exact checks
//    its limit once per pivot only, and one exact factorisation of the basis (GMP rationals)
//    can take many seconds, so while GLPK runs GMP allocates through functions that watch the
//    deadline too and throw TimeLimitReached once it has passed. The exception unwinds through
//    GMP and GLPK (C code with unwind tables) to this file, which frees GLPK's environment;
//  - GLPK reports a fatal error (an allocation that fails included) by calling the hook set
//    with glp_error_hook and then abort(). The hook here longjmps back to the one function
//    that calls GLPK (which holds no C++ object needing destruction), the environment is freed
//    with glp_free_env (which frees every problem object) and the error becomes an exception:
//    std::bad_alloc when GLPK ran out of memory. The error text, which GLPK writes to its
//    terminal even when output is off, is captured with glp_term_hook.
#include "lp/glpk_reference.h"

#include "core/deadline.h"
#include "lp/basis_recompute.h"

#include <glpk.h>
#include <gmp.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <csetjmp>
#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::lp {
namespace {

// GLPK aborts the process on an infinite or NaN datum, so refuse those here.
double to_double(const Rational& v) {
  const double d = v.convert_to<double>();
  if (!std::isfinite(d)) throw std::runtime_error("glpk_exact_solve: " + equilab::to_string(v) + " does not fit in a double");
  return d;
}

// Positive scalings of the model given to GLPK: variable x'_j = col[j] * x_j, row i
// multiplied by row[i], objective by obj. So GLPK sees bounds col[j]*l_j, col[j]*u_j,
// coefficients row[i]*a_ij/col[j], rhs row[i]*b_i and costs obj*c_j/col[j].
struct Scaling {
  std::vector<Rational> col, row;
  Rational obj = 1;
};

Scaling identity_scaling(const LpModel& model) {
  return {std::vector<Rational>(model.num_vars(), Rational(1)), std::vector<Rational>(model.num_rows(), Rational(1)),
          Rational(1)};
}

Integer lcm_of_denominators(Integer acc, const Rational& v) {
  return boost::multiprecision::lcm(acc, Integer(boost::multiprecision::denominator(v)));
}

// True when v is an integer of magnitude at most 2^53 (an exact double).
bool exact_in_double(const Rational& v) {
  static const Integer limit = Integer(1) << 53;
  return boost::multiprecision::denominator(v) == 1 && abs(boost::multiprecision::numerator(v)) <= limit;
}

// The scaling by least common multiples of denominators; nullopt when some scaled
// number would not be an exact double.
std::optional<Scaling> integer_scaling(const LpModel& model) {
  Scaling s = identity_scaling(model);
  for (int j = 0; j < model.num_vars(); ++j) {
    Integer l = 1;
    if (model.variables[j].lower) l = lcm_of_denominators(l, *model.variables[j].lower);
    if (model.variables[j].upper) l = lcm_of_denominators(l, *model.variables[j].upper);
    s.col[j] = Rational(l);
  }
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& c = model.constraints[i];
    Integer l = lcm_of_denominators(1, c.rhs);
    for (const auto& [j, a] : c.coef) l = lcm_of_denominators(l, a / s.col[j]);
    s.row[i] = Rational(l);
  }
  Integer k = 1;
  for (int j = 0; j < model.num_vars(); ++j) k = lcm_of_denominators(k, model.objective[j] / s.col[j]);
  s.obj = Rational(k);

  auto ok = [](const Rational& v) { return exact_in_double(v); };
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    if ((v.lower && !ok(*v.lower * s.col[j])) || (v.upper && !ok(*v.upper * s.col[j])) ||
        !ok(model.objective[j] * s.obj / s.col[j]))
      return std::nullopt;
  }
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& c = model.constraints[i];
    if (!ok(c.rhs * s.row[i])) return std::nullopt;
    for (const auto& [j, a] : c.coef)
      if (!ok(a * s.row[i] / s.col[j])) return std::nullopt;
  }
  return s;
}

// The problem in the plain arrays of GLPK's API (1-based: entry 0 unused), built before GLPK
// is called so that the call itself allocates nothing on the C++ side.
struct GlpkProblem {
  int m = 0, n = 0;
  int direction = GLP_MIN;
  std::vector<int> row_type, col_type;
  std::vector<double> row_lo, row_up, col_lo, col_up, cost;
  std::vector<int> ia, ja;
  std::vector<double> ar;
};

// What GLPK answered; the basis statuses are GLPK's (GLP_BS, GLP_NL, ...).
struct GlpkAnswer {
  int simplex = 0, exact = 0;  // return codes (0: success)
  bool exact_ran = false;
  int status = 0, primal = 0, dual = 0;
  std::vector<int> col_stat, row_stat;  // 1-based like the problem
};

// GLPK bound type and values of a variable l <= x <= u (either side may be infinite),
// scaled by `scale` > 0.
void column_bounds(GlpkProblem& g, int col, const Variable& v, const Rational& scale) {
  g.col_lo[col] = v.lower ? to_double(*v.lower * scale) : 0.0;
  g.col_up[col] = v.upper ? to_double(*v.upper * scale) : 0.0;
  int type = GLP_FR;
  if (v.lower && v.upper) type = (*v.lower == *v.upper) ? GLP_FX : GLP_DB;
  else if (v.lower) type = GLP_LO;
  else if (v.upper) type = GLP_UP;
  g.col_type[col] = type;
}

// GLPK's auxiliary variable of a row is its activity a_i·x, bounded by the rhs
// (scaled by `scale` > 0).
void row_bounds(GlpkProblem& g, int row, const Constraint& c, const Rational& scale) {
  const double b = to_double(c.rhs * scale);
  g.row_lo[row] = g.row_up[row] = b;
  switch (c.op) {
    case RowOp::LessEqual: g.row_type[row] = GLP_UP; break;
    case RowOp::GreaterEqual: g.row_type[row] = GLP_LO; break;
    case RowOp::Equal: g.row_type[row] = GLP_FX; break;
  }
}

// Coefficients in GLPK's 1-based triplet form; duplicate indices are summed, zeros dropped.
void matrix(GlpkProblem& g, const LpModel& model, const Scaling& s) {
  g.ia = {0};
  g.ja = {0};
  g.ar = {0.0};
  for (int i = 0; i < model.num_rows(); ++i) {
    SparseVector merged;
    for (const auto& [j, a] : model.constraints[i].coef) {
      if (!merged.empty() && merged.back().first == j) merged.back().second += a;
      else merged.emplace_back(j, a);
    }
    for (const auto& [j, a] : merged) {
      if (a == 0) continue;
      g.ia.push_back(i + 1);
      g.ja.push_back(j + 1);
      g.ar.push_back(to_double(a * s.row[i] / s.col[j]));
    }
  }
}

GlpkProblem glpk_problem(const LpModel& model) {
  const Scaling s = integer_scaling(model).value_or(identity_scaling(model));
  GlpkProblem g;
  g.m = model.num_rows();
  g.n = model.num_vars();
  g.direction = model.sense == Sense::Maximize ? GLP_MAX : GLP_MIN;
  g.row_type.assign(g.m + 1, GLP_FR);
  g.row_lo.assign(g.m + 1, 0.0);
  g.row_up.assign(g.m + 1, 0.0);
  g.col_type.assign(g.n + 1, GLP_FR);
  g.col_lo.assign(g.n + 1, 0.0);
  g.col_up.assign(g.n + 1, 0.0);
  g.cost.assign(g.n + 1, 0.0);
  for (int i = 0; i < g.m; ++i) row_bounds(g, i + 1, model.constraints[i], s.row[i]);
  for (int j = 0; j < g.n; ++j) {
    column_bounds(g, j + 1, model.variables[j], s.col[j]);
    g.cost[j + 1] = to_double(model.objective[j] * s.obj / s.col[j]);
  }
  matrix(g, model, s);
  return g;
}

// The time GLPK may still use, in its unit (milliseconds); INT_MAX when there is no limit.
int glpk_time_limit() {
  const double left = seconds_left();
  if (!std::isfinite(left)) return INT_MAX;
  return static_cast<int>(std::clamp(std::ceil(left * 1000), 1.0, static_cast<double>(INT_MAX)));
}

// Where GLPK's fatal error jumps to, and its text.
struct GlpkTrap {
  std::jmp_buf jump;
  char text[512];
  std::size_t length;
};

int capture_terminal(void* info, const char* s) {
  auto* trap = static_cast<GlpkTrap*>(info);
  const std::size_t room = sizeof trap->text - 1 - trap->length;
  const std::size_t n = std::min(room, std::strlen(s));
  std::memcpy(trap->text + trap->length, s, n);
  trap->length += n;
  trap->text[trap->length] = '\0';
  return 1;  // nothing reaches the real terminal
}

[[noreturn]] void escape_fatal_error(void* info) { std::longjmp(static_cast<GlpkTrap*>(info)->jump, 1); }

// glp_simplex in double from the standard basis, then glp_exact from its final basis (GLPK's
// own rational arithmetic). The only function that calls GLPK: it holds nothing that needs a
// destructor, so the longjmp of a fatal error skips nothing. Returns false after a fatal error
// (text in `trap`), with GLPK's environment freed.
bool run_glpk(const GlpkProblem& g, GlpkAnswer& answer, GlpkTrap& trap) {
  trap.length = 0;
  trap.text[0] = '\0';
  if (setjmp(trap.jump) != 0) {
    glp_free_env();  // frees every problem object and the hooks with it
    return false;
  }
  glp_term_hook(capture_terminal, &trap);
  glp_error_hook(escape_fatal_error, &trap);
  const int previous_output = glp_term_out(GLP_OFF);

  glp_prob* p = glp_create_prob();
  glp_set_obj_dir(p, g.direction);
  if (g.m > 0) glp_add_rows(p, g.m);  // GLPK aborts on a zero count
  if (g.n > 0) glp_add_cols(p, g.n);
  for (int i = 1; i <= g.m; ++i) glp_set_row_bnds(p, i, g.row_type[i], g.row_lo[i], g.row_up[i]);
  for (int j = 1; j <= g.n; ++j) {
    glp_set_col_bnds(p, j, g.col_type[j], g.col_lo[j], g.col_up[j]);
    glp_set_obj_coef(p, j, g.cost[j]);
  }
  glp_load_matrix(p, static_cast<int>(g.ia.size()) - 1, g.ia.data(), g.ja.data(), g.ar.data());

  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  parm.tm_lim = glpk_time_limit();
  answer.simplex = glp_simplex(p, &parm);
  // glp_exact refuses empty problems; the double simplex result of such a trivial problem only
  // serves to pick the basis, which is recomputed exactly afterwards.
  answer.exact_ran = answer.simplex != GLP_ETMLIM && g.m > 0 && g.n > 0;
  if (answer.exact_ran) {
    if (answer.simplex != 0) glp_std_basis(p);  // glp_exact then starts from the slack basis
    parm.tm_lim = glpk_time_limit();
    answer.exact = glp_exact(p, &parm);
  }
  answer.status = glp_get_status(p);
  answer.primal = glp_get_prim_stat(p);
  answer.dual = glp_get_dual_stat(p);
  for (int j = 1; j <= g.n; ++j) answer.col_stat[j] = glp_get_col_stat(p, j);
  for (int i = 1; i <= g.m; ++i) answer.row_stat[i] = glp_get_row_stat(p, i);
  glp_delete_prob(p);

  glp_error_hook(nullptr, nullptr);
  glp_term_hook(nullptr, nullptr);
  glp_term_out(previous_output);
  return true;
}

// While it lives, GMP allocates through functions that throw TimeLimitReached once the process
// deadline has passed (checked every 256 allocations), then delegate to the allocator in place.
class GmpDeadlineScope {
 public:
  GmpDeadlineScope() {
    mp_get_memory_functions(&allocate_, &reallocate_, &free_);
    mp_set_memory_functions(allocate, reallocate, free_);
  }
  ~GmpDeadlineScope() { mp_set_memory_functions(allocate_, reallocate_, free_); }
  GmpDeadlineScope(const GmpDeadlineScope&) = delete;
  GmpDeadlineScope& operator=(const GmpDeadlineScope&) = delete;

 private:
  static inline void* (*allocate_)(std::size_t) = nullptr;
  static inline void* (*reallocate_)(void*, std::size_t, std::size_t) = nullptr;
  static inline void (*free_)(void*, std::size_t) = nullptr;
  static inline unsigned calls_ = 0;

  static void watch() {
    if ((++calls_ & 255u) == 0 && deadline_passed()) throw TimeLimitReached();
  }
  static void* allocate(std::size_t bytes) {
    watch();
    return allocate_(bytes);
  }
  static void* reallocate(void* p, std::size_t old_bytes, std::size_t bytes) {
    watch();
    return reallocate_(p, old_bytes, bytes);
  }
};

// Runs GLPK on the model and turns its failures into exceptions.
GlpkAnswer solve_with_glpk(const LpModel& model) {
  const GlpkProblem g = glpk_problem(model);
  GlpkAnswer answer;
  answer.col_stat.assign(g.n + 1, GLP_BS);
  answer.row_stat.assign(g.m + 1, GLP_BS);
  GlpkTrap trap;
  check_deadline();
  bool finished = false;
  try {
    GmpDeadlineScope watch_deadline;
    finished = run_glpk(g, answer, trap);
  } catch (...) {
    // An exception from inside GLPK, thrown by GMP's allocation functions (GLPK uses GMP for
    // glp_exact): the deadline passed, or memory ran out (equilab's GMP allocator throws
    // std::bad_alloc). GLPK's state is then unusable.
    glp_free_env();
    throw;
  }
  if (!finished) {
    std::string text(trap.text, trap.length);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (char& c : text)
      if (c == '\n') c = ' ';
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.find("memory") != std::string::npos) throw std::bad_alloc();
    throw std::runtime_error("GLPK stopped with a fatal error: " + text);
  }
  if (answer.simplex == GLP_ETMLIM || (answer.exact_ran && answer.exact == GLP_ETMLIM)) throw TimeLimitReached();
  if (!answer.exact_ran && answer.simplex != 0)
    throw std::runtime_error("glp_simplex failed with code " + std::to_string(answer.simplex));
  if (answer.exact_ran && answer.exact != 0) throw std::runtime_error("glp_exact failed with code " + std::to_string(answer.exact));
  return answer;
}

bool has_crossed_bounds(const LpModel& model) {
  for (const Variable& v : model.variables)
    if (v.lower && v.upper && *v.lower > *v.upper) return true;
  return false;
}

Status read_status(const GlpkAnswer& a) {
  if (a.status == GLP_OPT) return Status::Optimal;
  if (a.status == GLP_NOFEAS || a.primal == GLP_NOFEAS) return Status::Infeasible;
  // Dual infeasible at a primal feasible point: the primal is unbounded.
  if (a.status == GLP_UNBND || (a.primal == GLP_FEAS && a.dual == GLP_NOFEAS)) return Status::Unbounded;
  throw std::runtime_error("GLPK ended with undecided status " + std::to_string(a.status));
}

BasisStatus from_glpk(int stat) {
  switch (stat) {
    case GLP_BS: return BasisStatus::Basic;
    case GLP_NL: return BasisStatus::AtLower;
    case GLP_NU: return BasisStatus::AtUpper;
    case GLP_NF: return BasisStatus::Free;
    case GLP_NS: return BasisStatus::Fixed;
  }
  throw std::runtime_error("GLPK returned unknown basis status " + std::to_string(stat));
}

Basis read_basis(const GlpkAnswer& a, const LpModel& model) {
  Basis basis;
  for (int j = 0; j < model.num_vars(); ++j) basis.variables.push_back(from_glpk(a.col_stat[j + 1]));
  for (int i = 0; i < model.num_rows(); ++i) {
    const int stat = a.row_stat[i + 1];
    // A nonbasic row is tight; name its side in our convention (same as GLPK's auxiliaries).
    basis.rows.push_back(stat == GLP_BS ? BasisStatus::Basic : tight_row_status(model.constraints[i].op));
  }
  return basis;
}

}  // namespace

Solution<Rational> glpk_exact_solve(const LpModel& model) {
  Solution<Rational> result;
  if (has_crossed_bounds(model)) {
    result.status = Status::Infeasible;  // some l_j > u_j: no point at all
    return result;
  }
  const GlpkAnswer answer = solve_with_glpk(model);
  result.status = read_status(answer);
  if (result.status != Status::Optimal) return result;  // no exact certificate from GLPK

  check_deadline();
  result = basic_solution(model, read_basis(answer, model));
  if (const std::string why = basic_solution_defect(model, result); !why.empty())
    throw std::runtime_error("glpk_exact_solve: GLPK's final basis is not optimal for the exact data: " + why);
  return result;
}

}  // namespace equilab::lp
