// price-certify and support-enum for the pseudo_market `equilibrium` task, kind `assignment`
// (EMZ 2022 §2.7 conditions (1)–(3), §7.1 α-slack budgets). Exact rationals throughout; every LP is
// the project's exact simplex.
//
// support-enum (issue 10, "Methods" 1). Faces: every set K ⊆ Ω* of rows allowed a positive price,
// prices p_c = θ_c ≥ 0 on K, 0 elsewhere (α = 0: Σ θ = 1; K = ∅ is p = 0). Pattern: per agent i the
// support S_i, whether λ_i > 0, and the set T_i of individual rows allowed a positive multiplier.
// With t_i = 1/λ_i and m_ik = μ_ik/λ_i the KKT conditions of agent i's budget problem become
//   t_i u_il − p_il(θ) − Σ_{k∈T_i} m_ik g_kl ≤ 0, with equality on S_i          (λ_i > 0)
//   u_il − Σ_{k∈T_i} μ_ik g_kl ≤ 0, with equality on S_i                          (λ_i = 0)
// — linear in (θ, t, m). Agents are combined depth first; a node survives if this dual system is
// feasible (exact LP) and, for λ_i > 0, admits t_i > 0. At a full pattern the projection P of the
// dual system on θ is computed (its affine hull, by exact LPs):
//   dim P = 0: p is pinned; price-certify at p decides every x at once.
//   dim P = 1: p(s) = p0 + s·pd on a segment or ray. Each agent's x_i is solved from its pattern
//     equalities (tight rows of T_i, and the budget p_i(s)·x_i = β_i(s) when λ_i > 0) by Cramer's
//     rule; since only the budget row depends on s and is affine in s, numerators and the
//     denominator are affine in s (multilinearity of the determinant in that row). Clearing (rows
//     with a positive price, allocate_all) and the unused pattern equalities give polynomials in s;
//     the inequalities (x ≥ 0, slack individual rows, λ_i = 0 budgets, slack priced rows) give
//     polynomials whose sign must be ≥ 0. Rational roots of the gcd of the equalities are
//     price-certified; irrational roots are isolated (Sturm) and the inequalities' signs decided
//     at the root exactly (`irrational`); if every equality vanishes identically the pattern holds
//     on the s-intervals where the inequalities do (a family, certified at its rational ends and at
//     a sample in every open piece). The segment's ends and the zeros of the (affine)
//     denominators are rational and price-certified. If some x_i is not determined by its pattern
//     (a face of optima along the segment), the pattern is `undecided`.
//   dim P = 2: p(s1, s2); x_i(s) = N_i/D_i with N_i, D_i affine in s; the clearing equations,
//     with the D_i factors divided out, either contain an affine one (the solutions lie on a line:
//     P ∩ line goes to the one-parameter analysis), or two of them have a non-zero resultant in
//     s2 (finitely many candidates: rational ones are price-certified, irrational ones leave the
//     pattern undecided), or they describe a curve (undecided). The lines D_i = 0 meeting P are
//     analysed as segments too (see two_dimensional).
//   dim P ≥ 3: `undecided`.
// Completeness: every equilibrium (x, p) has a face (K ⊇ the rows with p_c > 0) and a pattern
// (S_i = supp x_i, T_i = the rows with μ_ik > 0, λ_i > 0 or not) whose dual system p satisfies, so
// when every pattern is decided and no equilibrium is found the answer `none` is proved (up to the
// correctness of this code; the `none` claim has no certificate).
#include "pseudo_market/equilibrium.h"
#include "core/deadline.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "lp/exact_simplex.h"
#include "pseudo_market/equilibrium_kinds.h"
#include "pseudo_market/model.h"

namespace equilab::pseudo_market {

const char* to_string(EqStatus status) {
  switch (status) {
    case EqStatus::Exact:
      return "exact";
    case EqStatus::Irrational:
      return "irrational";
    case EqStatus::Approximate:
      return "approximate";
    case EqStatus::None:
      return "none";
    case EqStatus::Undecided:
      return "undecided";
    case EqStatus::Infeasible:
      return "not_equilibrium_price";
  }
  return "?";
}

int EquilibriumInstance::priced_index(const std::string& row_name) const {
  for (int c = 0; c < static_cast<int>(priced.size()); ++c)
    if (priced[c].name == row_name) return c;
  return -1;
}

std::vector<Rational> EquilibriumInstance::personal_prices(const std::vector<Rational>& prices) const {
  std::vector<Rational> pp(num_cells(), Rational(0));
  for (std::size_t c = 0; c < priced.size(); ++c) {
    if (prices[c] == 0) continue;
    for (const auto& [cell, a] : priced[c].coef) pp[cell] += a * prices[c];
  }
  return pp;
}

std::vector<Rational> EquilibriumInstance::budgets(const std::vector<Rational>& prices) const {
  const std::vector<Rational> pp = personal_prices(prices);
  std::vector<Rational> b(num_agents());
  for (int i = 0; i < num_agents(); ++i) {
    Rational value = 0;
    for (int l = 0; l < num_objects(); ++l) value += pp[cell(i, l)] * agents[i].endowment[l];
    b[i] = alpha * agents[i].budget + (1 - alpha) * value;
  }
  return b;
}

void finish_equilibrium(EquilibriumInstance& in) {
  const int n = in.num_agents(), L = in.num_objects();
  in.priced.clear();
  in.individual.assign(n, {});
  for (int l = 0; l < L; ++l) {
    LinearRow row{"supply:" + in.objects[l].name, {}, in.objects[l].supply, in.allocate_all};
    for (int i = 0; i < n; ++i) row.coef.emplace_back(in.cell(i, l), Rational(1));
    in.priced.push_back(std::move(row));
  }
  for (int i = 0; i < n; ++i) {
    LinearRow row{"unit:" + in.agents[i].name, {}, Rational(1), false};
    for (int l = 0; l < L; ++l) row.coef.emplace_back(in.cell(i, l), Rational(1));
    in.individual[i].push_back(std::move(row));
  }
  for (const auto& u : in.user) {
    std::set<int> owners;
    for (const auto& [c, a] : u.row.coef) owners.insert(c / L);
    if (owners.size() == 1)
      in.individual[*owners.begin()].push_back(u.row);
    else
      in.priced.push_back(u.row);
  }
  in.floors.clear();
  if (!in.regions.empty()) add_region_rows(in);
  // A row a·x ≤ 0 (a ≥ 0) forbids its cells: EMZ §2.5 collects those in (a⁰, 0) and keeps them out
  // of Ω*, as restrictions of the consumption sets. Priced, such a row admits no equilibrium as
  // soon as an agent values one of its cells (any finite price leaves that agent a cheap positive
  // amount), so it becomes one individual row per agent, "<row>@<agent>".
  std::vector<LinearRow> kept;
  for (LinearRow& row : in.priced) {
    if (row.rhs != 0) {
      kept.push_back(std::move(row));
      continue;
    }
    std::map<int, LinearRow> per_agent;
    for (const auto& [c, a] : row.coef) {
      LinearRow& r = per_agent[c / L];
      r.name = row.name + "@" + in.agents[c / L].name;
      r.coef.emplace_back(c, a);
    }
    for (auto& [i, r] : per_agent) in.individual[i].push_back(std::move(r));
  }
  in.priced = std::move(kept);
}

namespace {

lp::Solution<Rational> solve_lp(const lp::LpModel& model) { return lp::simplex_solve<Rational>(model); }

}  // namespace

Rational agent_value(const EquilibriumInstance& in, int i, const std::vector<Rational>& personal,
                     const Rational& budget, AgentCertificate* certificate) {
  const int L = in.num_objects();
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int l = 0; l < L; ++l) {
    m.variables.push_back(lp::Variable{"x" + std::to_string(l), Rational(0), std::nullopt});
    m.objective.push_back(in.agents[i].utility[l]);
  }
  lp::Constraint b{"budget", {}, lp::RowOp::LessEqual, budget};
  for (int l = 0; l < L; ++l) b.coef.emplace_back(l, personal[in.cell(i, l)]);
  m.constraints.push_back(std::move(b));
  for (const LinearRow& row : in.individual[i]) {
    lp::Constraint r{row.name, {}, lp::RowOp::LessEqual, row.rhs};
    for (const auto& [c, a] : row.coef) r.coef.emplace_back(c - i * L, a);
    m.constraints.push_back(std::move(r));
  }
  lp::normalize_rows(m);
  const lp::Solution<Rational> sol = solve_lp(m);
  if (sol.status != lp::Status::Optimal)  // X_i is a non-empty polytope containing 0: never happens
    throw std::logic_error("agent budget problem not optimal");
  if (certificate) {
    certificate->lambda = sol.dual[0];
    certificate->mu.assign(sol.dual.begin() + 1, sol.dual.end());
  }
  return sol.objective;
}

Equilibrium with_agent_values(const EquilibriumInstance& in, const std::vector<Rational>& prices,
                              std::vector<Rational>& values) {
  const std::vector<Rational> pp = in.personal_prices(prices), beta = in.budgets(prices);
  Equilibrium eq;
  eq.prices = prices;
  eq.agents.resize(in.num_agents());
  values.assign(in.num_agents(), Rational(0));
  for (int i = 0; i < in.num_agents(); ++i) values[i] = agent_value(in, i, pp, beta[i], &eq.agents[i]);
  return eq;
}

