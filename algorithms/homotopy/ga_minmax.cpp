// Method `ga-minmax` (issue 7, method 4): the min-max theorem of Caplin–Leahy §2.3 made exact by
// enumeration. The theorem (eq. 2.2) reads
//
//   Σ_i q_i(μ*,F*) = min_{μ ∈ M} max_{F : (μ,F) ∈ G} Σ_i q_i(μ,F),
//
// over the GA-structures G of §2.2 (an allocation μ and a rooted forest F on ALL goods Y whose
// edges leave allocated goods only) and the generated prices q(μ,F) of eq. (2.1) (roots at
// reservation, a successor k of a good i held by buyer a priced by U_a(i, q_i) = U_a(k, q_k)).
// This file evaluates both sides literally: the outer min runs over every allocation, the inner
// max over every forest. It shares no solving code with `path` or `allocation-lp`.
//
// The theorem's "q(μ,F) is a MEP if and only if Σ q(μ,F) equals (2.2)" is read for the
// solutions of (2.2), μ attaining the outer min and F the inner max for μ: for an arbitrary
// structure the "if" fails (one buyer, TU, x with r 4 and value 2, y with r 2 and value 6,
// outside option 1: (2.2) = 6 = the sum of the MEP (4, 2), and so is the sum of q = (1, 5) of
// the buyer outside with both goods priced by his indifference, which is no equilibrium price;
// that allocation's max is 4 + 5 = 9).
//
// Reading of the paper in equilab's market (model.h): the goods are the ordinary goods plus one
// outside option o_a per buyer (the paper's null goods, p = r = 0, U_a(o_a, p) = w_a − p); a buyer
// can only price, and only be allocated, goods he finds acceptable (the paper has no
// unacceptable goods; its Assumption A makes every good priceable by every buyer). The outside
// options belong to Y, so they may be heads of edges like any good: the edge (μ_a, o_a) prices
// o_a at w_a − U_a(μ_a, ·). This matters for the selection below: were outside options always
// roots, one buyer with one good x (r 7, value 2, slope 1/2) and outside option 3 would have the
// solution "buyer on x, x a root" (max 7 = the sum of the MEP, which has him outside), an
// allocation he does not demand; the edge (x, o_a) at 3 − (2 − 7/2) = 9/2 lifts its max to 23/2.
//
// The inner max without enumerating the unallocated goods' places: no edge leaves an
// unallocated good, so in any F an unallocated good k is an isolated root or a leaf below some
// allocated good, and its generated price depends only on that choice and on the prices of the
// allocated goods. Hence for a fixed forest F_A on the m allocated goods (every buyer holds one
// good, ordinary or his outside option, so there are exactly m of them) the best places of the
// unallocated goods are chosen good by good: q_k = max(r_k, max_b (v_bk − u_b)/β_bk) over the
// buyers b who accept k, u_b being b's utility at his own good. The pairs (μ, F_A) are what is
// enumerated; they are the structures §7 counts ("forests of rooted trees on the m allocated
// goods"), while |G| itself also counts every way of hanging the unallocated goods (see
// ga_minmax_counts). A μ is abandoned as soon as one of its forests exceeds the least maximum
// found so far (it cannot attain the min); ties are kept.
//
// Selection (reconstruction). The paper: "let (μ,F) be an argument that solves (2.2); if
// q_i(μ,F) > r_i for all y_i ∉ R(F) then (μ, q(μ,F)) is a MPE". As printed this is too weak:
// with two buyers a, b who both value one good g (r_g = 1) at 6 and their outside options at 3,
// the allocation "both outside" with g priced by a's indifference (edge o_a -> g, q_g = 3 > 1)
// solves (2.2) (every allocation's maximum is 3, the MEP's sum), yet g is unallocated above its
// reservation, so it is no equilibrium (§2.1 condition 3). We select a solution that also
// allocates the head of every edge, the condition of the GAME set of §3.1; the solution built
// from an MPE allocation by growing the forest from the goods at reservation is one, so one
// exists. The selected structure is then checked against §2.1 (allocation acceptable and
// one-to-one, p >= r, buyer optimality, goods above reservation allocated); a failure, or two
// solutions of (2.2) generating different prices (the theorem's "if and only if"), throws
// std::logic_error rather than being hidden.
#include <algorithm>
#include "core/deadline.h"
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "homotopy/methods.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

