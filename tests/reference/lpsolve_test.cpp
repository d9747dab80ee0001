// lp_solve adapter (double) against hand-solved LPs, and its basis translation.
#include "lp/lpsolve.h"

#include "hand_lps.h"

#include <gtest/gtest.h>

namespace equilab::lp {
namespace {

using R = Rational;
constexpr double kTol = 1e-9;

void expect_near(const std::vector<double>& got, const std::vector<R>& want, const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (std::size_t k = 0; k < got.size(); ++k) EXPECT_NEAR(got[k], want[k].convert_to<double>(), kTol) << what << "[" << k << "]";
}

TEST(LpSolve, HandSolvedOptima) {
  for (const auto& [name, hand] : test::hand_optima()) {
    SCOPED_TRACE(name);
    const Solution<double> sol = lpsolve_solve(hand.model);
    ASSERT_EQ(sol.status, Status::Optimal);
    EXPECT_NEAR(sol.objective, hand.objective.convert_to<double>(), kTol);
    expect_near(sol.primal, hand.primal, "primal");
    expect_near(sol.dual, hand.dual, "dual");
    expect_near(sol.reduced_costs, hand.reduced_costs, "reduced_costs");
  }
}

TEST(LpSolve, BasisOfTextbookMax) {
  // x, y and the slack of x<=4 basic; 2y<=12 and 3x+2y<=18 tight (logical at its upper end).
  const Solution<double> sol = lpsolve_solve(test::textbook_max());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows,
            (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::AtUpper}));
}

TEST(LpSolve, BasisOfTextbookMin) {
  // Both >= rows tight (logical at its lower end), x and y basic.
  const Solution<double> sol = lpsolve_solve(test::textbook_min());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtLower, BasisStatus::AtLower}));
}

TEST(LpSolve, BasisWithBounds) {
  // negative_bounds_max: x at its upper bound 2, y basic, row tight.
  Solution<double> sol = lpsolve_solve(test::negative_bounds_max());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::AtUpper, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtUpper}));
  // negative_bounds_min: x at its lower bound -2, y basic, the >= row tight.
  sol = lpsolve_solve(test::negative_bounds_min());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::AtLower, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtLower}));
  // upper_only_max: x (no lower bound) at its upper bound 3, y and row 2's logical basic.
  sol = lpsolve_solve(test::upper_only_max());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::AtUpper, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtUpper, BasisStatus::Basic}));
}

TEST(LpSolve, BasisWithFreeVariablesAndEquality) {
  // free_equality_min: x, y basic; the equality fixed, the <= row tight.
  const Solution<double> sol = lpsolve_solve(test::free_equality_min());
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::Basic}));
  EXPECT_EQ(sol.basis.rows, (std::vector<BasisStatus>{BasisStatus::Fixed, BasisStatus::AtUpper}));
}

TEST(LpSolve, InfeasibleAndUnbounded) {
  EXPECT_EQ(lpsolve_solve(test::infeasible_lp()).status, Status::Infeasible);
  EXPECT_EQ(lpsolve_solve(test::unbounded_lp()).status, Status::Unbounded);
}

TEST(LpSolve, FixedVariableAndNoRows) {
  // max x + y, x fixed at 5/2 (l = u), 0 <= y <= 1, no rows: (5/2, 1), objective 7/2.
  auto m = test::make_lp(Sense::Maximize, {R(1), R(1)}, {{test::q("5/2"), test::q("5/2")}, {R(0), R(1)}}, {});
  const Solution<double> sol = lpsolve_solve(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_NEAR(sol.objective, 3.5, kTol);
  EXPECT_EQ(sol.basis.variables, (std::vector<BasisStatus>{BasisStatus::Fixed, BasisStatus::AtUpper}));
  EXPECT_TRUE(sol.basis.rows.empty());
}

TEST(LpSolve, FreeVariableWithoutRowsIsUnbounded) {
  // max x, x free, no rows: lp_solve reports "optimal" at its infinity 1e30.
  auto m = test::make_lp(Sense::Maximize, {R(1)}, {{test::kInf, test::kInf}}, {});
  EXPECT_EQ(lpsolve_solve(m).status, Status::Unbounded);
}

TEST(LpSolve, NoVariablesIsAFailure) {
  // lp_solve does not run a model without columns (NOTRUN): a runtime_error.
  auto m = test::make_lp(Sense::Maximize, {}, {}, {{{}, RowOp::LessEqual, R(3)}});
  EXPECT_THROW(lpsolve_solve(m), std::runtime_error);
}

}  // namespace
}  // namespace equilab::lp
