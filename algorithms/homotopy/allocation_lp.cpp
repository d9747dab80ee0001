// Method `allocation-lp` (issue 7, method 2): brute force over allocations, one exact LP each.
#include <deque>
#include <stdexcept>

#include "homotopy/methods.h"
#include "homotopy/structure.h"
#include "lp/lpsolve.h"

namespace equilab::homotopy {
namespace {

// All allocations of the reduced market: buyer -> real good or n + a (outside).
void enumerate(const ReducedMarket& r, int a, std::vector<int>& current, std::vector<char>& used,
               std::vector<std::vector<int>>& out, std::uint64_t limit) {
  if (a == r.m) {
    if (out.size() >= limit)
      throw EnumerationLimit("more than " + std::to_string(limit) +
                             " allocations exceed the enumeration limit; raise it with --max-enumeration");
    out.push_back(current);
    return;
  }
  current[a] = r.n + a;
  enumerate(r, a + 1, current, used, out, limit);
  for (int k = 0; k < r.n; ++k)
    if (r.acceptable[a][k] && !used[k]) {
      used[k] = 1;
      current[a] = k;
      enumerate(r, a + 1, current, used, out, limit);
      used[k] = 0;
    }
}

// P_μ as an LP: min Σ p_k, p_k >= r_k (= r_k if unallocated), buyer optimality rows.
lp::LpModel price_lp(const ReducedMarket& r, const std::vector<int>& mu) {
  lp::LpModel model;
  model.sense = lp::Sense::Minimize;
  std::vector<int> holder(r.n, -1);
  for (int a = 0; a < r.m; ++a)
    if (mu[a] < r.n) holder[mu[a]] = a;
  for (int k = 0; k < r.n; ++k) {
    lp::Variable v;
    v.name = "p" + std::to_string(k);
    v.lower = r.r1[k];
    if (holder[k] < 0) v.upper = r.r1[k];  // §2.1 condition 3
    model.variables.push_back(v);
    model.objective.push_back(Rational(1));
  }
  for (int a = 0; a < r.m; ++a) {
    const int i = mu[a];
    for (int k = 0; k < r.n; ++k) {
      if (!r.acceptable[a][k] || k == i) continue;
      lp::Constraint c;
      c.name = "b" + std::to_string(a) + "g" + std::to_string(k);
      if (i < r.n) {  // v_ai − β_ai p_i >= v_ak − β_ak p_k
        c.coef = {{i, r.beta[a][i]}, {k, -r.beta[a][k]}};
        c.op = lp::RowOp::LessEqual;
        c.rhs = r.v1[a][i] - r.v1[a][k];
      } else {  // w_a >= v_ak − β_ak p_k
        c.coef = {{k, r.beta[a][k]}};
        c.op = lp::RowOp::GreaterEqual;
        c.rhs = r.v1[a][k] - r.w1[a];
      }
      model.constraints.push_back(c);
    }
    if (i < r.n) {  // v_ai − β_ai p_i >= w_a
      lp::Constraint c;
      c.name = "b" + std::to_string(a) + "out";
      c.coef = {{i, r.beta[a][i]}};
      c.op = lp::RowOp::LessEqual;
      c.rhs = r.v1[a][i] - r.w1[a];
      model.constraints.push_back(c);
    }
  }
  lp::normalize_rows(model);
  return model;
}

}  // namespace

MepResult solve_allocation_lp(const AllocationMarket& market, std::uint64_t max_enumeration) {
  const ReducedMarket r = reduce(endpoint(market));
  std::vector<std::vector<int>> allocations;
  std::vector<int> current(r.m);
  std::vector<char> used(r.n, 0);
  enumerate(r, 0, current, used, allocations, max_enumeration);
  std::optional<Rational> best;
  std::vector<Rational> best_prices;
  std::vector<std::vector<int>> tied;
  for (const auto& mu : allocations) {
    const lp::Solution<Rational> sol = lp::lpsolve_repair(price_lp(r, mu));
    if (sol.status != lp::Status::Optimal) continue;
    if (!best || sol.objective < *best) {
      best = sol.objective;
      best_prices = sol.primal;
      tied.assign(1, mu);
    } else if (sol.objective == *best) {
      if (sol.primal != best_prices)  // impossible by the lattice argument above
        throw std::logic_error("allocation-lp: two price vectors with the least sum");
      tied.push_back(mu);
    }
  }
  if (!best) throw std::logic_error("allocation-lp: no allocation has equilibrium prices");
  for (const auto& mu : tied)
    if (auto s = grow_forest(r, mu, best_prices)) {
      MepResult result;
      result.certificate = to_certificate(market, r, *s);
      result.allocations_enumerated = allocations.size();
      return result;
    }
  throw std::logic_error("allocation-lp: no MPE allocation supports a forest generating the MEP");
}

Integer ga_structure_count(int m, int n) {
  // Σ_{k=1}^m C(m,k)·k·m^{m−1−k} rooted forests (Aigner–Ziegler), times n!/(n−m)!.
  Integer forests = 0, binom = 1;
  for (int k = 1; k <= m; ++k) {
    binom = binom * (m - k + 1) / k;
    Integer power = 1;
    for (int j = 0; j < m - 1 - k; ++j) power *= m;
    if (m - 1 - k < 0) {  // k = m: the term m·m^{-1} = 1 (all goods roots)
      forests += binom;   // C(m,m)·m·m^{-1} = 1
      continue;
    }
    forests += binom * k * power;
  }
  Integer allocations = 1;
  for (int j = n - m + 1; j <= n; ++j) allocations *= j;
  return forests * allocations;
}

}  // namespace equilab::homotopy
