// exchange_economy (Wang §4): method constructive (s(G) for every group type, eq. 17, then the
// groups welfare LP), method price-lp on the constructive state (conditions (a)-(c) and the price
// construction of price_lp.cpp), and the Corollary 1 LP over the dual optimal face that price-lp
// also runs. Seeded economies with one good, sizes 1..3, two affine pieces per utility.
// Argument: the number of types K.
#include "economies/methods.h"
#include "generators/exchange_economy_generator.h"
#include "groups/enumerate.h"

#include <benchmark/benchmark.h>

namespace {

using namespace equilab;

economies::Economy instance(int types) {
  gen::EconomyGenOptions o;
  o.types = types;
  o.goods = 1;
  o.min_size = 1;
  o.max_size = 3;
  o.pieces = 2;
  return gen::generate_exchange_economy(20261129, o);
}

void counters(benchmark::State& state, const economies::Economy& e) {
  state.counters["group_types"] = static_cast<double>(groups::count_group_types(e.num_types(), 1, 3).convert_to<double>());
}

void Constructive(benchmark::State& state) {
  const economies::Economy e = instance(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(economies::solve_constructive(e));
  counters(state, e);
}

void PriceLp(benchmark::State& state) {
  const economies::Economy e = instance(static_cast<int>(state.range(0)));
  const economies::StableState s = economies::solve_constructive(e);
  for (auto _ : state) benchmark::DoNotOptimize(economies::price_lp(e, s.state, s.payoff));
  counters(state, e);
  state.counters["supported"] = economies::price_lp(e, s.state, s.payoff).supported ? 1 : 0;
}

void SomeStateLp(benchmark::State& state) {
  const economies::Economy e = instance(static_cast<int>(state.range(0)));
  const economies::StableState s = economies::solve_constructive(e);
  for (auto _ : state) benchmark::DoNotOptimize(economies::some_state_supported(e, s.state));
  counters(state, e);
  state.counters["supported"] = economies::some_state_supported(e, s.state).supported ? 1 : 0;
  state.counters["lp_rows"] = static_cast<double>(economies::some_state_model(e, s.state).num_rows());
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int k : {4, 8, 12, 16}) b->Arg(k);
  b->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
}

BENCHMARK(Constructive)->Apply(sizes);
BENCHMARK(PriceLp)->Apply(sizes);
BENCHMARK(SomeStateLp)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
