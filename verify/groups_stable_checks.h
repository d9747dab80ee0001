// What both groups checkers share (verify/groups_certificate.cpp enumerates the group types,
// verify/groups_scale_certificate.cpp decides no-blocking structurally): everything about a
// stable assignment except how no-blocking is decided. Wang §2.1.5, Theorem 2, Lemma 8: a
// primal-feasible τ and a dual-feasible u with Σ sτ = Σ uμ = W are both optimal by weak duality,
// so (τ, u) is a stable assignment with its imputation. A range bound is proved by a witness (a
// stable imputation attaining it) and a dual multiplier (x >= 0, t) with Σ_G x_G G + tμ = ±e_i
// and Σ x_G s(G) + tW = ±bound: for every stable u, ±u(i) = Σ x_G Σ_{j∈G}u(j) + tΣuμ >=
// Σ x_G s(G) + tW = ±bound.
#pragma once

#include "groups/model.h"
#include "groups/stable_assignment.h"
#include "verify/lp_certificate.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace equilab::verify::groups_checks {

std::string text(const Rational& r);
std::string type_label(const groups::GroupsInstance& instance, int i);
// "group [1,2,2]" by member names; indices when some member is not a type.
std::string group_label(const groups::GroupsInstance& instance, const groups::GroupType& g);
// Why `g` is not a permitted group type (empty: it is one).
std::string group_problem(const groups::GroupsInstance& instance, const groups::GroupType& g);
Rational member_sum(const std::vector<Rational>& u, const groups::GroupType& g);

// A group of largest ρ(G) = s(G) − Σ_{i∈G} u(i), when that ρ is > 0.
struct Blocking {
  groups::GroupType group;
  Rational rho;
};

// Decides no-blocking Σ_{i∈G} u(i) >= s(G) for every group type at u (of the right size): returns a
// blocking group of largest ρ, or nothing when u is a stable imputation. With a verdict, every
// failure (starting with `prefix`) is reported there.
using NoBlocking = std::function<std::optional<Blocking>(const std::vector<Rational>& u, const std::string& prefix,
                                                         Verdict* verdict)>;

// Status "optimal" (every method): groups valid and distinct, sizes permitted, masses > 0,
// consistency Σ_G G(i)τ(G) = μ(i), stated values = s(G), Σ_{i∈G}u(i) <= s(G) on formed groups,
// Σ sτ = Σ uμ = welfare, no-blocking at u, every range's witnesses (stable, attaining the bound)
// and multipliers; with stats (colgen, fv-sparse) max_reduced_cost = 0 (formed groups are tight,
// none blocks), bound null and group_types = |𝒢|.
// Status "not_converged" (fv-sparse): the same for τ and the totals (τ is a feasible assignment of
// welfare W, a lower bound on the optimum), no ranges, a group blocks at u with the largest ρ equal
// to max_reduced_cost, and bound = W + max_reduced_cost·Σμ/N' (an upper bound on the optimum:
// u + (ρ_max/N')·1 is feasible for eq. 6 since every group has at least N' members; weak duality).
Verdict check_stable_assignment(const groups::GroupsInstance& instance, const groups::StableAssignment& result,
                                const NoBlocking& no_blocking);

}  // namespace equilab::verify::groups_checks
