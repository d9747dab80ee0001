// Imputation ranges (§2.2.1 of the paper): for every type i the min and max
// of u(i) over the dual optimal face  F = {u : Σ_i G(i)u(i) >= s(G) ∀G, Σ_i u(i)μ(i) = W}.
//
// Each bound is solved in the DUAL form, which has only K rows however many group
// types there are. For the lower bound of u(i):
//
//     max  Σ_G x_G s(G) + t W   s.t.  Σ_G x_G G(j) + t μ(j) = [j == i]  ∀j,   x >= 0, t free.
//
// Its LP dual is  min u(i) s.t. Σ_j G(j)u(j) >= s(G) ∀G (the columns x_G), Σ_j μ(j)u(j) = W
// (the free column t), so its optimum is min{u(i) : u ∈ F}; the optimal (x, t) is the
// multiplier of the certificate, and the row shadow prices y of this maximisation with `=`
// rows are exactly the optimal u (shadow price of a max LP = optimal dual solution, with
// A^T y >= c on the x >= 0 columns and = on the free column): the witness. For the upper
// bound the right-hand side is -e_i and the optimum is -max u(i).
//
// Column generation: the range LPs are solved over a growing subset of the group types
// (the homogeneous groups, which keep every restricted LP feasible and bounded, the formed
// groups and the groups tight at the method's imputation). After each exact solve the
// witness y is priced against every group type: a group with s(G) - Σ G(j)y(j) > 0 is a
// column with positive reduced cost and is added. When no group is violated the witness
// is feasible for the full dual, so by weak duality the restricted optimum is the full
// one. Pricing filters in double with a rigorous error margin and decides near-ties
// exactly. The active set is shared by all 2K bounds (columns useful for one bound are
// often useful for the next); the rounds of one bound warm-start from the previous
// basis (still primal feasible: the new columns enter at zero). A new bound starts cold
// (simplex_solve then crashes in double and finishes exactly): a basis optimal for
// another right-hand side (or the welfare basis) is only dual feasible here, and the
// project's simplex takes a caller's basis as is, in exact arithmetic, so its phase 1
// runs in rationals. Measured: 0.34 s instead of 0.15 s for all ranges at |I| = 30,
// sizes 1..4, and 155 s instead of 4.4 s at |I| = 100, sizes 1..3.
#include "groups/imputation_ranges_double.h"
#include "groups/methods.h"

#include "lp/exact_simplex.h"
#include "lp/lpsolve.h"
#include "lp/model.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace equilab::groups {
namespace {

// A group type as a sparse count vector with its value.
struct GroupColumn {
  std::vector<std::pair<int, int>> counts;  // (type, G(type)), types ascending
  Rational value;
  double value_d = 0;
};

std::vector<GroupColumn> make_columns(const GroupsInstance& instance, const std::vector<GroupType>& groups) {
  std::vector<GroupColumn> cols(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (int member : groups[g]) {
      if (member < 0 || member >= instance.num_types()) throw std::invalid_argument("imputation ranges: bad group member");
      auto& c = cols[g].counts;
      if (!c.empty() && c.back().first == member) ++c.back().second;
      else c.emplace_back(member, 1);
    }
    std::sort(cols[g].counts.begin(), cols[g].counts.end());  // groups are sorted; be safe anyway
    cols[g].value = group_value(instance, groups[g]);
    cols[g].value_d = cols[g].value.convert_to<double>();
  }
  return cols;
}

// Exact sign of the no-blocking slack Σ_j G(j)y(j) - s(G) at a point y, filtered in double.
class Pricer {
 public:
  explicit Pricer(const std::vector<GroupColumn>& cols) : cols_(cols) {}

  void set_point(const std::vector<Rational>& y) {
    y_ = &y;
    yd_.resize(y.size());
    usable_ = true;
    for (std::size_t j = 0; j < y.size(); ++j) {
      yd_[j] = y[j].convert_to<double>();
      if (!std::isfinite(yd_[j])) usable_ = false;
    }
  }

  // Sign of the slack of group g (-1: g blocks y, 0: tight, +1: slack), and a double
  // approximation of the violation s(G) - G·y in `approx`.
  int slack_sign(std::size_t g, double& approx) const {
    const GroupColumn& c = cols_[g];
    if (usable_ && std::isfinite(c.value_d)) {
      double acc = 0, mag = std::fabs(c.value_d);
      for (const auto& [j, k] : c.counts) {
        acc += k * yd_[j];
        mag += k * std::fabs(yd_[j]);
      }
      approx = c.value_d - acc;
      // Conversion (relative 2^-53 each) and summation errors are far below 1e-12·mag
      // for the handful of terms of a group.
      const double tol = 1e-12 * mag + 1e-300;
      if (std::isfinite(mag)) {
        if (approx > tol) return -1;
        if (approx < -tol) return 1;
      }
    } else {
      approx = 0;
    }
    Rational slack = -c.value;
    for (const auto& [j, k] : c.counts) slack += (*y_)[j] * k;
    return slack.sign();
  }

