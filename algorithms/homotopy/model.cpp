#include "homotopy/model.h"

#include <deque>
#include <functional>
#include <stdexcept>

#include "homotopy/structure.h"

namespace equilab::homotopy {

const char* to_string(Transition t) {
  switch (t) {
    case Transition::Graft:
      return "graft";
    case Transition::PruneAndPlant:
      return "prune_and_plant";
    case Transition::PruneAndGraft:
      return "prune_and_graft";
    case Transition::CycleAndReverse:
      return "cycle_and_reverse";
    case Transition::ShiftAndReplant:
      return "shift_and_replant";
  }
  return "?";
}

ReducedMarket reduce(const AllocationMarket& market) {
  ReducedMarket r;
  r.m = market.num_buyers();
  for (int i = 0; i < market.num_goods(); ++i)
    if (!market.goods[i].null) {
      r.real_goods.push_back(i);
      r.r0.push_back(market.goods[i].reservation);
      r.r1.push_back(market.reservation_to[i]);
    }
  r.n = static_cast<int>(r.real_goods.size());
  r.acceptable.assign(r.m, std::vector<char>(r.n, 0));
  r.v0.assign(r.m, std::vector<Rational>(r.n));
  r.v1 = r.v0;
  r.beta.assign(r.m, std::vector<Rational>(r.n, Rational(1)));
  r.w0.assign(r.m, Rational(0));
  for (int a = 0; a < r.m; ++a) {
    for (int k = 0; k < r.n; ++k) {
      const int i = r.real_goods[k];
      if (!market.utility[a][i]) continue;
      r.acceptable[a][k] = 1;
      r.v0[a][k] = market.utility[a][i]->value;
      r.v1[a][k] = market.value_to[a][i];
      r.beta[a][k] = market.utility[a][i]->slope;
    }
    for (int i = 0; i < market.num_goods(); ++i)
      if (market.goods[i].null && market.utility[a][i]) r.w0[a] = market.utility[a][i]->value;
  }
  r.w1 = r.w0;
  // A system of distinct acceptable null goods, one per buyer (the reader checked one exists).
  r.null_of.assign(r.m, -1);
  std::vector<int> owner(market.num_goods(), -1);
  std::function<bool(int, std::vector<char>&)> augment = [&](int a, std::vector<char>& seen) {
    for (int i = 0; i < market.num_goods(); ++i) {
      if (!market.goods[i].null || !market.utility[a][i] || seen[i]) continue;
      seen[i] = 1;
      if (owner[i] < 0 || augment(owner[i], seen)) {
        owner[i] = a;
        r.null_of[a] = i;
        return true;
      }
    }
    return false;
  };
  for (int a = 0; a < r.m; ++a) {
    std::vector<char> seen(market.num_goods(), 0);
    if (!augment(a, seen)) throw std::invalid_argument("no distinct null goods for the buyers");
  }
  return r;
}

AllocationMarket endpoint(const AllocationMarket& market) {
  AllocationMarket e = market;
  e.has_path = false;
  for (int a = 0; a < e.num_buyers(); ++a)
    for (int i = 0; i < e.num_goods(); ++i)
      if (e.utility[a][i]) e.utility[a][i]->value = market.value_to[a][i];
  for (int i = 0; i < e.num_goods(); ++i) e.goods[i].reservation = market.reservation_to[i];
  return e;
}

Certificate to_certificate(const AllocationMarket& market, const ReducedMarket& red, const GAStructure& s) {
  const int m = red.m, n = red.n;
  const std::vector<int>& null_of = red.null_of;  // a fixed system of distinct null goods
  auto good = [&](int g) { return g < n ? red.real_goods[g] : null_of[g - n]; };
  std::vector<int> holder(n + m, -1);
  for (int a = 0; a < m; ++a) holder[s.allocation[a]] = a;
  Certificate c;
  c.allocation.resize(m);
  for (int a = 0; a < m; ++a) c.allocation[a] = good(s.allocation[a]);
  c.prices.assign(market.num_goods(), Rational(0));
  for (int k = 0; k < n; ++k) c.prices[red.real_goods[k]] = s.prices[k];
  std::vector<char> is_root(market.num_goods(), 0);
  for (int i = 0; i < market.num_goods(); ++i)
    if (market.goods[i].null) is_root[i] = 1;
  for (int g = 0; g < n; ++g)
    if (s.parent[g] < 0) is_root[red.real_goods[g]] = 1;
  for (int i = 0; i < market.num_goods(); ++i)
    if (is_root[i]) c.roots.push_back(i);
  for (int g = 0; g < n + m; ++g)
    if (s.parent[g] >= 0) c.edges.push_back({good(s.parent[g]), good(g), holder[s.parent[g]]});
  return c;
}

// Grows a forest generating `prices` under allocation mu: roots are the goods at reservation
// (and the outside options), edges follow indifferences of the tail's buyer.
std::optional<GAStructure> grow_forest(const ReducedMarket& r, const std::vector<int>& mu,
                                       const std::vector<Rational>& p) {
  const int total = r.n + r.m;
  GAStructure s;
  s.allocation = mu;
  s.parent.assign(total, -1);
  s.prices.assign(total, Rational(0));
  for (int k = 0; k < r.n; ++k) s.prices[k] = p[k];
  std::vector<int> holder(total, -1);
  for (int a = 0; a < r.m; ++a) holder[mu[a]] = a;
  std::vector<char> seen(total, 0);
  std::deque<int> queue;
  for (int g = 0; g < total; ++g)
    if (g >= r.n || p[g] == r.r1[g]) {
      seen[g] = 1;
      queue.push_back(g);
    }
  auto utility = [&](int a, int g) { return g >= r.n ? r.w1[a] : r.v1[a][g] - r.beta[a][g] * p[g]; };
  while (!queue.empty()) {
    const int i = queue.front();
    queue.pop_front();
    const int a = holder[i];
    if (a < 0) continue;
    const Rational own = utility(a, i);
    for (int k = 0; k < r.n; ++k)
      if (!seen[k] && r.acceptable[a][k] && utility(a, k) == own) {
        seen[k] = 1;
        s.parent[k] = i;
        queue.push_back(k);
      }
  }
  for (int g = 0; g < total; ++g)
    if (!seen[g]) return std::nullopt;
  return s;
}

}  // namespace equilab::homotopy
