// The pseudo_market task `equilibrium`, kind `assignment` (Echenique–Miralles–Zhang 2022, "EMZ"):
// constrained pseudo-market (α-slack) equilibria with linear (vNM) utilities.
//
// Model (EMZ §2.5, §2.7, §7.1). Agents i with utility u_i·x_i, fiat budget b_i (default 1) and
// endowment ω_i; objects l with supply q_l; cells (i, l), x_il ≥ 0.
//   X_i   = {x_i ≥ 0 : Σ_l x_il ≤ 1 (unit demand), every user constraint touching agent i only}
//           — the individual inequalities Ω^i, never priced (EMZ Remark 1);
//   Ω*    = the priced inequalities a^c·x ≤ b^c: `supply:<l>` (Σ_i x_il ≤ q_l) and every user
//           constraint touching ≥ 2 agents (EMZ §2.5; §4.2 "no floors");
//   C     = {x : x_i ∈ X_i, every row of Ω* holds}; with `allocate_all` (EMZ §7.3, the HZ economy)
//           the supply rows hold with equality (Σ q_l = |I| is required, so by Birkhoff the lower
//           contour set of C is still given by the ceilings and Ω* is unchanged).
//   p_il  = Σ_{c∈Ω*} a^c_il p_c (personal prices, §2.7);
//   β_i(p) = α·b_i + (1 − α)·p_i·ω_i (§7.1; b_i = 1 in the paper).
// (x, p ≥ 0) is an α-slack equilibrium iff (1) x_i maximises u_i·y over {y ∈ X_i : p_i·y ≤ β_i(p)},
// (2) x ∈ C, (3) a^c·x < b^c ⇒ p_c = 0. For α = 0 the conditions are homogeneous in p, so prices
// are normalised to Σ_c p_c = 1 (p = 0 is considered separately).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/rational.h"
#include "lp/model.h"
#include "pseudo_market/sturm.h"

namespace equilab::pseudo_market {

// One linear inequality Σ coef·x ≤ rhs over cells (c = i·L + l); `equality` for allocate_all supply.
struct LinearRow {
  std::string name;                            // "supply:a", "unit:1", or the constraint name
  std::vector<std::pair<int, Rational>> coef;  // sorted by cell, coefficients > 0
  Rational rhs;
  bool equality = false;
};

struct EquilibriumInstance {
  std::string name;
  // "assignment" (EMZ §2), "roommates" (EMZ §5: objects are the agents, cell (i, i) = alone) or
  // "bundles" (slides: objects are the agents' non-empty bundles, "a+b", priced through the goods).
  std::string kind = "assignment";
  Rational alpha = 1;
  bool allocate_all = false;
  struct AgentData {
    std::string name;
    Rational budget = 1;
    std::vector<Rational> endowment;  // per object
    std::vector<Rational> utility;    // per object
    Rational utility_offset = 0;      // bundles: u_i(∅); utilities are reported as offset + u·x
  };
  std::vector<AgentData> agents;
  struct ObjectData {
    std::string name;
    Rational supply;
  };
  std::vector<ObjectData> objects;
  // User constraints as read (for writing back): each becomes an individual or a priced row.
  struct UserRow {
    std::string name;
    LinearRow row;
    bool by_cells = false;
    std::optional<std::vector<int>> agents, objects;  // selection form, nullopt = "*"
  };
  std::vector<UserRow> user;
  // EMZ §4.3 regions (kind assignment): a partition of the objects with floors and ceilings on the
  // number of copies assigned in each; see regions.cpp.
  struct Region {
    std::string name;
    std::vector<int> objects;
    Rational floor, ceiling;
  };
  std::vector<Region> regions;
  std::vector<LinearRow> priced;                   // Ω*: supplies (objects order), then user rows
  std::vector<std::vector<LinearRow>> individual;  // per agent: unit demand first, then user rows
  // Rows of C that are never priced, Σ coef·x ≥ rhs (EMZ §4.3 regional floors; Ω* then holds the
  // eq. (2) ceilings of the region unions).
  std::vector<LinearRow> floors;
  // C as a convex hull of integral points (roommates: the matchings, EMZ §5; bundles: the
  // allocations of all goods, slides): x ∈ C iff x = Σ_y w_y·y with w ≥ 0, Σ w = 1, in addition to
  // the rows. Each point is listed by its cells at 1. Empty for kind assignment (C = the rows).
  std::vector<std::vector<int>> hull;
  bool has_hull() const { return !hull.empty(); }
  // Optional candidate prices (per priced row) for the method `price-certify`.
  std::optional<std::vector<Rational>> candidate_prices;

