// The report: per benchmark family a table (method, instance, size, median, min, max, ratio to the
// reference method) and log-log plots of time against size with fitted growth exponents; the
// reproduce table; the cross-check summary of sweep records; the machine description. Written as
// a self-contained index.html (inline CSS and SVG, no scripts, well-formed XHTML), report.md,
// report-tables.tex (booktabs) and one .svg file per plot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/report_inputs.h"
#include "reports/svg_plot.h"

namespace equilab::reports {

// One row of a family's table: one method on one instance (case and arguments).
struct BenchRow {
  std::string method;
  std::string instance;   // case and arguments, e.g. "matching, players=2 types=2 objects=4"
  std::string size_name;  // the argument used as size ("n", "arg1", "size")
  std::optional<double> size;
  std::optional<double> median, min, max;  // seconds per iteration
  std::optional<double> ratio;             // median / the reference method's median on this instance
  std::string reference;                   // the reference method of this instance
  std::string note;                        // label or error message
};

struct FamilyReport {
  std::string family;
  std::vector<std::string> files;
  std::vector<std::string> methods;  // in the suite's order; the first is the default reference
  std::vector<BenchRow> rows;
  std::vector<LogLogPlot> plots;
};

// Groups the suites by family (in order of first appearance) and computes rows and plots.
// Reference method of an instance: the first method, in the suite's order, that ran on it
// (same case and arguments) without error.
std::vector<FamilyReport> analyse_benchmarks(const std::vector<BenchSuite>& suites);

struct CrosscheckSummary {
  struct PerModel {
    std::string model;
    int runs = 0, agree = 0, disagree = 0, error = 0, time_limit = 0, other = 0;
  };
  int runs = 0, agree = 0, disagree = 0, error = 0, time_limit = 0, other = 0;
  std::vector<PerModel> models;
  std::vector<const SweepRecord*> disagreements;  // and errors, by model then seed
  int solve_runs = 0;                             // "solve" records
};
CrosscheckSummary summarise_crosschecks(const std::vector<SweepRecord>& records);

struct RenderedReport {
  std::string html, markdown, latex;
  std::vector<std::pair<std::string, std::string>> svgs;  // file name, standalone SVG
};
RenderedReport render_report(const ReportInputs& inputs);

// Writes index.html, report.md, report-tables.tex and the plots' .svg files into `out_dir`
// (created if needed); touches no other file. Returns the path of index.html.
std::string write_report(const ReportInputs& inputs, const std::string& out_dir);

// Time in a readable unit with three significant digits ("12.3 ms", "1.20 s", "850 ns").
std::string format_seconds(double seconds);

}  // namespace equilab::reports
