// write_vipr on hand-solved LPs: the exact text (computed by hand from the specification and
// README's conventions), accepted by the independent checker; forged certificates rejected.
#include "lp/vipr.h"
#include "vipr_checker.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

namespace equilab::lp {
namespace {

Rational q(const char* text) { return parse_rational(text); }

// A variable with bounds l <= x <= u (nullopt = infinite); by default 0 <= x.
Variable var(const char* name, std::optional<Rational> lower = Rational(0), std::optional<Rational> upper = std::nullopt) {
  return {name, std::move(lower), std::move(upper)};
}

std::string vipr(const LpModel& m, const Solution<Rational>& s) {
  std::ostringstream out;
  write_vipr(out, m, s);
  return out.str();
}

void expect_accepted(const std::string& certificate) {
  const vipr_check::Verdict v = vipr_check::check(certificate);
  EXPECT_TRUE(v.ok) << v.error << "\n" << certificate;
}

void expect_rejected(const std::string& certificate, const std::string& reason) {
  const vipr_check::Verdict v = vipr_check::check(certificate);
  EXPECT_FALSE(v.ok) << "accepted:\n" << certificate;
  EXPECT_NE(v.error.find(reason), std::string::npos) << "error: " << v.error;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " occurs twice";
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// min x + 2y - z + w + 5 s.t. r1: x + y + z = 4, r2: -x + z <= 1, x >= 0, -1 <= y <= 3,
// z free, w = 2. Eliminating z: min 2x + 3y + w + 1 with 2x + y >= 3, so the optimum is
// x = 2, y = -1, z = 3, value 4. Duals: d_x = 1 - y1 + y2 = 0 and d_z = -1 - y1 - y2 = 0
// give y1 = 0, y2 = -1 (<= 0 on a <= row of a min problem); d_y = 2 (on y's lower bound),
// d_w = 1 (on w = 2): 0·4 - 1·1 + 2·(-1) + 1·2 + 5 = 4.
LpModel min_model() {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {var("x", Rational(0), std::nullopt),
                 var("y", Rational(-1), Rational(3)),
                 var("z", std::nullopt, std::nullopt),
                 var("w", Rational(2), Rational(2))};
  m.objective = {1, 2, -1, 1};
  m.objective_constant = 5;
  m.constraints = {{"r1", {{0, 1}, {1, 1}, {2, 1}}, RowOp::Equal, 4}, {"r2", {{0, -1}, {2, 1}}, RowOp::LessEqual, 1}};
  return m;
}

Solution<Rational> min_solution() {
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 4;
  s.primal = {2, -1, 3, 2};
  s.dual = {0, -1};
  return s;
}

TEST(ViprWriter, OptimalMinWithEveryKindOfBoundAndAConstant) {
  const std::string expected =
      "% objective_constant is fixed at 1 by constraint objective_constant_fixed; its objective coefficient is the "
      "model's objective constant\n"
      "VER 1.0\n"
      "VAR 5\nx\ny\nz\nw\nobjective_constant\n"
      "INT 0\n"
      "OBJ min\n5  0 1  1 2  2 -1  3 1  4 5\n"
      "CON 7 5\n"
      "x_lower G 0  1  0 1\n"
      "y_lower G -1  1  1 1\n"
      "y_upper L 3  1  1 1\n"
      "w_fixed E 2  1  3 1\n"
      "objective_constant_fixed E 1  1  4 1\n"
      "r1 E 4  3  0 1  1 1  2 1\n"
      "r2 L 1  2  0 -1  2 1\n"
      "RTP range 4 4\n"
      "SOL 1\nopt 5  0 2  1 -1  2 3  3 2  4 1\n"
      "DER 1\n"
      "objective_bound G 4 OBJ  { lin 4  1 2  3 1  4 5  6 -1 } -1\n";
  const std::string text = vipr(min_model(), min_solution());
  EXPECT_EQ(text, expected);
  expect_accepted(text);
}

// Hillier-Lieberman's Wyndor Glass: max 3x1 + 5x2 s.t. x1 <= 4, 2x2 <= 12, 3x1 + 2x2 <= 18;
// optimum 36 at (2, 6), shadow prices (0, 3/2, 1), reduced costs 0: 3/2·12 + 18 = 36.
LpModel wyndor() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {var("x1"), var("x2")};
  m.objective = {3, 5};
  m.constraints = {{"plant1", {{0, 1}}, RowOp::LessEqual, 4},
                   {"plant2", {{1, 2}}, RowOp::LessEqual, 12},
                   {"plant3", {{0, 3}, {1, 2}}, RowOp::LessEqual, 18}};
  return m;
}

Solution<Rational> wyndor_solution() {
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 36;
  s.primal = {2, 6};
  s.dual = {0, q("3/2"), 1};
  return s;
}

const std::string kWyndorVipr =
    "VER 1.0\nVAR 2\nx1\nx2\nINT 0\nOBJ max\n2  0 3  1 5\n"
    "CON 5 2\n"
    "x1_lower G 0  1  0 1\n"
    "x2_lower G 0  1  1 1\n"
    "plant1 L 4  1  0 1\n"
    "plant2 L 12  1  1 2\n"
    "plant3 L 18  2  0 3  1 2\n"
    "RTP range 36 36\n"
    "SOL 1\nopt 2  0 2  1 6\n"
    "DER 1\nobjective_bound L 36 OBJ  { lin 2  3 3/2  4 1 } -1\n";

TEST(ViprWriter, OptimalMax) {
  const std::string text = vipr(wyndor(), wyndor_solution());
  EXPECT_EQ(text, kWyndorVipr);
  expect_accepted(text);
}

// max 2x + y - f s.t. cap: x + y - f <= 5, floor: f >= -1, 0 <= x <= 3, y >= 0, f free:
// y - f <= 5 - x bounds the value by x + 5 <= 8, reached at x = 3, y = 2, f = 0. Duals
// y_cap = 1, y_floor = 0: d_y = 0, d_f = -1 + 1 = 0 (f is free), d_x = 2 - 1 = 1 on x <= 3,
// and 1·5 + 1·3 = 8.
TEST(ViprWriter, OptimalMaxOnAnUpperBoundWithAFreeVariable) {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {var("x", Rational(0), Rational(3)), var("y"), var("f", std::nullopt, std::nullopt)};
  m.objective = {2, 1, -1};
  m.constraints = {{"cap", {{0, 1}, {1, 1}, {2, -1}}, RowOp::LessEqual, 5}, {"floor", {{2, 1}}, RowOp::GreaterEqual, -1}};
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 8;
  s.primal = {3, 2, 0};
  s.dual = {1, 0};
  const std::string text = vipr(m, s);
  // Constraints: 0 x_lower, 1 x_upper, 2 y_lower, 3 cap, 4 floor.
  EXPECT_NE(text.find("objective_bound L 8 OBJ  { lin 2  1 1  3 1 } -1\n"), std::string::npos) << text;
  expect_accepted(text);
}

// x + y <= 1, x - y >= 3, 0 <= x <= 2, y >= 0: Farkas y = (0, -2) (<= 0 on the >= row),
// A^T y = (-2, 2), min over the box -2·2 + 2·0 = -4 > y·b = -6, gap 2. Scaled by 1/2: the
// row times -y/2 = 1 and the bounds times A^T y / 2: x <= 2 times -1, y >= 0 times 1, giving
// -x + y + x - y >= -2 + 0 + 3, i.e. 0 >= 1.
TEST(ViprWriter, InfeasibleFromFarkasMultipliers) {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {var("x", Rational(0), Rational(2)), var("y")};
  m.objective = {1, 1};
  m.constraints = {{"sum", {{0, 1}, {1, 1}}, RowOp::LessEqual, 1}, {"diff", {{0, 1}, {1, -1}}, RowOp::GreaterEqual, 3}};
  Solution<Rational> s;
  s.status = Status::Infeasible;
  s.farkas = {0, -2};
  const std::string text = vipr(m, s);
  const std::string expected =
      "VER 1.0\nVAR 2\nx\ny\nINT 0\nOBJ min\n2  0 1  1 1\n"
      "CON 5 3\n"
      "x_lower G 0  1  0 1\n"
      "x_upper L 2  1  0 1\n"
      "y_lower G 0  1  1 1\n"
      "sum L 1  2  0 1  1 1\n"
      "diff G 3  2  0 1  1 -1\n"
      "RTP infeas\nSOL 0\n"
      "DER 1\nfarkas G 1 0  { lin 3  1 -1  2 1  4 1 } -1\n";
  EXPECT_EQ(text, expected);
  expect_accepted(text);
  // A multiplier changed by 1/1000 leaves x - x + ... non-zero on the left.
  expect_rejected(replaced(text, "4 1 }", "4 1001/1000 }"), "does not dominate");
  // A wrong sign on the row: no longer a suitable combination.
  expect_rejected(replaced(text, "4 1 }", "4 -1 }"), "not a suitable linear combination");
}

// An equality row with a free Farkas multiplier and a fixed variable: x + y = 5, x = 1, y <= 2.
// y = (-1): A^T y = (-1, -1); min over the box: -1·1 - 1·2 = -3 > y·b = -5, gap 2.
TEST(ViprWriter, InfeasibleWithAnEqualityAndAFixedVariable) {
  LpModel m;
  m.variables = {var("x", Rational(1), Rational(1)), var("y", std::nullopt, Rational(2))};
  m.objective = {0, 0};
  m.constraints = {{"total", {{0, 1}, {1, 1}}, RowOp::Equal, 5}};
  Solution<Rational> s;
  s.status = Status::Infeasible;
  s.farkas = {-1};
  const std::string text = vipr(m, s);
  // 0 x_fixed, 1 y_upper, 2 total: 1/2·total - 1/2·x_fixed - 1/2·y_upper is 0 >= 5/2 - 1/2 - 1 = 1.
  EXPECT_NE(text.find("farkas G 1 0  { lin 3  0 -1/2  1 -1/2  2 1/2 } -1\n"), std::string::npos) << text;
  expect_accepted(text);
}

TEST(ViprWriter, ForgeriesAreRejected) {
  // A wrong multiplier sign.
  expect_rejected(replaced(kWyndorVipr, "3 3/2", "3 -3/2"), "not a suitable linear combination");
  // A wrong RTP value, above (no solution attains it) and below (the derivation does not reach it).
  expect_rejected(replaced(kWyndorVipr, "RTP range 36 36", "RTP range 37 37"), "no solution attains the RTP lower bound 37");
  expect_rejected(replaced(kWyndorVipr, "RTP range 36 36", "RTP range 35 35"), "does not prove the RTP claim");
  // A SOL point violating plant3: 3·3 + 2·6 = 21 > 18.
  expect_rejected(replaced(kWyndorVipr, "opt 2  0 2", "opt 2  0 3"), "violates constraint plant3");
  // Combining the wrong rows (plant1 in place of plant2).
  expect_rejected(replaced(kWyndorVipr, "3 3/2  4 1", "2 3/2  4 1"), "does not dominate");
  // A multiplier changed by 1/1000.
  expect_rejected(replaced(kWyndorVipr, "3 3/2  4 1", "3 3/2  4 1001/1000"), "does not dominate");
}

TEST(ViprWriter, AWrongClaimWritesACertificateTheCheckerRejects) {
  // The objective claimed 37: SOL's point has 36.
  Solution<Rational> s = wyndor_solution();
  s.objective = 37;
  expect_rejected(vipr(wyndor(), s), "no solution attains");
  // Another dual y = (1, 3/2, 1): d_x1 = -1 on x1 >= 0, the bound 4 + 18 + 18 = 40 is not 36.
  s = wyndor_solution();
  s.dual = {1, q("3/2"), 1};
  expect_rejected(vipr(wyndor(), s), "does not dominate");
}

TEST(ViprWriter, NamesBecomeDistinctTokens) {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {var("a b"), var("a_b"), var(""), var("objective_constant"), var("caf\xC3\xA9")};
  m.objective = {1, 1, 1, 1, 1};
  m.objective_constant = q("-1/2");
  m.constraints = {{"row 1", {{0, 1}}, RowOp::LessEqual, 1}, {"a b_lower", {{1, 1}}, RowOp::LessEqual, 1}};
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = q("-1/2");
  s.primal = {0, 0, 0, 0, 0};
  s.dual = {0, 0};
  const std::string text = vipr(m, s);
  EXPECT_NE(text.find("VAR 6\na_b\na_b~1\nx2\nobjective_constant\ncaf__\nobjective_constant~5\n"), std::string::npos)
      << text;
  // Bound constraints come first, so the row named "a b_lower" yields to the bound's name.
  EXPECT_NE(text.find("\nrow_1 L 1"), std::string::npos) << text;
  EXPECT_NE(text.find("\na_b_lower~7 L 1"), std::string::npos) << text;
  expect_accepted(text);
}

TEST(ViprWriter, RefusesWhatItCannotState) {
  Solution<Rational> unbounded;
  unbounded.status = Status::Unbounded;
  unbounded.primal = {0, 0};
  unbounded.ray = {1, 0};
  EXPECT_THROW(vipr(wyndor(), unbounded), std::invalid_argument);
  Solution<Rational> short_dual = wyndor_solution();
  short_dual.dual.pop_back();
  EXPECT_THROW(vipr(wyndor(), short_dual), std::invalid_argument);
  Solution<Rational> short_primal = wyndor_solution();
  short_primal.primal.push_back(0);
  EXPECT_THROW(vipr(wyndor(), short_primal), std::invalid_argument);
  Solution<Rational> no_farkas;
  no_farkas.status = Status::Infeasible;
  EXPECT_THROW(vipr(wyndor(), no_farkas), std::invalid_argument);
  // Farkas multipliers that prove nothing (y = 0), and a reduced cost on an infinite bound
  // (y = (-1, 3/2, 1) gives d_x1 = 1 > 0 in a max problem, but x1 has no upper bound).
  Solution<Rational> zero_farkas = no_farkas;
  zero_farkas.farkas = {0, 0, 0};
  EXPECT_THROW(vipr(wyndor(), zero_farkas), std::invalid_argument);
  Solution<Rational> infinite_bound = wyndor_solution();
  infinite_bound.dual = {-1, q("3/2"), 1};
  EXPECT_THROW(vipr(wyndor(), infinite_bound), std::invalid_argument);
  // Nothing is written when the certificate cannot be.
  std::ostringstream out;
  EXPECT_THROW(write_vipr(out, wyndor(), infinite_bound), std::invalid_argument);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace equilab::lp
