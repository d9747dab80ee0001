// Method `transport` (Proposition 1, §2.3, with the paper's errors corrected as described below): the symmetric
// transport problem over real fractional groups, solved with GLPK glp_exact
// (glpk_exact_solve recomputes the values exactly from GLPK's final basis). Shares no
// solving code with welfare-lp (the project's simplex) or vertex-enum.
//
// Replication factor L = lcm(N',…,N) (footnotes 20/31) or N!. A real fractional group Ĝ
// is an n-group G replicated L/n times: counts c_i(Ĝ) = G(i)·L/n, Σ c_i = L. Groups of
// different sizes with the same proportions give the same Ĝ; they are merged with
// ŝ(Ĝ)/N = max over those n of s(G)/n (eq. 8, the max taken only over the K_n that
// contain Ĝ), remembering the n (and G) attaining it (the smallest such n on ties).
// Fake fractional groups (in no K_n) are excluded (errata 2 and 3).
//
// Orbit form: w(Ĝ) >= 0,  Σ_Ĝ (c_i(Ĝ)/L) w(Ĝ) = μ(i),  max Σ_Ĝ (ŝ(Ĝ)/N) w(Ĝ). Its row duals
// are the imputation u. Backward map τ(G) = w(Ĝ)/n (erratum 1: the paper's map lacks 1/L).
//
// Scaling for GLPK. GLPK stores its data as doubles, so c_i/L = 1/6 or s = 1/3 would be
// rounded and GLPK would solve a slightly different LP. The model given to GLPK is the
// same LP with integer data wherever that is exact in double: variables v = D_μ·w/L,
// rows Σ c_i v = D_μ μ(i), objective a(Ĝ) = D_s·(L/n)·s(G) with D_μ, D_s the common
// denominators of the masses and of the values (left at 1 when the scaled data would not
// be exact doubles). Then the objective is D_s·D_μ·Π, w = L v/D_μ, and the row duals are
// D_s·u (shadow price of D_s·D_μ·Π with respect to D_μ·μ(i)).
//
// Full form (tiny instances only, K^L <= 50,000): ordered tuples (i_1..i_L) whose
// multiset is real, γ >= 0, L·K marginal rows Σ_{tuples with i_k = i} γ = μ(i), objective
// Σ γ ŝ/N (scaled as above with the extra factor L on the objective: a = D_s·L·ŝ/N).
// Mapping back: w(Ĝ) = total γ over the orderings of Ĝ. This is the symmetrisation:
// averaging γ over the L! permutations of the positions gives a symmetric plan of the
// same value whose orbit sums are these w, and Σ_Ĝ (c_i/L) w(Ĝ) = (1/L) Σ_k (marginal k)(i)
// = μ(i), so w is feasible for the orbit form with the same value.
// Imputation: u(i) = Σ_k φ_k(i), the per-marginal potentials summed over k. Derivation:
// the dual of the full form is min Σ_k Σ_i φ_k(i)μ(i) s.t. Σ_k φ_k(i_k) >= ŝ/N on every
// real tuple. Averaging that constraint over all orderings of Ĝ (position k holds type i
// in a fraction c_i/L of them) gives Σ_i (c_i/L) Σ_k φ_k(i) >= ŝ/N, i.e. u = Σ_k φ_k is
// feasible for the orbit dual, with objective Σ_i u(i)μ(i) = the full dual optimum = Π:
// so u is an optimal orbit dual, hence a stable imputation (Σ_i G(i)u(i) >= s(G) follows
// from (1/n)Σ G(i)u(i) >= ŝ/N >= s(G)/n). On §2.4.2 it gives the unique (0, 9/2, 3/2)
// (tests/groups_methods). With the scaling, φ_k(i) = y_(k,i) / (D_s·L).
#include "groups/methods.h"

#include "lp/glpk_reference.h"
#include "lp/model.h"

