// `equilab sweep SPEC`: the tasks of a sweep specification (see sweep_spec.h), listed, run here,
// or emitted as a job list for the schedulers research groups already have.
//
//   equilab sweep SPEC                              lists the tasks
//   equilab sweep SPEC --emit parallel --out DIR    DIR/jobs.txt: one `equilab` call per line (GNU parallel)
//   equilab sweep SPEC --emit slurm --out DIR       DIR/job.slurm: a Slurm array job, one array index per
//   task equilab sweep SPEC --task K --out DIR           runs task K, writes DIR/results/task-K.json equilab
//   sweep SPEC --run --out DIR              runs every task here, in sequence, with progress
//
// Emitting and running copy the spec to DIR/spec.json; every emitted call reads that copy and
// names the command, the spec and DIR by absolute path, so each line runs alone from any folder.
// No file is ever overwritten without --force (an identical DIR/spec.json or job file is kept).
// Exit codes: 0 done (every task agreed or solved), 1 a task disagreed or failed (its record says
// how), 2 bad spec, bad options or an existing result.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <system_error>

#include "core/error.h"
#include "core/progress.h"
#include "family.h"
#include "sweep_spec.h"
#include "tool_commands.h"

namespace equilab::cli {
namespace {

namespace fs = std::filesystem;

struct SweepArgs {
  std::string spec, emit, out, equilab;
  long long task = -1;
  bool run = false, force = false, quiet = false;
};

// A word the shell passes through unchanged, quoted only when it has to be.
std::string shell_quote(const std::string& word) {
  bool plain = !word.empty();
  for (char c : word)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-_./:=@%+,").find(c) != std::string_view::npos);
  if (plain) return word;
  std::string q = "'";
  for (char c : word) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` to `path` through a temporary file and a rename, so that a killed job never
// leaves half a file. An existing file is kept when identical, refused when different unless
// `force` (or, with `keep_identical` false, refused whenever it exists).
void write_file(const fs::path& path, const std::string& text, bool force, bool keep_identical) {
  if (fs::exists(path) && !force) {
    if (keep_identical && read_text(path) == text) return;
    throw InputError(path.string(), "--out", "file exists; equilab never overwrites a file without --force");
  }
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw InputError(tmp.string(), "--out", "cannot create file");
    out << text;
    if (!out.flush()) throw InputError(tmp.string(), "--out", "cannot write file");
  }
  if (force) {
    fs::rename(tmp, path);
    return;
  }
  // A hard link fails if another job wrote the file meanwhile: no clobbering even then.
  std::error_code ec;
  fs::create_hard_link(tmp, path, ec);
  fs::remove(tmp);
  if (ec)
    throw InputError(path.string(), "--out", "file exists; equilab never overwrites a file without --force");
}

void make_dirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw InputError(dir.string(), "--out", "cannot create folder");
}

fs::path result_path(const fs::path& dir, std::size_t k) {
  return dir / "results" / ("task-" + std::to_string(k) + ".json");
}

// The command the emitted calls run: --equilab as given (it may be a wrapper such as
// "srun equilab"), else this executable by absolute path.
std::string equilab_command(const SweepArgs& args) {
  if (!args.equilab.empty()) return args.equilab;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("equilab") : shell_quote(self.string());
}

// Copies the spec to DIR/spec.json (the file every emitted call reads) and returns its path.
fs::path install_spec(const SweepArgs& args, const fs::path& dir) {
  make_dirs(dir / "results");
  const fs::path copy = dir / "spec.json";
  std::error_code ec;
  if (fs::exists(copy) && fs::equivalent(copy, args.spec, ec)) return copy;
  write_file(copy, read_text(args.spec), args.force, true);
  return copy;
}

std::string task_call(const std::string& equilab, const fs::path& spec, const fs::path& dir,
                      const std::string& k) {
  return equilab + " sweep " + shell_quote(spec.string()) + " --task " + k + " --out " +
         shell_quote(dir.string());
}

int emit(const SweepArgs& args, const SweepSpec& spec) {
  const fs::path dir = fs::absolute(args.out).lexically_normal();
  const fs::path spec_copy = install_spec(args, dir);
  const std::string equilab = equilab_command(args);
  const std::size_t n = spec.task_count();
  if (args.emit == "parallel") {
    std::string jobs;
    for (std::size_t k = 0; k < n; ++k) jobs += task_call(equilab, spec_copy, dir, std::to_string(k)) + "\n";
    write_file(dir / "jobs.txt", jobs, args.force, true);
    std::cout << "wrote " << (dir / "jobs.txt").string() << " (" << n << " tasks)\n"
              << "run:    parallel --jobs N --joblog " << shell_quote((dir / "joblog.txt").string()) << " < "
              << shell_quote((dir / "jobs.txt").string()) << "\n"
              << "report: equilab report " << shell_quote((dir / "results").string()) << "\n";
    return 0;
  }
  // Slurm: one array index per task. Clusters cap the largest index (MaxArraySize, 1001 by
  // default); larger sweeps are submitted in slices with EQUILAB_TASK_OFFSET.
  make_dirs(dir / "logs");
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# equilab sweep \"" << spec.name << "\": " << n
    << " tasks, array index K runs task K (+ EQUILAB_TASK_OFFSET).\n"
    << "# Submit:  sbatch " << shell_quote((dir / "job.slurm").string()) << "\n"
    << "# Slices (clusters cap the array index): sbatch --array=0-999 --export=ALL,EQUILAB_TASK_OFFSET=1000 "
       "job.slurm\n"
    << "# Add --time, --partition, --mem as the cluster requires. Merge: equilab report "
    << shell_quote((dir / "results").string()) << "\n"
    << "#SBATCH --job-name=" << spec.name << "\n"
    << "#SBATCH --array=0-" << (n - 1) << "\n"
    << "#SBATCH --ntasks=1\n"
    << "#SBATCH --cpus-per-task=1\n"
    << "#SBATCH --output=" << (dir / "logs" / "job-%A-index-%a.log").string() << "\n"
    << "set -eu\n"
    << "exec "
    << task_call(equilab, spec_copy, dir, "\"$((SLURM_ARRAY_TASK_ID + ${EQUILAB_TASK_OFFSET:-0}))\"") << "\n";
  write_file(dir / "job.slurm", s.str(), args.force, true);
  fs::permissions(dir / "job.slurm", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add);
  if (n > 1001)
    std::cerr << "equilab: sweep: " << n
              << " array indices; if the cluster's MaxArraySize is smaller, submit slices "
              << "with EQUILAB_TASK_OFFSET (see the script's header)\n";
  std::cout << "wrote " << (dir / "job.slurm").string() << " (" << n << " tasks)\n"
            << "submit: sbatch " << shell_quote((dir / "job.slurm").string()) << "\n"
            << "report: equilab report " << shell_quote((dir / "results").string()) << "\n";
  return 0;
}

// Runs task k and writes its record; returns whether it is clean. `log` (a task run alone, as
// a cluster job) gets one line saying what was run and how it ended.
bool run_one(const SweepSpec& spec, std::size_t k, const fs::path& dir, bool force, std::ostream* log) {
  const Json record = run_sweep_task(sweep_task(spec, k));
  write_file(result_path(dir, k), record.dump(1) + "\n", force, false);
  if (log)
    *log << "sweep " << spec.name << ": task " << k << ": " << record["generate"].get<std::string>() << ": "
         << record["record"].get<std::string>() << " " << record["status"].get<std::string>() << " in "
         << std::fixed << std::setprecision(3) << record["seconds"].get<double>() << " s\n"
         << std::defaultfloat;
  return record_is_clean(record);
}

int run_task(const SweepArgs& args, const SweepSpec& spec) {
  const std::size_t n = spec.task_count();
  if (args.task < 0 || static_cast<unsigned long long>(args.task) >= n)
    throw InputError(
        "(command line)", "--task",
        "task " + std::to_string(args.task) + " outside 0.." + std::to_string(n - 1) + " of " + spec.file);
  const std::size_t k = static_cast<std::size_t>(args.task);
  const fs::path dir = fs::path(args.out);
  make_dirs(dir / "results");
  // Refuse before spending the time.
  if (fs::exists(result_path(dir, k)) && !args.force)
    throw InputError(result_path(dir, k).string(), "--out",
                     "file exists; equilab never overwrites a file without --force");
  return run_one(spec, k, dir, args.force, args.quiet ? nullptr : &std::cerr) ? 0 : 1;
}

int run_all(const SweepArgs& args, const SweepSpec& spec) {
  const fs::path dir = fs::path(args.out);
  const std::size_t n = spec.task_count();
  // Refuse before writing anything.
  if (!args.force)
    for (std::size_t k = 0; k < n; ++k)
      if (fs::exists(result_path(dir, k)))
        throw InputError(result_path(dir, k).string(), "--out",
                         "file exists; equilab never overwrites a file without --force");
  install_spec(args, dir);
  ProgressReporter progress(args.quiet ? nullptr : &std::cerr, "sweep " + spec.name, n);
  std::size_t clean = 0;
  std::string findings;
  for (std::size_t k = 0; k < n; ++k) {
    const SweepTask task = sweep_task(spec, k);
    progress.set_phase(task.part->task + " " + task.part->family->model);
    if (run_one(spec, k, dir, args.force, nullptr)) {
      ++clean;
    } else {
      findings +=
          (findings.empty() ? "" : ", ") + std::to_string(k) + " (seed " + std::to_string(task.seed) + ")";
    }
    progress.advance();
  }
  std::cout << n << " tasks, " << clean << " clean, " << (n - clean) << " disagreements or errors"
            << (findings.empty() ? "" : ": tasks " + findings) << "\n"
            << "records: " << (dir / "results").string() << "\n";
  return clean == n ? 0 : 1;
}

int list_tasks(const SweepSpec& spec) {
  const std::size_t n = spec.task_count();
  std::cout << "sweep " << spec.name << ": " << n << " tasks\n";
  for (std::size_t k = 0; k < n; ++k) {
    const SweepTask task = sweep_task(spec, k);
    std::cout << k << "  " << task.part->task
              << (task.part->task == "solve" ? " --method " + task.part->method : "") << "  equilab generate "
              << task.part->family->model << " --seed " << task.seed;
    for (const auto& [name, value] : task.options) {
      if (!value.is_boolean())
        std::cout << " " << name << " " << (value.is_string() ? value.get<std::string>() : value.dump());
      else if (value.get<bool>())
        std::cout << " " << name;
    }
    std::cout << "\n";
  }
  return 0;
}

int run_sweep(const SweepArgs& args) {
  const int modes = (args.emit.empty() ? 0 : 1) + (args.run ? 1 : 0) + (args.task >= 0 ? 1 : 0);
  if (modes > 1) throw InputError("(command line)", "sweep", "give one of --emit, --run and --task");
  if (modes == 1 && args.out.empty())
    throw InputError("(command line)", "--out",
                     "--emit, --run and --task need --out DIR (the sweep's folder)");
  const SweepSpec spec = read_sweep_spec(args.spec);
  if (!args.emit.empty()) return emit(args, spec);
  if (args.run) return run_all(args, spec);
  if (args.task >= 0) return run_task(args, spec);
  return list_tasks(spec);
}

}  // namespace

ToolCommand add_sweep_command(CLI::App& app) {
  auto args = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand(
      "sweep", "run a sweep of generated instances, or emit it as a Slurm or GNU parallel job");
  cmd->add_option("spec", args->spec, "sweep specification (JSON)")->required();
  cmd->add_option("--emit", args->emit,
                  "write DIR/job.slurm (Slurm array job) or DIR/jobs.txt (GNU parallel job list)")
      ->check(CLI::IsMember({"slurm", "parallel"}));
  cmd->add_flag("--run", args->run, "run every task here, in sequence");
  cmd->add_option("--task", args->task, "run task K (0-based) and write DIR/results/task-K.json")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--out", args->out, "the sweep's folder: spec.json, the job file, results/");
  cmd->add_flag("--force", args->force, "overwrite existing result and job files");
  cmd->add_flag("--quiet", args->quiet, "no progress on stderr");
  cmd->add_option(
      "--equilab", args->equilab,
      "the command the emitted jobs call, as shell text (default: this executable's absolute path)");
  return {cmd, [args] { return run_sweep(*args); }};
}

}  // namespace equilab::cli
