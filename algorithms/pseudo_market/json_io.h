// The "pseudo_market" instance and result formats (issue 10), task "decompose".
//
// Instance:
//   {"model":"pseudo_market","version":1,"name":"optional","task":"decompose",
//    "kind":"assignment"|"bundles",
//    "agents":[{"name":"1","utility":{"a+b":"11","a":"10","":"0"}}, ...],   // utility optional
//    "objects":[{"name":"a","supply":"1"}, ...],                           // supply: positive integer
//    "constraints":[                                                       // optional
//       {"name":"cap","agents":["1","2"]|"*","objects":["a"]|"*","floor":"0","ceiling":"1"},
//       {"name":"c2","cells":[{"agent":"2","object":"a","coef":"2"}],"ceiling":"1"}],
//    "assignment":{"1":{"a":"1/2"}, ...}}
// kind "assignment": assignment[agent][object] = x_il (omitted = 0, values ≥ 0);
// kind "bundles": assignment[agent][bundle] = σ_i(A), a bundle key being goods joined by '+'
//   ("" = ∅); σ_i(∅) = 1 − the rest unless "" is listed, in which case the values must sum to 1.
// Constraints count copies of objects held by agents (coef default 1, ≥ 0); floor and ceiling are
// non-negative integers (at least one; floor defaults to 0). Utility (optional, any kind): values
// of the listed bundles, the rest −∞ (dom u); read by the m-natural method only.
// "task":"equilibrium" (EMZ §2.7) has its own reader and formats: pseudo_market/equilibrium_json.h.
//
// Result (`solve --json`):
//   {"model":"pseudo_market","task":"decompose","method","arith":"exact",
//    "status":"implemented"|"not_implementable"|"m_natural"|"not_m_natural",
//    "route":"flow|faces|columns|quota", "cells":n, "points":k, "enumerated":|Y₊|,
//    "lottery":[{"prob":"1/2","assignment":{"1":{"a":"1"}, ...}}, ...],    // cells at 1
//    "farkas":{"weights":{"1":{"a":"1"}},"bound":"1","value":"3/2","quota":"..."},
//    "m_natural":{"1":false,"2":true},
//    "violations":[{"agent":"1","A":"1+2","B":"","j":"1"}],
//    "certificate":{"type":"lottery"|"farkas"|"m_natural"}}
// The lottery (resp. the Farkas weights, the violations) is the certificate `verify` checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "pseudo_market/methods.h"
#include "pseudo_market/model.h"

namespace equilab::pseudo_market {

DecomposeInstance read_pseudo_market_json(const JsonNode& root);
Json write_pseudo_market_json(const DecomposeInstance& instance);

Json write_result_json(const DecomposeInstance& instance, const DecomposeResult& result);
// Reads a result back (lottery, farkas, violations; unknown top-level fields are ignored).
DecomposeResult read_result_json(const DecomposeInstance& instance, const JsonNode& root);

// A whole result document as verify reads it (unknown fields fail, a name the instance lacks
// contradicts): the result and every claim stated beside its certificate.
struct DecomposeResultDocument {
  DecomposeResult result;
  std::string task, arith, certificate_type;
  std::optional<std::int64_t> cells, points;
  std::vector<std::pair<int, bool>> m_natural;  // (agent, flag) as stated
  bool has_m_natural = false;
  bool bare = false;  // only a status and its certificate (no task, arith, counts, certificate type)
};
DecomposeResultDocument read_result_document(const DecomposeInstance& instance, const JsonNode& root);

// Parses a bundle key ("a+b", "" = ∅) against the instance's objects; fails at `where`.
Bundle read_bundle(const DecomposeInstance& instance, const std::string& key, const JsonNode& where);
// A vector on the cells as {agent:{object-or-bundle:value}} (zero entries omitted).
Json cell_vector_json(const DecomposeInstance& instance, const std::vector<Rational>& values);

}  // namespace equilab::pseudo_market
