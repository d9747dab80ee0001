// Sparse LU factorisation of a simplex basis B, with product-form (eta) updates.
//
// Right-looking Gaussian elimination P B Q = L U with a Markowitz pivot choice
// (minimise (r_i - 1)(c_j - 1) over the sparsest rows and columns of the active
// submatrix). For double a candidate must pass threshold partial pivoting,
// |a_ij| >= 0.01 * max_i |a_ij| in its column; for Rational any nonzero is
// stable and ties prefer short entries.
//
// After a basis change (column at position p replaced by a column whose FTRAN
// image is alpha = B^{-1} a_q) the new basis is B E with E = I except column p =
// alpha, so B_new^{-1} = E^{-1} B^{-1}: FTRAN applies the eta matrices after the
// LU solve, BTRAN applies their transposes before it.
//
// Rational: everything is fraction-free, so that no gcd is taken inside the
// O(fill) loops. Each basis column is scaled to integers (B = B_int G^{-1}); the
// elimination is Bareiss' (active entries are integer minors, updated with exact
// divisions); the triangular solves and the eta file work on integer vectors over
// the basis determinant (Cramer's rule keeps them integral); only the final
// results are reduced to lowest terms.
//
// Index spaces: a basis column is identified by its *position* k (0..m-1); rows
// by the row index i. FTRAN maps a row-indexed vector to a position-indexed one,
// BTRAN the reverse.
#pragma once

#include <gmp.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/rational.h"

namespace equilab::lp {

// The few scalar operations the LU and the simplex need, per number type.
template <class T>
struct Arith;

template <>
struct Arith<double> {
  static constexpr bool exact = false;
  static constexpr double drop_tol = 1e-14;   // LU entries this small are treated as cancelled
  static constexpr double pivot_tol = 1e-11;  // smallest acceptable LU pivot magnitude
  static constexpr double threshold = 0.01;   // threshold partial pivoting factor
  static bool is_zero(double v) { return v == 0.0; }
  static bool negligible(double v) { return std::fabs(v) <= drop_tol; }
  static int sign(double v) { return (v > 0) - (v < 0); }
  // acc -= a * b
  static void sub_mul(double& acc, double a, double b) { acc -= a * b; }
};

template <>
struct Arith<Rational> {
  static constexpr bool exact = true;
  static bool is_zero(const Rational& v) { return mpq_sgn(v.backend().data()) == 0; }
  static bool negligible(const Rational& v) { return is_zero(v); }
  static int sign(const Rational& v) { return mpq_sgn(v.backend().data()); }
  // acc -= a * b, without allocating a temporary per call.
  static void sub_mul(Rational& acc, const Rational& a, const Rational& b) {
    thread_local Rational product;
    mpq_mul(product.backend().data(), a.backend().data(), b.backend().data());
    mpq_sub(acc.backend().data(), acc.backend().data(), product.backend().data());
  }
};

template <class T>
class SparseLU {
 public:
  using Entry = std::pair<int, T>;  // (row or position, value)
  using Column = std::vector<Entry>;

  // Columns (positions) that could not be pivoted and rows left without a pivot;
  // both lists have the same length. Empty when B is nonsingular.
  struct Deficiency {
    std::vector<int> positions;
    std::vector<int> rows;
    bool empty() const { return positions.empty(); }
  };

  // Factorises the m x m matrix whose k-th column is columns[k] (row, value).
  // On deficiency the object holds no usable factorisation.
  Deficiency factorize(int m, const std::vector<Column>& columns);

  // Solves B x = rhs. rhs is indexed by row and may be overwritten (used as work
  // space); out receives x indexed by position.
  void ftran(std::vector<T>& rhs, std::vector<T>& out) const;

  // Solves B^T y = rhs. rhs is indexed by position and may be overwritten; out
  // receives y indexed by row.
  void btran(std::vector<T>& rhs, std::vector<T>& out) const;

  // Records the replacement of the column at `position` by the column `entering`,
  // whose FTRAN image (with the current factors) is alpha (position-indexed, dense).
  void update(int position, const std::vector<T>& alpha, const Column& entering);

  int updates() const { return static_cast<int>(Arith<T>::exact ? xetas_.size() : etas_.size()); }
  int size() const { return m_; }
  std::size_t factor_nonzeros() const {
    return lent_.size() + uent_.size() + lint_.size() + uint_.size() + static_cast<std::size_t>(m_);
  }

 private:
  struct Eta {
    int position;
    T pivot;                    // alpha[position]
    std::vector<Entry> others;  // nonzero alpha[i], i != position
  };

  // Exact eta in integers: with B_int the basis with integer-scaled columns and
  // D = det_ before the update, a = D B_int^{-1} (scaled entering column), the new
  // determinant is a[position] (see update).
  struct IntEta {
    int position;
    Integer prev_det, det;                        // D before and after (det = a[position])
    std::vector<std::pair<int, Integer>> others;  // nonzero a[i], i != position
  };

  // Value type of the active submatrix during elimination: double, or for exact
  // arithmetic an integer of the fraction-free (Bareiss) elimination.
  using Value = std::conditional_t<Arith<T>::exact, Integer, double>;

