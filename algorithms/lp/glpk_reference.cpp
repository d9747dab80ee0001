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
#include "lp/glpk_reference.h"

#include "lp/basis_recompute.h"

#include <glpk.h>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::lp {
namespace {

struct ProbDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using ProbPtr = std::unique_ptr<glp_prob, ProbDeleter>;

// Silences GLPK's terminal output for the lifetime of the object.
class QuietTerminal {
 public:
  QuietTerminal() : previous_(glp_term_out(GLP_OFF)) {}
  ~QuietTerminal() { glp_term_out(previous_); }
  QuietTerminal(const QuietTerminal&) = delete;
  QuietTerminal& operator=(const QuietTerminal&) = delete;

 private:
  int previous_;
};

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

// GLPK bound type and values of a variable l <= x <= u (either side may be infinite),
// scaled by `scale` > 0.
void set_column_bounds(glp_prob* p, int col, const Variable& v, const Rational& scale) {
  const double lo = v.lower ? to_double(*v.lower * scale) : 0.0;
  const double up = v.upper ? to_double(*v.upper * scale) : 0.0;
  int type = GLP_FR;
  if (v.lower && v.upper) type = (*v.lower == *v.upper) ? GLP_FX : GLP_DB;
  else if (v.lower) type = GLP_LO;
  else if (v.upper) type = GLP_UP;
  glp_set_col_bnds(p, col, type, lo, up);
}

// GLPK's auxiliary variable of a row is its activity a_i·x, bounded by the rhs
// (scaled by `scale` > 0).
void set_row_bounds(glp_prob* p, int row, const Constraint& c, const Rational& scale) {
  const double b = to_double(c.rhs * scale);
  switch (c.op) {
    case RowOp::LessEqual: glp_set_row_bnds(p, row, GLP_UP, 0.0, b); break;
    case RowOp::GreaterEqual: glp_set_row_bnds(p, row, GLP_LO, b, 0.0); break;
    case RowOp::Equal: glp_set_row_bnds(p, row, GLP_FX, b, b); break;
  }
}

// Coefficients in GLPK's 1-based triplet form; duplicate indices are summed, zeros dropped.
void load_matrix(glp_prob* p, const LpModel& model, const Scaling& s) {
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  for (int i = 0; i < model.num_rows(); ++i) {
    SparseVector merged;
    for (const auto& [j, a] : model.constraints[i].coef) {
      if (!merged.empty() && merged.back().first == j) merged.back().second += a;
      else merged.emplace_back(j, a);
    }
    for (const auto& [j, a] : merged) {
      if (a == 0) continue;
      ia.push_back(i + 1);
      ja.push_back(j + 1);
      ar.push_back(to_double(a * s.row[i] / s.col[j]));
    }
  }
  glp_load_matrix(p, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
}

ProbPtr build_problem(const LpModel& model) {
  const Scaling s = integer_scaling(model).value_or(identity_scaling(model));
  ProbPtr p(glp_create_prob());
  glp_set_obj_dir(p.get(), model.sense == Sense::Maximize ? GLP_MAX : GLP_MIN);
  const int m = model.num_rows(), n = model.num_vars();
  if (m > 0) glp_add_rows(p.get(), m);  // GLPK aborts on a zero count
  if (n > 0) glp_add_cols(p.get(), n);
  for (int i = 0; i < m; ++i) set_row_bounds(p.get(), i + 1, model.constraints[i], s.row[i]);
  for (int j = 0; j < n; ++j) {
    set_column_bounds(p.get(), j + 1, model.variables[j], s.col[j]);
    glp_set_obj_coef(p.get(), j + 1, to_double(model.objective[j] * s.obj / s.col[j]));
  }
  load_matrix(p.get(), model, s);
  return p;
}

bool has_crossed_bounds(const LpModel& model) {
  for (const Variable& v : model.variables)
    if (v.lower && v.upper && *v.lower > *v.upper) return true;
  return false;
}

// glp_simplex in double from the standard basis, then glp_exact from its final basis.
void run_glpk(glp_prob* p, const LpModel& model) {
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;
  const int approx = glp_simplex(p, &parm);
  if (approx != 0) glp_std_basis(p);  // glp_exact then starts from the slack basis
  if (model.num_rows() == 0 || model.num_vars() == 0) {
    // glp_exact refuses empty problems; the double simplex result of such a trivial
    // problem only serves to pick the basis, which is recomputed exactly below.
    if (approx != 0) throw std::runtime_error("glp_simplex failed with code " + std::to_string(approx));
    return;
  }
  const int exact = glp_exact(p, &parm);
  if (exact != 0) throw std::runtime_error("glp_exact failed with code " + std::to_string(exact));
}

Status read_status(glp_prob* p) {
  const int status = glp_get_status(p);
  const int prim = glp_get_prim_stat(p);
  const int dual = glp_get_dual_stat(p);
  if (status == GLP_OPT) return Status::Optimal;
  if (status == GLP_NOFEAS || prim == GLP_NOFEAS) return Status::Infeasible;
  // Dual infeasible at a primal feasible point: the primal is unbounded.
  if (status == GLP_UNBND || (prim == GLP_FEAS && dual == GLP_NOFEAS)) return Status::Unbounded;
  throw std::runtime_error("GLPK ended with undecided status " + std::to_string(status));
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

Basis read_basis(glp_prob* p, const LpModel& model) {
  Basis basis;
  for (int j = 0; j < model.num_vars(); ++j) basis.variables.push_back(from_glpk(glp_get_col_stat(p, j + 1)));
  for (int i = 0; i < model.num_rows(); ++i) {
    const int stat = glp_get_row_stat(p, i + 1);
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
  QuietTerminal quiet;
  ProbPtr p = build_problem(model);
  run_glpk(p.get(), model);
  result.status = read_status(p.get());
  if (result.status != Status::Optimal) return result;  // no exact certificate from GLPK

  result = basic_solution(model, read_basis(p.get(), model));
  if (const std::string why = basic_solution_defect(model, result); !why.empty())
    throw std::runtime_error("glpk_exact_solve: GLPK's final basis is not optimal for the exact data: " + why);
  return result;
}

}  // namespace equilab::lp
