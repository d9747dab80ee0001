// Method `constructive`, step (iii), one good: the price of the proof of Theorem 6 (Wang 2019,
// §4.3.3, eq. (20)), computed exactly, and the place where that construction fails.
//
// Reading of the proof for one good (our reconstruction; the paper states it for sets).
// Net trades (Δm, d); c_i = v_i - ω_i^m. The translated better-than set of type i is
// P_i = {Δm >= c_i - u_i(ω_i + d), d >= -ω_i}. A candidate budget set B in the lower half-space
// is {Δm <= -p_B(d)} with p_B >= 0 ((P1): closed, downward closed). Then
//   (P3) B ∩ int P_i = ∅        <=>  p_B(d) >= L(d) := max_{i: ω_i+d >= 0} u_i(ω_i + d) - c_i,
//   (P4) -P_i ∩ {Δm<=0} ⊂ B     <=>  p_B(d) <= max(0, -L(-d)),
//   (P2) p_B non-decreasing,    (P5) p_B(-t) = Δm at every traded (Δm, t) with Δm >= 0 (sellers).
// B_- is the largest such set, i.e. p_{B_-} the smallest admissible p_B. For d <= 0, L(d) <=
// L(0) <= 0 at a stable state (no [i] or [i,i] blocks: c_i >= u_i(ω_i)), and L is continuous and
// non-decreasing on d >= 0 (a max of non-decreasing continuous terms, every type present). So the
// smallest non-decreasing p_B >= max(0, L) is P(d) := max(0, L(d)) (d >= 0), P = 0 on d <= 0.
// (P5) then holds iff P(s) = Δm at every seller point s = -t; if instead P(s) < Δm, every
// admissible p_B has p_B(s) = Δm > P(s), and the closure of their union (B_-) has the lower
// semi-continuous hull, which cannot meet (P5) with P(s) < Δm: Lemma 18 (B_- ∈ ℬ) fails.
// Eq. (20): p(d) = -p_{B_-}(-d) if p_{B_-}(-d) > 0, else p_{B_-}(d); with P = 0 on d <= 0 this
// is the odd extension of P. Lemma 21 claims p_{B_-}(t) = -Δm at every buyer point (Δm < 0).
//
// What is computed. P on d >= 0 as exact breakpoints, then:
//   "lemma-18": a seller point (s, f = Δm >= 0) with P(s) != f (P(s) < f: the gap above; P(s) >
//               f: then L(s) > f, a buyer prefers the seller's trade, no price exists at all);
//   "lemma-21": a buyer point (t, f = -Δm) with P(t) != f (P(t) > f: again L(t) > f);
//   "lemma-23": some type is not optimal against the odd extension of P (a type j and a trade d
//               with u_j(ω_j + d) - p(d) > c_j; for d >= 0 impossible since p >= L there, so
//               d < 0 and L(d) + L(-d) > 0: condition (b) of price_lp.cpp fails, no price exists).
// When none fails the construction applies: p supports the state (affordable with a binding
// budget at every traded point by the first two checks, optimal by the third), and `verify`
// re-checks it independently.
//
// N = 2 (max_size <= 2): the construction always applies to a stable state. Sellers: the partner
// j of a seller in a pair buys exactly s and pays f, so L(s) >= u_j(ω_j + s) - c_j = f; buyers:
// L(t) >= f from the buyer itself; and L(s) <= f, L(t) <= f, L(d) + L(-d) <= 0 because pairs
// are permitted and no pair blocks (price_lp.cpp, "Which condition can fail"). With N >= 3 the
// seller's counterpart may be two buyers, none buying s, and L(s) < f is possible: that is the
// gap in Lemmas 18 and 21 (catalog/wang2019/4.3_theorem6_counterexample.json).
//
// This file shares no code with price_lp.cpp (it computes L, its breakpoints and the agent
// test on its own), so `crosscheck` can compare the two: construction applies => price-lp finds
// a supporting price; price-lp finds none => the construction fails.
#include "economies/methods.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace equilab::economies {
namespace {

// u_i(ω_i + d) - c_i, the type's value of buying d (d >= -ω_i).
Rational gain(const Economy& e, const std::vector<Rational>& c, int i, const Rational& d) {
  return utility(e.types[i], {e.types[i].endowment[0] + d}) - c[i];
}

// P(d) = max(0, L(d)) for d >= 0 (every type can buy any d >= 0).
Rational smallest_boundary(const Economy& e, const std::vector<Rational>& c, const Rational& d) {
  Rational best = 0;
  for (int i = 0; i < e.num_types(); ++i) best = std::max(best, gain(e, c, i, d));
  return best;
}

// p = the odd extension of P, given by breakpoints on [0, ∞) and the final slope.
Rational odd_price(const std::vector<PricePoint>& bp, const Rational& slope, const Rational& d) {
  if (d < 0) return -odd_price(bp, slope, -d);
  for (std::size_t k = 1; k < bp.size(); ++k)
    if (d <= bp[k].trade)
      return bp[k - 1].price + (bp[k].price - bp[k - 1].price) * (d - bp[k - 1].trade) / (bp[k].trade - bp[k - 1].trade);
  return bp.back().price + slope * (d - bp.back().trade);
}

}  // namespace

