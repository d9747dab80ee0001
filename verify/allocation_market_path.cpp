#include "verify/allocation_market_path.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "verify/allocation_market_certificate.h"

namespace equilab::verify {

using homotopy::AllocationMarket;
using homotopy::Certificate;
using homotopy::ResultDocument;
using homotopy::ResultEvent;
using homotopy::Transition;

namespace {

// A structure's allocation and forest as arrays: parent per good (−1 a root), holder per good
// (−1 unallocated). Nothing when the forest does not give every good exactly one place or two
// buyers share a good.
struct Shape {
  std::vector<int> allocation, parent, holder;
  std::vector<std::vector<int>> children;
};

std::optional<Shape> shape_of(const AllocationMarket& m, const Certificate& c) {
  const int ng = m.num_goods(), nb = m.num_buyers();
  if (static_cast<int>(c.allocation.size()) != nb) return std::nullopt;
  Shape s;
  s.allocation = c.allocation;
  s.holder.assign(ng, -1);
  for (int a = 0; a < nb; ++a) {
    const int g = c.allocation[a];
    if (g < 0 || g >= ng || s.holder[g] >= 0) return std::nullopt;
    s.holder[g] = a;
  }
  s.parent.assign(ng, -2);
  for (int r : c.roots) {
    if (r < 0 || r >= ng || s.parent[r] != -2) return std::nullopt;
    s.parent[r] = -1;
  }
  for (const auto& e : c.edges) {
    if (e.from < 0 || e.from >= ng || e.to < 0 || e.to >= ng || s.parent[e.to] != -2) return std::nullopt;
    s.parent[e.to] = e.from;
  }
  s.children.assign(ng, {});
  for (int g = 0; g < ng; ++g) {
    if (s.parent[g] == -2) return std::nullopt;
    if (s.parent[g] >= 0) s.children[s.parent[g]].push_back(g);
  }
  // Acyclic: every good reaches a root within ng steps.
  for (int g = 0; g < ng; ++g) {
    int t = g, steps = 0;
    while (s.parent[t] >= 0 && steps <= ng) {
      t = s.parent[t];
      ++steps;
    }
    if (s.parent[t] >= 0) return std::nullopt;
  }
  return s;
}

// The goods from g up to its root: g, parent(g), ..., root.
std::vector<int> up_from(const Shape& s, int g) {
  std::vector<int> out;
  for (int t = g; t >= 0; t = s.parent[t]) out.push_back(t);
  return out;
}

// §6.4 / §6.5 applied to `b`: buyers on chain[j] move to chain[j + 1] (cycle: the last to
// chain[0]), the chain's edges reversed, every other edge out of chain[j] moved to chain[j + 1].
// `chain` = y_1 … y_k (cycle: y_1 = y, y_k = η; shift: y_1 the root of η's tree, y_k = η) and for
// a shift `y` the unallocated good x moves to.
void rotate(const Shape& b, const std::vector<int>& chain, int shift_to, std::vector<int>& allocation,
            std::vector<int>& parent) {
  const bool cycle = shift_to < 0;
  std::vector<int> path = chain;
  if (!cycle) path.push_back(shift_to);
  const int k = static_cast<int>(chain.size());
  auto next = [&](int j) { return cycle ? path[(j + 1) % k] : path[j + 1]; };
  std::set<int> on_path(path.begin(), path.end());
  allocation = b.allocation;
  parent = b.parent;
  for (int j = 0; j < k; ++j) {
    allocation[b.holder[path[j]]] = next(j);
    for (int c : b.children[path[j]])
      if (!on_path.count(c)) parent[c] = next(j);
  }
  for (int j = 1; j < k; ++j) parent[path[j]] = next(j);  // reversed: (y_{j+1}, y_j)
  if (!cycle) {
    parent[path[0]] = -1;  // y_1, now unallocated, at reservation
    parent[shift_to] = -1;
  }  // cycle: y_1 keeps its predecessor
}

}  // namespace

std::optional<FoundTransition> classify_transition(const AllocationMarket& m, const Certificate& before,
                                                   const Certificate& after) {
  const auto bs = shape_of(m, before), as = shape_of(m, after);
  if (!bs || !as) return std::nullopt;
  const Shape &b = *bs, &a = *as;
  const int ng = m.num_goods(), nb = m.num_buyers();
  auto ancestor_or_self = [&](int y, int g) {
    for (int t : up_from(b, g))
      if (t == y) return true;
    return false;
  };
  if (b.allocation == a.allocation) {
    std::vector<int> changed;
    for (int g = 0; g < ng; ++g)
      if (b.parent[g] != a.parent[g]) changed.push_back(g);
    if (changed.size() != 1) return std::nullopt;
    const int y = changed[0];
    if (a.parent[y] < 0) return FoundTransition{Transition::PruneAndPlant, -1, -1, y};  // §6.2
    const int eta = a.parent[y], x = b.holder[eta];
    // x on η becomes indifferent to the allocated y, which is no predecessor of η (§6.1, §6.3).
    if (x < 0 || b.holder[y] < 0 || ancestor_or_self(y, eta)) return std::nullopt;
    return FoundTransition{b.parent[y] < 0 ? Transition::Graft : Transition::PruneAndGraft, x, eta, y};
  }
  std::vector<int> moved;
  std::multiset<int> vacated, taken;
  for (int c = 0; c < nb; ++c)
    if (b.allocation[c] != a.allocation[c]) {
      moved.push_back(c);
      vacated.insert(b.allocation[c]);
      taken.insert(a.allocation[c]);
    }
  std::vector<int> allocation, parent, chain;
  FoundTransition found;
  if (vacated == taken) {  // §6.4: the allocated goods are the same, buyers rotate
    int x = -1;
    for (int c : moved) {  // x: the one whose new good is a proper predecessor of his old one
      const int up = b.parent[b.allocation[c]];
      if (up >= 0 && ancestor_or_self(a.allocation[c], up)) {
        if (x >= 0) return std::nullopt;
        x = c;
      }
    }
    if (x < 0) return std::nullopt;
    const int y = a.allocation[x], eta = b.allocation[x];
    for (int t = eta; t != y; t = b.parent[t]) chain.push_back(t);
    chain.push_back(y);
    std::reverse(chain.begin(), chain.end());  // y = y_1, ..., y_k = η
    for (int g : chain)
      if (b.holder[g] < 0) return std::nullopt;
    rotate(b, chain, -1, allocation, parent);
    found = {Transition::CycleAndReverse, x, eta, y};
  } else {  // §6.5: one good left, one unallocated good taken
    std::vector<int> left, gained;
    std::set_difference(vacated.begin(), vacated.end(), taken.begin(), taken.end(), std::back_inserter(left));
    std::set_difference(taken.begin(), taken.end(), vacated.begin(), vacated.end(),
                        std::back_inserter(gained));
    if (left.size() != 1 || gained.size() != 1) return std::nullopt;
    const int y = gained[0];
    if (b.holder[y] >= 0) return std::nullopt;
    int x = -1;
    for (int c : moved)
      if (a.allocation[c] == y) x = c;
    const int eta = b.allocation[x];
    chain = up_from(b, eta);
    std::reverse(chain.begin(), chain.end());  // y_1 (a root), ..., y_k = η
    for (int g : chain)
      if (b.holder[g] < 0) return std::nullopt;
    rotate(b, chain, y, allocation, parent);
    found = {Transition::ShiftAndReplant, x, eta, y};
  }
  if (allocation != a.allocation || parent != a.parent) return std::nullopt;
  return found;
}

AllocationMarket market_on_leg(const AllocationMarket& instance,
                               const std::vector<std::vector<std::optional<Rational>>>& start_values,
                               const std::string& leg, const Rational& z) {
  AllocationMarket m = instance;
  m.has_path = false;
  for (int a = 0; a < m.num_buyers(); ++a)
    for (int i = 0; i < m.num_goods(); ++i) {
      auto& u = m.utility[a][i];
      if (!u) continue;
      const Rational v0 = instance.utility[a][i]->value;
      Rational from = v0, to = v0;
      if (leg == "start") {
        if (a < static_cast<int>(start_values.size()) && start_values[a][i]) from = *start_values[a][i];
      } else {
        to = instance.value_to[a][i];
      }
      u->value = from + z * (to - from);
      m.value_to[a][i] = u->value;
    }
  for (int i = 0; i < m.num_goods(); ++i) {
    const Rational r0 = instance.goods[i].reservation;
    const Rational r1 = leg == "start" ? r0 : instance.reservation_to[i];
    m.goods[i].reservation = r0 + z * (r1 - r0);
    m.reservation_to[i] = m.goods[i].reservation;
  }
  return m;
}

namespace {

// The prices q(μ,F) of eq. (2.1) that `c`'s allocation and forest generate in market `m` (no path),
// or nothing with a failure when they are no GA-structure (a good without one place, an edge
// whose buyer does not hold its tail or does not accept both ends, a cycle).
std::optional<std::vector<Rational>> generated_prices(const AllocationMarket& m, const Certificate& c,
                                                      Verdict& v, const std::string& what) {
  const auto s = shape_of(m, c);
  if (!s) {
    v.fail(what + ": not a GA-structure (a good shared, without one place in the forest, or a cycle)");
    return std::nullopt;
  }
  std::vector<int> via(m.num_goods(), -1);
  for (const auto& e : c.edges) {
    if (e.buyer < 0 || e.buyer >= m.num_buyers() || s->holder[e.from] != e.buyer ||
        !m.utility[e.buyer][e.from] || !m.utility[e.buyer][e.to]) {
      v.fail(what + ": the edge (" + m.goods[e.from].name + " -> " + m.goods[e.to].name +
             ") is not priced by the buyer on its tail");
      return std::nullopt;
    }
    via[e.to] = e.buyer;
  }
  std::vector<std::optional<Rational>> q(m.num_goods());
  std::function<Rational(int)> price = [&](int k) -> Rational {
    if (q[k]) return *q[k];
    Rational value;
    if (s->parent[k] < 0) {
      value = m.goods[k].reservation;
    } else {
      const int i = s->parent[k], a = via[k];
      const auto &ti = *m.utility[a][i], &tk = *m.utility[a][k];
      value = (tk.value - ti.value + ti.slope * price(i)) / tk.slope;  // U_a(i, q_i) = U_a(k, q_k)
    }
    q[k] = value;
    return value;
  };
  std::vector<Rational> out(m.num_goods());
  for (int k = 0; k < m.num_goods(); ++k) out[k] = price(k);
  return out;
}

bool same_forest(const Certificate& x, const Certificate& y) {
  auto edges = [](const Certificate& c) {
    std::set<std::tuple<int, int, int>> s;
    for (const auto& e : c.edges) s.insert({e.from, e.to, e.buyer});
    return s;
  };
  return std::set<int>(x.roots.begin(), x.roots.end()) == std::set<int>(y.roots.begin(), y.roots.end()) &&
         x.roots.size() == y.roots.size() && x.edges.size() == y.edges.size() && edges(x) == edges(y);
}

std::string leg_point(const std::string& leg, const Rational& z) {
  return "leg " + leg + " at z = " + equilab::to_string(z);
}

// A structure that is a GA-structure of market m (§2.2): one buyer per good, each on a good he
// accepts, a forest on all goods whose edges are priced by the buyer on their tail, who accepts
// both ends. Nothing (and a failure) otherwise.
std::optional<Shape> ga_structure(const AllocationMarket& m, const Certificate& c, Verdict& v,
                                  const std::string& what) {
  auto s = shape_of(m, c);
  if (!s) {
    v.fail(what + ": not a GA-structure (a good shared, without one place in the forest, or a cycle)");
    return std::nullopt;
  }
  for (int a = 0; a < m.num_buyers(); ++a)
    if (!m.utility[a][s->allocation[a]]) {
      v.fail(what + ": buyer \"" + m.buyers[a] + "\" gets \"" + m.goods[s->allocation[a]].name +
             "\", which he does not find acceptable");
      return std::nullopt;
    }
  for (const auto& e : c.edges)
    if (e.buyer < 0 || e.buyer >= m.num_buyers() || s->holder[e.from] != e.buyer ||
        !m.utility[e.buyer][e.from] || !m.utility[e.buyer][e.to]) {
      v.fail(what + ": the edge (" + m.goods[e.from].name + " -> " + m.goods[e.to].name +
             ") is not priced by a buyer on its tail who accepts both goods");
      return std::nullopt;
    }
  return s;
}

// The exact search's path, checked incrementally. On a leg a structure's generated prices and
// its CE conditions (§2.1: p >= r, goods above reservation allocated, null goods at 0, each buyer's
// good in his demand) are affine in z; each condition is checked at both ends of every stretch of
// z over which its affine function stays the same: where it begins (the leg's start or the event
// that changed it) and where it ends (the event that changes it or the leg's end). An affine
// function non-negative at both ends is non-negative between, so each structure is a CE (and, its
// prices generated by its forest, the MEP) from its event to the next. A transition changes the
// functions of the goods it re-prices and of the buyers who move or whose good is re-priced, so
// the work follows the path's changes, not events × buyers × goods.
class Incremental {
 public:
  Incremental(const AllocationMarket& in,
              const std::vector<std::vector<std::optional<Rational>>>& start_values, Verdict& v)
      : in_(in),
        start_(start_values),
        v_(v),
        nb_(in.num_buyers()),
        ng_(in.num_goods()),
        goods_of_(nb_),
        buyers_of_(ng_) {
    for (int a = 0; a < nb_; ++a)
      for (int g = 0; g < ng_; ++g)
        if (in.utility[a][g]) {
          goods_of_[a].push_back(g);
          buyers_of_[g].push_back(a);
        }
  }

