#include "commands.h"

#include "family.h"
#include "core/deadline.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

// Set by CMake for this file: `git describe --always --dirty` of the source tree at configure time.
#ifndef EQUILAB_GIT_DESCRIBE
#define EQUILAB_GIT_DESCRIBE "unknown"
#endif

namespace equilab::cli {
namespace {

SolveRequest make_request(const std::string& method, bool exact, const FamilyOptions& o) {
  SolveRequest r;
  r.method = method;
  r.exact = exact;
  r.ranges = !o.no_ranges;
  r.max_enumeration = o.max_enumeration;
  r.replication = o.replication;
  r.form = o.form;
  r.bisect = o.bisect;
  return r;
}

// The build record belongs to the command, not to a family: it is checked here and removed
// before the family's reader sees the result, so every family accepts it alike.
void strip_build_record(Json& result_doc, const std::string& file) {
  if (!result_doc.is_object() || !result_doc.contains("equilab")) return;
  const JsonNode record = JsonNode(result_doc, file).at("equilab");
  record.expect_object({"version"});
  record.at("version").as_string();
  result_doc.erase("equilab");
}

}  // namespace

std::string generate_command(const CLI::App& generator, std::uint64_t seed) {
  std::string s = "equilab generate " + generator.get_name() + " --seed " + std::to_string(seed);
  for (const CLI::Option* opt : generator.get_options()) {
    if (opt == generator.get_help_ptr()) continue;
    if (opt->get_expected_min() == 0) {  // a flag (takes no value)
      if (opt->count() > 0 && opt->as<bool>()) s += " " + opt->get_name();
      continue;
    }
    std::string value = opt->get_default_str();
    if (opt->count() > 0) value = opt->results().back();
    if (!value.empty()) s += " " + opt->get_name() + " " + value;
  }
  return s;
}

Json build_record() { return Json{{"version", EQUILAB_GIT_DESCRIBE}}; }

int run_solve(const SolveArgs& args) {
  auto [source, family] = load_instance(args.file);
  Json result;
  set_time_limit(args.family.time_limit);
  try {
    result = family->solve(source, make_request(args.method, args.arith == "exact", args.family));
  } catch (const TimeLimitReached&) {
    // No answer within the limit: a result that says so and certifies nothing (verify refuses it).
    result = Json{{"model", family->model},
                  {"method", args.method.empty() ? std::string("(the default)") : args.method},
                  {"arith", args.arith},
                  {"status", "time_limit"},
                  {"time_limit_seconds", args.family.time_limit}};
    if (!args.json) {
      std::cout << "status:      time_limit (no answer within " << args.family.time_limit << " s)\n";
      return 0;
    }
  }
  set_time_limit(0);
  if (args.json) {
    // The family's own fields already say "method" and "arith"; the build is added here, once.
    if (result.contains("equilab")) throw std::logic_error("the " + family->model + " result already has \"equilab\"");
    result["equilab"] = build_record();
    std::cout << result.dump(1) << "\n";
  } else {
    std::cout << family->describe(result);
  }
  return 0;
}

int run_verify(const VerifyArgs& args) {
  auto [source, family] = load_instance(args.file);
  Json result_doc = load_json_file(args.result);
  strip_build_record(result_doc, args.result);
  if (result_doc.is_object() && result_doc.value("status", "") == "time_limit") {
    std::cout << "certificate INVALID:\n  the result records a run stopped by --time-limit; it certifies nothing\n";
    return 1;
  }
  JsonNode result(result_doc, args.result);
  const std::string model = result.at("model").as_string();
  if (model != family->model)
    result.at("model").fail("result is for model \"" + model + "\" but the instance is \"" + family->model + "\"");
  CheckOutcome outcome = family->verify(source, result, make_request("", true, args.family));
  for (const auto& line : outcome.lines) std::cout << line << "\n";
  if (outcome.ok) {
    std::cout << "certificate valid\n";
    return 0;
  }
  std::cout << "certificate INVALID:\n";
  for (const auto& m : outcome.messages) std::cout << "  " << m << "\n";
  return 1;
}

int run_crosscheck(const CrosscheckArgs& args) {
  auto [source, family] = load_instance(args.file);
  CheckOutcome outcome;
  set_time_limit(args.family.time_limit);
  try {
    outcome = family->crosscheck(source, make_request("", true, args.family));
  } catch (const TimeLimitReached&) {
    std::cout << "time limit of " << args.family.time_limit << " s reached before every method had run: no verdict\n";
    return 1;
  }
  set_time_limit(0);
  for (const auto& line : outcome.lines) std::cout << line << "\n";
  if (outcome.ok) {
    std::cout << "all methods agree\n";
    return 0;
  }
  for (const auto& m : outcome.messages) std::cout << m << "\n";
  return 1;
}

int run_generate(const GenerateArgs& args, const Json& instance) {
  // Every reader accepts "name" and none accepts another unknown field, so a generator that
  // names nothing gets the command that reproduces the instance as its name.
  Json doc = instance;
  if (doc.is_object() && !doc.contains("name") && !args.command.empty()) doc["name"] = args.command;
  if (args.out.empty()) {
    std::cout << doc.dump(1) << "\n";
    return 0;
  }
  if (std::filesystem::exists(args.out))
    throw InputError(args.out, "--out", "file exists; equilab never overwrites a file (remove it or choose another name)");
  std::ofstream out(args.out);
  if (!out) throw InputError(args.out, "--out", "cannot create file");
  out << doc.dump(1) << "\n";
  return 0;
}

int run_methods() {
  for (const auto& f : families()) {
    std::cout << f.model << ":";
    for (std::size_t k = 0; k < f.methods.size(); ++k) std::cout << " " << f.methods[k] << (k == 0 ? " (default)" : "");
    std::cout << "\n";
  }
  return 0;
}

}  // namespace equilab::cli
