#include "interim/greedy.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "interim/test_sets.h"

namespace equilab::interim {

std::strong_ordering operator<=>(const LexWeight& a, const LexWeight& b) {
  const std::size_t n = std::max(a.c.size(), b.c.size());
  for (std::size_t k = 0; k < n; ++k) {
    const int x = k < a.c.size() ? a.c[k] : 0, y = k < b.c.size() ? b.c[k] : 0;
    if (x != y) return x <=> y;
  }
  return std::strong_ordering::equal;
}
bool operator==(const LexWeight& a, const LexWeight& b) { return (a <=> b) == 0; }
LexWeight operator+(const LexWeight& a, const LexWeight& b) {
  LexWeight r;
  r.c.resize(std::max(a.c.size(), b.c.size()), 0);
  for (std::size_t k = 0; k < r.c.size(); ++k)
    r.c[k] = (k < a.c.size() ? a.c[k] : 0) + (k < b.c.size() ? b.c[k] : 0);
  return r;
}
LexWeight operator-(const LexWeight& a, const LexWeight& b) {
  LexWeight r;
  r.c.resize(std::max(a.c.size(), b.c.size()), 0);
  for (std::size_t k = 0; k < r.c.size(); ++k)
    r.c[k] = (k < a.c.size() ? a.c[k] : 0) - (k < b.c.size() ? b.c[k] : 0);
  return r;
}

bool greedy_applies(const InterimInstance& in) {
  return in.kind == OutcomeKind::Multiunit || in.kind == OutcomeKind::RankedQuota ||
         (in.kind == OutcomeKind::Matching && in.num_players() == 2);
}

namespace {

// Players in order of w(good,i,t_i), descending; ties to the lower index.
template <class W>
std::vector<int> rank_players(const InterimInstance& in, const std::vector<W>& w, int profile) {
  std::vector<int> order(in.num_players());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return w[in.z_index(a, in.profiles[profile][a], 0)] > w[in.z_index(b, in.profiles[profile][b], 0)];
  });
  return order;
}

}  // namespace

template <class W>
Outcome greedy_outcome(const InterimInstance& in, const std::vector<W>& w, int profile) {
  const int n = in.num_players(), m = in.num_objects();
  Outcome x(static_cast<std::size_t>(n) * m, Rational(0));
  const W zero{};
  switch (in.kind) {
    case OutcomeKind::Multiunit: {
      // Border's model: a unit to each of the first k players with positive weight.
      int given = 0;
      for (int i : rank_players(in, w, profile)) {
        if (given == in.units || !(w[in.z_index(i, in.profiles[profile][i], 0)] > zero)) break;
        x[i] = 1;
        ++given;
      }
      return x;
    }
    case OutcomeKind::RankedQuota: {
      // §4.2: j1 = next top-ξ position, j2 = next position after ξ, zeta = top positions
      // still reserved for I_1 (0-based).
      int j1 = 0, j2 = in.top, zeta = in.quota;
      for (int i : rank_players(in, w, profile)) {
        if (j1 + zeta < in.top) {
          x[i] = in.qualities[j1++];
          if (in.group1[i]) zeta = std::max(0, zeta - 1);
        } else if (in.group1[i] && zeta > 0) {
          x[i] = in.qualities[j1++];
          --zeta;
        } else {
          x[i] = in.qualities[j2++];
        }
      }
      return x;
    }
    case OutcomeKind::Matching: {
      // §4.3: each player's best and second-best option (objects by index, then — for
      // at-most unit demand — "nothing" with weight 0); on a conflict the larger δ of (45) keeps the
      // object (ties: player 1), the other takes its second.
      if (n != 2) throw std::logic_error("greedy matching: 2 players only");
      auto weight = [&](int i, int j) -> W {
        return j < m ? w[in.z_index(i, in.profiles[profile][i], j)] : zero;
      };
      const int options = in.exact_demand ? m : m + 1;  // option m = nothing
      int best[2], second[2];
      for (int i = 0; i < 2; ++i) {
        best[i] = second[i] = -1;
        for (int j = 0; j < options; ++j) {
          if (best[i] < 0 || weight(i, j) > weight(i, best[i])) {
            second[i] = best[i];
            best[i] = j;
          } else if (second[i] < 0 || weight(i, j) > weight(i, second[i])) {
            second[i] = j;
          }
        }
      }
      int take[2] = {best[0], best[1]};
      if (best[0] == best[1] && best[0] < m) {
        const W d0 = weight(0, best[0]) - weight(0, second[0]);
        const W d1 = weight(1, best[1]) - weight(1, second[1]);
        if (d0 >= d1)
          take[1] = second[1];
        else
          take[0] = second[0];
      }
      for (int i = 0; i < 2; ++i)
        if (take[i] >= 0 && take[i] < m) x[i * m + take[i]] = 1;
      return x;
    }
    default:
      throw std::logic_error("greedy: no greedy optimiser for this kind");
  }
}

