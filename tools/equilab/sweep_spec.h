// A sweep specification (SPEC.json) and the tasks it numbers.
//
//   {"sweep": 1, "name": "crosscheck-smoke",
//    "model": "groups", "task": "crosscheck" | "solve", "method": "...",   (method: solve only)
//    "seeds": {"from": 1, "count": 100}  or  [1, 5, 9],
//    "options": {"--types": [3, 4, 5], "--max-size": [2, 3], "--ties": [false, true]}}
//
// or, for several models in one sweep, the same fields per part (a part inherits "task" and
// "seeds" from the top level when it omits them):
//
//   {"sweep": 1, "name": "...", "task": "crosscheck", "seeds": {...},
//    "parts": [{"model": "lp", "options": {...}}, {"model": "groups", "options": {...}}]}
//
// Option values are the generator's (`equilab generate <model> --help`): numbers, strings, or
// booleans for flags (true: the flag is given). A single value may stand for a list of one. The
// tasks are the cartesian product of the option values times the seeds, numbered from 0: parts in
// order, within a part the option combinations in the order of the option names (the last name
// varies fastest), and for each combination every seed in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"

namespace equilab::cli {

struct Family;

// One option and a value of it, as the generator's command line takes it.
using OptionValue = std::pair<std::string, Json>;

struct SweepPart {
  const Family* family = nullptr;
  std::string task;    // "crosscheck" or "solve"
  std::string method;  // solve: the method (the family's default when the spec names none)
  std::vector<std::uint64_t> seeds;
  std::vector<std::pair<std::string, std::vector<Json>>> options;  // sorted by name
  std::string pointer;  // where the part is in the spec ("" or "/parts/K"), for messages
  std::size_t combinations() const;
};

struct SweepSpec {
  std::string file, name;
  std::vector<SweepPart> parts;
  std::size_t task_count() const;
};

struct SweepTask {
  std::size_t index = 0;
  const SweepPart* part = nullptr;
  std::uint64_t seed = 0;
  std::vector<OptionValue> options;  // this task's value of every option of the part
};

// Reads and validates a spec: every error is an InputError naming the file and the field.
// Option names and values are checked against the family's generator (each value is parsed by
// the generator's own command line); combinations the generator rejects become tasks with
// status "error".
SweepSpec read_sweep_spec(const std::string& file);
SweepSpec parse_sweep_spec(const Json& doc, const std::string& file);

// Task `k` (0 <= k < task_count()).
SweepTask sweep_task(const SweepSpec& spec, std::size_t k);

// An instance drawn by a family's generator with the given options, as `equilab generate`
// writes it, and the command that reproduces it ("equilab generate <model> --seed N ...", every
// option with its effective value). Bad options or values: InputError blaming `where`.
struct GeneratedInstance {
  Json document;
  std::string command;
};
GeneratedInstance generate_instance(const Family& family, std::uint64_t seed,
                                    const std::vector<OptionValue>& options, const std::string& file,
                                    const std::string& where);

// Runs one task and returns its record:
//   {"record": "crosscheck"|"solve", "model", "seed", "generate", "method" (solve only),
//    "size": {option: value}, "status": "agree"|"disagree"|"error" (crosscheck) or
//    "ok"|"time_limit"|"error" (solve), "messages": [...], "seconds": wall time of the
//    crosscheck or of the solve alone (generation and the certificate check excluded),
//    "equilab": {"version"}}.
// A solve is "ok" only when the family's exact checker then accepts its certificate; the messages
// are the disagreements, the checker's failures or the error.
Json run_sweep_task(const SweepTask& task);

// True for the statuses that are not findings (agree, ok, time_limit).
bool record_is_clean(const Json& record);

}  // namespace equilab::cli
