#include "interim/model.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <set>

#include "interim/test_sets.h"

namespace equilab::interim {
namespace {

constexpr std::uint64_t kSaturated = std::numeric_limits<std::uint64_t>::max();

std::uint64_t mul_sat(std::uint64_t a, std::uint64_t b) {
  if (a != 0 && b > kSaturated / a) return kSaturated;
  return a * b;
}

std::uint64_t binomial_sat(std::uint64_t n, std::uint64_t k) {
  if (k > n) return 0;
  k = std::min(k, n - k);
  std::uint64_t r = 1;
  for (std::uint64_t i = 1; i <= k; ++i) {
    // r·(n−k+i)/i stays integral; guard the product.
    const std::uint64_t m = n - k + i;
    if (r > kSaturated / m) return kSaturated;
    r = r * m / i;
  }
  return r;
}

void limit_error(const char* what, std::uint64_t count, std::uint64_t limit) {
  throw EnumerationLimit(
      std::string(what) +
      (count == kSaturated ? std::string(" (more than 2^64)") : " " + std::to_string(count)) +
      " exceed the enumeration limit " + std::to_string(limit) + "; raise it with --max-enumeration");
}

}  // namespace

const char* to_string(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::Explicit:
      return "explicit";
    case OutcomeKind::Knapsack:
      return "knapsack";
    case OutcomeKind::Multiunit:
      return "multiunit";
    case OutcomeKind::RankedQuota:
      return "ranked_quota";
    case OutcomeKind::Matching:
      return "matching";
  }
  return "?";
}

int InterimInstance::num_triples() const {
  int types = 0;
  for (const auto& p : players) types += static_cast<int>(p.types.size());
  return types * num_objects();
}

Triple InterimInstance::triple(int z) const {
  const int slot = z / num_objects(), object = z % num_objects();
  int player = num_players() - 1;
  while (type_offset[player] > slot) --player;
  return {player, slot - type_offset[player], object};
}

std::vector<Rational> InterimInstance::weighted(const std::vector<Rational>& on_z) const {
  std::vector<Rational> y(on_z.size());
  for (int z = 0; z < static_cast<int>(on_z.size()); ++z) {
    const Triple t = triple(z);
    y[z] = on_z[z] * marginal[t.player][t.type];
  }
  return y;
}

Rational InterimInstance::pairing(const std::vector<Rational>& q, const std::vector<Rational>& w) const {
  Rational sum = 0;
  const std::vector<Rational> y = weighted(q);
  for (std::size_t z = 0; z < y.size(); ++z) sum += w[z] * y[z];
  return sum;
}

bool InterimInstance::border_characterizes() const {
  return kind == OutcomeKind::Multiunit || kind == OutcomeKind::RankedQuota ||
         (kind == OutcomeKind::Matching && num_players() == 2);
}

std::string InterimInstance::triple_label(int z) const {
  const Triple t = triple(z);
  return "(" + objects[t.object] + "," + players[t.player].name + "," + players[t.player].types[t.type] + ")";
}

void finish_prior(InterimInstance& in, std::uint64_t max_profiles) {
  in.type_offset.assign(in.players.size(), 0);
  int slot = 0;
  std::uint64_t count = 1;
  for (std::size_t i = 0; i < in.players.size(); ++i) {
    in.type_offset[i] = slot;
    slot += static_cast<int>(in.players[i].types.size());
    count = mul_sat(count, in.players[i].types.size());
  }
  if (count > max_profiles) limit_error("type profiles", count, max_profiles);
  if (in.independent) {
    in.profiles.clear();
    in.profile_prob.clear();
    std::vector<int> t(in.players.size(), 0);
    for (std::uint64_t k = 0; k < count; ++k) {
      Rational p = 1;
      for (std::size_t i = 0; i < t.size(); ++i) p *= in.type_prob[i][t[i]];
      in.profiles.push_back(t);
      in.profile_prob.push_back(p);
      for (int i = static_cast<int>(t.size()) - 1; i >= 0; --i) {
        if (++t[i] < static_cast<int>(in.players[i].types.size())) break;
        t[i] = 0;
      }
    }
  }
  in.marginal.assign(in.players.size(), {});
  for (std::size_t i = 0; i < in.players.size(); ++i)
    in.marginal[i].assign(in.players[i].types.size(), Rational(0));
  for (std::size_t k = 0; k < in.profiles.size(); ++k)
    for (std::size_t i = 0; i < in.players.size(); ++i)
      in.marginal[i][in.profiles[k][i]] += in.profile_prob[k];
}

