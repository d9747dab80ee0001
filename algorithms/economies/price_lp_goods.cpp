// Method `price-lp` with several goods (L >= 1 goods, used for L > 1): conditions (a)-(c) of
// price_lp.cpp on net-trade vectors, decided exactly, and a price on a finite grid.
//
// Notation as in price_lp.cpp: t_i^G = x_i^G - ω_i^x ∈ ℝ^L, forced values f = ω_i^m - m_i^G
// (budgets bind), c_i = v_i - ω_i^m, L(d) = max_{i: ω_i + d >= 0} u_i(ω_i + d) - c_i (-∞ if no
// type can trade d), U(d) = -L(-d). The forced set F holds (0,0), every (t_i^G, f) and its mirror
// (-t, -f) (oddness).
//   (a) L(t) <= f <= U(t) at every forced point (exact evaluations of u);
//   (b) L(d) + L(-d) <= 0 for all d, i.e. for every pair of types (i = j included)
//       max_d u_i(ω_i + d) + u_j(ω_j - d) <= c_i + c_j: one exact LP per pair (goods_optimum_lp
//       of the group [i,j]; for i = j the members share a bundle by concavity);
//   (c) F is consistent with an odd non-decreasing function: t <= t' componentwise ⇒ f <= f'
//       for all pairs of F (with t = t' this forces f = f'; oddness comes from the mirrors).
// Claim: (a)-(c) hold iff some odd, non-decreasing (componentwise) p: ℝ^L -> ℝ supports the
// state as in §4.1.4 (every budget binding at the traded vector, every agent optimal), where p
// need not be continuous. Necessity: as for one good. Sufficiency (proof):
//   φ+(d) = max{f : (t,f) ∈ F, t <= d}, φ-(d) = min{f : (t,f) ∈ F, t >= d} (±∞ when empty);
//   both are non-decreasing, and φ-(-d) = -φ+(d) because F is closed under mirroring. By (c),
//   φ+(d) <= φ-(d) (a point below d and one above d are comparable), and φ+(t) = φ-(t) = f at
//   every (t,f) ∈ F. Let φ(d) = median(φ+(d), 0, φ-(d)): real-valued, non-decreasing (a median of
//   non-decreasing functions), odd (median(-φ-(d), 0, -φ+(d)) = -φ(d)), and φ(t) = f on F.
//   L is non-decreasing (a larger d admits more types and raises every term) and so is U; by
//   (b), L <= U. Let p = max(L, min(φ, U)) (a clamp since L <= U). Then p is real-valued
//   (φ is), non-decreasing, odd (clamp(-x, -hi, -lo) = -clamp(x, lo, hi) with L(-d) = -U(d)),
//   p(t) = f on F by (a), and p >= L everywhere, so every agent is optimal: a type-i agent's
//   value ω_i^m - p(d) + u_i(ω_i + d) <= ω_i^m + c_i = v_i, attained at its own trade.
// So for several goods `supported` means exactly: an odd, non-decreasing price supports the
// state; its continuity is not established (for one good price_lp.cpp builds a continuous one).
// The returned certificate is p on a finite grid: the product of the coordinates of F when it
// has at most kMaxProductGrid points, otherwise F itself; `verify` checks oddness, monotonicity,
// the forced values and p >= L on that grid, and (b) with its own exact LPs.
#include "economies/methods.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace equilab::economies {
namespace {

constexpr std::size_t kMaxProductGrid = 1024;

bool leq(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  for (std::size_t l = 0; l < a.size(); ++l)
    if (a[l] > b[l]) return false;
  return true;
}

std::vector<Rational> negated(std::vector<Rational> v) {
  for (auto& x : v) x = -x;
  return v;
}

std::string vec_text(const std::vector<Rational>& v) {
  std::string s = "(";
  for (std::size_t l = 0; l < v.size(); ++l) s += (l ? "," : "") + to_string(v[l]);
  return s + ")";
}

}  // namespace

std::optional<Rational> lower_price_bound_goods(const Economy& e, const std::vector<Rational>& c,
                                                const std::vector<Rational>& d, int* argmax) {
  std::optional<Rational> best;
  for (int i = 0; i < e.num_types(); ++i) {
    std::vector<Rational> x(d.size());
    bool ok = true;
    for (std::size_t l = 0; l < d.size(); ++l) {
      x[l] = e.types[i].endowment[l] + d[l];
      if (x[l] < 0) ok = false;
    }
    if (!ok) continue;
    const Rational v = utility(e.types[i], x) - c[i];
    if (!best || v > *best) {
      best = v;
      if (argmax) *argmax = i;
    }
  }
  return best;
}

