// `path --bisect` (§7.1 halving of z): on hand-computed instances it reaches the same MEP as the
// exact path, each event inside the bracket the halving reports; the flag is refused elsewhere.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cstdlib>

#include "cli/run_command.h"
#include "common/property_runs.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "market_helpers.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

using test::parse;

int good(const AllocationMarket& m, const std::string& name) {
  for (int i = 0; i < m.num_goods(); ++i)
    if (m.goods[i].name == name) return i;
  throw std::logic_error("no good " + name);
}

void expect_valid(const AllocationMarket& m, const MepResult& r) {
  const auto v = verify::check_allocation_market_certificate(m, r.certificate);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
}

// The example of homotopy_test (a: g1 3, g2 5; b: g1 9, g2 1; r = 0, outside 0), by hand.
// Trivial start: a on g1 with v_a1 raised to 5 + 1 = 6, b on g2 with v_b2 raised to 9 + 1 = 10;
// on the start leg v_a1 = 6 − 3z, v_b2 = 10 − 9z. Exact events: 1/9 graft (g1 under g2,
// q1 = 9z − 1), 1/6 cycle and reverse (a -> g2, b -> g1, q1 = 1 − 3z), 1/3 prune and plant.
// §7.1 halving, trial by trial:
//  step 1: z = 1 and 1/2: a and b both violate (2 violations) -> halve; z = 1/4: only b
//    (10 − 9/4 < 9); the graft gives q1 = 5/4 and a then prefers g2 (6 − 3/4 − 5/4 = 4 < 5):
//    halve; z = 1/8: only b; after the graft q1 = 1/8, a gets 6 − 3/8 − 1/8 = 11/2 > 5: accepted,
//    bracket (0, 1/8] ∋ 1/9. 6 trials, 3 halvings.
//  step 2 from 1/8: at z = 1, a (U_a(g1) = 3 − 8 = −5) prefers both g2 and his outside option
//    (2 violations); at z = 9/16 and 11/32 the single violation (a prefers g2) gives a cycle with
//    q1 = 1 − 3z < 0; at z = 15/64 (= (1/8 + 11/32)/2) q1 = 19/64 and b keeps g1
//    (9 − 19/64 > 10 − 135/64): accepted, bracket (1/8, 15/64] ∋ 1/6. 7 trials, 3 halvings.
//  step 3 from 15/64: at z = 1 the only violation is q1 = −2 < 0; planting g1 passes (a: 5 > 3,
//    b: 9 > 1): bracket (15/64, 1] ∋ 1/3. 2 trials. Final prices (0, 0), a on g2, b on g1.
TEST(PathBisect, HalvingStepsByHand) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"g1","reservation":"0"},{"name":"g2","reservation":"0"},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"g1":{"value":"3"},"g2":{"value":"5"},"oa":{"value":"0"}},
              "b":{"g1":{"value":"9"},"g2":{"value":"1"},"ob":{"value":"0"}}}})");
  const BisectResult b = solve_path_bisect(m);
  const auto& e = b.result.events;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].type, Transition::Graft);
  EXPECT_EQ(e[0].buyer, 1);
  EXPECT_EQ(e[0].z, Rational(1, 8));
  EXPECT_EQ(b.stats.bracket_low[0], Rational(0));
  EXPECT_EQ(e[0].prices[good(m, "g1")], Rational(1, 8));  // q1 = 9z − 1 at z = 1/8
  EXPECT_EQ(e[1].type, Transition::CycleAndReverse);
  EXPECT_EQ(e[1].buyer, 0);
  EXPECT_EQ(e[1].z, Rational(15, 64));
  EXPECT_EQ(b.stats.bracket_low[1], Rational(1, 8));
  EXPECT_EQ(e[1].prices[good(m, "g1")], Rational(19, 64));  // q1 = 1 − 3z
  EXPECT_EQ(e[2].type, Transition::PruneAndPlant);
  EXPECT_EQ(e[2].good, good(m, "g1"));
  EXPECT_EQ(e[2].z, Rational(1));
  EXPECT_EQ(b.stats.bracket_low[2], Rational(15, 64));
  // Each bracket holds the exact event time (hand values above).
  const Rational exact[] = {Rational(1, 9), Rational(1, 6), Rational(1, 3)};
  for (int k = 0; k < 3; ++k) {
    EXPECT_LT(b.stats.bracket_low[k], exact[k]);
    EXPECT_LE(exact[k], e[k].z);
    EXPECT_EQ(b.stats.event_unseparated[k], 0);
  }
  EXPECT_EQ(b.stats.trials, 15);
  EXPECT_EQ(b.stats.halvings, 6);
  EXPECT_EQ(b.stats.steps, 3);
  EXPECT_EQ(b.stats.unseparated, 0);
  EXPECT_EQ(b.result.certificate.prices[good(m, "g1")], Rational(0));
  EXPECT_EQ(b.result.certificate.prices[good(m, "g2")], Rational(0));
  EXPECT_EQ(b.result.certificate.allocation[0], good(m, "g2"));
  EXPECT_EQ(b.result.certificate.allocation[1], good(m, "g1"));
  const MepResult exact_path = solve_path(m);
  EXPECT_EQ(b.result.certificate.prices, exact_path.certificate.prices);
  expect_valid(m, b.result);
}

