// allocation_market (Caplin–Leahy 2010): reader, verifier, methods on hand-computed
// instances, GA-structure counts, the bad-input corpus through the command.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "cli/run_command.h"
#include "market_helpers.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

using test::parse;
using test::good_index;

// The issue's example. At its path end a: x 4 (β 1), y 8 (β 2); b: x 9, y 9 (β 1/2);
// r = (0, 3). By hand: b on y at its reservation 3 gets 9 − 3/2 = 15/2, so b's indifference
// prices x at 9 − 15/2 = 3/2; a gets x (4 − 3/2 = 5/2 > 8 − 6 = 2). Lowering p_x below 3/2 makes
// both buyers want x only, so the MEP is (x, y) = (3/2, 3) with a on x, b on y, edge y -> x.
const char* kIssue = R"({"model":"allocation_market","version":1,
 "buyers":["a","b"], "goods":[{"name":"x","reservation":"0"},{"name":"y","reservation":"1"},
   {"name":"out_a","reservation":"0","null":true},{"name":"out_b","reservation":"0","null":true}],
 "utility":{"a":{"x":{"value":"10","slope":"1"},"y":{"value":"8","slope":"2"},"out_a":{"value":"0"}},
            "b":{"x":{"value":"9"},"y":{"value":"9","slope":"1/2"},"out_b":{"value":"0"}}},
 "path":{"to":{"utility":{"a":{"x":{"value":"4"}}},"reservation":{"y":"3"}}}})";

// TU, r = 0, outside options 0: a values x 10, y 4; b values x 8, y 6. The minimum Walrasian
// prices (hand): y unsold-level price 0 and b indifferent 8 − p_x = 6 − 0, so p = (2, 0).
const char* kTu = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true}],
 "utility":{"a":{"x":{"value":10},"y":{"value":4},"o1":{"value":0},"o2":{"value":0}},
            "b":{"x":{"value":8},"y":{"value":6},"o1":{"value":0},"o2":{"value":0}}}})";

// NTU: a values i 10 (β 1), k 11 (β 2); b values k 10 (β 1), i 11 (β 2); r = 0. At p = 0 a
// prefers k and b prefers i: the MEP is (0, 0) with a on k, b on i. (The other allocation's
// least prices are (1, 1): p_i <= 2p_k − 1 and p_k <= 2p_i − 1 force p >= 1.)
const char* kCycle = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"i","reservation":0},{"name":"k","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
 "utility":{"a":{"i":{"value":10},"k":{"value":11,"slope":2},"oa":{"value":0}},
            "b":{"k":{"value":10},"i":{"value":11,"slope":2},"ob":{"value":0}}}})";

void expect_mep(const AllocationMarket& m, const MepResult& r, const std::map<std::string, Rational>& prices,
                const std::map<std::string, std::string>& allocation) {
  for (const auto& [g, p] : prices) EXPECT_EQ(r.certificate.prices[good_index(m, g)], p) << g;
  for (int a = 0; a < m.num_buyers(); ++a)
    if (allocation.count(m.buyers[a]))
      EXPECT_EQ(m.goods[r.certificate.allocation[a]].name, allocation.at(m.buyers[a]));
  const auto v = verify::check_allocation_market_certificate(m, r.certificate);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
}

TEST(AllocationMarketJson, ReadsTheIssueExample) {
  const AllocationMarket m = parse(kIssue);
  ASSERT_EQ(m.num_buyers(), 2);
  ASSERT_EQ(m.num_goods(), 4);
  EXPECT_EQ(m.goods[1].reservation, Rational(1));
  EXPECT_EQ(m.reservation_to[1], Rational(3));
  EXPECT_TRUE(m.goods[2].null);
  EXPECT_EQ(m.utility[0][1]->slope, Rational(2));
  EXPECT_EQ(m.utility[1][0]->slope, Rational(1));  // default
  EXPECT_FALSE(m.utility[0][3].has_value());       // out_b not acceptable to a
  EXPECT_EQ(m.value_to[0][0], Rational(4));
  EXPECT_EQ(m.value_to[0][1], Rational(8));
  // Round trip.
  Json doc = write_allocation_market_json(m);
  const AllocationMarket again = read_allocation_market_json(JsonNode(doc, "again.json"));
  EXPECT_EQ(write_allocation_market_json(again), doc);
}