  // Groups that block y, most violated first, at most `limit`.
  std::vector<int> blocking(std::size_t limit) const {
    std::vector<std::pair<double, int>> found;
    for (std::size_t g = 0; g < cols_.size(); ++g) {
      double approx = 0;
      if (slack_sign(g, approx) < 0) found.emplace_back(approx, static_cast<int>(g));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > limit) found.resize(limit);
    std::vector<int> out;
    out.reserve(found.size());
    for (const auto& f : found) out.push_back(f.second);
    return out;
  }

 private:
  const std::vector<GroupColumn>& cols_;
  const std::vector<Rational>* y_ = nullptr;
  std::vector<double> yd_;
  bool usable_ = false;
};

constexpr std::size_t kMaxTightSeeds = 2000;  // initial columns taken from the tight set
constexpr std::size_t kColumnsPerRound = 200;  // blocking groups added per pricing round

// The restricted range LP: variable 0 is t (free), then one x_G per active group.
class RangeLp {
 public:
  RangeLp(const GroupsInstance& instance, const std::vector<GroupColumn>& cols, const Rational& welfare)
      : cols_(cols), k_(instance.num_types()) {
    model_.sense = lp::Sense::Maximize;
    model_.variables.push_back(lp::Variable{"t", std::nullopt, std::nullopt});
    model_.objective.push_back(welfare);
    model_.constraints.resize(k_);
    for (int j = 0; j < k_; ++j) {
      model_.constraints[j].name = "type" + std::to_string(j);
      model_.constraints[j].op = lp::RowOp::Equal;
      model_.constraints[j].coef.emplace_back(0, instance.types[j].mass);
    }
    in_model_.assign(cols.size(), 0);
  }

  bool add(int g) {
    if (in_model_[g]) return false;
    in_model_[g] = 1;
    const int var = model_.num_vars();
    model_.variables.push_back(lp::Variable{});  // x_G >= 0
    model_.objective.push_back(cols_[g].value);
    for (const auto& [j, k] : cols_[g].counts) model_.constraints[j].coef.emplace_back(var, Rational(k));
    group_of_.push_back(g);
    return true;
  }

  // Solves the bound for type i (sign +1: lower, -1: upper) to optimality over all groups.
  lp::Solution<Rational> solve(int i, int sign, const Pricer& pricer_template, long& iterations) {
    for (int j = 0; j < k_; ++j) model_.constraints[j].rhs = j == i ? Rational(sign) : Rational(0);
    Pricer pricer = pricer_template;
    lp::Basis warm;
    bool have_warm = false;
    for (;;) {
      lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model_, {}, have_warm ? &warm : nullptr);
      iterations += sol.iterations;
      if (sol.status == lp::Status::Unbounded)
        throw std::runtime_error("imputation ranges: no stable imputation has Σuμ = W (the welfare is below the optimum)");
      if (sol.status != lp::Status::Optimal)
        throw std::logic_error("imputation ranges: restricted range LP infeasible despite the homogeneous groups");
      pricer.set_point(sol.dual);
      const std::vector<int> entering = pricer.blocking(kColumnsPerRound);
      if (entering.empty()) return sol;
      warm = sol.basis;
      bool added = false;
      for (int g : entering)
        if (add(g)) {
          warm.variables.push_back(lp::BasisStatus::AtLower);
          added = true;
        }
      // An exact optimum prices every active column out, so a blocking group is new.
      if (!added) throw std::logic_error("imputation ranges: a column of the restricted optimum blocks its witness");
      have_warm = true;
    }
  }

  // The same in double with lp_solve: the witness is priced in double with a relative
  // tolerance (the --arith double path; its answers are labelled floating point).
  lp::Solution<double> solve_double(int i, int sign) {
    for (int j = 0; j < k_; ++j) model_.constraints[j].rhs = j == i ? Rational(sign) : Rational(0);
    for (;;) {
      lp::Solution<double> sol = lp::lpsolve_solve(model_);
      if (sol.status != lp::Status::Optimal)
        throw std::runtime_error(std::string("imputation ranges (double): lp_solve reported ") +
                                 lp::to_string(sol.status) + " on a range LP");
      std::vector<std::pair<double, int>> found;
      for (std::size_t g = 0; g < cols_.size(); ++g) {
        if (in_model_[g]) continue;
        double acc = 0, mag = std::fabs(cols_[g].value_d);
        for (const auto& [j, k] : cols_[g].counts) {
          acc += k * sol.dual[j];
          mag += k * std::fabs(sol.dual[j]);
        }
        const double violation = cols_[g].value_d - acc;
        if (violation > 1e-9 * (1 + mag)) found.emplace_back(violation, static_cast<int>(g));
      }
      if (found.empty()) return sol;
      std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      if (found.size() > kColumnsPerRound) found.resize(kColumnsPerRound);
      for (const auto& f : found) add(f.second);
    }
  }

  // Group index of model variable var >= 1.
  int group_of(int var) const { return group_of_[var - 1]; }

