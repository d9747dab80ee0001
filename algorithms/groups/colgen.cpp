// Method `colgen`: column generation on the welfare LP (Wang eq. 5, dual eq. 6) for instances
// whose group types are far too many to enumerate (§2.5.2: 42,084,793,750 group types for
// |I| = 1000 and sizes 1..4). A basic optimum forms at most K = |I| group types, so the
// restricted master (eq. 5 over a column set) reaches the full optimum once no group type
// has a positive reduced cost ρ(G) = s(G) − Σ_{i∈G} u(i) at its row duals u (the pricing
// oracle, groups/pricing.h, decides that without enumeration for the tractable classes).
//
//  - Start: the homogeneous groups [i^n] of every type and permitted size (they make the master
//    feasible for any μ) and the best group per size at u = 0.
//  - Double phase: lp_solve on the master (re-solved each round: the adapter takes no warm
//    start), double pricing, up to K new columns with ρ > 1e−9·scale per round (scale = the
//    largest |s| among the starting columns, at least 1); columns non-basic for 20 consecutive
//    rounds are evicted (the homogeneous columns of size N' stay, so the master stays feasible).
//  - Exact phase: from lp_solve's final basis, x_B and u are recomputed in rationals (exact
//    sparse solve, lp/basis_recompute.h); when that basic solution is not optimal the exact
//    simplex continues from the basis (the repair of `lpsolve-repair`). Exact pricing at the
//    exact u; every group with ρ > 0 is added and the master re-solved exactly, warm-started,
//    until max ρ <= 0: then (τ, u) is a primal-dual optimal pair of the full LP, i.e. a stable
//    assignment with its imputation (Theorem 2).
// The imputation ranges need every group type; they are computed only when options.ranges is
// set and the group types number at most max_enumeration (the command leaves them off).
#include "groups/enumerate.h"
#include "core/deadline.h"
#include "groups/methods.h"
#include "groups/pricing.h"

#include "lp/basis_recompute.h"
#include "lp/exact_simplex.h"
#include "lp/lpsolve.h"
#include "lp/model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::groups {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

constexpr int kEvictAfter = 20;       // consecutive non-basic double rounds
constexpr long kMaxDoubleRounds = 5000;  // safety net; the exact phase finishes the job regardless
constexpr double kProgressAfter = 10.0;  // seconds before progress lines appear on stderr

struct Column {
  GroupType group;
  Rational value;  // s(G)
  int idle = 0;
  bool permanent = false;
};

class Master {
 public:
  explicit Master(const GroupsInstance& instance) : inst_(instance) {}

  // Adds a column unless present; true when added.
  bool add(const GroupType& g, bool permanent = false) {
    if (!present_.insert(g).second) return false;
    ever_.insert(g);
    cols_.push_back(Column{g, group_value(inst_, g), 0, permanent});
    basis_.variables.push_back(lp::BasisStatus::AtLower);
    return true;
  }
  bool contains(const GroupType& g) const { return present_.count(g) > 0; }

  lp::LpModel model() const {
    const int k = inst_.num_types();
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    m.variables.resize(cols_.size());
    m.objective.reserve(cols_.size());
    m.constraints.resize(k);
    for (int i = 0; i < k; ++i) {
      m.constraints[i].name = inst_.types[i].name;
      m.constraints[i].op = lp::RowOp::Equal;
      m.constraints[i].rhs = inst_.types[i].mass;
    }
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      m.objective.push_back(cols_[j].value);
      const GroupType& g = cols_[j].group;
      for (std::size_t a = 0; a < g.size();) {  // members sorted: a run of equal members is G(i)
        std::size_t b = a;
        while (b < g.size() && g[b] == g[a]) ++b;
        m.constraints[g[a]].coef.emplace_back(static_cast<int>(j), Rational(static_cast<long>(b - a)));
        a = b;
      }
    }
    return m;
  }

  // The basis of the last solve, kept aligned with the columns.
  void set_basis(lp::Basis basis) { basis_ = std::move(basis); }
  const lp::Basis& basis() const { return basis_; }

  // Ages the non-basic columns and evicts those idle for kEvictAfter rounds.
  void age_and_evict() {
    std::vector<Column> kept;
    std::vector<lp::BasisStatus> kept_status;
    for (std::size_t j = 0; j < cols_.size(); ++j) {
      Column& c = cols_[j];
      const bool basic = basis_.variables[j] == lp::BasisStatus::Basic;
      c.idle = basic ? 0 : c.idle + 1;
      if (!basic && !c.permanent && c.idle >= kEvictAfter) {
        present_.erase(c.group);
        continue;
      }
      kept.push_back(std::move(c));
      kept_status.push_back(basis_.variables[j]);
    }
    cols_ = std::move(kept);
    basis_.variables = std::move(kept_status);
  }

  const std::vector<Column>& columns() const { return cols_; }
  long generated() const { return static_cast<long>(ever_.size()); }

 private:
  const GroupsInstance& inst_;
  std::vector<Column> cols_;
  std::set<GroupType> present_, ever_;
  lp::Basis basis_;
};

