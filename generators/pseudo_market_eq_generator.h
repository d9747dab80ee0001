// Seeded random pseudo_market `equilibrium` instances (issue 10, "Generators"): the same seed gives
// the same instance on every machine (draws only from equilab::Random).
//   kind assignment : utilities 0..9 (--dichotomous: 0/1), supplies 1..2, --caps k cross-agent
//                     ceilings, --regions r (EMZ §4.3), --endowments (ω summing to the supplies),
//                     --alpha a (needs --endowments when a < 1), --allocate-all.
//   kind roommates  : --agents n (≤ 6) with utilities 0..9 for every partner and for staying alone.
//   kind bundles    : --objects goods (≤ 3), each agent a monotone set utility on its domain.
#pragma once

#include <cstdint>
#include <string>

#include "core/random.h"
#include "pseudo_market/equilibrium.h"

namespace equilab::gen {

struct PseudoMarketEqGenOptions {
  std::string kind = "assignment";  // assignment|roommates|bundles
  int agents = 3;
  int objects = 3;
  int caps = 0;
  int regions = 0;
  bool endowments = false;
  std::string alpha = "1";
  bool dichotomous = false;
  bool allocate_all = false;
};

// Throws std::invalid_argument for bad options (the command maps it to exit 2).
pseudo_market::EquilibriumInstance generate_pseudo_market_equilibrium(std::uint64_t seed,
                                                                      const PseudoMarketEqGenOptions& options);

// Per kind (roommates and bundles in their own files).
pseudo_market::EquilibriumInstance generate_eq_roommates(Random& rng, const PseudoMarketEqGenOptions& options);
pseudo_market::EquilibriumInstance generate_eq_bundles(Random& rng, const PseudoMarketEqGenOptions& options);
// Random regions partitioning in.objects into r parts with floors/ceilings that keep C non-empty.
void add_random_regions(Random& rng, pseudo_market::EquilibriumInstance& in, int r);

}  // namespace equilab::gen
