// The "lp" family: clp-repair (default), lpsolve-repair, exact-simplex, qsopt-ex (QSopt_ex, exact), and
// GLPK's glp_exact as an external reference in crosscheck.
#include <iostream>
#include <memory>
#include <sstream>

#include "family.h"
#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"
#include "lp/glpk_reference.h"
#include "lp/json_io.h"
#include "lp/lpsolve.h"
#include "lp/mps.h"
#include "lp/qsopt_reference.h"
#include "lp/repair.h"
#include "lp/vipr.h"
#include "verify/lp_certificate.h"
#include "verify/lp_measures.h"

namespace equilab::cli {
namespace {

lp::LpModel read_model(const InstanceSource& src, const SolveRequest& request) {
  if (src.document) return lp::read_lp_json(JsonNode(*src.document, src.file));
  return lp::read_mps_file(src.file, lp::parse_mps_format(request.mps_format));
}

lp::SimplexOptions progress_options() {
  lp::SimplexOptions options;
  options.on_progress = [](long iteration, int phase) {
    std::cerr << "simplex: phase " << phase << ", " << iteration << " pivots\n";
  };
  return options;
}

// qsopt-ex's answers are checked with equilab's exact certificate check before they are returned.
lp::QsoptExactResult qsopt_exact_solve(const lp::LpModel& model) {
  return lp::qsopt_exact_solve(model, [](const lp::LpModel& m, const lp::Solution<Rational>& s) {
    const verify::Verdict verdict = verify::check_lp_certificate(m, s);
    return verdict.valid ? std::string() : verdict.failures.front();
  });
}

Json solve_lp(const InstanceSource& src, const SolveRequest& request) {
  const lp::LpModel model = read_model(src, request);
  const std::string method = request.method.empty() ? "clp-repair" : request.method;
  if (method == "clp-repair" || method == "lpsolve-repair") {
    const bool clp_first = method == "clp-repair";
    if (!request.exact) {
      // In double, a repair method is its first engine alone: there is nothing to repair.
      const lp::Engine engine = clp_first ? lp::Engine::Clp : lp::Engine::LpSolve;
      return lp::write_solution_json(model, lp::engine_solve(engine, model), clp_first ? "clp" : "lpsolve");
    }
    lp::RepairOptions options;
    if (!clp_first) options.engines = {lp::Engine::LpSolve, lp::Engine::Clp};
    options.simplex = progress_options();
    options.on_note = [](const std::string& line) { std::cerr << line << "\n"; };
    const lp::Repaired repaired = lp::repair_solve(model, options);
    Json result = lp::write_solution_json(model, repaired.solution, method);
    std::string provenance;
    for (const std::string& line : repaired.trail) provenance += (provenance.empty() ? "" : "; ") + line;
    result["provenance"] = provenance;
    return result;
  }
  if (method == "exact-simplex") {
    if (request.exact)
      return lp::write_solution_json(model, lp::simplex_solve<Rational>(model, progress_options()), method);
    return lp::write_solution_json(model, lp::simplex_solve<double>(model, progress_options()), method);
  }
  if (method == "qsopt-ex") {
    if (!request.exact)
      throw InputError("(command line)", "--arith",
                       "qsopt-ex is exact only (QSopt_ex decides in rational arithmetic); drop --arith double");
    const lp::QsoptExactResult qsopt = qsopt_exact_solve(model);
    Json result = lp::write_solution_json(model, qsopt.solution, method);
    result["provenance"] = qsopt.provenance;
    return result;
  }
  throw InputError("(command line)", "--method",
                   "unknown method \"" + method + "\" for model lp (clp-repair, lpsolve-repair, exact-simplex, qsopt-ex)");
}

// verify: an exact result is accepted when its certificate holds. A floating-point result
// ("arith": "double") is never accepted: its numbers are the exact values of doubles, so verify
// measures, exactly, how far each condition of the certificate is violated and says so; the same
// measures accompany an exact result whose certificate fails.
CheckOutcome verify_lp(const InstanceSource& src, const JsonNode& result, const SolveRequest& request) {
  const lp::LpModel model = read_model(src, request);
  const lp::ResultToVerify read = lp::read_result_to_verify(model, result);
  const lp::Solution<Rational>& solution = read.solution;
  const verify::Verdict verdict = verify::check_lp_certificate(model, solution);
  CheckOutcome out;
  out.lines.push_back(std::string("status ") + lp::to_string(solution.status));
  if (solution.status == lp::Status::Optimal)
    out.lines.push_back("objective " + to_string(solution.objective));
  auto add_measures = [&](const std::string& heading) {
    out.lines.push_back(heading);
    for (const std::string& line : verify::measure_lines(verify::measure_lp_result(model, solution)))
      out.lines.push_back("  " + line);
  };
  if (!read.exact) {
    out.ok = false;
    add_measures(
        "arith double: a floating-point result is measured, not certified; exact measures of its "
        "certificate's conditions:");
    out.messages.push_back(
        std::string("arith \"double\": a floating-point result is not a proof, whatever its measures") +
        (verdict.valid ? " (these numbers happen to meet every condition exactly)" : "") +
        "; solve with --arith exact for a certificate");
    return out;
  }
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  if (!verdict.valid) add_measures("exact measures of the certificate's conditions:");
  return out;
}

std::string describe_solution(const lp::Solution<Rational>& s) {
  std::string text = lp::to_string(s.status);
  if (s.status == lp::Status::Optimal) text += " " + to_string(s.objective);
  return text;
}

CheckOutcome crosscheck_lp(const InstanceSource& src, const SolveRequest& request) {
  const lp::LpModel model = read_model(src, request);
  struct Run {
    std::string method;
    lp::Solution<Rational> solution;
    bool has_certificate;
  };
  std::vector<Run> runs;
  runs.push_back({"exact-simplex", lp::simplex_solve<Rational>(model, progress_options()), true});
  lp::RepairOptions clp_first;
  clp_first.simplex = progress_options();
  runs.push_back({"clp-repair", lp::repair_solve(model, clp_first).solution, true});
  runs.push_back({"lpsolve-repair", lp::lpsolve_repair(model, progress_options()), true});
  runs.push_back({"qsopt-ex (reference)", qsopt_exact_solve(model).solution, true});
  auto glpk = lp::glpk_exact_solve(model);
  // GLPK returns an exact certificate only for optimal answers (recomputed from its basis).
  runs.push_back({"glpk-exact (reference)", glpk, glpk.status == lp::Status::Optimal});

  CheckOutcome out;
  for (const auto& run : runs) {
    const std::string line = run.method + ": " + describe_solution(run.solution);
    if (!run.has_certificate) {
      out.lines.push_back(line);
      continue;
    }
    const auto verdict = verify::check_lp_certificate(model, run.solution);
    out.add_checked(run.method, line, verdict.valid, verdict.failures);
  }
  const auto& first = runs.front().solution;
  for (std::size_t k = 1; k < runs.size(); ++k) {
    const auto& other = runs[k].solution;
    bool same = other.status == first.status &&
                (first.status != lp::Status::Optimal || other.objective == first.objective);
    if (!same) {
      out.ok = false;
      out.messages.push_back("disagreement: " + runs.front().method + " says " + describe_solution(first) +
                             ", " + runs[k].method + " says " + describe_solution(other));
    }
  }
  return out;
}

std::string describe_lp(const Json& r) {
  std::ostringstream os;
  os << "status:    " << r.at("status").get<std::string>() << "\n";
  os << "method:    " << r.at("method").get<std::string>() << "\n";
  if (r.contains("provenance")) os << "source:    " << r.at("provenance").get<std::string>() << "\n";
  os << "arith:     " << r.at("arith").get<std::string>()
     << (r.at("arith") == "double"
             ? "  (floating point: values are the exact binary expansions of doubles, not exact answers)"
             : "")
     << "\n";
  if (r.contains("objective")) os << "objective: " << r.at("objective").get<std::string>() << "\n";
  auto table = [&os](const char* title, const Json& values) {
    os << title << ":\n";
    for (const auto& item : values.items())
      os << "  " << item.key() << " = " << item.value().get<std::string>() << "\n";
  };
  if (r.contains("primal")) table("primal", r.at("primal"));
  if (r.contains("dual")) table("dual (shadow prices)", r.at("dual"));
  const Json& cert = r.at("certificate");
  if (cert.contains("farkas")) table("farkas multipliers", cert.at("farkas"));
  if (cert.contains("ray")) table("improving ray", cert.at("ray"));
  return os.str();
}

std::pair<std::string, bool> compare_lp(const InstanceSource&, const Json& result,
                                        const JsonNode& published) {
  published.expect_object({"status", "objective"});
  const std::string status = result.at("status").get<std::string>();
  std::string computed = status;
  bool match = status == published.at("status").as_string();
  if (status == "optimal") {
    computed += " " + result.at("objective").get<std::string>();
    if (auto obj = published.find("objective"))
      match = match && parse_rational(result.at("objective").get<std::string>()) == obj->as_rational();
  }
  return {computed, match};
}

// solve --vipr: the certificate as the result states it, read back like verify reads it.
void write_lp_vipr(const InstanceSource& src, const Json& result, const SolveRequest& request, std::ostream& out) {
  const lp::LpModel model = read_model(src, request);
  const lp::ResultToVerify read = lp::read_result_to_verify(model, JsonNode(result, "(result)"));
  if (read.solution.status == lp::Status::Unbounded)
    throw InputError("(command line)", "--vipr", "VIPR 1.0 has no certificate of unboundedness; none was written");
  lp::write_vipr(out, model, read.solution);
}

Generator add_lp_generator(CLI::App& generate) {
  auto options = std::make_shared<gen::LpGenOptions>();
  auto kind = std::make_shared<std::string>("general");
  CLI::App* cmd =
      generate.add_subcommand("lp", "a random LP (feasible by construction unless --kind says otherwise)");
  cmd->add_option("--vars", options->vars, "number of variables")->capture_default_str();
  cmd->add_option("--cons", options->cons, "number of constraints")->capture_default_str();
  cmd->add_option("--kind", *kind, "general|degenerate|infeasible|unbounded|equality|bounded")
      ->capture_default_str();
  cmd->add_option("--density", options->density, "fraction of nonzero coefficients, in (0,1]")
      ->capture_default_str();
  return {cmd, [options, kind](std::uint64_t seed) {
            try {
              gen::LpGenOptions o = *options;
              o.kind = gen::parse_lp_kind(*kind);
              return lp::write_lp_json(gen::generate_lp(seed, o));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate lp", e.what());
            }
          }};
}

}  // namespace

Family lp_family() {
  return Family{"lp",          {"clp-repair", "lpsolve-repair", "exact-simplex", "qsopt-ex"},
                solve_lp,      verify_lp,
                crosscheck_lp, describe_lp,
                compare_lp,    add_lp_generator,
                write_lp_vipr};
}

}  // namespace equilab::cli
