// --time-limit: a run stopped by the limit says so ("status":"time_limit"), certifies nothing
// (verify refuses the record), and crosscheck gives no verdict. The instance takes seconds of
// column generation (500 types, sizes 1..4: 2.6·10⁹ group types, about 4,000 columns), so a
// limit of 1/50 s stops it inside its first rounds on any machine.
#include "cli/run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

TEST(TimeLimit, NonPositiveLimitIsBadInput) {
  const auto r = run_equilab("solve " + std::string(EQUILAB_SOURCE_DIR) +
                             "/catalog/textbook/beale_cycling.json --time-limit 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--time-limit"), std::string::npos) << r.err;
}

}  // namespace
