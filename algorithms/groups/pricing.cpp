// Pricing oracle for column generation on the welfare LP (Wang §2.5.2, eqs. 5–6): max_G ρ(G),
// ρ(G) = s(G) − Σ_{i∈G} u(i), over the group types of sizes N'..N, never enumerated for the
// tractable classes.
//
// ---------------------------------------------------------------------------------------------
// Theorem (pairwise values with pair values >= 0).
//   s(G) = Σ_{members} own + Σ_{member pairs} pair + size(|G|), pair(i,j) >= 0 for all i <= j.
//   Let r(i) = own(i) − u(i), r* = max_i r(i). The member graph of G joins two members
//   (copies count as distinct members) when the pair value of their types is > 0. For k >= 2
//   let V_k = max over connected member multisets P of size k of
//       v(P) = Σ_{i∈P} r(i) + Σ_{member pairs of P} pair.
//   Then for every size n
//       max_{|G|=n} ρ(G) = size(n) + max_{k_1..k_p >= 2, Σk_j <= n} [ Σ_j V_{k_j} + (n − Σ_j k_j) r* ].
// Proof. (<=) Split the members of G into the components of its member graph. A pair of
//   members in different components has pair value 0, so ρ(G) − size(n) is the sum over the
//   components C of v(C). A component of one member is worth r(i) <= r*; a component of
//   k >= 2 members is a connected multiset, worth <= V_k. (>=) Take best pieces P_1..P_p of
//   sizes k_j and n − Σk_j copies of a type i* with r(i*) = r*; their union H has size n and
//   ρ(H) − size(n) = Σ_j v(P_j) + (n − Σk_j) r* + (pair values between the parts) >= the bound,
//   since every pair value is >= 0. Both bounds meet. ∎
// The right-hand side is a knapsack over piece sizes: W_0 = 0,
//   W_m = max( r* + W_{m−1}, max_{2<=k<=m} V_k + W_{m−k} ),  max_{|G|=n} ρ = size(n) + W_n.
// The pieces: multisets whose *support* (the set of distinct types) is connected in the type
// graph E = {(i,j), i != j, pair(i,j) > 0}, plus single-type multisets [i^k] with pair(i,i) > 0.
// Such a multiset is connected as a member multiset (two copies of i are joined through any
// neighbour type in the support), and every connected member multiset is of this form, so
// these are exactly the connected multisets. Supports are enumerated once each by the ESU
// algorithm (Wernicke 2006: extend a set only by neighbours with a larger index than its root
// that are not adjacent to earlier members), then multiplicities are distributed over the
// support: O(|I| + |E| d^{N−2}) pieces for maximum degree d, times the compositions of k. The
// pieces and their pair sums do not depend on u, so they are enumerated once per oracle and
// every pricing call is one pass over them plus the knapsack.
// Additive + size (no pair terms) is the case with no pieces: max ρ = size(n) + n r*.
// ---------------------------------------------------------------------------------------------
// Tables with a default: listed groups are priced one by one. An unlisted n-group is worth
// the default, so its ρ is largest when Σu is smallest: n-multisets are visited best-first in
// increasing Σu (types sorted by u, a heap over non-decreasing index vectors where each vector
// has one parent — decrement its leftmost nonzero entry — so each is visited once) until the
// first unlisted one; later ones are only needed for more columns.
// ---------------------------------------------------------------------------------------------
// Exact pricing filters in double with a rigorous margin: a piece (or group) value in double
// differs from the exact value by at most e = 1e−9·(N·max|r| + N²·max|pair| + max|size| + 1) (each
// double is within 2^−52 relative of its rational and at most ~N² terms are added, far below the
// 1e−9 factor). If P* attains the exact maximum V then d(P*) >= V − e >= max_P d(P) − 2e, so the
// exact maximum is the maximum of the exact values of the pieces with d(P) >= max d − 2e.
#include "groups/pricing.h"

#include "groups/enumerate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace equilab::groups {

const char* to_string(ValueClass value_class) {
  switch (value_class) {
    case ValueClass::PairwiseNonnegative: return "pairwise with pair values >= 0";
    case ValueClass::Additive: return "additive + size";
    case ValueClass::Table: return "table with a default";
    case ValueClass::BruteForce: return "pairwise with negative pair values";
  }
  return "?";
}

ValueClass classify_value(const GroupsInstance& instance) {
  if (std::holds_alternative<TableValue>(instance.value)) return ValueClass::Table;
  const auto& pw = std::get<PairwiseValue>(instance.value);
  bool any = false;
  for (const auto& [ij, v] : pw.pair) {
    if (v < 0) return ValueClass::BruteForce;
    if (v > 0) any = true;
  }
  return any ? ValueClass::PairwiseNonnegative : ValueClass::Additive;
}

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

