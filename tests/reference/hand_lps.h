// Small LPs solved by hand (optimum, shadow prices, reduced costs worked out on paper
// in the comments), shared by the reference tests.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"
#include "verify/lp_certificate.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace equilab::test {

inline Rational q(const char* text) { return parse_rational(text); }

struct Bound {
  std::optional<Rational> lower = Rational(0);
  std::optional<Rational> upper;
};

inline lp::LpModel make_lp(lp::Sense sense, std::vector<Rational> objective, std::vector<Bound> bounds,
                           std::vector<std::tuple<std::vector<std::pair<int, Rational>>, lp::RowOp, Rational>> rows) {
  lp::LpModel m;
  m.sense = sense;
  m.objective = std::move(objective);
  for (std::size_t j = 0; j < bounds.size(); ++j)
    m.variables.push_back({"x" + std::to_string(j), bounds[j].lower, bounds[j].upper});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& [coef, op, rhs] = rows[i];
    m.constraints.push_back({"r" + std::to_string(i), coef, op, rhs});
  }
  return m;
}

using lp::RowOp;
using lp::Sense;
using R = Rational;
inline const std::optional<Rational> kInf = std::nullopt;

// max 3x+5y s.t. x<=4, 2y<=12, 3x+2y<=18, x,y>=0.
// Optimum (2,6), objective 36; shadow prices (0, 3/2, 1): 2*y2 + 2*y3 = 5, 3*y3 = 3.
inline lp::LpModel textbook_max() {
  return make_lp(Sense::Maximize, {R(3), R(5)}, {{}, {}},
                 {{{{0, R(1)}}, RowOp::LessEqual, R(4)},
                  {{{1, R(2)}}, RowOp::LessEqual, R(12)},
                  {{{0, R(3)}, {1, R(2)}}, RowOp::LessEqual, R(18)}});
}

// min 2x+3y s.t. x+y>=4, x+3y>=6, x,y>=0. Both rows tight: x=3, y=1, objective 9;
// y1+y2=2, y1+3y2=3 -> duals (3/2, 1/2).
inline lp::LpModel textbook_min() {
  return make_lp(Sense::Minimize, {R(2), R(3)}, {{}, {}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::GreaterEqual, R(4)},
                  {{{0, R(1)}, {1, R(3)}}, RowOp::GreaterEqual, R(6)}});
}

// max x+y s.t. 3x+y<=2, x+2y<=2: x=2/5, y=4/5, objective 6/5;
// 3y1+y2=1, y1+2y2=1 -> duals (1/5, 2/5). Not representable in binary.
inline lp::LpModel fractional_max() {
  return make_lp(Sense::Maximize, {R(1), R(1)}, {{}, {}},
                 {{{{0, R(3)}, {1, R(1)}}, RowOp::LessEqual, R(2)},
                  {{{0, R(1)}, {1, R(2)}}, RowOp::LessEqual, R(2)}});
}

// max -x-2y s.t. x+y>=2, x<=1 (a row): x=1, y=1, objective -3.
// y basic: -2 - y1 = 0 -> y1 = -2 (max, >= row: <= 0); x basic: -1 - y1 - y2 = 0 -> y2 = 1.
inline lp::LpModel max_with_ge_row() {
  return make_lp(Sense::Maximize, {R(-1), R(-2)}, {{}, {}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::GreaterEqual, R(2)},
                  {{{0, R(1)}}, RowOp::LessEqual, R(1)}});
}

// min x-2y s.t. y<=3, y-x<=1, x,y>=0: y = min(3, 1+x) gives x=2, y=3, objective -4.
// x basic: 1 + y2 = 0 -> y2 = -1; y basic: -2 - y1 - y2 = 0 -> y1 = -1 (min, <= rows: <= 0).
inline lp::LpModel min_with_le_rows() {
  return make_lp(Sense::Minimize, {R(1), R(-2)}, {{}, {}},
                 {{{{1, R(1)}}, RowOp::LessEqual, R(3)},
                  {{{0, R(-1)}, {1, R(1)}}, RowOp::LessEqual, R(1)}});
}

// min x+2y, x and y free, s.t. x+y=3, x-y<=1. With y=3-x the objective is 6-x and
// the row gives 2x<=4: x=2, y=1, objective 4. Free variables have d=0:
// y1+y2=1, y1-y2=2 -> duals (3/2, -1/2).
inline lp::LpModel free_equality_min() {
  return make_lp(Sense::Minimize, {R(1), R(2)}, {{kInf, kInf}, {kInf, kInf}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::Equal, R(3)},
                  {{{0, R(1)}, {1, R(-1)}}, RowOp::LessEqual, R(1)}});
}