#include <boost/multiprecision/integer.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace equilab::groups {
namespace {

constexpr std::uint64_t kMaxFullTuples = 50'000;

using Counts = std::vector<std::pair<int, int>>;  // sparse (type, count), types ascending

struct Fractional {
  Counts counts;         // c_i(Ĝ), Σ = L
  Rational per_member;   // ŝ(Ĝ)/N = max s(G)/n
  int size = 0;          // n attaining the max
  std::size_t group = 0; // index of P_n Ĝ in the enumerated groups
};

long long replication_factor(const GroupsInstance& instance, GroupsOptions::Replication replication) {
  long long l = 1;
  const int first = replication == GroupsOptions::Replication::Factorial ? 1 : std::max(1, instance.min_size);
  for (int n = first; n <= instance.max_size; ++n) {
    if (replication == GroupsOptions::Replication::Factorial) l *= n;
    else l = std::lcm(l, static_cast<long long>(n));
    if (l > INT_MAX) throw std::invalid_argument("transport: the replication factor exceeds " + std::to_string(INT_MAX));
  }
  return l;
}

// Real fractional groups, in order of first appearance (groups are by size, then lexicographic).
std::vector<Fractional> fractional_groups(const GroupsInstance& instance, const std::vector<GroupType>& groups, long long l) {
  std::vector<Fractional> out;
  std::map<Counts, std::size_t> index;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupType& group = groups[g];
    const int n = static_cast<int>(group.size());
    const long long factor = l / n;
    Counts counts;
    for (int member : group) {
      if (!counts.empty() && counts.back().first == member) counts.back().second += static_cast<int>(factor);
      else counts.emplace_back(member, static_cast<int>(factor));
    }
    Rational per_member = group_value(instance, group) / n;
    auto [it, inserted] = index.emplace(counts, out.size());
    if (inserted) {
      out.push_back(Fractional{std::move(counts), std::move(per_member), n, g});
    } else if (per_member > out[it->second].per_member) {
      Fractional& f = out[it->second];
      f.per_member = std::move(per_member);
      f.size = n;
      f.group = g;
    }
  }
  return out;
}

// The smallest positive integer D with D·v integral for all v, or 1 when D·v would not
// all be exact doubles (|D·v| <= 2^53).
Integer common_scale(const std::vector<Rational>& values) {
  const Integer limit = Integer(1) << 53;
  Integer d = 1;
  for (const Rational& v : values) {
    d = boost::multiprecision::lcm(d, Integer(denominator(v)));
    if (d > limit) return 1;
  }
  for (const Rational& v : values)
    if (abs(Rational(v * d)) > Rational(limit)) return 1;
  return d;
}

