// The fields of a "allocation_market" result and what verify proves about each (see verify/result_fields.h).
// Formats: algorithms/homotopy/json_io.h (markets), tools/equilab/allocation_market_family.cpp (ga_count).
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& allocation_market_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      {"/model", Claim, "the instance's model"},
      {"/method", Informational, "the method that ran (it decides which fields the result has)"},
      {"/arith", Claim, "exact: the family is solved exactly only"},
      // Every market result.
      {"/prices", Claim,
       "equal the certificate's prices, proven the minimum-price equilibrium at the path's end (§2.1 CE "
       "conditions and the forest generating them, eq. 2.1)"},
      {"/allocation", Claim,
       "equals the certificate's allocation, proven an equilibrium allocation at those prices"},
      {"/utilities", Claim, "recomputed: v − β·p of each buyer's certified good at the certified price"},
      {"/forest", Certificate, "equals the certificate's forest (roots and edges as sets)"},
      {"/certificate", Certificate,
       "allocation acceptable and one-to-one, p >= r, null goods at 0, each buyer's good in his demand, "
       "goods "
       "above reservation allocated, and the forest's generated prices (eq. 2.1) equal the prices"},
      // path: the path is its own certificate.
      {"/start", Certificate,
       "the trivial market the start leg leaves from: its allocation with every good a root at reservation "
       "is "
       "checked to be the minimum-price equilibrium there"},
      {"/events", Claim,
       "the §6 transitions along the path, each checked as below; dropped or added events fail"},
      {"/events/*/leg", Claim, "start or path (only with a path in the instance), in that order"},
      {"/events/*/z", Claim,
       "in [0, 1], nondecreasing on its leg; the structures before and after the event are both the "
       "minimum-price "
       "equilibrium at z (with --bisect: after at z, before at the bracket's low end)"},
      {"/events/*/type", Claim,
       "the §6 transition classified independently from the structures before and after the event"},
      {"/events/*/buyer", Claim, "the buyer who becomes indifferent, as the classification finds him"},
      {"/events/*/from", Claim, "that buyer's good before the event, as the classification finds it"},
      {"/events/*/good", Claim, "the good of the transition, as the classification finds it"},
      {"/events/*/prices", Claim,
       "the minimum-price equilibrium at z: the prices both structures generate and support as an "
       "equilibrium "
       "(inside an unseparated --bisect run: the prices the structure after the event generates)"},
      {"/events/*/allocation_after", Claim,
       "the allocation after the transition: the §6 rule applied to the structure before, and an equilibrium "
       "allocation at z; the last one is the certificate's"},
      {"/events/*/forest_after", Certificate,
       "the forest after the transition: the §6 rule applied to the structure before, generating the prices "
       "at "
       "z; the last one is the certificate's"},
      {"/events/*/bracket", Certificate,
       "--bisect: [low, z] with low < z, low not before the previous event, z the event's, and the structure "
       "before the event the minimum-price equilibrium at low (a wider true bracket is accepted)"},
      {"/events/*/unseparated", Certificate,
       "--bisect: marks events applied one at a time at one trial point; their structure is checked to "
       "generate "
       "the stated prices, and the run's last one to be the equilibrium there"},
      {"/transition_counts", Claim, "equal the numbers of listed events of each type"},
      {"/search", Informational, "the search that ran (bisect); it decides which event fields are read"},
      {"/bisect", Informational, "counts of the halving search's trials, halvings and steps, not proven"},
      {"/bisect/events_may_be_merged", Claim, "true exactly when some event is marked unseparated"},
      // Counts of the enumerating methods, recounted independently.
      {"/allocations_enumerated", Claim,
       "allocation-lp: the number of allocations of the market (each buyer on an acceptable ordinary good or "
       "outside), recounted"},
      {"/allocations", Claim, "ga-minmax: the number of allocations of the market, recounted"},
      {"/ga_structures_enumerated", Claim,
       "ga-minmax: allocations times rooted forests on their allocated goods, recounted by enumerating every "
       "parent function"},
      {"/ga_structures_all", Claim,
       "ga-minmax: |G| of §2.2 (also every place of each unallocated good), recounted"},
      // {"ga_count": ...} instances.
      {"/buyers", Claim, "ga_count: the instance's number of buyers"},
      {"/goods", Claim, "ga_count: the instance's number of goods"},
      {"/ga_structures", Claim,
       "ga_count: (m+1)^(m−1) rooted forests (Cayley) times n!/(n−m)! allocations, recomputed"},
      {"/order_of_magnitude", Claim, "ga_count: the count's number of decimal digits minus 1, recomputed"},
      {"/scientific", Claim, "ga_count: the count with three significant digits, rounded down, recomputed"},
      {"/certificate/ga_structures", Certificate, "ga_count: equals the recomputed count"},
  };
  return rules;
}

}  // namespace equilab::verify
