// The fields of a "lp" result and what verify proves about each (see verify/result_fields.h).
// verify reads a result with lp::read_result_to_verify (which fields each status must state) and
// checks it with verify::check_lp_certificate; a "double" result is measured (verify/lp_measures.h).
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& lp_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      {"/model", Claim, "the instance's model"},
      {"/method", Informational, "the method that ran (any name; another program may write the schema)"},
      {"/arith", Claim,
       "required; \"exact\": the certificate is checked exactly; \"double\": never accepted, the violation "
       "of each "
       "condition is measured exactly and printed"},
      {"/status", Claim,
       "optimal, infeasible or unbounded, proved by that status's certificate; a field of another status's "
       "answer "
       "contradicts it"},
      {"/objective", Claim,
       "optimal: equals c·x + objective_constant of the primal and the dual bound y·b + Σ d_j·bound_j + "
       "objective_constant"},
      {"/primal", Claim,
       "required for optimal and unbounded: within the bounds and every row; optimal: c·x equals the dual "
       "bound"},
      {"/dual", Claim,
       "required for optimal: dual feasible (signs per row and sense, every non-zero reduced cost on a "
       "finite bound) "
       "and y·b + Σ d_j·bound_j = c·x"},
      {"/reduced_costs", Claim, "required for optimal: equal to c − Aᵀy of the dual"},
      {"/iterations", Informational, "simplex pivots of the method"},
      {"/provenance", Informational,
       "which engine or solver produced which part of the answer (repair methods, qsopt-ex); the certificate "
       "alone decides"},
      {"/certificate", Certificate, "required; the evidence of the status"},
      {"/certificate/primal", Certificate, "a copy of /primal; a copy that differs contradicts the result"},
      {"/certificate/dual", Certificate, "a copy of /dual; a copy that differs contradicts the result"},
      {"/certificate/farkas", Certificate,
       "infeasible: multipliers y >= 0 on <=, <= 0 on >=; min over the bounds of (Aᵀy)·x > y·b"},
      {"/certificate/farkas_bounds", Certificate, "Aᵀy of the Farkas multipliers, recomputed"},
      {"/certificate/ray", Certificate,
       "unbounded: a recession direction of the rows and bounds with c·r > 0 (max) or < 0 (min)"},
  };
  return rules;
}

}  // namespace equilab::verify
