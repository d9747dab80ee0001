// End to end through the built `equilab`: solve, verify, crosscheck, generate, reproduce on the
// interim family, and the bad-input corpus under tests/bad_inputs/interim/.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli/run_command.h"
#include "common/bad_input_corpus.h"
#include "core/json.h"

namespace equilab {
namespace {

using testing::run_equilab;
using testing::ScratchDir;

const std::string kSource = EQUILAB_SOURCE_DIR;
const std::string kBadDir = kSource + "/tests/bad_inputs/interim/";
const std::string kCatalog = kSource + "/catalog/zheng2024/";

// The catalog entry's instance as a standalone file.
std::string instance_file(const ScratchDir& dir, const std::string& entry) {
  const Json doc = load_json_file(kCatalog + entry);
  return dir.write(entry, doc.at("instance").dump());
}

TEST(InterimCli, BadInputCorpus) {
  equilab::testing::check_bad_input_corpus(kBadDir, [](const std::string& file) {
    return file == "enumeration_limit_test_sets.json" ? std::string(" --method border") : std::string();
  });
}

TEST(InterimCli, UnknownMethodAndDoubleArePrevented) {
  ScratchDir dir;
  const std::string f = instance_file(dir, "4.1_knapsack_gap_lp.json");
  auto r = run_equilab("solve " + f + " --method greedy");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--method"), std::string::npos);
  r = run_equilab("solve " + f + " --arith double");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(InterimCli, SolveVerifyAndCorrupt) {
  ScratchDir dir;
  const std::string f = instance_file(dir, "4.1_knapsack_gap_lp.json");
  for (const std::string method : {"lp", "border"}) {
    const auto r = run_equilab("solve " + f + " --method " + method + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Json result = parse_json_text(r.out, "stdout");
    EXPECT_EQ(result.at("model"), "interim");
    EXPECT_EQ(result.at("arith"), "exact");
    EXPECT_EQ(result.at("status"), method == "lp" ? "infeasible" : "border_satisfied");
    const std::string rf = dir.write(method + "_result.json", result.dump());
    const auto v = run_equilab("verify " + f + " " + rf);
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    if (method == "lp") {
      EXPECT_EQ(result.at("weighted").at("feasible_max"), "7/2");
      EXPECT_EQ(result.at("weighted").at("border_max"), "4");
      result["certificate"]["separating_weights"]["bound"] = "4";
      const std::string bad = dir.write("bad_result.json", result.dump());
      const auto b = run_equilab("verify " + f + " " + bad);
      EXPECT_EQ(b.exit_code, 1) << b.out;
      EXPECT_NE(b.out.find("h(w)"), std::string::npos) << b.out;
    }
  }
}

TEST(InterimCli, CrosscheckReportsTheKnapsackBorderGap) {
  ScratchDir dir;
  const auto r = run_equilab("crosscheck " + instance_file(dir, "4.1_knapsack_gap_lp.json"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("border gap"), std::string::npos) << r.out;
  const auto m = run_equilab("crosscheck " + instance_file(dir, "4.3_tables_3_7_lp.json"));
  EXPECT_EQ(m.exit_code, 0) << m.out << m.err;
  EXPECT_EQ(m.out.find("border gap"), std::string::npos) << m.out;
}

TEST(InterimCli, GenerateIsReproducibleAndSolvable) {
  ScratchDir dir;
  const std::string args =
      "generate interim --seed 11 --kind matching --players 2 --types 2 --objects 2 --point boundary "
      "--weights";
  const auto a = run_equilab(args);
  const auto b = run_equilab(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const std::string f = dir.write("gen.json", a.out);
  const auto c = run_equilab("crosscheck " + f);
  EXPECT_EQ(c.exit_code, 0) << c.out << c.err;
  const auto bad = run_equilab("generate interim --seed 1 --kind auction");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(InterimCli, ReproduceZheng2024) {
  const auto r = run_equilab("reproduce --paper zheng2024 --json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("erratum confirmed"), std::string::npos) << r.out;
  // The §3.2 naive greedy row: published (second triple (b,1,t1), "(12) holds") differs from the
  // computation, the corrected values match.
  const Json rows = parse_json_text(r.out, "stdout");
  bool seen = false;
  for (const auto& row : rows)
    if (row.at("example").get<std::string>().find("naive") != std::string::npos) {
      seen = true;
      EXPECT_EQ(row.at("verdict"), "erratum confirmed") << row.dump();
      EXPECT_NE(row.at("computed").get<std::string>().find("(a,1,t1) (a,2,t2)"), std::string::npos)
          << row.dump();
      EXPECT_NE(row.at("computed").get<std::string>().find("naive greedy value 7/4"), std::string::npos)
          << row.dump();
    }
  EXPECT_TRUE(seen);
}

// A catalog row whose naive greedy statements are wrong is a mismatch (exit 1), not a pass.
TEST(InterimCli, ReproduceRejectsAWrongNaiveGreedyClaim) {
  ScratchDir dir;
  Json entry = load_json_file(kCatalog + "3.2_table_2_naive_greedy.json");
  entry.erase("published");
  entry["published"] = entry.at("corrected");
  entry.erase("corrected");
  entry.erase("erratum");
  std::filesystem::create_directories((dir.path / "cat").string());
  dir.write("cat/ok.json", entry.dump());
  auto r = run_equilab("reproduce --catalog " + (dir.path / "cat").string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* key : {"value", "satisfies_12"}) {
    Json bad = entry;
    if (std::string(key) == "value")
      bad["published"]["naive_greedy"]["value"] = "9/5";
    else
      bad["published"]["naive_greedy"]["satisfies_12"] = true;
    dir.write("cat/ok.json", bad.dump());
    r = run_equilab("reproduce --catalog " + (dir.path / "cat").string());
    EXPECT_EQ(r.exit_code, 1) << key << ": " << r.out << r.err;
    EXPECT_NE(r.out.find("MISMATCH"), std::string::npos) << r.out;
  }
}

}  // namespace
}  // namespace equilab