  // An active entry. Exact: the Schur-complement entry is value / minor_[epoch]
  // (scaled column, see factorize); double: epoch is unused.
  struct Cell {
    int row;
    Value value;
    int epoch;
  };
  using ActiveColumn = std::vector<Cell>;

  // Elimination state while factorising.
  struct Active {
    std::vector<ActiveColumn> cols;             // active column entries
    std::vector<std::vector<int>> row_pattern;  // columns that may hold an entry of row i (may be stale)
    std::vector<int> row_count;                 // exact number of active entries of row i
    std::vector<char> col_active, row_active;
  };

  struct Choice {
    int row = -1, col = -1;
    long merit = std::numeric_limits<long>::max();
    double quality = 0;  // higher is better among equal merits
  };

  void load(Active& a, const std::vector<Column>& columns);
  static int find_in_column(const ActiveColumn& col, int row);
  static double column_max(const ActiveColumn& col);
  void consider(const Active& a, int step, int row, int col, const Cell& cell, double col_max, bool strict,
                Choice& best) const;
  Choice choose_pivot(const Active& a, int step) const;
  void eliminate_double(Active& a, int step, int row, int col);
  void eliminate_exact(Active& a, int step, int row, int col);
  void bring_to_step(Cell& cell, int step) const;
  void compact(Active& a, ActiveColumn& cc) const;
  void build_u_columns();
  void ftran_lu(std::vector<T>& w, std::vector<T>& out) const;
  void btran_lu(std::vector<T>& w, std::vector<T>& out) const;
  void ftran_exact(const std::vector<T>& rhs, std::vector<T>& out) const;
  void btran_exact(const std::vector<T>& rhs, std::vector<T>& out) const;
  void solve_int(std::vector<Integer>& b, std::vector<Integer>& z) const;
  void solve_transposed_int(std::vector<Integer>& c, std::vector<Integer>& y) const;

  int m_ = 0;
  std::vector<int> prow_, pcol_;  // step k pivots on row prow_[k] and position pcol_[k]
  std::vector<T> pval_;           // double: pivot values
  std::vector<int> lstart_;       // L column of step k: entries [lstart_[k], lstart_[k+1]) of lent_ / lint_
  std::vector<Entry> lent_;       // double: (row, multiplier)
  std::vector<int> ustart_;  // U row of step k without the pivot: [ustart_[k], ustart_[k+1]) of uent_ / uint_
  std::vector<Entry> uent_;  // double: (position, value)
  std::vector<int> ucstart_;  // U column of step k: (pivot row of an earlier step, index into uent_)
  std::vector<std::pair<int, int>> ucent_;
  std::vector<Eta> etas_;
  std::vector<int> scatter_;  // work: row -> index in a column, -1 when absent

