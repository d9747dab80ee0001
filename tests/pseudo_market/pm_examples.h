// Small pseudo_market instances written out by hand, shared by the tests of this folder.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "pseudo_market/json_io.h"

namespace equilab::pseudo_market::testing {

inline DecomposeInstance parse(const std::string& text) {
  const Json doc = parse_json_text(text, "test");
  return read_pseudo_market_json(JsonNode(doc, "test"));
}

// n agents "1".."n", objects a, b, … with supply 1, a unit-demand row per agent, and x given row-wise.
inline std::string unit_demand_instance(const std::vector<std::vector<std::string>>& x,
                                        const std::string& extra_constraints = "") {
  const int n = static_cast<int>(x.size()), m = static_cast<int>(x[0].size());
  std::string agents, objects, constraints, assignment;
  for (int i = 0; i < n; ++i) {
    agents += std::string(i ? "," : "") + "{\"name\":\"" + std::to_string(i + 1) + "\"}";
    constraints += std::string(i ? "," : "") + "{\"name\":\"unit-" + std::to_string(i + 1) +
                   "\",\"agents\":[\"" + std::to_string(i + 1) + "\"],\"objects\":\"*\",\"ceiling\":\"1\"}";
    assignment += std::string(i ? "," : "") + "\"" + std::to_string(i + 1) + "\":{";
    for (int l = 0; l < m; ++l)
      assignment += std::string(l ? "," : "") + "\"" + std::string(1, static_cast<char>('a' + l)) + "\":\"" +
                    x[i][l] + "\"";
    assignment += "}";
  }
  for (int l = 0; l < m; ++l)
    objects += std::string(l ? "," : "") + "{\"name\":\"" + std::string(1, static_cast<char>('a' + l)) +
               "\",\"supply\":\"1\"}";
  if (!extra_constraints.empty()) constraints += "," + extra_constraints;
  return R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment","agents":[)" +
         agents + R"(],"objects":[)" + objects + R"(],"constraints":[)" + constraints +
         R"(],"assignment":{)" + assignment + "}}";
}

// EMZ §5.2: bundles ab, ac, bc, one copy of each item, x = diag(1/2).
inline const char* kEmzBundles = R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"bundles",
  "agents":[{"name":"1"},{"name":"2"},{"name":"3"}],
  "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"},{"name":"c","supply":"1"}],
  "assignment":{"1":{"a+b":"1/2","a+c":"0","b+c":"0"},"2":{"a+b":"0","a+c":"1/2","b+c":"0"},
                "3":{"a+b":"0","a+c":"0","b+c":"1/2"}}})";

// The slides' Example 1 at p = 2/3: each agent buys each 2-set with probability 1/4.
inline const char* kSlidesExample1 =
    R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"bundles",
  "agents":[{"name":"1","utility":{"":"0","1":"0","2":"0","3":"0","1+2":"2","1+3":"2","2+3":"2","1+2+3":"2"}},
            {"name":"2","utility":{"":"0","1":"0","2":"0","3":"0","1+2":"2","1+3":"2","2+3":"2","1+2+3":"2"}}],
  "objects":[{"name":"1","supply":"1"},{"name":"2","supply":"1"},{"name":"3","supply":"1"}],
  "assignment":{"1":{"1+2":"1/4","1+3":"1/4","2+3":"1/4"},"2":{"1+2":"1/4","1+3":"1/4","2+3":"1/4"}}})";

// EMZ §7.3 Example 2 (Hylland–Zeckhauser): supplies a 1, b 2 met exactly, unit demand.
inline const char* kHzExample =
    R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
  "agents":[{"name":"1"},{"name":"2"},{"name":"3"}],
  "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"2"}],
  "constraints":[{"name":"unit-1","agents":["1"],"objects":"*","ceiling":"1"},
                 {"name":"unit-2","agents":["2"],"objects":"*","ceiling":"1"},
                 {"name":"unit-3","agents":["3"],"objects":"*","ceiling":"1"},
                 {"name":"all-a","agents":"*","objects":["a"],"floor":"1"},
                 {"name":"all-b","agents":"*","objects":["b"],"floor":"2"}],
  "assignment":{"1":{"a":"1/2","b":"1/2"},"2":{"a":"1/2","b":"1/2"},"3":{"b":"1"}}})";

// A lottery as a map from the point (its cells at 1, as labels) to its probability.
inline std::map<std::vector<std::string>, Rational> lottery_map(const DecomposeInstance& in,
                                                                const DecomposeResult& r) {
  std::map<std::vector<std::string>, Rational> out;
  for (const LotteryPoint& p : r.lottery) {
    std::vector<std::string> cells;
    for (const auto& [c, v] : p.entries) cells.push_back(in.cell_label(c) + "=" + equilab::to_string(v));
    std::sort(cells.begin(), cells.end());
    out[cells] += p.prob;
  }
  return out;
}

}  // namespace equilab::pseudo_market::testing
