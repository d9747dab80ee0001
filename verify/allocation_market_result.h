// Every field of an allocation-market result (homotopy/json_io.h), checked against the instance:
// the certificate, the answer's copies of it, the path and the counts. The roles of the fields are
// listed in verify/allocation_market_fields.cpp.
#pragma once

#include "homotopy/json_io.h"
#include "homotopy/model.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

// - the certificate: check_allocation_market_certificate (the MEP at the path's end);
// - "prices", "allocation" and "forest" equal the certificate's (the forest's roots and edges as
//   sets), "utilities" are v − β·p of each buyer's certified good at the path's end;
// - method "path": check_allocation_market_path (allocation_market_path.h);
// - "allocations_enumerated" (allocation-lp) and "allocations" (ga-minmax) are the number of
//   allocations of the market at the path's end, each buyer on an acceptable ordinary good or
//   outside, counted here by recursion; "ga_structures_enumerated" the pairs of such an
//   allocation and a rooted forest on its allocated goods (an edge's buyer accepts its head; an
//   outside option only its buyer), counted by enumerating parent functions; "ga_structures_all"
//   |G| of §2.2, the same pairs times each unallocated good's places (a root, or a leaf below the
//   good of any buyer who accepts it).
Verdict check_allocation_market_result(const homotopy::AllocationMarket& instance,
                                       const homotopy::ResultDocument& result);

// The number of allocations of `market`'s buyers (each on an acceptable ordinary good, no good
// twice, or outside): exactly by a subset count when the smaller side is small, otherwise one by
// one up to `cap` + 1.
Integer count_allocations(const homotopy::AllocationMarket& market, const Integer& cap);

struct GaStructureCounts {
  Integer allocations, enumerated, all;
};
// The ga-minmax counts by enumeration (every allocation, every parent function on its allocated
// goods); markets of at most 5 buyers and 5 ordinary goods.
GaStructureCounts count_ga_structures(const homotopy::AllocationMarket& market);

}  // namespace equilab::verify