  // Fraction-free elimination (exact only). Column c of B is scaled to integers by
  // colscale_[c] (the lcm of its denominators); minor_[k] is the determinant of the
  // pivot block after k steps (minor_[0] = 1). By Sylvester's identity
  // minor_[k] * (Schur entry) is an integer minor, so the active entries stay integers:
  //   a'_ij = (p a_ij - a_ic a_rj) / minor_[k]   (exact division, p = a_rc = minor_[k+1]).
  // The factors are kept as the integers of the elimination: lint_ holds a_ic and
  // uint_ holds a_rj of each step (at that step's scale), so FTRAN/BTRAN can run
  // fraction-free as well (see ftran_exact).
  // After updates, colscale_[p] is the scale of the column now at position p and
  // det_ the determinant of the current integer basis (minor_[m] times the eta pivots).
  std::vector<Integer> colscale_, minor_;
  std::vector<std::size_t> minor_bits_;
  std::vector<std::pair<int, Integer>> lint_, uint_;
  std::vector<IntEta> xetas_;
  Integer det_;
};

// ---------------------------------------------------------------------------
// Implementation

namespace sparse_lu_detail {

inline std::size_t bits(const Integer& v) { return mpz_sizeinbase(v.backend().data(), 2); }

// z = z * mul / div (exact), through tmp so that GMP need not copy aliased operands.
inline void rescale(mpz_ptr z, mpz_srcptr mul, mpz_srcptr div, mpz_ptr tmp) {
  if (mpz_sgn(z) == 0) return;
  mpz_mul(tmp, z, mul);
  mpz_divexact(z, tmp, div);
}

// The Bareiss update z = (p z - a b) / q (exact).
inline void bareiss(mpz_ptr z, mpz_srcptr p, mpz_srcptr a, mpz_srcptr b, mpz_srcptr q, mpz_ptr tmp) {
  mpz_mul(tmp, z, p);
  mpz_submul(tmp, a, b);
  mpz_divexact(z, tmp, q);
}

}  // namespace sparse_lu_detail

template <class T>
int SparseLU<T>::find_in_column(const ActiveColumn& col, int row) {
  for (std::size_t t = 0; t < col.size(); ++t)
    if (col[t].row == row) return static_cast<int>(t);
  return -1;
}

template <class T>
double SparseLU<T>::column_max(const ActiveColumn& col) {
  double best = 0;
  if constexpr (!Arith<T>::exact)
    for (const auto& e : col) best = std::max(best, std::fabs(e.value));
  return best;
}

// Copies B into the active structure; exact: each column scaled to integers.
template <class T>
void SparseLU<T>::load(Active& a, const std::vector<Column>& columns) {
  a.cols.assign(m_, {});
  a.row_pattern.assign(m_, {});
  a.row_count.assign(m_, 0);
  a.col_active.assign(m_, 1);
  a.row_active.assign(m_, 1);
  if constexpr (Arith<T>::exact) colscale_.assign(m_, Integer(1));
  for (int c = 0; c < m_; ++c) {
    ActiveColumn& cc = a.cols[c];
    if constexpr (Arith<T>::exact) {
      Integer& g = colscale_[c];
      for (const auto& [i, v] : columns[c])
        mpz_lcm(g.backend().data(), g.backend().data(), mpq_denref(v.backend().data()));
      for (const auto& [i, v] : columns[c]) {
        if (Arith<T>::is_zero(v)) continue;
        Integer n;
        mpz_divexact(n.backend().data(), g.backend().data(), mpq_denref(v.backend().data()));
        mpz_mul(n.backend().data(), n.backend().data(), mpq_numref(v.backend().data()));
        cc.push_back({i, std::move(n), 0});
      }
    } else {
      for (const auto& [i, v] : columns[c])
        if (!Arith<T>::negligible(v)) cc.push_back({i, v, 0});
    }
    for (const auto& e : cc) {
      a.row_pattern[e.row].push_back(c);
      ++a.row_count[e.row];
    }
  }
}

// Exact: rescales a cell's integer from its epoch's minor to the current one.
template <class T>
void SparseLU<T>::bring_to_step(Cell& cell, int step) const {
  if constexpr (Arith<T>::exact) {
    if (cell.epoch == step) return;
    thread_local Integer tmp;
    sparse_lu_detail::rescale(cell.value.backend().data(), minor_[step].backend().data(),
                              minor_[cell.epoch].backend().data(), tmp.backend().data());
    cell.epoch = step;
  }
}

// Scores the candidate pivot (row, col) by its Markowitz count and keeps the best.
// strict: apply the threshold rule (double); otherwise only the absolute pivot tolerance.
template <class T>
void SparseLU<T>::consider(const Active& a, int step, int row, int col, const Cell& cell, double col_max,
                           bool strict, Choice& best) const {
  double quality = 0;
  if constexpr (Arith<T>::exact) {
    if (cell.value == 0) return;
    // bits of the entry at the current step, approximately: prefer short pivots
    quality = -static_cast<double>(sparse_lu_detail::bits(cell.value) + minor_bits_[step]) +
              static_cast<double>(minor_bits_[cell.epoch]);
  } else {
    double mag = std::fabs(cell.value);
    if (mag <= Arith<T>::pivot_tol) return;
    if (strict && mag < Arith<T>::threshold * col_max) return;
    quality = col_max > 0 ? mag / col_max : 0;
  }
  long merit = static_cast<long>(a.row_count[row] - 1) * static_cast<long>(a.cols[col].size() - 1);
  if (merit < best.merit || (merit == best.merit && quality > best.quality)) {
    best.row = row;
    best.col = col;
    best.merit = merit;
    best.quality = quality;
  }
}

// Markowitz search restricted to the few sparsest active columns (and rows, when a
// row is sparser); falls back to every active entry when none of those passes.
template <class T>
typename SparseLU<T>::Choice SparseLU<T>::choose_pivot(const Active& a, int step) const {
  constexpr int kCandidates = 4;
  std::size_t min_col = std::numeric_limits<std::size_t>::max();
  int min_row = std::numeric_limits<int>::max();
  for (int c = 0; c < m_; ++c)
    if (a.col_active[c] && !a.cols[c].empty()) min_col = std::min(min_col, a.cols[c].size());
  for (int i = 0; i < m_; ++i)
    if (a.row_active[i] && a.row_count[i] > 0) min_row = std::min(min_row, a.row_count[i]);

  Choice best;
  int seen = 0;
  for (int c = 0; c < m_ && seen < kCandidates; ++c) {
    if (!a.col_active[c] || a.cols[c].size() != min_col) continue;
    ++seen;
    double cmax = column_max(a.cols[c]);
    for (const auto& cell : a.cols[c]) consider(a, step, cell.row, c, cell, cmax, true, best);
    if (best.merit == 0) return best;
  }
  seen = 0;
  for (int i = 0; i < m_ && seen < kCandidates && static_cast<std::size_t>(min_row) < min_col; ++i) {
    if (!a.row_active[i] || a.row_count[i] != min_row) continue;
    ++seen;
    for (int c : a.row_pattern[i]) {
      if (!a.col_active[c]) continue;
      int t = find_in_column(a.cols[c], i);
      if (t >= 0) consider(a, step, i, c, a.cols[c][t], column_max(a.cols[c]), true, best);
    }
    if (best.merit == 0) return best;
  }
  if (best.row >= 0) return best;
  // Fallback: every active entry, threshold first, then only the absolute tolerance.
  for (bool strict : {true, false}) {
    for (int c = 0; c < m_; ++c) {
      if (!a.col_active[c]) continue;
      double cmax = column_max(a.cols[c]);
      for (const auto& cell : a.cols[c]) consider(a, step, cell.row, c, cell, cmax, strict, best);
    }
    if (best.row >= 0) return best;
  }
  return best;
}

// Drops cancelled entries from an active column.
template <class T>
void SparseLU<T>::compact(Active& a, ActiveColumn& cc) const {
  std::size_t keep = 0;
  for (std::size_t t = 0; t < cc.size(); ++t) {
    bool gone;
    if constexpr (Arith<T>::exact)
      gone = cc[t].value == 0;
    else
      gone = Arith<T>::negligible(cc[t].value);
    if (gone) {
      --a.row_count[cc[t].row];
      continue;
    }
    if (keep != t) std::swap(cc[keep], cc[t]);
    ++keep;
  }
  cc.resize(keep);
}

// One elimination step (double) on pivot (row, col): records the L column
// (multipliers a_ic / p), the U row (the pivot row's other active entries) and
// applies the Schur-complement update a_ij -= l_i * u_j to the active columns.
template <class T>
void SparseLU<T>::eliminate_double(Active& a, int step, int row, int col) {
  if constexpr (!Arith<T>::exact) {
    ActiveColumn& pcol = a.cols[col];
    const double pivot = pcol[find_in_column(pcol, row)].value;
    prow_[step] = row;
    pcol_[step] = col;
    pval_[step] = pivot;

    std::size_t l_begin = lent_.size();
    for (const auto& e : pcol) {
      --a.row_count[e.row];
      if (e.row != row) lent_.emplace_back(e.row, e.value / pivot);
    }
    lstart_[step + 1] = static_cast<int>(lent_.size());
    pcol.clear();
    a.col_active[col] = 0;
    a.row_active[row] = 0;

    std::size_t u_begin = uent_.size();
    for (int c : a.row_pattern[row]) {
      if (!a.col_active[c]) continue;
      ActiveColumn& cc = a.cols[c];
      int t = find_in_column(cc, row);
      if (t < 0) continue;
      uent_.emplace_back(c, cc[t].value);
      std::swap(cc[t], cc.back());
      cc.pop_back();
    }
    ustart_[step + 1] = static_cast<int>(uent_.size());
    a.row_pattern[row].clear();
    a.row_count[row] = 0;

    const bool column_singleton = l_begin == lent_.size();  // nothing below the pivot: no update
    for (std::size_t ui = u_begin; ui < uent_.size() && !column_singleton; ++ui) {
      const int c = uent_[ui].first;
      const double u = uent_[ui].second;
      ActiveColumn& cc = a.cols[c];
      for (std::size_t t = 0; t < cc.size(); ++t) scatter_[cc[t].row] = static_cast<int>(t);
      bool cancelled = false;
      for (std::size_t li = l_begin; li < lent_.size(); ++li) {
        const int i = lent_[li].first;
        const double lu = lent_[li].second * u;
        if (scatter_[i] >= 0) {
          double& v = cc[scatter_[i]].value;
          v -= lu;
          cancelled = cancelled || Arith<T>::negligible(v);
        } else if (!Arith<T>::negligible(lu)) {  // fill-in
          scatter_[i] = static_cast<int>(cc.size());
          cc.push_back({i, -lu, 0});
          a.row_pattern[i].push_back(c);
          ++a.row_count[i];
        }
      }
      for (const auto& e : cc) scatter_[e.row] = -1;
      if (cancelled) compact(a, cc);
    }
  }
}

// One fraction-free elimination step (exact) on pivot (row, col) with
// p = a_rc = minor_[step + 1] and q = minor_[step] (all at the current scale):
//   a'_ij = (p a_ij - a_ic a_rj) / q  for the touched entries; the others keep
//   their epoch and are rescaled lazily by bring_to_step. The rational factors
//   would be l_i = a_ic / p, u_j = a_rj / (q g_j), pivot p / (q g_c).
template <class T>
void SparseLU<T>::eliminate_exact(Active& a, int step, int row, int col) {
  if constexpr (Arith<T>::exact) {
    ActiveColumn& pcol = a.cols[col];
    for (Cell& e : pcol) bring_to_step(e, step);
    const Integer& q = minor_[step];
    minor_[step + 1] = pcol[find_in_column(pcol, row)].value;
    minor_bits_[step + 1] = sparse_lu_detail::bits(minor_[step + 1]);
    const Integer& p = minor_[step + 1];
    prow_[step] = row;
    pcol_[step] = col;

    // L column: the integers a_ic of the other rows.
    const std::size_t l_begin = lint_.size();
    for (Cell& e : pcol) {
      --a.row_count[e.row];
      if (e.row != row) lint_.emplace_back(e.row, std::move(e.value));
    }
    lstart_[step + 1] = static_cast<int>(lint_.size());
    pcol.clear();
    a.col_active[col] = 0;
    a.row_active[row] = 0;

    // U row: the integers a_rj of the other active columns.
    const std::size_t u_begin = uint_.size();
    for (int c : a.row_pattern[row]) {
      if (!a.col_active[c]) continue;
      ActiveColumn& cc = a.cols[c];
      int t = find_in_column(cc, row);
      if (t < 0) continue;
      bring_to_step(cc[t], step);
      uint_.emplace_back(c, std::move(cc[t].value));
      std::swap(cc[t], cc.back());
      cc.pop_back();
    }
    ustart_[step + 1] = static_cast<int>(uint_.size());
    a.row_pattern[row].clear();
    a.row_count[row] = 0;

    Integer product;
    auto* prod = product.backend().data();
    for (std::size_t ui = u_begin; ui < uint_.size() && l_begin < lint_.size(); ++ui) {
      const int c = uint_[ui].first;
      const Integer& u = uint_[ui].second;
      ActiveColumn& cc = a.cols[c];
      for (std::size_t t = 0; t < cc.size(); ++t) scatter_[cc[t].row] = static_cast<int>(t);
      bool cancelled = false;
      for (std::size_t li = l_begin; li < lint_.size(); ++li) {
        const int i = lint_[li].first;
        const auto* l = lint_[li].second.backend().data();
        if (scatter_[i] >= 0) {
          Cell& e = cc[scatter_[i]];
          bring_to_step(e, step);
          auto* v = e.value.backend().data();
          sparse_lu_detail::bareiss(v, p.backend().data(), l, u.backend().data(), q.backend().data(), prod);
          e.epoch = step + 1;
          cancelled = cancelled || mpz_sgn(v) == 0;
        } else {  // fill-in: a_ij was 0, so a'_ij = -a_ic a_rj / q
          Integer fill;
          mpz_mul(prod, l, u.backend().data());
          mpz_neg(prod, prod);
          mpz_divexact(fill.backend().data(), prod, q.backend().data());
          scatter_[i] = static_cast<int>(cc.size());
          cc.push_back({i, std::move(fill), step + 1});
          a.row_pattern[i].push_back(c);
          ++a.row_count[i];
        }
      }
      for (const auto& e : cc) scatter_[e.row] = -1;
      if (cancelled) compact(a, cc);
    }
  }
}

// U column of each step: the (pivot row, value index) of earlier steps whose U
// row holds an entry in this step's position.
template <class T>
void SparseLU<T>::build_u_columns() {
  std::vector<int> step_of(m_);
  for (int k = 0; k < m_; ++k) step_of[pcol_[k]] = k;
  std::vector<int> count(m_ + 1, 0);
  for (const auto& e : uent_) ++count[step_of[e.first] + 1];
  ucstart_.assign(m_ + 1, 0);
  for (int k = 0; k < m_; ++k) ucstart_[k + 1] = ucstart_[k] + count[k + 1];
  ucent_.assign(uent_.size(), {0, 0});
  std::vector<int> fill(ucstart_.begin(), ucstart_.end() - 1);
  for (int k = 0; k < m_; ++k)
    for (int t = ustart_[k]; t < ustart_[k + 1]; ++t) ucent_[fill[step_of[uent_[t].first]]++] = {prow_[k], t};
}

template <class T>
typename SparseLU<T>::Deficiency SparseLU<T>::factorize(int m, const std::vector<Column>& columns) {
  m_ = m;
  prow_.assign(m, -1);
  pcol_.assign(m, -1);
  lstart_.assign(m + 1, 0);
  ustart_.assign(m + 1, 0);
  lent_.clear();
  uent_.clear();
  lint_.clear();
  uint_.clear();
  etas_.clear();
  xetas_.clear();
  scatter_.assign(m, -1);
  if constexpr (Arith<T>::exact) {
    minor_.assign(m + 1, Integer(0));
    minor_[0] = 1;
    minor_bits_.assign(m + 1, 0);
    minor_bits_[0] = 1;
  } else {
    pval_.assign(m, T{});
  }

  Active a;
  load(a, columns);
  int step = 0;
  for (; step < m; ++step) {
    Choice ch = choose_pivot(a, step);
    if (ch.row < 0) break;
    if constexpr (Arith<T>::exact)
      eliminate_exact(a, step, ch.row, ch.col);
    else
      eliminate_double(a, step, ch.row, ch.col);
  }
  Deficiency def;
  if (step < m) {
    for (int c = 0; c < m; ++c)
      if (a.col_active[c]) def.positions.push_back(c);
    for (int i = 0; i < m; ++i)
      if (a.row_active[i]) def.rows.push_back(i);
    return def;
  }
  if constexpr (Arith<T>::exact)
    det_ = minor_[m];
  else
    build_u_columns();
  return def;
}

template <class T>
void SparseLU<T>::ftran(std::vector<T>& w, std::vector<T>& out) const {
  if constexpr (Arith<T>::exact)
    ftran_exact(w, out);
  else
    ftran_lu(w, out);
  // Eta file: x_p /= alpha_p, x_i -= alpha_i * x_p.
  for (const Eta& e : etas_) {
    T& xp = out[e.position];
    if (Arith<T>::is_zero(xp)) continue;
    xp /= e.pivot;
    for (const auto& [i, a] : e.others) Arith<T>::sub_mul(out[i], a, xp);
  }
}

template <class T>
void SparseLU<T>::btran(std::vector<T>& w, std::vector<T>& out) const {
  if constexpr (Arith<T>::exact) {
    btran_exact(w, out);
    return;
  }
  // Eta transposes, newest first: w_p = (w_p - sum_{i != p} alpha_i w_i) / alpha_p.
  for (auto it = etas_.rbegin(); it != etas_.rend(); ++it) {
    T& wp = w[it->position];
    for (const auto& [i, a] : it->others) Arith<T>::sub_mul(wp, a, w[i]);
    wp /= it->pivot;
  }
  if constexpr (Arith<T>::exact)
    btran_exact(w, out);
  else
    btran_lu(w, out);
}

// B x = w with the floating-point LU (w by row, clobbered; x by position).
template <class T>
void SparseLU<T>::ftran_lu(std::vector<T>& w, std::vector<T>& out) const {
  out.resize(m_);
  // Forward: apply the elimination steps (w_i -= l_ik * w_{r_k}).
  for (int k = 0; k < m_; ++k) {
    const T& v = w[prow_[k]];
    if (Arith<T>::is_zero(v)) continue;
    for (int t = lstart_[k]; t < lstart_[k + 1]; ++t)
      Arith<T>::sub_mul(w[lent_[t].first], lent_[t].second, v);
  }
  // Backward: U x = w, column-oriented so zero components cost nothing.
  for (int k = m_ - 1; k >= 0; --k) {
    T& v = w[prow_[k]];
    T& x = out[pcol_[k]];
    if (Arith<T>::is_zero(v)) {
      x = 0;
      continue;
    }
    v /= pval_[k];
    std::swap(x, v);
    for (int t = ucstart_[k]; t < ucstart_[k + 1]; ++t)
      Arith<T>::sub_mul(w[ucent_[t].first], uent_[ucent_[t].second].second, x);
  }
}

// B^T y = w with the floating-point LU (w by position, clobbered; y by row).
template <class T>
void SparseLU<T>::btran_lu(std::vector<T>& w, std::vector<T>& out) const {
  out.resize(m_);
  // U^T v = w, forward over the steps; v lands at the pivot rows.
  for (int k = 0; k < m_; ++k) {
    T& src = w[pcol_[k]];
    T& v = out[prow_[k]];
    if (Arith<T>::is_zero(src)) {
      v = 0;
      continue;
    }
    src /= pval_[k];
    std::swap(v, src);
    for (int t = ustart_[k]; t < ustart_[k + 1]; ++t)
      Arith<T>::sub_mul(w[uent_[t].first], uent_[t].second, v);
  }
  // L^T, last step first: y_{r_k} -= sum_i l_ik y_i.
  for (int k = m_ - 1; k >= 0; --k) {
    T& s = out[prow_[k]];
    for (int t = lstart_[k]; t < lstart_[k + 1]; ++t)
      Arith<T>::sub_mul(s, lent_[t].second, out[lent_[t].first]);
  }
}

namespace sparse_lu_detail {

// A rational vector as integers over one common denominator: v = ints / den.
inline void to_integers(const std::vector<Rational>& v, std::vector<Integer>& ints, Integer& den) {
  den = 1;
  for (const Rational& r : v)
    if (mpq_sgn(r.backend().data()) != 0)
      mpz_lcm(den.backend().data(), den.backend().data(), mpq_denref(r.backend().data()));
  ints.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    auto* z = ints[i].backend().data();
    const auto* q = v[i].backend().data();
    if (mpq_sgn(q) == 0) {
      mpz_set_ui(z, 0);
      continue;
    }
    mpz_divexact(z, den.backend().data(), mpq_denref(q));
    mpz_mul(z, z, mpq_numref(q));
  }
}

// One fraction-free forward step on an integer vector with lazy scales: for each
// (i, a) in [first, last): v_i = (p v_i - a v_pivot) / q, where every v_j is
// v_j / minor[epoch_j] of the true value and the pivot entry is at this step.
inline void bareiss_forward(std::vector<Integer>& v, std::vector<int>& epoch,
                            const std::vector<Integer>& minor, int step, int pivot,
                            const std::pair<int, Integer>* first, const std::pair<int, Integer>* last,
                            Integer& tmp) {
  auto bring = [&](int i) {
    if (epoch[i] == step) return;
    rescale(v[i].backend().data(), minor[step].backend().data(), minor[epoch[i]].backend().data(),
            tmp.backend().data());
    epoch[i] = step;
  };
  bring(pivot);
  const auto* vp = v[pivot].backend().data();
  if (mpz_sgn(vp) == 0) return;
  const auto* p = minor[step + 1].backend().data();
  const auto* q = minor[step].backend().data();
  auto* t = tmp.backend().data();
  for (; first != last; ++first) {
    const int i = first->first;
    bring(i);
    bareiss(v[i].backend().data(), p, first->second.backend().data(), vp, q, t);
    epoch[i] = step + 1;
  }
}

}  // namespace sparse_lu_detail

