// qsopt-ex (QSopt_ex's exact solver, answer recomputed and checked by equilab) against LPs solved
// by hand and the published answers of the textbook catalog.
#include "qsopt_check.h"

#include "core/deadline.h"
#include "core/json.h"
#include "lp/json_io.h"
#include "reference/hand_lps.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace equilab::lp {
namespace {

using R = Rational;
using test::kInf;
using test::make_lp;
using test::q;
using test::qsopt_solve;

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Solves `hand.model` and expects exactly the answer worked out by hand; returns the result.
QsoptExactResult expect_hand_answer(const test::HandAnswer& hand) {
  const QsoptExactResult r = qsopt_solve(hand.model);
  EXPECT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, hand.objective);
  EXPECT_EQ(r.solution.primal, hand.primal);
  EXPECT_EQ(r.solution.dual, hand.dual);
  EXPECT_EQ(r.solution.reduced_costs, hand.reduced_costs);
  // Status and basis from QSopt_ex, numbers recomputed by equilab: no repair was needed.
  EXPECT_TRUE(mentions(r.provenance, "recomputed exactly by equilab from that basis")) << r.provenance;
  EXPECT_EQ(test::certificate_failure(hand.model, r.solution), "");
  return r;
}

TEST(QsoptExact, HandSolvedOptimaExactly) {
  for (const auto& [name, hand] : test::hand_optima()) {
    SCOPED_TRACE(name);
    expect_hand_answer(hand);
  }
}

TEST(QsoptExact, FinalBasisOfTextbookMax) {
  // Optimum (2, 6): both variables basic, row 1 (x <= 4) has slack 2 and is basic, rows 2 and 3
  // are tight (their logicals nonbasic, at the upper side of a <= row).
  const QsoptExactResult r = qsopt_solve(test::textbook_max());
  EXPECT_EQ(r.solution.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::Basic}));
  EXPECT_EQ(r.solution.basis.rows,
            (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::AtUpper, BasisStatus::AtUpper}));
}

TEST(QsoptExact, FinalBasisWithBoundsAndGeRow) {
  // negative_bounds_min: x nonbasic at its lower bound -2, y basic, the >= row tight.
  const QsoptExactResult r = qsopt_solve(test::negative_bounds_min());
  EXPECT_EQ(r.solution.basis.variables, (std::vector<BasisStatus>{BasisStatus::AtLower, BasisStatus::Basic}));
  EXPECT_EQ(r.solution.basis.rows, (std::vector<BasisStatus>{BasisStatus::AtLower}));
}

TEST(QsoptExact, InfeasibleWithQsoptsFarkasMultipliers) {
  // max x s.t. x+y <= 1, x+y >= 3, x,y >= 0. Valid multipliers: y1 >= 0 (<= row), y2 <= 0 (>= row),
  // s = y1 + y2 >= 0 (A^T y = (s, s) and the box has no upper bounds), and 0 > y1 + 3 y2.
  const LpModel m = test::infeasible_lp();
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Infeasible);
  ASSERT_EQ(r.solution.farkas.size(), 2u);
  const R& y1 = r.solution.farkas[0];
  const R& y2 = r.solution.farkas[1];
  EXPECT_GE(y1, 0);
  EXPECT_LE(y2, 0);
  EXPECT_GE(y1 + y2, 0);
  EXPECT_LT(y1 + 3 * y2, 0);
  EXPECT_EQ(r.solution.farkas_bounds, (std::vector<R>{y1 + y2, y1 + y2}));
  EXPECT_TRUE(mentions(r.provenance, "its Farkas multipliers")) << r.provenance;
  EXPECT_FALSE(mentions(r.provenance, "exact simplex")) << r.provenance;
}

TEST(QsoptExact, InfeasibleThroughBoundsAndEquality) {
  // x + y = 5 with 0 <= x <= 1, 0 <= y <= 2: at most 3. With y1 the multiplier of the row, A^T y =
  // (y1, y1); y1 = -1: min over the box of -x - y is -3 > y1·5 = -5.
  const LpModel m = make_lp(Sense::Minimize, {R(1), R(1)}, {{R(0), R(1)}, {R(0), R(2)}},
                            {{{{0, R(1)}, {1, R(1)}}, RowOp::Equal, R(5)}});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Infeasible);
  ASSERT_EQ(r.solution.farkas.size(), 1u);
  EXPECT_LT(r.solution.farkas[0], 0);  // a positive multiple of -1 is the only proof
  EXPECT_EQ(test::certificate_failure(m, r.solution), "");
}

