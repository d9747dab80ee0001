// Exact check of an exchange_economy result from the instance alone (no solver).
#pragma once

#include "economies/json_io.h"
#include "economies/model.h"
#include "verify/lp_certificate.h"

#include <cstdint>

namespace equilab::verify {

// The state: every formed group permitted, τ consistent with the masses, money and goods
// balanced inside every group, consumption >= 0 (§4.1.2); the payoffs m + u(x) equal the
// claimed payoff of the type in every group (Lemma 10); no group type blocks: Σ v >= s(G)
// with s(G) recomputed exactly (§4.1.3); welfare = Σ τ(G) Σ_{i∈G} v_i.
// A price (one good): the forced values recomputed from the state; when supported, p has
// p(0) = 0, increasing trades, non-decreasing values and final slope >= 0 (with its odd
// extension: odd, non-decreasing, continuous), p equals every forced value, and every type
// is optimal against p: sup_{d >= -ω_i} u_i(ω_i + d) - p(d) <= v_i - ω_i^m, evaluated on all
// breakpoints of both piecewise linear functions and their final slopes. When unsupported,
// the stated violated inequality is recomputed (condition (b) with the exact LP, not the
// greedy the method uses).
// Corollary 1 ("some_state"): a found imputation gives a stable state with the same τ and x that
// the claimed price supports; otherwise the Farkas multipliers prove the LP over the dual
// optimal face (economies::some_state_model) infeasible.
Verdict check_exchange_economy_certificate(const economies::Economy& economy, const economies::EconomyResult& result,
                                           std::uint64_t max_enumeration);

}  // namespace equilab::verify
