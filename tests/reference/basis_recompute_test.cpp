// Exact sparse elimination and basic-solution recomputation against hand values.
#include "lp/basis_recompute.h"

#include "hand_lps.h"

#include <gtest/gtest.h>

namespace equilab::lp {
namespace {

using test::q;
using R = Rational;

TEST(SolveSparseExact, TridiagonalSystem) {
  // [2 1 0; 1 3 1; 0 1 4] z = (3, 5, 5) has z = (1, 1, 1).
  std::vector<SparseVector> rows = {{{0, R(2)}, {1, R(1)}}, {{0, R(1)}, {1, R(3)}, {2, R(1)}}, {{1, R(1)}, {2, R(4)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(3), R(5), R(5)}), (std::vector<R>{R(1), R(1), R(1)}));
}

TEST(SolveSparseExact, NeedsRowExchangeAndFractions) {
  // [0 1; 1 0] z = (2, 3) -> z = (3, 2);  [3 1; 1 2] z = (2, 2) -> z = (2/5, 4/5).
  EXPECT_EQ(solve_sparse_exact({{{1, R(1)}}, {{0, R(1)}}}, {R(2), R(3)}), (std::vector<R>{R(3), R(2)}));
  EXPECT_EQ(solve_sparse_exact({{{0, R(3)}, {1, R(1)}}, {{0, R(1)}, {1, R(2)}}}, {R(2), R(2)}),
            (std::vector<R>{q("2/5"), q("4/5")}));
}

TEST(SolveSparseExact, FillInAndCancellation) {
  // [1 1 1; 1 2 3; 1 3 6] z = (6, 14, 25): z = (1, 2, 3). Eliminating column 0 fills the
  // lower rows, the second step cancels exactly.
  std::vector<SparseVector> rows = {{{0, R(1)}, {1, R(1)}, {2, R(1)}},
                                    {{0, R(1)}, {1, R(2)}, {2, R(3)}},
                                    {{0, R(1)}, {1, R(3)}, {2, R(6)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(6), R(14), R(25)}), (std::vector<R>{R(1), R(2), R(3)}));
}

TEST(SolveSparseExact, EmptySystem) { EXPECT_TRUE(solve_sparse_exact({}, {}).empty()); }

TEST(SolveSparseExact, SingularThrows) {
  // Row 2 = 2 * row 1.
  EXPECT_THROW(solve_sparse_exact({{{0, R(1)}, {1, R(2)}}, {{0, R(2)}, {1, R(4)}}}, {R(1), R(2)}), std::runtime_error);
  // A zero column.
  EXPECT_THROW(solve_sparse_exact({{{0, R(1)}}, {{0, R(2)}}}, {R(1), R(2)}), std::runtime_error);
}

TEST(BasicSolution, TextbookMaxFromItsOptimalBasis) {
  // x, y and the slack of x<=4 basic; rows 2 and 3 tight.
  Basis basis{{BasisStatus::Basic, BasisStatus::Basic},
              {BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::AtUpper}};
  const auto sol = basic_solution(test::textbook_max(), basis);
  EXPECT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, R(36));
  EXPECT_EQ(sol.primal, (std::vector<R>{R(2), R(6)}));
  EXPECT_EQ(sol.dual, (std::vector<R>{R(0), q("3/2"), R(1)}));
  EXPECT_EQ(sol.reduced_costs, (std::vector<R>{R(0), R(0)}));
  EXPECT_EQ(basic_solution_defect(test::textbook_max(), sol), "");
}

TEST(BasicSolution, SlackBasisOfTextbookMaxIsFeasibleNotOptimal) {
  // Origin: x=y=0, y=0 and d = c = (3, 5) > 0 with no upper bounds.
  Basis basis{{BasisStatus::AtLower, BasisStatus::AtLower},
              {BasisStatus::Basic, BasisStatus::Basic, BasisStatus::Basic}};
  const auto sol = basic_solution(test::textbook_max(), basis);
  EXPECT_EQ(sol.objective, R(0));
  EXPECT_EQ(sol.dual, (std::vector<R>{R(0), R(0), R(0)}));
  EXPECT_EQ(sol.reduced_costs, (std::vector<R>{R(3), R(5)}));
  EXPECT_NE(basic_solution_defect(test::textbook_max(), sol), "");
}

TEST(BasicSolution, NonbasicAtUpperAndNegativeLower) {
  // negative_bounds_max: y basic, x at its upper bound 2.
  Basis basis{{BasisStatus::AtUpper, BasisStatus::Basic}, {BasisStatus::AtUpper}};
  const auto sol = basic_solution(test::negative_bounds_max(), basis);
  EXPECT_EQ(sol.primal, (std::vector<R>{R(2), R(1)}));
  EXPECT_EQ(sol.dual, (std::vector<R>{q("1/2")}));
  EXPECT_EQ(sol.reduced_costs, (std::vector<R>{q("1/2"), R(0)}));
  EXPECT_EQ(sol.objective, R(3));
  EXPECT_EQ(basic_solution_defect(test::negative_bounds_max(), sol), "");
}

TEST(BasicSolution, RejectsWrongBasisSizeAndInfiniteBound) {
  Basis too_few{{BasisStatus::Basic, BasisStatus::AtLower},
                {BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::AtUpper}};
  EXPECT_THROW(basic_solution(test::textbook_max(), too_few), std::runtime_error);
  // x of upper_only_max has no lower bound.
  Basis infinite{{BasisStatus::AtLower, BasisStatus::Basic}, {BasisStatus::AtUpper, BasisStatus::Basic}};
  EXPECT_THROW(basic_solution(test::upper_only_max(), infinite), std::runtime_error);
}

TEST(BasicSolution, TightRowStatus) {
  EXPECT_EQ(tight_row_status(RowOp::LessEqual), BasisStatus::AtUpper);
  EXPECT_EQ(tight_row_status(RowOp::GreaterEqual), BasisStatus::AtLower);
  EXPECT_EQ(tight_row_status(RowOp::Equal), BasisStatus::Fixed);
}

}  // namespace
}  // namespace equilab::lp
