// Every claim of a pseudo_market result document besides the certificates' own checks
// (verify/pseudo_market_certificate.h): a result claims only what verify proves (DESIGN principle 8).
//
// Task equilibrium. The status must say what is listed, and nothing more:
//   exact        at least one listed equilibrium, every one certified exactly (no epsilon);
//   approximate  listed equilibria, each with its exact ε > 0 (tatonnement's ε-LP optimum: the
//                largest utility gap, budget overrun or clearing violation of the stated (x, p));
//   irrational   no rational equilibrium listed, at least one irrational entry;
//   none         nothing listed, and EMZ's existence theorem must not apply (Theorems 1 and 2:
//                an equilibrium exists when their hypotheses hold, so `none` would contradict them);
//   undecided    nothing listed;
//   not_equilibrium_price  (price-certify) nothing listed, the instance has candidate prices.
// Families need listed ends, so status exact. `existence` is recomputed from the instance
// (existence_hypotheses_unmet, EMZ Theorems 1/2 as documented in pseudo_market/equilibrium.h) and
// compared field by field. Each exact equilibrium carries an efficiency certificate and
// `pareto_efficient` must be what it proves. Lists are in canonical order (decreasing prices) with
// their lengths stated in `listed`, so a dropped, repeated or reordered entry contradicts the document.
#include <algorithm>

#include "verify/pseudo_market_certificate.h"
#include "verify/pseudo_market_family.h"

