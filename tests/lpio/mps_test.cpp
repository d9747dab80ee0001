// MPS reader: a hand-written file checked value by value, and located errors.
#include "lp/json_io.h"
#include "lp/mps.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace equilab::lp {
namespace {

const std::string kDataDir = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/lp/";

using Row = std::vector<std::pair<int, Rational>>;

LpModel parse(const std::string& text) {
  std::istringstream in(text);
  return read_mps(in, "inline.mps");
}

// Parses `text` expecting an InputError at `line` whose message contains `reason`.
void expect_error(const std::string& text, int line, const std::string& reason) {
  try {
    parse(text);
    ADD_FAILURE() << "accepted:\n" << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "inline.mps");
    EXPECT_EQ(e.location(), "line " + std::to_string(line)) << e.what();
    EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
  }
}

TEST(Mps, ReadsTheSmallFile) {
  LpModel m = read_lp_file(kDataDir + "small.mps");  // dispatch on the extension
  EXPECT_EQ(m.sense, Sense::Maximize);
  ASSERT_EQ(m.num_vars(), 4);
  EXPECT_EQ(m.variables[0].name, "x");
  EXPECT_EQ(m.variables[1].name, "y");
  EXPECT_EQ(m.variables[2].name, "z");
  EXPECT_EQ(m.variables[3].name, "w");
  // x: UP 5; y: MI; z: UP 1 -> [0,1]; w: FX 3
  EXPECT_EQ(m.variables[0].lower, Rational(0));
  EXPECT_EQ(m.variables[0].upper, Rational(5));
  EXPECT_FALSE(m.variables[1].lower);
  EXPECT_FALSE(m.variables[1].upper);
  EXPECT_EQ(m.variables[2].lower, Rational(0));
  EXPECT_EQ(m.variables[2].upper, Rational(1));
  EXPECT_EQ(m.variables[3].lower, Rational(3));
  EXPECT_EQ(m.variables[3].upper, Rational(3));
  // objective 3x - 1.25y; the second N row "other" is ignored
  EXPECT_EQ(m.objective, (std::vector<Rational>{3, Rational(-5, 4), 0, 0}));

  ASSERT_EQ(m.num_rows(), 5);
  // c1: x + 2y <= 4
  EXPECT_EQ(m.constraints[0].name, "c1");
  EXPECT_EQ(m.constraints[0].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[0].coef, (Row{{0, 1}, {1, 2}}));
  EXPECT_EQ(m.constraints[0].rhs, Rational(4));
  // c2: 1/2 x + 1/1000 z >= 1/10
  EXPECT_EQ(m.constraints[1].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[1].coef, (Row{{0, Rational(1, 2)}, {2, Rational(1, 1000)}}));
  EXPECT_EQ(m.constraints[1].rhs, Rational(1, 10));
  // c3: y - z = 2
  EXPECT_EQ(m.constraints[2].op, RowOp::Equal);
  EXPECT_EQ(m.constraints[2].coef, (Row{{1, 1}, {2, -1}}));
  EXPECT_EQ(m.constraints[2].rhs, Rational(2));
  // r4: z + w <= 0 with range 2.5 -> r4_range: z + w >= -5/2
  EXPECT_EQ(m.constraints[3].name, "r4");
  EXPECT_EQ(m.constraints[3].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[3].rhs, Rational(0));
  EXPECT_EQ(m.constraints[4].name, "r4_range");
  EXPECT_EQ(m.constraints[4].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[4].coef, (Row{{2, 1}, {3, 1}}));
  EXPECT_EQ(m.constraints[4].rhs, Rational(-5, 2));
}

TEST(Mps, ReadsFixedFormatWithBlankSetNames) {
  LpModel m = read_mps_file(kDataDir + "fixed.mps");
  EXPECT_EQ(m.sense, Sense::Minimize);
  ASSERT_EQ(m.num_vars(), 2);
  EXPECT_EQ(m.objective, (std::vector<Rational>{1, 2}));
  EXPECT_EQ(m.variables[0].upper, Rational(4));
  EXPECT_EQ(m.variables[1].lower, Rational(-1));
  EXPECT_EQ(m.variables[1].upper, Rational(1));
  ASSERT_EQ(m.num_rows(), 2);
  EXPECT_EQ(m.constraints[0].name, "LIM1");
  EXPECT_EQ(m.constraints[0].rhs, Rational(2));
  EXPECT_EQ(m.constraints[1].coef, (Row{{1, -1}}));
  EXPECT_EQ(m.constraints[1].rhs, Rational(7));
}