std::optional<Equilibrium> price_certify(const EquilibriumInstance& in, const std::vector<Rational>& prices) {
  const int n = in.num_agents(), L = in.num_objects();
  for (const Rational& p : prices)
    if (p < 0) return std::nullopt;
  const std::vector<Rational> pp = in.personal_prices(prices), beta = in.budgets(prices);
  std::vector<Rational> value;
  Equilibrium eq = with_agent_values(in, prices, value);
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int c = 0; c < in.num_cells(); ++c) {
    m.variables.push_back(lp::Variable{"x" + std::to_string(c), Rational(0), std::nullopt});
    m.objective.push_back(0);
  }
  for (int i = 0; i < n; ++i) {
    lp::Constraint v{"value", {}, lp::RowOp::GreaterEqual, value[i]};
    lp::Constraint b{"budget", {}, lp::RowOp::LessEqual, beta[i]};
    for (int l = 0; l < L; ++l) {
      v.coef.emplace_back(in.cell(i, l), in.agents[i].utility[l]);
      b.coef.emplace_back(in.cell(i, l), pp[in.cell(i, l)]);
    }
    m.constraints.push_back(std::move(v));
    m.constraints.push_back(std::move(b));
    for (const LinearRow& row : in.individual[i])
      m.constraints.push_back(lp::Constraint{row.name, row.coef, lp::RowOp::LessEqual, row.rhs});
  }
  for (std::size_t c = 0; c < in.priced.size(); ++c) {
    const LinearRow& row = in.priced[c];
    const bool tight = row.equality || prices[c] > 0;  // (2), and (3): p_c > 0 ⇒ tight
    m.constraints.push_back(
        lp::Constraint{row.name, row.coef, tight ? lp::RowOp::Equal : lp::RowOp::LessEqual, row.rhs});
  }
  for (const LinearRow& row : in.floors)
    m.constraints.push_back(lp::Constraint{row.name, row.coef, lp::RowOp::GreaterEqual, row.rhs});
  const int w0 = add_hull_lottery(in, m);
  lp::normalize_rows(m);
  const lp::Solution<Rational> sol = solve_lp(m);
  if (sol.status != lp::Status::Optimal) return std::nullopt;
  eq.x.assign(sol.primal.begin(), sol.primal.begin() + in.num_cells());
  eq.lottery = hull_lottery(in, sol.primal, w0);
  return eq;
}

std::vector<std::string> existence_hypotheses_unmet(const EquilibriumInstance& in) {
  // Theorem 1 covers any polytope C, so roommates too (α = 1); the bundle economy of the slides is a
  // different model (existence there needs M♮-concave utilities, not checked here).
  if (in.kind == "bundles") return {"EMZ's existence theorems do not cover the bundle economy"};
  if (in.alpha == 0) return {"alpha = 0 (Walrasian): EMZ Theorems 1 and 2 need alpha > 0"};
  std::vector<std::string> unmet;
  {  // C must be non-empty (an exact LP over its rows, floors and hull)
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    for (int c = 0; c < in.num_cells(); ++c) {
      m.variables.push_back(lp::Variable{"x", Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    for (const auto& rows : in.individual)
      for (const LinearRow& row : rows) m.constraints.push_back({row.name, row.coef, lp::RowOp::LessEqual, row.rhs});
    for (const LinearRow& row : in.priced)
      m.constraints.push_back(
          {row.name, row.coef, row.equality ? lp::RowOp::Equal : lp::RowOp::LessEqual, row.rhs});
    for (const LinearRow& row : in.floors)
      m.constraints.push_back({row.name, row.coef, lp::RowOp::GreaterEqual, row.rhs});
    add_hull_lottery(in, m);
    lp::normalize_rows(m);
    if (solve_lp(m).status == lp::Status::Infeasible) return {"C is empty: no assignment meets every constraint"};
  }
  // allocate_all's lcs(C) is the ceiling system by Birkhoff only without further constraints
  if (in.allocate_all && in.priced.size() > static_cast<std::size_t>(in.num_objects()))
    unmet.push_back(
        "allocate_all with constraints touching several agents: the priced rows are not known to describe "
        "lcs(C) (EMZ Lemma 1)");
  const int L = in.num_objects();
  for (int i = 0; i < in.num_agents(); ++i)
    for (int l = 0; l < L; ++l) {
      if (in.agents[i].utility[l] > 0) continue;
      // a cell X_i forbids (an individual row with right-hand side 0 covering it) does not count
      bool forbidden = false;
      for (const LinearRow& row : in.individual[i])
        if (row.rhs == 0)
          for (const auto& [c, a] : row.coef) forbidden = forbidden || c == in.cell(i, l);
      if (!forbidden) {
        unmet.push_back("utility of agent \"" + in.agents[i].name + "\" for \"" + in.objects[l].name +
                        "\" is not positive (strictly increasing utilities)");
        break;
      }
    }
  if (in.alpha < 1) {
    std::vector<Rational> omega(in.num_cells());
    for (int i = 0; i < in.num_agents(); ++i)
      for (int l = 0; l < L; ++l) omega[in.cell(i, l)] = in.agents[i].endowment[l];
    auto value = [&](const LinearRow& row) {
      Rational v = 0;
      for (const auto& [c, a] : row.coef) v += a * omega[c];
      return v;
    };
    auto outside = [&](const LinearRow& row) {
      unmet.push_back("the endowment breaks \"" + row.name + "\" (EMZ §7.1 requires ω ∈ C)");
    };
    for (const auto& rows : in.individual)
      for (const LinearRow& row : rows)
        if (value(row) > row.rhs) outside(row);
    for (const LinearRow& row : in.priced) {
      const Rational v = value(row);
      if (v > row.rhs || (row.equality && v != row.rhs)) outside(row);
      Rational covered = 0;
      for (const auto& [c, a] : row.coef) covered += omega[c];
      if (covered == 0)
        unmet.push_back("no endowment in the cells of \"" + row.name + "\" (EMZ §7.2's assumption)");
    }
    for (const LinearRow& row : in.floors)
      if (value(row) < row.rhs) outside(row);
  }
  return unmet;
}

int add_hull_lottery(const EquilibriumInstance& in, lp::LpModel& m) {
  if (!in.has_hull()) return -1;
  const int w0 = m.num_vars();
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    m.variables.push_back(lp::Variable{"w" + std::to_string(k), Rational(0), std::nullopt});
    m.objective.push_back(0);
  }
  // x_c = Σ_y w_y·y_c for every cell; Σ_y w_y = 1
  std::vector<lp::Constraint> rows(in.num_cells());
  for (int c = 0; c < in.num_cells(); ++c) {
    rows[c] = lp::Constraint{"lottery", {{c, Rational(-1)}}, lp::RowOp::Equal, Rational(0)};
  }
  lp::Constraint total{"lottery_total", {}, lp::RowOp::Equal, Rational(1)};
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    for (int c : in.hull[k]) rows[c].coef.emplace_back(w0 + static_cast<int>(k), Rational(1));
    total.coef.emplace_back(w0 + static_cast<int>(k), Rational(1));
  }
  for (auto& r : rows) m.constraints.push_back(std::move(r));
  m.constraints.push_back(std::move(total));
  return w0;
}

std::optional<std::vector<std::pair<int, Rational>>> lottery_for(const EquilibriumInstance& in,
                                                                 const std::vector<Rational>& x) {
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int c = 0; c < in.num_cells(); ++c) {
    m.variables.push_back(lp::Variable{"x", x[c], x[c]});
    m.objective.push_back(0);
  }
  const int w0 = add_hull_lottery(in, m);
  lp::normalize_rows(m);
  const lp::Solution<Rational> sol = solve_lp(m);
  if (sol.status != lp::Status::Optimal) return std::nullopt;
  return hull_lottery(in, sol.primal, w0);
}

std::vector<std::pair<int, Rational>> hull_lottery(const EquilibriumInstance& in, const std::vector<Rational>& primal,
                                                   int w0) {
  std::vector<std::pair<int, Rational>> out;
  if (w0 < 0) return out;
  for (std::size_t k = 0; k < in.hull.size(); ++k)
    if (primal[w0 + k] != 0) out.emplace_back(static_cast<int>(k), primal[w0 + k]);
  return out;
}

std::vector<std::pair<Rational, Rational>> demand_ranges(const EquilibriumInstance& in, int i,
                                                         const std::vector<Rational>& prices) {
  const int L = in.num_objects();
  const std::vector<Rational> pp = in.personal_prices(prices), beta = in.budgets(prices);
  const Rational v = agent_value(in, i, pp, beta[i]);
  std::vector<std::pair<Rational, Rational>> out;
  for (int l = 0; l < L; ++l) {
    Rational range[2];
    for (int side = 0; side < 2; ++side) {
      lp::LpModel m;
      m.sense = side == 0 ? lp::Sense::Minimize : lp::Sense::Maximize;
      for (int k = 0; k < L; ++k) {
        m.variables.push_back(lp::Variable{"x" + std::to_string(k), Rational(0), std::nullopt});
        m.objective.push_back(k == l ? 1 : 0);
      }
      lp::Constraint val{"value", {}, lp::RowOp::GreaterEqual, v},
          b{"budget", {}, lp::RowOp::LessEqual, beta[i]};
      for (int k = 0; k < L; ++k) {
        val.coef.emplace_back(k, in.agents[i].utility[k]);
        b.coef.emplace_back(k, pp[in.cell(i, k)]);
      }
      m.constraints.push_back(std::move(val));
      m.constraints.push_back(std::move(b));
      for (const LinearRow& row : in.individual[i]) {
        lp::Constraint r{row.name, {}, lp::RowOp::LessEqual, row.rhs};
        for (const auto& [c, a] : row.coef) r.coef.emplace_back(c - i * L, a);
        m.constraints.push_back(std::move(r));
      }
      lp::normalize_rows(m);
      const lp::Solution<Rational> sol = solve_lp(m);
      if (sol.status != lp::Status::Optimal) throw std::logic_error("demand range LP not optimal");
      range[side] = sol.objective;
    }
    out.emplace_back(range[0], range[1]);
  }
  return out;
}

