// Seeded random LPs. Every draw goes through equilab::Random, so a (seed, options)
// pair names one instance on every machine. Each kind is built around a point x0
// that lies within the variable bounds; the rows are drawn first and their right-hand
// sides are then chosen so that x0 satisfies them (with a slack >= 0 on inequalities).
// The kinds add structure on top of that feasible core:
//
//   general     mixed <=, >=, = rows, mixed bounds (most variables bounded above),
//               random objective; feasible, usually optimal, sometimes unbounded.
//   bounded     every variable has finite lower and upper bounds: always optimal.
//   equality    all rows are '=': feasible by construction, usually optimal.
//   degenerate  many rows tight at x0, duplicated and parallel rows, many x0_j at a
//               bound, and an objective built from KKT multipliers with many zeros,
//               so x0 is optimal (always optimal), the optimum is typically primal
//               degenerate (more tight rows and bounds than variables, parallel tight
//               rows) and dual degenerate (zero multipliers on tight rows and zero
//               reduced costs at bounds: ties, i.e. alternative optima).
//   infeasible  the feasible core plus one contradicting row; see make_contradiction.
//   unbounded   the feasible core plus a ray r that every row and bound admits and the
//               objective strictly improves along; see generate_lp.
#include "generators/lp_generator.h"

#include "core/random.h"

#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace equilab::gen {

namespace {

using lp::Constraint;
using lp::LpModel;
using lp::RowOp;
using lp::Sense;
using lp::Variable;

constexpr LpKind kAllKinds[] = {LpKind::General,  LpKind::Degenerate, LpKind::Infeasible,
                                LpKind::Unbounded, LpKind::Equality,   LpKind::Bounded};

class Builder {
 public:
  Builder(std::uint64_t seed, const LpGenOptions& options)
      : rng_(seed), density_num_(static_cast<std::uint64_t>(std::llround(options.density * 1000))) {
    if (density_num_ == 0) density_num_ = 1;  // density in (0, 0.0005): keep it a positive probability
  }

  Random& rng() { return rng_; }

  // A nonzero coefficient: mostly a small integer, sometimes a small-denominator rational.
  Rational coefficient() {
    for (;;) {
      Rational a = rng_.bernoulli(1, 4) ? rng_.uniform_rational(-9, 9, 4) : Rational(rng_.uniform_int(-9, 9));
      if (a != 0) return a;
    }
  }

  bool entry_present() { return rng_.bernoulli(density_num_, 1000); }

  // Draws the sparse coefficient vector of one row over n variables (never empty).
  std::vector<std::pair<int, Rational>> row_coefficients(int n) {
    std::vector<std::pair<int, Rational>> coef;
    for (int j = 0; j < n; ++j)
      if (entry_present()) coef.emplace_back(j, coefficient());
    if (coef.empty()) {
      const int j = static_cast<int>(rng_.uniform_int(0, n - 1));
      coef.emplace_back(j, coefficient());
    }
    return coef;
  }

  // Bounds. `style` selects the family used by each kind.
  enum class BoundStyle { Mixed, Finite, LowerFinite };
  Variable variable(int index, BoundStyle style) {
    Variable v;
    v.name = "x" + std::to_string(index + 1);
    const std::int64_t r = rng_.uniform_int(0, 99);
    if (style == BoundStyle::Finite) {
      if (r < 50) {
        v.lower = Rational(0);
        v.upper = Rational(rng_.uniform_int(1, 10));
      } else if (r < 95) {
        v.lower = Rational(rng_.uniform_int(-5, 5));
        v.upper = *v.lower + rng_.uniform_rational(1, 10, 2);
      } else {
        v.lower = v.upper = Rational(rng_.uniform_int(-3, 3));
      }
      return v;
    }
    if (style == BoundStyle::LowerFinite) {  // lower bound always finite
      if (r < 45) {
        v.lower = Rational(0);
        v.upper.reset();
      } else if (r < 85) {
        v.lower = Rational(0);
        v.upper = Rational(rng_.uniform_int(1, 10));
      } else {
        v.lower = Rational(rng_.uniform_int(-5, 5));
        v.upper = *v.lower + Rational(rng_.uniform_int(1, 8));
      }
      return v;
    }
    // Mixed: mostly bounded above so that general LPs are usually optimal.
    if (r < 10) {  // free
      v.lower.reset();
      v.upper.reset();
    } else if (r < 32) {  // [0, inf)
      v.lower = Rational(0);
      v.upper.reset();
    } else if (r < 36) {  // (-inf, u]
      v.lower.reset();
      v.upper = Rational(rng_.uniform_int(-3, 8));
    } else if (r < 39) {  // fixed
      v.lower = v.upper = Rational(rng_.uniform_int(-3, 3));
    } else if (r < 75) {  // [0, u]
      v.lower = Rational(0);
      v.upper = Rational(rng_.uniform_int(1, 10));
    } else {  // [l, u]
      v.lower = Rational(rng_.uniform_int(-5, 5));
      v.upper = *v.lower + rng_.uniform_rational(1, 10, 2);
    }
    return v;
  }

