// Exact LP certificate checker. Conventions (shared by every LP method):
// - dual y_i = shadow price of row i. Max: y >= 0 on <=, y <= 0 on >=; min: reversed; = free.
// - reduced cost d = c - A^T y. Max: d_j > 0 multiplies u_j, d_j < 0 multiplies l_j;
//   min: d_j > 0 multiplies l_j, d_j < 0 multiplies u_j; the bound must be finite.
//   Then y·b + sum_j d_j·bound_j bounds c·x over the feasible set (weak duality), and
//   equality with c·x of a feasible x proves optimality.
// - Farkas: y >= 0 on <=, y <= 0 on >=, free on =, z = A^T y; every feasible x has
//   z·x = y·Ax <= y·b, so min over the box of z·x > y·b proves infeasibility.
// - Unbounded: a feasible point x and a ray r with A r "pointing inside" every row,
//   r inside the recession cone of the box, and c·r improving.
#include "verify/lp_certificate.h"
#include "verify/lp_algebra.h"

#include <optional>
#include <string>
#include <vector>

namespace equilab::verify {
namespace {

using lp::Constraint;
using lp::LpModel;
using lp::RowOp;
using lp::Sense;
using lp::Variable;

std::string quoted(const std::string& name) { return "\"" + name + "\""; }
std::string var_label(const Variable& v) { return "variable " + quoted(v.name); }
std::string row_label(const Constraint& c) { return "row " + quoted(c.name); }
std::string sense_name(Sense s) { return s == Sense::Maximize ? "max" : "min"; }
std::string op_name(RowOp op) { return lp::to_string(op); }

// Checks that `values` has `expected` entries; reports and returns false otherwise.
bool has_size(Verdict& v, const std::vector<Rational>& values, int expected, const std::string& what) {
  if (static_cast<int>(values.size()) == expected) return true;
  v.fail(what + ": " + std::to_string(values.size()) + " entries, expected " + std::to_string(expected) +
         (values.empty() ? " (missing)" : ""));
  return false;
}

// l <= x <= u for every variable and every row satisfied.
void check_primal_feasible(Verdict& v, const LpModel& model, const std::vector<Rational>& x, const std::string& what) {
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& var = model.variables[j];
    if (var.lower && x[j] < *var.lower)
      v.fail(what + ": " + var_label(var) + ": value " + to_string(x[j]) + " is below its lower bound " +
             to_string(*var.lower));
    if (var.upper && x[j] > *var.upper)
      v.fail(what + ": " + var_label(var) + ": value " + to_string(x[j]) + " is above its upper bound " +
             to_string(*var.upper));
  }
  const std::vector<Rational> activity = row_activities(model, x);
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational& ax = activity[i];
    const bool ok = row.op == RowOp::LessEqual ? ax <= row.rhs : row.op == RowOp::GreaterEqual ? ax >= row.rhs : ax == row.rhs;
    if (!ok)
      v.fail(what + ": " + row_label(row) + ": activity " + to_string(ax) + " violates " + op_name(row.op) + " " +
             to_string(row.rhs));
  }
}

// +1 if the dual of a row of this kind must be >= 0, -1 if <= 0, 0 if free.
int required_dual_sign(Sense sense, RowOp op) {
  if (op == RowOp::Equal) return 0;
  const int sign = op == RowOp::LessEqual ? 1 : -1;
  return sense == Sense::Maximize ? sign : -sign;
}

// Sign condition text for a row multiplier.
std::string sign_rule(int sign) { return sign > 0 ? "must be >= 0" : "must be <= 0"; }

bool sign_ok(const Rational& value, int sign) { return sign == 0 || (sign > 0 ? value >= 0 : value <= 0); }

void check_dual_signs(Verdict& v, const LpModel& model, const std::vector<Rational>& y) {
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const int sign = required_dual_sign(model.sense, row.op);
    if (!sign_ok(y[i], sign))
      v.fail(row_label(row) + ": dual " + to_string(y[i]) + " has the wrong sign for " + op_name(row.op) + " in a " +
             sense_name(model.sense) + " problem (" + sign_rule(sign) + ")");
  }
}