// max x+y, -3<=x<=2, -1<=y<=4, s.t. x+2y<=4: x=2 (at upper), y=1, objective 3.
// y basic: 1 - 2 y1 = 0 -> y1 = 1/2; d_x = 1 - 1/2 = 1/2 > 0 at its upper bound.
// Strong duality: 4*(1/2) + (1/2)*2 = 3.
inline lp::LpModel negative_bounds_max() {
  return make_lp(Sense::Maximize, {R(1), R(1)}, {{R(-3), R(2)}, {R(-1), R(4)}},
                 {{{{0, R(1)}, {1, R(2)}}, RowOp::LessEqual, R(4)}});
}

// min 3x+y, -2<=x<=5, -4<=y<=1, s.t. x+y>=-5: y is cheaper, so x=-2 (lower), y=-3,
// objective -9. y basic: 1 - y1 = 0 -> y1 = 1; d_x = 3 - 1 = 2 > 0 at lower (min).
// Strong duality: 1*(-5) + 2*(-2) = -9.
inline lp::LpModel negative_bounds_min() {
  return make_lp(Sense::Minimize, {R(3), R(1)}, {{R(-2), R(5)}, {R(-4), R(1)}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::GreaterEqual, R(-5)}});
}

// max 2x+y, x<=3 with no lower bound, y>=0, s.t. x+y<=5, y<=4: x=3 (upper), y=2,
// objective 8. y basic: 1 - y1 = 0 -> y1 = 1; row 2 slack basic -> y2 = 0;
// d_x = 2 - 1 = 1 at upper. Strong duality: 5*1 + 1*3 = 8.
inline lp::LpModel upper_only_max() {
  return make_lp(Sense::Maximize, {R(2), R(1)}, {{kInf, R(3)}, {}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::LessEqual, R(5)},
                  {{{1, R(1)}}, RowOp::LessEqual, R(4)}});
}

// max x s.t. x+y<=1, x+y>=3, x,y>=0: infeasible (1 >= x+y >= 3).
inline lp::LpModel infeasible_lp() {
  return make_lp(Sense::Maximize, {R(1), R(0)}, {{}, {}},
                 {{{{0, R(1)}, {1, R(1)}}, RowOp::LessEqual, R(1)},
                  {{{0, R(1)}, {1, R(1)}}, RowOp::GreaterEqual, R(3)}});
}

// max x+y s.t. x-y<=1, x,y>=0: (0,0) is feasible and (1,1) an improving ray.
inline lp::LpModel unbounded_lp() {
  return make_lp(Sense::Maximize, {R(1), R(1)}, {{}, {}},
                 {{{{0, R(1)}, {1, R(-1)}}, RowOp::LessEqual, R(1)}});
}

// Hand answer of an optimal LP.
struct HandAnswer {
  lp::LpModel model;
  Rational objective;
  std::vector<Rational> primal, dual, reduced_costs;
};

inline std::vector<std::pair<std::string, HandAnswer>> hand_optima() {
  return {
      {"textbook_max", {textbook_max(), R(36), {R(2), R(6)}, {R(0), q("3/2"), R(1)}, {R(0), R(0)}}},
      {"textbook_min", {textbook_min(), R(9), {R(3), R(1)}, {q("3/2"), q("1/2")}, {R(0), R(0)}}},
      {"fractional_max", {fractional_max(), q("6/5"), {q("2/5"), q("4/5")}, {q("1/5"), q("2/5")}, {R(0), R(0)}}},
      {"max_with_ge_row", {max_with_ge_row(), R(-3), {R(1), R(1)}, {R(-2), R(1)}, {R(0), R(0)}}},
      {"min_with_le_rows", {min_with_le_rows(), R(-4), {R(2), R(3)}, {R(-1), R(-1)}, {R(0), R(0)}}},
      {"free_equality_min", {free_equality_min(), R(4), {R(2), R(1)}, {q("3/2"), q("-1/2")}, {R(0), R(0)}}},
      {"negative_bounds_max", {negative_bounds_max(), R(3), {R(2), R(1)}, {q("1/2")}, {q("1/2"), R(0)}}},
      {"negative_bounds_min", {negative_bounds_min(), R(-9), {R(-2), R(-3)}, {R(1)}, {R(2), R(0)}}},
      {"upper_only_max", {upper_only_max(), R(8), {R(3), R(2)}, {R(1), R(0)}, {R(1), R(0)}}},
  };
}

// An exact method's answer to a hand-solved LP: optimal in 0 exact pivots (the engine's basis is
// the optimal one), equal to the hand answer, and accepted by the certificate check.
inline void expect_hand_answer_without_pivots(const lp::Solution<Rational>& sol, const HandAnswer& hand) {
  ASSERT_EQ(sol.status, lp::Status::Optimal);
  EXPECT_EQ(sol.iterations, 0);
  EXPECT_EQ(sol.objective, hand.objective);
  EXPECT_EQ(sol.primal, hand.primal);
  EXPECT_EQ(sol.dual, hand.dual);
  EXPECT_EQ(sol.reduced_costs, hand.reduced_costs);
  const auto verdict = verify::check_lp_certificate(hand.model, sol);
  EXPECT_TRUE(verdict.valid) << (verdict.failures.empty() ? "" : verdict.failures.front());
}

}  // namespace equilab::test
