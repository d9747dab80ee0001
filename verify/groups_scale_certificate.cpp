// Exact check of a groups result at scale (Wang §2.5.2: |I| = 1000 types and sizes 1..4 give
// 42,084,793,750 group types, too many to enumerate). Everything check_groups_certificate checks
// (consistency, stated values, feasibility of the imputation on formed groups, equal totals,
// range witnesses and multipliers) is checked directly on the result; the no-blocking condition
// of §2.1.5, max_G ρ(G) <= 0 with ρ(G) = s(G) − Σ_{i∈G} u(i), is decided by the structural
// search below for the tractable value classes, never by enumerating 𝒢. Written independently of
// the pricing oracle of `colgen` (rationals only, its own piece search).
//
// Value classes and how max ρ is found:
//
// 1. Pairwise values (§2.1.3 with the model's pairwise form) whose pair values are all >= 0.
//    Let r(i) = own(i) − u(i) and r* = max_i r(i). The member graph of a group joins two members
//    (slots, not types) when the pair value of their types is > 0; a "piece" is a member multiset
//    whose member graph is connected, and V_k = max over pieces P of size k of
//    φ(P) = Σ_{m∈P} r(m) + Σ_{pairs {m,m'} ⊂ P} pair(m,m').
//
//    Theorem. For every size n, max_{|G| = n} ρ(G) = size(n) + max Σ_j V_{k_j} + (n − Σ_j k_j)·r*,
//    the max over multisets {k_1,…,k_p} of piece sizes k_j >= 2 with Σ k_j <= n (p = 0 allowed),
//    and the max is attained by the union of best pieces of sizes k_j and n − Σk_j copies of a type
//    attaining r*.
//
//    Proof. (<=) Let G have size n and member-graph components C_1..C_q. Every pair of members in
//    different components has pair value <= 0, hence exactly 0 (all pair values are >= 0), so
//    ρ(G) = size(n) + Σ_c φ(C_c). A singleton component contributes r(m) <= r*; a component of
//    size k >= 2 is a piece of size k and contributes <= V_k. Taking the k_j to be the sizes of the
//    components with >= 2 members gives ρ(G) <= size(n) + Σ_j V_{k_j} + (n − Σ_j k_j) r*.
//    (>=) For given k_j with best pieces P_j, let G be the union of the P_j and n − Σk_j copies of
//    a type i* with r(i*) = r*. Then ρ(G) = size(n) + Σ_j φ(P_j) + (n − Σk_j) r* + (the pair values
//    between members of different parts) and the last sum is >= 0 because pair values are >= 0.
//    So ρ(G) is at least the right-hand side, which by (<=) is at least max ρ: equality.  ∎
//
//    V_k is found by a depth-first search: a connected member graph has an order in which every
//    member after the first is adjacent to an earlier one (e.g. breadth-first), so every piece is
//    reached from its smallest type by adding, one at a time, a type >= that smallest type that is
//    adjacent (pair value > 0, a same-type pair included) to a member already in the piece. The
//    search may reach a piece more than once; that costs time, not correctness. Its work is
//    O(|I|·d^{N−1}) for maximum degree d; above 50 × max_enumeration piece extensions (dense
//    positive pairs: a maximum-weight N-clique problem) it throws groups::EnumerationLimit. Additive + size
//    values (no positive pair) are the special case without pieces: max ρ = size(n) + n·r*.
//
// 2. Table values with a default (the production problem of §2.5.2: listed recipes, every other
//    group worth `default`). Listed groups are scanned explicitly. Among the unlisted groups of size
//    n, ρ = default − Σ_{i∈G} u(i) is largest for the smallest member sum, found by a best-first
//    enumeration of n-multisets in increasing Σu (types sorted by u, a heap of index vectors; every
//    non-decreasing index vector except the all-zero one has a predecessor, one entry lowered by
//    one, with a sum no larger). It stops at the first unlisted multiset, so it pops at most
//    (number of listed groups of size n) + 1 multisets.
//
// 3. Everything else (pairwise values with a negative pair value: the pricing problem then contains
//    a maximum-weight independent set, see README "Which value functions scale") is enumerated,
//    refused with groups::EnumerationLimit above max_enumeration.
#include "verify/groups_scale_certificate.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "groups/enumerate.h"
#include "verify/groups_stable_checks.h"

