// Exact measures of an LP result's distance from a proof (verify/lp_measures.h). The conditions
// are those of verify/lp_certificate.cpp, with the same conventions (README "LP conventions"):
// dual y_i >= 0 on <= rows of a max problem, <= 0 on >= rows (reversed for min), free on =;
// d = c − Aᵀy; in a max problem d_j > 0 multiplies u_j and d_j < 0 multiplies l_j (reversed for
// min). Every quantity is computed in exact rational arithmetic from the numbers as written.
#include "verify/lp_measures.h"
#include "verify/lp_algebra.h"

#include "verify/decimal_text.h"

#include <algorithm>
#include <optional>

namespace equilab::verify {
namespace {

using lp::Constraint;
using lp::LpModel;
using lp::RowOp;
using lp::Sense;
using lp::Variable;

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

// The largest of several non-negative candidates, with where it is attained (the first on ties).
struct Largest {
  Rational value = 0;
  std::string where;
  void offer(const Rational& v, const std::string& at) {
    if (v > value) {
      value = v;
      where = at;
    }
  }
};

// max(l − x, x − u, 0) per variable and the violation of every row, at the point x.
Largest primal_infeasibility(const LpModel& model, const std::vector<Rational>& x) {
  Largest worst;
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    if (v.lower) worst.offer(*v.lower - x[j], "the lower bound of variable " + quoted(v.name));
    if (v.upper) worst.offer(x[j] - *v.upper, "the upper bound of variable " + quoted(v.name));
  }
  const std::vector<Rational> activity = row_activities(model, x);
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational& ax = activity[i];
    const Rational excess = ax - row.rhs;
    const Rational violation = row.op == RowOp::LessEqual      ? excess
                               : row.op == RowOp::GreaterEqual ? Rational(-excess)
                                                               : Rational(abs(excess));
    worst.offer(violation, "row " + quoted(row.name));
  }
  return worst;
}

// +1: the multiplier must be >= 0, −1: <= 0, 0: free.
int required_sign(Sense sense, RowOp op) {
  if (op == RowOp::Equal) return 0;
  const int sign = op == RowOp::LessEqual ? 1 : -1;
  return sense == Sense::Maximize ? sign : -sign;
}

// How far `value` is from the sign it needs.
Rational sign_violation(const Rational& value, int sign) {
  if (sign > 0 && value < 0) return -value;
  if (sign < 0 && value > 0) return value;
  return 0;
}

LpMeasure measure(std::string name, const Largest& l) { return {std::move(name), l.value, l.where, ""}; }

// The largest |reported − recomputed| over a reported vector (empty: not reported).
std::optional<Largest> report_error(const LpModel& model, const std::vector<Rational>& reported,
                                    const std::vector<Rational>& exact) {
  if (reported.size() != exact.size()) return std::nullopt;
  Largest worst;
  for (int j = 0; j < model.num_vars(); ++j)
    worst.offer(abs(reported[j] - exact[j]), "variable " + quoted(model.variables[j].name));
  return worst;
}

void measure_optimal(const LpModel& model, const lp::Solution<Rational>& r, LpMeasures& out) {
  const bool has_x = static_cast<int>(r.primal.size()) == model.num_vars();
  const bool has_y = static_cast<int>(r.dual.size()) == model.num_rows();
  if (!has_x)
    out.missing.push_back(
        "no primal point of the right size: primal infeasibility and the gap are not measured");
  if (!has_y)
    out.missing.push_back("no dual of the right size: dual infeasibility and the gap are not measured");
  if (has_x)
    out.measures.push_back(
        measure("largest primal infeasibility (bounds and rows)", primal_infeasibility(model, r.primal)));
  std::optional<Rational> cx;
  if (has_x) cx = dot(model.objective, r.primal);
  if (has_y) {
    // Sign conditions of the duals, then the reduced costs whose sign needs an infinite bound.
    Largest dual;
    for (int i = 0; i < model.num_rows(); ++i)
      dual.offer(sign_violation(r.dual[i], required_sign(model.sense, model.constraints[i].op)),
                 "the sign of the dual of row " + quoted(model.constraints[i].name));
    std::vector<Rational> d = transpose_times(model, r.dual);
    for (int j = 0; j < model.num_vars(); ++j) d[j] = model.objective[j] - d[j];
    Rational bound_term = 0;
    bool skipped = false;
    for (int j = 0; j < model.num_vars(); ++j) {
      if (d[j] == 0) continue;
      const Variable& v = model.variables[j];
      const bool upper = (d[j] > 0) == (model.sense == Sense::Maximize);
      const std::optional<Rational>& bound = upper ? v.upper : v.lower;
      if (!bound) {
        dual.offer(abs(d[j]), "the reduced cost of variable " + quoted(v.name) + " (no finite " +
                                  (upper ? "upper" : "lower") + " bound)");
        skipped = true;
        continue;
      }
      bound_term += d[j] * *bound;
    }
    out.measures.push_back(measure("largest dual infeasibility (signs and reduced costs)", dual));
    if (cx) {
      Rational yb = 0;
      for (int i = 0; i < model.num_rows(); ++i) yb += r.dual[i] * model.constraints[i].rhs;
      out.measures.push_back(
          {"duality gap |c·x − (y·b + Σ d_j·bound_j)|", abs(*cx - (yb + bound_term)), "",
           skipped ? "(the reduced costs that need an infinite bound are left out of the sum)" : ""});
    }
    if (auto e = report_error(model, r.reduced_costs, d))
      out.measures.push_back(measure("largest error of the reported reduced costs against c − Aᵀy", *e));
  }
  if (cx)
    out.measures.push_back({model.objective_constant == 0 ? "objective error |objective − c·x|"
                                                          : "objective error |objective − (c·x + constant)|",
                            abs(r.objective - (*cx + model.objective_constant)), "", ""});
}

