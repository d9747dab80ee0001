// Method `lpsolve-repair`: exact answers warm-started from lp_solve's basis.
#include "lp/glpk_reference.h"
#include "lp/lpsolve.h"

#include "generators/lp_generator.h"
#include "hand_lps.h"
#include "verify/lp_certificate.h"

#include <gtest/gtest.h>

namespace equilab::lp {
namespace {

using R = Rational;

std::string first_failure(const verify::Verdict& v) { return v.failures.empty() ? "" : v.failures.front(); }

TEST(LpSolveRepair, HandSolvedOptimaExactlyWithoutPivots) {
  // lp_solve solves each of these optimally; a correct basis translation leaves the
  // exact simplex nothing to do.
  for (const auto& [name, hand] : test::hand_optima()) {
    SCOPED_TRACE(name);
    test::expect_hand_answer_without_pivots(lpsolve_repair(hand.model), hand);
  }
}

TEST(LpSolveRepair, InfeasibleWithCertificate) {
  const auto model = test::infeasible_lp();
  const Solution<R> sol = lpsolve_repair(model);
  ASSERT_EQ(sol.status, Status::Infeasible);
  const auto verdict = verify::check_lp_certificate(model, sol);
  EXPECT_TRUE(verdict.valid) << first_failure(verdict);
}

TEST(LpSolveRepair, UnboundedWithCertificate) {
  const auto model = test::unbounded_lp();
  const Solution<R> sol = lpsolve_repair(model);
  ASSERT_EQ(sol.status, Status::Unbounded);
  const auto verdict = verify::check_lp_certificate(model, sol);
  EXPECT_TRUE(verdict.valid) << first_failure(verdict);
}

TEST(LpSolveRepair, FallsBackWhenLpSolveFails) {
  // lp_solve refuses a model without columns; the exact simplex from the slack basis
  // still answers: 0 <= 3 is optimal with objective 0; 0 >= 3 is infeasible (Farkas
  // y <= 0 on the >= row with y·b = 3y < 0 = min over the empty box).
  auto m = test::make_lp(Sense::Maximize, {}, {}, {{{}, RowOp::LessEqual, R(3)}});
  Solution<R> sol = lpsolve_repair(m);
  ASSERT_EQ(sol.status, Status::Optimal);
  EXPECT_EQ(sol.objective, R(0));
  EXPECT_EQ(sol.iterations, 0);
  m.constraints[0].op = RowOp::GreaterEqual;
  sol = lpsolve_repair(m);
  ASSERT_EQ(sol.status, Status::Infeasible);
  const auto verdict = verify::check_lp_certificate(m, sol);
  EXPECT_TRUE(verdict.valid) << first_failure(verdict);
}

TEST(LpSolveRepair, AgreesWithGlpkOnGeneratedLps) {
  // Two independent exact routes (lp_solve basis + exact simplex; glp_exact basis +
  // sparse elimination) must give the same status and objective.
  for (auto kind : {gen::LpKind::General, gen::LpKind::Degenerate, gen::LpKind::Equality, gen::LpKind::Bounded,
                    gen::LpKind::Infeasible, gen::LpKind::Unbounded}) {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      SCOPED_TRACE(std::string(gen::to_string(kind)) + " seed " + std::to_string(seed));
      gen::LpGenOptions opts;
      opts.vars = 12 + 6 * static_cast<int>(seed);
      opts.cons = 9 + 5 * static_cast<int>(seed);
      opts.kind = kind;
      opts.density = 0.5;
      const LpModel model = gen::generate_lp(seed, opts);
      const Solution<R> repaired = lpsolve_repair(model);
      const Solution<R> reference = glpk_exact_solve(model);
      ASSERT_EQ(repaired.status, reference.status);
      if (repaired.status == Status::Optimal) {
        EXPECT_EQ(repaired.objective, reference.objective);
      }
      const auto verdict = verify::check_lp_certificate(model, repaired);
      EXPECT_TRUE(verdict.valid) << first_failure(verdict);
      if (reference.status == Status::Optimal) {
        const auto ref_verdict = verify::check_lp_certificate(model, reference);
        EXPECT_TRUE(ref_verdict.valid) << first_failure(ref_verdict);
      }
    }
  }
}

}  // namespace
}  // namespace equilab::lp
