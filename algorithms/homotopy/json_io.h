// The "allocation_market" instance and result formats (issue 7; every result field's role in
// verify/allocation_market_fields.cpp).
//
// Result of a market (numbers are exact strings; goods and buyers by name; every object lists
// every good or every buyer):
//   "model": "allocation_market", "method": M, "arith": "exact",
//   "prices": {good: p}           the minimum-price equilibrium (MEP) at the path's end; null goods 0
//   "allocation": {buyer: good}   an equilibrium allocation (a buyer outside sits on a null good)
//   "utilities": {buyer: u}       v − β·p of his good at the path's end
//   "forest": {"roots": [good], "edges": [{"from": good, "to": good, "buyer": b}]}
//                                 a forest generating the prices (§2.2): roots at reservation, the
//                                 head of an edge priced by the indifference of the tail's buyer
//   "certificate": {"allocation", "prices", "forest"}   what verify checks; the four fields above
//                                 must equal it (utilities recomputed)
// Method "path" adds the path as its own certificate (§7: a trivial market, then the instance's
// values v⁰, then, with "path" in the instance, v¹; on each leg v(z) = v_from + z·(v_to − v_from)):
//   "start": {"allocation": {buyer: good}, "utility": {buyer: {good: value}}}
//         the trivial market the first leg ("start") leaves from: the values that differ from the
//         instance's v⁰ and the allocation whose structure (every good a root at reservation)
//         is its MEP at z = 0
//   "events": [{"leg": "start"|"path", "z": z, "type": T, "buyer": x, "from": η, "good": y,
//               "prices": {good: p}, "allocation_after": {buyer: good},
//               "forest_after": {good: predecessor}}, ...]
//         the §6 transitions in order (z nondecreasing on each leg; simultaneous events share
//         their z): x becomes indifferent to y while on η ("buyer" and "from" are absent for
//         prune_and_plant, where y falls to its reservation); prices at z (continuous in z) and
//         the GA-structure after the transition: allocation_after, and forest_after naming the
//         direct predecessor of every good that has one (the other goods are roots; the edge
//         into a good is priced by the buyer allocation_after puts on its predecessor)
//   "transition_counts": {"graft": k, "prune_and_plant": k, "prune_and_graft": k,
//                         "cycle_and_reverse": k, "shift_and_replant": k}
// `--bisect` (the §7.1 halving search) adds "search": "bisect", "bisect": {"trials", "halvings",
// "steps", "max_halvings", "deepest_step", "unseparated_steps", "events_may_be_merged"} and, per
// event, "bracket": [low, z] (the event lies in (low, z]; z is the trial point where the structure
// after it was accepted) and "unseparated": true on events taken one at a time at one trial point
// (their structure need not be an equilibrium there; the last of such a run is).
// Method "allocation-lp" adds "allocations_enumerated"; "ga-minmax" adds "allocations",
// "ga_structures_enumerated", "ga_structures_all" (decimal strings).
// A {"ga_count": ...} instance has its own result (tools/equilab/allocation_market_family.cpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "homotopy/model.h"

namespace equilab::homotopy {

// Validates everything (exit 2 on bad input, naming file and JSON pointer).
AllocationMarket read_allocation_market_json(const JsonNode& root);
Json write_allocation_market_json(const AllocationMarket& market);

// The result of a market (format above). Path events need PathEvent::structure_after
// (PathOptions::record_structures); a path event without it is a logic error.
Json write_result_json(const AllocationMarket& market, const MepResult& result, const std::string& method);

// A path event as a result states it (instance indexing).
struct ResultEvent {
  std::string pointer;  // "/events/k", for messages
  std::string leg;      // "start" or "path"
  Rational z;
  Transition type{};
  int buyer = -1, from_good = -1, good = -1;          // −1: absent
  Certificate after;                                  // prices, allocation_after, forest_after
  std::optional<Rational> bracket_low, bracket_high;  // --bisect
  bool unseparated = false;
};

// Everything a market result states, read strictly: a missing or unknown field, a wrong type or
// an unknown transition name is bad input (InputError, exit 2); a buyer or good the instance does
// not have is a contradiction (ResultContradiction, exit 1). Nothing is checked for truth here.
struct ResultDocument {
  std::string method;
  Certificate answer;               // top-level prices, allocation and forest
  std::vector<Rational> utilities;  // per buyer
  Certificate certificate;
  // method "path"
  bool path = false, bisect = false;
  std::vector<int> start_allocation;                               // per buyer
  std::vector<std::vector<std::optional<Rational>>> start_values;  // [buyer][good] where stated
  std::vector<ResultEvent> events;
  std::map<std::string, long> transition_counts;  // the five types
  bool events_may_be_merged = false;              // --bisect
  // allocation-lp / ga-minmax counts
  std::optional<Integer> allocations_enumerated, allocations, ga_structures_enumerated, ga_structures_all;
};
ResultDocument read_result_json(const AllocationMarket& market, const JsonNode& result);

// The §6 transition named `name` (graft, prune_and_plant, ...), or nothing.
std::optional<Transition> transition_from_string(const std::string& name);

}  // namespace equilab::homotopy