// z = D B_int^{-1} b for integer b (row-indexed, clobbered), D = minor_[m]:
// forward elimination treats b as one more column of the Bareiss elimination; then
// with Z = D z (an integer vector by Cramer's rule) back substitution is exact:
//   p_k Z_{c_k} = D b_k - sum_j a_kj Z_j   (row k of U, at scale minor_[k]).
template <class T>
void SparseLU<T>::solve_int(std::vector<Integer>& b, std::vector<Integer>& z) const {
  using namespace sparse_lu_detail;
  Integer tmp;
  std::vector<int> epoch(m_, 0);
  for (int k = 0; k < m_; ++k)
    bareiss_forward(b, epoch, minor_, k, prow_[k], lint_.data() + lstart_[k], lint_.data() + lstart_[k + 1],
                    tmp);
  const auto* det = minor_[m_].backend().data();
  z.resize(m_);
  for (int k = m_ - 1; k >= 0; --k) {
    const int r = prow_[k];
    auto* acc = z[pcol_[k]].backend().data();
    auto* br = b[r].backend().data();
    if (epoch[r] != k)  // bring b_r to this step's scale
      rescale(br, minor_[k].backend().data(), minor_[epoch[r]].backend().data(), tmp.backend().data());
    mpz_mul(acc, det, br);
    for (int t = ustart_[k]; t < ustart_[k + 1]; ++t) {
      const auto* zj = z[uint_[t].first].backend().data();
      if (mpz_sgn(zj) != 0) mpz_submul(acc, uint_[t].second.backend().data(), zj);
    }
    if (mpz_sgn(acc) != 0) mpz_divexact(acc, acc, minor_[k + 1].backend().data());
  }
}

