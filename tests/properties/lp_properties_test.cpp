// Random LP properties (RapidCheck) and a deterministic seed sweep: the exact LP methods
// agree with each other and with GLPK's glp_exact, every certificate verifies, and the
// answers are invariant under objective scaling, permutations and redundant rows.
//
// Every instance comes from generate_lp(seed, options); on failure RapidCheck prints the
// (shrunk) seed, kind and sizes together with the instance as JSON, so
// `equilab generate lp --seed S --vars n --cons m --kind K --density d` reproduces it.
//
// Number of runs: RapidCheck's default (100 per property) unless EQUILAB_PROPERTY_RUNS=N
// is set, which becomes max_success=N in RC_PARAMS (an explicit max_success in RC_PARAMS
// wins). RC_PARAMS="seed=..." replays a reported run.
#include "core/random.h"
#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"
#include "lp/glpk_reference.h"
#include "lp/json_io.h"
#include "lp/lpsolve.h"
#include "verify/lp_certificate.h"
#include "common/property_runs.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <numeric>
#include <sstream>
#include <optional>
#include <string>
#include <vector>

namespace equilab::gen {
// How RapidCheck prints a drawn kind in a counterexample.
inline void showValue(LpKind kind, std::ostream& os) { os << to_string(kind); }
}  // namespace equilab::gen