namespace {

// ---------------------------------------------------------------- exact linear algebra helpers

using Matrix = std::vector<std::vector<Rational>>;

Rational determinant(Matrix a) {
  const int n = static_cast<int>(a.size());
  Rational det = 1;
  for (int col = 0; col < n; ++col) {
    int piv = -1;
    for (int r = col; r < n && piv < 0; ++r)
      if (a[r][col] != 0) piv = r;
    if (piv < 0) return 0;
    if (piv != col) {
      std::swap(a[piv], a[col]);
      det = -det;
    }
    det *= a[col][col];
    for (int r = col + 1; r < n; ++r) {
      if (a[r][col] == 0) continue;
      const Rational f = a[r][col] / a[col][col];
      for (int k = col; k < n; ++k) a[r][k] -= f * a[col][k];
    }
  }
  return det;
}

// Indices of a maximal linearly independent subset of the rows (greedy, in order).
std::vector<int> independent_rows(const Matrix& rows, int width) {
  std::vector<std::vector<Rational>> basis;  // reduced rows
  std::vector<int> pivots, chosen;
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    std::vector<Rational> v = rows[r];
    for (std::size_t b = 0; b < basis.size(); ++b) {
      if (v[pivots[b]] == 0) continue;
      const Rational f = v[pivots[b]] / basis[b][pivots[b]];
      for (int k = 0; k < width; ++k) v[k] -= f * basis[b][k];
    }
    int p = -1;
    for (int k = 0; k < width && p < 0; ++k)
      if (v[k] != 0) p = k;
    if (p < 0) continue;
    basis.push_back(std::move(v));
    pivots.push_back(p);
    chosen.push_back(r);
  }
  return chosen;
}

// A basis of {w : v·w = 0 for every v in rows}.
std::vector<std::vector<Rational>> nullspace(const Matrix& rows, int width) {
  Matrix a = rows;
  std::vector<int> pivot_col;
  int r = 0;
  for (int col = 0; col < width && r < static_cast<int>(a.size()); ++col) {
    int piv = -1;
    for (int k = r; k < static_cast<int>(a.size()) && piv < 0; ++k)
      if (a[k][col] != 0) piv = k;
    if (piv < 0) continue;
    std::swap(a[piv], a[r]);
    const Rational d = a[r][col];
    for (Rational& v : a[r]) v /= d;
    for (int k = 0; k < static_cast<int>(a.size()); ++k) {
      if (k == r || a[k][col] == 0) continue;
      const Rational f = a[k][col];
      for (int j = 0; j < width; ++j) a[k][j] -= f * a[r][j];
    }
    pivot_col.push_back(col);
    ++r;
  }
  std::vector<std::vector<Rational>> out;
  for (int free = 0; free < width; ++free) {
    if (std::find(pivot_col.begin(), pivot_col.end(), free) != pivot_col.end()) continue;
    std::vector<Rational> w(width, Rational(0));
    w[free] = 1;
    for (std::size_t k = 0; k < pivot_col.size(); ++k) w[pivot_col[k]] = -a[k][free];
    out.push_back(std::move(w));
  }
  return out;
}

// ---------------------------------------------------------------- bivariate polynomials
// For two-parameter price sets p(s1, s2) = p0 + s1·d1 + s2·d2: c[k] is the coefficient of s2^k, a
// polynomial in s1. Only what the two-parameter patterns need: ring operations, exact division by
// an affine factor, substitution of s1, and the resultant in s2.
struct BiPoly {
  std::vector<Poly> c;

  static BiPoly affine(const Rational& a0, const Rational& a1, const Rational& a2) {
    BiPoly b;
    b.c = {Poly::affine(a0, a1), Poly::constant(a2)};
    b.trim();
    return b;
  }
  void trim() {
    while (!c.empty() && c.back().is_zero()) c.pop_back();
  }
  bool is_zero() const { return c.empty(); }
  int total_degree() const {
    int d = -1;
    for (std::size_t k = 0; k < c.size(); ++k)
      if (!c[k].is_zero()) d = std::max(d, static_cast<int>(k) + c[k].degree());
    return d;
  }
  // the polynomial in s2 at s1 = r
  Poly at_s1(const Rational& r) const {
    std::vector<Rational> v;
    for (const Poly& q : c) v.push_back(q.eval(r));
    return Poly(std::move(v));
  }
  Rational coefficient(int i1, int i2) const {  // of s1^i1 s2^i2
    if (i2 >= static_cast<int>(c.size()) || i1 > c[i2].degree()) return 0;
    return c[i2].c[i1];
  }
};

BiPoly operator+(const BiPoly& a, const BiPoly& b) {
  BiPoly r;
  r.c.resize(std::max(a.c.size(), b.c.size()));
  for (std::size_t k = 0; k < r.c.size(); ++k) {
    if (k < a.c.size()) r.c[k] = r.c[k] + a.c[k];
    if (k < b.c.size()) r.c[k] = r.c[k] + b.c[k];
  }
  r.trim();
  return r;
}
BiPoly operator*(const Rational& s, const BiPoly& a) {
  BiPoly r = a;
  for (Poly& q : r.c) q = s * q;
  r.trim();
  return r;
}
BiPoly operator*(const BiPoly& a, const BiPoly& b) {
  BiPoly r;
  if (a.is_zero() || b.is_zero()) return r;
  r.c.resize(a.c.size() + b.c.size() - 1);
  for (std::size_t i = 0; i < a.c.size(); ++i)
    for (std::size_t j = 0; j < b.c.size(); ++j) r.c[i + j] = r.c[i + j] + a.c[i] * b.c[j];
  r.trim();
  return r;
}

// a / f when the affine f = f0 + f1·s1 + f2·s2 (not constant) divides a exactly, else nullopt.
std::optional<BiPoly> divide_affine(const BiPoly& a, const BiPoly& f) {
  if (a.is_zero()) return a;
  const Rational f2 = f.coefficient(0, 1);
  BiPoly q;
  if (f2 == 0) {  // f = f(s1): divide every coefficient
    const Poly g = f.c.empty() ? Poly() : f.c[0];
    for (const Poly& ak : a.c) {
      Poly quo, rem;
      divmod(ak, g, quo, rem);
      if (!rem.is_zero()) return std::nullopt;
      q.c.push_back(quo);
    }
    q.trim();
    return q;
  }
  // synthetic division in s2 by f2·s2 + g(s1), g = f0 + f1·s1: top coefficients first
  const Poly g = f.c[0];
  std::vector<Poly> rem = a.c;
  const int n = static_cast<int>(rem.size()) - 1;
  q.c.assign(std::max(n, 0), Poly());
  for (int k = n; k >= 1; --k) {
    const Poly t = (Rational(1) / f2) * rem[k];  // coefficient of s2^(k−1) in q
    q.c[k - 1] = t;
    rem[k] = Poly();
    rem[k - 1] = rem[k - 1] - g * t;
  }
  if (!rem[0].is_zero()) return std::nullopt;
  q.trim();
  return q;
}

// Exact division of polynomials known to divide (Bareiss); throws if not.
Poly exact_quotient(const Poly& a, const Poly& b) {
  Poly q, r;
  divmod(a, b, q, r);
  if (!r.is_zero()) throw std::logic_error("Bareiss division not exact");
  return q;
}

// Res_{s2}(a, b) as a polynomial in s1: the Sylvester determinant, fraction-free (Bareiss).
Poly resultant_s2(const BiPoly& a, const BiPoly& b) {
  const int m = static_cast<int>(a.c.size()) - 1, n = static_cast<int>(b.c.size()) - 1;
  if (m < 0 || n < 0) return Poly();
  if (m == 0) {  // a constant in s2: Res = a^n
    Poly r = Poly::constant(1);
    for (int k = 0; k < n; ++k) r = r * a.c[0];
    return r;
  }
  if (n == 0) {
    Poly r = Poly::constant(1);
    for (int k = 0; k < m; ++k) r = r * b.c[0];
    return r;
  }
  const int size = m + n;
  std::vector<std::vector<Poly>> M(size, std::vector<Poly>(size));
  for (int r = 0; r < n; ++r)
    for (int k = 0; k <= m; ++k) M[r][r + k] = a.c[m - k];
  for (int r = 0; r < m; ++r)
    for (int k = 0; k <= n; ++k) M[n + r][r + k] = b.c[n - k];
  Poly prev = Poly::constant(1);
  int sign = 1;
  for (int col = 0; col < size - 1; ++col) {
    int piv = col;
    while (piv < size && M[piv][col].is_zero()) ++piv;
    if (piv == size) return Poly();
    if (piv != col) {
      std::swap(M[piv], M[col]);
      sign = -sign;
    }
    for (int r = col + 1; r < size; ++r) {
      for (int k = col + 1; k < size; ++k)
        M[r][k] = exact_quotient(M[col][col] * M[r][k] - M[r][col] * M[col][k], prev);
      M[r][col] = Poly();
    }
    prev = M[col][col];
  }
  return Rational(sign) * M[size - 1][size - 1];
}

// An open interval containing every real root of p ≠ 0 (Cauchy's bound).
Rational root_bound(const Poly& p) {
  Rational m = 0;
  for (int k = 0; k < p.degree(); ++k) {
    Rational v = p.c[k] / p.lead();
    if (v < 0) v = -v;
    m = std::max(m, v);
  }
  return m + 1;
}

// ---------------------------------------------------------------- the search

struct AgentPattern {
  std::vector<int> support;  // S_i
  bool lambda_positive = false;
  std::vector<int> tight;  // T_i: indices into in.individual[i]
  std::string text(const EquilibriumInstance& in, int i) const {
    std::string s = in.agents[i].name + ":{";
    for (std::size_t k = 0; k < support.size(); ++k) s += (k ? "," : "") + in.objects[support[k]].name;
    s += lambda_positive ? "} λ>0" : "} λ=0";
    for (int k : tight) s += " " + in.individual[i][k].name;
    return s;
  }
};