TEST(QsoptExact, UnboundedPointAndRayFromTheExactSimplex) {
  // max x+y s.t. x-y <= 1, x,y >= 0: every ray (a, b) >= 0 with a <= b and a+b > 0 improves.
  const LpModel m = test::unbounded_lp();
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Unbounded);
  ASSERT_EQ(r.solution.ray.size(), 2u);
  EXPECT_GE(r.solution.ray[0], 0);
  EXPECT_LE(r.solution.ray[0], r.solution.ray[1]);
  EXPECT_GT(r.solution.ray[0] + r.solution.ray[1], 0);
  EXPECT_TRUE(mentions(r.provenance, "QSopt_ex: status unbounded")) << r.provenance;
  EXPECT_TRUE(mentions(r.provenance, "equilab's exact simplex")) << r.provenance;
}

TEST(QsoptExact, DegenerateVertex) {
  // max x+y s.t. x <= 1, y <= 1, x+y <= 2 (rows): three rows tight at (1, 1) in the plane, the
  // only optimum, objective 2. The duals are not unique (any y1 = y2 = 1 - t, y3 = t, t in [0,1]).
  const LpModel m = make_lp(Sense::Maximize, {R(1), R(1)}, {{}, {}},
                            {{{{0, R(1)}}, RowOp::LessEqual, R(1)},
                             {{{1, R(1)}}, RowOp::LessEqual, R(1)},
                             {{{0, R(1)}, {1, R(1)}}, RowOp::LessEqual, R(2)}});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, R(2));
  EXPECT_EQ(r.solution.primal, (std::vector<R>{R(1), R(1)}));
  const auto& y = r.solution.dual;
  EXPECT_EQ(y[0], y[1]);
  EXPECT_EQ(y[0] + y[2], R(1));
}

TEST(QsoptExact, FixedVariable) {
  // min 3x + y, x fixed at 2, y >= 0, s.t. x + y >= 3: y = 1, objective 7.
  // y basic: 1 - y1 = 0 -> y1 = 1; d_x = 3 - 1 = 2 (a fixed variable's d may have either sign).
  expect_hand_answer({make_lp(Sense::Minimize, {R(3), R(1)}, {{R(2), R(2)}, {}},
                              {{{{0, R(1)}, {1, R(1)}}, RowOp::GreaterEqual, R(3)}}),
                      R(7),
                      {R(2), R(1)},
                      {R(1)},
                      {R(2), R(0)}});
}

TEST(QsoptExact, EqualityRowWithUpperBounds) {
  // max 2x + 3y s.t. x + y = 4, 0 <= x <= 3, 0 <= y <= 3: y is worth more, so y = 3, x = 1,
  // objective 11. x basic: 2 - y1 = 0 -> y1 = 2; d_y = 3 - 2 = 1 > 0 at its upper bound.
  const QsoptExactResult r =
      expect_hand_answer({make_lp(Sense::Maximize, {R(2), R(3)}, {{R(0), R(3)}, {R(0), R(3)}},
                                  {{{{0, R(1)}, {1, R(1)}}, RowOp::Equal, R(4)}}),
                          R(11),
                          {R(1), R(3)},
                          {R(2)},
                          {R(0), R(1)}});
  EXPECT_EQ(r.solution.basis.variables, (std::vector<BasisStatus>{BasisStatus::Basic, BasisStatus::AtUpper}));
}

TEST(QsoptExact, ObjectiveConstantIsAdded) {
  // textbook_max (optimum 36) plus a constant 5/2: 77/2; the point and duals do not move.
  LpModel m = test::textbook_max();
  m.objective_constant = q("5/2");
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, q("77/2"));
  EXPECT_EQ(r.solution.primal, (std::vector<R>{R(2), R(6)}));
  EXPECT_EQ(r.solution.dual, (std::vector<R>{R(0), q("3/2"), R(1)}));
}

TEST(QsoptExact, CoefficientsBeyondDoublePrecision) {
  // K = 2^60 + 1 is no double; QSopt_ex holds it exactly:
  // max x + 2y s.t. x + y <= 4, K y <= K: y = 1, x = 3, objective 5;
  // x basic: 1 - y1 = 0 -> y1 = 1; y basic: 2 - y1 - K y2 = 0 -> y2 = 1/K.
  const R k = R(boost::multiprecision::pow(Integer(2), 60) + 1);
  const LpModel m = make_lp(Sense::Maximize, {R(1), R(2)}, {{}, {}},
                            {{{{0, R(1)}, {1, R(1)}}, RowOp::LessEqual, R(4)}, {{{1, k}}, RowOp::LessEqual, k}});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, R(5));
  EXPECT_EQ(r.solution.primal, (std::vector<R>{R(3), R(1)}));
  EXPECT_EQ(r.solution.dual, (std::vector<R>{R(1), R(1) / k}));
}

