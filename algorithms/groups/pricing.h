// The pricing problem of the welfare LP at scale (Wang §2.5.2; README "Which value functions
// scale"): given an imputation u, find max_G ρ(G) with ρ(G) = s(G) − Σ_{i∈G} u(i) over every
// group type of a permitted size, without enumerating the group types. max ρ <= 0 iff u is
// feasible for the dual (eq. 6), i.e. no group blocks.
//
// Value classes:
//  - PairwiseNonnegative: pairwise values whose pair values are all >= 0 (any own and size
//    terms). Priced by the piece theorem (pricing.cpp) over connected member multisets.
//  - Additive: pairwise values without pair terms (E = ∅), the same theorem with no pieces.
//  - Table: listed groups explicitly, unlisted groups (worth the default) by best-first
//    enumeration of n-multisets in increasing Σu.
//  - BruteForce: pairwise with some negative pair value (not tractable: see the README).
//    Every group type is enumerated; EnumerationLimit above max_enumeration.
//
// Two entry points: price_double (fast, floating point, for the double phase of colgen) and
// price_exact (exact u, exact ρ: the maximum is exact and every returned ρ is exact; double is
// used only to filter candidates with a rigorous error margin).
#pragma once

#include "core/rational.h"
#include "groups/model.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace equilab::groups {

enum class ValueClass { PairwiseNonnegative, Additive, Table, BruteForce };
const char* to_string(ValueClass value_class);

// The class of an instance's value function (see above).
ValueClass classify_value(const GroupsInstance& instance);

struct PricedColumn {
  GroupType group;
  double rho = 0;  // floating point
};

struct DoublePricing {
  std::vector<double> max_by_size;          // index n − N': max over n-groups of ρ (double)
  std::vector<GroupType> best_by_size;      // a group attaining it (per the double computation)
  std::vector<PricedColumn> columns;        // distinct groups with ρ > threshold, best first
};

struct ExactPricedColumn {
  GroupType group;
  Rational rho;  // exact
};

struct ExactPricing {
  Rational max_rho;                      // max_G ρ(G), exact
  GroupType argmax;                      // a group attaining it, ρ(argmax) == max_rho exactly
  std::vector<Rational> max_by_size;     // index n − N'
  std::vector<ExactPricedColumn> columns;  // distinct groups with ρ > threshold (exact), best first
};

class PricingOracle {
 public:
  // Classifies the value and precomputes the sparse pair graph. Throws EnumerationLimit
  // (naming the class and --max-enumeration) when the class is BruteForce and the number of
  // group types exceeds max_enumeration.
  PricingOracle(const GroupsInstance& instance, std::uint64_t max_enumeration);
  ~PricingOracle();
  PricingOracle(const PricingOracle&) = delete;
  PricingOracle& operator=(const PricingOracle&) = delete;

  ValueClass value_class() const;

  // Up to `limit` distinct groups with double ρ > threshold, best first (a heuristic choice of
  // many good columns: every connected piece completed by the best filling), plus the max per
  // size by the class theorem.
  DoublePricing price_double(const std::vector<double>& u, std::size_t limit, double threshold) const;

  // Exact max ρ (overall and per size) with a maximiser, and up to `limit` distinct groups with
  // exact ρ > threshold, best first among the candidates the double filter proposes; when
  // max_rho > threshold the maximiser is always among them.
  ExactPricing price_exact(const std::vector<Rational>& u, std::size_t limit, const Rational& threshold) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace equilab::groups
