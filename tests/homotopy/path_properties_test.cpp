// RapidCheck properties of the `path` method's event list (issue 7; Caplin–Leahy 2010, §3.1 the
// GAME set, §4 paths, §6 the five transitions, §7 path following from a trivial market).
// Every check here is written out independently of the path code: the market at z is rebuilt
// from the leg's endpoints, and the competitive-equilibrium, forest and transition rules are
// re-derived from the paper's definitions.
// Default: RapidCheck's 100 cases per property; EQUILAB_PROPERTY_RUNS=N runs N.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/property_runs.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "core/json.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"

namespace equilab::homotopy {
namespace {

const bool kRunsConfigured = equilab::testing::configure_property_runs();

// ---------------------------------------------------------------------------------------------
// The market at a point of a leg (§4.2): v(z) = (1−z)v⁰ + z·v¹, r(z) likewise, as a market
// without a path (instance indexing; null goods keep price and reservation 0).
AllocationMarket market_at(const AllocationMarket& m, const Rational& z) {
  AllocationMarket at = m;
  at.has_path = false;
  for (int a = 0; a < m.num_buyers(); ++a)
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.utility[a][i]) {
        const Rational v = m.utility[a][i]->value + z * (m.value_to[a][i] - m.utility[a][i]->value);
        at.utility[a][i]->value = v;
        at.value_to[a][i] = v;
      }
  for (int i = 0; i < m.num_goods(); ++i) {
    const Rational r = m.goods[i].reservation + z * (m.reservation_to[i] - m.goods[i].reservation);
    at.goods[i].reservation = r;
    at.reservation_to[i] = r;
  }
  return at;
}

// The same instance with its endpoints swapped (z -> 1 − z).
AllocationMarket reversed(const AllocationMarket& m) {
  AllocationMarket r = m;
  for (int a = 0; a < m.num_buyers(); ++a)
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.utility[a][i]) {
        r.utility[a][i]->value = m.value_to[a][i];
        r.value_to[a][i] = m.utility[a][i]->value;
      }
  for (int i = 0; i < m.num_goods(); ++i) {
    r.goods[i].reservation = m.reservation_to[i];
    r.reservation_to[i] = m.goods[i].reservation;
  }
  return r;
}

// The instance's start point as a market without a path.
AllocationMarket start_point(const AllocationMarket& m) { return market_at(m, Rational(0)); }

Rational utility(const AllocationMarket& mk, int a, int i, const Rational& p) {
  return mk.utility[a][i]->value - mk.utility[a][i]->slope * p;
}

// A structure as parent pointers (instance goods; -1 for a root).
std::vector<int> parents_of(const AllocationMarket& mk, const Certificate& c) {
  std::vector<int> parent(mk.num_goods(), -1);
  for (const auto& e : c.edges) parent[e.to] = e.from;
  return parent;
}

std::vector<int> holders_of(const AllocationMarket& mk, const std::vector<int>& allocation) {
  std::vector<int> holder(mk.num_goods(), -1);
  for (int a = 0; a < static_cast<int>(allocation.size()); ++a) holder[allocation[a]] = a;
  return holder;
}

// q(μ,F) of eq. (2.1) at the market mk: roots at reservation (null goods at 0), a successor k
// of i held by a priced by U_a(i, q_i) = U_a(k, q_k), i.e. q_k = (v_ak − U_a(i, q_i))/β_ak.
// Empty when the edges do not form a forest whose tails are held by buyers who accept the head.
std::optional<std::vector<Rational>> generated_prices(const AllocationMarket& mk, const Certificate& c) {
  const int ng = mk.num_goods();
  const std::vector<int> parent = parents_of(mk, c), holder = holders_of(mk, c.allocation);
  std::vector<std::optional<Rational>> q(ng);
  for (int pass = 0; pass <= ng; ++pass)
    for (int g = 0; g < ng; ++g) {
      if (q[g]) continue;
      if (parent[g] < 0) {
        q[g] = mk.goods[g].null ? Rational(0) : mk.goods[g].reservation;
        continue;
      }
      const int i = parent[g], a = holder[i];
      if (!q[i] || a < 0 || !mk.utility[a][i] || !mk.utility[a][g]) continue;
      q[g] = (mk.utility[a][g]->value - utility(mk, a, i, *q[i])) / mk.utility[a][g]->slope;
    }
  std::vector<Rational> out;
  for (const auto& x : q) {
    if (!x) return std::nullopt;
    out.push_back(*x);
  }
  return out;
}