double to_d(const Rational& q) { return q.convert_to<double>(); }

// Nonzero pair values by type, i != j, neighbours sorted; self pairs apart.
struct PairGraph {
  std::vector<std::vector<int>> nbr;
  std::vector<std::vector<double>> wd;
  std::vector<std::vector<Rational>> wq;
  std::vector<double> self_d;
  std::vector<Rational> self_q;

  int slot(int i, int j) const {
    const auto& a = nbr[i];
    auto it = std::lower_bound(a.begin(), a.end(), j);
    return (it != a.end() && *it == j) ? static_cast<int>(it - a.begin()) : -1;
  }
  bool adjacent(int i, int j) const { return slot(i, j) >= 0; }
  double pair_d(int i, int j) const {
    if (i == j) return self_d[i];
    const int s = slot(i, j);
    return s < 0 ? 0.0 : wd[i][s];
  }
  const Rational& pair_q(int i, int j) const {
    static const Rational zero = 0;
    if (i == j) return self_q[i];
    const int s = slot(i, j);
    return s < 0 ? zero : wq[i][s];
  }
};

// Connected supports of size <= max_s, each once (ESU).
class SupportEnumerator {
 public:
  SupportEnumerator(const PairGraph& g, int max_s) : g_(g), max_s_(max_s) { s_.reserve(max_s); }

  template <class F>
  void run(int num_types, F& f) {
    for (int v = 0; v < num_types; ++v) {
      s_.assign(1, v);
      f(s_);
      std::vector<int> ext;
      for (int w : g_.nbr[v])
        if (w > v) ext.push_back(w);
      extend(ext, v, f);
    }
  }

 private:
  bool in_closed_neighbourhood(int x) const {
    for (int y : s_)
      if (x == y || g_.adjacent(y, x)) return true;
    return false;
  }

  template <class F>
  void extend(std::vector<int> ext, int root, F& f) {
    if (static_cast<int>(s_.size()) >= max_s_) return;
    while (!ext.empty()) {
      const int w = ext.back();
      ext.pop_back();
      std::vector<int> next = ext;
      for (int x : g_.nbr[w])
        if (x > root && !in_closed_neighbourhood(x)) next.push_back(x);
      s_.push_back(w);
      f(s_);
      extend(std::move(next), root, f);
      s_.pop_back();
    }
  }

  const PairGraph& g_;
  int max_s_;
  std::vector<int> s_;
};

// Calls f(m, k) for every composition m (m_a >= 1) of every k in [k_lo, k_hi] into s parts.
template <class F>
void compositions_into(std::vector<int>& m, int pos, int remaining, int k, F& f) {
  const int s = static_cast<int>(m.size());
  if (pos == s - 1) {
    m[pos] = remaining;
    f(m, k);
    return;
  }
  for (int v = 1; v <= remaining - (s - 1 - pos); ++v) {
    m[pos] = v;
    compositions_into(m, pos + 1, remaining - v, k, f);
  }
}

template <class F>
void for_each_composition(int s, int k_lo, int k_hi, F&& f) {
  std::vector<int> m(static_cast<std::size_t>(s), 1);
  for (int k = std::max(k_lo, s); k <= k_hi; ++k) compositions_into(m, 0, k, k, f);
}

struct HeapEntry {
  double est;
  GroupType base;
  int n;
  bool operator>(const HeapEntry& o) const { return est > o.est; }
};

// Keeps the `cap` entries of largest est.
class TopK {
 public:
  explicit TopK(std::size_t cap) : cap_(std::max<std::size_t>(cap, 1)) {}
  bool wants(double est) const { return heap_.size() < cap_ || est > heap_.top().est; }
  void offer(double est, GroupType base, int n) {
    if (!wants(est)) return;
    heap_.push(HeapEntry{est, std::move(base), n});
    if (heap_.size() > cap_) heap_.pop();
  }
  std::vector<HeapEntry> take() {
    std::vector<HeapEntry> out;
    while (!heap_.empty()) {
      out.push_back(heap_.top());
      heap_.pop();
    }
    std::reverse(out.begin(), out.end());
    return out;
  }

 private:
  std::size_t cap_;
  std::priority_queue<HeapEntry, std::vector<HeapEntry>, std::greater<HeapEntry>> heap_;
};

