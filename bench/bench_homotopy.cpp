// allocation_market (Caplin–Leahy 2010): `path` vs Hungarian + Bellman–Ford (TU) and vs
// allocation-lp (NTU, small), with events per buyer as a counter.
#include <benchmark/benchmark.h>

#include "generators/allocation_market_generator.h"
#include "homotopy/methods.h"

namespace {

using namespace equilab;

homotopy::AllocationMarket market(int m, bool tu) {
  gen::AllocationMarketGenOptions o;
  o.buyers = o.goods = m;
  o.tu = tu;
  o.integer = true;
  o.max_value = 1000;
  return gen::generate_allocation_market(1, o);
}

void BM_TuPath(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), true);
  std::size_t events = 0;
  for (auto _ : state) events = homotopy::solve_path(m).events.size();
  state.counters["events_per_buyer"] = static_cast<double>(events) / static_cast<double>(state.range(0));
}
void BM_TuHungarianBellmanFord(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), true);
  for (auto _ : state) benchmark::DoNotOptimize(homotopy::solve_hungarian_bf(m));
}
void BM_NtuPath(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), false);
  std::size_t events = 0;
  for (auto _ : state) events = homotopy::solve_path(m).events.size();
  state.counters["events_per_buyer"] = static_cast<double>(events) / static_cast<double>(state.range(0));
}
void BM_NtuAllocationLp(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), false);
  for (auto _ : state) benchmark::DoNotOptimize(homotopy::solve_allocation_lp(m));
}

BENCHMARK(BM_TuPath)->Arg(10)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TuHungarianBellmanFord)->Arg(10)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NtuPath)->Arg(3)->Arg(4)->Arg(10)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NtuAllocationLp)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