// y = D B_int^{-T} c for integer c (position-indexed, clobbered). The Bareiss
// elimination of B_int^T with the transposed pivots has the same minors, with U
// rows as its L columns and L columns as its U rows:
//   forward over U rows, then p_k Y_{r_k} = D c_k - sum_i a_ik Y_i.
template <class T>
void SparseLU<T>::solve_transposed_int(std::vector<Integer>& c, std::vector<Integer>& y) const {
  using namespace sparse_lu_detail;
  Integer tmp;
  std::vector<int> epoch(m_, 0);
  for (int k = 0; k < m_; ++k)
    bareiss_forward(c, epoch, minor_, k, pcol_[k], uint_.data() + ustart_[k], uint_.data() + ustart_[k + 1],
                    tmp);
  const auto* det = minor_[m_].backend().data();
  y.resize(m_);
  for (int k = m_ - 1; k >= 0; --k) {
    const int col = pcol_[k];
    auto* acc = y[prow_[k]].backend().data();
    auto* cc = c[col].backend().data();
    if (epoch[col] != k)
      rescale(cc, minor_[k].backend().data(), minor_[epoch[col]].backend().data(), tmp.backend().data());
    mpz_mul(acc, det, cc);
    for (int t = lstart_[k]; t < lstart_[k + 1]; ++t) {
      const auto* yi = y[lint_[t].first].backend().data();
      if (mpz_sgn(yi) != 0) mpz_submul(acc, lint_[t].second.backend().data(), yi);
    }
    if (mpz_sgn(acc) != 0) mpz_divexact(acc, acc, minor_[k + 1].backend().data());
  }
}