// Membership in the GAME set (§3.1) checked from the definitions: (μ, F) is a GA-structure
// (§2.2: F a rooted forest on the goods, every edge's tail and — the GAME condition — head
// allocated), its prices are the generated ones (roots at reservation, each edge an indifference
// of the tail's buyer) and (μ, p) is a competitive equilibrium (§2.1: μ_a ∈ D_a(p), p ≥ r, goods
// above reservation allocated).
// Such a price is the MEP (so no second solver is needed): if p̄ ≤ p is the MEP and
// S = {i : p̄_i < p_i} is not empty, S holds no root (roots sit at r ≤ p̄), so some k ∈ S has
// its parent i outside S. At p̄ the |S| buyers on S (every good of S is above reservation,
// hence allocated) and the buyer on i (indifferent between i and k at p, k now cheaper) demand
// only goods of S, while their other goods kept their prices: |S| + 1 buyers on |S| goods,
// so p̄ is no equilibrium price — a contradiction.
// Returns the first failure, empty when the structure is in the GAME set at mk.
std::string game_failure(const AllocationMarket& mk, const Certificate& c) {
  const int nb = mk.num_buyers(), ng = mk.num_goods();
  if (static_cast<int>(c.allocation.size()) != nb || static_cast<int>(c.prices.size()) != ng)
    return "sizes do not match the market";
  std::vector<int> holder(ng, -1);
  for (int a = 0; a < nb; ++a) {
    const int g = c.allocation[a];
    if (g < 0 || g >= ng || !mk.utility[a][g]) return "buyer " + mk.buyers[a] + " holds no acceptable good";
    if (holder[g] >= 0) return "good " + mk.goods[g].name + " held twice";
    holder[g] = a;
  }
  // Forest: roots listed once; every other good the head of exactly one edge; the null goods are
  // roots (price and reservation 0); no cycles.
  std::vector<char> is_root(ng, 0);
  for (int r : c.roots) {
    if (r < 0 || r >= ng || is_root[r]) return "bad root list";
    is_root[r] = 1;
  }
  std::vector<int> in_degree(ng, 0);
  for (const auto& e : c.edges) {
    if (e.from < 0 || e.from >= ng || e.to < 0 || e.to >= ng) return "edge out of range";
    ++in_degree[e.to];
    if (holder[e.from] < 0 || holder[e.from] != e.buyer)
      return "the tail " + mk.goods[e.from].name + " of an edge is not held by the edge's buyer";
    if (holder[e.to] < 0) return "the head " + mk.goods[e.to].name + " of an edge is unallocated (GAME, §3.1)";
    if (!mk.utility[e.buyer][e.to]) return "an edge's buyer does not accept its head";
  }
  for (int g = 0; g < ng; ++g) {
    if (mk.goods[g].null && !is_root[g]) return "null good " + mk.goods[g].name + " is not a root";
    if (in_degree[g] != (is_root[g] ? 0 : 1)) return "good " + mk.goods[g].name + " is neither a root nor one edge's head";
  }
  const std::vector<int> parent = parents_of(mk, c);
  for (int g = 0; g < ng; ++g) {
    int t = g, steps = 0;
    while (parent[t] >= 0 && steps <= ng) t = parent[t], ++steps;
    if (steps > ng) return "the edges contain a cycle";
  }
  // Generated prices (eq. 2.1), checked as equations on the reported prices.
  for (int g = 0; g < ng; ++g) {
    const Rational r = mk.goods[g].null ? Rational(0) : mk.goods[g].reservation;
    if (is_root[g] && c.prices[g] != r) return "root " + mk.goods[g].name + " is not at its reservation";
    if (c.prices[g] < r) return "good " + mk.goods[g].name + " is below its reservation";
    if (c.prices[g] > r && holder[g] < 0) return "good " + mk.goods[g].name + " is above reservation but unallocated";
  }
  for (const auto& e : c.edges)
    if (utility(mk, e.buyer, e.from, c.prices[e.from]) != utility(mk, e.buyer, e.to, c.prices[e.to]))
      return "edge " + mk.goods[e.from].name + "->" + mk.goods[e.to].name + " is not an indifference";
  // Demand.
  for (int a = 0; a < nb; ++a) {
    const Rational own = utility(mk, a, c.allocation[a], c.prices[c.allocation[a]]);
    for (int g = 0; g < ng; ++g)
      if (mk.utility[a][g] && utility(mk, a, g, c.prices[g]) > own)
        return "buyer " + mk.buyers[a] + " prefers " + mk.goods[g].name;
  }
  return "";
}

// The number of "extra" ties of a GAME structure at mk (§3, §6): indifferences of a buyer to a
// good that is not his good's successor in F, and non-root goods at reservation. A regular
// path (§4.3) has none between events and exactly one on each side of an event.
int degeneracies(const AllocationMarket& mk, const Certificate& c) {
  int count = 0;
  std::set<std::pair<int, int>> edges;
  for (const auto& e : c.edges) edges.insert({e.from, e.to});
  for (int a = 0; a < mk.num_buyers(); ++a) {
    const int own = c.allocation[a];
    const Rational u = utility(mk, a, own, c.prices[own]);
    for (int g = 0; g < mk.num_goods(); ++g)
      if (g != own && mk.utility[a][g] && !edges.count({own, g}) && utility(mk, a, g, c.prices[g]) == u) ++count;
  }
  for (const auto& e : c.edges)
    if (c.prices[e.to] == mk.goods[e.to].reservation) ++count;
  return count;
}

// The structure (μ, F) of `c` with prices regenerated at mk (the same forest at another z).
Certificate repriced(const AllocationMarket& mk, Certificate c) {
  auto q = generated_prices(mk, c);
  RC_ASSERT(q.has_value());
  c.prices = *q;
  return c;
}

