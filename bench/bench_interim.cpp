// interim (Zheng 2024).
// (a) max over 𝒬 of ⟨Q,w⟩ (= h(w), Lemma 6) three ways: the greedy oracle (per-profile optimiser of
//     (7), greedy.h), brute force over X (support_value), and the exact LP over ex post lotteries
//     (variables λ_{t,x} >= 0 and y_z free; Σ_x λ_{t,x} = 1, y_z = Σ_{t: t_i = τ} μ(t) Σ_x λ_{t,x} x_i^j;
//     maximise Σ w y; lpsolve-repair). The LP row checks its value against the oracle's.
//     2-player matching (exact unit demand): Args (N objects, types per player), uniform prior.
//     ranked_quota: Args (n players, types per player), a seeded generator instance.
// (b) feasibility of a boundary point of 𝒬_B (generator, `--point boundary`): lp vs greedy,
//     Args (players, types, objects), |Z| = 8 … 20.
// Issue 6 goals: oracle, matching N = 20, 50×50 types < 50 ms; exact LP, matching N = 5, 5×5 types
// < 10 s; greedy at |Z| = 16 < 5 s.
// EQUILAB_BENCH_SLOW=1 adds the rows that take minutes (larger exact LPs, |Z| = 20).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "core/random.h"
#include "generators/interim_generator.h"
#include "interim/greedy.h"
#include "interim/methods.h"
#include "interim/model.h"
#include "lp/lpsolve.h"

