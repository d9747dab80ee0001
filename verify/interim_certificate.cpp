// Checks, in exact arithmetic and without a solver:
//  feasible     : every profile has a lottery; probabilities >= 0 summing to 1; outcomes in X (the
//                 kind's predicate); eq. (1) holds exactly for every triple.
//  infeasible   : separating weights (Lemma 6): ⟨Q,w⟩ and h(w) recomputed (h by enumerating X),
//                 ⟨Q,w⟩ > h(w); or a violated test set of (6) with F(S)/G(S) recomputed.
//  border_satisfied : every test set is rechecked (within the limit).
//  inconclusive : never accepted (it decides nothing).
//  any status   : no evidence of another status (ex post lotteries only when feasible; no
//                 infeasibility certificate when feasible or border_satisfied); |X| recounted.
//  weighted     : interim_value = ⟨Q,w⟩, feasible_max = h(w); border_max: the primal satisfies (6),
//                 prices p± >= 0, w = Σp₊χ_S − Σp₋χ_S (8), Σp₊F − Σp₋G = ⟨primal,w⟩ = value.
#include "verify/interim_certificate.h"

#include <bit>

#include "interim/test_sets.h"

namespace equilab::verify {

using namespace interim;

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

std::string profile_label(const InterimInstance& in, int k) {
  std::string s = "(";
  for (int i = 0; i < in.num_players(); ++i)
    s += (i ? "," : "") + in.players[i].name + ":" + in.players[i].types[in.profiles[k][i]];
  return s + ")";
}

std::string set_label(const InterimInstance& in, TestSet s) {
  std::string out = "{";
  bool first = true;
  for (int z : members_of(s)) {
    out += (first ? "" : ",") + in.triple_label(z);
    first = false;
  }
  return out + "}";
}

void check_ex_post(const InterimInstance& in, const ExPost& ex, Verdict& v) {
  if (static_cast<int>(ex.size()) != in.num_profiles()) {
    v.fail("ex_post: " + std::to_string(ex.size()) + " lotteries for " + std::to_string(in.num_profiles()) +
           " profiles");
    return;
  }
  const int m = in.num_objects();
  std::vector<Rational> lhs(in.num_triples(), Rational(0));
  for (int k = 0; k < in.num_profiles(); ++k) {
    Rational sum = 0;
    for (const LotteryItem& item : ex[k]) {
      if (item.prob < 0)
        v.fail("ex_post " + profile_label(in, k) + ": negative probability " + text(item.prob));
      sum += item.prob;
      std::string why;
      if (!is_outcome(in, item.outcome, &why)) {
        v.fail("ex_post " + profile_label(in, k) + ": an outcome is not in X (" + why + ")");
        continue;
      }
      for (int i = 0; i < in.num_players(); ++i)
        for (int j = 0; j < m; ++j)
          if (item.outcome[i * m + j] != 0)
            lhs[in.z_index(i, in.profiles[k][i], j)] +=
                in.profile_prob[k] * item.prob * item.outcome[i * m + j];
    }
    if (sum != 1)
      v.fail("ex_post " + profile_label(in, k) + ": probabilities sum to " + text(sum) + ", not 1");
  }
  if (!v.valid) return;
  const std::vector<Rational> y = in.weighted(in.interim);
  for (int z = 0; z < in.num_triples(); ++z)
    if (lhs[z] != y[z])
      v.fail("eq. (1) fails at " + in.triple_label(z) +
             ": the ex post lotteries give Q·μ_i = " + text(lhs[z]) + ", the instance " + text(y[z]));
}

}  // namespace

