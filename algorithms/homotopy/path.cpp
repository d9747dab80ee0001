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
//
// Cost per event (the work is proportional to what the transition changed, not to m·n):
//  - only the subtrees whose generated prices can move are re-priced (the goods with a new
//    predecessor or whose predecessor changed hands, and their successors);
//  - each buyer keeps his next event (earliest time, then least good) over his acceptable goods;
//    a transition re-tests every good of a buyer whose own good or price changed and, for the
//    other buyers, only the goods whose price or predecessor changed;
//  - the next event of the market is the minimum of a tournament tree over the n reservation
//    events and the m buyers' next events, in the tie order above (goods, then buyers);
//  - event prices are stored as the affine prices of the goods that changed (event_prices.h).
// Arithmetic: exact throughout. When every slope is 1 (TU) the data are scaled by the least
// common denominator to integers and every generated price is an integer affine function of z
// (eq. (2.1) then only adds and subtracts values), so the path runs on 64-bit integers with
// bounded coefficients and 128-bit products for comparing event times n/d; when a coefficient
// leaves the bound it is rerun with GMP rationals. NTU markets run on GMP rationals.
#include <algorithm>
#include "core/deadline.h"
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <type_traits>

#include "homotopy/methods.h"
#include "homotopy/path_core.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

using path_detail::Forest;
using path_detail::LegSpec;
using path_detail::PathSetup;

__extension__ typedef __int128 Wide;

struct Overflow {};

// ---- arithmetic policies -------------------------------------------------------------------

// 64-bit integers (scaled TU data). Every value, reservation and generated price coefficient is
// kept within ±2^60 (checked where it is produced; beyond it the path is rerun on rationals), so
// a slack (own utility − other utility, four such terms) stays within ±2^62 and needs no check,
// and event times n/d are compared exactly through 128-bit products.
struct IntArith {
  using Num = std::int64_t;
  struct Time {  // n / d, d > 0
    Num n = 0, d = 1;
  };
  static constexpr Num kLimit = Num(1) << 60;
  static void bound(Num x) {
    if (x > kLimit || x < -kLimit) throw Overflow{};
  }
  static Num sub(Num a, Num b) { return a - b; }  // operands within ±2^61
  static bool less(const Time& a, const Time& b) { return Wide(a.n) * b.d < Wide(b.n) * a.d; }
  static bool equal(const Time& a, const Time& b) { return Wide(a.n) * b.d == Wide(b.n) * a.d; }
  static Time zero() { return {0, 1}; }
  static Time one() { return {1, 1}; }
  // The z where the slack s0 + s1·z (s1 < 0) reaches 0, when it is at most 1.
  static bool event_time(Num s0, Num s1, Time& t) {
    if (s0 > -s1) return false;
    t = {s0, -s1};
    return true;
  }
  static Rational to_rational(const Time& t) { return Rational(Integer(t.n), Integer(t.d)); }
  static Rational value(Num c0, Num c1, const Time& z, const Rational& scale) {  // (c0 + c1·z)/scale
    return Rational(Integer(c0) * z.d + Integer(c1) * z.n, Integer(z.d)) / scale;
  }
  static bool same_value(Num a0, Num a1, Num b0, Num b1, const Time& z) {
    return Wide(a0) * z.d + Wide(a1) * z.n == Wide(b0) * z.d + Wide(b1) * z.n;
  }
  static Num from_rational(const Rational& x) {
    using boost::multiprecision::denominator;
    using boost::multiprecision::numerator;
    if (denominator(x) != 1) throw Overflow{};
    const Integer& v = numerator(x);
    if (v > Integer(kLimit) || v < Integer(-kLimit)) throw Overflow{};
    return v.convert_to<std::int64_t>();
  }
};

