// `equilab report [DATA...] --out DIR`: turns benchmark JSON, the reproduce table and sweep records
// into DIR/index.html (self-contained), DIR/report.md, DIR/report-tables.tex and one .svg per plot.
// It writes only those files; other files in DIR are left alone. Inputs and their shapes:
// reports/report_inputs.h.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "reports/report_inputs.h"
#include "reports/report_writer.h"
#include "tool_commands.h"

namespace equilab::cli {

ToolCommand add_report_command(CLI::App& app) {
  struct Args {
    std::vector<std::string> data;
    std::string out = "reports/out";
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("report",
                                 "turn results (benchmark JSON, reproduce --json, sweep records) into "
                                 "index.html, report.md and LaTeX tables");
  cmd->add_option("data", args->data, "JSON files or folders scanned for *.json (default reports/data)");
  cmd->add_option("--out", args->out, "output folder (default reports/out)");
  cmd->add_flag("--quiet", args->quiet, "no summary on stderr");
  return {cmd, [args] {
            const std::vector<std::string> data =
                args->data.empty() ? std::vector<std::string>{"reports/data"} : args->data;
            const reports::ReportInputs inputs = reports::load_inputs(data, std::cerr);
            if (!args->quiet)
              std::cerr << "equilab report: " << inputs.files.size() << " files: " << inputs.suites.size()
                        << " benchmark suites, " << inputs.reproduce.size() << " worked examples, "
                        << inputs.sweep.size() << " sweep records"
                        << (inputs.machine ? ", machine description" : "") << "\n";
            std::cout << reports::write_report(inputs, args->out) << "\n";
            return 0;
          }};
}

}  // namespace equilab::cli
