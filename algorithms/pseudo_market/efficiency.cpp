// Weak C-efficiency of an assignment with linear utilities (EMZ 2022 Theorem 1 and its proof):
// x ∈ C admits no Pareto improvement in C iff there are weights θ ≫ 0 such that x maximises
// Σ_i θ_i u_i·y_i over y ∈ C. The weights are scaled so that θ_i ≥ 1. Every LP here is the
// project's exact simplex.
//
// The rows of C (efficiency_rows): the individual rows agent by agent (Ω^i, ≤), then the priced
// rows (Ω*, ≤, or = when `equality`), then the floors (a·x ≥ b, EMZ §4.3). With x fixed, x is
// optimal for the weighted problem  max Σ θ_i u_i·y  s.t. the rows, y ≥ 0  iff its LP dual has a
// solution π complementary to x:
//   π_r ≥ 0 on ≤ rows, π_r free on = rows, π_r ≤ 0 on floors (the Lagrangian sign of a ≥ row, as
//     in the LP conventions of lp/solution.h), π_r = 0 on every row slack at x;
//   Σ_r π_r a^r_c ≥ θ_{i(c)} u_c for every cell c = i·L + l, with equality where x_c > 0.
// Then Σ_i θ_i u_i·x_i = Σ_c x_c Σ_r π_r a^r_c = Σ_r π_r b_r, and for every feasible y ≥ 0,
// Σ θ u·y ≤ Σ_r π_r a^r·y ≤ Σ_r π_r b_r (each term: π_r ≥ 0 with a·y ≤ b, π_r ≤ 0 with a·y ≥ b,
// or a·y = b), so x is optimal. The conditions are linear in (θ, π): one exact LP.
//
// Hull kinds (C = conv of the listed integral points, each a point of C): the maximum of a linear
// function over C is attained at a point, so the condition is Σ θ_i u_i·x_i ≥ Σ θ_i u_i·y_i for
// every listed point y: one exact LP in θ alone.
//
// When no θ exists, x is not efficient, and the LP
//   max Σ_i u_i·y_i  s.t.  y ∈ C,  u_i·y_i ≥ u_i·x_i for every agent i
// has an optimum above Σ_i u_i·x_i: were it equal, its dual multipliers s_i ≥ 0 of the utility rows
// together with the row duals would give θ_i = 1 + s_i (Theorem 1's supporting weights). Its optimal
// y is the stated Pareto improvement (hull kinds: y = Σ w·points, the improvement lottery).
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lp/exact_simplex.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"

