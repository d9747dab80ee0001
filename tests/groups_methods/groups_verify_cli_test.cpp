// `equilab verify` on groups results, end to end: a floating-point result (--arith double) is
// measured, never certified (exit 1, the largest violation of each condition exactly and in
// decimal); a readable result that contradicts itself is invalid (exit 1), an unreadable one bad
// input (exit 2).
#include <gtest/gtest.h>

#include "cli/run_command.h"
#include "core/json.h"

namespace equilab {
namespace {

using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;

// Wang §2.4.2 (the README's example): welfare 6, u = (0, 9/2, 3/2) unique.
const char* kWang242 = R"({"model":"groups","version":1,"name":"wang-2.4.2",
 "types":[{"name":"1","mass":"1"},{"name":"2","mass":"1"},{"name":"3","mass":"1"}],
 "min_size":2,"max_size":3,
 "value":{"kind":"table","default":"0","groups":[{"group":["1","2","2"],"value":"9"},
   {"group":["3","3","3"],"value":"4"},{"group":["1","2"],"value":"2"},{"group":["3","3"],"value":"3"}]}})";

TEST(GroupsVerifyCli, DoubleResultsAreMeasuredNotCertified) {
  ScratchDir dir;
  const std::string instance = dir.write("w.json", kWang242);
  const auto solved = run_equilab("solve " + instance + " --arith double --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const Json result = parse_json_text(solved.out, "stdout");
  ASSERT_EQ(result.at("arith"), "double");
  const auto v = run_equilab("verify " + instance + " " + dir.write("r.json", solved.out));
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("a floating-point result is measured, not certified"), std::string::npos) << v.out;
  for (const char* condition :
       {"consistency |Σ_G G(i)τ(G) − μ(i)|: ", "welfare |Σ_i u(i)μ(i) − W|: ",
        "no blocking group: largest ρ(G)", "range multipliers |Σ_G x_G s(G) + tW − (±bound)|: "})
    EXPECT_NE(v.out.find(condition), std::string::npos) << condition << "\n" << v.out;
  // The welfare lp_solve reports is 6 rounded to a double, not 6: relabelled exact, the same
  // numbers are decided exactly, and rejected.
  ASSERT_NE(result.at("welfare"), "6");
  Json as_exact = result;
  as_exact["arith"] = "exact";
  const auto e = run_equilab("verify " + instance + " " + dir.write("e.json", as_exact.dump()));
  EXPECT_EQ(e.exit_code, 1) << e.out << e.err;
  EXPECT_EQ(e.out.find("measured"), std::string::npos) << e.out;
}

TEST(GroupsVerifyCli, ContradictionsExitOneUnreadableResultsExitTwo) {
  ScratchDir dir;
  const std::string instance = dir.write("w.json", kWang242);
  const auto solved = run_equilab("solve " + instance + " --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const Json result = parse_json_text(solved.out, "stdout");
  auto verify = [&](const Json& doc) {
    return run_equilab("verify " + instance + " " + dir.write("c.json", doc.dump()));
  };
  Json d = result;
  d["imputation_range"]["2"] = {"4", "9/2"};  // the certificate proves [9/2, 9/2]
  auto v = verify(d);
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("/imputation_range/2: imputation_range of type \"2\" differs from the certificate "
                       "bounds [9/2, 9/2]"),
            std::string::npos)
      << v.out;
  d = result;
  d["certificate"]["imputation"]["2"] = "4";
  v = verify(d);
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("certificate imputation differs from the top-level imputation"), std::string::npos)
      << v.out;
  d = result;
  d["assignment"][0]["group"] = {"nobody", "1"};
  v = verify(d);
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("unknown type \"nobody\""), std::string::npos) << v.out;
  d = result;
  d.erase("welfare");
  v = verify(d);
  EXPECT_EQ(v.exit_code, 2) << v.out << v.err;
  EXPECT_NE(v.err.find("missing required field \"welfare\""), std::string::npos) << v.err;
}

}  // namespace
}  // namespace equilab
