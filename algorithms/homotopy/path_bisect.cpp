// `equilab solve --method path --bisect`: the paper's own discretisation of the §7 path
// (§7.1 "From Continuous to Discrete", Figure 10), kept as a baseline for the exact event times
// of path.cpp. Same trivial start, same legs, same §6 transitions (path_core); only the search
// for the next event differs.
//
// §7.1 as reconstructed here (the text is complete; the figure is not in the text we have):
//  (μ1,F1) is known to generate the MEP at z1 (initially z1 = 0); the first trial point is z2 = 1.
//  A "violation of competitive equilibrium" at z2 is, with prices q(μ1,F1,z2), a buyer who
//  strictly prefers another acceptable good to his own, or a good priced below its reservation.
//  - No violation: accept, z1 = z2 and z2 = 1 again (done when z1 = 1).
//  - A single violation: treat it as the indifference (or the reservation event) and apply the
//    §6 transition to get (μ2,F2); if (μ2,F2) has no violation at z2, accept it, z1 = z2, z2 = 1.
//  - Several violations, or (μ2,F2) violates at z2: "we stepped over multiple market
//    transitions": halve, z2 = (z1 + z2)/2, and test (μ1,F1) again.
// The paper states no precision: it halves until the step holds a single transition (Theorem 3
// makes transitions finitely many on a generic path). Here every trial point is a dyadic rational
// and every test is exact, so an accepted single-violation step holds exactly one event of the
// exact path: slacks are affine in z within a leg, so every slack of (μ1,F1) that crossed 0 in
// (z1, z2) is still negative at z2 (one violation = one crossing), and (μ2,F2), a CE at the event
// and at z2, is one on the whole of [event, z2]. The event is located to the bracket (z1, z2].
// What halving cannot do is separate simultaneous events (a non-generic path, common with
// integer data: several violations, or a transition followed at once by another, at the same z).
// After `max_halvings` halvings of one step the violations at z2 are therefore taken one at a
// time in the exact method's tie order (reservations by good, then buyers, then goods) until
// none is left. Such a step is counted as "unseparated": its events are listed, but in an order
// and at a point that the exact path may not share (events may have been merged or reordered).
#include <algorithm>
#include <stdexcept>

#include "homotopy/methods.h"
#include "homotopy/path_core.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

using path_detail::Forest;
using path_detail::LegSpec;

struct Violation {
  int buyer = -1;  // −1: good `good` is priced below its reservation
  int good = -1;
};

// Prices of a structure at one trial point and the CE test there, in exact rationals.
class Trial {
 public:
  Trial(const ReducedMarket& r, const LegSpec& leg) : r_(r), leg_(leg), dv_(r.m), dr_(r.n), goods_of_(r.m) {
    for (int a = 0; a < r.m; ++a) {
      dv_[a].resize(r.n);
      for (int k = 0; k < r.n; ++k)
        if (r.acceptable[a][k]) {
          dv_[a][k] = leg.v_to[a][k] - leg.v_from[a][k];
          goods_of_[a].push_back(k);
        }
    }
    for (int k = 0; k < r.n; ++k) dr_[k] = leg.r_to[k] - leg.r_from[k];
  }

  std::vector<Rational> q;  // internal goods

  // q(μ,F,z) of eq. (2.1): roots at r(z) (outside options at 0), a successor k of i held by a
  // priced by U_a(i, q_i) = U_a(k, q_k).
  void price(const Forest& f, const Rational& z) {
    q.assign(f.total, Rational(0));
    std::vector<int> order;
    for (int g = 0; g < f.total; ++g)
      if (f.parent[g] < 0) order.push_back(g);
    for (std::size_t t = 0; t < order.size(); ++t) {
      const int g = order[t];
      for (int c : f.children[g]) order.push_back(c);
      const int p = f.parent[g];
      if (p < 0) {
        if (g < r_.n) q[g] = reservation(g, z);
        continue;
      }
      const int a = f.holder[p];
      if (a < 0 || g >= r_.n) throw std::logic_error("path --bisect: not a GA-structure");
      q[g] = (value(a, g, z) - utility(a, p, z)) / r_.beta[a][g];
    }
    if (static_cast<int>(order.size()) != f.total)
      throw std::logic_error("path --bisect: the graph is not a forest");
  }

  // The first `limit` violations of CE at z under the current prices, in the order
  // reservations by good, then buyers, then goods.
  std::vector<Violation> violations(const Forest& f, const Rational& z, std::size_t limit) const {
    std::vector<Violation> out;
    for (int k = 0; k < r_.n && out.size() < limit; ++k)
      if (f.parent[k] >= 0 && q[k] < reservation(k, z)) out.push_back({-1, k});
    for (int a = 0; a < r_.m && out.size() < limit; ++a) {
      const int i = f.allocation[a];
      const Rational own = utility(a, i, z);
      for (int g : goods_of_[a])
        if (g != i && utility(a, g, z) > own) {
          out.push_back({a, g});
          if (out.size() == limit) return out;
        }
      if (i != r_.n + a && r_.w1[a] > own) out.push_back({a, r_.n + a});
    }
    return out;
  }

 private:
  const ReducedMarket& r_;
  const LegSpec& leg_;
  std::vector<std::vector<Rational>> dv_;
  std::vector<Rational> dr_;
  std::vector<std::vector<int>> goods_of_;

