// allocation_market results (issue 16): every claim of a result is checked. The §6 transition
// classifier of verify on hand-built structures (the paper's Figures 8 and 9 and one example of
// each other transition), the path certificate on a hand-computed path, and the command on the
// forgeries an adversary found accepted before: each must exit 1.
#include <gtest/gtest.h>

#include <string>

#include "cli/run_command.h"
#include "core/json.h"
#include "market_helpers.h"
#include "verify/allocation_market_path.h"

namespace equilab::homotopy {
namespace {

using test::good_index;
using test::parse;

// Three buyers x1, x2, x3 and four goods y1..y4 (all acceptable to everyone) plus three null goods;
// only the shape of the market matters to the classifier.
const char* kFour = R"({"model":"allocation_market","version":1,"buyers":["x1","x2","x3"],
 "goods":[{"name":"y1","reservation":0},{"name":"y2","reservation":0},{"name":"y3","reservation":0},
          {"name":"y4","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true},{"name":"o3","null":true}],
 "utility":{"x1":{"y1":{"value":1},"y2":{"value":1},"y3":{"value":1},"y4":{"value":1},"o1":{"value":0}},
            "x2":{"y1":{"value":1},"y2":{"value":1},"y3":{"value":1},"y4":{"value":1},"o2":{"value":0}},
            "x3":{"y1":{"value":1},"y2":{"value":1},"y3":{"value":1},"y4":{"value":1},"o3":{"value":0}}}})";

// A structure from names: allocation per buyer, edges "from>to" (the buyer is the tail's holder),
// every other good a root.
Certificate structure(const AllocationMarket& m, const std::vector<std::string>& allocation,
                      const std::vector<std::pair<std::string, std::string>>& edges) {
  Certificate c;
  for (const auto& g : allocation) c.allocation.push_back(good_index(m, g));
  std::vector<char> has_parent(m.num_goods(), 0);
  for (const auto& [from, to] : edges) {
    const int f = good_index(m, from), t = good_index(m, to);
    int buyer = -1;
    for (int a = 0; a < m.num_buyers(); ++a)
      if (c.allocation[a] == f) buyer = a;
    c.edges.push_back({f, t, buyer});
    has_parent[t] = 1;
  }
  for (int i = 0; i < m.num_goods(); ++i)
    if (!has_parent[i]) c.roots.push_back(i);
  c.prices.assign(m.num_goods(), Rational(0));
  return c;
}

void expect_transition(const AllocationMarket& m, const Certificate& before, const Certificate& after,
                       Transition type, const std::string& buyer, const std::string& from,
                       const std::string& good) {
  const auto t = verify::classify_transition(m, before, after);
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(to_string(t->type), std::string(to_string(type)));
  EXPECT_EQ(t->buyer < 0 ? std::string() : m.buyers[t->buyer], buyer);
  EXPECT_EQ(t->from_good < 0 ? std::string() : m.goods[t->from_good].name, from);
  EXPECT_EQ(m.goods[t->good].name, good);
}

TEST(AllocationMarketTransitions, GraftPruneAndPlantPruneAndGraft) {
  const AllocationMarket m = parse(kFour);
  const auto base = structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}});
  // §6.1: x3 on the root y3 ... x2 on y2 becomes indifferent to the root y3 of another tree.
  const auto grafted = structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}, {"y2", "y3"}});
  expect_transition(m, base, grafted, Transition::Graft, "x2", "y2", "y3");
  // §6.2: y2's price falls to reservation: the edge into it is cut.
  expect_transition(m, base, structure(m, {"y1", "y2", "y3"}, {}), Transition::PruneAndPlant, "", "", "y2");
  // §6.3: y3 (below y2) is re-priced by x1 on y1 instead.
  expect_transition(m, grafted, structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}, {"y1", "y3"}}),
                    Transition::PruneAndGraft, "x1", "y1", "y3");
  // Two edges added at once: no single transition.
  EXPECT_FALSE(verify::classify_transition(
      m, base, structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}, {"y2", "y3"}, {"y3", "y4"}})));
  // y2 a predecessor of η = y3 gaining an edge from y3: not a graft (it would close a cycle).
  EXPECT_FALSE(verify::classify_transition(m, grafted,
                                           structure(m, {"y1", "y2", "y3"}, {{"y3", "y2"}, {"y2", "y3"}})));
}

