// End-to-end tests of the `equilab` command on "lp" instances.
#include "run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace equilab::testing {
namespace {

using nlohmann::json;

const std::string kWyndor = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x1"},{"name":"x2"}],
 "objective":{"x1":"3","x2":"5"},
 "constraints":[{"name":"plant1","coef":{"x1":"1"},"op":"<=","rhs":"4"},
                {"name":"plant2","coef":{"x2":"2"},"op":"<=","rhs":"12"},
                {"name":"plant3","coef":{"x1":"3","x2":"2"},"op":"<=","rhs":"18"}]})";

// Hillier–Lieberman's Wyndor Glass problem: optimum 36 at (2, 6) with shadow prices (0, 3/2, 1).
TEST(LpCommand, SolvesAndVerifiesWyndor) {
  ScratchDir dir;
  const std::string inst = dir.write("wyndor.json", kWyndor);
  for (const char* method : {"lpsolve-repair", "exact-simplex"}) {
    CommandResult r = run_equilab("solve " + inst + " --json --method " + method);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json result = json::parse(r.out);
    EXPECT_EQ(result["status"], "optimal");
    EXPECT_EQ(result["arith"], "exact");
    EXPECT_EQ(result["objective"], "36");
    EXPECT_EQ(result["primal"]["x1"], "2");
    EXPECT_EQ(result["primal"]["x2"], "6");
    EXPECT_EQ(result["dual"]["plant1"], "0");
    EXPECT_EQ(result["dual"]["plant2"], "3/2");
    EXPECT_EQ(result["dual"]["plant3"], "1");
    const std::string res = dir.write(std::string("result_") + method + ".json", r.out);
    CommandResult v = run_equilab("verify " + inst + " " + res);
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  }
}

TEST(LpCommand, CorruptedCertificateIsRejected) {
  ScratchDir dir;
  const std::string inst = dir.write("wyndor.json", kWyndor);
  CommandResult r = run_equilab("solve " + inst + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json result = json::parse(r.out);
  // A wrong answer: the top-level values and the certificate's copies both changed.
  json bad_dual = result;
  bad_dual["certificate"]["dual"]["plant3"] = bad_dual["dual"]["plant3"] = "-1";
  json bad_primal = result;
  bad_primal["certificate"]["primal"]["x1"] = bad_primal["primal"]["x1"] = "5";
  json bad_objective = result;
  bad_objective["objective"] = "37";
  for (const auto& [name, doc] : {std::pair{"dual", bad_dual}, {"primal", bad_primal}, {"objective", bad_objective}}) {
    const std::string res = dir.write(std::string("bad_") + name + ".json", doc.dump());
    CommandResult v = run_equilab("verify " + inst + " " + res);
    EXPECT_EQ(v.exit_code, 1) << name << ": " << v.out << v.err;
    EXPECT_NE(v.out.find("INVALID"), std::string::npos) << v.out;
  }
}

TEST(LpCommand, InfeasibleAndUnboundedCarryCertificates) {
  ScratchDir dir;
  const std::string infeasible = dir.write("inf.json", R"({"model":"lp","version":1,"sense":"max",
    "variables":[{"name":"x"},{"name":"y"}],"objective":{"x":"1"},
    "constraints":[{"name":"low","coef":{"x":"1","y":"1"},"op":"<=","rhs":"1"},
                   {"name":"high","coef":{"x":"1","y":"1"},"op":">=","rhs":"2"}]})");
  const std::string unbounded = dir.write("unb.json", R"({"model":"lp","version":1,"sense":"max",
    "variables":[{"name":"x"},{"name":"y"}],"objective":{"x":"1","y":"1"},
    "constraints":[{"name":"r","coef":{"x":"1","y":"-1"},"op":"<=","rhs":"1"}]})");
  for (const auto& [inst, status, key] : {std::tuple{infeasible, "infeasible", "farkas"}, {unbounded, "unbounded", "ray"}}) {
    for (const char* method : {"lpsolve-repair", "exact-simplex"}) {
      CommandResult r = run_equilab("solve " + inst + " --json --method " + method);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      json result = json::parse(r.out);
      EXPECT_EQ(result["status"], status);
      EXPECT_TRUE(result["certificate"].contains(key)) << r.out;
      const std::string res = dir.write("res.json", r.out);
      EXPECT_EQ(run_equilab("verify " + inst + " " + res).exit_code, 0) << r.out;
    }
    EXPECT_EQ(run_equilab("crosscheck " + inst).exit_code, 0);
  }
}

TEST(LpCommand, DoubleArithmeticIsLabelled) {
  ScratchDir dir;
  const std::string inst = dir.write("wyndor.json", kWyndor);
  CommandResult r = run_equilab("solve " + inst + " --json --arith double --method exact-simplex");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["arith"], "double");
  CommandResult text = run_equilab("solve " + inst + " --arith double");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("floating point"), std::string::npos) << text.out;
}

