// Method `dgs` (issue 7, method 3, TU case β ≡ 1 with integer data): the exact ascending
// auction of Demange, Gale and Sotomayor (1986, "Multi-item auctions", §2, the exact auction).
// Shares no solving code with `hungarian-bf`, `assignment-lp`, `allocation-lp` or `path`; only
// the certificate construction (grow_forest / to_certificate, not a solver) is common.
//
// Prices start at the reservation prices r. Buyer a's demand set at p is the set of his best
// goods among his acceptable real goods (utility v_ak − p_k) and his outside option (utility
// w_a, the value of his null goods, price 0). A set S of real goods is overdemanded when more
// buyers demand only goods of S (D_a ⊆ S, so the outside option is not in D_a) than S has goods.
// Each round raises by 1 the price of every good of one inclusion-minimal overdemanded set.
// When no set is overdemanded, Hall's theorem gives an assignment of every buyer to a demanded
// good. With integer values and reservations the prices never pass the minimum equilibrium
// price p* (the exact auction's argument in DGS 1986: for p <= p* every good of a minimal
// overdemanded set has p_k < p*_k, and p_k, p*_k are integers), so the auction ends exactly at
// the MEP.
//
// Overdemanded sets come from a maximum matching of the buyers who do not demand their outside
// option to their demanded goods (Kuhn's augmenting paths): the goods reachable by alternating
// paths from an unmatched buyer form a set Z with |Z| + 1 buyers demanding only goods of Z.
// Minimality: Z is shrunk while some Z \ {g} still contains an overdemanded set (the same
// deficiency test restricted to the buyers with D_a ⊆ Z \ {g}); a set none of whose one-good
// deletions contains an overdemanded set is inclusion-minimal.
//
// At the end the assignment must also give away every good priced above its reservation (a
// competitive equilibrium, §2.1): an unassigned such good is handed to a buyer who demands it
// along an alternating path that ends by releasing a good at its reservation or moving a buyer
// to his outside option. Such a path exists because the MEP is an equilibrium price.
#include <algorithm>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>

#include "homotopy/methods.h"
#include "homotopy/structure.h"

namespace equilab::homotopy {
namespace {

using boost::multiprecision::denominator;
using boost::multiprecision::numerator;

Integer as_integer(const Rational& x, const std::string& what) {
  if (denominator(x) != 1)
    throw std::invalid_argument("dgs needs integer values and reservations: " + what + " is " +
                                equilab::to_string(x));
  return numerator(x);
}

class Auction {
 public:
  Auction(const AllocationMarket& market, const ReducedMarket& r) : r_(r), m_(r.m), n_(r.n) {
    const AllocationMarket& e = market;  // names for messages (instance indexing)
    value_.assign(m_, std::vector<Integer>(n_));
    for (int a = 0; a < m_; ++a) {
      for (int k = 0; k < n_; ++k) {
        if (!r.acceptable[a][k]) continue;
        const std::string& good = e.goods[r.real_goods[k]].name;
        if (r.beta[a][k] != 1)
          throw std::invalid_argument("dgs needs transferable utility (every slope 1): buyer \"" + e.buyers[a] +
                                      "\" has slope " + equilab::to_string(r.beta[a][k]) + " for good \"" +
                                      good + "\"");
        value_[a][k] = as_integer(r.v1[a][k], "the value of good \"" + good + "\" to buyer \"" + e.buyers[a] + "\"");
      }
      outside_.push_back(as_integer(r.w1[a], "buyer \"" + e.buyers[a] + "\"'s value of his null goods"));
    }
    for (int k = 0; k < n_; ++k) {
      reservation_.push_back(
          as_integer(r.r1[k], "the reservation price of good \"" + e.goods[r.real_goods[k]].name + "\""));
    }
    price_ = reservation_;
  }

  // Runs the auction; returns the final allocation (internal goods, n + a = outside option).
  std::vector<int> run() {
    for (;;) {
      compute_demand();
      std::vector<int> active;  // buyers whose demand set has no outside option
      for (int a = 0; a < m_; ++a)
        if (!wants_outside_[a]) active.push_back(a);
      std::vector<char> all(n_, 1);
      std::optional<std::vector<int>> over = overdemanded(active, all);
      if (!over) break;
      for (int k : minimal(*over)) price_[k] += 1;
    }
    return final_assignment();
  }

  std::vector<Rational> prices() const {
    std::vector<Rational> p(n_);
    for (int k = 0; k < n_; ++k) p[k] = Rational(price_[k]);
    return p;
  }

 private:
  void compute_demand() {
    demand_.assign(m_, {});
    wants_outside_.assign(m_, 0);
    for (int a = 0; a < m_; ++a) {
      Integer best = outside_[a];
      for (int k = 0; k < n_; ++k)
        if (r_.acceptable[a][k] && value_[a][k] - price_[k] > best) best = value_[a][k] - price_[k];
      wants_outside_[a] = outside_[a] == best;
      for (int k = 0; k < n_; ++k)
        if (r_.acceptable[a][k] && value_[a][k] - price_[k] == best) demand_[a].push_back(k);
    }
  }