// Best-first visit of n-multisets of `order` (type indices sorted by increasing weight) in
// increasing total weight. visit(group sorted by type index, total) returns false to stop.
template <class T, class Visit>
void best_first_multisets(const std::vector<int>& order, const std::vector<T>& weight_sorted, int n, Visit&& visit) {
  const int K = static_cast<int>(order.size());
  if (K == 0 || n <= 0) return;
  struct Node {
    T sum;
    std::vector<int> a;  // non-decreasing positions in `order`
  };
  auto cmp = [](const Node& x, const Node& y) { return x.sum > y.sum; };
  std::priority_queue<Node, std::vector<Node>, decltype(cmp)> heap(cmp);
  T zero_sum = weight_sorted[0] * n;
  heap.push(Node{zero_sum, std::vector<int>(static_cast<std::size_t>(n), 0)});
  GroupType g;
  while (!heap.empty()) {
    Node node = heap.top();
    heap.pop();
    g.clear();
    for (int p : node.a) g.push_back(order[p]);
    std::sort(g.begin(), g.end());
    if (!visit(g, node.sum)) return;
    // Children (parent rule: decrement the leftmost nonzero entry).
    int z = 0;
    while (z < n && node.a[z] == 0) ++z;
    if (z >= 1 && K >= 2) {  // raise position z−1 from 0 to 1
      Node c = node;
      c.a[z - 1] = 1;
      c.sum = node.sum - weight_sorted[0] + weight_sorted[1];
      heap.push(std::move(c));
    }
    if (z < n && node.a[z] + 1 <= K - 1 && (z == n - 1 || node.a[z] + 1 <= node.a[z + 1])) {
      Node c = node;
      const int old = c.a[z];
      c.a[z] = old + 1;
      c.sum = node.sum - weight_sorted[old] + weight_sorted[old + 1];
      heap.push(std::move(c));
    }
  }
}

// Next n-multiset in lexicographic order of non-decreasing vectors; false after the last.
bool next_multiset(GroupType& g, int num_types) {
  int p = static_cast<int>(g.size()) - 1;
  while (p >= 0 && g[p] == num_types - 1) --p;
  if (p < 0) return false;
  const int v = g[p] + 1;
  std::fill(g.begin() + p, g.end(), v);
  return true;
}

}  // namespace

struct PricingOracle::Impl {
  const GroupsInstance inst;  // a copy: the oracle may outlive the caller's instance
  ValueClass cls;
  int K, lo, hi;
  // pairwise
  std::vector<double> own_d;
  std::vector<Rational> own_q;
  std::vector<double> size_d;  // by n − lo
  std::vector<Rational> size_q;
  PairGraph graph;
  double max_pair_abs = 0, max_size_abs = 0;
  // table
  struct Listed {
    GroupType g;
    int n;
    double sd;
    const Rational* sq;
  };
  std::vector<Listed> listed;
  double default_d = 0;
  double max_listed_abs = 0;

  Impl(const GroupsInstance& instance, std::uint64_t max_enumeration)
      : inst(instance), cls(classify_value(instance)), K(instance.num_types()), lo(instance.min_size),
        hi(instance.max_size) {
    if (cls == ValueClass::BruteForce) {
      const Integer count = count_group_types(K, lo, hi);
      if (count > Integer(max_enumeration))
        throw EnumerationLimit(count, max_enumeration,
                               "group types (value class: pairwise with negative pair values, whose pricing is not "
                               "tractable and enumerates every group type)",
                               "raise it with --max-enumeration");
    }
    if (const auto* table = std::get_if<TableValue>(&inst.value)) {
      default_d = to_d(table->default_value);
      max_listed_abs = std::abs(default_d);
      for (const auto& [g, v] : table->values) {
        const int n = static_cast<int>(g.size());
        if (n < lo || n > hi) continue;
        listed.push_back(Listed{g, n, to_d(v), &v});
        max_listed_abs = std::max(max_listed_abs, std::abs(to_d(v)));
      }
      return;
    }
    const auto& pw = std::get<PairwiseValue>(inst.value);
    own_q.assign(K, Rational(0));
    for (int i = 0; i < K && i < static_cast<int>(pw.own.size()); ++i) own_q[i] = pw.own[i];
    for (const Rational& q : own_q) own_d.push_back(to_d(q));
    for (int n = lo; n <= hi; ++n) {
      auto it = pw.size.find(n);
      size_q.push_back(it == pw.size.end() ? Rational(0) : it->second);
      size_d.push_back(to_d(size_q.back()));
      max_size_abs = std::max(max_size_abs, std::abs(size_d.back()));
    }
    graph.nbr.assign(K, {});
    graph.wd.assign(K, {});
    graph.wq.assign(K, {});
    graph.self_d.assign(K, 0.0);
    graph.self_q.assign(K, Rational(0));
    // pw.pair is ordered by (i, j): neighbour lists of i come sorted; those of j are sorted below.
    for (const auto& [ij, v] : pw.pair) {
      if (v == 0) continue;
      const auto [i, j] = ij;
      max_pair_abs = std::max(max_pair_abs, std::abs(to_d(v)));
      if (i == j) {
        graph.self_q[i] = v;
        graph.self_d[i] = to_d(v);
        continue;
      }
      graph.nbr[i].push_back(j);
      graph.nbr[j].push_back(i);
    }
    for (int i = 0; i < K; ++i) {
      std::sort(graph.nbr[i].begin(), graph.nbr[i].end());
      for (int j : graph.nbr[i]) {
        const Rational& v = pw.pair.at({std::min(i, j), std::max(i, j)});
        graph.wq[i].push_back(v);
        graph.wd[i].push_back(to_d(v));
      }
    }
    if (cls != ValueClass::BruteForce) build_cache();
  }

