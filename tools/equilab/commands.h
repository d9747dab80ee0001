// The subcommands of `equilab`, one function each.
#pragma once

#include <cstdint>
#include <string>

#include "core/json.h"

namespace equilab::cli {

// Options shared by solve, verify and crosscheck (used by the families that need them).
struct FamilyOptions {
  bool no_ranges = false;
  std::uint64_t max_enumeration = 2'000'000;
  std::string replication = "lcm", form = "orbit";
  bool bisect = false;  // solve --bisect (allocation_market path)
  double time_limit = 0;  // --time-limit SECONDS (solve, crosscheck); 0: none
};
struct SolveArgs {
  std::string file, method, arith = "exact";
  bool json = false;
  FamilyOptions family;
};
struct VerifyArgs {
  std::string file, result;
  FamilyOptions family;
};
struct CrosscheckArgs {
  std::string file;
  FamilyOptions family;
};
struct GenerateArgs {
  std::uint64_t seed = 0;
  std::string out;
  // The command that reproduces the instance ("equilab generate lp --seed 7 --vars 5 ..."),
  // recorded as the instance's "name" when the generator gave it none.
  std::string command;
};
struct ReproduceArgs {
  std::string paper, catalog, report;
  bool json = false;
};

int run_solve(const SolveArgs& args);
int run_verify(const VerifyArgs& args);
int run_crosscheck(const CrosscheckArgs& args);
// Writes the instance a `generate <model>` subcommand produced.
int run_generate(const GenerateArgs& args, const Json& instance);
int run_reproduce(const ReproduceArgs& args);
// What `solve --json` records about the build: {"version": git describe of the source tree at
// configure time, or "unknown"}. Added to every result as its top-level "equilab" object.
Json build_record();
int run_methods();

}  // namespace equilab::cli
