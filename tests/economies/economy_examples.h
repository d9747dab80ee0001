// Hand-built exchange economies for tests (values computed by hand in the comments).
#pragma once

#include "core/json.h"
#include "economies/json_io.h"

#include <string>

namespace equilab::economies::testing {

// The format's example: one type, ω = 2, u(x) = min(x, 2). Every group keeps its goods:
// s([s^n]) = n·u(2) = 2n, Π = 2, v = 2, nothing is traded (forced p(0) = 0 only).
inline const char* kOneType = R"({"model":"exchange_economy","version":1,"goods":["g"],"min_size":1,"max_size":3,
 "types":[{"name":"s","mass":"1","money":"0","endowment":{"g":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"g":"1"}},{"const":"2","grad":{"g":"0"}}]}}]})";

// A seller S (ω = 2, u_S(x) = x) and a buyer B (ω = 0, u_B(x) = min(3x, 4 + x)), masses 1, sizes 1..2.
// s([S]) = 2, s([B]) = 0, s([S,S]) = 4, s([B,B]) = 0, s([S,B]) = u_B(2) = 6 (B's slope 3 beats 1 on
// the first 2 units). Π = 6 with τ([S,B]) = 1; stable payoffs: v_S + v_B = 6, v_S >= 2, v_B >= 0.
// The state below: S sells 2 for 4 (v_S = 4, v_B = 6 - 4 = 2), forced p(2) = 4, c_S = 4, c_B = 2.
//   L(d) = max(u_S(2+d) - 4, u_B(d) - 2) = 3d - 2 on [0,2], d + 2 after;
//   U(d) = -L(-d) = 2 + d on (0,2] (only S can sell), +∞ after; g(d) = 2d on [0,2], 4 after;
//   p = max(L, min(g, U)) = 2d on [0,2] and d + 2 after: breakpoints (0,0), (2,4), final slope 1.
inline const char* kSellerBuyer = R"({"model":"exchange_economy","version":1,"goods":["g"],"min_size":1,"max_size":2,
 "types":[{"name":"S","mass":"1","endowment":{"g":"2"},"utility":{"kind":"pl","pieces":[{"const":"0","grad":{"g":"1"}}]}},
          {"name":"B","mass":"1","endowment":{"g":"0"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"g":"3"}},{"const":"4","grad":{"g":"1"}}]}}],
 "state":{"groups":[{"group":["S","B"],"mass":"1","bundles":{"S":{"money":"4","goods":{"g":"0"}},
                                                            "B":{"money":"-4","goods":{"g":"2"}}}}]}})";

// Two goods, Leontief-like u(x) = min(2x1, 2x2) for both types; A holds (2,0), B holds (0,2).
// s([A]) = s([B]) = 0; s([A,B]) = 4: Σ min(2a1,2a2) + min(2b1,2b2) <= 2(a1 + b1) = 4, attained by
// a = b = (1,1).
inline const char* kTwoGoods = R"({"model":"exchange_economy","version":1,"goods":["x1","x2"],"min_size":1,"max_size":2,
 "types":[{"name":"A","mass":"1","endowment":{"x1":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}},
          {"name":"B","mass":"1","endowment":{"x2":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}}]})";

inline Economy parse(const char* text) {
  const Json doc = parse_json_text(text, "test");
  return read_economy_json(JsonNode(doc, "test"));
}

}  // namespace equilab::economies::testing