namespace equilab::verify {
namespace {

using groups::GroupsInstance;
using groups::GroupType;

// The best group found so far and its ρ.
struct Best {
  std::optional<GroupType> group;
  Rational rho;
  void offer(const GroupType& g, const Rational& value) {
    if (!group || value > rho) {
      group = g;
      rho = value;
    }
  }
};

Rational member_sum(const std::vector<Rational>& u, const GroupType& g) {
  Rational sum = 0;
  for (int m : g) sum += u[m];
  return sum;
}

// ---- 1. pairwise, pair values >= 0 -------------------------------------------------------------

Integer lcm_den(Integer acc, const Rational& r) {
  return boost::multiprecision::lcm(acc, Integer(boost::multiprecision::denominator(r)));
}

// Scales every value by a common denominator D so that the piece search adds integers.
Integer scaled(const Rational& r, const Integer& D) {
  return Integer(boost::multiprecision::numerator(r)) * (D / Integer(boost::multiprecision::denominator(r)));
}

// Work limit of the piece search, per unit of max_enumeration: sparse graphs stay far below it
// (|I| = 2000, average degree 16, sizes up to 4: about 1.4·10^7 extensions), while dense positive
// pairs (a maximum-weight N-clique problem) are refused instead of running for hours.
constexpr std::uint64_t kPieceWorkPerEnumeration = 50;

class PieceSearch {
 public:
  // adj[i]: (j, D·pair(i,j)) for every j with pair(i,j) > 0, j = i included, sorted by j.
  PieceSearch(const std::vector<std::vector<std::pair<int, Integer>>>& adj, const std::vector<Integer>& r,
              int max_k, std::uint64_t budget)
      : adj_(adj), r_(r), max_k_(max_k), budget_(budget), best_(static_cast<std::size_t>(max_k) + 1) {}

  void run() {
    const int K = static_cast<int>(r_.size());
    for (int s = 0; s < K; ++s) {
      if (adj_[s].empty()) continue;  // an isolated type is in no piece
      start_ = s;
      piece_.assign(1, s);
      extend(r_[s]);
    }
  }

  // Best piece of size k (k >= 2), if any piece of that size exists.
  const std::optional<std::pair<Integer, GroupType>>& best(int k) const { return best_[k]; }

 private:
  const Integer* pair_value(int a, int b) const {
    const auto& row = adj_[a];
    auto it =
        std::lower_bound(row.begin(), row.end(), b, [](const auto& e, int key) { return e.first < key; });
    return it != row.end() && it->first == b ? &it->second : nullptr;
  }

  void extend(const Integer& phi) {
    if (++visited_ > budget_)
      throw groups::EnumerationLimit(
          Integer(visited_), budget_,
          "piece extensions (pairwise value whose positive pairs are too dense for the "
          "structural no-blocking check; its work limit is " +
              std::to_string(kPieceWorkPerEnumeration) + " × --max-enumeration)",
          "raise --max-enumeration");
    const int k = static_cast<int>(piece_.size());
    if (k >= 2) {
      auto& slot = best_[k];
      if (!slot || phi > slot->first) {
        GroupType g = piece_;
        std::sort(g.begin(), g.end());
        slot.emplace(phi, std::move(g));
      }
    }
    if (k == max_k_) return;
    // Candidates: types >= start adjacent to some member, each once.
    std::vector<int> candidates;
    for (int m : piece_)
      for (const auto& [t, value] : adj_[m])
        if (t >= start_) candidates.push_back(t);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (int t : candidates) {
      Integer gain = r_[t];
      for (int m : piece_)
        if (const Integer* p = pair_value(m, t)) gain += *p;
      piece_.push_back(t);
      extend(phi + gain);
      piece_.pop_back();
    }
  }

