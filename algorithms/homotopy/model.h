// The NTU allocation market of Caplin–Leahy (2010, §2.1) with affine utilities
// U_a(i, p) = v_ai − β_ai·p (β_ai > 0; β ≡ 1 is the TU case) and an optional linear path
// of parameters (§4.2): v(z) = (1−z)v⁰ + z·v¹, r(z) = (1−z)r⁰ + z·r¹.
//
// Null goods (the paper's y_{n−a} with p = r = 0) are goods flagged "null": price fixed at 0,
// always roots. equilab requires every buyer to value all of his acceptable null goods equally
// (his outside option w_a) and the buyers to admit a one-to-one assignment to acceptable null
// goods; then the market is the paper's market in which buyer a owns the outside option o_a
// (internal good n + a), and the null good an unassigned buyer sits on is chosen at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/rational.h"
#include "homotopy/event_prices.h"

namespace equilab::homotopy {

struct Good {
  std::string name;
  Rational reservation;  // r_i (the path's start r⁰)
  bool null = false;
};

struct UtilityTerm {
  Rational value;      // v_ai (start of the path, v⁰)
  Rational slope = 1;  // β_ai > 0
};

struct AllocationMarket {
  std::string name;
  std::vector<std::string> buyers;
  std::vector<Good> goods;
  // utility[a][i]: absent when good i is not acceptable to buyer a.
  std::vector<std::vector<std::optional<UtilityTerm>>> utility;
  // Path end (v¹, r¹) when the instance has "path"; equal to the start otherwise.
  bool has_path = false;
  std::vector<std::vector<Rational>> value_to;  // [a][i], meaningful where acceptable
  std::vector<Rational> reservation_to;

  int num_buyers() const { return static_cast<int>(buyers.size()); }
  int num_goods() const { return static_cast<int>(goods.size()); }
};

// The paper's market with one outside option per buyer (internal indexing):
// goods 0..n−1 are the instance's non-null goods, good n + a is buyer a's outside option
// (price 0, reservation 0, acceptable to a only, value w_a, slope 1).
struct ReducedMarket {
  int m = 0, n = 0;
  std::vector<int> real_goods;                      // internal real good k -> instance good index
  std::vector<Rational> r0, r1;                     // per real good
  std::vector<std::vector<char>> acceptable;        // [a][k], real goods
  std::vector<std::vector<Rational>> v0, v1, beta;  // [a][k], real goods
  std::vector<Rational> w0, w1;                     // outside option values (constant along paths)
  std::vector<int> null_of;  // buyer -> a distinct acceptable null good (instance index)

  int num_internal_goods() const { return n + m; }
  bool is_outside(int g) const { return g >= n; }
};

ReducedMarket reduce(const AllocationMarket& market);
// The market at the path's end with no path (what `solve` answers for).
AllocationMarket endpoint(const AllocationMarket& market);

// A GA-structure's data as reported (instance indexing): allocation buyer -> good,
// prices per good, forest roots and edges (tail, head, buyer on the tail).
struct ForestEdge {
  int from = -1, to = -1, buyer = -1;
};
struct Certificate {
  std::vector<int> allocation;   // per buyer: instance good index
  std::vector<Rational> prices;  // per instance good
  std::vector<int> roots;        // instance good indices
  std::vector<ForestEdge> edges;
};

// §6 transition types.
enum class Transition { Graft, PruneAndPlant, PruneAndGraft, CycleAndReverse, ShiftAndReplant };
const char* to_string(Transition t);

struct PathEvent {
  std::string leg;  // "start" (trivial market -> v⁰) or "path" (v⁰ -> v¹)
  Rational z;
  Transition type{};
  int buyer = -1;                     // instance buyer index (-1 for prune and plant)
  int from_good = -1;                 // instance good of the buyer (η), -1 for prune and plant
  int good = -1;                      // the good y of the transition
  EventPrices prices;                 // prices at the event (instance goods); continuous in z
  std::vector<int> allocation_after;  // instance goods per buyer after the transition
  // The whole GA-structure after the transition (allocation, prices, forest); recorded only
  // when PathOptions::record_structures is set (tests check each consecutive pair).
  std::optional<Certificate> structure_after;
};

// The answer of every method: the MEP and a GA-structure generating it (§2.3).
struct MepResult {
  Certificate certificate;
  std::vector<PathEvent> events;             // path method only
  std::uint64_t allocations_enumerated = 0;  // allocation-lp only
};

class EnumerationLimit : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace equilab::homotopy