// Hand MEPs of homotopy_test: TU (x, y) = (2, 0) and the issue's NTU example (3/2, 3).
TEST(PathBisect, SameMepAsTheExactPath) {
  const AllocationMarket tu = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true}],
   "utility":{"a":{"x":{"value":10},"y":{"value":4},"o1":{"value":0},"o2":{"value":0}},
              "b":{"x":{"value":8},"y":{"value":6},"o1":{"value":0},"o2":{"value":0}}}})");
  const AllocationMarket issue = parse(R"({"model":"allocation_market","version":1,
   "buyers":["a","b"], "goods":[{"name":"x","reservation":"0"},{"name":"y","reservation":"1"},
     {"name":"out_a","reservation":"0","null":true},{"name":"out_b","reservation":"0","null":true}],
   "utility":{"a":{"x":{"value":"10","slope":"1"},"y":{"value":"8","slope":"2"},"out_a":{"value":"0"}},
              "b":{"x":{"value":"9"},"y":{"value":"9","slope":"1/2"},"out_b":{"value":"0"}}},
   "path":{"to":{"utility":{"a":{"x":{"value":"4"}}},"reservation":{"y":"3"}}}})");
  struct Case {
    const AllocationMarket* m;
    Rational x, y;
  };
  for (const Case& c : {Case{&tu, Rational(2), Rational(0)}, Case{&issue, Rational(3, 2), Rational(3)}}) {
    const BisectResult b = solve_path_bisect(*c.m);
    EXPECT_EQ(b.result.certificate.prices[good(*c.m, "x")], c.x);
    EXPECT_EQ(b.result.certificate.prices[good(*c.m, "y")], c.y);
    EXPECT_EQ(b.result.certificate.prices, solve_path(*c.m).certificate.prices);
    EXPECT_EQ(b.result.certificate.allocation, solve_path(*c.m).certificate.allocation);
    expect_valid(*c.m, b.result);
  }
}

// Catalog §6.1–6.5: on the instance's own path leg bisect applies the published transition,
// the hand event time (homotopy_test's TransitionTimes) lies in its bracket, and the final
// prices are the published (hand) ones.
TEST(PathBisect, CatalogTransitionsInTheirBrackets) {
  const std::pair<const char*, Rational> cases[] = {{"6.1_graft.json", Rational(5, 6)},
                                                    {"6.2_prune_and_plant.json", Rational(1, 2)},
                                                    {"6.3_prune_and_graft.json", Rational(6, 7)},
                                                    {"6.4_cycle_and_reverse.json", Rational(18, 19)},
                                                    {"6.5_shift_and_replant.json", Rational(18, 19)}};
  for (const auto& [file, time] : cases) {
    SCOPED_TRACE(file);
    const Json doc = load_json_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/caplin_leahy_2010/" + file);
    const AllocationMarket m = read_allocation_market_json(JsonNode(doc.at("instance"), file));
    const BisectResult b = solve_path_bisect(m);
    std::vector<std::size_t> on_path;
    for (std::size_t k = 0; k < b.result.events.size(); ++k)
      if (b.result.events[k].leg == "path") on_path.push_back(k);
    const Json& published = doc.at("published");
    ASSERT_EQ(on_path.size(), published.at("path_transitions").size());
    ASSERT_EQ(on_path.size(), 1u);
    const std::size_t k = on_path[0];
    EXPECT_EQ(to_string(b.result.events[k].type), published.at("path_transitions")[0].get<std::string>());
    EXPECT_LT(b.stats.bracket_low[k], time);
    EXPECT_LE(time, b.result.events[k].z);
    for (const auto& [g, p] : published.at("prices").items())
      EXPECT_EQ(b.result.certificate.prices[good(m, g)], parse_rational(p.get<std::string>())) << g;
    EXPECT_EQ(b.result.certificate.prices, solve_path(m).certificate.prices);
    expect_valid(m, b.result);
  }
}

