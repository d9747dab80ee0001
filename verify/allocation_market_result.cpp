#include "verify/allocation_market_result.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <tuple>

#include "verify/allocation_market_certificate.h"
#include "verify/allocation_market_path.h"

namespace equilab::verify {

using homotopy::AllocationMarket;
using homotopy::Certificate;
using homotopy::ResultDocument;

namespace {

std::vector<int> ordinary_goods(const AllocationMarket& m) {
  std::vector<int> out;
  for (int i = 0; i < m.num_goods(); ++i)
    if (!m.goods[i].null) out.push_back(i);
  return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

}  // namespace

Integer count_allocations(const AllocationMarket& market, const Integer& cap) {
  const std::vector<int> goods = ordinary_goods(market);
  const int m = market.num_buyers(), n = static_cast<int>(goods.size());
  auto accepts = [&](int a, int k) { return market.utility[a][goods[k]].has_value(); };
  // A matching of buyers to acceptable goods, counted over the subsets of the smaller side taken
  // so far: each member of the larger side stays unmatched or takes a free acceptable partner.
  const int small = std::min(m, n), large = std::max(m, n);
  if (small <= 20 && (static_cast<std::uint64_t>(large) << small) <= (std::uint64_t{1} << 26)) {
    std::vector<Integer> ways(std::size_t{1} << small, Integer(0)), next;
    ways[0] = 1;
    for (int l = 0; l < large; ++l) {
      next = ways;
      for (std::size_t mask = 0; mask < ways.size(); ++mask) {
        if (ways[mask] == 0) continue;
        for (int t = 0; t < small; ++t)
          if (!(mask >> t & 1) && (m <= n ? accepts(t, l) : accepts(l, t)))
            next[mask | (std::size_t{1} << t)] += ways[mask];
      }
      ways.swap(next);
    }
    Integer count = 0;
    for (const Integer& w : ways) count += w;
    return count;
  }
  // Larger markets: one by one, up to cap + 1.
  std::vector<char> used(n, 0);
  Integer count = 0;
  std::function<void(int)> place = [&](int a) {
    if (count > cap) return;
    if (a == m) {
      ++count;
      return;
    }
    place(a + 1);  // outside
    for (int k = 0; k < n; ++k)
      if (!used[k] && accepts(a, k)) {
        used[k] = 1;
        place(a + 1);
        used[k] = 0;
      }
  };
  place(0);
  return count;
}

GaStructureCounts count_ga_structures(const AllocationMarket& market) {
  const std::vector<int> goods = ordinary_goods(market);
  const int m = market.num_buyers(), n = static_cast<int>(goods.size());
  // item of buyer a: an ordinary good (0..n−1) or his outside option (−1).
  std::vector<int> item(m, -1);
  std::vector<char> used(n, 0);
  GaStructureCounts c;
  auto accepts = [&](int b, int a) {  // buyer b could price buyer a's item
    return item[a] >= 0 && market.utility[b][goods[item[a]]].has_value();
  };
  auto count_forests = [&]() {
    // Every parent function on the m allocated items (m = a root), counted when acyclic.
    std::vector<int> parent(m, m);
    Integer forests = 0;
    std::function<void(int)> choose = [&](int a) {
      if (a == m) {
        for (int s = 0; s < m; ++s) {
          int t = s, steps = 0;
          while (t != m && steps <= m) {
            t = parent[t];
            ++steps;
          }
          if (t != m) return;
        }
        ++forests;
        return;
      }
      parent[a] = m;
      choose(a + 1);
      for (int b = 0; b < m; ++b)
        if (b != a && accepts(b, a)) {
          parent[a] = b;
          choose(a + 1);
        }
    };
    choose(0);
    return forests;
  };
  std::function<void(int)> place = [&](int a) {
    if (a == m) {
      c.allocations += 1;
      const Integer forests = count_forests();
      c.enumerated += forests;
      Integer places = 1;
      for (int k = 0; k < n; ++k) {
        if (used[k]) continue;
        int choices = 1;
        for (int b = 0; b < m; ++b) choices += market.utility[b][goods[k]] ? 1 : 0;
        places *= choices;
      }
      for (int b = 0; b < m; ++b)
        if (item[b] >= 0) places *= 2;  // his unallocated outside option: a root or below his good
      c.all += forests * places;
      return;
    }
    item[a] = -1;
    place(a + 1);
    for (int k = 0; k < n; ++k)
      if (!used[k] && market.utility[a][goods[k]]) {
        used[k] = 1;
        item[a] = k;
        place(a + 1);
        used[k] = 0;
      }
    item[a] = -1;
  };
  place(0);
  return c;
}

Verdict check_allocation_market_result(const AllocationMarket& instance, const ResultDocument& r) {
  const AllocationMarket end = homotopy::endpoint(instance);
  Verdict v = check_allocation_market_certificate(instance, r.certificate);
  const Certificate& c = r.certificate;
  // The answer is the certificate's.
  for (int i = 0; i < end.num_goods(); ++i)
    if (r.answer.prices[i] != c.prices[i])
      v.fail("/prices/" + json_pointer_escape(end.goods[i].name) + ": " +
             equilab::to_string(r.answer.prices[i]) + ", but the certified price is " +
             equilab::to_string(c.prices[i]));
  for (int a = 0; a < end.num_buyers(); ++a) {
    const std::string at = json_pointer_escape(end.buyers[a]);
    if (r.answer.allocation[a] != c.allocation[a])
      v.fail("/allocation/" + at + ": " + quoted(end.goods[r.answer.allocation[a]].name) +
             ", but the certified allocation gives him " + quoted(end.goods[c.allocation[a]].name));
    const int g = c.allocation[a];
    if (g < 0 || g >= end.num_goods() || !end.utility[a][g]) continue;  // the certificate check says why
    const Rational u = end.utility[a][g]->value - end.utility[a][g]->slope * c.prices[g];
    if (r.utilities[a] != u)
      v.fail("/utilities/" + at + ": " + equilab::to_string(r.utilities[a]) + ", but his certified good " +
             quoted(end.goods[g].name) + " at its certified price gives him " + equilab::to_string(u));
  }
  {
    auto edges = [](const Certificate& x) {
      std::multiset<std::tuple<int, int, int>> s;
      for (const auto& e : x.edges) s.insert({e.from, e.to, e.buyer});
      return s;
    };
    if (std::multiset<int>(r.answer.roots.begin(), r.answer.roots.end()) !=
        std::multiset<int>(c.roots.begin(), c.roots.end()))
      v.fail("/forest/roots: not the certificate's roots");
    if (edges(r.answer) != edges(c)) v.fail("/forest/edges: not the certificate's edges");
  }
  if (r.path) {
    const Verdict p = check_allocation_market_path(instance, r);
    for (const auto& f : p.failures) v.fail(f);
  }
  if (r.allocations_enumerated) {
    // Counted one by one only up to 10^8 (far past what one exact LP per allocation can reach).
    const Integer limit = 100'000'000;
    const Integer& claimed = *r.allocations_enumerated;
    const Integer n = count_allocations(end, claimed < limit ? claimed : limit);
    if (n != claimed)
      v.fail("/allocations_enumerated: " + claimed.str() + ", but the market has " +
             (n > claimed || n > limit ? "more than " + std::min(claimed, limit).str() : n.str()) +
             " allocations");
  }
  if (r.allocations || r.ga_structures_enumerated || r.ga_structures_all) {
    if (end.num_buyers() > 5 || static_cast<int>(ordinary_goods(end).size()) > 5) {
      v.fail(
          "/method: ga-minmax counts GA-structures of markets of at most 5 buyers and 5 ordinary goods only");
    } else {
      const GaStructureCounts n = count_ga_structures(end);
      auto compare = [&](const char* field, const std::optional<Integer>& claimed, const Integer& counted) {
        if (claimed && *claimed != counted)
          v.fail(std::string("/") + field + ": " + claimed->str() + ", but the count is " + counted.str());
      };
      compare("allocations", r.allocations, n.allocations);
      compare("ga_structures_enumerated", r.ga_structures_enumerated, n.enumerated);
      compare("ga_structures_all", r.ga_structures_all, n.all);
    }
  }
  return v;
}

}  // namespace equilab::verify
