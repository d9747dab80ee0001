// interim (Zheng 2024): (a) max over 𝒬 of ⟨Q,w⟩ = h(w) by the greedy oracle vs brute force over X
// (2-player matching, N objects, `types` types each, uniform prior); (b) feasibility of a boundary
// point of 𝒬_B by lp (exact ex post LP) vs greedy (the construction of the notes §4), on seeded
// generator instances (`equilab generate interim --point boundary`).
// Issue 6 goals: oracle, matching N = 20, 50×50 types < 50 ms; greedy at |Z| = 16 < 5 s.
#include <benchmark/benchmark.h>

#include "core/random.h"
#include "generators/interim_generator.h"
#include "interim/greedy.h"
#include "interim/methods.h"
#include "interim/model.h"

namespace {

using namespace equilab;
using namespace equilab::interim;

InterimInstance matching(int objects, int types) {
  InterimInstance in;
  Random rng(20261129);
  for (int i = 0; i < 2; ++i) {
    Player p{std::to_string(i + 1), {}};
    std::vector<Rational> prob;
    for (int k = 0; k < types; ++k) {
      p.types.push_back("t" + std::to_string(k));
      prob.push_back(Rational(1, types));
    }
    in.players.push_back(std::move(p));
    in.type_prob.push_back(std::move(prob));
  }
  finish_prior(in, 1'000'000);
  in.kind = OutcomeKind::Matching;
  in.exact_demand = true;
  for (int j = 0; j < objects; ++j) in.objects.push_back("o" + std::to_string(j));
  in.interim.assign(in.num_triples(), Rational(0));
  std::vector<Rational> w(in.num_triples());
  for (auto& v : w) v = Rational(rng.uniform_int(-20, 20), 4);
  in.weights = std::move(w);
  return in;
}

void OracleMatching(benchmark::State& state) {
  const InterimInstance in = matching(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) {
    Rational h = 0;
    const int m = in.num_objects();
    for (int t = 0; t < in.num_profiles(); ++t) {
      const Outcome x = greedy_outcome(in, *in.weights, t);
      for (int i = 0; i < 2; ++i)
        for (int j = 0; j < m; ++j)
          if (x[i * m + j] != 0) h += in.profile_prob[t] * (*in.weights)[in.z_index(i, in.profiles[t][i], j)];
    }
    benchmark::DoNotOptimize(h);
  }
  state.counters["profiles"] = in.num_profiles();
}

void BruteForceMatching(benchmark::State& state) {
  const InterimInstance in = matching(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  const auto X = enumerate_outcomes(in, 10'000'000);
  for (auto _ : state) benchmark::DoNotOptimize(support_value(in, X, *in.weights));
  state.counters["outcomes"] = static_cast<double>(X.size());
}

// (a) ranked_quota, n players with `types` types each (generator instance with weights).
void OracleRankedQuota(benchmark::State& state) {
  gen::InterimGenOptions o;
  o.kind = "ranked_quota";
  o.players = static_cast<int>(state.range(0));
  o.types = static_cast<int>(state.range(1));
  o.weights = true;
  const InterimInstance in = gen::generate_interim(5, o);
  for (auto _ : state)
    for (int t = 0; t < in.num_profiles(); ++t) benchmark::DoNotOptimize(greedy_outcome(in, *in.weights, t));
  state.counters["profiles"] = in.num_profiles();
}

void BruteForceRankedQuota(benchmark::State& state) {
  gen::InterimGenOptions o;
  o.kind = "ranked_quota";
  o.players = static_cast<int>(state.range(0));
  o.types = static_cast<int>(state.range(1));
  o.weights = true;
  const InterimInstance in = gen::generate_interim(5, o);
  const auto X = enumerate_outcomes(in, 10'000'000);
  for (auto _ : state) benchmark::DoNotOptimize(support_value(in, X, *in.weights));
  state.counters["outcomes"] = static_cast<double>(X.size());
}

InterimInstance boundary(const std::string& kind, int players, int types, int objects) {
  gen::InterimGenOptions o;
  o.kind = kind;
  o.players = players;
  o.types = types;
  o.objects = objects;
  o.point = "boundary";
  return gen::generate_interim(7, o);
}

template <class Method>
void feasibility(benchmark::State& state, Method method, const std::string& kind) {
  const int a = static_cast<int>(state.range(0)), b = static_cast<int>(state.range(1)),
            c = static_cast<int>(state.range(2));
  const InterimInstance in = boundary(kind, a, b, c);
  InterimResult r;
  for (auto _ : state) r = method(in, InterimOptions{});
  state.counters["Z"] = in.num_triples();
  state.SetLabel(to_string(r.status));
}

void LpMatching(benchmark::State& s) { feasibility(s, solve_lp, "matching"); }
void GreedyMatching(benchmark::State& s) { feasibility(s, solve_greedy, "matching"); }
void LpMultiunit(benchmark::State& s) { feasibility(s, solve_lp, "multiunit"); }
void GreedyMultiunit(benchmark::State& s) { feasibility(s, solve_greedy, "multiunit"); }
void LpRankedQuota(benchmark::State& s) { feasibility(s, solve_lp, "ranked_quota"); }
void GreedyRankedQuota(benchmark::State& s) { feasibility(s, solve_greedy, "ranked_quota"); }

}  // namespace

BENCHMARK(OracleMatching)
    ->Args({3, 2})
    ->Args({5, 5})
    ->Args({10, 10})
    ->Args({20, 20})
    ->Args({20, 50})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(OracleRankedQuota)->Args({4, 3})->Args({6, 2})->Args({8, 2})->Unit(benchmark::kMillisecond);
BENCHMARK(BruteForceRankedQuota)->Args({4, 3})->Args({6, 2})->Args({8, 2})->Unit(benchmark::kMillisecond);
BENCHMARK(BruteForceMatching)->Args({3, 2})->Args({5, 5})->Args({6, 5})->Unit(benchmark::kMillisecond);
// (players, types, objects): |Z| = 8, 12, 16.
BENCHMARK(LpMatching)->Args({2, 2, 2})->Args({2, 2, 3})->Args({2, 2, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(GreedyMatching)->Args({2, 2, 2})->Args({2, 2, 3})->Args({2, 2, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(LpMultiunit)->Args({4, 2, 0})->Args({4, 3, 0})->Args({4, 4, 0})->Unit(benchmark::kMillisecond);
BENCHMARK(GreedyMultiunit)->Args({4, 2, 0})->Args({4, 3, 0})->Args({4, 4, 0})->Unit(benchmark::kMillisecond);
BENCHMARK(LpRankedQuota)->Args({4, 2, 0})->Args({4, 3, 0})->Args({4, 4, 0})->Unit(benchmark::kMillisecond);
BENCHMARK(GreedyRankedQuota)
    ->Args({4, 2, 0})
    ->Args({4, 3, 0})
    ->Args({4, 4, 0})
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
