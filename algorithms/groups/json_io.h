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
// and its stats when present; the top-level copies are optional but must agree with it.
StableAssignment read_result_json(const GroupsInstance& instance, const JsonNode& root);
// verify's reading: as read_result_json, and every claim must be present (status, arith, welfare,
// the top-level assignment and imputation, imputation_range for every type when the certificate
// has ranges, imputation_unique, the stats of colgen and fv-sparse) with the members of every
// assigned group in type order. A readable result that contradicts itself or the instance throws
// ResultContradiction (verify's exit 1); an unreadable one InputError (exit 2).
StableAssignment read_result_for_verify(const GroupsInstance& instance, const JsonNode& root);

}  // namespace equilab::groups