// GMP rationals (NTU, or a TU market too large for 64 bits).
struct RationalArith {
  using Num = Rational;
  using Time = Rational;
  static void bound(const Num&) {}
  static Num sub(const Num& a, const Num& b) { return a - b; }
  static bool less(const Time& a, const Time& b) { return a < b; }
  static bool equal(const Time& a, const Time& b) { return a == b; }
  static Time zero() { return Rational(0); }
  static Time one() { return Rational(1); }
  static bool event_time(const Num& s0, const Num& s1, Time& t) {
    if (s0 > -s1) return false;  // z > 1
    t = -s0 / s1;
    return true;
  }
  static Rational to_rational(const Time& t) { return t; }
  static Rational value(const Num& c0, const Num& c1, const Time& z, const Rational& scale) {
    return (c0 + c1 * z) / scale;
  }
  static bool same_value(const Num& a0, const Num& a1, const Num& b0, const Num& b1, const Time& z) {
    return a0 + a1 * z == b0 + b1 * z;
  }
  static Num from_rational(const Rational& x) { return x; }
};

// ---- tournament tree over event sources ----------------------------------------------------

// Leaves 0..n−1: reservation events of the real goods; leaves n..n+m−1: the buyers' next
// indifference events. The minimum is the earliest time, ties to the lowest leaf, which is the
// documented order (reservation events by good, then buyers; a buyer's own tie is his least good).
template <class A>
class Tournament {
 public:
  using Time = typename A::Time;
  explicit Tournament(int leaves) {
    while (size_ < std::max(leaves, 1)) size_ *= 2;
    time_.assign(size_, A::zero());
    win_.assign(2 * size_, -1);
  }
  void set(int leaf, bool valid, const Time& t) {
    if (valid) time_[leaf] = t;
    int node = size_ + leaf;
    win_[node] = valid ? leaf : -1;
    for (node /= 2; node >= 1; node /= 2) win_[node] = better(win_[2 * node], win_[2 * node + 1]);
  }
  int min_leaf() const { return win_[1]; }
  const Time& time(int leaf) const { return time_[leaf]; }

 private:
  int better(int x, int y) const {
    if (x < 0) return y;
    if (y < 0) return x;
    if (A::less(time_[y], time_[x])) return y;
    if (A::less(time_[x], time_[y])) return x;
    return std::min(x, y);
  }
  int size_ = 1;
  std::vector<Time> time_;
  std::vector<int> win_;
};

// ---- the follower ---------------------------------------------------------------------------

template <class A>
class Follower {
 public:
  using Num = typename A::Num;
  using Time = typename A::Time;
  struct Aff {
    Num c0, c1;
  };

  Follower(const AllocationMarket& market, const ReducedMarket& r, const PathOptions& options,
           const Rational& scale, bool tu)
      : market_(market),
        r_(r),
        options_(options),
        scale_(scale),
        tu_(tu),
        m_(r.m),
        n_(r.n),
        total_(r.n + r.m),
        goods_of_(r.m),
        buyers_of_(r.n),
        mark_(r.n + r.m, 0),
        history_(std::make_shared<PriceHistory>(market.num_goods(), scale)) {
    for (int a = 0; a < m_; ++a)
      for (int k = 0; k < n_; ++k)
        if (r.acceptable[a][k]) {
          goods_of_[a].push_back(k);
          buyers_of_[k].push_back(a);
        }
    if (!tu_) {
      beta_.assign(static_cast<std::size_t>(m_) * n_, Num(1));
      for (int a = 0; a < m_; ++a)
        for (int k : goods_of_[a]) beta_[idx(a, k)] = A::from_rational(r.beta[a][k]);
    }
    w_.resize(m_);
    for (int a = 0; a < m_; ++a) w_[a] = A::from_rational(r.w1[a] * scale_);
  }

  std::vector<PathEvent> events;