// Figure 8: x_i on y_i, edges (y1, y2), (y2, y3); x3 on η = y3 becomes indifferent to y = y1.
// The rule: x3 -> y1, x1 -> y2, x2 -> y3; the cycle's edges reversed, (y2, y1) dropped:
// edges (y3, y2) and (y1, y3); y1 keeps its (absent) predecessor. y4 hangs below y2 and moves to y3.
TEST(AllocationMarketTransitions, CycleAndReverseFigure8) {
  const AllocationMarket m = parse(kFour);
  const auto before = structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}, {"y2", "y3"}, {"y2", "y4"}});
  const auto after = structure(m, {"y2", "y3", "y1"}, {{"y3", "y2"}, {"y1", "y3"}, {"y3", "y4"}});
  expect_transition(m, before, after, Transition::CycleAndReverse, "x3", "y3", "y1");
  // The same rotation with y4 left below y2: not the §6.4 rule.
  EXPECT_FALSE(verify::classify_transition(
      m, before, structure(m, {"y2", "y3", "y1"}, {{"y3", "y2"}, {"y1", "y3"}, {"y2", "y4"}})));
}

// Figure 9: x_i on y_i, edges (y1, y2), (y2, y3), y4 unallocated; x3 becomes indifferent to y4.
// The rule: x3 -> y4, x2 -> y3, x1 -> y2, y1 unallocated; edges (y3, y2) and (y4, y3); roots y1, y4.
TEST(AllocationMarketTransitions, ShiftAndReplantFigure9) {
  const AllocationMarket m = parse(kFour);
  const auto before = structure(m, {"y1", "y2", "y3"}, {{"y1", "y2"}, {"y2", "y3"}});
  const auto after = structure(m, {"y2", "y3", "y4"}, {{"y3", "y2"}, {"y4", "y3"}});
  expect_transition(m, before, after, Transition::ShiftAndReplant, "x3", "y3", "y4");
  // A buyer on a root moving to his outside option (k = 1): he leaves y3, which becomes unallocated.
  const auto alone = structure(m, {"y1", "y2", "y3"}, {});
  expect_transition(m, alone, structure(m, {"y1", "y2", "o3"}, {}), Transition::ShiftAndReplant, "x3", "y3",
                    "o3");
  // Shifting without reversing the edges is not the rule.
  EXPECT_FALSE(
      verify::classify_transition(m, before, structure(m, {"y2", "y3", "y4"}, {{"y1", "y2"}, {"y2", "y3"}})));
}

// ---- the command ---------------------------------------------------------------------------

// A fixed NTU market with a path: 3 buyers, 4 ordinary goods (slopes other than 1), outside options.
const char* kNtuPath = R"({"model":"allocation_market","version":1,"buyers":["a","b","c"],
 "goods":[{"name":"w","reservation":"1"},{"name":"x","reservation":"0"},{"name":"y","reservation":"2"},
          {"name":"z","reservation":"1/2"},{"name":"out_a","null":true},{"name":"out_b","null":true},
          {"name":"out_c","null":true}],
 "utility":{"a":{"w":{"value":"9","slope":"2"},"x":{"value":"7"},"y":{"value":"12","slope":"3/2"},"z":{"value":"5"},
                 "out_a":{"value":"1"}},
            "b":{"w":{"value":"8"},"x":{"value":"10","slope":"1/2"},"y":{"value":"9"},"z":{"value":"6","slope":"2"},
                 "out_b":{"value":"0"}},
            "c":{"w":{"value":"11","slope":"3"},"x":{"value":"6"},"y":{"value":"10"},"z":{"value":"7"},
                 "out_c":{"value":"2"}}},
 "path":{"to":{"utility":{"a":{"x":{"value":"13"},"y":{"value":"4"}},"b":{"w":{"value":"15"},"z":{"value":"1"}},
                          "c":{"y":{"value":"18"},"x":{"value":"2"}}},
               "reservation":{"w":"3","z":"2"}}}})";

class ForgedResult : public ::testing::Test {
 protected:
  testing::ScratchDir dir;
  std::string instance;
  Json result;

