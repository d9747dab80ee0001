// groups at scale (Wang §2.5.2): methods `colgen` (column generation, double phase with lp_solve
// then exact recompute and exact pricing) and `fv-sparse` (local moves on a sparse support, exact
// LPs, blocking groups from verify's structured check), and that check alone on colgen's result
// (`Verify`), on seeded pairwise instances drawn like
// `equilab generate groups --value pairwise --min-size 1 --max-size N --degree d --types K`.
// Arguments: types K, largest size N, average degree d, seed index (3 seeds).
// Counters: rounds (master solves), exact rounds, columns generated and final, seconds of the
// double and exact phases, formed groups, and |𝒢| = Σ_n C(K+n−1, n) (never enumerated).
// Goal of the issue: K = 1000, sizes 1..4, d = 8 certified exactly (verify included) in
// <= 5 minutes; verify is timed through the command (`equilab verify`), see the README.
// Example: bench_groups_scale --benchmark_filter='Colgen/types:1000/N:4/degree:8/' --benchmark_format=json
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/methods.h"
#include "verify/groups_scale_certificate.h"

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

using namespace equilab;

groups::GroupsInstance instance(int types, int max_size, int degree, int seed_index) {
  gen::GroupsGenOptions o;
  o.types = types;
  o.min_size = 1;
  o.max_size = max_size;
  o.pairwise = true;
  o.degree = degree;
  return gen::generate_groups(20261129 + static_cast<std::uint64_t>(seed_index), o);
}

groups::GroupsInstance instance_of(const benchmark::State& state) {
  return instance(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                  static_cast<int>(state.range(2)), static_cast<int>(state.range(3)));
}

groups::GroupsOptions options() {
  groups::GroupsOptions o;
  o.ranges = false;
  return o;
}

void report(benchmark::State& state, const groups::StableAssignment& r) {
  const groups::ColumnStats& st = *r.stats;
  state.counters["size"] = static_cast<double>(state.range(0));  // the report's size axis: types
  state.counters["rounds"] = static_cast<double>(st.rounds);
  state.counters["exact_rounds"] = static_cast<double>(st.exact_rounds);
  state.counters["columns_generated"] = static_cast<double>(st.columns_generated);
  state.counters["columns_final"] = static_cast<double>(st.columns_final);
  state.counters["seconds_double"] = st.seconds_double;
  state.counters["seconds_exact"] = st.seconds_exact;
  state.counters["formed_groups"] = static_cast<double>(r.assignment.size());
  state.counters["group_types"] = st.group_types.convert_to<double>();
}

void Colgen(benchmark::State& state) {
  const auto inst = instance_of(state);
  groups::StableAssignment r;
  for (auto _ : state) {
    r = groups::solve_colgen(inst, options());
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
}

void FvSparse(benchmark::State& state) {
  const auto inst = instance_of(state);
  const groups::BlockingSearch blocking = [&](const std::vector<Rational>& u) {
    return verify::find_blocking_group(inst, u, groups::kDefaultMaxEnumeration);
  };
  groups::StableAssignment r;
  for (auto _ : state) {
    r = groups::solve_fv_sparse(inst, options(), blocking);
    benchmark::DoNotOptimize(r);
  }
  report(state, r);
  state.counters["converged"] = r.stats->status == "optimal" ? 1 : 0;
}

// verify's structured check of colgen's result (the solve is not timed).
void Verify(benchmark::State& state) {
  const auto inst = instance_of(state);
  const groups::StableAssignment r = groups::solve_colgen(inst, options());
  bool valid = false;
  for (auto _ : state) {
    valid = verify::check_groups_at_scale(inst, r, groups::kDefaultMaxEnumeration).valid;
    benchmark::DoNotOptimize(valid);
  }
  if (!valid) state.SkipWithError("colgen's certificate was rejected");
  state.counters["size"] = static_cast<double>(state.range(0));
}

void sweep(benchmark::internal::Benchmark* b) {
  // The number of types varies fastest, so that the first instances listed (what `equilab bench
  // --first K` runs) are a scaling series.
  for (int seed = 0; seed < 3; ++seed)
    for (int n : {2, 3, 4})
      for (int d : {4, 8, 16})
        for (int k : {100, 200, 500, 1000, 2000}) b->Args({k, n, d, seed});
  b->ArgNames({"types", "N", "degree", "seed"});
  b->Unit(benchmark::kSecond)->Iterations(1);
}

BENCHMARK(Colgen)->Apply(sweep);
BENCHMARK(FvSparse)->Apply(sweep);
BENCHMARK(Verify)->Apply(sweep);

}  // namespace

BENCHMARK_MAIN();
