// The equilibrium task's kinds beyond `assignment` and the §4.3 regions: each builds the common
// EquilibriumInstance (cells, X_i rows, Ω*, floors, the hull of C) from its own JSON form.
//   roommates.cpp     : kind roommates (EMZ §5, Prop. 3)
//   bundle_market.cpp : kind bundles (pseudo-market slides)
//   regions.cpp       : kind assignment with "regions" (EMZ §4.3, Prop. 1, eq. (2))
#pragma once

#include "core/json.h"
#include "core/random.h"
#include "pseudo_market/equilibrium.h"

namespace equilab::pseudo_market {

// kind roommates: {"model":"pseudo_market","version":1,"kind":"roommates","alpha",
//   "agents":[{"name","budget"}], "utilities":{i:{j:u}} (j = i: staying alone; omitted = 0),
//   "prices":{row:p}}. Objects = agents; Ω* = the Prop. 3 rows touching ≥ 2 agents; hull = matchings.
EquilibriumInstance read_roommates_json(const JsonNode& root);
// The builder the reader and the generator share (throws std::invalid_argument unless 2 ≤ N ≤ 6).
EquilibriumInstance build_roommates(const std::string& name, const std::vector<std::string>& names,
                                    const std::vector<std::vector<Rational>>& utilities,
                                    const std::vector<Rational>& budgets);
Json write_roommates_json(const EquilibriumInstance& in);

// kind bundles: {"model":"pseudo_market","version":1,"kind":"bundles","goods":[names],
//   "agents":[{"name","budget"}], "set_utilities":{i:[{"bundle":"a+b","value":u}]}, "prices":{"good:<g>":p}}.
// Objects = the non-empty bundles of any agent; priced rows "good:<g>" (equalities: every good is
// allocated); hull = allocations of all goods within the agents' domains.
EquilibriumInstance read_bundle_market_json(const JsonNode& root);
Json write_bundle_market_json(const EquilibriumInstance& in);

// regions: reads "regions":[{"name","objects":[...],"floor","ceiling"}] into in.regions (objects
// already read). add_region_rows (called by finish_equilibrium) appends the eq. (2) ceilings of
// every union of regions to Ω* and the regional floors to in.floors.
void read_regions(EquilibriumInstance& in, const JsonNode& regions);
void add_region_rows(EquilibriumInstance& in);
Json regions_json(const EquilibriumInstance& in);

}  // namespace equilab::pseudo_market
