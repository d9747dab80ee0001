// verify proves every claim of an exchange_economy result (issue 16): each test changes one claim
// of a computed result in a way the checker used to accept (a soundness hole) or used to report
// as bad input although the result is readable, and requires the exit code of the contract:
// 1 for a readable result that contradicts its instance, its certificate or itself, 2 for one
// that cannot be read (a missing field).
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "cli/run_command.h"
#include "core/json.h"
#include "economy_examples.h"

namespace equilab {
namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

const std::string kSource = EQUILAB_SOURCE_DIR;

// The instance of a catalog entry, written to `dir`.
std::string catalog_instance(ScratchDir& dir, const std::string& entry) {
  const Json doc = load_json_file(kSource + "/catalog/wang2019/" + entry);
  return dir.write(entry, doc.at("instance").dump());
}

Json solve(const std::string& instance, const std::string& method) {
  const auto r = run_equilab("solve " + instance + " --method " + method + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return parse_json_text(r.out, "stdout");
}

// verify's exit code on `result` changed by `edit`, with what it printed.
testing::CommandResult verify_changed(ScratchDir& dir, const std::string& instance, const Json& result,
                                      const std::function<void(Json&)>& edit) {
  Json changed = result;
  edit(changed);
  return run_equilab("verify " + instance + " " + dir.write("changed.json", changed.dump()));
}

#define EXPECT_VERIFY(code, fragment, edit)                                         \
  do {                                                                              \
    const auto v = verify_changed(dir, instance, result, edit);                     \
    EXPECT_EQ(v.exit_code, code) << v.out << v.err;                                 \
    EXPECT_NE((v.out + v.err).find(fragment), std::string::npos) << v.out << v.err; \
  } while (0)

// Wang §4.3's counterexample (catalog): the construction of Theorem 6 fails at Lemma 18. By hand:
// c = v − ω^m = (24, 6, 5) for (buyer, low, high); for d >= 0 the buyer's gain is 14 + 3d − 24 =
// 3d − 10, low's 5 − 6 = −1, high's 5 − 5 = 0, so P = max(0, L) = max(0, 3d − 10): one bend at
// 10/3, final slope 3. The seller "low" trades 2 for 1 (a seller point p(2) = 1), but P(2) = 0.
TEST(EconomyVerifyClaims, ConstructionPriceAndStepAreRecomputed) {
  ScratchDir dir;
  const std::string instance = catalog_instance(dir, "4.3_theorem6_counterexample.json");
  const Json result = solve(instance, "constructive");
  const Json& c = result.at("construction");
  ASSERT_EQ(c.at("applies"), false);
  ASSERT_EQ(c.at("step"), "lemma-18");
  ASSERT_EQ(c.at("price"), Json::parse(R"([{"price":"0","trade":"0"},{"price":"0","trade":"10/3"}])"));
  ASSERT_EQ(c.at("final_slope"), "3");
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("r.json", result.dump())).exit_code, 0);

  // A point of P that is not a bend (P(5) = 5): the listed function is unchanged, its form is not.
  EXPECT_VERIFY(1, "is not a bend of P", [](Json& r) {
    r["construction"]["price"].push_back({{"trade", "5"}, {"price", "5"}});
  });
  // Without the bend at 10/3 the listed function is 3d, not max(0, 3d − 10); every remaining
  // breakpoint still lies on P, which is all the checker looked at before. (No u_i bends beyond
  // its endowment here, so the last point is 0 and the comparison is the one beyond it.)
  EXPECT_VERIFY(1, "beyond trade 0 the final slope 3 is not that of max(0, L)",
                [](Json& r) { r["construction"]["price"].erase(1); });
  // With a bend at 5 instead of 10/3 the breakpoint itself is off P (P(5) = 5, not 0).
  EXPECT_VERIFY(1, "breakpoint p(5) = 0 but max(0, L(5)) = 5",
                [](Json& r) { r["construction"]["price"][1]["trade"] = "5"; });
  // The final slope of P is 3; 4 makes it larger than max(0, L) beyond 10/3.
  EXPECT_VERIFY(1, "final slope 4", [](Json& r) { r["construction"]["final_slope"] = "4"; });
  // The first failure is the seller point (Lemma 18), not Lemma 23.
  EXPECT_VERIFY(1, "it fails first at lemma-18", [](Json& r) { r["construction"]["step"] = "lemma-23"; });
  // Evidence of the failure: the stated value must be P at the point (0, not 1/2).
  EXPECT_VERIFY(1, "p_{B_-}(2) = 0, not 1/2", [](Json& r) { r["construction"]["value"] = "1/2"; });
  // The construction is the constructive method's claim for one good: it must be there.
  EXPECT_VERIFY(2, "missing required field \"construction\"", [](Json& r) { r.erase("construction"); });
}