  void SetUp() override {
    instance = dir.write("ntu.json", kNtuPath);
    const auto solved = testing::run_equilab("solve " + instance + " --json");
    ASSERT_EQ(solved.exit_code, 0) << solved.err;
    result = Json::parse(solved.out);
    ASSERT_EQ(verify(result).exit_code, 0) << verify(result).out;
  }
  testing::CommandResult verify(const Json& doc) {
    return testing::run_equilab("verify " + instance + " " + dir.write("forged.json", doc.dump(1)));
  }
  void expect_rejected(const Json& doc, const std::string& says) {
    const auto v = verify(doc);
    EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
    EXPECT_NE(v.out.find(says), std::string::npos) << v.out;
  }
  // The index of the first event of `type`, or −1.
  int event_of(const std::string& type) const {
    for (std::size_t k = 0; k < result["events"].size(); ++k)
      if (result["events"][k]["type"] == type) return static_cast<int>(k);
    return -1;
  }
};

TEST_F(ForgedResult, TopLevelPriceChanged) {
  Json doc = result;
  doc["prices"]["x"] =
      equilab::to_string(Rational(parse_rational(doc["prices"]["x"].get<std::string>()) + 1));
  expect_rejected(doc, "/prices/x");
}

TEST_F(ForgedResult, AllTopLevelPricesZero) {
  Json doc = result;
  for (auto& [good, p] : doc["prices"].items()) p = "0";
  expect_rejected(doc, "but the certified price is");
}

TEST_F(ForgedResult, TwoBuyersGoodsSwapped) {
  Json doc = result;
  std::swap(doc["allocation"]["a"], doc["allocation"]["b"]);
  ASSERT_NE(doc["allocation"], result["allocation"]);
  expect_rejected(doc, "/allocation/a");
}

TEST_F(ForgedResult, UtilityChanged) {
  Json doc = result;
  doc["utilities"]["c"] =
      equilab::to_string(Rational(parse_rational(doc["utilities"]["c"].get<std::string>()) + Rational(1, 2)));
  expect_rejected(doc, "/utilities/c");
}

TEST_F(ForgedResult, EmptiedForest) {
  Json doc = result;
  doc["forest"] = {{"roots", Json::array()}, {"edges", Json::array()}};
  expect_rejected(doc, "/forest/roots");
}

TEST_F(ForgedResult, EventZChanged) {
  ASSERT_GT(result["events"].size(), 1u);
  for (std::size_t k = 0; k < result["events"].size(); ++k) {
    Json doc = result;
    const Rational z = parse_rational(doc["events"][k]["z"].get<std::string>());
    doc["events"][k]["z"] = equilab::to_string(z == 0 ? Rational(1, 100) : Rational(z / 2));
    expect_rejected(doc, "/events/" + std::to_string(k));
  }
}

TEST_F(ForgedResult, GraftAndPruneAndPlantSwapped) {
  const int graft = event_of("graft"), plant = event_of("prune_and_plant");
  ASSERT_GE(graft, 0);
  ASSERT_GE(plant, 0);
  Json doc = result;
  doc["events"][graft]["type"] = "prune_and_plant";
  expect_rejected(doc, "/events/" + std::to_string(graft) + "/type");
  doc = result;
  doc["events"][plant]["type"] = "graft";
  expect_rejected(doc, "/events/" + std::to_string(plant) + "/type");
}

TEST_F(ForgedResult, TransitionCountsChanged) {
  Json doc = result;
  doc["transition_counts"]["cycle_and_reverse"] =
      doc["transition_counts"]["cycle_and_reverse"].get<long>() + 1;
  expect_rejected(doc, "/transition_counts/cycle_and_reverse");
}

TEST_F(ForgedResult, EventDroppedOrStructureAfterChanged) {
  Json doc = result;
  doc["events"].erase(doc["events"].size() / 2);
  EXPECT_EQ(verify(doc).exit_code, 1);
  doc = result;
  doc["events"][0]["forest_after"]["edges"] = Json::array();
  EXPECT_EQ(verify(doc).exit_code, 1);
}

