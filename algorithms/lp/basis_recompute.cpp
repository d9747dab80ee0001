#include "lp/basis_recompute.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace equilab::lp {
namespace {

// Exact sparse LU of a square matrix M given by its rows: Gaussian elimination
// E M = U, where E is the product of the recorded row operations (row q -= f * row p)
// and U holds the pivot rows (upper triangular up to row and column permutations).
// One factorisation serves both M z = r and M^T w = c.
class SparseLu {
 public:
  explicit SparseLu(std::vector<SparseVector> rows)
      : rows_(std::move(rows)), rows_of_col_(rows_.size()), col_done_(rows_.size(), false), row_done_(rows_.size(), false) {
    const int n = static_cast<int>(rows_.size());
    for (int r = 0; r < n; ++r)
      for (const auto& [c, a] : rows_[r]) {
        if (c < 0 || c >= n) throw std::runtime_error("sparse exact solve: column index out of range");
        rows_of_col_[c].insert(r);
      }
    for (int step = 0; step < n; ++step) eliminate_one();
    rows_of_col_.clear();
  }

  // M z = r: apply E to r, then back substitution through U in reverse pivot order,
  // z_c = (r_p - sum_{other k in row p} u_pk z_k) / u_pc, every other k of pivot row p
  // having been pivoted later.
  std::vector<Rational> solve(std::vector<Rational> r) const {
    check_size(r);
    for (const RowOperation& op : operations_) r[op.target] -= op.factor * r[op.source];
    std::vector<Rational> z(rows_.size());
    for (auto it = pivots_.rbegin(); it != pivots_.rend(); ++it) {
      Rational acc = std::move(r[it->row]);
      for (const auto& [c, a] : rows_[it->row])
        if (c != it->col) acc -= a * z[c];
      z[it->col] = acc / it->value;
    }
    return z;
  }

  // M^T w = c with M^T = U^T E^{-T}: first U^T v = c by forward substitution in pivot
  // order (v_p = (c_col - sum of earlier pivot rows' entries in col times their v) / u_pc),
  // then w = E^T v, applying the transposed row operations (v_p -= f * v_q) in reverse.
  std::vector<Rational> solve_transposed(std::vector<Rational> c) const {
    check_size(c);
    std::vector<Rational> v(rows_.size());
    for (const Pivot& piv : pivots_) {
      v[piv.row] = c[piv.col] / piv.value;
      if (v[piv.row] == 0) continue;
      for (const auto& [k, a] : rows_[piv.row])
        if (k != piv.col) c[k] -= a * v[piv.row];
    }
    for (auto it = operations_.rbegin(); it != operations_.rend(); ++it)
      if (v[it->target] != 0) v[it->source] -= it->factor * v[it->target];
    return v;
  }

 private:
  struct Pivot {
    int row, col;
    Rational value;
  };
  struct RowOperation {
    int target, source;  // row target -= factor * row source
    Rational factor;
  };

  void check_size(const std::vector<Rational>& v) const {
    if (v.size() != rows_.size()) throw std::runtime_error("sparse exact solve: right-hand side has the wrong size");
  }

