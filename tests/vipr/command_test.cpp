// `equilab solve FILE --vipr OUT` end to end: the file it writes is accepted by the
// independent checker and states the result's objective; it never overwrites a file, and
// refuses double arithmetic and unbounded answers without writing anything.
#include "cli/run_command.h"
#include "vipr_checker.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace equilab::testing {
namespace {

// Wyndor Glass with an objective constant of -1/2: optimum 36 - 1/2 at (2, 6).
const std::string kWyndor = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x 1"},{"name":"x2","lower":"-1","upper":"7"}],
 "objective":{"x 1":"3","x2":"5"}, "objective_constant":"-1/2",
 "constraints":[{"name":"plant1","coef":{"x 1":"1"},"op":"<=","rhs":"4"},
                {"name":"plant2","coef":{"x2":"2"},"op":"<=","rhs":"12"},
                {"name":"plant3","coef":{"x 1":"3","x2":"2"},"op":"=","rhs":"18"}]})";

// x + y <= 1 and x + y >= 2.
const std::string kInfeasible = R"({"model":"lp","version":1,"sense":"min",
 "variables":[{"name":"x"},{"name":"y"}], "objective":{"x":"1"},
 "constraints":[{"name":"low","coef":{"x":"1","y":"1"},"op":"<=","rhs":"1"},
                {"name":"high","coef":{"x":"1","y":"1"},"op":">=","rhs":"2"}]})";

const std::string kUnbounded = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x"}], "objective":{"x":"1"}, "constraints":[]})";

TEST(ViprCommand, WritesACertificateTheCheckerAccepts) {
  ScratchDir dir;
  for (const auto& [name, instance] : {std::pair{"wyndor", kWyndor}, {"infeasible", kInfeasible}}) {
    const std::string inst = dir.write(std::string(name) + ".json", instance);
    const std::string out = (dir.path / (std::string(name) + ".vipr")).string();
    const CommandResult r = run_equilab("solve " + inst + " --vipr " + out + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json result = nlohmann::json::parse(r.out);
    const std::string text = read_file(out);
    const vipr_check::Verdict v = vipr_check::check(text);
    EXPECT_TRUE(v.ok) << name << ": " << v.error << "\n" << text;
    if (result["status"] == "optimal") {
      EXPECT_EQ(result["objective"], "71/2");
      EXPECT_NE(text.find("RTP range 71/2 71/2\n"), std::string::npos) << text;
    } else {
      EXPECT_EQ(result["status"], "infeasible");
      EXPECT_NE(text.find("RTP infeas\n"), std::string::npos) << text;
    }
  }
}

TEST(ViprCommand, NeverOverwritesAFile) {
  ScratchDir dir;
  const std::string inst = dir.write("wyndor.json", kWyndor);
  const std::string out = dir.write("taken.vipr", "keep me\n");
  const CommandResult r = run_equilab("solve " + inst + " --vipr " + out + " --json");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--vipr"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out), "keep me\n");
}

TEST(ViprCommand, RefusesDoubleArithmeticAndUnboundedAnswers) {
  ScratchDir dir;
  const std::string inst = dir.write("wyndor.json", kWyndor);
  const std::string out = (dir.path / "double.vipr").string();
  CommandResult r = run_equilab("solve " + inst + " --arith double --vipr " + out + " --json");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("--arith exact"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));

  const std::string unbounded = dir.write("unbounded.json", kUnbounded);
  const std::string out2 = (dir.path / "unbounded.vipr").string();
  r = run_equilab("solve " + unbounded + " --vipr " + out2 + " --json");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("unboundedness"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out2));
}

}  // namespace
}  // namespace equilab::testing