std::uint64_t outcome_count_bound(const InterimInstance& in) {
  const std::uint64_t n = in.players.size(), m = in.objects.size();
  switch (in.kind) {
    case OutcomeKind::Explicit:
      return in.explicit_list.size();
    case OutcomeKind::Knapsack:
      return n >= 64 ? kSaturated : (std::uint64_t{1} << n);
    case OutcomeKind::Multiunit: {
      std::uint64_t total = 0;
      for (std::uint64_t k = 0; k <= std::min<std::uint64_t>(n, in.units); ++k) {
        const std::uint64_t b = binomial_sat(n, k);
        if (b == kSaturated || total > kSaturated - b) return kSaturated;
        total += b;
      }
      return total;
    }
    case OutcomeKind::RankedQuota: {
      std::uint64_t f = 1;
      for (std::uint64_t k = 2; k <= n; ++k) f = mul_sat(f, k);
      return f;
    }
    case OutcomeKind::Matching: {
      // Σ_k C(n,k)·m!/(m−k)! partial injections (at most (m+1)^n).
      std::uint64_t total = 1;
      for (std::uint64_t k = 0; k < n; ++k) total = mul_sat(total, m + 1);
      return total;
    }
  }
  return kSaturated;
}

namespace {

void enumerate_matching(const InterimInstance& in, int player, std::vector<bool>& used, Outcome& x,
                        std::vector<Outcome>& out) {
  const int n = in.num_players(), m = in.num_objects();
  if (player == n) {
    out.push_back(x);
    return;
  }
  if (!in.exact_demand) enumerate_matching(in, player + 1, used, x, out);
  for (int j = 0; j < m; ++j) {
    if (used[j]) continue;
    used[j] = true;
    x[player * m + j] = 1;
    enumerate_matching(in, player + 1, used, x, out);
    x[player * m + j] = 0;
    used[j] = false;
  }
}

}  // namespace

std::vector<Outcome> enumerate_outcomes(const InterimInstance& in, std::uint64_t limit) {
  const std::uint64_t bound = outcome_count_bound(in);
  if (bound > limit) limit_error("outcomes in X", bound, limit);
  const int n = in.num_players(), m = in.num_objects();
  std::vector<Outcome> out;
  switch (in.kind) {
    case OutcomeKind::Explicit:
      out = in.explicit_list;
      break;
    case OutcomeKind::Knapsack:
    case OutcomeKind::Multiunit:
      for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << n); ++mask) {
        Outcome x(n, Rational(0));
        Rational used = 0;
        int count = 0;
        for (int i = 0; i < n; ++i)
          if (mask >> i & 1) {
            x[i] = in.kind == OutcomeKind::Knapsack ? in.size[i] : Rational(1);
            used += x[i];
            ++count;
          }
        if (in.kind == OutcomeKind::Knapsack ? used <= in.capacity : count <= in.units)
          out.push_back(std::move(x));
      }
      break;
    case OutcomeKind::RankedQuota: {
      // x_i = ρ_{π(i)} for the bijections π with (17): at least ζ of the top ξ objects go to I_1.
      std::vector<int> pi(n);
      std::iota(pi.begin(), pi.end(), 0);
      std::set<Outcome> seen;
      do {
        int reserved = 0;
        for (int i = 0; i < n; ++i)
          if (in.group1[i] && pi[i] < in.top) ++reserved;
        if (reserved < in.quota) continue;
        Outcome x(n);
        for (int i = 0; i < n; ++i) x[i] = in.qualities[pi[i]];
        if (seen.insert(x).second) out.push_back(std::move(x));
      } while (std::next_permutation(pi.begin(), pi.end()));
      break;
    }
    case OutcomeKind::Matching: {
      std::vector<bool> used(m, false);
      Outcome x(static_cast<std::size_t>(n) * m, Rational(0));
      enumerate_matching(in, 0, used, x, out);
      break;
    }
  }
  return out;
}