  // Structure s (valid) on leg `leg` from z = 0: every condition begins there.
  void begin_leg(const std::string& leg, const Shape& s, const std::string& what) {
    load_leg(leg);
    s_ = s;
    q_ = prices(s_);
    check_all(Rational(0), what);
  }
  // The leg's end: every condition ends at z = 1.
  void end_leg(const std::string& what) { check_all(Rational(1), what); }

  // Event e at its z replaces the structure by `next` (valid). The stated prices must be what both
  // structures generate at z; then they are the prices at which the conditions that end or begin
  // here are read. False when a stated price fails (the path is not followed further).
  bool event(const ResultEvent& e, const Shape& next, const std::string& at) {
    const Rational& z = e.z;
    const std::vector<Rational>& p = e.after.prices;
    std::vector<Aff> q = prices(next);
    std::vector<int> changed;  // goods whose affine price changes
    bool ok = true;
    for (int g = 0; g < ng_; ++g) {
      const bool same = q[g].c0 == q_[g].c0 && q[g].c1 == q_[g].c1;
      if (!same) changed.push_back(g);
      const Rational before = eval(q_[g], z);
      if (before != p[g]) {
        price_failure(at, g, p[g], before, "the structure before the event");
        ok = false;
      } else if (!same && eval(q[g], z) != p[g]) {
        price_failure(at, g, p[g], eval(q[g], z), "the structure after the event");
        ok = false;
      }
    }
    if (!ok) return false;
    // Conditions whose function changes: goods re-priced or (un)allocated; every pair of a buyer
    // who moves or whose good is re-priced; the other buyers' pairs with the re-priced goods.
    // Both structures have the prices p at z, so a condition that does not involve the moving
    // buyers' goods reads the same before and after and is read once.
    std::vector<char> good_mark(ng_, 0), buyer_mark(nb_, 0);
    for (int g : changed) good_mark[g] = 1;
    const std::string before = at + ": the structure before the event",
                      after = at + ": the structure after the event";
    for (int g = 0; g < ng_; ++g) {
      const bool held = s_.holder[g] >= 0, held_next = next.holder[g] >= 0;
      if (good_mark[g] || held != held_next) {
        good_condition(g, held, p, z, before);
        if (held_next != held) good_condition(g, held_next, p, z, after);
      }
    }
    for (int a = 0; a < nb_; ++a) {
      const int i = s_.allocation[a], j = next.allocation[a];
      if (i == j && !good_mark[j]) continue;
      buyer_mark[a] = 1;
      buyer_condition(a, i, goods_of_[a], p, z, before);
      if (j != i) buyer_condition(a, j, goods_of_[a], p, z, after);
    }
    for (int g : changed)
      for (int b : buyers_of_[g])
        if (!buyer_mark[b]) buyer_condition(b, next.allocation[b], std::vector<int>{g}, p, z, after);
    s_ = next;
    q_ = std::move(q);
    return true;
  }

