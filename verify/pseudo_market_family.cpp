// Exact check of a family of equilibrium prices (pseudo_market/family_certificate.h).
//
// The ends p(0), p(1) and the breakpoints between pieces are listed equilibria, checked on their
// own. On a piece [a, b] write p(σ) = (1 − σ)·p(a) + σ·p(b), σ ∈ (0, 1); personal prices p_i(σ) and
// budgets β_i(σ) = α·b_i + (1 − α)·p_i(σ)·ω_i are affine in σ. The certificate gives, per agent,
// x⁰, x¹ ≥ 0, k⁰, k¹ > 0 and end multipliers; x_i(σ) = ((1 − σ)k⁰x⁰ + σk¹x¹)/D_i(σ) with
// D_i(σ) = (1 − σ)k⁰ + σk¹ > 0 is a convex combination of x⁰ and x¹ with weight σk¹/D_i(σ) ∈ (0, 1).
// The checks below and why they prove EMZ §2.7 (1)–(3) at every σ ∈ (0, 1):
//   individual rows g·x ≤ h at x⁰ and x¹: they hold at the convex combination x_i(σ);
//   budget: D_i(σ)·(β_i(σ) − p_i(σ)·x_i(σ)) = c₀(1 − σ)² + c₁σ(1 − σ) + c₂σ² with
//     c₀ = k⁰(β(0) − p(0)·x⁰), c₂ = k¹(β(1) − p(1)·x¹), c₁ = k⁰(β(1) − p(1)·x⁰) + k¹(β(0) − p(0)·x¹);
//     binding agents need c₀ = c₁ = c₂ = 0 (the budget binds all along), the others ≥ 0 on (0, 1);
//   multipliers, binding agents: t(σ), m(σ) interpolate the ends linearly, t(σ) > 0 (t ≥ 0 at both
//     ends, not both 0). The reduced cost t(σ)u_l − p_il(σ) − Σ_k m_k(σ)g_kl is affine in σ, so
//     ≤ 0 at both ends gives ≤ 0 on the piece, and = 0 at both ends on every object held at x⁰ or x¹
//     (the support of every x_i(σ)) gives complementary slackness; m_k > 0 at an end only on rows
//     tight at x⁰ and x¹, hence tight at x_i(σ). Dividing by t(σ): λ = 1/t > 0, μ = m/t ≥ 0 satisfy
//     the KKT conditions of agent i's budget LP with the binding budget, so x_i(σ) is optimal.
//     Agents with λ = 0: μ(σ) interpolated, u_l − Σ μ_k g_kl is constant in p, same argument;
//   market: with D(σ) = Π_i D_i(σ) > 0 and X(σ) = x(σ)·D(σ) (polynomials), every priced row with a
//     positive price at an end (so at every interior σ) or an equality gives a·X − b·D ≡ 0 (tight,
//     (2) and (3)); the other priced rows b·D − a·X ≥ 0 on (0, 1); floors a·X − b·D ≥ 0;
//   hull kinds: w_k(σ) ≥ 0 on (0, 1), Σ_k w_k ≡ D and Σ_k w_k·y_k ≡ X, so x(σ) = Σ_k (w_k/D)·y_k is
//     a lottery over points of C;
//   prices: p(σ) is a convex combination of the ends' prices, which are ≥ 0.
// Hence every p(s), s ∈ [0, 1], is an equilibrium price. Identities are compared coefficient by
// coefficient; a sign on (0, 1) is decided by nonnegative_inside_unit.
#include "verify/pseudo_market_family.h"

#include <cstddef>