TEST(AllocationMarketMethods, IssueExampleBothMethods) {
  const AllocationMarket m = parse(kIssue);
  const std::map<std::string, Rational> p = {
      {"x", Rational(3, 2)}, {"y", Rational(3)}, {"out_a", 0}, {"out_b", 0}};
  const std::map<std::string, std::string> mu = {{"a", "x"}, {"b", "y"}};
  expect_mep(m, solve_path(m), p, mu);
  expect_mep(m, solve_allocation_lp(m), p, mu);
}

TEST(AllocationMarketMethods, TransferableUtility) {
  const AllocationMarket m = parse(kTu);
  const std::map<std::string, Rational> p = {{"x", 2}, {"y", 0}};
  expect_mep(m, solve_path(m), p, {{"a", "x"}, {"b", "y"}});
  expect_mep(m, solve_allocation_lp(m), p, {{"a", "x"}, {"b", "y"}});
  expect_mep(m, solve_hungarian_bf(m), p, {{"a", "x"}, {"b", "y"}});
  expect_mep(m, solve_assignment_lp(m), p, {{"a", "x"}, {"b", "y"}});
  EXPECT_THROW(solve_assignment_lp(parse(kIssue)), std::invalid_argument);
  EXPECT_THROW(solve_hungarian_bf(parse(kIssue)), std::invalid_argument);  // slopes 2, 1/2
}

TEST(AllocationMarketMethods, NtuCycleExample) {
  const AllocationMarket m = parse(kCycle);
  const std::map<std::string, Rational> p = {{"i", 0}, {"k", 0}};
  expect_mep(m, solve_path(m), p, {{"a", "k"}, {"b", "i"}});
  expect_mep(m, solve_allocation_lp(m), p, {{"a", "k"}, {"b", "i"}});
}

TEST(AllocationMarketMethods, AllocationLpRefusesPastTheLimit) {
  const AllocationMarket m = parse(kTu);  // 7 allocations (each buyer on x, y or outside)
  EXPECT_THROW(solve_allocation_lp(m, 6), EnumerationLimit);
  EXPECT_NO_THROW(solve_allocation_lp(m, 7));
}

TEST(AllocationMarketVerify, RejectsCorruptedCertificates) {
  const AllocationMarket m = parse(kIssue);
  const Certificate good = solve_allocation_lp(m).certificate;
  ASSERT_TRUE(verify::check_allocation_market_certificate(m, good).valid);
  const int x = good_index(m, "x"), y = good_index(m, "y");
  {  // a price above the MEP that is still a CE price: the forest catches it
    Certificate c = good;
    c.prices[x] = Rational(7, 4);
    const auto v = verify::check_allocation_market_certificate(m, c);
    EXPECT_FALSE(v.valid);
  }
  {  // a price below: b then prefers x (a CE condition)
    Certificate c = good;
    c.prices[x] = 1;
    EXPECT_FALSE(verify::check_allocation_market_certificate(m, c).valid);
  }
  {  // the edge removed: x is neither root nor head
    Certificate c = good;
    c.edges.clear();
    EXPECT_FALSE(verify::check_allocation_market_certificate(m, c).valid);
  }
  {  // x made a root: its price is not its reservation
    Certificate c = good;
    c.edges.clear();
    c.roots.push_back(x);
    const auto v = verify::check_allocation_market_certificate(m, c);
    ASSERT_FALSE(v.valid);
    EXPECT_NE(v.failures[0].find("root good \"x\""), std::string::npos) << v.failures[0];
  }
  {  // swapped allocation
    Certificate c = good;
    std::swap(c.allocation[0], c.allocation[1]);
    EXPECT_FALSE(verify::check_allocation_market_certificate(m, c).valid);
  }
  {  // edge credited to the wrong buyer
    Certificate c = good;
    c.edges[0].buyer = 0;
    EXPECT_FALSE(verify::check_allocation_market_certificate(m, c).valid);
  }
  (void)y;
}

