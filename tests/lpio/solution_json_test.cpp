// The LP result document: exact strings, omitted empty parts, reading back, located errors.
#include "lp/json_io.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::lp {
namespace {

// max 3x + 5y s.t. c1: x <= 4, c2: 2y <= 12, c3: 3x + 2y <= 18, x, y >= 0.
LpModel textbook() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), std::nullopt}};
  m.objective = {Rational(3), Rational(5)};
  m.constraints = {{"c1", {{0, Rational(1)}}, RowOp::LessEqual, Rational(4)},
                   {"c2", {{1, Rational(2)}}, RowOp::LessEqual, Rational(12)},
                   {"c3", {{0, Rational(3)}, {1, Rational(2)}}, RowOp::LessEqual, Rational(18)}};
  return m;
}

// Optimum computed by hand: x = (2, 6), y = (0, 3/2, 1), objective 36, d = (0, 0).
Solution<Rational> textbook_optimum() {
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 36;
  s.primal = {2, 6};
  s.dual = {0, Rational(3, 2), 1};
  s.reduced_costs = {0, 0};
  s.iterations = 3;
  return s;
}

Solution<Rational> read_back(const LpModel& m, const Json& doc, const std::string& name = "result.json") {
  Json again = parse_json_text(doc.dump(), name);
  return read_solution_json(m, JsonNode(again, name));
}

TEST(SolutionJson, WritesExactOptimal) {
  Json doc = write_solution_json(textbook(), textbook_optimum(), "exact-simplex");
  EXPECT_EQ(doc["model"], "lp");
  EXPECT_EQ(doc["method"], "exact-simplex");
  EXPECT_EQ(doc["arith"], "exact");
  EXPECT_EQ(doc["status"], "optimal");
  EXPECT_EQ(doc["objective"], "36");
  EXPECT_EQ(doc["primal"], (Json{{"x", "2"}, {"y", "6"}}));
  EXPECT_EQ(doc["dual"], (Json{{"c1", "0"}, {"c2", "3/2"}, {"c3", "1"}}));
  EXPECT_EQ(doc["reduced_costs"], (Json{{"x", "0"}, {"y", "0"}}));
  EXPECT_EQ(doc["iterations"], 3);
  EXPECT_EQ(doc["certificate"]["primal"], doc["primal"]);
  EXPECT_EQ(doc["certificate"]["dual"], doc["dual"]);
  EXPECT_FALSE(doc["certificate"].contains("farkas"));
  EXPECT_FALSE(doc["certificate"].contains("ray"));
}

TEST(SolutionJson, OptimalRoundTrip) {
  LpModel m = textbook();
  Solution<Rational> s = read_back(m, write_solution_json(m, textbook_optimum(), "exact-simplex"));
  EXPECT_EQ(s.status, Status::Optimal);
  EXPECT_EQ(s.objective, Rational(36));
  EXPECT_EQ(s.primal, (std::vector<Rational>{2, 6}));
  EXPECT_EQ(s.dual, (std::vector<Rational>{0, Rational(3, 2), 1}));
  EXPECT_EQ(s.reduced_costs, (std::vector<Rational>{0, 0}));
  EXPECT_EQ(s.iterations, 3);
  EXPECT_TRUE(s.farkas.empty());
  EXPECT_TRUE(s.ray.empty());
}

TEST(SolutionJson, DoublesAreWrittenAsTheirExactValue) {
  Solution<double> s;
  s.status = Status::Optimal;
  s.objective = 0.5;
  s.primal = {0.1, -3.0};
  s.dual = {0.0, 0.25, 1.0};
  Json doc = write_solution_json(textbook(), s, "lpsolve");
  EXPECT_EQ(doc["arith"], "double");
  EXPECT_EQ(doc["objective"], "1/2");
  // 0.1 as a double is 3602879701896397 / 2^55.
  EXPECT_EQ(doc["primal"]["x"], "3602879701896397/36028797018963968");
  EXPECT_EQ(doc["primal"]["y"], "-3");
  EXPECT_EQ(doc["dual"]["c2"], "1/4");
  EXPECT_FALSE(doc.contains("reduced_costs"));  // empty vector omitted
}

TEST(SolutionJson, InfeasibleAndUnboundedParts) {
  LpModel m = textbook();
  Solution<Rational> inf;
  inf.status = Status::Infeasible;
  inf.farkas = {1, 0, Rational(-1, 2)};
  inf.farkas_bounds = {Rational(-1, 2), -1};
  Json doc = write_solution_json(m, inf, "exact-simplex");
  EXPECT_FALSE(doc.contains("objective"));
  EXPECT_FALSE(doc.contains("primal"));
  EXPECT_FALSE(doc.contains("dual"));
  EXPECT_EQ(doc["certificate"]["farkas"], (Json{{"c1", "1"}, {"c2", "0"}, {"c3", "-1/2"}}));
  EXPECT_EQ(doc["certificate"]["farkas_bounds"], (Json{{"x", "-1/2"}, {"y", "-1"}}));
  Solution<Rational> back = read_back(m, doc);
  EXPECT_EQ(back.status, Status::Infeasible);
  EXPECT_EQ(back.farkas, inf.farkas);
  EXPECT_EQ(back.farkas_bounds, inf.farkas_bounds);
  EXPECT_TRUE(back.primal.empty());

  Solution<Rational> unb;
  unb.status = Status::Unbounded;
  unb.primal = {1, 2};
  unb.ray = {Rational(1, 3), 0};
  doc = write_solution_json(m, unb, "exact-simplex");
  EXPECT_FALSE(doc.contains("objective"));
  EXPECT_EQ(doc["certificate"]["ray"], (Json{{"x", "1/3"}, {"y", "0"}}));
  back = read_back(m, doc);
  EXPECT_EQ(back.status, Status::Unbounded);
  EXPECT_EQ(back.primal, unb.primal);
  EXPECT_EQ(back.ray, unb.ray);
}

// Reads `text` as a result of the textbook model expecting an InputError at `pointer`.
void expect_error(const std::string& text, const std::string& pointer, const std::string& reason) {
  Json root = parse_json_text(text, "bad_result.json");
  try {
    read_solution_json(textbook(), JsonNode(root, "bad_result.json"));
    ADD_FAILURE() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "bad_result.json");
    EXPECT_EQ(e.location(), pointer) << e.what();
    EXPECT_NE(std::string(e.what()).find(reason), std::string::npos) << e.what();
  }
}

TEST(SolutionJson, ReadErrors) {
  const std::string head = R"({"model":"lp","status":"optimal","objective":"36",)";
  expect_error(head + R"("primal":{"x":"2","y":"6","q":"1"}})", "/primal/q", "unknown variable \"q\"");
  expect_error(head + R"("certificate":{"dual":{"c1":"0","c2":"3/2"}}})", "/certificate/dual",
               "missing entry for row \"c3\"");
  expect_error(head + R"("certificate":{"duals":{}}})", "/certificate/duals", "unknown field");
  expect_error(head + R"("primal":{"x":0.5,"y":"6"}})", "/primal/x", "quote");
  expect_error(R"({"model":"lp","status":"optimal"})", "/", "missing required field \"objective\"");
  expect_error(R"({"model":"lp","status":"solved"})", "/status", "unknown status");
  expect_error(head + R"("primal":{"x":"2","y":"6"},"certificate":{"primal":{"x":"2","y":"5"}}})",
               "/certificate/primal", "differs");
}

}  // namespace
}  // namespace equilab::lp
