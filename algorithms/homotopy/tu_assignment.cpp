// Method `hungarian-bf` (issue 7, method 3, TU case β ≡ 1): an optimal assignment by the
// Hungarian method (Kuhn 1955, Munkres 1957) in exact rationals, then the minimum equilibrium
// prices as longest paths (Bellman–Ford on negated weights, Boost.Graph) in the graph of the
// assignment's envy constraints. Shares no code with `path` or `allocation-lp`.
//
// Net gains g_ak = v_ak − r_k − w_a. With seller surpluses s_k = p_k − r_k and buyer surpluses
// u_a the Shapley–Shubik dual is u_a + s_k >= g_ak, u, s >= 0; for an optimal assignment μ the
// least s satisfies s_k >= 0, s_k >= g_ak (a unassigned, u_a = 0), s_k >= g_ak − g_{aμa} + s_{μa}
// (a assigned): a longest-path problem from a source over goods, without positive cycles
// because μ is optimal. Goods no buyer holds get s = 0 (they are never raised: every constraint
// into them comes from a buyer who prefers his own good at s = 0 by optimality).
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/bellman_ford_shortest_paths.hpp>
#include <stdexcept>

#include "homotopy/methods.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

// Hungarian method for min-cost assignment of rows 1..R to distinct columns 1..C (R <= C),
// potentials form (exact arithmetic). Returns column of each row (0-based).
std::vector<int> hungarian(const std::vector<std::vector<Rational>>& cost) {
  const int R = static_cast<int>(cost.size()), C = static_cast<int>(cost[0].size());
  std::vector<Rational> u(R + 1, Rational(0)), v(C + 1, Rational(0));
  std::vector<int> p(C + 1, 0), way(C + 1, 0);
  for (int i = 1; i <= R; ++i) {
    p[0] = i;
    int j0 = 0;
    std::vector<std::optional<Rational>> minv(C + 1);
    std::vector<char> used(C + 1, 0);
    do {
      used[j0] = 1;
      const int i0 = p[j0];
      std::optional<Rational> delta;
      int j1 = -1;
      for (int j = 1; j <= C; ++j)
        if (!used[j]) {
          const Rational cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
          if (!minv[j] || cur < *minv[j]) {
            minv[j] = cur;
            way[j] = j0;
          }
          if (!delta || *minv[j] < *delta) {
            delta = *minv[j];
            j1 = j;
          }
        }
      for (int j = 0; j <= C; ++j)
        if (used[j]) {
          u[p[j]] += *delta;
          v[j] -= *delta;
        } else {
          *minv[j] -= *delta;
        }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  std::vector<int> col(R, -1);
  for (int j = 1; j <= C; ++j)
    if (p[j] > 0) col[p[j] - 1] = j - 1;
  return col;
}

}  // namespace

MepResult solve_hungarian_bf(const AllocationMarket& market) {
  const ReducedMarket r = reduce(endpoint(market));
  for (int a = 0; a < r.m; ++a)
    for (int k = 0; k < r.n; ++k)
      if (r.acceptable[a][k] && r.beta[a][k] != 1)
        throw std::invalid_argument("hungarian-bf needs transferable utility (every slope 1)");
  const int m = r.m, n = r.n;
  auto gain = [&](int a, int k) { return r.v1[a][k] - r.r1[k] - r.w1[a]; };
  // Columns: n goods, then m outside columns (buyer a's own at gain 0). Forbidden pairs cost
  // more than any assignment can gain, so they are never chosen (outside is always available).
  Rational big = 1;
  for (int a = 0; a < m; ++a)
    for (int k = 0; k < n; ++k)
      if (r.acceptable[a][k]) big += abs(gain(a, k));
  std::vector<std::vector<Rational>> cost(m, std::vector<Rational>(n + m, big));
  for (int a = 0; a < m; ++a) {
    for (int k = 0; k < n; ++k)
      if (r.acceptable[a][k]) cost[a][k] = -gain(a, k);
    cost[a][n + a] = 0;
  }
  const std::vector<int> col = hungarian(cost);
  std::vector<int> mu(m);
  for (int a = 0; a < m; ++a) mu[a] = col[a] < n ? col[a] : n + a;

  // Longest paths from a source (vertex n) to goods: Bellman–Ford on negated weights.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, Rational>>;
  Graph g(n + 1);
  const int source = n;
  for (int k = 0; k < n; ++k) boost::add_edge(source, k, Rational(0), g);  // s_k >= 0
  for (int a = 0; a < m; ++a)
    for (int k = 0; k < n; ++k) {
      if (!r.acceptable[a][k] || mu[a] == k) continue;
      if (mu[a] >= n)
        boost::add_edge(source, k, Rational(-gain(a, k)), g);
      else
        boost::add_edge(mu[a], k, Rational(-(gain(a, k) - gain(a, mu[a]))), g);
    }
  Rational inf = big * (n + 2) * 2 + 1;
  std::vector<Rational> dist(n + 1, inf);
  std::vector<std::size_t> pred(n + 1);
  for (std::size_t i = 0; i <= static_cast<std::size_t>(n); ++i) pred[i] = i;
  dist[source] = 0;
  const bool ok = boost::bellman_ford_shortest_paths(
      g, n + 1,
      boost::weight_map(boost::get(boost::edge_weight, g))
          .distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
          .predecessor_map(
              boost::make_iterator_property_map(pred.begin(), boost::get(boost::vertex_index, g)))
          .distance_inf(inf)
          .distance_combine([inf](const Rational& x, const Rational& y) -> Rational {
            return (x == inf || y == inf) ? inf : Rational(x + y);
          })
          .distance_compare([](const Rational& x, const Rational& y) { return x < y; }));
  if (!ok) throw std::logic_error("hungarian-bf: positive envy cycle (the assignment is not optimal)");
  std::vector<Rational> prices(n);
  for (int k = 0; k < n; ++k) prices[k] = r.r1[k] - dist[k];  // s_k = −dist_k
  auto s = grow_forest(r, mu, prices);
  if (!s) throw std::logic_error("hungarian-bf: the minimal prices have no generating forest");
  MepResult result;
  result.certificate = to_certificate(market, r, *s);
  return result;
}

}  // namespace equilab::homotopy
