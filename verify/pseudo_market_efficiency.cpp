// Exact check of an efficiency certificate (EMZ 2022 Theorem 1), without any LP.
//
// Efficient (weights θ): every θ_i ≥ 1, and x maximises Σ_i θ_i u_i·y_i over C, shown either
//   - by row duals π (order of efficiency_rows: individual rows agent by agent, the priced rows,
//     then the floors a·x ≥ b): π ≥ 0 on ≤ rows, free on = rows, ≤ 0 on floors; x satisfies every
//     row; π_r = 0 on rows slack at x; Σ_r π_r a^r_c ≥ θ_i u_c for every cell, = where x_c > 0; and
//     Σ_i θ_i u_i·x_i = Σ_r π_r b_r. Weak duality then bounds Σ θ u·y by Σ π b for every y ∈ C,
//     and x attains the bound; or
//   - for hull kinds without row duals, by enumeration: Σ θ u·x ≥ Σ θ u·y for every listed hull
//     point y (a linear function attains its maximum over conv(points) at a point).
// That x itself lies in C is checked here for the rows; for hull kinds the clearing lottery is
// the equilibrium check's business.
// Not efficient (an improvement y): y ≥ 0 satisfies every row of C (hull kinds: y = Σ w·point
// with w ≥ 0, Σ w = 1, valid indices), u_i·y_i ≥ u_i·x_i for every agent and > for one.
#include "verify/pseudo_market_efficiency.h"

#include <cstddef>

namespace equilab::verify {

using namespace pseudo_market;

namespace {

std::string txt(const Rational& r) { return equilab::to_string(r); }

enum class Sense { Ceiling, Equality, Floor };

std::vector<Sense> senses(const EquilibriumInstance& in) {
  std::vector<Sense> out;
  for (const auto& rows : in.individual)
    for (const LinearRow& r : rows) out.push_back(r.equality ? Sense::Equality : Sense::Ceiling);
  for (const LinearRow& r : in.priced) out.push_back(r.equality ? Sense::Equality : Sense::Ceiling);
  for (const LinearRow& r : in.floors) out.push_back(r.equality ? Sense::Equality : Sense::Floor);
  return out;
}

Rational dot(const LinearRow& row, const std::vector<Rational>& x) {
  Rational s = 0;
  for (const auto& [c, a] : row.coef) s += a * x[c];
  return s;
}

std::vector<Rational> agent_utilities(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  std::vector<Rational> u(in.num_agents(), Rational(0));
  for (int i = 0; i < in.num_agents(); ++i)
    for (int l = 0; l < in.num_objects(); ++l) u[i] += in.agents[i].utility[l] * x[in.cell(i, l)];
  return u;
}

std::string cell_text(const EquilibriumInstance& in, int c) {
  const int L = in.num_objects();
  return "agent \"" + in.agents[c / L].name + "\", object \"" + in.objects[c % L].name + "\"";
}

// Does `point` (values per cell) satisfy the row? Adds a failure naming `what` and the row if not.
void check_rows(const EquilibriumInstance& in, const std::vector<Rational>& point, const std::string& what,
                Verdict& v) {
  const std::vector<LinearRow> rows = efficiency_rows(in);
  const std::vector<Sense> sense = senses(in);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Rational s = dot(rows[r], point);
    if (sense[r] == Sense::Ceiling && s > rows[r].rhs)
      v.fail(what + " breaks the row \"" + rows[r].name + "\": " + txt(s) + " > " + txt(rows[r].rhs));
    else if (sense[r] == Sense::Floor && s < rows[r].rhs)
      v.fail(what + " breaks the floor \"" + rows[r].name + "\": " + txt(s) + " < " + txt(rows[r].rhs));
    else if (sense[r] == Sense::Equality && s != rows[r].rhs)
      v.fail(what + " breaks the equality \"" + rows[r].name + "\": " + txt(s) + " ≠ " + txt(rows[r].rhs));
  }
}

void check_row_duals(const EquilibriumInstance& in, const Equilibrium& eq, const EfficiencyCertificate& e,
                     const std::string& who, Verdict& v) {
  const int L = in.num_objects(), nc = in.num_cells();
  const std::vector<LinearRow> rows = efficiency_rows(in);
  const std::vector<Sense> sense = senses(in);
  if (e.row_duals.size() != rows.size()) {
    v.fail(who + ": " + std::to_string(e.row_duals.size()) + " row duals for the " +
           std::to_string(rows.size()) + " rows of C");
    return;
  }
  check_rows(in, eq.x, who + ": the assignment", v);
  std::vector<Rational> column(nc, Rational(0));  // Σ_r π_r a^r_c
  Rational dual_value = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Rational& pi = e.row_duals[r];
    const std::string row = "\"" + rows[r].name + "\"";
    if (sense[r] == Sense::Ceiling && pi < 0)
      v.fail(who + ": the dual of the row " + row + " is negative (" + txt(pi) + ")");
    if (sense[r] == Sense::Floor && pi > 0)
      v.fail(who + ": the dual of the floor " + row + " is positive (" + txt(pi) +
             "); floors take duals ≤ 0");
    if (pi != 0 && dot(rows[r], eq.x) != rows[r].rhs)
      v.fail(who + ": the row " + row + " has dual " + txt(pi) + " ≠ 0 but is slack at the assignment");
    for (const auto& [c, a] : rows[r].coef) column[c] += pi * a;
    dual_value += pi * rows[r].rhs;
  }
  Rational primal_value = 0;
  for (int c = 0; c < nc; ++c) {
    const Rational target = e.weights[c / L] * in.agents[c / L].utility[c % L];
    primal_value += target * eq.x[c];
    if (column[c] < target)
      v.fail(who + ": at " + cell_text(in, c) + " Σ π a = " + txt(column[c]) + " < θ u = " + txt(target));
    else if (eq.x[c] > 0 && column[c] != target)
      v.fail(who + ": " + cell_text(in, c) + " is held but Σ π a = " + txt(column[c]) +
             " ≠ θ u = " + txt(target));
  }
  if (primal_value != dual_value)
    v.fail(who + ": duality gap: Σ θ u·x = " + txt(primal_value) + " but Σ π b = " + txt(dual_value));
}

