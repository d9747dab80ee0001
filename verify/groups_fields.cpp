// The fields of a "groups" result and what verify proves about each (see verify/result_fields.h).
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& groups_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      {"/model", Claim, "the instance's model"},
      {"/method", Informational, "the method that ran (colgen and fv-sparse must then state their stats)"},
      {"/arith", Claim,
       "exact or double; a double result is measured (largest violation of each condition), never accepted"},
      {"/status", Claim,
       "optimal: (τ, u) is a stable assignment with its imputation; not_converged (fv-sparse): a group "
       "blocks at u; equals stats.status"},
      {"/welfare", Claim, "Σ s(G)τ(G) = Σ u(i)μ(i) = welfare; optimal by weak duality once no group blocks"},
      {"/group_types", Informational, "the number of group types the method enumerated (a count)"},
      {"/iterations", Informational, "simplex iterations of the method (a count)"},
      {"/assignment", Claim,
       "equal to the certificate's: permitted distinct groups in type order, τ > 0, value = s(G), "
       "Σ_G G(i)τ(G) = μ(i)"},
      {"/imputation", Claim,
       "equal to the certificate's: Σ_{i∈G} u(i) >= s(G) for every group type, <= s(G) on formed groups, "
       "Σ u(i)μ(i) = welfare (not_converged: only the totals)"},
      {"/imputation_range", Claim,
       "every type, equal to the certificate's bounds, each proved by a witness and a multiplier"},
      {"/imputation_unique", Claim,
       "min = max for every type by the certificate's ranges; null exactly without ranges"},
      {"/replication", Informational,
       "transport: the replication L of Proposition 1 (a parameter of the method)"},
      {"/fractional_groups", Informational, "transport: the real fractional groups it used (a count)"},
      {"/stats/status", Claim, "equals the top-level status"},
      {"/stats/max_reduced_cost", Claim,
       "the largest ρ(G) = s(G) − Σ_{i∈G} u(i) over every group type, recomputed exactly (0 when optimal)"},
      {"/stats/group_types", Claim, "|𝒢| = Σ_n C(K+n−1, n), recomputed"},
      {"/stats/bound", Claim,
       "null when optimal; not_converged: W + max_reduced_cost·Σμ/N', an upper bound on the optimal welfare"},
      {"/stats/rounds", Informational, "master LP solves (a count)"},
      {"/stats/columns_generated", Informational, "columns ever added (a count)"},
      {"/stats/columns_final", Informational, "columns of the final master (a count)"},
      {"/stats/exact_rounds", Informational, "rounds priced exactly (a count)"},
      {"/stats/seconds_double", Informational, "wall-clock time of the double phase"},
      {"/stats/seconds_exact", Informational, "wall-clock time of the exact phase"},
      {"/certificate", Certificate, "checked by verify"},
      {"/certificate/assignment", Certificate,
       "the assignment verify checks; the top-level copy must equal it"},
      {"/certificate/imputation", Certificate,
       "the imputation verify checks; the top-level copy must equal it"},
      {"/certificate/ranges/*/*/bound", Certificate, "the bound; imputation_range must state it"},
      {"/certificate/ranges/*/*/witness", Certificate,
       "a stable imputation (no group blocks, Σ uμ = W) attaining the bound"},
      {"/certificate/ranges/*/*/multiplier", Certificate,
       "x >= 0 and t with Σ_G x_G G + tμ = ±e_i and Σ_G x_G s(G) + tW = ±bound, which bounds u(i) at every "
       "stable u"},
  };
  return rules;
}

}  // namespace equilab::verify
