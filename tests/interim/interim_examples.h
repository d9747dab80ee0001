// The paper's worked instances as JSON text (Zheng 2024; numbers from the notes, checked by hand).
#pragma once

#include <string>

#include "core/json.h"
#include "interim/json_io.h"

namespace equilab::interim::examples {

// §4.1 / Prop. 2 knapsack gap: c = (2,3), C = 4, Q = (0, 2, 2), w = (lo 1, hi 2, s 1).
inline const char* kKnapsack41 = R"({"model":"interim","version":1,"name":"zheng-4.1",
 "players":[{"name":"1","types":[{"name":"lo","prob":"1/2"},{"name":"hi","prob":"1/2"}]},
            {"name":"2","types":[{"name":"s","prob":"1"}]}],
 "outcomes":{"kind":"knapsack","capacity":"4","size":{"1":"2","2":"3"}},
 "interim":{"1":{"lo":"0","hi":"2"},"2":{"s":"2"}},
 "weights":{"1":{"lo":"1","hi":"2"},"2":{"s":"1"}}})";

// §4.3 Tables 3–7: Q = reduced form of q̄, weights of Table 3.
inline const char* kMatching43 = R"({"model":"interim","version":1,"name":"zheng-4.3",
 "players":[{"name":"1","types":[{"name":"t1","prob":"1"}]},
            {"name":"2","types":[{"name":"t2","prob":"1/2"},{"name":"t2'","prob":"1/2"}]}],
 "outcomes":{"kind":"matching","objects":["a","b","c"],"unit_demand":"exact"},
 "interim":{"1":{"t1":{"a":"0","b":"1/2","c":"1/2"}},"2":{"t2":{"a":"1","b":"0","c":"0"},"t2'":{"a":"0","b":"1","c":"0"}}},
 "weights":{"1":{"t1":{"a":"-1","b":"4","c":"2"}},"2":{"t2":{"a":"3","b":"0","c":"1/2"},"t2'":{"a":"1/2","b":"3","c":"0"}}}})";

// Border's single-unit model, Q = (1, 1): the test set {(good,1,t),(good,2,t)} has y = 2 > F = 1.
inline const char* kOverAllocated = R"({"model":"interim","version":1,
 "players":[{"name":"1","types":[{"name":"t","prob":"1"}]},{"name":"2","types":[{"name":"t","prob":"1"}]}],
 "outcomes":{"kind":"multiunit","units":1},
 "interim":{"1":{"t":"1"},"2":{"t":"1"}}})";

inline InterimInstance parse(const std::string& text, const std::string& name = "inline.json") {
  Json root = parse_json_text(text, name);
  return read_interim_json(JsonNode(root, name));
}

}  // namespace equilab::interim::examples
