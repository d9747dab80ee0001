// The pseudo_market `equilibrium` task formats (issue 10). Kind `assignment` here; kinds `roommates`
// and `bundles` and the §4.3 `regions` in equilibrium_kinds.h.
//
// Instance:
//   {"model":"pseudo_market","version":1,"name":"emz-7.3","task":"equilibrium","kind":"assignment",
//    "alpha":"1/2",                       // α ∈ [0,1], default 1 (EMZ §7.1)
//    "allocate_all":true,                 // supplies as equalities, requires Σ q_l = |I| (EMZ §7.3)
//    "agents":[{"name":"1","budget":"1","endowment":{"a":"1/3","b":"2/3"}}],  // budget default 1
//    "objects":[{"name":"a","supply":"1"}],                                 // positive integers
//    "utilities":{"1":{"a":"100","b":"1"}},                                 // every agent, omitted = 0
//    "constraints":[{"name":"cap","agents":["1","2"],"objects":"*","floor":"0","ceiling":"1"},
//                   {"name":"c2","cells":[{"agent":"2","object":"a","coef":"2"}],"ceiling":"1"}],
//    "prices":{"supply:a":"2"}}          // optional: candidate prices for the method price-certify
// Endowments are required when α < 1 and, when given, must add up to the supplies. A constraint
// needs a ceiling (≥ 0, any rational); floors other than 0 are rejected (floors only through
// `allocate_all` or "regions"). A constraint touching one agent is part of X_i; the others are
// priced under their own name, the supplies as "supply:<object>".
//
// Result (`solve --json`):
//   {"model":"pseudo_market","task":"equilibrium","kind","method","arith":"exact",
//    "search_arith":"double","iterations","arith_note" (tatonnement only),
//    "status":"exact|irrational|approximate|none|undecided" (price-certify: "exact|not_equilibrium_price"),
//    "alpha", "faces", "patterns", "certified_points", "undecided_patterns", "undecided":[why...],
//    "existence":{"guaranteed":bool,"theorem":"EMZ Theorem 1|2","unmet":[why...]},
//    "listed":{"equilibria":n,"families":m,"irrational":k},  // the lengths of the three lists
//    "equilibria":[{"prices":{row:p},"personal_prices":{i:{l:p}},"budgets":{i:b},
//                   "assignment":{i:{l:x}},"utilities":{i:u},"pareto_efficient":bool,
//                   "epsilon" (approximate only),
//                   "certificate":{"agents":{i:{"lambda":λ,"mu":{row:μ}}},
//                                  "priced":[{"name","cells":[{agent,object,coef}],"rhs","price"}],
//                                  "lottery":[{"prob","assignment":{i:l}}] (roommates, bundles),
//                                  "efficiency":{...} (see efficiency_json)}}],
//    "families":[{"prices_from","prices_to","utilities_from","utilities_to",
//                 "certificate":{"pieces":[{"s_from","s_to",
//                     "agents":{i:{"from":{l:x},"to":{l:x},"weight_from","weight_to","budget_binding",
//                                  "t_from","t_to" (binding only),"m_from":{row:m},"m_to":{row:m}}},
//                     "lottery":[{"assignment":{i:l},"weight":[c0,c1,...]}] (hull kinds)}]}}],
//    "families_uncertified": n (families found but not certified, so not listed),
//    "irrational":[{"polynomial":[c0,c1,...],"polynomial_text","interval":[lo,hi],
//                   "prices_base":{row:p},"prices_direction":{row:d},"pattern"}]}
// Equilibria are listed in decreasing (lexicographic) order of their price vectors (rows in the
// order of Ω*), families in decreasing order of (prices_from, prices_to) with prices_from <
// prices_to, irrational entries in decreasing order of (base, direction, interval), each once. The irrational
// price is p = base + θ·direction with θ the root of the polynomial in the interval. The family certificate
// is pseudo_market/family_certificate.h's (σ runs over each piece, weights are polynomials in σ).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/family_certificate.h"

namespace equilab::pseudo_market {

// The task of a pseudo_market document: "task", or "equilibrium" when it is absent (the default).
std::string pseudo_market_task(const JsonNode& root);

EquilibriumInstance read_equilibrium_json(const JsonNode& root);
Json write_equilibrium_json(const EquilibriumInstance& instance);

// Writes the result; every family gets its certificate (build_family_certificate), and a family
// without one, or one `accept` refuses (the command passes verify's check), is left out and counted
// in "families_uncertified".
using FamilyFilter = std::function<bool(const std::vector<Rational>& from, const std::vector<Rational>& to,
                                        const FamilyCertificate& certificate)>;
Json write_equilibrium_result_json(const EquilibriumInstance& instance, const EquilibriumResult& result,
                                   const FamilyFilter& accept = {});

// A result document as verify reads it: every claim it states, with its certificates. Structural
// faults (not JSON of the right shape: a missing or unknown field, a wrong type) fail (exit 2);
// readable content that contradicts the instance (a name it lacks) contradicts (exit 1).
struct EquilibriumResultDocument {
  EquilibriumResult result;  // method, status, equilibria (with their stated copies), families, irrational
  std::string task, kind, arith;
  Rational alpha;
  std::vector<std::optional<bool>> pareto_efficient;  // per equilibrium
  struct StatedFamily {
    std::vector<Rational> utilities_from, utilities_to;
    FamilyCertificate certificate;
  };
  std::vector<StatedFamily> families;  // parallel to result.families
  struct Existence {
    bool guaranteed = false;
    std::string theorem;
    std::vector<std::string> unmet;
  } existence;
  std::uint64_t listed_equilibria = 0, listed_families = 0, listed_irrational = 0;
  std::vector<std::string> polynomial_text;         // per irrational entry
  std::optional<std::uint64_t> undecided_patterns;  // support-enum
};
EquilibriumResultDocument read_equilibrium_result_document(const EquilibriumInstance& instance,
                                                           const JsonNode& root);
// The result part of the document (status, equilibria, family prices, irrational entries).
EquilibriumResult read_equilibrium_result_json(const EquilibriumInstance& instance, const JsonNode& root);

// {row: p} → dense prices (omitted rows 0); names must be priced rows.
std::vector<Rational> read_prices(const EquilibriumInstance& instance, const JsonNode& node);
Json prices_json(const EquilibriumInstance& instance, const std::vector<Rational>& prices);
// The efficiency certificate (efficiency.cpp): {"efficient":true,"weights":{i:θ},"row_duals":{row:π}}
// or {"efficient":false,"improvement":{i:{l:y}}[, "improvement_lottery":[{prob, assignment}]]}.
Json efficiency_json(const EquilibriumInstance& instance, const EfficiencyCertificate& certificate);
EfficiencyCertificate read_efficiency_json(const EquilibriumInstance& instance, const JsonNode& node);
// A hull point as {agent: object} (agents holding nothing omitted) and back (hull index; fails
// naming the node when the point is not an integral point of C).
Json hull_point_json(const EquilibriumInstance& instance, int index);
int read_hull_point(const EquilibriumInstance& instance, const JsonNode& node);

// {agent:{object:x}} → dense N·L.
std::vector<Rational> read_assignment(const EquilibriumInstance& instance, const JsonNode& node);

}  // namespace equilab::pseudo_market
