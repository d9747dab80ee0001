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
};

// Is the imputation unique (min == max for every type)? nullopt without ranges.
std::optional<bool> imputation_unique(const StableAssignment& result);

}  // namespace equilab::groups
