// exact-simplex: textbook LPs with hand-computed answers, certificates checked by
// small independent helpers in exact arithmetic.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"

namespace {

using equilab::parse_rational;
using equilab::Rational;
using namespace equilab::lp;

Rational R(const char* text) { return parse_rational(text); }

// ---------------------------------------------------------------- model building

struct Builder {
  LpModel m;
  explicit Builder(Sense s) { m.sense = s; }
  int var(Rational cost, std::optional<Rational> lo = Rational(0),
          std::optional<Rational> up = std::nullopt) {
    m.variables.push_back({"x" + std::to_string(m.variables.size()), lo, up});
    m.objective.push_back(cost);
    return m.num_vars() - 1;
  }
  void row(std::vector<std::pair<int, Rational>> coef, RowOp op, Rational rhs) {
    m.constraints.push_back({"r" + std::to_string(m.constraints.size()), std::move(coef), op, rhs});
  }
};

constexpr auto LE = RowOp::LessEqual;
constexpr auto GE = RowOp::GreaterEqual;
constexpr auto EQ = RowOp::Equal;

Basis slack_basis(const LpModel& m) {
  Basis b;
  b.variables.assign(m.num_vars(), BasisStatus::AtLower);
  b.rows.assign(m.num_rows(), BasisStatus::Basic);
  return b;
}

// Solves exactly along the pure exact path (an explicit slack-basis warm start
// bypasses the double crash).
Solution<Rational> solve_exact_only(const LpModel& m, SimplexOptions o = {}) {
  Basis b = slack_basis(m);
  return simplex_solve<Rational>(m, o, &b);
}

// ---------------------------------------------------------------- certificate checks

Rational row_activity(const Constraint& row, const std::vector<Rational>& x) {
  Rational s = 0;
  for (const auto& [j, a] : row.coef) s += a * x[j];
  return s;
}

std::vector<Rational> transpose_times(const LpModel& m, const std::vector<Rational>& y) {
  std::vector<Rational> z(m.num_vars(), Rational(0));
  for (int i = 0; i < m.num_rows(); ++i)
    for (const auto& [j, a] : m.constraints[i].coef) z[j] += a * y[i];
  return z;
}

void expect_feasible(const LpModel& m, const std::vector<Rational>& x) {
  ASSERT_EQ(x.size(), static_cast<std::size_t>(m.num_vars()));
  for (int j = 0; j < m.num_vars(); ++j) {
    if (m.variables[j].lower) {
      EXPECT_GE(x[j], *m.variables[j].lower) << "var " << j;
    }
    if (m.variables[j].upper) {
      EXPECT_LE(x[j], *m.variables[j].upper) << "var " << j;
    }
  }
  for (int i = 0; i < m.num_rows(); ++i) {
    const auto& r = m.constraints[i];
    Rational a = row_activity(r, x);
    if (r.op == LE) {
      EXPECT_LE(a, r.rhs) << "row " << i;
    }
    if (r.op == GE) {
      EXPECT_GE(a, r.rhs) << "row " << i;
    }
    if (r.op == EQ) {
      EXPECT_EQ(a, r.rhs) << "row " << i;
    }
  }
}

// Optimality certificate: feasibility, dual signs, d = c - A^T y with signs matching
// the bounds the variables sit at, and y·b + sum d_j·bound_j == c·x == objective.
void expect_optimal_certificate(const LpModel& m, const Solution<Rational>& s) {
  ASSERT_EQ(s.status, Status::Optimal);
  expect_feasible(m, s.primal);
  ASSERT_EQ(s.dual.size(), static_cast<std::size_t>(m.num_rows()));
  ASSERT_EQ(s.reduced_costs.size(), static_cast<std::size_t>(m.num_vars()));
  const bool max = m.sense == Sense::Maximize;
  Rational dual_value = 0;
  for (int i = 0; i < m.num_rows(); ++i) {
    const auto& r = m.constraints[i];
    const Rational& y = s.dual[i];
    if (r.op == LE) {
      EXPECT_TRUE(max ? y >= 0 : y <= 0) << "dual sign row " << i;
    }
    if (r.op == GE) {
      EXPECT_TRUE(max ? y <= 0 : y >= 0) << "dual sign row " << i;
    }
    dual_value += y * r.rhs;
  }
  std::vector<Rational> aty = transpose_times(m, s.dual);
  Rational cx = 0;
  for (int j = 0; j < m.num_vars(); ++j) {
    const Rational& d = s.reduced_costs[j];
    EXPECT_EQ(d, m.objective[j] - aty[j]) << "reduced cost " << j;
    cx += m.objective[j] * s.primal[j];
    if (d == 0) continue;
    // max: d > 0 needs the upper bound, d < 0 the lower; min: the reverse.
    const bool wants_upper = max ? d > 0 : d < 0;
    const auto& bound = wants_upper ? m.variables[j].upper : m.variables[j].lower;
    ASSERT_TRUE(bound.has_value()) << "reduced cost " << j << " needs a finite bound";
    EXPECT_EQ(s.primal[j], *bound) << "complementary slackness var " << j;
    dual_value += d * *bound;
  }
  EXPECT_EQ(cx, s.objective);
  EXPECT_EQ(dual_value, s.objective) << "strong duality";
}

// Farkas: signs (>= 0 on <=, <= 0 on >=), farkas_bounds == A^T y, and
// min over the box of (A^T y)·x > y·b.
void expect_farkas(const LpModel& m, const Solution<Rational>& s) {
  ASSERT_EQ(s.status, Status::Infeasible);
  ASSERT_EQ(s.farkas.size(), static_cast<std::size_t>(m.num_rows()));
  Rational yb = 0;
  for (int i = 0; i < m.num_rows(); ++i) {
    const auto& r = m.constraints[i];
    if (r.op == LE) {
      EXPECT_GE(s.farkas[i], 0) << "farkas sign row " << i;
    }
    if (r.op == GE) {
      EXPECT_LE(s.farkas[i], 0) << "farkas sign row " << i;
    }
    yb += s.farkas[i] * r.rhs;
  }
  std::vector<Rational> z = transpose_times(m, s.farkas);
  EXPECT_EQ(s.farkas_bounds, z);
  Rational box_min = 0;
  for (int j = 0; j < m.num_vars(); ++j) {
    if (z[j] == 0) continue;
    const auto& bound = z[j] > 0 ? m.variables[j].lower : m.variables[j].upper;
    ASSERT_TRUE(bound.has_value()) << "farkas needs a finite bound on var " << j;
    box_min += z[j] * *bound;
  }
  EXPECT_GT(box_min, yb);
}

// Unbounded: a feasible point and an improving recession direction.
void expect_ray(const LpModel& m, const Solution<Rational>& s) {
  ASSERT_EQ(s.status, Status::Unbounded);
  expect_feasible(m, s.primal);
  ASSERT_EQ(s.ray.size(), static_cast<std::size_t>(m.num_vars()));
  for (const auto& r : m.constraints) {
    Rational ar = row_activity(r, s.ray);
    if (r.op == LE) {
      EXPECT_LE(ar, 0);
    }
    if (r.op == GE) {
      EXPECT_GE(ar, 0);
    }
    if (r.op == EQ) {
      EXPECT_EQ(ar, 0);
    }
  }
  Rational cr = 0;
  for (int j = 0; j < m.num_vars(); ++j) {
    if (m.variables[j].lower) {
      EXPECT_GE(s.ray[j], 0) << "ray var " << j;
    }
    if (m.variables[j].upper) {
      EXPECT_LE(s.ray[j], 0) << "ray var " << j;
    }
    cr += m.objective[j] * s.ray[j];
  }
  if (m.sense == Sense::Maximize)
    EXPECT_GT(cr, 0);
  else
    EXPECT_LT(cr, 0);
}

void expect_certificate(const LpModel& m, const Solution<Rational>& s) {
  switch (s.status) {
    case Status::Optimal:
      expect_optimal_certificate(m, s);
      break;
    case Status::Infeasible:
      expect_farkas(m, s);
      break;
    case Status::Unbounded:
      expect_ray(m, s);
      break;
  }
}

// Solves with every path (default, exact-only, double) and checks the exact
// certificates; the double answer must agree with the exact one.
Solution<Rational> solve_all_ways(const LpModel& m) {
  auto s = simplex_solve<Rational>(m);
  expect_certificate(m, s);
  auto e = solve_exact_only(m);
  expect_certificate(m, e);
  EXPECT_EQ(e.status, s.status);
  if (s.status == Status::Optimal) {
    EXPECT_EQ(e.objective, s.objective);
  }
  auto d = simplex_solve<double>(m);
  EXPECT_EQ(d.status, s.status);
  if (s.status == Status::Optimal && d.status == Status::Optimal) {
    EXPECT_NEAR(d.objective, s.objective.convert_to<double>(), 1e-7);
  }
  return s;
}

// ---------------------------------------------------------------- textbook LPs

// max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18 (Hillier & Lieberman's Wyndor
// Glass): optimum 36 at (2, 6), shadow prices (0, 3/2, 1).
LpModel wyndor() {
  Builder b(Sense::Maximize);
  int x = b.var(3), y = b.var(5);
  b.row({{x, 1}}, LE, 4);
  b.row({{y, 2}}, LE, 12);
  b.row({{x, 3}, {y, 2}}, LE, 18);
  return b.m;
}

TEST(Simplex, TextbookMax) {
  LpModel m = wyndor();
  auto s = solve_all_ways(m);
  EXPECT_EQ(s.objective, 36);
  EXPECT_EQ(s.primal, (std::vector<Rational>{2, 6}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{0, R("3/2"), 1}));
  EXPECT_EQ(s.reduced_costs, (std::vector<Rational>{0, 0}));
  auto d = simplex_solve<double>(m);
  EXPECT_NEAR(d.primal[0], 2, 1e-9);
  EXPECT_NEAR(d.primal[1], 6, 1e-9);
  EXPECT_NEAR(d.dual[1], 1.5, 1e-9);
  EXPECT_NEAR(d.dual[2], 1, 1e-9);
}

// min 2x + 3y s.t. x + y >= 4, x + 3y >= 6: vertices (0,4)=12, (3,1)=9, (6,0)=12.
// At (3,1): y1 + y2 = 2, y1 + 3y2 = 3, so duals (3/2, 1/2).
TEST(Simplex, MinWithGreaterEqualRows) {
  Builder b(Sense::Minimize);
  int x = b.var(2), y = b.var(3);
  b.row({{x, 1}, {y, 1}}, GE, 4);
  b.row({{x, 1}, {y, 3}}, GE, 6);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 9);
  EXPECT_EQ(s.primal, (std::vector<Rational>{3, 1}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{R("3/2"), R("1/2")}));
}

