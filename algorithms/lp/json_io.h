// The "lp" instance format and the LP result format (README "Instance formats").
#pragma once

#include "core/json.h"
#include "lp/model.h"
#include "lp/solution.h"

#include <string>

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
// Reads a result document back (exact); missing certificate parts stay empty.
Solution<Rational> read_solution_json(const LpModel& model, const JsonNode& root);

}  // namespace equilab::lp
