// The "interim" family (Zheng 2024): lp (default), border, greedy.
#include <functional>
#include <memory>
#include <sstream>

#include "family.h"
#include "generators/interim_generator.h"
#include "interim/greedy.h"
#include "interim/json_io.h"
#include "interim/methods.h"
#include "interim/naive_greedy.h"
#include "verify/interim_certificate.h"

namespace equilab::cli {
namespace {

using namespace interim;

// --max-enumeration bounds |X|, the LP columns |T|·|X| and the profiles; test sets have their own
// default 2^22 (issue 6) unless the user sets --max-enumeration to something else than its default.
InterimOptions options_of(const SolveRequest& request) {
  InterimOptions o;
  o.max_columns = request.max_enumeration;
  o.max_test_sets = request.max_enumeration == SolveRequest{}.max_enumeration ? (std::uint64_t{1} << 22)
                                                                              : request.max_enumeration;
  return o;
}

template <class F>
auto guard_enumeration(const std::string& file, F&& body) {
  try {
    return body();
  } catch (const EnumerationLimit& e) {
    throw InputError(file, "--max-enumeration", e.what());
  }
}

InterimInstance read_instance(const InstanceSource& src, const SolveRequest& request) {
  return read_interim_json(JsonNode(*src.document, src.file), request.max_enumeration);
}

InterimResult run_method(const InterimInstance& in, const std::string& method, const InterimOptions& o,
                         const std::string& file) {
  return guard_enumeration(file, [&] {
    if (method == "lp") return solve_lp(in, o);
    if (method == "border") return solve_border(in, o);
    if (method == "greedy") {
      if (!greedy_applies(in))
        throw InputError(
            "(command line)", "--method",
            std::string("greedy needs kind multiunit, ranked_quota or matching with 2 players, not ") +
                to_string(in.kind) + " with " + std::to_string(in.num_players()) + " players");
      return solve_greedy(in, o);
    }
    throw InputError("(command line)", "--method",
                     "unknown method \"" + method + "\" for model interim (lp, border, greedy)");
  });
}

verify::InterimCheckLimits limits_of(const SolveRequest& request) {
  const InterimOptions o = options_of(request);
  return {o.max_columns, o.max_test_sets};
}

Json solve_interim(const InstanceSource& src, const SolveRequest& request) {
  if (!request.exact) throw InputError("(command line)", "--arith", "the interim family is exact only");
  const InterimInstance in = read_instance(src, request);
  const std::string method = request.method.empty() ? "lp" : request.method;
  return write_result_json(in, run_method(in, method, options_of(request), src.file));
}

CheckOutcome verify_interim(const InstanceSource& src, const JsonNode& result, const SolveRequest& request) {
  const InterimInstance in = read_instance(src, request);
  const InterimResult claimed = read_result_json(in, result);
  const verify::Verdict verdict = guard_enumeration(
      src.file, [&] { return verify::check_interim_certificate(in, claimed, limits_of(request)); });
  CheckOutcome out;
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  out.lines.push_back(std::string("status ") + to_string(claimed.status));
  return out;
}

std::string status_line(const InterimResult& r) {
  std::string s = r.method + ": " + to_string(r.status);
  if (r.test_sets) s += " (" + std::to_string(*r.test_sets) + " test sets)";
  if (r.vertices) s += " (" + std::to_string(*r.vertices) + " vertices)";
  if (r.weighted) {
    s += "; feasible_max " + equilab::to_string(r.weighted->feasible_max);
    if (r.weighted->border_max) s += ", border_max " + equilab::to_string(r.weighted->border_max->value);
  }
  return s;
}

// Implications (issue 6): border violated ⇒ lp infeasible; where 𝒬_B = 𝒬 (multiunit, ranked_quota,
// 2-player matching) lp and border agree; elsewhere border passing with lp infeasible is a `border gap`.
CheckOutcome crosscheck_interim(const InstanceSource& src, const SolveRequest& request) {
  const InterimInstance in = read_instance(src, request);
  const InterimOptions o = options_of(request);
  CheckOutcome out;
  std::optional<InterimResult> lp, border, greedy;
  std::vector<std::string> methods = {"lp", "border"};
  if (greedy_applies(in)) methods.push_back("greedy");
  for (const std::string& method : methods) {
    InterimResult r = run_method(in, method, o, src.file);
    const verify::Verdict v = guard_enumeration(
        src.file, [&] { return verify::check_interim_certificate(in, r, limits_of(request)); });
    out.add_checked(method, status_line(r), v.valid, v.failures);
    (method == "lp" ? lp : method == "border" ? border : greedy) = std::move(r);
  }
  if (greedy) {
    // greedy feasible ⇒ lp feasible; greedy's violated test set ⇒ lp infeasible; where 𝒬_B = 𝒬 it must
    // decide.
    if (greedy->status == Status::Feasible && lp->status != Status::Feasible) {
      out.ok = false;
      out.messages.push_back("disagreement: greedy constructs the allocation but lp finds it infeasible");
    }
    if (greedy->status == Status::Infeasible && lp->status == Status::Feasible) {
      out.ok = false;
      out.messages.push_back(
          "disagreement: greedy finds a violated test set but lp finds the allocation feasible");
    }
    if (greedy->status == Status::Inconclusive && in.border_characterizes()) {
      out.ok = false;
      out.messages.push_back(std::string("disagreement: greedy is inconclusive although 𝒬_B = 𝒬 for ") +
                             to_string(in.kind));
    }
    if (greedy->weighted && lp->weighted && greedy->weighted->feasible_max != lp->weighted->feasible_max) {
      out.ok = false;
      out.messages.push_back("disagreement: the greedy optimiser's value " +
                             equilab::to_string(greedy->weighted->feasible_max) +
                             " differs from h(w) = " + equilab::to_string(lp->weighted->feasible_max));
    }
  }
  const bool lp_feasible = lp->status == Status::Feasible;
  const bool border_ok = border->status == Status::BorderSatisfied;
  if (!border_ok && lp_feasible) {
    out.ok = false;
    out.messages.push_back(
        "disagreement: border finds a violated test set but lp finds the allocation feasible");
  } else if (border_ok && !lp_feasible) {
    if (in.border_characterizes()) {
      out.ok = false;
      out.messages.push_back(
          std::string("disagreement: Border's condition holds but lp finds the allocation infeasible, "
                      "and for ") +
          to_string(in.kind) + " 𝒬_B = 𝒬 (Theorem 1)");
    } else {
      out.lines.push_back("border gap: Border's condition (6) holds but the allocation is infeasible (" +
                          std::string(to_string(in.kind)) + ": 𝒬_B ⊄ 𝒬 is possible)");
    }
  }
  if (lp->weighted && lp->weighted->border_max) {
    const Rational &f = lp->weighted->feasible_max, &b = lp->weighted->border_max->value;
    if (b < f) {
      out.ok = false;
      out.messages.push_back("border_max " + equilab::to_string(b) + " < feasible_max " +
                             equilab::to_string(f) + " although 𝒬 ⊆ 𝒬_B");
    } else if (b != f) {
      if (in.border_characterizes()) {
        out.ok = false;
        out.messages.push_back("border_max " + equilab::to_string(b) + " ≠ feasible_max " +
                               equilab::to_string(f) + " although 𝒬_B = 𝒬 for this kind");
      } else {
        out.lines.push_back("border gap in the weighted values: border_max " + equilab::to_string(b) +
                            " > feasible_max " + equilab::to_string(f));
      }
    }
  }
  return out;
}

std::string describe_interim(const Json& r) {
  std::ostringstream os;
  os << "status:      " << r.at("status").get<std::string>() << "\n";
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  os << "arith:       " << r.at("arith").get<std::string>() << "\n";
  if (r.contains("outcomes")) os << "outcomes |X|: " << r.at("outcomes").get<long long>() << "\n";
  if (r.contains("test_sets")) os << "test sets:   " << r.at("test_sets").get<long long>() << "\n";
  if (r.contains("vertices")) os << "vertices:    " << r.at("vertices").get<long long>() << "\n";
  if (r.contains("weighted"))
    for (const auto& item : r.at("weighted").items())
      os << item.key() << ": " << item.value().get<std::string>() << "\n";
  const Json& c = r.at("certificate");
  if (c.contains("separating_weights")) {
    const Json& s = c.at("separating_weights");
    os << "separating weights (Lemma 6): <Q,w> = " << s.at("interim_value").get<std::string>()
       << " > h(w) = " << s.at("bound").get<std::string>() << "\n  w = " << s.at("weights").dump() << "\n";
  }
  if (c.contains("test_set")) {
    const Json& t = c.at("test_set");
    os << "violated test set (" << t.at("side").get<std::string>()
       << "): y(S) = " << t.at("lhs").get<std::string>()
       << (t.at("side") == "ceiling" ? " > F(S) = " : " < G(S) = ") << t.at("bound").get<std::string>()
       << "\n  S = ";
    for (const auto& m : t.at("members"))
      os << "(" << m.at("object").get<std::string>() << "," << m.at("player").get<std::string>() << ","
         << m.at("type").get<std::string>() << ") ";
    os << "\n";
  }
  if (c.contains("ex_post")) {
    os << "ex post lotteries:\n";
    for (const auto& p : c.at("ex_post"))
      os << "  " << p.at("profile").dump() << ": " << p.at("lottery").dump() << "\n";
  }
  return os.str();
}

// An outcome vector {player:{object:x}} (missing entries 0) of a catalog entry.
Outcome outcome_of(const InterimInstance& in, const JsonNode& node) {
  const int n = in.num_players(), m = in.num_objects();
  Outcome x(static_cast<std::size_t>(n) * m, Rational(0));
  for (const auto& [pname, row] : node.members()) {
    int i = -1;
    for (int k = 0; k < n; ++k)
      if (in.players[k].name == pname) i = k;
    if (i < 0) row.fail("unknown player \"" + pname + "\"");
    for (const auto& [oname, v] : row.members()) {
      int j = -1;
      for (int k = 0; k < m; ++k)
        if (in.objects[k] == oname) j = k;
      if (j < 0) v.fail("unknown object \"" + oname + "\"");
      x[i * m + j] = v.as_rational();
    }
  }
  return x;
}

std::string outcome_text(const InterimInstance& in, const Outcome& x) {
  std::string s;
  const int m = in.num_objects();
  for (int i = 0; i < in.num_players(); ++i)
    for (int j = 0; j < m; ++j)
      if (x[i * m + j] != 0)
        s += (s.empty() ? "" : ", ") + in.objects[j] + "->" + in.players[i].name +
             (x[i * m + j] == 1 ? std::string() : " " + equilab::to_string(x[i * m + j]));
  return s.empty() ? "nothing" : s;
}

bool as_flag(const JsonNode& node) {
  if (!node.raw().is_boolean()) node.fail("expected true or false");
  return node.raw().get<bool>();
}

// "naive_greedy" of a catalog entry: statements about the §3.2 naive greedy algorithm
// (interim/naive_greedy.h) on the instance's weights. "order": the first triples it visits, as
// "(object,player,type)" labels; "outcome": its outcome {player:{object:x}}; "value": Σ_t μ(t) Σ w x;
// "satisfies_12": its outcome has the quantities (12)/(13) prescribe along the same order at every
// profile; "point_12_in_X": the vector of those quantities is in X at every profile. "order" and
// "outcome" need an instance with a single profile.
void compare_naive_greedy(const InstanceSource& src, const JsonNode& node,
                          const std::function<void(const std::string&, const std::string&, bool)>& check) {
  node.expect_object({"order", "outcome", "value", "satisfies_12", "point_12_in_X"});
  const InterimInstance in = read_interim_json(JsonNode(*src.document, src.file));
  if (!in.weights) node.fail("the instance has no weights");
  const NaiveGreedy ng = naive_greedy(in, enumerate_outcomes(in, 2'000'000), *in.weights);
  auto single = [&](const JsonNode& n) -> const NaiveGreedyProfile& {
    if (in.num_profiles() != 1) n.fail("needs an instance with a single type profile");
    return ng.profiles.front();
  };
  if (auto o = node.find("order")) {
    const NaiveGreedyProfile& p = single(*o);
    const std::vector<JsonNode> labels = o->elements();
    std::string text;
    bool equal = labels.size() <= p.steps.size();
    for (std::size_t k = 0; k < labels.size() && k < p.steps.size(); ++k) {
      const std::string label = in.triple_label(p.steps[k].triple);
      text += (text.empty() ? "" : " ") + label;
      equal = equal && label == labels[k].as_string();
    }
    check("naive greedy order", text, equal);
  }
  if (auto o = node.find("outcome")) {
    const NaiveGreedyProfile& p = single(*o);
    check("naive greedy outcome", outcome_text(in, p.outcome), p.outcome == outcome_of(in, *o));
  }
  if (auto v = node.find("value"))
    check("naive greedy value", equilab::to_string(ng.value), ng.value == v->as_rational());
  if (auto f = node.find("satisfies_12")) {
    std::string text = "(12)/(13) hold";
    bool holds = true;
    for (const NaiveGreedyProfile& p : ng.profiles)
      if (p.first_rule_violation) {
        const NaiveGreedyStep& s = p.steps[*p.first_rule_violation];
        text = "(12)/(13) fail at " + in.triple_label(s.triple) + ": prescribed " + equilab::to_string(s.rule) +
               ", given " + equilab::to_string(s.quantity);
        holds = false;
        break;
      }
    check("naive greedy", text, holds == as_flag(*f));
  }
  if (auto f = node.find("point_12_in_X")) {
    bool inside = true;
    for (const NaiveGreedyProfile& p : ng.profiles) inside = inside && p.rule_point_in_x;
    check("the (12)/(13) point", inside ? "is in X" : "is not in X", inside == as_flag(*f));
  }
}

// Published answers a catalog entry may state (each optional): "status", "test_sets",
// "interim_value", "feasible_max", "border_max", "naive_greedy" (above), and "bounded_non_outcome":
// an outcome vector {player:{object:x}} claimed to satisfy γ(E) <= x(E) <= φ(E) for every
// E ⊆ I×J without being in X (a statement about the instance, §4.1).
std::pair<std::string, bool> compare_interim(const InstanceSource& src, const Json& result,
                                             const JsonNode& published) {
  published.expect_object({"status", "test_sets", "interim_value", "feasible_max", "border_max",
                           "bounded_non_outcome", "naive_greedy"});
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& label, const std::string& computed, bool equal) {
    parts.push_back(label + " " + computed);
    match = match && equal;
  };
  auto weighted = [&](const JsonNode& node, const char* key) -> std::string {
    if (!result.contains("weighted") || !result.at("weighted").contains(key))
      node.fail(std::string("the result has no ") + key);
    return result.at("weighted").at(key).get<std::string>();
  };
  if (auto s = published.find("status"))
    check("status", result.at("status").get<std::string>(),
          result.at("status").get<std::string>() == s->as_string());
  if (auto n = published.find("test_sets")) {
    if (!result.contains("test_sets")) n->fail("the result has no test_sets count");
    check("test sets", std::to_string(result.at("test_sets").get<long long>()),
          result.at("test_sets").get<long long>() == n->as_int());
  }
  for (const char* key : {"interim_value", "feasible_max", "border_max"})
    if (auto v = published.find(key)) {
      const std::string c = weighted(*v, key);
      check(key, c, parse_rational(c) == v->as_rational());
    }
  if (auto ng = published.find("naive_greedy")) compare_naive_greedy(src, *ng, check);
  if (auto p = published.find("bounded_non_outcome")) {
    const InterimInstance in = read_interim_json(JsonNode(*src.document, src.file));
    const int n = in.num_players(), m = in.num_objects();
    const Outcome x = outcome_of(in, *p);
    std::string label;
    for (const Rational& v : x) label += (label.empty() ? "" : ",") + equilab::to_string(v);
    const std::vector<Outcome> X = enumerate_outcomes(in, 2'000'000);
    std::string broken;
    for (std::uint64_t e = 1; e < (std::uint64_t{1} << (n * m)) && broken.empty(); ++e) {
      Rational sum = 0, hi, lo;
      for (int k = 0; k < n * m; ++k)
        if (e >> k & 1) sum += x[k];
      bool first = true;
      for (const Outcome& o : X) {
        Rational v = 0;
        for (int k = 0; k < n * m; ++k)
          if (e >> k & 1) v += o[k];
        if (first || v > hi) hi = v;
        if (first || v < lo) lo = v;
        first = false;
      }
      if (sum > hi) broken = "x(E) = " + equilab::to_string(sum) + " > φ(E) = " + equilab::to_string(hi);
      if (sum < lo) broken = "x(E) = " + equilab::to_string(sum) + " < γ(E) = " + equilab::to_string(lo);
    }
    const bool member = is_outcome(in, x);
    const bool holds = broken.empty() && !member;
    check("(" + label + ")",
          holds ? "within every bound of (φ,γ), not in X" : (member ? "is in X" : "breaks " + broken), holds);
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return {text, match};
}

Generator add_interim_generator(CLI::App& generate) {
  auto options = std::make_shared<gen::InterimGenOptions>();
  CLI::App* cmd = generate.add_subcommand("interim", "a random interim instance (Zheng 2024)");
  cmd->add_option("--kind", options->kind, "explicit|knapsack|multiunit|ranked_quota|matching")
      ->capture_default_str();
  cmd->add_option("--players", options->players, "number of players")->capture_default_str();
  cmd->add_option("--types", options->types, "types per player")->capture_default_str();
  cmd->add_option("--objects", options->objects, "objects (explicit, matching; 0 = players)")
      ->capture_default_str();
  cmd->add_flag("--joint", options->joint, "a correlated (joint) prior");
  cmd->add_option("--point", options->point, "feasible|boundary|outside")->capture_default_str();
  cmd->add_flag("--weights", options->weights, "add random integer weights");
  return {cmd, [options](std::uint64_t seed) {
            try {
              return write_interim_json(gen::generate_interim(seed, *options));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate interim", e.what());
            } catch (const EnumerationLimit& e) {
              throw InputError("(command line)", "generate interim", e.what());
            }
          }};
}

}  // namespace

Family interim_family() {
  return Family{"interim",          {"lp", "border", "greedy"}, solve_interim,   verify_interim,
                crosscheck_interim, describe_interim,           compare_interim, add_interim_generator, {}};
}

}  // namespace equilab::cli