  // ---- pairwise helpers --------------------------------------------------------------------

  // f(members, k, pairsum) for every piece of size 2..hi: its k members (an unsorted multiset)
  // and the part of v(P) that does not depend on u, Σ_{member pairs} pair (double).
  template <class F>
  void enumerate_pieces(F&& f) const {
    if (hi < 2) return;
    std::vector<double> p;  // s×s pair values of the support
    GroupType piece;
    auto on_support = [&](const std::vector<int>& S) {
      const int s = static_cast<int>(S.size());
      if (s == 1 && !(graph.self_d[S[0]] > 0)) return;
      p.assign(static_cast<std::size_t>(s * s), 0.0);
      for (int a = 0; a < s; ++a)
        for (int b = a + 1; b < s; ++b) p[a * s + b] = graph.pair_d(S[a], S[b]);
      for_each_composition(s, 2, hi, [&](const std::vector<int>& m, int k) {
        double v = 0;
        for (int a = 0; a < s; ++a) {
          if (m[a] >= 2) v += 0.5 * m[a] * (m[a] - 1) * graph.self_d[S[a]];
          for (int b = a + 1; b < s; ++b) v += m[a] * m[b] * p[a * s + b];
        }
        piece.clear();
        for (int a = 0; a < s; ++a) piece.insert(piece.end(), m[a], S[a]);
        f(piece.data(), k, v);
      });
    };
    SupportEnumerator(graph, hi).run(K, on_support);
  }

  // The pieces do not depend on u: they are enumerated once and kept by size (members flat,
  // k per piece), unless there are more than kMaxCachedMembers members in all.
  static constexpr std::size_t kMaxCachedMembers = 50'000'000;
  struct PieceList {
    std::vector<int> members;
    std::vector<double> pairsum;
  };
  std::vector<PieceList> cache;  // by size k
  bool cached = false;

  void build_cache() {
    if (hi < 2) return;
    cache.assign(hi + 1, {});
    std::size_t total = 0;
    enumerate_pieces([&](const int* m, int k, double pairsum) {
      total += k;
      if (total > kMaxCachedMembers) return;
      cache[k].members.insert(cache[k].members.end(), m, m + k);
      cache[k].pairsum.push_back(pairsum);
    });
    if (total > kMaxCachedMembers) {
      cache.clear();
      cache.shrink_to_fit();
      return;
    }
    cached = true;
  }

  // f(members, k, v(P) in double) for every piece of size 2..hi, at r = own − u.
  template <class F>
  void for_each_piece(const std::vector<double>& r, F&& f) const {
    if (!cached) {
      enumerate_pieces([&](const int* m, int k, double pairsum) {
        double v = pairsum;
        for (int t = 0; t < k; ++t) v += r[m[t]];
        f(m, k, v);
      });
      return;
    }
    for (int k = 2; k <= hi; ++k) {
      const PieceList& list = cache[k];
      const int* m = list.members.data();
      for (std::size_t p = 0; p < list.pairsum.size(); ++p, m += k) {
        double v = list.pairsum[p];
        for (int t = 0; t < k; ++t) v += r[m[t]];
        f(m, k, v);
      }
    }
  }

  double group_rho_d(const GroupType& g, const std::vector<double>& u) const {
    if (cls == ValueClass::Table) {
      const auto& table = std::get<TableValue>(inst.value);
      auto it = table.values.find(g);
      double s = it == table.values.end() ? default_d : to_d(it->second);
      for (int i : g) s -= u[i];
      return s;
    }
    double s = size_d[g.size() - lo];
    for (std::size_t a = 0; a < g.size(); ++a) {
      s += own_d[g[a]] - u[g[a]];
      for (std::size_t b = a + 1; b < g.size(); ++b) s += graph.pair_d(g[a], g[b]);
    }
    return s;
  }