using EdgeSet = std::set<std::tuple<int, int, int>>;  // (tail, head, buyer)
EdgeSet edge_set(const Certificate& c) {
  EdgeSet s;
  for (const auto& e : c.edges) s.insert({e.from, e.to, e.buyer});
  return s;
}
bool same_structure(const Certificate& x, const Certificate& y) {
  std::vector<int> rx = x.roots, ry = y.roots;
  std::sort(rx.begin(), rx.end());
  std::sort(ry.begin(), ry.end());
  return x.allocation == y.allocation && rx == ry && edge_set(x) == edge_set(y);
}

// The §6 transition applied to `before`, re-derived from the paper's formal rules (instance
// goods; a null good is an always-priced-at-0 root, so an unassigned buyer's null good plays
// the paper's outside option). Returns the expected type and structure (allocation, edges,
// roots = goods with no incoming edge; edge buyers = the tails' new holders).
struct Expected {
  Transition type{};
  Certificate structure;
};
Expected apply_transition(const AllocationMarket& mk, const Certificate& before, const PathEvent& e) {
  const int ng = mk.num_goods();
  std::vector<int> parent = parents_of(mk, before);
  std::vector<int> allocation = before.allocation;
  const std::vector<int> holder = holders_of(mk, allocation);
  Expected out;
  std::set<std::pair<int, int>> E;
  for (const auto& ed : before.edges) E.insert({ed.from, ed.to});
  const int y = e.good;
  if (e.type == Transition::PruneAndPlant) {
    // §6.2: y falls to reservation; the link to its predecessor is severed, μ unchanged.
    out.type = Transition::PruneAndPlant;
    E.erase({parent[y], y});
  } else {
    const int x = e.buyer, eta = allocation[x];
    std::vector<int> chain;  // root ... η
    for (int t = eta; t >= 0; t = parent[t]) chain.insert(chain.begin(), t);
    const bool y_is_predecessor = std::find(chain.begin(), chain.end(), y) != chain.end();
    if (holder[y] < 0 || y_is_predecessor) {
      // §6.5 (y unallocated: P = y_1 (root) ... η, y) or §6.4 (y a predecessor of η: the cycle
      // C = y_1 = y ... η, y). Add (η, y); rotate the buyers on P/C one step forward; reverse the
      // edges of P/C; drop (y_2, y_1); move every other edge (y_i, w) to (y_{i+1}, w).
      const bool cycle = holder[y] >= 0;
      out.type = cycle ? Transition::CycleAndReverse : Transition::ShiftAndReplant;
      std::vector<int> P;
      if (cycle) P.assign(std::find(chain.begin(), chain.end(), y), chain.end());
      else P = chain;
      P.push_back(y);
      const int k = static_cast<int>(P.size()) - 1;  // P[k] = y_{k+1} (= y_1 for a cycle)
      E.insert({eta, y});
      std::set<std::pair<int, int>> on_path_edges;
      std::map<int, int> next;  // y_i -> y_{i+1}
      for (int t = 0; t < k; ++t) {
        on_path_edges.insert({P[t], P[t + 1]});
        next[P[t]] = P[t + 1];
      }
      const std::set<int> on_path(P.begin(), P.end());
      std::set<std::pair<int, int>> F;
      for (const auto& [i, j] : E) {
        if (on_path_edges.count({i, j})) continue;  // reversed below
        if (next.count(i) && !on_path.count(j)) F.insert({next.at(i), j});
        else F.insert({i, j});
      }
      for (int t = 1; t < k; ++t) F.insert({P[t + 1], P[t]});  // reversed; (y_2, y_1) dropped
      E = F;
      for (int t = 0; t < k; ++t) allocation[holder[P[t]]] = P[t + 1];
    } else {
      // §6.1 (y an allocated root) or §6.3 (otherwise): y's old link (if any) is cut and
      // (η, y) added; μ unchanged.
      out.type = parent[y] < 0 ? Transition::Graft : Transition::PruneAndGraft;
      if (parent[y] >= 0) E.erase({parent[y], y});
      E.insert({eta, y});
    }
  }
  const std::vector<int> new_holder = holders_of(mk, allocation);
  out.structure.allocation = allocation;
  std::vector<char> has_parent(ng, 0);
  for (const auto& [i, j] : E) {
    out.structure.edges.push_back({i, j, new_holder[i]});
    has_parent[j] = 1;
  }
  for (int g = 0; g < ng; ++g)
    if (!has_parent[g]) out.structure.roots.push_back(g);
  return out;
}

PathOptions recording() {
  PathOptions o;
  o.record_structures = true;
  return o;
}

// ---------------------------------------------------------------------------------------------
// The checkers themselves on hand-made structures.

