// The "pseudo_market" family (Echenique–Miralles–Zhang 2022; pseudo-market slides 2023), task
// `decompose`: caratheodory (default), bckm-flow (bihierarchies), m-natural (utilities).
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "family.h"
#include "generators/pseudo_market_generator.h"
#include "pseudo_market/bihierarchy.h"
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
    throw InputError(
        "(command line)", "--method",
        "unknown method \"" + method + "\" for model pseudo_market (caratheodory, bckm-flow, m-natural)");
  });
}

verify::PseudoMarketCheckLimits limits_of(const SolveRequest& request) { return {request.max_enumeration}; }

Json solve_pseudo_market(const InstanceSource& src, const SolveRequest& request) {
  if (!request.exact) throw InputError("(command line)", "--arith", "the pseudo_market family is exact only");
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

CheckOutcome verify_pseudo_market(const InstanceSource& src, const JsonNode& result,
                                  const SolveRequest& request) {
  const DecomposeInstance in = read_instance(src);
  const DecomposeResult claimed = read_result_json(in, result);
  const verify::Verdict verdict = guard_enumeration(
      src.file, [&] { return verify::check_pseudo_market_certificate(in, claimed, limits_of(request)); });
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
    out.lines.push_back(status_line(r) + (v.valid ? "  (certificate verified)" : "  (CERTIFICATE REJECTED)"));
    if (!v.valid) {
      out.ok = false;
      for (const auto& f : v.failures) out.messages.push_back(method + ": " + f);
    }
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

std::string describe_pseudo_market(const Json& r) {
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
std::pair<std::string, bool> compare_pseudo_market(const InstanceSource& src, const Json& result,
                                                   const JsonNode& published) {
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
  CLI::App* cmd = generate.add_subcommand("pseudo_market", "a random pseudo_market decompose instance");
  cmd->add_option("--task", options->task, "decompose (the only task so far)")->capture_default_str();
  cmd->add_option("--kind", options->kind, "assignment|bundles")->capture_default_str();
  cmd->add_option("--agents", options->agents, "number of agents")->capture_default_str();
  cmd->add_option("--objects", options->objects, "number of objects (goods)")->capture_default_str();
  cmd->add_option("--points", options->points, "integral points in the mixture (0 = max(agents, objects))")
      ->capture_default_str();
  cmd->add_flag("--bihierarchy", options->bihierarchy, "only laminar constraint families (BCKM)");
  cmd->add_flag("--violate", options->violate,
                "put one agent's holdings outside a quota (not implementable)");
  return {cmd, [options](std::uint64_t seed) {
            try {
              return write_pseudo_market_json(gen::generate_pseudo_market(seed, *options));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate pseudo_market", e.what());
            }
          }};
}

}  // namespace

Family pseudo_market_family() {
  return Family{"pseudo_market",          {"caratheodory", "bckm-flow", "m-natural"},
                solve_pseudo_market,      verify_pseudo_market,
                crosscheck_pseudo_market, describe_pseudo_market,
                compare_pseudo_market,    add_pseudo_market_generator};
}

}  // namespace equilab::cli
