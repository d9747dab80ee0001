// The method `tatonnement` of the pseudo_market `equilibrium` task: a price search in floating point
// whose answer is always checked, or measured, in exact arithmetic.
//
// Search (double; demands from lp_solve). Prices p ≥ 0 live on the priced rows Ω* (EMZ 2022 §2.5).
// At p every agent demands a solution of its budget problem (EMZ §2.7 condition (1), with the
// α-slack budget of EMZ §7.1)
//     max u_i·x_i  s.t.  p_i·x_i ≤ β_i(p),  x_i ∈ X_i,
// p_il = Σ_c a^c_il p_c, β_i(p) = α·b_i + (1 − α)·p_i·ω_i. The excess of row c is
// z_c = a^c·x − b^c and the step is the projected (damped) excess-demand step
//     p_c ← max(0, p_c + η_t·z_c),
// where prices are measured in units of s = Σ_i b_i / Σ_c b^c, the price level at which the fiat
// money buys the supplies (for α = 0 the level is free: prices are renormalised to Σ_c p_c = 1 after
// every step, the conditions being homogeneous of degree 0 in p, EMZ §7.1). With linear utilities
// the demand is a face of the budget set and lp_solve returns one vertex of it, so the excess of
// the exact prices jumps between the vertices of the faces. Two averages handle this:
//   · the step uses an exponential average of the demanded vertices (weight 0.1 for the newest),
//     an approximation of a point of the face rather than one vertex;
//   · the candidate prices are the step-weighted averages of the iterates over epochs of
//     32, 64, …, 1024 iterations, then 1024 each (the averaging of subgradient-type methods).
// Steps: η_t = η₀·s/√t (η₀ = 1/4) until the epochs reach 1024 iterations, then halved after every
// further epoch, which removes the bias of the averages faster than 1/√t; after 9 halvings the
// step returns to its first level, a warm restart from the current prices.
//
// Certification (exact). At the end of every epoch the averaged prices are turned into rationals
// — best rational approximations by continued fractions with denominators ≤ max_denominator, the
// simplest rationals within relative tolerances 10⁻²…10⁻⁴ (prices that close to 0 become 0), the
// same after tying prices within the tolerance to their mean (equal prices are typical where
// demands tie), and p = 0 once at the start — and handed to price_certify (EMZ §2.7 conditions
// (1)–(3) by exact LPs over the whole optimal face, jointly with clearing). A candidate is first
// screened by the same LP in double (lp_solve, with a small slack), and only passed to the exact
// LPs when the screen finds it feasible. The first success is the answer (`exact`).
//
// Otherwise (`approximate`): at the last reconstructed rational prices p (the best ε of the first
// three candidates of the last epoch), V_i(p) is computed exactly (agent_value; its dual
// (λ_i, μ_i) is stored as the agent's certificate) and one exact LP
//     min ε  s.t.  x_i ∈ X_i,  u_i·x_i ≥ V_i(p) − ε,  p_i·x_i ≤ β_i(p) + ε,
//                  a^c·x ≤ b^c + ε (c ∈ Ω*; equality rows and rows with p_c > 0 also ≥ b^c − ε),
//                  floor rows a·x ≥ b − ε,  hull kinds: x = Σ_y w_y·y, w ≥ 0, Σ w = 1
// gives the exact ε of the returned (x, p): the largest utility gap, budget overrun and
// clearing violation. ε = 0 is an exact equilibrium.
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/deadline.h"
#include "core/random.h"
#include "lp/exact_simplex.h"
#include "lp/lpsolve.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/sturm.h"

