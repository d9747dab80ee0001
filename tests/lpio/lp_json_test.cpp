// The "lp" JSON instance format: exact numbers, bad input located by file and pointer, round trip.
#include "lp/json_io.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::lp {
namespace {

const std::string kDataDir = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/lp/";

LpModel parse(const std::string& text, const std::string& name = "inline.json") {
  Json root = parse_json_text(text, name);
  return read_lp_json(JsonNode(root, name));
}

// A one-variable document with `value` (raw JSON text) as the objective coefficient of x.
std::string with_objective(const std::string& value) {
  return R"({"model":"lp","version":1,"sense":"min","variables":[{"name":"x"}],"objective":{"x":)" + value + "}}";
}

TEST(LpJson, ReadsTheTextbookFile) {
  LpModel m = read_lp_file(kDataDir + "small.json");
  EXPECT_EQ(m.sense, Sense::Maximize);
  ASSERT_EQ(m.num_vars(), 2);
  EXPECT_EQ(m.variables[0].name, "x");
  EXPECT_EQ(m.variables[0].lower, Rational(0));  // absent lower = 0
  EXPECT_FALSE(m.variables[0].upper);            // absent upper = +inf
  EXPECT_FALSE(m.variables[1].upper);            // null upper = +inf
  EXPECT_EQ(m.objective, (std::vector<Rational>{3, 5}));
  ASSERT_EQ(m.num_rows(), 3);
  EXPECT_EQ(m.constraints[2].name, "c3");
  EXPECT_EQ(m.constraints[2].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[2].rhs, Rational(18));
  std::vector<std::pair<int, Rational>> row3 = {{0, Rational(3)}, {1, Rational(2)}};
  EXPECT_EQ(m.constraints[2].coef, row3);
}

TEST(LpJson, NumbersAreExact) {
  EXPECT_EQ(parse(with_objective(R"("0.1")")).objective[0], Rational(1, 10));
  EXPECT_EQ(parse(with_objective(R"("1e-3")")).objective[0], Rational(1, 1000));
  EXPECT_EQ(parse(with_objective(R"("-6/4")")).objective[0], Rational(-3, 2));
  EXPECT_EQ(parse(with_objective("7")).objective[0], Rational(7));
  EXPECT_EQ(parse(with_objective(R"("123456789012345678901234567890")")).objective[0],
            Rational(Integer("123456789012345678901234567890")));
}

TEST(LpJson, UnquotedNonIntegersAreRejected) {
  for (const char* value : {"0.1", "1e400", "123456789012345678901234567890"}) {
    try {
      parse(with_objective(value));
      ADD_FAILURE() << value << " was accepted";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("inline.json"), std::string::npos) << e.what();
      if (std::string(value) != "1e400") {  // 1e400 may already fail as JSON syntax
        EXPECT_NE(std::string(e.what()).find("quote"), std::string::npos) << e.what();
      }
    }
  }
}

TEST(LpJson, LowerNullIsMinusInfinity) {
  LpModel m = parse(R"({"model":"lp","version":1,"sense":"min",
      "variables":[{"name":"x","lower":null,"upper":"2"},{"name":"y","lower":"-1/3"}]})");
  EXPECT_FALSE(m.variables[0].lower);
  EXPECT_EQ(m.variables[0].upper, Rational(2));
  EXPECT_EQ(m.variables[1].lower, Rational(-1, 3));
  EXPECT_EQ(m.objective, (std::vector<Rational>{0, 0}));  // objective omitted: all zero
  EXPECT_EQ(m.num_rows(), 0);
}

TEST(LpJson, RowsAreNormalized) {
  LpModel m = parse(R"({"model":"lp","version":1,"sense":"min",
      "variables":[{"name":"x"},{"name":"y"}],
      "constraints":[{"name":"r","coef":{"y":"2","x":"0"},"op":"=","rhs":"1"}]})");
  std::vector<std::pair<int, Rational>> expected = {{1, Rational(2)}};
  EXPECT_EQ(m.constraints[0].coef, expected);
  EXPECT_EQ(m.constraints[0].op, RowOp::Equal);
}

struct BadCase {
  const char* file;
  const char* pointer;
  const char* reason;
};