// Simultaneous events: a and b value both goods 5 (TU, r = 0); the path lowers v_ax and v_by to
// 3. At the path leg's start (a on x, b on y, both roots at 0) both slacks are −2z: every trial
// z > 0 sees two violations, so halving cannot separate them. With max_halvings = 3 the step
// stops at z = 1/8 and takes them in tie order (by hand): a prefers y -> graft y under x
// (q_y = 2z); b then prefers x (5 − 4z < 5) -> cycle: a -> y, b -> x, q_y = v_by − U_b(x) = −2z
// < 0 -> prune and plant. All three are marked unseparated. MEP (0, 0), a on y, b on x.
// (The start leg ends exactly at the indifference, z = 1, which the halving test accepts
// without a violation; the exact path takes those events there instead: same MEP.)
TEST(PathBisect, SimultaneousEventsAreReportedUnseparated) {
  const AllocationMarket m = parse(R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"oa","null":true},{"name":"ob","null":true}],
   "utility":{"a":{"x":{"value":5},"y":{"value":5},"oa":{"value":0}},
              "b":{"x":{"value":5},"y":{"value":5},"ob":{"value":0}}},
   "path":{"to":{"utility":{"a":{"x":{"value":3}},"b":{"y":{"value":3}}}}}})");
  PathOptions o;
  o.max_halvings = 3;
  const BisectResult b = solve_path_bisect(m, o);
  const auto& e = b.result.events;
  ASSERT_EQ(e.size(), 3u);
  const Transition types[] = {Transition::Graft, Transition::CycleAndReverse, Transition::PruneAndPlant};
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(e[k].leg, "path");
    EXPECT_EQ(e[k].type, types[k]);
    EXPECT_EQ(e[k].z, Rational(1, 8));
    EXPECT_EQ(b.stats.bracket_low[k], Rational(0));
    EXPECT_EQ(b.stats.event_unseparated[k], 1);
  }
  EXPECT_EQ(b.stats.unseparated, 1);
  EXPECT_EQ(b.stats.deepest, 3);
  EXPECT_EQ(e[0].prices[good(m, "y")], Rational(1, 4));  // q_y = 2z at z = 1/8
  EXPECT_EQ(b.result.certificate.prices[good(m, "x")], Rational(0));
  EXPECT_EQ(b.result.certificate.prices[good(m, "y")], Rational(0));
  EXPECT_EQ(b.result.certificate.allocation[0], good(m, "y"));
  EXPECT_EQ(b.result.certificate.allocation[1], good(m, "x"));
  EXPECT_EQ(b.result.certificate.prices, solve_path(m).certificate.prices);
  expect_valid(m, b.result);
  // The default cap (64 halvings) ends the step at z = 2^-64 with the same transitions.
  const BisectResult d = solve_path_bisect(m);
  ASSERT_EQ(d.result.events.size(), 3u);
  EXPECT_EQ(d.result.events[0].z, Rational(1) / Rational(Integer(1) << 64));
  EXPECT_EQ(d.stats.unseparated, 1);
}