 private:
  struct Aff {
    Rational c0, c1;  // c0 + c1·z
  };
  static Rational eval(const Aff& f, const Rational& z) {
    return f.c1 == 0 ? f.c0 : Rational(f.c0 + f.c1 * z);
  }

  const AllocationMarket& in_;
  const std::vector<std::vector<std::optional<Rational>>>& start_;
  Verdict& v_;
  int nb_, ng_;
  std::vector<std::vector<int>> goods_of_, buyers_of_;
  std::vector<std::vector<Aff>> value_;  // [a][g] on the current leg
  std::vector<Aff> reservation_;
  Shape s_;
  std::vector<Aff> q_;
  int reported_ = 0;

  void fail(const std::string& why) {
    if (++reported_ <= 20)
      v_.fail(why);
    else
      v_.valid = false;
  }

  // §4.2: v(z) = v_from + z·(v_to − v_from); leg "start" from the trivial market to v⁰, leg
  // "path" from (v⁰, r⁰) to (v¹, r¹) (as market_on_leg).
  void load_leg(const std::string& leg) {
    value_.assign(nb_, std::vector<Aff>(ng_));
    for (int a = 0; a < nb_; ++a)
      for (int g : goods_of_[a]) {
        const Rational v0 = in_.utility[a][g]->value;
        Rational from = v0, to = v0;
        if (leg == "start") {
          if (start_[a][g]) from = *start_[a][g];
        } else {
          to = in_.value_to[a][g];
        }
        value_[a][g] = {from, to - from};
      }
    reservation_.assign(ng_, Aff{});
    for (int g = 0; g < ng_; ++g) {
      const Rational r0 = in_.goods[g].reservation, r1 = leg == "start" ? r0 : in_.reservation_to[g];
      reservation_[g] = {r0, r1 - r0};
    }
  }

