// QSopt_ex as method `qsopt-ex` (see qsopt_reference.h for what the answer is made of).
//
// QSexact_solver (QSopt_ex 2.5.10, exact.h/exact.c) solves in double first, then in floating
// point of growing precision (GMP mpf, up to 12 rounds), and accepts an answer only after testing
// it in exact rational arithmetic: an optimal basis by QSexact_optimal_test or a rational
// refactorisation, infeasibility by QSexact_infeasible_test of its dual ray. It returns an
// unbounded status without a ray ("not implemented to deal with this").
//
// Running QSopt_ex inside equilab:
//  - GMP memory. QSexactStart (once per process) installs QSopt_ex's own GMP allocator, a slab
//    pool for blocks up to 256 bytes and malloc above (EGlpNumStart in eg_lpnum.c), and
//    allocates its constants from it. Equilab numbers must never be freed by that pool nor
//    QSopt_ex numbers by equilab's allocator, so the functions in place before QSexactStart are
//    put back at once, and QSopt_ex's are installed only while QSopt_ex code runs (QsoptGmp).
//    There, blocks up to 256 bytes go to QSopt_ex's pool as before and larger ones to the
//    allocator in place outside (malloc-based in equilab, like QSopt_ex's own large blocks), so
//    that a lack of memory for a large block throws std::bad_alloc instead of QSopt_ex exiting.
//    Every number QSopt_ex allocates is also freed inside, and the values of the answer are
//    copied into equilab's numbers outside. QSexactClear is never called: it would reset GMP's
//    functions to GMP's defaults; its constants live until the process ends.
//  - Data. QSopt_ex copies the problem into its own storage, so it is given read-only views of
//    the model's numbers (bitwise copies of their mpq_t headers): nothing is allocated for it.
//  - --time-limit. QS_PARAM_SIMPLEX_MAX_TIME (seconds) is set to the time left; QSexact_solver
//    hands it to each of its double and mpf runs, and a run stopped by it returns
//    QS_LP_TIME_LIMIT, upon which QSexact_solver starts the next precision with the same budget.
//    QSopt_ex measures that limit in CPU seconds of the process (ILLutil_zeit, zeit.c), so on a
//    busy machine its double-precision simplex, which allocates no GMP numbers, can run past the
//    wall-clock deadline. So, like the GLPK adapter, the GMP allocation functions also watch the
//    deadline and throw TimeLimitReached once it has passed (every 256 allocations), which ends
//    the mpf runs, the rational checks and the next precision's setup. The exception unwinds through QSopt_ex's C frames (built
//    with unwind tables); what QSopt_ex had allocated is abandoned, and since its global state
//    (the mpf precision constants) may be left half-changed, QSopt_ex is not used again in that
//    process. The same holds for std::bad_alloc thrown by the allocator.
//  - Messages. QSopt_ex logs through QSlog; the handler keeps the last line for error reports
//    and prints nothing.
#include "lp/qsopt_reference.h"

#include "core/deadline.h"
#include "lp/basis_recompute.h"
#include "lp/exact_simplex.h"
#include "verify/lp_algebra.h"