bool accepts(const ReducedMarket& r, int a, int g) { return g < r.n ? r.acceptable[a][g] != 0 : g == r.n + a; }

int count_ordinary_goods(const AllocationMarket& market) {
  int n = 0;
  for (const Good& g : market.goods) n += g.null ? 0 : 1;
  return n;
}

// The allocations M of the reduced market: each buyer on an acceptable ordinary good or on his
// own outside option, no good twice. Calls visit(mu) for each.
template <class Visit>
void each_allocation(const ReducedMarket& r, int a, std::vector<int>& mu, std::vector<char>& taken, Visit& visit) {
  if (a == r.m) {
    check_deadline();
    visit(mu);
    return;
  }
  for (int k = 0; k < r.n; ++k) {
    if (!r.acceptable[a][k] || taken[k]) continue;
    taken[k] = 1;
    mu[a] = k;
    each_allocation(r, a + 1, mu, taken, visit);
    taken[k] = 0;
  }
  mu[a] = r.n + a;
  each_allocation(r, a + 1, mu, taken, visit);
}

// The number of rooted forests on the allocated goods of μ whose edges (μ_b, μ_a) have μ_a
// acceptable to b: Tutte's matrix-tree theorem on the digraph plus a super-root joined to every
// good, det(I + D_in − A). An independent count of what the enumeration visits.
Integer forests_on_allocated(const ReducedMarket& r, const std::vector<int>& mu) {
  const int m = r.m;
  std::vector<std::vector<Rational>> M(m, std::vector<Rational>(m, Rational(0)));
  for (int a = 0; a < m; ++a) {
    M[a][a] = 1;
    for (int b = 0; b < m; ++b)
      if (b != a && accepts(r, b, mu[a])) {
        M[a][a] += 1;
        M[a][b] = -1;
      }
  }
  Rational det = 1;
  for (int c = 0; c < m; ++c) {
    int pivot = c;
    while (pivot < m && M[pivot][c] == 0) ++pivot;
    if (pivot == m) return Integer(0);
    if (pivot != c) {
      std::swap(M[pivot], M[c]);
      det = -det;
    }
    det *= M[c][c];
    for (int i = c + 1; i < m; ++i) {
      if (M[i][c] == 0) continue;
      const Rational f = M[i][c] / M[c][c];
      for (int j = c; j < m; ++j) M[i][j] -= f * M[c][j];
    }
  }
  if (boost::multiprecision::denominator(det) != 1) throw std::logic_error("ga-minmax: non-integer forest count");
  return boost::multiprecision::numerator(det);
}

void check_size(int m, int n) {
  if (m > kGaMinmaxMaxSize || n > kGaMinmaxMaxSize)
    throw EnumerationLimit("ga-minmax enumerates GA-structures only for at most " + std::to_string(kGaMinmaxMaxSize) +
                           " buyers and " + std::to_string(kGaMinmaxMaxSize) + " ordinary goods; this market has " +
                           std::to_string(m) + " buyers and " + std::to_string(n) + " ordinary goods");
}

class MinMax {
 public:
  explicit MinMax(const ReducedMarket& r) : r_(r), m_(r.m), n_(r.n), total_(r.n + r.m) {}