// Exact optimum of the master from a basis: exact recompute; exact simplex from there when
// the recomputed basic solution is not optimal (or the basis is singular).
lp::Solution<Rational> exact_master(const lp::LpModel& model, const lp::Basis& basis) {
  const bool complete = basis.rows.size() == static_cast<std::size_t>(model.num_rows()) &&
                        basis.variables.size() == static_cast<std::size_t>(model.num_vars());
  if (complete) {
    try {
      lp::Solution<Rational> sol = lp::basic_solution(model, basis);
      if (lp::basic_solution_defect(model, sol).empty()) return sol;
    } catch (const TimeLimitReached&) {
      throw;  // a runtime_error too, but the run is over
    } catch (const std::runtime_error&) {
      // singular or malformed basis: the simplex repairs it
    }
  }
  lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model, {}, complete ? &basis : nullptr);
  if (sol.status != lp::Status::Optimal)
    throw std::logic_error(std::string("colgen: the exact master LP reported ") + lp::to_string(sol.status) +
                           " (it contains the homogeneous groups, so it is feasible and bounded)");
  return sol;
}

bool canonical_less(const GroupType& a, const GroupType& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

StableAssignment solve_colgen(const GroupsInstance& instance, const GroupsOptions& options) {
  const auto start = Clock::now();
  const int K = instance.num_types();
  const std::size_t per_round = static_cast<std::size_t>(std::max(K, 1));
  const PricingOracle oracle(instance, options.max_enumeration);  // refuses intractable classes above the limit
  ColumnStats stats;
  stats.group_types = count_group_types(K, instance.min_size, instance.max_size);
  auto progress = [&](const std::string& line) {
    if (seconds_since(start) >= kProgressAfter) std::cerr << "colgen: " << line << std::endl;
  };

  Master master(instance);
  for (int n = instance.min_size; n <= instance.max_size; ++n)
    for (int i = 0; i < K; ++i) master.add(GroupType(static_cast<std::size_t>(n), i), n == instance.min_size);
  {
    const DoublePricing at_zero = oracle.price_double(std::vector<double>(K, 0.0), 0, 0.0);
    for (const GroupType& g : at_zero.best_by_size)
      if (!g.empty()) master.add(g);
  }
  double scale = 1;
  for (const Column& c : master.columns()) scale = std::max(scale, std::abs(c.value.convert_to<double>()));
  const double tol = 1e-9 * scale;

  // ---- double phase ----
  long iterations = 0;
  for (long round = 0; round < kMaxDoubleRounds; ++round) {
    const lp::LpModel model = master.model();
    check_deadline();
    const lp::Solution<double> sol = lp::lpsolve_solve(model);
    ++stats.rounds;
    iterations += sol.iterations;
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("colgen: lp_solve reported ") + lp::to_string(sol.status) +
                             " on the master LP (it contains the homogeneous groups)");
    master.set_basis(sol.basis);
    const DoublePricing priced = oracle.price_double(sol.dual, per_round, tol);
    std::vector<GroupType> fresh;
    for (const PricedColumn& c : priced.columns)
      if (!master.contains(c.group)) fresh.push_back(c.group);
    double max_rho = -std::numeric_limits<double>::infinity();
    for (double m : priced.max_by_size) max_rho = std::max(max_rho, m);
    progress("double round " + std::to_string(stats.rounds) + ", " + std::to_string(master.columns().size()) +
             " columns, welfare " + std::to_string(sol.objective) + ", max reduced cost " + std::to_string(max_rho) +
             ", adding " + std::to_string(fresh.size()));
    if (fresh.empty()) break;
    master.age_and_evict();
    for (const GroupType& g : fresh) master.add(g);
  }
  stats.seconds_double = seconds_since(start);

  // ---- exact phase ----
  const auto exact_start = Clock::now();
  lp::Solution<Rational> exact;
  std::vector<GroupType> columns;
  for (;;) {
    const lp::LpModel model = master.model();
    exact = exact_master(model, master.basis());
    check_deadline();
    ++stats.rounds;
    ++stats.exact_rounds;
    iterations += exact.iterations;
    master.set_basis(exact.basis);
    const ExactPricing priced = oracle.price_exact(exact.dual, per_round, Rational(0));
    progress("exact round " + std::to_string(stats.exact_rounds) + ", " + std::to_string(master.columns().size()) +
             " columns, max reduced cost " + priced.max_rho.str());
    stats.max_reduced_cost = priced.max_rho;
    if (priced.max_rho <= 0) break;
    bool added = false;
    for (const ExactPricedColumn& c : priced.columns) added = master.add(c.group) || added;
    if (!added)  // an exact optimum of the master prices all its columns at ρ <= 0
      throw std::logic_error("colgen: exact pricing returned only columns already in the master");
  }
  stats.seconds_exact = seconds_since(exact_start);
  stats.columns_generated = master.generated();
  stats.columns_final = static_cast<long>(master.columns().size());

  StableAssignment result;
  result.welfare = exact.objective;
  result.iterations = iterations;
  result.imputation = exact.dual;
  for (std::size_t j = 0; j < master.columns().size(); ++j)
    if (exact.primal[j] > 0) {
      const Column& c = master.columns()[j];
      result.assignment.push_back(FormedGroup{c.group, exact.primal[j], c.value});
    }
  std::sort(result.assignment.begin(), result.assignment.end(),
            [](const FormedGroup& a, const FormedGroup& b) { return canonical_less(a.group, b.group); });
  result.group_types = stats.group_types <= Integer(std::numeric_limits<std::int64_t>::max())
                           ? stats.group_types.convert_to<std::size_t>()
                           : 0;
  if (options.ranges && stats.group_types <= Integer(options.max_enumeration))
    compute_imputation_ranges(instance,
                              enumerate_group_types(K, instance.min_size, instance.max_size, options.max_enumeration),
                              result);
  result.stats = std::move(stats);
  return result;
}

}  // namespace equilab::groups