  void run(Forest& f, const LegSpec& spec) {
    load_leg(spec);
    // Prices and event sources of the leg's first structure.
    in_leg_ = false;
    q_.assign(total_, Aff{Num(0), Num(0)});
    std::vector<int> roots;
    for (int g = 0; g < total_; ++g)
      if (f.parent[g] < 0) roots.push_back(g);
    for (int g : reprice(f, roots)) mark_[g] = 0;
    z_ = A::zero();
    Tournament<A> tree(n_ + m_);
    own_.assign(m_, Aff{Num(0), Num(0)});
    best_good_.assign(m_, -1);
    best_time_.assign(m_, A::zero());
    for (int k = 0; k < n_; ++k) update_reservation(f, tree, k);
    for (int a = 0; a < m_; ++a) {
      rescan(f, a);
      tree.set(n_ + a, best_good_[a] >= 0, best_time_[a]);
    }
    for (int g = 0; g < n_; ++g) history_->add(r_.real_goods[g], events.size(), q_[g].c0, q_[g].c1);
    in_leg_ = true;
    long at_same_z = 0;
    std::vector<char> refreshed(m_, 0), touched(m_, 0);
    std::vector<int> touched_list, seeds;
    for (;;) {
      const int leaf = tree.min_leaf();
      check_deadline();
      if (leaf < 0) return;
      const Time best = tree.time(leaf);
      if (A::equal(best, z_)) {
        if (++at_same_z > 4L * total_ * total_ + 16)
          throw std::runtime_error(
              "path: simultaneous events at z = " + equilab::to_string(A::to_rational(z_)) +
              " did not resolve (non-generic path)");
      } else {
        at_same_z = 0;
      }
      z_ = best;
      if (static_cast<long>(events.size()) >= options_.max_events)
        throw std::runtime_error("path: too many events");
      PathEvent e;
      e.leg = spec.name;
      e.z = A::to_rational(z_);
      int ex = -1, ey;
      if (leaf < n_) {
        ey = leaf;
        e.type = Transition::PruneAndPlant;  // §6.2: y falls to reservation and becomes a root
        f.plant(ey);
        e.good = r_.real_goods[ey];
      } else {
        ex = leaf - n_;
        ey = best_good_[ex];
        e.buyer = ex;
        e.from_good = path_detail::instance_good(r_, f.allocation[ex]);
        e.type = f.transition(ex, ey);
        e.good = ey < n_ ? r_.real_goods[ey] : path_detail::instance_good(r_, f.allocation[ex]);
      }
      // Re-price the subtrees below the goods whose predecessor or holder changed (continuity
      // at z is checked there); a good with a new predecessor counts as changed even when its
      // price did not move (buyers' exclusion of their own successors depends on it).
      seeds = f.parent_changed;
      for (int g : f.rehomed)
        for (int c : f.children[g]) seeds.push_back(c);
      std::vector<int> changed = reprice(f, seeds);
      for (int g : f.parent_changed)
        if (!mark_[g]) {
          mark_[g] = 1;
          changed.push_back(g);
        }
      auto touch = [&](int b) {
        if (!touched[b]) {
          touched[b] = 1;
          touched_list.push_back(b);
        }
      };
      // Buyers whose own utility moved (on a new good, or on a re-priced good) re-test all goods.
      for (int b : f.moved) refreshed[b] = 1;
      for (int g : changed)
        if (f.holder[g] >= 0) refreshed[f.holder[g]] = 1;
      for (int b : f.moved) touch(b);
      for (int g : changed)
        if (f.holder[g] >= 0) touch(f.holder[g]);
      for (int b : touched_list) rescan(f, b);
      // The other buyers re-test only the goods that changed.
      for (int g : changed) {
        if (g < n_) {
          update_reservation(f, tree, g);
          for (int b : buyers_of_[g])
            if (!refreshed[b]) {
              update_pair(f, b, g);
              touch(b);
            }
        } else if (const int b = g - n_; !refreshed[b]) {  // an outside option concerns its buyer only
          update_pair(f, b, g);
          touch(b);
        }
      }
      for (int b : touched_list) {
        tree.set(n_ + b, best_good_[b] >= 0, best_time_[b]);
        touched[b] = 0;
        refreshed[b] = 0;
      }
      touched_list.clear();
      record(f, e, changed);
      for (int g : changed) mark_[g] = 0;
      events.push_back(std::move(e));
    }
  }

