// Method `exact-simplex`: bounded-variable revised primal simplex in computational
// form, one template for double and Rational.
//
// Computational form: one logical s_i per row, A x + s = b, with
//   `<=` row: s_i in [0, +inf),  `>=` row: s_i in (-inf, 0],  `=` row: s_i = 0,
// and the internal objective min c'·x with c' = c (min) or -c (max).
//
// Phase 1 is composite (no artificials): minimise the sum of bound violations of
// the basic variables, with a long-step ratio test (see ratio_test); phase 2
// minimises c'. Pricing is Dantzig (largest |d_j|), switching to Bland's rule
// (first-breakpoint ratio test, smallest indices) after `stall_before_bland`
// degenerate pivots in a row and back after a nondegenerate one.
//
// The basis is factorised by SparseLU (lp/sparse_lu.h) with eta updates; the
// Rational factorisation and solves are fraction-free, and exact pricing works on
// the duals over a common denominator.
//
// Rational solves without a warm start are first run in double (the fast path); the
// final double basis, whatever its status, then warm-starts the exact simplex, which
// finishes the job in exact arithmetic (repairing the basis if it is singular).
// `iterations` counts the pivots of both runs (bound flips included). A caller-given
// warm start is used as is, exactly, with no double run.
//
// Basis statuses of rows follow the row-activity convention of the other LP methods:
// a nonbasic logical is a tight row, AtUpper for `<=`, AtLower for `>=`, Fixed for `=`
// (on input any nonbasic row status means "tight").
#include "lp/exact_simplex.h"
#include "core/deadline.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include "lp/sparse_lu.h"

namespace equilab::lp {
namespace {

// Tolerances of the double fast path (exact arithmetic uses none).
constexpr double kFeasTol = 1e-9;    // bound violation that counts as infeasible
constexpr double kOptTol = 1e-9;     // reduced cost that counts as improving
constexpr double kPivotTol = 1e-11;  // smallest usable |alpha| in the ratio test
constexpr double kStepTol = 1e-12;   // steps this short count as degenerate

enum class Where : unsigned char { Lower, Upper, Zero };  // position of a nonbasic variable
enum class Outcome { Optimal, Infeasible, Unbounded, IterationLimit };

// The LP in computational form over columns 0..n-1 (structurals) and n..n+m-1 (logicals).
template <class T>
struct Problem {
  int n = 0, m = 0;
  bool maximize = true;
  std::vector<std::vector<std::pair<int, T>>> cols;  // structural columns of A: (row, value)
  std::vector<T> lower, upper;                       // n + m entries, meaningful when has_*
  std::vector<char> has_lower, has_upper;
  std::vector<T> cost;  // internal (minimised) cost, 0 on logicals
  std::vector<T> rhs;
  // Exact only: column j of A as integers over a common denominator,
  // cols[j] = int_cols[j] / col_den[j], for gcd-free pricing.
  std::vector<std::vector<std::pair<int, Integer>>> int_cols;
  std::vector<Integer> col_den;
};

template <class T>
T convert(const Rational& v) {
  T out = from_rational<T>(v);
  if constexpr (!Arith<T>::exact)
    if (!std::isfinite(out)) throw std::overflow_error("simplex: value not representable in double");
  return out;
}

template <class T>
Problem<T> build_problem(const LpModel& model) {
  Problem<T> p;
  p.n = model.num_vars();
  p.m = model.num_rows();
  p.maximize = model.sense == Sense::Maximize;
  const int total = p.n + p.m;
  p.cols.assign(p.n, {});
  p.lower.assign(total, T{});
  p.upper.assign(total, T{});
  p.has_lower.assign(total, 0);
  p.has_upper.assign(total, 0);
  p.cost.assign(total, T{});
  p.rhs.reserve(p.m);
  for (int j = 0; j < p.n; ++j) {
    const Variable& v = model.variables[j];
    if (v.lower) p.lower[j] = convert<T>(*v.lower), p.has_lower[j] = 1;
    if (v.upper) p.upper[j] = convert<T>(*v.upper), p.has_upper[j] = 1;
    T c = convert<T>(model.objective[j]);
    p.cost[j] = p.maximize ? T(-c) : c;
  }
  for (int i = 0; i < p.m; ++i) {
    const Constraint& row = model.constraints[i];
    p.rhs.push_back(convert<T>(row.rhs));
    for (const auto& [j, a] : row.coef) {
      if (j < 0 || j >= p.n) throw std::invalid_argument("simplex: row coefficient names no variable");
      auto& col = p.cols[j];
      if (!col.empty() && col.back().first == i)
        col.back().second += convert<T>(a);  // unmerged duplicate
      else
        col.emplace_back(i, convert<T>(a));
    }
    // logical s_i = b_i - a_i·x with its bound(s) at 0
    const int s = p.n + i;
    p.has_lower[s] = row.op != RowOp::GreaterEqual;
    p.has_upper[s] = row.op != RowOp::LessEqual;
  }
  for (auto& col : p.cols)
    col.erase(
        std::remove_if(col.begin(), col.end(), [](const auto& e) { return Arith<T>::is_zero(e.second); }),
        col.end());
  if constexpr (Arith<T>::exact) {
    p.int_cols.resize(p.n);
    p.col_den.resize(p.n);
    for (int j = 0; j < p.n; ++j) {
      std::vector<T> values;
      for (const auto& e : p.cols[j]) values.push_back(e.second);
      std::vector<Integer> ints;
      sparse_lu_detail::to_integers(values, ints, p.col_den[j]);
      for (std::size_t t = 0; t < ints.size(); ++t)
        p.int_cols[j].emplace_back(p.cols[j][t].first, std::move(ints[t]));
    }
  }
  return p;
}

// a < b, with the feasibility tolerance in double.
template <class T>
bool less_tol(const T& a, const T& b) {
  if constexpr (Arith<T>::exact)
    return a < b;
  else
    return a < b - kFeasTol;
}

template <class T>
T magnitude(const T& v) {
  return Arith<T>::sign(v) < 0 ? T(-v) : v;
}

template <class T>
class Engine {
 public:
  Engine(const Problem<T>& p, const SimplexOptions& options, long first_iteration, bool throw_at_limit)
      : p_(p), opt_(options), iterations_(first_iteration), throw_at_limit_(throw_at_limit) {}

