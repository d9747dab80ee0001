// What each field of a result means to `equilab verify` (DESIGN principle 8: a result claims only
// what verify proves). Every field of every result is one of:
//   claim          an answer about the instance (a price, an allocation, a status, a flag);
//                  verify proves it from the instance and the certificate, exactly;
//   certificate    the evidence verify checks (duals, forests, witnesses, copies of claims);
//                  a changed entry is accepted only if it is still a valid proof of the same claims;
//   informational  counts, timings and traces that verify does not prove.
// The README's "Result fields" section prints these tables; a test keeps the two identical, and the
// tamper property (tests/tamper) reads them to know which mutations verify must reject.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace equilab::verify {

enum class FieldRole { Claim, Certificate, Informational };

std::string_view role_name(FieldRole role);

// A pattern is a JSON pointer whose segments may be "*" (any one key or index). It covers the
// field it names and everything below it; of several patterns covering a field the longest wins.
struct FieldRule {
  std::string pattern;
  FieldRole role;
  std::string checked;  // what verify proves about it (claims, certificate) or why it is not proved
};

// The table of one model ("lp", "groups", ...); empty for an unknown model.
const std::vector<FieldRule>& result_fields(std::string_view model);
// The role of the field at `pointer` of a `model` result, or nothing when no pattern covers it.
std::optional<FieldRole> field_role(std::string_view model, std::string_view pointer);
// The models that have a table, in the README's order.
const std::vector<std::string>& models_with_result_fields();

// One table per model, each in its own file (verify/<model>_fields.cpp).
const std::vector<FieldRule>& lp_result_fields();
const std::vector<FieldRule>& groups_result_fields();
const std::vector<FieldRule>& interim_result_fields();
const std::vector<FieldRule>& allocation_market_result_fields();
const std::vector<FieldRule>& pseudo_market_result_fields();
const std::vector<FieldRule>& exchange_economy_result_fields();

}  // namespace equilab::verify
