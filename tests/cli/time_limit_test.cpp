// --time-limit: a run stopped by the limit says so ("status":"time_limit"), certifies nothing
// (verify refuses the record), and crosscheck gives no verdict. The instance takes seconds of
// column generation (500 types, sizes 1..4: 2.6·10⁹ group types, about 4,000 columns), so a
// limit of 1/50 s stops it inside its first rounds on any machine. The record names the method
// that ran (the family's default when none was asked for). For LPs the limit also has to reach
// inside lp_solve and GLPK, which equilab does not pivot itself.
#include "cli/run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

namespace {

std::string big_instance(const ScratchDir& dir) {
  const std::string file = (dir.path / "groups500.json").string();
  const auto r = run_equilab(
      "generate groups --seed 3 --types 500 --min-size 1 --max-size 4 --value pairwise --degree 8 --out " + file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return file;
}

TEST(TimeLimit, SolveReportsTimeLimitAndVerifyRefusesIt) {
  ScratchDir dir;
  const std::string file = big_instance(dir);
  const auto solved = run_equilab("solve " + file + " --time-limit 0.02 --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const auto result = nlohmann::json::parse(solved.out);
  EXPECT_EQ(result.at("status"), "time_limit");
  EXPECT_EQ(result.at("model"), "groups");
  EXPECT_EQ(result.at("method"), "welfare-lp");  // the family's default, by name
  EXPECT_EQ(result.at("time_limit_seconds"), 0.02);
  EXPECT_FALSE(result.contains("welfare"));
  const std::string record = dir.write("stopped.json", solved.out);
  const auto verified = run_equilab("verify " + file + " " + record);
  EXPECT_EQ(verified.exit_code, 1);
  EXPECT_NE(verified.out.find("time-limit"), std::string::npos) << verified.out;
}

TEST(TimeLimit, CrosscheckGivesNoVerdict) {
  ScratchDir dir;
  const auto r = run_equilab("crosscheck " + big_instance(dir) + " --time-limit 0.02");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("no verdict"), std::string::npos) << r.out;
}

// An LP lp_solve needs minutes for (500 x 500, 5% dense): the limit must reach inside lp_solve's
// own solve() (its abort hook) and GLPK's (tm_lim), not only equilab's exact pivots.
std::string slow_lp(const ScratchDir& dir) {
  const std::string file = (dir.path / "lp500.json").string();
  const auto r = run_equilab("generate lp --seed 1 --vars 500 --cons 500 --kind general --density 0.05 --out " + file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return file;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(TimeLimit, LpSolveStopsAtTheLimit) {
  ScratchDir dir;
  const std::string file = slow_lp(dir);
  // lpsolve-repair starts with lp_solve, which stalls on this LP; with --arith double it is
  // lp_solve alone. (Its stall budget is longer than 2 s, so the limit stops it first.)
  for (const std::string extra : {" --method lpsolve-repair", " --method lpsolve-repair --arith double"}) {
    const auto start = std::chrono::steady_clock::now();
    const auto solved = run_equilab("solve " + file + " --time-limit 2 --json" + extra);
    const double took = seconds_since(start);
    ASSERT_EQ(solved.exit_code, 0) << extra << ": " << solved.err;
    const auto result = nlohmann::json::parse(solved.out);
    EXPECT_EQ(result.at("status"), "time_limit") << extra;
    EXPECT_EQ(result.at("method"), "lpsolve-repair") << extra;
    EXPECT_LT(took, 20) << extra << ": a limit of 2 s took " << took << " s";
  }
}

TEST(TimeLimit, TheDefaultSolvesTheLpThatStallsLpSolve) {
  // The default (clp-repair) must not stay stuck where lp_solve does: it solves the LP exactly,
  // and the exact simplex on its own (an independent exact method) finds the same optimum.
  ScratchDir dir;
  const std::string file = slow_lp(dir);
  const auto fast = run_equilab("solve " + file + " --time-limit 60 --json");
  ASSERT_EQ(fast.exit_code, 0) << fast.err;
  const auto reference = run_equilab("solve " + file + " --method exact-simplex --time-limit 120 --json");
  ASSERT_EQ(reference.exit_code, 0) << reference.err;
  const auto a = nlohmann::json::parse(fast.out), b = nlohmann::json::parse(reference.out);
  ASSERT_EQ(a.at("status"), "optimal");
  EXPECT_EQ(a.at("method"), "clp-repair");
  EXPECT_EQ(a.at("objective"), b.at("objective"));
  const std::string result = dir.write("result.json", fast.out);
  EXPECT_EQ(run_equilab("verify " + file + " " + result).exit_code, 0);
}

TEST(TimeLimit, LpCrosscheckStopsAtTheLimit) {
  ScratchDir dir;
  const std::string file = slow_lp(dir);
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_equilab("crosscheck " + file + " --time-limit 2");
  const double took = seconds_since(start);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("no verdict"), std::string::npos) << r.out;
  EXPECT_LT(took, 20) << "a limit of 2 s took " << took << " s";
}

TEST(TimeLimit, NonPositiveLimitIsBadInput) {
  const auto r = run_equilab("solve " + std::string(EQUILAB_SOURCE_DIR) +
                             "/catalog/textbook/beale_cycling.json --time-limit 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--time-limit"), std::string::npos) << r.err;
}

}  // namespace
