#include "verify/pseudo_market_certificate.h"

#include <algorithm>
#include <map>

#include "verify/pseudo_market_efficiency.h"

namespace equilab::verify {

using namespace pseudo_market;

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

std::string set_text(const DecomposeInstance& in, const Bundle& b) {
  std::string s = "{";
  for (std::size_t k = 0; k < b.size(); ++k) s += (k ? "," : "") + in.objects[b[k]].name;
  return s + "}";
}

// Every point is checked sparsely: entries 0 or 1, then every row of Q from the cells at 1.
void check_lottery(const DecomposeInstance& in, const DecomposeResult& r, Verdict& v) {
  if (r.farkas) v.fail("an implemented result carries Farkas weights");
  if (r.lottery.empty()) {
    v.fail("an implemented result needs a lottery with at least one point");
    return;
  }
  const int nc = in.num_cells(), nr = static_cast<int>(in.rows.size());
  std::vector<std::vector<std::pair<int, const Rational*>>> rows_of(nc);
  for (int row = 0; row < nr; ++row)
    for (const auto& [c, a] : in.rows[row].coef) rows_of[c].emplace_back(row, &a);
  std::vector<Rational> marginal(nc, Rational(0)), sum(nr, Rational(0));
  Rational total = 0;
  for (std::size_t k = 0; k < r.lottery.size(); ++k) {
    const LotteryPoint& p = r.lottery[k];
    const std::string label = "lottery point " + std::to_string(k + 1);
    if (p.prob < 0) v.fail(label + ": negative probability " + text(p.prob));
    total += p.prob;
    std::fill(sum.begin(), sum.end(), Rational(0));
    bool integral = true;
    for (const auto& [c, value] : p.entries) {
      marginal[c] += p.prob * value;
      if (value == 0) continue;
      if (value != 1) {
        v.fail(label + " is not an integral feasible assignment: the entry of " + in.cell_label(c) + " is " +
               text(value) + ", not 0 or 1");
        integral = false;
        continue;
      }
      for (const auto& [row, a] : rows_of[c]) sum[row] += *a;
    }
    if (!integral) continue;
    for (int row = 0; row < nr; ++row) {
      const Row& q = in.rows[row];
      if (q.ceiling && sum[row] > *q.ceiling)
        v.fail(label + " is not an integral feasible assignment: it gives " + text(sum[row]) + " to " +
               in.row_label(row) + ", above its ceiling " + text(*q.ceiling));
      else if (sum[row] < q.floor)
        v.fail(label + " is not an integral feasible assignment: it gives " + text(sum[row]) + " to " +
               in.row_label(row) + ", below its floor " + text(q.floor));
    }
  }
  if (total != 1) v.fail("the lottery's probabilities sum to " + text(total) + ", not 1");
  for (int c = 0; c < nc; ++c)
    if (marginal[c] != in.x[c])
      v.fail("the lottery gives " + in.cell_label(c) + " probability " + text(marginal[c]) +
             ", the assignment " + text(in.x[c]));
}

// Does (w, bound) state an inequality of Q itself?
std::string quota_of(const DecomposeInstance& in, const Farkas& f) {
  const int nc = in.num_cells();
  std::vector<int> support;
  for (int c = 0; c < nc; ++c)
    if (f.weights[c] != 0) support.push_back(c);
  if (support.size() == 1 && f.weights[support[0]] == 1 && f.bound == 1)
    return "the cell bound " + in.cell_label(support[0]) + " <= 1";
  for (std::size_t r = 0; r < in.rows.size(); ++r) {
    const Row& row = in.rows[r];
    if (row.coef.size() != support.size()) continue;
    bool plus = true, minus = true;
    for (std::size_t k = 0; k < support.size(); ++k) {
      if (row.coef[k].first != support[k]) {
        plus = minus = false;
        break;
      }
      plus = plus && f.weights[support[k]] == row.coef[k].second;
      minus = minus && f.weights[support[k]] == -row.coef[k].second;
    }
    if (plus && row.ceiling && f.bound == *row.ceiling)
      return "the ceiling " + text(*row.ceiling) + " of " + in.row_label(static_cast<int>(r));
    if (minus && f.bound == -row.floor)
      return "the floor " + text(row.floor) + " of " + in.row_label(static_cast<int>(r));
  }
  return "";
}

void check_farkas(const DecomposeInstance& in, const DecomposeResult& r, const PseudoMarketCheckLimits& lim,
                  Verdict& v) {
  if (!r.lottery.empty()) v.fail("a not_implementable result carries a lottery");
  if (!r.farkas) {
    v.fail("a not_implementable result needs Farkas weights");
    return;
  }
  const Farkas& f = *r.farkas;
  Rational value = 0;
  for (int c = 0; c < in.num_cells(); ++c) value += f.weights[c] * in.x[c];
  if (value != f.value) v.fail("farkas: ⟨w,x⟩ is " + text(value) + ", not " + text(f.value));
  if (!(value > f.bound))
    v.fail("farkas: ⟨w,x⟩ = " + text(value) + " does not exceed the bound " + text(f.bound));
  if (!v.valid) return;
  const std::string quota = quota_of(in, f);
  if (!f.quota.empty() && f.quota != quota)
    v.fail("farkas: the weights state " + (quota.empty() ? std::string("no inequality of Q") : quota) +
           ", not \"" + f.quota + "\"");
  if (!quota.empty()) return;  // x breaks that inequality, which every integral point keeps
  const std::vector<Point> Y =
      enumerate_points(in, std::vector<bool>(in.num_cells(), true), lim.max_enumeration);
  if (Y.empty()) return;  // no integral feasible point: every bound below ⟨w,x⟩ is valid
  Rational best;
  std::size_t arg = 0;
  for (std::size_t k = 0; k < Y.size(); ++k) {
    Rational s = 0;
    for (int c : Y[k]) s += f.weights[c];
    if (k == 0 || s > best) {
      best = s;
      arg = k;
    }
  }
  if (best != f.bound) {
    std::string point;
    for (int c : Y[arg]) point += " " + in.cell_label(c);
    v.fail("farkas: the bound is " + text(f.bound) + ", but the maximum of ⟨w,y⟩ over the " +
           std::to_string(Y.size()) + " integral feasible points is " + text(best) + " (at the point with" +
           (point.empty() ? " no cell" : point) + ")");
  }
}

std::optional<Rational> utility_of(const Agent& agent, const Bundle& b) {
  for (const auto& [set, value] : *agent.utility)
    if (set == b) return value;
  return std::nullopt;
}

Bundle without(Bundle b, int k) {
  b.erase(std::remove(b.begin(), b.end(), k), b.end());
  return b;
}
Bundle with(Bundle b, int k) {
  if (std::find(b.begin(), b.end(), k) == b.end()) b.insert(std::upper_bound(b.begin(), b.end(), k), k);
  return b;
}
bool contains(const Bundle& b, int k) { return std::binary_search(b.begin(), b.end(), k); }

}  // namespace

