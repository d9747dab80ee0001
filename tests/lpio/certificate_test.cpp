// The exact certificate checker on hand-made certificates, correct and corrupted.
#include "verify/lp_certificate.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::verify {
namespace {

using lp::LpModel;
using lp::RowOp;
using lp::Sense;
using lp::Solution;
using lp::Status;

// True when some failure line contains `text`.
bool mentions(const Verdict& v, const std::string& text) {
  for (const auto& f : v.failures)
    if (f.find(text) != std::string::npos) return true;
  return false;
}

std::string all_failures(const Verdict& v) {
  std::string out;
  for (const auto& f : v.failures) out += f + "\n";
  return out;
}

// max 3x + 5y s.t. c1: x <= 4, c2: 2y <= 12, c3: 3x + 2y <= 18, x, y >= 0.
LpModel textbook() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), std::nullopt}};
  m.objective = {3, 5};
  m.constraints = {{"c1", {{0, Rational(1)}}, RowOp::LessEqual, Rational(4)},
                   {"c2", {{1, Rational(2)}}, RowOp::LessEqual, Rational(12)},
                   {"c3", {{0, Rational(3)}, {1, Rational(2)}}, RowOp::LessEqual, Rational(18)}};
  return m;
}

// By hand: x = (2, 6); y = (0, 3/2, 1): A^T y = (3, 5) = c so d = 0; y·b = 18 + 18 = 36 = c·x.
Solution<Rational> textbook_optimum() {
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 36;
  s.primal = {2, 6};
  s.dual = {0, Rational(3, 2), 1};
  return s;
}

TEST(Certificate, AcceptsTextbookOptimum) {
  Verdict v = check_lp_certificate(textbook(), textbook_optimum());
  EXPECT_TRUE(v.valid) << all_failures(v);
  Solution<Rational> with_d = textbook_optimum();
  with_d.reduced_costs = {0, 0};
  EXPECT_TRUE(check_lp_certificate(textbook(), with_d).valid);
}

TEST(Certificate, RejectsWrongDualSign) {
  Solution<Rational> s = textbook_optimum();
  s.dual[0] = Rational(-1, 2);
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "row \"c1\": dual -1/2 has the wrong sign for <= in a max problem")) << all_failures(v);
}

TEST(Certificate, RejectsInfeasiblePrimal) {
  Solution<Rational> s = textbook_optimum();
  s.primal = {2, 7};  // 2y = 14 > 12, 3x + 2y = 20 > 18
  s.objective = 41;
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "row \"c2\": activity 14 violates <= 12")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "row \"c3\": activity 20 violates <= 18")) << all_failures(v);

  s.primal = {-1, 6};
  v = check_lp_certificate(textbook(), s);
  EXPECT_TRUE(mentions(v, "variable \"x\": value -1 is below its lower bound 0")) << all_failures(v);
}

TEST(Certificate, RejectsWrongObjective) {
  Solution<Rational> s = textbook_optimum();
  s.objective = 35;
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "objective: reported 35 differs from c·x = 36")) << all_failures(v);
  EXPECT_EQ(v.failures.size(), 1u) << all_failures(v);
}

TEST(Certificate, RejectsSuboptimalPoint) {
  // x = (0, 0) is feasible with c·x = 0, but the dual proves only <= 36.
  Solution<Rational> s = textbook_optimum();
  s.primal = {0, 0};
  s.objective = 0;
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "duality gap: y·b + sum d_j·bound_j = 36 differs from c·x = 0")) << all_failures(v);
}

TEST(Certificate, RejectsWrongReportedReducedCost) {
  Solution<Rational> s = textbook_optimum();
  s.reduced_costs = {0, 1};
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_TRUE(mentions(v, "variable \"y\": reported reduced cost 1 differs from c - A^T y = 0")) << all_failures(v);
}

TEST(Certificate, RejectsMissingVectors) {
  Solution<Rational> s = textbook_optimum();
  s.dual.clear();
  Verdict v = check_lp_certificate(textbook(), s);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "dual: 0 entries, expected 3")) << all_failures(v);
}

