// The "lp" instance format and the LP result format (README "Instance formats").
#pragma once

#include <string>

#include "core/json.h"
#include "lp/model.h"
#include "lp/solution.h"

namespace equilab::lp {

// Reads an {"model":"lp",...} document; errors name the file and the JSON pointer.
LpModel read_lp_json(const JsonNode& root);
Json write_lp_json(const LpModel& model);

// Reads an LP from a file: MPS if the name ends in .mps (any case), JSON otherwise.
LpModel read_lp_file(const std::string& path);

// Result document: model, method, arith, status, objective, primal, dual, reduced_costs,
// certificate. Vectors are objects keyed by variable/constraint name.
template <class T>
Json write_solution_json(const LpModel& model, const Solution<T>& solution, const std::string& method);
// Reads a result document back (exact); missing certificate parts stay empty. A name the model
// lacks and a certificate copy that differs from the top-level vector contradict the result
// (ResultContradiction); what cannot be read is an InputError.
Solution<Rational> read_solution_json(const LpModel& model, const JsonNode& root);

// A result as `equilab verify` reads it: read_solution_json, and the fields every result must
// state. Always "arith" and "certificate"; by status the answer's fields: optimal "objective",
// "primal", "dual" and "reduced_costs" (vectors only when the model has variables or rows),
// unbounded "primal". A missing one is an InputError (bad input); a field of another status's
// answer or certificate (an infeasible result with a primal, an optimal one with a ray)
// contradicts the status (ResultContradiction).
struct ResultToVerify {
  Solution<Rational> solution;
  bool exact = true;  // "arith": "exact"; false for "double"
};
ResultToVerify read_result_to_verify(const LpModel& model, const JsonNode& root);

}  // namespace equilab::lp
