// Wang (2019) §2.4.1 and §2.4.2 with hand-made stable assignments and range certificates
// (every number below is checked by hand in the comments; Wang 2019 §2.4).
#pragma once

#include "groups/model.h"
#include "groups/stable_assignment.h"

namespace equilab::groups::examples {

// §2.4.2: types 1,2,3 (indices 0,1,2) of mass 1, sizes 2..3, s([1,2,2]) = 9, s([3,3,3]) = 4,
// s([1,2]) = 2, s([3,3]) = 3, all others 0.
inline GroupsInstance wang_242() {
  GroupsInstance in;
  in.name = "wang-2.4.2";
  in.types = {{"1", 1}, {"2", 1}, {"3", 1}};
  in.min_size = 2;
  in.max_size = 3;
  TableValue t;
  t.default_value = 0;
  t.values = {{{0, 1, 1}, 9}, {{2, 2, 2}, 4}, {{0, 1}, 2}, {{2, 2}, 3}};
  in.value = t;
  return in;
}

// τ([1,1]) = 1/4, τ([3,3]) = 1/2, τ([1,2,2]) = 1/2 (canonical order: size, then lex).
// Consistency: type 1: 2·1/4 + 1/2 = 1; type 2: 2·1/2 = 1; type 3: 2·1/2 = 1.
// Welfare Σ sτ = 0 + 3/2 + 9/2 = 6. u = (0, 9/2, 3/2): Σ uμ = 6. No-blocking over all 16 group
// types holds, tight exactly on [1,1], [1,1,1], [3,3], [1,2,2] (e.g. [3,3,3]: 9/2 >= 4,
// [1,2]: 9/2 >= 2).
// Ranges (unique imputation; every witness is u). Multipliers use tight groups only, so that
// Σ x s + tW matches; with μ = (1,1,1) and W = 6:
//   type 1 min 0:   x[1,1] = 1/2, t = 0:              (1,0,0) = e1,  0 = 0.
//   type 1 max 0:   x[3,3] = 1, x[1,2,2] = 1, t = -2: (0,0,2)+(1,2,0)-(2,2,2) = (-1,0,0),  3+9-12 = 0.
//   type 2 min 9/2: x[3,3] = 1/2, x[1,2,2] = 1, t = -1: (0,0,1)+(1,2,0)-(1,1,1) = (0,1,0), 3/2+9-6 = 9/2.
//   type 2 max 9/2: x[1,1] = 1/2, x[3,3] = 1/2, t = -1: (1,0,0)+(0,0,1)-(1,1,1) = (0,-1,0), 3/2-6 = -9/2.
//   type 3 min 3/2: x[3,3] = 1/2, t = 0:               (0,0,1) = e3,  3/2.
//   type 3 max 3/2: x[1,1] = 1/4, x[1,2,2] = 1/2, t = -1: (1/2,0,0)+(1/2,1,0)-(1,1,1) = (0,0,-1), 9/2-6 = -3/2.
inline StableAssignment wang_242_result(bool with_ranges) {
  StableAssignment r;
  r.welfare = 6;
  r.group_types = 16;
  r.assignment = {{{0, 0}, Rational(1, 4), 0}, {{2, 2}, Rational(1, 2), 3}, {{0, 1, 1}, Rational(1, 2), 9}};
  r.imputation = {0, Rational(9, 2), Rational(3, 2)};
  if (with_ranges) {
    const std::vector<Rational> u = r.imputation;
    std::vector<ImputationRange> ranges(3);
    ranges[0] = {0, 0, u, u, {{{{0, 0}, Rational(1, 2)}}, 0}, {{{{2, 2}, 1}, {{0, 1, 1}, 1}}, -2}};
    ranges[1] = {Rational(9, 2), Rational(9, 2), u, u,
                 {{{{2, 2}, Rational(1, 2)}, {{0, 1, 1}, 1}}, -1},
                 {{{{0, 0}, Rational(1, 2)}, {{2, 2}, Rational(1, 2)}}, -1}};
    ranges[2] = {Rational(3, 2), Rational(3, 2), u, u, {{{{2, 2}, Rational(1, 2)}}, 0},
                 {{{{0, 0}, Rational(1, 4)}, {{0, 1, 1}, Rational(1, 2)}}, -1}};
    r.ranges = ranges;
  }
  return r;
}

// §2.4.1: types 1,2 of mass 1, size 2, s = 1 iff mixed.
inline GroupsInstance wang_241() {
  GroupsInstance in;
  in.name = "wang-2.4.1";
  in.types = {{"1", 1}, {"2", 1}};
  in.min_size = 2;
  in.max_size = 2;
  TableValue t;
  t.default_value = 0;
  t.values = {{{0, 1}, 1}};
  in.value = t;
  return in;
}

// τ([1,2]) = 1, W = 1, u = (1/2, 1/2). Ranges u1, u2 ∈ [0, 1]:
//   type 1 min 0: witness (0,1); x[1,1] = 1/2, t = 0: (1/2)(2,0) = (1,0) = e1; Σ x s + tW = 0.
//   type 1 max 1: witness (1,0); x[2,2] = 1/2, t = -1: (0,1) - (1,1) = (-1,0); 0 - 1 = -1 = -bound.
//   type 2 min 0: witness (1,0); x[2,2] = 1/2, t = 0: (0,1) = e2; 0.
//   type 2 max 1: witness (0,1); x[1,1] = 1/2, t = -1: (1,0) - (1,1) = (0,-1); -1.
// Witnesses: (0,1) and (1,0) are stable: [1,1], [2,2] sums >= 0, [1,2] sum 1 >= 1, Σ uμ = 1.
inline StableAssignment wang_241_result() {
  StableAssignment r;
  r.welfare = 1;
  r.group_types = 3;
  r.assignment = {{{0, 1}, 1, 1}};
  r.imputation = {Rational(1, 2), Rational(1, 2)};
  const std::vector<Rational> w01 = {0, 1}, w10 = {1, 0};
  std::vector<ImputationRange> ranges(2);
  ranges[0] = {0, 1, w01, w10, {{{{0, 0}, Rational(1, 2)}}, 0}, {{{{1, 1}, Rational(1, 2)}}, -1}};
  ranges[1] = {0, 1, w10, w01, {{{{1, 1}, Rational(1, 2)}}, 0}, {{{{0, 0}, Rational(1, 2)}}, -1}};
  r.ranges = ranges;
  return r;
}

}  // namespace equilab::groups::examples
