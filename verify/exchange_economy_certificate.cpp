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
  return v;
}

}  // namespace equilab::verify