ConstructionResult construct_price(const Economy& e, const State& state, const std::vector<Rational>& payoff) {
  if (e.num_goods() != 1) throw std::logic_error("construct_price: one good only");
  ConstructionResult out;
  std::vector<Rational> c;
  for (int i = 0; i < e.num_types(); ++i) c.push_back(payoff[i] - e.types[i].money);

  // Breakpoints of P on [0, ∞): every term d -> u_i(ω_i + d) - c_i is concave piecewise linear
  // with kinks at b - ω_i (b a kink of u_i beyond ω_i); between consecutive such events all
  // terms and the constant 0 are affine, so the max bends only at their pairwise crossings.
  std::set<Rational> events{Rational(0)};
  for (int i = 0; i < e.num_types(); ++i)
    for (const Rational& b : lower_envelope_1d(e.types[i]).kinks)
      if (b > e.types[i].endowment[0]) events.insert(b - e.types[i].endowment[0]);
  const std::vector<Rational> ev(events.begin(), events.end());
  std::set<Rational> points(events);
  for (std::size_t k = 0; k < ev.size(); ++k) {
    const bool last = k + 1 == ev.size();
    const Rational a = ev[k], b = last ? ev[k] + 1 : ev[k + 1];
    std::vector<std::pair<Rational, Rational>> lines{{Rational(0), Rational(0)}};  // (value at a, slope)
    for (int i = 0; i < e.num_types(); ++i) {
      const Rational va = gain(e, c, i, a);
      lines.push_back({va, (gain(e, c, i, b) - va) / (b - a)});
    }
    for (std::size_t x = 0; x < lines.size(); ++x)
      for (std::size_t y = x + 1; y < lines.size(); ++y) {
        if (lines[x].second == lines[y].second) continue;
        const Rational at = a + (lines[y].first - lines[x].first) / (lines[x].second - lines[y].second);
        if (at > a && (last || at < b)) points.insert(at);
      }
  }
  for (const Rational& d : points) out.price.push_back({d, smallest_boundary(e, c, d)});
  const Rational far = out.price.back().trade + 1;
  out.final_slope = smallest_boundary(e, c, far) - out.price.back().price;
  // Keep only the points where P bends (P is unchanged).
  std::vector<PricePoint> kept;
  for (std::size_t q = 0; q < out.price.size(); ++q) {
    if (!kept.empty()) {
      const PricePoint &a = kept.back(), &b = out.price[q];
      const bool has_next = q + 1 < out.price.size();
      const PricePoint n = has_next ? out.price[q + 1] : PricePoint{b.trade + 1, b.price + out.final_slope};
      if ((b.price - a.price) * (n.trade - b.trade) == (n.price - b.price) * (b.trade - a.trade)) continue;
    }
    kept.push_back(out.price[q]);
  }
  out.price = std::move(kept);
  auto p_at = [&](const Rational& d) { return odd_price(out.price, out.final_slope, d); };

  // The traded points: (P5) for sellers (Lemma 18), Lemma 21 for buyers.
  for (const StateGroup& g : state.groups)
    for (const auto& [i, bundle] : g.bundles) {
      const Rational t = bundle.goods[0] - e.types[i].endowment[0];
      const Rational dm = bundle.money - e.types[i].money;  // Δm
      if (t == 0 && dm == 0) continue;
      const bool seller = dm >= 0;
      // Seller: (P5) puts (-Δm, -t) on ∂B, i.e. p(-t) = Δm. Buyer: p(t) = -Δm (Lemma 21).
      const Rational at = seller ? -t : t, want = seller ? dm : -dm;
      const Rational got = p_at(at);
      if (got == want) continue;
      out.step = seller ? "lemma-18" : "lemma-21";
      out.type = i;
      out.point = {at, want};
      out.value = got;
      out.message = std::string(seller ? "seller" : "buyer") + " \"" + e.types[i].name + "\" in " + group_label(e, g.group) +
                    " trades at p(" + to_string(at) + ") = " + to_string(want) + " but the smallest admissible boundary has p_{B_-}(" +
                    to_string(at) + ") = max(0, L) = " + to_string(got) +
                    (seller ? " (Lemma 18: B_- violates (P5))" : " (Lemma 21 fails)");
      return out;
    }
  // Lemma 23: every type optimal against p. g(d) = u_i(ω_i + d) - p(d) is piecewise linear on
  // [-ω_i, ∞); its sup is at -ω_i, at a bend of either part, or unbounded (final slopes).
  for (int i = 0; i < e.num_types(); ++i) {
    const Rational w = e.types[i].endowment[0];
    const Concave1d env = lower_envelope_1d(e.types[i]);
    std::set<Rational> cand{-w, Rational(0)};
    for (const PricePoint& q : out.price) cand.insert(q.trade), cand.insert(-q.trade);
    for (const Rational& b : env.kinks) cand.insert(b - w);
    for (const Rational& d : cand) {
      if (d < -w) continue;
      const Rational excess = gain(e, c, i, d) - p_at(d);
      if (excess > 0) {
        out.step = "lemma-23";
        out.type = i;
        out.point = {d, p_at(d)};
        out.value = excess + p_at(d);
        out.message = "type \"" + e.types[i].name + "\" prefers the net trade " + to_string(d) + ": u(ω+d) - c = " +
                      to_string(out.value) + " > p(d) = " + to_string(p_at(d)) + " (Lemma 23 fails)";
        return out;
      }
    }
    if (env.slopes.back() > out.final_slope) {
      out.step = "lemma-23";
      out.type = i;
      out.message = "type \"" + e.types[i].name + "\" buys without bound: marginal utility " + to_string(env.slopes.back()) +
                    " > final price slope " + to_string(out.final_slope);
      return out;
    }
  }
  out.applies = true;
  return out;
}

}  // namespace equilab::economies
