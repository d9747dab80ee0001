// Method `caratheodory`: exact LPs (lpsolve-repair), no flows.
//
// Faces. If x breaks an inequality of Q, that inequality is the Farkas certificate (quota form).
// Otherwise let z = x, mass 1. The minimal face of Q containing z fixes the cells at 0 or 1 and
// turns the rows tight at z into equalities; the LP over it returns a basic optimal solution v,
// a vertex of that face. If v is integral it is a point of Y; z = (z' + μ v)/(1 + μ) with
// z' = z + μ(z − v) and μ maximal such that z' ∈ Q, so v gets probability mass·μ/(1+μ), the mass
// becomes mass/(1+μ), and z' lies on a proper face (dimension drops): ≤ cells + 1 points. This is
// Carathéodory's theorem walked along faces; it succeeds whenever the faces met have integral
// vertices (always for bihierarchies, by BCKM).
//
// Columns. When a face has a fractional vertex (e.g. EMZ §5.2: the face of x = diag(½) is {x}),
// the face walk cannot continue inside conv(Y); restart from x on the column form: enumerate Y₊
// (integral feasible points using only cells where x > 0; a lottery can use no others) and solve
// Σ λ_y y = x (cells with x > 0), Σ λ_y = 1, λ ≥ 0. A basic solution has at most (support + 1)
// positive λ. Infeasible: the Farkas multipliers (u on the cell rows, β on Σλ = 1) satisfy
// ⟨u,y⟩ + β ≥ 0 for all y ∈ Y₊ and ⟨u,x⟩ + β < 0, so w = −u has ⟨w,x⟩ > β ≥ max_{Y₊} ⟨w,y⟩. The
// cells outside the support get w = −K with K large enough that they never help, so the bound
// B = max_{Y₊} ⟨w,y⟩ (computed exactly) is also the maximum over all of Y.
#include <algorithm>
#include <stdexcept>

#include "lp/lpsolve.h"
#include "pseudo_market/methods.h"

namespace equilab::pseudo_market {
namespace {

bool integral01(const Rational& q) { return q == 0 || q == 1; }

// One face step; returns false when the face's LP vertex is fractional.
bool face_walk(const DecomposeInstance& in, std::vector<LotteryPoint>& points, std::uint64_t& steps) {
  const int nc = in.num_cells();
  std::vector<Rational> z = in.x;
  Rational mass = 1;
  for (int iteration = 0; iteration <= nc + 1; ++iteration) {
    std::vector<int> free_cells, var_of(nc, -1);
    for (int c = 0; c < nc; ++c)
      if (!integral01(z[c])) {
        var_of[c] = static_cast<int>(free_cells.size());
        free_cells.push_back(c);
      }
    ++steps;
    if (free_cells.empty()) {
      LotteryPoint p;
      p.prob = mass;
      for (int c = 0; c < nc; ++c)
        if (z[c] == 1) p.entries.emplace_back(c, Rational(1));
      points.push_back(std::move(p));
      return true;
    }
    // The minimal face of Q containing z, over the free cells.
    lp::LpModel model;
    model.sense = lp::Sense::Maximize;
    for (int c : free_cells) {
      lp::Variable var;
      var.name = "y" + std::to_string(c);
      var.lower = Rational(0);
      var.upper = Rational(1);
      model.variables.push_back(std::move(var));
      model.objective.push_back(Rational(1));
    }
    std::vector<Rational> value(in.rows.size());
    std::vector<bool> tight(in.rows.size(), false);
    for (std::size_t r = 0; r < in.rows.size(); ++r) {
      const Row& row = in.rows[r];
      Rational fixed_part = 0, total = 0;
      std::vector<std::pair<int, Rational>> coef;
      for (const auto& [c, a] : row.coef) {
        total += a * z[c];
        if (var_of[c] >= 0)
          coef.emplace_back(var_of[c], a);
        else
          fixed_part += a * z[c];
      }
      value[r] = total;
      if (coef.empty()) continue;
      const bool at_ceiling = row.ceiling && total == *row.ceiling;
      const bool at_floor = total == row.floor;
      tight[r] = at_ceiling || at_floor;
      if (tight[r]) {
        model.constraints.push_back({"r" + std::to_string(r), coef, lp::RowOp::Equal, total - fixed_part});
        continue;
      }
      if (row.ceiling)
        model.constraints.push_back(
            {"c" + std::to_string(r), coef, lp::RowOp::LessEqual, *row.ceiling - fixed_part});
      if (row.floor > fixed_part)
        model.constraints.push_back(
            {"f" + std::to_string(r), coef, lp::RowOp::GreaterEqual, row.floor - fixed_part});
    }
    lp::normalize_rows(model);
    const lp::Solution<Rational> sol = lp::lpsolve_repair(model);
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("caratheodory: the face LP is ") + lp::to_string(sol.status) +
                             " although the current point lies on the face");
    std::vector<Rational> v = z;
    for (std::size_t k = 0; k < free_cells.size(); ++k) {
      if (!integral01(sol.primal[k])) return false;
      v[free_cells[k]] = sol.primal[k];
    }
    // μ: the largest step from z away from v that stays in Q.
    std::optional<Rational> mu;
    auto limit = [&](const Rational& m) {
      if (!mu || m < *mu) mu = m;
    };
    for (int c : free_cells) {
      const Rational d = z[c] - v[c];
      if (d > 0)
        limit((1 - z[c]) / d);
      else
        limit(z[c] / -d);
    }
    for (std::size_t r = 0; r < in.rows.size(); ++r) {
      if (tight[r]) continue;
      const Row& row = in.rows[r];
      Rational d = 0;
      for (const auto& [c, a] : row.coef) d += a * (z[c] - v[c]);
      if (d > 0 && row.ceiling) limit((*row.ceiling - value[r]) / d);
      if (d < 0) limit((value[r] - row.floor) / -d);
    }
    if (!mu || *mu <= 0) throw std::logic_error("caratheodory: no step away from the face vertex");
    LotteryPoint p;
    p.prob = mass * *mu / (1 + *mu);
    for (int c = 0; c < nc; ++c)
      if (v[c] == 1) p.entries.emplace_back(c, Rational(1));
    points.push_back(std::move(p));
    mass /= 1 + *mu;
    for (int c : free_cells) z[c] += *mu * (z[c] - v[c]);
  }
  throw std::logic_error("caratheodory: more than cells + 1 face steps");
}

Rational pairing(const std::vector<Rational>& w, const Point& p) {
  Rational s = 0;
  for (int c : p) s += w[c];
  return s;
}

}  // namespace