// The bound that reduced cost d multiplies: true = upper, false = lower.
bool multiplies_upper(Sense sense, const Rational& d) { return (d > 0) == (sense == Sense::Maximize); }

// sum_j d_j·bound_j; nullopt (after reporting each one) when some d_j != 0 has an infinite bound.
std::optional<Rational> reduced_cost_term(Verdict& v, const LpModel& model, const std::vector<Rational>& d) {
  Rational sum = 0;
  bool finite = true;
  for (int j = 0; j < model.num_vars(); ++j) {
    if (d[j] == 0) continue;
    const Variable& var = model.variables[j];
    const bool upper = multiplies_upper(model.sense, d[j]);
    const std::optional<Rational>& bound = upper ? var.upper : var.lower;
    if (!bound) {
      v.fail(var_label(var) + ": reduced cost " + to_string(d[j]) + (d[j] > 0 ? " > 0" : " < 0") + " needs a finite " +
             (upper ? "upper" : "lower") + " bound in a " + sense_name(model.sense) + " problem");
      finite = false;
      continue;
    }
    sum += d[j] * *bound;
  }
  if (!finite) return std::nullopt;
  return sum;
}

void check_optimal(Verdict& v, const LpModel& model, const lp::Solution<Rational>& r) {
  bool sizes = has_size(v, r.primal, model.num_vars(), "primal");
  sizes = has_size(v, r.dual, model.num_rows(), "dual") && sizes;
  if (!sizes) return;
  check_primal_feasible(v, model, r.primal, "primal");
  check_dual_signs(v, model, r.dual);

  // d = c - A^T y, recomputed; a reported vector must agree.
  std::vector<Rational> d = transpose_times(model, r.dual);
  for (int j = 0; j < model.num_vars(); ++j) d[j] = model.objective[j] - d[j];
  if (!r.reduced_costs.empty() && has_size(v, r.reduced_costs, model.num_vars(), "reduced_costs"))
    for (int j = 0; j < model.num_vars(); ++j)
      if (r.reduced_costs[j] != d[j])
        v.fail(var_label(model.variables[j]) + ": reported reduced cost " + to_string(r.reduced_costs[j]) +
               " differs from c - A^T y = " + to_string(d[j]));

  // The objective value is c·x plus the model's constant; the constant adds to both sides of duality.
  const Rational primal_obj = dot(model.objective, r.primal) + model.objective_constant;
  std::vector<Rational> b(model.num_rows());
  for (int i = 0; i < model.num_rows(); ++i) b[i] = model.constraints[i].rhs;
  const std::optional<Rational> bound_term = reduced_cost_term(v, model, d);
  const char* cx = model.objective_constant == 0 ? "c·x" : "c·x + constant";
  if (r.objective != primal_obj)
    v.fail("objective: reported " + to_string(r.objective) + " differs from " + cx + " = " + to_string(primal_obj));
  if (!bound_term) return;  // no finite dual objective to compare
  const Rational dual_obj = dot(r.dual, b) + *bound_term + model.objective_constant;
  if (dual_obj != primal_obj)
    v.fail(std::string("duality gap: y·b + sum d_j·bound_j") + (model.objective_constant == 0 ? "" : " + constant") +
           " = " + to_string(dual_obj) + " differs from " + cx + " = " + to_string(primal_obj));
}

