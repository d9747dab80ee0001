// A floating-point LP result is measured, not certified (verify/lp_measures.h): the exact measures
// of a hand-written double result against values computed by hand, the decimal form, a generated LP
// solved with --arith double, and an exact result from another program that is slightly wrong.
#include "verify/lp_measures.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cli/run_command.h"
#include "core/json.h"
#include "lp/json_io.h"

namespace equilab::verify {
namespace {

using testing::run_equilab;
using testing::ScratchDir;

// max x1 + x2 s.t. r1: 3x1 + 2x2 <= 1, r2: 2x1 + 3x2 <= 1, x >= 0. Exact optimum x = y = (1/5, 1/5),
// value 2/5.
const std::string kTwoByTwo = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x1"},{"name":"x2"}],
 "objective":{"x1":"1","x2":"1"},
 "constraints":[{"name":"r1","coef":{"x1":"3","x2":"2"},"op":"<=","rhs":"1"},
                {"name":"r2","coef":{"x1":"2","x2":"3"},"op":"<=","rhs":"1"}]})";

// A double result of it, by hand. a = fl(0.2) = 3602879701896397/2^54: 5·3602879701896397 =
// 2^54 + 1, so a = 1/5 + 1/(5·2^54). x1 = x2 = a; y1 = a, y2 = a − 2^-55 (the double below 0.2:
// doubles in [1/8, 1/4) are 2^-55 apart); objective = the double after fl(0.4) = 2a, i.e.
// 2a + 2^-54 = 7205759403792795/2^54; reduced costs printed as 0.
//   rows: 3a + 2a = 5a = 1 + 2^-54 > 1: both rows are violated by 2^-54.
//   d1 = 1 − 3a − 2(a − 2^-55) = 1 − 5a + 2^-54 = 0;
//   d2 = 1 − 2a − 3(a − 2^-55) = 1 − 5a + 3·2^-55 = 2^-55 > 0 in a max problem with no upper bound
//        on x2: dual infeasibility 2^-55, and the reported 0 is 2^-55 off.
//   gap: c·x = 2a, y·b = 2a − 2^-55, no finite-bound term: 2^-55.
//   objective error: 2^-54.
const std::string kA = "3602879701896397/18014398509481984";
const std::string kAMinus = "7205759403792793/36028797018963968";
const std::string kDoubleResult =
    R"({"model":"lp","method":"some-double-solver","arith":"double","status":"optimal",
 "objective":"7205759403792795/18014398509481984",
 "primal":{"x1":")" +
    kA + R"(","x2":")" + kA + R"("},
 "dual":{"r1":")" +
    kA + R"(","r2":")" + kAMinus + R"("},
 "reduced_costs":{"x1":"0","x2":"0"},
 "certificate":{"primal":{"x1":")" +
    kA + R"(","x2":")" + kA + R"("},
                "dual":{"r1":")" +
    kA + R"(","r2":")" + kAMinus + R"("}}})";

const Rational k2to54(Integer(1), Integer(1) << 54), k2to55(Integer(1), Integer(1) << 55);

const LpMeasure* find(const LpMeasures& m, const std::string& prefix) {
  for (const LpMeasure& x : m.measures)
    if (x.name.rfind(prefix, 0) == 0) return &x;
  return nullptr;
}

