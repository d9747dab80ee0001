// Method `fv-sparse`: a sparse local search for the welfare LP (Wang eq. 5), after the
// Friesecke–Vögler sparsity that §2.5.2 invokes (footnote 31: an optimum is supported on few
// group types, but finding the support is a combinatorial search). A basic optimum of eq. 5
// forms at most K = |I| group types, so the search keeps a support of at most 3K group types:
//
//  - Start: for every type i the homogeneous group [i^{N'}] (permanent: with it the support LP is
//    feasible for every μ), then [i^n] for n = N'+1, … while the support has room.
//  - Round: the exact LP of eq. 5 restricted to the support, solved with the project's exact
//    simplex (warm-started from the previous basis); u = its row duals (eq. 6 on the support).
//  - Sweep: local moves on the formed groups (τ > 0, and the columns of reduced cost 0): replace one
//    member by another type, repeated along a chain of up to N steps that always moves to the best
//    neighbour (so a group two replacements away is reached through one with ρ <= 0); merge two
//    formed groups of total size <= N (or one with a singleton [t]: grow by one member); split one
//    into two groups of permitted sizes. Every proposed group with ρ(G) = s(G) − Σ_{i∈G} u(i) > 0
//    (exact) is a candidate; the best K are added. For K > 64 the replacement types are restricted
//    to those that can matter: for pairwise values the types with a nonzero pair value with a
//    remaining member and the 8 types of largest own(t) − u(t); for tables the types that complete
//    a listed group, the types listed together with a remaining member (when a type has at most
//    64 such partners) and the 8 types of smallest u; for tables also a jump from a formed group
//    to every listed group that shares a member with it (when the type is listed at most 64
//    times). Above 40,000 pairs of formed groups, a group is
//    merged with itself, with the formed groups containing one of its members or replacement
//    types, and with a random sample. This only limits which moves are tried: the final check
//    below is exact.
//  - Eviction: while the support exceeds 3K, the non-basic, non-permanent column with the most
//    negative reduced cost leaves.
//  - A sweep with no move of ρ > 0 ends the local search. Then `find_blocking` (verify's structural
//    checker) is asked for a blocking group at u: none means u is dual feasible for the full LP,
//    so (τ, u) is a stable assignment with its imputation (Theorem 2, weak duality). Otherwise the
//    group is added and the search resumes, at most 3 times; a fourth blocking group ends the run
//    with status "not_converged" and the bound below.
//
// Certified bound when not converged. Let W_S = Σ_G s(G)τ(G) = Σ_i u(i)μ(i) be the optimum of the
// support LP (strong duality on the support) and ρ_max = ρ(G_b) > 0 the reduced cost of the group
// G_b returned by find_blocking, which verify's checker returns with the largest ρ over all group
// types. Put c = ρ_max / N' and u' = u + c·1. For every group type G, |G| >= N' and ρ(G) <= ρ_max, so
//   Σ_{i∈G} u'(i) = Σ_{i∈G} u(i) + c|G| >= Σ_{i∈G} u(i) + ρ_max >= Σ_{i∈G} u(i) + ρ(G) = s(G):
// u' is feasible for eq. 6, and by weak duality the full optimum satisfies
//   W_S <= W* <= Σ_i u'(i)μ(i) = W_S + (ρ_max / N')·Σ_i μ(i).
// (The bound W_S + ρ_max·Σμ/N with the largest size N in place of N' is not valid in general:
// a blocking group of size n < N needs c >= ρ/n.) The bound is stored in stats.bound; it relies on
// find_blocking returning a group of largest ρ, as verify::find_blocking_group does.
#include <algorithm>
#include "core/deadline.h"
#include <chrono>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/random.h"
#include "groups/enumerate.h"
#include "groups/methods.h"
#include "lp/exact_simplex.h"
#include "lp/model.h"

