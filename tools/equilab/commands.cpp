#include "commands.h"

#include "family.h"
#include "core/deadline.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>

#include <sys/resource.h>
#include <unistd.h>

// AddressSanitizer maps terabytes of shadow memory: an address-space limit would break it.
#if defined(__SANITIZE_ADDRESS__)
#define EQUILAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EQUILAB_ASAN 1
#endif
#endif

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
  r.mps_format = o.mps_format;
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

// The limits every reading command applies before it reads a byte.
void apply_input_limits(const std::string& subcommand, const std::string& file, const FamilyOptions& o) {
  Activity& a = current_activity();
  a.subcommand = subcommand;
  a.file = file;
  a.method.clear();
  set_max_input_bytes(o.max_input_bytes);
  apply_memory_limit(o.max_memory);
}

// The method a solve runs: the one asked for, or the family's default.
std::string method_of(const Family& family, const std::string& asked) {
  return asked.empty() ? family.methods.front() : asked;
}

// The number a control-group limit file holds ("max" or no file: 0, no limit).
std::uint64_t read_first_number(const std::string& path) {
  std::ifstream in(path);
  std::string word;
  if (!(in >> word)) return 0;
  if (word == "max") return 0;  // cgroup v2: no limit
  try {
    return std::stoull(word);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

Activity& current_activity() {
  static Activity activity;
  return activity;
}

std::uint64_t default_memory_limit() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  std::uint64_t limit = pages > 0 && page > 0 ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page) : 0;
  // A container's memory limit (cgroup v2, then v1) stops the process before physical memory does.
  for (const char* file : {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    const std::uint64_t group = read_first_number(file);
    if (group > 0 && (limit == 0 || group < limit)) limit = group;
  }
  return limit;
}

void apply_memory_limit(std::uint64_t bytes) {
  current_activity().memory_limit = 0;
#ifndef EQUILAB_ASAN
  if (bytes == 0) return;
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) != 0) return;
  const rlim_t wanted = static_cast<rlim_t>(bytes);
  if (limit.rlim_max != RLIM_INFINITY && wanted > limit.rlim_max) return;  // a lower hard limit already holds
  limit.rlim_cur = wanted;
  if (::setrlimit(RLIMIT_AS, &limit) == 0) {
    current_activity().memory_limit = bytes;
    std::set_new_handler(on_allocation_failure);
  }
#else
  (void)bytes;
#endif
}

void on_allocation_failure() {
  const std::uint64_t cap = current_activity().memory_limit;
  rlimit limit{};
  if (cap == 0 || ::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
      limit.rlim_cur == limit.rlim_max)
    throw std::bad_alloc();
  const rlim_t margin = std::max<rlim_t>(rlim_t{64} << 20, static_cast<rlim_t>(cap / 8));
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY || limit.rlim_max - limit.rlim_cur > margin ? limit.rlim_cur + margin
                                                                                                : limit.rlim_max;
  if (::setrlimit(RLIMIT_AS, &limit) != 0) throw std::bad_alloc();
  if (std::uncaught_exceptions() > 0) return;  // unwinding: let the allocation be retried
  throw std::bad_alloc();
}

void lift_memory_limit() {
#ifndef EQUILAB_ASAN
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) != 0) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_AS, &limit);
#endif
}

std::string out_of_memory_message() {
  const Activity& a = current_activity();
  std::string text = "out of memory in " + (a.subcommand.empty() ? std::string("equilab") : a.subcommand);
  if (!a.method.empty()) text += " " + a.method;
  std::string size = "no input file";
  if (!a.file.empty()) {
    std::error_code error;
    const auto bytes = std::filesystem::file_size(a.file, error);
    size = error ? "input size unknown" : describe_size(bytes);
    text += " on " + a.file;
  }
  text += " (" + size + ")";
  if (a.memory_limit != 0)
    text += ": the run needed more than --max-memory " + std::to_string(a.memory_limit) + " (" +
            describe_size(a.memory_limit) + ") of address space; raise --max-memory to allow more";
  else
    text += ": the machine has no more memory for it (--max-memory sets the limit)";
  return text;
}

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
  apply_input_limits("solve", args.file, args.family);
  auto [source, family] = load_instance(args.file);
  const std::string method = method_of(*family, args.method);
  current_activity().method = method;
  if (!args.vipr.empty()) {
    if (args.arith != "exact")
      throw InputError("(command line)", "--vipr", "a VIPR certificate needs --arith exact (a double answer proves nothing)");
    if (!family->write_vipr)
      throw InputError("(command line)", "--vipr",
                       "model " + family->model + " has no LP certificate to write in VIPR format");
    if (std::filesystem::exists(args.vipr))
      throw InputError(args.vipr, "--vipr", "file exists; equilab never overwrites a file (remove it or choose another name)");
  }
  if (args.family.bisect && method != "path")  // --bisect belongs to the path method alone
    throw InputError("(command line)", "--bisect",
                     "--bisect applies to --method path only, not \"" + method + "\" (model " + family->model + ")");
  Json result;
  set_time_limit(args.family.time_limit);
  try {
    result = family->solve(source, make_request(args.method, args.arith == "exact", args.family));
  } catch (const TimeLimitReached&) {
    // No answer within the limit: a result that says so and certifies nothing (verify refuses it).
    result = Json{{"model", family->model},
                  {"method", method},
                  {"arith", args.arith},
                  {"status", "time_limit"},
                  {"time_limit_seconds", args.family.time_limit}};
    if (!args.json) {
      std::cout << "status:      time_limit (no answer within " << args.family.time_limit << " s)\n";
      return 0;
    }
  }
  set_time_limit(0);
  if (!args.vipr.empty() && result.value("status", "") != "time_limit") {
    // Written in memory first: a certificate that cannot be written leaves no file behind.
    std::ostringstream text;
    family->write_vipr(source, result, make_request(args.method, args.arith == "exact", args.family), text);
    std::ofstream out(args.vipr);
    if (!out) throw InputError(args.vipr, "--vipr", "cannot create file");
    if (!(out << text.str()).flush()) throw InputError(args.vipr, "--vipr", "write failed");
  }
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
  apply_input_limits("verify", args.file, args.family);
  auto [source, family] = load_instance(args.file);
  Json result_doc = load_json_file(args.result);
  if (result_doc.is_object() && result_doc.contains("method") && result_doc.at("method").is_string())
    current_activity().method = "of a " + result_doc.at("method").get<std::string>() + " result";
  strip_build_record(result_doc, args.result);
  if (result_doc.is_object() && result_doc.value("status", "") == "time_limit") {
    std::cout << "certificate INVALID:\n  the result records a run stopped by --time-limit; it certifies nothing\n";
    return 1;
  }
  JsonNode result(result_doc, args.result);
  const std::string model = result.at("model").as_string();
  if (model != family->model)
    result.at("model").fail("result is for model \"" + model + "\" but the instance is \"" + family->model + "\"");
  CheckOutcome outcome;
  try {
    outcome = family->verify(source, result, make_request("", true, args.family));
  } catch (const ResultContradiction& e) {
    // Readable, but a claim contradicts the certificate, itself or the instance: invalid, not bad input.
    outcome.ok = false;
    outcome.messages.push_back((e.location().empty() ? std::string("(document)") : e.location()) + ": " + e.reason());
  }
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
  apply_input_limits("crosscheck", args.file, args.family);
  auto [source, family] = load_instance(args.file);
  current_activity().method = "(every method of " + family->model + ")";
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
  current_activity().subcommand = "generate";
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