namespace equilab::pseudo_market {

namespace {

using Prices = std::vector<Rational>;

std::string label(char prefix, int k) {
  std::string s(1, prefix);
  s += std::to_string(k);
  return s;
}

// The best rational approximation of v ≥ 0 with denominator ≤ max_den (continued-fraction
// convergents and the last semiconvergent, as in Khinchin's "best approximations of the second
// kind" restricted to the bound).
Rational best_rational(const Rational& v, const Integer& max_den) {
  if (v <= 0) return Rational(0);
  if (boost::multiprecision::denominator(v) <= max_den) return v;
  Integer p0 = 0, q0 = 1, p1 = 1, q1 = 0;  // convergents h_{k−2}/k_{k−2}, h_{k−1}/k_{k−1}
  Integer num = boost::multiprecision::numerator(v), den = boost::multiprecision::denominator(v);
  while (true) {
    const Integer a = num / den;
    const Integer q2 = q0 + a * q1;
    if (q2 > max_den) break;
    const Integer p2 = p0 + a * p1;
    p0 = p1;
    q0 = q1;
    p1 = p2;
    q1 = q2;
    const Integer r = num - a * den;
    num = den;
    den = r;
    if (den == 0) break;
  }
  // the largest semiconvergent within the bound, compared with the last convergent
  const Integer k = (max_den - q0) / q1;
  const Rational semi(Integer(p0 + k * p1), Integer(q0 + k * q1));
  const Rational conv(p1, q1);
  const Rational ds = semi > v ? Rational(semi - v) : Rational(v - semi);
  const Rational dc = conv > v ? Rational(conv - v) : Rational(v - conv);
  return ds < dc ? semi : conv;
}

class Tatonnement {
 public:
  Tatonnement(const EquilibriumInstance& in, const EquilibriumOptions& options)
      : in_(in), options_(options), n_(in.num_agents()), L_(in.num_objects()),
        P_(static_cast<int>(in.priced.size())) {
    alpha_ = in.alpha.convert_to<double>();
    budget_.resize(n_);
    endow_.assign(in.num_cells(), 0.0);
    for (int i = 0; i < n_; ++i) {
      budget_[i] = in.agents[i].budget.convert_to<double>();
      for (int l = 0; l < L_; ++l) endow_[in.cell(i, l)] = in.agents[i].endowment[l].convert_to<double>();
    }
    rhs_.resize(P_);
    coef_.resize(P_);
    for (int c = 0; c < P_; ++c) {
      rhs_[c] = in.priced[c].rhs.convert_to<double>();
      for (const auto& [cell, a] : in.priced[c].coef) coef_[c].emplace_back(cell, a.convert_to<double>());
    }
    double total_budget = 0, total_rhs = 0;
    for (double b : budget_) total_budget += b;
    for (double r : rhs_) total_rhs += r;
    scale_ = total_rhs > 0 ? total_budget / total_rhs : 1.0;
    if (in.alpha == 0) scale_ = P_ > 0 ? 1.0 / P_ : 1.0;
    // one lp_solve model per agent: row 0 is the budget (filled at each price), then X_i
    models_.resize(n_);
    for (int i = 0; i < n_; ++i) {
      lp::LpModel& m = models_[i];
      m.sense = lp::Sense::Maximize;
      for (int l = 0; l < L_; ++l) {
        m.variables.push_back(lp::Variable{label('x', l), Rational(0), std::nullopt});
        m.objective.push_back(in.agents[i].utility[l]);
      }
      m.constraints.push_back(lp::Constraint{"budget", {}, lp::RowOp::LessEqual, Rational(0)});
      for (const LinearRow& row : in.individual[i]) {
        lp::Constraint r{row.name, {}, lp::RowOp::LessEqual, row.rhs};
        for (const auto& [cell, a] : row.coef) r.coef.emplace_back(cell - i * L_, a);
        m.constraints.push_back(std::move(r));
      }
      lp::normalize_rows(m);
    }
  }

