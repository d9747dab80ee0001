// A model family as the `equilab` command sees it: how to solve, verify and
// cross-check one instance. Each family registers one of these in registry.cpp.
#pragma once

#include "core/json.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace equilab::cli {

// An instance as read from disk: its file name and, for JSON formats, the document.
struct InstanceSource {
  std::string file;
  std::optional<Json> document;  // absent for non-JSON formats (MPS)
};

struct SolveRequest {
  std::string method;  // empty: the family's default
  bool exact = true;   // false: --arith double
  // Options of enumerating families (groups): documented with the command.
  bool ranges = true;                        // --no-ranges clears it
  std::uint64_t max_enumeration = 2'000'000;  // --max-enumeration
  std::string replication = "lcm";           // --replication lcm|factorial
  std::string form = "orbit";                // --form orbit|full
  bool bisect = false;  // allocation_market path: the paper's §7.1 halving search (--bisect)
  std::string mps_format = "auto";  // MPS instances: auto (detect), fixed or free (--mps)
};

struct CheckOutcome {
  bool ok = true;
  std::vector<std::string> messages;  // failures (verify) or disagreements (crosscheck)
  std::vector<std::string> lines;     // what was compared, for the human-readable output

  // One method's run in a cross-check: its summary line, marked as verified or rejected by the
  // exact checker; a rejected certificate fails the cross-check with the checker's reasons.
  void add_checked(const std::string& method, const std::string& line, bool valid,
                   const std::vector<std::string>& failures) {
    lines.push_back(line + (valid ? "  (certificate verified)" : "  (CERTIFICATE REJECTED)"));
    if (valid) return;
    ok = false;
    for (const auto& f : failures) messages.push_back(method + ": " + f);
  }
};

struct Generator {
  CLI::App* command = nullptr;
  std::function<Json(std::uint64_t seed)> make;
};

struct Family {
  std::string model;
  std::vector<std::string> methods;  // the first is the default
  std::function<Json(const InstanceSource&, const SolveRequest&)> solve;
  std::function<CheckOutcome(const InstanceSource&, const JsonNode& result, const SolveRequest&)> verify;
  std::function<CheckOutcome(const InstanceSource&, const SolveRequest&)> crosscheck;
  // Human-readable rendering of a result document.
  std::function<std::string(const Json& result)> describe;
  // Compares a result with a catalog entry's published answer; returns the computed
  // value as text and whether it matches.
  std::function<std::pair<std::string, bool>(const InstanceSource&, const Json& result, const JsonNode& published)> compare;
  // Adds `generate <model>` with the family's size options to `generate` and returns the
  // subcommand and the function that draws an instance from a seed once options are parsed
  // (it throws InputError for bad options). May be empty (no generator).
  std::function<Generator(CLI::App& generate)> add_generator;
  // Writes the LP behind a solved result and its exact certificate in VIPR 1.0 format
  // (solve --vipr). Empty when the family has no LP certificate to write.
  std::function<void(const InstanceSource&, const Json& result, const SolveRequest&, std::ostream& out)> write_vipr;
};

// The command that reproduces a generated instance: "equilab generate <model> --seed S" and every
// option of the model's subcommand with its effective value (given or default); flags only when set.
std::string generate_command(const CLI::App& generator, std::uint64_t seed);

const std::vector<Family>& families();
const Family& family_for_model(const std::string& model, const std::string& file);
// Reads an instance file and finds its family (MPS files are "lp").
std::pair<InstanceSource, const Family*> load_instance(const std::string& path);

}  // namespace equilab::cli
