// GLPK's glp_exact, recomputed exactly from its final basis, against hand-solved LPs.
#include "lp/glpk_reference.h"

#include "hand_lps.h"
#include "verify/lp_certificate.h"

#include <gtest/gtest.h>

namespace equilab::lp {
namespace {

using R = Rational;

TEST(GlpkExact, HandSolvedOptimaExactly) {
  for (const auto& [name, hand] : test::hand_optima()) {
    SCOPED_TRACE(name);
    const Solution<R> sol = glpk_exact_solve(hand.model);
    ASSERT_EQ(sol.status, Status::Optimal);
    EXPECT_EQ(sol.objective, hand.objective);
    EXPECT_EQ(sol.primal, hand.primal);
    EXPECT_EQ(sol.dual, hand.dual);
    EXPECT_EQ(sol.reduced_costs, hand.reduced_costs);
    const auto verdict = verify::check_lp_certificate(hand.model, sol);
    EXPECT_TRUE(verdict.valid) << (verdict.failures.empty() ? "" : verdict.failures.front());
  }
}

TEST(GlpkExact, FinalBasisOfTextbookMax) {
  const Solution<R> sol = glpk_exact_solve(test::textbook_max());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows,
            (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::AtUpper}));
}

TEST(GlpkExact, FinalBasisWithBoundsAndGeRow) {
  // negative_bounds_min: x nonbasic at its lower bound -2, y basic, the >= row tight.
  const Solution<R> sol = glpk_exact_solve(test::negative_bounds_min());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::AtLower, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtLower}));
}

TEST(GlpkExact, InfeasibleAndUnboundedStatusOnly) {
  const Solution<R> inf = glpk_exact_solve(test::infeasible_lp());
  EXPECT_EQ(inf.status, Status::Infeasible);
  EXPECT_TRUE(inf.farkas.empty());
  const Solution<R> unb = glpk_exact_solve(test::unbounded_lp());
  EXPECT_EQ(unb.status, Status::Unbounded);
  EXPECT_TRUE(unb.ray.empty());
}

TEST(GlpkExact, NoRows) {
  // max x - y, 0<=x<=7/2, y>=1: x = 7/2, y = 1, objective 5/2; d = c.
  auto m = test::make_lp(Sense::Maximize, {R(1), R(-1)}, {{R(0), test::q("7/2")}, {R(1), test::kInf}}, {});
  const Solution<R> sol = glpk_exact_solve(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, test::q("5/2"));
  EXPECT_EQ(sol.primal, (std::vector<R>{test::q("7/2"), R(1)}));
  EXPECT_EQ(sol.reduced_costs, (std::vector<R>{R(1), R(-1)}));
  // Same without the upper bound: unbounded.
  m.variables[0].upper.reset();
  EXPECT_EQ(glpk_exact_solve(m).status, Status::Unbounded);
}

TEST(GlpkExact, NoVariables) {
  // Rows 0 <= 3: optimal with objective 0 and dual 0; a row 0 >= 3 makes it infeasible.
  auto m = test::make_lp(Sense::Maximize, {}, {}, {{{}, RowOp::LessEqual, R(3)}});
  const Solution<R> sol = glpk_exact_solve(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, R(0));
  EXPECT_EQ(sol.dual, (std::vector<R>{R(0)}));
  m.constraints[0].op = RowOp::GreaterEqual;
  EXPECT_EQ(glpk_exact_solve(m).status, Status::Infeasible);
}

TEST(GlpkExact, ThirdsAreRecomputedExactly) {
  // max x+y s.t. x/3 + y <= 1, x + y/3 <= 1: symmetric optimum x = y = 3/4, objective 3/2;
  // y1/3 + y2 = 1 = y1 + y2/3 -> y1 = y2 = 3/4. GLPK only sees 0.333..., the recomputation
  // from its basis uses the exact thirds.
  auto m = test::make_lp(Sense::Maximize, {R(1), R(1)}, {{}, {}},
                         {{{{0, test::q("1/3")}, {1, R(1)}}, RowOp::LessEqual, R(1)},
                          {{{0, R(1)}, {1, test::q("1/3")}}, RowOp::LessEqual, R(1)}});
  const Solution<R> sol = glpk_exact_solve(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, test::q("3/2"));
  EXPECT_EQ(sol.primal, (std::vector<R>{test::q("3/4"), test::q("3/4")}));
  EXPECT_EQ(sol.dual, (std::vector<R>{test::q("3/4"), test::q("3/4")}));
}

TEST(GlpkExact, CoefficientsBeyondDoublePrecision) {
  // K = 2^60 + 1 is no double, so GLPK gets rounded data (no exact scaling exists):
  // max x + 2y s.t. x + y <= 4, K y <= K: y = 1, x = 3, objective 5;
  // x basic: 1 - y1 = 0 -> y1 = 1; y basic: 2 - y1 - K y2 = 0 -> y2 = 1/K.
  const R k = R(boost::multiprecision::pow(Integer(2), 60) + 1);
  auto m = test::make_lp(Sense::Maximize, {R(1), R(2)}, {{}, {}},
                         {{{{0, R(1)}, {1, R(1)}}, RowOp::LessEqual, R(4)}, {{{1, k}}, RowOp::LessEqual, k}});
  const Solution<R> sol = glpk_exact_solve(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, R(5));
  EXPECT_EQ(sol.primal, (std::vector<R>{R(3), R(1)}));
  EXPECT_EQ(sol.dual, (std::vector<R>{R(1), R(1) / k}));
}

}  // namespace
}  // namespace equilab::lp