TEST(GaStructures, CountsOfSection7) {
  // Paper's sum (Σ C(m,k) k m^(m−1−k)) equals Cayley's (m+1)^(m−1); times n!/(n−m)!.
  for (int m = 1; m <= 8; ++m) {
    Integer cayley = 1;
    for (int j = 0; j < m - 1; ++j) cayley *= (m + 1);
    EXPECT_EQ(
        ga_structure_count(m, m), cayley * [&] {
          Integer f = 1;
          for (int j = 2; j <= m; ++j) f *= j;
          return f;
        }());
  }
  EXPECT_EQ(ga_structure_count(2, 3), Integer(3 * 6));                 // 3 forests × 3·2 allocations
  EXPECT_EQ(ga_structure_count(10, 10), Integer("8556520581100800"));  // 11^9·10! (Python)
  const std::string big = ga_structure_count(1000, 1000).str();
  EXPECT_EQ(big.size(), 5566u);           // ≈ 1.09·10^5565, not the paper's 9·10^3609
  EXPECT_EQ(big.substr(0, 6), "109216");  // leading digits (Python: 1001**999 * 1000!)
}

// §7 finding (catalog/caplin_leahy_2010/7_nonmonotone_prices.json), hand computation: the trivial
// start raises v_a1 to 6 and v_b2 to 10; v_a1 = 6 − 3z, v_b2 = 10 − 9z. z = 1/9 graft (b prices
// g1 at 9z − 1), z = 1/6 cycle and reverse (p1 = 1/2; then a prices g1 at 1 − 3z), z = 1/3 prune
// and plant (p1 = 0). The price of g1 rises to 1/2 and falls back to 0.
TEST(AllocationMarketPath, LoweringTheVaaIsNotMonotone) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"g1","reservation":"0"},{"name":"g2","reservation":"0"},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"g1":{"value":"3"},"g2":{"value":"5"},"oa":{"value":"0"}},
              "b":{"g1":{"value":"9"},"g2":{"value":"1"},"ob":{"value":"0"}}}})");
  const MepResult r = solve_path(m);
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].z, Rational(1, 9));
  EXPECT_EQ(r.events[0].type, Transition::Graft);
  EXPECT_EQ(r.events[0].buyer, 1);
  EXPECT_EQ(r.events[1].z, Rational(1, 6));
  EXPECT_EQ(r.events[1].type, Transition::CycleAndReverse);
  EXPECT_EQ(r.events[1].prices[0], Rational(1, 2));
  EXPECT_EQ(r.events[2].z, Rational(1, 3));
  EXPECT_EQ(r.events[2].type, Transition::PruneAndPlant);
  EXPECT_EQ(r.events[2].prices[0], Rational(0));
  EXPECT_EQ(r.certificate.prices[0], Rational(0));
  EXPECT_EQ(m.goods[r.certificate.allocation[0]].name, "g2");
}

// §6 transitions on the instance's own path leg (catalog 6.1–6.5), event times by hand.
TEST(AllocationMarketPath, TransitionTimes) {
  auto path_events = [](const std::string& file) {
    const Json doc = load_json_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/caplin_leahy_2010/" + file);
    const AllocationMarket m = read_allocation_market_json(JsonNode(doc.at("instance"), file));
    std::vector<PathEvent> out;
    for (const auto& e : solve_path(m).events)
      if (e.leg == "path") out.push_back(e);
    return out;
  };
  auto g = path_events("6.1_graft.json");  // a's value of g2 0 -> 12 meets 10 at z = 5/6
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].z, Rational(5, 6));
  auto pp = path_events("6.2_prune_and_plant.json");  // p2 = (12 − 4z) − 10 = 0 at z = 1/2
  ASSERT_EQ(pp.size(), 1u);
  EXPECT_EQ(pp[0].z, Rational(1, 2));
  auto pg = path_events("6.3_prune_and_graft.json");  // 14z − 2 = 10 at z = 6/7
  ASSERT_EQ(pg.size(), 1u);
  EXPECT_EQ(pg[0].z, Rational(6, 7));
  auto cr = path_events("6.4_cycle_and_reverse.json");  // 19z = 18
  ASSERT_EQ(cr.size(), 1u);
  EXPECT_EQ(cr[0].z, Rational(18, 19));
  auto sr = path_events("6.5_shift_and_replant.json");  // 19z = 18
  ASSERT_EQ(sr.size(), 1u);
  EXPECT_EQ(sr[0].z, Rational(18, 19));
  EXPECT_EQ(sr[0].type, Transition::ShiftAndReplant);
}

