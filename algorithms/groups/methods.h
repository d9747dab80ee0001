// The three independent groups methods (they share no solving code) and the
// imputation ranges.
#pragma once

#include "groups/enumerate.h"
#include "groups/model.h"
#include "groups/stable_assignment.h"

#include <cstdint>

namespace equilab::groups {

struct GroupsOptions {
  bool exact = true;  // false: --arith double (welfare-lp via lp_solve; values are doubles' exact expansions)
  bool ranges = true;
  std::uint64_t max_enumeration = kDefaultMaxEnumeration;
  enum class Replication { Lcm, Factorial } replication = Replication::Lcm;  // transport
  enum class TransportForm { Orbit, Full } transport_form = TransportForm::Orbit;
};

// Method `welfare-lp` (eq. 5 and its dual eq. 6): enumerated group types, the project's
// exact simplex; a basic optimum (<= K formed groups), u = row duals.
StableAssignment solve_welfare_lp(const GroupsInstance& instance, const GroupsOptions& options);

// Method `transport` (Proposition 1, §2.3): the symmetric transport problem over real
// fractional groups, solved with GLPK glp_exact and recomputed exactly from its basis;
// τ(G) = w(Ĝ)/n (erratum 1 in the notes: the paper's backward map lacks the 1/L factor).
StableAssignment solve_transport(const GroupsInstance& instance, const GroupsOptions& options);

// Method `vertex-enum`: every choice of K group-type columns, exact Gaussian elimination,
// the best primal-feasible basis. Refuses (EnumerationLimit) when C(#groups, K) > max_enumeration.
StableAssignment solve_vertex_enum(const GroupsInstance& instance, const GroupsOptions& options);

// min and max of u(i) over the dual optimal face {u : Σ G(i)u(i) >= s(G) ∀G, Σ u μ = W},
// with witnesses and dual multipliers. Fills result.ranges.
void compute_imputation_ranges(const GroupsInstance& instance, const std::vector<GroupType>& groups,
                               StableAssignment& result);

}  // namespace equilab::groups