// Any market: bisect's answer is the exact path's MEP and verifies (the halving only changes
// where events are located, and every accepted structure passed the exact CE test).
RC_GTEST_PROP(PathBisectProperties, SameMepAsTheExactPathAndVerifies, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x5bd1e995ULL);
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 4));
  o.goods = static_cast<int>(sizes.uniform_int(0, 5));
  o.tu = sizes.bernoulli(1, 2);
  o.integer = sizes.bernoulli(1, 2);
  o.path = sizes.bernoulli(1, 2);
  o.max_value = static_cast<int>(sizes.uniform_int(3, 20));
  const AllocationMarket m = gen::generate_allocation_market(seed, o);
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  const BisectResult b = solve_path_bisect(m);
  RC_ASSERT(b.result.certificate.prices == solve_path(m).certificate.prices);
  RC_ASSERT(verify::check_allocation_market_certificate(m, b.result.certificate).valid);
  RC_ASSERT(b.stats.bracket_low.size() == b.result.events.size());
  for (std::size_t k = 0; k < b.result.events.size(); ++k)
    RC_ASSERT(b.stats.bracket_low[k] < b.result.events[k].z);
}

TEST(PathBisectCommand, ResultSaysBisectAndVerifies) {
  testing::ScratchDir dir;
  const std::string f = dir.write("m.json", R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true}],
   "utility":{"a":{"x":{"value":10},"y":{"value":4},"o1":{"value":0},"o2":{"value":0}},
              "b":{"x":{"value":8},"y":{"value":6},"o1":{"value":0},"o2":{"value":0}}}})");
  const auto r = testing::run_equilab("solve " + f + " --method path --bisect --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json result = Json::parse(r.out);
  EXPECT_EQ(result.at("method"), "path");
  EXPECT_EQ(result.at("search"), "bisect");
  EXPECT_GE(result.at("bisect").at("trials").get<long>(), 1);
  EXPECT_EQ(result.at("bisect").at("events_may_be_merged"), false);
  EXPECT_EQ(result.at("prices").at("x"), "2");  // hand (see SameMepAsTheExactPath)
  for (const auto& e : result.at("events")) EXPECT_EQ(e.at("bracket")[1], e.at("z"));
  EXPECT_EQ(testing::run_equilab("verify " + f + " " + dir.write("r.json", r.out)).exit_code, 0);
  // The default method of allocation_market is path: --bisect alone works too.
  EXPECT_EQ(testing::run_equilab("solve " + f + " --bisect").exit_code, 0);
  // The exact path's result is unchanged (no "search").
  const auto exact = testing::run_equilab("solve " + f + " --json");
  ASSERT_EQ(exact.exit_code, 0);
  EXPECT_FALSE(Json::parse(exact.out).contains("search"));
}

TEST(PathBisectCommand, RefusedWithOtherMethods) {
  testing::ScratchDir dir;
  const std::string f = dir.write("m.json", R"({"model":"allocation_market","version":1,"buyers":["a"],
   "goods":[{"name":"x","reservation":0},{"name":"o","null":true}],
   "utility":{"a":{"x":{"value":3},"o":{"value":0}}}})");
  for (const char* method : {"allocation-lp", "hungarian-bf", "assignment-lp", "dgs"}) {
    const auto r = testing::run_equilab("solve " + f + " --method " + method + " --bisect");
    EXPECT_EQ(r.exit_code, 2) << method;
    EXPECT_NE(r.err.find("--bisect"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(method), std::string::npos) << r.err;
  }
  // A GA-structure count instance has no path to follow.
  const std::string count = dir.write(
      "count.json", R"({"model":"allocation_market","version":1,"ga_count":{"buyers":2,"goods":2}})");
  EXPECT_EQ(testing::run_equilab("solve " + count + " --bisect").exit_code, 2);
  // Another family's default method.
  const Json lp =
      load_json_file(std::string(EQUILAB_SOURCE_DIR) + "/catalog/textbook/chvatal_ch2_example.json");
  const std::string lpf = dir.write("lp.json", lp.at("instance").dump());
  ASSERT_EQ(testing::run_equilab("solve " + lpf).exit_code, 0);
  const auto r = testing::run_equilab("solve " + lpf + " --bisect");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--bisect"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace equilab::homotopy
