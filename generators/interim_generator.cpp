// The random point: feasible = the reduced form (eq. (1)) of random ex post lotteries over X;
// boundary = where the ray from that point along a random integer direction d (in y = Qμ_i
// coordinates) leaves 𝒬_B: λ = min over test sets with d(S) ≠ 0 of (F(S) − y(S))/d(S) or
// (G(S) − y(S))/d(S); outside = a step further (λ·17/16, or 1/16 when λ = 0), which breaks the
// limiting test set and so lies outside 𝒬_B ⊇ 𝒬.
#include "generators/interim_generator.h"

#include <algorithm>
#include <stdexcept>

#include "core/random.h"
#include "interim/test_sets.h"

namespace equilab::gen {

using namespace interim;

namespace {

Rational positive_weight(Random& rng) { return Rational(rng.uniform_int(1, 9)); }

}  // namespace

InterimInstance generate_interim(std::uint64_t seed, const InterimGenOptions& o) {
  if (o.players < 1 || o.players > 8) throw std::invalid_argument("--players must be in 1..8");
  if (o.types < 1 || o.types > 6) throw std::invalid_argument("--types must be in 1..6");
  if (o.objects < 0 || o.objects > 8) throw std::invalid_argument("--objects must be in 0..8");
  if (o.point != "feasible" && o.point != "boundary" && o.point != "outside")
    throw std::invalid_argument("--point must be feasible, boundary or outside");
  Random rng(seed);
  InterimInstance in;
  in.name = "random-" + o.kind + "-" + std::to_string(seed);
  const int n = o.players;
  for (int i = 0; i < n; ++i) {
    Player p{std::to_string(i + 1), {}};
    for (int k = 0; k < o.types; ++k) p.types.push_back("t" + std::to_string(k + 1));
    in.players.push_back(std::move(p));
  }
  in.independent = !o.joint;
  if (in.independent) {
    for (int i = 0; i < n; ++i) {
      std::vector<Rational> w(o.types);
      Rational sum = 0;
      for (auto& x : w) sum += (x = positive_weight(rng));
      for (auto& x : w) x /= sum;
      in.type_prob.push_back(std::move(w));
    }
    finish_prior(in, 100'000);
  } else {
    in.type_prob.assign(n, {});
    std::vector<int> t(n, 0);
    std::uint64_t count = 1;
    for (int i = 0; i < n; ++i) count *= o.types;
    if (count > 100'000) throw std::invalid_argument("too many type profiles");
    Rational sum = 0;
    for (std::uint64_t k = 0; k < count; ++k) {
      in.profiles.push_back(t);
      in.profile_prob.push_back(positive_weight(rng));
      sum += in.profile_prob.back();
      for (int i = n - 1; i >= 0; --i) {
        if (++t[i] < o.types) break;
        t[i] = 0;
      }
    }
    for (auto& p : in.profile_prob) p /= sum;
    finish_prior(in, 100'000);
  }
  const int N = o.objects > 0 ? o.objects : n;
  if (o.kind == "knapsack") {
    in.kind = OutcomeKind::Knapsack;
    in.objects = {"good"};
    Rational total = 0, biggest = 0;
    for (int i = 0; i < n; ++i) {
      in.size.push_back(Rational(rng.uniform_int(1, 5)));
      total += in.size.back();
      biggest = std::max(biggest, in.size.back());
    }
    in.capacity = biggest + Rational(rng.uniform_int(
                                0, static_cast<std::int64_t>((total - biggest).convert_to<long>())));
  } else if (o.kind == "multiunit") {
    in.kind = OutcomeKind::Multiunit;
    in.objects = {"good"};
    in.units = static_cast<int>(rng.uniform_int(1, std::max(1, n - 1)));
  } else if (o.kind == "ranked_quota") {
    in.kind = OutcomeKind::RankedQuota;
    in.objects = {"good"};
    for (int i = 0; i < n; ++i) in.qualities.push_back(Rational(rng.uniform_int(1, 8), 4));
    std::sort(in.qualities.rbegin(), in.qualities.rend());
    in.group1.assign(n, false);
    int g1 = 0;
    for (int i = 0; i < n; ++i)
      if (rng.bernoulli(1, 2)) {
        in.group1[i] = true;
        ++g1;
      }
    in.top = static_cast<int>(rng.uniform_int(0, n));
    in.quota = static_cast<int>(rng.uniform_int(0, std::min(in.top, g1)));
  } else if (o.kind == "matching") {
    in.kind = OutcomeKind::Matching;
    for (int j = 0; j < N; ++j) in.objects.push_back(std::string(1, static_cast<char>('a' + j)));
    in.exact_demand = n <= N && rng.bernoulli(1, 2);
  } else if (o.kind == "explicit") {
    in.kind = OutcomeKind::Explicit;
    for (int j = 0; j < N; ++j) in.objects.push_back(std::string(1, static_cast<char>('a' + j)));
    const int count = static_cast<int>(rng.uniform_int(2, 6));
    for (int k = 0; k < count; ++k) {
      Outcome x(static_cast<std::size_t>(n) * N);
      for (auto& v : x) v = Rational(rng.uniform_int(0, 2));
      if (std::find(in.explicit_list.begin(), in.explicit_list.end(), x) == in.explicit_list.end())
        in.explicit_list.push_back(std::move(x));
    }
  } else {
    throw std::invalid_argument("--kind must be explicit, knapsack, multiunit, ranked_quota or matching");
  }
  const int nz = in.num_triples();
  if (nz > 20)
    throw std::invalid_argument("|Z| = " + std::to_string(nz) + " triples: at most 20 are supported");
  const std::vector<Outcome> X = enumerate_outcomes(in, 100'000);

  // A random ex post allocation: per profile a lottery over one or two outcomes.
  const int m = in.num_objects();
  std::vector<Rational> y(nz, Rational(0));
  for (int t = 0; t < in.num_profiles(); ++t) {
    const int a = static_cast<int>(rng.uniform_int(0, static_cast<std::int64_t>(X.size()) - 1));
    const int b = static_cast<int>(rng.uniform_int(0, static_cast<std::int64_t>(X.size()) - 1));
    const Rational pa = Rational(rng.uniform_int(0, 4), 4);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j) {
        const Rational v = pa * X[a][i * m + j] + (1 - pa) * X[b][i * m + j];
        if (v != 0) y[in.z_index(i, in.profiles[t][i], j)] += in.profile_prob[t] * v;
      }
  }
  if (o.point != "feasible") {
    std::vector<Rational> d(nz);
    bool nonzero = false;
    while (!nonzero)
      for (auto& v : d) {
        v = Rational(rng.uniform_int(-3, 3));
        nonzero = nonzero || v != 0;
      }
    TestSetBounds tb(in, X);
    std::optional<Rational> lambda;
    for_each_test_set(nz, std::uint64_t{1} << 21, [&](TestSet s) {
      Rational ds = 0, ys = 0;
      for (int z : members_of(s)) ds += d[z], ys += y[z];
      if (ds == 0) return true;
      const auto [G, F] = tb.bounds(s);
      Rational step = ds > 0 ? (F - ys) / ds : (G - ys) / ds;
      if (!lambda || step < *lambda) lambda = step;
      return true;
    });
    Rational step = *lambda;  // some singleton has d ≠ 0, so λ exists
    if (o.point == "outside") step = step > 0 ? step * Rational(17, 16) : Rational(1, 16);
    for (int z = 0; z < nz; ++z) y[z] += step * d[z];
  }
  in.interim.resize(nz);
  for (int z = 0; z < nz; ++z) {
    const Triple t = in.triple(z);
    in.interim[z] = y[z] / in.marginal[t.player][t.type];
  }
  if (o.weights) {
    std::vector<Rational> w(nz);
    for (auto& v : w) v = Rational(rng.uniform_int(-3, 5));
    in.weights = std::move(w);
  }
  return in;
}

}  // namespace equilab::gen