  Rational group_rho_q(const GroupType& g, const std::vector<Rational>& u) const {
    Rational s = group_value(inst, g);
    for (int i : g) s -= u[i];
    return s;
  }

  // piece value v(P) = Σ r + Σ pairs, exact
  Rational piece_value_q(const GroupType& g, const std::vector<Rational>& r) const {
    Rational v = 0;
    for (std::size_t a = 0; a < g.size(); ++a) {
      v += r[g[a]];
      for (std::size_t b = a + 1; b < g.size(); ++b) v += graph.pair_q(g[a], g[b]);
    }
    return v;
  }

  struct Knapsack {  // W_m and its realisation
    std::vector<double> W;
    std::vector<int> choice;  // 1: a copy of i*, k >= 2: the best piece of size k
  };

  static Knapsack knapsack_d(int hi, double rstar, const std::vector<double>& V) {
    Knapsack ks;
    ks.W.assign(hi + 1, 0.0);
    ks.choice.assign(hi + 1, 0);
    for (int m = 1; m <= hi; ++m) {
      ks.W[m] = rstar + ks.W[m - 1];
      ks.choice[m] = 1;
      for (int k = 2; k <= m; ++k)
        if (V[k] > kNegInf && V[k] + ks.W[m - k] > ks.W[m]) {
          ks.W[m] = V[k] + ks.W[m - k];
          ks.choice[m] = k;
        }
    }
    return ks;
  }

  static void append_fill(GroupType& g, int m, const std::vector<int>& choice, int istar,
                          const std::vector<GroupType>& best_piece) {
    while (m > 0) {
      const int c = choice[m];
      if (c == 1) g.push_back(istar);
      else g.insert(g.end(), best_piece[c].begin(), best_piece[c].end());
      m -= c;
    }
  }

  // The double machinery shared by both entry points for the pairwise classes: max per size
  // (double) and candidate groups (each piece and each single type completed by the best fill).
  DoublePricing pairwise_double(const std::vector<double>& u, std::size_t limit, double threshold) const {
    std::vector<double> r(K);
    int istar = 0;
    for (int i = 0; i < K; ++i) {
      r[i] = own_d[i] - u[i];
      if (r[i] > r[istar]) istar = i;
    }
    const double rstar = r[istar];
    std::vector<double> V(hi + 1, kNegInf);
    std::vector<GroupType> best(hi + 1);
    for_each_piece(r, [&](const int* piece, int k, double v) {
      if (v > V[k]) {
        V[k] = v;
        best[k].assign(piece, piece + k);
      }
    });
    const Knapsack ks = knapsack_d(hi, rstar, V);
    DoublePricing out;
    for (int n = lo; n <= hi; ++n) {
      out.max_by_size.push_back(size_d[n - lo] + ks.W[n]);
      GroupType g;
      append_fill(g, n, ks.choice, istar, best);
      std::sort(g.begin(), g.end());
      out.best_by_size.push_back(std::move(g));
    }
    if (limit == 0) return out;
    TopK top(2 * limit + 8);
    auto offer = [&](const int* base, int k, double v) {
      for (int n = std::max(lo, k); n <= hi; ++n) {
        const double est = v + ks.W[n - k] + size_d[n - lo];
        if (est > threshold && top.wants(est)) top.offer(est, GroupType(base, base + k), n);
      }
    };
    for (int i = 0; i < K; ++i) offer(&i, 1, r[i]);
    for_each_piece(r, offer);
    std::set<GroupType> seen;
    for (std::size_t s = 0; s < out.best_by_size.size(); ++s)
      if (out.max_by_size[s] > threshold && seen.insert(out.best_by_size[s]).second)
        out.columns.push_back(PricedColumn{out.best_by_size[s], group_rho_d(out.best_by_size[s], u)});
    for (HeapEntry& e : top.take()) {
      GroupType g = std::move(e.base);
      append_fill(g, e.n - static_cast<int>(g.size()), ks.choice, istar, best);
      std::sort(g.begin(), g.end());
      if (!seen.insert(g).second) continue;
      const double rho = group_rho_d(g, u);
      if (rho > threshold) out.columns.push_back(PricedColumn{std::move(g), rho});
    }
    finish(out.columns, limit);
    return out;
  }

  static void finish(std::vector<PricedColumn>& cols, std::size_t limit) {
    std::stable_sort(cols.begin(), cols.end(), [](const PricedColumn& a, const PricedColumn& b) { return a.rho > b.rho; });
    if (cols.size() > limit) cols.resize(limit);
  }

