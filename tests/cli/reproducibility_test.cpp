// Reproducibility through the built `equilab`: for every registered family, `generate` with a fixed
// seed writes the same bytes twice, every method's `solve --json` writes the same bytes twice, the
// result records the build ("equilab": {"version": ...}) and `verify` accepts it.
#include "run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace equilab::testing {
namespace {

using nlohmann::json;

constexpr const char* kSeed = "20261129";

// One small generated instance per family; the options are chosen so that every method of the
// family applies (allocation_market: --tu for the TU-only methods; interim: multiunit for greedy).
const std::map<std::string, std::string>& generator_options() {
  static const std::map<std::string, std::string> options = {
      {"lp", "--vars 4 --cons 3 --kind degenerate"},
      {"groups", "--types 3 --max-size 3 --value pairwise"},
      {"interim", "--kind multiunit --players 2 --types 2"},
      {"allocation_market", "--buyers 3 --goods 2 --integer --tu"},
      {"pseudo_market", "--agents 3 --objects 2 --endowments --alpha 1/2"},
      {"exchange_economy", "--types 3 --goods 1 --max-size 3 --pieces 2"},
  };
  return options;
}

// Methods that cannot run on the generated instance: the pseudo_market generator writes an
// equilibrium instance by default, so the decompose methods refuse it, and price-certify needs
// candidate prices. They must still refuse the same way twice.
const std::set<std::string> kInapplicable = {"pseudo_market/caratheodory", "pseudo_market/bckm-flow",
                                             "pseudo_market/m-natural", "pseudo_market/price-certify"};

// `equilab methods`: one line "model: default (default) other ...".
std::map<std::string, std::vector<std::string>> registered_methods() {
  CommandResult r = run_equilab("methods");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::vector<std::string>> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::istringstream words(line.substr(colon + 1));
    for (std::string w; words >> w;)
      if (w != "(default)") out[line.substr(0, colon)].push_back(w);
  }
  return out;
}

std::string generate_args(const std::string& model, const std::string& seed) {
  return "generate " + model + " --seed " + seed + " " + generator_options().at(model);
}

TEST(Reproducibility, EveryRegisteredFamilyHasAGeneratorCase) {
  std::set<std::string> registered, covered;
  for (const auto& [model, methods] : registered_methods()) registered.insert(model);
  for (const auto& [model, options] : generator_options()) covered.insert(model);
  EXPECT_EQ(registered, covered);
}

TEST(Reproducibility, SameSeedSameInstanceSameResultsAndVerified) {
  const std::regex version_form("[A-Za-z0-9._+/-]+");
  for (const auto& [model, methods] : registered_methods()) {
    SCOPED_TRACE(model);
    ASSERT_TRUE(generator_options().count(model)) << "no generator case for " << model;
    const CommandResult a = run_equilab(generate_args(model, kSeed));
    const CommandResult b = run_equilab(generate_args(model, kSeed));
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(a.out, b.out);
    // The seed matters: another one draws another instance (else the comparison above is empty).
    EXPECT_NE(a.out, run_equilab(generate_args(model, "7")).out);
    const json instance = json::parse(a.out);
    EXPECT_EQ(instance.at("model"), model);

    ScratchDir dir;
    const std::string instance_file = dir.write("instance.json", a.out);
    ASSERT_FALSE(methods.empty());
    for (const std::string& method : methods) {
      SCOPED_TRACE(method);
      const std::string solve = "solve --json --method " + method + " " + instance_file;
      const CommandResult first = run_equilab(solve);
      const CommandResult second = run_equilab(solve);
      EXPECT_EQ(first.exit_code, second.exit_code);
      EXPECT_EQ(first.out, second.out);
      EXPECT_EQ(first.err, second.err);
      if (kInapplicable.count(model + "/" + method)) {
        EXPECT_EQ(first.exit_code, 2) << first.out;
        continue;
      }
      ASSERT_EQ(first.exit_code, 0) << first.err;
      const json result = json::parse(first.out);
      // The build record, added by the command and by no family.
      ASSERT_TRUE(result.contains("equilab")) << first.out;
      ASSERT_TRUE(result.at("equilab").is_object());
      EXPECT_EQ(result.at("equilab").size(), 1u);
      ASSERT_TRUE(result.at("equilab").at("version").is_string());
      EXPECT_TRUE(std::regex_match(result.at("equilab").at("version").get<std::string>(), version_form));
      EXPECT_EQ(result.at("method"), method);
      EXPECT_EQ(result.at("arith"), "exact");

      const std::string result_file = dir.write(method + ".result.json", first.out);
      const CommandResult v = run_equilab("verify " + instance_file + " " + result_file);
      EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
      EXPECT_NE(v.out.find("certificate valid"), std::string::npos) << v.out;
    }
  }
}

