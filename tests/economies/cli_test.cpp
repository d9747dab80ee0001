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
    if (file.rfind("max_enumeration", 0) == 0) return std::string(" --max-enumeration 100");
    return file.rfind("state_", 0) == 0 ? std::string(" --method price-lp") : std::string();
  });
}

// kTwoGoods with a state: τ([A,B]) = 1, both consume (1,1) (u = 2 each), v_A = 1, v_B = 3, so
// m_A = 1 - 2 = -1 and m_B = 3 - 2 = 1 (money balances).
const char* kTwoGoodsState = R"({"model":"exchange_economy","version":1,"goods":["x1","x2"],"min_size":1,"max_size":2,
 "types":[{"name":"A","mass":"1","endowment":{"x1":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}},
          {"name":"B","mass":"1","endowment":{"x2":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}}],
 "state":{"groups":[{"group":["A","B"],"mass":"1","bundles":{"A":{"money":"-1","goods":{"x1":"1","x2":"1"}},
                                                            "B":{"money":"1","goods":{"x1":"1","x2":"1"}}}}]}})";

TEST(EconomyCli, PriceLpTwoGoods) {
  // Hand: the forced values are p(-1,1) = 0 - m_A = 1 (A) and p(1,-1) = -1 (B), mirrors of each
  // other and incomparable with 0, so (c) holds; (a): only A can trade (-1,1) (B lacks x1) and
  // u_A(1,1) - c_A = 2 - 1 = 1 = p(-1,1); likewise for B; (b): v_A + v_B = 4 = s([A,B]),
  // 2 v_A >= s([A,A]) = 0, 2 v_B >= 0. Supported; the grid is {-1,0,1}^2. A linear price π with
  // -π1 + π2 = 1 and each type optimal: π1 + π2 >= 2 (else buying (s,s) pays off), A: 2π1 <= v_A = 1,
  // B: 2π2 <= 3, so π1 + π2 = 2 and π = (1/2, 3/2).
  ScratchDir dir;
  const std::string f = dir.write("two.json", kTwoGoodsState);
  const auto r = run_equilab("solve " + f + " --method price-lp --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json result = parse_json_text(r.out, "stdout");
  EXPECT_EQ(result.at("supported"), true);
  EXPECT_EQ(result.at("grid_kind"), "product");
  EXPECT_EQ(result.at("grid").size(), 9u);
  EXPECT_EQ(result.at("linear_price").at("exists"), true);
  EXPECT_EQ(result.at("linear_price").at("prices").at("x1"), "1/2");
  EXPECT_EQ(result.at("linear_price").at("prices").at("x2"), "3/2");
  const auto v = run_equilab("verify " + f + " " + dir.write("r.json", result.dump()));
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  bool moved = false;
  for (auto& q : result["grid"])
    if (q.at("trade").at("x1") == "-1" && q.at("trade").at("x2") == "1") {
      EXPECT_EQ(q.at("price"), "1");
      q["price"] = "8/7";
      moved = true;
    }
  EXPECT_TRUE(moved);
  const auto b = run_equilab("verify " + f + " " + dir.write("bad.json", result.dump()));
  EXPECT_EQ(b.exit_code, 1) << b.out;
  const auto c = run_equilab("crosscheck " + f);
  EXPECT_EQ(c.exit_code, 0) << c.out << c.err;
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
  for (const char* f : {"4.3_theorem6_counterexample.json", "4.3_theorem6_construction.json", "4.4.1_leontief.json", "4.4.1_leontief_I5_N4.json",
                        "4.4.2_hotels.json", "4.4.3_pairwise_discretised.json"})
    std::filesystem::copy(kSource + "/catalog/wang2019/" + f, dir.path / f);
  const auto r = run_equilab("reproduce --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("6 examples, 6 reproduced"), std::string::npos) << r.out;
  // Theorem 6 (4.3, twice: the counterexample and the proof's construction) and the x^2 price of
  // §4.4.2 are errata; §4.4.1 and §4.4.3 match.
  EXPECT_NE(r.out.find("| 4.3 |"), std::string::npos);
  std::size_t confirmed = 0;
  for (std::size_t at = r.out.find("erratum confirmed"); at != std::string::npos; at = r.out.find("erratum confirmed", at + 1))
    ++confirmed;
  EXPECT_EQ(confirmed, 3u) << r.out;
}

}  // namespace
}  // namespace equilab
