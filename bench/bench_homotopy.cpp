// allocation_market (Caplin–Leahy 2010): `path` (exact event times) vs Hungarian + Bellman–Ford
// and the assignment LP (TU), vs allocation-lp (NTU, small), and vs the §7.1 halving search
// (`path --bisect`), with events per buyer as a counter. Instances: the generator's
// --tu/--integer markets, m = n, values in [0, 1000], seed 1.
// Rows above m = 200 (and bisect above m = 20) take from seconds to minutes each; they run only
// when EQUILAB_BENCH_LARGE is set (assignment-lp stops at 500: about 3.5 minutes there, and its
// growth puts m = 1000 past an hour).
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "generators/allocation_market_generator.h"
#include "homotopy/methods.h"

namespace {

using namespace equilab;

bool large() {
  const char* v = std::getenv("EQUILAB_BENCH_LARGE");
  return v != nullptr && *v != '\0' && *v != '0';
}

homotopy::AllocationMarket market(int m, bool tu) {
  gen::AllocationMarketGenOptions o;
  o.buyers = o.goods = m;
  o.tu = tu;
  o.integer = true;
  o.max_value = 1000;
  return gen::generate_allocation_market(1, o);
}

void per_buyer(benchmark::State& state, std::size_t events) {
  state.counters["events_per_buyer"] = static_cast<double>(events) / static_cast<double>(state.range(0));
}

void BM_TuPath(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), true);
  std::size_t events = 0;
  for (auto _ : state) events = homotopy::solve_path(m).events.size();
  per_buyer(state, events);
}
void BM_TuHungarianBellmanFord(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), true);
  for (auto _ : state) benchmark::DoNotOptimize(homotopy::solve_hungarian_bf(m));
}
void BM_TuAssignmentLp(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), true);
  for (auto _ : state) benchmark::DoNotOptimize(homotopy::solve_assignment_lp(m));
}
void BM_NtuPath(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), false);
  std::size_t events = 0;
  for (auto _ : state) events = homotopy::solve_path(m).events.size();
  per_buyer(state, events);
}
void BM_NtuAllocationLp(benchmark::State& state) {
  const auto m = market(static_cast<int>(state.range(0)), false);
  for (auto _ : state) benchmark::DoNotOptimize(homotopy::solve_allocation_lp(m));
}
// §7.1 halving search on the same markets as the exact rows (compare with BM_TuPath/BM_NtuPath).
void bisect(benchmark::State& state, bool tu) {
  const auto m = market(static_cast<int>(state.range(0)), tu);
  homotopy::BisectStats stats;
  std::size_t events = 0;
  for (auto _ : state) {
    homotopy::BisectResult b = homotopy::solve_path_bisect(m);
    events = b.result.events.size();
    stats = b.stats;
  }
  per_buyer(state, events);
  state.counters["trials_per_event"] =
      events ? static_cast<double>(stats.trials) / static_cast<double>(events) : 0;
  state.counters["unseparated_steps"] = static_cast<double>(stats.unseparated);
}
void BM_TuPathBisect(benchmark::State& state) { bisect(state, true); }
void BM_NtuPathBisect(benchmark::State& state) { bisect(state, false); }

void tu_sizes(benchmark::internal::Benchmark* b) {
  for (int m : {10, 20, 50, 100, 200}) b->Arg(m);
  if (large())
    for (int m : {500, 1000}) b->Arg(m);
}
void lp_sizes(benchmark::internal::Benchmark* b) {
  for (int m : {10, 50, 100, 200}) b->Arg(m);
  if (large()) b->Arg(500);
}
void bisect_sizes(benchmark::internal::Benchmark* b) {
  for (int m : {10, 20}) b->Arg(m);
  if (large()) b->Arg(50);
}

BENCHMARK(BM_TuPath)->Apply(tu_sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TuHungarianBellmanFord)->Apply(tu_sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TuAssignmentLp)->Apply(lp_sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NtuPath)
    ->Arg(3)
    ->Arg(4)
    ->Arg(10)
    ->Arg(20)
    ->Arg(50)
    ->Arg(100)
    ->Arg(200)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NtuAllocationLp)->Arg(3)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TuPathBisect)->Apply(bisect_sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NtuPathBisect)->Apply(bisect_sizes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
