// Methods of the exchange_economy family (Wang 2019, §4).
#pragma once

#include "economies/model.h"
#include "groups/enumerate.h"
#include "groups/stable_assignment.h"
#include "lp/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace equilab::economies {

// A stable state with its payoffs (Lemma 10: one payoff v_i per type).
struct StableState {
  Rational welfare;            // Σ_G τ(G) s(G)
  std::size_t group_types = 0;
  State state;
  std::vector<Rational> payoff;  // v_i
};

// Method `constructive` (Theorem 5, Appendix D.2): (i) s(G) for every group type
// (eq. 17), (ii) the groups welfare LP (eq. 5) for τ and its dual for the imputation v
// (Theorem 2), then inside each formed group an optimal redistribution x of the goods and
// money m_i = v_i - u_i(x_i); Σ_{i∈G} m_i = Σ ω^m because Σ_{i∈G} v_i = s(G) on formed groups.
StableState solve_constructive(const Economy& economy, std::uint64_t max_enumeration = groups::kDefaultMaxEnumeration);

// Step (i): the groups game of the economy, s(G) for every permitted group type (a table).
groups::GroupsInstance surplus_game(const Economy& economy, std::uint64_t max_enumeration = groups::kDefaultMaxEnumeration);
// The last step for any optimal pair (τ, v) of the welfare LP of that game (e.g. another stable
// imputation of the optimal face, §2.2.1): allocations x optimal in every formed group and
// m_i = v_i - u_i(x_i).
StableState state_from(const Economy& economy, const groups::StableAssignment& assignment, const std::vector<Rational>& payoff);

// The payoffs of a state: v_i = m_i^G + u_i(x_i^G), required equal over all formed groups
// holding type i (Lemma 10). Returns a reason on failure.
std::optional<std::string> state_payoffs(const Economy& economy, const State& state, std::vector<Rational>& payoff);
// Feasibility (§4.1.2) and no blocking (§4.1.3) of a state with payoffs v: nullopt if stable.
std::optional<std::string> state_unstable(const Economy& economy, const State& state, const std::vector<Rational>& payoff,
                                          std::uint64_t max_enumeration = groups::kDefaultMaxEnumeration);

// One good: the price function of a competitive equilibrium (§4.1.4) supporting a stable
// state, or the condition that rules every such price out (see price_lp.cpp).
struct PricePoint {
  Rational trade, price;
};
struct PriceViolation {
  std::string condition;     // "a-lower", "a-upper", "b", "c"
  std::vector<int> types;    // a: the type; b: the two types; c: empty
  std::vector<PricePoint> points;  // a: the forced point; c: the two forced points out of order
  Rational lhs, rhs;         // the violated inequality lhs <= rhs (c: lhs = first price, rhs = second)
  std::string message;
};
struct PriceResult {
  bool supported = false;
  std::vector<PricePoint> forced;  // p on traded quantities, folded to trade >= 0 by oddness
  std::vector<PricePoint> price;   // supported: breakpoints of p on [0, ∞) (p(-d) = -p(d))
  Rational final_slope;            // slope of p after the last breakpoint
  std::optional<PriceViolation> violation;
};

// The translated constants c_i = v_i - ω_i^m (= u_i(x_i^G) - p(t_i^G) at equilibrium).
std::vector<Rational> reservation(const Economy& economy, const std::vector<Rational>& payoff);
// L(d) = max over types with ω_i + d >= 0 of u_i(ω_i + d) - c_i (nullopt: no type; -∞).
std::optional<Rational> lower_price_bound(const Economy& economy, const std::vector<Rational>& c, const Rational& d,
                                          int* argmax = nullptr);
// The folded forced values, or a violation of condition (c).
std::vector<PricePoint> forced_prices(const Economy& economy, const State& state, std::optional<PriceViolation>& violation);

PriceResult price_lp(const Economy& economy, const State& state, const std::vector<Rational>& payoff);

// p(d) for a price given by breakpoints on [0, ∞) and the final slope (odd extension).
Rational evaluate_price(const std::vector<PricePoint>& price, const Rational& final_slope, const Rational& d);

