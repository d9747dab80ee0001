// `equilab sweep`: task numbering, spec validation, and the emitted job lists run the way a
// cluster runs them (GNU parallel here; the Slurm script with SLURM_ARRAY_TASK_ID set by hand).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/run_command.h"

namespace equilab::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Two parts, 8 tasks: lp crosscheck, options --cons (fixed 3) x --vars [2, 4] x seeds {7, 8}
// = 4 tasks; groups solve by the transport method, --ties [false, true] x seeds {7, 8} = 4.
const std::string kSmallSpec = R"({"sweep": 1, "name": "round-trip", "seeds": [7, 8],
 "parts": [
  {"model": "lp", "task": "crosscheck", "options": {"--vars": [2, 4], "--cons": 3}},
  {"model": "groups", "task": "solve", "method": "transport", "options": {"--types": 3, "--ties": [false, true]}}
 ]})";
constexpr int kSmallTasks = 8;

int shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

json read_json(const fs::path& p) { return json::parse(read_file(p)); }

// Checks the record schema that `equilab report` reads; returns what is wrong, or "".
std::string record_problem(const json& r) {
  if (!r.is_object()) return "not an object";
  std::set<std::string> keys;
  for (const auto& item : r.items()) keys.insert(item.key());
  std::set<std::string> expected = {"record", "model",    "seed",    "generate", "size",
                                    "status", "messages", "seconds", "equilab"};
  if (r.value("record", "") == "solve") expected.insert("method");
  if (keys != expected) return "fields differ from the schema: " + r.dump();
  const std::string kind = r["record"];
  const std::string status = r["status"];
  const std::set<std::string> statuses = kind == "crosscheck"
                                             ? std::set<std::string>{"agree", "disagree", "error"}
                                             : std::set<std::string>{"ok", "time_limit", "error"};
  if (kind != "crosscheck" && kind != "solve") return "bad record kind " + kind;
  if (!statuses.count(status)) return "bad status " + status;
  if (!r["seed"].is_number_unsigned()) return "seed not an integer";
  const std::string prefix =
      "equilab generate " + r["model"].get<std::string>() + " --seed " + r["seed"].dump();
  if (r["generate"].get<std::string>().rfind(prefix, 0) != 0) return "generate is not " + prefix + "...";
  if (!r["size"].is_object() || !r["messages"].is_array()) return "size or messages of the wrong type";
  if (!r["seconds"].is_number() || r["seconds"].get<double>() < 0) return "bad seconds";
  if (!r["equilab"].is_object() || !r["equilab"]["version"].is_string()) return "no equilab version";
  return "";
}

// The records of a results folder by task number, without the wall times (which differ by run).
std::map<int, json> records_without_times(const fs::path& results) {
  std::map<int, json> out;
  for (const auto& entry : fs::directory_iterator(results)) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.rfind("task-", 0), 0u) << name;
    EXPECT_EQ(entry.path().extension(), ".json") << name;
    json r = read_json(entry.path());
    EXPECT_EQ(record_problem(r), "") << name;
    r.erase("seconds");
    out[std::stoi(name.substr(5))] = r;
  }
  return out;
}

TEST(Sweep, ListsTasksInTheDocumentedOrder) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  const auto r = run_equilab("sweep " + spec);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Options sorted by name, the last varying fastest, then the seeds: lp tasks 0-3 are
  // (vars 2, seed 7), (vars 2, seed 8), (vars 4, seed 7), (vars 4, seed 8); groups tasks 4-7 are
  // (ties false, 7), (false, 8), (true, 7), (true, 8).
  const std::string expected =
      "sweep round-trip: 8 tasks\n"
      "0  crosscheck  equilab generate lp --seed 7 --cons 3 --vars 2\n"
      "1  crosscheck  equilab generate lp --seed 8 --cons 3 --vars 2\n"
      "2  crosscheck  equilab generate lp --seed 7 --cons 3 --vars 4\n"
      "3  crosscheck  equilab generate lp --seed 8 --cons 3 --vars 4\n"
      "4  solve --method transport  equilab generate groups --seed 7 --types 3\n"
      "5  solve --method transport  equilab generate groups --seed 8 --types 3\n"
      "6  solve --method transport  equilab generate groups --seed 7 --ties --types 3\n"
      "7  solve --method transport  equilab generate groups --seed 8 --ties --types 3\n";
  EXPECT_EQ(r.out, expected);
}