  EquilibriumResult run() {
    EquilibriumResult result;
    result.method = "tatonnement";
    result.arith_note = "prices searched in double (lp_solve); certificate and epsilon exact";
    if (P_ == 0) {  // nothing to price: p is the empty vector
      result.iterations = 0;
      finish(result, Prices{});
      return result;
    }
    std::vector<double> p = start_prices();
    // p = 0 first (for α = 0 outside the normalisation Σ p = 1, but an equilibrium price all the
    // same when the unpriced demands fit into C)
    if (try_certify(Prices(P_, Rational(0)), result)) return result;

    std::vector<double> avg_x(in_.num_cells(), 0.0), epoch_sum(P_, 0.0), epoch_avg = p;
    double epoch_weight = 0;
    std::uint64_t epoch_len = 32, epoch_end = 32, full_epochs = 0;
    // weight of the newest demand in the running average and the step constant η₀, chosen on
    // generated dichotomous instances (without the demand average, weight 1, the excess jumps
    // between the vertices of a demand face and the price averages stall about 10⁻³ away)
    constexpr double kDemandMemory = 0.1, eta0 = 0.25;
    constexpr std::uint64_t kEpoch = 1024, kHalvings = 9;
    const std::uint64_t T = std::max<std::uint64_t>(options_.max_iterations, 1);
    std::vector<Prices> last_candidates;
    for (std::uint64_t t = 1; t <= T; ++t) {
      check_deadline();
      const std::vector<double> x = demand(p);
      const double w = t == 1 ? 1.0 : kDemandMemory;
      for (int c = 0; c < in_.num_cells(); ++c) avg_x[c] = (1 - w) * avg_x[c] + w * x[c];
      // η₀·s/√t until the epochs reach their full length kEpoch, then halved after every full
      // epoch; after kHalvings halvings the step returns to its first level (a warm restart from
      // the current prices).
      const double eta = eta0 * scale_ / std::sqrt(static_cast<double>(std::min<std::uint64_t>(t, kEpoch))) /
                         static_cast<double>(std::uint64_t{1} << (full_epochs % kHalvings));
      for (int c = 0; c < P_; ++c) epoch_sum[c] += eta * p[c];
      epoch_weight += eta;
      for (int c = 0; c < P_; ++c) {
        double z = -rhs_[c];
        for (const auto& [cell, a] : coef_[c]) z += a * avg_x[cell];
        p[c] = std::max(0.0, p[c] + eta * z);
      }
      if (in_.alpha == 0) normalise(p);
      if (t == epoch_end || t == T) {
        for (int c = 0; c < P_; ++c) epoch_avg[c] = epoch_sum[c] / epoch_weight;
        std::fill(epoch_sum.begin(), epoch_sum.end(), 0.0);
        epoch_weight = 0;
        if (epoch_len == kEpoch) ++full_epochs;
        epoch_len = std::min<std::uint64_t>(epoch_len * 2, kEpoch);
        epoch_end = t + epoch_len;
        last_candidates = candidates(epoch_avg);
        for (const Prices& cand : last_candidates)
          if (try_certify(cand, result)) {
            result.iterations = t;
            return result;
          }
      }
    }
    result.iterations = T;
    // approximate: the smallest ε among the last candidates (the first is the finest one)
    const std::size_t tries = std::min<std::size_t>(last_candidates.size(), 3);
    std::optional<Equilibrium> best;
    for (std::size_t k = 0; k < tries; ++k) {
      check_deadline();
      Equilibrium e = approximate(last_candidates[k]);
      if (!best || *e.epsilon < *best->epsilon) best = std::move(e);
    }
    if (!best) best = approximate(reconstruct(epoch_avg, Integer(options_.max_denominator), 0.0));
    if (*best->epsilon == 0) {
      best->epsilon.reset();
      result.status = EqStatus::Exact;
    } else {
      result.status = EqStatus::Approximate;
    }
    result.equilibria.push_back(std::move(*best));
    return result;
  }

 private:
  const EquilibriumInstance& in_;
  const EquilibriumOptions& options_;
  int n_, L_, P_;
  double alpha_, scale_;
  std::vector<double> budget_, endow_, rhs_;
  std::vector<std::vector<std::pair<int, double>>> coef_;
  std::vector<lp::LpModel> models_;
  std::set<Prices> tried_;

  std::vector<double> start_prices() const {
    std::vector<double> p(P_, scale_);
    if (options_.seed != 0) {
      Random rng(options_.seed);
      for (double& v : p) v = scale_ * (0.5 + static_cast<double>(rng.uniform_int(0, 1000)) / 1000.0);
    }
    if (in_.alpha == 0) normalise(p);
    return p;
  }

  void normalise(std::vector<double>& p) const {
    double s = 0;
    for (double v : p) s += v;
    if (s <= 0) {
      std::fill(p.begin(), p.end(), 1.0 / P_);
      return;
    }
    for (double& v : p) v /= s;
  }