template Outcome greedy_outcome<Rational>(const InterimInstance&, const std::vector<Rational>&, int);
template Outcome greedy_outcome<LexWeight>(const InterimInstance&, const std::vector<LexWeight>&, int);

namespace {

// Reduced form in y coordinates: v(z) = Σ_{t: t_i = τ} μ(t) x̄_i^j(t) (eq. (1) times μ_i(τ)).
std::vector<Rational> reduced_form(const InterimInstance& in, const std::vector<Outcome>& xs) {
  const int m = in.num_objects();
  std::vector<Rational> v(in.num_triples(), Rational(0));
  for (int t = 0; t < in.num_profiles(); ++t)
    for (int i = 0; i < in.num_players(); ++i)
      for (int j = 0; j < m; ++j)
        if (xs[t][i * m + j] != 0)
          v[in.z_index(i, in.profiles[t][i], j)] += in.profile_prob[t] * xs[t][i * m + j];
  return v;
}

// Sums over every subset, by mask: sums[s] = sums[s without its lowest member] + v[lowest member].
void subset_sums(const std::vector<Rational>& v, std::vector<Rational>& sums) {
  sums[0] = 0;
  for (std::size_t s = 1; s < sums.size(); ++s) sums[s] = sums[s & (s - 1)] + v[std::countr_zero(s)];
}

// Lemma 1 (B.3) for the multiunit model: distinct values w¹ > … > wᵐ >= 0 > wᵐ⁺¹ > … > wᴺ of w on Z;
// p₊({w >= wⁿ}) = wⁿ − wⁿ⁺¹ (n < m), p₊({w >= wᵐ}) = wᵐ; p₋({w <= wᵐ⁺¹}) = −wᵐ⁺¹,
// p₋({w <= wⁿ}) = wⁿ⁻¹ − wⁿ (n > m + 1). Zero prices are left out.
void lemma1_prices(const std::vector<Rational>& w, ShadowPrices& sp) {
  std::vector<Rational> values(w.begin(), w.end());
  std::sort(values.begin(), values.end(), std::greater<>());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  auto upper = [&](const Rational& v) {
    TestSet s = 0;
    for (std::size_t z = 0; z < w.size(); ++z)
      if (w[z] >= v) s |= TestSet{1} << z;
    return s;
  };
  auto lower = [&](const Rational& v) {
    TestSet s = 0;
    for (std::size_t z = 0; z < w.size(); ++z)
      if (w[z] <= v) s |= TestSet{1} << z;
    return s;
  };
  for (std::size_t n = 0; n < values.size(); ++n) {
    if (values[n] >= 0) {
      const bool last = n + 1 == values.size() || values[n + 1] < 0;
      const Rational p = last ? Rational(values[n]) : Rational(values[n] - values[n + 1]);
      if (p != 0) sp.plus.emplace_back(upper(values[n]), p);
    } else {
      const bool first = n == 0 || values[n - 1] >= 0;
      const Rational p = first ? Rational(-values[n]) : Rational(values[n - 1] - values[n]);
      if (p != 0) sp.minus.emplace_back(lower(values[n]), p);
    }
  }
}

// B.10 for 2-player matching with exact unit demand: per (i,τ) the objects in order
// j¹, …, jᴺ of w (ties: lower object); V_{iτ}ⁿ = {j¹,…,jⁿ⁺¹} gets w(jⁿ⁺¹) − w(jⁿ⁺²) (n <= N−2) and
// max(w(jᴺ),0) (n = N−1); L_{iτ} = J×{(i,τ)} gets p₋ = max(−w(jᴺ),0); on 𝒵_j = {(j,i,τ): j = j¹(i,τ)}
// ordered by δ (45) descending (ties: player 1, then lower type), U_jⁿ = its first n triples gets
// δ(zⁿ) − δ(zⁿ⁺¹), the last one δ(z^last).
void matching_prices(const InterimInstance& in, const std::vector<Rational>& w, ShadowPrices& sp) {
  const int m = in.num_objects();
  std::vector<std::vector<std::pair<Rational, int>>> contenders(
      m);  // per object: (δ, z) of triples with it on top
  for (int i = 0; i < in.num_players(); ++i)
    for (int tau = 0; tau < static_cast<int>(in.players[i].types.size()); ++tau) {
      std::vector<int> order(m);
      std::iota(order.begin(), order.end(), 0);
      auto wz = [&](int j) -> const Rational& { return w[in.z_index(i, tau, j)]; };
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return wz(a) > wz(b); });
      TestSet prefix = TestSet{1} << in.z_index(i, tau, order[0]);
      for (int n = 1; n <= m - 1; ++n) {
        prefix |= TestSet{1} << in.z_index(i, tau, order[n]);
        const Rational p =
            n <= m - 2 ? Rational(wz(order[n]) - wz(order[n + 1])) : std::max(wz(order[m - 1]), Rational(0));
        if (p != 0) sp.plus.emplace_back(prefix, p);
      }
      const Rational floor_price = std::max(Rational(-wz(order[m - 1])), Rational(0));
      if (floor_price != 0) {
        TestSet all = 0;
        for (int j = 0; j < m; ++j) all |= TestSet{1} << in.z_index(i, tau, j);
        sp.minus.emplace_back(all, floor_price);
      }
      const Rational delta = m >= 2 ? Rational(wz(order[0]) - wz(order[1])) : wz(order[0]);
      contenders[order[0]].emplace_back(delta, in.z_index(i, tau, order[0]));
    }
  for (int j = 0; j < m; ++j) {
    auto& list = contenders[j];  // z ascending = player 1 first, then lower type
    std::stable_sort(list.begin(), list.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    TestSet prefix = 0;
    for (std::size_t n = 0; n < list.size(); ++n) {
      prefix |= TestSet{1} << list[n].second;
      const Rational p = n + 1 < list.size() ? Rational(list[n].first - list[n + 1].first) : list[n].first;
      if (p != 0) sp.plus.emplace_back(prefix, p);
    }
  }
}

