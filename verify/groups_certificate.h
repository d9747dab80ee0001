// Exact check of a groups result from the instance alone (no solver).
#pragma once

#include "groups/model.h"
#include "groups/stable_assignment.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

// Groups valid and distinct, sizes permitted, masses > 0, consistency Σ_G G(i)τ(G) = μ(i),
// stated values = s(G), no-blocking Σ_{i∈G}u(i) >= s(G) for every group type (enumerated),
// Σ_{i∈G}u(i) <= s(G) on formed groups, Σ sτ = Σ uμ = welfare; every range witness is a stable
// imputation attaining its bound and every multiplier proves its bound.
Verdict check_groups_certificate(const groups::GroupsInstance& instance, const groups::StableAssignment& result,
                                 std::uint64_t max_enumeration);

}  // namespace equilab::verify
