#include "lp/basis_recompute.h"

#include "core/deadline.h"
#include "lp/exact_algebra.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace equilab::lp {
namespace {

// ---------------------------------------------------------------------------
// Sparse LU over a field F (Rational, or the integers modulo a prime).

// Exact sparse LU of a square matrix M given by its rows: Gaussian elimination
// E M = U, where E is the product of the recorded row operations (row q -= f * row p)
// and U holds the pivot rows (upper triangular up to row and column permutations).
// One factorisation serves both M z = r and M^T w = c.
template <class F>
class SparseLu {
 public:
  using Row = std::vector<std::pair<int, F>>;

  explicit SparseLu(std::vector<Row> rows)
      : rows_(std::move(rows)), rows_of_col_(rows_.size()), col_done_(rows_.size(), false), row_done_(rows_.size(), false) {
    const int n = static_cast<int>(rows_.size());
    for (int r = 0; r < n; ++r)
      for (const auto& [c, a] : rows_[r]) {
        if (c < 0 || c >= n) throw std::runtime_error("sparse exact solve: column index out of range");
        rows_of_col_[c].insert(r);
      }
    for (int step = 0; step < n; ++step) {
      if (step % 64 == 0) check_deadline();  // --time-limit: a rational elimination can take long
      eliminate_one();
    }
    rows_of_col_.clear();
  }

  // M z = r: apply E to r, then back substitution through U in reverse pivot order,
  // z_c = (r_p - sum_{other k in row p} u_pk z_k) / u_pc, every other k of pivot row p
  // having been pivoted later.
  std::vector<F> solve(std::vector<F> r) const {
    check_size(r);
    for (const RowOperation& op : operations_) r[op.target] -= op.factor * r[op.source];
    std::vector<F> z(rows_.size());
    for (auto it = pivots_.rbegin(); it != pivots_.rend(); ++it) {
      F acc = std::move(r[it->row]);
      for (const auto& [c, a] : rows_[it->row])
        if (c != it->col) acc -= a * z[c];
      z[it->col] = acc / it->value;
    }
    return z;
  }

  // M^T w = c with M^T = U^T E^{-T}: first U^T v = c by forward substitution in pivot
  // order (v_p = (c_col - sum of earlier pivot rows' entries in col times their v) / u_pc),
  // then w = E^T v, applying the transposed row operations (v_p -= f * v_q) in reverse.
  std::vector<F> solve_transposed(std::vector<F> c) const {
    check_size(c);
    std::vector<F> v(rows_.size());
    for (const Pivot& piv : pivots_) {
      v[piv.row] = c[piv.col] / piv.value;
      if (v[piv.row] == 0) continue;
      for (const auto& [k, a] : rows_[piv.row])
        if (k != piv.col) c[k] -= a * v[piv.row];
    }
    for (auto it = operations_.rbegin(); it != operations_.rend(); ++it)
      if (!(v[it->target] == 0)) v[it->source] -= it->factor * v[it->target];
    return v;
  }

 private:
  struct Pivot {
    int row, col;
    F value;
  };
  struct RowOperation {
    int target, source;  // row target -= factor * row source
    F factor;
  };
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  void check_size(const std::vector<F>& v) const {
    if (v.size() != rows_.size()) throw std::runtime_error("sparse exact solve: right-hand side has the wrong size");
  }

  // Markowitz choice: the nonzero minimising (row length - 1) * (column count - 1),
  // the fill-in bound of pivoting on it, searched over the few sparsest columns and
  // rows. Throws when the active submatrix has an empty column (M is singular).
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
    return best;
  }

