// Method `vertex-enum`: the welfare LP solved by brute force over its bases. Every
// choice of K group-type columns B is tried: the K×K system B τ_B = μ is solved by exact
// Gaussian elimination (written here; no simplex, no GLPK), and the nonsingular choices
// with τ_B >= 0 are the vertices of the assignment polytope (every vertex has such a
// basis: the homogeneous columns make the constraint matrix full row rank). The best
// welfare over them is the optimum.
//
// Imputation from the same basis: B^T u = s_B. Among the optimal bases the first (in
// lexicographic order of the column choice) whose u is dual feasible (no blocking group)
// is taken; one exists because the simplex method with an anti-cycling rule ends at an
// optimal basis that is both primal and dual feasible, and every basis is enumerated.
#include "groups/methods.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

namespace equilab::groups {
namespace {

// Dense exact Gaussian elimination for small square systems, reusing its storage.
class SquareSolver {
 public:
  explicit SquareSolver(int n) : n_(n), a_(static_cast<std::size_t>(n) * (n + 1)) {}

  Rational& at(int r, int c) { return a_[static_cast<std::size_t>(r) * (n_ + 1) + c]; }

  // Solves the system stored in the augmented matrix (columns 0..n-1, right-hand side in
  // column n). Returns false when the matrix is singular; otherwise z is the solution.
  bool solve(std::vector<Rational>& z) {
    for (int c = 0; c < n_; ++c) {
      int pivot = -1;
      for (int r = c; r < n_; ++r)
        if (!is_zero(at(r, c))) {
          pivot = r;
          break;
        }
      if (pivot < 0) return false;
      if (pivot != c)
        for (int cc = c; cc <= n_; ++cc) std::swap(at(pivot, cc), at(c, cc));
      for (int r = c + 1; r < n_; ++r) {
        if (is_zero(at(r, c))) continue;
        factor_ = at(r, c) / at(c, c);
        for (int cc = c + 1; cc <= n_; ++cc)
          if (!is_zero(at(c, cc))) at(r, cc) -= factor_ * at(c, cc);
        at(r, c) = 0;
      }
    }
    z.resize(n_);
    for (int r = n_ - 1; r >= 0; --r) {
      Rational acc = at(r, n_);
      for (int c = r + 1; c < n_; ++c)
        if (!is_zero(at(r, c))) acc -= at(r, c) * z[c];
      z[r] = acc / at(r, r);
    }
    return true;
  }

 private:
  static bool is_zero(const Rational& v) { return v.sign() == 0; }
  int n_;
  std::vector<Rational> a_;
  Rational factor_;
};

Integer binomial(std::size_t n, std::size_t k) {
  if (k > n) return 0;
  Integer r = 1;
  for (std::size_t i = 1; i <= k; ++i) r = r * (n - k + i) / i;  // exact at every step
  return r;
}

// Advances a K-subset of {0..m-1} in lexicographic order; false after the last.
bool next_subset(std::vector<int>& s, int m) {
  const int k = static_cast<int>(s.size());
  int i = k - 1;
  while (i >= 0 && s[i] == m - k + i) --i;
  if (i < 0) return false;
  ++s[i];
  for (int j = i + 1; j < k; ++j) s[j] = s[j - 1] + 1;
  return true;
}

}  // namespace

StableAssignment solve_vertex_enum(const GroupsInstance& instance, const GroupsOptions& options) {
  const int k = instance.num_types();
  const std::vector<GroupType> groups =
      enumerate_group_types(k, instance.min_size, instance.max_size, options.max_enumeration);
  const int m = static_cast<int>(groups.size());
  const Integer bases = binomial(groups.size(), static_cast<std::size_t>(k));
  if (bases > options.max_enumeration) throw EnumerationLimit(bases, options.max_enumeration, "bases of vertex-enum");
  if (m < k) throw std::logic_error("vertex-enum: fewer group types than types");

  std::vector<std::vector<int>> counts(m);
  std::vector<Rational> values(m);
  for (int g = 0; g < m; ++g) {
    counts[g] = group_counts(groups[g], k);
    values[g] = group_value(instance, groups[g]);
  }

  SquareSolver solver(k);
  std::vector<int> subset(k);
  for (int j = 0; j < k; ++j) subset[j] = j;
  std::vector<Rational> tau;
  Rational best;
  bool have_best = false;
  std::vector<int> optimal;  // the optimal bases found so far, K indices each
  long examined = 0;
  do {
    ++examined;
    for (int i = 0; i < k; ++i) {
      for (int c = 0; c < k; ++c) solver.at(i, c) = counts[subset[c]][i];
      solver.at(i, k) = instance.types[i].mass;
    }
    if (!solver.solve(tau)) continue;
    bool feasible = true;
    for (const Rational& t : tau)
      if (t.sign() < 0) {
        feasible = false;
        break;
      }
    if (!feasible) continue;
    Rational welfare = 0;
    for (int c = 0; c < k; ++c) welfare += values[subset[c]] * tau[c];
    if (!have_best || welfare > best) {
      best = std::move(welfare);
      have_best = true;
      optimal.clear();
    } else if (welfare < best) {
      continue;
    }
    optimal.insert(optimal.end(), subset.begin(), subset.end());
  } while (next_subset(subset, m));
  if (!have_best) throw std::logic_error("vertex-enum: no primal feasible basis (impossible: homogeneous groups)");

  // The first optimal basis whose imputation blocks no group.
  std::vector<Rational> u;
  const std::size_t n_optimal = optimal.size() / k;
  for (std::size_t b = 0; b < n_optimal; ++b) {
    const int* basis = optimal.data() + b * k;
    for (int r = 0; r < k; ++r) {  // row r of B^T is column r of B
      for (int c = 0; c < k; ++c) solver.at(r, c) = counts[basis[r]][c];
      solver.at(r, k) = values[basis[r]];
    }
    if (!solver.solve(u)) throw std::logic_error("vertex-enum: singular transpose of a nonsingular basis");
    bool dual_feasible = true;
    for (int g = 0; g < m && dual_feasible; ++g) {
      Rational slack = -values[g];
      for (int i = 0; i < k; ++i)
        if (counts[g][i]) slack += u[i] * counts[g][i];
      dual_feasible = slack.sign() >= 0;
    }
    if (!dual_feasible) continue;

    for (int i = 0; i < k; ++i) {
      for (int c = 0; c < k; ++c) solver.at(i, c) = counts[basis[c]][i];
      solver.at(i, k) = instance.types[i].mass;
    }
    solver.solve(tau);
    StableAssignment result;
    result.group_types = groups.size();
    result.welfare = best;
    result.iterations = examined;
    for (int c = 0; c < k; ++c)  // basis indices ascend, so this is canonical order
      if (tau[c] > 0) result.assignment.push_back(FormedGroup{groups[basis[c]], tau[c], values[basis[c]]});
    result.imputation = std::move(u);
    if (options.ranges) compute_imputation_ranges(instance, groups, result);
    return result;
  }
  throw std::logic_error("vertex-enum: no optimal basis is dual feasible (impossible)");
}

}  // namespace equilab::groups