TEST(LpJson, BadInputNamesFileAndPointer) {
  const BadCase cases[] = {
      {"bad_unknown_field.json", "/variables/0/lowr", "unknown field \"lowr\""},
      {"bad_unknown_top_field.json", "/comment", "unknown field"},
      {"bad_coef_var.json", "/constraints/0/coef/z", "unknown variable \"z\""},
      {"bad_objective_var.json", "/objective/z", "unknown variable \"z\""},
      {"bad_duplicate_var.json", "/variables/1/name", "duplicate variable name \"x\""},
      {"bad_duplicate_row.json", "/constraints/1/name", "duplicate constraint name \"c1\""},
      {"bad_op.json", "/constraints/0/op", "unknown op \"<\""},
      {"bad_float.json", "/constraints/0/rhs", "quote"},
      {"bad_huge_int.json", "/objective/x", "quote"},
      {"bad_bounds.json", "/variables/0", "inconsistent bounds: lower 3 > upper 1"},
      {"bad_empty_var_name.json", "/variables/1/name", "empty name"},
      {"bad_empty_row_name.json", "/constraints/0/name", "empty name"},
      {"bad_sense.json", "/sense", "sense must be"},
      {"bad_version.json", "/version", "unsupported version 2"},
      {"bad_model.json", "/model", "\"lp\""},
      {"bad_number_text.json", "/constraints/0/coef/x", "zero denominator"},
      {"bad_missing_rhs.json", "/constraints/0", "missing required field \"rhs\""},
  };
  for (const BadCase& c : cases) {
    const std::string path = kDataDir + c.file;
    try {
      read_lp_file(path);
      ADD_FAILURE() << c.file << " was accepted";
    } catch (const InputError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find(path), std::string::npos) << what;
      EXPECT_EQ(e.location(), c.pointer) << what;
      EXPECT_NE(what.find(c.reason), std::string::npos) << what;
    }
  }
}

TEST(LpJson, HugeExponentIsAnInputError) {
  const std::string path = kDataDir + "bad_1e400.json";
  try {
    read_lp_file(path);
    ADD_FAILURE() << "1e400 accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(LpJson, MissingFileIsAnInputError) {
  EXPECT_THROW(read_lp_file(kDataDir + "no_such_file.json"), InputError);
}

TEST(LpJson, RoundTrip) {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {{"a", Rational(-5, 2), Rational(7)}, {"b", std::nullopt, std::nullopt}, {"c", Rational(0), std::nullopt},
                 {"d/e~f", Rational(1, 3), Rational(1, 3)}};
  m.objective = {Rational(1, 10), Rational(0), Rational(-3), Rational(2)};
  m.constraints = {{"r1", {{0, Rational(1)}, {3, Rational(-2, 7)}}, RowOp::GreaterEqual, Rational(-1)},
                   {"r2", {{1, Rational(4)}}, RowOp::Equal, Rational(0)},
                   {"r3", {}, RowOp::LessEqual, Rational(9, 4)}};
  Json text = write_lp_json(m);
  std::string dumped = text.dump();
  EXPECT_EQ(dumped.find("0.1"), std::string::npos);  // numbers are written as fractions
  Json again = parse_json_text(dumped, "roundtrip.json");
  LpModel back = read_lp_json(JsonNode(again, "roundtrip.json"));
  EXPECT_EQ(back.sense, m.sense);
  ASSERT_EQ(back.num_vars(), m.num_vars());
  for (int j = 0; j < m.num_vars(); ++j) {
    EXPECT_EQ(back.variables[j].name, m.variables[j].name);
    EXPECT_EQ(back.variables[j].lower, m.variables[j].lower);
    EXPECT_EQ(back.variables[j].upper, m.variables[j].upper);
  }
  EXPECT_EQ(back.objective, m.objective);
  ASSERT_EQ(back.num_rows(), m.num_rows());
  for (int i = 0; i < m.num_rows(); ++i) {
    EXPECT_EQ(back.constraints[i].name, m.constraints[i].name);
    EXPECT_EQ(back.constraints[i].coef, m.constraints[i].coef);
    EXPECT_EQ(back.constraints[i].op, m.constraints[i].op);
    EXPECT_EQ(back.constraints[i].rhs, m.constraints[i].rhs);
  }
  // Lower bounds are written explicitly: 0 as "0", -infinity as null.
  EXPECT_EQ(text["variables"][2]["lower"], Json("0"));
  EXPECT_TRUE(text["variables"][1]["lower"].is_null());
  EXPECT_FALSE(text["variables"][1].contains("upper"));
}

}  // namespace
}  // namespace equilab::lp