  // q(μ,F,z) of eq. (2.1) as affine functions: roots at r(z), a successor k of i held by a priced
  // by U_a(i, q_i) = U_a(k, q_k).
  std::vector<Aff> prices(const Shape& s) const {
    std::vector<Aff> q(ng_);
    std::vector<int> order;
    for (int g = 0; g < ng_; ++g)
      if (s.parent[g] < 0) order.push_back(g);
    for (std::size_t t = 0; t < order.size(); ++t) {
      const int k = order[t];
      for (int c : s.children[k]) order.push_back(c);
      const int i = s.parent[k];
      if (i < 0) {
        q[k] = reservation_[k];
        continue;
      }
      const int a = s.holder[i];
      const Rational &bi = in_.utility[a][i]->slope, &bk = in_.utility[a][k]->slope;
      // v_ak(z) − β_ak q_k = v_ai(z) − β_ai q_i
      q[k] = {(value_[a][k].c0 - value_[a][i].c0 + bi * q[i].c0) / bk,
              (value_[a][k].c1 - value_[a][i].c1 + bi * q[i].c1) / bk};
    }
    return q;
  }

  Rational utility(int a, int g, const std::vector<Rational>& p, const Rational& z) const {
    const Rational& beta = in_.utility[a][g]->slope;
    return eval(value_[a][g], z) - (beta == 1 ? p[g] : Rational(beta * p[g]));
  }

