// The paper's counterexample procedure of §3.2 (Table 2): the naive, non-local greedy-generous
// algorithm on the domain Z. It is a demonstration routine for the catalog, not a method: it decides
// nothing about feasibility, and outside the paramodular case (§3.1, Cor. 1) its outcome need not
// solve (7). The family's `greedy` method uses the per-kind optimisers of greedy.h instead.
//
// At a profile t, over the triples (j,i,t_i) of the present types:
//   1. the triples with w >= 0 (the set U of Lemma 1) in descending order of w (ties: lower triple
//      index); each gets the largest quantity x_i^j that some x ∈ X still allows given the
//      quantities fixed before it ("raises its quantity up to the full, feasible amount", §3.2);
//   2. then the triples with w < 0 in ascending order of w (the generous part, lower contour sets
//      first); each gets the smallest quantity still allowed.
// Every (i,j) is visited once, so the fixed quantities form one x ∈ X.
//
// Beside it, the quantities that (12) (greedy part) and (13) (generous part) prescribe along the same
// strict order: y(zⁿ) = f(Uⁿ,t) − f(Uⁿ⁻¹,t) with Uⁿ the first n triples of the greedy part, and
// y(zⁿ) = g(Lⁿ,t) − g(Lⁿ⁻¹,t) with Lⁿ the first n of the generous part. Erratum (§3.1, the sentence
// after (12)): outside the submodular case the algorithm's outcome need not satisfy (12), and the
// point (12) defines need not be in X (Table 2: it gives player 1 two objects).
#pragma once

#include <optional>
#include <vector>

#include "interim/model.h"

namespace equilab::interim {

struct NaiveGreedyStep {
  int triple = 0;     // z
  Rational quantity;  // what the algorithm gives it
  Rational rule;      // what (12) / (13) prescribes for it
};

struct NaiveGreedyProfile {
  std::vector<NaiveGreedyStep> steps;  // in visiting order
  Outcome outcome;                     // the algorithm's x ∈ X
  Rational value;                      // Σ_{(i,j)} w(j,i,t_i) x_i^j
  std::optional<int> first_rule_violation;  // index into steps where quantity ≠ rule
  bool rule_point_in_x = true;              // the vector of (12)/(13) quantities is in X
};

struct NaiveGreedy {
  std::vector<NaiveGreedyProfile> profiles;  // instance order
  Rational value;                            // Σ_t μ(t) · profile value
};

// X as from enumerate_outcomes; w on Z.
NaiveGreedy naive_greedy(const InterimInstance& instance, const std::vector<Outcome>& outcomes,
                         const std::vector<Rational>& w);

}  // namespace equilab::interim
