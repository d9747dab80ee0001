#include "commands.h"

#include "family.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

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

}  // namespace

int run_solve(const SolveArgs& args) {
  auto [source, family] = load_instance(args.file);
  Json result = family->solve(source, make_request(args.method, args.arith == "exact", args.family));
  if (args.json) std::cout << result.dump(1) << "\n";
  else std::cout << family->describe(result);
  return 0;
}

int run_verify(const VerifyArgs& args) {
  auto [source, family] = load_instance(args.file);
  Json result_doc = load_json_file(args.result);
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
  CheckOutcome outcome = family->crosscheck(source, make_request("", true, args.family));
  for (const auto& line : outcome.lines) std::cout << line << "\n";
  if (outcome.ok) {
    std::cout << "all methods agree\n";
    return 0;
  }
  for (const auto& m : outcome.messages) std::cout << m << "\n";
  return 1;
}

int run_generate(const GenerateArgs& args, const Json& doc) {
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
