// Method `path` (issue 7, method 1): Caplin–Leahy §7 path following made exact and
// event-driven. Along a leg the parameters are v(z) = v_from + z·(v_to − v_from),
// r(z) likewise (§4.2); for a fixed GA-structure (μ,F) every generated price q_k(μ,F,z) of
// eq. (2.1) is affine in z (utilities are affine in price and in v), so the first z at which
// (μ,F) stops being a CE — a buyer's slack to another good reaches 0, or a non-root price reaches
// its reservation — is an exact ratio test. The transition applied there is the §6 rule
// selected by where the newly demanded good y sits relative to the buyer's good η.
//
// Simultaneous events (non-generic paths): they are taken one at a time at the same z in a
// fixed lexicographic order (reservation events first, by good; then indifferences by buyer,
// then good), and after each the remaining zero slacks are re-tested by the sign of their
// z-derivative (a zero slack that decreases is an event at the same z). This tie rule is
// documented, never silent (every event is listed), and bounded (an unresolved cascade throws);
// it is NOT proven equal to a formal ε-perturbation of the path. Its answers are checked by the
// certificate verifier and, in tests/homotopy, against allocation-lp at every event z.
#include <algorithm>
#include <stdexcept>
#include <tuple>

#include "homotopy/methods.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

struct Affine {  // c0 + c1·z
  Rational c0, c1;
  Rational at(const Rational& z) const { return c0 + c1 * z; }
};
Affine operator-(const Affine& a, const Affine& b) { return {a.c0 - b.c0, a.c1 - b.c1}; }

struct Leg {
  std::vector<std::vector<Affine>> v;  // [a][k] real goods
  std::vector<Affine> r;               // real goods
};

Leg make_leg(const std::vector<std::vector<Rational>>& v_from, const std::vector<std::vector<Rational>>& v_to,
             const std::vector<Rational>& r_from, const std::vector<Rational>& r_to) {
  Leg leg;
  leg.v.resize(v_from.size());
  for (std::size_t a = 0; a < v_from.size(); ++a)
    for (std::size_t k = 0; k < v_from[a].size(); ++k)
      leg.v[a].push_back({v_from[a][k], v_to[a][k] - v_from[a][k]});
  for (std::size_t k = 0; k < r_from.size(); ++k) leg.r.push_back({r_from[k], r_to[k] - r_from[k]});
  return leg;
}

class PathFollower {
 public:
  PathFollower(const AllocationMarket& market, const ReducedMarket& r, const PathOptions& options)
      : market_(market), r_(r), options_(options), total_(r.n + r.m) {}

  GAStructure s;
  std::vector<PathEvent> events;