std::vector<VecPoint> forced_vectors(const Economy& e, const State& state) {
  std::vector<VecPoint> out{{std::vector<Rational>(e.num_goods(), Rational(0)), Rational(0)}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      VecPoint p{std::vector<Rational>(e.num_goods()), e.types[i].money - b.money};
      for (int l = 0; l < e.num_goods(); ++l) p.trade[l] = b.goods[l] - e.types[i].endowment[l];
      if (std::none_of(out.begin(), out.end(), [&](const VecPoint& q) { return q.trade == p.trade && q.price == p.price; }))
        out.push_back(p);
    }
  return out;
}

GoodsPriceResult price_lp_goods(const Economy& e, const State& state, const std::vector<Rational>& payoff) {
  const int k = e.num_types();
  std::vector<Rational> c;
  for (int i = 0; i < k; ++i) c.push_back(payoff[i] - e.types[i].money);
  GoodsPriceResult out;
  out.forced = forced_vectors(e, state);
  std::vector<VecPoint> all = out.forced;  // F: the forced points and their mirrors
  for (const VecPoint& p : out.forced) {
    VecPoint m{negated(p.trade), -p.price};
    if (std::none_of(all.begin(), all.end(), [&](const VecPoint& q) { return q.trade == m.trade && q.price == m.price; }))
      all.push_back(m);
  }
  auto fail = [&](PriceViolationGoods v) { out.violation = std::move(v); };
  // (c) every comparable pair.
  for (std::size_t a = 0; a < all.size() && !out.violation; ++a)
    for (std::size_t b = 0; b < all.size() && !out.violation; ++b)
      if (a != b && leq(all[a].trade, all[b].trade) && all[a].price > all[b].price)
        fail({"c", {}, {all[a], all[b]}, all[a].price, all[b].price,
              "forced values p" + vec_text(all[a].trade) + " = " + to_string(all[a].price) + " > p" + vec_text(all[b].trade) +
                  " = " + to_string(all[b].price) + " although " + vec_text(all[a].trade) + " <= " + vec_text(all[b].trade)});
  // (b) one exact LP per pair of types.
  for (int i = 0; i < k && !out.violation; ++i)
    for (int j = i; j < k && !out.violation; ++j) {
      const Rational best = goods_optimum_lp(e, {i, j}).value;
      if (best > c[i] + c[j])
        fail({"b", {i, j}, {}, best, c[i] + c[j],
              "types \"" + e.types[i].name + "\" and \"" + e.types[j].name + "\" gain by trading with each other: " +
                  "max_d u_i(ω_i+d) + u_j(ω_j-d) = " + to_string(best) + " > c_i + c_j = " + to_string(c[i] + c[j])});
    }
  // (a) at every point of F (the upper bound at t is the lower bound at -t, also in F).
  for (const VecPoint& p : all) {
    if (out.violation) break;
    int arg = -1;
    const auto lo = lower_price_bound_goods(e, c, p.trade, &arg);
    if (lo && *lo > p.price)
      fail({"a-lower", {arg}, {p}, *lo, p.price,
            "type \"" + e.types[arg].name + "\" would trade " + vec_text(p.trade) + " at " + to_string(p.price) + ": L = " +
                to_string(*lo) + " > " + to_string(p.price)});
  }
  if (out.violation) return out;
  out.supported = true;

  // The grid: the product of the coordinates of F, or F itself.
  std::vector<std::vector<Rational>> coords(e.num_goods());
  std::size_t size = 1;
  for (int l = 0; l < e.num_goods(); ++l) {
    std::set<Rational> s;
    for (const VecPoint& p : all) s.insert(p.trade[l]);
    coords[l].assign(s.begin(), s.end());
    size = size > kMaxProductGrid ? size : size * coords[l].size();
  }
  std::vector<std::vector<Rational>> grid;
  if (size <= kMaxProductGrid) {
    out.grid_kind = "product";
    std::vector<std::size_t> idx(e.num_goods(), 0);
    for (;;) {
      std::vector<Rational> g(e.num_goods());
      for (int l = 0; l < e.num_goods(); ++l) g[l] = coords[l][idx[l]];
      grid.push_back(std::move(g));
      int l = 0;
      while (l < e.num_goods() && ++idx[l] == coords[l].size()) idx[l++] = 0;
      if (l == e.num_goods()) break;
    }
  } else {
    out.grid_kind = "forced";
    for (const VecPoint& p : all) grid.push_back(p.trade);
  }
  // p = clamp(median(φ+, 0, φ-), L, U) at every grid point.
  for (const auto& d : grid) {
    std::optional<Rational> up, down;  // φ+ and φ-
    for (const VecPoint& p : all) {
      if (leq(p.trade, d) && (!up || p.price > *up)) up = p.price;
      if (leq(d, p.trade) && (!down || p.price < *down)) down = p.price;
    }
    Rational phi = 0;
    if (up && *up > phi) phi = *up;
    if (down && *down < phi) phi = *down;
    const auto lo = lower_price_bound_goods(e, c, d, nullptr);
    const auto hi_neg = lower_price_bound_goods(e, c, negated(d), nullptr);  // U(d) = -L(-d)
    if (hi_neg && phi > -*hi_neg) phi = -*hi_neg;
    if (lo && phi < *lo) phi = *lo;
    out.grid.push_back({d, phi});
  }
  return out;
}

}  // namespace equilab::economies

