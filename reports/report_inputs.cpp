// Reading the report's inputs (see report_inputs.h for the shapes and the naming convention).
#include "reports/report_inputs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <set>

namespace equilab::reports {
namespace {

namespace fs = std::filesystem;

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = (s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

// Google Benchmark's own name suffixes (benchmark_register.cc), not arguments of the suite.
bool is_benchmark_option(const std::string& c) {
  static const char* const prefixes[] = {
      "iterations:", "repeats:", "threads:", "min_time:", "min_warmup_time:"};
  for (const char* p : prefixes)
    if (c.rfind(p, 0) == 0) return true;
  return c == "real_time" || c == "process_time" || c == "manual_time";
}

double number(const JsonNode& node) {
  if (!node.raw().is_number()) node.fail("expected a number");
  return node.raw().get<double>();
}

double unit_seconds(const JsonNode& node) {
  const std::string u = node.as_string();
  if (u == "ns") return 1e-9;
  if (u == "us") return 1e-6;
  if (u == "ms") return 1e-3;
  if (u == "s") return 1;
  node.fail("unknown time unit \"" + u + "\" (expected ns, us, ms or s)");
}

std::string strip_prefix(std::string s, const std::string& prefix) {
  if (s.rfind(prefix, 0) == 0 && s.size() > prefix.size()) s.erase(0, prefix.size());
  return s;
}

}  // namespace

void parse_run_name(const std::string& name, BenchRun& run) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  run.name = name;
  run.method = strip_prefix(parts.front(), "BM_");
  run.case_name.clear();
  run.args.clear();
  int position = 0;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string& c = parts[i];
    if (is_benchmark_option(c)) continue;
    const std::size_t colon = c.rfind(':');
    if (is_number(c)) {
      run.args.emplace_back("arg" + std::to_string(++position), std::stod(c));
    } else if (colon != std::string::npos && colon > 0 && is_number(c.substr(colon + 1))) {
      ++position;
      run.args.emplace_back(c.substr(0, colon), std::stod(c.substr(colon + 1)));
    } else {
      if (!run.case_name.empty()) run.case_name += "/";
      run.case_name += c;
    }
  }
}

BenchSuite parse_benchmark_json(const Json& doc, const std::string& file) {
  const JsonNode root(doc, file);
  BenchSuite suite;
  suite.file = file;
  suite.context = root.at("context").raw();
  if (!suite.context.is_object()) root.at("context").fail("expected an object");
  std::string family;
  if (auto f = root.at("context").find("family"))
    family = f->as_string();
  else if (auto e = root.at("context").find("executable"))
    family = strip_prefix(fs::path(e->as_string()).filename().string(), "bench_");
  else
    family = strip_prefix(fs::path(file).stem().string(), "bench_");
  suite.family = family;

  std::map<std::string, std::size_t> index;  // run name -> position in suite.runs
  for (const JsonNode& b : root.at("benchmarks").elements()) {
    const std::string name = b.at("name").as_string();
    const std::string run_name = b.find("run_name") ? b.at("run_name").as_string() : name;
    auto [it, inserted] = index.emplace(run_name, suite.runs.size());
    if (inserted) {
      BenchRun run;
      parse_run_name(run_name, run);
      suite.runs.push_back(std::move(run));
    }
    BenchRun& run = suite.runs[it->second];
    if (auto err = b.find("error_occurred"); err && err->raw().is_boolean() && err->raw().get<bool>()) {
      run.error = b.find("error_message") ? b.at("error_message").as_string() : "error";
      continue;
    }
    if (auto label = b.find("label")) run.label = label->as_string();
    if (auto size = b.find("size")) run.size_counter = number(*size);  // a user counter named "size"
    const std::string type = b.find("run_type") ? b.at("run_type").as_string() : "iteration";
    if (type == "iteration") {
      run.seconds.push_back(number(b.at("real_time")) * unit_seconds(b.at("time_unit")));
    } else if (type == "aggregate") {
      const std::string agg = b.find("aggregate_name") ? b.at("aggregate_name").as_string() : "";
      const std::string unit = b.find("aggregate_unit") ? b.at("aggregate_unit").as_string() : "time";
      if (agg == "median" && unit == "time")
        run.median_aggregate = number(b.at("real_time")) * unit_seconds(b.at("time_unit"));
    } else {
      b.at("run_type").fail("unknown run type \"" + type + "\" (expected iteration or aggregate)");
    }
  }
  return suite;
}