// The counterexample without its state and with a fourth type "far" (mass 1/10, ω = 0, u = min(x, 5),
// a kink at 5): the constructive payoffs are (24, 6, 5, 10/3), far's gain min(d, 5) − 10/3 stays
// below the buyer's 3d − 10 for d > 10/3, so P = max(0, 3d − 10) as before, and 5 is a kink of
// some u_i beyond its endowment. The chord [(0, 0), (5, 5)] with final slope 3 agrees with P at 0
// and 5 and beyond 5, and misses it only inside: at the midpoint 5/2 it is 5/2, P is 0.
TEST(EconomyVerifyClaims, ConstructionPriceIsComparedBetweenKinks) {
  ScratchDir dir;
  Json instance_doc =
      load_json_file(kSource + "/catalog/wang2019/4.3_theorem6_counterexample.json").at("instance");
  instance_doc.erase("state");
  instance_doc["types"].push_back(
      Json::parse(R"({"name":"far","mass":"1/10","money":"0","endowment":{"g":"0"},
    "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"g":"1"}},{"const":"5","grad":{"g":"0"}}]}})"));
  const std::string instance = dir.write("far.json", instance_doc.dump());
  const Json result = solve(instance, "constructive");
  ASSERT_EQ(result.at("payoff").at("far"), "10/3");
  ASSERT_EQ(result.at("construction").at("price"),
            Json::parse(R"([{"price":"0","trade":"0"},{"price":"0","trade":"10/3"}])"));
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("r.json", result.dump())).exit_code, 0);
  EXPECT_VERIFY(1, "the price is 5/2 at 5/2 but max(0, L) = 0", [](Json& r) {
    r["construction"]["price"] = Json::parse(R"([{"price":"0","trade":"0"},{"price":"5","trade":"5"}])");
  });
}

// The state is a claim in one canonical form: groups by size and type order, members in type
// order, every good listed in every bundle.
TEST(EconomyVerifyClaims, StateHasOneForm) {
  ScratchDir dir;
  const std::string instance = catalog_instance(dir, "4.3_theorem6_counterexample.json");
  const Json result = solve(instance, "constructive");
  EXPECT_VERIFY(1, "listed once each, by size and then in type order",
                [](Json& r) { std::swap(r["state"]["groups"][0], r["state"]["groups"][1]); });
  EXPECT_VERIFY(1, "listed in type order", [](Json& r) {
    r["state"]["groups"][0]["group"] = Json::array({"low", "buyer", "low"});
  });
  // high consumes 0 of g in [buyer,high,high]: deleting the entry used to read as 0.
  EXPECT_VERIFY(2, "missing entry for good \"g\"",
                [](Json& r) { r["state"]["groups"][1]["bundles"]["high"]["goods"].erase("g"); });
  EXPECT_VERIFY(1, "unknown type \"nobody\"", [](Json& r) { r["payoff"]["nobody"] = r["payoff"]["low"]; });
  EXPECT_VERIFY(1, "status must be \"optimal\"", [](Json& r) { r["status"] = "infeasible"; });
  EXPECT_VERIFY(1, "exchange_economy results are exact", [](Json& r) { r["arith"] = "double"; });
  // price-lp prices the instance's state: another order of its groups is another claim.
  const Json priced = solve(instance, "price-lp");
  const auto v = verify_changed(dir, instance, priced,
                                [](Json& r) { std::swap(r["state"]["groups"][0], r["state"]["groups"][2]); });
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("differs from the instance's state"), std::string::npos) << v.out;
}

