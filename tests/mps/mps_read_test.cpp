// The MPS reader on hand-written files (tests/data/mps): fixed format with names holding spaces,
// the format rule of --mps auto, every bound type, RANGES on every row type, the objective
// constant's sign, gzip input and the refusal of integer variables. Expected values are worked
// out by hand in the comments of the data files and here.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/run_command.h"
#include "core/error.h"
#include "lp/mps.h"

namespace equilab::lp {
namespace {

const std::string kData = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/mps/";

using Row = std::vector<std::pair<int, Rational>>;

LpModel parse(const std::string& text, MpsFormat format = MpsFormat::Auto) {
  std::istringstream in(text);
  std::vector<std::string> warnings;
  LpModel m = read_mps(in, "inline.mps", format, warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  return m;
}

// The message of the InputError that reading `text` throws ("" if it reads).
std::string error_of(const std::string& text, MpsFormat format = MpsFormat::Auto) {
  try {
    parse(text, format);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A fixed-format data line: the fields at card columns 2-3, 5-12, 15-22, 25-36, 40-47 and 50-61,
// names flush left and numbers (fields 4 and 6) flush right, as the old writers did.
std::string card(const std::string& f1, const std::string& f2, const std::string& f3 = "",
                 const std::string& f4 = "", const std::string& f5 = "", const std::string& f6 = "") {
  std::string line(61, ' ');
  auto put = [&line](std::size_t begin, std::size_t end, const std::string& text, bool right) {
    EXPECT_LE(text.size(), end - begin) << text;
    line.replace(right ? end - text.size() : begin, text.size(), text);
  };
  put(1, 3, f1, false);
  put(4, 12, f2, false);
  put(14, 22, f3, false);
  put(24, 36, f4, true);
  put(39, 47, f5, false);
  put(49, 61, f6, true);
  return line.substr(0, line.find_last_not_of(' ') + 1) + "\n";
}

// The InputError that reading the file throws (a test failure if it reads).
InputError refusal(const std::string& path, MpsFormat format = MpsFormat::Auto) {
  try {
    read_mps_file(path, format);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << path << " was read";
  return InputError("", "", "");
}

const Variable& variable(const LpModel& m, const std::string& name) {
  for (const auto& v : m.variables)
    if (v.name == name) return v;
  throw std::runtime_error("no variable " + name);
}

TEST(MpsRead, FixedFormatNamesKeepTheirSpaces) {
  std::vector<std::string> warnings;
  const LpModel m = read_mps_file(kData + "fixed_spaces.mps", MpsFormat::Auto, warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(m.sense, Sense::Minimize);
  ASSERT_EQ(m.num_vars(), 2);
  EXPECT_EQ(m.variables[0].name, "COL X");
  EXPECT_EQ(m.variables[1].name, "COL Y");
  EXPECT_EQ(m.objective, (std::vector<Rational>{1, 2}));
  // RHS -10 on the objective row: the constant is +10.
  EXPECT_EQ(m.objective_constant, Rational(10));
  ASSERT_EQ(m.num_rows(), 2);
  EXPECT_EQ(m.constraints[0].name, "ROW A");
  EXPECT_EQ(m.constraints[0].op, RowOp::GreaterEqual);
  EXPECT_EQ(m.constraints[0].coef, (Row{{0, 1}, {1, 1}}));
  EXPECT_EQ(m.constraints[0].rhs, Rational(2));
  EXPECT_EQ(m.constraints[1].name, "ROW B");
  EXPECT_EQ(m.constraints[1].op, RowOp::LessEqual);
  EXPECT_EQ(m.constraints[1].coef, (Row{{0, 1}, {1, -1}}));
  EXPECT_EQ(m.constraints[1].rhs, Rational(1));
  // Forced fixed reads the same; forced free cannot ("ROW A" splits into two words).
  std::vector<std::string> none;
  const LpModel fixed = read_mps_file(kData + "fixed_spaces.mps", MpsFormat::Fixed, none);
  EXPECT_EQ(fixed.constraints[1].name, "ROW B");
  EXPECT_EQ(fixed.objective_constant, Rational(10));
  const InputError e = refusal(kData + "fixed_spaces.mps", MpsFormat::Free);
  EXPECT_EQ(e.location(), "line 8");
  EXPECT_TRUE(contains(e.what(), "malformed ROWS line")) << e.what();
}

TEST(MpsRead, FixedFieldsAreColumnsNotWords) {
  // A blank column name continues the previous column: here with a second entry in "LIM 1".
  const std::string rows = "ROWS\n" + card("N", "COST") + card("L", "LIM 1") + card("G", "LIM 2");
  const std::string dup = rows + "COLUMNS\n" + card("", "X 1", "COST", "1.5", "LIM 1", "2.") +
                          card("", "", "LIM 1", "3") + "ENDATA\n";
  EXPECT_TRUE(contains(error_of(dup), "line 7: duplicate entry for column \"X 1\" in row \"LIM 1\""))
      << error_of(dup);
  // Numbers padded with blanks; an RHS line without a set name.
  const LpModel m =
      parse(rows + "COLUMNS\n" + card("", "X 1", "COST", "1.5", "LIM 1", "2.") + card("", "", "LIM 2", "3") +
            "RHS\n" + card("", "", "LIM 1", ".25", "LIM 2", "-4E1") + "ENDATA\n");
  ASSERT_EQ(m.num_vars(), 1);
  EXPECT_EQ(m.variables[0].name, "X 1");
  EXPECT_EQ(m.objective, (std::vector<Rational>{Rational(3, 2)}));
  EXPECT_EQ(m.constraints[0].coef, (Row{{0, 2}}));
  EXPECT_EQ(m.constraints[1].coef, (Row{{0, 3}}));
  EXPECT_EQ(m.constraints[0].rhs, Rational(1, 4));
  EXPECT_EQ(m.constraints[1].rhs, Rational(-40));
}

TEST(MpsRead, FixedFormatRefusesWhatItCannotPlace) {
  const std::string head = "ROWS\n" + card("N", "COST") + card("L", "LIM") + "COLUMNS\n";
  // Text at column 23 (between fields 3 and 4), a tab, text after column 61.
  const std::string gap = error_of(head + "    X         COST    1.0\nENDATA\n", MpsFormat::Fixed);
  EXPECT_TRUE(contains(gap, "line 5: text in column 23, between the fields of fixed MPS")) << gap;
  EXPECT_TRUE(
      contains(error_of(head + "    X\tCOST 1\nENDATA\n", MpsFormat::Fixed), "line 5: tab character"));
  std::string long_line = card("", "X", "COST", "1.0", "LIM", "1.0");
  long_line.insert(long_line.size() - 1, " extra");
  EXPECT_TRUE(
      contains(error_of(head + long_line + "ENDATA\n", MpsFormat::Fixed), "line 5: text after column 61"));
  // In auto mode, a file whose names made it fixed stays fixed.
  const std::string message = error_of("ROWS\n" + card("N", "COST") + card("L", "LIM A") + "COLUMNS\n" +
                                       " X COST 1 LIM A 1\nENDATA\n");
  EXPECT_TRUE(contains(message, "line 5: text in column 4")) << message;
  EXPECT_TRUE(contains(message, "read as fixed MPS from line 3 on")) << message;
}

TEST(MpsRead, AutoDecidesByTheFirstLineThatReadsDifferently) {
  // Free: a row name that crosses the fixed columns.
  LpModel m =
      parse("ROWS\n N obj\n L a_very_long_row_name\nCOLUMNS\n x obj 1 a_very_long_row_name 2\nENDATA\n");
  EXPECT_EQ(m.constraints[0].name, "a_very_long_row_name");
  // A free reading that does not fit its section (an unknown row, a value that is no number)
  // loses to a fixed one that does: "A B C" is one column name, not column A, row B, value C.
  const std::string rows = "ROWS\n" + card("N", "obj") + card("L", "R1") + card("L", "R2");
  m = parse(rows + "COLUMNS\n" + card("", "A B C", "R1", "1.0") + "ENDATA\n");
  ASSERT_EQ(m.num_vars(), 1);
  EXPECT_EQ(m.variables[0].name, "A B C");
  // A line that makes sense both ways is not guessed: column "X R1 5" with 7 in R2, or column X
  // with 5 in R1 and 7 in R2.
  const std::string both = error_of(rows + "COLUMNS\n" + card("", "X R1 5", "R2", "7") + "ENDATA\n");
  EXPECT_TRUE(contains(both, "line 6: the line reads differently as free MPS")) << both;
  EXPECT_TRUE(contains(both, "--mps free or --mps fixed")) << both;
  EXPECT_EQ(parse(rows + "COLUMNS\n" + card("", "X R1 5", "R2", "7") + "ENDATA\n", MpsFormat::Fixed)
                .variables[0]
                .name,
            "X R1 5");
  EXPECT_EQ(
      parse(rows + "COLUMNS\n" + card("", "X R1 5", "R2", "7") + "ENDATA\n", MpsFormat::Free).num_vars(), 1);
}

TEST(MpsRead, EveryBoundType) {
  std::vector<std::string> warnings;
  const LpModel m = read_mps_file(kData + "free_bounds.mps", MpsFormat::Auto, warnings);
  auto bounds = [&](const std::string& name) {
    return std::pair(variable(m, name).lower, variable(m, name).upper);
  };
  using B = std::optional<Rational>;
  const B none;
  EXPECT_EQ(bounds("up_var"), std::pair(B(0), B(4)));
  EXPECT_EQ(bounds("lo_var"), std::pair(B(Rational(-5, 2)), none));
  EXPECT_EQ(bounds("fx_var"), std::pair(B(3), B(3)));
  EXPECT_EQ(bounds("fr_var"), std::pair(none, none));
  EXPECT_EQ(bounds("mi_var"), std::pair(none, none));  // MI leaves the upper bound (+inf) alone
  EXPECT_EQ(bounds("pl_var"), std::pair(B(0), none));
  EXPECT_EQ(bounds("neg_up"), std::pair(none, B(-3)));  // negative UP, no lower bound: -inf
  EXPECT_EQ(bounds("lo_up_neg"), std::pair(B(-1), B(Rational(-1, 2))));
  EXPECT_EQ(bounds("mi_up_neg"), std::pair(none, B(-2)));
  EXPECT_EQ(bounds("up_then_lo"), std::pair(B(-4), B(-1)));
  EXPECT_EQ(bounds("up_twice"), std::pair(B(0), B(2)));
  EXPECT_EQ(bounds("inf_up"), std::pair(B(0), none));
  EXPECT_EQ(bounds("minf_lo"), std::pair(none, none));
  // Only neg_up needed the convention (line 30 of the file).
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(contains(warnings[0],
                       kData + "free_bounds.mps: line 30: column \"neg_up\" has the negative upper bound -3"))
      << warnings[0];
  EXPECT_TRUE(contains(warnings[0], "its lower bound is -infinity, not 0")) << warnings[0];
}

TEST(MpsRead, ExplicitLowerBoundAboveNegativeUpperIsAnError) {
  const std::string message =
      error_of("ROWS\n N obj\nCOLUMNS\n x obj 1\nBOUNDS\n LO BND x 0\n UP BND x -1\nENDATA\n");
  EXPECT_TRUE(contains(message, "line 7: inconsistent bounds for column \"x\": lower 0 > upper -1"))
      << message;
}

TEST(MpsRead, RangesOnEveryRowType) {
  const LpModel m = read_mps_file(kData + "free_ranges.mps");
  EXPECT_EQ(m.sense, Sense::Maximize);
  ASSERT_EQ(m.num_rows(), 8);
  auto expect_row = [&](int i, const std::string& name, RowOp op, const Rational& rhs, int var) {
    SCOPED_TRACE(name);
    EXPECT_EQ(m.constraints[i].name, name);
    EXPECT_EQ(m.constraints[i].op, op);
    EXPECT_EQ(m.constraints[i].rhs, rhs);
    EXPECT_EQ(m.constraints[i].coef, (Row{{var, 1}}));
  };
  // L, R = -3: 2 <= x1 <= 5.  G, R = -2: 1 <= x2 <= 3.
  expect_row(0, "less_row", RowOp::LessEqual, 5, 0);
  expect_row(4, "less_row_range", RowOp::GreaterEqual, 2, 0);
  expect_row(1, "greater_row", RowOp::GreaterEqual, 1, 1);
  expect_row(5, "greater_row_range", RowOp::LessEqual, 3, 1);
  // E, R = 3/2: 4 <= x3 <= 11/2.  E, R = -3/2: 5/2 <= x4 <= 4.
  expect_row(2, "equal_plus", RowOp::GreaterEqual, 4, 2);
  expect_row(6, "equal_plus_range", RowOp::LessEqual, Rational(11, 2), 2);
  expect_row(3, "equal_minus", RowOp::LessEqual, 4, 3);
  expect_row(7, "equal_minus_range", RowOp::GreaterEqual, Rational(5, 2), 3);
}

TEST(MpsRead, ObjectiveConstantIsTheNegatedRhs) {
  const std::string rows = "ROWS\n N obj\n N other\n L c\nCOLUMNS\n x obj 1 c 1\n x other 5\n";
  EXPECT_EQ(parse(rows + "RHS\n rhs obj -7.113\nENDATA\n").objective_constant, Rational(7113, 1000));
  EXPECT_EQ(parse(rows + "RHS\n rhs obj 2.5 c 1\nENDATA\n").objective_constant, Rational(-5, 2));
  // An RHS on a further N row is dropped with the row.
  const LpModel m = parse(rows + "RHS\n rhs other 9 c 4\nENDATA\n");
  EXPECT_EQ(m.objective_constant, Rational(0));
  EXPECT_EQ(m.constraints[0].rhs, Rational(4));
  EXPECT_TRUE(contains(error_of(rows + "RHS\n rhs obj 1\n rhs2 obj 2\nENDATA\n"),
                       "line 10: duplicate RHS for the objective row \"obj\""));
}

TEST(MpsRead, IntegerBoundTypesAreRefusedWithTheirRelaxation) {
  InputError e = refusal(kData + "integer_bounds.mps");
  EXPECT_EQ(e.location(), "line 15");
  EXPECT_EQ(
      e.reason(),
      "bound type BV declares an integer variable: equilab solves LPs; this file is a MIP, and integrality "
      "is "
      "not supported (field 1 BV; the LP relaxation would have b in [0, 1], li in [2, +inf], ui in [0, 7] as "
      "continuous columns)");
  e = refusal(kData + "integer_markers.mps");
  EXPECT_EQ(e.location(), "line 9");
  EXPECT_EQ(
      e.reason(),
      "integer markers: equilab solves LPs; this file is a MIP, and integrality is not supported (field 3 "
      "'MARKER' with 'INTORG'; the LP relaxation would have X in [0, 1], Y in [0, 5] as continuous columns)");
}

TEST(MpsRead, GzipIsDetectedByItsMagicBytes) {
  const LpModel plain = read_mps_file(kData + "free_ranges.mps");
  const LpModel zipped = read_mps_file(kData + "free_ranges.mps.gz");
  ASSERT_EQ(zipped.num_rows(), plain.num_rows());
  for (int i = 0; i < plain.num_rows(); ++i) {
    EXPECT_EQ(zipped.constraints[i].name, plain.constraints[i].name);
    EXPECT_EQ(zipped.constraints[i].rhs, plain.constraints[i].rhs);
  }
  testing::ScratchDir dir;
  // A gzip file named .mps, and a plain file named .mps.gz, read by their content.
  std::filesystem::copy_file(kData + "free_ranges.mps.gz", dir.path / "misnamed.mps");
  std::filesystem::copy_file(kData + "free_ranges.mps", dir.path / "plain.mps.gz");
  EXPECT_EQ(read_mps_file((dir.path / "misnamed.mps").string()).num_rows(), 8);
  EXPECT_EQ(read_mps_file((dir.path / "plain.mps.gz").string()).num_rows(), 8);
  // Two gzip members in a row are one text (gzip -c a b > ab.gz).
  const std::string text = testing::read_file(kData + "free_ranges.mps");
  const std::string two = (dir.path / "two.mps.gz").string();
  gzFile out = gzopen(two.c_str(), "wb");
  gzwrite(out, text.data(), static_cast<unsigned>(text.size() / 2));
  gzclose(out);
  out = gzopen(two.c_str(), "ab");
  gzwrite(out, text.data() + text.size() / 2, static_cast<unsigned>(text.size() - text.size() / 2));
  gzclose(out);
  EXPECT_EQ(read_mps_file(two).num_rows(), 8);
}

TEST(MpsRead, BrokenGzipIsBadInput) {
  testing::ScratchDir dir;
  const std::string gz = testing::read_file(kData + "free_ranges.mps.gz");
  const std::string truncated = dir.write("truncated.mps.gz", gz.substr(0, gz.size() / 2));
  std::string flipped = gz;
  for (std::size_t k = 20; k < 40; ++k) flipped[k] = static_cast<char>(flipped[k] ^ 0x5a);
  const std::string corrupt = dir.write("corrupt.mps.gz", flipped);
  // The text ends with ENDATA before the gzip trailer is read: the file is still read to its end.
  const std::string no_trailer = dir.write("no_trailer.mps.gz", gz.substr(0, gz.size() - 8));
  const std::string trailing = dir.write("trailing.mps.gz", gz + "junk");
  for (const auto& [file, part] :
       {std::pair(truncated, "truncated: the file ends inside the compressed data"),
        std::pair(no_trailer, "truncated: the file ends inside the compressed data"),
        std::pair(corrupt, "corrupt compressed data"),
        std::pair(trailing, "bytes after the end of the compressed data")}) {
    const InputError e = refusal(file);
    EXPECT_EQ(e.file(), file);
    EXPECT_TRUE(contains(e.what(), part)) << e.what();
  }
}

TEST(MpsRead, FileNames) {
  for (const char* name : {"a.mps", "a.MPS", "dir/a.mps.gz", "a.Mps.GZ"})
    EXPECT_TRUE(is_mps_file_name(name)) << name;
  for (const char* name : {"a.json", "a.gz", "a.mps.gz.json", "mps", "a.mpsgz"})
    EXPECT_FALSE(is_mps_file_name(name)) << name;
}

}  // namespace
}  // namespace equilab::lp