  // Prices at the end of the last leg (z = 1), internal goods, instance units.
  std::vector<Rational> final_prices() const {
    std::vector<Rational> p(total_);
    for (int g = 0; g < total_; ++g) p[g] = A::value(q_[g].c0, q_[g].c1, A::one(), scale_);
    return p;
  }

 private:
  const AllocationMarket& market_;
  const ReducedMarket& r_;
  const PathOptions& options_;
  Rational scale_;
  bool tu_;
  int m_, n_, total_;
  std::vector<std::vector<int>> goods_of_, buyers_of_;  // acceptable real goods, ascending
  std::vector<Num> beta_;                               // [a·n + k] (NTU only)
  std::vector<Num> w_;                                  // outside option values (scaled)
  std::vector<Num> v0_, v1_;                            // [a·n + k]: v_ak(z) = v0 + v1·z (scaled)
  std::vector<Num> t0_, t1_;                            // the same by good, [k·m + a] (cache order)
  std::vector<Aff> res_;                                // reservations r_k(z) (scaled)
  std::vector<Aff> q_;                                  // generated prices q_g(z) (scaled)
  std::vector<Aff> own_;                                // U_a(μ_a, q) per buyer
  std::vector<int> best_good_;                          // his next event's good (−1: none)
  std::vector<Time> best_time_;
  std::vector<char> mark_;
  std::shared_ptr<PriceHistory> history_;
  Time z_{};
  bool in_leg_ = false;

  std::size_t idx(int a, int k) const { return static_cast<std::size_t>(a) * n_ + k; }

  void load_leg(const LegSpec& s) {
    v0_.assign(static_cast<std::size_t>(m_) * n_, Num(0));
    v1_.assign(static_cast<std::size_t>(m_) * n_, Num(0));
    for (int a = 0; a < m_; ++a)
      for (int k : goods_of_[a]) {
        const Num from = A::from_rational(s.v_from[a][k] * scale_),
                  to = A::from_rational(s.v_to[a][k] * scale_);
        v0_[idx(a, k)] = from;
        v1_[idx(a, k)] = to - from;
        A::bound(v1_[idx(a, k)]);
      }
    if (tu_) {  // the by-good copy serves the TU re-tests only
      t0_.assign(static_cast<std::size_t>(m_) * n_, Num(0));
      t1_.assign(static_cast<std::size_t>(m_) * n_, Num(0));
      for (int a = 0; a < m_; ++a)
        for (int k : goods_of_[a]) {
          t0_[static_cast<std::size_t>(k) * m_ + a] = v0_[idx(a, k)];
          t1_[static_cast<std::size_t>(k) * m_ + a] = v1_[idx(a, k)];
        }
    }
    res_.resize(n_);
    for (int k = 0; k < n_; ++k) {
      const Num from = A::from_rational(s.r_from[k] * scale_), to = A::from_rational(s.r_to[k] * scale_);
      res_[k] = {from, to - from};
      A::bound(res_[k].c1);
    }
  }

  // U_a(g, q_g) as an affine function of z.
  Aff utility(int a, int g) const {
    if (g >= n_) return {w_[a], Num(0)};
    const std::size_t i = idx(a, g);
    if (tu_) return {A::sub(v0_[i], q_[g].c0), A::sub(v1_[i], q_[g].c1)};
    return {v0_[i] - beta_[i] * q_[g].c0, v1_[i] - beta_[i] * q_[g].c1};
  }

