// The three independent groups methods (they share no solving code) and the
// imputation ranges.
#pragma once

#include "groups/enumerate.h"
#include "groups/model.h"
#include "groups/stable_assignment.h"

#include <cstdint>
#include <functional>
#include <optional>

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

// Groups at scale (§2.5.2): the welfare LP is never enumerated; an optimum is supported on at
// most K group types, found by column generation. `group_types` is then the count |𝒢|, not
// the number of columns (see ColumnStats). Both methods refuse intractable value classes (see
// README "Which value functions scale") when brute-force pricing would exceed max_enumeration.

// Method `colgen`: restricted master over a column set; double phase (lp_solve, double
// pricing), then exact phase (exact basis recompute, exact pricing) until no group has ρ > 0.
StableAssignment solve_colgen(const GroupsInstance& instance, const GroupsOptions& options);

// Finds a group G with ρ(G) = s(G) − Σ_{i∈G} u(i) > 0 at the given u, or nothing when u is a
// stable imputation. Supplied by the caller (the command passes verify's structured checker).
using BlockingSearch = std::function<std::optional<GroupType>(const std::vector<Rational>& u)>;

// Method `fv-sparse` (Friesecke–Vögler sparsity): local moves on a support of at most 3K group
// types, exact LPs on the support, then up to 3 rounds of `find_blocking`; result.stats->status
// is "not_converged" (with a certified bound) when a blocking group remains.
StableAssignment solve_fv_sparse(const GroupsInstance& instance, const GroupsOptions& options,
                                 const BlockingSearch& find_blocking);

// min and max of u(i) over the dual optimal face {u : Σ G(i)u(i) >= s(G) ∀G, Σ u μ = W},
// with witnesses and dual multipliers. Fills result.ranges.
void compute_imputation_ranges(const GroupsInstance& instance, const std::vector<GroupType>& groups,
                               StableAssignment& result);

}  // namespace equilab::groups
