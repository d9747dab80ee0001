// The harness commands beyond solving one instance: bench, report, sweep and convert. Each adds its
// subcommand to the application and returns how to run it once the command line is parsed.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace equilab::cli {

struct ToolCommand {
  CLI::App* command = nullptr;
  std::function<int()> run;  // the exit code
};

ToolCommand add_bench_command(CLI::App& app);   // bench_command.cpp
ToolCommand add_report_command(CLI::App& app);  // report_command.cpp
ToolCommand add_sweep_command(CLI::App& app);   // sweep_command.cpp
ToolCommand add_convert_command(CLI::App& app);  // convert_command.cpp

}  // namespace equilab::cli