  // A point within the bounds of v; at a finite bound with probability at_bound/100.
  Rational point(const Variable& v, std::uint64_t at_bound) {
    const bool lo = v.lower.has_value(), up = v.upper.has_value();
    if (lo && up && *v.lower == *v.upper) return *v.lower;
    if ((lo || up) && rng_.bernoulli(at_bound, 100)) {
      if (lo && up) return rng_.bernoulli(1, 2) ? *v.lower : *v.upper;
      return lo ? *v.lower : *v.upper;
    }
    if (lo && up) return *v.lower + (*v.upper - *v.lower) * rng_.uniform_rational(0, 1, 4);
    if (lo) return *v.lower + rng_.uniform_rational(0, 4, 3);
    if (up) return *v.upper - rng_.uniform_rational(0, 4, 3);
    return rng_.uniform_rational(-4, 4, 3);
  }

  // Slack >= 0: zero with probability zero_pct/100, else a small rational.
  Rational slack(std::uint64_t zero_pct) {
    if (rng_.bernoulli(zero_pct, 100)) return Rational(0);
    return rng_.uniform_rational(0, 6, 2);
  }

  RowOp mixed_op() {
    const std::int64_t r = rng_.uniform_int(0, 9);
    return r < 5 ? RowOp::LessEqual : (r < 8 ? RowOp::GreaterEqual : RowOp::Equal);
  }

  Rational objective_coefficient() {
    return rng_.bernoulli(1, 5) ? rng_.uniform_rational(-9, 9, 3) : Rational(rng_.uniform_int(-9, 9));
  }