bool is_outcome(const InterimInstance& in, const Outcome& x, std::string* why) {
  auto fail = [&](const std::string& reason) {
    if (why) *why = reason;
    return false;
  };
  const int n = in.num_players(), m = in.num_objects();
  if (static_cast<int>(x.size()) != n * m) return fail("wrong number of entries");
  switch (in.kind) {
    case OutcomeKind::Explicit:
      if (std::find(in.explicit_list.begin(), in.explicit_list.end(), x) == in.explicit_list.end())
        return fail("not in the explicit outcome list");
      return true;
    case OutcomeKind::Knapsack: {
      Rational used = 0;
      for (int i = 0; i < n; ++i) {
        if (x[i] != 0 && x[i] != in.size[i])
          return fail("player " + in.players[i].name + " gets " + equilab::to_string(x[i]) +
                      ", neither 0 nor its size");
        used += x[i];
      }
      if (used > in.capacity) return fail("total size " + equilab::to_string(used) + " exceeds the capacity");
      return true;
    }
    case OutcomeKind::Multiunit: {
      int count = 0;
      for (int i = 0; i < n; ++i) {
        if (x[i] != 0 && x[i] != 1) return fail("player " + in.players[i].name + " gets neither 0 nor 1");
        if (x[i] == 1) ++count;
      }
      if (count > in.units) return fail("more than " + std::to_string(in.units) + " units given");
      return true;
    }
    case OutcomeKind::RankedQuota: {
      // x must be a rearrangement of ρ, and some bijection realising it must meet (17):
      // per quality value v, min(#I_1 players with v, #top-ξ positions with v) of them can be reserved.
      std::vector<Rational> sorted = x, rho = in.qualities;
      std::sort(sorted.begin(), sorted.end());
      std::sort(rho.begin(), rho.end());
      if (sorted != rho) return fail("not a rearrangement of the qualities");
      std::set<Rational> values(x.begin(), x.end());
      int reserved = 0;
      for (const Rational& v : values) {
        int g = 0, t = 0;
        for (int i = 0; i < n; ++i)
          if (in.group1[i] && x[i] == v) ++g;
        for (int k = 0; k < in.top; ++k)
          if (in.qualities[k] == v) ++t;
        reserved += std::min(g, t);
      }
      if (reserved < in.quota) return fail("fewer than quota top objects go to group1");
      return true;
    }
    case OutcomeKind::Matching: {
      for (int i = 0; i < n; ++i) {
        int row = 0;
        for (int j = 0; j < m; ++j) {
          const Rational& v = x[i * m + j];
          if (v != 0 && v != 1) return fail("an entry is neither 0 nor 1");
          if (v == 1) ++row;
        }
        if (row > 1 || (in.exact_demand && row != 1))
          return fail("player " + in.players[i].name + " gets " + std::to_string(row) + " objects");
      }
      for (int j = 0; j < m; ++j) {
        int col = 0;
        for (int i = 0; i < n; ++i)
          if (x[i * m + j] == 1) ++col;
        if (col > 1) return fail("object " + in.objects[j] + " goes to " + std::to_string(col) + " players");
      }
      return true;
    }
  }
  return fail("unknown kind");
}

namespace {
Rational profile_value(const InterimInstance& in, const Outcome& x, const std::vector<Rational>& w,
                       int profile) {
  const int m = in.num_objects();
  Rational v = 0;
  for (int i = 0; i < in.num_players(); ++i)
    for (int j = 0; j < m; ++j) {
      const Rational& xi = x[i * m + j];
      if (xi != 0) v += xi * w[in.z_index(i, in.profiles[profile][i], j)];
    }
  return v;
}
}  // namespace

int best_outcome(const InterimInstance& in, const std::vector<Outcome>& outcomes,
                 const std::vector<Rational>& w, int profile) {
  int best = -1;
  Rational best_value;
  for (int k = 0; k < static_cast<int>(outcomes.size()); ++k) {
    Rational v = profile_value(in, outcomes[k], w, profile);
    if (best < 0 || v > best_value) {
      best = k;
      best_value = std::move(v);
    }
  }
  return best;
}