  // Event times are cached per (buyer, good) pair and per good; after a transition only the
  // pairs touching a good whose generated price or predecessor changed, or a buyer who moved or
  // whose good's price changed, are recomputed (the rest of the market's slacks are unchanged).
  void run_leg(const Leg& leg, const std::string& name) {
    Rational z = 0;
    long at_same_z = 0;
    std::vector<Affine> q = prices(leg);
    std::vector<std::vector<std::optional<Rational>>> pair_time(r_.m,
                                                                std::vector<std::optional<Rational>>(total_));
    std::vector<std::optional<Rational>> reservation_time(r_.n);
    auto time_of = [&](const Affine& slack) -> std::optional<Rational> {
      if (slack.c1 >= 0) return std::nullopt;  // never decreases along the leg
      Rational ze = -slack.c0 / slack.c1;
      if (ze < z) throw std::logic_error("path: structure violated before the event");
      if (ze > 1) return std::nullopt;
      return ze;
    };
    auto update_good = [&](int k) {
      if (k < r_.n) reservation_time[k] = s.parent[k] >= 0 ? time_of(q[k] - leg.r[k]) : std::nullopt;
    };
    auto update_pair = [&](int a, int g) {
      const int i = s.allocation[a];
      if (g == i || !acceptable(a, g) || s.parent[g] == i) {
        pair_time[a][g].reset();
        return;
      }
      pair_time[a][g] = time_of(utility(leg, q, a, i) - utility(leg, q, a, g));
    };
    for (int k = 0; k < r_.n; ++k) update_good(k);
    for (int a = 0; a < r_.m; ++a)
      for (int g = 0; g < total_; ++g) update_pair(a, g);
    for (;;) {
      std::optional<Rational> best;
      int kind = 0, ex = -1, ey = -1;  // kind 1: reservation (good ey), kind 2: buyer ex indifferent to ey
      // Lexicographic order among simultaneous events: reservation events (by good), then
      // indifferences by (buyer, good): strict < while scanning in that order.
      for (int k = 0; k < r_.n; ++k)
        if (reservation_time[k] && (!best || *reservation_time[k] < *best)) {
          best = reservation_time[k];
          kind = 1;
          ey = k;
        }
      for (int a = 0; a < r_.m; ++a)
        for (int g = 0; g < total_; ++g)
          if (pair_time[a][g] && (!best || *pair_time[a][g] < *best)) {
            best = pair_time[a][g];
            kind = 2;
            ex = a;
            ey = g;
          }
      if (!best) return;
      if (*best == z) {
        if (++at_same_z > 4L * total_ * total_ + 16)
          throw std::runtime_error("path: simultaneous events at z = " + equilab::to_string(z) +
                                   " did not resolve (non-generic path)");
      } else {
        at_same_z = 0;
      }
      z = *best;
      if (static_cast<long>(events.size()) >= options_.max_events)
        throw std::runtime_error("path: too many events");
      std::vector<Rational> before(total_);
      for (int g = 0; g < total_; ++g) before[g] = q[g].at(z);
      const std::vector<int> parent_before = s.parent, allocation_before = s.allocation;
      PathEvent e;
      e.leg = name;
      e.z = z;
      if (kind == 1) {
        e.type = Transition::PruneAndPlant;  // §6.2: y falls to reservation and becomes a root
        s.parent[ey] = -1;
      } else {
        e.type = transition(ex, ey);
        e.buyer = ex;
      }
      // Continuity: the new structure generates the same prices at z.
      const std::vector<Affine> q_after = prices(leg);
      for (int g = 0; g < total_; ++g)
        if (q_after[g].at(z) != before[g])
          throw std::logic_error("path: transition " + std::string(to_string(e.type)) +
                                 " changed a price at the event");
      std::vector<char> good_changed(total_, 0), buyer_changed(r_.m, 0);
      for (int g = 0; g < total_; ++g)
        good_changed[g] =
            q_after[g].c0 != q[g].c0 || q_after[g].c1 != q[g].c1 || s.parent[g] != parent_before[g];
      // A buyer whose good gained or lost a successor must re-test all his pairs too.
      for (int g = 0; g < total_; ++g)
        if (s.parent[g] != parent_before[g]) {
          for (int t : {s.parent[g], parent_before[g]})
            if (t >= 0)
              for (int a = 0; a < r_.m; ++a)
                if (s.allocation[a] == t || allocation_before[a] == t) buyer_changed[a] = 1;
        }
      for (int a = 0; a < r_.m; ++a)
        if (s.allocation[a] != allocation_before[a] || good_changed[s.allocation[a]]) buyer_changed[a] = 1;
      q = q_after;
      for (int g = 0; g < total_; ++g)
        if (good_changed[g]) update_good(g);
      for (int a = 0; a < r_.m; ++a) {
        if (buyer_changed[a]) {
          for (int g = 0; g < total_; ++g) update_pair(a, g);
        } else {
          for (int g = 0; g < total_; ++g)
            if (good_changed[g]) update_pair(a, g);
        }
      }
      s.prices = before;
      const Certificate c = to_certificate(market_, r_, s);
      e.prices = c.prices;
      e.allocation_after = c.allocation;
      if (kind == 2) {
        e.from_good = eta_instance_;
        e.good = ey < r_.n ? r_.real_goods[ey] : c.allocation[ex];
      } else {
        e.good = r_.real_goods[ey];
      }
      events.push_back(e);
    }
  }

  void finish(const Leg& leg) {
    const auto q = prices(leg);
    s.prices.assign(total_, Rational(0));
    for (int g = 0; g < total_; ++g) s.prices[g] = q[g].at(1);
  }

 private:
  const AllocationMarket& market_;
  const ReducedMarket& r_;
  PathOptions options_;
  int total_;
  int eta_instance_ = -1;

  bool acceptable(int a, int g) const { return g < r_.n ? r_.acceptable[a][g] != 0 : g == r_.n + a; }

  Affine utility(const Leg& leg, const std::vector<Affine>& q, int a, int g) const {
    if (g >= r_.n) return {r_.w1[a], 0};
    return {leg.v[a][g].c0 - r_.beta[a][g] * q[g].c0, leg.v[a][g].c1 - r_.beta[a][g] * q[g].c1};
  }

  std::vector<int> holders() const {
    std::vector<int> h(total_, -1);
    for (int a = 0; a < r_.m; ++a) h[s.allocation[a]] = a;
    return h;
  }