// max x + 2y + 3z s.t. x + y + z = 10, x - y = 2, 0 <= z <= 3: eliminating x and y
// gives 14 + 3z/2, so z = 3, y = 5/2, x = 9/2, objective 37/2; duals (3/2, -1/2),
// reduced cost of z = 3 - 3/2 = 3/2 at its upper bound.
TEST(Simplex, EqualityRows) {
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(2), z = b.var(3, Rational(0), Rational(3));
  b.row({{x, 1}, {y, 1}, {z, 1}}, EQ, 10);
  b.row({{x, 1}, {y, -1}}, EQ, 2);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, R("37/2"));
  EXPECT_EQ(s.primal, (std::vector<Rational>{R("9/2"), R("5/2"), 3}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{R("3/2"), R("-1/2")}));
  EXPECT_EQ(s.reduced_costs[2], R("3/2"));
  EXPECT_EQ(s.basis.variables[2], BasisStatus::AtUpper);
}

// max x s.t. x + y <= 4, x - y <= 2 with x, y free: x <= min(4 - y, 2 + y) peaks at
// y = 1, x = 3; duals (1/2, 1/2). A free variable w outside every row stays at 0.
TEST(Simplex, FreeVariables) {
  Builder b(Sense::Maximize);
  int x = b.var(1, std::nullopt), y = b.var(0, std::nullopt), w = b.var(0, std::nullopt);
  b.row({{x, 1}, {y, 1}}, LE, 4);
  b.row({{x, 1}, {y, -1}}, LE, 2);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 3);
  EXPECT_EQ(s.primal, (std::vector<Rational>{3, 1, 0}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{R("1/2"), R("1/2")}));
  EXPECT_EQ(s.basis.variables[w], BasisStatus::Free);
}

