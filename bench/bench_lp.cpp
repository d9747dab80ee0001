// LP benchmarks: the same seeded instance per size through every LP method.
//
//   exact-simplex   simplex_solve<Rational>
//   lpsolve-repair  lp_solve in double, then exact repair from its basis
//   glpk-exact      GLPK's glp_exact (+ exact recomputation from its basis)
//   lpsolve-double  lp_solve 5.5 in double (not exact; the speed reference)
//
// Sizes: dense (density 1) n x n for n = 20, 50, 100, 200 and sparse (density 0.05) for
// n = 500, 2000; instances are kind "bounded" (always optimal) from a fixed seed.
// EQUILAB_BENCH_MAX (default 500) caps n for the three exact methods: larger sizes are
// reported as skipped (lp_solve in double always runs). Counters: pivots (the method's
// iteration count), nonzeros; the label is the status.
#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"
#include "lp/glpk_reference.h"
#include "lp/lpsolve.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <utility>

namespace {

using namespace equilab;

constexpr std::uint64_t kSeed = 20240611;

struct Size {
  int n;
  int density_permille;
};
constexpr Size kSizes[] = {{20, 1000}, {50, 1000}, {100, 1000}, {200, 1000}, {500, 50}, {2000, 50}};

int bench_max() {
  static const int cap = [] {
    const char* env = std::getenv("EQUILAB_BENCH_MAX");
    if (env == nullptr || *env == '\0') return 500;
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (*end != '\0' || v < 0) {
      std::cerr << "EQUILAB_BENCH_MAX='" << env << "' is not a nonnegative integer; using 500\n";
      return 500;
    }
    return static_cast<int>(v);
  }();
  return cap;
}

// One instance per (n, density), generated once, outside the timed region.
const lp::LpModel& instance(int n, int density_permille) {
  static std::map<std::pair<int, int>, lp::LpModel> cache;
  const auto key = std::make_pair(n, density_permille);
  auto it = cache.find(key);
  if (it == cache.end()) {
    gen::LpGenOptions o;
    o.kind = gen::LpKind::Bounded;
    o.vars = n;
    o.cons = n;
    o.density = density_permille / 1000.0;
    it = cache.emplace(key, gen::generate_lp(kSeed, o)).first;
  }
  return it->second;
}

template <class T>
using Solver = std::function<lp::Solution<T>(const lp::LpModel&)>;

template <class T>
void run(benchmark::State& state, const Solver<T>& solve, bool exact) {
  const int n = static_cast<int>(state.range(0));
  const int density = static_cast<int>(state.range(1));
  if (exact && n > bench_max()) {
    static std::string message;  // must outlive the call on older benchmark versions
    message = "n=" + std::to_string(n) + " above EQUILAB_BENCH_MAX=" + std::to_string(bench_max());
    state.SkipWithError(message.c_str());
    return;
  }
  const lp::LpModel& model = instance(n, density);
  long pivots = 0;
  lp::Status status = lp::Status::Optimal;
  for (auto _ : state) {
    lp::Solution<T> s = solve(model);
    pivots = s.iterations;
    status = s.status;
    benchmark::DoNotOptimize(s);
  }
  std::size_t nonzeros = 0;
  for (const auto& row : model.constraints) nonzeros += row.coef.size();
  state.counters["pivots"] = static_cast<double>(pivots);
  state.counters["nonzeros"] = static_cast<double>(nonzeros);
  state.SetLabel(lp::to_string(status));
}

void register_method(const std::string& name, const std::function<void(benchmark::State&)>& body) {
  for (const Size& s : kSizes) {
    auto* b = benchmark::RegisterBenchmark(name.c_str(), body);
    b->Args({s.n, s.density_permille})->ArgNames({"n", "density_permille"})->Unit(benchmark::kMillisecond);
    // Large instances: a few timed runs instead of Google Benchmark's adaptive count.
    if (s.n >= 500) b->Iterations(1);
    else if (s.n >= 100) b->Iterations(3);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const Solver<Rational> exact_simplex = [](const lp::LpModel& m) { return lp::simplex_solve<Rational>(m); };
  const Solver<Rational> repair = [](const lp::LpModel& m) { return lp::lpsolve_repair(m); };
  const Solver<Rational> glpk = [](const lp::LpModel& m) { return lp::glpk_exact_solve(m); };
  const Solver<double> lpsolve_double = [](const lp::LpModel& m) { return lp::lpsolve_solve(m); };

  register_method("exact-simplex", [=](benchmark::State& st) { run<Rational>(st, exact_simplex, true); });
  register_method("lpsolve-repair", [=](benchmark::State& st) { run<Rational>(st, repair, true); });
  register_method("glpk-exact", [=](benchmark::State& st) { run<Rational>(st, glpk, true); });
  register_method("lpsolve-double", [=](benchmark::State& st) { run<double>(st, lpsolve_double, false); });

  benchmark::AddCustomContext("instances", "kind=bounded seed=" + std::to_string(kSeed));
  benchmark::AddCustomContext("EQUILAB_BENCH_MAX", std::to_string(bench_max()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