// §7 count instance: m = 3, n = 4 gives 4^2 rooted forests × 4·3·2 allocations = 384 (hand).
TEST(AllocationMarketCommand, GaCountInstance) {
  testing::ScratchDir dir;
  const std::string f = dir.write(
      "count.json", R"({"model":"allocation_market","version":1,"ga_count":{"buyers":3,"goods":4}})");
  const auto solved = testing::run_equilab("solve " + f + " --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  Json result = Json::parse(solved.out);
  EXPECT_EQ(result.at("ga_structures"), "384");
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + dir.write("r.json", result.dump())).exit_code, 0);
  result["certificate"]["ga_structures"] = "385";
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + dir.write("bad.json", result.dump())).exit_code, 1);
}

TEST(AllocationMarketCommand, ReproducesTheCatalog) {
  const auto r = testing::run_equilab("reproduce --paper caplin_leahy_2010");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// Every file of the bad-input corpus: exit 2 and a message with file, pointer and reason.
TEST(AllocationMarketBadInput, Corpus) {
  const std::string dir = std::string(EQUILAB_SOURCE_DIR) + "/tests/bad_inputs/allocation_market/";
  const Json manifest = load_json_file(dir + "expected.json");
  std::set<std::string> listed;
  for (const auto& [file, fragment] : manifest.items()) {
    listed.insert(file);
    const auto r = testing::run_equilab("solve " + dir + file + " --method allocation-lp");
    EXPECT_EQ(r.exit_code, 2) << file << "\n" << r.err;
    EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(fragment.get<std::string>()), std::string::npos) << file << ": " << r.err;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name != "expected.json")
      EXPECT_TRUE(listed.count(name)) << name;
  }
}

TEST(AllocationMarketCommand, SolveVerifyCrosscheckGenerate) {
  testing::ScratchDir dir;
  const std::string f = dir.write("issue.json", kIssue);
  auto solved = testing::run_equilab("solve " + f + " --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const Json result = Json::parse(solved.out);
  EXPECT_EQ(result.at("method"), "path");
  EXPECT_EQ(result.at("prices").at("x"), "3/2");
  EXPECT_EQ(result.at("utilities").at("b"), "15/2");
  const std::string rf = dir.write("result.json", solved.out);
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + rf).exit_code, 0);
  Json bad = result;
  bad["certificate"]["prices"]["x"] = "2";
  const std::string bf = dir.write("bad.json", bad.dump());
  const auto rejected = testing::run_equilab("verify " + f + " " + bf);
  EXPECT_EQ(rejected.exit_code, 1);
  EXPECT_EQ(testing::run_equilab("crosscheck " + f).exit_code, 0);
  const auto g1 = testing::run_equilab("generate allocation_market --seed 5 --buyers 3 --goods 4 --path");
  const auto g2 = testing::run_equilab("generate allocation_market --seed 5 --buyers 3 --goods 4 --path");
  ASSERT_EQ(g1.exit_code, 0) << g1.err;
  EXPECT_EQ(g1.out, g2.out);
  const std::string gf = dir.write("gen.json", g1.out);
  EXPECT_EQ(testing::run_equilab("crosscheck " + gf).exit_code, 0);
}

}  // namespace
}  // namespace equilab::homotopy