bool m_natural_exchange(const Agent& agent, const Bundle& A, const Bundle& B, int j) {
  const auto uA = utility_of(agent, A), uB = utility_of(agent, B);
  if (!uA || !uB) return false;
  const Rational target = *uA + *uB;
  auto works = [&](const Bundle& a2, const Bundle& b2) {
    const auto u1 = utility_of(agent, a2), u2 = utility_of(agent, b2);
    return u1 && u2 && *u1 + *u2 >= target;
  };
  if (works(without(A, j), with(B, j))) return true;  // D = ∅
  for (int d : B)
    if (!contains(A, d) && works(with(without(A, j), d), with(without(B, d), j))) return true;
  return false;
}

Verdict check_pseudo_market_certificate(const DecomposeInstance& in, const DecomposeResult& r,
                                        const PseudoMarketCheckLimits& lim) {
  Verdict v;
  switch (r.status) {
    case Status::Implemented:
      check_lottery(in, r, v);
      break;
    case Status::NotImplementable:
      check_farkas(in, r, lim, v);
      break;
    case Status::MNatural:
    case Status::NotMNatural: {
      if ((r.status == Status::NotMNatural) == r.violations.empty())
        v.fail(std::string("status ") + to_string(r.status) + " with " + std::to_string(r.violations.size()) +
               " violations");
      std::vector<bool> violated(in.num_agents(), false);
      for (const MNaturalViolation& t : r.violations) {
        const Agent& agent = in.agents[t.agent];
        const std::string label = "agent \"" + agent.name + "\": the triple (A = " + set_text(in, t.A) +
                                  ", B = " + set_text(in, t.B) + ", j = " + in.objects[t.j].name + ")";
        violated[t.agent] = true;
        if (!agent.utility) {
          v.fail("agent \"" + agent.name + "\" has no utility");
          continue;
        }
        if (!utility_of(agent, t.A) || !utility_of(agent, t.B))
          v.fail(label + ": A or B is outside dom u");
        else if (!contains(t.A, t.j) || contains(t.B, t.j))
          v.fail(label + ": j is not in A∖B");
        else if (m_natural_exchange(agent, t.A, t.B, t.j))
          v.fail(label + " satisfies the exchange condition");
      }
      for (int i = 0; i < in.num_agents(); ++i) {
        const Agent& agent = in.agents[i];
        if (violated[i] || !agent.utility) continue;
        bool broken = false;
        for (const auto& [A, ua] : *agent.utility) {
          for (const auto& [B, ub] : *agent.utility) {
            for (int j : A)
              if (!contains(B, j) && !m_natural_exchange(agent, A, B, j)) {
                v.fail("agent \"" + agent.name + "\" is reported M♮-concave, but the triple (A = " +
                       set_text(in, A) + ", B = " + set_text(in, B) + ", j = " + in.objects[j].name +
                       ") breaks the exchange condition");
                broken = true;
                break;
              }
            if (broken) break;
          }
          if (broken) break;
        }
      }
      break;
    }
  }
  return v;
}

}  // namespace equilab::verify

