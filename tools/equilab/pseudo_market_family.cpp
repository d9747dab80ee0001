// The "pseudo_market" family (Echenique–Miralles–Zhang 2022; pseudo-market slides 2023).
// Task `decompose`: caratheodory (default), bckm-flow (bihierarchies), m-natural (utilities).
// Task `equilibrium` (kinds assignment, roommates, bundles): support-enum (default within its limits),
// tatonnement (default beyond them), price-certify (candidate prices).
#include "verify/pseudo_market_family.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "family.h"
#include "generators/pseudo_market_eq_generator.h"
#include "generators/pseudo_market_generator.h"
#include "pseudo_market/bihierarchy.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/family_certificate.h"
#include "pseudo_market/json_io.h"
#include "pseudo_market/methods.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::cli {
namespace {

using namespace pseudo_market;

template <class F>
auto guard_enumeration(const std::string& file, F&& body) {
  try {
    return body();
  } catch (const EnumerationLimit& e) {
    throw InputError(file, "--max-enumeration", e.what());
  }
}

DecomposeInstance read_instance(const InstanceSource& src) {
  return read_pseudo_market_json(JsonNode(*src.document, src.file));
}

DecomposeResult run_method(const DecomposeInstance& in, const std::string& method,
                           const SolveRequest& request, const std::string& file) {
  DecomposeOptions o;
  o.max_enumeration = request.max_enumeration;
  return guard_enumeration(file, [&] {
    try {
      if (method == "caratheodory") return solve_caratheodory(in, o);
      if (method == "bckm-flow") return solve_bckm_flow(in, o);
      if (method == "m-natural") return check_m_natural(in, o);
    } catch (const std::invalid_argument& e) {
      throw InputError("(command line)", "--method", e.what());
    }
    throw InputError("(command line)", "--method",
                     "unknown method \"" + method +
                         "\" for task decompose of model pseudo_market (caratheodory, bckm-flow, m-natural; "
                         "support-enum and "
                         "price-certify belong to task equilibrium)");
  });
}

verify::PseudoMarketCheckLimits limits_of(const SolveRequest& request) { return {request.max_enumeration}; }

bool is_equilibrium(const InstanceSource& src) {
  const JsonNode root(*src.document, src.file);
  root.expect_model("pseudo_market");
  return pseudo_market_task(root) == "equilibrium";
}

EquilibriumInstance read_eq_instance(const InstanceSource& src) {
  return read_equilibrium_json(JsonNode(*src.document, src.file));
}

// support-enum is the default where it is within its limits (≤ 12 cells or ≤ 3 objects, ≤ 12
// priced constraints); tatonnement otherwise.
std::string default_eq_method(const EquilibriumInstance& in) {
  const bool small = in.num_cells() <= 12 || in.num_objects() <= 3;
  return small && in.priced.size() <= 12 ? "support-enum" : "tatonnement";
}

// Every exact equilibrium gets its efficiency certificate (weights θ ≫ 0 or a Pareto improvement).
void attach_efficiency(const EquilibriumInstance& in, EquilibriumResult& r) {
  for (Equilibrium& e : r.equilibria)
    if (!e.epsilon) e.efficiency = efficiency_certificate(in, e.x);
}

EquilibriumResult run_eq_method(const EquilibriumInstance& in, const std::string& method,
                                const SolveRequest& request, const std::string& file) {
  EquilibriumOptions o;
  o.max_enumeration = request.max_enumeration;
  EquilibriumResult r = guard_enumeration(file, [&] {
    if (method == "support-enum") return solve_support_enum(in, o);
    if (method == "tatonnement") return solve_tatonnement(in, o);
    if (method == "price-certify") {
      if (!in.candidate_prices)
        throw InputError(file, "/prices", "the method price-certify needs candidate prices in \"prices\"");
      return solve_price_certify(in, o);
    }
    throw InputError("(command line)", "--method",
                     "unknown method \"" + method +
                         "\" for task equilibrium of model pseudo_market (support-enum, tatonnement, "
                         "price-certify)");
  });
  attach_efficiency(in, r);
  return r;
}

Json solve_pseudo_market(const InstanceSource& src, const SolveRequest& request) {
  if (!request.exact) throw InputError("(command line)", "--arith", "the pseudo_market family is exact only");
  if (is_equilibrium(src)) {
    const EquilibriumInstance in = read_eq_instance(src);
    const std::string method = request.method.empty() ? default_eq_method(in) : request.method;
    const EquilibriumResult r = run_eq_method(in, method, request, src.file);
    // a family is listed only with a certificate verify accepts (DESIGN principle 8)
    auto accept = [&](const std::vector<Rational>& from, const std::vector<Rational>& to,
                      const FamilyCertificate& cert) {
      verify::Verdict v;
      verify::check_family(
          in, from, to, cert,
          [&](const std::vector<Rational>& p) {
            for (const Equilibrium& e : r.equilibria)
              if (!e.epsilon && e.prices == p) return true;
            return false;
          },
          "family", v);
      return v.valid;
    };
    return write_equilibrium_result_json(in, r, accept);
  }
  const DecomposeInstance in = read_instance(src);
  const std::string method = request.method.empty() ? "caratheodory" : request.method;
  return write_result_json(in, run_method(in, method, request, src.file));
}

std::string status_line(const DecomposeResult& r) {
  std::string s = r.method + ": " + to_string(r.status);
  if (!r.route.empty()) s += " (" + r.route + ")";
  if (r.status == Status::Implemented) s += ", " + std::to_string(r.lottery.size()) + " points";
  if (r.farkas)
    s += ", ⟨w,x⟩ = " + equilab::to_string(r.farkas->value) + " > bound " +
         equilab::to_string(r.farkas->bound);
  return s;
}

std::string eq_status_line(const EquilibriumResult& r) {
  std::string s =
      r.method + ": " + to_string(r.status) + ", " + std::to_string(r.equilibria.size()) + " equilibria";
  if (!r.families.empty()) s += ", " + std::to_string(r.families.size()) + " families";
  if (!r.irrational.empty()) s += ", " + std::to_string(r.irrational.size()) + " irrational";
  if (r.undecided_count) s += ", " + std::to_string(r.undecided_count) + " undecided patterns";
  return s;
}

CheckOutcome verify_equilibrium(const InstanceSource& src, const JsonNode& result) {
  const EquilibriumInstance in = read_eq_instance(src);
  const EquilibriumResultDocument document = read_equilibrium_result_document(in, result);
  const EquilibriumResult& claimed = document.result;
  const verify::Verdict verdict = verify::check_equilibrium_result(in, document);
  CheckOutcome out;
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  std::string line = std::string("status ") + to_string(claimed.status) + " (" +
                     std::to_string(claimed.equilibria.size()) + " equilibria checked";
  if (claimed.status == EqStatus::None || claimed.status == EqStatus::Undecided ||
      claimed.status == EqStatus::Irrational)
    line += "; the claim itself carries no certificate";
  if (!claimed.families.empty()) line += ", " + std::to_string(claimed.families.size()) + " families checked";
  out.lines.push_back(line + ")");
  return out;
}

// support-enum (where within its limits) and tatonnement; every equilibrium either lists is
// re-certified by price-certify at its prices and its certificate checked; an exact equilibrium of
// one method contradicts a `none` of the other. With candidate prices, price-certify too.
CheckOutcome crosscheck_equilibrium(const InstanceSource& src, const SolveRequest& request) {
  const EquilibriumInstance in = read_eq_instance(src);
  CheckOutcome out;
  std::vector<std::string> methods;
  if (default_eq_method(in) == "support-enum")
    methods.push_back("support-enum");
  else
    out.lines.push_back("support-enum: not run (beyond its limits)");
  methods.push_back("tatonnement");
  if (in.candidate_prices) methods.push_back("price-certify");
  std::map<std::string, EquilibriumResult> results;
  for (const std::string& method : methods) {
    EquilibriumResult r = run_eq_method(in, method, request, src.file);
    const verify::Verdict v = verify::check_equilibrium_certificate(in, r);
    out.add_checked(method, eq_status_line(r), v.valid, v.failures);
    int recertified = 0, exact = 0;
    for (const Equilibrium& e : r.equilibria) {
      if (e.epsilon) continue;
      ++exact;
      if (price_certify(in, e.prices)) {
        ++recertified;
      } else {
        out.ok = false;
        out.messages.push_back("price-certify rejects the prices " + prices_json(in, e.prices).dump() +
                               " listed by " + method);
      }
    }
    if (exact)
      out.lines.push_back("price-certify confirms " + std::to_string(recertified) + " of " +
                          std::to_string(exact) + " equilibrium prices of " + method);
    results.emplace(method, std::move(r));
  }
  for (const auto& [a, ra] : results)
    for (const auto& [b, rb] : results)
      if (ra.status == EqStatus::None && rb.status == EqStatus::Exact) {
        out.ok = false;
        out.messages.push_back("disagreement: " + a + " says none, " + b + " certifies an equilibrium");
      }
  return out;
}

CheckOutcome verify_pseudo_market(const InstanceSource& src, const JsonNode& result,
                                  const SolveRequest& request) {
  if (is_equilibrium(src)) return verify_equilibrium(src, result);
  const DecomposeInstance in = read_instance(src);
  const DecomposeResultDocument document = read_result_document(in, result);
  const DecomposeResult& claimed = document.result;
  verify::Verdict verdict = guard_enumeration(
      src.file, [&] { return verify::check_pseudo_market_certificate(in, claimed, limits_of(request)); });
  const verify::Verdict claims = verify::check_decompose_claims(in, document);
  for (const std::string& why : claims.failures) verdict.fail(why);
  CheckOutcome out;
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  out.lines.push_back(std::string("status ") + to_string(claimed.status) +
                      (claimed.status == Status::Implemented
                           ? " (" + std::to_string(claimed.lottery.size()) + " points, " +
                                 std::to_string(in.num_cells()) + " cells)"
                           : ""));
  return out;
}

// caratheodory always; bckm-flow where the rows form a bihierarchy (then BCKM says implementable iff
// x ∈ Q, so both must agree); m-natural when every agent has a utility (reported, nothing to compare).
CheckOutcome crosscheck_pseudo_market(const InstanceSource& src, const SolveRequest& request) {
  if (is_equilibrium(src)) return crosscheck_equilibrium(src, request);
  const DecomposeInstance in = read_instance(src);
  CheckOutcome out;
  const BihierarchyCheck bh = find_bihierarchy(in);
  std::vector<std::string> methods = {"caratheodory"};
  if (bh.ok)
    methods.push_back("bckm-flow");
  else
    out.lines.push_back("bckm-flow: not applicable (" + bh.reason + ")");
  bool utilities = true;
  for (const Agent& a : in.agents) utilities = utilities && a.utility.has_value();
  if (utilities) methods.push_back("m-natural");
  std::map<std::string, DecomposeResult> results;
  for (const std::string& method : methods) {
    DecomposeResult r = run_method(in, method, request, src.file);
    const verify::Verdict v = guard_enumeration(
        src.file, [&] { return verify::check_pseudo_market_certificate(in, r, limits_of(request)); });
    out.add_checked(method, status_line(r), v.valid, v.failures);
    results.emplace(method, std::move(r));
  }
  if (bh.ok) {
    const Status a = results.at("caratheodory").status, b = results.at("bckm-flow").status;
    if (a != b) {
      out.ok = false;
      out.messages.push_back(std::string("disagreement: caratheodory says ") + to_string(a) +
                             ", bckm-flow says " + to_string(b));
    } else if (a == Status::Implemented) {
      out.lines.push_back("both decompositions reproduce x exactly");
    }
  }
  return out;
}

std::string describe_equilibrium(const Json& r) {
  std::ostringstream os;
  os << "status:      " << r.at("status").get<std::string>() << "\n";
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  os << "arith:       " << r.at("arith").get<std::string>() << "\n";
  os << "alpha:       " << r.at("alpha").get<std::string>() << "\n";
  if (r.contains("patterns"))
    os << "faces " << r.at("faces").get<long long>() << ", full patterns "
       << r.at("patterns").get<long long>() << ", undecided " << r.at("undecided_patterns").get<long long>()
       << ", prices certified " << r.at("certified_points").get<long long>() << "\n";
  if (r.contains("existence")) {
    const Json& ex = r.at("existence");
    if (ex.at("guaranteed").get<bool>())
      os << "existence:   guaranteed (" << ex.at("theorem").get<std::string>() << "'s hypotheses hold)\n";
    else
      os << "existence:   not guaranteed: " << ex.at("unmet").front().get<std::string>()
         << (ex.at("unmet").size() > 1 ? " (and " + std::to_string(ex.at("unmet").size() - 1) + " more)" : "")
         << "\n";
  }
  if (r.contains("search_arith"))
    os << "search:      " << r.at("search_arith").get<std::string>() << " ("
       << r.value("arith_note", std::string()) << "), " << r.at("iterations").get<long long>()
       << " iterations\n";
  for (const auto& e : r.at("equilibria")) {
    os << "equilibrium: prices " << e.at("prices").dump() << "\n";
    if (e.contains("epsilon"))
      os << "  approximate: every condition holds up to epsilon = " << e.at("epsilon").get<std::string>()
         << " (exact)\n";
    if (e.contains("pareto_efficient"))
      os << "  C-efficient " << (e.at("pareto_efficient").get<bool>() ? "yes" : "no") << "\n";
    if (e.at("certificate").contains("lottery")) {
      os << "  lottery:\n";
      for (const auto& p : e.at("certificate").at("lottery"))
        os << "    " << p.at("prob").get<std::string>() << "  " << p.at("assignment").dump() << "\n";
    }
    os << "  budgets    " << e.at("budgets").dump() << "\n";
    os << "  assignment " << e.at("assignment").dump() << "\n";
    os << "  utilities  " << e.at("utilities").dump() << "\n";
  }
  if (r.contains("families"))
    for (const auto& f : r.at("families"))
      os << "family: every price on the segment " << f.at("prices_from").dump() << " -- "
         << f.at("prices_to").dump() << "\n";
  if (r.contains("irrational"))
    for (const auto& q : r.at("irrational"))
      os << "irrational: p = " << q.at("prices_base").dump() << " + θ·" << q.at("prices_direction").dump()
         << ", θ the root of " << q.at("polynomial_text").get<std::string>() << " in ("
         << q.at("interval")[0].get<std::string>() << ", " << q.at("interval")[1].get<std::string>() << ")\n";
  if (r.contains("undecided"))
    for (const auto& u : r.at("undecided")) os << "undecided: " << u.get<std::string>() << "\n";
  if (r.at("status") == "undecided")
    os << "(support-enum leaves a pattern undecided when its prices form a curve, an irrational point with "
          "two free prices, or three free prices; --method tatonnement searches in double and certifies "
          "exactly, crosscheck runs both)\n";
  return os.str();
}

std::string describe_pseudo_market(const Json& r) {
  if (r.value("task", "") == "equilibrium") return describe_equilibrium(r);
  std::ostringstream os;
  os << "status:      " << r.at("status").get<std::string>() << "\n";
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  os << "arith:       " << r.at("arith").get<std::string>() << "\n";
  if (r.contains("route")) os << "route:       " << r.at("route").get<std::string>() << "\n";
  if (r.contains("enumerated"))
    os << "integral points enumerated: " << r.at("enumerated").get<long long>() << "\n";
  if (r.contains("lottery")) {
    os << "lottery (" << r.at("lottery").size() << " points, " << r.at("cells").get<long long>()
       << " cells):\n";
    for (const auto& p : r.at("lottery"))
      os << "  " << p.at("prob").get<std::string>() << "  " << p.at("assignment").dump() << "\n";
  }
  if (r.contains("farkas")) {
    const Json& f = r.at("farkas");
    if (f.contains("quota"))
      os << "x breaks " << f.at("quota").get<std::string>()
         << ": ⟨w,x⟩ = " << f.at("value").get<std::string>() << " > " << f.at("bound").get<std::string>()
         << ", which every integral feasible point keeps\n";
    else
      os << "Farkas weights: ⟨w,x⟩ = " << f.at("value").get<std::string>() << " > "
         << f.at("bound").get<std::string>()
         << " ≥ ⟨w,y⟩ for every integral feasible point y (the maximum, when there is one)\n";
    os << "  w = " << f.at("weights").dump() << "\n";
  }
  auto as_set = [](std::string key) {  // "a+b" -> "{a,b}"
    std::replace(key.begin(), key.end(), '+', ',');
    return "{" + key + "}";
  };
  if (r.contains("violations"))
    for (const auto& v : r.at("violations"))
      os << "M♮ fails for agent " << v.at("agent").get<std::string>()
         << " at (A = " << as_set(v.at("A").get<std::string>())
         << ", B = " << as_set(v.at("B").get<std::string>()) << ", j = " << v.at("j").get<std::string>()
         << "): no D ⊆ B∖A with |D| ≤ 1 keeps u(A∖j ∪ D) + u(B∖D ∪ j) ≥ u(A) + u(B)\n";
  if (r.contains("m_natural")) os << "M♮-concave: " << r.at("m_natural").dump() << "\n";
  return os.str();
}

// Published answers a catalog entry may state: "status"; "lottery" (the paper's decomposition, checked
// as a certificate); "farkas" {"weights","bound","value"} (the paper's weights, checked as a certificate,
// i.e. the bound is recomputed by enumeration); "violation" {"agent","A","B","j"} (checked against the
// exchange condition).
// Equilibrium catalog entries may state: "status"; "prices" with "assignment" (the paper's
// equilibrium: at those prices every x_i attains V_i(p), computed by exact LP, and the certificate
// built from the agents' LP duals passes verify; when "status" is exact the computed result must
// list the same prices, up to a positive factor when α = 0); "budgets" {i: β_i} at those prices;
// "demand" {"prices":{row:p}, "agents":{i:{l: x or [min,max]}}} (the demand set of agent i at p as
// coordinate ranges over its optimal face); "envy" [i, j] (at the stated assignment, u_i·x_j > u_i·x_i).
std::pair<std::string, bool> compare_equilibrium(const InstanceSource& src, const Json& result,
                                                 const JsonNode& published) {
  published.expect_object({"status", "prices", "assignment", "budgets", "demand", "envy"});
  const EquilibriumInstance in = read_eq_instance(src);
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& label, bool ok) {
    parts.push_back(label);
    match = match && ok;
  };
  auto txt = [](const Rational& r) { return equilab::to_string(r); };
  const std::string status = result.at("status").get<std::string>();
  if (auto s = published.find("status")) check("status " + status, status == s->as_string());
  std::optional<std::vector<Rational>> prices;
  if (auto p = published.find("prices")) prices = read_prices(in, *p);
  if (auto a = published.find("assignment")) {
    if (!prices) a->fail("\"assignment\" needs \"prices\"");
    std::vector<Rational> values;
    Equilibrium e = with_agent_values(in, *prices, values);
    e.x = read_assignment(in, *a);
    if (in.has_hull()) {
      if (auto lottery = lottery_for(in, e.x)) e.lottery = std::move(*lottery);
    }
    EquilibriumResult one;
    one.status = EqStatus::Exact;
    one.equilibria.push_back(e);
    const verify::Verdict v = verify::check_equilibrium_certificate(in, one);
    check(std::string("the published (p, x) ") +
              (v.valid ? "is an equilibrium (verified)" : "FAILS: " + v.failures.front()),
          v.valid);
    if (published.find("status") && published.at("status").as_string() == "exact") {
      bool found = false;
      for (const auto& eq : result.value("equilibria", Json::array())) {
        Json doc = eq.at("prices");
        const std::vector<Rational> q = read_prices(in, JsonNode(doc, src.file, "/computed/prices"));
        // equal, or proportional when α = 0 (the conditions are homogeneous in p)
        std::optional<Rational> ratio;
        bool same = true;
        for (std::size_t c = 0; c < q.size() && same; ++c) {
          if ((q[c] == 0) != ((*prices)[c] == 0))
            same = false;
          else if (q[c] != 0) {
            const Rational r = q[c] / (*prices)[c];
            if (ratio && *ratio != r) same = false;
            ratio = r;
          }
        }
        if (same && in.alpha != 0 && ratio && *ratio != 1) same = false;
        found = found || same;
      }
      check(found ? "the computed equilibria include these prices"
                  : "the computed equilibria do NOT include these prices",
            found);
    }
  }
  if (auto b = published.find("budgets")) {
    if (!prices) b->fail("\"budgets\" needs \"prices\"");
    const std::vector<Rational> beta = in.budgets(*prices);
    bool ok = true;
    std::string shown;
    for (const auto& [aname, v] : b->members()) {
      int i = -1;
      for (int k = 0; k < in.num_agents(); ++k)
        if (in.agents[k].name == aname) i = k;
      if (i < 0) v.fail("unknown agent \"" + aname + "\"");
      ok = ok && beta[i] == v.as_rational();
      shown += (shown.empty() ? "" : ", ") + txt(beta[i]);
    }
    check("budgets at p: " + shown, ok);
  }
  if (auto d = published.find("demand")) {
    d->expect_object({"prices", "agents"});
    const std::vector<Rational> at = read_prices(in, d->at("prices"));
    bool ok = true;
    std::string shown;
    for (const auto& [aname, row] : d->at("agents").members()) {
      int i = -1;
      for (int k = 0; k < in.num_agents(); ++k)
        if (in.agents[k].name == aname) i = k;
      if (i < 0) row.fail("unknown agent \"" + aname + "\"");
      const auto ranges = demand_ranges(in, i, at);
      std::string agent_text;
      for (int l = 0; l < in.num_objects(); ++l) {
        const auto& [lo, hi] = ranges[l];
        agent_text += (l ? ", " : "") + in.objects[l].name + " " +
                      (lo == hi ? txt(lo) : "[" + txt(lo) + ", " + txt(hi) + "]");
      }
      for (const auto& [oname, v] : row.members()) {
        int l = -1;
        for (int k = 0; k < in.num_objects(); ++k)
          if (in.objects[k].name == oname) l = k;
        if (l < 0) v.fail("unknown object \"" + oname + "\"");
        Rational lo, hi;
        if (v.raw().is_array()) {
          const auto el = v.elements();
          if (el.size() != 2) v.fail("expected [min, max]");
          lo = el[0].as_rational();
          hi = el[1].as_rational();
        } else {
          lo = hi = v.as_rational();
        }
        ok = ok && ranges[l].first == lo && ranges[l].second == hi;
      }
      shown += (shown.empty() ? "" : "; ") + aname + ": " + agent_text;
    }
    check("demand at " + prices_json(in, at).dump() + ": " + shown, ok);
  }
  if (auto e = published.find("envy")) {
    const auto el = e->elements();
    if (el.size() != 2 || !published.find("assignment"))
      e->fail("expected [envious agent, envied agent] with an assignment");
    const std::vector<Rational> x = read_assignment(in, published.at("assignment"));
    int i = -1, j = -1;
    for (int k = 0; k < in.num_agents(); ++k) {
      if (in.agents[k].name == el[0].as_string()) i = k;
      if (in.agents[k].name == el[1].as_string()) j = k;
    }
    if (i < 0 || j < 0) e->fail("unknown agent");
    Rational own = 0, other = 0;
    for (int l = 0; l < in.num_objects(); ++l) {
      own += in.agents[i].utility[l] * x[in.cell(i, l)];
      other += in.agents[i].utility[l] * x[in.cell(j, l)];
    }
    check("agent " + in.agents[i].name + ": u(x_own) = " + txt(own) + (other > own ? " < " : " >= ") +
              "u(x_" + in.agents[j].name + ") = " + txt(other),
          other > own);
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return {text, match};
}

std::pair<std::string, bool> compare_pseudo_market(const InstanceSource& src, const Json& result,
                                                   const JsonNode& published) {
  if (is_equilibrium(src)) return compare_equilibrium(src, result, published);
  published.expect_object({"status", "lottery", "farkas", "violation"});
  const DecomposeInstance in = read_instance(src);
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& label, bool ok) {
    parts.push_back(label);
    match = match && ok;
  };
  if (auto s = published.find("status"))
    check("status " + result.at("status").get<std::string>(),
          result.at("status").get<std::string>() == s->as_string());
  if (result.contains("farkas"))
    parts.push_back("computed ⟨w,x⟩ = " + result.at("farkas").at("value").get<std::string>() + " > bound " +
                    result.at("farkas").at("bound").get<std::string>());
  if (auto l = published.find("lottery")) {
    Json doc{{"status", "implemented"}, {"lottery", l->raw()}};
    const DecomposeResult claimed = read_result_json(in, JsonNode(doc, l->file(), l->pointer()));
    const verify::Verdict v = verify::check_pseudo_market_certificate(in, claimed);
    check(std::string("the published lottery (") + std::to_string(claimed.lottery.size()) + " points) " +
              (v.valid ? "reproduces x" : "FAILS: " + v.failures.front()),
          v.valid);
  }
  if (auto f = published.find("farkas")) {
    Json doc{{"status", "not_implementable"}, {"farkas", f->raw()}};
    const DecomposeResult claimed = read_result_json(in, JsonNode(doc, f->file(), f->pointer()));
    const verify::Verdict v =
        guard_enumeration(src.file, [&] { return verify::check_pseudo_market_certificate(in, claimed); });
    check("the published weights: ⟨w,x⟩ = " + equilab::to_string(claimed.farkas->value) + " > " +
              equilab::to_string(claimed.farkas->bound) +
              (v.valid ? " = max (verified)" : " FAILS: " + v.failures.front()),
          v.valid);
  }
  if (auto t = published.find("violation")) {
    Json doc{{"status", "not_m_natural"}, {"violations", Json::array({t->raw()})}};
    const DecomposeResult claimed = read_result_json(in, JsonNode(doc, t->file(), t->pointer()));
    const MNaturalViolation& m = claimed.violations.front();
    const bool breaks =
        in.agents[m.agent].utility && !verify::m_natural_exchange(in.agents[m.agent], m.A, m.B, m.j);
    bool computed_same = false;
    if (result.contains("violations"))
      for (const auto& v : result.at("violations"))
        computed_same =
            computed_same || (v.at("agent") == t->raw().at("agent") && v.at("A") == t->raw().at("A") &&
                              v.at("B") == t->raw().at("B") && v.at("j") == t->raw().at("j"));
    check(std::string("the published triple ") +
              (breaks ? "breaks the exchange condition" : "does NOT break it") +
              (computed_same ? " and is the one found" : ""),
          breaks);
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return {text, match};
}

Generator add_pseudo_market_generator(CLI::App& generate) {
  auto options = std::make_shared<gen::PseudoMarketGenOptions>();
  auto eq = std::make_shared<gen::PseudoMarketEqGenOptions>();
  auto task = std::make_shared<std::string>("equilibrium");
  CLI::App* cmd = generate.add_subcommand("pseudo_market", "a random pseudo_market instance");
  cmd->add_option("--task", *task, "equilibrium|decompose")->capture_default_str();
  cmd->add_option("--kind", eq->kind, "assignment|roommates|bundles (decompose: assignment|bundles)")
      ->capture_default_str();
  cmd->add_option("--agents", eq->agents, "number of agents")->capture_default_str();
  cmd->add_option("--objects", eq->objects, "number of objects (bundles: goods)")->capture_default_str();
  cmd->add_option("--caps", eq->caps, "equilibrium, assignment: cross-agent ceilings")->capture_default_str();
  cmd->add_option("--regions", eq->regions, "equilibrium, assignment: EMZ §4.3 regions (0 = none)")
      ->capture_default_str();
  cmd->add_flag("--endowments", eq->endowments, "equilibrium, assignment: random endowments ω");
  cmd->add_option("--alpha", eq->alpha,
                  "equilibrium, assignment: α of the α-slack budgets (< 1 needs --endowments)")
      ->capture_default_str();
  cmd->add_flag("--dichotomous", eq->dichotomous, "equilibrium: 0/1 utilities");
  cmd->add_flag("--allocate-all", eq->allocate_all,
                "equilibrium, assignment: supplies as equalities, Σq = agents");
  cmd->add_option("--points", options->points,
                  "decompose: integral points in the mixture (0 = max(agents, objects))")
      ->capture_default_str();
  cmd->add_flag("--bihierarchy", options->bihierarchy, "decompose: only laminar constraint families (BCKM)");
  cmd->add_flag("--violate", options->violate,
                "decompose: put one agent's holdings outside a quota (not implementable)");
  return {cmd, [options, eq, task](std::uint64_t seed) {
            try {
              if (*task == "equilibrium")
                return write_equilibrium_json(gen::generate_pseudo_market_equilibrium(seed, *eq));
              if (*task != "decompose")
                throw std::invalid_argument("--task must be equilibrium or decompose, not \"" + *task + "\"");
              gen::PseudoMarketGenOptions o = *options;
              o.kind = eq->kind;
              o.agents = eq->agents;
              o.objects = eq->objects;
              return write_pseudo_market_json(gen::generate_pseudo_market(seed, o));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate pseudo_market", e.what());
            }
          }};
}

}  // namespace

Family pseudo_market_family() {
  // The list is what `equilab methods` prints; the instance's task picks the default (decompose:
  // caratheodory; equilibrium: support-enum within its limits, else tatonnement).
  return Family{"pseudo_market",
                {"caratheodory", "bckm-flow", "m-natural", "support-enum", "tatonnement", "price-certify"},
                solve_pseudo_market,
                verify_pseudo_market,
                crosscheck_pseudo_market,
                describe_pseudo_market,
                compare_pseudo_market,
                add_pseudo_market_generator,
                {}};
}

}  // namespace equilab::cli