 private:
  const std::vector<GroupColumn>& cols_;
  int k_;
  lp::LpModel model_;
  std::vector<char> in_model_;
  std::vector<int> group_of_;
};

template <class T>
RangeMultiplier multiplier_of(const lp::Solution<T>& sol, const RangeLp& lp_, const std::vector<GroupType>& groups) {
  auto exact = [](const T& v) {
    if constexpr (std::is_same_v<T, double>) return rational_from_double(v);
    else return v;
  };
  RangeMultiplier m;
  m.t = exact(sol.primal[0]);
  for (std::size_t v = 1; v < sol.primal.size(); ++v)
    if (sol.primal[v] > 0) m.x.emplace_back(groups[lp_.group_of(static_cast<int>(v))], exact(sol.primal[v]));
  std::sort(m.x.begin(), m.x.end(), [](const auto& a, const auto& b) {
    if (a.first.size() != b.first.size()) return a.first.size() < b.first.size();
    return a.first < b.first;
  });
  return m;
}

// Seeds the active set: the homogeneous groups (every restricted LP is then feasible and
// bounded: x = ±e_i/n on [i^n] with t chosen, and n·u(j) >= s([j^n]) with Σuμ = W bound u),
// the formed groups, and groups tight at the method's imputation.
void seed(RangeLp& range_lp, const GroupsInstance& instance, const std::vector<GroupType>& groups,
          const std::vector<GroupColumn>& cols, const StableAssignment& result, bool exact) {
  const int k = instance.num_types();
  std::vector<char> has_homogeneous(k, 0);
  for (std::size_t g = 0; g < cols.size(); ++g)
    if (cols[g].counts.size() == 1) {
      range_lp.add(static_cast<int>(g));
      has_homogeneous[cols[g].counts[0].first] = 1;
    }
  for (int j = 0; j < k; ++j)
    if (!has_homogeneous[j]) throw std::invalid_argument("imputation ranges: a type has no homogeneous group type");
  std::set<GroupType> formed;
  for (const auto& f : result.assignment) formed.insert(f.group);
  const bool have_u = static_cast<int>(result.imputation.size()) == k;
  Pricer pricer(cols);
  if (have_u) pricer.set_point(result.imputation);
  std::size_t tight = 0;
  for (std::size_t g = 0; g < cols.size(); ++g) {
    if (formed.count(groups[g])) {
      range_lp.add(static_cast<int>(g));
      continue;
    }
    double approx = 0;
    if (exact && have_u && tight < kMaxTightSeeds && pricer.slack_sign(g, approx) == 0 &&
        range_lp.add(static_cast<int>(g)))
      ++tight;
  }
}

}  // namespace

void compute_imputation_ranges(const GroupsInstance& instance, const std::vector<GroupType>& groups,
                               StableAssignment& result) {
  const int k = instance.num_types();
  const std::vector<GroupColumn> cols = make_columns(instance, groups);
  RangeLp range_lp(instance, cols, result.welfare);
  seed(range_lp, instance, groups, cols, result, true);
  const Pricer pricer(cols);
  std::vector<ImputationRange> ranges(k);
  long iterations = 0;
  for (int i = 0; i < k; ++i) {
    for (int sign : {1, -1}) {
      lp::Solution<Rational> sol = range_lp.solve(i, sign, pricer, iterations);
      ImputationRange& r = ranges[i];
      if (sign > 0) {
        r.min = sol.objective;
        r.witness_min = std::move(sol.dual);
        r.multiplier_min = multiplier_of(sol, range_lp, groups);
      } else {
        r.max = -sol.objective;
        r.witness_max = std::move(sol.dual);
        r.multiplier_max = multiplier_of(sol, range_lp, groups);
      }
    }
  }
  result.ranges = std::move(ranges);
}

void compute_imputation_ranges_double(const GroupsInstance& instance, const std::vector<GroupType>& groups,
                                      StableAssignment& result) {
  const int k = instance.num_types();
  const std::vector<GroupColumn> cols = make_columns(instance, groups);
  RangeLp range_lp(instance, cols, result.welfare);
  seed(range_lp, instance, groups, cols, result, false);
  std::vector<ImputationRange> ranges(k);
  for (int i = 0; i < k; ++i)
    for (int sign : {1, -1}) {
      const lp::Solution<double> sol = range_lp.solve_double(i, sign);
      std::vector<Rational> witness;
      for (double y : sol.dual) witness.push_back(rational_from_double(y));
      ImputationRange& r = ranges[i];
      if (sign > 0) {
        r.min = rational_from_double(sol.objective);
        r.witness_min = std::move(witness);
        r.multiplier_min = multiplier_of(sol, range_lp, groups);
      } else {
        r.max = -rational_from_double(sol.objective);
        r.witness_max = std::move(witness);
        r.multiplier_max = multiplier_of(sol, range_lp, groups);
      }
    }
  result.ranges = std::move(ranges);
}

}  // namespace equilab::groups
