// Method `lp` (issue 6, method 1): the ex post LP of eq. (1).
// Variables λ_{t,x} >= 0 for every profile t and outcome x ∈ X; rows Σ_x λ_{t,x} = 1 per profile and,
// per triple z = (j,i,τ), Σ_{t: t_i = τ} μ(t) Σ_x λ_{t,x} x_i^j = Q_i^j(τ) μ_i(τ) (eq. (1), μ-weighted).
// Solved exactly by lpsolve-repair. Infeasible: the Farkas multipliers (a_t on the profile rows, b_z on
// the triple rows) have A^T(a,b) >= 0 and a·1 + b·y < 0; with w = −b this reads
// a_t >= μ(t) max_x Σ w x (so Σ a_t >= h(w)) and ⟨Q,w⟩ > Σ a_t — the separating weights of Lemma 6.
#include <stdexcept>

#include "interim/methods.h"
#include "lp/lpsolve.h"

namespace equilab::interim {

const char* to_string(Status status) {
  switch (status) {
    case Status::Feasible:
      return "feasible";
    case Status::Infeasible:
      return "infeasible";
    case Status::BorderSatisfied:
      return "border_satisfied";
    case Status::Inconclusive:
      return "inconclusive";
  }
  return "?";
}

namespace {

std::vector<Outcome> outcomes_for_lp(const InterimInstance& in, const InterimOptions& o) {
  std::vector<Outcome> X = enumerate_outcomes(in, o.max_columns);
  const std::uint64_t columns =
      static_cast<std::uint64_t>(X.size()) * static_cast<std::uint64_t>(in.num_profiles());
  if (columns > o.max_columns)
    throw EnumerationLimit(std::to_string(columns) + " LP columns exceed the enumeration limit " +
                           std::to_string(o.max_columns) + "; raise it with --max-enumeration");
  return X;
}

}  // namespace

InterimResult solve_lp(const InterimInstance& in, const InterimOptions& o) {
  const std::vector<Outcome> X = outcomes_for_lp(in, o);
  const int T = in.num_profiles(), nx = static_cast<int>(X.size()), nz = in.num_triples(),
            m = in.num_objects();
  const std::vector<Rational> y = in.weighted(in.interim);

  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  model.variables.resize(static_cast<std::size_t>(T) * nx);
  model.objective.assign(model.variables.size(), Rational(0));
  for (int t = 0; t < T; ++t)
    for (int k = 0; k < nx; ++k)
      model.variables[t * nx + k].name = "l_" + std::to_string(t) + "_" + std::to_string(k);
  // Rows 0..T-1: Σ_x λ_{t,x} = 1.
  for (int t = 0; t < T; ++t) {
    lp::Constraint c;
    c.name = "profile_" + std::to_string(t);
    c.op = lp::RowOp::Equal;
    c.rhs = 1;
    for (int k = 0; k < nx; ++k) c.coef.emplace_back(t * nx + k, Rational(1));
    model.constraints.push_back(std::move(c));
  }
  // Rows T..T+|Z|-1: eq. (1) per triple.
  std::vector<lp::Constraint> rows(nz);
  for (int z = 0; z < nz; ++z) {
    rows[z].name = "triple_" + std::to_string(z);
    rows[z].op = lp::RowOp::Equal;
    rows[z].rhs = y[z];
  }
  for (int t = 0; t < T; ++t)
    for (int k = 0; k < nx; ++k)
      for (int i = 0; i < in.num_players(); ++i)
        for (int j = 0; j < m; ++j) {
          const Rational& v = X[k][i * m + j];
          if (v != 0)
            rows[in.z_index(i, in.profiles[t][i], j)].coef.emplace_back(t * nx + k, in.profile_prob[t] * v);
        }
  for (auto& r : rows) model.constraints.push_back(std::move(r));
  lp::normalize_rows(model);

  const lp::Solution<Rational> sol = lp::lpsolve_repair(model);
  InterimResult r;
  r.method = "lp";
  r.outcomes = X.size();
  if (sol.status == lp::Status::Optimal) {
    r.status = Status::Feasible;
    r.ex_post.assign(T, {});
    for (int t = 0; t < T; ++t)
      for (int k = 0; k < nx; ++k)
        if (sol.primal[t * nx + k] != 0) r.ex_post[t].push_back({sol.primal[t * nx + k], X[k]});
  } else if (sol.status == lp::Status::Infeasible) {
    r.status = Status::Infeasible;
    SeparatingWeights s;
    s.weights.resize(nz);
    for (int z = 0; z < nz; ++z) s.weights[z] = -sol.farkas[T + z];
    s.interim_value = in.pairing(in.interim, s.weights);
    s.bound = support_value(in, X, s.weights);
    if (!(s.interim_value > s.bound))
      throw std::logic_error("interim lp: the Farkas multipliers do not give separating weights (Lemma 6)");
    r.separating = std::move(s);
  } else {
    throw std::logic_error("interim lp: a feasibility LP cannot be unbounded");
  }
  if (in.weights) {
    Weighted w;
    w.interim_value = in.pairing(in.interim, *in.weights);
    w.feasible_max = support_value(in, X, *in.weights);  // max over 𝒬 of ⟨Q,w⟩ = h(w) (Lemma 6)
    w.border_max = solve_border_max(in, X, *in.weights, o);
    r.weighted = std::move(w);
  }
  return r;
}

// max Σ w(z) y(z) subject to G(S) <= y(S) <= F(S) for every nonempty S (eq. (6)); y free.
// The dual prices of the rows are p₊ (on <= rows, >= 0 for a max) and −p₋ (on >= rows, <= 0).
BorderMax solve_border_max(const InterimInstance& in, const std::vector<Outcome>& X,
                           const std::vector<Rational>& w, const InterimOptions& o) {
  const int nz = in.num_triples();
  TestSetBounds bounds(in, X);
  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  model.variables.resize(nz);
  for (int z = 0; z < nz; ++z) {
    model.variables[z].name = "y_" + std::to_string(z);
    model.variables[z].lower = std::nullopt;
  }
  model.objective = w;
  std::vector<std::pair<TestSet, bool>> row_of;  // (S, ceiling?)
  for_each_test_set(nz, o.max_test_sets, [&](TestSet s) {
    const auto [G, F] = bounds.bounds(s);
    std::vector<std::pair<int, Rational>> coef;
    for (int z : members_of(s)) coef.emplace_back(z, Rational(1));
    model.constraints.push_back({"F_" + std::to_string(s), coef, lp::RowOp::LessEqual, F});
    row_of.emplace_back(s, true);
    model.constraints.push_back({"G_" + std::to_string(s), coef, lp::RowOp::GreaterEqual, G});
    row_of.emplace_back(s, false);
    return true;
  });
  const lp::Solution<Rational> sol = lp::lpsolve_repair(model);
  if (sol.status != lp::Status::Optimal)
    throw std::logic_error(std::string("interim border_max: the LP over (6) is ") +
                           lp::to_string(sol.status));
  BorderMax b;
  b.value = sol.objective;
  b.primal.resize(nz);
  for (int z = 0; z < nz; ++z) {
    const Triple t = in.triple(z);
    b.primal[z] = sol.primal[z] / in.marginal[t.player][t.type];
  }
  for (std::size_t k = 0; k < row_of.size(); ++k) {
    const Rational& d = sol.dual[k];
    if (d == 0) continue;
    if (row_of[k].second)
      b.plus.emplace_back(row_of[k].first, d);
    else
      b.minus.emplace_back(row_of[k].first, -d);
  }
  return b;
}

}  // namespace equilab::interim
