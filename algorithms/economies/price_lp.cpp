// Method `price-lp` (one good): does a price (§4.1.4: odd, non-decreasing, continuous
// p: ℝ -> ℝ) support a given stable state as a competitive equilibrium (Theorem 6)?
//
// Notation. t_i^G = x_i^G - ω_i^x is a traded quantity, c_i = v_i - ω_i^m with v_i the payoff
// of type i (Lemma 10). Under p a type-i agent chooses d >= -ω_i^x and gets
// ω_i^m - p(d) + u_i(ω_i^x + d). Money is strictly desirable, so at an equilibrium the budget
// binds: p(t_i^G) = ω_i^m - m_i^G (the forced values). Optimality of every type is then
//     p(d) >= L(d) := max_{i: ω_i + d >= 0} [u_i(ω_i + d) - c_i]     for every d,
// and by oddness p(d) <= U(d) := -L(-d). A price exists iff
//   (a) L(t) <= p(t) <= U(t) at every forced point,
//   (b) L(d) <= U(d) for every d, i.e. for every pair of types (i = j included)
//       max_d [u_i(ω_i + d) + u_j(ω_j - d)] <= c_i + c_j (the goods optimum of the pair [i,j]),
//   (c) the forced points folded to d >= 0 by oddness, with (0,0), are a non-decreasing function.
// Necessity is immediate. Sufficiency is the construction below.
//
// Construction (everything on d >= 0, then p(-d) = -p(d)). For d >= 0 every type is in the
// range of L, so L is continuous and non-decreasing there (a max of non-decreasing continuous
// functions). U(d) = min_{i: d <= ω_i} [c_i - u_i(ω_i - d)] is non-decreasing, continuous except
// at d = ω_i where a type leaves and U jumps up; it is left-continuous (U(ω_i) keeps type i).
// Let 0 = t_0 < t_1 < ... < t_r be the folded forced trades with values 0 = f_0 <= ... <= f_r.
// g is the piecewise linear function through (0,0), and for each k: (a_k, f_{k-1}) where a_k is
// the largest jump point ω_i in (t_{k-1}, t_k) (if any), then (t_k, f_k); g = f_r after t_r. Set
//     p(d) = max(L(d), min(g(d), U(d)))   (d >= 0).
// Claims. (1) p is continuous on [0,∞): g is continuous and g(a) <= U(a) at every jump point a
// of U. Indeed g = f_{k-1} on [t_{k-1}, a_k], so a jump a in (t_{k-1}, t_k) has g(a) = f_{k-1} <=
// U(t_{k-1}) <= U(a) (by (a) at t_{k-1} and U non-decreasing); a = t_k has g(a) = f_k <= U(t_k) by
// (a); a > t_r has g(a) = f_r <= U(t_r) <= U(a). As U is left-continuous and jumps up, min(g, U)
// tends to g(a) from both sides of such a jump (= its value there); elsewhere U is continuous.
// So min(g, U) is continuous, and so is its max with the continuous L (the value at a is
// min(g(a), U(a)) = g(a)). (2) p is non-decreasing: L, g, U are. (3) p(0) = 0: L(0) <= 0 <= U(0)
// by (b) with i = j, d = 0 (2u_i(ω_i) <= 2c_i), and g(0) = 0. Hence the odd extension is
// continuous, odd and non-decreasing (p >= 0 on d >= 0). (4) L <= p <= U on d >= 0 (using
// L <= U from (b)), hence by oddness p >= L on all of ℝ: every agent is optimal. (5) p(t_k) =
// max(L(t_k), min(f_k, U(t_k))) = f_k by (a): the state is affordable with a binding budget.
// So (p, τ, x, m) is a competitive equilibrium. tests/economies checks p against the agent
// optimality test of the certificate checker, which never uses L or U.
//
// Which condition can fail. For a stable state with pairs permitted (min_size <= 2 <= max_size),
// (a) and (b) always hold: (b) is "no pair blocks"; if some type j did better than L(t) <= f or
// f <= U(t) allows at a forced point of a trader k, then j either takes k's place in k's group
// (same size) or trades k's quantity with k in a pair, and that group blocks. So Theorem 6 comes
// down to (c). With N = 2, (c) holds too: the two members of a pair give the same folded point;
// a buyer paying f1 for t1 and a seller getting f2 < f1 for t2 >= t1 (or equal t, other price)
// would form a blocking pair. With N = 3 a trader's counterpart is a composite of two agents and
// the exchange argument breaks: catalog/wang2019/4.3_theorem6_counterexample.json (the gap is
// Lemma 21, Appendix D.11).
#include "economies/methods.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace equilab::economies {