 private:
  Random rng_;
  std::uint64_t density_num_;
};

Rational activity(const std::vector<std::pair<int, Rational>>& coef, const std::vector<Rational>& x) {
  Rational s = 0;
  for (const auto& [j, a] : coef) s += a * x[j];
  return s;
}

// Sets rhs so that x0 satisfies the row with the given slack (>= 0).
void set_rhs(Constraint& row, const std::vector<Rational>& x0, const Rational& slack) {
  const Rational act = activity(row.coef, x0);
  switch (row.op) {
    case RowOp::LessEqual: row.rhs = act + slack; break;
    case RowOp::GreaterEqual: row.rhs = act - slack; break;
    case RowOp::Equal: row.rhs = act; break;
  }
}

std::vector<std::pair<int, Rational>> to_sparse(const std::vector<Rational>& dense) {
  std::vector<std::pair<int, Rational>> out;
  for (int j = 0; j < static_cast<int>(dense.size()); ++j)
    if (dense[j] != 0) out.emplace_back(j, dense[j]);
  return out;
}

// The contradicting row of an `infeasible` instance.
//
// Why it is infeasible: write every chosen row in <= form (a <= row as is, a >= row
// negated, an = row in either direction) and every chosen bound as x_j <= u_j or
// -x_j <= -l_j. A nonnegative combination with weights w gives g·x <= h, which every
// point satisfying those rows and bounds obeys. The new row demands g·x >= h + delta
// (or g·x = h + delta, or -g·x <= -h - delta) with delta > 0, so no point satisfies
// the rows, the bounds and the new row together. A bound term is added whenever the
// combination so far is g = 0, so the new row is never empty.
Constraint make_contradiction(Builder& b, const LpModel& model) {
  const int n = model.num_vars();
  std::vector<Rational> g(n, Rational(0));
  Rational h = 0;
  for (const auto& row : model.constraints) {
    if (!b.rng().bernoulli(1, 2)) continue;
    Rational w = b.rng().uniform_rational(1, 3, 2);
    if (row.op == RowOp::GreaterEqual || (row.op == RowOp::Equal && b.rng().bernoulli(1, 2))) w = -w;
    for (const auto& [j, a] : row.coef) g[j] += w * a;
    h += w * row.rhs;
  }
  auto add_bound_term = [&] {
    std::vector<int> candidates;
    for (int j = 0; j < n; ++j)
      if (model.variables[j].lower || model.variables[j].upper) candidates.push_back(j);
    if (candidates.empty()) return false;
    const int j = candidates[static_cast<std::size_t>(b.rng().uniform_int(0, static_cast<std::int64_t>(candidates.size()) - 1))];
    const Variable& v = model.variables[j];
    const Rational w = b.rng().uniform_rational(1, 3, 2);
    const bool use_upper = v.upper && (!v.lower || b.rng().bernoulli(1, 2));
    if (use_upper) {  // x_j <= u_j
      g[j] += w;
      h += w * *v.upper;
    } else {  // -x_j <= -l_j
      g[j] -= w;
      h -= w * *v.lower;
    }
    return true;
  };
  auto all_zero = [&] {
    for (const auto& v : g)
      if (v != 0) return false;
    return true;
  };
  if (b.rng().bernoulli(1, 3)) add_bound_term();  // may cancel the rows' combination
  // From g = 0 a single bound term makes g nonzero. The caller guarantees that some
  // variable has a finite bound (the infeasible kind gives every variable a finite
  // lower bound), so add_bound_term cannot fail here.
  if (all_zero() && !add_bound_term())
    throw std::logic_error("generate_lp: could not build a contradicting row");
  const Rational delta = b.rng().uniform_rational(1, 3, 2);
  Constraint c;
  c.rhs = h + delta;
  const std::int64_t form = b.rng().uniform_int(0, 2);
  if (form == 0) {
    c.op = RowOp::GreaterEqual;
  } else if (form == 1) {
    c.op = RowOp::Equal;
  } else {  // -g·x <= -(h + delta)
    for (auto& v : g) v = -v;
    c.rhs = -c.rhs;
    c.op = RowOp::LessEqual;
  }
  c.coef = to_sparse(g);
  return c;
}

}  // namespace

LpKind parse_lp_kind(const std::string& text) {
  for (LpKind k : kAllKinds)
    if (text == to_string(k)) return k;
  std::string valid;
  for (LpKind k : kAllKinds) {
    if (!valid.empty()) valid += ", ";
    valid += to_string(k);
  }
  throw std::invalid_argument("unknown LP kind '" + text + "' (valid kinds: " + valid + ")");
}

const char* to_string(LpKind kind) {
  switch (kind) {
    case LpKind::General: return "general";
    case LpKind::Degenerate: return "degenerate";
    case LpKind::Infeasible: return "infeasible";
    case LpKind::Unbounded: return "unbounded";
    case LpKind::Equality: return "equality";
    case LpKind::Bounded: return "bounded";
  }
  return "?";
}