  // Markowitz choice: the nonzero minimising (row length - 1) * (column count - 1),
  // the fill-in bound of pivoting on it, searched over the few sparsest columns and
  // rows (singletons, which cost nothing, end the search at once).
  std::pair<int, int> choose_pivot() const {
    constexpr std::size_t kCandidates = 4;
    const std::vector<int> cols = sparsest(kCandidates, rows_of_col_.size(), [&](int c) -> std::size_t {
      return col_done_[c] ? kNone : rows_of_col_[c].size();
    });
    if (cols.empty() || rows_of_col_[cols.front()].empty()) throw std::runtime_error("sparse exact solve: singular matrix");
    const std::vector<int> rows = sparsest(kCandidates, rows_.size(), [&](int r) -> std::size_t {
      return row_done_[r] ? kNone : rows_[r].size();
    });
    std::pair<int, int> best{-1, -1};
    std::size_t best_cost = kNone;
    auto consider = [&](int r, int c) {
      const std::size_t cost = (rows_[r].size() - 1) * (rows_of_col_[c].size() - 1);
      if (cost < best_cost || (cost == best_cost && std::pair{r, c} < best)) {
        best_cost = cost;
        best = {r, c};
      }
    };
    for (int c : cols)
      for (int r : rows_of_col_[c]) consider(r, c);
    for (int r : rows)
      for (const auto& e : rows_[r]) consider(r, e.first);
    if (best.first < 0) throw std::runtime_error("sparse exact solve: singular matrix");
    return best;
  }

  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  // Indices 0..n-1 of the (at most) k smallest counts, smallest first; kNone = excluded.
  template <class Count>
  static std::vector<int> sparsest(std::size_t k, std::size_t n, Count count) {
    std::vector<std::pair<std::size_t, int>> best;  // (count, index), sorted
    for (int i = 0; i < static_cast<int>(n); ++i) {
      const std::size_t c = count(i);
      if (c == kNone || (best.size() == k && c >= best.back().first)) continue;
      best.insert(std::upper_bound(best.begin(), best.end(), std::pair{c, i}), {c, i});
      if (best.size() > k) best.pop_back();
      if (c == 0) break;  // an empty row or column: singular, reported by the caller
    }
    std::vector<int> out;
    for (const auto& [c, i] : best) out.push_back(i);
    return out;
  }

  static const Rational& entry(const SparseVector& row, int col) {
    const auto it = std::lower_bound(row.begin(), row.end(), col, [](const auto& e, int c) { return e.first < c; });
    if (it == row.end() || it->first != col) throw std::logic_error("sparse exact solve: missing pivot entry");
    return it->second;
  }

  // rows_[q] -= factor * rows_[p] by a sorted merge, keeping the column index sets in step.
  void subtract_multiple(int q, int p, const Rational& factor) {
    const SparseVector& pivot_row = rows_[p];
    SparseVector& target = rows_[q];
    SparseVector merged;
    merged.reserve(target.size() + pivot_row.size());
    std::size_t i = 0, k = 0;
    while (i < target.size() || k < pivot_row.size()) {
      if (k == pivot_row.size() || (i < target.size() && target[i].first < pivot_row[k].first)) {
        merged.push_back(std::move(target[i++]));
      } else if (i == target.size() || pivot_row[k].first < target[i].first) {
        const int c = pivot_row[k].first;  // fill-in
        merged.emplace_back(c, -factor * pivot_row[k].second);
        rows_of_col_[c].insert(q);
        ++k;
      } else {
        const int c = target[i].first;
        Rational value = target[i].second - factor * pivot_row[k].second;
        if (value == 0) rows_of_col_[c].erase(q);  // exact cancellation (always at the pivot column)
        else merged.emplace_back(c, std::move(value));
        ++i;
        ++k;
      }
    }
    target = std::move(merged);
  }

  void eliminate_one() {
    const auto [row, col] = choose_pivot();
    for (const auto& [c, a] : rows_[row]) rows_of_col_[c].erase(row);  // the pivot row leaves the active set
    const Rational pivot_value = entry(rows_[row], col);
    const std::vector<int> targets(rows_of_col_[col].begin(), rows_of_col_[col].end());
    for (int q : targets) {
      Rational factor = entry(rows_[q], col) / pivot_value;
      subtract_multiple(q, row, factor);
      operations_.push_back({q, row, std::move(factor)});
    }
    col_done_[col] = true;
    row_done_[row] = true;
    pivots_.push_back({row, col, pivot_value});
  }