class SupportEnum {
 public:
  SupportEnum(const EquilibriumInstance& in, const EquilibriumOptions& o, EquilibriumResult& r)
      : in_(in), options_(o), result_(r), n_(in.num_agents()), L_(in.num_objects()) {}

  void run() {
    const int P = static_cast<int>(in_.priced.size());
    if (P > 12)
      throw EnumerationLimit("support-enum enumerates the 2^" + std::to_string(P) +
                             " faces of the priced constraints (at most 12 constraints); use --method "
                             "tatonnement or price-certify");
    for (std::uint32_t mask = 0; mask < (std::uint32_t{1} << P); ++mask) {
      face_.clear();
      for (int c = 0; c < P; ++c)
        if (mask >> c & 1) face_.push_back(c);
      ++result_.faces;
      run_face();
    }
  }

 private:
  const EquilibriumInstance& in_;
  const EquilibriumOptions& options_;
  EquilibriumResult& result_;
  int n_, L_;
  std::vector<int> face_;             // K
  std::vector<AgentPattern> chosen_;  // patterns of agents 0..depth−1
  std::uint64_t nodes_ = 0;
  std::map<std::vector<Rational>, bool> certified_;  // price vector → equilibrium?

  void note_undecided(const std::string& why) {
    ++result_.undecided_count;
    if (result_.undecided.size() < 8) result_.undecided.push_back(why);
  }

  std::string pattern_text() const {
    std::string s = "face {";
    for (std::size_t k = 0; k < face_.size(); ++k) s += (k ? "," : "") + in_.priced[face_[k]].name;
    s += "}";
    for (int i = 0; i < static_cast<int>(chosen_.size()); ++i) s += "; " + chosen_[i].text(in_, i);
    return s;
  }

  // price-certify with a cache; records the equilibrium.
  bool certify(const std::vector<Rational>& prices) {
    auto it = certified_.find(prices);
    if (it != certified_.end()) return it->second;
    ++result_.certified_points;
    std::optional<Equilibrium> eq = price_certify(in_, prices);
    certified_[prices] = eq.has_value();
    if (eq) result_.equilibria.push_back(std::move(*eq));
    return certified_[prices];
  }

  // The per-agent candidate patterns for the current face.
  std::vector<AgentPattern> agent_patterns(int i) const {
    std::vector<AgentPattern> out;
    const int R = static_cast<int>(in_.individual[i].size());
    for (std::uint32_t s = 0; s < (std::uint32_t{1} << L_); ++s)
      for (int lam = 1; lam >= 0; --lam)
        for (std::uint32_t t = 0; t < (std::uint32_t{1} << R); ++t) {
          AgentPattern p;
          for (int l = 0; l < L_; ++l)
            if (s >> l & 1) p.support.push_back(l);
          p.lambda_positive = lam == 1;
          for (int k = 0; k < R; ++k)
            if (t >> k & 1) p.tight.push_back(k);
          // λ_i > 0 binds the budget; with S_i = ∅ that needs β_i = 0, impossible when α > 0
          if (p.lambda_positive && p.support.empty() && in_.alpha > 0) continue;
          if (primal_possible(i, p)) out.push_back(std::move(p));
        }
    return out;
  }