  std::string good_name(int g) const { return "\"" + in_.goods[g].name + "\""; }

  void price_failure(const std::string& at, int g, const Rational& stated, const Rational& generated,
                     const std::string& which) {
    fail(at + "/prices/" + json_pointer_escape(in_.goods[g].name) + ": " + equilab::to_string(stated) +
         ", but " + which + " prices " + good_name(g) + " at " + equilab::to_string(generated) + " there");
  }

  // §2.1: p >= r, a good above reservation allocated, a null good at 0.
  void good_condition(int g, bool held, const std::vector<Rational>& p, const Rational& z,
                      const std::string& what) {
    const Rational r = eval(reservation_[g], z);
    const std::string head = what + " is not the minimum-price equilibrium there: " + good_name(g) +
                             " priced " + equilab::to_string(p[g]);
    if (p[g] < r) fail(head + " below its reservation " + equilab::to_string(r));
    if (p[g] > r && !held)
      fail(head + " above its reservation " + equilab::to_string(r) + " but unallocated");
    if (in_.goods[g].null && p[g] != 0) fail(head + ", not 0 (a null good)");
  }

  // §2.1: buyer a on good i demands it: no good of `goods` gives him more.
  void buyer_condition(int a, int i, const std::vector<int>& goods, const std::vector<Rational>& p,
                       const Rational& z, const std::string& what) {
    const Rational own = utility(a, i, p, z);
    for (int g : goods) {
      if (g == i) continue;
      const Rational other = utility(a, g, p, z);
      if (other > own)
        fail(what + " is not the minimum-price equilibrium there: buyer \"" + in_.buyers[a] + "\" prefers " +
             good_name(g) + " (utility " + equilab::to_string(other) + ") to his " + good_name(i) +
             " (utility " + equilab::to_string(own) + ")");
    }
  }