  Rational value(int a, int k, const Rational& z) const { return leg_.v_from[a][k] + z * dv_[a][k]; }
  Rational reservation(int k, const Rational& z) const { return leg_.r_from[k] + z * dr_[k]; }
  Rational utility(int a, int g, const Rational& z) const {
    if (g >= r_.n) return r_.w1[a];
    return value(a, g, z) - r_.beta[a][g] * q[g];
  }
};

Transition apply(Forest& f, const Violation& v) {
  if (v.buyer < 0) {
    f.plant(v.good);  // §6.2
    return Transition::PruneAndPlant;
  }
  return f.transition(v.buyer, v.good);
}

class Bisector {
 public:
  Bisector(const AllocationMarket& market, const ReducedMarket& r, const PathOptions& options)
      : market_(market), r_(r), options_(options) {
    stats.max_halvings = options.max_halvings;
  }

  std::vector<PathEvent> events;
  BisectStats stats;

  void run(Forest& f, const LegSpec& leg) {
    Trial trial(r_, leg);
    Rational z1 = 0;
    while (z1 < 1) {
      Rational z2 = 1;
      for (int depth = 0;; ++depth) {
        ++stats.trials;
        trial.price(f, z2);
        const std::vector<Violation> v = trial.violations(f, z2, 2);
        if (v.empty()) break;  // no transition in (z1, z2]
        if (v.size() == 1) {
          Forest next = f;
          PathEvent e = start_event(leg, f, v[0], z2);
          e.type = apply(next, v[0]);
          ++stats.trials;
          trial.price(next, z2);
          if (trial.violations(next, z2, 1).empty()) {
            finish_event(e, next, trial, z1, false);
            f = std::move(next);
            break;
          }
        }
        if (depth == options_.max_halvings) {
          resolve_at(f, leg, trial, z1, z2);
          break;
        }
        z2 = (z1 + z2) / 2;
        ++stats.halvings;
        stats.deepest = std::max(stats.deepest, depth + 1);
      }
      ++stats.steps;
      z1 = z2;
    }
    trial.price(f, Rational(1));
    end_prices_ = trial.q;
  }

  const std::vector<Rational>& end_prices() const { return end_prices_; }

 private:
  const AllocationMarket& market_;
  const ReducedMarket& r_;
  const PathOptions& options_;
  std::vector<Rational> end_prices_;

  PathEvent start_event(const LegSpec& leg, const Forest& f, const Violation& v, const Rational& z) {
    if (static_cast<long>(events.size()) >= options_.max_events)
      throw std::runtime_error("path: too many events");
    PathEvent e;
    e.leg = leg.name;
    e.z = z;
    e.buyer = v.buyer;
    if (v.buyer >= 0) e.from_good = path_detail::instance_good(r_, f.allocation[v.buyer]);
    e.good = v.good < r_.n ? r_.real_goods[v.good] : -1;
    return e;
  }

  // Records an event whose structure `after` (priced in `trial` at the event's z) passed.
  void finish_event(PathEvent& e, const Forest& after, const Trial& trial, const Rational& low,
                    bool unseparated) {
    Certificate c = to_certificate(market_, r_, after.structure(trial.q));
    if (e.good < 0) e.good = c.allocation[e.buyer];  // his outside option: his null good
    e.prices = c.prices;
    e.allocation_after = c.allocation;
    if (options_.record_structures) e.structure_after = std::move(c);
    events.push_back(std::move(e));
    stats.bracket_low.push_back(low);
    stats.event_unseparated.push_back(unseparated ? 1 : 0);
  }

  // The halving cap was reached: take the violations at z2 one at a time (tie order) until the
  // structure passes.
  void resolve_at(Forest& f, const LegSpec& leg, Trial& trial, const Rational& z1, const Rational& z2) {
    ++stats.unseparated;
    const long bound = 4L * (r_.n + r_.m) * (r_.n + r_.m) + 16;
    for (long k = 0;; ++k) {
      ++stats.trials;
      trial.price(f, z2);
      const std::vector<Violation> v = trial.violations(f, z2, 1);
      if (v.empty()) return;
      if (k > bound)
        throw std::runtime_error("path --bisect: the violations at z = " + equilab::to_string(z2) +
                                 " did not resolve");
      PathEvent e = start_event(leg, f, v[0], z2);
      e.type = apply(f, v[0]);
      trial.price(f, z2);
      finish_event(e, f, trial, z1, true);
    }
  }
};

}  // namespace

BisectResult solve_path_bisect(const AllocationMarket& market, const PathOptions& options) {
  if (options.max_halvings < 0) throw std::invalid_argument("max_halvings must be >= 0");
  const ReducedMarket r = reduce(market);
  const path_detail::PathSetup setup = path_detail::make_setup(market, r);
  Forest f(r, setup.allocation);
  Bisector b(market, r, options);
  for (const LegSpec& leg : setup.legs) b.run(f, leg);
  BisectResult out;
  out.result.certificate = to_certificate(market, r, f.structure(b.end_prices()));
  out.result.events = std::move(b.events);
  out.stats = std::move(b.stats);
  return out;
}

}  // namespace equilab::homotopy
