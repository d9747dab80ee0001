// Method `dgs` (Demange–Gale–Sotomayor 1986 exact auction) of allocation_market: hand-computed
// auctions round by round, agreement with hungarian-bf, the certificate, and the command's
// refusal of non-TU or non-integer markets (exit 2 naming the field).
#include <gtest/gtest.h>

#include <map>

#include "cli/run_command.h"
#include "market_helpers.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

using test::parse;
using test::good_index;

void expect_mep(const AllocationMarket& m, const MepResult& r, const std::map<std::string, Rational>& prices,
                const std::map<std::string, std::string>& allocation) {
  for (const auto& [g, p] : prices) EXPECT_EQ(r.certificate.prices[good_index(m, g)], p) << g;
  for (const auto& [b, g] : allocation) {
    int a = 0;
    while (m.buyers[a] != b) ++a;
    EXPECT_EQ(m.goods[r.certificate.allocation[a]].name, g) << b;
  }
  const auto v = verify::check_allocation_market_certificate(m, r.certificate);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
}

// 2 buyers, 2 goods, outside options 0, reservations 0; a: x 10, y 8; b: x 9, y 3.
// Round 1, p = (0, 0): D_a = {x} (10 > 8), D_b = {x} (9 > 3): {x} is overdemanded (2 buyers,
//   1 good) and minimal; p_x += 1.
// Round 2, p = (1, 0): D_a = {x} (9 > 8), D_b = {x} (8 > 3): again {x}; p_x += 1.
// p = (2, 0): D_a = {x, y} (8 = 8), D_b = {x} (7 > 3). {x}: only b demands a subset (1 <= 1);
//   {y}: nobody; {x, y}: a, b (2 <= 2). Nothing overdemanded: b -> x, a -> y.
// By hand this is the MEP: with a on y at p_y >= 0 a needs 10 − p_x <= 8 − p_y, so p_x >= 2;
// the other assignment (a on x, b on y) needs 9 − p_x <= 3 − p_y, p_x >= 6. MEP (2, 0).
const char* kTwoByTwo = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
 "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
 "utility":{"a":{"x":{"value":10},"y":{"value":8},"oa":{"value":0}},
            "b":{"x":{"value":9},"y":{"value":3},"ob":{"value":0}}}})";

TEST(DgsAuction, TwoBuyersTwoGoods) {
  const AllocationMarket m = parse(kTwoByTwo);
  const MepResult r = solve_dgs(m);
  expect_mep(m, r, {{"x", 2}, {"y", 0}}, {{"a", "y"}, {"b", "x"}});
  EXPECT_EQ(r.certificate.prices, solve_hungarian_bf(m).certificate.prices);
  // Forest: y is a root (at reservation); a on y is indifferent to x (8 − 0 = 10 − 2): edge y -> x.
  ASSERT_EQ(r.certificate.edges.size(), 1u);
  EXPECT_EQ(r.certificate.edges[0].from, good_index(m, "y"));
  EXPECT_EQ(r.certificate.edges[0].to, good_index(m, "x"));
  EXPECT_EQ(r.certificate.edges[0].buyer, 0);
}

