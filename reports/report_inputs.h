// What `equilab report` reads: Google Benchmark JSON, the `equilab reproduce --json` table, sweep
// records and the machine description `equilab bench` writes. Any mix of files and folders (folders
// are scanned recursively for *.json, in sorted order); each file is recognised by its shape:
//   {"context":{…}, "benchmarks":[…]}          Google Benchmark output (one suite)
//   [{"example":…, "verdict":…, …}, …]         `equilab reproduce --json`
//   {"record":"crosscheck"|"solve", …}         one sweep record (written by `equilab sweep` tasks)
//   {"equilab_machine":1, …}                   machine.json from `equilab bench`
//   {"sweep":1, …}                             a sweep specification (skipped without a warning)
// Files of any other shape, and files that are not JSON at all, get a warning and are skipped; a
// recognised file with a field of the wrong type is bad input (InputError naming file and field).
//
// Benchmark names. Google Benchmark spells a run "<name>/<arg>/<arg>…" or, with ArgNames,
// "<name>/<argname>:<value>/…", and a registered name may itself contain '/'. The report reads:
//   family    the custom context "family" if the suite sets one, else the executable's name
//             (context "executable") without the "bench_" prefix, else the file's name likewise;
//   method    the first component, without a "BM_" prefix;
//   case      the remaining components that are neither numbers nor "name:number" (e.g. the
//             "matching" of "Lp/matching/players:2/types:2/objects:2"), joined with '/';
//   arguments the numeric components, named by their ArgName or "arg1", "arg2", … by position;
//             Google Benchmark's own suffixes (iterations:, repeats:, threads:, min_time:,
//             min_warmup_time:, real_time, process_time, manual_time) are dropped;
//   size      the counter "size" if the suite sets one (when it repeats an argument's value, that
//             argument is the size axis and the others key the plot), else the first argument
//             that varies among the method's runs of that case (the first argument when none varies).
// Times are wall-clock ("real_time", converted from "time_unit" to seconds) per iteration: every
// repetition's iteration run gives one sample; when only aggregates are reported, the "median"
// aggregate is the median and min/max are unknown.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"

namespace equilab::reports {

struct BenchRun {
  std::string name;       // Google Benchmark's run name, e.g. "exact-simplex/n:20/density_permille:1000"
  std::string method;     // "exact-simplex"
  std::string case_name;  // "" or e.g. "matching"
  std::vector<std::pair<std::string, double>> args;  // {{"n", 20}, {"density_permille", 1000}}
  std::optional<double> size_counter;                // the counter "size", when set
  std::vector<double> seconds;                       // per-iteration wall time of each repetition
  std::optional<double> median_aggregate;            // seconds, from a "median" aggregate
  std::string label;                                 // the run's label (SetLabel), if any
  std::string error;                                 // error_message of a skipped run
};

struct BenchSuite {
  std::string family;  // e.g. "lp"
  std::string file;
  Json context;
  std::vector<BenchRun> runs;  // in the order of the file (first appearance of each run name)
};

struct ReproduceRow {
  std::string paper, section, example, published, corrected, computed, verdict;
  bool ok = false;
};

struct SweepRecord {
  std::string file;
  std::string record;  // "crosscheck" or "solve"
  std::string model, method, generate, status, version;
  std::uint64_t seed = 0;
  Json size = Json::object();
  std::vector<std::string> messages;
  std::optional<double> seconds;
};

struct ReportInputs {
  std::vector<BenchSuite> suites;
  std::vector<ReproduceRow> reproduce;
  std::vector<SweepRecord> sweep;
  std::optional<Json> machine;     // machine.json (the last one read)
  std::vector<std::string> files;  // every file used
};

// Splits one Google Benchmark run name into method, case and arguments (see the header comment).
void parse_run_name(const std::string& name, BenchRun& run);

// Parses a Google Benchmark document; `file` names it in errors and gives the fallback family.
BenchSuite parse_benchmark_json(const Json& doc, const std::string& file);
std::vector<ReproduceRow> parse_reproduce_json(const Json& doc, const std::string& file);
SweepRecord parse_sweep_record(const Json& doc, const std::string& file);

// Adds one parsed document to `inputs` by its shape; returns false (after a warning on `warn`) when
// the shape is unknown.
bool add_document(ReportInputs& inputs, const Json& doc, const std::string& file, std::ostream& warn);

// Reads every path (file or folder). A path that does not exist is an InputError.
ReportInputs load_inputs(const std::vector<std::string>& paths, std::ostream& warn);

}  // namespace equilab::reports