namespace equilab::groups {
namespace {

constexpr int kMaxBlockingAdded = 3;       // blocking groups added before "not_converged"
constexpr int kAllTypesUpTo = 64;          // replacement by every type when K is at most this
constexpr int kTopTypes = 8;               // best single types offered as replacements for larger K
constexpr long kAllPairsUpTo = 40'000;     // merge every pair of formed groups up to this many pairs
constexpr long kMaxSweeps = 1'000;         // local-search rounds between blocking checks (a safety net)
constexpr std::size_t kMaxSplitSize = 12;  // splits of larger groups are not enumerated

bool canonical_less(const GroupType& a, const GroupType& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// The support: group types with their values, the permanent ones, the last basis statuses.
class Support {
 public:
  explicit Support(const GroupsInstance& instance) : inst_(instance) {}

  bool add(const GroupType& g, bool permanent) {
    if (!index_.insert(g).second) return false;
    ever_.insert(g);
    groups_.push_back(g);
    values_.push_back(group_value(inst_, g));
    permanent_.push_back(permanent);
    status_.push_back(lp::BasisStatus::AtLower);
    return true;
  }
  bool contains(const GroupType& g) const { return index_.count(g) > 0; }
  std::size_t size() const { return groups_.size(); }
  const GroupType& group(std::size_t j) const { return groups_[j]; }
  const Rational& value(std::size_t j) const { return values_[j]; }
  long ever() const { return static_cast<long>(ever_.size()); }

  // Eq. 5 on the support: max Σ s(G)τ_G, Σ_G G(i)τ_G = μ(i), τ >= 0.
  lp::LpModel model() const {
    const int K = inst_.num_types();
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    m.variables.resize(groups_.size());
    m.objective = values_;
    m.constraints.resize(K);
    for (int i = 0; i < K; ++i) {
      m.constraints[i].name = inst_.types[i].name;
      m.constraints[i].op = lp::RowOp::Equal;
      m.constraints[i].rhs = inst_.types[i].mass;
    }
    for (std::size_t j = 0; j < groups_.size(); ++j) {
      std::map<int, long> counts;
      for (int member : groups_[j]) ++counts[member];
      for (const auto& [i, c] : counts) m.constraints[i].coef.emplace_back(static_cast<int>(j), Rational(c));
    }
    return m;
  }

  // A warm start: the statuses of the last solve, new columns at their lower bound.
  std::optional<lp::Basis> warm_start() const {
    if (rows_.empty()) return std::nullopt;
    return lp::Basis{status_, rows_};
  }
  void set_basis(const lp::Basis& basis) {
    status_ = basis.variables;
    rows_ = basis.rows;
  }
  bool basic(std::size_t j) const { return status_[j] == lp::BasisStatus::Basic; }

  // Evicts non-basic, non-permanent columns, most negative reduced cost first, down to `target`
  // columns (or as far as possible). `reduced` is aligned with the columns.
  void evict_to(std::size_t target, const std::vector<Rational>& reduced) {
    if (groups_.size() <= target) return;
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < reduced.size(); ++j)
      if (!permanent_[j] && !basic(j)) order.push_back(j);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return reduced[a] < reduced[b]; });
    const std::size_t excess = groups_.size() - target;
    std::vector<bool> drop(groups_.size(), false);
    for (std::size_t k = 0; k < order.size() && k < excess; ++k) drop[order[k]] = true;
    std::size_t w = 0;
    for (std::size_t j = 0; j < groups_.size(); ++j) {
      if (drop[j]) {
        index_.erase(groups_[j]);
        continue;
      }
      if (w != j) {  // (a self move-assignment would empty the vector)
        groups_[w] = std::move(groups_[j]);
        values_[w] = std::move(values_[j]);
        permanent_[w] = permanent_[j];
        status_[w] = status_[j];
      }
      ++w;
    }
    groups_.resize(w);
    values_.resize(w);
    permanent_.resize(w);
    status_.resize(w);
  }

 private:
  const GroupsInstance& inst_;
  std::vector<GroupType> groups_;
  std::vector<Rational> values_;
  std::vector<bool> permanent_;
  std::vector<lp::BasisStatus> status_, rows_;
  std::set<GroupType> index_, ever_;
};

// Which replacement types a sweep tries for large K (see the header comment).
class Neighbourhood {
 public:
  explicit Neighbourhood(const GroupsInstance& instance) : inst_(instance) {
    const int K = instance.num_types();
    if (K <= kAllTypesUpTo) return;
    if (const auto* pw = std::get_if<PairwiseValue>(&instance.value)) {
      partners_.resize(K);
      for (const auto& [key, v] : pw->pair) {
        if (v == 0) continue;
        partners_[key.first].push_back(key.second);
        if (key.first != key.second) partners_[key.second].push_back(key.first);
      }
    } else {
      co_members_.resize(K);
      recipes_.resize(K);
      for (const auto& [g, v] : std::get<TableValue>(instance.value).values)
        for (std::size_t k = 0; k < g.size(); ++k) {
          if (k == 0 || g[k] != g[k - 1]) recipes_[g[k]].push_back(&g);
          for (std::size_t l = 0; l < g.size(); ++l)
            if (l != k) co_members_[g[k]].push_back(g[l]);
          if (k > 0 && g[k] == g[k - 1]) continue;
          GroupType rest = g;
          rest.erase(rest.begin() + static_cast<long>(k));
          completions_[rest].push_back(g[k]);
        }
      for (auto& row : co_members_) {
        std::sort(row.begin(), row.end());
        row.erase(std::unique(row.begin(), row.end()), row.end());
        if (row.size() > static_cast<std::size_t>(kAllTypesUpTo)) row.clear();  // too many to try
      }
      for (auto& row : recipes_)
        if (row.size() > static_cast<std::size_t>(kAllTypesUpTo)) row.clear();
    }
  }

