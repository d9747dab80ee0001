// How far a floating-point groups result (`--arith double`) is from a valid certificate. Such a
// result is never accepted: its numbers are the exact binary values of doubles, so the conditions
// of verify/groups_stable_checks.h are measured instead of decided, each by its largest violation,
// exactly (no tolerance is applied; a violation of 0 means the condition holds exactly).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "groups/model.h"
#include "groups/stable_assignment.h"

namespace equilab::verify {

struct ConditionMeasure {
  std::string condition;  // e.g. "consistency |Σ_G G(i)τ(G) − μ(i)|"
  Rational worst;         // the largest violation (>= 0)
  std::string where;      // the type or group where it is largest (empty when 0)
};

// One entry per condition of a stable assignment with its imputation (and, with ranges, per
// condition of the range witnesses and multipliers). No-blocking is measured by the largest
// ρ(G) = s(G) − Σ_{i∈G} u(i) over all group types (verify::find_blocking_group; throws
// groups::EnumerationLimit where that search would enumerate more than max_enumeration groups).
std::vector<ConditionMeasure> measure_groups_result(const groups::GroupsInstance& instance,
                                                    const groups::StableAssignment& result,
                                                    std::uint64_t max_enumeration);

// A decimal approximation of r with 6 significant digits ("2.22045e-16", "0.5", "-3"), for
// reading; the exact value is always printed beside it.
std::string groups_decimal_text(const Rational& r);

}  // namespace equilab::verify