// Method `constructive`, step (iii) for one good: the price of eq. (20) in the proof of Theorem 6
// (the odd extension of P = max(0, L), the smallest admissible boundary p_{B_-}; see
// constructive_price.cpp), or the step of the proof where it fails for this state.
struct ConstructionResult {
  bool applies = false;            // the construction gives a price supporting the state
  std::vector<PricePoint> price;   // breakpoints of P on [0, ∞) (always computed)
  Rational final_slope;
  std::string step;                // fails: "lemma-18", "lemma-21" or "lemma-23"
  int type = -1;                   // fails: the type at fault
  PricePoint point;                // fails: the traded point (lemma-18/21) or the trade d (lemma-23)
  Rational value;                  // fails: P at the point (lemma-18/21), u(ω+d) - c (lemma-23)
  std::string message;
};
ConstructionResult construct_price(const Economy& economy, const State& state, const std::vector<Rational>& payoff);

// Several goods (price_lp_goods.cpp): conditions (a)-(c) on net-trade vectors. supported means
// exactly: an odd, non-decreasing (componentwise) price p: ℝ^L -> ℝ supports the state; its
// continuity is not established for L > 1. The certificate is p on a finite grid.
struct VecPoint {
  std::vector<Rational> trade;
  Rational price;
};
struct PriceViolationGoods {
  std::string condition;           // "a-lower", "b", "c"
  std::vector<int> types;          // a-lower: the type; b: the two types
  std::vector<VecPoint> points;    // a-lower: the point of F; c: p(points[0]) > p(points[1]), t0 <= t1
  Rational lhs, rhs;               // the violated lhs <= rhs
  std::string message;
};
struct GoodsPriceResult {
  bool supported = false;
  std::vector<VecPoint> forced;    // (0,0) and every traded (t, f), not mirrored
  std::string grid_kind;           // "product" (coordinates of F) or "forced" (F itself)
  std::vector<VecPoint> grid;      // supported: p on the grid (closed under negation)
  std::optional<PriceViolationGoods> violation;
};
std::optional<Rational> lower_price_bound_goods(const Economy& economy, const std::vector<Rational>& c,
                                                const std::vector<Rational>& d, int* argmax);
std::vector<VecPoint> forced_vectors(const Economy& economy, const State& state);
GoodsPriceResult price_lp_goods(const Economy& economy, const State& state, const std::vector<Rational>& payoff);

// §4.4.1: a linear price p(d) = π·d, π >= 0, supporting the state, as one exact feasibility LP
// in π and per-type dual weights λ (price_lp_goods.cpp); infeasible -> Farkas multipliers.
struct LinearPriceResult {
  bool exists = false;
  std::vector<Rational> primal;  // exists: (π, λ) of linear_price_model
  std::vector<Rational> farkas;  // otherwise
};
lp::LpModel linear_price_model(const Economy& economy, const State& state, const std::vector<Rational>& payoff);
LinearPriceResult linear_price(const Economy& economy, const State& state, const std::vector<Rational>& payoff);

// Corollary 1 (§4.3, "some stable state with these trades is supported"). Keep the assignment τ
// and the goods x_i^G of a stable state and let the imputation v range over the dual optimal face
// of the groups welfare LP (eq. 5; v free, Σ_{i∈G} v_i >= s(G) for every permitted G, with
// equality on supp τ: exactly the stable imputations for τ, Theorem 2). Money m_i = v_i - u_i(x_i)
// keeps every formed group balanced, every forced value p(t_i^G) = ω_i^m + u_i(x_i^G) - v_i and
// every c_i = v_i - ω_i^m are affine in v, so conditions (a)-(c) of price_lp.cpp are linear
// inequalities in v: one exact LP decides whether some such state is supported.
struct SomeStateResult {
  bool supported = false;
  std::vector<Rational> payoff;  // supported: the stable imputation found
  State state;                   // supported: τ and x as given, m_i = v_i - u_i(x_i)
  PriceResult price;             // supported: price_lp of that state
  std::vector<Rational> farkas;  // unsupported: Farkas multipliers of the rows of some_state_model
};
// The LP: variables v_0..v_{K-1} (free) and "one" (fixed at 1, carries constants of rows that
// would otherwise be empty); zero objective.
lp::LpModel some_state_model(const Economy& economy, const State& state,
                             std::uint64_t max_enumeration = groups::kDefaultMaxEnumeration);
SomeStateResult some_state_supported(const Economy& economy, const State& state,
                                     std::uint64_t max_enumeration = groups::kDefaultMaxEnumeration);
// The state with τ and x of `state` and money m_i = v_i - u_i(x_i).
State with_payoff(const Economy& economy, const State& state, const std::vector<Rational>& payoff);

}  // namespace equilab::economies