TEST(LpMeasures, HandWrittenDoubleResult) {
  Json inst = parse_json_text(kTwoByTwo, "two.json"), res = parse_json_text(kDoubleResult, "two_result.json");
  const lp::LpModel model = lp::read_lp_json(JsonNode(inst, "two.json"));
  const lp::ResultToVerify read = lp::read_result_to_verify(model, JsonNode(res, "two_result.json"));
  EXPECT_FALSE(read.exact);
  const LpMeasures m = measure_lp_result(model, read.solution);
  EXPECT_TRUE(m.missing.empty());
  const LpMeasure* primal = find(m, "largest primal infeasibility");
  const LpMeasure* dual = find(m, "largest dual infeasibility");
  const LpMeasure* gap = find(m, "duality gap");
  const LpMeasure* objective = find(m, "objective error");
  const LpMeasure* reduced = find(m, "largest error of the reported reduced costs");
  ASSERT_TRUE(primal && dual && gap && objective && reduced);
  EXPECT_EQ(primal->value, k2to54);
  EXPECT_EQ(primal->where, "row \"r1\"");  // r2 ties; the first is named
  EXPECT_EQ(dual->value, k2to55);
  EXPECT_EQ(dual->where, "the reduced cost of variable \"x2\" (no finite upper bound)");
  EXPECT_EQ(gap->value, k2to55);
  EXPECT_NE(gap->note.find("left out"), std::string::npos);
  EXPECT_EQ(objective->value, k2to54);
  EXPECT_EQ(reduced->value, k2to55);
  EXPECT_EQ(reduced->where, "variable \"x2\"");
}

TEST(LpMeasures, VerifySaysMeasuredNotCertified) {
  ScratchDir dir;
  const std::string inst = dir.write("two.json", kTwoByTwo);
  const std::string res = dir.write("two_result.json", kDoubleResult);
  const auto v = run_equilab("verify " + inst + " " + res);
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_NE(v.out.find("a floating-point result is measured, not certified"), std::string::npos) << v.out;
  for (const std::string line :
       {"largest primal infeasibility (bounds and rows): 1/18014398509481984 (5.55e-17) at row \"r1\"",
        "largest dual infeasibility (signs and reduced costs): 1/36028797018963968 (2.78e-17) at the reduced "
        "cost of "
        "variable \"x2\" (no finite upper bound)",
        "duality gap |c·x − (y·b + Σ d_j·bound_j)|: 1/36028797018963968 (2.78e-17)",
        "objective error |objective − c·x|: 1/18014398509481984 (5.55e-17)"})
    EXPECT_NE(v.out.find(line), std::string::npos) << line << "\n" << v.out;
  EXPECT_NE(v.out.find("certificate INVALID"), std::string::npos) << v.out;
}

// The same numbers labelled "exact" are a wrong exact result: the conditions that fail are listed
// and the same measures printed.
TEST(LpMeasures, SlightlyWrongExactResultFromAnotherProgram) {
  ScratchDir dir;
  const std::string inst = dir.write("two.json", kTwoByTwo);
  Json doc = parse_json_text(kDoubleResult, "r");
  doc["arith"] = "exact";
  const auto v = run_equilab("verify " + inst + " " + dir.write("exact.json", doc.dump()));
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  EXPECT_EQ(v.out.find("floating-point"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("row \"r1\": activity 18014398509481985/18014398509481984 violates <= 1"),
            std::string::npos)
      << v.out;
  EXPECT_NE(v.out.find("largest primal infeasibility (bounds and rows): 1/18014398509481984 (5.55e-17)"),
            std::string::npos)
      << v.out;

  // Wyndor (optimum 36 at (2, 6), duals (0, 3/2, 1)) with x1 off by 10^-12 in the top-level primal
  // and its certificate copy: plant3 3x1 + 2x2 = 18 + 3·10^-12; c·x = 36 + 3·10^-12; y·b = 36.
  const std::string wyndor = dir.write("wyndor.json", R"({"model":"lp","version":1,"sense":"max",
   "variables":[{"name":"x1"},{"name":"x2"}],"objective":{"x1":"3","x2":"5"},
   "constraints":[{"name":"plant1","coef":{"x1":"1"},"op":"<=","rhs":"4"},
                  {"name":"plant2","coef":{"x2":"2"},"op":"<=","rhs":"12"},
                  {"name":"plant3","coef":{"x1":"3","x2":"2"},"op":"<=","rhs":"18"}]})");
  const std::string off = R"({"x1":"2000000000001/1000000000000","x2":"6"})";
  const std::string dual = R"({"plant1":"0","plant2":"3/2","plant3":"1"})";
  const std::string result =
      R"({"model":"lp","method":"other","arith":"exact","status":"optimal","objective":"36",
   "primal":)" +
      off + R"(,"dual":)" + dual + R"(,"reduced_costs":{"x1":"0","x2":"0"},
   "certificate":{"primal":)" +
      off + R"(,"dual":)" + dual + "}}";
  const auto w = run_equilab("verify " + wyndor + " " + dir.write("wyndor_result.json", result));
  EXPECT_EQ(w.exit_code, 1) << w.out << w.err;
  for (const std::string line :
       {"largest primal infeasibility (bounds and rows): 3/1000000000000 (3e-12) at row \"plant3\"",
        "largest dual infeasibility (signs and reduced costs): 0 (0)",
        "duality gap |c·x − (y·b + Σ d_j·bound_j)|: 3/1000000000000 (3e-12)",
        "objective error |objective − c·x|: 3/1000000000000 (3e-12)"})
    EXPECT_NE(w.out.find(line), std::string::npos) << line << "\n" << w.out;
}