  // Maximum matching of `buyers` (each demanding only goods flagged in `allowed`) to their
  // demanded goods. Returns the goods reachable by alternating paths from an unmatched buyer
  // (an overdemanded set), or nothing when every buyer is matched.
  std::optional<std::vector<int>> overdemanded(const std::vector<int>& buyers, const std::vector<char>& allowed) {
    std::vector<int> holder(n_, -1);
    std::vector<char> seen(n_, 0);
    // Kuhn's augmenting path search from buyer a (recursion depth <= number of goods).
    auto augment = [&](auto&& self, int a) -> bool {
      for (int k : demand_[a]) {
        if (!allowed[k] || seen[k]) continue;
        seen[k] = 1;
        if (holder[k] < 0 || self(self, holder[k])) {
          holder[k] = a;
          return true;
        }
      }
      return false;
    };
    for (int a : buyers) {
      std::fill(seen.begin(), seen.end(), 0);
      if (augment(augment, a)) continue;
      // a stays unmatched (a maximum matching never re-exposes a matched buyer): the goods
      // reachable from a alternate with their holders; |Z| goods, |Z| + 1 buyers, D ⊆ Z.
      std::vector<char> in(n_, 0);
      std::vector<int> z;
      std::deque<int> queue = {a};
      while (!queue.empty()) {
        const int b = queue.front();
        queue.pop_front();
        for (int k : demand_[b]) {
          if (!allowed[k] || in[k]) continue;
          if (holder[k] < 0) throw std::logic_error("dgs: the matching is not maximum");
          in[k] = 1;
          z.push_back(k);
          queue.push_back(holder[k]);
        }
      }
      return z;
    }
    return std::nullopt;
  }

  // Shrinks an overdemanded set to an inclusion-minimal one.
  std::vector<int> minimal(std::vector<int> s) {
    for (bool shrunk = true; shrunk;) {
      shrunk = false;
      for (std::size_t drop = 0; drop < s.size() && !shrunk; ++drop) {
        std::vector<char> allowed(n_, 0);
        for (std::size_t j = 0; j < s.size(); ++j)
          if (j != drop) allowed[s[j]] = 1;
        std::vector<int> inside;  // buyers with D_a ⊆ S \ {s[drop]}
        for (int a = 0; a < m_; ++a) {
          if (wants_outside_[a] || demand_[a].empty()) continue;
          bool ok = true;
          for (int k : demand_[a]) ok = ok && allowed[k];
          if (ok) inside.push_back(a);
        }
        if (auto smaller = overdemanded(inside, allowed)) {
          s = std::move(*smaller);
          shrunk = true;
        }
      }
    }
    return s;
  }

  // Every buyer on a demanded good (or his outside option when he demands it), and every good
  // above its reservation given away.
  std::vector<int> final_assignment() {
    std::vector<int> holder(n_, -1), mu(m_, -1);
    std::vector<char> seen(n_, 0);
    auto augment = [&](auto&& self, int a) -> bool {
      for (int k : demand_[a]) {
        if (seen[k]) continue;
        seen[k] = 1;
        if (holder[k] < 0 || self(self, holder[k])) {
          holder[k] = a;
          mu[a] = k;
          return true;
        }
      }
      return false;
    };
    for (int a = 0; a < m_; ++a) {
      if (wants_outside_[a]) {
        mu[a] = n_ + a;
        continue;
      }
      std::fill(seen.begin(), seen.end(), 0);
      if (!augment(augment, a)) throw std::logic_error("dgs: no overdemanded set but no assignment");
    }
    auto releasable = [&](int g) { return g >= n_ || price_[g] == reservation_[g]; };
    for (int g0 = 0; g0 < n_; ++g0) {
      if (holder[g0] >= 0 || price_[g0] == reservation_[g0]) continue;
      // BFS over goods that need a taker, from g0: a buyer b who demands g may take it; b's
      // good h = mu[b] then needs a taker (pred[h] = g) unless it can be released.
      std::vector<int> pred(n_, -1);
      std::vector<char> reached(n_, 0);
      reached[g0] = 1;
      std::deque<int> queue = {g0};
      int last = -1, last_good = -1;  // the buyer whose good is released, and what he takes
      while (!queue.empty() && last < 0) {
        const int g = queue.front();
        queue.pop_front();
        for (int b = 0; b < m_ && last < 0; ++b) {
          if (mu[b] == g || std::find(demand_[b].begin(), demand_[b].end(), g) == demand_[b].end()) continue;
          const int h = mu[b];
          if (releasable(h)) {
            last = b;
            last_good = g;
          } else if (!reached[h]) {
            reached[h] = 1;
            pred[h] = g;
            queue.push_back(h);
          }
        }
      }
      if (last < 0) throw std::logic_error("dgs: a good above reservation cannot be given away");
      // Shift along the chain: `last` takes last_good, its holder takes pred[last_good], ...
      int b = last, g = last_good;
      for (;;) {
        const int next = g == g0 ? -1 : holder[g];
        const int old = mu[b];
        if (old < n_ && holder[old] == b) holder[old] = -1;
        mu[b] = g;
        holder[g] = b;
        if (g == g0) break;
        g = pred[g];
        b = next;
      }
    }
    return mu;
  }

  const ReducedMarket& r_;
  int m_, n_;
  std::vector<std::vector<Integer>> value_;
  std::vector<Integer> outside_, reservation_, price_;
  std::vector<std::vector<int>> demand_;
  std::vector<char> wants_outside_;
};

}  // namespace

MepResult solve_dgs(const AllocationMarket& market) {
  const ReducedMarket r = reduce(endpoint(market));
  Auction auction(market, r);
  const std::vector<int> mu = auction.run();
  auto s = grow_forest(r, mu, auction.prices());
  if (!s) throw std::logic_error("dgs: the final prices have no generating forest (not the MEP)");
  MepResult result;
  result.certificate = to_certificate(market, r, *s);
  return result;
}

}  // namespace equilab::homotopy
