// Exact check of a pseudo_market `decompose` result from the instance alone (issue 10, "verify"):
// no LP and no flow is solved.
//   implemented       : probabilities ≥ 0 summing to 1; every point integral (0/1) and in Q (every
//                       cell bound, supply, agent row and constraint); Σ prob·point = x exactly.
//   not_implementable : value = ⟨w,x⟩ exactly and value > bound; then either (w, bound) is an
//                       inequality of Q itself (a row with its ceiling, minus a row with minus its
//                       floor, or a unit cell vector with 1) that x breaks, or bound equals the
//                       maximum of ⟨w,y⟩ over the integral feasible points, found by enumerating
//                       them (any bound below the value is valid when there are none).
//   m_natural / not_m_natural : every reported triple (A, B, j) breaks the exchange condition for
//                       every D; every agent reported M♮ is rechecked exhaustively.
// Enumeration past `max_enumeration` throws pseudo_market::EnumerationLimit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/json_io.h"
#include "pseudo_market/methods.h"
#include "pseudo_market/model.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

struct PseudoMarketCheckLimits {
  std::uint64_t max_enumeration = 2'000'000;
};

Verdict check_pseudo_market_certificate(const pseudo_market::DecomposeInstance& instance,
                                        const pseudo_market::DecomposeResult& result,
                                        const PseudoMarketCheckLimits& limits = {});

// The slides' M♮ exchange condition at one triple, by definition: does some D ⊆ B∖A, |D| ≤ 1,
// give u((A∖j) ∪ D) + u((B∖D) ∪ j) ≥ u(A) + u(B)? (false when A or B is outside dom u)
bool m_natural_exchange(const pseudo_market::Agent& agent, const pseudo_market::Bundle& A,
                        const pseudo_market::Bundle& B, int j);

// Exact check of an `equilibrium` result (EMZ §2.7 (1)–(3) with the α-slack budgets of §7.1), no
// LP solved. Per equilibrium: prices ≥ 0; personal prices and budgets recomputed from p and ω (and
// compared with the stated ones when present); x ≥ 0 and x ∈ C (individual rows, priced rows,
// allocate_all equalities); (3) p_c > 0 ⇒ a^c·x = b^c; per agent the KKT certificate: λ ≥ 0,
// μ ≥ 0, reduced costs u_il − λ p_il − Σ_k μ_k g_kl ≤ 0 and = 0 where x_il > 0, p_i·x_i ≤ β_i,
// λ(β_i − p_i·x_i) = 0, μ_k(h_k − g_k·x_i) = 0, and zero duality gap u_i·x_i = λβ_i + Σ μ_k h_k
// (by weak duality x_i is then optimal in agent i's budget problem). Statuses none, undecided,
// irrational and not_equilibrium_price carry no certificate and pass with nothing checked.
Verdict check_equilibrium_certificate(const pseudo_market::EquilibriumInstance& instance,
                                      const pseudo_market::EquilibriumResult& result);

// Every claim of an `equilibrium` result document (verify/pseudo_market_result.cpp): the header
// (task, kind, arith, alpha), the listed counts and the canonical order of the lists, each
// equilibrium (check_equilibrium_certificate) with its stated copies, its exact ε (approximate) and
// its pareto_efficient flag against the efficiency certificate, the status against what is listed,
// `existence` recomputed from the instance (and `none` against a guaranteed existence), every
// family (check_family) with its utilities, and the irrational entries' polynomials.
Verdict check_equilibrium_result(const pseudo_market::EquilibriumInstance& instance,
                                 const pseudo_market::EquilibriumResultDocument& document);

// Every claim of a `decompose` result document besides the certificate: task, arith, the counts
// (`cells`, `points`), the certificate type against the status, a stated quota label against the
// inequality the weights state, and the m_natural flags (every agent with a utility, false exactly
// for the agents with a violating triple).
Verdict check_decompose_claims(const pseudo_market::DecomposeInstance& instance,
                               const pseudo_market::DecomposeResultDocument& document);

}  // namespace equilab::verify
