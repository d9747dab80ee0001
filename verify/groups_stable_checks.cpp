#include "verify/groups_stable_checks.h"

#include "groups/enumerate.h"

#include <algorithm>
#include <set>

namespace equilab::verify::groups_checks {
namespace {

using groups::GroupsInstance;
using groups::GroupType;

bool members_valid(const GroupsInstance& instance, const GroupType& g) {
  for (int m : g)
    if (m < 0 || m >= instance.num_types()) return false;
  return true;
}

Rational dot_mass(const GroupsInstance& instance, const std::vector<Rational>& u) {
  Rational sum = 0;
  for (int i = 0; i < instance.num_types(); ++i) sum += u[i] * instance.types[i].mass;
  return sum;
}

// One range bound of type i: witness and multiplier. sign = +1 (min) or -1 (max).
void check_bound(const GroupsInstance& instance, const NoBlocking& no_blocking, const Rational& welfare, int i,
                 int sign, const Rational& bound, const std::vector<Rational>& witness,
                 const groups::RangeMultiplier& m, Verdict& verdict) {
  const int K = instance.num_types();
  const std::string who = type_label(instance, i) + ": " + (sign > 0 ? "min" : "max");

  // The witness is a stable imputation with u(i) = bound.
  if (static_cast<int>(witness.size()) != K) {
    verdict.fail(who + " witness has " + std::to_string(witness.size()) + " entries, expected " + std::to_string(K));
  } else {
    no_blocking(witness, who + " witness: ", &verdict);
    const Rational total = dot_mass(instance, witness);
    if (total != welfare)
      verdict.fail(who + " witness: Σ u μ = " + text(total) + " but welfare = " + text(welfare));
    if (witness[i] != bound)
      verdict.fail(who + " witness: u = " + text(witness[i]) + " but bound = " + text(bound));
  }

  // The multiplier: x >= 0, Σ x_G G + tμ = sign·e_i, Σ x_G s(G) + tW = sign·bound.
  std::vector<Rational> row(K);
  for (int j = 0; j < K; ++j) row[j] = m.t * instance.types[j].mass;
  Rational objective = m.t * welfare;
  for (const auto& [g, x] : m.x) {
    if (std::string why = group_problem(instance, g); !why.empty()) {
      verdict.fail(who + " multiplier: " + group_label(instance, g) + ": " + why);
      return;
    }
    if (x < 0) verdict.fail(who + " multiplier: x = " + text(x) + " < 0 on " + group_label(instance, g));
    for (int member : g) row[member] += x;
    objective += x * groups::group_value(instance, g);
  }
  for (int j = 0; j < K; ++j) {
    const Rational expected = j == i ? Rational(sign) : Rational(0);
    if (row[j] != expected)
      verdict.fail(who + " multiplier: Σ x_G G(j) + t μ(j) = " + text(row[j]) + " for " + type_label(instance, j) +
                   ", expected " + text(expected));
  }
  const Rational expected = sign * bound;
  if (objective != expected)
    verdict.fail(who + " multiplier: Σ x_G s(G) + t W = " + text(objective) + ", expected " + text(expected));
}

}  // namespace

std::string text(const Rational& r) { return equilab::to_string(r); }

std::string type_label(const GroupsInstance& instance, int i) { return "type \"" + instance.types[i].name + "\""; }

std::string group_label(const GroupsInstance& instance, const GroupType& g) {
  const bool valid = members_valid(instance, g);
  std::string out = "group [";
  for (std::size_t k = 0; k < g.size(); ++k) {
    if (k) out += ",";
    if (valid) {
      out += instance.types[g[k]].name;
    } else {
      out += '#';
      out += std::to_string(g[k]);
    }
  }
  return out + "]";
}

std::string group_problem(const GroupsInstance& instance, const GroupType& g) {
  if (!members_valid(instance, g)) return "a member is not a type index";
  if (!std::is_sorted(g.begin(), g.end())) return "members are not in type order";
  const int n = static_cast<int>(g.size());
  if (n < instance.min_size || n > instance.max_size)
    return "size " + std::to_string(n) + " outside the permitted sizes [" + std::to_string(instance.min_size) + "," +
           std::to_string(instance.max_size) + "]";
  return {};
}

Rational member_sum(const std::vector<Rational>& u, const GroupType& g) {
  Rational sum = 0;
  for (int m : g) sum += u[m];
  return sum;
}

Verdict check_stable_assignment(const GroupsInstance& instance, const groups::StableAssignment& result,
                                const NoBlocking& no_blocking) {
  Verdict verdict;
  const int K = instance.num_types();

  // The assignment: valid distinct groups, positive masses, stated values, consistency.
  std::vector<Rational> used(K, Rational(0));
  Rational welfare_tau = 0;
  std::set<GroupType> seen;
  std::vector<bool> usable(result.assignment.size(), false);
  for (std::size_t k = 0; k < result.assignment.size(); ++k) {
    const groups::FormedGroup& f = result.assignment[k];
    const std::string label = group_label(instance, f.group);
    if (std::string why = group_problem(instance, f.group); !why.empty()) {
      verdict.fail(label + ": " + why);
      continue;
    }
    if (!seen.insert(f.group).second) verdict.fail(label + ": listed twice in the assignment");
    if (f.mass <= 0) verdict.fail(label + ": mass " + text(f.mass) + " is not positive");
    const Rational s = groups::group_value(instance, f.group);
    if (f.value != s) verdict.fail(label + ": stated value " + text(f.value) + " but s(G) = " + text(s));
    for (int m : f.group) used[m] += f.mass;
    welfare_tau += s * f.mass;
    usable[k] = true;
  }
  for (int i = 0; i < K; ++i)
    if (used[i] != instance.types[i].mass)
      verdict.fail(type_label(instance, i) + ": consistency Σ G(i)τ(G) = " + text(used[i]) + " but μ = " +
                   text(instance.types[i].mass));
  if (welfare_tau != result.welfare)
    verdict.fail("welfare: Σ s(G)τ(G) = " + text(welfare_tau) + " but welfare = " + text(result.welfare));

  // The imputation: Σ u <= s on formed groups (equality by complementary slackness once both
  // totals agree), Σ uμ = W, and no blocking group.
  const std::vector<Rational>& u = result.imputation;
  if (static_cast<int>(u.size()) != K) {
    verdict.fail("imputation: " + std::to_string(u.size()) + " entries, expected " + std::to_string(K));
    return verdict;
  }
  for (std::size_t k = 0; k < result.assignment.size(); ++k) {
    if (!usable[k]) continue;
    const groups::FormedGroup& f = result.assignment[k];
    const Rational sum = member_sum(u, f.group);
    const Rational s = groups::group_value(instance, f.group);
    if (sum > s) verdict.fail(group_label(instance, f.group) + ": formed but u-sum " + text(sum) + " > s " + text(s));
  }
  const Rational welfare_u = dot_mass(instance, u);
  if (welfare_u != result.welfare)
    verdict.fail("welfare: Σ u(i)μ(i) = " + text(welfare_u) + " but welfare = " + text(result.welfare));

  // The column methods' stats: the count of group types, and what the status claims.
  const bool converged = !result.stats || result.stats->status == "optimal";
  if (result.stats) {
    const groups::ColumnStats& st = *result.stats;
    const Integer count = groups::count_group_types(K, instance.min_size, instance.max_size);
    if (st.group_types != count)
      verdict.fail("stats.group_types = " + st.group_types.str() + " but the instance has " + count.str() +
                   " group types");
    if (st.status != "optimal" && st.status != "not_converged")
      verdict.fail("stats.status \"" + st.status + "\" is neither optimal nor not_converged");
  }
  if (converged) {
    no_blocking(u, "", &verdict);
    // With no blocking group and tight formed groups (implied by the checks above), max ρ = 0.
    if (result.stats) {
      if (result.stats->max_reduced_cost != 0)
        verdict.fail("stats.max_reduced_cost = " + text(result.stats->max_reduced_cost) +
                     " but at a stable imputation the largest ρ(G) = s(G) − Σ_{i∈G}u(i) is 0 (formed groups)");
      if (result.stats->bound)
        verdict.fail("stats.bound = " + text(*result.stats->bound) + " but an optimal result states no bound (null)");
    }
  } else {
    // not_converged: τ is feasible (checked above) with welfare W; the bound must be the certified one.
    const groups::ColumnStats& st = *result.stats;
    if (result.ranges) verdict.fail("ranges: a not_converged result has no imputation ranges");
    const std::optional<Blocking> worst = no_blocking(u, "", nullptr);
    if (!worst) {
      verdict.fail("status not_converged but no group blocks at the imputation (it is stable: the result is optimal)");
    } else {
      if (st.max_reduced_cost != worst->rho)
        verdict.fail("stats.max_reduced_cost = " + text(st.max_reduced_cost) + " but the largest ρ(G) at the imputation is " +
                     text(worst->rho) + " (" + group_label(instance, worst->group) + ")");
      Rational total_mass = 0;
      for (const groups::TypeInfo& t : instance.types) total_mass += t.mass;
      const Rational bound = result.welfare + worst->rho / instance.min_size * total_mass;
      if (!st.bound)
        verdict.fail("stats.bound is null but a not_converged result states its certified bound " + text(bound));
      else if (*st.bound != bound)
        verdict.fail("stats.bound = " + text(*st.bound) + " but W + ρ_max·Σμ/N' = " + text(result.welfare) + " + " +
                     text(worst->rho) + "·" + text(total_mass) + "/" + std::to_string(instance.min_size) + " = " +
                     text(bound));
    }
    return verdict;
  }

  // Ranges: witnesses and multipliers for every type and bound.
  if (result.ranges) {
    const auto& ranges = *result.ranges;
    if (static_cast<int>(ranges.size()) != K) {
      verdict.fail("ranges: " + std::to_string(ranges.size()) + " entries, expected " + std::to_string(K));
      return verdict;
    }
    for (int i = 0; i < K; ++i) {
      const groups::ImputationRange& r = ranges[i];
      if (r.min > r.max) verdict.fail(type_label(instance, i) + ": range min " + text(r.min) + " > max " + text(r.max));
      if (u[i] < r.min || u[i] > r.max)
        verdict.fail(type_label(instance, i) + ": imputation u = " + text(u[i]) + " outside its range [" +
                     text(r.min) + ", " + text(r.max) + "]");
      check_bound(instance, no_blocking, result.welfare, i, +1, r.min, r.witness_min, r.multiplier_min, verdict);
      check_bound(instance, no_blocking, result.welfare, i, -1, r.max, r.witness_max, r.multiplier_max, verdict);
    }
  }
  return verdict;
}

}  // namespace equilab::verify::groups_checks