// min 2x + y s.t. x + y >= -3, x in [-2, 5], y in [-4, 0]: on x + y = -3 the cost is
// x - 3, so x = -2, y = -1, objective -5; dual 1, reduced cost of x = 1 at its lower.
// The start (both at lower: x + y = -6) is infeasible, so phase 1 runs.
TEST(Simplex, NegativeLowerAndFiniteUpperBounds) {
  Builder b(Sense::Minimize);
  int x = b.var(2, Rational(-2), Rational(5)), y = b.var(1, Rational(-4), Rational(0));
  b.row({{x, 1}, {y, 1}}, GE, -3);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, -5);
  EXPECT_EQ(s.primal, (std::vector<Rational>{-2, -1}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{1}));
  EXPECT_EQ(s.reduced_costs, (std::vector<Rational>{1, 0}));
}

// max 2x - y with x in [-2, 2], y in [-5, 1]; the rows are slack at (2, -5): 9.
TEST(Simplex, OptimumAtBounds) {
  Builder b(Sense::Maximize);
  int x = b.var(2, Rational(-2), Rational(2)), y = b.var(-1, Rational(-5), Rational(1));
  b.row({{x, 1}, {y, 1}}, LE, 3);
  b.row({{x, 1}, {y, -1}}, GE, -1);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 9);
  EXPECT_EQ(s.primal, (std::vector<Rational>{2, -5}));
  EXPECT_EQ(s.reduced_costs, (std::vector<Rational>{2, -1}));
  EXPECT_EQ(s.basis.variables[x], BasisStatus::AtUpper);
  EXPECT_EQ(s.basis.variables[y], BasisStatus::AtLower);
}