namespace equilab::verify {

using namespace pseudo_market;

namespace {

std::string txt(const Rational& r) { return equilab::to_string(r); }

bool price_less(const std::vector<Rational>& a, const std::vector<Rational>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
}

std::vector<Rational> utilities_of(const EquilibriumInstance& in, const std::vector<Rational>& x) {
  std::vector<Rational> u(in.num_agents());
  for (int i = 0; i < in.num_agents(); ++i) {
    u[i] = in.agents[i].utility_offset;
    for (int l = 0; l < in.num_objects(); ++l) u[i] += in.agents[i].utility[l] * x[in.cell(i, l)];
  }
  return u;
}

// The smallest ε for which the stated (x, p) and the agents' multipliers pass the approximate
// checks: max(0, the utility gaps λβ + Σμh − u·x, budget overruns, row excesses, shortfalls of
// tight rows (equalities and rows with a positive price), floor shortfalls) — the quantities
// tatonnement's ε-LP bounds (pseudo_market/tatonnement.cpp), so its optimum is this maximum.
Rational needed_epsilon(const EquilibriumInstance& in, const Equilibrium& e) {
  const int n = in.num_agents(), L = in.num_objects();
  const std::vector<Rational> pp = in.personal_prices(e.prices), beta = in.budgets(e.prices);
  Rational eps = 0;
  auto take = [&](const Rational& v) { eps = std::max(eps, v); };
  for (int i = 0; i < n; ++i) {
    Rational spend = 0, utility = 0;
    for (int l = 0; l < L; ++l) {
      spend += pp[in.cell(i, l)] * e.x[in.cell(i, l)];
      utility += in.agents[i].utility[l] * e.x[in.cell(i, l)];
    }
    Rational dual = e.agents[i].lambda * beta[i];
    for (std::size_t k = 0; k < in.individual[i].size() && k < e.agents[i].mu.size(); ++k)
      dual += e.agents[i].mu[k] * in.individual[i][k].rhs;
    take(dual - utility);
    take(spend - beta[i]);
  }
  auto value = [&](const LinearRow& row) {
    Rational s = 0;
    for (const auto& [cell, a] : row.coef) s += a * e.x[cell];
    return s;
  };
  for (std::size_t c = 0; c < in.priced.size(); ++c) {
    const Rational s = value(in.priced[c]);
    take(s - in.priced[c].rhs);
    if (in.priced[c].equality || e.prices[c] > 0) take(in.priced[c].rhs - s);
  }
  for (const LinearRow& row : in.floors) take(row.rhs - value(row));
  return eps;
}

template <class T, class Less>
bool strictly_decreasing(const std::vector<T>& v, Less less) {
  for (std::size_t k = 1; k < v.size(); ++k)
    if (!less(v[k], v[k - 1])) return false;
  return true;
}

}  // namespace

Verdict check_equilibrium_result(const EquilibriumInstance& in, const EquilibriumResultDocument& doc) {
  const EquilibriumResult& r = doc.result;
  Verdict v = check_equilibrium_certificate(in, r);
  if (doc.task != "equilibrium") v.fail("task \"" + doc.task + "\", but the instance's task is equilibrium");
  if (doc.kind != in.kind)
    v.fail("kind \"" + doc.kind + "\", but the instance is of kind \"" + in.kind + "\"");
  if (doc.arith != "exact") v.fail("arith \"" + doc.arith + "\": only exact results are verified");
  if (doc.alpha != in.alpha)
    v.fail("alpha " + txt(doc.alpha) + ", but the instance's alpha is " + txt(in.alpha));
  // the lists: stated lengths and canonical order
  if (doc.listed_equilibria != r.equilibria.size())
    v.fail("listed says " + std::to_string(doc.listed_equilibria) + " equilibria, the list has " +
           std::to_string(r.equilibria.size()));
  if (doc.listed_families != r.families.size())
    v.fail("listed says " + std::to_string(doc.listed_families) + " families, the list has " +
           std::to_string(r.families.size()));
  if (doc.listed_irrational != r.irrational.size())
    v.fail("listed says " + std::to_string(doc.listed_irrational) + " irrational equilibria, the list has " +
           std::to_string(r.irrational.size()));
  if (!strictly_decreasing(r.equilibria, [](const Equilibrium& a, const Equilibrium& b) {
        return price_less(a.prices, b.prices);
      }))
    v.fail("the equilibria are not listed once each in decreasing order of their prices");
  if (!strictly_decreasing(r.families, [](const EquilibriumFamily& a, const EquilibriumFamily& b) {
        return price_less(a.prices_from, b.prices_from) ||
               (a.prices_from == b.prices_from && price_less(a.prices_to, b.prices_to));
      }))
    v.fail("the families are not listed once each in decreasing order of (prices_from, prices_to)");
  if (!strictly_decreasing(r.irrational, [](const IrrationalEquilibrium& a, const IrrationalEquilibrium& b) {
        if (a.base != b.base) return price_less(a.base, b.base);
        if (a.direction != b.direction) return price_less(a.direction, b.direction);
        return a.lo < b.lo;
      }))
    v.fail("the irrational equilibria are not listed once each in decreasing order");
  // per equilibrium: ε and the efficiency flag
  for (std::size_t k = 0; k < r.equilibria.size(); ++k) {
    const Equilibrium& e = r.equilibria[k];
    const std::string label = "equilibrium " + std::to_string(k + 1);
    const std::optional<bool> pareto =
        k < doc.pareto_efficient.size() ? doc.pareto_efficient[k] : std::nullopt;
    if (e.epsilon) {
      if (pareto || e.efficiency) v.fail(label + ": an approximate equilibrium claims no efficiency");
      const Rational need = needed_epsilon(in, e);
      if (*e.epsilon != need)
        v.fail(label + ": epsilon " + txt(*e.epsilon) + ", but the stated (x, p) and multipliers give " +
               txt(need));
      if (*e.epsilon <= 0)
        v.fail(label + ": an approximate equilibrium with epsilon " + txt(*e.epsilon) + " is exact");
    } else {
      if (!e.efficiency || !pareto)
        v.fail(label + ": an exact equilibrium states pareto_efficient with its efficiency certificate");
      else if (*pareto != e.efficiency->efficient)
        v.fail(label + std::string(": pareto_efficient is ") + (*pareto ? "true" : "false") +
               ", but the efficiency certificate proves " +
               (e.efficiency->efficient ? "efficiency" : "a Pareto improvement"));
    }
  }
  // status
  bool any_exact = false, any_approx = false;
  for (const Equilibrium& e : r.equilibria) (e.epsilon ? any_approx : any_exact) = true;
  const std::string status = to_string(r.status);
  auto contradiction = [&](const std::string& why) { v.fail("status " + status + " " + why); };
  switch (r.status) {
    case EqStatus::Exact:
      if (!any_exact) contradiction("but no exact equilibrium is listed");
      if (any_approx) contradiction("but an approximate equilibrium is listed");
      break;
    case EqStatus::Approximate:
      if (!any_approx) contradiction("but no approximate equilibrium is listed");
      if (any_exact) contradiction("but an exact equilibrium is listed");
      break;
    case EqStatus::Irrational:
      if (!r.equilibria.empty()) contradiction("but rational equilibria are listed (status exact)");
      if (r.irrational.empty()) contradiction("but no irrational equilibrium is listed");
      break;
    case EqStatus::None:
    case EqStatus::Undecided:
    case EqStatus::Infeasible:
      if (!r.equilibria.empty() || !r.irrational.empty())
        contradiction("but " + std::to_string(r.equilibria.size() + r.irrational.size()) +
                      " equilibria are listed");
      break;
  }
  if (!r.families.empty() && r.status != EqStatus::Exact)
    contradiction("with families (their ends are listed equilibria, so the status is exact)");
  if (r.status == EqStatus::None && doc.undecided_patterns && *doc.undecided_patterns > 0)
    contradiction("with undecided patterns (status undecided)");
  if (r.status == EqStatus::Undecided && doc.undecided_patterns && *doc.undecided_patterns == 0)
    contradiction("without undecided patterns");
  if (r.status == EqStatus::Infeasible && !in.candidate_prices)
    contradiction("but the instance states no candidate prices");
  if (r.method == "price-certify" && r.status == EqStatus::Exact) {
    if (!in.candidate_prices)
      v.fail("price-certify without candidate prices in the instance");
    else
      for (const Equilibrium& e : r.equilibria)
        if (e.prices != *in.candidate_prices)
          v.fail("price-certify lists prices other than the instance's candidates");
  }
  // existence, recomputed
  const std::vector<std::string> unmet = existence_hypotheses_unmet(in);
  const std::string theorem = in.alpha == 1 ? "EMZ Theorem 1" : "EMZ Theorem 2";
  if (doc.existence.guaranteed != unmet.empty())
    v.fail(std::string("existence.guaranteed is ") + (doc.existence.guaranteed ? "true" : "false") +
           ", but " +
           (unmet.empty() ? "every hypothesis of " + theorem + " holds"
                          : "a hypothesis fails: " + unmet.front()));
  if (doc.existence.theorem != theorem)
    v.fail("existence.theorem is \"" + doc.existence.theorem + "\", but alpha " + txt(in.alpha) +
           " calls for " + theorem);
  if (doc.existence.unmet != unmet)
    v.fail("existence.unmet differs from the hypotheses that fail on the instance");
  if (unmet.empty() && r.status == EqStatus::None)
    v.fail("status none contradicts " + theorem + ": its hypotheses hold, so an equilibrium exists");
  // families
  auto listed_at = [&](const std::vector<Rational>& p) -> const Equilibrium* {
    for (const Equilibrium& e : r.equilibria)
      if (!e.epsilon && e.prices == p) return &e;
    return nullptr;
  };
  for (std::size_t k = 0; k < r.families.size(); ++k) {
    const EquilibriumFamily& f = r.families[k];
    const std::string label = "family " + std::to_string(k + 1);
    if (k >= doc.families.size()) break;
    const auto& stated = doc.families[k];
    if (!price_less(f.prices_from, f.prices_to))
      v.fail(label + ": prices_from must come before prices_to (increasing order)");
    check_family(
        in, f.prices_from, f.prices_to, stated.certificate,
        [&](const std::vector<Rational>& p) { return listed_at(p) != nullptr; }, label, v);
    for (int end = 0; end < 2; ++end) {
      const Equilibrium* e = listed_at(end == 0 ? f.prices_from : f.prices_to);
      if (!e) continue;
      const std::vector<Rational> u = utilities_of(in, e->x);
      const std::vector<Rational>& claimed = end == 0 ? stated.utilities_from : stated.utilities_to;
      for (int i = 0; i < in.num_agents(); ++i)
        if (claimed[i] != u[i])
          v.fail(label + (end == 0 ? ": utilities_from" : ": utilities_to") + " of agent \"" +
                 in.agents[i].name + "\" is " + txt(claimed[i]) + ", its value at those prices is " +
                 txt(u[i]));
    }
  }
  // irrational entries: the polynomial and its root
  for (std::size_t k = 0; k < r.irrational.size(); ++k) {
    const IrrationalEquilibrium& e = r.irrational[k];
    const std::string label = "irrational equilibrium " + std::to_string(k + 1);
    if (k < doc.polynomial_text.size() && doc.polynomial_text[k] != e.polynomial.text())
      v.fail(label + ": polynomial_text \"" + doc.polynomial_text[k] + "\" is not the polynomial " +
             e.polynomial.text());
    if (e.polynomial.degree() < 2 || !(e.lo < e.hi)) {
      v.fail(label + ": an irrational root needs a polynomial of degree ≥ 2 and an interval lo < hi");
      continue;
    }
    if (e.polynomial.sign_at(e.lo) == 0 || e.polynomial.sign_at(e.hi) == 0 ||
        count_roots(e.polynomial, e.lo, e.hi) != 1)
      v.fail(label + ": the interval does not isolate one root of the polynomial");
    const std::vector<RootInterval> roots = isolate_roots(e.polynomial, e.lo, e.hi);
    if (!roots.empty() && roots.front().exact) v.fail(label + ": the root in the interval is rational");
  }
  return v;
}

Verdict check_decompose_claims(const DecomposeInstance& in, const DecomposeResultDocument& doc) {
  Verdict v;
  const DecomposeResult& r = doc.result;
  if (doc.bare) return v;  // a bare certificate claims its status, which the certificate check proves
  if (doc.task != "decompose") v.fail("task \"" + doc.task + "\", but the instance's task is decompose");
  if (doc.arith != "exact") v.fail("arith \"" + doc.arith + "\": only exact results are verified");
  if (!doc.cells || *doc.cells != in.num_cells())
    v.fail("cells is " + (doc.cells ? std::to_string(*doc.cells) : std::string("missing")) +
           ", the instance has " + std::to_string(in.num_cells()));
  const char* type = r.status == Status::Implemented        ? "lottery"
                     : r.status == Status::NotImplementable ? "farkas"
                                                            : "m_natural";
  if (doc.certificate_type != type)
    v.fail("certificate type \"" + doc.certificate_type + "\", but status " + to_string(r.status) +
           " needs \"" + type + "\"");
  if (r.status == Status::Implemented) {
    if (!doc.points || *doc.points != static_cast<std::int64_t>(r.lottery.size()))
      v.fail("points is " + (doc.points ? std::to_string(*doc.points) : std::string("missing")) +
             ", the lottery has " + std::to_string(r.lottery.size()));
  } else if (doc.points) {
    v.fail("points without a lottery");
  }
  const bool mn = r.status == Status::MNatural || r.status == Status::NotMNatural;
  if (mn != doc.has_m_natural)
    v.fail(mn ? "an M♮ result states the m_natural flags"
              : "m_natural flags on a result of status " + std::string(to_string(r.status)));
  if (!mn && !r.violations.empty())
    v.fail("violations on a result of status " + std::string(to_string(r.status)));
  if (mn) {
    std::vector<int> stated(in.num_agents(), -1);
    for (const auto& [i, flag] : doc.m_natural) stated[i] = flag ? 1 : 0;
    std::vector<bool> violated(in.num_agents(), false);
    for (const MNaturalViolation& t : r.violations) violated[t.agent] = true;
    for (int i = 0; i < in.num_agents(); ++i) {
      const std::string who = "m_natural of agent \"" + in.agents[i].name + "\"";
      if (!in.agents[i].utility) {
        if (stated[i] >= 0) v.fail(who + ": the agent has no utility");
        continue;
      }
      if (stated[i] < 0)
        v.fail(who + " is missing");
      else if ((stated[i] == 0) != violated[i])
        v.fail(who + " is " + (stated[i] ? "true" : "false") + ", but " +
               (violated[i] ? "a violating triple is listed" : "no violating triple is listed"));
    }
  }
  return v;
}

}  // namespace equilab::verify