// verify prints the answer it checked: the certificate's prices and allocation.
TEST_F(ForgedResult, VerifyPrintsTheCertifiedAnswer) {
  const auto v = verify(result);
  std::string prices = "prices ";
  for (const char* g : {"w", "x", "y", "z"})
    prices += std::string(g == std::string("w") ? "" : ", ") + g + " " +
              result["certificate"]["prices"][g].get<std::string>();
  EXPECT_NE(v.out.find(prices), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("allocation a -> " + result["certificate"]["allocation"]["a"].get<std::string>()),
            std::string::npos)
      << v.out;
}

// The {"ga_count": ...} result: every field is checked (m = 3, n = 4: 4^2 · 4·3·2 = 384).
TEST(ForgedGaCount, EveryFieldChecked) {
  testing::ScratchDir dir;
  const std::string instance = dir.write(
      "count.json", R"({"model":"allocation_market","version":1,"ga_count":{"buyers":3,"goods":4}})");
  const auto solved = testing::run_equilab("solve " + instance + " --json");
  ASSERT_EQ(solved.exit_code, 0);
  const Json result = Json::parse(solved.out);
  EXPECT_EQ(result["ga_structures"], "384");
  auto verify = [&](const Json& doc) {
    return testing::run_equilab("verify " + instance + " " + dir.write("r.json", doc.dump())).exit_code;
  };
  EXPECT_EQ(verify(result), 0);
  for (const auto& [field, value] : std::vector<std::pair<std::string, Json>>{{"ga_structures", "385"},
                                                                              {"scientific", "3.85e2"},
                                                                              {"order_of_magnitude", 3},
                                                                              {"buyers", 4},
                                                                              {"goods", 5}}) {
    Json doc = result;
    doc[field] = value;
    EXPECT_EQ(verify(doc), 1) << field;
  }
}

// Catalog 6.4 (TU, r = 0): on the path leg b's value of g1 rises 0 -> 19 while a is on g1 (a root at
// 0) and prices b's g2 at 12 − 10 = 2 (edge g1 -> g2). By hand, at 19z = 20 − 2, z = 18/19, b is
// indifferent to g1, the predecessor of his good: cycle and reverse, b -> g1, a -> g2, and b
// prices g2 (edge g1 -> g2 held by b); prices at the event (0, 2), at the end 20 − p2 = 19: (0, 1).
TEST(AllocationMarketPathCertificate, HandComputedCycleAndReverse) {
  testing::ScratchDir dir;
  const Json entry = Json::parse(testing::read_file(std::string(EQUILAB_SOURCE_DIR) +
                                                    "/catalog/caplin_leahy_2010/6.4_cycle_and_reverse.json"));
  const std::string instance = dir.write("i.json", entry["instance"].dump());
  const auto solved = testing::run_equilab("solve " + instance + " --json");
  ASSERT_EQ(solved.exit_code, 0);
  const Json r = Json::parse(solved.out);
  Json on_path;
  for (const auto& e : r["events"])
    if (e["leg"] == "path") on_path.push_back(e);
  ASSERT_EQ(on_path.size(), 1u);
  const Json& e = on_path[0];
  EXPECT_EQ(e["z"], "18/19");
  EXPECT_EQ(e["type"], "cycle_and_reverse");
  EXPECT_EQ(e["buyer"], "b");
  EXPECT_EQ(e["from"], "g2");
  EXPECT_EQ(e["good"], "g1");
  EXPECT_EQ(e["prices"]["g1"], "0");
  EXPECT_EQ(e["prices"]["g2"], "2");
  EXPECT_EQ(e["allocation_after"], Json::parse(R"({"a":"g2","b":"g1"})"));
  EXPECT_EQ(e["forest_after"], Json::parse(R"({"g2":"g1"})"));
  EXPECT_EQ(r["prices"]["g2"], "1");
  auto verify = [&](const Json& doc) {
    return testing::run_equilab("verify " + instance + " " + dir.write("r.json", doc.dump()));
  };
  EXPECT_EQ(verify(r).exit_code, 0);
  // The event early or late: the structures before and after it do not both price g2 at 2 there
  // (at 17/19 the one after prices it 20 − 17 = 3, at 1 the one before still at 2 but the one after at 1).
  const std::size_t k = r["events"].size() - 1;
  ASSERT_EQ(r["events"][k], e);
  for (const char* z : {"17/19", "1"}) {
    Json doc = r;
    doc["events"][k]["z"] = z;
    const auto v = verify(doc);
    EXPECT_EQ(v.exit_code, 1) << z;
    EXPECT_NE(v.out.find("/events/" + std::to_string(k) + " (leg path at z = " + z + ")/prices/g2"),
              std::string::npos)
        << v.out;
  }
  // b named as the buyer who moved but a's good as where he came from.
  Json doc = r;
  doc["events"][k]["from"] = "g1";
  EXPECT_NE(verify(doc).out.find("/events/" + std::to_string(k) + "/from"), std::string::npos);
  // The forest after it kept as before (a would price g2 from g1, which he no longer holds).
  doc = r;
  doc["events"][k]["forest_after"] = Json::object();
  EXPECT_EQ(verify(doc).exit_code, 1);
}