namespace equilab {
namespace {

using gen::LpGenOptions;
using gen::LpKind;
using lp::LpModel;
using lp::RowOp;
using lp::Solution;
using lp::Status;

// ---- EQUILAB_PROPERTY_RUNS -> RC_PARAMS (RapidCheck reads RC_PARAMS lazily, on the
// first property, i.e. after static initialisation of this program).
using testing::rc_params_for;
const bool kRunsConfigured = testing::configure_property_runs();

constexpr LpKind kKinds[] = {LpKind::General,  LpKind::Degenerate, LpKind::Infeasible,
                             LpKind::Unbounded, LpKind::Equality,   LpKind::Bounded};

// Generous pivot limit: a cycling simplex throws instead of hanging the test.
lp::SimplexOptions bounded_options() {
  lp::SimplexOptions o;
  o.max_iterations = 100000;
  return o;
}

std::string describe(const LpGenOptions& o, std::uint64_t seed) {
  std::ostringstream s;
  s << "seed=" << seed << " kind=" << gen::to_string(o.kind) << " vars=" << o.vars << " cons=" << o.cons
    << " density=" << o.density;
  return s.str();
}

std::string status_text(Status s) { return lp::to_string(s); }

std::string model_json(const LpModel& m) {
  try {
    return lp::write_lp_json(m).dump();
  } catch (const std::exception& e) {
    return std::string("<write_lp_json failed: ") + e.what() + ">";
  }
}

// The instance of one RapidCheck run: the seed and sizes are drawn by RapidCheck (so they
// shrink), the LP itself by the portable generator.
struct Instance {
  std::uint64_t seed = 0;
  LpGenOptions options;
  LpModel model;
};

Instance draw_instance(std::vector<LpKind> kinds, int max_vars = 12, int max_cons = 12, int min_cons = 0) {
  Instance inst;
  inst.seed = *rc::gen::arbitrary<std::uint32_t>();
  inst.options.kind = *rc::gen::elementOf(kinds);
  inst.options.vars = *rc::gen::inRange(1, max_vars + 1);
  const int lo = std::max(min_cons, inst.options.kind == LpKind::Infeasible ? 1 : 0);
  inst.options.cons = *rc::gen::inRange(lo, max_cons + 1);
  inst.options.density = *rc::gen::inRange(2, 11) / 10.0;
  RC_LOG() << describe(inst.options, inst.seed) << "\n";
  inst.model = gen::generate_lp(inst.seed, inst.options);
  RC_LOG() << "instance: " << model_json(inst.model) << "\n";
  return inst;
}

Instance draw_instance() { return draw_instance(std::vector<LpKind>(std::begin(kKinds), std::end(kKinds))); }

// RC_ASSERT-style certificate check that logs the failures.
void rc_require_certificate(const LpModel& m, const Solution<Rational>& s, const std::string& method) {
  const auto verdict = verify::check_lp_certificate(m, s);
  if (!verdict.valid) {
    std::string why = method + " (" + status_text(s.status) + ") certificate rejected:";
    for (const auto& f : verdict.failures) why += "\n  " + f;
    RC_FAIL(why);
  }
}

// Status and (when optimal) objective must match exactly.
void rc_require_same(const Solution<Rational>& a, const std::string& name_a, const Solution<Rational>& b,
                     const std::string& name_b, const Rational& scale = Rational(1)) {
  if (a.status != b.status)
    RC_FAIL(name_a + " says " + status_text(a.status) + " but " + name_b + " says " + status_text(b.status));
  if (a.status == Status::Optimal && scale * a.objective != b.objective)
    RC_FAIL(name_a + " objective " + to_string(a.objective) + (scale == 1 ? "" : " (times " + to_string(scale) + ")") +
            " but " + name_b + " objective " + to_string(b.objective));
}

std::vector<int> permutation(Random& rng, int n) {
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  for (int i = n - 1; i > 0; --i) std::swap(p[i], p[static_cast<std::size_t>(rng.uniform_int(0, i))]);
  return p;
}

// Variables and rows reordered by permutations derived from `seed` (names move along).
LpModel permuted(const LpModel& m, std::uint64_t seed) {
  Random rng(seed ^ 0x5DEECE66DULL);
  const std::vector<int> col = permutation(rng, m.num_vars());  // new position p holds old variable col[p]
  const std::vector<int> row = permutation(rng, m.num_rows());
  std::vector<int> where(col.size());
  for (int p = 0; p < m.num_vars(); ++p) where[col[p]] = p;
  LpModel out;
  out.sense = m.sense;
  for (int p = 0; p < m.num_vars(); ++p) {
    out.variables.push_back(m.variables[col[p]]);
    out.objective.push_back(m.objective[col[p]]);
  }
  for (int r = 0; r < m.num_rows(); ++r) {
    lp::Constraint c = m.constraints[row[r]];
    for (auto& entry : c.coef) entry.first = where[entry.first];
    out.constraints.push_back(std::move(c));
  }
  lp::normalize_rows(out);
  return out;
}

// ---- a) the three exact methods agree; every certificate verifies
RC_GTEST_PROP(LpProperties, ExactMethodsAgreeAndCertificatesVerify, ()) {
  const Instance inst = draw_instance();
  const LpModel& m = inst.model;
  const auto simplex = lp::simplex_solve<Rational>(m, bounded_options());
  const auto repair = lp::lpsolve_repair(m, bounded_options());
  const auto glpk = lp::glpk_exact_solve(m);
  RC_LOG() << "exact-simplex: " << status_text(simplex.status)
           << (simplex.status == Status::Optimal ? " " + to_string(simplex.objective) : "") << "\n";
  RC_LOG() << "lpsolve-repair: " << status_text(repair.status)
           << (repair.status == Status::Optimal ? " " + to_string(repair.objective) : "") << "\n";
  RC_LOG() << "glpk-exact: " << status_text(glpk.status)
           << (glpk.status == Status::Optimal ? " " + to_string(glpk.objective) : "") << "\n";
  rc_require_same(simplex, "exact-simplex", repair, "lpsolve-repair");
  rc_require_same(simplex, "exact-simplex", glpk, "glpk-exact");
  rc_require_certificate(m, simplex, "exact-simplex");
  rc_require_certificate(m, repair, "lpsolve-repair");
  if (glpk.status == Status::Optimal) rc_require_certificate(m, glpk, "glpk-exact");
  RC_CLASSIFY(true, status_text(simplex.status));
}

// The generator's kinds have the status their construction guarantees.
RC_GTEST_PROP(LpProperties, GeneratedKindsHaveTheirGuaranteedStatus, ()) {
  const Instance inst = draw_instance();
  const auto s = lp::simplex_solve<Rational>(inst.model, bounded_options());
  rc_require_certificate(inst.model, s, "exact-simplex");
  switch (inst.options.kind) {
    case LpKind::Infeasible: RC_ASSERT(status_text(s.status) == "infeasible"); break;
    case LpKind::Unbounded: RC_ASSERT(status_text(s.status) == "unbounded"); break;
    case LpKind::Bounded:
    case LpKind::Degenerate: RC_ASSERT(status_text(s.status) == "optimal"); break;
    case LpKind::General:
    case LpKind::Equality: RC_ASSERT(status_text(s.status) != "infeasible"); break;  // feasible by construction
  }
}

// ---- b) scaling the objective by k > 0 scales the optimum by k
RC_GTEST_PROP(LpProperties, ObjectiveScalingScalesTheOptimum, ()) {
  const Instance inst = draw_instance();
  const Rational k(Integer(*rc::gen::inRange(1, 50)), Integer(*rc::gen::inRange(1, 12)));
  RC_LOG() << "k=" << to_string(k) << "\n";
  LpModel scaled = inst.model;
  for (auto& c : scaled.objective) c *= k;
  const auto a = lp::simplex_solve<Rational>(inst.model, bounded_options());
  const auto b = lp::simplex_solve<Rational>(scaled, bounded_options());
  rc_require_same(a, "exact-simplex(c)", b, "exact-simplex(k*c)", k);
  rc_require_certificate(scaled, b, "exact-simplex(k*c)");
  const auto r = lp::lpsolve_repair(scaled, bounded_options());
  rc_require_same(a, "exact-simplex(c)", r, "lpsolve-repair(k*c)", k);
  rc_require_certificate(scaled, r, "lpsolve-repair(k*c)");
}

// Flipping the sense and negating the objective negates the optimum.
RC_GTEST_PROP(LpProperties, SenseFlipNegatesTheOptimum, ()) {
  const Instance inst = draw_instance();
  LpModel flipped = inst.model;
  flipped.sense = flipped.sense == lp::Sense::Maximize ? lp::Sense::Minimize : lp::Sense::Maximize;
  for (auto& c : flipped.objective) c = -c;
  const auto a = lp::simplex_solve<Rational>(inst.model, bounded_options());
  const auto b = lp::simplex_solve<Rational>(flipped, bounded_options());
  rc_require_same(a, "exact-simplex", b, "exact-simplex(flipped)", Rational(-1));
  rc_require_certificate(flipped, b, "exact-simplex(flipped)");
}

// ---- c) permuting variables and constraints changes nothing
RC_GTEST_PROP(LpProperties, PermutationsChangeNothing, ()) {
  const Instance inst = draw_instance();
  const LpModel p = permuted(inst.model, inst.seed);
  RC_LOG() << "permuted: " << model_json(p) << "\n";
  const auto a = lp::simplex_solve<Rational>(inst.model, bounded_options());
  const auto b = lp::simplex_solve<Rational>(p, bounded_options());
  rc_require_same(a, "exact-simplex", b, "exact-simplex(permuted)");
  rc_require_certificate(p, b, "exact-simplex(permuted)");
  const auto r = lp::lpsolve_repair(p, bounded_options());
  rc_require_same(a, "exact-simplex", r, "lpsolve-repair(permuted)");
  rc_require_certificate(p, r, "lpsolve-repair(permuted)");
}

// ---- d) a redundant row changes nothing
RC_GTEST_PROP(LpProperties, RedundantRowChangesNothing, ()) {
  const Instance inst = draw_instance(std::vector<LpKind>(std::begin(kKinds), std::end(kKinds)), 12, 12, 1);
  const LpModel& m = inst.model;
  const int rows = m.num_rows();
  // Each row in "<=" form: sign * a·x <= sign * b holds for every feasible x.
  auto sign_of = [&](int i, bool flip_equality) {
    const RowOp op = m.constraints[i].op;
    if (op == RowOp::GreaterEqual) return Rational(-1);
    if (op == RowOp::Equal && flip_equality) return Rational(-1);
    return Rational(1);
  };
  const Rational slack(Integer(*rc::gen::inRange(0, 7)), Integer(*rc::gen::inRange(1, 4)));
  const int i1 = *rc::gen::inRange(0, rows);
  const int i2 = *rc::gen::inRange(0, rows);
  const bool combine = *rc::gen::arbitrary<bool>();
  const bool flip1 = *rc::gen::arbitrary<bool>(), flip2 = *rc::gen::arbitrary<bool>();
  const Rational w1(Integer(*rc::gen::inRange(1, 5)), Integer(*rc::gen::inRange(1, 4)));
  const Rational w2(Integer(*rc::gen::inRange(1, 5)), Integer(*rc::gen::inRange(1, 4)));
  std::vector<Rational> g(static_cast<std::size_t>(m.num_vars()), Rational(0));
  Rational h = 0;
  auto add = [&](int i, const Rational& w) {
    for (const auto& [j, a] : m.constraints[i].coef) g[j] += w * a;
    h += w * m.constraints[i].rhs;
  };
  add(i1, w1 * sign_of(i1, flip1));
  if (combine) add(i2, w2 * sign_of(i2, flip2));
  lp::Constraint extra;
  extra.name = "redundant";
  for (int j = 0; j < m.num_vars(); ++j)
    if (g[j] != 0) extra.coef.emplace_back(j, g[j]);
  RC_PRE(!extra.coef.empty());  // the combination cancelled (e.g. a row minus its copy)
  // Alternate the written form: g·x <= h + s, or -g·x >= -h - s.
  if (*rc::gen::arbitrary<bool>()) {
    extra.op = RowOp::LessEqual;
    extra.rhs = h + slack;
  } else {
    for (auto& entry : extra.coef) entry.second = -entry.second;
    extra.op = RowOp::GreaterEqual;
    extra.rhs = -h - slack;
  }
  LpModel more = m;
  const int pos = *rc::gen::inRange(0, rows + 1);
  more.constraints.insert(more.constraints.begin() + pos, extra);
  RC_LOG() << "with redundant row at " << pos << ": " << model_json(more) << "\n";
  const auto a = lp::simplex_solve<Rational>(m, bounded_options());
  const auto b = lp::simplex_solve<Rational>(more, bounded_options());
  rc_require_same(a, "exact-simplex", b, "exact-simplex(+redundant)");
  rc_require_certificate(more, b, "exact-simplex(+redundant)");
  const auto r = lp::lpsolve_repair(more, bounded_options());
  rc_require_same(a, "exact-simplex", r, "lpsolve-repair(+redundant)");
  rc_require_certificate(more, r, "lpsolve-repair(+redundant)");
}

// ---- e) degenerate and dual-degenerate instances terminate with verified certificates
RC_GTEST_PROP(LpProperties, DegenerateInstancesTerminateWithCertificates, ()) {
  const Instance inst = draw_instance({LpKind::Degenerate}, 12, 18);
  const LpModel& m = inst.model;
  lp::SimplexOptions eager_bland = bounded_options();
  eager_bland.stall_before_bland = 1;
  const auto simplex = lp::simplex_solve<Rational>(m, bounded_options());
  const auto bland = lp::simplex_solve<Rational>(m, eager_bland);
  const auto repair = lp::lpsolve_repair(m, bounded_options());
  const auto glpk = lp::glpk_exact_solve(m);
  RC_ASSERT(status_text(simplex.status) == "optimal");  // optimal by construction
  rc_require_same(simplex, "exact-simplex", bland, "exact-simplex(bland after 1)");
  rc_require_same(simplex, "exact-simplex", repair, "lpsolve-repair");
  rc_require_same(simplex, "exact-simplex", glpk, "glpk-exact");
  rc_require_certificate(m, simplex, "exact-simplex");
  rc_require_certificate(m, bland, "exact-simplex(bland after 1)");
  rc_require_certificate(m, repair, "lpsolve-repair");
  rc_require_certificate(m, glpk, "glpk-exact");
}

// ---- f) the generator is deterministic
RC_GTEST_PROP(LpProperties, GeneratorIsDeterministic, ()) {
  const Instance inst = draw_instance();
  const LpModel other = gen::generate_lp(inst.seed + 1, inst.options);  // no hidden state in between
  (void)other;
  const LpModel again = gen::generate_lp(inst.seed, inst.options);
  RC_ASSERT(lp::write_lp_json(inst.model).dump() == lp::write_lp_json(again).dump());
}

// ---- deterministic sweep: seeds 1..200 of every kind through all three exact methods
struct SweepCase {
  std::uint64_t seed;
  LpGenOptions options;
};

SweepCase sweep_case(LpKind kind, std::uint64_t seed) {
  SweepCase c{seed, {}};
  c.options.kind = kind;
  c.options.vars = 1 + static_cast<int>(seed % 8);
  c.options.cons = static_cast<int>((seed * 5) % 9);
  if (kind == LpKind::Infeasible && c.options.cons == 0) c.options.cons = 1;
  const double densities[] = {1.0, 0.6, 0.3};
  c.options.density = densities[seed % 3];
  return c;
}

void sweep(LpKind kind) {
  int disagreements = 0, lpsolve_double_mismatch = 0;
  int by_status[3] = {0, 0, 0};
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const SweepCase c = sweep_case(kind, seed);
    const LpModel m = gen::generate_lp(c.seed, c.options);
    const std::string where = describe(c.options, c.seed);
    const auto simplex = lp::simplex_solve<Rational>(m, bounded_options());
    const auto repair = lp::lpsolve_repair(m, bounded_options());
    const auto glpk = lp::glpk_exact_solve(m);
    ++by_status[static_cast<int>(simplex.status)];
    bool ok = true;
    auto same = [&](const Solution<Rational>& a, const char* na, const Solution<Rational>& b, const char* nb) {
      if (a.status != b.status || (a.status == Status::Optimal && a.objective != b.objective)) {
        ok = false;
        ADD_FAILURE() << where << ": " << na << " " << status_text(a.status)
                      << (a.status == Status::Optimal ? " " + to_string(a.objective) : "") << " vs " << nb << " "
                      << status_text(b.status) << (b.status == Status::Optimal ? " " + to_string(b.objective) : "");
      }
    };
    same(simplex, "exact-simplex", repair, "lpsolve-repair");
    same(simplex, "exact-simplex", glpk, "glpk-exact");
    auto certified = [&](const Solution<Rational>& s, const char* name) {
      const auto v = verify::check_lp_certificate(m, s);
      if (!v.valid) {
        ok = false;
        std::string why;
        for (const auto& f : v.failures) why += "\n  " + f;
        ADD_FAILURE() << where << ": " << name << " certificate (" << status_text(s.status) << ") rejected:" << why;
      }
    };
    certified(simplex, "exact-simplex");
    certified(repair, "lpsolve-repair");
    if (glpk.status == Status::Optimal) certified(glpk, "glpk-exact");
    const bool expected = kind == LpKind::Infeasible   ? simplex.status == Status::Infeasible
                          : kind == LpKind::Unbounded  ? simplex.status == Status::Unbounded
                          : kind == LpKind::Bounded || kind == LpKind::Degenerate ? simplex.status == Status::Optimal
                                                                                  : simplex.status != Status::Infeasible;
    if (!expected) {
      ok = false;
      ADD_FAILURE() << where << ": kind " << gen::to_string(kind) << " but status " << status_text(simplex.status);
    }
    if (!ok) {
      ++disagreements;
      std::cerr << "instance " << where << ": " << model_json(m) << "\n";
    }
    // lp_solve in double is informational only (it is allowed to be wrong).
    const auto dbl = lp::lpsolve_solve(m);
    if (dbl.status != simplex.status) ++lpsolve_double_mismatch;
  }
  std::cout << gen::to_string(kind) << ": 200 seeds, optimal " << by_status[0] << ", infeasible " << by_status[1]
            << ", unbounded " << by_status[2] << ", failing seeds " << disagreements
            << ", lp_solve(double) status differs on " << lpsolve_double_mismatch << "\n";
}

TEST(LpSeedSweep, General) { sweep(LpKind::General); }
TEST(LpSeedSweep, Degenerate) { sweep(LpKind::Degenerate); }
TEST(LpSeedSweep, Infeasible) { sweep(LpKind::Infeasible); }
TEST(LpSeedSweep, Unbounded) { sweep(LpKind::Unbounded); }
TEST(LpSeedSweep, Equality) { sweep(LpKind::Equality); }
TEST(LpSeedSweep, Bounded) { sweep(LpKind::Bounded); }

TEST(LpPropertyConfig, RunsVariableBecomesMaxSuccess) {
  EXPECT_EQ(rc_params_for("10000", nullptr), "max_success=10000");
  EXPECT_EQ(rc_params_for("50", "seed=7"), "seed=7 max_success=50");
  EXPECT_EQ(rc_params_for("50", "max_success=3"), std::nullopt);
  EXPECT_EQ(rc_params_for(nullptr, nullptr), std::nullopt);
  EXPECT_EQ(rc_params_for("many", nullptr), std::nullopt);
  // The variable, when set, has reached RapidCheck's configuration.
  if (kRunsConfigured) {
    EXPECT_EQ(rc::detail::configuration().testParams.maxSuccess, std::atoi(std::getenv("EQUILAB_PROPERTY_RUNS")));
  }
}

}  // namespace
}  // namespace equilab