// A TU market with r = 0, null goods out_<buyer> valued 0, values[a][k] for ordinary good k
// (absent: not acceptable).
AllocationMarket hand_market(const std::vector<std::vector<std::optional<int>>>& values, int goods) {
  auto label = [](const char* prefix, int k) {  // appended, not `prefix + ...` (GCC 12 -Wrestrict)
    std::string s(prefix);
    s += std::to_string(k);
    return s;
  };
  AllocationMarket m;
  const int nb = static_cast<int>(values.size());
  for (int a = 0; a < nb; ++a) m.buyers.push_back(label("x", a + 1));
  for (int k = 0; k < goods; ++k) m.goods.push_back({label("y", k + 1), Rational(0), false});
  for (int a = 0; a < nb; ++a) m.goods.push_back({label("out", a + 1), Rational(0), true});
  m.utility.assign(nb, std::vector<std::optional<UtilityTerm>>(m.num_goods()));
  m.value_to.assign(nb, std::vector<Rational>(m.num_goods()));
  for (int a = 0; a < nb; ++a) {
    for (int k = 0; k < goods; ++k)
      if (values[a][k]) m.utility[a][k] = UtilityTerm{Rational(*values[a][k]), Rational(1)};
    m.utility[a][goods + a] = UtilityTerm{Rational(0), Rational(1)};
  }
  m.reservation_to.assign(m.num_goods(), Rational(0));
  return m;
}

Certificate structure(std::vector<int> allocation, std::vector<int> roots, std::vector<ForestEdge> edges,
                      std::vector<Rational> prices = {}) {
  Certificate c;
  c.allocation = std::move(allocation);
  c.roots = std::move(roots);
  c.edges = std::move(edges);
  c.prices = std::move(prices);
  return c;
}