// min 2x + y s.t. r: x + y >= 3, x >= 0, 0 <= y <= 1. Optimum x = 2, y = 1, objective 5.
// Dual y_r = 2 (>= in a min problem: >= 0); d = (2 - 2, 1 - 2) = (0, -1); d_y < 0 in a
// min problem multiplies u_y = 1: y·b + d·bound = 6 - 1 = 5.
LpModel bounded_min() {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), Rational(1)}};
  m.objective = {2, 1};
  m.constraints = {{"r", {{0, Rational(1)}, {1, Rational(1)}}, RowOp::GreaterEqual, Rational(3)}};
  return m;
}

Solution<Rational> bounded_min_optimum() {
  Solution<Rational> s;
  s.status = Status::Optimal;
  s.objective = 5;
  s.primal = {2, 1};
  s.dual = {2};
  s.reduced_costs = {0, -1};
  return s;
}

TEST(Certificate, AcceptsReducedCostAtUpperBoundInMin) {
  Verdict v = check_lp_certificate(bounded_min(), bounded_min_optimum());
  EXPECT_TRUE(v.valid) << all_failures(v);
}

TEST(Certificate, ReducedCostNeedsAFiniteBound) {
  LpModel m = bounded_min();
  m.variables[1].upper.reset();
  Verdict v = check_lp_certificate(m, bounded_min_optimum());
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "variable \"y\": reduced cost -1 < 0 needs a finite upper bound in a min problem"))
      << all_failures(v);
  EXPECT_EQ(v.failures.size(), 1u) << all_failures(v);  // no duality-gap line without a dual objective
}

TEST(Certificate, MinDualSign) {
  Solution<Rational> s = bounded_min_optimum();
  s.dual = {-1};
  s.reduced_costs.clear();
  Verdict v = check_lp_certificate(bounded_min(), s);
  EXPECT_TRUE(mentions(v, "row \"r\": dual -1 has the wrong sign for >= in a min problem")) << all_failures(v);
}

// max x s.t. e: x + y = 4, x, y >= 0. Optimum x = 4; y_e = 1 (free), d = (0, -1) at l_y = 0.
TEST(Certificate, EqualityRowAndLowerBound) {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), std::nullopt}};
  m.objective = {1, 0};
  m.constraints = {{"e", {{0, Rational(1)}, {1, Rational(1)}}, RowOp::Equal, Rational(4)}};
  Solution<Rational> s;
  s.objective = 4;
  s.primal = {4, 0};
  s.dual = {1};
  Verdict v = check_lp_certificate(m, s);
  EXPECT_TRUE(v.valid) << all_failures(v);
  m.variables[1].lower.reset();  // y free: d_y = -1 has no bound to multiply
  v = check_lp_certificate(m, s);
  EXPECT_TRUE(mentions(v, "variable \"y\": reduced cost -1 < 0 needs a finite lower bound in a max problem"))
      << all_failures(v);
}

// c1: x + y <= 1, c2: x + y >= 3, x, y >= 0. y = (1, -1): A^T y = 0, min over box 0 > y·b = -2.
LpModel infeasible_rows() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), std::nullopt}};
  m.objective = {1, 1};
  m.constraints = {{"c1", {{0, Rational(1)}, {1, Rational(1)}}, RowOp::LessEqual, Rational(1)},
                   {"c2", {{0, Rational(1)}, {1, Rational(1)}}, RowOp::GreaterEqual, Rational(3)}};
  return m;
}

Solution<Rational> farkas(std::vector<Rational> y) {
  Solution<Rational> s;
  s.status = Status::Infeasible;
  s.farkas = std::move(y);
  return s;
}

TEST(Certificate, AcceptsFarkas) {
  Solution<Rational> s = farkas({1, -1});
  EXPECT_TRUE(check_lp_certificate(infeasible_rows(), s).valid);
  s.farkas_bounds = {0, 0};
  EXPECT_TRUE(check_lp_certificate(infeasible_rows(), s).valid);
}

TEST(Certificate, RejectsFarkasWithWrongSign) {
  Verdict v = check_lp_certificate(infeasible_rows(), farkas({-1, 1}));
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "row \"c1\": Farkas multiplier -1 has the wrong sign for <= (must be >= 0)")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "row \"c2\": Farkas multiplier 1 has the wrong sign for >= (must be <= 0)")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "min over the bounds of (A^T y)·x = 0 is not greater than y·b = 2")) << all_failures(v);
}

