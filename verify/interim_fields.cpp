// The fields of a "interim" result and what verify proves about each (see verify/result_fields.h).
// verify reads a result with interim::read_result_json (which claims each method must state) and
// checks it with verify::check_interim_certificate, without an LP.
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& interim_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      {"/model", Claim, "the instance's model"},
      {"/method", Informational,
       "required: lp, border or greedy; it fixes the claims the result must state (lp: outcomes and, with "
       "weights, "
       "weighted with border_max; greedy: weighted with weights)"},
      {"/arith", Claim, "required; \"exact\" (the family has no floating-point path)"},
      {"/status", Claim,
       "feasible (ex post lotteries), infeasible (separating weights or a violated test set), "
       "border_satisfied "
       "(every test set rechecked); evidence of another status contradicts it; inconclusive is never "
       "accepted"},
      {"/outcomes", Claim, "|X|, recounted by enumerating X"},
      {"/test_sets", Informational,
       "test sets the method checked before it stopped; border_satisfied: must be 2^|Z| − 1"},
      {"/vertices", Informational, "vertices of 𝒬 in greedy's convex combination"},
      {"/weighted", Claim,
       "the values of the instance's weights; required of lp and greedy when it has weights"},
      {"/weighted/interim_value", Claim, "⟨Q,w⟩, recomputed"},
      {"/weighted/feasible_max", Claim,
       "h(w) = max over 𝒬 of ⟨Q,w⟩ (Lemma 6), recomputed by enumerating X; greedy's shadow prices must give "
       "it too"},
      {"/weighted/border_max", Claim,
       "max over 𝒬_B (the LP over (6)): equal to /certificate/border_max/value, proved by its primal and "
       "dual"},
      {"/certificate", Certificate, "required; the evidence of the status and of the weighted values"},
      {"/certificate/ex_post", Certificate,
       "feasible: one lottery per profile, probabilities >= 0 summing to 1, outcomes in X, eq. (1) exactly"},
      {"/certificate/separating_weights", Certificate,
       "infeasible (Lemma 6): ⟨Q,w⟩ and h(w) recomputed, ⟨Q,w⟩ > h(w)"},
      {"/certificate/test_set", Certificate,
       "infeasible: y(S), F(S) or G(S) recomputed, y(S) outside [G(S), F(S)]"},
      {"/certificate/border_max", Certificate,
       "primal within (6) for every test set with value ⟨w,y⟩; prices p± >= 0 with (8) and Σp₊F − Σp₋G equal "
       "to the value"},
      {"/certificate/shadow_prices", Certificate,
       "Theorem 1: q̄(t) in X, prices p± >= 0 with (8), every priced set binding (9), Σp₊F − Σp₋G = "
       "feasible_max"},
  };
  return rules;
}

}  // namespace equilab::verify