// A fixed variable (lower == upper) and a row on it.
TEST(Simplex, FixedVariable) {
  Builder b(Sense::Maximize);
  int x = b.var(1, Rational(3), Rational(3)), y = b.var(1);
  b.row({{x, 1}, {y, 1}}, LE, 5);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 5);
  EXPECT_EQ(s.primal, (std::vector<Rational>{3, 2}));
}

// No rows at all: each variable goes to its best bound.
TEST(Simplex, NoRows) {
  Builder b(Sense::Minimize);
  b.var(1, Rational(-1), Rational(4));
  b.var(-2, Rational(0), Rational(R("7/3")));
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, -1 - R("14/3"));
  Builder u(Sense::Minimize);
  u.var(-1);
  auto su = solve_all_ways(u.m);
  EXPECT_EQ(su.status, Status::Unbounded);
}

// Data beyond double range: the double crash cannot run, the exact path still does.
// max x + y s.t. 10^400 x <= 10^400, 10^-400 y <= 2 * 10^-400: x = 1, y = 2,
// duals 10^-400 and 10^400.
TEST(Simplex, ValuesBeyondDoubleRange) {
  const Rational big = R("1e400"), tiny = R("1e-400");
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(1);
  b.row({{x, big}}, LE, big);
  b.row({{y, tiny}}, LE, 2 * tiny);
  auto s = simplex_solve<Rational>(b.m);
  expect_optimal_certificate(b.m, s);
  EXPECT_EQ(s.objective, 3);
  EXPECT_EQ(s.dual, (std::vector<Rational>{tiny, big}));
}

// ---------------------------------------------------------------- infeasible / unbounded

TEST(Simplex, InfeasibleRows) {
  // x + y <= 1 and x + y >= 3 contradict: y = (1, -1) gives 0·x >= ... -2 < 0.
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(1);
  b.row({{x, 1}, {y, 1}}, LE, 1);
  b.row({{x, 1}, {y, 1}}, GE, 3);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.status, Status::Infeasible);
}

TEST(Simplex, InfeasibleThroughBounds) {
  // x <= 1 as a bound, 2x >= 3 as a row.
  Builder b(Sense::Minimize);
  int x = b.var(1, Rational(0), Rational(1));
  b.row({{x, 2}}, GE, 3);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.status, Status::Infeasible);
}

TEST(Simplex, InfeasibleEqualities) {
  // x + y = 1, x - y = 3, y >= 0 forces x = 2, y = -1.
  Builder b(Sense::Minimize);
  int x = b.var(0, std::nullopt), y = b.var(0);
  b.row({{x, 1}, {y, 1}}, EQ, 1);
  b.row({{x, 1}, {y, -1}}, EQ, 3);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.status, Status::Infeasible);
}

TEST(Simplex, LowerAboveUpperIsInfeasible) {
  Builder b(Sense::Minimize);
  b.var(1, Rational(2), Rational(1));
  EXPECT_EQ(simplex_solve<Rational>(b.m).status, Status::Infeasible);
  EXPECT_EQ(simplex_solve<double>(b.m).status, Status::Infeasible);
}

TEST(Simplex, Unbounded) {
  // max x + y s.t. x - y <= 1: along (1, 1) forever.
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(1);
  b.row({{x, 1}, {y, -1}}, LE, 1);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.status, Status::Unbounded);
}