// 2-player matching with at-most unit demand (a derivation in the style of B.10; the paper's §4.3
// has exact unit demand only). Per (i,τ) the objects in order j¹, …, jᴺ of w (ties: lower object),
// and the options o¹, o² of the optimiser: objects before "nothing" (weight 0) on ties.
//  - If w(j¹) >= 0 then o¹ = j¹, o² = j² when w(j²) >= 0 and "nothing" otherwise, and q̄ gives (i,τ)
//    o¹ or o² at every profile where it is present. Write w = δ·χ_{j¹} + r on the row, with
//    δ = w(o¹) − w(o²) (45) and r(j¹) = w(o²), r = w elsewhere (r is non-increasing along j¹, …, jᴺ).
//    δ goes to the contender sets U_{j¹}ⁿ exactly as in the exact case (binding: object j¹ goes to
//    the first present member of 𝒵_{j¹} in δ order). The positive part r⁺ is
//    Σ_n (r⁺(jⁿ) − r⁺(jⁿ⁺¹))·χ{j¹,…,jⁿ}; its n = 1 coefficient is r⁺(j¹) − r⁺(j²) = 0, so every
//    priced prefix holds {o¹, o²} = {j¹, j²} and is upward binding (f = 1, q̄ gives one of them).
//  - The negative part r⁻ is −Σ_n (r⁻(jⁿ⁻¹) − r⁻(jⁿ))·χ{jⁿ,…,jᴺ} (r⁻(j⁰) = 0): each priced suffix
//    holds only objects with w < 0, which q̄ never gives (o¹, o² have w >= 0 or are "nothing"), and
//    g = 0 under at-most demand, so it is downward binding. If w(j¹) < 0, r = w, there is no δ part,
//    and q̄ gives (i,τ) nothing.
// Summing the three parts gives back w on the row, which is (8).
void matching_at_most_prices(const InterimInstance& in, const std::vector<Rational>& w, ShadowPrices& sp) {
  const int m = in.num_objects();
  std::vector<std::vector<std::pair<Rational, int>>> contenders(m);
  for (int i = 0; i < in.num_players(); ++i)
    for (int tau = 0; tau < static_cast<int>(in.players[i].types.size()); ++tau) {
      std::vector<int> order(m);
      std::iota(order.begin(), order.end(), 0);
      auto z_of = [&](int n) { return in.z_index(i, tau, order[n]); };
      std::stable_sort(order.begin(), order.end(),
                       [&](int a, int b) { return w[in.z_index(i, tau, a)] > w[in.z_index(i, tau, b)]; });
      std::vector<Rational> r(m);
      for (int n = 0; n < m; ++n) r[n] = w[z_of(n)];
      if (r[0] >= 0) {
        const Rational second = m >= 2 ? std::max(r[1], Rational(0)) : Rational(0);  // w(o²)
        contenders[order[0]].emplace_back(r[0] - second, z_of(0));
        r[0] = second;
      }
      TestSet prefix = 0;
      for (int n = 0; n < m; ++n) {  // r⁺: prefixes {j¹..jⁿ⁺¹} (0-based n)
        prefix |= TestSet{1} << z_of(n);
        const Rational next = n + 1 < m ? std::max(r[n + 1], Rational(0)) : Rational(0);
        const Rational p = std::max(r[n], Rational(0)) - next;
        if (p != 0) sp.plus.emplace_back(prefix, p);
      }
      for (int n = 0; n < m; ++n) {  // r⁻: suffixes {jⁿ⁺¹..jᴺ} (0-based n)
        const Rational before = n > 0 ? std::min(r[n - 1], Rational(0)) : Rational(0);
        const Rational p = before - std::min(r[n], Rational(0));
        if (p == 0) continue;
        TestSet suffix = 0;
        for (int k = n; k < m; ++k) suffix |= TestSet{1} << z_of(k);
        sp.minus.emplace_back(suffix, p);
      }
    }
  for (int j = 0; j < m; ++j) {
    auto& list = contenders[j];  // z ascending = player 1 first, then lower type
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    TestSet prefix = 0;
    for (std::size_t n = 0; n < list.size(); ++n) {
      prefix |= TestSet{1} << list[n].second;
      const Rational p = n + 1 < list.size() ? Rational(list[n].first - list[n + 1].first) : list[n].first;
      if (p != 0) sp.plus.emplace_back(prefix, p);
    }
  }
}

}  // namespace

