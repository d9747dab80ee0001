// End to end through the built `equilab` for the pseudo_market `equilibrium` task: solve --json,
// verify (a corrupted certificate exits 1 naming the agent or constraint), crosscheck, the method
// price-certify on candidate prices, and the EMZ catalog rows (published and corrected side by side).
#include <gtest/gtest.h>

#include "cli/run_command.h"
#include "core/json.h"

namespace equilab {
namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

// EMZ §7.3 Example 2 at α = 1/2 (Claim 2: p = (3/2, 0), budgets 3/4).
const char* kHzHalf = R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment",
  "alpha":"1/2","allocate_all":true,
  "agents":[{"name":"1","endowment":{"a":"1/3","b":"2/3"}},{"name":"2","endowment":{"a":"1/3","b":"2/3"}},
            {"name":"3","endowment":{"a":"1/3","b":"2/3"}}],
  "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"2"}],
  "utilities":{"1":{"a":"100","b":"1"},"2":{"a":"100","b":"1"},"3":{"a":"1","b":"100"}},
  "prices":{"supply:a":"3/2"}})";

TEST(PseudoMarketEquilibriumCli, SolveVerifyCorrupt) {
  ScratchDir dir;
  const std::string f = dir.write("hz.json", kHzHalf);
  const auto r = run_equilab("solve " + f + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json result = parse_json_text(r.out, "stdout");
  EXPECT_EQ(result.at("task"), "equilibrium");
  EXPECT_EQ(result.at("method"), "support-enum");
  EXPECT_EQ(result.at("status"), "exact");
  const Json& e = result.at("equilibria").at(0);
  EXPECT_EQ(e.at("prices").at("supply:a"), "3/2");
  EXPECT_EQ(e.at("budgets").at("1"), "3/4");
  EXPECT_EQ(e.at("assignment").at("3").at("b"), "1");
  // agents 1, 2: λ with 100 − λ·3/2 − μ = 0 and 1 − μ = 0 (both goods held): λ = 66, μ = 1
  EXPECT_EQ(e.at("certificate").at("agents").at("1").at("lambda"), "66");
  EXPECT_EQ(e.at("certificate").at("priced").at(0).at("name"), "supply:a");
  const auto v = run_equilab("verify " + f + " " + dir.write("ok.json", result.dump()));
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  // λ_1 + 1/7: the zero duality gap of agent 1 breaks
  Json bad = result;
  bad["equilibria"][0]["certificate"]["agents"]["1"]["lambda"] = "463/7";
  const auto b = run_equilab("verify " + f + " " + dir.write("bad.json", bad.dump()));
  EXPECT_EQ(b.exit_code, 1) << b.out;
  EXPECT_NE(b.out.find("agent \"1\""), std::string::npos) << b.out;
  // x_3b − 1/7: supply b (allocate_all) no longer holds with equality
  bad = result;
  bad["equilibria"][0]["assignment"]["3"]["b"] = "6/7";
  const auto c = run_equilab("verify " + f + " " + dir.write("bad2.json", bad.dump()));
  EXPECT_EQ(c.exit_code, 1) << c.out;
  EXPECT_NE(c.out.find("supply:b"), std::string::npos) << c.out;
  // the certificate's priced row with price 3/2 + 1/7
  bad = result;
  bad["equilibria"][0]["certificate"]["priced"][0]["price"] = "23/14";
  const auto p = run_equilab("verify " + f + " " + dir.write("bad4.json", bad.dump()));
  EXPECT_EQ(p.exit_code, 1) << p.out;
  EXPECT_NE(p.out.find("constraint \"supply:a\" price 23/14"), std::string::npos) << p.out;
  // a stated budget +1/7
  bad = result;
  bad["equilibria"][0]["budgets"]["2"] = "25/28";
  const auto d = run_equilab("verify " + f + " " + dir.write("bad3.json", bad.dump()));
  EXPECT_EQ(d.exit_code, 1) << d.out;
  EXPECT_NE(d.out.find("budget of agent \"2\""), std::string::npos) << d.out;
}

TEST(PseudoMarketEquilibriumCli, PriceCertifyAndCrosscheck) {
  ScratchDir dir;
  const std::string f = dir.write("hz.json", kHzHalf);
  const auto r = run_equilab("solve " + f + " --method price-certify --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(parse_json_text(r.out, "stdout").at("status"), "exact");
  // p_a = 1: budgets 1/2 + 1/2·1/3 = 2/3 buy 2/3 of a each for agents 1, 2: excess demand
  Json doc = parse_json_text(kHzHalf, "hz");
  doc["prices"]["supply:a"] = "1";
  const auto n = run_equilab("solve " + dir.write("p1.json", doc.dump()) + " --method price-certify --json");
  ASSERT_EQ(n.exit_code, 0) << n.err;
  EXPECT_EQ(parse_json_text(n.out, "stdout").at("status"), "not_equilibrium_price");
  const auto x = run_equilab("crosscheck " + f);
  EXPECT_EQ(x.exit_code, 0) << x.out << x.err;
  EXPECT_NE(x.out.find("price-certify confirms 1 of 1"), std::string::npos) << x.out;
  const auto h = run_equilab("solve " + f);
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("status:      exact"), std::string::npos) << h.out;
}

TEST(PseudoMarketEquilibriumCli, CatalogRows) {
  const auto r = run_equilab("reproduce --paper emz2022 --json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json table = parse_json_text(r.out, "stdout");
  int claim2 = 0, claim1 = 0, fn22 = 0;
  for (const auto& row : table) {
    EXPECT_TRUE(row.at("ok").get<bool>()) << row.dump();
    const std::string section = row.at("section");
    if (section == "7.3, Claim 2") ++claim2;
    if (section == "7.3, Claim 1") {
      ++claim1;
      EXPECT_NE(row.at("computed").get<std::string>().find("status none"), std::string::npos);
    }
    if (section == "7.2, footnote 22") {
      ++fn22;
      if (!row.at("corrected").get<std::string>().empty())
        EXPECT_EQ(row.at("verdict"), "erratum confirmed") << row.dump();
    }
  }
  EXPECT_EQ(claim2, 3);
  EXPECT_EQ(claim1, 1);
  EXPECT_EQ(fn22, 2);
}

}  // namespace
}  // namespace equilab