  int num_agents() const { return static_cast<int>(agents.size()); }
  int num_objects() const { return static_cast<int>(objects.size()); }
  int num_cells() const { return num_agents() * num_objects(); }
  int cell(int i, int l) const { return i * num_objects() + l; }
  int priced_index(const std::string& row_name) const;  // −1 if none

  // p_il = Σ_c a^c_il p_c, dense N·L.
  std::vector<Rational> personal_prices(const std::vector<Rational>& prices) const;
  // β_i(p) = α·b_i + (1 − α)·p_i·ω_i.
  std::vector<Rational> budgets(const std::vector<Rational>& prices) const;
};

// Builds `priced` and `individual` from objects, supplies and `user`.
void finish_equilibrium(EquilibriumInstance& in);

// Per-agent KKT certificate of condition (1): λ_i (budget) and μ_ik (individual rows, same order
// as in.individual[i]).
struct AgentCertificate {
  Rational lambda;
  std::vector<Rational> mu;
};

// Weak C-efficiency of an assignment x (EMZ Theorem 1; notes §1): x maximises Σ θ_i u_i·y over C
// for weights θ_i ≥ 1 (efficient), or a y ∈ C with u_i·y_i ≥ u_i·x_i for all i, > for one
// (a Pareto improvement, not efficient).
struct EfficiencyCertificate {
  bool efficient = false;
  std::vector<Rational> weights;    // θ per agent (efficient)
  std::vector<Rational> row_duals;  // row-described C: π per row of C, order of efficiency_rows()
  std::vector<Rational> improvement;                          // y per cell (not efficient)
  std::vector<std::pair<int, Rational>> improvement_lottery;  // hull kinds: y as (hull index, weight)
};

struct Equilibrium {
  std::vector<Rational> prices;  // per priced row
  std::vector<Rational> x;       // per cell
  std::vector<AgentCertificate> agents;
  // Hull kinds: x = Σ weight·hull[index] (the clearing lottery).
  std::vector<std::pair<int, Rational>> lottery;
  // `approximate` (tatonnement): the largest utility gap / excess / budget overrun, exact; the agent
  // certificates are then dual-feasible bounds on V_i(p) rather than optimality proofs.
  std::optional<Rational> epsilon;
  std::optional<EfficiencyCertificate> efficiency;
  // As read from a result document (verify): the stated budgets, personal prices (dense N·L) and
  // utilities; empty when absent.
  std::vector<Rational> stated_budgets, stated_personal, stated_utilities;
  // The certificate's "priced" list as read: name, cells (cell, coef), rhs and price of every row
  // stated to carry a positive price; `has_stated_priced` is false when the list is absent.
  struct StatedRow {
    std::string name;
    std::vector<std::pair<int, Rational>> coef;
    Rational rhs, price;
  };
  std::vector<StatedRow> stated_priced;
  bool has_stated_priced = false;
};

// Every price on the segment [from, to] is an equilibrium price (checked exactly at both ends
// and at interior sample points by price-certify, and on the whole segment by the pattern's
// rational functions, see equilibrium.cpp).
struct EquilibriumFamily {
  std::vector<Rational> prices_from, prices_to;
};

// An equilibrium at an irrational price: p(θ) = base + θ·direction with θ the unique root of
// `polynomial` in (lo, hi).
struct IrrationalEquilibrium {
  std::vector<Rational> base, direction;
  Poly polynomial;
  Rational lo, hi;
  std::string pattern;
};

enum class EqStatus { Exact, Irrational, Approximate, None, Undecided, Infeasible /* price-certify only */ };
const char* to_string(EqStatus status);

struct EquilibriumOptions {
  std::uint64_t max_enumeration = 2'000'000;  // pattern-search nodes
  // tatonnement
  std::uint64_t max_iterations = 20'000;
  std::uint64_t seed = 0;           // starting prices (0: uniform)
  std::int64_t max_denominator = 1'000'000;  // continued-fraction reconstruction
};

struct EquilibriumResult {
  std::string method;
  EqStatus status = EqStatus::None;
  std::vector<Equilibrium> equilibria;
  std::vector<EquilibriumFamily> families;
  std::vector<IrrationalEquilibrium> irrational;
  // support-enum bookkeeping
  std::uint64_t faces = 0, patterns = 0, certified_points = 0;
  std::vector<std::string> undecided;  // why, per undecided face or pattern (first few)
  std::uint64_t undecided_count = 0;
  // tatonnement bookkeeping
  std::uint64_t iterations = 0;
  std::string arith_note;  // e.g. "search in double; certificate exact"
};

// The value V_i(p) of agent i's budget problem (exact LP).
Rational agent_value(const EquilibriumInstance& in, int agent, const std::vector<Rational>& personal,
                     const Rational& budget, AgentCertificate* certificate = nullptr);

// The start of every check at prices p: eq.prices = p and, per agent, V_i(p) (into `values`) with
// the dual (λ_i, μ_i) of the budget problem as eq.agents[i].
Equilibrium with_agent_values(const EquilibriumInstance& in, const std::vector<Rational>& prices,
                              std::vector<Rational>& values);

// price-certify: at the rational prices p, is there an equilibrium assignment? One exact LP per
// agent for V_i(p) (its dual is the agent's certificate), then one exact LP for x with
// u_i·x_i ≥ V_i(p), p_i·x_i ≤ β_i(p), x ∈ C and every row with p_c > 0 tight. nullopt: none.
std::optional<Equilibrium> price_certify(const EquilibriumInstance& in, const std::vector<Rational>& prices);

// Hull kinds: appends lottery weights w_y ≥ 0 (one per hull point) to an LP whose first
// num_cells() variables are x, with x = Σ w_y·y and Σ w_y = 1; returns the first weight's index
// (−1 without a hull). hull_lottery reads the positive weights back from a solution.
int add_hull_lottery(const EquilibriumInstance& in, lp::LpModel& model);
std::vector<std::pair<int, Rational>> hull_lottery(const EquilibriumInstance& in, const std::vector<Rational>& primal,
                                                   int first_weight);

// Hull kinds: x as a lottery over the hull points (exact LP), or nullopt when x ∉ conv(hull).
std::optional<std::vector<std::pair<int, Rational>>> lottery_for(const EquilibriumInstance& in,
                                                                 const std::vector<Rational>& x);

// support-enum: see equilibrium.cpp. Throws EnumerationLimit past the size limits.
EquilibriumResult solve_support_enum(const EquilibriumInstance& in, const EquilibriumOptions& options);
// The method `price-certify` on the instance's candidate prices.
EquilibriumResult solve_price_certify(const EquilibriumInstance& in, const EquilibriumOptions& options);

// EMZ's existence theorems for kinds assignment and roommates: Theorem 1 (α = 1) and Theorem 2 (α ∈ (0, 1]) need
// strictly increasing utilities (here: every u_il > 0 on the cells X_i allows), and Theorem 2 also
// ω ∈ C (§7.1 (2)) and Σ_{(i,l) ∈ supp c} ω_il > 0 for every priced row (§7.2). Returns the
// hypotheses that fail (empty: an equilibrium exists, so `none` would contradict the theorem); for
// α = 0 or kind bundles, the reason no theorem applies.
std::vector<std::string> existence_hypotheses_unmet(const EquilibriumInstance& in);

// The rows of C in one order (individual rows agent by agent, then the priced rows, then the
// floors): the order of EfficiencyCertificate::row_duals.
std::vector<LinearRow> efficiency_rows(const EquilibriumInstance& in);
// Weak C-efficiency of eq.x (exact LPs; hull kinds: the hull points).
EfficiencyCertificate efficiency_certificate(const EquilibriumInstance& in, const std::vector<Rational>& x);

// tatonnement: damped excess-demand steps on the priced rows with lp_solve (double) demands, then
// continued-fraction reconstruction of the prices (denominators ≤ max_denominator) and
// price_certify; otherwise `approximate` with an exact ε. See tatonnement.cpp.
EquilibriumResult solve_tatonnement(const EquilibriumInstance& in, const EquilibriumOptions& options);

// The demand set of agent i at p as coordinate ranges [min, max] of x_il over the optimal face
// (exact LPs); used by the catalog (EMZ footnote 22's uniqueness claim).
std::vector<std::pair<Rational, Rational>> demand_ranges(const EquilibriumInstance& in, int agent,
                                                         const std::vector<Rational>& prices);

}  // namespace equilab::pseudo_market
