// Method `border` (issue 6, method 2): every test set S ⊆ Z, fewest members first, against
// Border's condition (6): G(S) <= y(S) <= F(S) with y = Qμ_i. No LP: F and G come from
// φ(E) = max_{x∈X} Σ_E x (eq. (4)) and γ (eq. (5)), cached on E ⊆ I×J.
#include "interim/methods.h"

namespace equilab::interim {

InterimResult solve_border(const InterimInstance& in, const InterimOptions& o) {
  check_test_set_limit(in.num_triples(), o.max_test_sets);
  const std::vector<Outcome> X = enumerate_outcomes(in, o.max_columns);
  const std::vector<Rational> y = in.weighted(in.interim);
  TestSetBounds bounds(in, X);
  InterimResult r;
  r.method = "border";
  r.status = Status::BorderSatisfied;
  std::uint64_t checked = 0;
  for_each_test_set(in.num_triples(), o.max_test_sets, [&](TestSet s) {
    ++checked;
    Rational lhs = 0;
    for (int z : members_of(s)) lhs += y[z];
    const auto [G, F] = bounds.bounds(s);
    if (lhs > F || lhs < G) {
      r.status = Status::Infeasible;
      r.test_set = TestSetViolation{lhs > F, s, lhs, lhs > F ? F : G};
      return false;
    }
    return true;
  });
  r.test_sets = checked;
  return r;
}

}  // namespace equilab::interim