TEST(Simplex, UnboundedFreeVariableAfterPhaseOne) {
  // min x - 2w s.t. x + y >= 2, x - w <= 0, x + w >= 5; x free, y in [0, 3], w >= 0.
  // The start (all zero) violates row 0, so phase 1 runs; then w -> +inf with x fixed
  // keeps every row satisfied and drives the cost to -inf.
  Builder b(Sense::Minimize);
  int x = b.var(1, std::nullopt), y = b.var(0, Rational(0), Rational(3)), w = b.var(-2);
  b.row({{x, 1}, {y, 1}}, GE, 2);
  b.row({{x, 1}, {w, -1}}, LE, 0);
  b.row({{x, 1}, {w, 1}}, GE, 5);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.status, Status::Unbounded);
}

// ---------------------------------------------------------------- degeneracy and cycling

// Beale (1955): Dantzig's rule with the textbook tie-breaking cycles. Optimum -1/20
// at x4 = 1/25, x6 = 1.
LpModel beale() {
  Builder b(Sense::Minimize);
  int x4 = b.var(R("-3/4")), x5 = b.var(150), x6 = b.var(R("-1/50")), x7 = b.var(6);
  b.row({{x4, R("1/4")}, {x5, -60}, {x6, R("-1/25")}, {x7, 9}}, LE, 0);
  b.row({{x4, R("1/2")}, {x5, -90}, {x6, R("-1/50")}, {x7, 3}}, LE, 0);
  b.row({{x6, 1}}, LE, 1);
  return b.m;
}

TEST(Simplex, BealeCyclingExampleTerminates) {
  LpModel m = beale();
  for (int stall : {0, 1, 5, 50}) {
    SimplexOptions o;
    o.stall_before_bland = stall;
    o.max_iterations = 10000;
    auto s = solve_exact_only(m, o);
    expect_optimal_certificate(m, s);
    EXPECT_EQ(s.objective, R("-1/20")) << "stall " << stall;
    EXPECT_EQ(s.primal, (std::vector<Rational>{R("1/25"), 0, 1, 0}));
  }
  auto s = solve_all_ways(m);
  EXPECT_EQ(s.objective, R("-1/20"));
}

// Klee-Minty: max sum_j 2^{n-j} x_j s.t. 2 sum_{j<i} 2^{i-j} x_j + x_i <= 5^i.
// Optimum 5^n at x = (0, ..., 0, 5^n), only the last row priced (dual 1).
LpModel klee_minty(int n) {
  Builder b(Sense::Maximize);
  for (int j = 1; j <= n; ++j) b.var(Rational(1LL << (n - j)));
  long long five = 1;
  for (int i = 1; i <= n; ++i) {
    five *= 5;
    std::vector<std::pair<int, Rational>> coef;
    for (int j = 1; j < i; ++j) coef.emplace_back(j - 1, Rational(2LL << (i - j)));
    coef.emplace_back(i - 1, Rational(1));
    b.row(coef, LE, Rational(five));
  }
  return b.m;
}

TEST(Simplex, KleeMintyCubes) {
  long long five = 1;
  for (int n = 1; n <= 6; ++n) {
    five *= 5;
    if (n < 3) continue;
    LpModel m = klee_minty(n);
    auto s = solve_all_ways(m);
    EXPECT_EQ(s.objective, Rational(five)) << "n = " << n;
    std::vector<Rational> x(n, Rational(0));
    x[n - 1] = five;
    EXPECT_EQ(s.primal, x);
    std::vector<Rational> y(n, Rational(0));
    y[n - 1] = 1;
    EXPECT_EQ(s.dual, y);
  }
}

// max 2x + y s.t. x <= 1, x + y <= 1, x - y <= 1, y <= 1: three rows are tight at
// the unique optimum (1, 0), objective 2 (2x + y = x + (x + y) <= 2).
TEST(Simplex, DegenerateVertex) {
  Builder b(Sense::Maximize);
  int x = b.var(2), y = b.var(1);
  b.row({{x, 1}}, LE, 1);
  b.row({{x, 1}, {y, 1}}, LE, 1);
  b.row({{x, 1}, {y, -1}}, LE, 1);
  b.row({{y, 1}}, LE, 1);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 2);
  EXPECT_EQ(s.primal, (std::vector<Rational>{1, 0}));
}