Verdict check_interim_certificate(const InterimInstance& in, const InterimResult& r,
                                  const InterimCheckLimits& lim) {
  Verdict v;
  const int nz = in.num_triples();
  std::optional<std::vector<Outcome>> X;
  auto outcomes = [&]() -> const std::vector<Outcome>& {
    if (!X) X = enumerate_outcomes(in, lim.max_outcomes);
    return *X;
  };
  std::optional<TestSetBounds> tb;
  auto bounds = [&]() -> TestSetBounds& {
    if (!tb) tb.emplace(in, outcomes());
    return *tb;
  };
  const std::vector<Rational> y = in.weighted(in.interim);
  auto y_of = [&](const std::vector<Rational>& yy, TestSet s) {
    Rational sum = 0;
    for (int z : members_of(s)) sum += yy[z];
    return sum;
  };
  auto in_range = [&](TestSet s) {
    if (s == 0) return false;
    for (int z : members_of(s))
      if (z >= nz) return false;
    return true;
  };

  // A status contradicts evidence that only another status has.
  if (r.status != Status::Feasible && !r.ex_post.empty())
    v.fail(std::string("a ") + to_string(r.status) +
           " result carries ex post lotteries (a feasibility certificate)");
  // |X|, when the result states it (lp does), is recounted.
  if (r.outcomes && *r.outcomes != outcomes().size())
    v.fail("outcomes: the result says |X| = " + std::to_string(*r.outcomes) + ", X has " +
           std::to_string(outcomes().size()) + " outcomes");

  switch (r.status) {
    case Status::Feasible:
      if (r.separating || r.test_set) v.fail("a feasible result carries an infeasibility certificate");
      check_ex_post(in, r.ex_post, v);
      break;
    case Status::Infeasible:
      if (!r.separating && !r.test_set) v.fail("an infeasible result needs separating_weights or a test_set");
      if (r.separating) {
        const SeparatingWeights& s = *r.separating;
        const Rational value = in.pairing(in.interim, s.weights);
        const Rational h = support_value(in, outcomes(), s.weights);
        if (value != s.interim_value)
          v.fail("separating_weights: ⟨Q,w⟩ is " + text(value) + ", not " + text(s.interim_value));
        if (h != s.bound) v.fail("separating_weights: h(w) is " + text(h) + ", not " + text(s.bound));
        if (!(value > h))
          v.fail("separating_weights: ⟨Q,w⟩ = " + text(value) + " does not exceed h(w) = " + text(h) +
                 " (Lemma 6)");
      }
      if (r.test_set) {
        const TestSetViolation& t = *r.test_set;
        if (!in_range(t.members)) {
          v.fail("test_set: empty or out of range");
          break;
        }
        const Rational lhs = y_of(y, t.members);
        const auto [G, F] = bounds().bounds(t.members);
        const Rational& bound = t.ceiling ? F : G;
        if (lhs != t.lhs)
          v.fail("test_set " + set_label(in, t.members) + ": y(S) is " + text(lhs) + ", not " + text(t.lhs));
        if (bound != t.bound)
          v.fail("test_set " + set_label(in, t.members) + ": " + (t.ceiling ? "F(S)" : "G(S)") + " is " +
                 text(bound) + ", not " + text(t.bound));
        if (t.ceiling ? !(lhs > F) : !(lhs < G))
          v.fail("test_set " + set_label(in, t.members) + ": y(S) = " + text(lhs) + " does not violate " +
                 (t.ceiling ? "y(S) <= F(S) = " : "y(S) >= G(S) = ") + text(bound));
      }
      break;
    case Status::BorderSatisfied:
      if (r.separating || r.test_set)
        v.fail("a border_satisfied result carries an infeasibility certificate");
      for_each_test_set(nz, lim.max_test_sets, [&](TestSet s) {
        const Rational lhs = y_of(y, s);
        const auto [G, F] = bounds().bounds(s);
        if (lhs > F || lhs < G) {
          v.fail("border_satisfied, but the test set " + set_label(in, s) + " has y(S) = " + text(lhs) +
                 " outside [" + text(G) + ", " + text(F) + "]");
          return false;
        }
        return true;
      });
      if (r.test_sets && *r.test_sets != test_set_count(nz))
        v.fail("test_sets is " + std::to_string(*r.test_sets) + ", there are " +
               std::to_string(test_set_count(nz)));
      break;
    case Status::Inconclusive:
      // No verdict: nothing is proved, and where 𝒬_B = 𝒬 (every kind greedy applies to) Border's
      // condition decides feasibility (Theorem 1), so no exact method stops there.
      v.fail("an inconclusive result decides nothing and certifies nothing");
      break;
  }

  if (r.shadow_prices) {
    // Theorem 1's certificate: q̄(t) ∈ X, (8) exactly, p >= 0, (9) at every profile. Then
    // Σ_t μ Σ q̄ w = Σp₊F − Σp₋G >= max over 𝒬_B >= max over 𝒬 >= Σ_t μ Σ q̄ w: all equal.
    if (!in.weights) {
      v.fail("the result has shadow prices but the instance has no weights");
      return v;
    }
    const std::vector<Rational>& w = *in.weights;
    const ShadowPrices& sp = *r.shadow_prices;
    bool in_x = sp.qbar.size() == static_cast<std::size_t>(in.num_profiles());
    if (!in_x) v.fail("shadow_prices: qbar needs one outcome per profile");
    for (int k = 0; in_x && k < in.num_profiles(); ++k) {
      std::string why;
      if (!is_outcome(in, sp.qbar[k], &why)) {
        v.fail("shadow_prices: qbar at " + profile_label(in, k) + " is not in X (" + why + ")");
        in_x = false;
      }
    }
    std::vector<Rational> combo(nz, Rational(0));
    Rational dual_value = 0;
    auto check_prices = [&](const std::vector<std::pair<TestSet, Rational>>& prices, bool plus) {
      for (const auto& [s, p] : prices) {
        if (!in_range(s)) {
          v.fail("shadow_prices: a price is on an empty or out-of-range test set");
          continue;
        }
        if (p < 0) v.fail("shadow_prices: negative price " + text(p) + " on " + set_label(in, s));
        for (int z : members_of(s)) combo[z] += plus ? p : Rational(-p);
        const auto [G, F] = bounds().bounds(s);
        dual_value += plus ? Rational(p * F) : Rational(-p * G);
        if (p <= 0 || !in_x) continue;
        for (int k = 0; k < in.num_profiles(); ++k) {
          const std::uint64_t e = bounds().incidence(s, k);
          Rational sum = 0;
          for (std::uint64_t rest = e; rest; rest &= rest - 1) sum += sp.qbar[k][std::countr_zero(rest)];
          const Rational bound = plus ? bounds().f(s, k) : bounds().g(s, k);
          if (sum != bound) {
            v.fail(std::string("shadow_prices: (9) fails: ") + set_label(in, s) + " has a price but is not " +
                   (plus ? "upward" : "downward") + " binding at " + profile_label(in, k) + " (q̄ gives " +
                   text(sum) + ", " + (plus ? "f" : "g") + " = " + text(bound) + ")");
            break;
          }
        }
      }
    };
    check_prices(sp.plus, true);
    check_prices(sp.minus, false);
    for (int z = 0; z < nz; ++z)
      if (combo[z] != w[z])
        v.fail("shadow_prices: (8) fails at " + in.triple_label(z) + ": Σp₊χ − Σp₋χ = " + text(combo[z]) +
               ", w = " + text(w[z]));
    if (r.weighted && dual_value != r.weighted->feasible_max)
      v.fail("shadow_prices: Σp₊F − Σp₋G = " + text(dual_value) + " differs from feasible_max " +
             text(r.weighted->feasible_max));
  }

  if (r.weighted) {
    if (!in.weights) {
      v.fail("the result has weighted values but the instance has no weights");
      return v;
    }
    const std::vector<Rational>& w = *in.weights;
    const Weighted& wt = *r.weighted;
    const Rational value = in.pairing(in.interim, w);
    if (value != wt.interim_value)
      v.fail("weighted: interim_value is " + text(value) + ", not " + text(wt.interim_value));
    const Rational h = support_value(in, outcomes(), w);
    if (h != wt.feasible_max)
      v.fail("weighted: feasible_max = h(w) is " + text(h) + ", not " + text(wt.feasible_max));
    if (wt.border_max) {
      const BorderMax& b = *wt.border_max;
      const std::vector<Rational> yb = in.weighted(b.primal);
      for_each_test_set(nz, lim.max_test_sets, [&](TestSet s) {
        const Rational lhs = y_of(yb, s);
        const auto [G, F] = bounds().bounds(s);
        if (lhs > F || lhs < G) {
          v.fail("border_max: the primal violates (6) at " + set_label(in, s) + ": y(S) = " + text(lhs) +
                 " outside [" + text(G) + ", " + text(F) + "]");
          return false;
        }
        return true;
      });
      std::vector<Rational> combo(nz, Rational(0));
      Rational dual_value = 0;
      auto add = [&](const std::vector<std::pair<TestSet, Rational>>& prices, int sign, const char* name) {
        for (const auto& [s, p] : prices) {
          if (!in_range(s)) {
            v.fail(std::string("border_max: a ") + name + " price is on an empty or out-of-range test set");
            continue;
          }
          if (p < 0)
            v.fail(std::string("border_max: negative ") + name + " price " + text(p) + " on " +
                   set_label(in, s));
          for (int z : members_of(s)) combo[z] += sign * p;
          const auto [G, F] = bounds().bounds(s);
          if (sign > 0)
            dual_value += p * F;
          else
            dual_value -= p * G;
        }
      };
      add(b.plus, 1, "p+");
      add(b.minus, -1, "p-");
      for (int z = 0; z < nz; ++z)
        if (combo[z] != w[z])
          v.fail("border_max: (8) fails at " + in.triple_label(z) + ": Σp₊χ − Σp₋χ = " + text(combo[z]) +
                 ", w = " + text(w[z]));
      Rational primal_value = 0;
      for (int z = 0; z < nz; ++z) primal_value += w[z] * yb[z];
      if (primal_value != b.value)
        v.fail("border_max: the primal value is " + text(primal_value) + ", not " + text(b.value));
      if (dual_value != b.value)
        v.fail("border_max: the dual value Σp₊F − Σp₋G is " + text(dual_value) + ", not " + text(b.value));
    }
  }
  return v;
}

}  // namespace equilab::verify