  const std::vector<std::vector<std::pair<int, Integer>>>& adj_;
  const std::vector<Integer>& r_;
  int max_k_;
  std::uint64_t budget_, visited_ = 0;
  int start_ = 0;
  GroupType piece_;
  std::vector<std::optional<std::pair<Integer, GroupType>>> best_;
};

Best blocking_pairwise_nonnegative(const GroupsInstance& instance, const groups::PairwiseValue& pw,
                                   const std::vector<Rational>& u, std::uint64_t max_enumeration) {
  const int K = instance.num_types();
  const int N = instance.max_size;
  // Common denominator of every number that enters ρ.
  Integer D = 1;
  for (int i = 0; i < K; ++i) D = lcm_den(lcm_den(D, u[i]), pw.own[i]);
  for (const auto& [key, value] : pw.pair) D = lcm_den(D, value);
  for (const auto& [n, value] : pw.size) D = lcm_den(D, value);

  std::vector<Integer> r(K);
  int best_type = 0;
  for (int i = 0; i < K; ++i) {
    r[i] = scaled(pw.own[i] - u[i], D);
    if (r[i] > r[best_type]) best_type = i;
  }
  const Integer r_star = r[best_type];

  std::vector<std::vector<std::pair<int, Integer>>> adj(K);
  for (const auto& [key, value] : pw.pair) {
    if (value <= 0) continue;  // only positive pairs join members
    const auto [i, j] = key;
    adj[i].emplace_back(j, scaled(value, D));
    if (i != j) adj[j].emplace_back(i, scaled(value, D));
  }
  for (auto& row : adj)
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  const std::uint64_t budget = max_enumeration > UINT64_MAX / kPieceWorkPerEnumeration
                                   ? UINT64_MAX
                                   : max_enumeration * kPieceWorkPerEnumeration;
  PieceSearch search(adj, r, N, budget);
  if (N >= 2) search.run();

  // B[m]: best Σ V_{k_j} over piece sizes k_j >= 2 summing to m (m = 0: no piece); the last part used.
  std::vector<std::optional<Integer>> B(static_cast<std::size_t>(N) + 1);
  std::vector<int> last(static_cast<std::size_t>(N) + 1, 0);
  B[0] = Integer(0);
  for (int m = 2; m <= N; ++m)
    for (int k = 2; k <= m; ++k) {
      const auto& piece = search.best(k);
      if (!piece || !B[m - k]) continue;
      Integer total = *B[m - k] + piece->first;
      if (!B[m] || total > *B[m]) {
        B[m] = total;
        last[m] = k;
      }
    }

  Best best;
  for (int n = instance.min_size; n <= N; ++n) {
    std::optional<Integer> top;
    int top_m = 0;
    for (int m = 0; m <= n; ++m) {
      if (!B[m]) continue;
      Integer total = *B[m] + Integer(n - m) * r_star;
      if (!top || total > *top) {
        top = total;
        top_m = m;
      }
    }
    // The attaining group: the pieces of B[top_m] and n − top_m copies of the best type.
    GroupType g;
    for (int m = top_m; m > 0; m -= last[m]) {
      const GroupType& piece = search.best(last[m])->second;
      g.insert(g.end(), piece.begin(), piece.end());
    }
    g.insert(g.end(), static_cast<std::size_t>(n - top_m), best_type);
    std::sort(g.begin(), g.end());
    Rational rho = Rational(*top, D);
    if (auto it = pw.size.find(n); it != pw.size.end()) rho += it->second;
    best.offer(g, rho);
  }
  return best;
}

// ---- 2. table with a default --------------------------------------------------------------------

Best blocking_table(const GroupsInstance& instance, const groups::TableValue& table,
                    const std::vector<Rational>& u) {
  const int K = instance.num_types();
  Best best;
  for (const auto& [g, value] : table.values) {
    const int n = static_cast<int>(g.size());
    if (n < instance.min_size || n > instance.max_size) continue;
    best.offer(g, value - member_sum(u, g));
  }
  // Types by increasing u (ties by index); a state is a non-decreasing vector of positions.
  std::vector<int> order(K);
  for (int i = 0; i < K; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return u[a] < u[b]; });
  using State = std::vector<int>;
  for (int n = instance.min_size; n <= instance.max_size; ++n) {
    auto to_group = [&](const State& s) {
      GroupType g;
      g.reserve(s.size());
      for (int p : s) g.push_back(order[p]);
      std::sort(g.begin(), g.end());
      return g;
    };
    using Entry = std::pair<Rational, State>;
    auto greater = [](const Entry& a, const Entry& b) { return a.first > b.first; };
    std::priority_queue<Entry, std::vector<Entry>, decltype(greater)> heap(greater);
    std::set<State> seen;
    State start(static_cast<std::size_t>(n), 0);
    heap.emplace(Rational(n) * u[order[0]], start);
    seen.insert(start);
    while (!heap.empty()) {
      Entry top = heap.top();
      heap.pop();
      GroupType g = to_group(top.second);
      if (!table.values.count(g)) {  // the unlisted n-group of smallest member sum
        best.offer(g, table.default_value - top.first);
        break;
      }
      // Successors: raise one position by one, keeping the vector non-decreasing.
      for (int p = 0; p < n; ++p) {
        State next = top.second;
        if (next[p] + 1 >= K) continue;
        if (p + 1 < n && next[p] + 1 > next[p + 1]) continue;
        ++next[p];
        if (!seen.insert(next).second) continue;
        heap.emplace(top.first - u[order[top.second[p]]] + u[order[next[p]]], std::move(next));
      }
    }
  }
  return best;
}

// ---- 3. enumeration ------------------------------------------------------------------------------

Best blocking_enumerated(const GroupsInstance& instance, const std::vector<Rational>& u,
                         std::uint64_t max_enumeration) {
  const int K = instance.num_types();
  const Integer count = groups::count_group_types(K, instance.min_size, instance.max_size);
  if (count > Integer(max_enumeration))
    throw groups::EnumerationLimit(
        count, max_enumeration,
        "group types (pairwise value with a negative pair value: no-blocking is not "
        "decided structurally for this class)");
  Best best;
  for (int n = instance.min_size; n <= instance.max_size; ++n) {
    GroupType g(static_cast<std::size_t>(n), 0);
    for (;;) {
      best.offer(g, groups::group_value(instance, g) - member_sum(u, g));
      int p = n - 1;
      while (p >= 0 && g[p] == K - 1) --p;
      if (p < 0) break;
      std::fill(g.begin() + p, g.end(), g[p] + 1);
    }
  }
  return best;
}

// ---- the certificate -----------------------------------------------------------------------------

using groups_checks::group_label;
using groups_checks::text;

// No-blocking at u: one failure naming the blocking group of largest ρ, which is returned.
std::optional<groups_checks::Blocking> check_no_blocking(const GroupsInstance& instance, const std::vector<Rational>& u,
                                                         std::uint64_t max_enumeration, const std::string& prefix,
                                                         Verdict* verdict) {
  auto g = find_blocking_group(instance, u, max_enumeration);
  if (!g) return std::nullopt;
  const Rational s = groups::group_value(instance, *g);
  const Rational sum = member_sum(u, *g);
  if (verdict)
    verdict->fail(prefix + group_label(instance, *g) + ": blocking: u-sum " + text(sum) + " < s " + text(s) +
                  " (ρ = " + text(s - sum) + ", the largest)");
  return groups_checks::Blocking{*g, s - sum};
}

}  // namespace

