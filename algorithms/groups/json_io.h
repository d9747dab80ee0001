// The "groups" instance format and result format (README "Instance formats").
#pragma once

#include "core/json.h"
#include "groups/model.h"
#include "groups/stable_assignment.h"

#include <string>

namespace equilab::groups {

GroupsInstance read_groups_json(const JsonNode& root);
Json write_groups_json(const GroupsInstance& instance);

// result: model, method, arith, status:"optimal", welfare, group_types, assignment,
// imputation, imputation_range, imputation_unique, [replication, fractional_groups], [stats (colgen,
// fv-sparse; status then repeats stats.status)], certificate.
Json write_result_json(const GroupsInstance& instance, const StableAssignment& result, const std::string& method,
                       bool exact);
// Reads a result's certificate back (assignment, imputation, ranges with witnesses and multipliers)
// and its stats when present.
StableAssignment read_result_json(const GroupsInstance& instance, const JsonNode& root);

}  // namespace equilab::groups
