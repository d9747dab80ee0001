// The public Netlib LP set (tests/data/netlib: the files with the exact optima of
// optima.tsv) through the command with its default options: every file must solve to its exact
// optimum, `equilab verify` must accept the result, and the `--vipr` certificate must pass the
// independent checker of tests/vipr. Where optima.tsv gives no exact value (forplan, pilot,
// pilot87), the objective must round to the exact optimum Koch (2004) publishes, and for forplan
// equal QSopt_ex's (method qsopt-ex: an independent exact solver; it takes minutes on the pilots).
//
// The default run takes the files that solve in well under a second; EQUILAB_NETLIB=all takes
// every file (a few minutes: pilot87 alone needs about a minute).
#include "cli/run_command.h"
#include "core/rational.h"
#include "vipr/vipr_checker.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

const std::string kData = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/netlib/";

struct Optimum {
  std::string published;  // the Netlib readme's value: rounded, and for some files wrong
  std::string exact;      // "-" when the table has none
};

const std::map<std::string, Optimum>& optima() {
  static const std::map<std::string, Optimum> table = [] {
    std::map<std::string, Optimum> t;
    std::ifstream in(kData + "optima.tsv");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
      t[line.substr(0, tab1)] = {line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)};
    }
    return t;
  }();
  return table;
}

// optima.tsv gives the optimum of c·x, as Netlib's readme does. e226's file also has an RHS
// entry on its objective row (...000, -7.113): by the convention of CPLEX and Xpress (README
// "LP conventions") that is the negated objective constant, so equilab's objective is
// the table's value + 7.113. (grow7, grow15 and grow22 have such entries too, all 0.)
const std::map<std::string, std::string> kObjectiveConstant = {{"e226", "7.113"}};

// Where optima.tsv has no exact value: the optimum as T. Koch, "The final NETLIB-LP results",
// Operations Research Letters 32 (2004), publishes it from an exact computation, rounded to 11
// significant digits. The exact objective must lie in that decimal's rounding interval (a check
// in exact arithmetic: |objective - value| <= half a unit of the last digit).
struct Rounded {
  const char* value;
  const char* half_unit;
};
const std::map<std::string, Rounded> kKoch2004 = {{"forplan", {"-664.21896127", "0.000000005"}},
                                                  {"pilot", {"-557.48972928", "0.000000005"}},
                                                  {"pilot87", {"301.71034733", "0.000000005"}}};

// Files whose default solve takes well under a second each (measured); the rest run with
// EQUILAB_NETLIB=all.
const std::vector<std::string> kQuick = {
    "afiro",  "sc50a",  "sc50b",  "sc105",   "sc205",    "adlittle", "blend",    "kb2",    "share2b",
    "recipe", "scagr7", "stocfor1", "lotfi", "vtpbase",  "boeing1",  "boeing2",  "bore3d", "capri",
    "israel", "e226",   "grow7",  "etamacro", "finnis",  "scrs8",    "forplan",  "fffff800", "bnl1",
    "ganges", "cycle"};

std::vector<std::string> files() {
  const char* env = std::getenv("EQUILAB_NETLIB");
  if (env == nullptr || std::string(env) != "all") return kQuick;
  std::vector<std::string> all;
  for (const auto& [name, optimum] : optima()) all.push_back(name);
  return all;
}

nlohmann::json solve_json(const std::string& args) {
  const auto run = run_equilab(args);
  EXPECT_EQ(run.exit_code, 0) << args << "\n" << run.err;
  return nlohmann::json::parse(run.out);
}

class Netlib : public ::testing::TestWithParam<std::string> {};

TEST_P(Netlib, DefaultSolveIsExactVerifiedAndItsViprCertificateChecks) {
  const std::string name = GetParam();
  ASSERT_TRUE(optima().count(name)) << name << " is not in optima.tsv";
  const std::string file = kData + name + ".mps.gz";
  ScratchDir scratch;
  const std::string vipr = (scratch.path / (name + ".vipr")).string();
  const nlohmann::json result = solve_json("solve " + file + " --json --vipr " + vipr);
  ASSERT_EQ(result.at("status"), "optimal");
  const equilab::Rational objective = equilab::parse_rational(result.at("objective").get<std::string>());

  const Optimum& optimum = optima().at(name);
  if (optimum.exact != "-") {
    equilab::Rational expected = equilab::parse_rational(optimum.exact);
    if (auto it = kObjectiveConstant.find(name); it != kObjectiveConstant.end())
      expected += equilab::parse_rational(it->second);
    EXPECT_EQ(objective, expected) << name;
  } else {
    ASSERT_TRUE(kKoch2004.count(name)) << name << ": no exact value to compare with";
    const Rounded& koch = kKoch2004.at(name);
    EXPECT_LE(abs(objective - equilab::parse_rational(koch.value)), equilab::parse_rational(koch.half_unit))
        << name << ": " << objective.convert_to<double>() << " is not " << koch.value << " rounded";
    if (name == "forplan") {  // QSopt_ex, an independent exact solver, finishes this one quickly
      const nlohmann::json reference = solve_json("solve " + file + " --json --method qsopt-ex");
      EXPECT_EQ(result.at("objective"), reference.at("objective")) << name << ": the default and qsopt-ex differ";
    }
  }
  const std::string result_file = scratch.write(name + ".json", result.dump());
  const auto verified = run_equilab("verify " + file + " " + result_file);
  EXPECT_EQ(verified.exit_code, 0) << verified.out << verified.err;

  std::ifstream in(vipr);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const vipr_check::Verdict verdict = vipr_check::check(text);
  EXPECT_TRUE(verdict.ok) << name << ": " << verdict.error;
}

INSTANTIATE_TEST_SUITE_P(Files, Netlib, ::testing::ValuesIn(files()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
