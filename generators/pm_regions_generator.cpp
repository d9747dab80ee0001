// Random EMZ §4.3 regions for the pseudo_market `equilibrium` generator (kind assignment): a
// partition of the objects into r non-empty regions with integer floors and ceilings meeting the
// assumptions under which EMZ Prop. 1 describes lcs(C): Σ_l q_l ≥ N ≥ Σ_k q̲_{R_k}, and
// q̲_{R_k} ≤ min(q̄_{R_k}, Σ_{l∈R_k} q_l) for every region (so C is not empty). Call it before
// finish_equilibrium, which adds the eq. (2) rows.
#include <algorithm>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "generators/pseudo_market_eq_generator.h"

namespace equilab::gen {

void add_random_regions(Random& rng, pseudo_market::EquilibriumInstance& in, int r) {
  const int L = in.num_objects(), N = in.num_agents();
  if (r < 1 || r > L)
    throw std::invalid_argument("regions: need 1 ≤ r ≤ " + std::to_string(L) +
                                " (the number of objects), not " + std::to_string(r));
  if (in.allocate_all || !in.user.empty())
    throw std::invalid_argument("regions (EMZ §4.3) cannot be combined with allocate_all or constraints");
  Rational supplies = 0;
  for (const auto& o : in.objects) {
    if (boost::multiprecision::denominator(o.supply) != 1)
      throw std::invalid_argument("regions need integer supplies");
    supplies += o.supply;
  }
  if (supplies < N)
    throw std::invalid_argument(
        "regions (EMZ §4.3) need the supplies to sum to at least the number of agents");

  // Partition: a random order of the objects; the first r open one region each, the others join a
  // region drawn uniformly.
  std::vector<int> perm(L);
  std::iota(perm.begin(), perm.end(), 0);
  for (int k = L - 1; k > 0; --k) std::swap(perm[k], perm[rng.uniform_int(0, k)]);
  in.regions.assign(r, {});
  for (int k = 0; k < r; ++k) {
    std::ostringstream name;
    name << 'R' << k + 1;
    in.regions[k].name = name.str();
  }
  for (int t = 0; t < L; ++t) {
    const int k = t < r ? t : static_cast<int>(rng.uniform_int(0, r - 1));
    in.regions[k].objects.push_back(perm[t]);
  }

  // Floors: regions in a random order share at most N agents, each floor within its region's supply.
  // Ceilings: from the floor to one past the region's supply (sometimes not binding at all).
  std::vector<int> order(r);
  std::iota(order.begin(), order.end(), 0);
  for (int k = r - 1; k > 0; --k) std::swap(order[k], order[rng.uniform_int(0, k)]);
  std::int64_t left = N;
  for (int k : order) {
    auto& region = in.regions[k];
    std::sort(region.objects.begin(), region.objects.end());
    Rational supply = 0;
    for (int l : region.objects) supply += in.objects[l].supply;
    const std::int64_t s = supply.convert_to<std::int64_t>();
    const std::int64_t floor = rng.uniform_int(0, std::min(s, left));
    left -= floor;
    region.floor = floor;
    region.ceiling = rng.uniform_int(floor, s + 1);
  }
}

}  // namespace equilab::gen