// Exact FTRAN, gcd-free until the final reduction. With B = B_int G^{-1} and
// rhs = b / s: z_0 = Z / D_0 from solve_int; eta j then maps Z / D_{j-1} to
// Z' / D_j with Z'_p = Z_p and Z'_i = (D_j Z_i - a_i Z_p) / D_{j-1} (exact: Z' is
// D_j times the solution for the updated integer basis). Entries an eta does not
// touch only change scale, which is applied lazily. Finally x_c = g_c Z_c / (D s).
template <class T>
void SparseLU<T>::ftran_exact(const std::vector<T>& rhs, std::vector<T>& out) const {
  if constexpr (Arith<T>::exact) {
    using namespace sparse_lu_detail;
    std::vector<Integer> b, z;
    Integer s, tmp;
    to_integers(rhs, b, s);
    solve_int(b, z);
    // dets[j] = determinant after j etas; epoch[i]: z[i] is at scale dets[epoch[i]]
    const std::size_t ne = xetas_.size();
    std::vector<int> epoch(m_, 0);
    std::vector<const Integer*> dets(ne + 1);
    dets[0] = &minor_[m_];
    for (std::size_t j = 0; j < ne; ++j) dets[j + 1] = &xetas_[j].det;
    auto bring = [&](int i, int e) {
      if (epoch[i] == e) return;
      rescale(z[i].backend().data(), dets[e]->backend().data(), dets[epoch[i]]->backend().data(),
              tmp.backend().data());
      epoch[i] = e;
    };
    for (std::size_t j = 0; j < ne; ++j) {
      const IntEta& e = xetas_[j];
      const int je = static_cast<int>(j);
      bring(e.position, je);
      epoch[e.position] = je + 1;  // Z'_p = Z_p at the new scale
      const auto* zp = z[e.position].backend().data();
      if (mpz_sgn(zp) == 0) continue;
      for (const auto& [i, a] : e.others) {
        bring(i, je);
        bareiss(z[i].backend().data(), e.det.backend().data(), a.backend().data(), zp,
                e.prev_det.backend().data(), tmp.backend().data());
        epoch[i] = je + 1;
      }
    }
    mpz_mul(s.backend().data(), s.backend().data(), det_.backend().data());  // D s
    out.resize(m_);
    for (int c = 0; c < m_; ++c) {
      auto* x = out[c].backend().data();
      bring(c, static_cast<int>(ne));
      if (mpz_sgn(z[c].backend().data()) == 0) {
        mpq_set_ui(x, 0, 1);
        continue;
      }
      mpz_mul(mpq_numref(x), z[c].backend().data(), colscale_[c].backend().data());
      mpz_set(mpq_denref(x), s.backend().data());
      mpq_canonicalize(x);
    }
  }
}

