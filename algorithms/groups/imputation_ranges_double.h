// Private to algorithms/groups: the floating-point variant of the imputation ranges,
// used by welfare-lp with --arith double (the result is labelled double).
#pragma once

#include "groups/model.h"
#include "groups/stable_assignment.h"

#include <vector>

namespace equilab::groups {

// As compute_imputation_ranges (same column generation), but every restricted range LP
// is solved by lp_solve in double, the witnesses are priced in double with a relative
// tolerance of 1e-9, and the values are converted with rational_from_double. Uses result.welfare as W. Throws std::runtime_error when
// lp_solve does not report an optimum.
void compute_imputation_ranges_double(const GroupsInstance& instance, const std::vector<GroupType>& groups,
                                      StableAssignment& result);

}  // namespace equilab::groups