namespace equilab::pseudo_market {

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

enum class RowSense { Ceiling, Equality, Floor };

// The sense of each row of efficiency_rows(in), same order.
std::vector<RowSense> row_senses(const EquilibriumInstance& in) {
  std::vector<RowSense> out;
  for (const auto& rows : in.individual)
    for (const LinearRow& r : rows) out.push_back(r.equality ? RowSense::Equality : RowSense::Ceiling);
  for (const LinearRow& r : in.priced) out.push_back(r.equality ? RowSense::Equality : RowSense::Ceiling);
  for (const LinearRow& r : in.floors) out.push_back(r.equality ? RowSense::Equality : RowSense::Floor);
  return out;
}

lp::RowOp row_op(RowSense s) {
  switch (s) {
    case RowSense::Ceiling:
      return lp::RowOp::LessEqual;
    case RowSense::Equality:
      return lp::RowOp::Equal;
    case RowSense::Floor:
      return lp::RowOp::GreaterEqual;
  }
  return lp::RowOp::LessEqual;
}

Rational row_value(const LinearRow& row, const std::vector<Rational>& x) {
  Rational s = 0;
  for (const auto& [c, a] : row.coef) s += a * x[c];
  return s;
}

// u_i·x_i per agent.
std::vector<Rational> utilities(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  std::vector<Rational> u(in.num_agents(), Rational(0));
  for (int i = 0; i < in.num_agents(); ++i)
    for (int l = 0; l < in.num_objects(); ++l) u[i] += in.agents[i].utility[l] * x[in.cell(i, l)];
  return u;
}

// u_i·y_i per agent at a hull point (its cells at 1).
std::vector<Rational> point_utilities(const EquilibriumInstance& in, const std::vector<int>& point) {
  const int L = in.num_objects();
  std::vector<Rational> u(in.num_agents(), Rational(0));
  for (int c : point) u[c / L] += in.agents[c / L].utility[c % L];
  return u;
}

// Row-described C: θ ≥ 1 and π with the conditions of the file comment, minimising Σ θ.
std::optional<EfficiencyCertificate> row_weights(const EquilibriumInstance& in,
                                                 const std::vector<Rational>& x) {
  const int n = in.num_agents(), L = in.num_objects(), nc = in.num_cells();
  const std::vector<LinearRow> rows = efficiency_rows(in);
  const std::vector<RowSense> sense = row_senses(in);
  const int nr = static_cast<int>(rows.size());
  lp::LpModel m;
  m.sense = lp::Sense::Minimize;
  for (int i = 0; i < n; ++i) {
    m.variables.push_back(lp::Variable{"theta:" + in.agents[i].name, Rational(1), std::nullopt});
    m.objective.push_back(1);
  }
  std::vector<std::vector<std::pair<int, Rational>>> column(nc);  // Σ_r π_r a^r_c per cell
  for (int r = 0; r < nr; ++r) {
    const Rational s = row_value(rows[r], x);
    const bool slack = (sense[r] == RowSense::Ceiling && s < rows[r].rhs) ||
                       (sense[r] == RowSense::Floor && s > rows[r].rhs);
    lp::Variable v{"pi:" + rows[r].name, Rational(0), std::nullopt};
    if (slack)
      v.upper = Rational(0);  // complementary slackness: π_r = 0
    else if (sense[r] == RowSense::Equality)
      v.lower = std::nullopt;
    else if (sense[r] == RowSense::Floor)
      v = lp::Variable{v.name, std::nullopt, Rational(0)};
    m.variables.push_back(std::move(v));
    m.objective.push_back(0);
    for (const auto& [c, a] : rows[r].coef) column[c].emplace_back(n + r, a);
  }
  for (int c = 0; c < nc; ++c) {
    lp::Constraint k{"cell:" + in.agents[c / L].name + ":" + in.objects[c % L].name, column[c],
                     x[c] > 0 ? lp::RowOp::Equal : lp::RowOp::GreaterEqual, Rational(0)};
    k.coef.emplace_back(c / L, -in.agents[c / L].utility[c % L]);
    m.constraints.push_back(std::move(k));
  }
  lp::normalize_rows(m);
  // a cell in no row with u_c = 0 leaves the row 0 (≥ or =) 0, which always holds
  std::erase_if(m.constraints, [](const lp::Constraint& k) { return k.coef.empty(); });
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  if (sol.status == lp::Status::Infeasible) return std::nullopt;
  if (sol.status != lp::Status::Optimal)  // Σ θ ≥ n bounds the objective
    throw std::logic_error("efficiency: the weight LP is unbounded");
  EfficiencyCertificate cert;
  cert.efficient = true;
  cert.weights.assign(sol.primal.begin(), sol.primal.begin() + n);
  cert.row_duals.assign(sol.primal.begin() + n, sol.primal.begin() + n + nr);
  return cert;
}

// Hull C: θ ≥ 1 with Σ_i θ_i (u_i·x_i − u_i·y_i) ≥ 0 for every listed point y, minimising Σ θ.
std::optional<EfficiencyCertificate> hull_weights(const EquilibriumInstance& in,
                                                  const std::vector<Rational>& x) {
  const int n = in.num_agents();
  const std::vector<Rational> ux = utilities(in, x);
  lp::LpModel m;
  m.sense = lp::Sense::Minimize;
  for (int i = 0; i < n; ++i) {
    m.variables.push_back(lp::Variable{"theta:" + in.agents[i].name, Rational(1), std::nullopt});
    m.objective.push_back(1);
  }
  for (std::size_t k = 0; k < in.hull.size(); ++k) {
    const std::vector<Rational> uy = point_utilities(in, in.hull[k]);
    lp::Constraint row{"point:" + std::to_string(k), {}, lp::RowOp::GreaterEqual, Rational(0)};
    for (int i = 0; i < n; ++i) row.coef.emplace_back(i, ux[i] - uy[i]);
    m.constraints.push_back(std::move(row));
  }
  lp::normalize_rows(m);
  std::erase_if(m.constraints, [](const lp::Constraint& k) { return k.coef.empty(); });  // 0 ≥ 0
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  if (sol.status == lp::Status::Infeasible) return std::nullopt;
  if (sol.status != lp::Status::Optimal) throw std::logic_error("efficiency: the weight LP is unbounded");
  EfficiencyCertificate cert;
  cert.efficient = true;
  cert.weights.assign(sol.primal.begin(), sol.primal.begin() + n);
  return cert;
}

// The Pareto-improvement LP of the file comment (variables y per cell, then the hull weights).
EfficiencyCertificate improvement(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  const int n = in.num_agents(), L = in.num_objects(), nc = in.num_cells();
  const std::vector<Rational> ux = utilities(in, x);
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int c = 0; c < nc; ++c) {
    m.variables.push_back(lp::Variable{"y" + std::to_string(c), Rational(0), std::nullopt});
    m.objective.push_back(in.agents[c / L].utility[c % L]);
  }
  const std::vector<LinearRow> rows = efficiency_rows(in);
  const std::vector<RowSense> sense = row_senses(in);
  for (std::size_t r = 0; r < rows.size(); ++r)
    m.constraints.push_back(lp::Constraint{rows[r].name, rows[r].coef, row_op(sense[r]), rows[r].rhs});
  for (int i = 0; i < n; ++i) {
    lp::Constraint k{"utility:" + in.agents[i].name, {}, lp::RowOp::GreaterEqual, ux[i]};
    for (int l = 0; l < L; ++l) k.coef.emplace_back(in.cell(i, l), in.agents[i].utility[l]);
    m.constraints.push_back(std::move(k));
  }
  const int w0 = nc;
  if (in.has_hull()) {  // y_c = Σ_k w_k·[c ∈ point k], Σ w = 1
    std::vector<lp::Constraint> link(nc);
    for (int c = 0; c < nc; ++c)
      link[c] = lp::Constraint{"hull", {{c, Rational(-1)}}, lp::RowOp::Equal, Rational(0)};
    lp::Constraint total{"hull_total", {}, lp::RowOp::Equal, Rational(1)};
    for (std::size_t k = 0; k < in.hull.size(); ++k) {
      const int w = w0 + static_cast<int>(k);
      m.variables.push_back(lp::Variable{"w" + std::to_string(k), Rational(0), std::nullopt});
      m.objective.push_back(0);
      for (int c : in.hull[k]) link[c].coef.emplace_back(w, Rational(1));
      total.coef.emplace_back(w, Rational(1));
    }
    for (auto& k : link) m.constraints.push_back(std::move(k));
    m.constraints.push_back(std::move(total));
  }
  lp::normalize_rows(m);
  std::erase_if(m.constraints, [](const lp::Constraint& k) { return k.coef.empty() && k.rhs == 0; });
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  if (sol.status == lp::Status::Infeasible)  // y = x would be feasible
    throw std::invalid_argument("efficiency: the assignment is not in C");
  if (sol.status != lp::Status::Optimal)
    throw std::logic_error("efficiency: the improvement LP is unbounded");
  Rational total = 0;
  for (const Rational& u : ux) total += u;
  if (!(sol.objective > total))  // Theorem 1: impossible when no weights exist
    throw std::logic_error("efficiency: no supporting weights and no Pareto improvement");
  EfficiencyCertificate cert;
  cert.efficient = false;
  cert.improvement.assign(sol.primal.begin(), sol.primal.begin() + nc);
  if (in.has_hull())
    for (std::size_t k = 0; k < in.hull.size(); ++k)
      if (sol.primal[w0 + k] != 0)
        cert.improvement_lottery.emplace_back(static_cast<int>(k), sol.primal[w0 + k]);
  return cert;
}

}  // namespace

