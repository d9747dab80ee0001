// Exact recomputation of a basic solution from a basis, by exact sparse linear
// algebra (p-adic lifting with a rational-elimination fallback). Used by the GLPK
// reference (GLPK only reports doubles); it deliberately shares no code with the
// exact simplex (lp/sparse_lu.h), so that it is an independent check.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <string>
#include <utility>
#include <vector>

namespace equilab::lp {

// Sparse vector: (index, value) pairs, normally sorted by index with nonzero values.
using SparseVector = std::vector<std::pair<int, Rational>>;

// How the exact square solves below work.
//  Elimination: sparse LU over Rational (Gaussian elimination, Markowitz pivots);
//    intermediate numbers grow to the size of minors of M, so it gets slow on large
//    dense-ish cores.
//  Lifting: Dixon's p-adic lifting: one sparse LU of M modulo a 31-bit prime, then
//    digits of the solution modulo p^k from small-integer residuals, rational
//    reconstruction, and an exact check M z == rhs before the answer is accepted.
//  Auto: lifting, falling back to elimination when it does not verify (e.g. the prime
//    divides det M). Both are exact; they differ only in speed.
enum class ExactSolveMethod { Auto, Elimination, Lifting };

// Solves the square system M z = rhs exactly, M given by its rows (unsorted rows and
// repeated columns are accepted: entries of one column are summed). Throws
// std::runtime_error when M is singular or not square (Lifting alone: also when the
// lifting fails).
std::vector<Rational> solve_sparse_exact(std::vector<SparseVector> rows, const std::vector<Rational>& rhs,
                                         ExactSolveMethod method = ExactSolveMethod::Auto);

// Solves M^T w = rhs exactly, M given by its rows.
std::vector<Rational> solve_sparse_exact_transposed(std::vector<SparseVector> rows, const std::vector<Rational>& rhs,
                                                    ExactSolveMethod method = ExactSolveMethod::Auto);

// The basic solution of `model` defined by `basis`, in the standard form A x + s = b
// with one slack s_i = b_i - a_i·x per row (s_i >= 0 on <=, <= 0 on >=, = 0 on =).
// Nonbasic structurals sit at the bound named by their status (Free: 0), nonbasic
// slacks are 0 (the row is tight). Then
//   x_B = B^{-1} (b - N x_N),   y = B^{-T} c_B   (c of a slack is 0),
// y_i is the shadow price of row i for either sense, d_j = c_j - sum_i y_i a_ij,
// objective = c·x. Sets status Optimal and `basis`; optimality is NOT checked here
// (see basic_solution_defect). Throws std::runtime_error when the basis does not
// have exactly m basic columns, names an infinite bound, or B is singular.
Solution<Rational> basic_solution(const LpModel& model, const Basis& basis);

// Status of the logical (row activity a_i·x, bounded by the row's rhs) of a row that
// is nonbasic, i.e. tight: <= rows sit at their upper bound, >= rows at their lower
// bound, = rows are fixed.
BasisStatus tight_row_status(RowOp op);

// Empty when `solution` (primal, dual, reduced costs) is primal feasible, dual
// feasible and complementary for `model` under the LP conventions; otherwise a
// description of the first violated condition.
std::string basic_solution_defect(const LpModel& model, const Solution<Rational>& solution);

}  // namespace equilab::lp