  std::vector<SparseVector> rows_;                    // after factorisation: the pivot rows (U)
  std::vector<std::unordered_set<int>> rows_of_col_;  // during elimination: active rows with a nonzero per column
  std::vector<bool> col_done_, row_done_;
  std::vector<Pivot> pivots_;
  std::vector<RowOperation> operations_;
};

// Value of a nonbasic structural variable: the bound its status names (Free: 0).
Rational nonbasic_value(const Variable& v, BasisStatus status, int j) {
  auto need = [j](const std::optional<Rational>& bound, const char* which) -> const Rational& {
    if (!bound) throw std::runtime_error("basic_solution: variable " + std::to_string(j) + " nonbasic at infinite " + which + " bound");
    return *bound;
  };
  switch (status) {
    case BasisStatus::AtLower: return need(v.lower, "lower");
    case BasisStatus::AtUpper: return need(v.upper, "upper");
    case BasisStatus::Fixed: return v.lower ? *v.lower : need(v.upper, "upper");
    case BasisStatus::Free: return Rational(0);
    case BasisStatus::Basic: break;
  }
  throw std::logic_error("basic_solution: basic variable has no nonbasic value");
}

// Columns of A: for each variable, (row, a_ij) sorted by row.
std::vector<SparseVector> columns_of(const LpModel& model) {
  std::vector<SparseVector> cols(model.num_vars());
  for (int i = 0; i < model.num_rows(); ++i)
    for (const auto& [j, a] : model.constraints[i].coef) cols[j].emplace_back(i, a);
  return cols;
}

// Position in the basis of each column of [A I] (structurals 0..n-1, slacks n..n+m-1), -1 if nonbasic.
std::vector<int> basis_positions(const LpModel& model, const Basis& basis, std::vector<int>& basic_cols) {
  const int n = model.num_vars(), m = model.num_rows();
  if (static_cast<int>(basis.variables.size()) != n || static_cast<int>(basis.rows.size()) != m)
    throw std::runtime_error("basic_solution: basis size does not match the model");
  std::vector<int> position(n + m, -1);
  for (int k = 0; k < n + m; ++k) {
    const BasisStatus s = k < n ? basis.variables[k] : basis.rows[k - n];
    if (s != BasisStatus::Basic) continue;
    position[k] = static_cast<int>(basic_cols.size());
    basic_cols.push_back(k);
  }
  if (static_cast<int>(basic_cols.size()) != m)
    throw std::runtime_error("basic_solution: " + std::to_string(basic_cols.size()) + " basic columns for " +
                             std::to_string(m) + " rows");
  return position;
}

}  // namespace

std::vector<Rational> solve_sparse_exact(std::vector<SparseVector> rows, std::vector<Rational> rhs) {
  return SparseLu(std::move(rows)).solve(std::move(rhs));
}

std::vector<Rational> solve_sparse_exact_transposed(std::vector<SparseVector> rows, std::vector<Rational> rhs) {
  return SparseLu(std::move(rows)).solve_transposed(std::move(rhs));
}