  // x_i ≥ 0 on S_i (0 elsewhere) with the rows of T_i tight and the others holding (budget ignored).
  bool primal_possible(int i, const AgentPattern& p) const {
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    const int k = static_cast<int>(p.support.size());
    for (int j = 0; j < k; ++j) {
      m.variables.push_back(lp::Variable{"x", Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    for (int r = 0; r < static_cast<int>(in_.individual[i].size()); ++r) {
      const LinearRow& row = in_.individual[i][r];
      const bool tight = std::find(p.tight.begin(), p.tight.end(), r) != p.tight.end();
      lp::Constraint c{row.name, {}, tight ? lp::RowOp::Equal : lp::RowOp::LessEqual, row.rhs};
      for (const auto& [cell, a] : row.coef) {
        auto it = std::find(p.support.begin(), p.support.end(), cell - i * L_);
        if (it != p.support.end()) c.coef.emplace_back(static_cast<int>(it - p.support.begin()), a);
      }
      m.constraints.push_back(std::move(c));
    }
    lp::normalize_rows(m);
    return solve_lp(m).status == lp::Status::Optimal;
  }

  // The dual system of the chosen patterns: variables θ (one per row of K), then per agent t_i
  // (λ_i > 0 only) and the multipliers of T_i.
  struct DualModel {
    lp::LpModel model;
    std::vector<int> t_var;  // per chosen agent, −1 when λ_i = 0
  };

  DualModel dual_model() const {
    std::vector<std::pair<int, const AgentPattern*>> pats;
    for (int i = 0; i < static_cast<int>(chosen_.size()); ++i) pats.emplace_back(i, &chosen_[i]);
    return dual_model(pats);
  }

  DualModel dual_model(const std::vector<std::pair<int, const AgentPattern*>>& pats) const {
    DualModel d;
    lp::LpModel& m = d.model;
    m.sense = lp::Sense::Maximize;
    const int k = static_cast<int>(face_.size());
    for (int j = 0; j < k; ++j) {
      m.variables.push_back(lp::Variable{"theta", Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    if (in_.alpha == 0 && k > 0) {  // normalisation Σ_c p_c = 1
      lp::Constraint c{"normalise", {}, lp::RowOp::Equal, Rational(1)};
      for (int j = 0; j < k; ++j) c.coef.emplace_back(j, Rational(1));
      m.constraints.push_back(std::move(c));
    }
    for (const auto& [i, pat] : pats) {
      const AgentPattern& p = *pat;
      int t = -1;
      if (p.lambda_positive) {
        t = m.num_vars();
        m.variables.push_back(lp::Variable{"t", Rational(0), std::nullopt});
        m.objective.push_back(0);
      }
      d.t_var.push_back(t);
      const int mu0 = m.num_vars();
      for (std::size_t r = 0; r < p.tight.size(); ++r) {
        m.variables.push_back(lp::Variable{"m", Rational(0), std::nullopt});
        m.objective.push_back(0);
      }
      for (int l = 0; l < L_; ++l) {
        const int c = in_.cell(i, l);
        const bool in_support = std::find(p.support.begin(), p.support.end(), l) != p.support.end();
        lp::Constraint row{"reduced", {}, in_support ? lp::RowOp::Equal : lp::RowOp::LessEqual, Rational(0)};
        if (p.lambda_positive) {
          row.coef.emplace_back(t, in_.agents[i].utility[l]);
          for (int j = 0; j < k; ++j)
            for (const auto& [cell, a] : in_.priced[face_[j]].coef)
              if (cell == c) row.coef.emplace_back(j, -a);
        } else {
          row.rhs = -in_.agents[i].utility[l];
        }
        for (std::size_t r = 0; r < p.tight.size(); ++r)
          for (const auto& [cell, a] : in_.individual[i][p.tight[r]].coef)
            if (cell == c) row.coef.emplace_back(mu0 + static_cast<int>(r), -a);
        m.constraints.push_back(std::move(row));
      }
    }
    lp::normalize_rows(m);
    return d;
  }

  void run_face() {
    chosen_.clear();
    std::vector<std::vector<AgentPattern>> options(n_);
    for (int i = 0; i < n_; ++i) {
      // keep the patterns whose own dual system is feasible with t_i > 0 (necessary for any combination)
      for (AgentPattern& p : agent_patterns(i)) {
        DualModel d = dual_model({{i, &p}});
        if (solve_lp(d.model).status != lp::Status::Optimal) continue;
        if (d.t_var[0] >= 0) {
          d.model.objective.assign(d.model.num_vars(), Rational(0));
          d.model.objective[d.t_var[0]] = 1;
          const lp::Solution<Rational> s = solve_lp(d.model);
          if (s.status == lp::Status::Optimal && s.objective == 0) continue;
        }
        options[i].push_back(std::move(p));
      }
      if (options[i].empty()) return;
    }
    dfs(options, 0);
  }

  void dfs(const std::vector<std::vector<AgentPattern>>& options, int i) {
    check_deadline();
    if (++nodes_ > options_.max_enumeration)
      throw EnumerationLimit("support-enum visited more than " + std::to_string(options_.max_enumeration) +
                             " partial patterns; raise the limit with --max-enumeration");
    if (i > 0) {
      DualModel d = dual_model();
      if (solve_lp(d.model).status != lp::Status::Optimal) return;
      // λ_i > 0 must allow t_i > 0 (t_i = 1/λ_i); the feasible set is convex, so one LP per agent.
      const int t = d.t_var.back();
      if (t >= 0) {
        d.model.objective.assign(d.model.num_vars(), Rational(0));
        d.model.objective[t] = 1;
        const lp::Solution<Rational> s = solve_lp(d.model);
        if (s.status == lp::Status::Optimal && s.objective == 0) return;
      }
    }
    if (i == n_) {
      ++result_.patterns;
      leaf();
      return;
    }
    for (const AgentPattern& p : options[i]) {
      chosen_.push_back(p);
      dfs(options, i + 1);
      chosen_.pop_back();
    }
  }

  std::vector<Rational> prices_of(const std::vector<Rational>& theta) const {
    std::vector<Rational> p(in_.priced.size(), Rational(0));
    for (std::size_t j = 0; j < face_.size(); ++j) p[face_[j]] = theta[j];
    return p;
  }

  // Extreme of w·θ over the dual system: the θ part of an optimum, or of a ray when unbounded.
  struct Extreme {
    bool unbounded = false;
    Rational value;
    std::vector<Rational> theta;  // optimum point or ray direction
  };
  Extreme extreme(DualModel d, const std::vector<Rational>& w, bool maximise) const {
    const int k = static_cast<int>(face_.size());
    d.model.sense = maximise ? lp::Sense::Maximize : lp::Sense::Minimize;
    d.model.objective.assign(d.model.num_vars(), Rational(0));
    for (int j = 0; j < k; ++j) d.model.objective[j] = w[j];
    const lp::Solution<Rational> s = solve_lp(d.model);
    Extreme e;
    if (s.status == lp::Status::Unbounded) {
      e.unbounded = true;
      e.theta.assign(s.ray.begin(), s.ray.begin() + k);
    } else {
      e.value = s.objective;
      e.theta.assign(s.primal.begin(), s.primal.begin() + k);
    }
    return e;
  }

  // Necessary primal conditions of the full pattern, budgets aside: x ≥ 0 on the supports (0
  // elsewhere), the rows of T_i tight and the other individual rows holding, every row of K tight
  // (condition (3) inside the face), allocate_all equalities, the other priced rows holding, the
  // floors, and for hull kinds x a lottery over the hull points.
  bool clearing_possible() const {
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    std::vector<bool> on(in_.num_cells(), false);
    for (int i = 0; i < n_; ++i)
      for (int l : chosen_[i].support) on[in_.cell(i, l)] = true;
    for (int c = 0; c < in_.num_cells(); ++c) {
      m.variables.push_back(
          lp::Variable{"x", Rational(0), on[c] ? std::nullopt : std::optional<Rational>(Rational(0))});
      m.objective.push_back(0);
    }
    auto add = [&](const LinearRow& row, lp::RowOp op) {
      m.constraints.push_back(lp::Constraint{row.name, row.coef, op, row.rhs});
    };
    auto op_of = [](bool tight) { return tight ? lp::RowOp::Equal : lp::RowOp::LessEqual; };
    for (int i = 0; i < n_; ++i)
      for (int r = 0; r < static_cast<int>(in_.individual[i].size()); ++r)
        add(in_.individual[i][r],
            op_of(std::find(chosen_[i].tight.begin(), chosen_[i].tight.end(), r) != chosen_[i].tight.end()));
    for (int c = 0; c < static_cast<int>(in_.priced.size()); ++c)
      add(in_.priced[c],
          op_of(in_.priced[c].equality || std::find(face_.begin(), face_.end(), c) != face_.end()));
    for (const LinearRow& row : in_.floors) add(row, lp::RowOp::GreaterEqual);
    add_hull_lottery(in_, m);
    lp::normalize_rows(m);
    return solve_lp(m).status == lp::Status::Optimal;
  }

  void leaf() {
    const int k = static_cast<int>(face_.size());
    if (!clearing_possible()) return;
    {  // every λ_i > 0 must allow t_i > 0 in the joint system (convex: one LP per agent)
      DualModel d = dual_model();
      for (int t : d.t_var) {
        if (t < 0) continue;
        d.model.objective.assign(d.model.num_vars(), Rational(0));
        d.model.objective[t] = 1;
        const lp::Solution<Rational> s = solve_lp(d.model);
        if (s.status == lp::Status::Optimal && s.objective == 0) return;
      }
    }
    const DualModel d = dual_model();
    const lp::Solution<Rational> first = solve_lp(d.model);
    std::vector<Rational> p0(first.primal.begin(), first.primal.begin() + k);
    // affine hull of the projection on θ
    Matrix dirs;
    while (true) {
      bool grown = false;
      for (const auto& w : nullspace(dirs, k)) {
        Rational at0 = 0;
        for (int j = 0; j < k; ++j) at0 += w[j] * p0[j];
        for (int side = 0; side < 2 && !grown; ++side) {
          const Extreme e = extreme(d, w, side == 0);
          std::vector<Rational> dir(k);
          if (e.unbounded) {
            dir = e.theta;
          } else if (e.value != at0) {
            for (int j = 0; j < k; ++j) dir[j] = e.theta[j] - p0[j];
          } else {
            continue;
          }
          dirs.push_back(dir);
          grown = true;
        }
        if (grown) break;
      }
      if (!grown || dirs.size() >= 3) break;
    }
    if (dirs.empty()) {
      certify(prices_of(p0));
      return;
    }
    if (dirs.size() >= 3) {
      note_undecided(pattern_text() + ": the pattern's price set has dimension ≥ 3");
      return;
    }
    if (dirs.size() == 2) {
      two_dimensional(d, p0, dirs[0], dirs[1]);
      return;
    }
    // one dimension: the segment or ray along v
    const std::vector<Rational>& v = dirs[0];
    Extreme lo = extreme(d, v, false), hi = extreme(d, v, true);
    std::vector<Rational> base = lo.theta, step(k);
    std::optional<Rational> s_max;
    Rational vv = 0;
    for (int j = 0; j < k; ++j) vv += v[j] * v[j];
    if (lo.unbounded && hi.unbounded) {  // a whole line: impossible with θ ≥ 0, kept honest
      note_undecided(pattern_text() + ": the pattern's price set is a line");
      return;
    }
    if (lo.unbounded) {  // a ray towards −v: start at the maximum instead
      base = hi.theta;
      for (int j = 0; j < k; ++j) step[j] = -v[j] / vv;
    } else {
      for (int j = 0; j < k; ++j) step[j] = v[j] / vv;
      if (!hi.unbounded) s_max = hi.value - lo.value;
    }
    one_dimensional(prices_of(base), prices_of(step), s_max);
  }

  // ------------------------------------------------------------ the two-parameter pattern
  // p(s) = p0 + s1·d1 + s2·d2 (face coordinates) spans the pattern's price set P. Each agent's
  // x_i = N_i(s)/D_i(s) with N_i, D_i affine in s (Cramer's rule, multilinear in the budget row,
  // whose entries are affine in s); the pattern equalities and clearing of the priced rows are
  // polynomial equations E(s) = 0 (in units of Π D_i). Every equilibrium of the pattern with all
  // D_i ≠ 0 is a common root, so after dividing out the D_i factors:
  //   · an affine equation confines the solutions to a line: P ∩ line is a segment, handed to the
  //     one-parameter analysis (which decides it completely);
  //   · otherwise two equations with a non-zero resultant R(s1) = Res_{s2} leave finitely many
  //     candidates: for every rational root of R in the s1-range of P, the equations' gcd in s2
  //     gives the points (rational ones are price-certified; a vanishing gcd is the line s1 = r,
  //     handed on as above); irrational roots leave the pattern undecided;
  //   · no equation, or every resultant zero (a curve of solutions): undecided.
  // The lines D_i = 0 (agent i's formula breaks down) that meet P are handed on as lines too.
  struct Bi {
    BiPoly den;
    std::vector<BiPoly> num;         // per object
    std::vector<BiPoly> equalities;  // in units of den
  };

  // The bivariate affine polynomial whose restrictions to s2 = 0 and s1 = 0 are a1 and a2.
  static std::optional<BiPoly> join(const Poly& a1, const Poly& a2) {
    if (a1.degree() > 1 || a2.degree() > 1) return std::nullopt;
    const Rational c0 = a1.is_zero() ? Rational(0) : a1.c[0];
    const Rational c0b = a2.is_zero() ? Rational(0) : a2.c[0];
    if (c0 != c0b) return std::nullopt;
    return BiPoly::affine(c0, a1.degree() == 1 ? a1.c[1] : Rational(0), a2.degree() == 1 ? a2.c[1] : Rational(0));
  }

  // The chart's origin need not lie in P: a point where no D_i vanishes keeps the two one-parameter
  // runs of solve_agent non-degenerate, so a few origins p0 + r1·d1 + r2·d2 are tried.
  void two_dimensional(const DualModel& d, const std::vector<Rational>& vertex, const std::vector<Rational>& d1,
                       const std::vector<Rational>& d2) {
    const Rational offsets[][2] = {{0, 0}, {Rational(1, 3), Rational(1, 7)}, {Rational(-2, 5), Rational(3, 11)},
                                   {Rational(5, 13), Rational(-4, 17)}};
    for (const auto& [r1, r2] : offsets) {
      std::vector<Rational> p0 = vertex;
      for (std::size_t j = 0; j < p0.size(); ++j) p0[j] += r1 * d1[j] + r2 * d2[j];
      if (two_dimensional_at(d, p0, d1, d2)) return;
    }
    note_undecided(pattern_text() + ": two free price parameters and an assignment not determined by the pattern");
  }

  // false: some agent's assignment is not determined along the chart's axes from p0
  bool two_dimensional_at(const DualModel& d, const std::vector<Rational>& p0, const std::vector<Rational>& d1,
                          const std::vector<Rational>& d2) {
    const std::vector<Rational> base = prices_of(p0), step1 = prices_of(d1), step2 = prices_of(d2);
    const std::vector<Rational> pp0 = in_.personal_prices(base), pp1 = personal_slope(step1),
                                pp2 = personal_slope(step2);
    std::vector<Bi> xs;
    for (int i = 0; i < n_; ++i) {
      Rational b0 = 0, b1 = 0, b2 = 0;
      for (int l = 0; l < L_; ++l) {
        const Rational& w = in_.agents[i].endowment[l];
        b0 += pp0[in_.cell(i, l)] * w;
        b1 += pp1[in_.cell(i, l)] * w;
        b2 += pp2[in_.cell(i, l)] * w;
      }
      b0 = in_.alpha * in_.agents[i].budget + (1 - in_.alpha) * b0;
      b1 = (1 - in_.alpha) * b1;
      b2 = (1 - in_.alpha) * b2;
      const AgentX a1 = solve_agent(i, chosen_[i], pp0, pp1, b0, b1);
      const AgentX a2 = solve_agent(i, chosen_[i], pp0, pp2, b0, b2);
      if (!a1.determined || !a2.determined || a1.equalities.size() != a2.equalities.size()) return false;
      Bi b;
      auto den = join(a1.den, a2.den);
      if (!den) throw std::logic_error("two-parameter pattern: denominator not affine");
      b.den = *den;
      for (int l = 0; l < L_; ++l) {
        auto num = join(a1.num[l], a2.num[l]);
        if (!num) throw std::logic_error("two-parameter pattern: numerator not affine");
        b.num.push_back(*num);
      }
      for (std::size_t k = 0; k < a1.equalities.size(); ++k) {
        auto e = join(a1.equalities[k], a2.equalities[k]);
        if (!e) throw std::logic_error("two-parameter pattern: equality not affine");
        b.equalities.push_back(*e);
      }
      xs.push_back(std::move(b));
    }
    // clearing in units of D = Π D_i
    BiPoly D = BiPoly::affine(1, 0, 0);
    for (const Bi& b : xs) D = D * b.den;
    std::vector<BiPoly> eqs;
    for (const Bi& b : xs)
      for (const BiPoly& e : b.equalities)
        if (!e.is_zero()) eqs.push_back(e);
    for (std::size_t c = 0; c < in_.priced.size(); ++c) {
      const LinearRow& row = in_.priced[c];
      const bool priced = base[c] != 0 || step1[c] != 0 || step2[c] != 0;
      if (!row.equality && !priced) continue;
      BiPoly e = Rational(-1) * (row.rhs * D);
      for (const auto& [cell, a] : row.coef) {
        const int i = cell / L_;
        BiPoly term = a * xs[i].num[cell % L_];
        if (term.is_zero()) continue;
        for (int j = 0; j < n_; ++j)
          if (j != i) term = term * xs[j].den;
        e = e + term;
      }
      if (!e.is_zero()) eqs.push_back(e);
    }
    // divide out the denominators (their zero lines are treated separately below)
    std::vector<BiPoly> factors;
    for (const Bi& b : xs)
      if (b.den.total_degree() >= 1) factors.push_back(b.den);
    for (BiPoly& e : eqs)
      for (const BiPoly& f : factors)
        while (true) {
          auto q = divide_affine(e, f);
          if (!q || q->total_degree() < 0) break;
          e = *q;
        }
    for (const BiPoly& f : factors) restrict_to_line(d, p0, d1, d2, f);
    bool constant_nonzero = false;
    for (const BiPoly& e : eqs) constant_nonzero = constant_nonzero || e.total_degree() == 0;
    if (constant_nonzero) return true;  // no solution off the denominator lines
    for (const BiPoly& e : eqs)
      if (e.total_degree() == 1) {
        restrict_to_line(d, p0, d1, d2, e);
        return true;
      }
    if (eqs.size() < 2) {
      note_undecided(pattern_text() + ": two free price parameters and one clearing equation (a curve)");
      return true;
    }
    Poly R;
    for (std::size_t a = 0; a < eqs.size() && R.is_zero(); ++a)
      for (std::size_t b = a + 1; b < eqs.size() && R.is_zero(); ++b) R = resultant_s2(eqs[a], eqs[b]);
    if (R.is_zero()) {
      note_undecided(pattern_text() + ": two free price parameters and a curve of solutions");
      return true;
    }
    if (R.degree() == 0) return true;  // no common root
    // the s1-range of P (the LP in θ with s1, s2 as extra variables)
    const Rational bound = root_bound(R);
    Rational lo = -bound, hi = bound;
    for (int side = 0; side < 2; ++side) {
      const std::optional<Rational> v = s_extreme(d, p0, d1, d2, side == 1);
      if (!v) continue;
      if (side == 0 && *v > lo) lo = *v;
      if (side == 1 && *v < hi) hi = *v;
    }
    if (lo > hi) return true;
    std::vector<Rational> rational_roots;
    for (const Rational& e : {lo, hi})
      if (R.eval(e) == 0) rational_roots.push_back(e);
    for (const RootInterval& r : isolate_roots(R, lo, hi)) {
      if (!r.exact) {
        note_undecided(pattern_text() + ": two free price parameters and an irrational candidate");
        continue;
      }
      rational_roots.push_back(r.lo);
    }
    for (const Rational& r1 : rational_roots) {
      Poly g;
      for (const BiPoly& e : eqs) g = monic_gcd(g, e.at_s1(r1));
      if (g.is_zero()) {
        restrict_to_line(d, p0, d1, d2, BiPoly::affine(-r1, 1, 0));
        continue;
      }
      if (g.degree() == 0) continue;
      const Rational b2 = root_bound(g);
      std::vector<Rational> roots2;
      for (const RootInterval& r : isolate_roots(g, -b2, b2)) {
        if (!r.exact) {
          note_undecided(pattern_text() + ": two free price parameters and an irrational candidate");
          continue;
        }
        roots2.push_back(r.lo);
      }
      for (const Rational& r2 : roots2) {
        std::vector<Rational> p(base.size());
        bool nonnegative = true;
        for (std::size_t c = 0; c < base.size(); ++c) {
          p[c] = base[c] + r1 * step1[c] + r2 * step2[c];
          nonnegative = nonnegative && p[c] >= 0;
        }
        if (nonnegative) certify(p);
      }
    }
    return true;
  }

  // The dual system with θ = p0 + s1·d1 + s2·d2 (s1, s2 free, appended); `extra` adds a row in s.
  lp::LpModel with_s(const DualModel& d, const std::vector<Rational>& p0, const std::vector<Rational>& d1,
                     const std::vector<Rational>& d2, int& s1) const {
    lp::LpModel m = d.model;
    s1 = m.num_vars();
    for (int k = 0; k < 2; ++k) {
      m.variables.push_back(lp::Variable{k ? "s2" : "s1", std::nullopt, std::nullopt});
      m.objective.push_back(0);
    }
    for (std::size_t j = 0; j < face_.size(); ++j) {
      lp::Constraint c{"param", {{static_cast<int>(j), Rational(1)}}, lp::RowOp::Equal, p0[j]};
      if (d1[j] != 0) c.coef.emplace_back(s1, -d1[j]);
      if (d2[j] != 0) c.coef.emplace_back(s1 + 1, -d2[j]);
      m.constraints.push_back(std::move(c));
    }
    return m;
  }

  std::optional<Rational> s_extreme(const DualModel& d, const std::vector<Rational>& p0,
                                    const std::vector<Rational>& d1, const std::vector<Rational>& d2,
                                    bool maximise) const {
    int s1 = 0;
    lp::LpModel m = with_s(d, p0, d1, d2, s1);
    m.sense = maximise ? lp::Sense::Maximize : lp::Sense::Minimize;
    m.objective.assign(m.num_vars(), Rational(0));
    m.objective[s1] = 1;
    lp::normalize_rows(m);
    const lp::Solution<Rational> sol = solve_lp(m);
    if (sol.status != lp::Status::Optimal) return std::nullopt;
    return sol.objective;
  }

  // P ∩ {f = 0} for an affine f(s) (not constant): the segment handed to one_dimensional.
  void restrict_to_line(const DualModel& d, const std::vector<Rational>& p0, const std::vector<Rational>& d1,
                        const std::vector<Rational>& d2, const BiPoly& f) {
    const Rational f0 = f.coefficient(0, 0), f1 = f.coefficient(1, 0), f2 = f.coefficient(0, 1);
    const int k = static_cast<int>(face_.size());
    // the line as θ(t) = q + t·v
    std::vector<Rational> q(k), v(k);
    for (int j = 0; j < k; ++j) {
      if (f2 != 0) {  // s1 = t, s2 = −(f0 + f1 t)/f2
        q[j] = p0[j] - f0 / f2 * d2[j];
        v[j] = d1[j] - f1 / f2 * d2[j];
      } else {  // s1 = −f0/f1, s2 = t
        q[j] = p0[j] - f0 / f1 * d1[j];
        v[j] = d2[j];
      }
    }
    int s1 = 0;
    lp::LpModel m = with_s(d, p0, d1, d2, s1);
    lp::Constraint on{"line", {}, lp::RowOp::Equal, -f0};
    if (f1 != 0) on.coef.emplace_back(s1, f1);
    if (f2 != 0) on.coef.emplace_back(s1 + 1, f2);
    m.constraints.push_back(std::move(on));
    const int t_var = f2 != 0 ? s1 : s1 + 1;  // t is s1 (f2 ≠ 0) or s2
    Rational t_lo, t_hi;
    bool lo_inf = false, hi_inf = false;
    for (int side = 0; side < 2; ++side) {
      lp::LpModel mm = m;
      mm.sense = side ? lp::Sense::Maximize : lp::Sense::Minimize;
      mm.objective.assign(mm.num_vars(), Rational(0));
      mm.objective[t_var] = 1;
      lp::normalize_rows(mm);
      const lp::Solution<Rational> sol = solve_lp(mm);
      if (sol.status == lp::Status::Infeasible) return;  // the line misses P
      if (sol.status == lp::Status::Unbounded) {
        (side ? hi_inf : lo_inf) = true;
      } else {
        (side ? t_hi : t_lo) = sol.objective;
      }
    }
    auto theta_at = [&](const Rational& t) {
      std::vector<Rational> th(k);
      for (int j = 0; j < k; ++j) th[j] = q[j] + t * v[j];
      return th;
    };
    if (lo_inf && hi_inf) {
      note_undecided(pattern_text() + ": a line of candidate prices without ends");
      return;
    }
    std::vector<Rational> base, step(k);
    std::optional<Rational> s_max;
    if (lo_inf) {
      base = theta_at(t_hi);
      for (int j = 0; j < k; ++j) step[j] = -v[j];
    } else {
      base = theta_at(t_lo);
      step = v;
      if (!hi_inf) s_max = t_hi - t_lo;
    }
    if (s_max && *s_max == 0) {
      certify(prices_of(base));
      return;
    }
    one_dimensional(prices_of(base), prices_of(step), s_max);
  }

  // ------------------------------------------------------------ the one-parameter pattern
  struct AgentX {
    bool determined = false;
    std::vector<Poly> num;  // per object (0 off the support)
    Poly den;
    std::vector<Poly> equalities;    // in units of den (must vanish)
    std::vector<Poly> inequalities;  // must be ≥ 0 (already multiplied by den for the sign)
  };

  AgentX solve_agent(int i, const AgentPattern& p, const std::vector<Rational>& pp0,
                     const std::vector<Rational>& ppd, const Rational& b0, const Rational& bd) const {
    AgentX ax;
    const int s = static_cast<int>(p.support.size());
    const auto& rows = in_.individual[i];
    Matrix R0;
    std::vector<Rational> h0;
    for (int k : p.tight) {
      std::vector<Rational> g(s, Rational(0));
      for (const auto& [cell, a] : rows[k].coef) {
        auto it = std::find(p.support.begin(), p.support.end(), cell - i * L_);
        if (it != p.support.end()) g[it - p.support.begin()] = a;
      }
      R0.push_back(std::move(g));
      h0.push_back(rows[k].rhs);
    }
    std::vector<Rational> q0(s), qd(s);  // budget row p_i(s) restricted to S
    for (int j = 0; j < s; ++j) {
      q0[j] = pp0[in_.cell(i, p.support[j])];
      qd[j] = ppd[in_.cell(i, p.support[j])];
    }
    const std::vector<int> basis = independent_rows(R0, s);
    const int r0 = static_cast<int>(basis.size());
    ax.num.assign(L_, Poly());
    std::vector<Poly> xs(s);  // numerators on S
    if (r0 == s) {
      Matrix M;
      for (int r : basis) M.push_back(R0[r]);
      const Rational det = s == 0 ? Rational(1) : determinant(M);
      for (int j = 0; j < s; ++j) {
        Matrix Mj = M;
        for (int r = 0; r < s; ++r) Mj[r][j] = h0[basis[r]];
        xs[j] = Poly::constant(determinant(Mj));
      }
      ax.den = Poly::constant(det);
      if (p.lambda_positive) {  // the binding budget: p_i(s)·x_i = β_i(s)
        Poly e = Rational(-1) * ((Poly::affine(b0, bd)) * ax.den);
        for (int j = 0; j < s; ++j) e = e + Poly::affine(q0[j], qd[j]) * xs[j];
        ax.equalities.push_back(e);
      }
    } else if (r0 == s - 1 && p.lambda_positive) {
      // Cramer with the budget row last; det and numerators are affine in s.
      auto det_with = [&](const std::vector<Rational>& brow, int replace,
                          const std::vector<Rational>& rhs_col, const Rational& brhs) {
        Matrix M;
        for (int r : basis) {
          std::vector<Rational> row = R0[r];
          if (replace >= 0) row[replace] = rhs_col[r];
          M.push_back(std::move(row));
        }
        std::vector<Rational> last = brow;
        if (replace >= 0) last[replace] = brhs;
        M.push_back(std::move(last));
        return determinant(std::move(M));
      };
      std::vector<Rational> hcol(R0.size());
      for (std::size_t r = 0; r < R0.size(); ++r) hcol[r] = h0[r];
      ax.den = Poly::affine(det_with(q0, -1, hcol, 0), det_with(qd, -1, hcol, 0));
      if (ax.den.is_zero()) return ax;
      for (int j = 0; j < s; ++j) xs[j] = Poly::affine(det_with(q0, j, hcol, b0), det_with(qd, j, hcol, bd));
    } else {
      return ax;  // x_i not determined by the pattern
    }
    ax.determined = true;
    for (int j = 0; j < s; ++j) ax.num[p.support[j]] = xs[j];
    // unused tight rows must hold: g·x = h
    for (int r = 0; r < static_cast<int>(R0.size()); ++r) {
      if (std::find(basis.begin(), basis.end(), r) != basis.end()) continue;
      Poly e = Rational(-1) * (h0[r] * ax.den);
      for (int j = 0; j < s; ++j) e = e + R0[r][j] * xs[j];
      ax.equalities.push_back(e);
    }
    // x ≥ 0 on S
    for (int j = 0; j < s; ++j) ax.inequalities.push_back(xs[j] * ax.den);
    // slack individual rows: h − g·x ≥ 0
    for (int k = 0; k < static_cast<int>(rows.size()); ++k) {
      if (std::find(p.tight.begin(), p.tight.end(), k) != p.tight.end()) continue;
      Poly e = rows[k].rhs * ax.den;
      for (const auto& [cell, a] : rows[k].coef) e = e - a * ax.num[cell - i * L_];
      ax.inequalities.push_back(e * ax.den);
    }
    if (!p.lambda_positive) {  // budget ≤ β_i(s)
      Poly e = Poly::affine(b0, bd) * ax.den;
      for (int j = 0; j < s; ++j) e = e - Poly::affine(q0[j], qd[j]) * xs[j];
      ax.inequalities.push_back(e * ax.den);
    }
    return ax;
  }

  std::vector<Rational> at(const std::vector<Rational>& base, const std::vector<Rational>& step,
                           const Rational& s) const {
    std::vector<Rational> p(base.size());
    for (std::size_t c = 0; c < base.size(); ++c) p[c] = base[c] + s * step[c];
    return p;
  }

  void one_dimensional(const std::vector<Rational>& base, const std::vector<Rational>& step,
                       const std::optional<Rational>& s_max) {
    // the segment's ends are rational prices: certify them directly
    certify(base);
    if (s_max) certify(at(base, step, *s_max));
    const std::vector<Rational> pp0 = in_.personal_prices(base), ppd = personal_slope(step);
    std::vector<AgentX> xs;
    for (int i = 0; i < n_; ++i) {
      Rational b0 = 0, bd = 0;
      for (int l = 0; l < L_; ++l) {
        b0 += pp0[in_.cell(i, l)] * in_.agents[i].endowment[l];
        bd += ppd[in_.cell(i, l)] * in_.agents[i].endowment[l];
      }
      b0 = in_.alpha * in_.agents[i].budget + (1 - in_.alpha) * b0;
      bd = (1 - in_.alpha) * bd;
      xs.push_back(solve_agent(i, chosen_[i], pp0, ppd, b0, bd));
      if (!xs.back().determined && chosen_[i].lambda_positive) {
        // The binding budget p_i(s)·x_i = β_i(s) with every price of the support zero along the
        // whole segment (e.g. on a line where a denominator vanishes) forces β_i(s) = 0: no point,
        // or the one rational root of the affine β_i.
        bool free_support = true;
        for (int l : chosen_[i].support)
          free_support = free_support && pp0[in_.cell(i, l)] == 0 && ppd[in_.cell(i, l)] == 0;
        if (free_support) {
          if (bd != 0) {
            const Rational root = -b0 / bd;
            if (root >= 0 && (!s_max || root <= *s_max)) certify(at(base, step, root));
          } else if (b0 == 0) {
            note_undecided(pattern_text() + ": a segment of free goods with a zero budget");
          }
          return;
        }
      }
      if (!xs.back().determined) {
        note_undecided(pattern_text() + ": one free price parameter and agent \"" + in_.agents[i].name +
                       "\"'s assignment is not determined by the pattern");
        return;
      }
    }
    // zeros of the denominators (affine, so rational) are certified directly
    auto inside = [&](const Rational& s) { return s > 0 && (!s_max || s < *s_max); };
    for (const AgentX& a : xs)
      if (a.den.degree() == 1) {
        const Rational s = -a.den.c[0] / a.den.c[1];
        if (inside(s)) certify(at(base, step, s));
      }
    // common denominator D = Π den_i; X_il = num_il · Π_{j≠i} den_j, x = X / D
    Poly D = Poly::constant(1);
    for (const AgentX& a : xs) D = D * a.den;
    std::vector<Poly> X(in_.num_cells());
    for (int i = 0; i < n_; ++i) {
      Poly others = Poly::constant(1);
      for (int j = 0; j < n_; ++j)
        if (j != i) others = others * xs[j].den;
      for (int l = 0; l < L_; ++l) X[in_.cell(i, l)] = xs[i].num[l] * others;
    }
    std::vector<Poly> eqs, ineqs;
    for (const AgentX& a : xs) {
      eqs.insert(eqs.end(), a.equalities.begin(), a.equalities.end());
      ineqs.insert(ineqs.end(), a.inequalities.begin(), a.inequalities.end());
    }
    for (std::size_t c = 0; c < in_.priced.size(); ++c) {
      const LinearRow& row = in_.priced[c];
      Poly e = Rational(-1) * (row.rhs * D);
      for (const auto& [cell, a] : row.coef) e = e + a * X[cell];
      const bool priced = base[c] != 0 || step[c] != 0;  // p_c(s) > 0 inside the segment
      if (row.equality || priced)
        eqs.push_back(e);
      else
        ineqs.push_back(Rational(-1) * e * D);
    }
    for (const LinearRow& row : in_.floors) {  // a·x ≥ rhs
      Poly e = Rational(-1) * (row.rhs * D);
      for (const auto& [cell, a] : row.coef) e = e + a * X[cell];
      ineqs.push_back(e * D);
    }
    auto holds_at = [&](const Rational& s) {
      if (D.sign_at(s) == 0) return false;
      for (const Poly& e : eqs)
        if (e.sign_at(s) != 0) return false;
      for (const Poly& q : ineqs)
        if (q.sign_at(s) < 0) return false;
      return true;
    };
    Poly g;
    for (const Poly& e : eqs) g = monic_gcd(g, e);
    if (!g.is_zero()) {
      for (const RootInterval& r : isolate_roots(g, Rational(0), s_max)) {
        if (r.exact) {
          if (holds_at(r.lo)) certify(at(base, step, r.lo));
          continue;
        }
        if (in_.has_hull()) {
          note_undecided(pattern_text() + ": an irrational candidate price; lottery membership there is not decided");
          continue;
        }
        const Poly sq = squarefree(g);
        bool ok = sign_at_root(sq, r, D) != 0;
        for (const Poly& q : ineqs) ok = ok && sign_at_root(sq, r, q) >= 0;
        if (ok) record_irrational(IrrationalEquilibrium{base, step, sq, r.lo, r.hi, pattern_text()});
      }
      return;
    }
    // every equality vanishes identically: a family where the inequalities hold
    Poly all = D;
    for (const Poly& q : ineqs)
      if (!q.is_zero()) all = all * q;
    const std::vector<RootInterval> roots = isolate_roots(all, Rational(0), s_max);
    // points: 0, the roots, s_max (or +∞); a sample in every gap
    struct Point {
      bool rational;
      Rational s;
      bool ok;
    };
    std::vector<Point> points{{true, Rational(0), certified_[base]}};
    std::vector<bool> gap_ok;
    Rational prev_hi = 0;
    auto sample_gap = [&](const Rational& a, const Rational& b) {
      const Rational s = (a + b) / 2;
      bool ok = holds_at(s) && certify(at(base, step, s));
      if (ok && in_.has_hull() && !lottery_on_gap(X, D, a, b, s)) {
        note_undecided(pattern_text() + ": a family candidate whose lottery on the open segment is not proven");
        ok = false;
      }
      gap_ok.push_back(ok);
    };
    for (const RootInterval& r : roots) {
      sample_gap(prev_hi, r.lo);
      if (r.exact) {
        const bool ok = holds_at(r.lo) && certify(at(base, step, r.lo));
        points.push_back({true, r.lo, ok});
      } else {
        // the pattern may hold at this irrational point alone (an inequality touching 0 there)
        const Poly sq = squarefree(all);
        bool ok = sign_at_root(sq, r, D) != 0;
        for (const Poly& q : ineqs) ok = ok && sign_at_root(sq, r, q) >= 0;
        if (ok) record_irrational(IrrationalEquilibrium{base, step, sq, r.lo, r.hi, pattern_text()});
        points.push_back({false, r.lo, false});
      }
      prev_hi = r.hi;
    }
    if (s_max) {
      sample_gap(prev_hi, *s_max);
      points.push_back({true, *s_max, certified_[at(base, step, *s_max)]});
    } else {
      sample_gap(prev_hi, prev_hi + 2);
    }
    // maximal runs of rational certified points joined by good gaps
    std::size_t a = 0;
    while (a < points.size()) {
      if (!points[a].rational || !points[a].ok) {
        ++a;
        continue;
      }
      std::size_t b = a;
      while (b + 1 < points.size() && gap_ok[b] && points[b + 1].rational && points[b + 1].ok) ++b;
      if (b > a)
        result_.families.push_back(
            EquilibriumFamily{at(base, step, points[a].s), at(base, step, points[b].s)});
      a = b + 1;
    }
  }

  // Hull kinds: is x(s) = X(s)/D(s) a lottery over the hull points for every s in the open gap
  // (a, b) (D has no root there)? The lottery at the sample s* is a basic solution; its points'
  // columns (y, 1) are independent, so on the gap the weights are determined by a square
  // subsystem: w(s) = M⁻¹·(X, D)_rows(s), polynomial in s. The remaining rows must hold
  // identically and every w_k must keep its sign (≥ 0 at s*, no root inside the gap); then
  // w(s)/D(s) is a lottery for every s in the gap (signs flipped when D < 0 there).
  bool lottery_on_gap(const std::vector<Poly>& X, const Poly& D, const Rational& a, const Rational& b,
                      const Rational& sample) const {
    const int cells = in_.num_cells();
    const Rational d_at = D.eval(sample);
    if (d_at == 0) return false;
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    for (int c = 0; c < cells; ++c) {
      const Rational v = X[c].eval(sample) / d_at;
      m.variables.push_back(lp::Variable{"x", v, v});
      m.objective.push_back(0);
    }
    const int w0 = add_hull_lottery(in_, m);
    lp::normalize_rows(m);
    const lp::Solution<Rational> sol = solve_lp(m);
    if (sol.status != lp::Status::Optimal) return false;
    std::vector<int> support;
    for (std::size_t k = 0; k < in_.hull.size(); ++k)
      if (sol.primal[w0 + k] != 0) support.push_back(static_cast<int>(k));
    // columns (y, 1) of the support as rows of a matrix, keep an independent set
    Matrix cols;
    for (int k : support) {
      std::vector<Rational> col(cells + 1, Rational(0));
      for (int c : in_.hull[k]) col[c] = 1;
      col[cells] = 1;
      cols.push_back(std::move(col));
    }
    const std::vector<int> keep = independent_rows(cols, cells + 1);
    if (keep.size() != support.size()) return false;  // not a basic solution: give up honestly
    const int r = static_cast<int>(keep.size());
    // A (cells+1) × r; pick r independent rows
    Matrix A(cells + 1, std::vector<Rational>(r));
    for (int c = 0; c <= cells; ++c)
      for (int k = 0; k < r; ++k) A[c][k] = cols[k][c];
    const std::vector<int> rows = independent_rows(A, r);
    if (static_cast<int>(rows.size()) != r) return false;
    std::vector<Poly> rhs(cells + 1);
    for (int c = 0; c < cells; ++c) rhs[c] = X[c];
    rhs[cells] = D;
    // Gauss–Jordan on [M | I]
    Matrix M(r, std::vector<Rational>(2 * r, Rational(0)));
    for (int q = 0; q < r; ++q) {
      for (int k = 0; k < r; ++k) M[q][k] = A[rows[q]][k];
      M[q][r + q] = 1;
    }
    for (int col = 0; col < r; ++col) {
      int piv = col;
      while (M[piv][col] == 0) ++piv;
      std::swap(M[piv], M[col]);
      const Rational d = M[col][col];
      for (Rational& v : M[col]) v /= d;
      for (int q = 0; q < r; ++q) {
        if (q == col || M[q][col] == 0) continue;
        const Rational f = M[q][col];
        for (int k = 0; k < 2 * r; ++k) M[q][k] -= f * M[col][k];
      }
    }
    std::vector<Poly> w(r);
    for (int k = 0; k < r; ++k)
      for (int q = 0; q < r; ++q)
        if (M[k][r + q] != 0) w[k] = w[k] + M[k][r + q] * rhs[rows[q]];
    for (int c = 0; c <= cells; ++c) {  // every row identically
      Poly e = Rational(-1) * rhs[c];
      for (int k = 0; k < r; ++k)
        if (A[c][k] != 0) e = e + A[c][k] * w[k];
      if (!e.is_zero()) return false;
    }
    const int dsign = d_at > 0 ? 1 : -1;
    for (const Poly& wk : w) {
      if (wk.is_zero()) continue;
      if (wk.sign_at(sample) * dsign < 0) return false;
      if (!isolate_roots(wk, a, b).empty()) return false;
    }
    return true;
  }

  void record_irrational(IrrationalEquilibrium ie) {
    for (const auto& old : result_.irrational)
      if (old.base == ie.base && old.direction == ie.direction && old.polynomial == ie.polynomial &&
          old.lo < ie.hi && ie.lo < old.hi)
        return;
    result_.irrational.push_back(std::move(ie));
  }

  std::vector<Rational> personal_slope(const std::vector<Rational>& step) const {
    std::vector<Rational> pp(in_.num_cells(), Rational(0));
    for (std::size_t c = 0; c < in_.priced.size(); ++c)
      for (const auto& [cell, a] : in_.priced[c].coef) pp[cell] += a * step[c];
    return pp;
  }
};

void finish_status(EquilibriumResult& r) {
  if (!r.equilibria.empty())
    r.status = EqStatus::Exact;
  else if (!r.irrational.empty())
    r.status = EqStatus::Irrational;
  else if (r.undecided_count > 0)
    r.status = EqStatus::Undecided;
  else
    r.status = EqStatus::None;
}

}  // namespace

EquilibriumResult solve_support_enum(const EquilibriumInstance& in, const EquilibriumOptions& options) {
  const int cells = in.num_cells(), goods = in.num_objects();
  if (cells > 12 && goods > 3)
    throw EnumerationLimit(
        "support-enum enumerates patterns for at most 12 cells or 3 goods; this instance has " +
        std::to_string(in.num_agents()) + " agents × " + std::to_string(goods) +
        " objects = " + std::to_string(cells) + " cells");
  EquilibriumResult r;
  r.method = "support-enum";
  SupportEnum(in, options, r).run();
  // one equilibrium per price vector, in the order found
  std::vector<Equilibrium> unique;
  for (auto& e : r.equilibria) {
    bool seen = false;
    for (const auto& u : unique) seen = seen || u.prices == e.prices;
    if (!seen) unique.push_back(std::move(e));
  }
  r.equilibria = std::move(unique);
  finish_status(r);
  return r;
}

EquilibriumResult solve_price_certify(const EquilibriumInstance& in, const EquilibriumOptions&) {
  if (!in.candidate_prices)
    throw std::invalid_argument("the method price-certify needs \"prices\" in the instance");
  EquilibriumResult r;
  r.method = "price-certify";
  r.certified_points = 1;
  if (auto eq = price_certify(in, *in.candidate_prices)) {
    r.equilibria.push_back(std::move(*eq));
    r.status = EqStatus::Exact;
  } else {
    r.status = EqStatus::Infeasible;
  }
  return r;
}

}  // namespace equilab::pseudo_market