std::vector<ReproduceRow> parse_reproduce_json(const Json& doc, const std::string& file) {
  std::vector<ReproduceRow> rows;
  for (const JsonNode& e : JsonNode(doc, file).elements()) {
    ReproduceRow r;
    r.paper = e.at("paper").as_string();
    r.section = e.at("section").as_string();
    r.example = e.at("example").as_string();
    r.published = e.at("published").as_string();
    r.corrected = e.find("corrected") ? e.at("corrected").as_string() : "";
    r.computed = e.at("computed").as_string();
    r.verdict = e.at("verdict").as_string();
    const JsonNode ok = e.at("ok");
    if (!ok.raw().is_boolean()) ok.fail("expected true or false");
    r.ok = ok.raw().get<bool>();
    rows.push_back(std::move(r));
  }
  return rows;
}

SweepRecord parse_sweep_record(const Json& doc, const std::string& file) {
  const JsonNode root(doc, file);
  SweepRecord r;
  r.file = file;
  r.record = root.at("record").as_string();
  if (r.record != "crosscheck" && r.record != "solve")
    root.at("record").fail("unknown record \"" + r.record + "\" (expected crosscheck or solve)");
  r.model = root.at("model").as_string();
  const JsonNode seed = root.at("seed");
  if (!seed.raw().is_number_unsigned()) seed.fail("expected a nonnegative integer seed");
  r.seed = seed.raw().get<std::uint64_t>();
  r.status = root.at("status").as_string();
  if (auto m = root.find("method"); m && !m->is_null()) r.method = m->as_string();
  if (auto g = root.find("generate")) r.generate = g->as_string();
  if (auto s = root.find("size")) {
    if (!s->raw().is_object()) s->fail("expected an object of size options");
    r.size = s->raw();
  }
  if (auto m = root.find("messages"))
    for (const JsonNode& msg : m->elements()) r.messages.push_back(msg.as_string());
  if (auto s = root.find("seconds"); s && !s->is_null()) r.seconds = number(*s);
  if (auto e = root.find("equilab"))
    if (auto v = e->find("version")) r.version = v->as_string();
  return r;
}

bool add_document(ReportInputs& inputs, const Json& doc, const std::string& file, std::ostream& warn) {
  if (doc.is_object() && doc.contains("record")) {
    inputs.sweep.push_back(parse_sweep_record(doc, file));
  } else if (doc.is_object() && doc.contains("context") && doc.contains("benchmarks")) {
    inputs.suites.push_back(parse_benchmark_json(doc, file));
  } else if (doc.is_object() && doc.contains("sweep") && (doc.contains("parts") || doc.contains("model"))) {
    return false;  // a sweep's own copy of its spec (spec.json beside results/): nothing to report
  } else if (doc.is_object() && doc.contains("equilab_machine")) {
    inputs.machine = doc;
  } else if (doc.is_array() && !doc.empty() && doc.front().is_object() && doc.front().contains("verdict") &&
             doc.front().contains("example")) {
    auto rows = parse_reproduce_json(doc, file);
    inputs.reproduce.insert(inputs.reproduce.end(), rows.begin(), rows.end());
  } else {
    warn << "equilab report: " << file << ": not a benchmark, reproduce, sweep or machine file; skipped\n";
    return false;
  }
  inputs.files.push_back(file);
  return true;
}

ReportInputs load_inputs(const std::vector<std::string>& paths, std::ostream& warn) {
  ReportInputs inputs;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".json") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      throw InputError(p, "DATA", "no such file or folder");
    }
  }
  for (const std::string& f : files) {
    Json doc;
    try {
      doc = load_json_file(f);
    } catch (const InputError& e) {
      warn << "equilab report: " << f << ": not JSON (" << e.reason() << "); skipped\n";
      continue;
    }
    add_document(inputs, doc, f, warn);
  }
  return inputs;
}

}  // namespace equilab::reports