TEST(Sweep, ParallelJobListRoundTripsAndMatchesRun) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  const fs::path emitted = dir.path / "emitted", local = dir.path / "local";
  const auto e = run_equilab("sweep " + spec + " --emit parallel --out " + emitted.string());
  ASSERT_EQ(e.exit_code, 0) << e.err;
  ASSERT_TRUE(fs::is_directory(emitted / "results"));
  EXPECT_EQ(read_file(emitted / "spec.json"), kSmallSpec);  // the calls read this copy
  // One self-contained call per line: run from another folder, they still find everything.
  const std::string jobs = read_file(emitted / "jobs.txt");
  std::istringstream lines(jobs);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n)
    EXPECT_EQ(line, std::string(EQUILAB_BINARY) + " sweep " + (emitted / "spec.json").string() + " --task " +
                        std::to_string(n) + " --out " + emitted.string());
  ASSERT_EQ(n, kSmallTasks);
  ASSERT_EQ(shell("cd / && parallel --jobs 2 < " + (emitted / "jobs.txt").string() + " >/dev/null 2>&1"), 0);

  const auto run = run_equilab("sweep " + spec + " --run --quiet --out " + local.string());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");  // --quiet
  const auto from_parallel = records_without_times(emitted / "results");
  const auto from_run = records_without_times(local / "results");
  ASSERT_EQ(from_parallel.size(), static_cast<std::size_t>(kSmallTasks));
  EXPECT_EQ(from_parallel, from_run);
  for (const auto& [k, r] : from_run)
    EXPECT_TRUE(r["status"] == "agree" || r["status"] == "ok") << k << ": " << r;
  // Records name what they ran (hand-derived from the numbering above).
  EXPECT_EQ(from_run.at(3)["size"], json({{"--cons", 3}, {"--vars", 4}}));
  EXPECT_EQ(from_run.at(3)["seed"], 8);
  EXPECT_EQ(from_run.at(6)["size"], json({{"--ties", true}, {"--types", 3}}));
  EXPECT_EQ(from_run.at(6)["method"], "transport");
  EXPECT_EQ(from_run.at(6)["record"], "solve");
  // `equilab report` merges the records the jobs wrote.
  const auto report = run_equilab("report " + (emitted / "results").string() + " --quiet --out " +
                                  (dir.path / "report").string());
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_TRUE(fs::exists(dir.path / "report" / "index.html"));
}

TEST(Sweep, RecordsGenerateCommandReproducesTheInstance) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  ASSERT_EQ(run_equilab("sweep " + spec + " --task 2 --out " + dir.path.string()).exit_code, 0);
  ASSERT_EQ(run_equilab("sweep " + spec + " --task 7 --out " + dir.path.string()).exit_code, 0);
  const json cross = read_json(dir.path / "results" / "task-2.json");
  const json solve = read_json(dir.path / "results" / "task-7.json");
  // The recorded command, run through the command line, gives an instance whose crosscheck and
  // solve agree with the records.
  const std::string g2 = cross["generate"], g7 = solve["generate"];
  const std::string inst2 = (dir.path / "i2.json").string(), inst7 = (dir.path / "i7.json").string();
  ASSERT_EQ(run_equilab(g2.substr(std::string("equilab ").size()) + " --out " + inst2).exit_code, 0);
  ASSERT_EQ(run_equilab(g7.substr(std::string("equilab ").size()) + " --out " + inst7).exit_code, 0);
  EXPECT_EQ(run_equilab("crosscheck " + inst2).exit_code, cross["status"] == "agree" ? 0 : 1);
  const auto solved = run_equilab("solve " + inst7 + " --method transport --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const std::string result = dir.write("r7.json", solved.out);
  EXPECT_EQ(run_equilab("verify " + inst7 + " " + result).exit_code, 0);
  EXPECT_EQ(solve["status"], "ok");
  EXPECT_NE(g7.find(" --ties"), std::string::npos) << g7;  // task 7: ties true
}

