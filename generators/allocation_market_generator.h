// Seeded random allocation markets (issue 7): m buyers, n ordinary goods, one null good per buyer.
#pragma once

#include <cstdint>

#include "homotopy/model.h"

namespace equilab::gen {

struct AllocationMarketGenOptions {
  int buyers = 3;
  int goods = 4;         // ordinary goods; one null good per buyer is added
  bool tu = false;       // β ≡ 1
  bool integer = false;  // integer values and reservations
  bool path = false;     // add a random path end (values and reservations)
  int max_value = 20;
};

homotopy::AllocationMarket generate_allocation_market(std::uint64_t seed,
                                                      const AllocationMarketGenOptions& options);

}  // namespace equilab::gen