  // q(μ,F,z) of eq. (2.1) on the subtrees below `seeds`: roots at r(z) (outside options at 0), a
  // successor k of i held by a priced by U_a(i, q_i) = U_a(k, q_k). Returns the goods whose
  // affine price changed (marked); checks that prices are continuous at the current z.
  std::vector<int> reprice(const Forest& f, const std::vector<int>& seeds) {
    std::vector<int> changed, order;
    // Price each subtree once, top down: skip seeds below another seed.
    for (int g : seeds) mark_[g] = 2;
    for (int g : seeds) {
      bool top = mark_[g] == 2;
      for (int t = f.parent[g]; top && t >= 0; t = f.parent[t])
        if (mark_[t] >= 2) top = false;
      if (top) {
        mark_[g] = 3;
        order.push_back(g);
      }
    }
    for (int g : seeds) mark_[g] = 0;
    for (std::size_t t = 0; t < order.size(); ++t) {
      if (order.size() > static_cast<std::size_t>(total_))
        throw std::logic_error("path: the graph is not a forest");
      const int g = order[t];
      for (int c : f.children[g]) order.push_back(c);
      const int p = f.parent[g];
      Aff nq;
      if (p < 0) {
        nq = g < n_ ? res_[g] : Aff{Num(0), Num(0)};
      } else {
        const int a = f.holder[p];
        if (a < 0) throw std::logic_error("path: an edge's tail is unallocated");
        if (g >= n_) throw std::logic_error("path: an outside option has a predecessor");
        const Aff up = utility(a, p);  // U_a(p, q_p)
        // v_ag(z) − β_ag q_g = up  =>  q_g = (v_ag(z) − up)/β_ag
        const std::size_t i = idx(a, g);
        nq = {v0_[i] - up.c0, v1_[i] - up.c1};
        if (!tu_) {
          nq.c0 /= beta_[i];
          nq.c1 /= beta_[i];
        }
        A::bound(nq.c0);
        A::bound(nq.c1);
      }
      if (nq.c0 != q_[g].c0 || nq.c1 != q_[g].c1) {
        if (in_leg_ && !A::same_value(nq.c0, nq.c1, q_[g].c0, q_[g].c1, z_))
          throw std::logic_error("path: a transition changed a price at the event");
        q_[g] = nq;
        if (!mark_[g]) {
          mark_[g] = 1;
          changed.push_back(g);
        }
      }
    }
    return changed;
  }

  // Event time of the affine slack x − y: the first z (>= the current one, <= 1) where it
  // reaches 0 while decreasing.
  bool slack_time(const Aff& x, const Aff& y, Time& t) const {
    const Num s1 = A::sub(x.c1, y.c1);
    if (s1 >= 0) return false;
    if (!A::event_time(A::sub(x.c0, y.c0), s1, t)) return false;
    if (A::less(t, z_)) throw std::logic_error("path: structure violated before the event");
    return true;
  }

  void update_reservation(const Forest& f, Tournament<A>& tree, int k) {
    Time t{};
    const bool valid = f.parent[k] >= 0 && slack_time(q_[k], res_[k], t);
    tree.set(k, valid, t);
  }

  // Buyer a's slack to good g (not his own good, not a successor he prices).
  bool pair_time(const Forest& f, int a, int g, Time& t) const {
    const int i = f.allocation[a];
    if (g == i || f.parent[g] == i) return false;
    if (tu_ || g >= n_) return slack_time(own_[a], utility(a, g), t);
    // NTU: the slope of the slack first (most slacks do not decrease), then its value.
    const std::size_t j = idx(a, g);
    const Num s1 = own_[a].c1 - v1_[j] + beta_[j] * q_[g].c1;
    if (s1 >= 0) return false;
    if (!A::event_time(own_[a].c0 - v0_[j] + beta_[j] * q_[g].c0, s1, t)) return false;
    if (A::less(t, z_)) throw std::logic_error("path: structure violated before the event");
    return true;
  }

  void rescan(const Forest& f, int a) {
    own_[a] = utility(a, f.allocation[a]);
    int best = -1;
    Time bt{}, t{};
    for (int g : goods_of_[a])
      if (pair_time(f, a, g, t) && (best < 0 || A::less(t, bt))) {
        best = g;
        bt = t;
      }
    if (pair_time(f, a, n_ + a, t) && (best < 0 || A::less(t, bt))) {
      best = n_ + a;
      bt = t;
    }
    best_good_[a] = best;
    if (best >= 0) best_time_[a] = bt;
  }