// Reservations and a nonzero outside option: r = (x 2, y 1); a: x 10, y 7; b: x 8, y 6;
// c: x 5, y 4 and his null good worth 1 (a's and b's worth 0). 3 buyers, 2 goods.
// p = (2, 1): D_a = {x} (8 > 6), D_b = {x} (6 > 5), D_c = {x, y} (3 = 3 > 1). {x} overdemanded
//   by a, b; minimal; p_x = 3.
// p = (3, 1): D_a = {x} (7 > 6), D_b = {x, y} (5 = 5), D_c = {y} (3 > 2 > 1). {x}: a (1 <= 1),
//   {y}: c (1 <= 1), {x, y}: a, b, c (3 > 2): the minimal overdemanded set is {x, y}; p = (4, 2).
// p = (4, 2): D_a = {x} (6 > 5), D_b = {x, y} (4 = 4), D_c = {y} (y 2 > x 1 = outside 1): same
//   sets, {x, y} again; p = (5, 3).
// p = (5, 3): D_a = {x} (5 > 4), D_b = {x, y} (3 = 3), D_c = {y, outside} (1 = 1 > 0): c no longer
//   counts; {x, y} has a, b (2 <= 2). Stop: a -> x, b -> y, c outside. 4 rounds.
// By hand: someone is unassigned. c out: c needs 4 − p_y <= 1, p_y >= 3; b on y then needs
// 8 − p_x <= 6 − 3, p_x >= 5 (b on x, a on y would need 10 − p_x <= 7 − p_y, p_x >= 6). Any other
// buyer out prices the goods higher still (b out needs p_x >= 8, p_y >= 6). MEP (5, 3); forest: c's outside
// option is a root, c indifferent to y (edge out_c -> y), b on y indifferent to x (edge y -> x).
const char* kReservations = R"({"model":"allocation_market","version":1,"buyers":["a","b","c"],
 "goods":[{"name":"x","reservation":2},{"name":"y","reservation":1},
          {"name":"oa","null":true},{"name":"ob","null":true},{"name":"oc","null":true}],
 "utility":{"a":{"x":{"value":10},"y":{"value":7},"oa":{"value":0}},
            "b":{"x":{"value":8},"y":{"value":6},"ob":{"value":0}},
            "c":{"x":{"value":5},"y":{"value":4},"oc":{"value":1}}}})";

TEST(DgsAuction, ReservationsAndOutsideOption) {
  const AllocationMarket m = parse(kReservations);
  const MepResult r = solve_dgs(m);
  expect_mep(m, r, {{"x", 5}, {"y", 3}, {"oa", 0}, {"ob", 0}, {"oc", 0}}, {{"a", "x"}, {"b", "y"}, {"c", "oc"}});
  EXPECT_EQ(r.certificate.prices, solve_hungarian_bf(m).certificate.prices);
  EXPECT_EQ(r.certificate.prices, solve_allocation_lp(m).certificate.prices);
}

// A good nobody wants stays at its reservation (z: r 4, values below 4), and a good wanted by
// one buyer only is not raised: a: x 6, z 3; b: y 2; r = (x 1, y 0, z 4).
// p = (1, 0, 4): D_a = {x} (5 > 0 > −1), D_b = {y} (2 > 0). Nothing overdemanded: MEP = r.
TEST(DgsAuction, NoCompetitionMeansReservationPrices) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":1},{"name":"y","reservation":0},{"name":"z","reservation":4},
            {"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":6},"z":{"value":3},"oa":{"value":0}},
              "b":{"y":{"value":2},"ob":{"value":0}}}})");
  expect_mep(m, solve_dgs(m), {{"x", 1}, {"y", 0}, {"z", 4}}, {{"a", "x"}, {"b", "y"}});
}

// Three buyers want the same good x (values 7, 5, 3) and nothing else: the auction raises x
// alone while 2+ buyers demand only {x}. p_x = 0..4: a, b demand {x} (c leaves at p_x = 3,
// where 3 − 3 = 0 ties his outside option). At p_x = 5 b is indifferent (5 − 5 = 0) and stops
// counting: p_x = 5 (the second-highest value, Vickrey), a gets x, b and c outside.
TEST(DgsAuction, SingleGoodEndsAtTheSecondValue) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b","c"],
   "goods":[{"name":"x","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true},{"name":"o3","null":true}],
   "utility":{"a":{"x":{"value":7},"o1":{"value":0}},"b":{"x":{"value":5},"o2":{"value":0}},
              "c":{"x":{"value":3},"o3":{"value":0}}}})");
  expect_mep(m, solve_dgs(m), {{"x", 5}}, {{"a", "x"}, {"b", "o2"}, {"c", "o3"}});
}

// The final assignment must give away every good priced above its reservation, not just find
// some matching of buyers to demanded goods. a: x 4, y 4; b: y 4, each with an outside option 0;
// r = 0. p = (0, 0): D_a = {x, y}, D_b = {y}: {y} is not overdemanded (only b has D ⊆ {y}).
// MEP (0, 0) with a -> x, b -> y; the certificate checks CE conditions whatever the matching.
TEST(DgsAuction, AssignmentFollowsDemand) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":4},"y":{"value":4},"oa":{"value":0}},"b":{"y":{"value":4},"ob":{"value":0}}}})");
  expect_mep(m, solve_dgs(m), {{"x", 0}, {"y", 0}}, {{"a", "x"}, {"b", "y"}});
}