// Zero right-hand sides make every pivot from the origin degenerate: max x1 + x2
// s.t. x1 - x2 <= 0, x2 - x1 <= 0 (so x1 = x2), x1 + x2 <= 2: optimum 2 at (1, 1).
TEST(Simplex, DegenerateOrigin) {
  Builder b(Sense::Maximize);
  int x1 = b.var(1), x2 = b.var(1);
  b.row({{x1, 1}, {x2, -1}}, LE, 0);
  b.row({{x1, -1}, {x2, 1}}, LE, 0);
  b.row({{x1, 1}, {x2, 1}}, LE, 2);
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 2);
  EXPECT_EQ(s.primal, (std::vector<Rational>{1, 1}));
}

// Redundant equalities (the second is twice the first): the basis must cope with a
// dependent row. max x + 2y s.t. x + y = 2, 2x + 2y = 4, x <= 1/2 (row): y is worth
// more, so x = 0, y = 2, objective 4.
TEST(Simplex, RedundantEqualities) {
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(2);
  b.row({{x, 1}, {y, 1}}, EQ, 2);
  b.row({{x, 2}, {y, 2}}, EQ, 4);
  b.row({{x, 1}}, LE, R("1/2"));
  auto s = solve_all_ways(b.m);
  EXPECT_EQ(s.objective, 4);
  EXPECT_EQ(s.primal, (std::vector<Rational>{0, 2}));
}

// ---------------------------------------------------------------- warm starts

TEST(Simplex, WarmStartFromOptimalBasisTakesNoPivots) {
  for (const LpModel& m : {wyndor(), beale(), klee_minty(5)}) {
    auto first = simplex_solve<Rational>(m);
    ASSERT_EQ(first.status, Status::Optimal);
    auto again = simplex_solve<Rational>(m, {}, &first.basis);
    EXPECT_EQ(again.iterations, 0);
    EXPECT_EQ(again.objective, first.objective);
    EXPECT_EQ(again.primal, first.primal);
    expect_optimal_certificate(m, again);
    auto d = simplex_solve<double>(m, {}, &first.basis);
    EXPECT_EQ(d.iterations, 0);
    EXPECT_NEAR(d.objective, first.objective.convert_to<double>(), 1e-9);
  }
}

TEST(Simplex, GarbageWarmStartsStillSolve) {
  LpModel m = klee_minty(4);
  const Rational expected = 625;
  std::vector<Basis> garbage;
  Basis all_basic;  // too many basics
  all_basic.variables.assign(4, BasisStatus::Basic);
  all_basic.rows.assign(4, BasisStatus::Basic);
  garbage.push_back(all_basic);
  Basis none;  // too few basics, statuses naming infinite bounds
  none.variables.assign(4, BasisStatus::AtUpper);
  none.rows.assign(4, BasisStatus::AtLower);
  garbage.push_back(none);
  Basis wrong_size;
  wrong_size.variables.assign(2, BasisStatus::Basic);
  garbage.push_back(wrong_size);
  Basis frees;  // statuses that do not fit the variables, and a Fixed slack
  frees.variables.assign(4, BasisStatus::Free);
  frees.rows = {BasisStatus::Basic, BasisStatus::Fixed, BasisStatus::Basic, BasisStatus::Basic};
  garbage.push_back(frees);
  Basis infeasible;  // nonsingular (rows 2, 3 of x0, x2: det [[8,1],[16,4]] = 16) but infeasible
  infeasible.variables = {BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::Basic, BasisStatus::Free};
  infeasible.rows = {BasisStatus::Basic, BasisStatus::Basic, BasisStatus::AtLower, BasisStatus::AtLower};
  garbage.push_back(infeasible);
  for (const Basis& b : garbage) {
    auto s = simplex_solve<Rational>(m, {}, &b);
    expect_optimal_certificate(m, s);
    EXPECT_EQ(s.objective, expected);
    auto d = simplex_solve<double>(m, {}, &b);
    EXPECT_NEAR(d.objective, 625.0, 1e-7);
  }
}