  void start(const Basis* warm);
  Outcome run();
  Solution<T> solution(Outcome outcome, const LpModel& model) const;
  Basis basis(const LpModel& model) const;
  long iterations() const { return iterations_; }

 private:
  int total() const { return p_.n + p_.m; }
  bool fixed(int j) const { return p_.has_lower[j] && p_.has_upper[j] && p_.lower[j] == p_.upper[j]; }
  Where default_where(int j) const;
  Where where_from_status(int j, BasisStatus s) const;
  void place_nonbasic(int j, Where w);
  std::vector<std::pair<int, T>> column(int j) const;
  T dot_column(const std::vector<T>& y, int j) const;

  void refactor();
  void compute_basic_values();
  int classify();
  void compute_duals();
  T reduced_cost(int j) const;
  bool price(int& q, int& sigma, T& d_mag);
  struct Step {
    bool bounded = false;  // false: nothing limits the move
    bool flip = false;     // the entering variable reaches its opposite bound
    int r = -1;            // leaving position
    bool leave_upper = false;
    T t{};
  };
  Step min_ratio(int q, int sigma, bool hard_only) const;
  Step ratio_test(int q, int sigma, const T& d_mag) const;
  bool limit_of(int k, int sigma, bool hard_only, T& dist, bool& at_upper) const;
  void apply(int q, int sigma, const Step& s);
  bool count_iteration();

  const Problem<T>& p_;
  const SimplexOptions& opt_;
  long iterations_ = 0;
  bool throw_at_limit_ = true;

