// The certificate of a one-parameter family of equilibrium prices (support-enum's `families`,
// EMZ 2022 §2.7 conditions (1)–(3) on a whole price segment), and its builder.
//
// A family claims that every p(s) = (1 − s)·p_from + s·p_to, s ∈ [0, 1], is an equilibrium price.
// Its ends and the breakpoints between pieces are listed equilibria (each with its own certificate);
// every open piece s ∈ (a, b) is certified by one path. With σ ∈ (0, 1) the local parameter of the
// piece (p(σ) = (1 − σ)·p(a) + σ·p(b)), agent i's assignment moves on the segment from x⁰_i to x¹_i:
//     x_i(σ) = ((1 − σ)·k⁰_i·x⁰_i + σ·k¹_i·x¹_i) / D_i(σ),   D_i(σ) = (1 − σ)·k⁰_i + σ·k¹_i,  k⁰, k¹ > 0.
// This is exactly the form of a support pattern's solution (equilibrium.cpp: x_i(s) = N_i(s)/D_i(s)
// with N_i and D_i affine in s, since only the budget row depends on s): k = D at the ends.
//
// Why a fixed certificate at both ends is not enough. For a FIXED (x, λ, μ) the conditions
// are linear in p — the reduced costs u_il − λ·p_il − Σ μ_k g_kl, the budget p_i·x_i ≤ β_i(p) (β is
// affine in p), λ(β_i − p_i·x_i) = 0 and p_c > 0 ⇒ a^c·x = b^c (for fixed x either the row is tight
// or p_c must be 0) — so the set of prices at which one certificate is valid is convex, and two
// ends with the same (x, λ, μ) certify the segment between them. Along a pattern, however, x_i(s)
// and λ_i(s) move: the budget p_i(s)·x_i(s) = β_i(s) is bilinear, so x_i is a ratio of affine
// functions and λ_i = 1/t_i with t_i affine. The certificate therefore states the path itself:
//   · budget-binding agents (λ_i > 0 on the piece): t = 1/λ and m = μ/λ at both ends, interpolated
//     linearly; the reduced costs t·u_il − p_il(σ) − Σ m_k g_kl are then affine in σ;
//   · other agents (λ_i = 0): μ at both ends, interpolated linearly;
// and verify checks (verify/pseudo_market_family.h) the KKT conditions at both ends with the
// support and tight rows of the whole path, the budget as a quadratic in σ (identically 0 when
// binding, ≥ 0 on (0, 1) otherwise), and every market condition — clearing, slack rows, floors,
// and for hull kinds the lottery weights w_k(σ) (polynomials with Σ_k w_k = Π_i D_i) — as a
// polynomial identity or a sign on (0, 1), exactly (Sturm sequences).
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "core/rational.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/sturm.h"

namespace equilab::pseudo_market {

struct FamilyPathAgent {
  std::vector<Rational> from, to;           // x_i at σ = 0 and σ = 1 (per object)
  Rational weight_from = 1, weight_to = 1;  // k⁰_i, k¹_i > 0
  bool budget_binding = false;
  Rational t_from = 0, t_to = 0;  // budget-binding agents: 1/λ at the piece's ends
  // Per individual row of the agent (order of in.individual[i]): μ/λ (binding) or μ (not binding).
  std::vector<Rational> m_from, m_to;
};

struct FamilyPiece {
  Rational s_from, s_to;  // the piece covers s ∈ [s_from, s_to] of the family
  std::vector<FamilyPathAgent> agents;
  // Hull kinds: (hull point, weight polynomial in σ); Σ_k w_k(σ)·y_k = x(σ)·Π_i D_i(σ).
  std::vector<std::pair<int, Poly>> lottery;
};

struct FamilyCertificate {
  std::vector<FamilyPiece> pieces;
};

// p(s) = (1 − s)·from + s·to.
std::vector<Rational> price_on_segment(const std::vector<Rational>& from, const std::vector<Rational>& to,
                                       const Rational& s);

// Builds a certificate for the family [from, to] (exact LPs at interior points and at the ends).
// Pieces break only at prices `listed` accepts (the result's listed equilibria). nullopt when no
// path of the form above was found.
std::optional<FamilyCertificate> build_family_certificate(
    const EquilibriumInstance& in, const std::vector<Rational>& from, const std::vector<Rational>& to,
    const std::function<bool(const std::vector<Rational>&)>& listed);

}  // namespace equilab::pseudo_market
