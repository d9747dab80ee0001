// The fields of a "pseudo_market" result and what verify proves about each (see verify/result_fields.h).
// Both tasks share the table: `decompose` (lotteries: caratheodory, bckm-flow, m-natural; kinds
// assignment and bundles) and `equilibrium` (support-enum, tatonnement, price-certify; kinds
// assignment, with or without regions, roommates and bundles).
#include "verify/result_fields.h"

namespace equilab::verify {

const std::vector<FieldRule>& pseudo_market_result_fields() {
  using enum FieldRole;
  static const std::vector<FieldRule> rules = {
      // both tasks
      {"/model", Claim, "the instance's model"},
      {"/task", Claim, "the instance's task"},
      {"/method", Informational, "the method that ran"},
      {"/arith", Claim, "exact; nothing else is verified"},
      {"/status", Claim, "consistent with what is listed and certified (see each task)"},
      {"/equilab", Informational, "the program that wrote the result"},
      // task decompose
      {"/route", Informational, "how the method found its answer (flow, faces, columns, quota)"},
      {"/cells", Claim, "the instance's number of cells"},
      {"/points", Claim, "the number of points of the lottery"},
      {"/enumerated", Informational, "integral points the column form enumerated"},
      {"/lottery", Certificate,
       "implemented: probabilities ≥ 0 summing to 1, every point an integral point of Q, the mixture equal "
       "to x"},
      {"/farkas", Certificate,
       "not_implementable: ⟨w,x⟩ = value > bound, bound an inequality of Q (named by quota) or the maximum "
       "of "
       "⟨w,y⟩ over the integral points (enumerated)"},
      {"/m_natural", Claim,
       "one flag per agent with a utility: false exactly where a violating triple is listed, true agents "
       "rechecked "
       "exhaustively"},
      {"/violations", Certificate, "each triple (A, B, j) breaks the M♮ exchange condition for every D"},
      {"/certificate", Certificate, "the certificate's type, which must match the status"},
      // task equilibrium
      {"/kind", Claim, "the instance's kind"},
      {"/alpha", Claim, "the instance's alpha"},
      {"/search_arith", Informational, "tatonnement's search arithmetic"},
      {"/iterations", Informational, "tatonnement's iterations"},
      {"/arith_note", Informational, "how tatonnement's answer was computed"},
      {"/faces", Informational, "support-enum's faces"},
      {"/patterns", Informational, "support-enum's full patterns"},
      {"/undecided_patterns", Informational,
       "support-enum's undecided patterns (status none needs 0, undecided more)"},
      {"/undecided", Informational, "why some patterns were left undecided"},
      {"/certified_points", Informational, "prices handed to price-certify"},
      {"/families_uncertified", Informational, "families found but left out for want of a certificate"},
      {"/existence", Claim,
       "recomputed from the instance (EMZ Theorems 1 and 2); status none contradicts a guaranteed existence"},
      {"/listed", Claim, "the lengths of the equilibria, families and irrational lists"},
      {"/equilibria", Claim, "each listed once, in decreasing order of prices"},
      {"/equilibria/*/prices", Claim,
       "≥ 0; with the assignment an equilibrium by the certificate (EMZ §2.7 (1)–(3))"},
      {"/equilibria/*/personal_prices", Claim, "recomputed as Σ_c a^c p_c"},
      {"/equilibria/*/budgets", Claim, "recomputed as α·b + (1 − α)·p·ω"},
      {"/equilibria/*/assignment", Claim, "in C, optimal for every agent at the prices (certificate)"},
      {"/equilibria/*/utilities", Claim, "recomputed as u(∅) + u·x"},
      {"/equilibria/*/pareto_efficient", Claim, "what the efficiency certificate proves"},
      {"/equilibria/*/epsilon", Claim, "approximate: recomputed exactly as the largest violation, > 0"},
      {"/equilibria/*/certificate", Certificate,
       "agents' multipliers (KKT with zero duality gap), the priced rows, the clearing lottery, efficiency "
       "weights with row duals or a Pareto improvement"},
      {"/families", Claim, "each listed once, in decreasing order; status exact"},
      {"/families/*/prices_from", Claim,
       "a listed equilibrium's prices; with the certificate every price to prices_to is one"},
      {"/families/*/prices_to", Claim, "a listed equilibrium's prices"},
      {"/families/*/utilities_from", Claim, "recomputed at the listed equilibrium at prices_from"},
      {"/families/*/utilities_to", Claim, "recomputed at the listed equilibrium at prices_to"},
      {"/families/*/certificate", Certificate,
       "per piece the agents' paths with end multipliers and the lottery polynomials, checked for every "
       "price "
       "of the piece (verify/pseudo_market_family.cpp)"},
      {"/irrational", Claim, "each listed once, in decreasing order; status irrational or exact"},
      {"/irrational/*/polynomial", Claim, "degree ≥ 2 with one irrational root in the interval"},
      {"/irrational/*/polynomial_text", Claim, "the polynomial, written out"},
      {"/irrational/*/interval", Certificate, "isolates one root of the polynomial"},
      {"/irrational/*/prices_base", Claim, "the price line's base (not certified: see the README)"},
      {"/irrational/*/prices_direction", Claim, "the price line's direction (not certified: see the README)"},
      {"/irrational/*/pattern", Informational, "the support pattern the root came from"},
  };
  return rules;
}

}  // namespace equilab::verify
