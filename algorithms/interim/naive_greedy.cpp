#include "interim/naive_greedy.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace equilab::interim {

NaiveGreedy naive_greedy(const InterimInstance& in, const std::vector<Outcome>& X, const std::vector<Rational>& w) {
  if (X.empty()) throw std::logic_error("naive greedy: X is empty");
  const int m = in.num_objects();
  NaiveGreedy result;
  result.value = 0;
  for (int t = 0; t < in.num_profiles(); ++t) {
    // The present triples, greedy part (w >= 0, descending) then generous part (w < 0, ascending);
    // ties to the lower triple index.
    std::vector<int> up, down;
    for (int i = 0; i < in.num_players(); ++i)
      for (int j = 0; j < m; ++j) {
        const int z = in.z_index(i, in.profiles[t][i], j);
        (w[z] >= 0 ? up : down).push_back(z);
      }
    std::stable_sort(up.begin(), up.end(), [&](int a, int b) { return w[a] > w[b]; });
    std::stable_sort(down.begin(), down.end(), [&](int a, int b) { return w[a] < w[b]; });
    auto coordinate = [&](int z) {
      const Triple tr = in.triple(z);
      return tr.player * m + tr.object;
    };

    NaiveGreedyProfile p;
    std::vector<const Outcome*> left;
    for (const Outcome& x : X) left.push_back(&x);
    Outcome rule_point(X.front().size(), Rational(0));
    // f (resp. g) of the growing prefix, by enumeration: the running sums over each x ∈ X.
    std::vector<Rational> prefix_sum(X.size(), Rational(0));
    for (int part = 0; part < 2; ++part) {
      const bool greedy = part == 0;
      std::fill(prefix_sum.begin(), prefix_sum.end(), Rational(0));
      Rational previous = 0;  // f(Uⁿ⁻¹,t) or g(Lⁿ⁻¹,t); f(∅) = g(∅) = 0
      for (int z : greedy ? up : down) {
        const int k = coordinate(z);
        // The algorithm: the extreme quantity among the outcomes still allowed.
        Rational q = (*left.front())[k];
        for (const Outcome* x : left) q = greedy ? std::max(q, (*x)[k]) : std::min(q, (*x)[k]);
        std::erase_if(left, [&](const Outcome* x) { return (*x)[k] != q; });
        // (12) / (13): the marginal f(Uⁿ,t) − f(Uⁿ⁻¹,t) (resp. g) over all of X.
        Rational bound;
        for (std::size_t a = 0; a < X.size(); ++a) {
          prefix_sum[a] += X[a][k];
          if (a == 0 || (greedy ? prefix_sum[a] > bound : prefix_sum[a] < bound)) bound = prefix_sum[a];
        }
        const Rational rule = bound - previous;
        previous = bound;
        if (!p.first_rule_violation && rule != q) p.first_rule_violation = static_cast<int>(p.steps.size());
        rule_point[k] = rule;
        p.steps.push_back({z, q, rule});
      }
    }
    p.outcome = *left.front();
    p.value = 0;
    for (const NaiveGreedyStep& s : p.steps) p.value += w[s.triple] * s.quantity;
    p.rule_point_in_x = is_outcome(in, rule_point);
    result.value += in.profile_prob[t] * p.value;
    result.profiles.push_back(std::move(p));
  }
  return result;
}

}  // namespace equilab::interim