// A generated LP solved in double by both methods: every measure is reported, and every one is
// tiny (the doubles are close to an exact optimum, not equal to it).
TEST(LpMeasures, GeneratedLpSolvedInDouble) {
  ScratchDir dir;
  const auto gen = run_equilab("generate lp --seed 5 --vars 8 --cons 6");
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  const std::string inst = dir.write("gen.json", gen.out);
  const std::regex value(R"(: (-?[0-9]+(/[0-9]+)?) \()");
  for (const std::string method : {"lpsolve-repair", "exact-simplex"}) {
    const auto s = run_equilab("solve " + inst + " --arith double --json --method " + method);
    ASSERT_EQ(s.exit_code, 0) << s.err;
    ASSERT_EQ(parse_json_text(s.out, "r").at("status"), "optimal") << s.out;
    const auto v = run_equilab("verify " + inst + " " + dir.write("double.json", s.out));
    EXPECT_EQ(v.exit_code, 1) << method << ": " << v.out << v.err;
    EXPECT_NE(v.out.find("measured, not certified"), std::string::npos) << v.out;
    for (const std::string name :
         {"largest primal infeasibility", "largest dual infeasibility", "duality gap", "objective error"}) {
      const auto at = v.out.find(name);
      ASSERT_NE(at, std::string::npos) << name << "\n" << v.out;
      const std::string line = v.out.substr(at, v.out.find('\n', at) - at);
      std::smatch m;
      ASSERT_TRUE(std::regex_search(line, m, value)) << line;
      EXPECT_LT(abs(parse_rational(m[1].str())), Rational(1, 1'000'000'000)) << method << ": " << line;
    }
  }
}

// The decimal beside each exact value: three significant digits, computed exactly.
TEST(LpMeasures, DecimalForm) {
  EXPECT_EQ(measure_decimal(Rational(3, 1125899906842624)), "2.66e-15");  // 3/2^50 = 2.6645...e-15
  EXPECT_EQ(measure_decimal(0), "0");
  EXPECT_EQ(measure_decimal(Rational(1, 2)), "0.5");
  EXPECT_EQ(measure_decimal(Rational(1, 3)), "0.333");
  EXPECT_EQ(measure_decimal(Rational(-2, 3)), "-0.667");
  EXPECT_EQ(measure_decimal(-5), "-5");
  EXPECT_EQ(measure_decimal(Rational(12345)), "1.23e+04");
  EXPECT_EQ(measure_decimal(Rational(1234, 10'000'000)), "0.000123");
  EXPECT_EQ(measure_decimal(Rational(9996, 10)), "1e+03");  // 999.6 rounds up into a fourth digit
  EXPECT_EQ(measure_decimal(Rational(99949, 100)), "999");
  EXPECT_EQ(measure_decimal(Rational(Integer(1), boost::multiprecision::pow(Integer(10), 400))), "1e-400");
  EXPECT_EQ(measure_text(Rational(3, 1125899906842624)), "3/1125899906842624 (2.66e-15)");
}

}  // namespace
}  // namespace equilab::verify
