// What a groups method returns (§2.1.5): a stable assignment τ with its imputation u,
// which together are a primal-dual optimal pair of the welfare LP (Theorem 2, Lemma 8),
// plus the range of every type's payoff over all stable imputations (§2.2.1).
#pragma once

#include "core/rational.h"
#include "groups/model.h"

#include <optional>
#include <string>
#include <vector>

namespace equilab::groups {

struct FormedGroup {
  GroupType group;
  Rational mass;   // τ(G) > 0: the mass of groups of type G
  Rational value;  // s(G)
};

// Σ_G x_G G + t μ = sign·e_i and Σ_G x_G s(G) + t W = sign·bound, x >= 0:
// proves u(i) >= bound (sign = +1) or u(i) <= bound (sign = -1) for every stable imputation.
struct RangeMultiplier {
  std::vector<std::pair<GroupType, Rational>> x;  // x_G > 0 only
  Rational t;
};

struct ImputationRange {
  Rational min, max;
  std::vector<Rational> witness_min, witness_max;  // stable imputations attaining them
  RangeMultiplier multiplier_min, multiplier_max;
};

// Column generation at scale (colgen, fv-sparse): what the run did. Absent for the
// enumerating methods.
struct ColumnStats {
  std::string status = "optimal";  // "optimal" | "not_converged" (fv-sparse only)
  long rounds = 0;                 // master LP solves, double and exact
  long columns_generated = 0;      // distinct group types ever added to the master
  long columns_final = 0;          // columns in the final master
  long exact_rounds = 0;           // rounds priced with the exact imputation
  double seconds_double = 0, seconds_exact = 0;
  Rational max_reduced_cost;       // max_G ρ(G) = s(G) − Σ_{i∈G} u(i) at the returned u, exact (<= 0 when optimal)
  Integer group_types;             // |𝒢| = Σ_n C(K+n−1, n), never enumerated
  std::optional<Rational> bound;   // not_converged: a certified upper bound on the welfare
};

struct StableAssignment {
  Rational welfare;                      // W = Π(μ) = Σ s τ = Σ u μ
  std::size_t group_types = 0;           // number enumerated
  std::vector<FormedGroup> assignment;   // τ > 0 only, canonical group order
  std::vector<Rational> imputation;      // u, one per type
  std::optional<std::vector<ImputationRange>> ranges;  // absent with --no-ranges
  // transport only
  std::optional<int> replication;             // L
  std::optional<std::size_t> fractional_groups;  // real fractional groups used
  long iterations = 0;
  std::optional<ColumnStats> stats;  // colgen and fv-sparse only
};

// Is the imputation unique (min == max for every type)? nullopt without ranges.
std::optional<bool> imputation_unique(const StableAssignment& result);

}  // namespace equilab::groups