namespace {

using namespace equilab;
using namespace equilab::interim;

// prefix + k (appending sidesteps GCC 12's false -Wrestrict on `"literal" + std::string&&` at -O3).
std::string label(const char* prefix, long k) {
  std::string s(prefix);
  s += std::to_string(k);
  return s;
}

// Players "1".."n", each with `types` equally likely types "t0".., independent.
void uniform_players(InterimInstance& in, int players, int types, std::uint64_t max_profiles) {
  for (int i = 0; i < players; ++i) {
    Player p{label("", i + 1), {}};
    std::vector<Rational> prob;
    for (int k = 0; k < types; ++k) {
      p.types.push_back(label("t", k));
      prob.push_back(Rational(1, types));
    }
    in.players.push_back(std::move(p));
    in.type_prob.push_back(std::move(prob));
  }
  finish_prior(in, max_profiles);
}

// The zero interim allocation and weights in [−5, 5] in steps of 1/4.
void zero_interim_random_weights(InterimInstance& in, Random& rng) {
  in.interim.assign(in.num_triples(), Rational(0));
  std::vector<Rational> w(in.num_triples());
  for (auto& v : w) v = Rational(rng.uniform_int(-20, 20), 4);
  in.weights = std::move(w);
}

InterimInstance matching(int objects, int types) {
  InterimInstance in;
  Random rng(20261129);
  uniform_players(in, 2, types, 1'000'000);
  in.kind = OutcomeKind::Matching;
  in.exact_demand = true;
  for (int j = 0; j < objects; ++j) in.objects.push_back(label("o", j));
  zero_interim_random_weights(in, rng);
  return in;
}

// ranked_quota with distinct qualities ρ = (n, n−1, …, 1), I_1 = the odd-numbered players, ξ = ⌈n/2⌉,
// ζ = 1, uniform independent types, weights in [−5, 5] in steps of 1/4 (built directly: the generator
// stops at |Z| = 20).
InterimInstance ranked_quota(int players, int types) {
  InterimInstance in;
  Random rng(20261130);
  uniform_players(in, players, types, 10'000'000);
  in.kind = OutcomeKind::RankedQuota;
  in.objects = {"good"};
  for (int k = 0; k < players; ++k) in.qualities.push_back(Rational(players - k));
  for (int i = 0; i < players; ++i) in.group1.push_back(i % 2 == 0);
  in.top = (players + 1) / 2;
  in.quota = 1;
  zero_interim_random_weights(in, rng);
  return in;
}

using Maker = std::function<InterimInstance(int, int)>;

Rational oracle_value(const InterimInstance& in) {
  Rational h = 0;
  const int m = in.num_objects();
  for (int t = 0; t < in.num_profiles(); ++t) {
    const Outcome x = greedy_outcome(in, *in.weights, t);
    for (int i = 0; i < in.num_players(); ++i)
      for (int j = 0; j < m; ++j)
        if (x[i * m + j] != 0)
          h += in.profile_prob[t] * x[i * m + j] * (*in.weights)[in.z_index(i, in.profiles[t][i], j)];
  }
  return h;
}

void Oracle(benchmark::State& state, const Maker& make) {
  const InterimInstance in = make(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  for (auto _ : state) benchmark::DoNotOptimize(oracle_value(in));
  state.counters["profiles"] = in.num_profiles();
}

void BruteForce(benchmark::State& state, const Maker& make) {
  const InterimInstance in = make(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  const auto X = enumerate_outcomes(in, 100'000'000);
  for (auto _ : state) benchmark::DoNotOptimize(support_value(in, X, *in.weights));
  state.counters["profiles"] = in.num_profiles();
  state.counters["outcomes"] = static_cast<double>(X.size());
}

// max ⟨Q,w⟩ over 𝒬 as one exact LP (X enumerated outside the timing, the LP built and solved inside).
void ExactLp(benchmark::State& state, const Maker& make) {
  const InterimInstance in = make(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)));
  const auto X = enumerate_outcomes(in, 100'000'000);
  const int T = in.num_profiles(), nx = static_cast<int>(X.size()), nz = in.num_triples(),
            m = in.num_objects();
  const std::vector<Rational>& w = *in.weights;
  Rational value;
  for (auto _ : state) {
    lp::LpModel model;
    model.sense = lp::Sense::Maximize;
    const int ny = nz;  // y_z first, then λ_{t,x}
    model.variables.resize(static_cast<std::size_t>(ny) + static_cast<std::size_t>(T) * nx);
    model.objective.assign(model.variables.size(), Rational(0));
    for (int z = 0; z < nz; ++z) {
      model.variables[z].name = label("y_", z);
      model.variables[z].lower = std::nullopt;
      model.objective[z] = w[z];
    }
    for (int t = 0; t < T; ++t)
      for (int k = 0; k < nx; ++k) model.variables[ny + t * nx + k].name = label("l_", static_cast<long>(t) * nx + k);
    for (int t = 0; t < T; ++t) {
      lp::Constraint c;
      c.name = label("profile_", t);
      c.op = lp::RowOp::Equal;
      c.rhs = 1;
      for (int k = 0; k < nx; ++k) c.coef.emplace_back(ny + t * nx + k, Rational(1));
      model.constraints.push_back(std::move(c));
    }
    std::vector<lp::Constraint> rows(nz);
    for (int z = 0; z < nz; ++z) {
      rows[z].name = label("triple_", z);
      rows[z].op = lp::RowOp::Equal;
      rows[z].rhs = 0;
      rows[z].coef.emplace_back(z, Rational(1));
    }
    for (int t = 0; t < T; ++t)
      for (int k = 0; k < nx; ++k)
        for (int i = 0; i < in.num_players(); ++i)
          for (int j = 0; j < m; ++j)
            if (X[k][i * m + j] != 0)
              rows[in.z_index(i, in.profiles[t][i], j)].coef.emplace_back(ny + t * nx + k,
                                                                         -in.profile_prob[t] * X[k][i * m + j]);
    for (auto& r : rows) model.constraints.push_back(std::move(r));
    const lp::Solution<Rational> sol = lp::lpsolve_repair(model);
    if (sol.status != lp::Status::Optimal) {
      state.SkipWithError("the LP is not optimal");
      return;
    }
    value = sol.objective;
  }
  if (value != oracle_value(in)) state.SkipWithError("the LP value differs from the oracle's");
  state.counters["profiles"] = T;
  state.counters["columns"] = static_cast<double>(T) * nx;
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

using Method = std::function<InterimResult(const InterimInstance&, const InterimOptions&)>;

void Feasibility(benchmark::State& state, const Method& method, const std::string& kind) {
  const InterimInstance in = boundary(kind, static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                      static_cast<int>(state.range(2)));
  InterimResult r;
  for (auto _ : state) r = method(in, InterimOptions{});
  state.counters["Z"] = in.num_triples();
  state.SetLabel(to_string(r.status));
}

bool slow_rows() {
  const char* env = std::getenv("EQUILAB_BENCH_SLOW");
  return env != nullptr && *env != '\0' && std::string(env) != "0";
}

void add(const std::string& name, const std::function<void(benchmark::State&)>& body,
         const std::vector<std::vector<std::int64_t>>& args, const std::vector<std::string>& names) {
  auto* b = benchmark::RegisterBenchmark(name.c_str(), body);
  for (const auto& a : args) b->Args(a);
  b->ArgNames(names)->Unit(benchmark::kMillisecond);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const bool slow = slow_rows();
  const Maker mk_matching = matching, mk_ranked = ranked_quota;
  const std::vector<std::string> mt = {"N", "types"}, rt = {"n", "types"}, ft = {"players", "types", "objects"};

  // (a) 2-player matching.
  std::vector<std::vector<std::int64_t>> oracle_args;
  for (int n : {3, 5, 10, 20})
    for (int t : {2, 5, 10, 20, 50}) oracle_args.push_back({n, t});
  add("OracleMatching", [=](benchmark::State& s) { Oracle(s, mk_matching); }, oracle_args, mt);
  add("BruteForceMatching", [=](benchmark::State& s) { BruteForce(s, mk_matching); },
      {{3, 2}, {5, 5}, {10, 10}, {20, 20}, {20, 50}}, mt);
  std::vector<std::vector<std::int64_t>> lp_args = {{3, 2}, {3, 5}, {5, 2}, {5, 5}, {5, 10}, {10, 5}};
  if (slow) lp_args.insert(lp_args.end(), {{10, 10}, {20, 5}, {20, 10}});
  add("ExactLpMatching", [=](benchmark::State& s) { ExactLp(s, mk_matching); }, lp_args, mt);

  // (a) ranked_quota, n = 4 … 8 players with 2–3 types each.
  std::vector<std::vector<std::int64_t>> rq_args;
  for (int n = 4; n <= 8; ++n)
    for (int t : {2, 3}) rq_args.push_back({n, t});
  add("OracleRankedQuota", [=](benchmark::State& s) { Oracle(s, mk_ranked); }, rq_args, rt);
  std::vector<std::vector<std::int64_t>> rq_bf = {{4, 2}, {4, 3}, {5, 2}, {5, 3}, {6, 2}};
  if (slow) rq_bf.insert(rq_bf.end(), {{6, 3}, {7, 2}, {7, 3}, {8, 2}});
  add("BruteForceRankedQuota", [=](benchmark::State& s) { BruteForce(s, mk_ranked); }, rq_bf, rt);
  std::vector<std::vector<std::int64_t>> rq_lp = {{4, 2}, {4, 3}, {5, 2}};
  if (slow) rq_lp.insert(rq_lp.end(), {{5, 3}, {6, 2}});
  add("ExactLpRankedQuota", [=](benchmark::State& s) { ExactLp(s, mk_ranked); }, rq_lp, rt);

  // (b) feasibility, |Z| = 8, 12, 16 (20 behind EQUILAB_BENCH_SLOW).
  struct Kind {
    const char* name;
    std::vector<std::vector<std::int64_t>> args, slow_args;
  };
  const Kind kinds[] = {
      {"matching", {{2, 2, 2}, {2, 2, 3}, {2, 2, 4}}, {{2, 2, 5}}},
      {"multiunit", {{4, 2, 0}, {4, 3, 0}, {4, 4, 0}}, {{4, 5, 0}}},
      {"ranked_quota", {{4, 2, 0}, {4, 3, 0}, {4, 4, 0}}, {{4, 5, 0}}},
  };
  for (const Kind& k : kinds) {
    auto args = k.args;
    if (slow) args.insert(args.end(), k.slow_args.begin(), k.slow_args.end());
    const std::string kind = k.name;
    add(std::string("Lp/") + kind, [=](benchmark::State& s) { Feasibility(s, solve_lp, kind); }, args, ft);
    add(std::string("Greedy/") + kind, [=](benchmark::State& s) { Feasibility(s, solve_greedy, kind); }, args, ft);
  }

  benchmark::AddCustomContext("EQUILAB_BENCH_SLOW", slow ? "1" : "0");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