TEST(Sweep, SlurmArrayScriptRunsEachIndex) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  const fs::path emitted = dir.path / "slurm";
  ASSERT_EQ(run_equilab("sweep " + spec + " --emit slurm --out " + emitted.string()).exit_code, 0);
  const std::string script = read_file(emitted / "job.slurm");
  EXPECT_EQ(script.rfind("#!/bin/bash\n", 0), 0u);
  EXPECT_NE(script.find("\n#SBATCH --array=0-7\n"), std::string::npos) << script;  // 8 tasks
  EXPECT_NE(script.find("\n#SBATCH --job-name=round-trip\n"), std::string::npos) << script;
  // sbatch reads #SBATCH lines only before the first command.
  EXPECT_LT(script.rfind("#SBATCH"), script.find("\nexec "));
  // What Slurm does for indices 1 and 5, and a slice submitted with an offset (index 1 + 5 = 6).
  ASSERT_EQ(shell("cd / && SLURM_ARRAY_TASK_ID=1 bash " + (emitted / "job.slurm").string()), 0);
  ASSERT_EQ(shell("cd / && SLURM_ARRAY_TASK_ID=5 bash " + (emitted / "job.slurm").string()), 0);
  ASSERT_EQ(
      shell("cd / && SLURM_ARRAY_TASK_ID=1 EQUILAB_TASK_OFFSET=5 bash " + (emitted / "job.slurm").string()),
      0);
  std::set<std::string> written;
  for (const auto& entry : fs::directory_iterator(emitted / "results"))
    written.insert(entry.path().filename().string());
  EXPECT_EQ(written, (std::set<std::string>{"task-1.json", "task-5.json", "task-6.json"}));
  ASSERT_EQ(run_equilab("sweep " + spec + " --task 6 --out " + dir.path.string()).exit_code, 0);
  json a = read_json(emitted / "results" / "task-6.json"),
       b = read_json(dir.path / "results" / "task-6.json");
  a.erase("seconds");
  b.erase("seconds");
  EXPECT_EQ(a, b);
}

TEST(Sweep, NeverOverwritesWithoutForce) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  const fs::path out = dir.path / "out";
  ASSERT_EQ(run_equilab("sweep " + spec + " --task 0 --out " + out.string()).exit_code, 0);
  const fs::path record = out / "results" / "task-0.json";
  std::ofstream(record) << "sentinel";
  const auto again = run_equilab("sweep " + spec + " --task 0 --out " + out.string());
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find(record.string()), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(read_file(record), "sentinel");
  const auto all = run_equilab("sweep " + spec + " --run --quiet --out " + out.string());
  EXPECT_EQ(all.exit_code, 2);  // refused before running anything
  EXPECT_FALSE(fs::exists(out / "results" / "task-1.json"));
  EXPECT_EQ(read_file(record), "sentinel");
  // A different spec under the same folder is refused too; the same spec is fine.
  const std::string other =
      dir.write("other.json", R"({"sweep":1,"name":"other","model":"lp","task":"crosscheck","seeds":[1]})");
  EXPECT_EQ(run_equilab("sweep " + other + " --emit parallel --out " + out.string()).exit_code,
            0);  // no spec.json yet
  EXPECT_EQ(run_equilab("sweep " + spec + " --emit parallel --out " + out.string()).exit_code, 2);
  EXPECT_EQ(run_equilab("sweep " + other + " --emit parallel --out " + out.string()).exit_code, 0);
  ASSERT_EQ(run_equilab("sweep " + spec + " --task 0 --force --out " + out.string()).exit_code, 0);
  EXPECT_EQ(record_problem(read_json(record)), "");
}

// A finding is still a record: a combination the generator rejects becomes status "error", the
// task exits 1, and the rest of the sweep runs.
TEST(Sweep, GeneratorErrorsAreRecordedNotFatal) {
  ScratchDir dir;
  // --min-size 4 > --max-size 3 is rejected by the groups generator.
  const std::string spec =
      dir.write("spec.json", R"({"sweep":1,"name":"mixed","model":"groups","task":"crosscheck","seeds":[1],
                       "options":{"--min-size":[1,4],"--max-size":3}})");
  const auto r = run_equilab("sweep " + spec + " --run --quiet --out " + dir.path.string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const json ok = read_json(dir.path / "results" / "task-0.json");
  const json bad = read_json(dir.path / "results" / "task-1.json");
  EXPECT_EQ(record_problem(ok), "");
  EXPECT_EQ(record_problem(bad), "");
  EXPECT_EQ(ok["status"], "agree");
  EXPECT_EQ(bad["status"], "error");
  ASSERT_EQ(bad["messages"].size(), 1u);
  EXPECT_NE(bad["messages"][0].get<std::string>().find("--min-size 4"), std::string::npos) << bad;
}

struct BadSpec {
  const char* text;
  const char* fragment;  // pointer and reason
};

