// The "groups" family (Wang 2019, §2): welfare-lp (default), transport, vertex-enum, and at scale
// (§2.5.2) colgen (the default when the group types outnumber --max-enumeration) and fv-sparse.
// colgen and fv-sparse report no imputation ranges (they would need every group type).
#include "family.h"
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "verify/groups_certificate.h"
#include "verify/groups_double_measure.h"
#include "verify/groups_scale_certificate.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

namespace equilab::cli {
namespace {

using groups::GroupsInstance;
using groups::GroupsOptions;
using groups::StableAssignment;

GroupsInstance read_instance(const InstanceSource& src) {
  return groups::read_groups_json(JsonNode(*src.document, src.file));
}

GroupsOptions options_of(const SolveRequest& request) {
  GroupsOptions o;
  o.exact = request.exact;
  o.ranges = request.ranges;
  o.max_enumeration = request.max_enumeration;
  o.replication = request.replication == "factorial" ? GroupsOptions::Replication::Factorial : GroupsOptions::Replication::Lcm;
  o.transport_form = request.form == "full" ? GroupsOptions::TransportForm::Full : GroupsOptions::TransportForm::Orbit;
  return o;
}

// Does the instance have more group types than --max-enumeration? Then nothing enumerates them:
// colgen is the default method and verify decides no-blocking structurally.
bool at_scale(const GroupsInstance& instance, std::uint64_t max_enumeration) {
  return groups::count_group_types(instance.num_types(), instance.min_size, instance.max_size) >
         Integer(max_enumeration);
}

bool column_method(const std::string& method) { return method == "colgen" || method == "fv-sparse"; }

// Enumeration limits are the user's to raise: exit 2 naming the option.
template <class F>
auto guard_enumeration(const std::string& file, F&& body) {
  try {
    return body();
  } catch (const groups::EnumerationLimit& e) {
    throw InputError(file, "--max-enumeration", e.what());
  }
}

StableAssignment run_method(const GroupsInstance& instance, const std::string& method, const GroupsOptions& options,
                            const std::string& file) {
  GroupsOptions o = options;
  if (column_method(method)) o.ranges = false;  // ranges need every group type
  return guard_enumeration(file, [&] {
    if (method == "welfare-lp") return groups::solve_welfare_lp(instance, o);
    if (method == "transport") return groups::solve_transport(instance, o);
    if (method == "vertex-enum") return groups::solve_vertex_enum(instance, o);
    if (method == "colgen") return groups::solve_colgen(instance, o);
    if (method == "fv-sparse")
      return groups::solve_fv_sparse(instance, o, [&](const std::vector<Rational>& u) {
        return verify::find_blocking_group(instance, u, o.max_enumeration);
      });
    throw InputError("(command line)", "--method",
                     "unknown method \"" + method +
                         "\" for model groups (welfare-lp, transport, vertex-enum, colgen, fv-sparse)");
  });
}

// The exact check: the enumerating checker, or the structural one at scale.
verify::Verdict check_result(const GroupsInstance& instance, const StableAssignment& result,
                             std::uint64_t max_enumeration, const std::string& file) {
  return guard_enumeration(file, [&] {
    return at_scale(instance, max_enumeration) ? verify::check_groups_at_scale(instance, result, max_enumeration)
                                               : verify::check_groups_certificate(instance, result, max_enumeration);
  });
}

Json solve_groups(const InstanceSource& src, const SolveRequest& request) {
  const GroupsInstance instance = read_instance(src);
  const std::string method =
      !request.method.empty() ? request.method : at_scale(instance, request.max_enumeration) ? "colgen" : "welfare-lp";
  if (!request.exact && method != "welfare-lp")
    throw InputError("(command line)", "--arith", "--arith double is available for welfare-lp only");
  const StableAssignment result = run_method(instance, method, options_of(request), src.file);
  return groups::write_result_json(instance, result, method, request.exact);
}

// A floating-point result is measured, never certified: the largest violation of every condition
// of the exact check, as an exact rational and a decimal; always exit 1.
CheckOutcome measure_double(const GroupsInstance& instance, const StableAssignment& claimed,
                            std::uint64_t max_enumeration, const std::string& file) {
  const auto measures =
      guard_enumeration(file, [&] { return verify::measure_groups_result(instance, claimed, max_enumeration); });
  CheckOutcome out;
  out.ok = false;
  out.lines.push_back("welfare " + to_string(claimed.welfare) + " (arith double)");
  out.lines.push_back("largest violation of each condition, exactly (decimal in parentheses):");
  for (const verify::ConditionMeasure& m : measures)
    out.lines.push_back("  " + m.condition + ": " + to_string(m.worst) + " (" + verify::groups_decimal_text(m.worst) + ")" +
                        (m.where.empty() ? "" : " at " + m.where));
  out.messages.push_back(
      "arith double: a floating-point result is measured, not certified (its violations are listed above)");
  return out;
}

CheckOutcome verify_groups(const InstanceSource& src, const JsonNode& result, const SolveRequest& request) {
  const GroupsInstance instance = read_instance(src);
  const StableAssignment claimed = groups::read_result_for_verify(instance, result);
  if (result.at("arith").as_string() == "double")
    return measure_double(instance, claimed, request.max_enumeration, src.file);
  const verify::Verdict verdict = check_result(instance, claimed, request.max_enumeration, src.file);
  CheckOutcome out;
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  out.lines.push_back("welfare " + to_string(claimed.welfare));
  if (claimed.stats && claimed.stats->status == "not_converged" && claimed.stats->bound)
    out.lines.push_back("not_converged: the optimum lies in [" + to_string(claimed.welfare) + ", " +
                        to_string(*claimed.stats->bound) + "]");
  return out;
}

// Small instances: welfare-lp (the reference), transport, vertex-enum (skipped when it would
// enumerate too many bases), colgen and fv-sparse. At scale: colgen (the reference) and fv-sparse.
// fv-sparse may stop without convergence: that is reported, its certificate (a feasible assignment
// and the certified bound) is checked, and the bound must lie at or above the reference welfare.
CheckOutcome crosscheck_groups(const InstanceSource& src, const SolveRequest& request) {
  const GroupsInstance instance = read_instance(src);
  GroupsOptions o = options_of(request);
  CheckOutcome out;
  const bool large = at_scale(instance, request.max_enumeration);
  const std::vector<std::string> methods =
      large ? std::vector<std::string>{"colgen", "fv-sparse"}
            : std::vector<std::string>{"welfare-lp", "transport", "vertex-enum", "colgen", "fv-sparse"};
  std::optional<StableAssignment> reference;
  std::string reference_method;
  for (const std::string& method : methods) {
    std::optional<StableAssignment> result;
    try {
      result = run_method(instance, method, o, src.file);
    } catch (const InputError& e) {
      if (method != "vertex-enum") throw;
      out.lines.push_back(method + ": skipped (" + e.reason() + ")");
      continue;
    }
    if (result->stats && result->stats->status == "not_converged") {
      std::string line = method + ": not_converged, welfare " + to_string(result->welfare);
      if (result->stats->bound) line += ", certified bound " + to_string(*result->stats->bound);
      const verify::Verdict verdict = check_result(instance, *result, request.max_enumeration, src.file);
      out.add_checked(method, line, verdict.valid, verdict.failures);
      if (reference && result->welfare > reference->welfare) {
        out.ok = false;
        out.messages.push_back("disagreement: " + method + " reaches welfare " + to_string(result->welfare) +
                               " above the optimum " + to_string(reference->welfare) + " of " + reference_method);
      }
      if (reference && result->stats->bound && *result->stats->bound < reference->welfare) {
        out.ok = false;
        out.messages.push_back("disagreement: " + method + "'s certified bound " + to_string(*result->stats->bound) +
                               " lies below the optimum " + to_string(reference->welfare) + " of " + reference_method);
      }
      continue;
    }
    const verify::Verdict verdict = check_result(instance, *result, request.max_enumeration, src.file);
    std::string line = method + ": welfare " + to_string(result->welfare);
    if (result->stats)
      line += " (" + std::to_string(result->stats->columns_generated) + " columns generated of " +
              result->stats->group_types.str() + " group types)";
    out.add_checked(method, line, verdict.valid, verdict.failures);
    if (!reference) {
      reference = result;
      reference_method = method;
      continue;
    }
    if (result->welfare != reference->welfare) {
      out.ok = false;
      out.messages.push_back("disagreement: " + reference_method + " says " + to_string(reference->welfare) + ", " +
                             method + " says " + to_string(result->welfare));
    }
    // Ranges are properties of the instance, not of the method: they must agree too.
    if (result->ranges && reference->ranges)
      for (int i = 0; i < instance.num_types(); ++i) {
        const auto &a = (*reference->ranges)[i], &b = (*result->ranges)[i];
        if (a.min != b.min || a.max != b.max) {
          out.ok = false;
          out.messages.push_back("disagreement on the imputation range of type \"" + instance.types[i].name + "\"");
        }
      }
  }
  return out;
}

std::string describe_groups(const Json& r) {
  std::ostringstream os;
  os << "status:      " << r.at("status").get<std::string>() << "\n";
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  os << "arith:       " << r.at("arith").get<std::string>()
     << (r.at("arith") == "double" ? "  (floating point: values are the exact binary expansions of doubles)" : "") << "\n";
  os << "welfare:     " << r.at("welfare").get<std::string>() << "\n";
  if (r.contains("stats")) {
    const Json& st = r.at("stats");
    os << "group types: " << st.at("group_types").get<std::string>() << " (never enumerated)\n";
    os << "columns:     " << st.at("columns_generated").get<long>() << " generated, " << st.at("columns_final").get<long>()
       << " in the final master, " << st.at("rounds").get<long>() << " rounds (" << st.at("exact_rounds").get<long>()
       << " exact)\n";
    os << "max reduced cost: " << st.at("max_reduced_cost").get<std::string>() << "\n";
    if (st.contains("seconds_double"))
      os << "seconds:     " << st.at("seconds_double").get<double>() << " double phase, "
         << st.at("seconds_exact").get<double>() << " exact phase\n";
    if (st.contains("bound") && !st.at("bound").is_null())
      os << "certified welfare bound: " << st.at("bound").get<std::string>() << "\n";
  } else {
    os << "group types: " << r.at("group_types").get<std::size_t>() << "\n";
  }
  os << "assignment (mass of groups of each type):\n";
  for (const auto& g : r.at("assignment")) {
    os << "  [";
    for (std::size_t k = 0; k < g.at("group").size(); ++k) os << (k ? "," : "") << g.at("group")[k].get<std::string>();
    os << "]  mass " << g.at("mass").get<std::string>() << "  value " << g.at("value").get<std::string>() << "\n";
  }
  os << "imputation:\n";
  for (const auto& item : r.at("imputation").items()) {
    os << "  " << item.key() << " = " << item.value().get<std::string>();
    if (r.contains("imputation_range")) {
      const auto& range = r.at("imputation_range").at(item.key());
      os << "   range [" << range[0].get<std::string>() << ", " << range[1].get<std::string>() << "]";
    }
    os << "\n";
  }
  if (r.contains("imputation_unique") && !r.at("imputation_unique").is_null())
    os << "imputation unique: " << (r.at("imputation_unique").get<bool>() ? "yes" : "no") << "\n";
  return os.str();
}

// Published answers a catalog entry may state (each optional):
//   "welfare", "group_types", "fractional_groups", "imputation": {type: u} (unique values),
//   "imputation_range": {type: [min, max]},
//   "derivative": {type: {"plus": D_{+e_i}Π, "minus": D_{-e_i}Π}} (= min u(i) and -max u(i), §2.2.1),
//   "mean_surplus": [{"group": [...], "value": s(G)/|G|}] (a statement about the instance itself),
//   "fractional_value": [{"group": [L members], "value": ŝ}] with ŝ(Ĝ) = max (N/n)·s(P_n Ĝ) over
//     the sizes n whose K_n contains Ĝ (eq. 8; taking the max over those n only keeps fake groups
//     out and stays right for negative values).
std::pair<std::string, bool> compare_groups(const InstanceSource& src, const Json& result, const JsonNode& published) {
  published.expect_object({"welfare", "group_types", "fractional_groups", "imputation", "imputation_range", "derivative",
                           "mean_surplus", "fractional_value"});
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& label, const std::string& computed, bool equal) {
    parts.push_back(label + " " + computed);
    match = match && equal;
  };
  auto range_of = [&](const JsonNode& node, const std::string& type) -> const Json& {
    if (!result.contains("imputation_range")) node.fail("the result has no imputation ranges");
    if (!result.at("imputation_range").contains(type)) node.fail("unknown type \"" + type + "\"");
    return result.at("imputation_range").at(type);
  };
  if (auto w = published.find("welfare"))
    check("welfare", result.at("welfare").get<std::string>(), parse_rational(result.at("welfare").get<std::string>()) == w->as_rational());
  if (auto g = published.find("group_types"))
    check("group types", std::to_string(result.at("group_types").get<long long>()), result.at("group_types").get<long long>() == g->as_int());
  if (auto f = published.find("fractional_groups")) {
    if (!result.contains("fractional_groups")) f->fail("only the transport method reports fractional groups");
    check("fractional groups", std::to_string(result.at("fractional_groups").get<long long>()),
          result.at("fractional_groups").get<long long>() == f->as_int());
  }
  if (auto imp = published.find("imputation"))
    for (const auto& [type, value] : imp->members()) {
      const Json& range = range_of(value, type);
      const Rational lo = parse_rational(range[0].get<std::string>()), hi = parse_rational(range[1].get<std::string>());
      check("u(" + type + ")", lo == hi ? to_string(lo) : "[" + to_string(lo) + "," + to_string(hi) + "]",
            lo == hi && lo == value.as_rational());
    }
  if (auto ranges = published.find("imputation_range"))
    for (const auto& [type, value] : ranges->members()) {
      const Json& range = range_of(value, type);
      auto bounds = value.elements();
      if (bounds.size() != 2) value.fail("expected [min, max]");
      check("u(" + type + ") in", "[" + range[0].get<std::string>() + "," + range[1].get<std::string>() + "]",
            parse_rational(range[0].get<std::string>()) == bounds[0].as_rational() &&
                parse_rational(range[1].get<std::string>()) == bounds[1].as_rational());
    }
  if (auto der = published.find("derivative"))
    for (const auto& [type, value] : der->members()) {
      value.expect_object({"plus", "minus"});
      const Json& range = range_of(value, type);
      const Rational plus = parse_rational(range[0].get<std::string>());    // D_{+e_i}Π = min u(i)
      const Rational minus = -parse_rational(range[1].get<std::string>());  // D_{-e_i}Π = -max u(i)
      check("D+e" + type + " " + to_string(plus) + ", D-e" + type, to_string(minus),
            plus == value.at("plus").as_rational() && minus == value.at("minus").as_rational());
    }
  std::optional<GroupsInstance> instance;  // read only when a statement about the instance is published
  auto members_of = [&](const JsonNode& list) {
    if (!instance) instance = read_instance(src);
    groups::GroupType g;
    for (const auto& member : list.elements()) {
      const std::string name = member.as_string();
      int index = -1;
      for (int i = 0; i < instance->num_types(); ++i)
        if (instance->types[i].name == name) index = i;
      if (index < 0) member.fail("unknown type \"" + name + "\"");
      g.push_back(index);
    }
    std::sort(g.begin(), g.end());
    return g;
  };
  if (auto mean = published.find("mean_surplus"))
    for (const auto& item : mean->elements()) {
      item.expect_object({"group", "value"});
      const groups::GroupType g = members_of(item.at("group"));
      const Rational m = groups::group_value(*instance, g) / static_cast<long>(g.size());
      check("mean surplus", to_string(m), m == item.at("value").as_rational());
    }
  if (auto frac = published.find("fractional_value"))
    for (const auto& item : frac->elements()) {
      item.expect_object({"group", "value"});
      const groups::GroupType g = members_of(item.at("group"));
      const int L = static_cast<int>(g.size());
      const std::vector<int> counts = groups::group_counts(g, instance->num_types());
      std::optional<Rational> best;  // ŝ over the K_n that contain Ĝ; none: a fake fractional group
      for (int n = instance->min_size; n <= instance->max_size; ++n) {
        if (L % n != 0) continue;
        const int step = L / n;
        groups::GroupType projected;  // P_n Ĝ: counts divided by L/n
        bool real = true;
        for (int i = 0; i < instance->num_types() && real; ++i) {
          real = counts[i] % step == 0;
          projected.insert(projected.end(), counts[i] / step, i);
        }
        if (!real) continue;
        const Rational v = Rational(instance->max_size) / n * groups::group_value(*instance, projected);
        if (!best || v > *best) best = v;
      }
      check("ŝ", best ? to_string(*best) : "fake", best && *best == item.at("value").as_rational());
    }
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return {text, match};
}

Generator add_groups_generator(CLI::App& generate) {
  auto options = std::make_shared<gen::GroupsGenOptions>();
  auto value = std::make_shared<std::string>("table");
  CLI::App* cmd = generate.add_subcommand("groups", "a random groups instance (Wang §2)");
  cmd->add_option("--types", options->types, "number of types")->capture_default_str();
  cmd->add_option("--min-size", options->min_size, "smallest permitted group size")->capture_default_str();
  cmd->add_option("--max-size", options->max_size, "largest permitted group size")->capture_default_str();
  cmd->add_option("--value", *value, "table|pairwise")->capture_default_str();
  cmd->add_flag("--ties", options->ties, "values from {0,1,2}: degenerate LPs, non-unique imputations");
  cmd->add_option("--degree", options->degree,
                  "pairwise at scale: pair values on a random graph of this average degree (1..types-1)");
  cmd->add_option("--recipes", options->recipes, "table at scale: this many random recipes of sizes 2..4, default 0");
  return {cmd, [options, value](std::uint64_t seed) {
            if (*value != "table" && *value != "pairwise")
              throw InputError("(command line)", "--value", "expected table or pairwise, got \"" + *value + "\"");
            if (options->degree < 0)
              throw InputError("(command line)", "--degree", "must not be negative, got " + std::to_string(options->degree));
            if (options->recipes < 0)
              throw InputError("(command line)", "--recipes",
                               "must not be negative, got " + std::to_string(options->recipes));
            gen::GroupsGenOptions o = *options;
            o.pairwise = *value == "pairwise";
            try {
              return groups::write_groups_json(gen::generate_groups(seed, o));
            } catch (const std::invalid_argument& e) {
              // Name the option the generator objects to.
              const std::string what = e.what();
              const std::string option = what.find("--degree") != std::string::npos    ? "--degree"
                                         : what.find("--recipes") != std::string::npos ? "--recipes"
                                                                                       : "generate groups";
              throw InputError("(command line)", option, what);
            }
          }};
}

}  // namespace

Family groups_family() {
  return Family{"groups",
                {"welfare-lp", "transport", "vertex-enum", "colgen", "fv-sparse"},
                solve_groups,
                verify_groups,
                crosscheck_groups,
                describe_groups,
                compare_groups,
                add_groups_generator,
                {}};
}

}  // namespace equilab::cli
