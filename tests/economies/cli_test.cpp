// End to end through the built `equilab`: solve, verify, crosscheck, generate and reproduce on the
// exchange_economy family, and the bad-input corpus under tests/bad_inputs/exchange_economy/.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "cli/run_command.h"
#include "common/bad_input_corpus.h"
#include "core/json.h"
#include "economy_examples.h"

namespace equilab {
namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

const std::string kSource = EQUILAB_SOURCE_DIR;
const std::string kBadDir = kSource + "/tests/bad_inputs/exchange_economy/";

TEST(EconomyCli, BadInputCorpus) {
  equilab::testing::check_bad_input_corpus(kBadDir, [](const std::string& file) {
    return file.rfind("state_", 0) == 0 ? std::string(" --method price-lp") : std::string();
  });
}

TEST(EconomyCli, PriceLpNeedsOneGood) {
  ScratchDir dir;
  const auto r = run_equilab("solve " + dir.write("two.json", economies::testing::kTwoGoods) + " --method price-lp");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/goods: price-lp needs exactly one good"), std::string::npos) << r.err;
}

TEST(EconomyCli, SolveVerifyAndCorrupt) {
  ScratchDir dir;
  const std::string f = dir.write("sb.json", economies::testing::kSellerBuyer);
  const auto r = run_equilab("solve " + f + " --method price-lp --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json result = parse_json_text(r.out, "stdout");
  EXPECT_EQ(result.at("model"), "exchange_economy");
  EXPECT_EQ(result.at("supported"), true);
  EXPECT_EQ(result.at("price")[1].at("price"), "4");  // p(2) = 4, hand value in economy_examples.h
  const auto v = run_equilab("verify " + f + " " + dir.write("r.json", result.dump()));
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  result["price"][1]["price"] = "29/7";  // the forced value 4 moved by 1/7
  const auto b = run_equilab("verify " + f + " " + dir.write("bad.json", result.dump()));
  EXPECT_EQ(b.exit_code, 1) << b.out;
  EXPECT_NE(b.out.find("p(2) = 29/7 but the state forces 4"), std::string::npos) << b.out;
  const auto c = run_equilab("crosscheck " + f);
  EXPECT_EQ(c.exit_code, 0) << c.out << c.err;
  EXPECT_NE(c.out.find("greedy and LP compared on 5 group types"), std::string::npos) << c.out;  // 2 + 3 groups
}

TEST(EconomyCli, GenerateIsDeterministicAndSolvable) {
  ScratchDir dir;
  const auto a = run_equilab("generate exchange_economy --seed 5 --types 3 --goods 1 --max-size 3 --pieces 2");
  const auto b = run_equilab("generate exchange_economy --seed 5 --types 3 --goods 1 --max-size 3 --pieces 2");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto c = run_equilab("crosscheck " + dir.write("g.json", a.out));
  EXPECT_EQ(c.exit_code, 0) << c.out << c.err;
  const auto bad = run_equilab("generate exchange_economy --seed 5 --types 0");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(EconomyCli, ReproduceSectionFourCatalog) {
  ScratchDir dir;
  for (const char* f : {"4.3_theorem6_counterexample.json", "4.4.1_leontief.json", "4.4.2_hotels.json"})
    std::filesystem::copy(kSource + "/catalog/wang2019/" + f, dir.path / f);
  const auto r = run_equilab("reproduce --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 examples, 3 reproduced"), std::string::npos) << r.out;
  // Theorem 6 (4.3) and the x^2 price of §4.4.2 are errata; §4.4.1 matches.
  EXPECT_NE(r.out.find("| 4.3 |"), std::string::npos);
  std::size_t confirmed = 0;
  for (std::size_t at = r.out.find("erratum confirmed"); at != std::string::npos; at = r.out.find("erratum confirmed", at + 1))
    ++confirmed;
  EXPECT_EQ(confirmed, 2u) << r.out;
}

}  // namespace
}  // namespace equilab