Rational support_value(const InterimInstance& in, const std::vector<Outcome>& outcomes,
                       const std::vector<Rational>& w) {
  Rational h = 0;
  for (int t = 0; t < in.num_profiles(); ++t) {
    const int k = best_outcome(in, outcomes, w, t);
    h += in.profile_prob[t] * profile_value(in, outcomes[k], w, t);
  }
  return h;
}

// ---- test sets ----

std::vector<int> members_of(TestSet s) {
  std::vector<int> out;
  for (int z = 0; s; ++z, s >>= 1)
    if (s & 1) out.push_back(z);
  return out;
}

TestSet test_set_of(const std::vector<int>& members) {
  TestSet s = 0;
  for (int z : members) s |= TestSet{1} << z;
  return s;
}

std::uint64_t test_set_count(int num_triples) {
  return num_triples >= 64 ? kSaturated : (std::uint64_t{1} << num_triples) - 1;
}

void check_test_set_limit(int num_triples, std::uint64_t limit) {
  const std::uint64_t count = test_set_count(num_triples);
  if (count > limit || num_triples > 62) limit_error("test sets", count, limit);
}

TestSetBounds::TestSetBounds(const InterimInstance& instance, const std::vector<Outcome>& outcomes)
    : instance_(instance), outcomes_(outcomes) {
  for (const Rational& p : instance.profile_prob)
    mu_den_ = boost::multiprecision::lcm(mu_den_, Integer(denominator(p)));
  for (const Outcome& x : outcomes)
    for (const Rational& v : x)
      outcome_den_ = boost::multiprecision::lcm(outcome_den_, Integer(denominator(v)));
  for (const Rational& p : instance.profile_prob)
    mu_scaled_.push_back(Integer(numerator(p)) * (mu_den_ / Integer(denominator(p))));
}

const TestSetBounds::Scaled& TestSetBounds::scaled(std::uint64_t e) {
  auto it = scaled_.find(e);
  if (it != scaled_.end()) return it->second;
  const auto& [phi, gamma] = phi_gamma(e);
  const Rational a = phi * outcome_den_, b = gamma * outcome_den_;
  return scaled_.emplace(e, Scaled{Integer(numerator(a)), Integer(numerator(b))}).first->second;
}

std::uint64_t TestSetBounds::incidence(TestSet s, int profile) const {
  const int m = instance_.num_objects();
  std::uint64_t e = 0;
  for (int i = 0; i < instance_.num_players(); ++i) {
    const int base = instance_.z_index(i, instance_.profiles[profile][i], 0);
    for (int j = 0; j < m; ++j)
      if (s >> (base + j) & 1) e |= std::uint64_t{1} << (i * m + j);
  }
  return e;
}

const std::pair<Rational, Rational>& TestSetBounds::phi_gamma(std::uint64_t e) {
  auto it = cache_.find(e);
  if (it != cache_.end()) return it->second;
  Rational hi, lo;
  bool first = true;
  for (const Outcome& x : outcomes_) {
    Rational v = 0;
    for (std::uint64_t rest = e; rest; rest &= rest - 1) v += x[std::countr_zero(rest)];
    if (first || v > hi) hi = v;
    if (first || v < lo) lo = v;
    first = false;
  }
  return cache_.emplace(e, std::make_pair(hi, lo)).first->second;
}

std::pair<Rational, Rational> TestSetBounds::bounds(TestSet s) {
  Integer F = 0, G = 0;
  for (int t = 0; t < instance_.num_profiles(); ++t) {
    const std::uint64_t e = incidence(s, t);
    if (e == 0) continue;  // φ(∅) = γ(∅) = 0
    const Scaled& v = scaled(e);
    F += mu_scaled_[t] * v.phi;
    G += mu_scaled_[t] * v.gamma;
  }
  const Integer den = mu_den_ * outcome_den_;
  return {Rational(G, den), Rational(F, den)};
}

}  // namespace equilab::interim