void measure_infeasible(const LpModel& model, const lp::Solution<Rational>& r, LpMeasures& out) {
  if (static_cast<int>(r.farkas.size()) != model.num_rows()) {
    out.missing.push_back("no Farkas multipliers of the right size: nothing proves infeasibility");
    return;
  }
  const std::vector<Rational>& y = r.farkas;
  Largest sign;
  for (int i = 0; i < model.num_rows(); ++i)
    sign.offer(sign_violation(y[i], required_sign(Sense::Maximize, model.constraints[i].op)),
               "the sign of the Farkas multiplier of row " + quoted(model.constraints[i].name));
  const std::vector<Rational> z = transpose_times(model, y);
  Rational box_min = 0;
  bool skipped = false;
  for (int j = 0; j < model.num_vars(); ++j) {
    if (z[j] == 0) continue;
    const Variable& v = model.variables[j];
    const std::optional<Rational>& bound = z[j] > 0 ? v.lower : v.upper;
    if (!bound) {
      sign.offer(abs(z[j]), "Aᵀy of variable " + quoted(v.name) + " (no finite " +
                                (z[j] > 0 ? "lower" : "upper") + " bound)");
      skipped = true;
      continue;
    }
    box_min += z[j] * *bound;
  }
  out.measures.push_back(
      measure("largest infeasibility of the Farkas multipliers (signs and infinite bounds)", sign));
  Rational yb = 0;
  for (int i = 0; i < model.num_rows(); ++i) yb += y[i] * model.constraints[i].rhs;
  out.measures.push_back({"Farkas margin min over the bounds of (Aᵀy)·x − y·b", box_min - yb, "",
                          std::string("(a proof needs > 0)") +
                              (skipped ? "; the terms that need an infinite bound are left out" : "")});
  if (auto e = report_error(model, r.farkas_bounds, z))
    out.measures.push_back(measure("largest error of the reported farkas_bounds against Aᵀy", *e));
}

void measure_unbounded(const LpModel& model, const lp::Solution<Rational>& r, LpMeasures& out) {
  if (static_cast<int>(r.primal.size()) == model.num_vars())
    out.measures.push_back(measure("largest primal infeasibility of the point (bounds and rows)",
                                   primal_infeasibility(model, r.primal)));
  else
    out.missing.push_back("no primal point of the right size");
  if (static_cast<int>(r.ray.size()) != model.num_vars()) {
    out.missing.push_back("no ray of the right size: nothing proves unboundedness");
    return;
  }
  Largest ray;
  const std::vector<Rational> ray_activity = row_activities(model, r.ray);
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational& ar = ray_activity[i];
    const Rational v = row.op == RowOp::LessEqual      ? ar
                       : row.op == RowOp::GreaterEqual ? Rational(-ar)
                                                       : Rational(abs(ar));
    ray.offer(v, "row " + quoted(row.name));
  }
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    if (v.lower) ray.offer(-r.ray[j], "the lower bound of variable " + quoted(v.name));
    if (v.upper) ray.offer(r.ray[j], "the upper bound of variable " + quoted(v.name));
  }
  out.measures.push_back(measure("largest infeasibility of the ray (rows and bounds)", ray));
  out.measures.push_back({"improvement c·r", dot(model.objective, r.ray), "",
                          model.sense == Sense::Maximize ? "(a proof needs > 0)" : "(a proof needs < 0)"});
}

}  // namespace

std::string measure_decimal(const Rational& value) { return decimal_text(value, 3); }

std::string measure_text(const Rational& value) {
  return to_string(value) + " (" + measure_decimal(value) + ")";
}

LpMeasures measure_lp_result(const lp::LpModel& model, const lp::Solution<Rational>& result) {
  LpMeasures out;
  if (static_cast<int>(model.objective.size()) != model.num_vars()) return out;
  switch (result.status) {
    case lp::Status::Optimal:
      measure_optimal(model, result, out);
      break;
    case lp::Status::Infeasible:
      measure_infeasible(model, result, out);
      break;
    case lp::Status::Unbounded:
      measure_unbounded(model, result, out);
      break;
  }
  return out;
}

std::vector<std::string> measure_lines(const LpMeasures& m) {
  std::vector<std::string> lines;
  for (const LpMeasure& x : m.measures)
    lines.push_back(x.name + ": " + measure_text(x.value) + (x.where.empty() ? "" : " at " + x.where) +
                    (x.note.empty() ? "" : " " + x.note));
  for (const std::string& s : m.missing) lines.push_back(s);
  return lines;
}

}  // namespace equilab::verify