TEST(LpCommand, ReadsMpsExactly) {
  ScratchDir dir;
  // max 3x + 5y written as min -3x - 5y; 0.1-scaled rows keep the numbers decimal.
  const std::string mps = dir.write("wyndor.mps",
                                    "NAME WYNDOR\n"
                                    "ROWS\n N obj\n L p1\n L p2\n L p3\n"
                                    "COLUMNS\n x1 obj -3 p1 0.1\n x1 p3 0.3\n x2 obj -5 p2 0.2\n x2 p3 0.2\n"
                                    "RHS\n rhs p1 0.4 p2 1.2\n rhs p3 1.8\n"
                                    "ENDATA\n");
  CommandResult r = run_equilab("solve " + mps + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json result = json::parse(r.out);
  EXPECT_EQ(result["objective"], "-36");
  // Shadow prices of the 0.1-scaled rows of a min problem: -(0, 3/2, 1) * 10.
  EXPECT_EQ(result["dual"]["p2"], "-15");
  EXPECT_EQ(result["dual"]["p3"], "-10");
}

TEST(LpCommand, GenerateIsDeterministicAndNeverOverwrites) {
  ScratchDir dir;
  CommandResult a = run_equilab("generate lp --seed 17 --vars 6 --cons 4 --kind degenerate");
  CommandResult b = run_equilab("generate lp --seed 17 --vars 6 --cons 4 --kind degenerate");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, run_equilab("generate lp --seed 18 --vars 6 --cons 4 --kind degenerate").out);
  const std::string existing = dir.write("keep.json", "precious");
  CommandResult c = run_equilab("generate lp --seed 1 --out " + existing);
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_EQ(read_file(existing), "precious");
  EXPECT_EQ(run_equilab("generate lp --seed 1 --kind sideways").exit_code, 2);
  // A generated instance solves and crosschecks.
  const std::string inst = dir.write("gen.json", a.out);
  EXPECT_EQ(run_equilab("crosscheck " + inst).exit_code, 0);
}

// Every kind of bad input: exit 2 and one message naming the file and the field.
TEST(LpCommand, BadInputNamesFileAndField) {
  ScratchDir dir;
  struct Case {
    const char* name;
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {"syntax", R"({"model":"lp",)", "invalid JSON"},
      {"unknown_var", R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x"}],"objective":{"x":"1"},
        "constraints":[{"name":"c","coef":{"z":"1"},"op":"<=","rhs":"1"}]})", "/constraints/0/coef/z"},
      {"duplicate", R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x"},{"name":"x"}],"objective":{},
        "constraints":[]})", "/variables/1"},
      {"op", R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x"}],"objective":{},
        "constraints":[{"name":"c","coef":{"x":"1"},"op":"<","rhs":"1"}]})", "/constraints/0/op"},
      {"float", R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x"}],"objective":{"x":0.1},
        "constraints":[]})", "/objective/x"},
      {"bounds", R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x","lower":"3","upper":"1"}],
        "objective":{},"constraints":[]})", "/variables/0"},
      {"unknown_field", R"({"model":"lp","version":1,"sense":"max","variables":[],"objective":{},"constraints":[],
        "colour":"red"})", "/colour"},
      {"model", R"({"model":"auction","version":1})", "/model"},
  };
  for (const auto& c : cases) {
    const std::string path = dir.write(std::string(c.name) + ".json", c.text);
    CommandResult r = run_equilab("solve " + path);
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.out << r.err;
    EXPECT_NE(r.err.find(path), std::string::npos) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find(c.field), std::string::npos) << c.name << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
  }
  CommandResult missing = run_equilab("solve " + (dir.path / "nope.json").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(run_equilab("solve").exit_code, 2);
  EXPECT_EQ(run_equilab("frobnicate").exit_code, 2);
}

TEST(LpCommand, ReproduceMatchesTheTextbookCatalog) {
  CommandResult r = run_equilab("reproduce --paper textbook --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  json table = json::parse(r.out);
  EXPECT_GE(table.size(), 8u);
  for (const auto& row : table) EXPECT_TRUE(row["ok"].get<bool>()) << row.dump();
}

}  // namespace
}  // namespace equilab::testing

namespace equilab::testing {
namespace {

TEST(LpCommand, ReproduceReportsMismatchAndErratum) {
  ScratchDir dir;
  const std::string instance =
      R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x","upper":"2"}],"objective":{"x":"3"},"constraints":[]})";
  dir.write("wrong.json", R"({"catalog":1,"paper":"p","reference":"r","section":"1","example":"wrong","instance":)" + instance +
                              R"(,"published":{"status":"optimal","objective":"5"}})");
  CommandResult r = run_equilab("reproduce --json --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("MISMATCH"), std::string::npos) << r.out;

  // The same published value with a corrected one (the true optimum 6) is a confirmed erratum.
  std::filesystem::remove(dir.path / "wrong.json");
  dir.write("erratum.json", R"({"catalog":1,"paper":"p","reference":"r","section":"1","example":"fixed","instance":)" +
                                instance +
                                R"(,"published":{"status":"optimal","objective":"5"},"corrected":{"status":"optimal","objective":"6"},"erratum":"5 is a typo"})");
  r = run_equilab("reproduce --json --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("erratum confirmed"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace equilab::testing
