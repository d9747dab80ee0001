// Random instances of kind roommates (EMZ 2022 §5): agents "1".."n", a utility 0..9 (dichotomous: 0/1)
// for every partner and for staying alone, budgets 1, built by the same function as the reader.
#include <stdexcept>
#include <string>
#include <vector>

#include "generators/pseudo_market_eq_generator.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::gen {

pseudo_market::EquilibriumInstance generate_eq_roommates(Random& rng, const PseudoMarketEqGenOptions& o) {
  if (o.agents < 2 || o.agents > 6)
    throw std::invalid_argument("--agents must be between 2 and 6 for kind roommates, not " +
                                std::to_string(o.agents));
  if (o.alpha != "1") throw std::invalid_argument("kind roommates supports only --alpha 1 (fiat budgets)");
  if (o.caps != 0 || o.regions != 0 || o.endowments || o.allocate_all)
    throw std::invalid_argument(
        "kind roommates takes no --caps, --regions, --endowments or --allocate-all (C is the matching polytope)");
  const int n = o.agents;
  const std::int64_t top = o.dichotomous ? 1 : 9;
  std::vector<std::string> names;
  for (int i = 1; i <= n; ++i) names.push_back(std::to_string(i));
  std::vector<std::vector<Rational>> u(n, std::vector<Rational>(n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) u[i][j] = Rational(rng.uniform_int(0, top));
  return pseudo_market::build_roommates("roommates-" + std::to_string(n), names, u,
                                        std::vector<Rational>(n, Rational(1)));
}

}  // namespace equilab::gen