  void run() {
    std::vector<int> mu(m_);
    std::vector<char> taken(n_, 0);
    auto visit = [&](const std::vector<int>& allocation) { on_allocation(allocation); };
    each_allocation(r_, 0, mu, taken, visit);
    if (!best_) throw std::logic_error("ga-minmax: no allocation");
    if (conflict_)
      throw std::logic_error("ga-minmax: two solutions of (2.2) generate different prices, contrary to the min-max theorem");
    if (!selected_)
      throw std::logic_error("ga-minmax: no solution of (2.2) allocates the heads of all its edges");
    check_equilibrium(*selected_);
  }

  const GAStructure& selected() const { return *selected_; }
  std::uint64_t evaluated() const { return evaluated_; }

 private:
  const ReducedMarket& r_;
  int m_, n_, total_;
  // Outer min so far, the generated prices of its solutions, and the selected solution.
  std::optional<Rational> best_;
  std::vector<Rational> solution_prices_;
  bool conflict_ = false;
  std::optional<GAStructure> selected_;
  std::uint64_t evaluated_ = 0;

  // Per allocation.
  std::vector<int> mu_, holder_, up_;  // up_[a] = b: edge μ_b -> μ_a (b's indifference), −1: root
  std::optional<Rational> max_;
  std::vector<Rational> max_prices_;
  bool max_conflict_ = false;
  std::optional<GAStructure> max_selected_;
  std::uint64_t forests_ = 0;
  bool abandoned_ = false;
  // Scratch for one structure.
  std::vector<Rational> q_, u_;
  std::vector<char> done_;

  void on_allocation(const std::vector<int>& mu) {
    mu_ = mu;
    holder_.assign(total_, -1);
    for (int a = 0; a < m_; ++a) holder_[mu_[a]] = a;
    up_.assign(m_, -1);
    max_.reset();
    max_conflict_ = false;
    max_selected_.reset();
    forests_ = 0;
    abandoned_ = false;
    q_.assign(total_, Rational(0));
    u_.assign(m_, Rational(0));
    forest(0);
    if (abandoned_) return;
    // Every forest on the allocated goods was visited: the matrix-tree count must agree.
    if (Integer(forests_) != forests_on_allocated(r_, mu_))
      throw std::logic_error("ga-minmax: forest enumeration disagrees with the matrix-tree count");
    if (!best_ || *max_ < *best_) {
      best_ = max_;
      solution_prices_ = max_prices_;
      conflict_ = max_conflict_;
      selected_ = max_selected_;
    } else if (*max_ == *best_) {
      conflict_ = conflict_ || max_conflict_ || max_prices_ != solution_prices_;
      if (!selected_) selected_ = max_selected_;
    }
  }

  // Chooses the predecessor of buyer a's good: none, or the good of a buyer b != a who finds it
  // acceptable (an outside option held by its owner is acceptable to nobody else: always a root).
  void forest(int a) {
    if (abandoned_) return;
    if (a == m_) {
      if (acyclic()) evaluate();
      return;
    }
    up_[a] = -1;
    forest(a + 1);
    for (int b = 0; b < m_; ++b)
      if (b != a && accepts(r_, b, mu_[a])) {
        up_[a] = b;
        forest(a + 1);
      }
    up_[a] = -1;
  }

  bool acyclic() const {
    for (int a = 0; a < m_; ++a) {
      int t = a, steps = 0;
      while (up_[t] >= 0 && steps <= m_) {
        t = up_[t];
        ++steps;
      }
      if (up_[t] >= 0) return false;
    }
    return true;
  }

  Rational utility(int a, int g, const Rational& p) const {
    return g < n_ ? Rational(r_.v1[a][g] - r_.beta[a][g] * p) : Rational(r_.w1[a] - p);
  }

  // Eq. (2.1) on the allocated goods (recursively from the roots), then u_a = U_a(μ_a, q).
  void price_allocated(int a) {
    if (done_[a]) return;
    const int g = mu_[a];
    if (up_[a] < 0) {
      q_[g] = g < n_ ? r_.r1[g] : Rational(0);
    } else {
      const int b = up_[a];
      price_allocated(b);
      q_[g] = (r_.v1[b][g] - u_[b]) / r_.beta[b][g];  // U_b(μ_b, q) = U_b(g, q_g); g is ordinary
    }
    u_[a] = utility(a, g, q_[g]);
    done_[a] = 1;
  }

