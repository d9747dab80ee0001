// qsopt-ex and equilab's exact simplex are independent methods (QSopt_ex's own simplex in double,
// mpf and rational arithmetic against equilab's revised simplex): on random LPs of every kind of
// generators/lp_generator.h they must agree on the status and, when optimal, on the objective,
// and both certificates must verify.
//
// QSopt_ex takes about half a second to report an unbounded LP however small (QSexact_solver
// retries every one of its 12 mpf precisions before it gives that status up), and the unbounded
// certificate comes from the exact simplex anyway; so the property draws the kinds that are
// feasible and bounded or infeasible by construction, plus "general" (sometimes unbounded), and a
// few seeds of the "unbounded" kind run separately.
//
// Number of runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N is set
// (tests/common/property_runs.h); RC_PARAMS="seed=..." replays a reported run.
#include "qsopt_check.h"

#include "common/property_runs.h"
#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"
#include "lp/json_io.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <string>

namespace equilab::gen {
inline void showValue(LpKind kind, std::ostream& os) { os << to_string(kind); }
}  // namespace equilab::gen

namespace equilab {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

lp::SimplexOptions bounded_pivots() {
  lp::SimplexOptions o;
  o.max_iterations = 100000;  // a cycling simplex throws instead of hanging the test
  return o;
}

std::string describe(const lp::Solution<Rational>& s) {
  return std::string(lp::to_string(s.status)) + (s.status == lp::Status::Optimal ? " " + to_string(s.objective) : "");
}

RC_GTEST_PROP(QsoptProperties, AgreesWithTheExactSimplex, ()) {
  gen::LpGenOptions options;
  const std::uint64_t seed = *rc::gen::arbitrary<std::uint32_t>();
  options.kind = *rc::gen::elementOf(std::vector<gen::LpKind>{gen::LpKind::General, gen::LpKind::Degenerate,
                                                               gen::LpKind::Infeasible, gen::LpKind::Equality,
                                                               gen::LpKind::Bounded});
  options.vars = *rc::gen::inRange(1, 13);
  options.cons = *rc::gen::inRange(options.kind == gen::LpKind::Infeasible ? 1 : 0, 13);
  options.density = *rc::gen::inRange(2, 11) / 10.0;
  RC_LOG() << "seed=" << seed << " kind=" << gen::to_string(options.kind) << " vars=" << options.vars
           << " cons=" << options.cons << " density=" << options.density << "\n";
  const lp::LpModel m = gen::generate_lp(seed, options);
  RC_LOG() << "instance: " << lp::write_lp_json(m).dump() << "\n";

  const lp::Solution<Rational> simplex = lp::simplex_solve<Rational>(m, bounded_pivots());
  const lp::QsoptExactResult qsopt = test::qsopt_solve(m);
  RC_LOG() << "exact-simplex: " << describe(simplex) << "\nqsopt-ex: " << describe(qsopt.solution) << " ("
           << qsopt.provenance << ")\n";
  RC_ASSERT(qsopt.solution.status == simplex.status);
  if (simplex.status == lp::Status::Optimal) RC_ASSERT(qsopt.solution.objective == simplex.objective);
  RC_ASSERT(test::certificate_failure(m, qsopt.solution).empty());
  RC_ASSERT(test::certificate_failure(m, simplex).empty());
  // Optimal and infeasible answers must come from QSopt_ex's own basis or proof, not a repair.
  if (simplex.status != lp::Status::Unbounded)
    RC_ASSERT(qsopt.provenance.find("exact simplex") == std::string::npos);
  RC_CLASSIFY(true, lp::to_string(simplex.status));
}

TEST(QsoptProperties, UnboundedKindIsUnbounded) {
  // The generator's "unbounded" kind is unbounded by construction (generators/lp_generator.h).
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    gen::LpGenOptions options;
    options.kind = gen::LpKind::Unbounded;
    options.vars = 3 + static_cast<int>(seed);
    options.cons = 2 + static_cast<int>(seed);
    const lp::LpModel m = gen::generate_lp(seed, options);
    const lp::QsoptExactResult qsopt = test::qsopt_solve(m);
    EXPECT_EQ(qsopt.solution.status, lp::Status::Unbounded) << "seed " << seed;
    EXPECT_EQ(test::certificate_failure(m, qsopt.solution), "") << "seed " << seed;
  }
}

}  // namespace
}  // namespace equilab
