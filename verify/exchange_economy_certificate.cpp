#include "verify/exchange_economy_certificate.h"

#include "economies/methods.h"

#include <algorithm>
#include <set>

namespace equilab::verify {
namespace {

using namespace economies;

std::string point_text(const PricePoint& p) { return "p(" + to_string(p.trade) + ") = " + to_string(p.price); }

bool has_point(const std::vector<PricePoint>& forced, const PricePoint& p) {
  return std::any_of(forced.begin(), forced.end(),
                     [&](const PricePoint& f) { return f.trade == p.trade && f.price == p.price; });
}

void check_price(const Economy& e, const State& state, const std::vector<Rational>& payoff, const PriceResult& claimed,
                 Verdict& v) {
  if (e.num_goods() != 1) {
    v.fail("a price is checked for one good only");
    return;
  }
  // Forced values, recomputed without folding: each traded (t, ω^m - m) and its mirror.
  std::vector<PricePoint> forced{{Rational(0), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      const Rational t = b.goods[0] - e.types[i].endowment[0], f = e.types[i].money - b.money;
      forced.push_back({t, f});
      forced.push_back({-t, -f});
    }
  for (const PricePoint& f : forced)
    if (f.trade >= 0 && !has_point(claimed.forced, f)) v.fail("forced value " + point_text(f) + " is not listed");
  for (const PricePoint& f : claimed.forced)
    if (!has_point(forced, f)) v.fail("listed forced value " + point_text(f) + " is not forced by the state");
  const std::vector<Rational> c = reservation(e, payoff);
  auto omega = [&](int i) { return e.types[i].endowment[0]; };
  if (claimed.supported) {
    const auto& p = claimed.price;
    if (p.empty() || p[0].trade != 0 || p[0].price != 0) v.fail("the price must start at p(0) = 0");
    for (std::size_t k = 1; k < p.size(); ++k) {
      if (p[k].trade <= p[k - 1].trade) v.fail("price breakpoints must have increasing trades");
      if (p[k].price < p[k - 1].price) v.fail("price decreases between trades " + to_string(p[k - 1].trade) + " and " + to_string(p[k].trade));
    }
    if (claimed.final_slope < 0) v.fail("final slope " + to_string(claimed.final_slope) + " < 0");
    if (!v.valid) return;
    for (const PricePoint& f : forced) {
      const Rational q = evaluate_price(p, claimed.final_slope, f.trade);
      if (q != f.price) v.fail("p(" + to_string(f.trade) + ") = " + to_string(q) + " but the state forces " + to_string(f.price));
    }
    // Agent optimality: g(d) = u_i(ω_i + d) - p(d) is piecewise linear on [-ω_i, ∞); its sup is
    // at -ω_i, a breakpoint of either part, or +∞ if the final slope of g is positive.
    for (int i = 0; i < e.num_types(); ++i) {
      const Concave1d env = lower_envelope_1d(e.types[i]);
      std::set<Rational> cand{-omega(i), Rational(0)};
      for (const PricePoint& q : p) cand.insert(q.trade), cand.insert(-q.trade);
      for (const Rational& b : env.kinks) cand.insert(b - omega(i));
      for (const Rational& d : cand) {
        if (d < -omega(i)) continue;
        const Rational gain = utility(e.types[i], {omega(i) + d}) - evaluate_price(p, claimed.final_slope, d);
        if (gain > c[i])
          v.fail("type \"" + e.types[i].name + "\" prefers trading " + to_string(d) + ": u(ω+d) - p(d) = " + to_string(gain) +
                 " > v - ω^m = " + to_string(c[i]));
      }
      if (env.slopes.back() > claimed.final_slope)
        v.fail("type \"" + e.types[i].name + "\" buys without bound: marginal utility " + to_string(env.slopes.back()) +
               " > final price slope " + to_string(claimed.final_slope));
    }
    return;
  }
  if (!claimed.violation) {
    v.fail("an unsupported state must state the violated condition");
    return;
  }
  const PriceViolation& w = *claimed.violation;
  auto forced_point = [&](std::size_t k) -> const PricePoint* {
    if (k >= w.points.size()) return nullptr;
    if (!has_point(forced, w.points[k])) {
      v.fail("violation: " + point_text(w.points[k]) + " is not forced by the state");
      return nullptr;
    }
    return &w.points[k];
  };
  if (w.condition == "c") {
    const PricePoint *a = forced_point(0), *b = forced_point(1);
    if (!a || !b) return v.fail("violation (c) needs two forced points");
    const bool bad = (a->trade == b->trade && a->price != b->price) || (a->trade < b->trade && a->price > b->price) ||
                     (b->trade < a->trade && b->price > a->price);
    if (!bad) v.fail("violation (c): " + point_text(*a) + " and " + point_text(*b) + " fit a non-decreasing function");
  } else if (w.condition == "a-lower" || w.condition == "a-upper") {
    const PricePoint* f = forced_point(0);
    if (!f || w.types.size() != 1) return v.fail("violation (a) needs one type and one forced point");
    const int i = w.types[0];
    if (w.condition == "a-lower") {
      if (omega(i) + f->trade < 0) return v.fail("violation (a): the type cannot trade " + to_string(f->trade));
      const Rational lhs = utility(e.types[i], {omega(i) + f->trade}) - c[i];
      if (!(lhs > f->price)) v.fail("violation (a): u(ω+t) - c = " + to_string(lhs) + " <= " + to_string(f->price));
    } else {
      if (f->trade > omega(i)) return v.fail("violation (a): the type cannot sell " + to_string(f->trade));
      const Rational rhs = c[i] - utility(e.types[i], {omega(i) - f->trade});
      if (!(f->price > rhs)) v.fail("violation (a): " + to_string(f->price) + " <= c - u(ω-t) = " + to_string(rhs));
    }
  } else if (w.condition == "b") {
    if (w.types.size() != 2) return v.fail("violation (b) needs two types");
    const int i = w.types[0], j = w.types[1];
    groups::GroupType pair{std::min(i, j), std::max(i, j)};
    const Rational best = goods_optimum_lp(e, pair).value;
    if (!(best > c[i] + c[j])) v.fail("violation (b): the pair optimum " + to_string(best) + " <= " + to_string(c[i] + c[j]));
  } else {
    v.fail("unknown violated condition \"" + w.condition + "\"");
  }
}

bool leq_vec(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  for (std::size_t l = 0; l < a.size(); ++l)
    if (a[l] > b[l]) return false;
  return true;
}

std::string vec_text(const std::vector<Rational>& v) {
  std::string s = "(";
  for (std::size_t l = 0; l < v.size(); ++l) s += (l ? "," : "") + to_string(v[l]);
  return s + ")";
}

// Several goods (price_lp_goods.cpp). The forced points are recomputed from the state. Supported:
// the grid is closed under negation and holds every forced vector; p on it is odd, non-decreasing
// for every comparable pair, equal to every forced value, and p(g) >= u_i(ω_i + g) - c_i for
// every type that can trade g (agents optimal on the grid, (a)); (b) is recomputed for every pair
// of types with the exact group LP. Together with the proof in price_lp_goods.cpp these imply an
// odd non-decreasing price on ℝ^L supporting the state. Unsupported: the violation is recomputed.
void check_goods_price(const Economy& e, const State& state, const std::vector<Rational>& payoff,
                       const GoodsPriceResult& claimed, Verdict& v) {
  const std::vector<Rational> c = reservation(e, payoff);
  std::vector<VecPoint> forced{{std::vector<Rational>(e.num_goods(), Rational(0)), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      VecPoint p{std::vector<Rational>(e.num_goods()), e.types[i].money - b.money};
      for (int l = 0; l < e.num_goods(); ++l) p.trade[l] = b.goods[l] - e.types[i].endowment[l];
      forced.push_back(p);
    }
  auto has = [](const std::vector<VecPoint>& list, const VecPoint& p) {
    return std::any_of(list.begin(), list.end(), [&](const VecPoint& q) { return q.trade == p.trade && q.price == p.price; });
  };
  for (const VecPoint& f : forced)
    if (!has(claimed.forced, f)) v.fail("forced value p" + vec_text(f.trade) + " = " + to_string(f.price) + " is not listed");
  for (const VecPoint& f : claimed.forced)
    if (!has(forced, f)) v.fail("listed forced value p" + vec_text(f.trade) + " is not forced by the state");
  auto L = [&](const std::vector<Rational>& d, int* arg) {
    std::optional<Rational> best;
    for (int i = 0; i < e.num_types(); ++i) {
      std::vector<Rational> x(d.size());
      bool ok = true;
      for (std::size_t l = 0; l < d.size(); ++l) ok = ok && (x[l] = e.types[i].endowment[l] + d[l]) >= 0;
      if (!ok) continue;
      const Rational g = utility(e.types[i], x) - c[i];
      if (!best || g > *best) {
        best = g;
        if (arg) *arg = i;
      }
    }
    return best;
  };
  if (claimed.supported) {
    const auto& grid = claimed.grid;
    auto value_at = [&](const std::vector<Rational>& d) -> std::optional<Rational> {
      for (const VecPoint& q : grid)
        if (q.trade == d) return q.price;
      return std::nullopt;
    };
    for (const VecPoint& q : grid) {
      const auto m = value_at([&] { auto n = q.trade; for (auto& x : n) x = -x; return n; }());
      if (!m || *m != -q.price) v.fail("p is not odd on the grid at " + vec_text(q.trade));
      const auto lo = L(q.trade, nullptr);
      if (lo && *lo > q.price)
        v.fail("an agent prefers trading " + vec_text(q.trade) + ": L = " + to_string(*lo) + " > p = " + to_string(q.price));
    }
    for (const VecPoint& a : grid)
      for (const VecPoint& b : grid)
        if (leq_vec(a.trade, b.trade) && a.price > b.price)
          v.fail("p decreases from " + vec_text(a.trade) + " to " + vec_text(b.trade));
    for (const VecPoint& f : forced) {
      const auto q = value_at(f.trade);
      if (!q) v.fail("the grid misses the traded vector " + vec_text(f.trade));
      else if (*q != f.price) v.fail("p" + vec_text(f.trade) + " = " + to_string(*q) + " but the state forces " + to_string(f.price));
    }
    for (int i = 0; i < e.num_types(); ++i)
      for (int j = i; j < e.num_types(); ++j) {
        const Rational best = goods_optimum_lp(e, {i, j}).value;
        if (best > c[i] + c[j])
          v.fail("(b): types \"" + e.types[i].name + "\" and \"" + e.types[j].name + "\" gain by trading with each other");
      }
    return;
  }
  if (!claimed.violation) return v.fail("an unsupported state must state the violated condition");
  const PriceViolationGoods& w = *claimed.violation;
  std::vector<VecPoint> all = forced;  // with mirrors
  for (const VecPoint& f : forced) {
    VecPoint m = f;
    for (auto& x : m.trade) x = -x;
    m.price = -m.price;
    all.push_back(m);
  }
  if (w.condition == "c") {
    if (w.points.size() != 2 || !has(all, w.points[0]) || !has(all, w.points[1]))
      return v.fail("violation (c) needs two forced points (or mirrors)");
    if (!(leq_vec(w.points[0].trade, w.points[1].trade) && w.points[0].price > w.points[1].price))
      v.fail("violation (c): the two forced points fit a non-decreasing function");
  } else if (w.condition == "a-lower") {
    if (w.points.size() != 1 || !has(all, w.points[0])) return v.fail("violation (a) needs one forced point (or mirror)");
    const auto lo = L(w.points[0].trade, nullptr);
    if (!lo || !(*lo > w.points[0].price)) v.fail("violation (a): no type prefers the forced trade");
  } else if (w.condition == "b") {
    if (w.types.size() != 2) return v.fail("violation (b) needs two types");
    const int i = std::min(w.types[0], w.types[1]), j = std::max(w.types[0], w.types[1]);
    if (!(goods_optimum_lp(e, {i, j}).value > c[i] + c[j])) v.fail("violation (b): the pair does not gain");
  } else {
    v.fail("unknown violated condition \"" + w.condition + "\"");
  }
}

// §4.4.1 linear price: the LP of linear_price_model is rebuilt from the instance and the state;
// a claimed (π, λ) must satisfy it exactly, a claimed non-existence needs valid Farkas multipliers.
void check_linear(const Economy& e, const State& state, const std::vector<Rational>& payoff, const LinearPriceResult& claimed,
                  Verdict& v) {
  const lp::LpModel model = linear_price_model(e, state, payoff);
  if (claimed.exists) {
    if (claimed.primal.size() != static_cast<std::size_t>(model.num_vars())) return v.fail("linear price: wrong number of values");
    for (int j = 0; j < model.num_vars(); ++j)
      if (model.variables[j].lower && claimed.primal[j] < *model.variables[j].lower)
        v.fail("linear price: " + model.variables[j].name + " < 0");
    for (const lp::Constraint& row : model.constraints) {
      Rational lhs = 0;
      for (const auto& [j, a] : row.coef) lhs += a * claimed.primal[j];
      const bool ok = row.op == lp::RowOp::Equal ? lhs == row.rhs : row.op == lp::RowOp::LessEqual ? lhs <= row.rhs : lhs >= row.rhs;
      if (!ok) v.fail("linear price: row \"" + row.name + "\" fails");
    }
    return;
  }
  lp::Solution<Rational> sol;
  sol.status = lp::Status::Infeasible;
  sol.farkas = claimed.farkas;
  const Verdict inner = check_lp_certificate(model, sol);
  for (const std::string& f : inner.failures) v.fail("linear price (Farkas): " + f);
}

// Step (iii) of `constructive` (constructive_price.cpp). Applies: the claimed P must be the
// smallest admissible boundary max(0, L) at each of its breakpoints (L recomputed here), and its
// odd extension must support the state (check_price: shape, forced values, agent optimality).
// Does not apply: the stated failure is recomputed from the instance and the state.
void check_construction(const Economy& e, const State& state, const std::vector<Rational>& payoff,
                        const ConstructionResult& claimed, Verdict& v) {
  if (e.num_goods() != 1) return v.fail("construction: one good only");
  const std::vector<Rational> c = reservation(e, payoff);
  auto omega = [&](int i) { return e.types[i].endowment[0]; };
  auto L = [&](const Rational& d) {  // max over types that can trade d; -inf as nullopt
    std::optional<Rational> best;
    for (int i = 0; i < e.num_types(); ++i)
      if (omega(i) + d >= 0) {
        const Rational g = utility(e.types[i], {omega(i) + d}) - c[i];
        if (!best || g > *best) best = g;
      }
    return best;
  };
  auto P = [&](const Rational& d) {  // max(0, L(d)), d >= 0
    const auto l = L(d);
    return l && *l > 0 ? *l : Rational(0);
  };
  for (const PricePoint& q : claimed.price)
    if (q.trade < 0 || q.price != P(q.trade))
      v.fail("construction: breakpoint " + point_text(q) + " but max(0, L(" + to_string(q.trade) + ")) = " +
             to_string(P(q.trade < 0 ? Rational(0) : q.trade)));
  if (!v.valid) return;
  if (claimed.applies) {
    PriceResult p;
    p.supported = true;
    std::optional<PriceViolation> ignored;
    p.forced = forced_prices(e, state, ignored);
    p.price = claimed.price;
    p.final_slope = claimed.final_slope;
    Verdict inner;
    check_price(e, state, payoff, p, inner);
    for (const std::string& f : inner.failures) v.fail("construction: " + f);
    return;
  }
  if (claimed.type < 0 || claimed.type >= e.num_types()) return v.fail("construction: the failure must name a type");
  const int i = claimed.type;
  const PricePoint& pt = claimed.point;
  if (claimed.step == "lemma-18" || claimed.step == "lemma-21") {
    const bool seller = claimed.step == "lemma-18";
    bool found = false;
    for (const StateGroup& g : state.groups) {
      auto it = g.bundles.find(i);
      if (it == g.bundles.end()) continue;
      const Rational t = it->second.goods[0] - omega(i), dm = it->second.money - e.types[i].money;
      if (seller && dm >= 0 && -t == pt.trade && dm == pt.price) found = true;
      if (!seller && dm < 0 && t == pt.trade && -dm == pt.price) found = true;
    }
    if (!found) return v.fail("construction: " + point_text(pt) + " is not a traded point of type \"" + e.types[i].name + "\"");
    const Rational at = pt.trade;
    const Rational got = at >= 0 ? P(at) : Rational(0);  // P = 0 on d <= 0
    if (got != claimed.value) v.fail("construction: p_{B_-}(" + to_string(at) + ") = " + to_string(got) + ", not " + to_string(claimed.value));
    else if (got == pt.price) v.fail("construction: p_{B_-}(" + to_string(at) + ") = " + to_string(got) + " meets the traded point");
  } else if (claimed.step == "lemma-23") {
    const Rational d = pt.trade;
    if (omega(i) + d < 0) return v.fail("construction: the type cannot trade " + to_string(d));
    const Rational want = utility(e.types[i], {omega(i) + d}) - c[i];
    const Rational p = d >= 0 ? P(d) : -P(-d);
    if (want != claimed.value || !(want > p))
      v.fail("construction: u(ω+d) - c = " + to_string(want) + " and p(" + to_string(d) + ") = " + to_string(p) +
             " do not show a better trade");
  } else {
    v.fail("construction: unknown step \"" + claimed.step + "\"");
  }
}

// Corollary 1. Supported: the state with the same τ and x and m_i = v_i - u_i(x_i), rebuilt
// here, is stable (its money balances, so Σ_{i∈G} v_i = s(G) on supp τ, and no group type
// blocks) and the claimed price supports it (check_price). Unsupported: the Farkas multipliers
// prove the LP of some_state_model, rebuilt from the instance, infeasible (check_lp_certificate).
void check_some_state(const Economy& e, const State& state, const SomeStateResult& claimed, std::uint64_t max_enumeration,
                      Verdict& v) {
  if (e.num_goods() != 1) return v.fail("some_state: one good only");
  if (claimed.supported) {
    if (claimed.payoff.size() != static_cast<std::size_t>(e.num_types())) return v.fail("some_state: one payoff per type");
    const State other = with_payoff(e, state, claimed.payoff);
    if (auto why = state_unstable(e, other, claimed.payoff, max_enumeration))
      return v.fail("some_state: the state with the found imputation is not stable: " + *why);
    PriceResult p = claimed.price;
    p.supported = true;
    std::optional<PriceViolation> ignored;
    p.forced = forced_prices(e, other, ignored);
    Verdict inner;
    check_price(e, other, claimed.payoff, p, inner);
    for (const std::string& f : inner.failures) v.fail("some_state: " + f);
    return;
  }
  const lp::LpModel model = some_state_model(e, state, max_enumeration);
  lp::Solution<Rational> sol;
  sol.status = lp::Status::Infeasible;
  sol.farkas = claimed.farkas;
  const Verdict inner = check_lp_certificate(model, sol);
  for (const std::string& f : inner.failures) v.fail("some_state (Farkas): " + f);
}

}  // namespace

Verdict check_exchange_economy_certificate(const Economy& economy, const EconomyResult& result,
                                           std::uint64_t max_enumeration) {
  Verdict v;
  const State& state = result.stable.state;
  std::vector<Rational> payoff;
  if (auto why = state_payoffs(economy, state, payoff)) {
    v.fail(*why);
    return v;
  }
  for (int i = 0; i < economy.num_types(); ++i)
    if (payoff[i] != result.stable.payoff[i])
      v.fail("type \"" + economy.types[i].name + "\": payoff m + u(x) = " + to_string(payoff[i]) + " but the result says " +
             to_string(result.stable.payoff[i]));
  if (auto why = state_unstable(economy, state, payoff, max_enumeration)) v.fail("not stable: " + *why);
  Rational welfare = 0;
  for (const StateGroup& g : state.groups)
    for (int i : g.group) welfare += g.mass * payoff[i];
  if (welfare != result.stable.welfare)
    v.fail("welfare " + to_string(result.stable.welfare) + " but Σ τ(G) Σ v = " + to_string(welfare));
  if (result.price) check_price(economy, state, payoff, *result.price, v);
  if (result.some_state) check_some_state(economy, state, *result.some_state, max_enumeration, v);
  if (result.construction) check_construction(economy, state, payoff, *result.construction, v);
  if (result.goods_price) check_goods_price(economy, state, payoff, *result.goods_price, v);
  if (result.linear) check_linear(economy, state, payoff, *result.linear, v);
  return v;
}

}  // namespace equilab::verify