  void evaluate() {
    ++evaluated_;
    ++forests_;
    done_.assign(m_, 0);
    for (int a = 0; a < m_; ++a) price_allocated(a);
    Rational sum = 0;
    for (int a = 0; a < m_; ++a) sum += q_[mu_[a]];
    // The unallocated goods at their best places; `hung`: some unallocated good is priced above
    // its reservation by every maximising F (it hangs below an allocated good).
    bool hung = false;
    for (int k = 0; k < total_; ++k) {
      if (holder_[k] >= 0) continue;
      if (k < n_) {
        Rational best = r_.r1[k];
        for (int b = 0; b < m_; ++b)
          if (r_.acceptable[b][k]) {
            const Rational c = (r_.v1[b][k] - u_[b]) / r_.beta[b][k];
            if (c > best) best = c;
          }
        hung = hung || best > r_.r1[k];
        q_[k] = best;
      } else {  // outside option of buyer k − n, who holds an ordinary good: w − U(μ_b, q)
        const Rational c = r_.w1[k - n_] - u_[k - n_];
        hung = hung || c > 0;
        q_[k] = c > 0 ? c : Rational(0);
      }
      sum += q_[k];
    }
    if (!max_ || sum > *max_) {
      max_ = sum;
      max_prices_ = q_;
      max_conflict_ = false;
      max_selected_.reset();
      if (best_ && *max_ > *best_) {  // this μ's maximum exceeds a known minimum
        abandoned_ = true;
        return;
      }
    } else if (sum == *max_) {
      max_conflict_ = max_conflict_ || q_ != max_prices_;
    } else {
      return;
    }
    if (max_selected_ || hung) return;
    // The selection: every non-root (allocated) good strictly above its reservation.
    for (int a = 0; a < m_; ++a)
      if (up_[a] >= 0 && q_[mu_[a]] <= r_.r1[mu_[a]]) return;
    GAStructure s;
    s.allocation = mu_;
    s.parent.assign(total_, -1);
    for (int a = 0; a < m_; ++a)
      if (up_[a] >= 0) s.parent[mu_[a]] = mu_[up_[a]];
    s.prices = q_;
    max_selected_ = s;
  }

  // §2.1: a competitive equilibrium (the selected structure's prices, outside options at 0).
  void check_equilibrium(const GAStructure& s) const {
    auto fail = [](const std::string& why) {
      throw std::logic_error("ga-minmax: the selected solution of (2.2) is not a competitive equilibrium: " + why);
    };
    std::vector<int> holder(total_, -1);
    for (int a = 0; a < m_; ++a) {
      if (!accepts(r_, a, s.allocation[a]) || holder[s.allocation[a]] >= 0) fail("allocation");
      holder[s.allocation[a]] = a;
    }
    for (int k = 0; k < n_; ++k) {
      if (s.prices[k] < r_.r1[k]) fail("a price below reservation");
      if (s.prices[k] > r_.r1[k] && holder[k] < 0) fail("an unallocated good above reservation");
    }
    for (int g = n_; g < total_; ++g)
      if (s.prices[g] != 0) fail("an outside option not at 0");
    for (int a = 0; a < m_; ++a) {
      const Rational own = utility(a, s.allocation[a], s.prices[s.allocation[a]]);
      for (int g = 0; g < total_; ++g)
        if (accepts(r_, a, g) && utility(a, g, s.prices[g]) > own) fail("a buyer prefers another good");
    }
  }
};

}  // namespace