// Exact BTRAN: B^T y = w  <=>  B_int^T y = G w = c / s (c integer). Every
// intermediate vector of the eta transposes is an integer vector over s D (D the
// current determinant), so with V = c D, eta j (newest first) sets
//   V_p = (D_{j-1} V_p - sum_{i != p} a_i V_i) / D_j   (exact),
// then y s D = (D_0 B_int,0^{-T} V) / D_0 and y = Y / (s D).
template <class T>
void SparseLU<T>::btran_exact(const std::vector<T>& w, std::vector<T>& out) const {
  if constexpr (Arith<T>::exact) {
    using namespace sparse_lu_detail;
    std::vector<T> scaled(w);
    for (int c = 0; c < m_; ++c)
      if (!Arith<T>::is_zero(scaled[c]) && colscale_[c] != 1) scaled[c] *= colscale_[c];
    std::vector<Integer> v, y;
    Integer s, tmp;
    to_integers(scaled, v, s);
    if (!xetas_.empty())
      for (auto& vi : v)
        if (mpz_sgn(vi.backend().data()) != 0)
          mpz_mul(vi.backend().data(), vi.backend().data(), det_.backend().data());
    for (auto it = xetas_.rbegin(); it != xetas_.rend(); ++it) {
      auto* vp = v[it->position].backend().data();
      mpz_mul(tmp.backend().data(), vp, it->prev_det.backend().data());
      for (const auto& [i, a] : it->others) {
        const auto* vi = v[i].backend().data();
        if (mpz_sgn(vi) != 0) mpz_submul(tmp.backend().data(), a.backend().data(), vi);
      }
      mpz_divexact(vp, tmp.backend().data(), it->det.backend().data());
    }
    solve_transposed_int(v, y);
    if (!xetas_.empty()) {
      for (auto& yi : y)
        if (mpz_sgn(yi.backend().data()) != 0)
          mpz_divexact(yi.backend().data(), yi.backend().data(), minor_[m_].backend().data());
      mpz_mul(s.backend().data(), s.backend().data(), det_.backend().data());  // s D
    } else {
      mpz_mul(s.backend().data(), s.backend().data(), minor_[m_].backend().data());  // s D_0
    }
    out.resize(m_);
    for (int r = 0; r < m_; ++r) {
      auto* x = out[r].backend().data();
      if (mpz_sgn(y[r].backend().data()) == 0) {
        mpq_set_ui(x, 0, 1);
        continue;
      }
      mpz_set(mpq_numref(x), y[r].backend().data());
      mpz_set(mpq_denref(x), s.backend().data());
      mpq_canonicalize(x);
    }
  }
}

