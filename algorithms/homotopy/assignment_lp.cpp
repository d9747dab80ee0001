// Method `assignment-lp` (issue 7, method 3, TU case β ≡ 1): the Shapley–Shubik assignment
// game. With net gains g_ak = v_ak − r_k − w_a, the dual LP min Σu + Σs s.t. u_a + s_k >= g_ak
// (acceptable pairs), u, s >= 0 has the optimal welfare W as value and the assignment as its
// shadow prices; the minimal point of the dual optimal face (min Σs subject to Σu + Σs = W)
// gives the least seller surpluses s, i.e. the MEP p = r + s (the core's seller-worst point).
#include <stdexcept>

#include "homotopy/methods.h"
#include "homotopy/structure.h"
#include "lp/lpsolve.h"

namespace equilab::homotopy {

MepResult solve_assignment_lp(const AllocationMarket& market) {
  const ReducedMarket r = reduce(endpoint(market));
  for (int a = 0; a < r.m; ++a)
    for (int k = 0; k < r.n; ++k)
      if (r.acceptable[a][k] && r.beta[a][k] != 1)
        throw std::invalid_argument("assignment-lp needs transferable utility (every slope 1)");
  const int m = r.m, n = r.n;
  lp::LpModel model;
  model.sense = lp::Sense::Minimize;
  for (int a = 0; a < m; ++a) model.variables.push_back({"u" + std::to_string(a), Rational(0), std::nullopt});
  for (int k = 0; k < n; ++k) model.variables.push_back({"s" + std::to_string(k), Rational(0), std::nullopt});
  model.objective.assign(m + n, Rational(1));
  std::vector<std::pair<int, int>> pairs;
  for (int a = 0; a < m; ++a)
    for (int k = 0; k < n; ++k)
      if (r.acceptable[a][k]) {
        lp::Constraint c;
        c.name = "a" + std::to_string(a) + "k" + std::to_string(k);
        c.coef = {{a, Rational(1)}, {m + k, Rational(1)}};
        c.op = lp::RowOp::GreaterEqual;
        c.rhs = r.v1[a][k] - r.r1[k] - r.w1[a];
        model.constraints.push_back(c);
        pairs.push_back({a, k});
      }
  lp::normalize_rows(model);
  const lp::Solution<Rational> welfare = lp::lpsolve_repair(model);
  if (welfare.status != lp::Status::Optimal)
    throw std::logic_error("assignment-lp: the dual LP is not optimal");
  // The assignment: the shadow prices x_ak of the rows (a vertex of the assignment polytope).
  std::vector<int> mu(m);
  for (int a = 0; a < m; ++a) mu[a] = n + a;
  for (std::size_t row = 0; row < pairs.size(); ++row) {
    const Rational& x = welfare.dual[row];
    if (x == 0) continue;
    if (x != 1) throw std::logic_error("assignment-lp: a fractional optimal assignment");
    mu[pairs[row].first] = pairs[row].second;
  }
  // The minimal point of the dual optimal face.
  lp::LpModel face = model;
  lp::Constraint optimal;
  optimal.name = "welfare";
  for (int j = 0; j < m + n; ++j) optimal.coef.push_back({j, Rational(1)});
  optimal.op = lp::RowOp::Equal;
  optimal.rhs = welfare.objective;
  face.constraints.push_back(optimal);
  for (int a = 0; a < m; ++a) face.objective[a] = 0;
  const lp::Solution<Rational> least = lp::lpsolve_repair(face);
  if (least.status != lp::Status::Optimal) throw std::logic_error("assignment-lp: the optimal face is empty");
  std::vector<Rational> prices(n);
  for (int k = 0; k < n; ++k) prices[k] = r.r1[k] + least.primal[m + k];
  auto s = grow_forest(r, mu, prices);
  if (!s) throw std::logic_error("assignment-lp: the minimal prices have no generating forest");
  MepResult result;
  result.certificate = to_certificate(market, r, *s);
  return result;
}

}  // namespace equilab::homotopy