TEST(Certificate, RejectsWrongFarkasBounds) {
  Solution<Rational> s = farkas({1, -1});
  s.farkas_bounds = {0, 1};
  Verdict v = check_lp_certificate(infeasible_rows(), s);
  EXPECT_TRUE(mentions(v, "variable \"y\": reported farkas_bounds 1 differs from A^T y = 0")) << all_failures(v);
}

// x in [0, 1], c: x >= 2. y_c = -1: z = -1 takes u = 1, min = -1 > y·b = -2.
TEST(Certificate, FarkasUsesBounds) {
  LpModel m;
  m.sense = Sense::Minimize;
  m.variables = {{"x", Rational(0), Rational(1)}};
  m.objective = {1};
  m.constraints = {{"c", {{0, Rational(1)}}, RowOp::GreaterEqual, Rational(2)}};
  Solution<Rational> s = farkas({-1});
  s.farkas_bounds = {-1};
  EXPECT_TRUE(check_lp_certificate(m, s).valid);
  m.variables[0].upper.reset();
  Verdict v = check_lp_certificate(m, s);
  EXPECT_TRUE(mentions(v, "variable \"x\": A^T y = -1 < 0 needs a finite upper bound")) << all_failures(v);
  // A zero multiplier proves nothing: 0 is not > 0.
  m.variables[0].upper = Rational(1);
  v = check_lp_certificate(m, farkas({0}));
  EXPECT_TRUE(mentions(v, "is not greater than y·b = 0")) << all_failures(v);
}

// max x + y s.t. c1: x - y <= 1, x, y >= 0. Point (0, 0), ray (1, 1): A r = 0, c·r = 2.
LpModel unbounded_max() {
  LpModel m;
  m.sense = Sense::Maximize;
  m.variables = {{"x", Rational(0), std::nullopt}, {"y", Rational(0), std::nullopt}};
  m.objective = {1, 1};
  m.constraints = {{"c1", {{0, Rational(1)}, {1, Rational(-1)}}, RowOp::LessEqual, Rational(1)}};
  return m;
}

Solution<Rational> unbounded(std::vector<Rational> x, std::vector<Rational> r) {
  Solution<Rational> s;
  s.status = Status::Unbounded;
  s.primal = std::move(x);
  s.ray = std::move(r);
  return s;
}

TEST(Certificate, AcceptsRay) {
  Verdict v = check_lp_certificate(unbounded_max(), unbounded({0, 0}, {1, 1}));
  EXPECT_TRUE(v.valid) << all_failures(v);
  EXPECT_TRUE(check_lp_certificate(unbounded_max(), unbounded({1, 0}, {0, Rational(1, 7)})).valid);
}

TEST(Certificate, RejectsBadRays) {
  LpModel m = unbounded_max();
  Verdict v = check_lp_certificate(m, unbounded({0, 0}, {0, 0}));
  EXPECT_TRUE(mentions(v, "ray: c·r = 0 does not improve a max objective (must be > 0)")) << all_failures(v);

  m.sense = Sense::Minimize;
  v = check_lp_certificate(m, unbounded({0, 0}, {1, 1}));
  EXPECT_TRUE(mentions(v, "ray: c·r = 2 does not improve a min objective (must be < 0)")) << all_failures(v);

  m.sense = Sense::Maximize;
  v = check_lp_certificate(m, unbounded({0, 0}, {1, 0}));
  EXPECT_TRUE(mentions(v, "ray: row \"c1\": A r = 1 must be <= 0 for a <= row")) << all_failures(v);

  v = check_lp_certificate(m, unbounded({0, 0}, {-1, 1}));
  EXPECT_TRUE(mentions(v, "ray: variable \"x\": direction -1 < 0 leaves its finite lower bound")) << all_failures(v);

  v = check_lp_certificate(m, unbounded({2, 0}, {1, 1}));  // x - y = 2 > 1
  EXPECT_TRUE(mentions(v, "primal: row \"c1\": activity 2 violates <= 1")) << all_failures(v);
}

}  // namespace
}  // namespace equilab::verify