  // Indices 0..n-1 of the (at most) k smallest counts, smallest first; kNone = excluded.
  template <class Count>
  static std::vector<int> sparsest(std::size_t k, std::size_t n, Count count) {
    std::vector<std::pair<std::size_t, int>> best;  // (count, index), sorted
    for (int i = 0; i < static_cast<int>(n); ++i) {
      const std::size_t c = count(i);
      if (c == kNone || (best.size() == k && c >= best.back().first)) continue;
      best.insert(std::upper_bound(best.begin(), best.end(), std::pair{c, i}), {c, i});
      if (best.size() > k) best.pop_back();
      if (c == 0) break;  // an empty row or column: nothing sparser exists
    }
    std::vector<int> out;
    for (const auto& [c, i] : best) out.push_back(i);
    return out;
  }

  static const F& entry(const Row& row, int col) {
    const auto it = std::lower_bound(row.begin(), row.end(), col, [](const auto& e, int c) { return e.first < c; });
    if (it == row.end() || it->first != col) throw std::logic_error("sparse exact solve: missing pivot entry");
    return it->second;
  }

  // rows_[q] -= factor * rows_[p] by a sorted merge, keeping the column index sets in step.
  void subtract_multiple(int q, int p, const F& factor) {
    const Row& pivot_row = rows_[p];
    Row& target = rows_[q];
    Row merged;
    merged.reserve(target.size() + pivot_row.size());
    std::size_t i = 0, k = 0;
    while (i < target.size() || k < pivot_row.size()) {
      if (k == pivot_row.size() || (i < target.size() && target[i].first < pivot_row[k].first)) {
        merged.push_back(std::move(target[i++]));
      } else if (i == target.size() || pivot_row[k].first < target[i].first) {
        const int c = pivot_row[k].first;  // fill-in
        F value = -(factor * pivot_row[k].second);
        merged.emplace_back(c, std::move(value));
        rows_of_col_[c].insert(q);
        ++k;
      } else {
        const int c = target[i].first;
        F value = target[i].second - factor * pivot_row[k].second;
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
    const F pivot_value = entry(rows_[row], col);
    const std::vector<int> targets(rows_of_col_[col].begin(), rows_of_col_[col].end());
    for (int q : targets) {
      F factor = entry(rows_[q], col) / pivot_value;
      subtract_multiple(q, row, factor);
      operations_.push_back({q, row, std::move(factor)});
    }
    col_done_[col] = true;
    row_done_[row] = true;
    pivots_.push_back({row, col, pivot_value});
  }

  std::vector<Row> rows_;                             // after factorisation: the pivot rows (U)
  std::vector<std::unordered_set<int>> rows_of_col_;  // during elimination: active rows with a nonzero per column
  std::vector<bool> col_done_, row_done_;
  std::vector<Pivot> pivots_;
  std::vector<RowOperation> operations_;
};

// The integers modulo the prime P < 2^31.
template <std::uint32_t P>
struct ModP {
  std::uint32_t v = 0;

  ModP() = default;
  explicit ModP(std::uint64_t x) : v(static_cast<std::uint32_t>(x % P)) {}
  static ModP of(const Integer& x) { return ModP(mpz_fdiv_ui(x.backend().data(), P)); }  // x mod P in [0, P)

  friend ModP operator+(ModP a, ModP b) { return ModP(std::uint64_t{a.v} + b.v); }
  friend ModP operator-(ModP a, ModP b) { return ModP(std::uint64_t{a.v} + P - b.v); }
  friend ModP operator-(ModP a) { return ModP(std::uint64_t{P} - a.v); }
  friend ModP operator*(ModP a, ModP b) { return ModP(std::uint64_t{a.v} * b.v); }
  friend ModP operator/(ModP a, ModP b) { return a * b.inverse(); }
  ModP& operator-=(ModP b) { return *this = *this - b; }
  friend bool operator==(ModP a, int zero) { return a.v == static_cast<std::uint32_t>(zero); }

  // Fermat: v^(P-2) is the inverse of v != 0.
  ModP inverse() const {
    ModP result(1), base = *this;
    for (std::uint32_t e = P - 2; e > 0; e >>= 1) {
      if (e & 1) result = result * base;
      base = base * base;
    }
    return result;
  }
};

// ---------------------------------------------------------------------------
// Dixon's p-adic lifting for an integer system A z = r (A = M or M^T, M with integer
// entries): with one LU of M modulo a prime p, digits x_k = A^{-1} res_k (mod p) give
// z = sum_k x_k p^k (mod p^K) while res_{k+1} = (res_k - A x_k) / p stays small. Then
// each z_j = n_j/d_j is recovered by rational reconstruction, and the candidate is
// accepted only if A z = r holds exactly. No large number ever enters an elimination.

using IntRow = std::vector<std::pair<int, Integer>>;

// Upper bound on log2 of the Euclidean norm of an integer vector.
template <class Range, class Get>
double log2_norm_bound(const Range& range, Get get) {
  std::size_t max_bits = 0, count = 0;
  for (const auto& e : range) {
    const Integer& x = get(e);
    if (x == 0) continue;
    max_bits = std::max<std::size_t>(max_bits, mpz_sizeinbase(x.backend().data(), 2));
    ++count;
  }
  return count == 0 ? 0.0 : static_cast<double>(max_bits) + 0.5 * std::log2(static_cast<double>(count));
}

// Wang's rational reconstruction: n/d with |n|, d <= bound and n = a d (mod modulus),
// from the half-extended Euclidean algorithm on (modulus, a); nullopt when none exists.
std::optional<Rational> reconstruct(const Integer& a, const Integer& modulus, const Integer& bound) {
  Integer r0 = modulus, r1 = a, t0 = 0, t1 = 1;
  while (r1 > bound) {
    const Integer q = r0 / r1;
    Integer r2 = r0 - q * r1, t2 = t0 - q * t1;
    r0 = std::move(r1);
    r1 = std::move(r2);
    t0 = std::move(t1);
    t1 = std::move(t2);
  }
  if (t1 == 0 || abs(t1) > bound || gcd(r1, t1) != 1) return std::nullopt;
  Rational z(r1, abs(t1));
  return t1 < 0 ? Rational(-z) : z;
}

class Lifter {
 public:
  // `rows` = M (integer entries); solves M z = r, or M^T z = r when `transposed`.
  Lifter(const std::vector<IntRow>& rows, bool transposed) : rows_(rows), transposed_(transposed) {}

  template <std::uint32_t P>
  std::optional<std::vector<Rational>> solve(const SparseLu<ModP<P>>& lu, const std::vector<Integer>& r) const {
    const std::size_t n = rows_.size();
    std::vector<Integer> res = r, digits_sum(n);
    Integer modulus = 1;
    const int max_steps = step_limit(r, std::log2(static_cast<double>(P)));
    for (int step = 1, checkpoint = 4; step <= max_steps; ++step) {
      check_deadline();  // --time-limit reaches the lifting too (one clock read per step)
      std::vector<ModP<P>> image(n);
      for (std::size_t i = 0; i < n; ++i) image[i] = ModP<P>::of(res[i]);
      const std::vector<ModP<P>> x = transposed_ ? lu.solve_transposed(std::move(image)) : lu.solve(std::move(image));
      for (std::size_t j = 0; j < n; ++j) {
        if (x[j].v == 0) continue;
        digits_sum[j] += modulus * x[j].v;  // z = sum_k x_k p^k
      }
      subtract_product(res, x);             // res - A x, divisible by p
      for (Integer& v : res) mpz_divexact_ui(v.backend().data(), v.backend().data(), P);
      modulus *= P;
      if (step == checkpoint || step == max_steps) {
        if (auto z = recover(digits_sum, modulus); z && satisfies(*z, r)) return z;
        checkpoint = std::max(step + 1, step * 3 / 2);
      }
    }
    return std::nullopt;
  }

 private:
  // Steps making p^K > 2 max(N, D)^2 for Hadamard bounds D >= |det A| (product of
  // the row norms, or of the column norms) and N >= |numerators| (Cramer: A with
  // column j replaced by r; by A's columns, at most prod_k ||A col k|| * ||r||, as
  // integer columns have norm >= 1), so that balanced reconstruction is guaranteed to
  // succeed unless p divides det A.
  int step_limit(const std::vector<Integer>& r, double log2_p) const {
    double log_rows = 0.0;
    std::vector<IntRow> cols(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      log_rows += log2_norm_bound(rows_[i], [](const auto& e) -> const Integer& { return e.second; });
      for (const auto& [j, a] : rows_[i]) cols[j].emplace_back(static_cast<int>(i), a);
    }
    double log_cols = 0.0;
    for (const IntRow& c : cols) log_cols += log2_norm_bound(c, [](const auto& e) -> const Integer& { return e.second; });
    const double log_det = std::min(log_rows, log_cols);
    const double log_a_cols = transposed_ ? log_rows : log_cols;  // the columns of M^T are the rows of M
    const double log_num = log_a_cols + log2_norm_bound(r, [](const Integer& x) -> const Integer& { return x; });
    return static_cast<int>(std::ceil((2.0 * std::max(log_det, log_num) + 2.0) / log2_p)) + 1;
  }

  // res -= A x with A = M or M^T.
  template <class Digits>
  void subtract_product(std::vector<Integer>& res, const Digits& x) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      for (const auto& [j, a] : rows_[i]) {
        auto& target = transposed_ ? res[j] : res[i];
        const std::uint32_t digit = transposed_ ? x[i].v : x[j].v;
        if (digit != 0) mpz_submul_ui(target.backend().data(), a.backend().data(), digit);
      }
  }

  // Balanced reconstruction of every component; a common denominator found so far
  // often makes d * z_j small already, which skips the Euclidean algorithm.
  static std::optional<std::vector<Rational>> recover(const std::vector<Integer>& z_mod, const Integer& modulus) {
    const Integer bound = sqrt(Integer(modulus / 2));
    const Integer half = modulus / 2;
    Integer den = 1;
    std::vector<Rational> z(z_mod.size());
    for (std::size_t j = 0; j < z_mod.size(); ++j) {
      Integer scaled = (z_mod[j] * den) % modulus;
      if (scaled > half) scaled -= modulus;
      if (abs(scaled) <= bound) {
        z[j] = Rational(scaled, den);
        continue;
      }
      const std::optional<Rational> q = reconstruct(z_mod[j], modulus, bound);
      if (!q) return std::nullopt;
      z[j] = *q;
      den = boost::multiprecision::lcm(den, Integer(boost::multiprecision::denominator(*q)));
    }
    return z;
  }

  // A z == r exactly, checked on integers: A (den z) == den r.
  bool satisfies(const std::vector<Rational>& z, const std::vector<Integer>& r) const {
    Integer den = 1;
    for (const Rational& v : z) den = boost::multiprecision::lcm(den, Integer(boost::multiprecision::denominator(v)));
    std::vector<Integer> scaled(z.size());
    for (std::size_t j = 0; j < z.size(); ++j)
      scaled[j] = boost::multiprecision::numerator(z[j]) * (den / boost::multiprecision::denominator(z[j]));
    std::vector<Integer> lhs(r.size());
    for (std::size_t i = 0; i < rows_.size(); ++i)
      for (const auto& [j, a] : rows_[i]) {
        if (transposed_) lhs[j] += a * scaled[i];
        else lhs[i] += a * scaled[j];
      }
    for (std::size_t i = 0; i < r.size(); ++i)
      if (lhs[i] != r[i] * den) return false;
    return true;
  }

  const std::vector<IntRow>& rows_;
  bool transposed_;
};

// ---------------------------------------------------------------------------
// The exact solver: M z = r and M^T w = c for a rational M, by lifting when possible
// and by rational sparse elimination otherwise.

Integer lcm_of_denominators(const SparseVector& row) {
  Integer l = 1;
  for (const auto& [j, a] : row) l = boost::multiprecision::lcm(l, Integer(boost::multiprecision::denominator(a)));
  return l;
}

// Common denominator L of v and the integer vector L v.
std::pair<Integer, std::vector<Integer>> integer_multiple(const std::vector<Rational>& v) {
  Integer l = 1;
  for (const Rational& x : v) l = boost::multiprecision::lcm(l, Integer(boost::multiprecision::denominator(x)));
  std::vector<Integer> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    out[i] = boost::multiprecision::numerator(v[i]) * (l / boost::multiprecision::denominator(v[i]));
  return {l, std::move(out)};
}

// Sorts a row by column, sums duplicate columns and drops zeros (the LU merges rows
// as sorted lists); rejects columns outside 0..n-1.
void normalize_row(SparseVector& row, std::size_t n) {
  for (const auto& [c, a] : row)
    if (c < 0 || static_cast<std::size_t>(c) >= n) throw std::runtime_error("sparse exact solve: column index out of range");
  std::sort(row.begin(), row.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  SparseVector merged;
  for (auto& [c, a] : row) {
    if (!merged.empty() && merged.back().first == c) merged.back().second += a;
    else merged.emplace_back(c, std::move(a));
  }
  std::erase_if(merged, [](const auto& e) { return e.second == 0; });
  row = std::move(merged);
}

class ExactSolver {
 public:
  ExactSolver(std::vector<SparseVector> rows, ExactSolveMethod method) : method_(method) {
    const std::size_t n = rows.size();
    for (SparseVector& row : rows) normalize_row(row, n);
    if (method_ != ExactSolveMethod::Elimination) {
      // M' = D M with D = diag(d_i), d_i the common denominator of row i.
      int_rows_.resize(n);
      row_scale_.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        row_scale_[i] = lcm_of_denominators(rows[i]);
        for (const auto& [c, a] : rows[i])
          int_rows_[i].emplace_back(c, boost::multiprecision::numerator(a) * (row_scale_[i] / boost::multiprecision::denominator(a)));
      }
    }
    if (method_ == ExactSolveMethod::Lifting) return;
    rows_ = std::move(rows);  // kept for the elimination fallback
  }

  // M z = r. Lifting solves M' Z = L D r, then z = Z / L.
  std::vector<Rational> solve(const std::vector<Rational>& r) {
    check_size(r);
    if (method_ != ExactSolveMethod::Elimination) {
      std::vector<Rational> dr(r.size());
      for (std::size_t i = 0; i < r.size(); ++i) dr[i] = r[i] * row_scale_[i];
      auto [l, rhs] = integer_multiple(dr);
      if (auto z = lift(false, rhs)) {
        for (Rational& v : *z) v /= l;
        return *z;
      }
    }
    return elimination().solve(r);
  }

  // M^T w = c. With M = D^{-1} M': M'^T u = c, w = D u; lifting solves M'^T U = L c.
  std::vector<Rational> solve_transposed(const std::vector<Rational>& c) {
    check_size(c);
    if (method_ != ExactSolveMethod::Elimination) {
      auto [l, rhs] = integer_multiple(c);
      if (auto u = lift(true, rhs)) {
        for (std::size_t i = 0; i < u->size(); ++i) (*u)[i] = (*u)[i] * row_scale_[i] / l;
        return *u;
      }
    }
    return elimination().solve_transposed(c);
  }

 private:
  static constexpr std::uint32_t kPrime1 = 2147483647u;  // 2^31 - 1
  static constexpr std::uint32_t kPrime2 = 2147483629u;  // the next primes below it
  static constexpr std::uint32_t kPrime3 = 2147483587u;

  void check_size(const std::vector<Rational>& v) const {
    const std::size_t n = int_rows_.empty() ? rows_.size() : int_rows_.size();
    if (v.size() != n) throw std::runtime_error("sparse exact solve: right-hand side has the wrong size");
  }

  // Lifting with the first prime modulo which M' is nonsingular (an LU per prime, kept).
  std::optional<std::vector<Rational>> lift(bool transposed, const std::vector<Integer>& rhs) {
    const Lifter lifter(int_rows_, transposed);
    std::optional<std::vector<Rational>> z;
    if (ensure_lu(lu1_, tried1_)) z = lifter.solve(*lu1_, rhs);
    else if (ensure_lu(lu2_, tried2_)) z = lifter.solve(*lu2_, rhs);
    else if (ensure_lu(lu3_, tried3_)) z = lifter.solve(*lu3_, rhs);
    if (!z && method_ == ExactSolveMethod::Lifting) throw std::runtime_error("sparse exact solve: lifting failed");
    return z;
  }

  template <std::uint32_t P>
  bool ensure_lu(std::optional<SparseLu<ModP<P>>>& lu, bool& tried) {
    if (!tried) {
      tried = true;
      std::vector<typename SparseLu<ModP<P>>::Row> image(int_rows_.size());
      for (std::size_t i = 0; i < int_rows_.size(); ++i)
        for (const auto& [c, a] : int_rows_[i])
          if (ModP<P> v = ModP<P>::of(a); !(v == 0)) image[i].emplace_back(c, v);
      try {
        lu.emplace(std::move(image));
      } catch (const TimeLimitReached&) {
        throw;  // a runtime_error too, but not a singular matrix
      } catch (const std::runtime_error&) {
        // singular modulo P (P divides det M', or M' is singular)
      }
    }
    return lu.has_value();
  }

  SparseLu<Rational>& elimination() {
    if (method_ == ExactSolveMethod::Lifting) throw std::logic_error("sparse exact solve: elimination not allowed");
    if (!rational_lu_) rational_lu_.emplace(rows_);
    return *rational_lu_;
  }

  ExactSolveMethod method_;
  std::vector<SparseVector> rows_;
  std::vector<IntRow> int_rows_;
  std::vector<Integer> row_scale_;
  std::optional<SparseLu<ModP<kPrime1>>> lu1_;
  std::optional<SparseLu<ModP<kPrime2>>> lu2_;
  std::optional<SparseLu<ModP<kPrime3>>> lu3_;
  bool tried1_ = false, tried2_ = false, tried3_ = false;
  std::optional<SparseLu<Rational>> rational_lu_;
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

std::vector<Rational> solve_sparse_exact(std::vector<SparseVector> rows, const std::vector<Rational>& rhs,
                                         ExactSolveMethod method) {
  return ExactSolver(std::move(rows), method).solve(rhs);
}

std::vector<Rational> solve_sparse_exact_transposed(std::vector<SparseVector> rows, const std::vector<Rational>& rhs,
                                                    ExactSolveMethod method) {
  return ExactSolver(std::move(rows), method).solve_transposed(rhs);
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
  ExactSolver lu(std::move(b_rows), ExactSolveMethod::Auto);
  const std::vector<Rational> x_basic = lu.solve(rhs);
  for (int j = 0; j < n; ++j)
    if (position[j] >= 0) sol.primal[j] = x_basic[position[j]];

  // Dual system B^T y = c_B (c of a slack is 0), with the same factorisation.
  std::vector<Rational> c_basic(m);
  for (int k = 0; k < m; ++k)
    if (basic_cols[k] < n) c_basic[k] = model.objective[basic_cols[k]];
  sol.dual = lu.solve_transposed(c_basic);

  // d_j = c_j - sum_i y_i a_ij, objective = c·x + the objective constant.
  sol.reduced_costs = transpose_times(model, sol.dual);
  for (int j = 0; j < n; ++j) sol.reduced_costs[j] = model.objective[j] - sol.reduced_costs[j];
  sol.objective = dot(model.objective, sol.primal) + model.objective_constant;
  return sol;
}

namespace {

std::string primal_defect(const LpModel& model, const std::vector<Rational>& x) {
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    if ((v.lower && x[j] < *v.lower) || (v.upper && x[j] > *v.upper))
      return "variable " + std::to_string(j) + " = " + equilab::to_string(x[j]) + " violates its bounds";
  }
  const std::vector<Rational> activities = row_activities(model, x);
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const Rational& activity = activities[i];
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
