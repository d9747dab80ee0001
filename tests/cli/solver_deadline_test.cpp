// The process deadline reaches inside the external solvers: lp_solve's solve() (through its abort
// hook) and GLPK's glp_simplex/glp_exact (through tm_lim) stop once the limit passes, and the
// adapters report it as TimeLimitReached, not as a failure or a wrong status. The LP is one
// lp_solve and GLPK each need far longer than the limit for (500 x 500, 5% dense).
#include "cli/run_command.h"
#include "core/deadline.h"
#include "lp/glpk_reference.h"
#include "lp/json_io.h"
#include "lp/lpsolve.h"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>

namespace equilab::testing {
namespace {

lp::LpModel slow_lp(const ScratchDir& dir) {
  const std::string file = (dir.path / "lp500.json").string();
  const auto r =
      run_equilab("generate lp --seed 1 --vars 500 --cons 500 --kind general --density 0.05 --out " + file);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return lp::read_lp_file(file);
}

// Runs `body` under a limit of `limit` seconds; expects TimeLimitReached within `bound` seconds.
template <class F>
void expect_stopped(F&& body, double limit, double bound) {
  set_time_limit(limit);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(body(), TimeLimitReached);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  set_time_limit(0);
  EXPECT_GE(took, limit * 0.9);  // it ran until the limit, not stopped for another reason
  EXPECT_LT(took, bound) << "a limit of " << limit << " s took " << took << " s";
}

TEST(SolverDeadline, LpSolveStopsAtTheLimit) {
  ScratchDir dir;
  const lp::LpModel model = slow_lp(dir);
  expect_stopped([&] { lp::lpsolve_solve(model); }, 1.0, 15);
  // lpsolve-repair must not fall back to its own pivots when lp_solve stopped for the limit.
  expect_stopped([&] { lp::lpsolve_repair(model); }, 1.0, 15);
}

TEST(SolverDeadline, GlpkStopsAtTheLimit) {
  // GLPK needs about 20 s here, most of it in glp_exact's first exact factorisation, where GLPK
  // checks no limit of its own: 3 s lands inside it (the allocation hook stops it).
  ScratchDir dir;
  const lp::LpModel model = slow_lp(dir);
  expect_stopped([&] { lp::glpk_exact_solve(model); }, 3.0, 10);
  // GLPK works again after being stopped: Wyndor Glass, optimum 36 (Hillier–Lieberman).
  lp::LpModel wyndor;
  wyndor.sense = lp::Sense::Maximize;
  wyndor.variables = {lp::Variable{"x1", Rational(0), std::nullopt},
                      lp::Variable{"x2", Rational(0), std::nullopt}};
  wyndor.objective = {Rational(3), Rational(5)};
  auto row = [](std::string name, std::vector<std::pair<int, Rational>> coef, int rhs) {
    lp::Constraint c;
    c.name = std::move(name);
    c.coef = std::move(coef);
    c.op = lp::RowOp::LessEqual;
    c.rhs = Rational(rhs);
    return c;
  };
  wyndor.constraints = {row("plant1", {{0, Rational(1)}}, 4), row("plant2", {{1, Rational(2)}}, 12),
                        row("plant3", {{0, Rational(3)}, {1, Rational(2)}}, 18)};
  const auto solved = lp::glpk_exact_solve(wyndor);
  EXPECT_EQ(solved.status, lp::Status::Optimal);
  EXPECT_EQ(solved.objective, Rational(36));
}

TEST(SolverDeadline, PassedLimitStopsBeforeStarting) {
  ScratchDir dir;
  const lp::LpModel model = slow_lp(dir);
  set_time_limit(1e-6);
  while (!deadline_passed()) {
  }
  EXPECT_THROW(lp::glpk_exact_solve(model), TimeLimitReached);
  EXPECT_THROW(lp::lpsolve_solve(model), TimeLimitReached);
  set_time_limit(0);
  EXPECT_EQ(seconds_left(), std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace equilab::testing