// §6.4, Figure 8: x_i on y_i, E = {(y1,y2), (y2,y3)}, x3 (on η = y3) becomes indifferent to
// y = y1. By the formal rule: x1 -> y2, x2 -> y3, x3 -> y1; the cycle's edges reversed with
// (y2,y1) dropped: (y3,y2) priced by x2 and (y1,y3) priced by x3; y1 stays the root.
TEST(PathPropertiesCheckers, CyclicReversalOfFigure8) {
  const AllocationMarket m = hand_market({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, 3);
  const Certificate before = structure({0, 1, 2}, {0, 3, 4, 5}, {{0, 1, 0}, {1, 2, 1}});
  PathEvent e;
  e.type = Transition::CycleAndReverse;
  e.buyer = 2;
  e.good = 0;
  const Expected x = apply_transition(m, before, e);
  EXPECT_EQ(x.type, Transition::CycleAndReverse);
  EXPECT_TRUE(same_structure(x.structure, structure({1, 2, 0}, {0, 3, 4, 5}, {{2, 1, 1}, {0, 2, 2}})));
}

// §6.5, Figure 9: x_i on y_i (i = 1..3), y4 unallocated, E = {(y1,y2), (y2,y3)}; x3 becomes
// indifferent to y4: x3 -> y4, x2 -> y3, x1 -> y2, edges (y4,y3) by x3 and (y3,y2) by x2; y1
// unallocated root, y4 a root. An edge (y2, y5) off the path moves to (y3, y5) (same buyer x2).
TEST(PathPropertiesCheckers, ShiftAndReplantOfFigure9) {
  const AllocationMarket m =
      hand_market({{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}}, 6);
  // x4 holds y5 (priced off y2 by x2); y6 is an unallocated root.
  const Certificate before =
      structure({0, 1, 2, 4}, {0, 3, 5, 6, 7, 8, 9}, {{0, 1, 0}, {1, 2, 1}, {1, 4, 1}});
  PathEvent e;
  e.type = Transition::ShiftAndReplant;
  e.buyer = 2;
  e.good = 3;
  const Expected x = apply_transition(m, before, e);
  EXPECT_EQ(x.type, Transition::ShiftAndReplant);
  EXPECT_TRUE(same_structure(
      x.structure, structure({1, 2, 3, 4}, {0, 3, 5, 6, 7, 8, 9}, {{3, 2, 2}, {2, 1, 1}, {2, 4, 1}})));
}

// §6.1 / §6.3 / §6.2 on two trees y1 -> y2 and y3 (x_i on y_i): x2 becomes indifferent to the
// root y3 (graft); then x1 to y3, now below y2 (prune and graft); then y2 falls to reservation
// (prune and plant).
TEST(PathPropertiesCheckers, GraftPruneAndGraftPruneAndPlant) {
  const AllocationMarket m = hand_market({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}, 3);
  const Certificate before = structure({0, 1, 2}, {0, 2, 3, 4, 5}, {{0, 1, 0}});
  PathEvent e;
  e.type = Transition::Graft;
  e.buyer = 1;
  e.good = 2;
  Expected x = apply_transition(m, before, e);
  EXPECT_EQ(x.type, Transition::Graft);
  EXPECT_TRUE(same_structure(x.structure, structure({0, 1, 2}, {0, 3, 4, 5}, {{0, 1, 0}, {1, 2, 1}})));
  // Then x1 becomes indifferent to y3 (allocated, not a root, not a predecessor of y1).
  e.type = Transition::PruneAndGraft;
  e.buyer = 0;
  x = apply_transition(m, x.structure, e);
  EXPECT_EQ(x.type, Transition::PruneAndGraft);
  EXPECT_TRUE(same_structure(x.structure, structure({0, 1, 2}, {0, 3, 4, 5}, {{0, 1, 0}, {0, 2, 0}})));
  // Then y2 falls to reservation.
  e.type = Transition::PruneAndPlant;
  e.buyer = -1;
  e.good = 1;
  x = apply_transition(m, x.structure, e);
  EXPECT_EQ(x.type, Transition::PruneAndPlant);
  EXPECT_TRUE(same_structure(x.structure, structure({0, 1, 2}, {0, 1, 3, 4, 5}, {{0, 2, 0}})));
}

// GAME membership on the market of catalog row 7_nonmonotone_prices at z = 1/6 (TU, r = 0,
// v_a1 = 11/2, v_a2 = 5, v_b1 = 9, v_b2 = 17/2; hand computation): a on g2, b on g1, g2 a root
// at 0, edge g2 -> g1 by a: 5 − 0 = 11/2 − p1 gives p1 = 1/2; b gets 9 − 1/2 = 17/2 from
// either good. Its ties: b indifferent to g2 (1), so it is an event point.
TEST(PathPropertiesCheckers, GameMembershipByHand) {
  AllocationMarket m = hand_market({{0, 5}, {9, 0}}, 2);
  m.utility[0][0]->value = Rational(11, 2);
  m.utility[1][1]->value = Rational(17, 2);
  const std::vector<Rational> p{Rational(1, 2), Rational(0), Rational(0), Rational(0)};
  const Certificate c = structure({1, 0}, {1, 2, 3}, {{1, 0, 0}}, p);
  EXPECT_EQ(game_failure(m, c), "");
  EXPECT_EQ(generated_prices(m, c), std::optional<std::vector<Rational>>(p));
  EXPECT_EQ(degeneracies(m, c), 1);
  // The other structure at this point (a on g1, b on g2, edge g2 -> g1 by b) is in the set too.
  const Certificate d = structure({0, 1}, {1, 2, 3}, {{1, 0, 1}}, p);
  EXPECT_EQ(game_failure(m, d), "");
  EXPECT_EQ(degeneracies(m, d), 1);
  // Failures: a price that makes an edge no indifference, a root above reservation, a good
  // above reservation left unallocated (also an edge's head), a buyer not on a demanded good.
  Certificate bad = c;
  bad.prices[0] = 1;
  EXPECT_NE(game_failure(m, bad), "");
  bad = structure({1, 0}, {0, 1, 2, 3}, {}, p);
  EXPECT_NE(game_failure(m, bad), "");  // g1 at 1/2 but a root
  bad = structure({1, 3}, {1, 2, 3}, {{1, 0, 0}}, p);
  EXPECT_NE(game_failure(m, bad), "");  // g1 above reservation, unallocated, the head of an edge
  bad = structure({0, 1}, {0, 1, 2, 3}, {}, {Rational(0), Rational(0), Rational(0), Rational(0)});
  EXPECT_NE(game_failure(m, bad), "");  // at reservation prices b prefers g1 (9 > 17/2)
}

// Catalog row caplin_leahy_2010/7_nonmonotone_173_34 (§7's monotonicity claim is false): the
// hand computation of its note, event by event. The trivial start of the path method is written
// out as an explicit path (b1 on g1 with v = 9, b2 on g2 with v = 8, b3 on g3 with v = 6, b4 on
// out4 valuing g3 at −1) so that every event can be checked in the GAME set and as a tie.
TEST(PathPropertiesCatalog, NonmonotoneRowPeaksAt173Over34) {
  const std::string file = std::string(EQUILAB_SOURCE_DIR) + "/catalog/caplin_leahy_2010/7_nonmonotone_173_34.json";
  const Json row = load_json_file(file);
  const AllocationMarket m = read_allocation_market_json(JsonNode(row.at("instance"), file, "/instance"));
  ASSERT_FALSE(m.has_path);
  // Hand computation (the row's note): z, type, prices (g1, g2, g3) after each event.
  struct Hand {
    Rational z;
    Transition type;
    std::vector<Rational> p;
  };
  const std::vector<Hand> hand{
      {Rational(1, 10), Transition::Graft, {1, 0, 0}},
      {Rational(1, 7), Transition::Graft, {1, 0, Rational(3, 14)}},
      {Rational(3, 20), Transition::Graft, {1, Rational(1, 20), Rational(1, 4)}},
      {Rational(19, 34), Transition::ShiftAndReplant, {Rational(173, 34), 7, Rational(39, 17)}},
      {Rational(3, 4), Transition::PruneAndPlant, {Rational(15, 4), 7, 0}},
  };
  const std::vector<Rational> final_prices{2, 7, 0, 0, 0, 0, 0};
  auto check_events = [&](const std::vector<PathEvent>& events) {
    ASSERT_EQ(events.size(), hand.size());
    for (std::size_t k = 0; k < hand.size(); ++k) {
      EXPECT_EQ(events[k].z, hand[k].z) << k;
      EXPECT_EQ(events[k].type, hand[k].type) << k;
      for (int g = 0; g < 3; ++g) EXPECT_EQ(events[k].prices[g], hand[k].p[g]) << k << " " << g;
    }
  };
  const MepResult r = solve_path(m);
  check_events(r.events);
  EXPECT_EQ(r.certificate.prices, final_prices);
  // The explicit start leg.
  AllocationMarket leg = m;
  leg.has_path = true;
  leg.utility[0][0]->value = 9;
  leg.utility[2][2]->value = 6;
  leg.utility[3][2]->value = -1;
  const MepResult e = solve_path(leg, recording());
  check_events(e.events);
  Certificate before = structure({0, 1, 2, 6}, {0, 1, 2, 3, 4, 5, 6}, {}, {1, 0, 0, 0, 0, 0, 0});
  for (const PathEvent& ev : e.events) {
    EXPECT_EQ(ev.leg, "path");
    const AllocationMarket mk = market_at(leg, ev.z);
    before.prices = *generated_prices(mk, before);
    EXPECT_EQ(game_failure(mk, before), "") << equilab::to_string(ev.z);
    EXPECT_EQ(game_failure(mk, *ev.structure_after), "") << equilab::to_string(ev.z);
    EXPECT_EQ(degeneracies(mk, before), 1) << equilab::to_string(ev.z);  // one tie: a generic path
    EXPECT_EQ(degeneracies(mk, *ev.structure_after), 1) << equilab::to_string(ev.z);
    before = *ev.structure_after;
  }
  EXPECT_EQ(e.certificate.prices, final_prices);
  // Independent method: allocation-lp's MEP at the peak and at the end.
  AllocationMarket peak = market_at(leg, Rational(19, 34));
  EXPECT_EQ(peak.utility[0][0]->value, Rational(173, 34));
  EXPECT_EQ(peak.utility[2][2]->value, Rational(109, 34));
  EXPECT_EQ(peak.utility[3][2]->value, Rational(78, 17));
  const std::vector<Rational> at_peak{Rational(173, 34), 7, Rational(39, 17), 0, 0, 0, 0};
  EXPECT_EQ(solve_allocation_lp(peak).certificate.prices, at_peak);
  EXPECT_EQ(solve_allocation_lp(m).certificate.prices, final_prices);
}

// ---------------------------------------------------------------------------------------------
// Instances.

gen::AllocationMarketGenOptions draw_options(Random& sizes, bool path) {
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 4));
  o.goods = static_cast<int>(sizes.uniform_int(0, 5));
  o.tu = sizes.bernoulli(1, 3);
  o.integer = sizes.bernoulli(1, 4);
  o.path = path;
  o.max_value = static_cast<int>(sizes.uniform_int(3, 20));
  return o;
}