GaMinmaxCounts ga_minmax_counts(const AllocationMarket& market) {
  const ReducedMarket r = reduce(endpoint(market));
  check_size(r.m, r.n);
  GaMinmaxCounts c;
  std::vector<int> mu(r.m);
  std::vector<char> taken(r.n, 0);
  auto visit = [&](const std::vector<int>& allocation) {
    c.allocations += 1;
    const Integer forests = forests_on_allocated(r, allocation);
    c.enumerated += forests;
    // §2.2's G: each unallocated good is a root or a leaf below the good of a buyer accepting it.
    std::vector<char> held(r.n + r.m, 0);
    for (int g : allocation) held[g] = 1;
    Integer places = 1;
    for (int k = 0; k < r.n + r.m; ++k) {
      if (held[k]) continue;
      int choices = 1;
      for (int b = 0; b < r.m; ++b) choices += accepts(r, b, k) ? 1 : 0;
      places *= choices;
    }
    c.all += forests * places;
  };
  each_allocation(r, 0, mu, taken, visit);
  return c;
}

MepResult solve_ga_minmax(const AllocationMarket& market, std::uint64_t max_enumeration) {
  const int m = market.num_buyers(), n = count_ordinary_goods(market);
  check_size(m, n);
  const GaMinmaxCounts counts = ga_minmax_counts(market);
  if (counts.enumerated > max_enumeration)
    throw EnumerationLimit(counts.enumerated.str() + " GA-structures (allocations × forests on the allocated goods) exceed the enumeration limit " +
                           std::to_string(max_enumeration) + "; raise it with --max-enumeration");
  const ReducedMarket r = reduce(endpoint(market));
  MinMax solver(r);
  solver.run();
  MepResult result;
  result.certificate = to_certificate(market, r, solver.selected());
  return result;
}

// Exact when the smaller side has at most 20 members (a subset DP over it: each member of the
// larger side is unmatched or matched to a free acceptable partner); otherwise allocations are
// counted one by one up to cap + 1 (the count is then exact or a lower bound).
AllocationCount allocation_count(const AllocationMarket& market, std::uint64_t cap) {
  const ReducedMarket r = reduce(endpoint(market));
  const int m = r.m, n = r.n;
  const int small = std::min(m, n), large = std::max(m, n);
  AllocationCount out;
  if (small <= 20 && (static_cast<std::uint64_t>(large) << small) <= (std::uint64_t{1} << 26)) {
    auto edge = [&](int s, int l) { return m <= n ? r.acceptable[s][l] != 0 : r.acceptable[l][s] != 0; };
    std::vector<Integer> ways(std::size_t{1} << small, Integer(0)), next;
    ways[0] = 1;
    for (int l = 0; l < large; ++l) {
      next = ways;  // l unmatched
      for (std::size_t mask = 0; mask < ways.size(); ++mask) {
        if (ways[mask] == 0) continue;
        for (int s = 0; s < small; ++s)
          if (!(mask >> s & 1) && edge(s, l)) next[mask | (std::size_t{1} << s)] += ways[mask];
      }
      ways.swap(next);
    }
    for (const Integer& w : ways) out.count += w;
    return out;
  }
  // Buyers with no acceptable ordinary good have one choice and are skipped.
  std::vector<int> active;
  for (int a = 0; a < m; ++a)
    if (std::any_of(r.acceptable[a].begin(), r.acceptable[a].end(), [](char c) { return c != 0; }))
      active.push_back(a);
  std::uint64_t counted = 0;
  std::vector<char> taken(n, 0);
  auto count = [&](auto& self, std::size_t t) -> void {
    if (counted > cap) return;
    if (t == active.size()) {
      ++counted;
      return;
    }
    self(self, t + 1);
    for (int k = 0; k < n && counted <= cap; ++k)
      if (r.acceptable[active[t]][k] && !taken[k]) {
        taken[k] = 1;
        self(self, t + 1);
        taken[k] = 0;
      }
  };
  count(count, 0);
  out.count = counted;
  out.exact = counted <= cap;
  return out;
}

}  // namespace equilab::homotopy