Solution<Rational> basic_solution(const LpModel& model, const Basis& basis) {
  const int n = model.num_vars(), m = model.num_rows();
  std::vector<int> basic_cols;
  const std::vector<int> position = basis_positions(model, basis, basic_cols);

  Solution<Rational> sol;
  sol.status = Status::Optimal;
  sol.basis = basis;
  sol.primal.assign(n, Rational(0));
  for (int j = 0; j < n; ++j)
    if (position[j] < 0) sol.primal[j] = nonbasic_value(model.variables[j], basis.variables[j], j);

  // Primal system B x_B = b - N x_N: row i of B holds the basic structurals of row i
  // and, if basic, the unit entry of slack i.
  std::vector<SparseVector> b_rows(m);
  std::vector<Rational> rhs(m);
  for (int i = 0; i < m; ++i) {
    rhs[i] = model.constraints[i].rhs;
    for (const auto& [j, a] : model.constraints[i].coef) {
      if (position[j] >= 0) b_rows[i].emplace_back(position[j], a);
      else rhs[i] -= a * sol.primal[j];
    }
    if (position[n + i] >= 0) b_rows[i].emplace_back(position[n + i], Rational(1));
    std::sort(b_rows[i].begin(), b_rows[i].end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  }
  const SparseLu lu(std::move(b_rows));
  const std::vector<Rational> x_basic = lu.solve(std::move(rhs));
  for (int j = 0; j < n; ++j)
    if (position[j] >= 0) sol.primal[j] = x_basic[position[j]];

  // Dual system B^T y = c_B (c of a slack is 0), with the same factorisation.
  std::vector<Rational> c_basic(m);
  for (int k = 0; k < m; ++k)
    if (basic_cols[k] < n) c_basic[k] = model.objective[basic_cols[k]];
  sol.dual = lu.solve_transposed(std::move(c_basic));

  const std::vector<SparseVector> a_cols = columns_of(model);
  // d_j = c_j - sum_i y_i a_ij, objective = c·x.
  sol.reduced_costs.assign(n, Rational(0));
  for (int j = 0; j < n; ++j) {
    Rational d = model.objective[j];
    for (const auto& [i, a] : a_cols[j]) d -= sol.dual[i] * a;
    sol.reduced_costs[j] = std::move(d);
    sol.objective += model.objective[j] * sol.primal[j];
  }
  return sol;
}

namespace {

std::string primal_defect(const LpModel& model, const std::vector<Rational>& x) {
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    if ((v.lower && x[j] < *v.lower) || (v.upper && x[j] > *v.upper))
      return "variable " + std::to_string(j) + " = " + equilab::to_string(x[j]) + " violates its bounds";
  }
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    Rational activity = 0;
    for (const auto& [j, a] : row.coef) activity += a * x[j];
    const bool ok = row.op == RowOp::LessEqual ? activity <= row.rhs
                    : row.op == RowOp::GreaterEqual ? activity >= row.rhs
                                                    : activity == row.rhs;
    if (!ok) return "row " + std::to_string(i) + " activity " + equilab::to_string(activity) + " violates its rhs";
  }
  return {};
}

// Sign a dual/reduced cost may have, seen as "gain per unit increase" in a max problem:
// for min problems the sign is flipped before the checks below.
std::string dual_defect(const LpModel& model, const Solution<Rational>& sol) {
  const int flip = model.sense == Sense::Maximize ? 1 : -1;
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational y = flip * sol.dual[i];  // max-oriented shadow price
    if (y == 0) continue;
    if ((row.op == RowOp::LessEqual && y < 0) || (row.op == RowOp::GreaterEqual && y > 0))
      return "dual of row " + std::to_string(i) + " has the wrong sign";
    Rational activity = 0;
    for (const auto& [j, a] : row.coef) activity += a * sol.primal[j];
    if (activity != row.rhs) return "row " + std::to_string(i) + " has a nonzero dual but is not tight";
  }
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    const Rational d = flip * sol.reduced_costs[j];  // max-oriented: d > 0 wants x_j at upper
    if (d > 0 && !(v.upper && sol.primal[j] == *v.upper))
      return "variable " + std::to_string(j) + " has a positive reduced cost but is not at its upper bound";
    if (d < 0 && !(v.lower && sol.primal[j] == *v.lower))
      return "variable " + std::to_string(j) + " has a negative reduced cost but is not at its lower bound";
  }
  return {};
}

}  // namespace

BasisStatus tight_row_status(RowOp op) {
  switch (op) {
    case RowOp::LessEqual: return BasisStatus::AtUpper;
    case RowOp::GreaterEqual: return BasisStatus::AtLower;
    case RowOp::Equal: return BasisStatus::Fixed;
  }
  return BasisStatus::Fixed;
}

std::string basic_solution_defect(const LpModel& model, const Solution<Rational>& solution) {
  std::string why = primal_defect(model, solution.primal);
  if (why.empty()) why = dual_defect(model, solution);
  return why;
}

}  // namespace equilab::lp
