// End to end through the built `equilab`: solve, verify, crosscheck, generate and reproduce on the
// pseudo_market family, and the bad-input corpus under tests/bad_inputs/pseudo_market/.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli/run_command.h"
#include "common/bad_input_corpus.h"
#include "core/json.h"
#include "pm_examples.h"

namespace equilab {
namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

const std::string kSource = EQUILAB_SOURCE_DIR;
const std::string kBadDir = kSource + "/tests/bad_inputs/pseudo_market/";

TEST(PseudoMarketCli, BadInputCorpus) {
  equilab::testing::check_bad_input_corpus(kBadDir, [](const std::string& file) {
    if (file == "enumeration_limit.json") return std::string(" --max-enumeration 4");
    if (file == "eq_price_certify_without_prices.json") return std::string(" --method price-certify");
    return std::string();
  });
}

TEST(PseudoMarketCli, SolveVerifyAndCorrupt) {
  ScratchDir dir;
  const std::string f = dir.write("hz.json", pseudo_market::testing::kHzExample);
  for (const std::string method : {"caratheodory", "bckm-flow"}) {
    const auto r = run_equilab("solve " + f + " --method " + method + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Json result = parse_json_text(r.out, "stdout");
    EXPECT_EQ(result.at("model"), "pseudo_market");
    EXPECT_EQ(result.at("status"), "implemented");
    EXPECT_EQ(result.at("lottery").size(), 2u);
    const std::string rf = dir.write(method + ".json", result.dump());
    const auto v = run_equilab("verify " + f + " " + rf);
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    result["lottery"][0]["prob"] = "1/2";
    result["lottery"][1]["prob"] = "9/14";  // 1/2 + 1/7
    const auto b = run_equilab("verify " + f + " " + dir.write("bad.json", result.dump()));
    EXPECT_EQ(b.exit_code, 1) << b.out;
    EXPECT_NE(b.out.find("sum to 8/7"), std::string::npos) << b.out;
    EXPECT_NE(b.out.find("agent \"1\""), std::string::npos) << b.out;  // the marginals are off too
  }
  const std::string e = dir.write("emz.json", pseudo_market::testing::kEmzBundles);
  const auto r = run_equilab("solve " + e + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json result = parse_json_text(r.out, "stdout");
  EXPECT_EQ(result.at("status"), "not_implementable");
  EXPECT_EQ(result.at("method"), "caratheodory");
  const auto v = run_equilab("verify " + e + " " + dir.write("emz_result.json", result.dump()));
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  // The paper's weights with a wrong bound: exit 1, naming the maximum found by enumeration.
  Json paper = {{"model", "pseudo_market"},
                {"status", "not_implementable"},
                {"farkas",
                 {{"weights", {{"1", {{"a+b", "1"}}}, {"2", {{"a+c", "1"}}}, {"3", {{"b+c", "1"}}}}},
                  {"bound", "8/7"},
                  {"value", "3/2"}}}};
  const auto pb = run_equilab("verify " + e + " " + dir.write("paper.json", paper.dump()));
  EXPECT_EQ(pb.exit_code, 1) << pb.out;
  EXPECT_NE(pb.out.find("is 1 "), std::string::npos) << pb.out;
  paper["farkas"]["bound"] = "1";
  EXPECT_EQ(run_equilab("verify " + e + " " + dir.write("paper_ok.json", paper.dump())).exit_code, 0);
}

TEST(PseudoMarketCli, MethodsThatDoNotApplyAreBadInput) {
  ScratchDir dir;
  const std::string e = dir.write("emz.json", pseudo_market::testing::kEmzBundles);
  auto r = run_equilab("solve " + e + " --method bckm-flow");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--method"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bihierarchy"), std::string::npos) << r.err;
  r = run_equilab("solve " + e + " --method m-natural");  // no utilities
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("utility"), std::string::npos) << r.err;
  r = run_equilab("solve " + e + " --method simplex");
  EXPECT_EQ(r.exit_code, 2);
  r = run_equilab("solve " + e + " --arith double");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(PseudoMarketCli, CrosscheckBothMethods) {
  ScratchDir dir;
  const auto hz = run_equilab("crosscheck " + dir.write("hz.json", pseudo_market::testing::kHzExample));
  EXPECT_EQ(hz.exit_code, 0) << hz.out << hz.err;
  EXPECT_NE(hz.out.find("bckm-flow: implemented"), std::string::npos) << hz.out;
  EXPECT_NE(hz.out.find("both decompositions reproduce x exactly"), std::string::npos) << hz.out;
  const auto ex1 =
      run_equilab("crosscheck " + dir.write("ex1.json", pseudo_market::testing::kSlidesExample1));
  EXPECT_EQ(ex1.exit_code, 0) << ex1.out << ex1.err;
  EXPECT_NE(ex1.out.find("bckm-flow: not applicable"), std::string::npos) << ex1.out;
  EXPECT_NE(ex1.out.find("m-natural: not_m_natural"), std::string::npos) << ex1.out;
}

// `generate` twice with `args`: the same instance both times; then `crosscheck` on it, which must
// pass. Returns crosscheck's output.
std::string generate_twice_and_crosscheck(ScratchDir& dir, const std::string& args) {
  const auto a = run_equilab(args);
  const auto b = run_equilab(args);
  EXPECT_EQ(a.exit_code, 0) << args << a.err;
  EXPECT_EQ(a.out, b.out) << args;
  const auto c = run_equilab("crosscheck " + dir.write("gen.json", a.out));
  EXPECT_EQ(c.exit_code, 0) << args << "\n" << c.out << c.err;
  return c.out;
}

TEST(PseudoMarketCli, GenerateIsReproducibleAndSolvable) {
  ScratchDir dir;
  for (const std::string flags :
       {"--bihierarchy", "", "--kind bundles --bihierarchy", "--kind bundles", "--bihierarchy --violate"}) {
    const std::string out = generate_twice_and_crosscheck(
        dir, "generate pseudo_market --seed 7 --task decompose --agents 3 --objects 3 " + flags);
    if (flags.find("violate") != std::string::npos)
      EXPECT_NE(out.find("not_implementable"), std::string::npos) << out;
  }
  EXPECT_EQ(run_equilab("generate pseudo_market --seed 1 --task neither").exit_code, 2);
  EXPECT_EQ(run_equilab("generate pseudo_market --seed 1 --agents 0").exit_code, 2);
  EXPECT_EQ(run_equilab("generate pseudo_market --seed 1 --kind roommates --agents 7").exit_code, 2);
  EXPECT_EQ(run_equilab("generate pseudo_market --seed 1 --kind bundles --objects 5").exit_code, 2);
}

// The equilibrium task (the generator's default): every kind generates the same instance twice, and
// crosscheck (support-enum where within its limits, tatonnement, each method's prices re-certified)
// agrees with itself and verifies.
TEST(PseudoMarketCli, GenerateEquilibriumInstancesCrosscheck) {
  ScratchDir dir;
  for (const std::string flags :
       {"--agents 3 --objects 2", "--agents 2 --objects 2 --dichotomous", "--agents 3 --objects 2 --endowments --alpha 1/2",
        "--kind roommates --agents 3", "--kind bundles --agents 3 --objects 2"}) {
    const std::string out = generate_twice_and_crosscheck(dir, "generate pseudo_market --seed 3 " + flags);
    EXPECT_NE(out.find("tatonnement"), std::string::npos) << out;
  }
}

TEST(PseudoMarketCli, ReproduceThePapers) {
  for (const char* paper : {"emz2022", "pwz2023"}) {
    const auto r = run_equilab(std::string("reproduce --paper ") + paper + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const Json table = parse_json_text(r.out, "stdout");
    EXPECT_GE(table.size(), 3u) << paper;
    for (const auto& row : table) EXPECT_TRUE(row.at("ok").get<bool>()) << row.dump();
  }
}

}  // namespace
}  // namespace equilab