// A generated market with a random path (v⁰, r⁰) -> (v¹, r¹) (§4.2).
AllocationMarket draw_path_market() {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x5bd1e9955bd1e995ULL);
  const auto o = draw_options(sizes, true);
  RC_TAG(o.buyers, o.goods);
  AllocationMarket m = gen::generate_allocation_market(seed, o);
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  return m;
}

// §7's path from a trivial market: the target market v¹ is generated; v⁰ equals it except that
// buyer a (a < n) values the a-th ordinary good by a margin above his best alternative at
// reservation prices (the paper's "raise v_aa"), and a buyer without a good (a ≥ n) values
// every ordinary good below his null good at reservation prices. Reservations stay fixed.
// The trivial GA-structure (each buyer on his good, all goods roots at reservation, no edges)
// is then the unique GAME structure at v⁰ (§7).
struct TrivialPath {
  AllocationMarket market;
  Certificate trivial;
};
TrivialPath draw_trivial_path() {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x2545f4914f6cdd1dULL);
  const auto o = draw_options(sizes, false);
  RC_TAG(o.buyers, o.goods);
  AllocationMarket m = gen::generate_allocation_market(seed, o);
  const int nb = m.num_buyers(), n = o.goods;  // ordinary goods are 0..n−1, null good n + a
  for (int a = 0; a < std::min(nb, n); ++a)
    if (!m.utility[a][a]) {
      m.utility[a][a] = UtilityTerm{sizes.uniform_rational(0, o.max_value, 3), Rational(sizes.uniform_int(1, 3), 2)};
      m.value_to[a][a] = m.utility[a][a]->value;
    }
  m.has_path = true;
  TrivialPath t;
  t.trivial.allocation.resize(nb);
  t.trivial.prices.assign(m.num_goods(), Rational(0));
  for (int i = 0; i < m.num_goods(); ++i) {
    t.trivial.prices[i] = m.goods[i].reservation;
    t.trivial.roots.push_back(i);
  }
  for (int a = 0; a < nb; ++a) {
    Rational margin = sizes.uniform_rational(0, 4, 4);
    if (margin == 0) margin = Rational(1, 2);
    const Rational w = m.utility[a][n + a]->value;
    if (a < n) {
      Rational best = w;
      for (int j = 0; j < n; ++j)
        if (j != a && m.utility[a][j]) best = std::max(best, utility(m, a, j, m.goods[j].reservation));
      auto& t_aa = *m.utility[a][a];
      t_aa.value = std::max(t_aa.value, Rational(best + t_aa.slope * m.goods[a].reservation + margin));
      t.trivial.allocation[a] = a;
    } else {
      for (int j = 0; j < n; ++j)
        if (m.utility[a][j])
          m.utility[a][j]->value =
              std::min(m.utility[a][j]->value, Rational(w + m.utility[a][j]->slope * m.goods[j].reservation - margin));
      t.trivial.allocation[a] = n + a;
    }
  }
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  t.market = m;
  return t;
}

