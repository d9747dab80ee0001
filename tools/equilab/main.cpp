// equilab: solve, verify, crosscheck, generate and reproduce market-design instances.
// Exit codes: 0 success, 1 invalid certificate / disagreement / mismatch, 2 bad input (a command
// line error included, always one line on stderr), 3 out of memory or an internal error.
#include "commands.h"
#include "family.h"
#include "tool_commands.h"
#include "core/error.h"

#include <CLI/CLI.hpp>
#include <gmp.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <limits>
#include <new>

namespace {

// GMP's own allocator prints a message and aborts when memory runs out; this one throws
// std::bad_alloc (through on_allocation_failure, like operator new), so that a run out of memory
// inside exact arithmetic ends with the command's out-of-memory message (exit 3).
void* gmp_allocate(std::size_t bytes) {
  for (;;) {
    if (void* p = std::malloc(bytes)) return p;
    equilab::cli::on_allocation_failure();
  }
}
void* gmp_reallocate(void* old, std::size_t, std::size_t bytes) {
  for (;;) {
    if (void* p = std::realloc(old, bytes)) return p;
    equilab::cli::on_allocation_failure();
  }
}
void gmp_free(void* p, std::size_t) { std::free(p); }

std::terminate_handler previous_terminate = nullptr;

// The last resort: std::bad_alloc thrown where no handler can take it (a destructor that
// allocates, such as nlohmann's, runs out of memory; an exception meets a C frame without unwind
// information) ends in std::terminate. It still gets the out-of-memory message and exit 3; any
// other exception goes to the handler in place before (the runtime's report, then abort).
[[noreturn]] void on_terminate() {
  if (std::exception_ptr current = std::current_exception()) {
    try {
      std::rethrow_exception(current);
    } catch (const std::bad_alloc&) {
      equilab::cli::lift_memory_limit();
      std::cerr << "equilab: " << equilab::cli::out_of_memory_message() << "\n";
      std::_Exit(3);
    } catch (...) {
    }
  }
  if (previous_terminate != nullptr) previous_terminate();
  std::abort();
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Why `text` is not a decimal integer in [0, 2^64) (digits, optionally after '+'; no hexadecimal
// or octal prefix); "" when it is one.
std::string check_uint64(const std::string& text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  if (!digits.empty() && digits.front() == '-' && all_digits(digits.substr(1)))
    return "\"" + text + "\" is out of range (the smallest value is 0)";
  if (!all_digits(digits)) return "\"" + text + "\" is not an integer";
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range || end != digits.data() + digits.size())
    return "\"" + text + "\" is out of range (the largest value is " +
           std::to_string(std::numeric_limits<std::uint64_t>::max()) + ")";
  return "";
}

// A byte count: a decimal integer, optionally followed by K, M, G or T (powers of 1024, also
// written KiB, MiB, ...). Rewritten to the plain number of bytes.
const CLI::Validator kByteCount(
    [](std::string& text) -> std::string {
      std::size_t end = 0;
      while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
      std::string unit = text.substr(end);
      for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      int power = 0;
      if (!unit.empty()) {
        const std::string prefixes = "KMGT";
        const auto at = prefixes.find(unit[0]);
        if (at == std::string::npos || !(unit.size() == 1 || unit.substr(1) == "B" || unit.substr(1) == "IB"))
          return "\"" + text + "\" is not a byte count (an integer, optionally followed by K, M, G or T)";
        power = static_cast<int>(at) + 1;
      }
      const std::string number = text.substr(0, end);
      if (std::string why = check_uint64(number); !why.empty())
        return number.empty() ? "\"" + text + "\" is not a byte count (an integer, optionally followed by K, M, G or T)"
                              : why;
      std::uint64_t value = std::stoull(number);
      for (int k = 0; k < power; ++k) {
        if (value > std::numeric_limits<std::uint64_t>::max() / 1024) return "\"" + text + "\" is out of range";
        value *= 1024;
      }
      text = std::to_string(value);
      return "";
    },
    "BYTES", "byte count");

// Rewrites an accepted integer in plain decimal: CLI11 would read "010" as octal and "-1" as 2^64-1.
const CLI::Validator kUint64(
    [](std::string& text) {
      std::string why = check_uint64(text);
      if (why.empty()) text = std::to_string(std::stoull(text[0] == '+' ? text.substr(1) : text));
      return why;
    },
    "UINT", "unsigned integer");

// The subcommands that were being parsed ("generate lp"), for the hint after an error.
std::string parsed_command(const CLI::App& app) {
  std::string path;
  for (const CLI::App* sub = &app;;) {
    const auto subs = sub->get_subcommands();
    if (subs.empty()) break;
    sub = subs.front();
    path += " " + sub->get_name();
  }
  return path;
}

// CLI11's message on one line, prefixed "equilab: " (its own report adds usage lines).
std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace equilab::cli;
  mp_set_memory_functions(gmp_allocate, gmp_reallocate, gmp_free);
  previous_terminate = std::set_terminate(on_terminate);
  CLI::App app{"equilab: exact, certified market-design algorithms"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("equilab ") + EQUILAB_VERSION);

  SolveArgs solve_args;
  auto* solve = app.add_subcommand("solve", "solve an instance with the family's default (or named) method");
  solve->add_option("file", solve_args.file, "instance file (JSON, or MPS for LPs)")->required();
  solve->add_option("--method", solve_args.method, "method name (see `equilab methods`)");
  solve->add_option("--arith", solve_args.arith, "exact (default) or double (floating point, labelled as such)")
      ->check(CLI::IsMember({"exact", "double"}));
  solve->add_flag("--json", solve_args.json, "write one JSON result document to stdout");

  VerifyArgs verify_args;
  auto* verify = app.add_subcommand("verify", "check a result's certificate against the instance, exactly");
  verify->add_option("file", verify_args.file, "instance file")->required();
  verify->add_option("result", verify_args.result, "result JSON written by `solve --json`")->required();

  CrosscheckArgs cross_args;
  auto* cross = app.add_subcommand("crosscheck", "run every independent method and compare exactly");
  cross->add_option("file", cross_args.file, "instance file")->required();

  GenerateArgs gen_args;
  auto* generate = app.add_subcommand("generate", "write a random instance (same seed, same file on every machine)");
  generate->require_subcommand(1);
  generate->add_option("--seed", gen_args.seed, "random seed, an integer from 0 to 18446744073709551615")
      ->required()
      ->transform(kUint64);
  generate->add_option("--out", gen_args.out, "write to this file (never overwrites an existing file)");
  std::vector<Generator> generators;
  for (const auto& family : families())
    if (family.add_generator) {
      generators.push_back(family.add_generator(*generate));
      generators.back().command->fallthrough();  // --seed and --out may follow the model name
    }

  ReproduceArgs repro_args;
  auto* reproduce = app.add_subcommand("reproduce", "recompute the worked examples in catalog/");
  reproduce->add_option("--paper", repro_args.paper, "only this paper's examples");
  reproduce->add_option("--catalog", repro_args.catalog, "catalog folder (default: the source tree's catalog/)");
  reproduce->add_option("--report", repro_args.report, "also write the table as Markdown to this file");
  reproduce->add_flag("--json", repro_args.json, "write the table as one JSON document to stdout");

  // Options of the enumerating families (groups), on the commands that solve or check.
  auto add_family_options = [](CLI::App* cmd, FamilyOptions& o, bool solving) {
    cmd->add_option("--max-enumeration", o.max_enumeration,
                    "refuse to enumerate more group types (or bases) than this (default 2000000)");
    if (!solving) return;
    cmd->add_flag("--no-ranges", o.no_ranges, "groups: skip the imputation ranges");
    cmd->add_option("--replication", o.replication, "groups transport: lcm (default) or factorial (N!)")
        ->check(CLI::IsMember({"lcm", "factorial"}));
    cmd->add_option("--form", o.form, "groups transport: orbit (default) or full (tiny instances)")
        ->check(CLI::IsMember({"orbit", "full"}));
  };
  add_family_options(solve, solve_args.family, true);
  for (auto [cmd, options] : {std::pair{solve, &solve_args.family}, std::pair{cross, &cross_args.family}})
    cmd->add_option("--time-limit", options->time_limit,
                    "stop after this many seconds (wall clock); solve then reports status \"time_limit\"")
        ->check(CLI::Range(0.001, 1e7));
  // Resource limits of the commands that read instances and results.
  std::vector<std::pair<CLI::Option*, FamilyOptions*>> memory_options;
  for (auto [cmd, options] : {std::pair{solve, &solve_args.family}, std::pair{verify, &verify_args.family},
                              std::pair{cross, &cross_args.family}}) {
    cmd->add_option("--max-input-bytes", options->max_input_bytes,
                    "refuse an input file (instance or result) larger than this; reading a stream stops "
                    "as soon as it passes it (default 1G; suffix K, M, G, T; 0: no cap)")
        ->transform(kByteCount);
    memory_options.emplace_back(
        cmd->add_option("--max-memory", options->max_memory,
                        "cap the process's address space; a method that needs more ends with exit 3 and an "
                        "out-of-memory message (default: the physical memory, or the container's limit when "
                        "lower; suffix K, M, G, T; 0: no cap)")
            ->transform(kByteCount),
        options);
  }
  solve->add_flag("--bisect", solve_args.family.bisect,
                  "allocation_market --method path only: find the events by the paper's halving of z "
                  "(§7.1) instead of exact event times (a baseline; the result says \"search\":\"bisect\")");
  solve->add_option("--vipr", solve_args.vipr,
                    "also write the LP behind the answer and its exact certificate in VIPR 1.0 format to "
                    "this file (never overwrites a file)");
  for (auto [cmd, options] : {std::pair{solve, &solve_args.family}, std::pair{verify, &verify_args.family},
                              std::pair{cross, &cross_args.family}})
    cmd->add_option("--mps", options->mps_format,
                    "MPS instances: auto (default: fixed format when a line's names need it), fixed "
                    "(fields by column position; names may hold spaces) or free (fields split at blanks)")
        ->check(CLI::IsMember({"auto", "fixed", "free"}));
  add_family_options(verify, verify_args.family, false);
  add_family_options(cross, cross_args.family, true);

  auto* methods = app.add_subcommand("methods", "list the model families and their methods");
  const std::vector<ToolCommand> tools = {add_bench_command(app), add_report_command(app), add_sweep_command(app),
                                          add_convert_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: printed as CLI11 formats them
    std::cerr << "equilab: " << one_line(e.what()) << " (see: equilab" << parsed_command(app) << " --help)\n";
    return 2;
  }
  // Without --max-memory the limit is the memory the process can have at all: past it, the
  // kernel's out-of-memory killer would end the run without a word.
  for (auto [option, options] : memory_options)
    if (option->count() == 0) options->max_memory = default_memory_limit();
  try {
    if (*solve) return run_solve(solve_args);
    if (*verify) return run_verify(verify_args);
    if (*cross) return run_crosscheck(cross_args);
    if (*generate)
      for (const auto& g : generators)
        if (*g.command) {
          current_activity() = Activity{"generate", g.command->get_name(), "", 0};
          gen_args.command = generate_command(*g.command, gen_args.seed);
          return run_generate(gen_args, g.make(gen_args.seed));
        }
    if (*reproduce) return run_reproduce(repro_args);
    if (*methods) return run_methods();
    for (const ToolCommand& tool : tools)
      if (*tool.command) return tool.run();
  } catch (const equilab::InputError& e) {
    std::cerr << "equilab: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    lift_memory_limit();  // the message needs a little memory of its own
    std::cerr << "equilab: " << out_of_memory_message() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "equilab: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