std::vector<Rational> reservation(const Economy& economy, const std::vector<Rational>& payoff) {
  std::vector<Rational> c;
  for (int i = 0; i < economy.num_types(); ++i) c.push_back(payoff[i] - economy.types[i].money);
  return c;
}

std::optional<Rational> lower_price_bound(const Economy& economy, const std::vector<Rational>& c, const Rational& d,
                                          int* argmax) {
  std::optional<Rational> best;
  for (int i = 0; i < economy.num_types(); ++i) {
    const Rational x = economy.types[i].endowment[0] + d;
    if (x < 0) continue;
    const Rational v = utility(economy.types[i], {x}) - c[i];
    if (!best || v > *best) {
      best = v;
      if (argmax) *argmax = i;
    }
  }
  return best;
}

std::vector<PricePoint> forced_prices(const Economy& economy, const State& state, std::optional<PriceViolation>& violation) {
  std::vector<PricePoint> raw{{Rational(0), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      const Rational t = b.goods[0] - economy.types[i].endowment[0];
      const Rational f = economy.types[i].money - b.money;
      raw.push_back(t >= 0 ? PricePoint{t, f} : PricePoint{-t, -f});
    }
  std::sort(raw.begin(), raw.end(), [](const PricePoint& a, const PricePoint& b) {
    return a.trade < b.trade || (a.trade == b.trade && a.price < b.price);
  });
  std::vector<PricePoint> out;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    if (k > 0 && (raw[k].price < raw[k - 1].price || (raw[k].trade == raw[k - 1].trade && raw[k].price != raw[k - 1].price))) {
      if (!violation) {
        PriceViolation v;
        v.condition = "c";
        v.points = {raw[k - 1], raw[k]};
        v.lhs = raw[k - 1].price;
        v.rhs = raw[k].price;
        v.message = "forced values p(" + to_string(raw[k - 1].trade) + ") = " + to_string(raw[k - 1].price) + " and p(" +
                    to_string(raw[k].trade) + ") = " + to_string(raw[k].price) +
                    " fit no odd non-decreasing function";
        violation = v;
      }
    }
    if (out.empty() || out.back().trade != raw[k].trade || out.back().price != raw[k].price) out.push_back(raw[k]);
  }
  return out;
}

Rational evaluate_price(const std::vector<PricePoint>& price, const Rational& final_slope, const Rational& d) {
  if (d < 0) return -evaluate_price(price, final_slope, -d);
  for (std::size_t k = 1; k < price.size(); ++k)
    if (d <= price[k].trade)
      return price[k - 1].price +
             (price[k].price - price[k - 1].price) * (d - price[k - 1].trade) / (price[k].trade - price[k - 1].trade);
  return price.back().price + final_slope * (d - price.back().trade);
}