template <class T>
void SparseLU<T>::update(int position, const std::vector<T>& alpha, const Column& entering) {
  if constexpr (Arith<T>::exact) {
    // g scales the entering column a to integers. Since B^{-1} = G B_int^{-1},
    // (B_int^{-1} g a)_i = g alpha_i / G_i, and the stored integers are
    //   a_i = D g alpha_i / G_i   (exact: Cramer's rule for the integer column g a).
    Integer g = 1;
    for (const auto& e : entering)
      mpz_lcm(g.backend().data(), g.backend().data(), mpq_denref(e.second.backend().data()));
    IntEta e;
    e.position = position;
    e.prev_det = det_;
    Integer dg = det_ * g, tmp;
    for (int i = 0; i < m_; ++i) {
      const auto* q = alpha[i].backend().data();
      if (mpq_sgn(q) == 0) continue;
      Integer a;
      mpz_mul(tmp.backend().data(), dg.backend().data(), mpq_numref(q));
      mpz_mul(a.backend().data(), mpq_denref(q), colscale_[i].backend().data());
      mpz_divexact(a.backend().data(), tmp.backend().data(), a.backend().data());
      if (i == position)
        e.det = std::move(a);
      else
        e.others.emplace_back(i, std::move(a));
    }
    det_ = e.det;
    colscale_[position] = std::move(g);
    xetas_.push_back(std::move(e));
  } else {
    Eta e;
    e.position = position;
    e.pivot = alpha[position];
    for (int i = 0; i < m_; ++i)
      if (i != position && !Arith<T>::negligible(alpha[i])) e.others.emplace_back(i, alpha[i]);
    etas_.push_back(std::move(e));
  }
}

}  // namespace equilab::lp
