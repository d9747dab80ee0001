// `equilab solve --method qsopt-ex`, `verify`, `crosscheck` and `methods` end to end, and the
// time limit reaching inside QSopt_ex.
#include "cli/run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <tuple>

namespace equilab::testing {
namespace {

using nlohmann::json;

// The instance of a textbook catalog entry, written to `dir`.
std::string catalog_instance(const ScratchDir& dir, const std::string& name) {
  const json entry =
      json::parse(read_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/textbook/" + name + ".json"));
  return dir.write(name + ".json", entry.at("instance").dump());
}

TEST(QsoptCommand, SolvesAndVerifiesWyndor) {
  // Hillier–Lieberman's Wyndor Glass problem: optimum 36 at (2, 6), shadow prices (0, 3/2, 1).
  ScratchDir dir;
  const std::string inst = catalog_instance(dir, "hillier_lieberman_wyndor");
  const CommandResult r = run_equilab("solve " + inst + " --json --method qsopt-ex");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json result = json::parse(r.out);
  EXPECT_EQ(result["method"], "qsopt-ex");
  EXPECT_EQ(result["arith"], "exact");
  EXPECT_EQ(result["status"], "optimal");
  EXPECT_EQ(result["objective"], "36");
  EXPECT_EQ(result["primal"]["x1"], "2");
  EXPECT_EQ(result["primal"]["x2"], "6");
  EXPECT_EQ(result["dual"]["plant1"], "0");
  EXPECT_EQ(result["dual"]["plant2"], "3/2");
  EXPECT_EQ(result["dual"]["plant3"], "1");
  EXPECT_NE(result["provenance"].get<std::string>().find("QSopt_ex"), std::string::npos) << r.out;
  const std::string res = dir.write("result.json", r.out);
  const CommandResult v = run_equilab("verify " + inst + " " + res);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST(QsoptCommand, InfeasibleAndUnboundedCarryCertificatesThatVerify) {
  ScratchDir dir;
  for (const auto& [name, status, key] :
       {std::tuple{"infeasible_pair", "infeasible", "farkas"}, {"unbounded_ray", "unbounded", "ray"}}) {
    const std::string inst = catalog_instance(dir, name);
    const CommandResult r = run_equilab("solve " + inst + " --json --method qsopt-ex");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json result = json::parse(r.out);
    EXPECT_EQ(result["status"], status);
    EXPECT_TRUE(result["certificate"].contains(key)) << r.out;
    const std::string res = dir.write("res.json", r.out);
    const CommandResult v = run_equilab("verify " + inst + " " + res);
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  }
}

TEST(QsoptCommand, ExactOnly) {
  ScratchDir dir;
  const std::string inst = catalog_instance(dir, "hillier_lieberman_wyndor");
  const CommandResult r = run_equilab("solve " + inst + " --method qsopt-ex --arith double");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("qsopt-ex is exact only"), std::string::npos) << r.err;
}

TEST(QsoptCommand, CrosscheckRunsQsoptAsReference) {
  ScratchDir dir;
  const std::string inst = catalog_instance(dir, "hillier_lieberman_wyndor");
  const CommandResult r = run_equilab("crosscheck " + inst);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("qsopt-ex (reference): optimal 36"), std::string::npos) << r.out;
}

TEST(QsoptCommand, MethodsListsQsopt) {
  const CommandResult r = run_equilab("methods");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("qsopt-ex"), std::string::npos) << r.out;
}

TEST(QsoptCommand, TimeLimitStopsQsopt) {
  // 500 x 500 at 5% density: QSopt_ex needs far longer than a second for it.
  ScratchDir dir;
  const std::string file = (dir.path / "lp500.json").string();
  const CommandResult g =
      run_equilab("generate lp --seed 1 --vars 500 --cons 500 --kind general --density 0.05 --out " + file);
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const auto start = std::chrono::steady_clock::now();
  const CommandResult r = run_equilab("solve " + file + " --method qsopt-ex --time-limit 1 --json");
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json result = json::parse(r.out);
  EXPECT_EQ(result["status"], "time_limit");
  EXPECT_EQ(result["method"], "qsopt-ex");
  EXPECT_GE(took, 0.9);
  EXPECT_LT(took, 10) << "a limit of 1 s took " << took << " s";
}

}  // namespace
}  // namespace equilab::testing
