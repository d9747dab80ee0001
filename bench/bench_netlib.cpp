// The Netlib LP set (tests/data/netlib, or every *.mps / *.mps.gz file of the folder named by
// EQUILAB_NETLIB_DIR) through the exact LP methods:
//
//   clp-repair  the default method: CLP in double, its basis recomputed exactly (repair.h)
//   qsopt-ex    QSopt_ex's exact solver, its answer recomputed and checked by equilab
//
// One timed run per file and method (a full exact solve; the larger files take tens of seconds).
// Every file is read once at start-up, outside the timed region. Counters: rows, columns, nonzeros, pivots; the
// label is the status and the exact objective's first digits.
#include "lp/mps.h"
#include "lp/qsopt_reference.h"
#include "lp/repair.h"
#include "verify/lp_certificate.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#ifndef EQUILAB_SOURCE_DIR
#define EQUILAB_SOURCE_DIR "."
#endif

namespace {

using namespace equilab;
namespace fs = std::filesystem;

std::string folder() {
  const char* env = std::getenv("EQUILAB_NETLIB_DIR");
  return env != nullptr && *env != '\0' ? env : std::string(EQUILAB_SOURCE_DIR) + "/tests/data/netlib";
}

// The LP files of the folder, smallest first (so that --first K takes the quick ones).
std::vector<fs::path> lp_files(const std::string& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".mps") || name.ends_with(".mps.gz")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    return std::pair(fs::file_size(a), a.string()) < std::pair(fs::file_size(b), b.string());
  });
  return files;
}

std::string stem(const fs::path& p) {
  std::string name = p.filename().string();
  for (const char* suffix : {".gz", ".mps"})
    if (name.ends_with(suffix)) name.resize(name.size() - std::string(suffix).size());
  return name;
}

std::size_t nonzeros(const lp::LpModel& model) {
  std::size_t count = 0;
  for (const auto& row : model.constraints) count += row.coef.size();
  return count;
}

using Method = std::function<lp::Solution<Rational>(const lp::LpModel&)>;

void run(benchmark::State& state, const std::string& name, const lp::LpModel& model, const Method& solve) {
  lp::Solution<Rational> s;
  for (auto _ : state) {
    s = solve(model);
    benchmark::DoNotOptimize(s);
  }
  state.counters["rows"] = model.num_rows();
  state.counters["columns"] = model.num_vars();
  state.counters["pivots"] = static_cast<double>(s.iterations);
  std::string label = name + " " + lp::to_string(s.status);
  if (s.status == lp::Status::Optimal) label += " " + std::to_string(s.objective.convert_to<double>());
  state.SetLabel(label);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const std::string dir = folder();
  if (!fs::is_directory(dir)) {
    std::cerr << "bench_netlib: " << dir << " is not a folder (EQUILAB_NETLIB_DIR)\n";
    return 2;
  }
  const std::map<std::string, Method> methods = {
      {"clp-repair", [](const lp::LpModel& m) { return lp::repair_solve(m, lp::RepairOptions{}).solution; }},
      {"qsopt-ex",
       [](const lp::LpModel& m) {
         return lp::qsopt_exact_solve(m, [](const lp::LpModel& model, const lp::Solution<Rational>& s) {
                  const verify::Verdict verdict = verify::check_lp_certificate(model, s);
                  return verdict.valid ? std::string() : verdict.failures.front();
                }).solution;
       }},
  };
  // Run names "<method>/nonzeros:N/file:K": the report plots time against the nonzeros of A
  // (one marker per method); K, the file's place in size order, keeps names distinct (greenbea
  // and greenbeb have the same nonzeros). The label names the file.
  // Each file is read once, before any timing, and shared by the methods' runs.
  std::vector<std::pair<std::string, std::shared_ptr<const lp::LpModel>>> models;
  for (const fs::path& file : lp_files(dir))
    models.emplace_back(stem(file), std::make_shared<const lp::LpModel>(lp::read_mps_file(file.string())));
  for (const auto& [name, solve] : methods)
    for (std::size_t k = 0; k < models.size(); ++k) {
      const auto& [file, model] = models[k];
      const std::string run_name =
          name + "/nonzeros:" + std::to_string(nonzeros(*model)) + "/file:" + std::to_string(k + 1);
      benchmark::RegisterBenchmark(run_name.c_str(), [file = file, model = model, solve = solve](benchmark::State& st) {
        run(st, file, *model, solve);
      })
          ->Iterations(1)
          ->Unit(benchmark::kMillisecond);
    }
  benchmark::AddCustomContext("folder", dir);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