  std::vector<int> head_;           // basic column at each position
  std::vector<int> pos_;            // position of a basic column, -1 when nonbasic
  std::vector<Where> where_;        // nonbasic placement
  std::vector<T> x_;                // values of all n + m columns
  std::vector<signed char> state_;  // per position: -1 below lower, +1 above upper, 0 feasible
  std::vector<T> y_, alpha_, work_;
  std::vector<Integer> y_int_;  // exact: y_ = y_int_ / y_den_
  Integer y_den_;
  std::vector<char> rejected_;  // double only: candidates skipped until the next pivot
  SparseLU<T> lu_;
  bool fresh_ = false;  // x_B recomputed from scratch since the last pivot
  int phase_ = 2;
  int degenerate_run_ = 0;
  bool bland_ = false;
  int unbounded_q_ = -1, unbounded_sigma_ = 0;
};

template <class T>
Where Engine<T>::default_where(int j) const {
  if (p_.has_lower[j]) return Where::Lower;
  if (p_.has_upper[j]) return Where::Upper;
  return Where::Zero;
}

// A warm-start status, falling back to a finite bound when it names an infinite one.
template <class T>
Where Engine<T>::where_from_status(int j, BasisStatus s) const {
  switch (s) {
    case BasisStatus::AtUpper:
      if (p_.has_upper[j]) return Where::Upper;
      break;
    case BasisStatus::Free:
      if (!p_.has_lower[j] && !p_.has_upper[j]) return Where::Zero;
      break;
    default:
      break;
  }
  return default_where(j);
}

template <class T>
void Engine<T>::place_nonbasic(int j, Where w) {
  pos_[j] = -1;
  where_[j] = w;
  x_[j] = w == Where::Lower ? p_.lower[j] : w == Where::Upper ? p_.upper[j] : T{};
}

template <class T>
std::vector<std::pair<int, T>> Engine<T>::column(int j) const {
  if (j < p_.n) return p_.cols[j];
  return {{j - p_.n, T(1)}};
}

// y·a_j for column j of [A I].
template <class T>
T Engine<T>::dot_column(const std::vector<T>& y, int j) const {
  if (j >= p_.n) return y[j - p_.n];
  T s{};
  for (const auto& [i, a] : p_.cols[j])
    if (!Arith<T>::is_zero(y[i])) Arith<T>::sub_mul(s, a, y[i]);
  return T(-s);
}

template <class T>
void Engine<T>::start(const Basis* warm) {
  const int m = p_.m, total_cols = total();
  pos_.assign(total_cols, -1);
  where_.assign(total_cols, Where::Zero);
  x_.assign(total_cols, T{});
  rejected_.assign(total_cols, 0);
  auto status_of = [&](int j) -> BasisStatus {
    if (!warm) return j >= p_.n ? BasisStatus::Basic : BasisStatus::AtLower;
    if (j < p_.n)
      return j < static_cast<int>(warm->variables.size()) ? warm->variables[j] : BasisStatus::AtLower;
    int i = j - p_.n;
    return i < static_cast<int>(warm->rows.size()) ? warm->rows[i] : BasisStatus::Basic;
  };
  head_.clear();
  auto make_basic = [&](int j) {
    pos_[j] = static_cast<int>(head_.size());
    head_.push_back(j);
  };
  // Extra basics beyond m become nonbasic at a finite bound.
  for (int j = 0; j < total_cols; ++j) {
    if (status_of(j) == BasisStatus::Basic && static_cast<int>(head_.size()) < m)
      make_basic(j);
    else
      place_nonbasic(j, where_from_status(j, status_of(j)));
  }
  // Too few basics: complete with logicals (singularity is repaired by refactor()).
  for (int i = 0; i < m && static_cast<int>(head_.size()) < m; ++i)
    if (pos_[p_.n + i] < 0) make_basic(p_.n + i);
  refactor();
}

// Fresh LU of B; dependent basic columns are swapped for the logicals of the rows
// left without a pivot until B is nonsingular. Then x_B is recomputed.
template <class T>
void Engine<T>::refactor() {
  for (int attempt = 0;; ++attempt) {
    std::vector<typename SparseLU<T>::Column> cols;
    cols.reserve(p_.m);
    for (int k = 0; k < p_.m; ++k) cols.push_back(column(head_[k]));
    auto def = lu_.factorize(p_.m, cols);
    if (def.empty()) break;
    if (attempt > p_.m + 1) throw std::logic_error("simplex: cannot repair a singular basis");
    for (std::size_t t = 0; t < def.positions.size(); ++t) {
      int k = def.positions[t], logical = p_.n + def.rows[t];
      // In exact arithmetic the logical of an unpivoted row is never basic; in
      // double take any nonbasic logical instead.
      for (int i = 0; pos_[logical] >= 0 && i < p_.m; ++i) logical = p_.n + i;
      if (pos_[logical] >= 0) break;
      int old = head_[k];
      place_nonbasic(old, default_where(old));
      head_[k] = logical;
      pos_[logical] = k;
    }
  }
  compute_basic_values();
}

// x_B = B^{-1} (b - N x_N).
template <class T>
void Engine<T>::compute_basic_values() {
  work_ = p_.rhs;
  for (int j = 0; j < total(); ++j) {
    if (pos_[j] >= 0 || Arith<T>::is_zero(x_[j])) continue;
    if (j >= p_.n)
      work_[j - p_.n] -= x_[j];
    else
      for (const auto& [i, a] : p_.cols[j]) Arith<T>::sub_mul(work_[i], a, x_[j]);
  }
  lu_.ftran(work_, alpha_);
  for (int k = 0; k < p_.m; ++k) x_[head_[k]] = alpha_[k];
  fresh_ = true;
}

// Bound violations of the basics; returns the phase (1 when any basic is infeasible).
template <class T>
int Engine<T>::classify() {
  state_.assign(p_.m, 0);
  bool any = false;
  for (int k = 0; k < p_.m; ++k) {
    int j = head_[k];
    if (p_.has_lower[j] && less_tol(x_[j], p_.lower[j]))
      state_[k] = -1;
    else if (p_.has_upper[j] && less_tol(p_.upper[j], x_[j]))
      state_[k] = 1;
    any = any || state_[k] != 0;
  }
  return any ? 1 : 2;
}

// y = B^{-T} c_B with the phase's costs: phase 1 costs are -1 below lower, +1 above
// upper (the gradient of the sum of infeasibilities), phase 2 costs are c'.
template <class T>
void Engine<T>::compute_duals() {
  work_.assign(p_.m, T{});
  for (int k = 0; k < p_.m; ++k) work_[k] = phase_ == 1 ? T(static_cast<int>(state_[k])) : p_.cost[head_[k]];
  lu_.btran(work_, y_);
  if constexpr (Arith<T>::exact) sparse_lu_detail::to_integers(y_, y_int_, y_den_);
}

// d_j = c_j - y·a_j with the phase's cost (phase 1: nonbasic costs are 0).
// Exact: y·a_j = (y_int·int_col_j) / (y_den col_den_j), one reduction per column.
template <class T>
T Engine<T>::reduced_cost(int j) const {
  T d;
  if constexpr (Arith<T>::exact) {
    if (j < p_.n) {
      thread_local Integer acc;
      auto* z = acc.backend().data();
      mpz_set_ui(z, 0);
      for (const auto& [i, a] : p_.int_cols[j]) mpz_addmul(z, a.backend().data(), y_int_[i].backend().data());
      if (mpz_sgn(z) != 0) {
        auto* q = d.backend().data();
        mpz_set(mpq_numref(q), z);
        mpz_mul(mpq_denref(q), y_den_.backend().data(), p_.col_den[j].backend().data());
        mpq_canonicalize(q);
      }
    } else {
      d = y_[j - p_.n];
    }
  } else {
    d = dot_column(y_, j);
  }
  if (phase_ == 1) return T(-d);
  return T(p_.cost[j] - d);
}

// Chooses the entering column q, its direction sigma (+1 increase, -1 decrease)
// and |d_q|.
template <class T>
bool Engine<T>::price(int& q, int& sigma, T& best) {
  q = -1;
  best = T{};
  for (int j = 0; j < total(); ++j) {
    if (pos_[j] >= 0 || rejected_[j] || fixed(j)) continue;
    T d = reduced_cost(j);
    int dir = 0;
    if constexpr (Arith<T>::exact) {
      int s = Arith<T>::sign(d);
      if (s < 0 && where_[j] != Where::Upper)
        dir = 1;
      else if (s > 0 && where_[j] != Where::Lower)
        dir = -1;
    } else {
      if (d < -kOptTol && where_[j] != Where::Upper)
        dir = 1;
      else if (d > kOptTol && where_[j] != Where::Lower)
        dir = -1;
    }
    if (dir == 0) continue;
    T mag = magnitude(d);
    if (q < 0 || mag > best) {
      q = j;
      sigma = dir;
      best = std::move(mag);
      if (bland_) return true;  // Bland: the smallest eligible index
    }
  }
  return q >= 0;
}

// Where basic k stops when the entering variable moves in direction sigma, as a
// distance in its own units. An infeasible basic moving towards its violated bound
// becomes feasible there (a "reach" breakpoint); otherwise it stops where it would
// leave its bounds: a feasible basic at the bound ahead, an infeasible one at its
// opposite bound (a "stop"). hard_only: ignore reach breakpoints (long-step phase 1).
// Returns false when basic k imposes no limit of the requested kind.
template <class T>
bool Engine<T>::limit_of(int k, int sigma, bool hard_only, T& dist, bool& at_upper) const {
  const int j = head_[k];
  const bool decreasing = Arith<T>::sign(alpha_[k]) * sigma > 0;  // x_B moves by -sigma * alpha * t
  const int towards = decreasing ? 1 : -1;  // state of a basic moving towards feasibility
  if (state_[k] == -towards) return false;  // infeasible and moving away
  if (state_[k] == towards && !hard_only) {
    at_upper = decreasing;
    dist = decreasing ? T(x_[j] - p_.upper[j]) : T(p_.lower[j] - x_[j]);
    return true;
  }
  if (decreasing ? !p_.has_lower[j] : !p_.has_upper[j]) return false;
  at_upper = !decreasing;
  dist = decreasing ? T(x_[j] - p_.lower[j]) : T(p_.upper[j] - x_[j]);
  return true;
}

// Bounded ratio test. Exact: the smallest ratio, ties to the largest |alpha| (Dantzig)
// or the smallest column index (Bland). Double: Harris' two passes with kFeasTol.
// The entering variable's own opposite bound competes (a bound flip wins ties).
template <class T>
typename Engine<T>::Step Engine<T>::min_ratio(int q, int sigma, bool hard_only) const {
  Step s;
  T best_mag{};
  if constexpr (Arith<T>::exact) {
    for (int k = 0; k < p_.m; ++k) {
      if (Arith<T>::is_zero(alpha_[k])) continue;
      T dist;
      bool up = false;
      if (!limit_of(k, sigma, hard_only, dist, up)) continue;
      T mag = magnitude(alpha_[k]);
      T t = dist / mag;
      bool better = !s.bounded || t < s.t;
      if (!better && t == s.t) better = bland_ ? head_[k] < head_[s.r] : mag > best_mag;
      if (better) {
        s.bounded = true;
        s.r = k;
        s.t = std::move(t);
        s.leave_upper = up;
        best_mag = std::move(mag);
      }
    }
  } else {
    double t_max = 0;
    bool any = false;
    for (int k = 0; k < p_.m; ++k) {
      if (std::fabs(alpha_[k]) <= kPivotTol) continue;
      T dist;
      bool up = false;
      if (!limit_of(k, sigma, hard_only, dist, up)) continue;
      double t = (std::max(dist, 0.0) + kFeasTol) / std::fabs(alpha_[k]);
      if (!any || t < t_max) t_max = t;
      any = true;
    }
    if (any) {
      for (int k = 0; k < p_.m; ++k) {
        if (std::fabs(alpha_[k]) <= kPivotTol) continue;
        T dist;
        bool up = false;
        if (!limit_of(k, sigma, hard_only, dist, up)) continue;
        double t = std::max(dist, 0.0) / std::fabs(alpha_[k]);
        if (t > t_max) continue;
        double mag = std::fabs(alpha_[k]);
        bool better = !s.bounded || (bland_ ? head_[k] < head_[s.r] : mag > best_mag);
        if (better) {
          s.bounded = true;
          s.r = k;
          s.t = t;
          s.leave_upper = up;
          best_mag = mag;
        }
      }
    }
  }
  if (where_[q] != Where::Zero) {
    const bool other_finite = sigma > 0 ? p_.has_upper[q] : p_.has_lower[q];
    if (other_finite) {
      T range = p_.upper[q] - p_.lower[q];
      if (!s.bounded || !(s.t < range)) {
        s.bounded = true;
        s.flip = true;
        s.r = -1;
        s.t = std::move(range);
      }
    }
  }
  return s;
}

// Phase 1 with Dantzig pricing takes a long step: the sum of infeasibilities is
// convex piecewise linear along the move, with slope -|d_q| at the start rising by
// |alpha_k| at each reach breakpoint. Reach breakpoints are passed while the slope
// stays negative (those basics just become feasible); the move stops where it turns
// nonnegative, or at the first hard limit (a feasible basic at a bound, or a flip).
// Otherwise (phase 2, or Bland's rule) the plain first-breakpoint test.
template <class T>
typename Engine<T>::Step Engine<T>::ratio_test(int q, int sigma, const T& d_mag) const {
  if (phase_ != 1 || bland_) return min_ratio(q, sigma, false);
  Step s = min_ratio(q, sigma, true);
  struct Reach {
    T t, mag;
    int k;
    bool up;
  };
  std::vector<Reach> reach;
  for (int k = 0; k < p_.m; ++k) {
    if (state_[k] == 0) continue;
    if constexpr (Arith<T>::exact) {
      if (Arith<T>::is_zero(alpha_[k])) continue;
    } else {
      if (std::fabs(alpha_[k]) <= kPivotTol) continue;
    }
    T dist;
    bool up = false;
    if (!limit_of(k, sigma, false, dist, up)) continue;
    T mag = magnitude(alpha_[k]);
    T t;
    if constexpr (Arith<T>::exact)
      t = dist / mag;
    else
      t = std::max(dist, 0.0) / mag;
    if (s.bounded && s.t < t) continue;
    reach.push_back({std::move(t), std::move(mag), k, up});
  }
  std::sort(reach.begin(), reach.end(), [](const Reach& a, const Reach& b) { return a.t < b.t; });
  T slope = -d_mag;
  for (std::size_t r = 0; r < reach.size(); ++r) {
    slope += reach[r].mag;
    if (Arith<T>::sign(slope) >= 0 || (!s.bounded && r + 1 == reach.size())) {
      s.bounded = true;
      s.flip = false;
      s.r = reach[r].k;
      s.t = reach[r].t;
      s.leave_upper = reach[r].up;
      break;
    }
  }
  return s;
}

// Counts one pivot; false (or a throw, for the caller-facing engine) past the limit.
template <class T>
bool Engine<T>::count_iteration() {
  if (opt_.max_iterations >= 0 && iterations_ >= opt_.max_iterations) {
    if (throw_at_limit_) throw std::runtime_error("simplex: iteration limit");
    return false;
  }
  ++iterations_;
  if (opt_.on_progress && iterations_ % 1000 == 0) opt_.on_progress(iterations_, phase_);
  return true;
}

// Moves the entering variable by sigma * t, the basics by -sigma * t * alpha, and
// either flips the entering bound or exchanges it with the leaving basic.
template <class T>
void Engine<T>::apply(int q, int sigma, const Step& s) {
  if (!Arith<T>::is_zero(s.t)) {
    T move = sigma > 0 ? s.t : T(-s.t);
    x_[q] += move;
    for (int k = 0; k < p_.m; ++k)
      if (!Arith<T>::is_zero(alpha_[k])) Arith<T>::sub_mul(x_[head_[k]], move, alpha_[k]);
  }
  bool degenerate;
  if constexpr (Arith<T>::exact)
    degenerate = Arith<T>::is_zero(s.t);
  else
    degenerate = s.t <= kStepTol;

  if (s.flip) {
    place_nonbasic(q, sigma > 0 ? Where::Upper : Where::Lower);
  } else {
    const int leaving = head_[s.r];
    place_nonbasic(leaving, s.leave_upper ? Where::Upper : Where::Lower);
    head_[s.r] = q;
    pos_[q] = s.r;
    lu_.update(s.r, alpha_, column(q));
  }
  fresh_ = false;
  std::fill(rejected_.begin(), rejected_.end(), 0);
  degenerate_run_ = degenerate ? degenerate_run_ + 1 : 0;
  bland_ = degenerate_run_ >= std::max(opt_.stall_before_bland, 0);
  if (lu_.updates() >= std::max(opt_.refactor_every, 1)) refactor();
}

template <class T>
Outcome Engine<T>::run() {
  for (;;) {
    check_deadline();
    phase_ = classify();
    compute_duals();
    int q = -1, sigma = 0;
    T d_mag;
    if (!price(q, sigma, d_mag)) {
      // Confirm the verdict from x_B = B^{-1}(b - N x_N) recomputed from scratch
      // (double: on a fresh factorisation) rather than from the updated values.
      if (!fresh_) {
        if constexpr (Arith<T>::exact)
          compute_basic_values();
        else
          refactor();
        continue;
      }
      return phase_ == 1 ? Outcome::Infeasible : Outcome::Optimal;
    }
    work_.assign(p_.m, T{});
    if (q >= p_.n)
      work_[q - p_.n] = 1;
    else
      for (const auto& [i, a] : p_.cols[q]) work_[i] = a;
    lu_.ftran(work_, alpha_);
    Step s = ratio_test(q, sigma, d_mag);
    if (!s.bounded) {
      if (phase_ == 2) {
        unbounded_q_ = q;
        unbounded_sigma_ = sigma;
        return Outcome::Unbounded;
      }
      // Phase 1 always has a breakpoint in exact arithmetic; in double the
      // candidate is numerically useless, so skip it until the next pivot.
      if constexpr (Arith<T>::exact) throw std::logic_error("simplex: unbounded phase-1 step");
      rejected_[q] = 1;
      continue;
    }
    if (!count_iteration()) return Outcome::IterationLimit;
    apply(q, sigma, s);
  }
}

template <class T>
Basis Engine<T>::basis(const LpModel& model) const {
  Basis b;
  b.variables.resize(p_.n);
  b.rows.resize(p_.m);
  for (int j = 0; j < p_.n; ++j) {
    if (pos_[j] >= 0)
      b.variables[j] = BasisStatus::Basic;
    else if (fixed(j))
      b.variables[j] = BasisStatus::Fixed;
    else if (where_[j] == Where::Lower)
      b.variables[j] = BasisStatus::AtLower;
    else if (where_[j] == Where::Upper)
      b.variables[j] = BasisStatus::AtUpper;
    else
      b.variables[j] = BasisStatus::Free;
  }
  // Rows are reported by their activity a_i·x: a nonbasic logical means a tight row,
  // at the upper bound of a `<=` row and the lower bound of a `>=` row.
  for (int i = 0; i < p_.m; ++i) {
    if (pos_[p_.n + i] >= 0)
      b.rows[i] = BasisStatus::Basic;
    else if (model.constraints[i].op == RowOp::LessEqual)
      b.rows[i] = BasisStatus::AtUpper;
    else if (model.constraints[i].op == RowOp::GreaterEqual)
      b.rows[i] = BasisStatus::AtLower;
    else
      b.rows[i] = BasisStatus::Fixed;
  }
  return b;
}

template <class T>
Solution<T> Engine<T>::solution(Outcome outcome, const LpModel& model) const {
  Solution<T> sol;
  sol.basis = basis(model);
  sol.iterations = iterations_;
  const int n = p_.n, m = p_.m;
  // A^T v over the structural columns.
  auto transpose_times = [&](const std::vector<T>& v) {
    std::vector<T> out(n);
    for (int j = 0; j < n; ++j) out[j] = dot_column(v, j);
    return out;
  };
  // Original objective coefficients (internal cost is negated for max).
  auto original_cost = [&](int j) { return p_.maximize ? T(-p_.cost[j]) : p_.cost[j]; };

  switch (outcome) {
    case Outcome::Optimal: {
      sol.status = Status::Optimal;
      sol.primal.assign(x_.begin(), x_.begin() + n);
      // Shadow prices: y_int = B^{-T} c'_B prices the internal (min) objective.
      sol.dual.resize(m);
      for (int i = 0; i < m; ++i) sol.dual[i] = p_.maximize ? T(-y_[i]) : y_[i];
      std::vector<T> aty = transpose_times(sol.dual);
      sol.reduced_costs.resize(n);
      T obj{};
      for (int j = 0; j < n; ++j) {
        T c = original_cost(j);
        sol.reduced_costs[j] = c - aty[j];
        Arith<T>::sub_mul(obj, c, sol.primal[j]);
      }
      sol.objective = convert<T>(model.objective_constant) - obj;
      break;
    }
    case Outcome::Infeasible: {
      // Phase-1 duals y1 prove max over the box of y1·[A I]z = y1·z_now - W < y1·b;
      // the Farkas multipliers are y = -y1.
      sol.status = Status::Infeasible;
      sol.farkas.resize(m);
      for (int i = 0; i < m; ++i) sol.farkas[i] = -y_[i];
      sol.farkas_bounds = transpose_times(sol.farkas);
      break;
    }
    case Outcome::Unbounded: {
      sol.status = Status::Unbounded;
      sol.primal.assign(x_.begin(), x_.begin() + n);
      sol.ray.assign(n, T{});
      const int q = unbounded_q_, sigma = unbounded_sigma_;
      if (q < n) sol.ray[q] = T(sigma);
      for (int k = 0; k < m; ++k) {
        int j = head_[k];
        if (j < n) sol.ray[j] = sigma > 0 ? T(-alpha_[k]) : alpha_[k];
      }
      break;
    }
    case Outcome::IterationLimit:
      throw std::runtime_error("simplex: iteration limit");
  }
  return sol;
}

// A variable whose lower bound exceeds its upper bound makes the box empty.
bool empty_box(const LpModel& model) {
  for (const auto& v : model.variables)
    if (v.lower && v.upper && *v.lower > *v.upper) return true;
  return false;
}

template <class T>
Solution<T> empty_box_solution(const LpModel& model) {
  Solution<T> sol;
  sol.status = Status::Infeasible;
  sol.farkas.assign(model.num_rows(), T{});
  sol.farkas_bounds.assign(model.num_vars(), T{});
  return sol;
}

// The double fast path run as a crash for the exact solve: its final basis (any
// status) and pivot count. Returns false when double cannot represent the model or
// the double run fails.
bool double_crash(const LpModel& model, const SimplexOptions& options, Basis& basis, long& iterations) {
  try {
    Problem<double> p = build_problem<double>(model);
    SimplexOptions o;
    o.stall_before_bland = options.stall_before_bland;
    o.refactor_every = options.refactor_every;
    o.on_progress = options.on_progress;
    const long cap = 50L * (p.n + p.m) + 10000;
    o.max_iterations = options.max_iterations >= 0 ? std::min(options.max_iterations, cap) : cap;
    Engine<double> e(p, o, 0, false);
    e.start(nullptr);
    e.run();
    basis = e.basis(model);
    iterations = e.iterations();
    return true;
  } catch (const TimeLimitReached&) {
    throw;  // the limit and a lack of memory end the run; they are not a failed crash start
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

template <class T>
Solution<T> simplex_solve(const LpModel& model, const SimplexOptions& options, const Basis* warm_start) {
  if (empty_box(model)) return empty_box_solution<T>(model);
  long first_iteration = 0;
  Basis crash;
  if constexpr (Arith<T>::exact) {
    if (!warm_start && double_crash(model, options, crash, first_iteration)) warm_start = &crash;
  }
  Problem<T> p = build_problem<T>(model);
  Engine<T> engine(p, options, first_iteration, true);
  engine.start(warm_start);
  Outcome outcome = engine.run();
  return engine.solution(outcome, model);
}

template Solution<double> simplex_solve<double>(const LpModel&, const SimplexOptions&, const Basis*);
template Solution<Rational> simplex_solve<Rational>(const LpModel&, const SimplexOptions&, const Basis*);

}  // namespace equilab::lp
