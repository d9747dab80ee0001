// Seeded random pseudo_market `decompose` instances (issue 10, "Generator"): the same seed gives the
// same instance on every machine (draws only from equilab::Random).
//
// The assignment x is a mixture (random integer weights) of `points` integral feasible points drawn
// greedily in random order, so it is implementable unless --violate.
//   kind assignment: supplies 1..2; a row constraint per agent (ceiling 1..2). --bihierarchy adds only
//     laminar families: a sub-row per agent (probability ½), two agent groups × all objects (sup-rows)
//     and a partition of the objects into regions × all agents (sup-columns), which together with the
//     supplies form two hierarchies (EMZ §4.1, fn. 10). Without it: random agent-set × object-set
//     constraints and one weighted cells constraint (coefficients 1..2), which usually cross.
//   kind bundles: goods with supply 1..2, 1..3 listed bundles per agent of 1..3 goods (--bihierarchy:
//     single goods only, so agent rows and goods form a bihierarchy), plus (without --bihierarchy) a
//     ceiling on the goods held by a random group of agents.
// A third of the constraints get the floor min_k a·y_k (still met by every point).
// --violate then puts one agent's expected number of copies held outside its quota (kind assignment:
// the agent's row gets the ceiling ⌈held⌉ − 1 or the floor ⌊held⌋ + 1; bundles: a new constraint on
// the goods the agent holds), so x breaks a quota and is not implementable.
#pragma once

#include <cstdint>
#include <string>

#include "pseudo_market/model.h"

namespace equilab::gen {

struct PseudoMarketGenOptions {
  std::string task = "decompose";
  std::string kind = "assignment";  // assignment|bundles
  int agents = 3;
  int objects = 3;
  bool bihierarchy = false;
  bool violate = false;
  int points = 0;  // integral points in the mixture; 0 = max(agents, objects)
};

// Throws std::invalid_argument for bad options (the command maps it to exit 2).
pseudo_market::DecomposeInstance generate_pseudo_market(std::uint64_t seed,
                                                        const PseudoMarketGenOptions& options);

}  // namespace equilab::gen