// QSopt_ex's headers are C without extern "C" guards in exact.h; the C and C++ headers they use
// come first so that only QSopt_ex's own declarations get C linkage.
#include <gmp.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
extern "C" {
#include <qsopt_ex/QSopt_ex.h>
}

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::lp {
namespace {

struct GmpFunctions {
  void* (*allocate)(std::size_t) = nullptr;
  void* (*reallocate)(void*, std::size_t, std::size_t) = nullptr;
  void (*release)(void*, std::size_t) = nullptr;

  static GmpFunctions current() {
    GmpFunctions f;
    mp_get_memory_functions(&f.allocate, &f.reallocate, &f.release);
    return f;
  }
  void install() const { mp_set_memory_functions(allocate, reallocate, release); }
};

// The last line QSopt_ex logged (truncated), for error messages.
char last_log_line[256] = "";

void keep_last_line(const char* message, void*) {
  std::snprintf(last_log_line, sizeof last_log_line, "%s", message);
}

// QSopt_ex's process-wide state: started once, on first use.
struct QsoptLibrary {
  GmpFunctions pool;         // the GMP functions QSexactStart installed (QSopt_ex's slab pool)
  bool abandoned = false;    // an exception interrupted QSopt_ex: its state is not trusted

  QsoptLibrary() {
    const GmpFunctions outside = GmpFunctions::current();
    QSexactStart();
    pool = GmpFunctions::current();
    outside.install();
    QSlog_set_handler(keep_last_line, nullptr);
  }
};

QsoptLibrary& library() {
  static QsoptLibrary lib;
  return lib;
}

// GMP's functions while QSopt_ex code runs (see the file comment).
class QsoptGmp {
 public:
  explicit QsoptGmp(const GmpFunctions& pool) : previous_(GmpFunctions::current()) {
    pool_ = pool;
    outside_ = previous_;
    mp_set_memory_functions(allocate, reallocate, release);
  }
  ~QsoptGmp() { previous_.install(); }
  QsoptGmp(const QsoptGmp&) = delete;
  QsoptGmp& operator=(const QsoptGmp&) = delete;

 private:
  // Blocks up to this size come from QSopt_ex's pool (eg_lpnum.c: __GMP_MEM_MAX__).
  static constexpr std::size_t kPoolLimit = 256;
  static inline GmpFunctions pool_, outside_;
  static inline unsigned calls_ = 0;
  GmpFunctions previous_;

  static const GmpFunctions& owner(std::size_t bytes) { return bytes <= kPoolLimit ? pool_ : outside_; }
  static void watch() {
    if ((++calls_ & 255u) == 0 && deadline_passed()) throw TimeLimitReached();
  }
  static void* allocate(std::size_t bytes) {
    watch();
    return owner(bytes).allocate(bytes);
  }
  static void* reallocate(void* p, std::size_t old_bytes, std::size_t bytes) {
    watch();
    const GmpFunctions& from = owner(old_bytes);
    const GmpFunctions& to = owner(bytes);
    if (&from == &to) return to.reallocate(p, old_bytes, bytes);
    void* q = to.allocate(bytes);
    std::memcpy(q, p, std::min(old_bytes, bytes));
    from.release(p, old_bytes);
    return q;
  }
  static void release(void* p, std::size_t bytes) { owner(bytes).release(p, bytes); }
};

// Runs `f` (which calls QSopt_ex and throws nothing itself) with QSopt_ex's GMP functions. An
// exception can only come from those functions (time limit, memory); QSopt_ex is then abandoned.
template <class F>
auto in_qsopt(F&& f) {
  QsoptLibrary& lib = library();
  try {
    QsoptGmp scope(lib.pool);
    return f();
  } catch (...) {
    lib.abandoned = true;
    throw;
  }
}

// A read-only view of an equilab number as an mpq_t entry of an array given to QSopt_ex.
__mpq_struct view(const Rational& v) { return v.backend().data()[0]; }

mpq_t* as_array(std::vector<__mpq_struct>& v) { return reinterpret_cast<mpq_t*>(v.data()); }

// The model in mpq_QSload_prob's column-major form. The merged coefficients live in `values`;
// every mpq entry is a view of a number owned by the model or by this object (hence neither
// copied nor moved). QSexact_solver does not return on a problem without rows, so a model
// without rows gets the empty row 0 <= 0. Needs QSopt_ex started (library()): infinite bounds
// are views of its constants mpq_ILL_MINDOUBLE and mpq_ILL_MAXDOUBLE.
class QsoptInput {
 public:
  int rows = 0;  // rows given to QSopt_ex: the model's, or the one empty row
  std::vector<int> count, begin, index;
  std::vector<__mpq_struct> coef, cost, rhs, lower, upper;
  std::vector<char> sense;

  explicit QsoptInput(const LpModel& model) {
    const int n = model.num_vars(), m = model.num_rows();
    // Entries of each column in row order; repeated (row, column) entries are summed.
    std::vector<std::vector<std::pair<int, Rational>>> columns(n);
    for (int i = 0; i < m; ++i)
      for (const auto& [j, a] : model.constraints[i].coef) {
        auto& col = columns[j];
        if (!col.empty() && col.back().first == i) col.back().second += a;
        else col.emplace_back(i, a);
      }
    for (int j = 0; j < n; ++j) {
      begin.push_back(static_cast<int>(index.size()));
      for (auto& [i, a] : columns[j])
        if (a != 0) {
          index.push_back(i);
          values_.push_back(std::move(a));
        }
      count.push_back(static_cast<int>(index.size()) - begin.back());
    }
    for (const Rational& a : values_) coef.push_back(view(a));
    for (int j = 0; j < n; ++j) {
      const Variable& v = model.variables[j];
      cost.push_back(view(model.objective[j]));
      lower.push_back(v.lower ? view(*v.lower) : mpq_ILL_MINDOUBLE[0]);
      upper.push_back(v.upper ? view(*v.upper) : mpq_ILL_MAXDOUBLE[0]);
    }
    for (const Constraint& c : model.constraints) {
      rhs.push_back(view(c.rhs));
      sense.push_back(c.op == RowOp::LessEqual ? 'L' : c.op == RowOp::GreaterEqual ? 'G' : 'E');
    }
    if (m == 0) {
      rhs.push_back(view(zero_));
      sense.push_back('L');
    }
    rows = static_cast<int>(rhs.size());
  }
  QsoptInput(const QsoptInput&) = delete;
  QsoptInput& operator=(const QsoptInput&) = delete;

 private:
  std::vector<Rational> values_;
  Rational zero_;
};

// What QSopt_ex answered, copied into equilab's numbers.
struct QsoptAnswer {
  int code = 0;                       // QSexact_solver's return value (0: success)
  int status = QS_LP_UNSOLVED;        // QS_LP_OPTIMAL, QS_LP_INFEASIBLE, ...
  std::vector<Rational> dual_ray;     // infeasible: QSopt_ex's proof y (its sign convention)
  std::string col_stat, row_stat;     // final basis (QS_COL_BSTAT_*, QS_ROW_BSTAT_*); empty if none
};

// Sets QSopt_ex's time limit to the time left; returns QSopt_ex's error code.
int limit_time(mpq_QSprob p) {
  const double left = seconds_left();
  if (!std::isfinite(left)) return 0;
  mpq_t seconds;
  mpq_init(seconds);
  mpq_set_d(seconds, std::max(left, 1e-3));
  const int code = mpq_QSset_param_EGlpNum(p, QS_PARAM_SIMPLEX_MAX_TIME, seconds);
  mpq_clear(seconds);
  return code;
}

QsoptAnswer solve_with_qsopt(const LpModel& model) {
  QsoptLibrary& lib = library();  // first: the input refers to QSopt_ex's infinity constants
  if (lib.abandoned)
    throw std::runtime_error(
        "QSopt_ex was interrupted earlier in this process (time limit or memory) and is not used again");
  QsoptInput in(model);
  check_deadline();
  const int n = model.num_vars(), m = model.num_rows();
  std::vector<__mpq_struct> y(static_cast<std::size_t>(in.rows));
  QSbasis basis{0, 0, nullptr, nullptr};
  mpq_QSprob p = nullptr;
  QsoptAnswer answer;
  last_log_line[0] = '\0';
  answer.code = in_qsopt([&] {
    for (auto& v : y) mpq_init(&v);
    p = mpq_QSload_prob("equilab", n, in.rows, in.count.data(), in.begin.data(), in.index.data(), as_array(in.coef),
                        model.sense == Sense::Maximize ? QS_MAX : QS_MIN, as_array(in.cost), as_array(in.rhs),
                        in.sense.data(), as_array(in.lower), as_array(in.upper), nullptr, nullptr);
    if (p == nullptr) return -1;
    if (const int code = limit_time(p); code != 0) return code;
    return QSexact_solver(p, nullptr, as_array(y), &basis, DUAL_SIMPLEX, &answer.status);
  });
  if (answer.code == 0 && answer.status == QS_LP_INFEASIBLE)
    for (int i = 0; i < m; ++i) {
      Rational r;
      mpq_set(r.backend().data(), &y[i]);
      answer.dual_ray.push_back(std::move(r));
    }
  if (basis.cstat != nullptr && basis.nstruct == n && basis.nrows == in.rows) {
    answer.col_stat.assign(basis.cstat, static_cast<std::size_t>(n));
    answer.row_stat.assign(basis.rstat, static_cast<std::size_t>(m));
  }
  in_qsopt([&] {
    for (auto& v : y) mpq_clear(&v);
    if (basis.cstat != nullptr) mpq_QSfree(basis.cstat);
    if (basis.rstat != nullptr) mpq_QSfree(basis.rstat);
    if (p != nullptr) mpq_QSfree_prob(p);
    return 0;
  });
  return answer;
}

const char* qsopt_status_name(int status) {
  switch (status) {
    case QS_LP_OPTIMAL: return "optimal";
    case QS_LP_INFEASIBLE: return "infeasible";
    case QS_LP_UNBOUNDED: return "unbounded";
    case QS_LP_ITER_LIMIT: return "iteration limit";
    case QS_LP_TIME_LIMIT: return "time limit";
    case QS_LP_UNSOLVED: return "unsolved";
    case QS_LP_ABORTED: return "aborted";
    case QS_LP_NUMERR: return "numerical error";
    case QS_LP_OBJ_LIMIT: return "objective limit";
    case QS_LP_MODIFIED: return "modified";
  }
  return "unknown";
}

// QSopt_ex's final basis in equilab's terms; nullopt when it has none or names a bound that the
// variable lacks. QSopt_ex's logical of row i (exact.h, lpdata.c ILLlp_add_logicals) is a slack
// s with a_i x + s = b_i (s >= 0 on <=, fixed at 0 on =) or a surplus a_i x - s = b_i (s >= 0 on
// >=); nonbasic it sits at 0, i.e. the row is tight, whatever the side QSopt_ex names.
std::optional<Basis> read_basis(const QsoptAnswer& a, const LpModel& model) {
  if (a.col_stat.size() != static_cast<std::size_t>(model.num_vars()) ||
      a.row_stat.size() != static_cast<std::size_t>(model.num_rows()))
    return std::nullopt;
  Basis basis;
  for (int j = 0; j < model.num_vars(); ++j) {
    const Variable& v = model.variables[j];
    switch (a.col_stat[j]) {
      case QS_COL_BSTAT_BASIC: basis.variables.push_back(BasisStatus::Basic); break;
      case QS_COL_BSTAT_LOWER:
        if (!v.lower) return std::nullopt;
        basis.variables.push_back(BasisStatus::AtLower);
        break;
      case QS_COL_BSTAT_UPPER:
        if (!v.upper) return std::nullopt;
        basis.variables.push_back(BasisStatus::AtUpper);
        break;
      case QS_COL_BSTAT_FREE:
        if (v.lower || v.upper) return std::nullopt;
        basis.variables.push_back(BasisStatus::Free);
        break;
      default: return std::nullopt;
    }
  }
  for (int i = 0; i < model.num_rows(); ++i)
    basis.rows.push_back(a.row_stat[i] == QS_ROW_BSTAT_BASIC ? BasisStatus::Basic
                                                              : tight_row_status(model.constraints[i].op));
  return basis;
}

// QSexact_infeasible_test accepts y when, with d = -(A^T y) over the structurals and logicals,
// y·b + sum_j (d_j > 0 ? d_j l_j : d_j u_j) > 0, i.e. max over the box of (A^T y)·x < y·b; the
// logicals force y_i <= 0 on <= rows and y_i >= 0 on >= rows. Equilab's multipliers (README "LP
// conventions": y_i >= 0 on <=, <= 0 on >=, min over the box of (A^T y)·x > y·b) are -y.
Solution<Rational> farkas_from_qsopt(const LpModel& model, const std::vector<Rational>& dual_ray) {
  Solution<Rational> s;
  s.status = Status::Infeasible;
  for (const Rational& v : dual_ray) s.farkas.push_back(-v);
  s.farkas_bounds = verify::transpose_times(model, s.farkas);
  return s;
}

// Equilab's exact simplex, from QSopt_ex's final basis when it has a usable one.
Solution<Rational> exact_simplex_from(const LpModel& model, const std::optional<Basis>& basis) {
  return simplex_solve<Rational>(model, SimplexOptions{}, basis ? &*basis : nullptr);
}

QsoptExactResult from_optimal_basis(const LpModel& model, const QsoptAnswer& a) {
  const std::optional<Basis> basis = read_basis(a, model);
  std::string why = "QSopt_ex returned no usable final basis";
  if (basis) {
    try {
      Solution<Rational> s = basic_solution(model, *basis);
      const std::string defect = basic_solution_defect(model, s);
      if (defect.empty())
        return {std::move(s),
                "QSopt_ex: status optimal and the final basis; objective, primal, duals and reduced costs "
                "recomputed exactly by equilab from that basis"};
      why = "its final basis is not optimal for the exact data (" + defect + ")";
    } catch (const TimeLimitReached&) {
      throw;
    } catch (const std::runtime_error& e) {
      why = std::string("its final basis gives no basic solution (") + e.what() + ")";
    }
  }
  return {exact_simplex_from(model, basis),
          "QSopt_ex: status optimal, but " + why + "; the answer comes from equilab's exact simplex" +
              (basis ? " started from that basis" : "")};
}

QsoptExactResult from_infeasibility_proof(const LpModel& model, const QsoptAnswer& a, const CertificateCheck& check) {
  Solution<Rational> s = farkas_from_qsopt(model, a.dual_ray);
  const std::string why = check(model, s);
  if (why.empty())
    return {std::move(s),
            "QSopt_ex: status infeasible and its Farkas multipliers (negated into equilab's sign "
            "convention), checked exactly"};
  return {exact_simplex_from(model, read_basis(a, model)),
          "QSopt_ex: status infeasible, but its Farkas multipliers fail equilab's check (" + why +
              "); the certificate comes from equilab's exact simplex"};
}

}  // namespace

QsoptExactResult qsopt_exact_solve(const LpModel& model, const CertificateCheck& check) {
  for (const Variable& v : model.variables)
    if (v.lower && v.upper && *v.lower > *v.upper)
      throw std::invalid_argument("qsopt-ex: variable \"" + v.name + "\" has lower bound above its upper bound");

  const QsoptAnswer a = solve_with_qsopt(model);
  const bool decided = a.code == 0 && (a.status == QS_LP_OPTIMAL || a.status == QS_LP_INFEASIBLE ||
                                       a.status == QS_LP_UNBOUNDED);
  if (!decided && (a.status == QS_LP_TIME_LIMIT || deadline_passed())) throw TimeLimitReached();
  if (a.code != 0)
    throw std::runtime_error("QSopt_ex failed (QSexact_solver returned " + std::to_string(a.code) +
                             (last_log_line[0] != '\0' ? std::string("; last message: ") + last_log_line : "") + ")");
  check_deadline();

  QsoptExactResult answer;
  std::optional<Status> claimed;
  switch (a.status) {
    case QS_LP_OPTIMAL:
      claimed = Status::Optimal;
      answer = from_optimal_basis(model, a);
      break;
    case QS_LP_INFEASIBLE:
      claimed = Status::Infeasible;
      answer = from_infeasibility_proof(model, a, check);
      break;
    case QS_LP_UNBOUNDED:
      claimed = Status::Unbounded;
      answer = {exact_simplex_from(model, read_basis(a, model)),
                "QSopt_ex: status unbounded (QSopt_ex gives no point or ray); the feasible point and the "
                "improving ray come from equilab's exact simplex"};
      break;
    default:
      answer = {exact_simplex_from(model, read_basis(a, model)),
                std::string("QSopt_ex stopped undecided (") + qsopt_status_name(a.status) +
                    "); the answer comes from equilab's exact simplex"};
  }
  if (claimed && answer.solution.status != *claimed)
    throw std::runtime_error(std::string("qsopt-ex: QSopt_ex says ") + to_string(*claimed) +
                             " but equilab's exact simplex says " + to_string(answer.solution.status));
  if (const std::string why = check(model, answer.solution); !why.empty())
    throw std::runtime_error("qsopt-ex: the answer fails the certificate check: " + why);
  return answer;
}

}  // namespace equilab::lp
