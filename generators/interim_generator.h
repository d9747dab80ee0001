// Seeded random interim instances (issue 6, "Generators"): the same seed gives the same
// instance on every machine (draws only from equilab::Random).
#pragma once

#include <cstdint>
#include <string>

#include "interim/model.h"

namespace equilab::gen {

struct InterimGenOptions {
  std::string kind = "multiunit";  // explicit|knapsack|multiunit|ranked_quota|matching
  int players = 2;
  int types = 2;    // per player
  int objects = 0;  // explicit/matching; 0: as many as players
  bool joint = false;
  std::string point = "feasible";  // feasible|boundary|outside
  bool weights = false;
};

// Throws std::invalid_argument for bad options (the command maps it to exit 2).
interim::InterimInstance generate_interim(std::uint64_t seed, const InterimGenOptions& options);

}  // namespace equilab::gen