TEST(Sweep, SpecErrorsExit2NamingFileAndField) {
  const BadSpec cases[] = {
      {R"([1])", "/: expected a sweep specification object"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"crosscheck",)", "(document): invalid JSON"},
      {R"({"sweep":2,"name":"x","model":"lp","task":"crosscheck","seeds":[1]})",
       "/sweep: unsupported sweep version 2"},
      {R"({"sweep":1,"model":"lp","task":"crosscheck","seeds":[1]})", "/: missing required field \"name\""},
      {R"({"sweep":1,"name":"a b","model":"lp","task":"crosscheck","seeds":[1]})", "/name: a sweep name is"},
      {R"({"sweep":1,"name":"x","model":"nope","task":"crosscheck","seeds":[1]})",
       "/model: no generator for model \"nope\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"bench","seeds":[1]})",
       "/task: task must be \"crosscheck\" or \"solve\""},
      {R"({"sweep":1,"name":"x","model":"lp","seeds":[1]})", "/: missing required field \"task\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"crosscheck","method":"exact-simplex","seeds":[1]})",
       "/method: \"method\" applies to task \"solve\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","method":"magic","seeds":[1]})",
       "/method: unknown method \"magic\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve"})", "/: missing required field \"seeds\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":{"from":1,"count":0}})",
       "/seeds/count: count must be at least 1"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[3,3]})",
       "/seeds/1: seed 3 is listed twice"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[-1]})",
       "/seeds/0: a seed must be at least 0"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[1],"seed":2})",
       "/seed: unknown field \"seed\""},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[1],"options":{"--colour":[1]}})",
       "/options/--colour: \"--colour\" is not an option of `equilab generate lp`"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[1],"options":{"--vars":[]}})",
       "/options/--vars: no values"},
      {R"({"sweep":1,"name":"x","model":"lp","task":"solve","seeds":[1],"options":{"--vars":[3,"many"]}})",
       "/options/--vars/1: generate lp:"},
      {R"({"sweep":1,"name":"x","model":"groups","task":"solve","seeds":[1],"options":{"--ties":[1]}})",
       "/options/--ties/0: --ties is a flag"},
      {R"({"sweep":1,"name":"x","model":"groups","task":"solve","seeds":[1],"options":{"--types":[true]}})",
       "/options/--types/0: --types takes a number or a string"},
      {R"({"sweep":1,"name":"x","task":"crosscheck","seeds":[1],"parts":[{"model":"lp"},{"model":"groups","opts":{}}]})",
       "/parts/1/opts: unknown field \"opts\""},
      {R"({"sweep":1,"name":"x","seeds":[1],"parts":[{"model":"lp"}]})",
       "/parts/0: missing required field \"task\""},
      {R"({"sweep":1,"name":"x","task":"crosscheck","seeds":[1],"parts":[]})", "/parts: no parts"},
  };
  ScratchDir dir;
  int k = 0;
  for (const BadSpec& c : cases) {
    const std::string spec = dir.write("bad" + std::to_string(k++) + ".json", c.text);
    const auto r = run_equilab("sweep " + spec);
    EXPECT_EQ(r.exit_code, 2) << c.text << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(spec + ": " + c.fragment), std::string::npos) << c.text << "\n" << r.err;
    EXPECT_EQ(r.out, "") << c.text;
  }
}

TEST(Sweep, CommandLineErrorsExit2) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", kSmallSpec);
  EXPECT_EQ(run_equilab("sweep " + spec + " --emit parallel").exit_code, 2);  // no --out
  EXPECT_EQ(run_equilab("sweep " + spec + " --emit pbs --out " + dir.path.string()).exit_code, 2);
  EXPECT_EQ(run_equilab("sweep " + spec + " --run --task 1 --out " + dir.path.string()).exit_code, 2);
  const auto outside = run_equilab("sweep " + spec + " --task 8 --out " + dir.path.string());  // tasks 0-7
  EXPECT_EQ(outside.exit_code, 2);
  EXPECT_NE(outside.err.find("--task"), std::string::npos) << outside.err;
  EXPECT_EQ(run_equilab("sweep " + (dir.path / "missing.json").string()).exit_code, 2);
}

// The example shipped with the project: lp 2 x 2 x 2 x 2 seeds = ... see the count below.
TEST(Sweep, ShippedExampleSpecIsValid) {
  const auto r =
      run_equilab(std::string("sweep ") + EQUILAB_SOURCE_DIR + "/reports/specs/crosscheck-smoke.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "sweep crosscheck-smoke: 20 tasks");
}

}  // namespace
}  // namespace equilab::testing