namespace equilab::verify {

using namespace pseudo_market;

namespace {

// Hull kinds: the clearing lottery — weights ≥ 0 summing to 1 over points of C's hull (indices
// come from read_hull_point, which accepts only matchings / allocations of the instance), and
// Σ weight·point = x exactly.
void check_lottery(const EquilibriumInstance& in, const Equilibrium& e, const std::string& label,
                   Verdict& v) {
  if (e.lottery.empty()) {
    v.fail(label + ": x ∈ C needs a lottery over " +
           (in.kind == "roommates" ? std::string("matchings") : std::string("allocations")) +
           " (none given)");
    return;
  }
  Rational total = 0;
  std::vector<Rational> sum(in.num_cells(), Rational(0));
  for (const auto& [k, w] : e.lottery) {
    if (k < 0 || k >= static_cast<int>(in.hull.size())) {
      v.fail(label + ": a lottery point is not a point of C");
      return;
    }
    if (w < 0) v.fail(label + ": a lottery weight is negative (" + equilab::to_string(w) + ")");
    total += w;
    for (int c : in.hull[k]) sum[c] += w;
  }
  if (total != 1) v.fail(label + ": the lottery weights sum to " + equilab::to_string(total) + ", not 1");
  const int L = in.num_objects();
  for (int c = 0; c < in.num_cells(); ++c)
    if (sum[c] != e.x[c])
      v.fail(label + ": the lottery gives agent \"" + in.agents[c / L].name + "\" " +
             equilab::to_string(sum[c]) + " of \"" + in.objects[c % L].name + "\", x says " +
             equilab::to_string(e.x[c]));
}

void check_one(const EquilibriumInstance& in, const Equilibrium& e, const std::string& label, Verdict& v) {
  const int n = in.num_agents(), L = in.num_objects();
  auto txt = [](const Rational& r) { return equilab::to_string(r); };
  if (e.prices.size() != in.priced.size() || e.x.size() != static_cast<std::size_t>(in.num_cells()) ||
      e.agents.size() != static_cast<std::size_t>(n)) {
    v.fail(label + ": wrong sizes");
    return;
  }
  for (std::size_t c = 0; c < in.priced.size(); ++c)
    if (e.prices[c] < 0)
      v.fail(label + ": the price of \"" + in.priced[c].name + "\" is negative (" + txt(e.prices[c]) + ")");
  const std::vector<Rational> pp = in.personal_prices(e.prices), beta = in.budgets(e.prices);
  if (!e.stated_personal.empty())
    for (int c = 0; c < in.num_cells(); ++c)
      if (e.stated_personal[c] != pp[c])
        v.fail(label + ": the stated personal price of agent \"" + in.agents[c / L].name + "\" for \"" +
               in.objects[c % L].name + "\" is " + txt(e.stated_personal[c]) +
               ", Σ_c a^c p_c = " + txt(pp[c]));
  if (!e.stated_budgets.empty())
    for (int i = 0; i < n; ++i)
      if (e.stated_budgets[i] != beta[i])
        v.fail(label + ": the stated budget of agent \"" + in.agents[i].name + "\" is " +
               txt(e.stated_budgets[i]) + ", α·b + (1 − α)·p·ω = " + txt(beta[i]));
  for (int c = 0; c < in.num_cells(); ++c)
    if (e.x[c] < 0)
      v.fail(label + ": x of agent \"" + in.agents[c / L].name + "\" for \"" + in.objects[c % L].name +
             "\" is negative");
  // the certificate's list of priced rows: each a row of Ω* as the instance defines it, with its price
  if (e.has_stated_priced) {
    std::vector<bool> listed(in.priced.size(), false);
    for (const auto& sr : e.stated_priced) {
      const int c = in.priced_index(sr.name);
      if (c < 0) {
        v.fail(label + ": the certificate prices \"" + sr.name + "\", which is not a priced constraint");
        continue;
      }
      listed[c] = true;
      if (sr.price != e.prices[c])
        v.fail(label + ": the certificate gives constraint \"" + sr.name + "\" price " + txt(sr.price) +
               ", the prices " + txt(e.prices[c]));
      if (sr.rhs != in.priced[c].rhs || sr.coef != in.priced[c].coef)
        v.fail(label + ": the certificate's row of constraint \"" + sr.name +
               "\" differs from the instance's");
    }
    for (std::size_t c = 0; c < in.priced.size(); ++c)
      if (e.prices[c] > 0 && !listed[c])
        v.fail(label + ": constraint \"" + in.priced[c].name +
               "\" has a positive price but is not listed in the certificate");
  }
  // (2) x ∈ C and (3); an approximate equilibrium (tatonnement) may miss each by ε
  const bool approx = e.epsilon.has_value();
  const Rational eps = e.epsilon.value_or(Rational(0));
  if (eps < 0) v.fail(label + ": epsilon is negative");
  const std::string by_eps = approx ? " by more than epsilon " + txt(eps) : "";
  for (std::size_t c = 0; c < in.priced.size(); ++c) {
    const LinearRow& row = in.priced[c];
    Rational s = 0;
    for (const auto& [cell, a] : row.coef) s += a * e.x[cell];
    if (s > row.rhs + eps)
      v.fail(label + ": constraint \"" + row.name + "\" is violated" + by_eps + ": " + txt(s) + " > " +
             txt(row.rhs));
    else if (row.equality && s < row.rhs - eps)
      v.fail(label + ": constraint \"" + row.name + "\" must hold with equality" + by_eps + ": " + txt(s) +
             " ≠ " + txt(row.rhs));
    else if (e.prices[c] > 0 && s < row.rhs - eps)
      v.fail(label + ": constraint \"" + row.name + "\" has price " + txt(e.prices[c]) + " > 0 but is slack" +
             by_eps + " (" + txt(s) + " < " + txt(row.rhs) + "), breaking (3)");
  }
  for (const LinearRow& row : in.floors) {
    Rational s = 0;
    for (const auto& [cell, a] : row.coef) s += a * e.x[cell];
    if (s < row.rhs - eps)
      v.fail(label + ": the floor \"" + row.name + "\" is violated" + by_eps + ": " + txt(s) + " < " +
             txt(row.rhs));
  }
  if (in.has_hull()) check_lottery(in, e, label, v);
  // (1) per agent
  for (int i = 0; i < n; ++i) {
    const std::string who = label + ": agent \"" + in.agents[i].name + "\"";
    const AgentCertificate& cert = e.agents[i];
    const auto& rows = in.individual[i];
    if (cert.mu.size() != rows.size()) {
      v.fail(who + ": wrong number of multipliers");
      continue;
    }
    if (cert.lambda < 0) v.fail(who + ": lambda " + txt(cert.lambda) + " < 0");
    Rational spend = 0, utility = 0;
    for (int l = 0; l < L; ++l) {
      spend += pp[in.cell(i, l)] * e.x[in.cell(i, l)];
      utility += in.agents[i].utility[l] * e.x[in.cell(i, l)];
    }
    if (!e.stated_utilities.empty() && e.stated_utilities[i] != in.agents[i].utility_offset + utility)
      v.fail(who + ": the stated utility " + txt(e.stated_utilities[i]) +
             " is not u(∅) + u·x = " + txt(in.agents[i].utility_offset + utility));
    if (spend > beta[i] + eps) v.fail(who + " spends " + txt(spend) + " > budget " + txt(beta[i]) + by_eps);
    if (!approx && cert.lambda != 0 && spend != beta[i])
      v.fail(who + ": lambda " + txt(cert.lambda) + " > 0 but the budget is slack (" + txt(spend) + " < " +
             txt(beta[i]) + ")");
    std::vector<Rational> reduced(L);
    for (int l = 0; l < L; ++l) reduced[l] = in.agents[i].utility[l] - cert.lambda * pp[in.cell(i, l)];
    Rational dual_value = cert.lambda * beta[i];
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const Rational& mu = cert.mu[k];
      Rational s = 0;
      for (const auto& [cell, a] : rows[k].coef) {
        s += a * e.x[cell];
        reduced[cell - i * L] -= mu * a;
      }
      if (mu < 0) v.fail(who + ": the multiplier of \"" + rows[k].name + "\" is negative (" + txt(mu) + ")");
      if (s > rows[k].rhs)
        v.fail(who + " breaks the individual constraint \"" + rows[k].name + "\": " + txt(s) + " > " +
               txt(rows[k].rhs));
      if (!approx && mu != 0 && s != rows[k].rhs)
        v.fail(who + ": the multiplier of \"" + rows[k].name + "\" is " + txt(mu) +
               " > 0 but the row is slack");
      dual_value += mu * rows[k].rhs;
    }
    for (int l = 0; l < L; ++l) {
      if (reduced[l] > 0)
        v.fail(who + ": the reduced cost of \"" + in.objects[l].name + "\" is " + txt(reduced[l]) + " > 0");
      else if (!approx && reduced[l] != 0 && e.x[in.cell(i, l)] > 0)
        v.fail(who + " holds \"" + in.objects[l].name + "\" but its reduced cost is " + txt(reduced[l]) +
               " ≠ 0");
    }
    // weak duality: V_i(p) ≤ λβ + Σ μh, so the gap bounds how far x_i is from optimal
    if (!approx && utility != dual_value)
      v.fail(who + ": duality gap: u·x = " + txt(utility) + " but λβ + Σ μh = " + txt(dual_value));
    if (approx && dual_value - utility > eps)
      v.fail(who + ": the utility gap λβ + Σ μh − u·x = " + txt(dual_value - utility) + " exceeds epsilon " +
             txt(eps));
  }
  if (e.efficiency) check_efficiency(in, e, label, v);
}

}  // namespace

Verdict check_equilibrium_certificate(const EquilibriumInstance& in, const EquilibriumResult& r) {
  Verdict v;
  if (r.status == EqStatus::Exact && r.equilibria.empty())
    v.fail("status exact but no equilibrium is listed");
  for (std::size_t k = 0; k < r.equilibria.size(); ++k)
    check_one(in, r.equilibria[k], "equilibrium " + std::to_string(k + 1), v);
  return v;
}

}  // namespace equilab::verify
