// What `equilab verify` requires of an interim result (README "Result fields",
// verify/interim_fields.cpp), through the command: every claim is checked or required, evidence of
// another status contradicts the status, and what contradicts the certificate, itself or the
// instance is exit 1, not 2. Each case below was accepted (exit 0) or misfiled as bad input
// (exit 2) before.
#include <gtest/gtest.h>

#include <string>

#include "cli/run_command.h"
#include "core/json.h"

namespace equilab {
namespace {

using testing::run_equilab;
using testing::ScratchDir;

const std::string kCatalog = std::string(EQUILAB_SOURCE_DIR) + "/catalog/zheng2024/";

// §3.2 Table 2: one profile, exact unit demand for objects a, b, c by 2 players, so X holds the
// 3·2 = 6 assignments of distinct objects; Q = (b to 1, a to 2) is an outcome, hence feasible; with
// weights. greedy applies (2-player matching).
std::string table_2() { return load_json_file(kCatalog + "3.2_table_2_lp.json").at("instance").dump(); }
// §4.1's knapsack: feasible by Border's condition, infeasible by the ex post LP; with weights.
std::string knapsack_gap() {
  return load_json_file(kCatalog + "4.1_knapsack_gap_lp.json").at("instance").dump();
}
// One unit, each of two players (one type each) gets it with probability 1: the test set of both
// has y(S) = 2 > F(S) = 1.
const std::string kOverAllocated = R"({"model":"interim","version":1,
 "players":[{"name":"1","types":[{"name":"lo","prob":"1"}]},{"name":"2","types":[{"name":"hi","prob":"1"}]}],
 "outcomes":{"kind":"multiunit","units":1},"interim":{"1":{"lo":"1"},"2":{"hi":"1"}}})";

struct Solved {
  ScratchDir dir;
  std::string instance;
  Json result;
  Solved(const std::string& text, const std::string& method) {
    instance = dir.write("instance.json", text);
    const auto r = run_equilab("solve " + instance + " --json --method " + method);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    result = parse_json_text(r.out, "stdout");
  }
  std::pair<int, std::string> verify(const Json& doc) const {
    const auto v = run_equilab("verify " + instance + " " + dir.write("result.json", doc.dump()));
    return {v.exit_code, v.out + v.err};
  }
};

#define EXPECT_VERIFY(solved, doc, code, text)                                                       \
  do {                                                                                               \
    const auto [exit_code, output] = (solved).verify(doc);                                           \
    EXPECT_EQ(exit_code, code) << output;                                                            \
    EXPECT_NE(output.find(text), std::string::npos) << "expected \"" << text << "\" in\n" << output; \
  } while (0)

TEST(InterimResultFields, UnchangedResultsVerify) {
  for (const auto& [text, method, status] : {std::tuple{table_2(), "lp", "feasible"},
                                             {table_2(), "greedy", "feasible"},
                                             {table_2(), "border", "border_satisfied"},
                                             {knapsack_gap(), "lp", "infeasible"},
                                             {knapsack_gap(), "border", "border_satisfied"},
                                             {kOverAllocated, "border", "infeasible"},
                                             {kOverAllocated, "greedy", "infeasible"}}) {
    Solved s(text, method);
    EXPECT_EQ(s.result.at("status"), status) << method;
    EXPECT_EQ(s.verify(s.result).first, 0) << method << "\n" << s.result.dump(1);
  }
}

// A weaker status over the evidence of a stronger one was accepted: "feasible" relabelled
// "border_satisfied" (every test set holds when Q is feasible) or "inconclusive" (nothing was
// checked). Evidence of another status now contradicts the status; inconclusive certifies nothing.
TEST(InterimResultFields, StatusMatchesItsEvidence) {
  Solved lp(table_2(), "lp");
  Json doc = lp.result;
  doc["status"] = "border_satisfied";
  EXPECT_VERIFY(lp, doc, 1, "a border_satisfied result carries ex post lotteries");
  doc["status"] = "inconclusive";
  EXPECT_VERIFY(lp, doc, 1, "an inconclusive result decides nothing");
  Solved border(knapsack_gap(), "border");
  doc = border.result;
  doc["status"] = "inconclusive";
  EXPECT_VERIFY(border, doc, 1, "an inconclusive result decides nothing");
}

