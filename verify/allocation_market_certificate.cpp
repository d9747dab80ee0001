#include "verify/allocation_market_certificate.h"

#include <functional>
#include <optional>

namespace equilab::verify {

using homotopy::AllocationMarket;
using homotopy::Certificate;

Verdict check_allocation_market_certificate(const AllocationMarket& instance, const Certificate& c) {
  const AllocationMarket m = homotopy::endpoint(instance);
  const int nb = m.num_buyers(), ng = m.num_goods();
  Verdict v;
  auto bq = [&](int a) { return "buyer \"" + m.buyers[a] + "\""; };
  auto gq = [&](int i) { return "good \"" + m.goods[i].name + "\""; };
  if (static_cast<int>(c.allocation.size()) != nb || static_cast<int>(c.prices.size()) != ng) {
    v.fail("certificate sizes do not match the instance");
    return v;
  }
  auto utility = [&](int a, int i) { return m.utility[a][i]->value - m.utility[a][i]->slope * c.prices[i]; };
  // Allocation.
  std::vector<int> holder(ng, -1);
  bool allocation_ok = true;
  for (int a = 0; a < nb; ++a) {
    const int g = c.allocation[a];
    if (g < 0 || g >= ng) {
      v.fail(bq(a) + " has no good");
      allocation_ok = false;
      continue;
    }
    if (!m.utility[a][g]) {
      v.fail(bq(a) + " gets " + gq(g) + ", which he does not find acceptable");
      allocation_ok = false;
    }
    if (holder[g] >= 0) {
      v.fail(gq(g) + " is given to both " + bq(holder[g]) + " and " + bq(a));
      allocation_ok = false;
    }
    holder[g] = a;
  }
  // Prices (§2.1 condition 2 and Λ).
  for (int i = 0; i < ng; ++i) {
    if (m.goods[i].null && c.prices[i] != 0)
      v.fail("null " + gq(i) + " priced " + equilab::to_string(c.prices[i]) + ", not 0");
    if (c.prices[i] < m.goods[i].reservation)
      v.fail(gq(i) + " priced " + equilab::to_string(c.prices[i]) + " below its reservation " +
             equilab::to_string(m.goods[i].reservation));
    // §2.1 condition 3.
    if (c.prices[i] > m.goods[i].reservation && holder[i] < 0)
      v.fail(gq(i) + " priced above reservation (" + equilab::to_string(c.prices[i]) + " > " +
             equilab::to_string(m.goods[i].reservation) + ") but unallocated");
  }
  if (!allocation_ok) return v;
  // §2.1 condition 1: μ_a ∈ D_a(p).
  for (int a = 0; a < nb; ++a) {
    const Rational own = utility(a, c.allocation[a]);
    for (int k = 0; k < ng; ++k)
      if (m.utility[a][k] && utility(a, k) > own)
        v.fail(bq(a) + " prefers " + gq(k) + " (utility " + equilab::to_string(utility(a, k)) + ") to his " +
               gq(c.allocation[a]) + " (utility " + equilab::to_string(own) + ")");
  }
  // The forest (§2.2): each good a root or the head of exactly one edge.
  std::vector<int> parent(ng, -2), via(ng, -1);  // -2: not placed, -1: root
  for (int r : c.roots) {
    if (r < 0 || r >= ng) {
      v.fail("bad root");
      return v;
    }
    if (parent[r] != -2) v.fail(gq(r) + " is listed twice as a root");
    parent[r] = -1;
  }
  for (const auto& e : c.edges) {
    if (e.from < 0 || e.from >= ng || e.to < 0 || e.to >= ng || e.buyer < 0 || e.buyer >= nb) {
      v.fail("bad edge");
      return v;
    }
    const std::string name = "edge (" + m.goods[e.from].name + " -> " + m.goods[e.to].name + ")";
    if (parent[e.to] == -1)
      v.fail(name + " enters the root " + gq(e.to));
    else if (parent[e.to] >= 0)
      v.fail(name + ": " + gq(e.to) + " already has a predecessor");
    else {
      parent[e.to] = e.from;
      via[e.to] = e.buyer;
    }
    if (holder[e.from] != e.buyer)
      v.fail(name + " names " + bq(e.buyer) + ", who does not hold its tail " + gq(e.from));
    if (!m.utility[e.buyer][e.to]) v.fail(name + ": " + gq(e.to) + " is not acceptable to " + bq(e.buyer));
  }
  if (!v.valid) return v;
  for (int i = 0; i < ng; ++i)
    if (parent[i] == -2) v.fail(gq(i) + " is neither a root nor the head of an edge");
  if (!v.valid) return v;
  // Acyclic: every good reaches a root within ng steps.
  for (int i = 0; i < ng; ++i) {
    int g = i, steps = 0;
    while (parent[g] >= 0 && steps <= ng) {
      g = parent[g];
      ++steps;
    }
    if (parent[g] >= 0) {
      v.fail("the forest has a cycle through " + gq(i));
      return v;
    }
  }
  // q(μ,F) of eq. (2.1): roots at reservation, successors by the tail buyer's indifference.
  std::vector<std::optional<Rational>> gen(ng);
  std::function<Rational(int)> q = [&](int k) -> Rational {
    if (gen[k]) return *gen[k];
    Rational value;
    if (parent[k] < 0)
      value = m.goods[k].reservation;
    else {
      const int i = parent[k], a = via[k];
      const auto &ti = *m.utility[a][i], &tk = *m.utility[a][k];
      value = (tk.value - ti.value + ti.slope * q(i)) / tk.slope;  // U_a(i,q_i) = U_a(k,q_k)
    }
    gen[k] = value;
    return value;
  };
  for (int k = 0; k < ng; ++k)
    if (q(k) != c.prices[k]) {
      if (parent[k] < 0)
        v.fail("root " + gq(k) + " priced " + equilab::to_string(c.prices[k]) + ", not at its reservation " +
               equilab::to_string(m.goods[k].reservation));
      else
        v.fail("edge (" + m.goods[parent[k]].name + " -> " + m.goods[k].name + "): " + bq(via[k]) +
               " is not indifferent; the generated price q(" + m.goods[k].name +
               ") = " + equilab::to_string(q(k)) + " but the result says " + equilab::to_string(c.prices[k]));
    }
  return v;
}

}  // namespace equilab::verify