// Two buyers who both accept both goods x and y, each with his outside option. By hand:
// allocations: both outside 1, one on a good 2·2 = 4, both on goods 2: 7. Forests on the allocated
// goods (an edge needs the tail's buyer to accept the head; nobody else accepts an outside option):
// both outside 1; one buyer on a good, the other outside: the roots, or the outsider's option ->
// the good: 2 each, 8; both on goods: roots, x -> y, y -> x: 3 each, 6; in all 15. |G| also places
// each unallocated good: an ordinary good at a root or below either buyer's good (3 ways), an
// unallocated outside option at a root or below its buyer's good (2): 1·9 + 4·2·(3·2) + 2·3·(2·2) = 81.
TEST(AllocationMarketCounts, HandCountedAndForged) {
  testing::ScratchDir dir;
  const std::string instance =
      dir.write("m.json", R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":10},"y":{"value":4},"oa":{"value":0}},"b":{"x":{"value":8},"y":{"value":6},"ob":{"value":0}}}})");
  auto solve = [&](const std::string& method) {
    const auto s = testing::run_equilab("solve " + instance + " --method " + method + " --json");
    EXPECT_EQ(s.exit_code, 0) << s.err;
    return Json::parse(s.out);
  };
  auto verify = [&](const Json& doc) {
    return testing::run_equilab("verify " + instance + " " + dir.write("r.json", doc.dump())).exit_code;
  };
  const Json lp = solve("allocation-lp");
  EXPECT_EQ(lp["allocations_enumerated"], 7);
  EXPECT_EQ(verify(lp), 0);
  Json forged = lp;
  forged["allocations_enumerated"] = 8;
  EXPECT_EQ(verify(forged), 1);
  const Json gm = solve("ga-minmax");
  EXPECT_EQ(gm["allocations"], "7");
  EXPECT_EQ(gm["ga_structures_enumerated"], "15");
  EXPECT_EQ(gm["ga_structures_all"], "81");
  EXPECT_EQ(verify(gm), 0);
  for (const char* field : {"allocations", "ga_structures_enumerated", "ga_structures_all"}) {
    forged = gm;
    forged[field] = "1";
    EXPECT_EQ(verify(forged), 1) << field;
  }
}

// --bisect: the bracket must end at the event's z, and events_may_be_merged must say whether an
// event is marked unseparated.
TEST(AllocationMarketPathCertificate, BisectBracketAndMergedFlag) {
  testing::ScratchDir dir;
  const std::string instance = dir.write("ntu.json", kNtuPath);
  const auto solved = testing::run_equilab("solve " + instance + " --method path --bisect --json");
  ASSERT_EQ(solved.exit_code, 0);
  const Json r = Json::parse(solved.out);
  auto verify = [&](const Json& doc) {
    return testing::run_equilab("verify " + instance + " " + dir.write("r.json", doc.dump())).exit_code;
  };
  ASSERT_EQ(verify(r), 0);
  ASSERT_FALSE(r["events"].empty());
  Json doc = r;
  doc["events"][0]["bracket"][1] = "0";
  EXPECT_EQ(verify(doc), 1);
  doc = r;
  doc["bisect"]["events_may_be_merged"] = !r["bisect"]["events_may_be_merged"].get<bool>();
  EXPECT_EQ(verify(doc), 1);
}

}  // namespace
}  // namespace equilab::homotopy