std::vector<LinearRow> efficiency_rows(const EquilibriumInstance& in) {
  std::vector<LinearRow> out;
  for (const auto& rows : in.individual) out.insert(out.end(), rows.begin(), rows.end());
  out.insert(out.end(), in.priced.begin(), in.priced.end());
  out.insert(out.end(), in.floors.begin(), in.floors.end());
  return out;
}

EfficiencyCertificate efficiency_certificate(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  if (x.size() != static_cast<std::size_t>(in.num_cells()))
    throw std::invalid_argument("efficiency: the assignment has " + std::to_string(x.size()) +
                                " cells, not " + std::to_string(in.num_cells()));
  for (int c = 0; c < in.num_cells(); ++c)
    if (x[c] < 0)
      throw std::invalid_argument("efficiency: the assignment is negative at cell " + std::to_string(c));
  const std::vector<LinearRow> rows = efficiency_rows(in);
  const std::vector<RowSense> sense = row_senses(in);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const Rational s = row_value(rows[r], x);
    const bool ok = sense[r] == RowSense::Ceiling ? s <= rows[r].rhs
                    : sense[r] == RowSense::Floor ? s >= rows[r].rhs
                                                  : s == rows[r].rhs;
    if (!ok)
      throw std::invalid_argument("efficiency: the assignment breaks the row \"" + rows[r].name + "\" (" +
                                  text(s) + " against " + text(rows[r].rhs) + ")");
  }
  std::optional<EfficiencyCertificate> cert = in.has_hull() ? hull_weights(in, x) : row_weights(in, x);
  if (cert) return *cert;
  return improvement(in, x);
}

// ------------------------------------------------------------------------------------ JSON

namespace {

std::map<std::string, std::vector<int>> rows_by_name(const std::vector<LinearRow>& rows) {
  std::map<std::string, std::vector<int>> out;
  for (std::size_t r = 0; r < rows.size(); ++r) out[rows[r].name].push_back(static_cast<int>(r));
  return out;
}

}  // namespace