  // q(μ,F,z) of eq. (2.1), affine in z: roots at r(z) (outside options at 0), a successor k of
  // i held by a priced by U_a(i, q_i) = U_a(k, q_k).
  std::vector<Affine> prices(const Leg& leg) const {
    std::vector<Affine> q(total_);
    std::vector<char> done(total_, 0);
    const auto h = holders();
    std::vector<std::vector<int>> children(total_);
    std::vector<int> order;
    for (int g = 0; g < total_; ++g) {
      if (s.parent[g] >= 0)
        children[s.parent[g]].push_back(g);
      else
        order.push_back(g);
    }
    for (std::size_t t = 0; t < order.size(); ++t)
      for (int c : children[order[t]]) order.push_back(c);
    if (static_cast<int>(order.size()) != total_) throw std::logic_error("path: the graph is not a forest");
    for (int g : order) {
      const int p = s.parent[g];
      if (p < 0) {
        q[g] = g < r_.n ? leg.r[g] : Affine{0, 0};
        continue;
      }
      const int a = h[p];
      if (a < 0) throw std::logic_error("path: an edge's tail is unallocated");
      const Affine up = utility(leg, q, a, p);  // U_a(p, q_p)
      // v_ag(z) − β_ag q_g = up  =>  q_g = (v_ag(z) − up)/β_ag
      q[g] = {(leg.v[a][g].c0 - up.c0) / r_.beta[a][g], (leg.v[a][g].c1 - up.c1) / r_.beta[a][g]};
    }
    return q;
  }

  bool is_ancestor(int y, int g) const {  // y on the path from g's root to g (inclusive)
    for (int t = g; t >= 0; t = s.parent[t])
      if (t == y) return true;
    return false;
  }

  // Rotates buyers along P = (y_1, ..., y_k, y_{k+1}) (each b_j on y_j moves to y_{j+1}),
  // reverses the path's edges and moves every other edge out of y_j to y_{j+1} so that the same
  // buyer prices it (§6.4, §6.5).
  // Reconstruction: §6.4's prose example is garbled ("allocate x to y3 and use his indifference
  // to price y3"); this follows the formal rule stated after it (rotate, reverse, drop (y2,y1),
  // move off-path edges (y_i,y_j) to (y_{i+1},y_j)), which also gives the Figure 9 narrative. `keep_first_parent`: cycle (y_1 keeps its predecessor).
  void rotate(const std::vector<int>& path, bool cycle) {
    const int k = static_cast<int>(path.size()) - 1;  // path[k] = y_{k+1}
    const auto h = holders();
    std::vector<char> on_path(total_, 0);
    for (int g : path) on_path[g] = 1;
    std::vector<int> parent = s.parent;
    for (int g = 0; g < total_; ++g) {
      const int p = s.parent[g];
      if (p < 0 || on_path[g] || !on_path[p]) continue;
      for (int j = 0; j < k; ++j)
        if (path[j] == p) parent[g] = path[j + 1];
    }
    // Reversed path edges (y_{j+1} -> y_j) for j >= 2, and (y_{j+1}, y_1) dropped.
    for (int j = 1; j < k; ++j) parent[path[j]] = path[j + 1];
    if (!cycle) {
      parent[path[0]] = -1;  // y_1 left unallocated: a root at reservation
      parent[path[k]] = -1;  // y stays a root (it was an unallocated root)
    }                        // cycle: path[k] == path[0] keeps its predecessor
    for (int j = 0; j < k; ++j) s.allocation[h[path[j]]] = path[j + 1];
    s.parent = parent;
  }

  // §6: classify and apply the transition for buyer x becoming indifferent to good y.
  Transition transition(int x, int y) {
    const int eta = s.allocation[x];
    eta_instance_ = -1;
    {
      const Certificate c = to_certificate(market_, r_, s);
      eta_instance_ = c.allocation[x];
    }
    const auto h = holders();
    std::vector<int> chain;  // root ... eta
    for (int t = eta; t >= 0; t = s.parent[t]) chain.insert(chain.begin(), t);
    if (h[y] < 0) {  // §6.5 Shift and Replant: y unallocated
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
    const bool root = s.parent[y] < 0;
    s.parent[y] = eta;
    return root ? Transition::Graft           // §6.1
                : Transition::PruneAndGraft;  // §6.3
  }
};

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

MepResult solve_path(const AllocationMarket& market, const PathOptions& options) {
  const ReducedMarket r = reduce(market);
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
  PathFollower f(market, r, options);
  f.s.allocation.resize(r.m);
  for (int a = 0; a < r.m; ++a) f.s.allocation[a] = sigma[a] >= 0 ? sigma[a] : r.n + a;
  f.s.parent.assign(r.n + r.m, -1);
  f.s.prices.assign(r.n + r.m, Rational(0));
  const Leg first = make_leg(start, r.v0, r.r0, r.r0);
  f.run_leg(first, "start");
  Leg last = first;
  if (market.has_path) {
    last = make_leg(r.v0, r.v1, r.r0, r.r1);
    f.run_leg(last, "path");
  }
  f.finish(last);
  MepResult result;
  result.certificate = to_certificate(market, r, f.s);
  result.events = std::move(f.events);
  return result;
}

}  // namespace equilab::homotopy
