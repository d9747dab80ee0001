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
  std::uint64_t max_input_bytes = kDefaultMaxInputBytes;  // --max-input-bytes N; 0: no cap
  std::uint64_t max_memory = 0;  // --max-memory BYTES (address space); 0: no limit
  std::string mps_format = "auto";  // --mps auto|fixed|free (MPS instances)
};
struct SolveArgs {
  std::string file, method, arith = "exact";
  bool json = false;
  std::string vipr;  // --vipr FILE: the LP certificate in VIPR 1.0 format (never overwrites)
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

// The default of --max-memory: the memory this process may use without being stopped by the
// kernel (physical memory, or the control group's limit when that is lower); 0 when unknown.
std::uint64_t default_memory_limit();
// Caps the process's address space at `bytes` (setrlimit RLIMIT_AS; 0: leave it as it is), so
// that a method that needs more fails with std::bad_alloc. Not applied under AddressSanitizer,
// whose shadow memory is address space.
void apply_memory_limit(std::uint64_t bytes);
// Lifts the cap again (the out-of-memory message itself needs a little memory).
void lift_memory_limit();
// Called when an allocation fails (operator new's handler, installed by apply_memory_limit, and
// equilab's GMP allocator). It widens the cap by a margin, so that the unwinding and the handlers
// that catch the failure have room, and then: during the unwinding of an exception already in
// flight it returns, and the allocation is retried (a destructor that allocates, such as
// nlohmann's, must not throw); otherwise it throws std::bad_alloc. When the cap cannot be widened
// (no cap, or the hard limit reached) it throws.
void on_allocation_failure();

// What the command is doing, for the out-of-memory message: "solve", the method (set once it is
// known), the instance file. Set by the run_* functions.
struct Activity {
  std::string subcommand, method, file;
  std::uint64_t memory_limit = 0;  // the --max-memory in force (0: none)
};
Activity& current_activity();
// "out of memory in solve path on market.json (4.7 MB); ..." (without the "equilab: " prefix).
std::string out_of_memory_message();

}  // namespace equilab::cli
