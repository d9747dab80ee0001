// pseudo_market decompose (issue 10): bckm-flow on n × n bihierarchies up to 200 (goal: 200 × 200 exact
// in < 10 s), caratheodory (face walk, one exact LP per point) on the small ones.
//   Generated: `equilab generate pseudo_market --agents n --objects n --bihierarchy --points n` (rows,
//              sub-rows, agent groups, regions, supplies 1..2; x a mixture of n greedy integral points).
//   Birkhoff:  n agents, n objects of supply 1, rows with floor = ceiling = 1, x a mixture of K random
//              permutation matrices with weights 1..9 (a doubly-stochastic matrix; support ≈ (1 −
//              e^{−K/n})·n²). Arguments n, K.
//   Uniform:   the same constraints with x = J/n (every cell 1/n).
// Counters: cells, support (cells with x > 0), points of the lottery.
#include <benchmark/benchmark.h>

#include <numeric>

#include "core/random.h"
#include "generators/pseudo_market_generator.h"
#include "pseudo_market/methods.h"
#include "pseudo_market/model.h"

namespace {

using namespace equilab;
using namespace equilab::pseudo_market;

DecomposeInstance generated(int n) {
  gen::PseudoMarketGenOptions o;
  o.agents = o.objects = n;
  o.bihierarchy = true;
  o.points = n;
  return gen::generate_pseudo_market(20260101 + static_cast<std::uint64_t>(n), o);
}

DecomposeInstance birkhoff(int n, int K) {
  Random rng(4242 + static_cast<std::uint64_t>(n) * 7919 + static_cast<std::uint64_t>(K));
  DecomposeInstance in;
  in.kind = Kind::Assignment;
  for (int i = 0; i < n; ++i) in.agents.push_back({std::to_string(i + 1), std::nullopt});
  for (int l = 0; l < n; ++l) in.objects.push_back({"o" + std::to_string(l + 1), Integer(1)});
  for (int i = 0; i < n; ++i) {
    UserConstraint row;
    row.name = "row-" + std::to_string(i + 1);
    row.agents = std::vector<int>{i};
    row.floor = 1;
    row.ceiling = Integer(1);
    in.constraints.push_back(std::move(row));
  }
  std::vector<Rational> x(static_cast<std::size_t>(n) * n, Rational(0));
  std::vector<int> perm(n);
  std::vector<Rational> weight(K);
  Rational total = 0;
  for (auto& w : weight) total += (w = Rational(rng.uniform_int(1, 9)));
  for (int k = 0; k < K; ++k) {
    std::iota(perm.begin(), perm.end(), 0);
    for (int t = n - 1; t > 0; --t) std::swap(perm[t], perm[rng.uniform_int(0, t)]);
    for (int i = 0; i < n; ++i) x[static_cast<std::size_t>(i) * n + perm[i]] += weight[k] / total;
  }
  finish(in, x, {});
  return in;
}

// x = J/n: every cell 1/n.
DecomposeInstance uniform(int n) {
  DecomposeInstance in = birkhoff(n, 1);
  std::vector<Rational> x(static_cast<std::size_t>(n) * n, Rational(1, n));
  finish(in, x, {});
  return in;
}

void report(benchmark::State& state, const DecomposeInstance& in, const DecomposeResult& r) {
  int support = 0;
  for (const Rational& v : in.x) support += v > 0;
  state.counters["cells"] = in.num_cells();
  state.counters["support"] = support;
  state.counters["points"] = static_cast<double>(r.lottery.size());
  if (r.status != Status::Implemented) state.SkipWithError("not implemented");
}

void BckmFlowGenerated(benchmark::State& state) {
  const DecomposeInstance in = generated(static_cast<int>(state.range(0)));
  DecomposeResult r;
  for (auto _ : state) r = solve_bckm_flow(in, {});
  report(state, in, r);
}

void BckmFlowBirkhoff(benchmark::State& state) {
  const DecomposeInstance in = birkhoff(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  DecomposeResult r;
  for (auto _ : state) r = solve_bckm_flow(in, {});
  report(state, in, r);
}

void BckmFlowUniform(benchmark::State& state) {
  const DecomposeInstance in = uniform(static_cast<int>(state.range(0)));
  DecomposeResult r;
  for (auto _ : state) r = solve_bckm_flow(in, {});
  report(state, in, r);
}

void CaratheodoryGenerated(benchmark::State& state) {
  const DecomposeInstance in = generated(static_cast<int>(state.range(0)));
  DecomposeResult r;
  for (auto _ : state) r = solve_caratheodory(in, {});
  report(state, in, r);
}

void CaratheodoryBirkhoff(benchmark::State& state) {
  const DecomposeInstance in = birkhoff(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  DecomposeResult r;
  for (auto _ : state) r = solve_caratheodory(in, {});
  report(state, in, r);
}

}  // namespace

BENCHMARK(BckmFlowGenerated)->Arg(10)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BckmFlowBirkhoff)
    ->Args({10, 10})
    ->Args({50, 50})
    ->Args({100, 100})
    ->Args({200, 200})
    ->Args({200, 1000})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BckmFlowUniform)->Arg(50)->Arg(100)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK(CaratheodoryGenerated)->Arg(5)->Arg(10)->Arg(20)->Unit(benchmark::kMillisecond);
BENCHMARK(CaratheodoryBirkhoff)->Args({5, 5})->Args({10, 10})->Args({20, 20})->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