std::optional<ShadowPrices> greedy_shadow_prices(const InterimInstance& in, const std::vector<Rational>& w) {
  ShadowPrices sp;
  if (in.kind == OutcomeKind::Multiunit || in.kind == OutcomeKind::RankedQuota)
    lemma1_prices(w, sp);  // ranked_quota: B.7, Lemmas 7–9 make Lemma 1 apply
  else if (in.kind == OutcomeKind::Matching && in.num_players() == 2)
    (in.exact_demand ? matching_prices : matching_at_most_prices)(in, w, sp);
  else
    return std::nullopt;
  for (int t = 0; t < in.num_profiles(); ++t) sp.qbar.push_back(greedy_outcome(in, w, t));
  return sp;
}

InterimResult solve_greedy(const InterimInstance& in, const InterimOptions& o) {
  if (!greedy_applies(in)) throw std::logic_error("greedy: no greedy optimiser for this kind");
  const int nz = in.num_triples();
  check_test_set_limit(nz, o.max_test_sets);
  const std::vector<Outcome> X = enumerate_outcomes(in, o.max_columns);
  TestSetBounds tb(in, X);
  const std::size_t full = std::size_t{1} << nz;
  std::vector<Rational> F(full), G(full), yS(full);
  const std::vector<Rational> y = in.weighted(in.interim);
  subset_sums(y, yS);

  InterimResult r;
  r.method = "greedy";
  if (in.weights) {
    Weighted wt;
    wt.interim_value = in.pairing(in.interim, *in.weights);
    std::vector<Outcome> qbar;
    for (int t = 0; t < in.num_profiles(); ++t) qbar.push_back(greedy_outcome(in, *in.weights, t));
    const std::vector<Rational> v = reduced_form(in, qbar);
    wt.feasible_max = 0;
    for (int z = 0; z < nz; ++z) wt.feasible_max += (*in.weights)[z] * v[z];  // Σ_t μ(t) Σ w q̄(t) = h(w)
    r.weighted = std::move(wt);
    if (in.num_triples() <= 62) r.shadow_prices = greedy_shadow_prices(in, *in.weights);
  }

  // Border's condition (6) first, fewest members first (as the border method reports it).
  std::uint64_t checked = 0;
  for_each_test_set(nz, o.max_test_sets, [&](TestSet s) {
    ++checked;
    auto [g, f] = tb.bounds(s);
    if (yS[s] > f || yS[s] < g) {
      r.status = Status::Infeasible;
      r.test_set = TestSetViolation{yS[s] > f, s, yS[s], yS[s] > f ? f : g};
      return false;
    }
    F[s] = std::move(f);
    G[s] = std::move(g);
    return true;
  });
  r.test_sets = checked;
  if (r.status == Status::Infeasible) return r;

  std::vector<std::pair<TestSet, int>> tight;  // (S, +1 ceiling / −1 floor)
  std::vector<std::pair<Rational, std::vector<Outcome>>> parts;
  Rational rest = 1;
  std::vector<Rational> cur = y, vS(full), dS(full);
  r.status = Status::Inconclusive;
  for (int iteration = 0; iteration <= nz + 1; ++iteration) {
    std::vector<LexWeight> w(nz);
    for (int z = 0; z < nz; ++z) {
      w[z].c.assign(tight.size(), 0);
      for (std::size_t l = 0; l < tight.size(); ++l)
        if (tight[l].first >> z & 1) w[z].c[l] = tight[l].second;
    }
    std::vector<Outcome> xs;
    for (int t = 0; t < in.num_profiles(); ++t) xs.push_back(greedy_outcome(in, w, t));
    const std::vector<Rational> v = reduced_form(in, xs);
    subset_sums(v, vS);
    bool on_bounds = true;
    for (const auto& [s, sign] : tight) on_bounds = on_bounds && vS[s] == (sign > 0 ? F[s] : G[s]);
    if (!on_bounds) break;  // inconclusive: the oracle's vertex misses a recorded bound
    if (v == cur) {
      parts.emplace_back(rest, std::move(xs));
      r.status = Status::Feasible;
      break;
    }
    std::vector<Rational> d(nz);
    for (int z = 0; z < nz; ++z) d[z] = cur[z] - v[z];
    subset_sums(d, dS);
    std::optional<Rational> lambda;
    TestSet limiting = 0;
    int side = 0;
    for (std::size_t s = 1; s < full; ++s) {
      if (dS[s] == 0) continue;
      Rational step = dS[s] > 0 ? (F[s] - vS[s]) / dS[s] : (G[s] - vS[s]) / dS[s];
      if (!lambda || step < *lambda) {
        lambda = std::move(step);
        limiting = s;
        side = dS[s] > 0 ? 1 : -1;
      }
    }
    // cur ∈ 𝒬_B lies at λ = 1 on the ray, so λ >= 1.
    const Rational alpha = rest * (1 - 1 / *lambda);
    if (alpha != 0) parts.emplace_back(alpha, xs);
    rest /= *lambda;
    for (int z = 0; z < nz; ++z) cur[z] = v[z] + *lambda * d[z];
    tight.emplace_back(limiting, side);
  }
  if (r.status != Status::Feasible) return r;
  r.vertices = parts.size();
  r.ex_post.assign(in.num_profiles(), {});
  for (int t = 0; t < in.num_profiles(); ++t)
    for (const auto& [alpha, xs] : parts) {
      auto& lottery = r.ex_post[t];
      const auto& outcome = xs[t];  // a named reference: clang 14 cannot capture a structured binding
      auto it = std::find_if(lottery.begin(), lottery.end(),
                             [&](const LotteryItem& item) { return item.outcome == outcome; });
      if (it == lottery.end())
        lottery.push_back({alpha, xs[t]});
      else
        it->prob += alpha;
    }
  return r;
}

}  // namespace equilab::interim
