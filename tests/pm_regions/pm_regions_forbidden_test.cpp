// A region whose ceiling is 0 forbids its cells. EMZ §2.5 collects such rows, (a⁰, 0), apart from
// Ω*: they restrict the consumption sets and carry no price. Priced instead, the instance below
// has no equilibrium at all — at any finite price both agents, who value b, would buy a little of
// it — which is how the rule was found (support-enum answered `none` on a fiat-money market, which
// EMZ Theorem 1 rules out).
#include <gtest/gtest.h>

#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

const char* kForbidden = R"({"model":"pseudo_market","version":1,"kind":"assignment","alpha":"1",
 "agents":[{"name":"1"},{"name":"2"}],
 "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
 "regions":[{"name":"R1","objects":["a","b"],"floor":"0","ceiling":"0"}],
 "utilities":{"1":{"b":"8"},"2":{"a":"4","b":"7"}}})";

TEST(PmRegionsForbidden, ZeroCeilingForbidsCellsInsteadOfBeingPriced) {
  const Json doc = parse_json_text(kForbidden, "forbidden");
  const EquilibriumInstance in = read_equilibrium_json(JsonNode(doc, "forbidden"));
  for (const LinearRow& row : in.priced) EXPECT_NE(row.rhs, 0) << row.name;
  // one individual row per agent, both cells at most 0
  for (int i = 0; i < 2; ++i) {
    bool found = false;
    for (const LinearRow& row : in.individual[i])
      found = found || (row.name == "region:R1@" + in.agents[i].name && row.rhs == 0 && row.coef.size() == 2);
    EXPECT_TRUE(found) << "agent " << i + 1;
  }
  // By hand: C = {0}, so x = 0; at p = 0 every agent's budget set is {0} and (3) holds trivially.
  const EquilibriumResult r = solve_support_enum(in, EquilibriumOptions{});
  ASSERT_EQ(r.status, EqStatus::Exact);
  for (const Equilibrium& e : r.equilibria)
    for (const Rational& v : e.x) EXPECT_EQ(v, 0);
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

}  // namespace
}  // namespace equilab::pseudo_market
