// write_mps: exact decimals, refusals (fractions, names free MPS cannot hold), and the round trip
// read_mps(write_mps(M)) == M, on a hand-made model and as a RapidCheck property.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "common/property_runs.h"
#include "lp/mps.h"

namespace equilab::lp {
namespace {

[[maybe_unused]] const bool kRunsConfigured = testing::configure_property_runs();

std::string written(const LpModel& m) {
  std::ostringstream out;
  write_mps(out, m);
  return out.str();
}

LpModel read_back(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> warnings;
  LpModel m = read_mps(in, "written.mps", MpsFormat::Auto, warnings);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  return m;
}

// The whole model, field by field (names, bounds, objective, constant, rows, sense).
void expect_same(const LpModel& a, const LpModel& b) {
  EXPECT_EQ(a.sense, b.sense);
  EXPECT_EQ(a.objective_constant, b.objective_constant);
  ASSERT_EQ(a.num_vars(), b.num_vars());
  for (int j = 0; j < a.num_vars(); ++j) {
    EXPECT_EQ(a.variables[j].name, b.variables[j].name);
    EXPECT_EQ(a.variables[j].lower, b.variables[j].lower) << a.variables[j].name;
    EXPECT_EQ(a.variables[j].upper, b.variables[j].upper) << a.variables[j].name;
    EXPECT_EQ(a.objective[j], b.objective[j]) << a.variables[j].name;
  }
  ASSERT_EQ(a.num_rows(), b.num_rows());
  for (int i = 0; i < a.num_rows(); ++i) {
    EXPECT_EQ(a.constraints[i].name, b.constraints[i].name);
    EXPECT_EQ(a.constraints[i].op, b.constraints[i].op) << a.constraints[i].name;
    EXPECT_EQ(a.constraints[i].rhs, b.constraints[i].rhs) << a.constraints[i].name;
    EXPECT_EQ(a.constraints[i].coef, b.constraints[i].coef) << a.constraints[i].name;
  }
}

Variable var(const std::string& name, std::optional<Rational> lower, std::optional<Rational> upper) {
  return Variable{name, std::move(lower), std::move(upper)};
}

// max 3/8 x - y + 0*z + w - 5/2 with a row named "obj" (so the objective row must be named
// otherwise), bounds of every kind, an empty column and an empty row.
LpModel hand_model() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {var("x", Rational(0), Rational(4)),
                 var("y", std::nullopt, std::nullopt),
                 var("z", Rational(-1), Rational(-1)),
                 var("w", std::nullopt, Rational(-3)),
                 var("v", Rational(0), Rational(-2)) /* infeasible bounds, still written as given */,
                 var("empty", Rational(1, 20), std::nullopt)};
  m.objective = {Rational(3, 8), -1, 0, 1, 0, 0};
  m.objective_constant = Rational(-5, 2);
  m.constraints = {Constraint{"obj", {{0, Rational(1, 1000)}, {1, -2}}, RowOp::LessEqual, Rational(7, 4)},
                   Constraint{"g", {{1, 1}, {3, Rational(-5, 16)}}, RowOp::GreaterEqual, Rational(-100)},
                   Constraint{"e", {{0, 1}, {2, 1}}, RowOp::Equal, 0},
                   Constraint{"nothing", {}, RowOp::LessEqual, 3}};
  return m;
}

TEST(MpsWrite, ExactDecimalsAndTheObjectiveConstantSign) {
  const std::string text = written(hand_model());
  EXPECT_NE(text.find("OBJSENSE\n    MAX\n"), std::string::npos) << text;
  EXPECT_NE(text.find(" N obj_1\n"), std::string::npos) << text;        // "obj" is a row
  EXPECT_NE(text.find(" x obj_1 0.375\n"), std::string::npos) << text;  // 3/8
  EXPECT_NE(text.find(" x obj 0.001\n"), std::string::npos) << text;    // 1/1000
  EXPECT_NE(text.find(" w g -0.3125\n"), std::string::npos) << text;    // -5/16
  EXPECT_NE(text.find(" RHS obj_1 2.5\n"), std::string::npos) << text;  // constant -5/2, negated
  EXPECT_NE(text.find(" empty obj_1 0\n"), std::string::npos) << text;  // every column appears
  EXPECT_NE(text.find(" FX BND z -1\n"), std::string::npos) << text;
  EXPECT_NE(text.find(" MI BND w\n UP BND w -3\n"), std::string::npos) << text;
  EXPECT_NE(text.find(" LO BND v 0\n UP BND v -2\n"), std::string::npos) << text;  // not -inf
  EXPECT_NE(text.find(" LO BND empty 0.05\n"), std::string::npos) << text;
}

TEST(MpsWrite, HandModelRoundTrips) {
  LpModel m = hand_model();
  // Without "v": its bounds [0, -2] are refused by every reader (JSON and MPS alike).
  m.variables.erase(m.variables.begin() + 4);
  m.objective.erase(m.objective.begin() + 4);
  expect_same(read_back(written(m)), m);
  m.sense = Sense::Minimize;
  m.objective_constant = 0;
  expect_same(read_back(written(m)), m);
}

TEST(MpsWrite, RefusesWhatMpsCannotHold) {
  auto refusal = [](const LpModel& m) {
    try {
      std::ostringstream out;
      write_mps(out, m);
      EXPECT_TRUE(out.str().empty());
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  LpModel m = hand_model();
  m.constraints[1].coef[1].second = Rational(1, 3);
  EXPECT_NE(refusal(m).find("coefficient of variable \"w\" in row \"g\", 1/3: it is not a finite decimal"),
            std::string::npos)
      << refusal(m);
  m = hand_model();
  m.objective_constant = Rational(2, 7);
  EXPECT_NE(refusal(m).find("objective constant, 2/7"), std::string::npos) << refusal(m);
  m = hand_model();
  m.variables[1].name = "y 2";
  EXPECT_NE(refusal(m).find("variable name \"y 2\""), std::string::npos) << refusal(m);
  m = hand_model();
  m.constraints[2].name = "g";
  EXPECT_NE(refusal(m).find("two rows are named \"g\""), std::string::npos) << refusal(m);
  m = hand_model();
  m.constraints[2].name = "'marker'";
  EXPECT_NE(refusal(m).find("integer marker"), std::string::npos) << refusal(m);
}

// Random small models with decimal data and names from a wide alphabet, written and read back.
rc::Gen<Rational> decimal() {
  return rc::gen::map(rc::gen::pair(rc::gen::inRange(-3000, 3001), rc::gen::inRange(0, 4)),
                      [](std::pair<int, int> p) {
                        Integer scale = 1;
                        for (int k = 0; k < p.second; ++k) scale *= 10;
                        return Rational(Integer(p.first), scale);
                      });
}

std::string name(const std::string& stem, int index) {
  static const std::string alphabet = "aZ09_.$#/()[]<>!?%&+-=@^~|:;,";
  std::string text;
  for (char c : *rc::gen::container<std::string>(rc::gen::elementOf(alphabet))) text += c;
  return text + stem + std::to_string(index);
}

std::optional<Rational> maybe(bool present, const Rational& value) {
  return present ? std::optional(value) : std::nullopt;
}

RC_GTEST_PROP(MpsWriteProperty, ReadBackGivesTheModel, ()) {
  LpModel m;
  m.sense = *rc::gen::element(Sense::Maximize, Sense::Minimize);
  const int n = *rc::gen::inRange(0, 5), rows = *rc::gen::inRange(0, 5);
  for (int j = 0; j < n; ++j) {
    Rational low = *decimal(), high = *decimal();
    if (low > high) std::swap(low, high);
    m.variables.push_back(
        var(name("x", j), maybe(*rc::gen::arbitrary<bool>(), low), maybe(*rc::gen::arbitrary<bool>(), high)));
    m.objective.push_back(*rc::gen::element(0, 1) == 0 ? Rational(0) : *decimal());
  }
  m.objective_constant = *rc::gen::element(0, 1) == 0 ? Rational(0) : *decimal();
  for (int i = 0; i < rows; ++i) {
    Constraint c{
        name("r", i), {}, *rc::gen::element(RowOp::LessEqual, RowOp::GreaterEqual, RowOp::Equal), *decimal()};
    for (int j = 0; j < n; ++j)
      if (*rc::gen::arbitrary<bool>()) c.coef.emplace_back(j, *decimal());
    m.constraints.push_back(std::move(c));
  }
  normalize_rows(m);
  const LpModel back = read_back(written(m));
  expect_same(back, m);
  RC_ASSERT(!::testing::Test::HasFailure());
  RC_ASSERT(written(back) == written(m));
}

}  // namespace
}  // namespace equilab::lp