std::optional<GroupType> find_blocking_group(const GroupsInstance& instance, const std::vector<Rational>& u,
                                             std::uint64_t max_enumeration) {
  if (static_cast<int>(u.size()) != instance.num_types())
    throw std::invalid_argument("find_blocking_group: " + std::to_string(u.size()) +
                                " imputation entries for " + std::to_string(instance.num_types()) + " types");
  if (instance.num_types() == 0 || instance.min_size > instance.max_size) return std::nullopt;
  Best best;
  if (const auto* table = std::get_if<groups::TableValue>(&instance.value)) {
    best = blocking_table(instance, *table, u);
  } else {
    const auto& pw = std::get<groups::PairwiseValue>(instance.value);
    const bool nonnegative =
        std::all_of(pw.pair.begin(), pw.pair.end(), [](const auto& entry) { return entry.second >= 0; });
    best = nonnegative ? blocking_pairwise_nonnegative(instance, pw, u, max_enumeration)
                       : blocking_enumerated(instance, u, max_enumeration);
  }
  if (best.group && best.rho > 0) return best.group;
  return std::nullopt;
}

Verdict check_groups_at_scale(const GroupsInstance& instance, const groups::StableAssignment& result,
                              std::uint64_t max_enumeration) {
  return groups_checks::check_stable_assignment(
      instance, result, [&](const std::vector<Rational>& u, const std::string& prefix, Verdict* verdict) {
        return check_no_blocking(instance, u, max_enumeration, prefix, verdict);
      });
}

}  // namespace equilab::verify