TEST(Mps, RangesOnGreaterAndEqualRows) {
  LpModel m = parse(
      "NAME\nROWS\n N obj\n G g\n E ep\n E en\n E e0\nCOLUMNS\n x obj 1 g 1\n x ep 1 en 1\n x e0 1\n"
      "RHS\n g 1 ep 2\n en 3 e0 4\nRANGES\n g -3 ep 0.5\n en -1/2 e0 0\nENDATA\n");
  ASSERT_EQ(m.num_rows(), 7);
  // g: x >= 1 and x <= 1 + |-3| = 4
  EXPECT_EQ(m.constraints[0].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[4].name, "g_range");
  EXPECT_EQ(m.constraints[4].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[4].rhs, Rational(4));
  // ep (R = 1/2 > 0): x >= 2 and x <= 5/2
  EXPECT_EQ(m.constraints[1].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[1].rhs, Rational(2));
  EXPECT_EQ(m.constraints[5].name, "ep_range");
  EXPECT_EQ(m.constraints[5].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[5].rhs, Rational(5, 2));
  // en (R = -1/2 < 0): x <= 3 and x >= 5/2
  EXPECT_EQ(m.constraints[2].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[6].name, "en_range");
  EXPECT_EQ(m.constraints[6].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[6].rhs, Rational(5, 2));
  // e0 (R = 0): still an equation, no extra row
  EXPECT_EQ(m.constraints[3].op, RowOp::Equal);
  EXPECT_EQ(m.constraints[3].rhs, Rational(4));
}

TEST(Mps, ObjsenseOnOneLineAndBoundVariants) {
  LpModel m = parse(
      "NAME t\nOBJSENSE MAXIMIZE\nROWS\n N obj\n L c\nCOLUMNS\n a obj 1 c 1\n b c 1\n d c 1\n e c 1\n"
      "RHS\n RHS c 10\nBOUNDS\n LO BND a -2.5\n UP BND a inf\n FR BND b\n PL d\n MI e\n UP e -1\nENDATA\n");
  EXPECT_EQ(m.sense, Sense::Maximize);
  EXPECT_EQ(m.variables[0].lower, Rational(-5, 2));
  EXPECT_FALSE(m.variables[0].upper);
  EXPECT_FALSE(m.variables[1].lower);
  EXPECT_FALSE(m.variables[1].upper);
  EXPECT_EQ(m.variables[2].lower, Rational(0));
  EXPECT_FALSE(m.variables[2].upper);
  EXPECT_FALSE(m.variables[3].lower);
  EXPECT_EQ(m.variables[3].upper, Rational(-1));
}

TEST(Mps, ObjsenseWordInColumnOne) {
  LpModel m = parse("NAME\nOBJSENSE\nMAX\nROWS\n N obj\nCOLUMNS\n x obj 2\nBOUNDS\n UP BND x 1\nENDATA\n");
  EXPECT_EQ(m.sense, Sense::Maximize);
  EXPECT_EQ(m.objective, (std::vector<Rational>{2}));
  EXPECT_EQ(m.num_rows(), 0);
}

TEST(Mps, Errors) {
  const std::string rows = "NAME\nROWS\n N obj\n L c1\n";  // lines 1-4
  expect_error(rows + "COLUMN\n x obj 1\nENDATA\n", 5, "unknown section \"COLUMN\"");
  expect_error(rows + "COLUMNS\n x obj 1 c2 1\nENDATA\n", 6, "unknown row \"c2\"");
  expect_error(rows + "COLUMNS\n x obj 1 c1 1.2.3\nENDATA\n", 6, "malformed number");
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\n", 6, "missing ENDATA");
  // An RHS on the objective row is its negated constant (tests/mps); RANGES there mean nothing.
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\nRANGES\n RNG obj 5\nENDATA\n", 8, "RANGES on the objective row \"obj\"");
  // A negative UP alone makes the lower bound -infinity (tests/mps); with LO 0 given it conflicts.
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\nBOUNDS\n LO BND x 0\n UP BND x -1\nENDATA\n", 9,
               "inconsistent bounds for column \"x\": lower 0 > upper -1");
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\nBOUNDS\n UP BND q 1\nENDATA\n", 8, "unknown column \"q\"");
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\nBOUNDS\n XX BND x 1\nENDATA\n", 8, "unknown bound type");
  expect_error("NAME\nROWS\n N obj\n Q c1\nENDATA\n", 4, "unknown row type \"Q\"");
  expect_error("NAME\nROWS\n N obj\n L c1\n L c1\nENDATA\n", 5, "duplicate row \"c1\"");
  expect_error(rows + "COLUMNS\n x obj 1 c1 1\n x c1 2\nENDATA\n", 7, "duplicate entry");
  expect_error(rows + "COLUMNS\n x obj 1 c1\nENDATA\n", 6, "malformed COLUMNS line");
  expect_error("NAME\n x 1\nENDATA\n", 2, "outside a section");
}

TEST(Mps, ErrorFromFileNamesTheFile) {
  const std::string path = kDataDir + "bad_section.mps";
  try {
    read_lp_file(path);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.location(), "line 5");
    EXPECT_NE(std::string(e.what()).find("unknown section"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace equilab::lp