  ExactPricing pairwise_exact(const std::vector<Rational>& u, std::size_t limit, const Rational& threshold) const {
    std::vector<Rational> rq(K);
    std::vector<double> rd(K), ud(K);
    int istar = 0;
    double max_r = 0;
    for (int i = 0; i < K; ++i) {
      rq[i] = own_q[i] - u[i];
      rd[i] = to_d(rq[i]);
      ud[i] = to_d(u[i]);
      max_r = std::max(max_r, std::abs(rd[i]));
      if (rq[i] > rq[istar]) istar = i;
    }
    const double e = 1e-9 * (hi * max_r + double(hi) * hi * max_pair_abs + max_size_abs + 1.0);
    // Pass 1 (double) with retention of every piece within 2e of the running maximum.
    std::vector<double> Vd(hi + 1, kNegInf);
    std::vector<std::vector<std::pair<double, GroupType>>> kept(hi + 1);
    std::vector<std::size_t> prune_at(hi + 1, 64);
    for_each_piece(rd, [&](const int* piece, int k, double v) {
      if (v < Vd[k] - 2 * e) return;
      Vd[k] = std::max(Vd[k], v);
      kept[k].emplace_back(v, GroupType(piece, piece + k));
      if (kept[k].size() > prune_at[k]) {
        const double cut = Vd[k] - 2 * e;
        std::erase_if(kept[k], [cut](const auto& x) { return x.first < cut; });
        prune_at[k] = std::max<std::size_t>(64, 2 * kept[k].size());
      }
    });
    std::vector<std::optional<Rational>> Vq(hi + 1);
    std::vector<GroupType> bestq(hi + 1);
    for (int k = 2; k <= hi; ++k)
      for (const auto& [v, piece] : kept[k]) {
        if (v < Vd[k] - 2 * e) continue;
        Rational exact = piece_value_q(piece, rq);
        if (!Vq[k] || exact > *Vq[k]) {
          Vq[k] = std::move(exact);
          bestq[k] = piece;
        }
      }
    // Exact knapsack.
    std::vector<Rational> W(hi + 1);
    std::vector<int> choice(hi + 1, 0);
    W[0] = 0;
    for (int m = 1; m <= hi; ++m) {
      W[m] = rq[istar] + W[m - 1];
      choice[m] = 1;
      for (int k = 2; k <= m; ++k)
        if (Vq[k] && *Vq[k] + W[m - k] > W[m]) {
          W[m] = *Vq[k] + W[m - k];
          choice[m] = k;
        }
    }
    ExactPricing out;
    int nstar = lo;
    for (int n = lo; n <= hi; ++n) {
      out.max_by_size.push_back(size_q[n - lo] + W[n]);
      if (n == lo || out.max_by_size.back() > out.max_rho) {
        out.max_rho = out.max_by_size.back();
        nstar = n;
      }
    }
    append_fill(out.argmax, nstar, choice, istar, bestq);
    std::sort(out.argmax.begin(), out.argmax.end());
    if (group_rho_q(out.argmax, u) != out.max_rho)
      throw std::logic_error("pricing: the maximiser's reduced cost differs from the theorem's maximum");
    // Columns: the double candidates, priced exactly.
    const DoublePricing cand = pairwise_double(ud, limit, to_d(threshold) - 2 * e);
    collect_exact(out, cand.columns, u, limit, threshold);
    return out;
  }

  void collect_exact(ExactPricing& out, const std::vector<PricedColumn>& cand, const std::vector<Rational>& u,
                     std::size_t limit, const Rational& threshold) const {
    std::set<GroupType> seen;
    if (out.max_rho > threshold && limit > 0) {
      out.columns.push_back(ExactPricedColumn{out.argmax, out.max_rho});
      seen.insert(out.argmax);
    }
    for (const PricedColumn& c : cand) {
      if (out.columns.size() >= limit) break;
      if (!seen.insert(c.group).second) continue;
      Rational rho = group_rho_q(c.group, u);
      if (rho > threshold) out.columns.push_back(ExactPricedColumn{c.group, std::move(rho)});
    }
    std::stable_sort(out.columns.begin(), out.columns.end(),
                     [](const ExactPricedColumn& a, const ExactPricedColumn& b) { return a.rho > b.rho; });
  }

  // ---- table -------------------------------------------------------------------------------

