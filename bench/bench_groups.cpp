// groups (Wang §2): welfare-lp exact and double, and transport, on seeded pairwise
// instances (`equilab generate groups --value pairwise`). Arguments: types, max size.
// Goal of the issue: 30 types, sizes 1..4 (46,375 group types) certified exactly with
// ranges in < 10 s; transport < 60 s.
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/methods.h"

#include <benchmark/benchmark.h>

namespace {

using namespace equilab;

groups::GroupsInstance instance(int types, int max_size) {
  gen::GroupsGenOptions o;
  o.types = types;
  o.min_size = 1;
  o.max_size = max_size;
  o.pairwise = true;
  return gen::generate_groups(20261129, o);
}

template <class Method>
void run(benchmark::State& state, Method method, bool exact) {
  const auto inst = instance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  groups::GroupsOptions o;
  o.exact = exact;
  for (auto _ : state) benchmark::DoNotOptimize(method(inst, o));
  state.counters["group_types"] =
      groups::count_group_types(inst.num_types(), inst.min_size, inst.max_size).convert_to<double>();
}

void WelfareLpExact(benchmark::State& s) { run(s, groups::solve_welfare_lp, true); }
void WelfareLpDouble(benchmark::State& s) { run(s, groups::solve_welfare_lp, false); }
void Transport(benchmark::State& s) { run(s, groups::solve_transport, true); }

void sizes(benchmark::internal::Benchmark* b) {
  for (int k : {5, 10, 20, 30}) b->Args({k, 4});
  for (int k : {50, 100}) b->Args({k, 3});
  b->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(true);
}

BENCHMARK(WelfareLpExact)->Apply(sizes);
BENCHMARK(WelfareLpDouble)->Apply(sizes);
BENCHMARK(Transport)->Apply(sizes);

}  // namespace

BENCHMARK_MAIN();