DecomposeResult solve_caratheodory(const DecomposeInstance& in, const DecomposeOptions& options) {
  DecomposeResult r;
  r.method = "caratheodory";
  if (auto v = first_violation(in, in.x)) {
    r.status = Status::NotImplementable;
    r.route = "quota";
    r.farkas = Farkas{std::move(v->weights), v->bound, v->value, v->label};
    return r;
  }
  if (face_walk(in, r.lottery, r.steps)) {
    r.status = Status::Implemented;
    r.route = "faces";
    return r;
  }
  r.lottery.clear();
  r.route = "columns";
  const int nc = in.num_cells();
  std::vector<bool> support(nc);
  std::vector<int> support_cells;
  for (int c = 0; c < nc; ++c)
    if ((support[c] = in.x[c] > 0)) support_cells.push_back(c);
  const std::vector<Point> Y = enumerate_points(in, support, options.max_enumeration);
  r.enumerated = Y.size();
  if (Y.empty()) {
    // No point avoids the cells outside the support: w = −1 there, and the bound is the maximum
    // over all of Y (−1 when Y is empty too; every bound is valid then).
    r.status = Status::NotImplementable;
    Farkas f;
    f.weights.assign(nc, Rational(0));
    for (int c = 0; c < nc; ++c)
      if (!support[c]) f.weights[c] = -1;
    f.value = 0;
    const std::vector<Point> all = enumerate_points(in, std::vector<bool>(nc, true), options.max_enumeration);
    f.bound = -1;
    for (std::size_t k = 0; k < all.size(); ++k) {
      const Rational s = pairing(f.weights, all[k]);
      if (k == 0 || s > f.bound) f.bound = s;
    }
    r.farkas = std::move(f);
    return r;
  }
  const int ns = static_cast<int>(support_cells.size());
  std::vector<int> row_of(nc, -1);
  for (int k = 0; k < ns; ++k) row_of[support_cells[k]] = k;
  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  model.constraints.resize(ns + 1);
  for (int k = 0; k < ns; ++k) {
    model.constraints[k].name = "x" + std::to_string(support_cells[k]);
    model.constraints[k].op = lp::RowOp::Equal;
    model.constraints[k].rhs = in.x[support_cells[k]];
  }
  model.constraints[ns].name = "sum";
  model.constraints[ns].op = lp::RowOp::Equal;
  model.constraints[ns].rhs = 1;
  for (std::size_t k = 0; k < Y.size(); ++k) {
    model.variables.push_back({"l" + std::to_string(k), Rational(0), std::nullopt});
    model.objective.push_back(Rational(0));
    for (int c : Y[k]) model.constraints[row_of[c]].coef.emplace_back(static_cast<int>(k), Rational(1));
    model.constraints[ns].coef.emplace_back(static_cast<int>(k), Rational(1));
  }
  lp::normalize_rows(model);
  const lp::Solution<Rational> sol = lp::lpsolve_repair(model);
  r.steps = 1;
  if (sol.status == lp::Status::Optimal) {
    r.status = Status::Implemented;
    for (std::size_t k = 0; k < Y.size(); ++k)
      if (sol.primal[k] != 0) {
        LotteryPoint p;
        p.prob = sol.primal[k];
        for (int c : Y[k]) p.entries.emplace_back(c, Rational(1));
        r.lottery.push_back(std::move(p));
      }
    return r;
  }
  if (sol.status != lp::Status::Infeasible)
    throw std::logic_error("caratheodory: the column LP is unbounded");
  r.status = Status::NotImplementable;
  Farkas f;
  f.weights.assign(nc, Rational(0));
  for (int k = 0; k < ns; ++k) f.weights[support_cells[k]] = -sol.farkas[k];
  Rational best;
  for (std::size_t k = 0; k < Y.size(); ++k) {
    const Rational s = pairing(f.weights, Y[k]);
    if (k == 0 || s > best) best = s;
  }
  Rational gain = 0;  // the most the support cells can add
  for (int c : support_cells)
    if (f.weights[c] > 0) gain += f.weights[c];
  const Rational K = std::max(Rational(0), Rational(gain - best)) + 1;
  for (int c = 0; c < nc; ++c)
    if (!support[c]) f.weights[c] = -K;
  f.bound = best;
  f.value = 0;
  for (int c = 0; c < nc; ++c) f.value += f.weights[c] * in.x[c];
  if (!(f.value > f.bound))
    throw std::logic_error("caratheodory: the Farkas multipliers do not separate x from the integral points");
  r.farkas = std::move(f);
  return r;
}

}  // namespace equilab::pseudo_market