bool canonical_less(const GroupType& a, const GroupType& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

StableAssignment solve_transport(const GroupsInstance& instance, const GroupsOptions& options) {
  const int k = instance.num_types();
  const long long l = replication_factor(instance, options.replication);
  const std::vector<GroupType> groups =
      enumerate_group_types(k, instance.min_size, instance.max_size, options.max_enumeration);
  const std::vector<Fractional> frac = fractional_groups(instance, groups, l);

  std::vector<Rational> masses, objective_unscaled;
  for (const auto& t : instance.types) masses.push_back(t.mass);
  for (const auto& f : frac) objective_unscaled.push_back(f.per_member * l);  // (L/n)·s(G) = L·ŝ/N
  const Integer d_mu = common_scale(masses);
  const Integer d_s = common_scale(objective_unscaled);

  // w(Ĝ) per fractional group and u, filled by either form.
  std::vector<Rational> w(frac.size());
  std::vector<Rational> u(k);
  Rational welfare_from_objective;

  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  if (options.transport_form == GroupsOptions::TransportForm::Orbit) {
    model.constraints.resize(k);
    for (int i = 0; i < k; ++i) {
      model.constraints[i].name = instance.types[i].name;
      model.constraints[i].op = lp::RowOp::Equal;
      model.constraints[i].rhs = masses[i] * d_mu;
    }
    model.variables.resize(frac.size());
    for (std::size_t f = 0; f < frac.size(); ++f) {
      model.objective.push_back(objective_unscaled[f] * d_s);
      for (const auto& [i, c] : frac[f].counts) model.constraints[i].coef.emplace_back(static_cast<int>(f), Rational(c));
    }
    const lp::Solution<Rational> sol = lp::glpk_exact_solve(model);
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("transport: GLPK reported ") + lp::to_string(sol.status));
    for (std::size_t f = 0; f < frac.size(); ++f) w[f] = sol.primal[f] * l / d_mu;
    for (int i = 0; i < k; ++i) u[i] = sol.dual[i] / d_s;
    welfare_from_objective = sol.objective / Rational(d_s * d_mu);
  } else {
    // K^L ordered tuples (and L·K rows), computed without overflow: refuse beyond 50,000.
    Integer tuples = 1;
    for (long long pos = 0; pos < l && tuples <= kMaxFullTuples; ++pos) tuples *= k;
    if (tuples > kMaxFullTuples || l * k > static_cast<long long>(kMaxFullTuples))
      throw EnumerationLimit(std::max(tuples, Integer(l * k)), kMaxFullTuples, "ordered tuples of the full form",
                             "use --form orbit");
    std::map<Counts, std::size_t> index;
    for (std::size_t f = 0; f < frac.size(); ++f) index.emplace(frac[f].counts, f);
    model.constraints.resize(static_cast<std::size_t>(l) * k);
    for (long long pos = 0; pos < l; ++pos)
      for (int i = 0; i < k; ++i) {
        lp::Constraint& row = model.constraints[pos * k + i];
        row.name = "m" + std::to_string(pos + 1) + "_" + instance.types[i].name;
        row.op = lp::RowOp::Equal;
        row.rhs = masses[i] * d_mu;
      }
    std::vector<std::size_t> orbit_of;  // fractional group of each tuple variable
    std::vector<int> tuple(l, 0), count(k, 0);
    const long long total = tuples.convert_to<long long>();
    for (long long t = 0; t < total; ++t) {
      std::fill(count.begin(), count.end(), 0);
      for (int i : tuple) ++count[i];
      Counts key;
      for (int i = 0; i < k; ++i)
        if (count[i]) key.emplace_back(i, count[i]);
      if (auto it = index.find(key); it != index.end()) {  // real; fake tuples are excluded
        const int var = model.num_vars();
        model.variables.emplace_back();
        model.objective.push_back(objective_unscaled[it->second] * d_s);
        for (long long pos = 0; pos < l; ++pos) model.constraints[pos * k + tuple[pos]].coef.emplace_back(var, Rational(1));
        orbit_of.push_back(it->second);
      }
      for (long long pos = l - 1; pos >= 0; --pos) {  // next tuple (odometer)
        if (++tuple[pos] < k) break;
        tuple[pos] = 0;
      }
    }
    const lp::Solution<Rational> sol = lp::glpk_exact_solve(model);
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("transport (full form): GLPK reported ") + lp::to_string(sol.status));
    for (std::size_t v = 0; v < orbit_of.size(); ++v) w[orbit_of[v]] += sol.primal[v];
    for (auto& x : w) x /= Rational(d_mu);
    for (long long pos = 0; pos < l; ++pos)
      for (int i = 0; i < k; ++i) u[i] += sol.dual[pos * k + i];
    for (int i = 0; i < k; ++i) u[i] /= Rational(d_s * l);
    welfare_from_objective = sol.objective / Rational(d_s * d_mu * l);
  }

  StableAssignment result;
  result.group_types = groups.size();
  result.replication = static_cast<int>(l);
  result.fractional_groups = frac.size();
  Rational welfare = 0;
  for (std::size_t f = 0; f < frac.size(); ++f) {
    if (w[f] <= 0) continue;
    const GroupType& group = groups[frac[f].group];
    Rational tau = w[f] / frac[f].size;  // backward map τ(G) = w(Ĝ)/n
    Rational value = group_value(instance, group);
    welfare += value * tau;
    result.assignment.push_back(FormedGroup{group, std::move(tau), std::move(value)});
  }
  std::sort(result.assignment.begin(), result.assignment.end(),
            [](const FormedGroup& a, const FormedGroup& b) { return canonical_less(a.group, b.group); });
  if (welfare != welfare_from_objective)
    throw std::logic_error("transport: Σ s τ after the backward map differs from the transport optimum");
  result.welfare = welfare;
  result.imputation = std::move(u);
  if (options.ranges) compute_imputation_ranges(instance, groups, result);
  return result;
}

}  // namespace equilab::groups