// Goods above reservation must be sold: a: x 3, y 1; b: x 3; c: y 1; r = 0, outside options 0.
// p = (0, 0): D_a = {x} (3 > 1 > 0), D_b = {x}, D_c = {y}: {x} overdemanded (a, b); p_x = 1.
// p = (1, 0): D_a = {x} (2 > 1), D_b = {x}, D_c = {y}: {x} again; p_x = 2.
// p = (2, 0): D_a = {x, y} (1 = 1), D_b = {x}, D_c = {y}: {x} has b only, {y} c only, {x, y} has
//   a, b, c (3 > 2): the minimal overdemanded set is {x, y}; p = (3, 1).
// p = (3, 1): every buyer is indifferent to his outside option (0), so nothing is overdemanded
//   and every buyer could stay outside; but x and y are above reservation and must be sold: the
//   assignment gives x to a or b and y to a or c (e.g. a -> x, c -> y).
// By hand (3, 1) is the MEP: with p_x <= 2 both a and b strictly prefer x to their outside option
// unless a prefers y, which needs p_y <= p_x − 2 <= 0; then c also strictly wants y (1 > 0): three
// buyers strictly want two goods. So p_x = 3; then a and c want y over outside unless p_y >= 1.
TEST(DgsAuction, GoodsAboveReservationAreSold) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b","c"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},
            {"name":"oa","null":true},{"name":"ob","null":true},{"name":"oc","null":true}],
   "utility":{"a":{"x":{"value":3},"y":{"value":1},"oa":{"value":0}},"b":{"x":{"value":3},"ob":{"value":0}},
              "c":{"y":{"value":1},"oc":{"value":0}}}})");
  const MepResult r = solve_dgs(m);
  expect_mep(m, r, {{"x", 3}, {"y", 1}}, {});
  EXPECT_EQ(r.certificate.prices, solve_hungarian_bf(m).certificate.prices);
}

// The solve path is the endpoint: values changed by the instance's path are what the auction
// uses (here a's x goes 10 -> 4 and y's reservation 0 -> 3). a: x 4, y 8; b: x 9, y 3; r = (0, 3).
// p = (0, 3): D_a = {y} (5 > 4), D_b = {x} (9 > 0): nothing overdemanded. MEP (0, 3).
TEST(DgsAuction, SolvesThePathEnd) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":10},"y":{"value":8},"oa":{"value":0}},"b":{"x":{"value":9},"y":{"value":3},"ob":{"value":0}}},
   "path":{"to":{"utility":{"a":{"x":{"value":4}}},"reservation":{"y":3}}}})");
  expect_mep(m, solve_dgs(m), {{"x", 0}, {"y", 3}}, {{"a", "y"}, {"b", "x"}});
}

TEST(DgsAuction, RefusesNonTuAndNonIntegerMarkets) {
  // slope 2: not TU
  EXPECT_THROW(solve_dgs(parse(R"({"model":"allocation_market","version":1,"buyers":["a"],
   "goods":[{"name":"x","reservation":0},{"name":"oa","null":true}],
   "utility":{"a":{"x":{"value":4,"slope":2},"oa":{"value":0}}}})")),
               std::invalid_argument);
  // value 7/2
  EXPECT_THROW(solve_dgs(parse(R"({"model":"allocation_market","version":1,"buyers":["a"],
   "goods":[{"name":"x","reservation":0},{"name":"oa","null":true}],
   "utility":{"a":{"x":{"value":"7/2"},"oa":{"value":0}}}})")),
               std::invalid_argument);
  // reservation 1/2
  EXPECT_THROW(solve_dgs(parse(R"({"model":"allocation_market","version":1,"buyers":["a"],
   "goods":[{"name":"x","reservation":"1/2"},{"name":"oa","null":true}],
   "utility":{"a":{"x":{"value":3},"oa":{"value":0}}}})")),
               std::invalid_argument);
}