TEST(QsoptExact, RepeatedEntriesOfARowAreSummed) {
  // max x s.t. x + x <= 3 written as two entries of the same variable: 2x <= 3, x = 3/2, y1 = 1/2.
  LpModel m = make_lp(Sense::Maximize, {R(1)}, {{}}, {{{{0, R(1)}, {0, R(1)}}, RowOp::LessEqual, R(3)}});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, q("3/2"));
  EXPECT_EQ(r.solution.dual, (std::vector<R>{q("1/2")}));
}

TEST(QsoptExact, NoRows) {
  // max x - y, 0 <= x <= 7/2, y >= 1: x = 7/2, y = 1, objective 5/2; d = c.
  auto m = make_lp(Sense::Maximize, {R(1), R(-1)}, {{R(0), q("7/2")}, {R(1), kInf}}, {});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, q("5/2"));
  EXPECT_EQ(r.solution.primal, (std::vector<R>{q("7/2"), R(1)}));
  EXPECT_EQ(r.solution.reduced_costs, (std::vector<R>{R(1), R(-1)}));
  m.variables[0].upper.reset();  // now x grows without limit
  EXPECT_EQ(qsopt_solve(m).solution.status, Status::Unbounded);
}

TEST(QsoptExact, NoVariables) {
  // The row 0 <= 3 holds: optimal, objective 0, dual 0. The row 0 >= 3 cannot hold: infeasible,
  // proved by y = -1 (min over the empty box of 0 = 0 > -3).
  auto m = make_lp(Sense::Maximize, {}, {}, {{{}, RowOp::LessEqual, R(3)}});
  const QsoptExactResult r = qsopt_solve(m);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, R(0));
  EXPECT_EQ(r.solution.dual, (std::vector<R>{R(0)}));
  m.constraints[0].op = RowOp::GreaterEqual;
  const QsoptExactResult inf = qsopt_solve(m);
  ASSERT_EQ(inf.solution.status, Status::Infeasible);
  EXPECT_LT(inf.solution.farkas.at(0), 0);
}

TEST(QsoptExact, CrossedBoundsAreRefused) {
  auto m = make_lp(Sense::Maximize, {R(1)}, {{R(2), R(1)}}, {});
  EXPECT_THROW(qsopt_solve(m), std::invalid_argument);
}

TEST(QsoptExact, TextbookCatalogMatchesPublishedAnswers) {
  // The published status and objective of every textbook LP in the catalog (Beale's and Chvátal's
  // cycling examples, Klee–Minty cubes, Wyndor Glass, ...).
  const std::filesystem::path dir = std::filesystem::path(EQUILAB_SOURCE_DIR) / "catalog" / "textbook";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    SCOPED_TRACE(entry.path().filename().string());
    const Json doc = load_json_file(entry.path().string());
    const LpModel m = read_lp_json(JsonNode(doc.at("instance"), entry.path().string()));
    const Json& published = doc.at("published");
    const QsoptExactResult r = qsopt_solve(m);
    EXPECT_EQ(to_string(r.solution.status), published.at("status").get<std::string>());
    if (published.contains("objective"))
      EXPECT_EQ(r.solution.objective, parse_rational(published.at("objective").get<std::string>()));
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

TEST(QsoptExact, PassedDeadlineStopsBeforeStartingAndLeavesQsoptUsable) {
  set_time_limit(1e-6);
  while (!deadline_passed()) {
  }
  EXPECT_THROW(qsopt_solve(test::textbook_max()), TimeLimitReached);
  set_time_limit(0);
  const QsoptExactResult r = qsopt_solve(test::textbook_max());
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, R(36));
}

TEST(QsoptExact, AGenerousDeadlineChangesNothing) {
  set_time_limit(600);
  const QsoptExactResult r = qsopt_solve(test::fractional_max());
  set_time_limit(0);
  ASSERT_EQ(r.solution.status, Status::Optimal);
  EXPECT_EQ(r.solution.objective, q("6/5"));
}

}  // namespace
}  // namespace equilab::lp
