// What `equilab verify` requires of an lp result (README "Result fields", verify/lp_fields.cpp),
// through the command: every claim is checked or required, evidence of another status contradicts
// the status, and what contradicts the certificate, itself or the instance is exit 1, not 2.
// Each case below was accepted (exit 0) or misfiled as bad input (exit 2) before.
#include <gtest/gtest.h>

#include <string>

#include "cli/run_command.h"
#include "core/json.h"

namespace equilab {
namespace {

using testing::run_equilab;
using testing::ScratchDir;

// Hillier–Lieberman's Wyndor Glass problem: optimum 36 at (2, 6) with shadow prices (0, 3/2, 1).
const std::string kWyndor = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x1"},{"name":"x2"}],"objective":{"x1":"3","x2":"5"},
 "constraints":[{"name":"plant1","coef":{"x1":"1"},"op":"<=","rhs":"4"},
                {"name":"plant2","coef":{"x2":"2"},"op":"<=","rhs":"12"},
                {"name":"plant3","coef":{"x1":"3","x2":"2"},"op":"<=","rhs":"18"}]})";
// Infeasible: x + y <= 1 and x + y >= 2.
const std::string kInfeasible = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x"},{"name":"y"}],"objective":{"x":"1"},
 "constraints":[{"name":"low","coef":{"x":"1","y":"1"},"op":"<=","rhs":"1"},
                {"name":"high","coef":{"x":"1","y":"1"},"op":">=","rhs":"2"}]})";
// Unbounded: max x + y with x − y <= 1.
const std::string kUnbounded = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x"},{"name":"y"}],"objective":{"x":"1","y":"1"},
 "constraints":[{"name":"r","coef":{"x":"1","y":"-1"},"op":"<=","rhs":"1"}]})";

struct Solved {
  ScratchDir dir;
  std::string instance;
  Json result;
  Solved(const std::string& text, const std::string& method = "lpsolve-repair") {
    instance = dir.write("instance.json", text);
    const auto r = run_equilab("solve " + instance + " --json --method " + method);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    result = parse_json_text(r.out, "stdout");
  }
  // verify of `doc`: exit code and stdout + stderr.
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

TEST(LpResultFields, UnchangedResultsVerify) {
  for (const std::string& text : {kWyndor, kInfeasible, kUnbounded})
    for (const char* method : {"lpsolve-repair", "exact-simplex"}) {
      Solved s(text, method);
      EXPECT_EQ(s.verify(s.result).first, 0) << s.result.dump(1);
    }
}

// An exact result relabelled "double" was accepted: verify ignored "arith".
TEST(LpResultFields, ArithIsAClaim) {
  Solved s(kWyndor);
  Json doc = s.result;
  doc["arith"] = "double";
  EXPECT_VERIFY(s, doc, 1, "measured, not certified");
  EXPECT_VERIFY(s, doc, 1, "happen to meet every condition exactly");
  doc.erase("arith");
  EXPECT_VERIFY(s, doc, 2, "missing required field \"arith\"");
}

// The answer's fields were optional: a result without its top-level primal, dual or reduced costs
// (or without a certificate) was accepted.
TEST(LpResultFields, TheAnswerOfEachStatusIsRequired) {
  Solved s(kWyndor);
  for (const char* key : {"primal", "dual", "reduced_costs", "certificate"}) {
    Json doc = s.result;
    doc.erase(key);
    EXPECT_VERIFY(s, doc, 2, std::string("missing required field \"") + key + "\"");
  }
  Solved u(kUnbounded);
  Json doc = u.result;
  doc.erase("primal");
  EXPECT_VERIFY(u, doc, 2, "missing required field \"primal\" of an unbounded result");
}

// A field of another status's answer was read and ignored (an infeasible result could state an
// unchecked "optimal" point) or silently accepted; it now contradicts the status.
TEST(LpResultFields, AnotherStatusesFieldsContradictTheStatus) {
  Solved inf(kInfeasible);
  Json doc = inf.result;
  doc["primal"] = {{"x", "1"}, {"y", "0"}};
  EXPECT_VERIFY(inf, doc, 1, "an infeasible result has no primal");
  doc = inf.result;
  doc["objective"] = "1";
  EXPECT_VERIFY(inf, doc, 1, "an infeasible result has no objective");

  Solved unb(kUnbounded);
  doc = unb.result;
  doc["dual"] = {{"r", "1"}};
  EXPECT_VERIFY(unb, doc, 1, "an unbounded result has no dual");

  Solved opt(kWyndor);
  doc = opt.result;
  doc["certificate"]["ray"] = {{"x1", "1"}, {"x2", "0"}};
  EXPECT_VERIFY(opt, doc, 1, "an optimal result has no ray");
  doc = opt.result;
  doc["status"] = "infeasible";
  EXPECT_VERIFY(opt, doc, 1, "an infeasible result has no");
}

// A copy that differs from the certificate and a name the instance lacks were exit 2 (bad input);
// both are readable results that contradict something: exit 1.
TEST(LpResultFields, ContradictionsAreInvalidNotBadInput) {
  Solved s(kWyndor);
  Json doc = s.result;
  doc["primal"]["x1"] = "3";
  EXPECT_VERIFY(s, doc, 1, "certificate primal differs from the top-level primal");
  doc = s.result;
  doc["certificate"]["dual"]["plant3"] = "2";
  EXPECT_VERIFY(s, doc, 1, "certificate dual differs from the top-level dual");
  doc = s.result;
  doc["reduced_costs"]["x3"] = "0";
  EXPECT_VERIFY(s, doc, 1, "unknown variable \"x3\"");
  // What cannot be read stays bad input.
  doc = s.result;
  doc["status"] = "solved";
  EXPECT_VERIFY(s, doc, 2, "unknown status");
  doc = s.result;
  doc["dual"].erase("plant2");
  EXPECT_VERIFY(s, doc, 2, "missing entry for row \"plant2\"");
}

}  // namespace
}  // namespace equilab
