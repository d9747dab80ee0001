// Exact sparse elimination and basic-solution recomputation against hand values.
#include "lp/basis_recompute.h"

#include "core/random.h"
#include "hand_lps.h"

#include <gtest/gtest.h>

namespace equilab::lp {
namespace {

using test::q;
using R = Rational;

class SolveSparseExact : public ::testing::TestWithParam<ExactSolveMethod> {};

INSTANTIATE_TEST_SUITE_P(Methods, SolveSparseExact,
                         ::testing::Values(ExactSolveMethod::Auto, ExactSolveMethod::Elimination, ExactSolveMethod::Lifting));

TEST_P(SolveSparseExact, TridiagonalSystem) {
  // [2 1 0; 1 3 1; 0 1 4] z = (3, 5, 5) has z = (1, 1, 1); the matrix is symmetric,
  // so the transposed system has the same answer.
  std::vector<SparseVector> rows = {{{0, R(2)}, {1, R(1)}}, {{0, R(1)}, {1, R(3)}, {2, R(1)}}, {{1, R(1)}, {2, R(4)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(3), R(5), R(5)}, GetParam()), (std::vector<R>{R(1), R(1), R(1)}));
  EXPECT_EQ(solve_sparse_exact_transposed(rows, {R(3), R(5), R(5)}, GetParam()), (std::vector<R>{R(1), R(1), R(1)}));
}

TEST_P(SolveSparseExact, NeedsRowExchangeAndFractions) {
  // [0 1; 1 0] z = (2, 3) -> z = (3, 2);  [3 1; 1 2] z = (2, 2) -> z = (2/5, 4/5).
  EXPECT_EQ(solve_sparse_exact({{{1, R(1)}}, {{0, R(1)}}}, {R(2), R(3)}, GetParam()), (std::vector<R>{R(3), R(2)}));
  EXPECT_EQ(solve_sparse_exact({{{0, R(3)}, {1, R(1)}}, {{0, R(1)}, {1, R(2)}}}, {R(2), R(2)}, GetParam()),
            (std::vector<R>{q("2/5"), q("4/5")}));
}

TEST_P(SolveSparseExact, TransposedUnsymmetric) {
  // M = [1 2; 0 3]: M z = (5, 6) -> z = (1, 2); M^T w = (1, 8) -> w1 = 1, 2 + 3 w2 = 8 -> w = (1, 2).
  std::vector<SparseVector> rows = {{{0, R(1)}, {1, R(2)}}, {{1, R(3)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(5), R(6)}, GetParam()), (std::vector<R>{R(1), R(2)}));
  EXPECT_EQ(solve_sparse_exact_transposed(rows, {R(1), R(8)}, GetParam()), (std::vector<R>{R(1), R(2)}));
}

TEST_P(SolveSparseExact, RationalEntriesAndRhs) {
  // [1/2 1/3; 1/4 -1] z = (0, 7/4): z = (1, -3/2), since 1/2 - 1/2 = 0 and 1/4 + 3/2 = 7/4.
  std::vector<SparseVector> rows = {{{0, q("1/2")}, {1, q("1/3")}}, {{0, q("1/4")}, {1, R(-1)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(0), q("7/4")}, GetParam()), (std::vector<R>{R(1), q("-3/2")}));
  // Transposed: [1/2 1/4; 1/3 -1] w = (1/2, 1/3) -> w = (1, 0).
  EXPECT_EQ(solve_sparse_exact_transposed(rows, {q("1/2"), q("1/3")}, GetParam()), (std::vector<R>{R(1), R(0)}));
}

TEST_P(SolveSparseExact, FillInAndCancellation) {
  // [1 1 1; 1 2 3; 1 3 6] z = (6, 14, 25): z = (1, 2, 3). Eliminating column 0 fills the
  // lower rows, the second step cancels exactly.
  std::vector<SparseVector> rows = {{{0, R(1)}, {1, R(1)}, {2, R(1)}},
                                    {{0, R(1)}, {1, R(2)}, {2, R(3)}},
                                    {{0, R(1)}, {1, R(3)}, {2, R(6)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(6), R(14), R(25)}, GetParam()), (std::vector<R>{R(1), R(2), R(3)}));
}

TEST_P(SolveSparseExact, HilbertMatrixHugeDenominators) {
  // The 8x8 Hilbert matrix H_ij = 1/(i+j+1) with rhs H·(1,...,1) must give all ones
  // back; its determinant is about 2.7e-33, so the lifting needs several checkpoints.
  const int n = 8;
  std::vector<SparseVector> rows(n);
  std::vector<R> rhs(n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      rows[i].emplace_back(j, R(1) / (i + j + 1));
      rhs[i] += R(1) / (i + j + 1);
    }
  EXPECT_EQ(solve_sparse_exact(rows, rhs, GetParam()), std::vector<R>(n, R(1)));
  EXPECT_EQ(solve_sparse_exact_transposed(rows, rhs, GetParam()), std::vector<R>(n, R(1)));
}

TEST_P(SolveSparseExact, UnsortedRowsWithRepeatedColumns) {
  // Row 0 lists column 1, then column 0 twice: 2 z0 + z1 = 5, z1 = 1 -> z = (2, 1).
  std::vector<SparseVector> rows = {{{1, R(1)}, {0, R(1)}, {0, R(1)}}, {{1, R(1)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {R(5), R(1)}, GetParam()), (std::vector<R>{R(2), R(1)}));
}

TEST_P(SolveSparseExact, EmptySystem) { EXPECT_TRUE(solve_sparse_exact({}, {}, GetParam()).empty()); }

TEST_P(SolveSparseExact, SingularThrows) {
  // Row 2 = 2 * row 1.
  EXPECT_THROW(solve_sparse_exact({{{0, R(1)}, {1, R(2)}}, {{0, R(2)}, {1, R(4)}}}, {R(1), R(2)}, GetParam()),
               std::runtime_error);
  // A zero column.
  EXPECT_THROW(solve_sparse_exact({{{0, R(1)}}, {{0, R(2)}}}, {R(1), R(2)}, GetParam()), std::runtime_error);
}

TEST(SolveSparseExactAuto, DeterminantDivisibleByTheFirstPrime) {
  // det [p 1; 0 1] = p = 2^31 - 1, the first lifting prime: the matrix is singular
  // modulo it and the solver must move on. [p 1; 0 1] z = (p + 2, 2) -> z = (1, 2).
  const R p(2147483647);
  std::vector<SparseVector> rows = {{{0, p}, {1, R(1)}}, {{1, R(1)}}};
  EXPECT_EQ(solve_sparse_exact(rows, {p + 2, R(2)}), (std::vector<R>{R(1), R(2)}));
  EXPECT_EQ(solve_sparse_exact(rows, {p + 2, R(2)}, ExactSolveMethod::Lifting), (std::vector<R>{R(1), R(2)}));
}

TEST(SolveSparseExactAuto, LiftingAndEliminationAgreeOnRandomSparseSystems) {
  // Random sparse rational systems (diagonal kept nonzero, a few off-diagonal
  // entries): both methods must return the same vector, and it must satisfy M z = r
  // (and M^T w = r) exactly.
  Random rng(20240601);
  for (int trial = 0; trial < 20; ++trial) {
    const int n = static_cast<int>(rng.uniform_int(1, 40));
    std::vector<SparseVector> rows(n);
    std::vector<R> rhs(n);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        R a = i == j ? R(rng.uniform_int(1, 9)) : (rng.bernoulli(1, 6) ? rng.uniform_rational(-9, 9, 4) : R(0));
        if (a != 0) rows[i].emplace_back(j, a);
      }
      rhs[i] = rng.uniform_rational(-20, 20, 6);
    }
    SCOPED_TRACE("trial " + std::to_string(trial) + " n " + std::to_string(n));
    std::vector<R> z;
    try {
      z = solve_sparse_exact(rows, rhs, ExactSolveMethod::Elimination);
    } catch (const std::runtime_error&) {
      EXPECT_THROW(solve_sparse_exact(rows, rhs, ExactSolveMethod::Auto), std::runtime_error);
      continue;  // singular draw
    }
    EXPECT_EQ(solve_sparse_exact(rows, rhs, ExactSolveMethod::Lifting), z);
    for (int i = 0; i < n; ++i) {
      R lhs = 0;
      for (const auto& [j, a] : rows[i]) lhs += a * z[j];
      EXPECT_EQ(lhs, rhs[i]);
    }
    const std::vector<R> w = solve_sparse_exact_transposed(rows, rhs, ExactSolveMethod::Lifting);
    EXPECT_EQ(solve_sparse_exact_transposed(rows, rhs, ExactSolveMethod::Elimination), w);
    std::vector<R> lhs_t(n);
    for (int i = 0; i < n; ++i)
      for (const auto& [j, a] : rows[i]) lhs_t[j] += a * w[i];
    EXPECT_EQ(lhs_t, rhs);
  }
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
