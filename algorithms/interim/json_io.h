// The "interim" instance format and result format (issue 6).
//
// Instance:
//   {"model":"interim","version":1,"name":"optional",
//    "players":[{"name":"1","types":[{"name":"lo","prob":"1/2"}, ...]}, ...],
//    "prior":{"joint":[{"profile":{"1":"lo","2":"s"},"prob":"1/4"}, ...]},   // optional; then no type prob
//    "outcomes":{"kind":"explicit","objects":["a","b"],"list":[{"1":{"a":"1"}}, ...]}
//             | {"kind":"knapsack","capacity":"4","size":{"1":"2","2":"3"}}
//             | {"kind":"multiunit","units":1}
//             | {"kind":"ranked_quota","qualities":["1","1/2"],"group1":["1"],"top":1,"quota":1}
//             | {"kind":"matching","objects":["a","b"],"unit_demand":"exact"|"at_most"},
//    "interim":{"1":{"lo":{"a":"1/2",...}, ...}, ...},     // every triple exactly once
//    "weights":{...same layout...}}                         // optional
// Single-good kinds (knapsack, multiunit, ranked_quota) have one object "good" and accept a
// plain number per type in interim/weights. Unknown fields are errors.
//
// Result:
// {"model":"interim","method":"lp|border|greedy","arith":"exact","status":"feasible|infeasible|border_satisfied|inconclusive",
//   "outcomes":|X| (lp), "test_sets":N (border), "weighted":{"interim_value","feasible_max","border_max"},
//   "certificate":{"ex_post":[{"profile":{player:type},"lottery":[{"prob","outcome":{player:{object:q}}}]}],
//                  "separating_weights":{"weights":{player:{type:{object:w}}},"interim_value","bound"},
//                  "test_set":{"side":"ceiling"|"floor","members":[{"player","type","object"}],"lhs","bound"},
//                  "border_max":{"value","primal":{player:{type:{object:Q}}},
//                                "dual":{"plus":[{"members","price"}],"minus":[...]}}}}
#pragma once

#include <cstdint>

#include "core/json.h"
#include "interim/methods.h"
#include "interim/model.h"

namespace equilab::interim {

InterimInstance read_interim_json(const JsonNode& root, std::uint64_t max_profiles = 2'000'000);
Json write_interim_json(const InterimInstance& instance);

// A vector on Z as {player:{type:{object:v}}}.
Json z_vector_json(const InterimInstance& instance, const std::vector<Rational>& values);
Json members_json(const InterimInstance& instance, TestSet s);

Json write_result_json(const InterimInstance& instance, const InterimResult& result);
// Reads a result back (the certificate strictly; unknown top-level fields are ignored). "arith"
// ("exact"), "method" (lp, border or greedy) and "certificate" are required, and so are the claims
// the method states: lp "outcomes" and, when the instance has weights, "weighted" with
// "border_max"; greedy "weighted" when the instance has weights. What is missing or cannot be
// read is an InputError; a name the instance lacks, a profile or test-set member listed twice, a
// border_max that differs from its certificate's value or comes without it contradicts the
// result (ResultContradiction: verify's exit 1).
InterimResult read_result_json(const InterimInstance& instance, const JsonNode& root);

}  // namespace equilab::interim
