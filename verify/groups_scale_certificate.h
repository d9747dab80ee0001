// Exact check of a groups result without enumerating the group types (§2.5.2 at scale):
// no-blocking max_G ρ(G) <= 0 is decided structurally for the tractable value classes
// (README "Which value functions scale"). Shares no code with the pricing oracle of colgen.
#pragma once

#include "groups/model.h"
#include "groups/stable_assignment.h"
#include "verify/lp_certificate.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace equilab::verify {

// A group G with ρ(G) = s(G) − Σ_{i∈G} u(i) > 0 of largest ρ, exactly, or nothing when u is a stable
// imputation. Pairwise values with pair values >= 0 (any sparsity), table values with a default,
// and additive + size values are decided structurally; other classes by enumeration, which
// throws groups::EnumerationLimit above max_enumeration.
std::optional<groups::GroupType> find_blocking_group(const groups::GroupsInstance& instance,
                                                     const std::vector<Rational>& u, std::uint64_t max_enumeration);

// As check_groups_certificate, with the no-blocking condition decided by find_blocking_group
// (the blocking group is named in the failure).
Verdict check_groups_at_scale(const groups::GroupsInstance& instance, const groups::StableAssignment& result,
                              std::uint64_t max_enumeration);

}  // namespace equilab::verify
