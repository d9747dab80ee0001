// The fields of a "exchange_economy" result and what verify proves about each (see verify/result_fields.h).
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& exchange_economy_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      {"/model", Claim, "the instance's model"},
      {"/method", Informational, "the method that ran (it decides which claims the result must state)"},
      {"/arith", Claim, "exact (the family has no floating-point path)"},
      {"/status", Claim, "optimal: the state is a stable state (§4.1.3)"},
      {"/welfare", Claim, "Σ_G τ(G) Σ_{i∈G} v_i, recomputed from the state"},
      {"/group_types", Informational, "the number of group types enumerated (a count)"},
      {"/state", Claim,
       "permitted groups (members in type order; by size and type order, or the instance's state for "
       "price-lp), τ > 0 consistent with the masses, money and goods balanced in every group, "
       "consumption >= 0, no blocking group with the exact s(G)"},
      {"/payoff", Claim, "v_i = m_i + u_i(x_i), equal in every group holding type i (Lemma 10)"},
      {"/supported", Claim,
       "true: the price (one good) or the grid (several goods) supports the state; false: the violated "
       "condition is recomputed"},
      {"/supported_means", Informational, "what `supported` means for several goods (fixed text)"},
      {"/forced", Claim,
       "the values p(t) = ω^m − m forced at the traded vectors, recomputed from the state, in order"},
      {"/price", Certificate,
       "a supporting price: p(0) = 0, odd, non-decreasing, equal to every forced value, every type "
       "optimal (any such price proves `supported`)"},
      {"/final_slope", Certificate,
       "the slope of that price after its last breakpoint (>= every type's final slope)"},
      {"/grid_kind", Certificate,
       "product or forced: which grid the several-goods price is given on (checked)"},
      {"/grid", Certificate,
       "p on the grid: odd, non-decreasing, equal to every forced value, p >= L (any such p proves "
       "`supported`)"},
      {"/violation", Certificate,
       "evidence for supported = false: the named condition (a), (b) or (c) with its types and forced "
       "points, and lhs > rhs recomputed exactly"},
      {"/violation/message", Informational, "the violation in words"},
      {"/some_state/supported", Claim,
       "Corollary 1: true with a stable imputation for the same τ and x whose state a price supports; "
       "false with Farkas multipliers"},
      {"/some_state/payoff", Claim, "that stable imputation: the state it gives is stable and supported"},
      {"/some_state/price", Certificate, "a price supporting that state (checked as /price)"},
      {"/some_state/final_slope", Certificate, "its final slope"},
      {"/some_state/farkas", Certificate, "Farkas multipliers proving the LP of Corollary 1 infeasible"},
      {"/linear_price/exists", Claim,
       "true: π >= 0 with π·t = f and every type optimal; false: Farkas multipliers"},
      {"/linear_price/prices", Claim,
       "π per good, equal to the first entries of the certificate's primal point"},
      {"/linear_price/primal", Certificate, "(π, λ) satisfying every row of the linear-price LP exactly"},
      {"/linear_price/farkas", Certificate, "Farkas multipliers proving the linear-price LP infeasible"},
      {"/construction/applies", Claim,
       "the odd extension of P = max(0, L) (eq. 20) supports the state, or the construction fails at the "
       "stated step"},
      {"/construction/price", Claim,
       "P on [0, ∞): its breakpoints are exactly the bends of max(0, L), recomputed"},
      {"/construction/final_slope", Claim, "the slope of P after its last breakpoint, recomputed"},
      {"/construction/step", Claim,
       "the first failing step, recomputed: the first traded point that p misses (seller: lemma-18, "
       "buyer: lemma-21), else lemma-23"},
      {"/construction/type", Certificate, "the type at fault (evidence of the step, recomputed)"},
      {"/construction/point", Certificate, "the traded point or the better trade (evidence, recomputed)"},
      {"/construction/value", Certificate,
       "p at the point, or the type's gain u(ω+d) − c (evidence, recomputed)"},
      {"/construction/message", Informational, "the failure in words"},
  };
  return rules;
}

}  // namespace equilab::verify