// Property (a) on one leg: every event's structure before (`before`, the previous structure)
// and after are GAME structures at the event's parameters; the event is a real tie of the
// structure before; its type is the one §6 assigns to the position of y, and the structure
// after is the one §6's rule produces. Returns the last structure.
Certificate check_leg(const AllocationMarket& m, const std::vector<PathEvent>& events, Certificate before) {
  bool simultaneous = false;
  for (std::size_t k = 1; k < events.size(); ++k) simultaneous = simultaneous || events[k].z == events[k - 1].z;
  RC_CLASSIFY(simultaneous, "simultaneous events");  // the path's documented tie rule at work
  Rational last_z = 0;
  for (const PathEvent& e : events) {
    RC_ASSERT(e.structure_after.has_value());
    RC_ASSERT(e.z >= last_z);
    RC_ASSERT(e.z <= Rational(1));
    last_z = e.z;
    const AllocationMarket mk = market_at(m, e.z);
    const Certificate b = repriced(mk, before);
    const Certificate& after = *e.structure_after;
    RC_LOG() << "event z=" << equilab::to_string(e.z) << " " << to_string(e.type) << " buyer " << e.buyer << " good " << e.good
             << "\n";
    if (auto f = game_failure(mk, b); !f.empty()) RC_FAIL("structure before the event: " + f);
    if (auto f = game_failure(mk, after); !f.empty()) RC_FAIL("structure after the event: " + f);
    // Prices are continuous through the event and generated by both structures.
    RC_ASSERT(b.prices == e.prices);
    RC_ASSERT(after.prices == e.prices);
    RC_ASSERT(after.allocation == e.allocation_after);
    // The tie that triggers the event.
    if (e.type == Transition::PruneAndPlant) {
      RC_ASSERT(e.buyer == -1);
      RC_ASSERT(!mk.goods[e.good].null);
      RC_ASSERT(std::find(b.roots.begin(), b.roots.end(), e.good) == b.roots.end());
      RC_ASSERT(b.prices[e.good] == mk.goods[e.good].reservation);
    } else {
      RC_ASSERT(e.buyer >= 0);
      const int eta = b.allocation[e.buyer];
      RC_ASSERT(e.from_good == eta);
      RC_ASSERT(e.good != eta);
      RC_ASSERT(mk.utility[e.buyer][e.good].has_value());
      RC_ASSERT(utility(mk, e.buyer, eta, b.prices[eta]) == utility(mk, e.buyer, e.good, b.prices[e.good]));
    }
    const Expected x = apply_transition(mk, b, e);
    RC_ASSERT(to_string(x.type) == std::string(to_string(e.type)));
    RC_ASSERT(same_structure(x.structure, after));
    before = after;
  }
  return before;
}

// (a) §7 from a trivial market: the whole run is on the instance's leg (the start leg is
// trivial -> trivial and has no events), it starts at the trivial structure and ends at a GAME
// structure of the target market.
RC_GTEST_PROP(PathProperties, TrivialStartEveryEventIsInTheGameSet, ()) {
  const TrivialPath t = draw_trivial_path();
  const AllocationMarket& m = t.market;
  RC_ASSERT(game_failure(start_point(m), t.trivial).empty());
  RC_ASSERT(degeneracies(start_point(m), t.trivial) == 0);
  const MepResult r = solve_path(m, recording());
  for (const auto& e : r.events) RC_ASSERT(e.leg == std::string("path"));
  RC_TAG(r.events.empty() ? "no events" : "events");
  const Certificate last = check_leg(m, r.events, t.trivial);
  RC_ASSERT(same_structure(last, r.certificate));
  const AllocationMarket end = market_at(m, Rational(1));
  RC_ASSERT(r.certificate.prices == repriced(end, last).prices);
  if (auto f = game_failure(end, r.certificate); !f.empty()) RC_FAIL("final structure: " + f);
}

// (a) on a general path (§4.2): the events of the instance's own leg, starting from the GAME
// structure the method reaches at v⁰ (itself checked at v⁰). The events of the start leg are
// not checked here: that leg starts from the method's own trivial market (the test above
// covers §7 from a trivial market with both ends known).
RC_GTEST_PROP(PathProperties, GeneralPathEveryEventIsInTheGameSet, ()) {
  const AllocationMarket m = draw_path_market();
  const MepResult r = solve_path(m, recording());
  const Certificate s0 = solve_path(start_point(m)).certificate;
  if (auto f = game_failure(start_point(m), s0); !f.empty()) RC_FAIL("structure at v0: " + f);
  std::vector<PathEvent> path_events;
  for (const auto& e : r.events)
    if (e.leg == "path") path_events.push_back(e);
  RC_TAG(path_events.empty() ? "no path events" : "path events");
  const Certificate last = check_leg(m, path_events, s0);
  RC_ASSERT(same_structure(last, r.certificate));
  if (auto f = game_failure(market_at(m, Rational(1)), r.certificate); !f.empty()) RC_FAIL("final structure: " + f);
}

