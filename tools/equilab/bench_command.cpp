// `equilab bench [--family F] [--quick] [--first K] [--out DIR]`: runs the Google Benchmark suites
// built next to this binary (bench/bench_<family>) and writes DIR/bench_<family>.json (Google
// Benchmark JSON) plus DIR/machine.json (reports/machine.h). With --first K every benchmark (a name
// up to its first '/') runs only its first K listed instances (found with --benchmark_list_tests,
// selected with an exact --benchmark_filter), so no suite needs to know about it. --quick is
// --first 1 with a tiny minimum time: the harness is exercised end to end, the timings mean little.
// Progress on stderr unless --quiet.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "core/error.h"
#include "core/progress.h"
#include "reports/machine.h"
#include "tool_commands.h"

extern char** environ;

namespace equilab::cli {
namespace {

namespace fs = std::filesystem;

// Runs `argv` with stdout and stderr sent to the given files; returns its exit status (128 + signal
// when killed, 127 when it cannot start).
int run_program(const std::vector<std::string>& argv, const std::string& out, const std::string& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> cargv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return 127;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return 127;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 127;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Escapes the characters that are special in a (POSIX extended or ECMAScript) regular expression.
std::string regex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// The first `k` listed instances of every benchmark (a benchmark: the part of the name before the
// first '/').
std::vector<std::string> first_instances(const std::string& listing, int k) {
  std::vector<std::string> picked;
  std::map<std::string, int> seen;
  std::istringstream in(listing);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (++seen[line.substr(0, line.find('/'))] <= k) picked.push_back(line);
  }
  return picked;
}

struct Suite {
  std::string family;
  fs::path exe;
};

std::vector<Suite> find_suites(const fs::path& dir) {
  std::vector<Suite> suites;
  std::error_code ec;
  if (fs::is_directory(dir, ec))
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (name.rfind("bench_", 0) == 0 && e.is_regular_file() && access(e.path().c_str(), X_OK) == 0)
        suites.push_back({name.substr(6), e.path()});
    }
  std::sort(suites.begin(), suites.end(), [](const Suite& a, const Suite& b) { return a.family < b.family; });
  return suites;
}

}  // namespace

ToolCommand add_bench_command(CLI::App& app) {
  struct Args {
    std::string family, out = "reports/data", bench_dir, min_time;
    int first = 0;
    bool quick = false, quiet = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "bench", "run the benchmark suites; Google Benchmark JSON and machine.json under --out");
  cmd->add_option("--family", args->family, "only this suite (bench_<family>)");
  cmd->add_flag("--quick", args->quick,
                "first instance of every benchmark only, tiny minimum time (checks the harness)");
  cmd->add_option("--out", args->out, "output folder (default reports/data)");
  cmd->add_option("--bench-dir", args->bench_dir,
                  "folder of the bench_* executables (default: bench/ beside equilab)");
  cmd->add_option("--first", args->first, "only the first K listed instances of every benchmark (--quick: 1)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--min-time", args->min_time, "Google Benchmark's --benchmark_min_time (--quick: 0.001)");
  cmd->add_flag("--quiet", args->quiet, "no progress on stderr");
  return {
      cmd, [args] {
        fs::path dir = args->bench_dir;
        if (dir.empty()) {
          std::error_code ec;
          const fs::path self = fs::read_symlink("/proc/self/exe", ec);
          dir = (ec ? fs::path(".") : self.parent_path()) / "bench";
        }
        std::vector<Suite> suites = find_suites(dir);
        if (suites.empty())
          throw InputError(dir.string(), "--bench-dir",
                           "no bench_* executables (build with -DEQUILAB_BENCH=ON, the default)");
        if (!args->family.empty()) {
          std::string available;
          for (const Suite& s : suites) available += (available.empty() ? "" : ", ") + s.family;
          std::erase_if(suites, [&](const Suite& s) { return s.family != args->family; });
          if (suites.empty())
            throw InputError("(command line)", "--family",
                             "no suite \"" + args->family + "\" (available: " + available + ")");
        }
        std::error_code ec;
        fs::create_directories(args->out, ec);
        if (!fs::is_directory(args->out)) throw InputError(args->out, "--out", "cannot create the folder");
        // Listings and the suites' stderr go to a private temporary folder (TMPDIR is honoured).
        std::string tmpl = (fs::temp_directory_path() / "equilab-bench-XXXXXX").string();
        if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
        const fs::path tmp = tmpl;
        const int first = args->quick ? 1 : args->first;  // 0: every instance
        const std::string min_time = !args->min_time.empty() ? args->min_time : (args->quick ? "0.001" : "");

        Json machine = reports::describe_machine();
        machine["equilab"] = build_record();
        machine["quick"] = args->quick;
        if (first > 0) machine["first_instances"] = first;
        {
          std::ofstream m(fs::path(args->out) / "machine.json");
          m << machine.dump(1) << "\n";
        }

        const auto start = std::chrono::steady_clock::now();
        auto elapsed = [&] {
          return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        };
        int failures = 0;
        for (std::size_t k = 0; k < suites.size(); ++k) {
          const Suite& s = suites[k];
          const std::string out_json = (fs::path(args->out) / ("bench_" + s.family + ".json")).string();
          const std::string err_file = (tmp / (s.family + ".err")).string();
          std::vector<std::string> argv = {s.exe.string(), "--benchmark_out=" + out_json,
                                           "--benchmark_out_format=json"};
          std::string what = "all benchmarks";
          if (first > 0) {
            const std::string list_file = (tmp / (s.family + ".list")).string();
            const int rc = run_program({s.exe.string(), "--benchmark_list_tests=true"}, list_file, err_file);
            const auto names = first_instances(read_file(list_file), first);
            if (rc != 0 || names.empty()) {
              std::cerr << "equilab bench: " << s.exe.string() << " --benchmark_list_tests failed (exit "
                        << rc << ")\n"
                        << read_file(err_file);
              ++failures;
              continue;
            }
            std::string filter;
            for (const auto& n : names) filter += (filter.empty() ? "" : "|") + regex_escape(n);
            argv.push_back("--benchmark_filter=^(" + filter + ")$");
            what = std::to_string(names.size()) +
                   (first == 1 ? " instances, the first of each benchmark"
                               : " instances, the first " + std::to_string(first) + " of each benchmark");
          }
          if (!min_time.empty()) argv.push_back("--benchmark_min_time=" + min_time);
          if (!args->quiet)
            std::cerr << "[bench " << (k + 1) << "/" << suites.size() << "] " << s.family << " (" << what
                      << "), elapsed " << format_duration(elapsed())
                      << (k > 0 ? ", about " +
                                      format_duration(elapsed() / static_cast<double>(k) *
                                                      static_cast<double>(suites.size() - k)) +
                                      " left"
                                : std::string())
                      << "\n";
          const int rc = run_program(argv, "/dev/null", err_file);
          if (rc != 0) {
            std::cerr << "equilab bench: " << s.family << " failed (exit " << rc << ")\n"
                      << read_file(err_file);
            ++failures;
          }
        }
        fs::remove_all(tmp, ec);
        if (!args->quiet)
          std::cerr << "[bench] " << suites.size() - static_cast<std::size_t>(failures) << "/"
                    << suites.size() << " suites written to " << args->out << " in "
                    << format_duration(elapsed()) << "\n";
        return failures == 0 ? 0 : 1;
      }};
}

}  // namespace equilab::cli
