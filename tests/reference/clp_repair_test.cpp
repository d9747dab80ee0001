// The repair with COIN-OR CLP as the first engine (method clp-repair), and the hand-over
// between engines when one stalls.
#include "lp/clp.h"
#include "lp/repair.h"

#include "generators/lp_generator.h"
#include "hand_lps.h"
#include "lp/exact_simplex.h"
#include "verify/lp_certificate.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::lp {
namespace {

using R = Rational;

std::string first_failure(const verify::Verdict& v) { return v.failures.empty() ? "" : v.failures.front(); }

bool mentions(const std::vector<std::string>& trail, const std::string& text) {
  for (const std::string& line : trail)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

TEST(ClpRepair, HandSolvedOptimaExactlyFromClpsBasis) {
  // CLP solves each of these optimally; its basis, recomputed exactly, is the hand optimum.
  for (const auto& [name, hand] : test::hand_optima()) {
    SCOPED_TRACE(name);
    const Repaired run = repair_solve(hand.model, RepairOptions{});
    test::expect_hand_answer_without_pivots(run.solution, hand);
    EXPECT_TRUE(mentions(run.trail, "clp: optimal")) << run.trail.front();
  }
}

TEST(ClpRepair, DoubleDualsAreShadowPricesForMaxAndMin) {
  // textbook_max: shadow prices (0, 3/2, 1); textbook_min: (3/2, 1/2) (hand_lps.h).
  const Solution<double> max = clp_solve(test::textbook_max());
  ASSERT_EQ(max.status, Status::Optimal);
  EXPECT_DOUBLE_EQ(max.objective, 36.0);
  EXPECT_NEAR(max.dual[0], 0.0, 1e-12);  // double engine: its numbers are floating point
  EXPECT_NEAR(max.dual[1], 1.5, 1e-12);
  EXPECT_NEAR(max.dual[2], 1.0, 1e-12);
  const Solution<double> min = clp_solve(test::textbook_min());
  ASSERT_EQ(min.status, Status::Optimal);
  EXPECT_NEAR(min.dual[0], 1.5, 1e-12);
  EXPECT_NEAR(min.dual[1], 0.5, 1e-12);
}

TEST(ClpRepair, InfeasibleAndUnboundedGetExactCertificates) {
  for (const LpModel& model : {test::infeasible_lp(), test::unbounded_lp()}) {
    const Repaired run = repair_solve(model, RepairOptions{});
    const auto verdict = verify::check_lp_certificate(model, run.solution);
    EXPECT_TRUE(verdict.valid) << first_failure(verdict);
  }
  EXPECT_EQ(repair_solve(test::infeasible_lp(), RepairOptions{}).solution.status, Status::Infeasible);
  EXPECT_EQ(repair_solve(test::unbounded_lp(), RepairOptions{}).solution.status, Status::Unbounded);
}

TEST(ClpRepair, AStalledEngineHandsOverAndSaysSo) {
  // A budget of no iterations stalls the first engine on an LP that needs many pivots (one
  // too large for CLP's presolve to settle alone); the second engine's basis must then give the
  // optimum of the exact simplex run on its own.
  gen::LpGenOptions o;
  o.vars = 80;
  o.cons = 60;
  o.density = 0.3;
  o.kind = gen::LpKind::Bounded;
  const LpModel model = gen::generate_lp(7, o);
  const Solution<R> reference = simplex_solve<R>(model);
  ASSERT_EQ(reference.status, Status::Optimal);
  for (const auto& engines : {std::vector{Engine::LpSolve, Engine::Clp}, std::vector{Engine::Clp, Engine::LpSolve}}) {
    RepairOptions options;
    options.engines = engines;
    options.stall = EngineBudget{0, -1};
    std::vector<std::string> notes;
    options.on_note = [&notes](const std::string& line) { notes.push_back(line); };
    const Repaired run = repair_solve(model, options);
    SCOPED_TRACE(to_string(engines.front()));
    ASSERT_EQ(run.solution.status, Status::Optimal);
    EXPECT_EQ(run.solution.objective, reference.objective);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find(std::string(to_string(engines.front())) + ": stalled"), std::string::npos) << notes[0];
    EXPECT_NE(notes[0].find("switching engines"), std::string::npos) << notes[0];
    EXPECT_TRUE(mentions(run.trail, std::string(to_string(engines.back())) + ": optimal"));
  }
}

TEST(ClpRepair, WithoutAnEngineBasisTheExactSimplexStartsFromTheSlackBasis) {
  // The last engine always runs to the end, so the slack-basis path is reached by giving none.
  RepairOptions options;
  options.engines = {};
  const Repaired run = repair_solve(test::textbook_max(), options);
  EXPECT_EQ(run.solution.objective, R(36));
  EXPECT_TRUE(mentions(run.trail, "slack basis"));
}

TEST(ClpRepair, AgreesWithTheExactSimplexOnRandomLps) {
  // Two independent exact paths (exact simplex from the slack basis; CLP's basis recomputed by
  // p-adic lifting) must agree on status and objective.
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    gen::LpGenOptions o;
    o.vars = 12;
    o.cons = 9;
    o.kind = static_cast<gen::LpKind>(seed % 6);
    const LpModel model = gen::generate_lp(seed, o);
    const Solution<R> reference = simplex_solve<R>(model);
    const Repaired run = repair_solve(model, RepairOptions{});
    SCOPED_TRACE(seed);
    ASSERT_EQ(run.solution.status, reference.status);
    if (reference.status == Status::Optimal) EXPECT_EQ(run.solution.objective, reference.objective);
    const auto verdict = verify::check_lp_certificate(model, run.solution);
    EXPECT_TRUE(verdict.valid) << first_failure(verdict);
  }
}

}  // namespace
}  // namespace equilab::lp