// (b) Path reversal. On a regular path (§4.3) the GAME set is a single structure S_j on each
// open interval (z_j, z_{j+1}) between events and two structures {S_{j−1}, S_j} at z_j; hence
// the reversed instance (v¹ -> v⁰, so z -> 1 − z) must visit S_k, ..., S_0:
//   - its run reaches v¹ (end of its start leg) at S_k, the forward run's final structure;
//   - its i-th path event is at 1 − z_{k+1−i}, with the same prices, and leaves S_{k−i};
//   - its final structure is S_0, the forward run's structure at v⁰;
//   - the types pair up: a graft undone is a prune and plant and vice versa; prune and
//     graft, cyclic reversal and shift and replant undo into the same type.
// Regularity is checked independently on the forward run: events strictly inside (0, 1) at
// distinct z, exactly one tie on each side of each event and none at the midpoints between
// events or at the ends. Draws that fail it are discarded.
// Why no tie means one GAME structure: at prices p with no tie, a buyer demands only his good
// and its successors in F, and every non-root is above reservation. Another CE allocation at p
// would move some buyer down to a successor, whose (allocated, above-reservation) holder must
// move down too, and so on down to a leaf's holder, who demands only his leaf; so μ is the only
// one. A forest generating p under μ uses only indifference edges (those of F) and has its
// roots among F's (the others are above reservation), so it is F.
struct Run {
  std::vector<PathEvent> events;  // the path leg
  Certificate start, end;         // at v⁰ and v¹
};
Run path_run(const AllocationMarket& m) {
  Run run;
  const MepResult r = solve_path(m, recording());
  for (const auto& e : r.events)
    if (e.leg == "path") run.events.push_back(e);
  run.start = solve_path(start_point(m)).certificate;
  run.end = r.certificate;
  return run;
}

bool regular(const AllocationMarket& m, const Run& run) {
  std::vector<Certificate> s{run.start};
  std::vector<Rational> z{Rational(0)};
  for (const auto& e : run.events) {
    if (e.z <= z.back() || e.z >= Rational(1)) return false;
    const AllocationMarket mk = market_at(m, e.z);
    if (degeneracies(mk, repriced(mk, s.back())) != 1 || degeneracies(mk, *e.structure_after) != 1) return false;
    s.push_back(*e.structure_after);
    z.push_back(e.z);
  }
  z.push_back(Rational(1));
  if (degeneracies(start_point(m), run.start) != 0) return false;
  if (degeneracies(market_at(m, Rational(1)), run.end) != 0) return false;
  for (std::size_t j = 0; j < s.size(); ++j) {
    const AllocationMarket mk = market_at(m, (z[j] + z[j + 1]) / 2);
    if (degeneracies(mk, repriced(mk, s[j])) != 0) return false;
  }
  return true;
}

Transition undone(Transition t) {
  if (t == Transition::Graft) return Transition::PruneAndPlant;
  if (t == Transition::PruneAndPlant) return Transition::Graft;
  return t;
}

void check_reversal(const AllocationMarket& m) {
  const Run fwd = path_run(m);
  RC_PRE(regular(m, fwd));
  RC_TAG(fwd.events.size());
  const AllocationMarket rm = reversed(m);
  RC_LOG() << "reversed: " << write_allocation_market_json(rm).dump() << "\n";
  const Run rev = path_run(rm);
  const std::size_t k = fwd.events.size();
  RC_ASSERT(same_structure(rev.start, fwd.end));
  RC_ASSERT(rev.start.prices == fwd.end.prices);
  RC_ASSERT(rev.events.size() == k);
  for (std::size_t i = 1; i <= k; ++i) {
    const PathEvent& g = rev.events[i - 1];
    const PathEvent& f = fwd.events[k - i];  // f_{k+1−i}
    RC_ASSERT(g.z == Rational(1) - f.z);
    RC_ASSERT(g.prices == f.prices);
    RC_ASSERT(std::string(to_string(g.type)) == to_string(undone(f.type)));
    const Certificate& expected = k - i == 0 ? fwd.start : *fwd.events[k - i - 1].structure_after;  // S_{k−i}
    RC_ASSERT(same_structure(*g.structure_after, expected));
  }
  RC_ASSERT(same_structure(rev.end, fwd.start));
  RC_ASSERT(rev.end.prices == fwd.start.prices);
}

RC_GTEST_PROP(PathProperties, ReversedGeneralPathVisitsTheSameStructures, ()) {
  check_reversal(draw_path_market());
}

RC_GTEST_PROP(PathProperties, ReversedTrivialStartPathVisitsTheSameStructures, ()) {
  check_reversal(draw_trivial_path().market);
}

}  // namespace
}  // namespace equilab::homotopy
