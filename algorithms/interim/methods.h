// The methods of the interim family and what they return (issue 6, "Methods" and "Result").
//   lp     : feasibility LP over ex post lotteries (eq. (1)), exact; infeasible -> separating weights
//            from the Farkas multipliers (Lemma 6). With weights: feasible_max = h(w), border_max by an
//            exact LP over the Border constraints (6), primal and dual.
//   border : all 2^|Z| − 1 test sets of (6); a violation proves infeasibility, none is not a proof
//            (status border_satisfied) unless 𝒬_B = 𝒬 (Theorem 1).
// The two share no solving code: border never calls an LP; lp never looks at a test set
// except for the optional border_max value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interim/model.h"
#include "interim/test_sets.h"

namespace equilab::interim {

struct InterimOptions {
  std::uint64_t max_columns = 2'000'000;                 // LP columns |T|·|X| (and |X| itself)
  std::uint64_t max_test_sets = std::uint64_t{1} << 22;  // 2^|Z| − 1
};

enum class Status { Feasible, Infeasible, BorderSatisfied, Inconclusive };
const char* to_string(Status status);

struct LotteryItem {
  Rational prob;
  Outcome outcome;
};
using ExPost = std::vector<std::vector<LotteryItem>>;  // one lottery per profile (instance order)

// Lemma 6: ⟨Q,w⟩ > h(w).
struct SeparatingWeights {
  std::vector<Rational> weights;  // on Z
  Rational interim_value, bound;
};

// A violated inequality of (6): ceiling y(S) > F(S), or floor y(S) < G(S).
struct TestSetViolation {
  bool ceiling = true;
  TestSet members = 0;
  Rational lhs, bound;
};

// max Σ_z w(z) y(z) over 𝒬_B (the LP over (6)); primal as interim values Q, dual as
// p₊, p₋ >= 0 on test sets with w = Σ p₊χ_S − Σ p₋χ_S (8) and value Σp₊F − Σp₋G.
struct BorderMax {
  Rational value;
  std::vector<Rational> primal;  // Q on Z
  std::vector<std::pair<TestSet, Rational>> plus, minus;
};

// Theorem 1's certificate for weights w (eqs. (8), (9)): q̄ solving (7) at every profile and prices
// p₊, p₋ >= 0 on test sets with w = Σp₊χ_S − Σp₋χ_S, every priced set binding for q̄ at every profile.
struct ShadowPrices {
  std::vector<Outcome> qbar;  // one outcome per profile (instance order)
  std::vector<std::pair<TestSet, Rational>> plus, minus;
};

struct Weighted {
  Rational interim_value, feasible_max;
  std::optional<BorderMax> border_max;
};

struct InterimResult {
  std::string method;
  Status status = Status::Feasible;
  std::optional<std::uint64_t> test_sets;  // border: how many were checked
  std::optional<std::uint64_t> outcomes;   // lp: |X|
  std::optional<std::uint64_t> vertices;   // greedy: vertices of 𝒬 in the convex combination
  ExPost ex_post;                          // lp feasible
  std::optional<SeparatingWeights> separating;
  std::optional<TestSetViolation> test_set;
  std::optional<Weighted> weighted;
  std::optional<ShadowPrices> shadow_prices;  // greedy with weights (every kind greedy applies to)
};

InterimResult solve_lp(const InterimInstance& instance, const InterimOptions& options);
InterimResult solve_border(const InterimInstance& instance, const InterimOptions& options);

// The exact LP over (6) for weights w (used by lp when the instance has weights).
BorderMax solve_border_max(const InterimInstance& instance, const std::vector<Outcome>& outcomes,
                           const std::vector<Rational>& w, const InterimOptions& options);

}  // namespace equilab::interim