void check_infeasible(Verdict& v, const LpModel& model, const lp::Solution<Rational>& r) {
  if (!has_size(v, r.farkas, model.num_rows(), "farkas")) return;
  const std::vector<Rational>& y = r.farkas;
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const int sign = required_dual_sign(Sense::Maximize, row.op);
    if (!sign_ok(y[i], sign))
      v.fail(row_label(row) + ": Farkas multiplier " + to_string(y[i]) + " has the wrong sign for " + op_name(row.op) +
             " (" + sign_rule(sign) + ")");
  }
  const std::vector<Rational> z = transpose_times(model, y);
  if (!r.farkas_bounds.empty() && has_size(v, r.farkas_bounds, model.num_vars(), "farkas_bounds"))
    for (int j = 0; j < model.num_vars(); ++j)
      if (r.farkas_bounds[j] != z[j])
        v.fail(var_label(model.variables[j]) + ": reported farkas_bounds " + to_string(r.farkas_bounds[j]) +
               " differs from A^T y = " + to_string(z[j]));

  // min over l <= x <= u of z·x: z_j > 0 takes l_j, z_j < 0 takes u_j.
  Rational box_min = 0;
  bool finite = true;
  for (int j = 0; j < model.num_vars(); ++j) {
    if (z[j] == 0) continue;
    const Variable& var = model.variables[j];
    const std::optional<Rational>& bound = z[j] > 0 ? var.lower : var.upper;
    if (!bound) {
      v.fail(var_label(var) + ": A^T y = " + to_string(z[j]) + (z[j] > 0 ? " > 0 needs a finite lower" : " < 0 needs a finite upper") +
             " bound");
      finite = false;
      continue;
    }
    box_min += z[j] * *bound;
  }
  std::vector<Rational> b(model.num_rows());
  for (int i = 0; i < model.num_rows(); ++i) b[i] = model.constraints[i].rhs;
  const Rational yb = dot(y, b);
  if (finite && !(box_min > yb))
    v.fail("Farkas: min over the bounds of (A^T y)·x = " + to_string(box_min) + " is not greater than y·b = " +
           to_string(yb));
}

void check_unbounded(Verdict& v, const LpModel& model, const lp::Solution<Rational>& r) {
  bool sizes = has_size(v, r.primal, model.num_vars(), "primal");
  sizes = has_size(v, r.ray, model.num_vars(), "ray") && sizes;
  if (!sizes) return;
  check_primal_feasible(v, model, r.primal, "primal");
  const std::vector<Rational> ray_activity = row_activities(model, r.ray);
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational& ar = ray_activity[i];
    const int sign = row.op == RowOp::LessEqual ? -1 : row.op == RowOp::GreaterEqual ? 1 : 0;
    const bool ok = sign == 0 ? ar == 0 : sign_ok(ar, sign);
    if (!ok)
      v.fail("ray: " + row_label(row) + ": A r = " + to_string(ar) + " must be " +
             (sign == 0 ? "= 0" : sign > 0 ? ">= 0" : "<= 0") + " for a " + op_name(row.op) + " row");
  }
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& var = model.variables[j];
    if (var.lower && r.ray[j] < 0)
      v.fail("ray: " + var_label(var) + ": direction " + to_string(r.ray[j]) + " < 0 leaves its finite lower bound");
    if (var.upper && r.ray[j] > 0)
      v.fail("ray: " + var_label(var) + ": direction " + to_string(r.ray[j]) + " > 0 leaves its finite upper bound");
  }
  const Rational cr = dot(model.objective, r.ray);
  const bool improves = model.sense == Sense::Maximize ? cr > 0 : cr < 0;
  if (!improves)
    v.fail("ray: c·r = " + to_string(cr) + " does not improve a " + sense_name(model.sense) + " objective (must be " +
           (model.sense == Sense::Maximize ? "> 0)" : "< 0)"));
}

}  // namespace

Verdict check_lp_certificate(const lp::LpModel& model, const lp::Solution<Rational>& result) {
  Verdict verdict;
  if (static_cast<int>(model.objective.size()) != model.num_vars()) {
    verdict.fail("model: objective has " + std::to_string(model.objective.size()) + " entries for " +
                 std::to_string(model.num_vars()) + " variables");
    return verdict;
  }
  switch (result.status) {
    case lp::Status::Optimal: check_optimal(verdict, model, result); break;
    case lp::Status::Infeasible: check_infeasible(verdict, model, result); break;
    case lp::Status::Unbounded: check_unbounded(verdict, model, result); break;
  }
  return verdict;
}

}  // namespace equilab::verify