// Generated instances say how to draw them again. The lp generator names nothing, so its "name" is
// the reproducing command; running that command must give the same bytes. The other families name
// their instances after the seed themselves.
TEST(Reproducibility, GeneratedInstancesRecordTheirSeed) {
  for (const auto& [model, options] : generator_options()) {
    SCOPED_TRACE(model);
    const CommandResult g = run_equilab(generate_args(model, "987654321"));
    ASSERT_EQ(g.exit_code, 0) << g.err;
    const json instance = json::parse(g.out);
    ASSERT_TRUE(instance.contains("name"));
    const std::string name = instance.at("name").get<std::string>();
    EXPECT_NE(name.find("987654321"), std::string::npos) << name;
    if (model != "lp") continue;
    const std::string prefix = "equilab generate lp --seed 987654321 ";
    ASSERT_EQ(name.rfind(prefix, 0), 0u) << name;
    EXPECT_NE(name.find("--kind degenerate"), std::string::npos) << name;
    EXPECT_NE(name.find("--vars 4"), std::string::npos) << name;
    const CommandResult again = run_equilab(name.substr(std::string("equilab ").size()));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, g.out);
  }
}

// A hand-written LP and its result: max x s.t. x <= 2, 0 <= x. Optimum x = 2, dual y = 1 on c1
// (objective 1 = y·1, y >= 0 for a <= row of a max problem), so the certificate holds exactly.
constexpr const char* kLp = R"({"model":"lp","version":1,"sense":"max",
  "variables":[{"name":"x","lower":"0"}],"objective":{"x":"1"},
  "constraints":[{"name":"c1","coef":{"x":"1"},"op":"<=","rhs":"2"}]})";

TEST(Reproducibility, VerifyChecksTheBuildRecordAndAcceptsResultsWithoutIt) {
  ScratchDir dir;
  const std::string instance = dir.write("lp.json", kLp);
  const CommandResult solved = run_equilab("solve --json " + instance);
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  json result = json::parse(solved.out);
  ASSERT_TRUE(result.contains("equilab"));
  EXPECT_EQ(result.at("objective"), "2");

  // A result written by another build (any version string) is still checked and accepted.
  result["equilab"]["version"] = "v0.0.1-3-gdeadbee";
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("other.json", result.dump())).exit_code, 0);
  // So is one without the record (written before it existed).
  json bare = result;
  bare.erase("equilab");
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("bare.json", bare.dump())).exit_code, 0);

  // A malformed record is bad input, named by its pointer.
  json bad_version = result;
  bad_version["equilab"]["version"] = 3;
  CommandResult r = run_equilab("verify " + instance + " " + dir.write("bad_version.json", bad_version.dump()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("/equilab/version"), std::string::npos) << r.err;
  json extra = result;
  extra["equilab"]["seed"] = "1";
  r = run_equilab("verify " + instance + " " + dir.write("extra.json", extra.dump()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("seed"), std::string::npos) << r.err;
  json not_object = result;
  not_object["equilab"] = "v1";
  r = run_equilab("verify " + instance + " " + dir.write("not_object.json", not_object.dump()));
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("/equilab"), std::string::npos) << r.err;

  // A wrong certificate with a valid record is still rejected: the record is not a free pass.
  json wrong = result;
  wrong["objective"] = "3";
  wrong["primal"]["x"] = "3";
  wrong["certificate"]["primal"]["x"] = "3";
  r = run_equilab("verify " + instance + " " + dir.write("wrong.json", wrong.dump()));
  EXPECT_NE(r.exit_code, 0) << r.out;
}

}  // namespace
}  // namespace equilab::testing