  // Called once per sweep with the current u.
  void prepare(const std::vector<Rational>& u) {
    const int K = inst_.num_types();
    if (K <= kAllTypesUpTo) return;
    std::vector<std::pair<Rational, int>> score;
    score.reserve(K);
    const auto* pw = std::get_if<PairwiseValue>(&inst_.value);
    for (int t = 0; t < K; ++t) score.emplace_back(pw ? Rational(pw->own[t] - u[t]) : Rational(-u[t]), t);
    const std::size_t top = std::min<std::size_t>(kTopTypes, score.size());
    std::partial_sort(score.begin(), score.begin() + static_cast<long>(top), score.end(),
                      [](const auto& a, const auto& b) {
                        return a.first > b.first || (a.first == b.first && a.second < b.second);
                      });
    top_.clear();
    for (std::size_t k = 0; k < top; ++k) top_.push_back(score[k].second);
  }

  // Tables: the listed groups that contain type x (none when there are more than 64, or K <= 64).
  const std::vector<const GroupType*>& recipes_with(int x) const {
    static const std::vector<const GroupType*> none;
    return recipes_.empty() ? none : recipes_[x];
  }

  // Types that may replace a member, given the remaining members `rest` (sorted).
  std::vector<int> candidates(const GroupType& rest) const {
    const int K = inst_.num_types();
    std::vector<int> out;
    if (K <= kAllTypesUpTo) {
      for (int t = 0; t < K; ++t) out.push_back(t);
      return out;
    }
    out = top_;
    if (!partners_.empty()) {
      for (int x : rest) out.insert(out.end(), partners_[x].begin(), partners_[x].end());
    } else {
      if (auto it = completions_.find(rest); it != completions_.end())
        out.insert(out.end(), it->second.begin(), it->second.end());
      for (int x : rest) out.insert(out.end(), co_members_[x].begin(), co_members_[x].end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  const GroupsInstance& inst_;
  std::vector<std::vector<int>> partners_, co_members_;
  std::vector<std::vector<const GroupType*>> recipes_;
  std::map<GroupType, std::vector<int>> completions_;
  std::vector<int> top_;
};

Rational rho(const GroupsInstance& instance, const std::vector<Rational>& u, const GroupType& g) {
  Rational r = group_value(instance, g);
  for (int m : g) r -= u[m];
  return r;
}

GroupType sorted(GroupType g) {
  std::sort(g.begin(), g.end());
  return g;
}

// One sweep of local moves around the formed groups; the proposed groups with ρ > 0 not yet in
// the support, best first.
std::vector<std::pair<Rational, GroupType>> sweep(const GroupsInstance& instance, const Support& support,
                                                  const std::vector<std::size_t>& formed,
                                                  const std::vector<Rational>& u, Neighbourhood& hood,
                                                  long round) {
  const int N = instance.max_size, Nmin = instance.min_size;
  std::map<GroupType, Rational> found;
  auto propose = [&](const GroupType& g) {
    const int n = static_cast<int>(g.size());
    if (n < Nmin || n > N || support.contains(g) || found.count(g)) return;
    Rational r = rho(instance, u, g);
    if (r > 0) found.emplace(g, std::move(r));
  };
  hood.prepare(u);

  // The replace and grow moves around g: each neighbour is proposed; returns the neighbour of
  // largest ρ (ρ <= 0 included), the next step of a chain.
  auto neighbours = [&](const GroupType& g) {
    std::optional<std::pair<Rational, GroupType>> best;
    auto visit = [&](GroupType next) {
      const int n = static_cast<int>(next.size());
      if (n < Nmin || n > N) return;
      Rational r = rho(instance, u, next);
      if (r > 0 && !support.contains(next)) found.emplace(next, r);
      if (!best || r > best->first) best.emplace(std::move(r), std::move(next));
    };
    // Replace one member.
    for (std::size_t k = 0; k < g.size(); ++k) {
      if (k > 0 && g[k] == g[k - 1]) continue;
      GroupType rest = g;
      rest.erase(rest.begin() + static_cast<long>(k));
      for (int t : hood.candidates(rest)) {
        if (t == g[k]) continue;
        GroupType next = rest;
        next.insert(std::upper_bound(next.begin(), next.end(), t), t);
        visit(std::move(next));
      }
    }
    // Grow by one member (a merge with the singleton [t]).
    if (static_cast<int>(g.size()) < N)
      for (int t : hood.candidates(g)) {
        GroupType next = g;
        next.insert(std::upper_bound(next.begin(), next.end(), t), t);
        visit(std::move(next));
      }
    return best;
  };

  for (std::size_t j : formed) {
    const GroupType& g = support.group(j);
    // A chain of up to N replace/grow steps, each to the best neighbour even when its ρ <= 0
    // (a group two replacements away can block while the one in between does not).
    std::set<GroupType> chain{g};
    GroupType current = g;
    for (int step = 0; step < N; ++step) {
      auto next = neighbours(current);
      if (!next || !chain.insert(next->second).second) break;
      current = std::move(next->second);
    }
    // Tables: turn g into a listed group that shares a member with it (replacing the others).
    for (std::size_t k = 0; k < g.size(); ++k)
      if (k == 0 || g[k] != g[k - 1])
        for (const GroupType* listed : hood.recipes_with(g[k])) propose(*listed);
    // Split into two groups of permitted sizes.
    if (g.size() >= 2 && g.size() <= kMaxSplitSize) {
      const unsigned n = static_cast<unsigned>(g.size());
      for (unsigned mask = 1; mask + 1 < (1u << n); ++mask) {
        GroupType a, b;
        for (unsigned k = 0; k < n; ++k) ((mask >> k) & 1u ? a : b).push_back(g[k]);
        propose(a);
        propose(b);
      }
    }
  }
  // Merge two formed groups (the same group twice included).
  auto merge = [&](std::size_t x, std::size_t y) {
    const GroupType& a = support.group(x);
    const GroupType& b = support.group(y);
    if (static_cast<int>(a.size() + b.size()) > N) return;
    GroupType g = a;
    g.insert(g.end(), b.begin(), b.end());
    propose(sorted(std::move(g)));
  };
  const long F = static_cast<long>(formed.size());
  if (F * (F + 1) / 2 <= kAllPairsUpTo) {
    for (long x = 0; x < F; ++x)
      for (long y = x; y < F; ++y) merge(formed[x], formed[y]);
  } else {
    // Many formed groups: every group with itself, with the formed groups that contain one of its
    // members or one of its replacement candidates, and a random sample of other pairs.
    std::map<int, std::vector<std::size_t>> containing;
    for (std::size_t j : formed)
      for (std::size_t k = 0; k < support.group(j).size(); ++k)
        if (k == 0 || support.group(j)[k] != support.group(j)[k - 1])
          containing[support.group(j)[k]].push_back(j);
    for (std::size_t x : formed) {
      const GroupType& a = support.group(x);
      if (static_cast<int>(a.size()) >= N) continue;
      merge(x, x);
      std::vector<int> types = hood.candidates(a);
      types.insert(types.end(), a.begin(), a.end());
      std::sort(types.begin(), types.end());
      types.erase(std::unique(types.begin(), types.end()), types.end());
      for (int t : types)
        if (auto it = containing.find(t); it != containing.end())
          for (std::size_t y : it->second) merge(x, y);
    }
    Random rng(static_cast<std::uint64_t>(round));
    for (long k = 0; k < kAllPairsUpTo; ++k)
      merge(formed[rng.uniform_int(0, F - 1)], formed[rng.uniform_int(0, F - 1)]);
  }

  std::vector<std::pair<Rational, GroupType>> out;
  out.reserve(found.size());
  for (auto& [g, r] : found) out.emplace_back(std::move(r), g);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  return out;
}

}  // namespace

StableAssignment solve_fv_sparse(const GroupsInstance& instance, const GroupsOptions& options,
                                 const BlockingSearch& find_blocking) {
  const auto start = std::chrono::steady_clock::now();
  const int K = instance.num_types();
  const int Nmin = instance.min_size, N = instance.max_size;
  if (K < 1 || Nmin < 1 || Nmin > N)
    throw std::invalid_argument("fv-sparse: an instance needs types and sizes");
  const std::size_t capacity = 3 * static_cast<std::size_t>(K);

  ColumnStats stats;
  stats.group_types = count_group_types(K, Nmin, N);

  Support support(instance);
  for (int i = 0; i < K; ++i) support.add(GroupType(static_cast<std::size_t>(Nmin), i), true);
  for (int n = Nmin + 1; n <= N && support.size() + static_cast<std::size_t>(K) <= capacity; ++n)
    for (int i = 0; i < K; ++i) support.add(GroupType(static_cast<std::size_t>(n), i), false);

  Neighbourhood hood(instance);
  lp::Solution<Rational> sol;
  int blocking_added = 0;
  long sweeps = 0;
  std::optional<GroupType> blocking;
  for (;;) {
    const lp::LpModel model = support.model();
    check_deadline();
    const std::optional<lp::Basis> warm = support.warm_start();
    sol = lp::simplex_solve<Rational>(model, {}, warm ? &*warm : nullptr);
    ++stats.rounds;
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("fv-sparse: the support LP reported ") + lp::to_string(sol.status) +
                             " (it contains the homogeneous groups, so it is feasible and bounded)");
    support.set_basis(sol.basis);
    const std::vector<Rational>& u = sol.dual;

    std::vector<std::size_t> formed;
    for (std::size_t j = 0; j < support.size(); ++j)
      if (sol.primal[j] > 0 || sol.reduced_costs[j] == 0) formed.push_back(j);
    std::vector<std::pair<Rational, GroupType>> moves;
    if (++sweeps <= kMaxSweeps) moves = sweep(instance, support, formed, u, hood, stats.rounds);
    if (!moves.empty()) {
      const std::vector<Rational> reduced = sol.reduced_costs;
      if (moves.size() > static_cast<std::size_t>(K)) moves.resize(static_cast<std::size_t>(K));
      // Room first (the new columns have ρ > 0 and must stay), then the new columns.
      support.evict_to(capacity > moves.size() ? capacity - moves.size() : 0, reduced);
      for (const auto& [r, g] : moves) support.add(g, false);
      continue;
    }
    // Local optimum of the moves: ask the structural checker.
    blocking = find_blocking(u);
    if (!blocking) break;
    const Rational r = rho(instance, u, *blocking);
    if (r <= 0)
      throw std::logic_error("fv-sparse: the blocking search returned a group with ρ = " + to_string(r) +
                             " <= 0");
    if (blocking_added == kMaxBlockingAdded) {
      stats.status = "not_converged";
      stats.max_reduced_cost = r;
      Rational total_mass = 0;
      for (const auto& t : instance.types) total_mass += t.mass;
      stats.bound = sol.objective + r / Nmin * total_mass;  // see the header comment
      break;
    }
    ++blocking_added;
    sweeps = 0;
    support.evict_to(capacity - 1, sol.reduced_costs);
    support.add(*blocking, false);
  }

  StableAssignment result;
  result.welfare = sol.objective;
  result.iterations = sol.iterations;
  for (std::size_t j = 0; j < support.size(); ++j)
    if (sol.primal[j] > 0)
      result.assignment.push_back(FormedGroup{support.group(j), sol.primal[j], support.value(j)});
  std::sort(result.assignment.begin(), result.assignment.end(),
            [](const FormedGroup& a, const FormedGroup& b) { return canonical_less(a.group, b.group); });
  result.imputation = sol.dual;
  // Optimal: the formed groups are basic with reduced cost 0 and no group has ρ > 0, so max ρ = 0.
  if (!blocking) stats.max_reduced_cost = 0;
  stats.columns_generated = support.ever();
  stats.columns_final = static_cast<long>(support.size());
  stats.exact_rounds = stats.rounds;  // every round is priced at the exact duals
  stats.seconds_exact = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.group_types = stats.group_types <= Integer(std::numeric_limits<std::int64_t>::max())
                           ? stats.group_types.convert_to<std::size_t>()
                           : 0;
  if (options.ranges && stats.group_types <= Integer(options.max_enumeration))
    compute_imputation_ranges(instance, enumerate_group_types(K, Nmin, N, options.max_enumeration), result);
  result.stats = std::move(stats);
  return result;
}

}  // namespace equilab::groups