PriceResult price_lp(const Economy& economy, const State& state, const std::vector<Rational>& payoff) {
  if (economy.num_goods() != 1) throw std::logic_error("price-lp: one good only");
  const int k = economy.num_types();
  const std::vector<Rational> c = reservation(economy, payoff);
  PriceResult out;
  std::optional<PriceViolation> violation;
  out.forced = forced_prices(economy, state, violation);
  auto omega = [&](int i) { return economy.types[i].endowment[0]; };
  auto upper = [&](const Rational& d, int* arg) -> std::optional<Rational> {  // U(d), d >= 0
    std::optional<Rational> best;
    for (int i = 0; i < k; ++i) {
      if (d > omega(i)) continue;
      const Rational v = c[i] - utility(economy.types[i], {omega(i) - d});
      if (!best || v < *best) {
        best = v;
        if (arg) *arg = i;
      }
    }
    return best;
  };
  // (b): one exact pair optimum per pair of types.
  for (int i = 0; i < k && !violation; ++i)
    for (int j = i; j < k && !violation; ++j) {
      const Rational best = goods_optimum_greedy(economy, {i, j}).value;
      if (best > c[i] + c[j]) {
        PriceViolation v;
        v.condition = "b";
        v.types = {i, j};
        v.lhs = best;
        v.rhs = c[i] + c[j];
        v.message = "types \"" + economy.types[i].name + "\" and \"" + economy.types[j].name +
                    "\" gain by trading with each other: max_d u_i(ω_i+d) + u_j(ω_j-d) = " + to_string(best) +
                    " > c_i + c_j = " + to_string(v.rhs);
        violation = v;
      }
    }
  // (a) at every folded forced point.
  for (const PricePoint& f : out.forced) {
    if (violation) break;
    int arg = -1;
    const std::optional<Rational> lo = lower_price_bound(economy, c, f.trade, &arg);
    if (lo && *lo > f.price) {
      violation = PriceViolation{"a-lower", {arg}, {f}, *lo, f.price,
                                 "type \"" + economy.types[arg].name + "\" would buy " + to_string(f.trade) + " at " +
                                     to_string(f.price) + ": L(" + to_string(f.trade) + ") = " + to_string(*lo) +
                                     " > " + to_string(f.price)};
      break;
    }
    const std::optional<Rational> hi = upper(f.trade, &arg);
    if (hi && f.price > *hi)
      violation = PriceViolation{"a-upper", {arg}, {f}, f.price, *hi,
                                 "type \"" + economy.types[arg].name + "\" would sell " + to_string(f.trade) + " for " +
                                     to_string(f.price) + ": -L(-" + to_string(f.trade) + ") = " + to_string(*hi) +
                                     " < " + to_string(f.price)};
  }
  if (violation) {
    out.violation = violation;
    return out;
  }
  out.supported = true;

  // g: (0,0), then per forced point the largest jump point of U before it, then the point.
  std::vector<PricePoint> g{{Rational(0), Rational(0)}};
  for (std::size_t r = 1; r < out.forced.size(); ++r) {
    std::optional<Rational> a;
    for (int i = 0; i < k; ++i)
      if (omega(i) > out.forced[r - 1].trade && omega(i) < out.forced[r].trade && (!a || omega(i) > *a)) a = omega(i);
    if (a) g.push_back({*a, out.forced[r - 1].price});
    g.push_back(out.forced[r]);
  }
  auto g_at = [&](const Rational& d) { return evaluate_price(g, Rational(0), d); };
  auto p_at = [&](const Rational& d) {
    Rational v = g_at(d);
    if (auto u = upper(d, nullptr); u && *u < v) v = *u;
    if (auto l = lower_price_bound(economy, c, d); l && *l > v) v = *l;
    return v;
  };

  // Events: where some constituent (each term of L and U, g) may have a kink or U a jump.
  std::set<Rational> events{Rational(0)};
  for (int i = 0; i < k; ++i) {
    const Concave1d e = lower_envelope_1d(economy.types[i]);
    events.insert(omega(i));
    for (const Rational& b : e.kinks) {
      if (b > omega(i)) events.insert(b - omega(i));
      if (b < omega(i)) events.insert(omega(i) - b);
    }
  }
  for (const PricePoint& q : g) events.insert(q.trade);
  // Between consecutive events (and after the last) every constituent present on the whole
  // interval is affine; p is affine between the crossings of any two of them.
  std::vector<Rational> ev(events.begin(), events.end());
  std::set<Rational> points(events);
  for (std::size_t e = 0; e < ev.size(); ++e) {
    const Rational xa = ev[e];
    const bool last = e + 1 == ev.size();
    const Rational xb = last ? xa + 1 : ev[e + 1];
    std::vector<std::pair<Rational, Rational>> lines;  // (value at xa, slope)
    auto add = [&](const Rational& va, const Rational& vb) { lines.push_back({va, (vb - va) / (xb - xa)}); };
    for (int i = 0; i < k; ++i) {
      add(utility(economy.types[i], {omega(i) + xa}) - c[i], utility(economy.types[i], {omega(i) + xb}) - c[i]);
      if (xb <= omega(i))
        add(c[i] - utility(economy.types[i], {omega(i) - xa}), c[i] - utility(economy.types[i], {omega(i) - xb}));
    }
    add(g_at(xa), g_at(xb));
    for (std::size_t a = 0; a < lines.size(); ++a)
      for (std::size_t b = a + 1; b < lines.size(); ++b) {
        if (lines[a].second == lines[b].second) continue;
        const Rational x = xa + (lines[b].first - lines[a].first) / (lines[a].second - lines[b].second);
        if (x > xa && (last || x < xb)) points.insert(x);
      }
  }
  for (const Rational& x : points) out.price.push_back({x, p_at(x)});
  // p is affine after the last point: its slope, and a virtual point one unit on.
  const Rational last = out.price.back().trade;
  out.final_slope = p_at(last + 1) - out.price.back().price;
  out.price.push_back({last + 1, out.price.back().price + out.final_slope});
  // Drop points where p does not bend (keeps the output small; p is unchanged).
  std::vector<PricePoint> kept;
  for (std::size_t q = 0; q < out.price.size(); ++q) {
    if (!kept.empty() && q + 1 < out.price.size()) {
      const PricePoint &a = kept.back(), &b = out.price[q], &n = out.price[q + 1];
      if ((b.price - a.price) * (n.trade - b.trade) == (n.price - b.price) * (b.trade - a.trade)) continue;
    }
    kept.push_back(out.price[q]);
  }
  kept.pop_back();  // the virtual point
  out.price = std::move(kept);
  return out;
}

}  // namespace equilab::economies