// price-lp on the counterexample: unsupported, (c) between the forced values p(3) = 4 (high sells 3
// for 4 in [buyer,high,high]) and p(4) = 2 (the buyer of [buyer,low,low] buys 4 for 2).
TEST(EconomyVerifyClaims, PriceLpAnswersAreComplete) {
  ScratchDir dir;
  const std::string instance = catalog_instance(dir, "4.3_theorem6_counterexample.json");
  const Json result = solve(instance, "price-lp");
  ASSERT_EQ(result.at("supported"), false);
  ASSERT_EQ(result.at("violation").at("condition"), "c");
  ASSERT_EQ(result.at("violation").at("lhs"), "4");
  ASSERT_EQ(result.at("violation").at("rhs"), "2");
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("r.json", result.dump())).exit_code, 0);
  // lhs and rhs are the two forced prices; they used to be read and never compared.
  EXPECT_VERIFY(1, "lhs 5, rhs 2 but the state gives 4 and 2", [](Json& r) { r["violation"]["lhs"] = "5"; });
  // The forced values: each once, folded, by trade (a duplicate or a swap used to pass).
  EXPECT_VERIFY(1, "listed once each", [](Json& r) { r["forced"].push_back(r["forced"][1]); });
  EXPECT_VERIFY(1, "listed once each", [](Json& r) { std::swap(r["forced"][1], r["forced"][2]); });
  // Corollary 1 and `supported` are price-lp's claims: deleting one used to drop it unchecked.
  EXPECT_VERIFY(2, "missing required field \"some_state\"", [](Json& r) { r.erase("some_state"); });
  EXPECT_VERIFY(2, "missing required field \"supported\"", [](Json& r) { r.erase("supported"); });
  EXPECT_VERIFY(2, "missing required field \"linear_price\"", [](Json& r) { r.erase("linear_price"); });
}

// kSellerBuyer (economy_examples.h): a linear price exists; its per-good prices are the first
// entries of the certificate's primal point, and used to be ignored.
TEST(EconomyVerifyClaims, LinearPricesEqualTheCertificate) {
  ScratchDir dir;
  const std::string instance = dir.write("sb.json", economies::testing::kSellerBuyer);
  const Json result = solve(instance, "price-lp");
  ASSERT_EQ(result.at("linear_price").at("exists"), true);
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("r.json", result.dump())).exit_code, 0);
  EXPECT_VERIFY(1, "the price of good \"g\" is", [](Json& r) { r["linear_price"]["prices"]["g"] = "17"; });
}

// Two goods with a state (cli_test.cpp's kTwoGoodsState): the forced vectors in the state's
// order, every good of a trade listed, and the grid of the kind it names.
TEST(EconomyVerifyClaims, SeveralGoodsForcedValuesAndGrid) {
  ScratchDir dir;
  const char* text = R"({"model":"exchange_economy","version":1,"goods":["x1","x2"],"min_size":1,"max_size":2,
 "types":[{"name":"A","mass":"1","endowment":{"x1":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}},
          {"name":"B","mass":"1","endowment":{"x2":"2"},
           "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"x1":"2"}},{"const":"0","grad":{"x2":"2"}}]}}],
 "state":{"groups":[{"group":["A","B"],"mass":"1","bundles":{"A":{"money":"-1","goods":{"x1":"1","x2":"1"}},
                                                            "B":{"money":"1","goods":{"x1":"1","x2":"1"}}}}]}})";
  const std::string instance = dir.write("two.json", text);
  const Json result = solve(instance, "price-lp");
  ASSERT_EQ(result.at("supported"), true);
  ASSERT_EQ(result.at("grid_kind"), "product");
  ASSERT_EQ(result.at("forced").size(), 3u);  // (0,0), A's (-1,1) for 1, B's (1,-1) for -1
  EXPECT_EQ(run_equilab("verify " + instance + " " + dir.write("r.json", result.dump())).exit_code, 0);
  EXPECT_VERIFY(1, "listed in the state's order", [](Json& r) { std::swap(r["forced"][1], r["forced"][2]); });
  EXPECT_VERIFY(1, "forced values: 4 listed", [](Json& r) { r["forced"].push_back(r["forced"][1]); });
  EXPECT_VERIFY(2, "missing entry for good \"x2\"", [](Json& r) { r["forced"][0]["trade"].erase("x2"); });
  // The 9 points of {-1,0,1}^2 are the product grid, not the forced grid F (3 points: (0,0) and the two
  // traded vectors, mirrors of each other).
  EXPECT_VERIFY(1, "is not the forced grid", [](Json& r) { r["grid_kind"] = "forced"; });
}

}  // namespace
}  // namespace equilab
