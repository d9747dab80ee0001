// Border test sets (Zheng 2024, §2, eqs. (3)–(6)): a test set S ⊆ Z is a bit mask over the
// triples; I(S,t) (3) is a bit mask over I×J; f(S,t) = φ(I(S,t)) (4) and g(S,t) = γ(I(S,t)) (5)
// with φ(E) = max_{x∈X} Σ_E x and γ(E) = min, cached on E; F(S) = Σ_t μ(t) f(S,t), G likewise.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interim/model.h"

namespace equilab::interim {

using TestSet = std::uint64_t;  // bit z set when triple z ∈ S (|Z| <= 62)

// Members of a test set as triple indices, ascending.
std::vector<int> members_of(TestSet s);
TestSet test_set_of(const std::vector<int>& members);

class TestSetBounds {
 public:
  TestSetBounds(const InterimInstance& instance, const std::vector<Outcome>& outcomes);
  // I(S,t) of eq. (3) as a mask over i·|J| + j.
  std::uint64_t incidence(TestSet s, int profile) const;
  // φ(E), γ(E).
  const std::pair<Rational, Rational>& phi_gamma(std::uint64_t e);
  // (G(S), F(S)) of eq. (6).
  std::pair<Rational, Rational> bounds(TestSet s);
  // f(S,t), g(S,t).
  Rational f(TestSet s, int profile) { return phi_gamma(incidence(s, profile)).first; }
  Rational g(TestSet s, int profile) { return phi_gamma(incidence(s, profile)).second; }

 private:
  const InterimInstance& instance_;
  const std::vector<Outcome>& outcomes_;
  // Integer copies for the sums of (6): μ(t)·D and φ(E)·K, γ(E)·K with D, K common denominators,
  // so that F(S) = Σ_t (μ(t)D)(φ(E)K) / (DK) adds integers only.
  struct Scaled {
    Integer phi, gamma;
  };
  const Scaled& scaled(std::uint64_t e);
  std::unordered_map<std::uint64_t, std::pair<Rational, Rational>> cache_;
  std::unordered_map<std::uint64_t, Scaled> scaled_;
  std::vector<Integer> mu_scaled_;
  Integer mu_den_ = 1, outcome_den_ = 1;
};

// Calls visit(S) for every nonempty S ⊆ Z, fewest members first (then ascending mask);
// visit returns false to stop. Throws EnumerationLimit when 2^|Z| − 1 > limit.
template <class Visit>
void for_each_test_set(int num_triples, std::uint64_t limit, Visit&& visit);

std::uint64_t test_set_count(int num_triples);  // 2^|Z| − 1, saturating
void check_test_set_limit(int num_triples, std::uint64_t limit);

template <class Visit>
void for_each_test_set(int num_triples, std::uint64_t limit, Visit&& visit) {
  check_test_set_limit(num_triples, limit);
  const std::uint64_t full = (std::uint64_t{1} << num_triples);
  for (int k = 1; k <= num_triples; ++k) {
    // Gosper's hack: the masks with k bits in increasing order.
    std::uint64_t s = (std::uint64_t{1} << k) - 1;
    while (s < full) {
      if (!visit(static_cast<TestSet>(s))) return;
      const std::uint64_t c = s & (~s + 1), r = s + c;
      s = (((r ^ s) >> 2) / c) | r;
    }
  }
}

}  // namespace equilab::interim