  DoublePricing table_double(const std::vector<double>& u, std::size_t limit, double threshold) const {
    const auto& table = std::get<TableValue>(inst.value);
    DoublePricing out;
    out.max_by_size.assign(hi - lo + 1, kNegInf);
    out.best_by_size.assign(hi - lo + 1, {});
    std::vector<PricedColumn> cols;
    for (const Listed& l : listed) {
      double rho = l.sd;
      for (int i : l.g) rho -= u[i];
      if (rho > out.max_by_size[l.n - lo]) {
        out.max_by_size[l.n - lo] = rho;
        out.best_by_size[l.n - lo] = l.g;
      }
      if (rho > threshold) cols.push_back(PricedColumn{l.g, rho});
    }
    std::vector<int> order(K);
    for (int i = 0; i < K; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return u[a] < u[b]; });
    std::vector<double> w(K);
    for (int p = 0; p < K; ++p) w[p] = u[order[p]];
    for (int n = lo; n <= hi; ++n) {
      bool first = true;
      std::size_t found = 0;
      best_first_multisets(order, w, n, [&](const GroupType& g, double sum) {
        if (table.values.count(g)) return true;
        const double rho = default_d - sum;
        if (first) {
          first = false;
          if (rho > out.max_by_size[n - lo]) {
            out.max_by_size[n - lo] = rho;
            out.best_by_size[n - lo] = g;
          }
        }
        if (!(rho > threshold)) return false;
        cols.push_back(PricedColumn{g, rho});
        return ++found < limit;
      });
    }
    finish(cols, limit);
    out.columns = std::move(cols);
    return out;
  }

  ExactPricing table_exact(const std::vector<Rational>& u, std::size_t limit, const Rational& threshold) const {
    const auto& table = std::get<TableValue>(inst.value);
    std::vector<double> ud(K);
    double max_u = 0;
    for (int i = 0; i < K; ++i) {
      ud[i] = to_d(u[i]);
      max_u = std::max(max_u, std::abs(ud[i]));
    }
    const double e = 1e-9 * (max_listed_abs + hi * max_u + 1.0);
    const double thr_d = to_d(threshold) - 2 * e;
    ExactPricing out;
    std::vector<std::optional<Rational>> best(hi - lo + 1);
    std::vector<GroupType> arg(hi - lo + 1);
    // Listed: double filter, then exact.
    std::vector<double> maxd(hi - lo + 1, kNegInf);
    std::vector<double> dval(listed.size());
    for (std::size_t t = 0; t < listed.size(); ++t) {
      double rho = listed[t].sd;
      for (int i : listed[t].g) rho -= ud[i];
      dval[t] = rho;
      maxd[listed[t].n - lo] = std::max(maxd[listed[t].n - lo], rho);
    }
    std::vector<ExactPricedColumn> cols;
    std::vector<std::size_t> above;
    for (std::size_t t = 0; t < listed.size(); ++t) {
      const Listed& l = listed[t];
      const bool near_max = dval[t] >= maxd[l.n - lo] - 2 * e;
      if (dval[t] > thr_d) above.push_back(t);
      if (!near_max) continue;
      Rational rho = *l.sq;
      for (int i : l.g) rho -= u[i];
      if (!best[l.n - lo] || rho > *best[l.n - lo]) {
        best[l.n - lo] = rho;
        arg[l.n - lo] = l.g;
      }
    }
    std::sort(above.begin(), above.end(), [&](std::size_t a, std::size_t b) { return dval[a] > dval[b]; });
    for (std::size_t t : above) {
      if (cols.size() >= limit) break;
      Rational rho = *listed[t].sq;
      for (int i : listed[t].g) rho -= u[i];
      if (rho > threshold) cols.push_back(ExactPricedColumn{listed[t].g, std::move(rho)});
    }
    // Unlisted: best-first in exact Σu.
    std::vector<int> order(K);
    for (int i = 0; i < K; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return u[a] < u[b]; });
    std::vector<Rational> w(K);
    for (int p = 0; p < K; ++p) w[p] = u[order[p]];
    for (int n = lo; n <= hi; ++n) {
      bool first = true;
      std::size_t found = 0;
      best_first_multisets(order, w, n, [&](const GroupType& g, const Rational& sum) {
        if (table.values.count(g)) return true;
        Rational rho = table.default_value - sum;
        if (first) {
          first = false;
          if (!best[n - lo] || rho > *best[n - lo]) {
            best[n - lo] = rho;
            arg[n - lo] = g;
          }
        }
        if (!(rho > threshold) || found >= limit) return false;
        cols.push_back(ExactPricedColumn{g, std::move(rho)});
        ++found;
        return found < limit;
      });
    }
    for (int n = lo; n <= hi; ++n) {
      // Every size has an unlisted n-group or only listed ones: best[] is always set.
      out.max_by_size.push_back(*best[n - lo]);
      if (n == lo || *best[n - lo] > out.max_rho) {
        out.max_rho = *best[n - lo];
        out.argmax = arg[n - lo];
      }
    }
    std::stable_sort(cols.begin(), cols.end(), [](const auto& a, const auto& b) { return a.rho > b.rho; });
    if (cols.size() > limit) cols.resize(limit);
    if (out.max_rho > threshold && limit > 0 &&
        std::none_of(cols.begin(), cols.end(), [&](const auto& c) { return c.group == out.argmax; })) {
      if (cols.size() >= limit) cols.pop_back();
      cols.insert(cols.begin(), ExactPricedColumn{out.argmax, out.max_rho});
    }
    out.columns = std::move(cols);
    return out;
  }

  // ---- brute force ---------------------------------------------------------------------------

  template <class F>
  void for_each_group(F&& f) const {
    for (int n = lo; n <= hi; ++n) {
      GroupType g(static_cast<std::size_t>(n), 0);
      do f(g);
      while (next_multiset(g, K));
    }
  }

  DoublePricing brute_double(const std::vector<double>& u, std::size_t limit, double threshold) const {
    DoublePricing out;
    out.max_by_size.assign(hi - lo + 1, kNegInf);
    out.best_by_size.assign(hi - lo + 1, {});
    TopK top(limit);
    for_each_group([&](const GroupType& g) {
      const double rho = group_rho_d(g, u);
      const int s = static_cast<int>(g.size()) - lo;
      if (rho > out.max_by_size[s]) {
        out.max_by_size[s] = rho;
        out.best_by_size[s] = g;
      }
      if (rho > threshold && limit > 0 && top.wants(rho)) top.offer(rho, g, 0);
    });
    for (HeapEntry& e : top.take()) out.columns.push_back(PricedColumn{std::move(e.base), e.est});
    return out;
  }

  ExactPricing brute_exact(const std::vector<Rational>& u, std::size_t limit, const Rational& threshold) const {
    std::vector<double> ud(K);
    double max_r = 0;
    for (int i = 0; i < K; ++i) {
      ud[i] = to_d(u[i]);
      max_r = std::max(max_r, std::abs(own_d[i]) + std::abs(ud[i]));
    }
    const double e = 1e-9 * (hi * max_r + double(hi) * hi * max_pair_abs + max_size_abs + 1.0);
    // Pass 1: double maxima per size; pass 2: exact values of the groups within 2e of them.
    std::vector<double> maxd(hi - lo + 1, kNegInf);
    for_each_group([&](const GroupType& g) {
      double& m = maxd[g.size() - lo];
      m = std::max(m, group_rho_d(g, ud));
    });
    std::vector<std::optional<Rational>> best(hi - lo + 1);
    std::vector<GroupType> arg(hi - lo + 1);
    for_each_group([&](const GroupType& g) {
      const int s = static_cast<int>(g.size()) - lo;
      if (group_rho_d(g, ud) < maxd[s] - 2 * e) return;
      Rational rho = group_rho_q(g, u);
      if (!best[s] || rho > *best[s]) {
        best[s] = std::move(rho);
        arg[s] = g;
      }
    });
    ExactPricing out;
    for (int n = lo; n <= hi; ++n) {
      out.max_by_size.push_back(*best[n - lo]);
      if (n == lo || *best[n - lo] > out.max_rho) {
        out.max_rho = *best[n - lo];
        out.argmax = arg[n - lo];
      }
    }
    const DoublePricing cand = brute_double(ud, limit, to_d(threshold) - 2 * e);
    collect_exact(out, cand.columns, u, limit, threshold);
    return out;
  }
};

