// Method `greedy` (issue 6, method 3; Zheng 2024 Theorem 1, Lemma 1, Props. 3–4): feasibility by
// construction from per-profile greedy optimisers of (7), for the kinds where such an optimiser is
// known — multiunit (rank by weight), ranked_quota (the §4.2 algorithm) and 2-player matching
// (top/second contender with δ of (45)). Shares no solving code with `lp` (no LP is solved).
#pragma once

#include <compare>
#include <optional>
#include <vector>

#include "interim/methods.h"
#include "interim/model.h"

namespace equilab::interim {

// A lexicographic weight (s₁χ_{S₁}(z), …, s_kχ_{S_k}(z)): compared lexicographically, missing
// components count as 0. The oracles only compare and add weights, so they run on this type and on
// Rational alike.
struct LexWeight {
  std::vector<int> c;
};
std::strong_ordering operator<=>(const LexWeight& a, const LexWeight& b);
bool operator==(const LexWeight& a, const LexWeight& b);
LexWeight operator+(const LexWeight& a, const LexWeight& b);
LexWeight operator-(const LexWeight& a, const LexWeight& b);

// Whether the kind has a greedy optimiser here (multiunit, ranked_quota, matching with 2 players).
bool greedy_applies(const InterimInstance& instance);

// The greedy maximiser of Σ w(j,i,t_i) x_i^j over X at one profile (ties: lower index).
template <class W>
Outcome greedy_outcome(const InterimInstance& instance, const std::vector<W>& w, int profile);
extern template Outcome greedy_outcome<Rational>(const InterimInstance&, const std::vector<Rational>&, int);
extern template Outcome greedy_outcome<LexWeight>(const InterimInstance&, const std::vector<LexWeight>&, int);

// Shadow prices (8), (9) with q̄ = the greedy optimiser for w: Lemma 1 (B.3) for multiunit and
// ranked_quota (B.7: the §4.2 algorithm is greedy along the upper contour sets of w), the closed form
// of B.10 for 2-player matching with exact unit demand and its at-most analogue (greedy.cpp);
// nullopt for other kinds.
std::optional<ShadowPrices> greedy_shadow_prices(const InterimInstance& instance,
                                                 const std::vector<Rational>& w);

// The construction of Theorem 1's proof (§3, Lemma 1): check (6); then repeatedly take the reduced form v of the
// lexicographic oracle for the recorded tight sets, move to where the ray from v through the current
// point leaves 𝒬_B, and record the limiting set. Result: feasible (ex post lotteries, `vertices`),
// infeasible (a violated test set of (6)) or inconclusive. With weights: interim_value and
// feasible_max from the oracle (Σ_t μ(t) Σ w q̄(t)).
InterimResult solve_greedy(const InterimInstance& instance, const InterimOptions& options);

}  // namespace equilab::interim