void check_hull_weights(const EquilibriumInstance& in, const Equilibrium& eq, const EfficiencyCertificate& e,
                        const std::string& who, Verdict& v) {
  const int L = in.num_objects(), nc = in.num_cells();
  const std::vector<Rational> ux = agent_utilities(in, eq.x);
  Rational at_x = 0;
  for (int i = 0; i < in.num_agents(); ++i) at_x += e.weights[i] * ux[i];
  int reported = 0;
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    Rational at_y = 0;
    for (int c : in.hull[k])
      if (c >= 0 && c < nc) at_y += e.weights[c / L] * in.agents[c / L].utility[c % L];
    if (at_y > at_x && reported++ < 5)
      v.fail(who + ": hull point " + std::to_string(k + 1) + " gives Σ θ u·y = " + txt(at_y) +
             " > Σ θ u·x = " + txt(at_x));
  }
  if (reported > 5)
    v.fail(who + ": " + std::to_string(reported - 5) + " more hull points beat the assignment");
}

void check_improvement(const EquilibriumInstance& in, const Equilibrium& eq, const EfficiencyCertificate& e,
                       const std::string& who, Verdict& v) {
  const int n = in.num_agents(), nc = in.num_cells();
  if (!e.weights.empty() || !e.row_duals.empty())
    v.fail(who + ": a not-efficient claim carries weights or row duals");
  if (e.improvement.size() != static_cast<std::size_t>(nc)) {
    v.fail(who + ": the improvement has " + std::to_string(e.improvement.size()) + " cells, not " +
           std::to_string(nc));
    return;
  }
  const std::vector<Rational>& y = e.improvement;
  for (int c = 0; c < nc; ++c)
    if (y[c] < 0)
      v.fail(who + ": the improvement is negative at " + cell_text(in, c) + " (" + txt(y[c]) + ")");
  check_rows(in, y, who + ": the improvement", v);
  if (in.has_hull()) {
    if (e.improvement_lottery.empty()) v.fail(who + ": the improvement needs a lottery over the hull points");
    std::vector<Rational> marginal(nc, Rational(0));
    Rational total = 0;
    bool indices_ok = true;
    for (const auto& [k, w] : e.improvement_lottery) {
      if (k < 0 || k >= static_cast<int>(in.hull.size())) {
        v.fail(who + ": the improvement lottery names hull point " + std::to_string(k) + ", not one of the " +
               std::to_string(in.hull.size()));
        indices_ok = false;
        continue;
      }
      if (w < 0) v.fail(who + ": hull point " + std::to_string(k + 1) + " has negative weight " + txt(w));
      total += w;
      for (int c : in.hull[k]) marginal[c] += w;
    }
    if (total != 1) v.fail(who + ": the improvement lottery's weights sum to " + txt(total) + ", not 1");
    if (indices_ok)
      for (int c = 0; c < nc; ++c)
        if (marginal[c] != y[c])
          v.fail(who + ": the improvement lottery gives " + cell_text(in, c) + " " + txt(marginal[c]) +
                 ", the improvement " + txt(y[c]));
  } else if (!e.improvement_lottery.empty()) {
    v.fail(who + ": an improvement lottery without hull points");
  }
  const std::vector<Rational> ux = agent_utilities(in, eq.x), uy = agent_utilities(in, y);
  bool strict = false;
  for (int i = 0; i < n; ++i) {
    if (uy[i] < ux[i])
      v.fail(who + ": the improvement makes agent \"" + in.agents[i].name + "\" worse off (" + txt(uy[i]) +
             " < " + txt(ux[i]) + ")");
    strict = strict || uy[i] > ux[i];
  }
  if (!strict) v.fail(who + ": the improvement makes no agent strictly better off");
}

}  // namespace

void check_efficiency(const EquilibriumInstance& in, const Equilibrium& eq, const std::string& label,
                      Verdict& v) {
  if (!eq.efficiency) return;
  const EfficiencyCertificate& e = *eq.efficiency;
  const std::string who = label + ": efficiency";
  const int n = in.num_agents();
  if (eq.x.size() != static_cast<std::size_t>(in.num_cells())) {
    v.fail(who + ": the assignment has the wrong size");
    return;
  }
  if (!e.efficient) {
    check_improvement(in, eq, e, who, v);
    return;
  }
  if (!e.improvement.empty() || !e.improvement_lottery.empty())
    v.fail(who + ": an efficient claim carries an improvement");
  if (e.weights.size() != static_cast<std::size_t>(n)) {
    v.fail(who + ": " + std::to_string(e.weights.size()) + " weights for " + std::to_string(n) + " agents");
    return;
  }
  for (int i = 0; i < n; ++i)
    if (e.weights[i] < 1)
      v.fail(who + ": the weight of agent \"" + in.agents[i].name + "\" is " + txt(e.weights[i]) + " < 1");
  if (in.has_hull() && e.row_duals.empty())
    check_hull_weights(in, eq, e, who, v);
  else
    check_row_duals(in, eq, e, who, v);
}

}  // namespace equilab::verify