  // Buyer b (own utility unchanged) re-tests good g.
  void update_pair(const Forest& f, int b, int g) {
    Time t{};
    bool valid;
    if (tu_ && g < n_) {  // the good's column of values, read in buyer order
      const int i = f.allocation[b];
      const std::size_t j = static_cast<std::size_t>(g) * m_ + b;
      valid = g != i && f.parent[g] != i &&
              slack_time(own_[b], Aff{A::sub(t0_[j], q_[g].c0), A::sub(t1_[j], q_[g].c1)}, t);
    } else {
      valid = pair_time(f, b, g, t);
    }
    if (best_good_[b] == g) {
      if (valid && !A::less(best_time_[b], t))
        best_time_[b] = t;  // still his earliest (least good among equal times)
      else
        rescan(f, b);
      return;
    }
    if (valid && (best_good_[b] < 0 || A::less(t, best_time_[b]) ||
                  (A::equal(t, best_time_[b]) && g < best_good_[b]))) {
      best_good_[b] = g;
      best_time_[b] = t;
    }
  }

  // Event data: allocation after the transition (instance goods) and prices at the event (the
  // affine prices of the goods it changed go to the shared history; see event_prices.h).
  void record(const Forest& f, PathEvent& e, const std::vector<int>& changed) {
    const std::size_t index = events.size();
    for (int g : changed)
      if (g < n_) history_->add(r_.real_goods[g], index, q_[g].c0, q_[g].c1);
    history_->add_event(e.z);
    e.prices = EventPrices(history_, index);
    e.allocation_after.resize(m_);
    for (int a = 0; a < m_; ++a) e.allocation_after[a] = path_detail::instance_good(r_, f.allocation[a]);
    if (options_.record_structures) {
      std::vector<Rational> p(total_);
      for (int g = 0; g < total_; ++g) p[g] = A::value(q_[g].c0, q_[g].c1, z_, scale_);
      e.structure_after = to_certificate(market_, r_, f.structure(p));
    }
  }
};

// The least common denominator of the data (TU scaling to integers).
Integer common_denominator(const ReducedMarket& r, const PathSetup& setup) {
  using boost::multiprecision::denominator;
  using boost::multiprecision::lcm;
  Integer l = 1;
  auto take = [&](const Rational& x) {
    const Integer d = denominator(x);
    if (d != 1) l = lcm(l, d);
  };
  for (const LegSpec& leg : setup.legs) {
    for (int a = 0; a < r.m; ++a)
      for (int k = 0; k < r.n; ++k)
        if (r.acceptable[a][k]) {
          take(leg.v_from[a][k]);
          take(leg.v_to[a][k]);
        }
    for (int k = 0; k < r.n; ++k) {
      take(leg.r_from[k]);
      take(leg.r_to[k]);
    }
  }
  for (int a = 0; a < r.m; ++a) take(r.w1[a]);
  return l;
}

template <class A>
MepResult follow(const AllocationMarket& market, const ReducedMarket& r, const PathSetup& setup,
                 const PathOptions& options, const Rational& scale, bool tu) {
  Forest f(r, setup.allocation);
  Follower<A> follower(market, r, options, scale, tu);
  for (const LegSpec& leg : setup.legs) follower.run(f, leg);
  MepResult result;
  result.certificate = to_certificate(market, r, f.structure(follower.final_prices()));
  result.events = std::move(follower.events);
  return result;
}

}  // namespace

MepResult solve_path(const AllocationMarket& market, const PathOptions& options) {
  const ReducedMarket r = reduce(market);
  const PathSetup setup = path_detail::make_setup(market, r);
  bool tu = true;
  for (int a = 0; a < r.m; ++a)
    for (int k = 0; k < r.n; ++k)
      if (r.acceptable[a][k] && r.beta[a][k] != 1) tu = false;
  if (tu && !options.rational_arithmetic) {
    try {
      return follow<IntArith>(market, r, setup, options, Rational(common_denominator(r, setup)), true);
    } catch (const Overflow&) {
      // fall through to rationals
    }
  }
  return follow<RationalArith>(market, r, setup, options, Rational(1), tu);
}

}  // namespace equilab::homotopy