  // Demands at p (double), one lp_solve LP per agent.
  std::vector<double> demand(const std::vector<double>& p) {
    std::vector<double> pp(in_.num_cells(), 0.0);
    for (int c = 0; c < P_; ++c)
      if (p[c] != 0)
        for (const auto& [cell, a] : coef_[c]) pp[cell] += a * p[c];
    std::vector<double> x(in_.num_cells(), 0.0);
    for (int i = 0; i < n_; ++i) {
      double wealth = 0;
      for (int l = 0; l < L_; ++l) wealth += pp[in_.cell(i, l)] * endow_[in_.cell(i, l)];
      const double beta = alpha_ * budget_[i] + (1 - alpha_) * wealth;
      lp::LpModel& m = models_[i];
      lp::Constraint& b = m.constraints[0];
      b.coef.clear();
      // personal prices below 10⁻¹² of the price level count as 0 (they only upset lp_solve's scaling)
      for (int l = 0; l < L_; ++l)
        if (pp[in_.cell(i, l)] > 1e-12 * scale_) b.coef.emplace_back(l, rational_from_double(pp[in_.cell(i, l)]));
      b.rhs = rational_from_double(std::max(0.0, beta));
      std::vector<double> xi;
      try {
        const lp::Solution<double> s = lp::lpsolve_solve(m);
        if (s.status == lp::Status::Optimal) xi = s.primal;
      } catch (const TimeLimitReached&) {
        throw;  // a runtime_error too, but the run is over
      } catch (const std::runtime_error&) {  // a numerical failure of lp_solve
      }
      if (xi.empty()) {  // the same LP exactly (X_i is bounded and contains 0: always optimal)
        const lp::Solution<Rational> s = lp::simplex_solve<Rational>(m);
        if (s.status != lp::Status::Optimal) continue;
        for (int l = 0; l < L_; ++l) xi.push_back(s.primal[l].convert_to<double>());
      }
      for (int l = 0; l < L_; ++l) x[in_.cell(i, l)] = std::max(0.0, xi[l]);
    }
    return x;
  }

  // Rationals near the double prices q: every coordinate within tol·scale of 0 becomes 0 (tol > 0),
  // the others their best approximation with denominator ≤ max_den; α = 0: renormalised exactly.
  Prices reconstruct(const std::vector<double>& q, const Integer& max_den, double tol) const {
    Prices r(P_);
    for (int c = 0; c < P_; ++c)
      r[c] = q[c] <= tol * scale_ ? Rational(0) : best_rational(rational_from_double(q[c]), max_den);
    return normalised(std::move(r));
  }

  // The simplest rational in [q − δ, q + δ] per coordinate (0 when the interval reaches 0).
  Prices simplest(const std::vector<double>& q, double delta) const {
    Prices r(P_);
    const Rational d = rational_from_double(delta * scale_);
    for (int c = 0; c < P_; ++c) {
      const Rational v = rational_from_double(q[c]);
      r[c] = simplest_between(v - d, v + d);
      if (r[c] < 0) r[c] = 0;
    }
    return normalised(std::move(r));
  }

  Prices normalised(Prices r) const {
    if (in_.alpha != 0) return r;
    Rational s = 0;
    for (const Rational& v : r) s += v;
    if (s == 0) return r;  // p = 0 (tried as it is)
    for (Rational& v : r) v /= s;
    return r;
  }

  // Prices within δ·scale of each other tied to their mean (chains of neighbours in sorted order):
  // at an equilibrium with ties in demand several rows often share one price, and the mean of the
  // tied coordinates is a better estimate than each of them.
  std::vector<double> tied(const std::vector<double>& q, double delta) const {
    std::vector<int> order(P_);
    for (int c = 0; c < P_; ++c) order[c] = c;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return q[a] < q[b]; });
    std::vector<double> out = q;
    for (int a = 0; a < P_;) {
      int b = a + 1;
      while (b < P_ && q[order[b]] - q[order[b - 1]] <= delta * scale_) ++b;
      double mean = 0;
      for (int k = a; k < b; ++k) mean += q[order[k]];
      mean /= b - a;
      for (int k = a; k < b; ++k) out[order[k]] = mean;
      a = b;
    }
    return out;
  }