namespace equilab::verify {

using namespace pseudo_market;

bool nonnegative_inside_unit(const Poly& p) {
  if (p.is_zero()) return true;
  // p has constant sign between consecutive roots; every such piece of (0, 1) contains one of
  // the test points, or (piece at 0 with lo = 0) has it at 0 where p ≠ 0 and the sign carries.
  std::vector<Rational> tests;
  Rational prev = 0;
  for (const RootInterval& r : isolate_roots(p, Rational(0), Rational(1))) {
    if (prev < r.lo) tests.push_back((prev + r.lo) / 2);
    if (!r.exact) {
      tests.push_back(r.lo);
      tests.push_back(r.hi);
    }
    prev = r.hi;
  }
  if (prev < 1) tests.push_back((prev + 1) / 2);
  for (const Rational& s : tests)
    if (p.sign_at(s) < 0) return false;
  return true;
}

namespace {

std::string txt(const Rational& r) { return equilab::to_string(r); }

Rational row_at(const LinearRow& row, const std::vector<Rational>& x_agent, int offset) {
  Rational s = 0;
  for (const auto& [cell, a] : row.coef) s += a * x_agent[cell - offset];
  return s;
}

void check_piece(const EquilibriumInstance& in, const std::vector<Rational>& pa,
                 const std::vector<Rational>& pb, const FamilyPiece& piece, const std::string& who,
                 Verdict& v) {
  const int n = in.num_agents(), L = in.num_objects(), cells = in.num_cells();
  if (piece.agents.size() != static_cast<std::size_t>(n)) {
    v.fail(who + ": " + std::to_string(piece.agents.size()) + " agent paths for " + std::to_string(n) +
           " agents");
    return;
  }
  const std::vector<Rational> ppa = in.personal_prices(pa), ppb = in.personal_prices(pb);
  const std::vector<Rational> ba = in.budgets(pa), bb = in.budgets(pb);
  std::vector<Poly> D(n);
  for (int i = 0; i < n; ++i) {
    const FamilyPathAgent& a = piece.agents[i];
    const std::string agent = who + ": agent \"" + in.agents[i].name + "\"";
    const auto& rows = in.individual[i];
    if (a.from.size() != static_cast<std::size_t>(L) || a.to.size() != static_cast<std::size_t>(L) ||
        a.m_from.size() != rows.size() || a.m_to.size() != rows.size()) {
      v.fail(agent + ": wrong sizes");
      return;
    }
    if (a.weight_from <= 0 || a.weight_to <= 0)
      v.fail(agent + ": the path's weights must be positive (" + txt(a.weight_from) + ", " +
             txt(a.weight_to) + ")");
    D[i] = Poly::affine(a.weight_from, a.weight_to - a.weight_from);
    std::vector<bool> held(L, false);
    for (int l = 0; l < L; ++l) {
      if (a.from[l] < 0 || a.to[l] < 0)
        v.fail(agent + ": a negative amount of \"" + in.objects[l].name + "\" on the path");
      held[l] = a.from[l] > 0 || a.to[l] > 0;
    }
    std::vector<bool> tight(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const Rational s0 = row_at(rows[k], a.from, i * L), s1 = row_at(rows[k], a.to, i * L);
      if (s0 > rows[k].rhs || s1 > rows[k].rhs)
        v.fail(agent + ": the path breaks the individual constraint \"" + rows[k].name + "\"");
      tight[k] = s0 == rows[k].rhs && s1 == rows[k].rhs;
    }
    Rational spend_a0 = 0, spend_b0 = 0, spend_a1 = 0, spend_b1 = 0;
    for (int l = 0; l < L; ++l) {
      spend_a0 += ppa[in.cell(i, l)] * a.from[l];
      spend_b0 += ppb[in.cell(i, l)] * a.from[l];
      spend_a1 += ppa[in.cell(i, l)] * a.to[l];
      spend_b1 += ppb[in.cell(i, l)] * a.to[l];
    }
    const Rational c0 = a.weight_from * (ba[i] - spend_a0), c2 = a.weight_to * (bb[i] - spend_b1);
    const Rational c1 = a.weight_from * (bb[i] - spend_b0) + a.weight_to * (ba[i] - spend_a1);
    if (a.budget_binding) {
      if (c0 != 0 || c1 != 0 || c2 != 0)
        v.fail(agent + ": the budget does not bind all along the path (Bernstein coefficients " + txt(c0) +
               ", " + txt(c1) + ", " + txt(c2) + ")");
      if (a.t_from < 0 || a.t_to < 0 || (a.t_from == 0 && a.t_to == 0))
        v.fail(agent + ": 1/λ at the ends (" + txt(a.t_from) + ", " + txt(a.t_to) +
               ") must be ≥ 0 and not both 0");
    } else {
      const Poly q({c0, c1 - 2 * c0, c0 - c1 + c2});
      if (!nonnegative_inside_unit(q)) v.fail(agent + ": the path overspends the budget inside the piece");
      if (a.t_from != 0 || a.t_to != 0) v.fail(agent + ": an agent with λ = 0 carries 1/λ");
    }
    for (int end = 0; end < 2; ++end) {
      const std::vector<Rational>& m = end == 0 ? a.m_from : a.m_to;
      const std::vector<Rational>& pp = end == 0 ? ppa : ppb;
      const Rational& t = end == 0 ? a.t_from : a.t_to;
      const std::string at = agent + (end == 0 ? " at the piece's start" : " at the piece's end");
      std::vector<Rational> reduced(L);
      for (int l = 0; l < L; ++l)
        reduced[l] =
            a.budget_binding ? t * in.agents[i].utility[l] - pp[in.cell(i, l)] : in.agents[i].utility[l];
      for (std::size_t k = 0; k < rows.size(); ++k) {
        if (m[k] < 0) v.fail(at + ": the multiplier of \"" + rows[k].name + "\" is negative");
        if (m[k] != 0 && !tight[k])
          v.fail(at + ": the multiplier of \"" + rows[k].name +
                 "\" is positive but the row is slack on the path");
        for (const auto& [cell, g] : rows[k].coef) reduced[cell - i * L] -= m[k] * g;
      }
      for (int l = 0; l < L; ++l) {
        if (reduced[l] > 0)
          v.fail(at + ": the reduced cost of \"" + in.objects[l].name + "\" is " + txt(reduced[l]) + " > 0");
        else if (held[l] && reduced[l] != 0)
          v.fail(at + ": \"" + in.objects[l].name + "\" is held on the path but its reduced cost is " +
                 txt(reduced[l]));
      }
    }
  }
  if (!v.valid) return;
  // market conditions as polynomials in σ
  Poly total = Poly::constant(1);
  for (const Poly& d : D) total = total * d;
  std::vector<Poly> X(cells);
  for (int i = 0; i < n; ++i) {
    Poly others = Poly::constant(1);
    for (int j = 0; j < n; ++j)
      if (j != i) others = others * D[j];
    const FamilyPathAgent& a = piece.agents[i];
    for (int l = 0; l < L; ++l) {
      const Rational z0 = a.weight_from * a.from[l], z1 = a.weight_to * a.to[l];
      X[in.cell(i, l)] = Poly::affine(z0, z1 - z0) * others;
    }
  }
  auto row_poly = [&](const LinearRow& row) {
    Poly e = Rational(-1) * (row.rhs * total);
    for (const auto& [cell, a] : row.coef) e = e + a * X[cell];
    return e;  // (a·x(σ) − b)·D(σ)
  };
  for (std::size_t c = 0; c < in.priced.size(); ++c) {
    const LinearRow& row = in.priced[c];
    const Poly e = row_poly(row);
    if (row.equality || pa[c] > 0 || pb[c] > 0) {
      if (!e.is_zero())
        v.fail(who + ": constraint \"" + row.name +
               "\" is priced (or an equality) but not tight all along the piece");
    } else if (!nonnegative_inside_unit(Rational(-1) * e)) {
      v.fail(who + ": constraint \"" + row.name + "\" is violated inside the piece");
    }
  }
  for (const LinearRow& row : in.floors)
    if (!nonnegative_inside_unit(row_poly(row)))
      v.fail(who + ": the floor \"" + row.name + "\" is violated inside the piece");
  if (!in.has_hull()) {
    if (!piece.lottery.empty()) v.fail(who + ": a lottery for a kind without hull points");
    return;
  }
  if (piece.lottery.empty()) v.fail(who + ": x ∈ C needs a lottery over the hull points (none given)");
  Poly sum;
  std::vector<Poly> marginal(cells);
  for (const auto& [k, w] : piece.lottery) {
    if (k < 0 || k >= static_cast<int>(in.hull.size())) {
      v.fail(who + ": a lottery point is not a point of C");
      return;
    }
    if (!nonnegative_inside_unit(w)) v.fail(who + ": a lottery weight becomes negative inside the piece");
    sum = sum + w;
    for (int c : in.hull[k]) marginal[c] = marginal[c] + w;
  }
  if (!(sum - total).is_zero()) v.fail(who + ": the lottery weights do not add up to Π D_i");
  for (int c = 0; c < cells; ++c)
    if (!(marginal[c] - X[c]).is_zero()) {
      v.fail(who + ": the lottery does not give agent \"" + in.agents[c / L].name +
             "\" its path's amount of \"" + in.objects[c % L].name + "\"");
      break;
    }
}

}  // namespace

void check_family(const EquilibriumInstance& in, const std::vector<Rational>& from,
                  const std::vector<Rational>& to, const FamilyCertificate& cert,
                  const std::function<bool(const std::vector<Rational>&)>& listed, const std::string& label,
                  Verdict& v) {
  if (from == to) v.fail(label + ": the family's ends are the same price");
  if (!listed(from)) v.fail(label + ": prices_from is not the price of a listed equilibrium");
  if (!listed(to)) v.fail(label + ": prices_to is not the price of a listed equilibrium");
  if (cert.pieces.empty()) {
    v.fail(label + ": the certificate has no piece");
    return;
  }
  Rational at = 0;
  for (std::size_t k = 0; k < cert.pieces.size(); ++k) {
    const FamilyPiece& piece = cert.pieces[k];
    const std::string who = label + ", piece " + std::to_string(k + 1);
    if (piece.s_from != at || !(piece.s_from < piece.s_to) || piece.s_to > 1) {
      v.fail(who + ": the pieces must cover [0, 1] in order (this one is [" + txt(piece.s_from) + ", " +
             txt(piece.s_to) + "])");
      return;
    }
    if (k > 0 && !listed(price_on_segment(from, to, piece.s_from)))
      v.fail(who + ": the breakpoint s = " + txt(piece.s_from) + " is not the price of a listed equilibrium");
    check_piece(in, price_on_segment(from, to, piece.s_from), price_on_segment(from, to, piece.s_to), piece,
                who, v);
    at = piece.s_to;
  }
  if (at != 1) v.fail(label + ": the pieces end at s = " + txt(at) + ", not 1");
}

}  // namespace equilab::verify