  void check_all(const Rational& z, const std::string& what) {
    std::vector<Rational> p(ng_);
    for (int g = 0; g < ng_; ++g) p[g] = eval(q_[g], z);
    for (int g = 0; g < ng_; ++g) good_condition(g, s_.holder[g] >= 0, p, z, what);
    for (int a = 0; a < nb_; ++a) buyer_condition(a, s_.allocation[a], goods_of_[a], p, z, what);
  }
};

class PathChecker {
 public:
  PathChecker(const AllocationMarket& instance, const ResultDocument& doc) : in_(instance), doc_(doc) {}

  Verdict run() {
    std::vector<std::string> legs = {"start"};
    if (in_.has_path) legs.push_back("path");
    Incremental exact(in_, doc_.start_values, v_);
    // S_0: the start allocation, every good a root at its reservation.
    Certificate s;
    s.allocation = doc_.start_allocation;
    s.prices.resize(in_.num_goods());
    for (int i = 0; i < in_.num_goods(); ++i) {
      s.roots.push_back(i);
      s.prices[i] = in_.goods[i].reservation;
    }
    const std::string start = "/start: the trivial market's structure (every good a root)";
    const auto s0 = ga_structure(in_, s, v_, start);
    if (!s0) return v_;
    if (doc_.bisect)
      mep(s, "start", Rational(0), start);
    else
      exact.begin_leg("start", *s0, start);
    std::size_t leg = 0;
    Rational z = 0;
    const auto& events = doc_.events;
    auto next_leg = [&] {
      const std::string what = "the structure at the end of leg " + legs[leg];
      if (doc_.bisect) {
        mep_generated(s, legs[leg], Rational(1), what);
      } else {
        exact.end_leg(what);
        if (leg + 1 < legs.size()) exact.begin_leg(legs[leg + 1], *shape_of(in_, s), what);
      }
      ++leg;
      z = 0;
    };
    for (std::size_t k = 0; k < events.size(); ++k) {
      const ResultEvent& e = events[k];
      const std::string at = e.pointer + " (" + leg_point(e.leg, e.z) + ")";
      const auto li = std::find(legs.begin(), legs.end(), e.leg) - legs.begin();
      if (li == static_cast<long>(legs.size())) {
        v_.fail(e.pointer + "/leg: the instance has no path, so no leg \"path\"");
        return v_;
      }
      if (static_cast<std::size_t>(li) < leg) {
        v_.fail(e.pointer + "/leg: leg " + e.leg + " after leg " + legs[leg]);
        return v_;
      }
      while (leg < static_cast<std::size_t>(li)) next_leg();
      if (e.z < 0 || e.z > 1) v_.fail(e.pointer + "/z: " + equilab::to_string(e.z) + " is outside [0, 1]");
      if (e.z < z)
        v_.fail(e.pointer + "/z: " + equilab::to_string(e.z) + " comes after z = " + equilab::to_string(z) +
                " on the same leg");
      const auto next = ga_structure(in_, e.after, v_, at + ": the structure after the event");
      if (!v_.valid) return v_;
      if (doc_.bisect)
        bisect_event(k, s, z);
      else if (!exact.event(e, *next, at))
        return v_;
      transition(s, e, at);
      s = e.after;
      z = e.z;
    }
    while (leg + 1 < legs.size()) next_leg();
    if (!doc_.bisect) exact.end_leg("the structure at the end of leg " + legs[leg]);
    // The last structure is the certificate's, the MEP at the path's end (the endpoint check).
    if (s.allocation != doc_.certificate.allocation || !same_forest(s, doc_.certificate))
      v_.fail(std::string(events.empty() ? "/start" : events.back().pointer) +
              ": the path's last structure is not the certificate's (allocation and forest)");
    std::map<std::string, long> counts;
    for (const auto& [type, n] : doc_.transition_counts) counts[type] = 0;
    for (const ResultEvent& e : events) ++counts[homotopy::to_string(e.type)];
    for (const auto& [type, n] : doc_.transition_counts)
      if (counts[type] != n)
        v_.fail("/transition_counts/" + type + ": " + std::to_string(n) + ", but the events list " +
                std::to_string(counts[type]));
    if (doc_.bisect) {
      bool any = false;
      for (const ResultEvent& e : events) any = any || e.unseparated;
      if (any != doc_.events_may_be_merged)
        v_.fail(std::string("/bisect/events_may_be_merged: ") +
                (doc_.events_may_be_merged ? "true" : "false") + ", but " +
                (any ? "some events are" : "no event is") + " marked unseparated");
    }
    return v_;
  }