TEST(Simplex, SingularWarmStartIsRepaired) {
  // Columns x and y are identical, so {x, y} cannot both be basic.
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(1), z = b.var(3);
  b.row({{x, 1}, {y, 1}, {z, 1}}, LE, 4);
  b.row({{x, 2}, {y, 2}, {z, 1}}, LE, 6);
  // By hand: z = 4 with x = y = 0 gives 12; any x + y = t > 0 costs 3 per unit of z.
  Basis bad;
  bad.variables = {BasisStatus::Basic, BasisStatus::Basic, BasisStatus::AtLower};
  bad.rows = {BasisStatus::AtUpper, BasisStatus::AtUpper};
  auto s = simplex_solve<Rational>(b.m, {}, &bad);
  expect_optimal_certificate(b.m, s);
  EXPECT_EQ(s.objective, 12);
  auto d = simplex_solve<double>(b.m, {}, &bad);
  EXPECT_NEAR(d.objective, 12.0, 1e-9);
}

TEST(Simplex, InfeasibleAndUnboundedFromWarmStarts) {
  Builder b(Sense::Maximize);
  int x = b.var(1), y = b.var(1);
  b.row({{x, 1}, {y, -1}}, LE, 1);
  Basis bb;
  bb.variables = {BasisStatus::Basic, BasisStatus::AtLower};
  bb.rows = {BasisStatus::AtUpper};
  expect_ray(b.m, simplex_solve<Rational>(b.m, {}, &bb));
  b.row({{x, 1}}, GE, 5);
  b.row({{y, 1}}, LE, 2);
  b.row({{x, 1}, {y, 1}}, LE, 4);
  Basis bi = slack_basis(b.m);
  bi.variables = {BasisStatus::Basic, BasisStatus::Basic};
  expect_farkas(b.m, simplex_solve<Rational>(b.m, {}, &bi));
}

// ---------------------------------------------------------------- options

TEST(Simplex, IterationLimitThrows) {
  LpModel m = klee_minty(6);
  SimplexOptions o;
  o.max_iterations = 1;
  EXPECT_THROW(solve_exact_only(m, o), std::runtime_error);
  EXPECT_THROW(simplex_solve<double>(m, o), std::runtime_error);
  EXPECT_THROW(simplex_solve<Rational>(m, o), std::runtime_error);
  o.max_iterations = 0;
  auto first = simplex_solve<Rational>(m);
  EXPECT_NO_THROW(simplex_solve<Rational>(m, o, &first.basis));
}

// Dantzig's rule from the origin visits all 2^n vertices of the Klee-Minty cube.
TEST(Simplex, KleeMintyDantzigTakesExponentialPivots) {
  for (int n = 3; n <= 6; ++n) {
    auto s = solve_exact_only(klee_minty(n));
    EXPECT_EQ(s.iterations, (1L << n) - 1) << "n = " << n;
    Basis origin = slack_basis(klee_minty(n));
    auto d = simplex_solve<double>(klee_minty(n), {}, &origin);
    EXPECT_EQ(d.iterations, (1L << n) - 1) << "n = " << n;
  }
}

TEST(Simplex, ProgressAndRefactorisation) {
  LpModel m = klee_minty(6);
  for (int refactor : {1, 2, 7, 100}) {
    SimplexOptions o;
    o.refactor_every = refactor;
    auto s = solve_exact_only(m, o);
    EXPECT_EQ(s.objective, 15625);
    expect_optimal_certificate(m, s);
    auto d = simplex_solve<double>(m, o);
    EXPECT_NEAR(d.objective, 15625.0, 1e-6);
  }
  // Progress fires at every multiple of 1000 pivots.
  std::vector<long> seen;
  SimplexOptions o;
  o.on_progress = [&](long it, int) { seen.push_back(it); };
  auto s = simplex_solve<double>(klee_minty(12), o);
  ASSERT_GE(s.iterations, 1000);
  std::vector<long> expected;
  for (long k = 1000; k <= s.iterations; k += 1000) expected.push_back(k);
  EXPECT_EQ(seen, expected);
}

// ---------------------------------------------------------------- random LPs

