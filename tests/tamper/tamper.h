// The tamper property's mutation operators: one random single change of a result document,
// with the role (claim, certificate, informational) of what it changed, read from the same
// tables the README prints (verify/result_fields.h).
#pragma once

#include "core/json.h"
#include "verify/result_fields.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace equilab::testing {

struct Mutation {
  std::string op;       // number, string, bool, drop, duplicate, swap, delete
  std::string pointer;  // the field changed (for drop/duplicate/swap: the array)
  Json document;        // the mutated result
  std::optional<verify::FieldRole> role;  // nothing: no table row covers the field
};

// Every pointer of `doc` below the root, in document order (objects and arrays included).
void collect_pointers(const Json& doc, const std::string& prefix, std::vector<std::string>& out);

// The role of changing what lies at `pointer`: the most demanding role (claim, then certificate,
// then informational) of the field itself and every leaf below it; nothing if one is uncovered.
std::optional<verify::FieldRole> mutation_role(std::string_view model, const Json& doc, const std::string& pointer);

// One random single mutation of `result` (never of its "model" or "equilab" members), or nothing
// when the drawn node admits no change; the caller draws again.
std::optional<Mutation> random_mutation(std::string_view model, const Json& result, std::mt19937_64& rng);

// Leaves of `doc` that no table row covers (the property fails on any).
std::vector<std::string> uncovered_leaves(std::string_view model, const Json& doc);

}  // namespace equilab::testing
