// pseudo_market equilibrium (issue 10, "Benchmark"): support-enum on generated assignment markets
// 2×2 … 4×3 (goal: 4×3 decided < 10 s) and tatonnement + price-certify on dichotomous markets up to
// 40×12 (goal: certified, exact or ε ≤ 10⁻⁹, < 60 s). Instances: `equilab generate pseudo_market
// --agents n --objects m [--dichotomous]` with seed 20260101 + n·100 + m.
// Counters: size (cells), decided (1 when the status is not undecided), equilibria, patterns,
// undecided patterns; tatonnement: exact (1 when price-certify succeeded), epsilon (the exact ε of an
// approximate answer, printed as a double), iterations.
#include <benchmark/benchmark.h>

#include "generators/pseudo_market_eq_generator.h"
#include "pseudo_market/equilibrium.h"

namespace {

using namespace equilab;
using namespace equilab::pseudo_market;

EquilibriumInstance market(int n, int m, bool dichotomous) {
  gen::PseudoMarketEqGenOptions o;
  o.agents = n;
  o.objects = m;
  o.dichotomous = dichotomous;
  return gen::generate_pseudo_market_equilibrium(20260101 + static_cast<std::uint64_t>(n * 100 + m), o);
}

void SupportEnum(benchmark::State& state) {
  const EquilibriumInstance in = market(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), false);
  EquilibriumResult r;
  for (auto _ : state) r = solve_support_enum(in, EquilibriumOptions{});
  state.counters["size"] = in.num_cells();
  state.counters["decided"] = r.status == EqStatus::Undecided ? 0 : 1;
  state.counters["equilibria"] = static_cast<double>(r.equilibria.size());
  state.counters["patterns"] = static_cast<double>(r.patterns);
  state.counters["undecided"] = static_cast<double>(r.undecided_count);
}

void TatonnementDichotomous(benchmark::State& state) {
  const EquilibriumInstance in = market(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)), true);
  EquilibriumResult r;
  for (auto _ : state) r = solve_tatonnement(in, EquilibriumOptions{});
  state.counters["size"] = in.num_cells();
  state.counters["exact"] = r.status == EqStatus::Exact ? 1 : 0;
  double eps = 0;
  if (!r.equilibria.empty() && r.equilibria.front().epsilon) eps = r.equilibria.front().epsilon->convert_to<double>();
  state.counters["epsilon"] = eps;
  state.counters["steps"] = static_cast<double>(r.iterations);
}

}  // namespace

BENCHMARK(SupportEnum)->Args({2, 2})->Args({3, 2})->Args({3, 3})->Args({4, 3})->Unit(benchmark::kMillisecond);
BENCHMARK(TatonnementDichotomous)
    ->Args({10, 4})
    ->Args({20, 8})
    ->Args({40, 12})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

BENCHMARK_MAIN();