// §4.4.1: is the state supported by a LINEAR price p(d) = π·d (π >= 0, so p is odd,
// non-decreasing and continuous)? Forced values give π·t = f on every traded vector. A type is
// optimal iff sup_{x >= 0} u_i(x) - π·(x - ω_i) <= c_i. For u_i(x) = min_k (c_k + g_k·x), LP
// duality gives sup_{x >= 0} [min_k (c_k + g_k·x) - π·x] = min {Σ_k λ_k c_k : λ >= 0, Σ λ_k = 1,
// Σ_k λ_k g_k <= π} (the dual of max z - π·x, z <= c_k + g_k·x, x >= 0; an infeasible dual means
// the sup is +∞). So a linear price exists iff this LP in (π, λ) is feasible:
//   π >= 0, λ_i >= 0;  π·t = f (each forced point);  Σ_k λ_ik = 1,
//   Σ_k λ_ik g_k,l - π_l <= 0 (each good l),  Σ_k λ_ik c_k + π·ω_i <= c_i  (each type i).
#include "lp/exact_simplex.h"

namespace equilab::economies {

lp::LpModel linear_price_model(const Economy& e, const State& state, const std::vector<Rational>& payoff) {
  const int L = e.num_goods();
  lp::LpModel m;
  m.sense = lp::Sense::Minimize;
  for (int l = 0; l < L; ++l) m.variables.push_back({"pi[" + e.goods[l] + "]", Rational(0), std::nullopt});
  std::vector<int> first;
  for (int i = 0; i < e.num_types(); ++i) {
    first.push_back(m.num_vars());
    for (std::size_t k = 0; k < e.types[i].pieces.size(); ++k)
      m.variables.push_back({"lambda[" + e.types[i].name + "," + std::to_string(k) + "]", Rational(0), std::nullopt});
  }
  m.objective.assign(m.num_vars(), Rational(0));
  for (const VecPoint& p : forced_vectors(e, state)) {
    lp::Constraint row;
    row.name = "forced";
    row.op = lp::RowOp::Equal;
    row.rhs = p.price;
    for (int l = 0; l < L; ++l)
      if (p.trade[l] != 0) row.coef.emplace_back(l, p.trade[l]);
    if (row.coef.empty()) continue;  // p(0) = 0 holds for every π
    m.constraints.push_back(std::move(row));
  }
  for (int i = 0; i < e.num_types(); ++i) {
    const EconType& t = e.types[i];
    const int np = static_cast<int>(t.pieces.size());
    lp::Constraint sum;
    sum.name = "weights " + t.name;
    sum.op = lp::RowOp::Equal;
    sum.rhs = 1;
    for (int k = 0; k < np; ++k) sum.coef.emplace_back(first[i] + k, Rational(1));
    m.constraints.push_back(std::move(sum));
    for (int l = 0; l < L; ++l) {
      lp::Constraint row;
      row.name = "slope " + t.name + " " + e.goods[l];
      row.op = lp::RowOp::LessEqual;
      row.rhs = 0;
      for (int k = 0; k < np; ++k)
        if (t.pieces[k].grad[l] != 0) row.coef.emplace_back(first[i] + k, t.pieces[k].grad[l]);
      row.coef.emplace_back(l, Rational(-1));
      m.constraints.push_back(std::move(row));
    }
    lp::Constraint value;
    value.name = "optimal " + t.name;
    value.op = lp::RowOp::LessEqual;
    // Written with Σ λ = 1 as Σ_k λ_ik (c_k - c_i) + π·ω_i <= 0 (no row is left without
    // coefficients unless it reads 0 <= 0, which is dropped).
    value.rhs = 0;
    const Rational ci = payoff[i] - t.money;
    for (int k = 0; k < np; ++k)
      if (t.pieces[k].c != ci) value.coef.emplace_back(first[i] + k, t.pieces[k].c - ci);
    for (int l = 0; l < L; ++l)
      if (t.endowment[l] != 0) value.coef.emplace_back(l, t.endowment[l]);
    if (!value.coef.empty()) m.constraints.push_back(std::move(value));
  }
  lp::normalize_rows(m);
  return m;
}

LinearPriceResult linear_price(const Economy& e, const State& state, const std::vector<Rational>& payoff) {
  const lp::LpModel m = linear_price_model(e, state, payoff);
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  LinearPriceResult out;
  if (sol.status == lp::Status::Infeasible) {
    out.farkas = sol.farkas;
    return out;
  }
  if (sol.status != lp::Status::Optimal) throw std::logic_error("linear price LP: zero objective cannot be unbounded");
  out.exists = true;
  out.primal = sol.primal;
  return out;
}

}  // namespace equilab::economies