// Seeded random LP with integer data: mixed row senses, bounds of every kind.
LpModel random_lp(std::uint64_t seed, int vars, int rows, double density, bool bounded_box) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int lo, int hi) {
    return static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1)) + lo;
  };
  auto chance = [&](double p) { return static_cast<double>(rng() % 1000000) < p * 1e6; };
  Builder b(bounded_box || pick(0, 1) ? Sense::Maximize : Sense::Minimize);
  for (int j = 0; j < vars; ++j) {
    std::optional<Rational> lo = Rational(0), up;
    int kind = bounded_box ? 0 : pick(0, 5);
    if (kind == 1) lo = Rational(pick(-10, 0));
    if (kind == 2) lo = std::nullopt;
    if (kind == 3) up = Rational(pick(1, 20));
    if (kind == 4) lo = Rational(pick(-5, 5)), up = *lo + pick(0, 10);
    b.var(Rational(bounded_box ? pick(1, 30) : pick(-10, 30)), lo, up);
  }
  for (int i = 0; i < rows; ++i) {
    std::vector<std::pair<int, Rational>> coef;
    for (int j = 0; j < vars; ++j)
      if (chance(density)) coef.emplace_back(j, Rational(bounded_box ? pick(-100, 100) : pick(-5, 20)));
    int op = bounded_box ? 0 : pick(0, 5);
    RowOp o = op <= 3 ? LE : op == 4 ? GE : EQ;
    b.row(coef, o, Rational(o == LE ? pick(50, 1000) : pick(-20, 60)));
  }
  if (bounded_box) {
    std::vector<std::pair<int, Rational>> all;
    for (int j = 0; j < vars; ++j) all.emplace_back(j, Rational(1));
    b.row(all, LE, Rational(100000));
  }
  return b.m;
}

TEST(Simplex, RandomLpsDoubleAndExactAgree) {
  int counts[3] = {0, 0, 0};
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    LpModel m = random_lp(seed, 4 + static_cast<int>(seed % 9), 3 + static_cast<int>(seed % 7), 0.6, false);
    auto s = solve_all_ways(m);
    ++counts[static_cast<int>(s.status)];
    if (HasFailure()) {
      ADD_FAILURE() << "seed " << seed;
      break;
    }
  }
  std::printf("optimal %d, infeasible %d, unbounded %d\n", counts[0], counts[1], counts[2]);
  // The family must exercise every status.
  EXPECT_GT(counts[0], 0);
  EXPECT_GT(counts[1], 0);
  EXPECT_GT(counts[2], 0);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Exact solves at the benchmark's sizes: correctness only (timings live in bench/).
// Instances: the project generator's bounded kind (as in bench/) and a wider-range
// dense family of this file.
void expect_solved_exactly(const LpModel& m, const char* label) {
  auto t0 = std::chrono::steady_clock::now();
  auto s = simplex_solve<Rational>(m);
  EXPECT_EQ(s.status, Status::Optimal) << label;
  expect_certificate(m, s);
  std::printf("%s: %.2f s, %ld pivots\n", label, seconds_since(t0), s.iterations);
}

equilab::gen::LpGenOptions bounded_options(int n, double density) {
  equilab::gen::LpGenOptions o;
  o.kind = equilab::gen::LpKind::Bounded;
  o.vars = n;
  o.cons = n;
  o.density = density;
  return o;
}

TEST(Simplex, Dense200Exact) {
  expect_solved_exactly(equilab::gen::generate_lp(42, bounded_options(200, 1.0)),
                           "generated dense 200x200");
  expect_solved_exactly(random_lp(2024, 200, 200, 1.0, true), "wide-range dense 200x200");
}

TEST(Simplex, Sparse500Exact) {
  expect_solved_exactly(equilab::gen::generate_lp(42, bounded_options(500, 0.05)),
                           "generated sparse 500x500");
  expect_solved_exactly(random_lp(77, 500, 500, 0.05, true), "wide-range sparse 500x500");
}

// Every kind of the project generator, small sizes, many seeds: the exact answer
// (default path and pure exact path) carries a valid certificate, both paths agree,
// and so does the double fast path.
TEST(Simplex, GeneratedInstancesHaveValidCertificates) {
  using equilab::gen::LpKind;
  const LpKind kinds[] = {LpKind::General,   LpKind::Degenerate, LpKind::Infeasible,
                          LpKind::Unbounded, LpKind::Equality,   LpKind::Bounded};
  std::mt19937 rng(11);
  for (std::uint64_t seed = 1; seed <= 240; ++seed) {
    equilab::gen::LpGenOptions o;
    o.kind = kinds[seed % 6];
    o.vars = 1 + static_cast<int>(rng() % 14);
    o.cons = 1 + static_cast<int>(rng() % 14);
    o.density = (2 + static_cast<int>(rng() % 9)) / 10.0;
    LpModel m = equilab::gen::generate_lp(seed, o);
    solve_all_ways(m);
    if (HasFailure()) {
      ADD_FAILURE() << "seed " << seed << " kind " << equilab::gen::to_string(o.kind);
      return;
    }
  }
}

}  // namespace
