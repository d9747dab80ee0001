#include "homotopy/path_core.h"

#include <algorithm>
#include <stdexcept>

namespace equilab::homotopy::path_detail {
namespace {

// Kuhn's augmenting paths: buyers to distinct acceptable real goods.
bool augment(const ReducedMarket& r, int a, std::vector<int>& owner, std::vector<char>& seen) {
  for (int k = 0; k < r.n; ++k) {
    if (!r.acceptable[a][k] || seen[k]) continue;
    seen[k] = 1;
    if (owner[k] < 0 || augment(r, owner[k], owner, seen)) {
      owner[k] = a;
      return true;
    }
  }
  return false;
}

}  // namespace

PathSetup make_setup(const AllocationMarket& market, const ReducedMarket& r) {
  // §7 trivial market: buyer a strictly prefers a distinct good σ(a) at reservation prices
  // (v_{a,σa} raised; the paper's "raise v_aa"); a buyer left without a good strictly prefers
  // his outside option (his values lowered). All goods are roots, no edges.
  // σ: buyer a takes the a-th ordinary good when he finds it acceptable (the paper's y_a);
  // augmenting paths then give the other buyers goods where possible.
  std::vector<int> owner(r.n, -1);
  for (int a = 0; a < std::min(r.m, r.n); ++a)
    if (r.acceptable[a][a]) owner[a] = a;
  for (int a = 0; a < r.m; ++a) {
    if (a < r.n && owner[a] == a) continue;
    std::vector<char> seen(r.n, 0);
    augment(r, a, owner, seen);
  }
  std::vector<int> sigma(r.m, -1);
  for (int k = 0; k < r.n; ++k)
    if (owner[k] >= 0) sigma[owner[k]] = k;
  auto start = r.v0;
  for (int a = 0; a < r.m; ++a) {
    if (sigma[a] >= 0) {
      const int k = sigma[a];
      Rational best = r.w0[a];
      for (int j = 0; j < r.n; ++j)
        if (j != k && r.acceptable[a][j])
          best = std::max(best, Rational(r.v0[a][j] - r.beta[a][j] * r.r0[j]));
      start[a][k] = std::max(r.v0[a][k], Rational(best + r.beta[a][k] * r.r0[k] + 1));
    } else {
      for (int j = 0; j < r.n; ++j)
        if (r.acceptable[a][j])
          start[a][j] = std::min(r.v0[a][j], Rational(r.w0[a] + r.beta[a][j] * r.r0[j] - 1));
    }
  }
  PathSetup setup;
  setup.allocation.resize(r.m);
  for (int a = 0; a < r.m; ++a) setup.allocation[a] = sigma[a] >= 0 ? sigma[a] : r.n + a;
  setup.legs.push_back({"start", start, r.v0, r.r0, r.r0});
  if (market.has_path) setup.legs.push_back({"path", r.v0, r.v1, r.r0, r.r1});
  return setup;
}

Forest::Forest(const ReducedMarket& r, const std::vector<int>& alloc)
    : m(r.m),
      n(r.n),
      total(r.n + r.m),
      allocation(alloc),
      parent(total, -1),
      holder(total, -1),
      children(total),
      on_path_(total, 0) {
  for (int a = 0; a < m; ++a) holder[allocation[a]] = a;
}

void Forest::clear_log() {
  parent_changed.clear();
  moved.clear();
  rehomed.clear();
}

void Forest::set_parent(int g, int p) {
  const int old = parent[g];
  if (old == p) return;
  if (old >= 0) {
    auto& c = children[old];
    c.erase(std::find(c.begin(), c.end(), g));
  }
  if (p >= 0) children[p].push_back(g);
  parent[g] = p;
}

void Forest::plant(int y) {
  clear_log();
  if (parent[y] >= 0) parent_changed.push_back(y);
  set_parent(y, -1);
}

bool Forest::is_ancestor(int y, int g) const {  // y on the path from g's root to g (inclusive)
  for (int t = g; t >= 0; t = parent[t])
    if (t == y) return true;
  return false;
}

// Rotates buyers along P = (y_1, ..., y_k, y_{k+1}) (each b_j on y_j moves to y_{j+1}),
// reverses the path's edges and moves every other edge out of y_j to y_{j+1} so that the same
// buyer prices it (§6.4, §6.5).
// Reconstruction: §6.4's prose example is garbled ("allocate x to y3 and use his indifference
// to price y3"); this follows the formal rule stated after it (rotate, reverse, drop (y2,y1),
// move off-path edges (y_i,y_j) to (y_{i+1},y_j)), which also gives the Figure 9 narrative.
// `cycle`: §6.4 (y_{k+1} = y_1, which keeps its predecessor); otherwise §6.5.
void Forest::rotate(const std::vector<int>& path, bool cycle) {
  const int k = static_cast<int>(path.size()) - 1;  // path[k] = y_{k+1}
  for (int g : path) on_path_[g] = 1;
  auto on_path = [&](int g) { return on_path_[g] != 0; };
  std::vector<int> goods, target;  // good -> its new predecessor (distinct goods)
  // Off-path successors of y_j move to y_{j+1} (j = 1..k).
  for (int j = 0; j < k; ++j)
    for (int g : children[path[j]])
      if (!on_path(g)) {
        goods.push_back(g);
        target.push_back(path[j + 1]);
      }
  // Reversed path edges (y_{j+1} -> y_j) for j >= 2, and (y_{j+1}, y_1) dropped.
  for (int j = 1; j < k; ++j) {
    goods.push_back(path[j]);
    target.push_back(path[j + 1]);
  }
  if (!cycle) {
    goods.push_back(path[0]);  // y_1 left unallocated: a root at reservation
    target.push_back(-1);
    goods.push_back(path[k]);  // y stays a root (it was an unallocated root)
    target.push_back(-1);
  }  // cycle: path[k] == path[0] keeps its predecessor
  std::vector<int> before(goods.size());
  for (std::size_t t = 0; t < goods.size(); ++t) before[t] = parent[goods[t]];
  // Detach everything first, then attach: no intermediate state is read.
  for (int g : goods) set_parent(g, -1);
  for (std::size_t t = 0; t < goods.size(); ++t) set_parent(goods[t], target[t]);
  for (std::size_t t = 0; t < goods.size(); ++t)
    if (parent[goods[t]] != before[t]) parent_changed.push_back(goods[t]);
  for (int g : path) on_path_[g] = 0;
  std::vector<int> holders(k);
  for (int j = 0; j < k; ++j) holders[j] = holder[path[j]];
  if (!cycle) {
    holder[path[0]] = -1;
    rehomed.push_back(path[0]);
  }
  for (int j = 0; j < k; ++j) {
    const int b = holders[j];
    allocation[b] = path[j + 1];
    holder[path[j + 1]] = b;
    moved.push_back(b);
    rehomed.push_back(path[j + 1]);
  }
}

Transition Forest::transition(int x, int y) {
  clear_log();
  const int eta = allocation[x];
  std::vector<int> chain;  // root ... eta
  for (int t = eta; t >= 0; t = parent[t]) chain.push_back(t);
  std::reverse(chain.begin(), chain.end());
  if (holder[y] < 0) {  // §6.5 Shift and Replant: y unallocated
    chain.push_back(y);
    rotate(chain, false);
    return Transition::ShiftAndReplant;
  }
  if (is_ancestor(y, eta)) {  // §6.4 Cyclic Reversal: y a predecessor of η
    std::vector<int> cycle(std::find(chain.begin(), chain.end(), y), chain.end());
    cycle.push_back(y);
    rotate(cycle, true);
    return Transition::CycleAndReverse;
  }
  const bool root = parent[y] < 0;
  set_parent(y, eta);
  parent_changed.push_back(y);
  return root ? Transition::Graft           // §6.1
              : Transition::PruneAndGraft;  // §6.3
}

GAStructure Forest::structure(const std::vector<Rational>& prices) const {
  GAStructure s;
  s.allocation = allocation;
  s.parent = parent;
  s.prices = prices;
  return s;
}

}  // namespace equilab::homotopy::path_detail
