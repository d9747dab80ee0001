// Method `welfare-lp` (eq. 5 and its dual eq. 6, Theorem 2): one variable τ_G >= 0 per
// enumerated group type, max Σ s(G)τ_G s.t. Σ_G G(i)τ_G = μ(i) for every type.
//
// The imputation is the vector of row shadow prices. For this maximisation with `=`
// rows the shadow prices y are the optimal solution of the LP dual
// min Σ y(i)μ(i) s.t. Σ_i G(i)y(i) >= s(G) (eq. 6), i.e. u = y with no sign change
// (checked on §2.4.2, u = (0, 9/2, 3/2), in tests/groups_methods).
#include "groups/imputation_ranges_double.h"
#include "groups/methods.h"

#include "lp/exact_simplex.h"
#include "lp/lpsolve.h"
#include "lp/model.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::groups {
namespace {

lp::LpModel welfare_model(const GroupsInstance& instance, const std::vector<GroupType>& groups) {
  const int k = instance.num_types();
  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  model.variables.resize(groups.size());  // τ_G >= 0, unnamed
  model.objective.reserve(groups.size());
  model.constraints.resize(k);
  for (int i = 0; i < k; ++i) {
    model.constraints[i].name = instance.types[i].name;
    model.constraints[i].op = lp::RowOp::Equal;
    model.constraints[i].rhs = instance.types[i].mass;
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    model.objective.push_back(group_value(instance, groups[g]));
    const GroupType& group = groups[g];
    // Members are sorted: each run of equal members is one coefficient G(i).
    for (std::size_t a = 0; a < group.size();) {
      std::size_t b = a;
      while (b < group.size() && group[b] == group[a]) ++b;
      model.constraints[group[a]].coef.emplace_back(static_cast<int>(g), Rational(static_cast<long>(b - a)));
      a = b;
    }
  }
  return model;
}

}  // namespace

StableAssignment solve_welfare_lp(const GroupsInstance& instance, const GroupsOptions& options) {
  const std::vector<GroupType> groups =
      enumerate_group_types(instance.num_types(), instance.min_size, instance.max_size, options.max_enumeration);
  const lp::LpModel model = welfare_model(instance, groups);

  StableAssignment result;
  result.group_types = groups.size();
  std::vector<Rational> tau, u;
  if (options.exact) {
    lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model);
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error(std::string("welfare LP: the simplex reported ") + lp::to_string(sol.status) +
                             " (the LP is always feasible and bounded)");
    result.welfare = sol.objective;
    result.iterations = sol.iterations;
    tau = std::move(sol.primal);
    u = std::move(sol.dual);
  } else {
    const lp::Solution<double> sol = lp::lpsolve_solve(model);
    if (sol.status != lp::Status::Optimal)
      throw std::runtime_error(std::string("welfare LP: lp_solve reported ") + lp::to_string(sol.status));
    result.welfare = rational_from_double(sol.objective);
    result.iterations = sol.iterations;
    for (double v : sol.primal) tau.push_back(rational_from_double(v));
    for (double v : sol.dual) u.push_back(rational_from_double(v));
  }
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (tau[g] > 0) result.assignment.push_back(FormedGroup{groups[g], tau[g], model.objective[g]});
  result.imputation = std::move(u);

  if (options.ranges) {
    if (options.exact) compute_imputation_ranges(instance, groups, result);
    else compute_imputation_ranges_double(instance, groups, result);
  }
  return result;
}

}  // namespace equilab::groups
