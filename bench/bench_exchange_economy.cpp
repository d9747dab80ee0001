// exchange_economy (Wang §4): is the constructive stable state supported by a price, decided
// exactly, for K types, L goods and groups of 1..N members (issue grid K ∈ {5, 10, 20, 50},
// L ∈ {1, 2, 3}, N ∈ {2, 3, 4}). Seeded economies (seed 20261129, two affine pieces per utility).
//   Constructive: s(G) for every group type (eq. 17; breakpoint greedy for one good, an exact LP
//                 per group type otherwise), the groups welfare LP, the members' bundles.
//   PriceLp:      on that state, conditions (a)-(c) and the price (one good: price_lp.cpp with
//                 the price breakpoints; several goods: price_lp_goods.cpp with the exact pair LPs
//                 and the grid price) plus the linear-price LP of §4.4.1.
//   SomeStateLp:  one good, the Corollary 1 LP over the dual optimal face.
// Counter "supported" is 1 when a price supports the state. Sizes whose group types exceed
// kMaxGroupTypes (K = 50, N = 4: 316,250) are skipped.
#include "economies/methods.h"
#include "generators/exchange_economy_generator.h"
#include "groups/enumerate.h"

#include <benchmark/benchmark.h>

namespace {

using namespace equilab;

constexpr double kMaxGroupTypes = 30000;

economies::Economy instance(int types, int goods, int max_size) {
  gen::EconomyGenOptions o;
  o.types = types;
  o.goods = goods;
  o.min_size = 1;
  o.max_size = max_size;
  o.pieces = 2;
  return gen::generate_exchange_economy(20261129, o);
}

double group_types(int k, int n) { return groups::count_group_types(k, 1, n).convert_to<double>(); }

bool too_large(benchmark::State& state) {
  if (group_types(static_cast<int>(state.range(0)), static_cast<int>(state.range(2))) <= kMaxGroupTypes) return false;
  state.SkipWithError("more than 30,000 group types");
  return true;
}

void Constructive(benchmark::State& state) {
  if (too_large(state)) return;
  const economies::Economy e = instance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                        static_cast<int>(state.range(2)));
  for (auto _ : state) benchmark::DoNotOptimize(economies::solve_constructive(e));
  state.counters["group_types"] = group_types(e.num_types(), e.max_size);
}

void PriceLp(benchmark::State& state) {
  if (too_large(state)) return;
  const economies::Economy e = instance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                        static_cast<int>(state.range(2)));
  const economies::StableState s = economies::solve_constructive(e);
  bool supported = false;
  for (auto _ : state) {
    if (e.num_goods() == 1) supported = economies::price_lp(e, s.state, s.payoff).supported;
    else supported = economies::price_lp_goods(e, s.state, s.payoff).supported;
    benchmark::DoNotOptimize(economies::linear_price(e, s.state, s.payoff));
  }
  state.counters["group_types"] = group_types(e.num_types(), e.max_size);
  state.counters["supported"] = supported ? 1 : 0;
}

void SomeStateLp(benchmark::State& state) {
  if (too_large(state)) return;
  const economies::Economy e = instance(static_cast<int>(state.range(0)), 1, static_cast<int>(state.range(2)));
  const economies::StableState s = economies::solve_constructive(e);
  bool supported = false;
  for (auto _ : state) supported = economies::some_state_supported(e, s.state).supported;
  state.counters["supported"] = supported ? 1 : 0;
}

void grid(benchmark::internal::Benchmark* b) {
  for (int k : {5, 10, 20, 50})
    for (int l : {1, 2, 3})
      for (int n : {2, 3, 4}) b->Args({k, l, n});
  b->ArgNames({"K", "L", "N"})->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
}

void one_good(benchmark::internal::Benchmark* b) {
  for (int k : {5, 10, 20, 50})
    for (int n : {2, 3, 4}) b->Args({k, 1, n});
  b->ArgNames({"K", "L", "N"})->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
}

BENCHMARK(Constructive)->Apply(grid);
BENCHMARK(PriceLp)->Apply(grid);
BENCHMARK(SomeStateLp)->Apply(one_good);

}  // namespace

BENCHMARK_MAIN();