// "outcomes" (|X|) was never checked.
TEST(InterimResultFields, OutcomeCountIsRecounted) {
  Solved lp(table_2(), "lp");
  EXPECT_EQ(lp.result.at("outcomes"), 6);
  Json doc = lp.result;
  doc["outcomes"] = 7;
  EXPECT_VERIFY(lp, doc, 1, "the result says |X| = 7, X has 6 outcomes");
}

// The claims a method states were optional: an lp result without border_max (or without its
// weighted values, or without |X|), a greedy result without its weighted values, a result without
// "arith" or "method" was accepted.
TEST(InterimResultFields, EachMethodStatesItsClaims) {
  Solved lp(table_2(), "lp");
  Json doc = lp.result;
  doc.erase("weighted");
  EXPECT_VERIFY(lp, doc, 1, "a certificate of border_max, but the result states no weighted values");
  doc.at("certificate").erase("border_max");
  EXPECT_VERIFY(lp, doc, 2, "missing required field \"weighted\"");
  doc = lp.result;
  doc.at("weighted").erase("border_max");
  doc.at("certificate").erase("border_max");
  EXPECT_VERIFY(lp, doc, 2, "missing required field \"border_max\"");
  for (const char* key : {"outcomes", "arith", "method", "certificate"}) {
    doc = lp.result;
    doc.erase(key);
    EXPECT_VERIFY(lp, doc, 2, std::string("missing required field \"") + key + "\"");
  }
  Solved greedy(table_2(), "greedy");
  doc = greedy.result;
  doc.erase("weighted");
  EXPECT_VERIFY(greedy, doc, 2, "missing required field \"weighted\"");
  doc = greedy.result;
  doc["method"] = "simplex";
  EXPECT_VERIFY(greedy, doc, 2, "unknown method \"simplex\"");
}

// A border_max that differs from its certificate or comes without one, a name the instance lacks,
// a profile or member listed twice were exit 2 (bad input); they are readable results that
// contradict something: exit 1.
TEST(InterimResultFields, ContradictionsAreInvalidNotBadInput) {
  Solved lp(knapsack_gap(), "lp");
  Json doc = lp.result;
  doc["weighted"]["border_max"] = "5";
  EXPECT_VERIFY(lp, doc, 1, "border_max 5 differs from the certificate's border_max value 4");
  doc = lp.result;
  doc.at("certificate").erase("border_max");
  EXPECT_VERIFY(lp, doc, 1, "border_max is stated without its certificate");
  doc = lp.result;
  doc.at("weighted").erase("border_max");
  EXPECT_VERIFY(lp, doc, 1, "a certificate of border_max, but /weighted states no border_max");

  Solved feasible(table_2(), "lp");
  doc = feasible.result;
  doc["certificate"]["ex_post"].push_back(doc["certificate"]["ex_post"][0]);
  EXPECT_VERIFY(feasible, doc, 1, "the profile is listed twice");
  doc = feasible.result;
  doc["certificate"]["ex_post"][0]["profile"]["1"] = "t9";
  EXPECT_VERIFY(feasible, doc, 1, "unknown type \"t9\"");

  Solved border(kOverAllocated, "border");
  doc = border.result;
  doc["certificate"]["test_set"]["members"][0]["player"] = "7";
  EXPECT_VERIFY(border, doc, 1, "unknown player \"7\"");
  doc = border.result;
  doc["certificate"]["test_set"]["members"][1] = doc["certificate"]["test_set"]["members"][0];
  EXPECT_VERIFY(border, doc, 1, "is listed twice");
  // What cannot be read stays bad input.
  doc = border.result;
  doc["certificate"]["test_set"]["side"] = "above";
  EXPECT_VERIFY(border, doc, 2, "side must be");
}

}  // namespace
}  // namespace equilab