Json efficiency_json(const EquilibriumInstance& in, const EfficiencyCertificate& cert) {
  Json j = Json::object();
  j["efficient"] = cert.efficient;
  if (cert.efficient) {
    Json w = Json::object();
    for (int i = 0; i < in.num_agents() && i < static_cast<int>(cert.weights.size()); ++i)
      w[in.agents[i].name] = text(cert.weights[i]);
    j["weights"] = w;
    if (!cert.row_duals.empty()) {
      const std::vector<LinearRow> rows = efficiency_rows(in);
      const auto names = rows_by_name(rows);
      Json d = Json::object();
      for (std::size_t r = 0; r < rows.size() && r < cert.row_duals.size(); ++r) {
        if (cert.row_duals[r] == 0) continue;
        if (names.at(rows[r].name).size() > 1)
          throw std::logic_error("efficiency: rows of C share the name \"" + rows[r].name +
                                 "\"; its dual cannot be written by name");
        d[rows[r].name] = text(cert.row_duals[r]);
      }
      j["row_duals"] = d;
    }
  } else {
    Json y = Json::object();
    for (int i = 0; i < in.num_agents(); ++i) {
      Json row = Json::object();
      for (int l = 0; l < in.num_objects(); ++l) {
        const std::size_t c = static_cast<std::size_t>(in.cell(i, l));
        if (c < cert.improvement.size() && cert.improvement[c] != 0)
          row[in.objects[l].name] = text(cert.improvement[c]);
      }
      y[in.agents[i].name] = row;
    }
    j["improvement"] = y;
    if (in.has_hull()) {
      Json lottery = Json::array();
      for (const auto& [k, w] : cert.improvement_lottery)
        lottery.push_back({{"prob", text(w)}, {"assignment", hull_point_json(in, k)}});
      j["improvement_lottery"] = lottery;
    }
  }
  return j;
}

EfficiencyCertificate read_efficiency_json(const EquilibriumInstance& in, const JsonNode& node) {
  node.expect_object({"efficient", "weights", "row_duals", "improvement", "improvement_lottery"});
  const JsonNode flag = node.at("efficient");
  if (!flag.raw().is_boolean()) flag.fail("\"efficient\" must be true or false");
  EfficiencyCertificate cert;
  cert.efficient = flag.raw().get<bool>();
  if (cert.efficient) {
    for (const char* key : {"improvement", "improvement_lottery"})
      if (auto k = node.find(key)) k->fail(std::string("an efficient certificate has no \"") + key + "\"");
    std::vector<std::string> an;
    for (const auto& a : in.agents) an.push_back(a.name);
    const NameIndex aidx("agent", an);
    const JsonNode weights = node.at("weights");
    cert.weights.assign(in.num_agents(), Rational(0));
    std::vector<bool> seen(in.num_agents(), false);
    for (const auto& [aname, v] : weights.members()) {
      const int i = aidx.at(aname, v);
      seen[i] = true;
      cert.weights[i] = v.as_rational();
    }
    for (int i = 0; i < in.num_agents(); ++i)
      if (!seen[i]) weights.fail("no weight for agent \"" + in.agents[i].name + "\"");
    if (auto duals = node.find("row_duals")) {
      if (in.has_hull())
        duals->fail("a hull kind's efficiency is certified by the weights alone (no \"row_duals\")");
      const std::vector<LinearRow> rows = efficiency_rows(in);
      const auto names = rows_by_name(rows);
      cert.row_duals.assign(rows.size(), Rational(0));
      for (const auto& [rname, v] : duals->members()) {
        const auto it = names.find(rname);
        if (it == names.end()) v.fail("\"" + rname + "\" is not a row of C");
        if (it->second.size() > 1) v.fail("several rows of C are named \"" + rname + "\"");
        cert.row_duals[it->second[0]] = v.as_rational();
      }
    } else if (!in.has_hull()) {
      node.fail("missing required field \"row_duals\" (the duals of the rows of C)");
    }
  } else {
    for (const char* key : {"weights", "row_duals"})
      if (auto k = node.find(key)) k->fail(std::string("a not-efficient certificate has no \"") + key + "\"");
    cert.improvement = read_assignment(in, node.at("improvement"));
    if (auto lottery = node.find("improvement_lottery")) {
      if (!in.has_hull())
        lottery->fail("\"improvement_lottery\" is only for hull kinds (roommates, bundles)");
      for (const JsonNode& p : lottery->elements()) {
        p.expect_object({"prob", "assignment"});
        const int k = read_hull_point(in, p.at("assignment"));
        cert.improvement_lottery.emplace_back(k, p.at("prob").as_rational());
      }
    } else if (in.has_hull()) {
      node.fail("missing required field \"improvement_lottery\" (hull kinds: the improvement as a lottery)");
    }
  }
  return cert;
}

}  // namespace equilab::pseudo_market