  std::vector<Prices> candidates(const std::vector<double>& q) const {
    std::vector<Prices> out;
    auto add = [&](Prices p) {
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(std::move(p));
    };
    const Integer max_den(std::max<std::int64_t>(options_.max_denominator, 1));
    add(reconstruct(q, max_den, 1e-6));
    for (double delta : {1e-2, 3e-3, 1e-3, 3e-4, 1e-4}) {
      add(simplest(q, delta));
      add(simplest(tied(q, delta), delta));
    }
    return out;
  }

  // A floating-point screen of price_certify's LP (lp_solve, with slack 1e-7 relative on every
  // inequality): values V_i(p) from the agents' lp_solve problems, then u_i·x_i ≥ V_i, budgets,
  // X_i, and the priced rows (tight where p_c > 0 or equality). Rows only, also for hull kinds:
  // a relaxation, so "infeasible" here means price_certify would fail as well, up to the slack.
  bool plausible(const Prices& p) {
    const Prices pp = in_.personal_prices(p), beta = in_.budgets(p);
    lp::LpModel m;
    m.sense = lp::Sense::Maximize;
    for (int c = 0; c < in_.num_cells(); ++c) {
      m.variables.push_back(lp::Variable{label('x', c), Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    auto slack = [](const Rational& v) {
      return Rational(1, 10'000'000) * (1 + (v < 0 ? Rational(-v) : v));
    };
    for (int i = 0; i < n_; ++i) {
      lp::LpModel& a = models_[i];
      lp::Constraint& b = a.constraints[0];
      b.coef.clear();
      for (int l = 0; l < L_; ++l)
        if (pp[in_.cell(i, l)] != 0) b.coef.emplace_back(l, pp[in_.cell(i, l)]);
      b.rhs = beta[i];
      lp::Solution<double> s;
      try {
        s = lp::lpsolve_solve(a);
      } catch (const TimeLimitReached&) {
        throw;
      } catch (const std::runtime_error&) {
        return true;  // no opinion: the exact LPs decide
      }
      if (s.status != lp::Status::Optimal) return true;
      const Rational v = rational_from_double(s.objective);
      lp::Constraint val{"value", {}, lp::RowOp::GreaterEqual, v - slack(v)};
      lp::Constraint bud{"budget", {}, lp::RowOp::LessEqual, beta[i] + slack(beta[i])};
      for (int l = 0; l < L_; ++l) {
        val.coef.emplace_back(in_.cell(i, l), in_.agents[i].utility[l]);
        bud.coef.emplace_back(in_.cell(i, l), pp[in_.cell(i, l)]);
      }
      m.constraints.push_back(std::move(val));
      m.constraints.push_back(std::move(bud));
      for (const LinearRow& row : in_.individual[i])
        m.constraints.push_back(lp::Constraint{row.name, row.coef, lp::RowOp::LessEqual, row.rhs + slack(row.rhs)});
    }
    for (int c = 0; c < P_; ++c) {
      const LinearRow& row = in_.priced[c];
      m.constraints.push_back(lp::Constraint{row.name, row.coef, lp::RowOp::LessEqual, row.rhs + slack(row.rhs)});
      if (row.equality || p[c] > 0)
        m.constraints.push_back(
            lp::Constraint{row.name, row.coef, lp::RowOp::GreaterEqual, row.rhs - slack(row.rhs)});
    }
    lp::normalize_rows(m);
    try {
      return lp::lpsolve_solve(m).status != lp::Status::Infeasible;
    } catch (const TimeLimitReached&) {
      throw;
    } catch (const std::runtime_error&) {
      return true;
    }
  }

  bool try_certify(const Prices& p, EquilibriumResult& result) {
    if (!tried_.insert(p).second) return false;
    check_deadline();
    if (!plausible(p)) return false;
    ++result.certified_points;
    std::optional<Equilibrium> e = price_certify(in_, p);
    if (!e) return false;
    result.status = EqStatus::Exact;
    result.equilibria.push_back(std::move(*e));
    return true;
  }

  void finish(EquilibriumResult& result, const Prices& p) {
    if (try_certify(p, result)) return;
    Equilibrium e = approximate(p);
    result.status = *e.epsilon == 0 ? EqStatus::Exact : EqStatus::Approximate;
    if (*e.epsilon == 0) e.epsilon.reset();
    result.equilibria.push_back(std::move(e));
  }

  // The exact ε of the best x at the rational prices p (see the header comment).
  Equilibrium approximate(const Prices& p) const {
    const int N = in_.num_cells(), H = static_cast<int>(in_.hull.size());
    const Prices pp = in_.personal_prices(p), beta = in_.budgets(p);
    std::vector<Rational> value;
    Equilibrium eq = with_agent_values(in_, p, value);
    lp::LpModel m;
    m.sense = lp::Sense::Minimize;
    for (int c = 0; c < N; ++c) {
      m.variables.push_back(lp::Variable{label('x', c), Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    for (int h = 0; h < H; ++h) {
      m.variables.push_back(lp::Variable{label('w', h), Rational(0), std::nullopt});
      m.objective.push_back(0);
    }
    const int eps = m.num_vars();
    m.variables.push_back(lp::Variable{"epsilon", Rational(0), std::nullopt});
    m.objective.push_back(1);
    auto with_eps = [&](std::vector<std::pair<int, Rational>> coef, const Rational& e) {
      coef.emplace_back(eps, e);
      return coef;
    };
    for (int i = 0; i < n_; ++i) {
      std::vector<std::pair<int, Rational>> u, b;
      for (int l = 0; l < L_; ++l) {
        u.emplace_back(in_.cell(i, l), in_.agents[i].utility[l]);
        b.emplace_back(in_.cell(i, l), pp[in_.cell(i, l)]);
      }
      m.constraints.push_back(lp::Constraint{"value", with_eps(u, 1), lp::RowOp::GreaterEqual, value[i]});
      m.constraints.push_back(lp::Constraint{"budget", with_eps(b, -1), lp::RowOp::LessEqual, beta[i]});
      for (const LinearRow& row : in_.individual[i])
        m.constraints.push_back(lp::Constraint{row.name, row.coef, lp::RowOp::LessEqual, row.rhs});
    }
    for (int c = 0; c < P_; ++c) {
      const LinearRow& row = in_.priced[c];
      m.constraints.push_back(lp::Constraint{row.name, with_eps(row.coef, -1), lp::RowOp::LessEqual, row.rhs});
      if (row.equality || p[c] > 0)
        m.constraints.push_back(
            lp::Constraint{row.name + ":tight", with_eps(row.coef, 1), lp::RowOp::GreaterEqual, row.rhs});
    }
    for (const LinearRow& row : in_.floors)
      m.constraints.push_back(lp::Constraint{row.name, with_eps(row.coef, 1), lp::RowOp::GreaterEqual, row.rhs});
    if (H > 0) {
      std::vector<std::pair<int, Rational>> total;
      std::vector<std::vector<std::pair<int, Rational>>> link(N);
      for (int c = 0; c < N; ++c) link[c].emplace_back(c, Rational(1));
      for (int h = 0; h < H; ++h) {
        total.emplace_back(N + h, Rational(1));
        for (int c : in_.hull[h]) link[c].emplace_back(N + h, Rational(-1));
      }
      m.constraints.push_back(lp::Constraint{"lottery", total, lp::RowOp::Equal, Rational(1)});
      for (int c = 0; c < N; ++c)
        m.constraints.push_back(lp::Constraint{label('h', c), link[c], lp::RowOp::Equal, Rational(0)});
    }
    lp::normalize_rows(m);
    const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
    if (sol.status != lp::Status::Optimal)
      throw std::logic_error("tatonnement: the epsilon LP is not optimal");  // x = 0 / a hull point, large ε
    eq.x.assign(sol.primal.begin(), sol.primal.begin() + N);
    for (int h = 0; h < H; ++h)
      if (sol.primal[N + h] > 0) eq.lottery.emplace_back(h, sol.primal[N + h]);
    eq.epsilon = sol.objective;
    return eq;
  }
};

}  // namespace

EquilibriumResult solve_tatonnement(const EquilibriumInstance& in, const EquilibriumOptions& options) {
  return Tatonnement(in, options).run();
}

}  // namespace equilab::pseudo_market
