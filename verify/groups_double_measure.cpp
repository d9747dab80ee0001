// Measuring a floating-point groups result: the conditions of verify/groups_stable_checks.h
// (Wang §2.1.5, Theorem 2; the range witnesses and multipliers of §2.2.1), each reduced to its
// largest violation, in exact arithmetic on the exact binary values the result states.
#include "verify/groups_double_measure.h"

#include "verify/decimal_text.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <utility>

#include "verify/groups_scale_certificate.h"
#include "verify/groups_stable_checks.h"

namespace equilab::verify {
namespace {

using groups::GroupsInstance;
using groups::GroupType;
using groups_checks::group_label;
using groups_checks::group_problem;
using groups_checks::member_sum;
using groups_checks::type_label;

// The largest violation of one condition and where it occurs.
struct Worst {
  explicit Worst(std::string name) : condition(std::move(name)) {}
  std::string condition;
  Rational value = 0;
  std::string where;
  void offer(const Rational& v, const std::string& at) {
    if (v > value) {
      value = v;
      where = at;
    }
  }
  ConditionMeasure done() const { return {condition, value, value > 0 ? where : std::string()}; }
};

Rational abs_value(const Rational& r) { return r < 0 ? Rational(-r) : r; }

Rational dot_mass(const GroupsInstance& instance, const std::vector<Rational>& u) {
  Rational sum = 0;
  for (int i = 0; i < instance.num_types(); ++i) sum += u[i] * instance.types[i].mass;
  return sum;
}

// The largest ρ(G) > 0 at u over every group type (0 when u is stable).
Rational largest_rho(const GroupsInstance& instance, const std::vector<Rational>& u,
                     std::uint64_t max_enumeration, std::string& where) {
  const auto g = find_blocking_group(instance, u, max_enumeration);
  if (!g) return 0;
  where = group_label(instance, *g);
  return groups::group_value(instance, *g) - member_sum(u, *g);
}

}  // namespace

std::string groups_decimal_text(const Rational& r) { return decimal_text(r, 6); }

std::vector<ConditionMeasure> measure_groups_result(const GroupsInstance& instance,
                                                    const groups::StableAssignment& result,
                                                    std::uint64_t max_enumeration) {
  const int K = instance.num_types();
  std::vector<ConditionMeasure> out;

  // The assignment: permitted distinct groups (a count of problems), positive masses, stated
  // values, consistency, Σ sτ = W.
  Worst problems("groups not permitted or listed twice (count)");
  Worst masses("masses τ(G) >= 0: largest −τ(G) (the writer lists only τ(G) > 0)");
  Worst values("stated values |value − s(G)|");
  Worst consistency("consistency |Σ_G G(i)τ(G) − μ(i)|");
  Worst welfare_tau("welfare |Σ_G s(G)τ(G) − W|");
  std::vector<Rational> used(K, Rational(0));
  Rational total = 0;
  std::set<GroupType> seen;
  long bad = 0;
  std::vector<bool> usable(result.assignment.size(), false);
  for (std::size_t k = 0; k < result.assignment.size(); ++k) {
    const groups::FormedGroup& f = result.assignment[k];
    if (!group_problem(instance, f.group).empty() || !seen.insert(f.group).second) {
      ++bad;
      continue;
    }
    usable[k] = true;
    const std::string label = group_label(instance, f.group);
    masses.offer(-f.mass, label);
    const Rational s = groups::group_value(instance, f.group);
    values.offer(abs_value(f.value - s), label);
    for (int m : f.group) used[m] += f.mass;
    total += s * f.mass;
  }
  problems.offer(Rational(bad), "the assignment");
  for (int i = 0; i < K; ++i)
    consistency.offer(abs_value(used[i] - instance.types[i].mass), type_label(instance, i));
  welfare_tau.offer(abs_value(total - result.welfare), "the assignment");
  for (const Worst* w : {&problems, &masses, &values, &consistency, &welfare_tau}) out.push_back(w->done());

  // The imputation: Σ u <= s on formed groups, Σ uμ = W, no blocking group.
  const std::vector<Rational>& u = result.imputation;
  Worst formed("formed groups: largest Σ_{i∈G}u(i) − s(G) > 0");
  Worst welfare_u("welfare |Σ_i u(i)μ(i) − W|");
  Worst blocking("no blocking group: largest ρ(G) = s(G) − Σ_{i∈G}u(i) > 0 over all group types");
  for (std::size_t k = 0; k < result.assignment.size(); ++k)
    if (usable[k]) {
      const groups::FormedGroup& f = result.assignment[k];
      formed.offer(member_sum(u, f.group) - groups::group_value(instance, f.group),
                   group_label(instance, f.group));
    }
  welfare_u.offer(abs_value(dot_mass(instance, u) - result.welfare), "the imputation");
  std::string at;
  const Rational rho = largest_rho(instance, u, max_enumeration, at);
  blocking.offer(rho, at);
  for (const Worst* w : {&formed, &welfare_u, &blocking}) out.push_back(w->done());

  if (!result.ranges) return out;
  // The ranges: u(i) within [min, max], witnesses stable and attaining their bounds, multipliers
  // (x >= 0, Σ_G x_G G + tμ = ±e_i, Σ_G x_G s(G) + tW = ±bound).
  Worst order("ranges: largest of min − u(i), u(i) − max, min − max (> 0)");
  Worst witness_blocking("range witnesses: largest ρ(G) > 0");
  Worst witness_welfare("range witnesses |Σ u μ − W|");
  Worst witness_bound("range witnesses |u(i) − bound|");
  Worst multiplier_sign("range multipliers: largest −x_G (x >= 0)");
  Worst multiplier_rows("range multipliers |Σ_G x_G G(j) + tμ(j) − (±1 if j = i else 0)|");
  Worst multiplier_value("range multipliers |Σ_G x_G s(G) + tW − (±bound)|");
  for (int i = 0; i < K && i < static_cast<int>(result.ranges->size()); ++i) {
    const groups::ImputationRange& r = (*result.ranges)[i];
    const std::string who = type_label(instance, i);
    order.offer(std::max({r.min - u[i], u[i] - r.max, r.min - r.max}), who);
    for (int sign : {+1, -1}) {
      const std::string bound_label = who + (sign > 0 ? " min" : " max");
      const Rational& bound = sign > 0 ? r.min : r.max;
      const std::vector<Rational>& w = sign > 0 ? r.witness_min : r.witness_max;
      const groups::RangeMultiplier& m = sign > 0 ? r.multiplier_min : r.multiplier_max;
      if (static_cast<int>(w.size()) == K) {
        std::string where;
        const Rational witness_rho = largest_rho(instance, w, max_enumeration, where);
        witness_blocking.offer(witness_rho, bound_label + " witness: " + where);
        witness_welfare.offer(abs_value(dot_mass(instance, w) - result.welfare), bound_label);
        witness_bound.offer(abs_value(w[i] - bound), bound_label);
      }
      std::vector<Rational> row(K);
      for (int j = 0; j < K; ++j) row[j] = m.t * instance.types[j].mass;
      Rational value = m.t * result.welfare;
      for (const auto& [g, x] : m.x) {
        if (!group_problem(instance, g).empty()) continue;
        multiplier_sign.offer(-x, bound_label + " " + group_label(instance, g));
        for (int member : g) row[member] += x;
        value += x * groups::group_value(instance, g);
      }
      for (int j = 0; j < K; ++j)
        multiplier_rows.offer(abs_value(row[j] - (j == i ? Rational(sign) : Rational(0))),
                              bound_label + ", row of " + type_label(instance, j));
      multiplier_value.offer(abs_value(value - sign * bound), bound_label);
    }
  }
  for (const Worst* w : {&order, &witness_blocking, &witness_welfare, &witness_bound, &multiplier_sign,
                         &multiplier_rows, &multiplier_value})
    out.push_back(w->done());
  return out;
}

}  // namespace equilab::verify