// The command: solve --method dgs, verify its result, crosscheck lists dgs; bad input exit 2
// with the field's JSON pointer (the bad-input corpus runs --method allocation-lp only, so the
// issue's "non-integer values with --method dgs" case is tested here).
TEST(DgsCommand, SolveVerifyCrosscheck) {
  testing::ScratchDir dir;
  const std::string f = dir.write("two.json", kTwoByTwo);
  const auto solved = testing::run_equilab("solve " + f + " --method dgs --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const Json result = Json::parse(solved.out);
  EXPECT_EQ(result.at("method"), "dgs");
  EXPECT_EQ(result.at("prices").at("x"), "2");
  EXPECT_EQ(result.at("prices").at("y"), "0");
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + dir.write("r.json", solved.out)).exit_code, 0);
  Json bad = result;
  bad["certificate"]["prices"]["x"] = "3";
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + dir.write("bad.json", bad.dump())).exit_code, 1);
  const auto cc = testing::run_equilab("crosscheck " + f);
  EXPECT_EQ(cc.exit_code, 0) << cc.out << cc.err;
  EXPECT_NE(cc.out.find("dgs: prices"), std::string::npos) << cc.out;
}

TEST(DgsCommand, CrosscheckSkipsDgsOnFractionalValues) {
  testing::ScratchDir dir;
  const std::string f = dir.write("frac.json", R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":"7/2"},"oa":{"value":0}},"b":{"x":{"value":"3"},"ob":{"value":0}}}})");
  const auto cc = testing::run_equilab("crosscheck " + f);
  EXPECT_EQ(cc.exit_code, 0) << cc.out << cc.err;
  EXPECT_NE(cc.out.find("dgs: skipped"), std::string::npos) << cc.out;
}

TEST(DgsCommand, BadInputNamesTheField) {
  testing::ScratchDir dir;
  struct Case {
    const char* file;
    const char* text;
    const char* fragment;
  };
  const Case cases[] = {
      {"non_integer_value.json", R"({"model":"allocation_market","version":1,"buyers":["a","b"],
       "goods":[{"name":"x","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
       "utility":{"a":{"x":{"value":"7/2"},"oa":{"value":0}},"b":{"x":{"value":3},"ob":{"value":0}}}})",
       "/utility/a/x/value: --method dgs needs integer values, not 7/2"},
      {"non_integer_path_value.json", R"({"model":"allocation_market","version":1,"buyers":["a"],
       "goods":[{"name":"x","reservation":0},{"name":"oa","null":true}],
       "utility":{"a":{"x":{"value":3},"oa":{"value":0}}},
       "path":{"to":{"utility":{"a":{"x":{"value":"5/2"}}}}}})",
       "/path/to/utility/a/x/value: --method dgs needs integer values, not 5/2"},
      {"non_integer_outside.json", R"({"model":"allocation_market","version":1,"buyers":["a"],
       "goods":[{"name":"x","reservation":0},{"name":"oa","null":true}],
       "utility":{"a":{"x":{"value":3},"oa":{"value":"1/3"}}}})",
       "/utility/a/oa/value: --method dgs needs integer values, not 1/3"},
      {"non_integer_reservation.json", R"({"model":"allocation_market","version":1,"buyers":["a"],
       "goods":[{"name":"x","reservation":"1.5"},{"name":"oa","null":true}],
       "utility":{"a":{"x":{"value":3},"oa":{"value":0}}}})",
       "/goods/0/reservation: --method dgs needs integer reservation prices, not 3/2"},
      {"not_tu.json", R"({"model":"allocation_market","version":1,"buyers":["a"],
       "goods":[{"name":"x","reservation":0},{"name":"oa","null":true}],
       "utility":{"a":{"x":{"value":3,"slope":"1/2"},"oa":{"value":0}}}})",
       "/utility/a/x/slope: --method dgs needs transferable utility (every slope 1), not 1/2"},
  };
  for (const auto& c : cases) {
    const std::string f = dir.write(c.file, c.text);
    const auto r = testing::run_equilab("solve " + f + " --method dgs");
    EXPECT_EQ(r.exit_code, 2) << c.file << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(c.file), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.fragment), std::string::npos) << c.file << ": " << r.err;
  }
}

}  // namespace
}  // namespace equilab::homotopy