lp::LpModel generate_lp(std::uint64_t seed, const LpGenOptions& options) {
  if (options.vars < 1) throw std::invalid_argument("generate_lp: vars must be >= 1 (got " + std::to_string(options.vars) + ")");
  if (options.cons < 0) throw std::invalid_argument("generate_lp: cons must be >= 0 (got " + std::to_string(options.cons) + ")");
  if (!(options.density > 0.0 && options.density <= 1.0))
    throw std::invalid_argument("generate_lp: density must be in (0, 1] (got " + std::to_string(options.density) + ")");
  if (options.kind == LpKind::Infeasible && options.cons < 1)
    throw std::invalid_argument("generate_lp: kind 'infeasible' needs cons >= 1 (the contradicting row)");

  Builder b(seed, options);
  const int n = options.vars;
  const int m = options.cons;
  const LpKind kind = options.kind;

  LpModel model;
  model.sense = b.rng().bernoulli(1, 2) ? Sense::Maximize : Sense::Minimize;

  // ---- variables and bounds
  using BS = Builder::BoundStyle;
  const BS style = kind == LpKind::Bounded ? BS::Finite
                   : (kind == LpKind::Infeasible || kind == LpKind::Degenerate) ? BS::LowerFinite
                                                                                : BS::Mixed;
  model.variables.reserve(n);
  for (int j = 0; j < n; ++j) model.variables.push_back(b.variable(j, style));

  // unbounded: choose the ray first. Why the result is unbounded: x0 is feasible (rows
  // get their rhs from x0 below); for every t >= 0 the point x0 + t·r stays within the
  // bounds (r_j != 0 only towards an infinite bound) and within every row (each row's
  // operator is chosen, or its coefficients adjusted, so that a·r has the admissible
  // sign: <= 0 for <=, >= 0 for >=, = 0 for =); and the objective changes by t·c·r,
  // which is made strictly improving. So the LP is feasible with an improving ray.
  // Choose the ray first. Its support variables get an infinite bound in
  // the direction of the ray: r_j > 0 needs upper = inf, r_j < 0 needs lower = -inf.
  std::vector<Rational> ray(n, Rational(0));
  std::vector<int> support;
  if (kind == LpKind::Unbounded) {
    for (int j = 0; j < n; ++j)
      if (b.rng().bernoulli(1, 3)) support.push_back(j);
    if (support.empty()) support.push_back(static_cast<int>(b.rng().uniform_int(0, n - 1)));
    for (int j : support) {
      Variable& v = model.variables[j];
      const std::int64_t r = b.rng().uniform_int(0, 5);
      if (r < 3) {  // [0, inf), ray +
        v.lower = Rational(0);
        v.upper.reset();
        ray[j] = Rational(b.rng().uniform_int(1, 3));
      } else if (r < 4) {  // (-inf, u], ray -
        v.lower.reset();
        v.upper = Rational(b.rng().uniform_int(-3, 8));
        ray[j] = Rational(-b.rng().uniform_int(1, 3));
      } else {  // free, either direction
        v.lower.reset();
        v.upper.reset();
        ray[j] = Rational(b.rng().bernoulli(1, 2) ? b.rng().uniform_int(1, 3) : -b.rng().uniform_int(1, 3));
      }
    }
  }

  // ---- the feasible point
  const std::uint64_t at_bound = kind == LpKind::Degenerate ? 50 : 20;
  std::vector<Rational> x0(n);
  for (int j = 0; j < n; ++j) x0[j] = b.point(model.variables[j], at_bound);

  // ---- rows (the infeasible kind draws m - 1 and adds the contradiction below)
  const int feasible_rows = kind == LpKind::Infeasible ? m - 1 : m;
  model.constraints.reserve(m);
  for (int i = 0; i < feasible_rows; ++i) {
    Constraint row;
    if (kind == LpKind::Degenerate && i > 0 && b.rng().bernoulli(3, 10)) {
      // A duplicated or parallel copy of an earlier row (scaled by k > 0, or negated
      // with the inequality flipped). It keeps the tightness of the original at x0.
      const Constraint& src = model.constraints[static_cast<std::size_t>(b.rng().uniform_int(0, i - 1))];
      const Rational k = b.rng().bernoulli(1, 2) ? Rational(1) : b.rng().uniform_rational(1, 3, 3);
      const bool negate = b.rng().bernoulli(1, 3);
      const Rational s = negate ? Rational(-k) : k;
      for (const auto& [j, a] : src.coef) row.coef.emplace_back(j, s * a);
      row.rhs = s * src.rhs;
      row.op = src.op;
      if (negate && src.op == RowOp::LessEqual) row.op = RowOp::GreaterEqual;
      else if (negate && src.op == RowOp::GreaterEqual) row.op = RowOp::LessEqual;
      row.name = "c" + std::to_string(i + 1);
      model.constraints.push_back(std::move(row));
      continue;
    }
    row.coef = b.row_coefficients(n);
    if (kind == LpKind::Equality) {
      row.op = RowOp::Equal;
    } else if (kind == LpKind::Unbounded) {
      // The ray must be admitted: a·r <= 0 for <=, a·r >= 0 for >=, a·r = 0 for =.
      const Rational t = activity(row.coef, ray);
      if (t == 0) {
        row.op = b.mixed_op();
      } else if (b.rng().bernoulli(1, 5)) {
        // Make it an equality by adjusting one support coefficient so that a·r = 0.
        const int k = support[static_cast<std::size_t>(b.rng().uniform_int(0, static_cast<std::int64_t>(support.size()) - 1))];
        std::vector<Rational> dense(n, Rational(0));
        for (const auto& [j, a] : row.coef) dense[j] = a;
        dense[k] -= t / ray[k];
        auto adjusted = to_sparse(dense);
        if (!adjusted.empty()) {
          row.coef = std::move(adjusted);
          row.op = RowOp::Equal;
        } else {  // the row was a multiple of e_k: keep the inequality the ray admits
          row.op = t > 0 ? RowOp::GreaterEqual : RowOp::LessEqual;
        }
      } else {
        row.op = t > 0 ? RowOp::GreaterEqual : RowOp::LessEqual;
      }
    } else {
      row.op = b.mixed_op();
    }
    const std::uint64_t zero_slack = kind == LpKind::Degenerate ? 75 : 20;
    set_rhs(row, x0, b.slack(zero_slack));
    row.name = "c" + std::to_string(i + 1);
    model.constraints.push_back(std::move(row));
  }

  // ---- objective
  model.objective.assign(n, Rational(0));
  if (kind == LpKind::Degenerate) {
    // KKT construction for maximize c·x at x0: c = sum_i y_i a_i + d with
    // y_i >= 0 on tight <= rows, <= 0 on tight >= rows, free on = rows, 0 on loose rows;
    // d_j <= 0 when x0_j is at its lower bound only, >= 0 at its upper bound only, any
    // sign when fixed, 0 when strictly inside. Then y and d certify x0 optimal.
    // Half of the multipliers are zero: ties in the objective (dual degeneracy).
    for (const auto& row : model.constraints) {
      if (activity(row.coef, x0) != row.rhs) continue;
      if (b.rng().bernoulli(1, 2)) continue;
      Rational y = Rational(b.rng().uniform_int(1, 3));
      if (row.op == RowOp::GreaterEqual || (row.op == RowOp::Equal && b.rng().bernoulli(1, 2))) y = -y;
      for (const auto& [j, a] : row.coef) model.objective[j] += y * a;
    }
    for (int j = 0; j < n; ++j) {
      const Variable& v = model.variables[j];
      const bool at_lo = v.lower && x0[j] == *v.lower, at_up = v.upper && x0[j] == *v.upper;
      if (!(at_lo || at_up) || b.rng().bernoulli(1, 2)) continue;
      Rational d = Rational(b.rng().uniform_int(1, 3));
      if (at_lo && at_up) d = b.rng().bernoulli(1, 2) ? d : Rational(-d);
      else if (at_lo) d = -d;
      model.objective[j] += d;
    }
    if (model.sense == Sense::Minimize)
      for (auto& c : model.objective) c = -c;
  } else {
    for (int j = 0; j < n; ++j) model.objective[j] = b.objective_coefficient();
  }
  if (kind == LpKind::Unbounded) {
    // Strict improvement along the ray: c·r > 0 (max) or c·r < 0 (min). If the draw
    // does not give it, shift one support coefficient to make the product exactly ±gap.
    const Rational dir = model.sense == Sense::Maximize ? Rational(1) : Rational(-1);
    const Rational t = dir * activity(to_sparse(model.objective), ray);
    if (t <= 0) {
      const int k = support[static_cast<std::size_t>(b.rng().uniform_int(0, static_cast<std::int64_t>(support.size()) - 1))];
      const Rational gap = Rational(b.rng().uniform_int(1, 5));
      // want dir * (c·r + delta * r_k) = gap  =>  delta = (gap / dir - c·r) / r_k
      const Rational cr = dir * t;
      model.objective[k] += (gap / dir - cr) / ray[k];
    }
  }

  // ---- infeasible: the contradicting row, inserted at a random position
  if (kind == LpKind::Infeasible) {
    Constraint c = make_contradiction(b, model);
    const int pos = static_cast<int>(b.rng().uniform_int(0, m - 1));
    model.constraints.insert(model.constraints.begin() + pos, std::move(c));
    for (int i = 0; i < m; ++i) model.constraints[i].name = "c" + std::to_string(i + 1);
  }

  lp::normalize_rows(model);
  return model;
}

}  // namespace equilab::gen