PricingOracle::PricingOracle(const GroupsInstance& instance, std::uint64_t max_enumeration)
    : impl_(std::make_unique<Impl>(instance, max_enumeration)) {}

PricingOracle::~PricingOracle() = default;

ValueClass PricingOracle::value_class() const { return impl_->cls; }

DoublePricing PricingOracle::price_double(const std::vector<double>& u, std::size_t limit, double threshold) const {
  if (static_cast<int>(u.size()) != impl_->K) throw std::invalid_argument("pricing: u has the wrong length");
  switch (impl_->cls) {
    case ValueClass::Table: return impl_->table_double(u, limit, threshold);
    case ValueClass::BruteForce: return impl_->brute_double(u, limit, threshold);
    default: return impl_->pairwise_double(u, limit, threshold);
  }
}

ExactPricing PricingOracle::price_exact(const std::vector<Rational>& u, std::size_t limit,
                                        const Rational& threshold) const {
  if (static_cast<int>(u.size()) != impl_->K) throw std::invalid_argument("pricing: u has the wrong length");
  switch (impl_->cls) {
    case ValueClass::Table: return impl_->table_exact(u, limit, threshold);
    case ValueClass::BruteForce: return impl_->brute_exact(u, limit, threshold);
    default: return impl_->pairwise_exact(u, limit, threshold);
  }
}

}  // namespace equilab::groups
