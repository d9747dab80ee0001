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
  // The listed values are folded by oddness: (t, f) for t > 0 or t = 0, (-t, -f) for t < 0.
  std::vector<PricePoint> folded{{Rational(0), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      const Rational t = b.goods[0] - e.types[i].endowment[0], f = e.types[i].money - b.money;
      folded.push_back(t >= 0 ? PricePoint{t, f} : PricePoint{-t, -f});
    }
  for (const PricePoint& f : folded)
    if (!has_point(claimed.forced, f)) v.fail("forced value " + point_text(f) + " is not listed");
  for (const PricePoint& f : claimed.forced)
    if (!has_point(folded, f)) v.fail("listed forced value " + point_text(f) + " is not forced by the state");
  const std::vector<Rational> c = reservation(e, payoff);
  auto omega = [&](int i) { return e.types[i].endowment[0]; };
  if (claimed.supported) {
    if (claimed.violation) v.fail("a supported state states no violated condition");
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
  // The violated inequality lhs > rhs (the result calls it lhs <= rhs failing) is recomputed.
  const PriceViolation& w = *claimed.violation;
  auto forced_point = [&](std::size_t k) -> const PricePoint* {
    if (k >= w.points.size()) return nullptr;
    if (!has_point(forced, w.points[k])) {
      v.fail("violation: " + point_text(w.points[k]) + " is not forced by the state");
      return nullptr;
    }
    return &w.points[k];
  };
  auto sides = [&](const Rational& lhs, const Rational& rhs) {
    if (w.lhs != lhs || w.rhs != rhs)
      v.fail("violation (" + w.condition + "): lhs " + to_string(w.lhs) + ", rhs " + to_string(w.rhs) + " but the state gives " +
             to_string(lhs) + " and " + to_string(rhs));
  };
  if (w.condition == "c") {
    if (w.points.size() != 2 || !w.types.empty()) return v.fail("violation (c) names two forced points and no type");
    const PricePoint *a = forced_point(0), *b = forced_point(1);
    if (!a || !b) return;
    const bool bad = (a->trade == b->trade && a->price != b->price) || (a->trade < b->trade && a->price > b->price) ||
                     (b->trade < a->trade && b->price > a->price);
    if (!bad) v.fail("violation (c): " + point_text(*a) + " and " + point_text(*b) + " fit a non-decreasing function");
    sides(a->price, b->price);
  } else if (w.condition == "a-lower" || w.condition == "a-upper") {
    if (w.points.size() != 1 || w.types.size() != 1) return v.fail("violation (a) names one type and one forced point");
    const PricePoint* f = forced_point(0);
    if (!f) return;
    const int i = w.types[0];
    if (w.condition == "a-lower") {
      if (omega(i) + f->trade < 0) return v.fail("violation (a): the type cannot trade " + to_string(f->trade));
      const Rational lhs = utility(e.types[i], {omega(i) + f->trade}) - c[i];
      if (!(lhs > f->price)) v.fail("violation (a): u(ω+t) - c = " + to_string(lhs) + " <= " + to_string(f->price));
      sides(lhs, f->price);
    } else {
      if (f->trade > omega(i)) return v.fail("violation (a): the type cannot sell " + to_string(f->trade));
      const Rational rhs = c[i] - utility(e.types[i], {omega(i) - f->trade});
      if (!(f->price > rhs)) v.fail("violation (a): " + to_string(f->price) + " <= c - u(ω-t) = " + to_string(rhs));
      sides(f->price, rhs);
    }
  } else if (w.condition == "b") {
    if (w.types.size() != 2 || !w.points.empty()) return v.fail("violation (b) names two types and no point");
    const int i = w.types[0], j = w.types[1];
    groups::GroupType pair{std::min(i, j), std::max(i, j)};
    const Rational best = goods_optimum_lp(e, pair).value;
    if (!(best > c[i] + c[j])) v.fail("violation (b): the pair optimum " + to_string(best) + " <= " + to_string(c[i] + c[j]));
    sides(best, c[i] + c[j]);
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
  auto has = [](const std::vector<VecPoint>& list, const VecPoint& p) {
    return std::any_of(list.begin(), list.end(), [&](const VecPoint& q) { return q.trade == p.trade && q.price == p.price; });
  };
  // The forced values in their listed order: (0, 0), then each traded (t, f) of the state's groups
  // (members by type), each distinct value once.
  std::vector<VecPoint> forced{{std::vector<Rational>(e.num_goods(), Rational(0)), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      VecPoint p{std::vector<Rational>(e.num_goods()), e.types[i].money - b.money};
      for (int l = 0; l < e.num_goods(); ++l) p.trade[l] = b.goods[l] - e.types[i].endowment[l];
      if (!has(forced, p)) forced.push_back(p);
    }
  for (const VecPoint& f : forced)
    if (!has(claimed.forced, f)) v.fail("forced value p" + vec_text(f.trade) + " = " + to_string(f.price) + " is not listed");
  for (const VecPoint& f : claimed.forced)
    if (!has(forced, f)) v.fail("listed forced value p" + vec_text(f.trade) + " is not forced by the state");
  if (v.valid && claimed.forced.size() != forced.size())
    v.fail("forced values: " + std::to_string(claimed.forced.size()) + " listed, the state forces " +
           std::to_string(forced.size()) + " distinct values");
  for (std::size_t k = 0; v.valid && k < forced.size(); ++k)
    if (claimed.forced[k].trade != forced[k].trade || claimed.forced[k].price != forced[k].price)
      v.fail("forced values are listed in the state's order: (0, 0), then by formed group and member type");
  std::vector<VecPoint> all = forced;  // with mirrors
  for (const VecPoint& f : forced) {
    VecPoint m = f;
    for (auto& x : m.trade) x = -x;
    m.price = -m.price;
    if (!has(all, m)) all.push_back(m);
  }
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
    if (claimed.violation) v.fail("a supported state states no violated condition");
    const auto& grid = claimed.grid;
    // The grid is what grid_kind says: F (the forced vectors and mirrors) or the product of F's coordinates.
    std::set<std::vector<Rational>> listed, expected;
    for (const VecPoint& q : grid) listed.insert(q.trade);
    if (claimed.grid_kind == "forced") {
      for (const VecPoint& f : all) expected.insert(f.trade);
    } else if (claimed.grid_kind == "product") {
      std::vector<std::set<Rational>> coords(e.num_goods());
      for (const VecPoint& f : all)
        for (int l = 0; l < e.num_goods(); ++l) coords[l].insert(f.trade[l]);
      expected.insert(std::vector<Rational>{});
      for (int l = 0; l < e.num_goods(); ++l) {
        std::set<std::vector<Rational>> next;
        for (const auto& prefix : expected)
          for (const Rational& x : coords[l]) {
            auto longer = prefix;
            longer.push_back(x);
            next.insert(std::move(longer));
          }
        expected = std::move(next);
      }
    } else {
      v.fail("unknown grid_kind \"" + claimed.grid_kind + "\" (product or forced)");
    }
    if (!expected.empty() && listed != expected)
      v.fail("the grid is not the " + claimed.grid_kind + " grid of the forced vectors (" + std::to_string(listed.size()) +
             " distinct points, expected " + std::to_string(expected.size()) + ")");
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
  auto sides = [&](const Rational& lhs, const Rational& rhs) {
    if (w.lhs != lhs || w.rhs != rhs)
      v.fail("violation (" + w.condition + "): lhs " + to_string(w.lhs) + ", rhs " + to_string(w.rhs) + " but the state gives " +
             to_string(lhs) + " and " + to_string(rhs));
  };
  if (w.condition == "c") {
    if (w.points.size() != 2 || !w.types.empty() || !has(all, w.points[0]) || !has(all, w.points[1]))
      return v.fail("violation (c) names two forced points (or mirrors) and no type");
    if (!(leq_vec(w.points[0].trade, w.points[1].trade) && w.points[0].price > w.points[1].price))
      v.fail("violation (c): the two forced points fit a non-decreasing function");
    sides(w.points[0].price, w.points[1].price);
  } else if (w.condition == "a-lower") {
    if (w.points.size() != 1 || w.types.size() != 1 || !has(all, w.points[0]))
      return v.fail("violation (a) names one type and one forced point (or mirror)");
    const int i = w.types[0];
    std::vector<Rational> x(e.num_goods());
    for (int l = 0; l < e.num_goods(); ++l)
      if ((x[l] = e.types[i].endowment[l] + w.points[0].trade[l]) < 0)
        return v.fail("violation (a): type \"" + e.types[i].name + "\" cannot trade " + vec_text(w.points[0].trade));
    const Rational lhs = utility(e.types[i], x) - c[i];
    if (!(lhs > w.points[0].price)) v.fail("violation (a): type \"" + e.types[i].name + "\" does not prefer the forced trade");
    sides(lhs, w.points[0].price);
  } else if (w.condition == "b") {
    if (w.types.size() != 2 || !w.points.empty()) return v.fail("violation (b) names two types and no point");
    const int i = std::min(w.types[0], w.types[1]), j = std::max(w.types[0], w.types[1]);
    const Rational best = goods_optimum_lp(e, {i, j}).value;
    if (!(best > c[i] + c[j])) v.fail("violation (b): the pair does not gain");
    sides(best, c[i] + c[j]);
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

// Step (iii) of `constructive` (constructive_price.cpp), one good. The claimed breakpoints and
// final slope must be exactly P = max(0, L) on [0, ∞), with a breakpoint only where P bends:
// L(d) = max_i u_i(ω_i + d) − c_i (every type can trade d >= 0). Between consecutive points of S
// (the claimed breakpoints and the shifted kinks b − ω_i of every u_i) every term of L is affine,
// so P is convex there and the claimed function affine; both agree on the whole interval iff
// they agree at its ends and its midpoint (a convex function equal to a chord at an interior
// point equals it). Beyond the last point s of S every term is affine, ℓ_i(d) = ℓ_i(s) + σ_i(d − s);
// the claimed a + σ(d − s) equals max(0, max_i ℓ_i) there iff every ℓ_i(s) <= a, σ_i <= σ, 0 <= a,
// 0 <= σ, and some term (or 0) has both a and σ.
// Applies: the odd extension of P must support the state (check_price). Does not apply: the
// step is the first failure of the construction's order, recomputed: the first traded point, in
// the state's order, where p misses the traded value (a seller: lemma-18, a buyer: lemma-21),
// else lemma-23; the type, point and value are its evidence and are recomputed.
void check_construction(const Economy& e, const State& state, const std::vector<Rational>& payoff,
                        const ConstructionResult& claimed, Verdict& v) {
  if (e.num_goods() != 1) return v.fail("construction: one good only");
  const std::vector<Rational> c = reservation(e, payoff);
  auto omega = [&](int i) { return e.types[i].endowment[0]; };
  auto gain = [&](int i, const Rational& d) { return utility(e.types[i], {omega(i) + d}) - c[i]; };
  auto P = [&](const Rational& d) {  // max(0, L(d)), d >= 0
    Rational best = 0;
    for (int i = 0; i < e.num_types(); ++i) best = std::max(best, gain(i, d));
    return best;
  };
  const auto& bp = claimed.price;
  if (bp.empty() || bp[0].trade != 0) return v.fail("construction: the price starts at trade 0");
  for (std::size_t k = 1; k < bp.size(); ++k)
    if (bp[k].trade <= bp[k - 1].trade) return v.fail("construction: breakpoints must have increasing trades");
  for (const PricePoint& q : bp)
    if (q.price != P(q.trade))
      v.fail("construction: breakpoint " + point_text(q) + " but max(0, L(" + to_string(q.trade) + ")) = " + to_string(P(q.trade)));
  for (std::size_t k = 1; k < bp.size(); ++k) {  // only bends are listed
    const PricePoint& a = bp[k - 1];
    const PricePoint& b = bp[k];
    const PricePoint n = k + 1 < bp.size() ? bp[k + 1] : PricePoint{b.trade + 1, b.price + claimed.final_slope};
    if ((b.price - a.price) * (n.trade - b.trade) == (n.price - b.price) * (b.trade - a.trade))
      v.fail("construction: breakpoint " + point_text(b) + " is not a bend of P");
  }
  if (!v.valid) return;
  auto claimed_at = [&](const Rational& d) { return evaluate_price(bp, claimed.final_slope, d); };
  std::set<Rational> points;
  for (const PricePoint& q : bp) points.insert(q.trade);
  std::vector<Concave1d> env;
  for (int i = 0; i < e.num_types(); ++i) {
    env.push_back(lower_envelope_1d(e.types[i]));
    for (const Rational& b : env.back().kinks)
      if (b > omega(i)) points.insert(b - omega(i));
  }
  const std::vector<Rational> S(points.begin(), points.end());
  for (std::size_t k = 0; k < S.size(); ++k) {
    std::vector<Rational> at{S[k]};
    if (k + 1 < S.size()) at.push_back((S[k] + S[k + 1]) / 2);
    for (const Rational& d : at)
      if (P(d) != claimed_at(d))
        return v.fail("construction: the price is " + to_string(claimed_at(d)) + " at " + to_string(d) +
                      " but max(0, L) = " + to_string(P(d)));
  }
  const Rational last = S.back(), a = claimed_at(last), sigma = claimed.final_slope;
  bool attained = a == 0 && sigma == 0;
  for (int i = 0; i < e.num_types(); ++i) {
    const Rational li = gain(i, last), si = env[i].slopes.back();
    if (li > a || si > sigma)
      return v.fail("construction: beyond trade " + to_string(last) + " the final slope " + to_string(sigma) +
                    " is not that of max(0, L) (type \"" + e.types[i].name + "\" has slope " + to_string(si) + ")");
    if (li == a && si == sigma) attained = true;
  }
  if (a < 0 || sigma < 0 || !attained)
    return v.fail("construction: beyond trade " + to_string(last) + " the final slope " + to_string(sigma) +
                  " is not that of max(0, L)");

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
  // The construction's order: traded points first (state order, members by type), then optimality.
  struct Traded {
    int type;
    bool seller;
    PricePoint point;  // (where p is evaluated, the traded value)
  };
  std::vector<Traded> traded;
  std::optional<std::size_t> first_miss;
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      const Rational t = b.goods[0] - omega(i), dm = b.money - e.types[i].money;
      if (t == 0 && dm == 0) continue;
      const bool seller = dm >= 0;
      traded.push_back({i, seller, {seller ? -t : t, seller ? dm : -dm}});
      if (!first_miss && claimed_at(traded.back().point.trade) != traded.back().point.price) first_miss = traded.size() - 1;
    }
  const std::string expected_step = !first_miss ? "lemma-23" : traded[*first_miss].seller ? "lemma-18" : "lemma-21";
  if (claimed.step != expected_step)
    return v.fail("construction: it fails first at " + expected_step +
                  (first_miss ? " (" + point_text(traded[*first_miss].point) + " of type \"" +
                                    e.types[traded[*first_miss].type].name + "\")"
                              : std::string(" (p meets every traded point)")) +
                  ", not at \"" + claimed.step + "\"");
  if (claimed.type < 0 || claimed.type >= e.num_types()) return v.fail("construction: the failure must name a type");
  const int i = claimed.type;
  const PricePoint& pt = claimed.point;
  if (claimed.step == "lemma-18" || claimed.step == "lemma-21") {
    const bool seller = claimed.step == "lemma-18";
    const bool found = std::any_of(traded.begin(), traded.end(), [&](const Traded& x) {
      return x.type == i && x.seller == seller && x.point.trade == pt.trade && x.point.price == pt.price;
    });
    if (!found)
      return v.fail("construction: " + point_text(pt) + " is not a traded point of " + (seller ? "seller" : "buyer") +
                    " type \"" + e.types[i].name + "\"");
    const Rational got = claimed_at(pt.trade);  // the odd extension of P
    if (got != claimed.value)
      v.fail("construction: p_{B_-}(" + to_string(pt.trade) + ") = " + to_string(got) + ", not " + to_string(claimed.value));
    else if (got == pt.price)
      v.fail("construction: p_{B_-}(" + to_string(pt.trade) + ") = " + to_string(got) + " meets the traded point");
    return;
  }
  // lemma-23: type i prefers a trade d, or buys without bound (then the point is (0, 0), value 0).
  if (env[i].slopes.back() > claimed.final_slope && pt.trade == 0 && pt.price == 0 && claimed.value == 0) return;
  const Rational d = pt.trade;
  if (omega(i) + d < 0) return v.fail("construction: the type cannot trade " + to_string(d));
  const Rational want = gain(i, d), p = claimed_at(d);
  if (pt.price != p) v.fail("construction: p(" + to_string(d) + ") = " + to_string(p) + ", not " + to_string(pt.price));
  if (want != claimed.value || !(want > p))
    v.fail("construction: u(ω+d) - c = " + to_string(want) + " and p(" + to_string(d) + ") = " + to_string(p) +
           " do not show a better trade");
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