 private:
  const AllocationMarket& in_;
  const ResultDocument& doc_;
  Verdict v_;

  // --bisect, structure by structure: c (with its stated prices) is the MEP of the market at (leg, z).
  void mep(const Certificate& c, const std::string& leg, const Rational& z, const std::string& what) {
    const Verdict w = check_allocation_market_certificate(market_on_leg(in_, doc_.start_values, leg, z), c);
    for (const auto& f : w.failures) v_.fail(what + " is not the minimum-price equilibrium there: " + f);
  }
  // The structure s, priced by its own forest, is the MEP of the market at (leg, z).
  void mep_generated(const Certificate& s, const std::string& leg, const Rational& z,
                     const std::string& what) {
    const AllocationMarket at = market_on_leg(in_, doc_.start_values, leg, z);
    const auto q = generated_prices(at, s, v_, what);
    if (q) mep({s.allocation, *q, s.roots, s.edges}, leg, z, what);
  }

  // --bisect: the event lies in (low, z]; the structure before it is the MEP at low and the one
  // after it at z (in an unseparated run, the first's before and the last's after).
  void bisect_event(std::size_t k, const Certificate& s, const Rational& previous_z) {
    const auto& events = doc_.events;
    const ResultEvent& e = events[k];
    const std::string at = e.pointer + " (" + leg_point(e.leg, e.z) + ")";
    const Rational low = *e.bracket_low;
    auto same_run = [&](const ResultEvent& x, const ResultEvent& y) {
      return x.unseparated && y.unseparated && x.leg == y.leg && x.z == y.z && x.bracket_low == y.bracket_low;
    };
    const bool first = k == 0 || !same_run(events[k - 1], e);
    const bool last = k + 1 == events.size() || !same_run(e, events[k + 1]);
    if (*e.bracket_high != e.z) v_.fail(e.pointer + "/bracket/1: the bracket ends at the event's z");
    if (!(low < e.z)) v_.fail(e.pointer + "/bracket/0: the bracket (low, z] is empty");
    // A run of unseparated events shares its bracket; the run's first event follows the previous one.
    if (first && low < previous_z)
      v_.fail(e.pointer + "/bracket/0: the bracket starts before the previous event");
    if (!v_.valid) return;
    if (first)
      mep_generated(s, e.leg, low,
                    at + ": the structure before the event, at the bracket's low end z = " +
                        equilab::to_string(low) + ",");
    if (last) {
      mep(e.after, e.leg, e.z, at + ": the structure after the event");
    } else {  // inside an unseparated run: the stated prices are the structure's own
      const auto q = generated_prices(market_on_leg(in_, doc_.start_values, e.leg, e.z), e.after, v_,
                                      at + ": the structure after the event");
      if (q && *q != e.after.prices)
        v_.fail(at + "/prices: not the prices the structure after the event generates");
    }
  }

  void transition(const Certificate& before, const ResultEvent& e, const std::string& at) {
    const auto t = classify_transition(in_, before, e.after);
    if (!t) {
      v_.fail(
          at +
          ": the structure after the event is not one of §6's five transitions of the structure before it");
      return;
    }
    auto name = [&](int g) { return g < 0 ? std::string("(none)") : "\"" + in_.goods[g].name + "\""; };
    auto buyer = [&](int b) { return b < 0 ? std::string("(none)") : "\"" + in_.buyers[b] + "\""; };
    if (t->type != e.type)
      v_.fail(e.pointer + "/type: " + homotopy::to_string(e.type) +
              ", but the structures before and after it are a " + homotopy::to_string(t->type));
    if (t->buyer != e.buyer)
      v_.fail(e.pointer + "/buyer: " + buyer(e.buyer) + ", but the transition is made by " + buyer(t->buyer));
    if (t->from_good != e.from_good)
      v_.fail(e.pointer + "/from: " + name(e.from_good) + ", but the transition starts from " +
              name(t->from_good));
    if (t->good != e.good)
      v_.fail(e.pointer + "/good: " + name(e.good) + ", but the transition's good is " + name(t->good));
  }
};

}  // namespace

Verdict check_allocation_market_path(const AllocationMarket& instance, const ResultDocument& doc) {
  return PathChecker(instance, doc).run();
}

}  // namespace equilab::verify
