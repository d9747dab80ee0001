// equilab: solve, verify, crosscheck, generate and reproduce market-design instances.
// Exit codes: 0 success, 1 invalid certificate / disagreement / mismatch, 2 bad input.
#include "commands.h"
#include "family.h"
#include "tool_commands.h"
#include "core/error.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace equilab::cli;
  CLI::App app{"equilab: exact, certified market-design algorithms"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("equilab ") + EQUILAB_VERSION);

  SolveArgs solve_args;
  auto* solve = app.add_subcommand("solve", "solve an instance with the family's default (or named) method");
  solve->add_option("file", solve_args.file, "instance file (JSON, or MPS for LPs)")->required();
  solve->add_option("--method", solve_args.method, "method name (see `equilab methods`)");
  solve->add_option("--arith", solve_args.arith, "exact (default) or double (floating point, labelled as such)")
      ->check(CLI::IsMember({"exact", "double"}));
  solve->add_flag("--json", solve_args.json, "write one JSON result document to stdout");

  VerifyArgs verify_args;
  auto* verify = app.add_subcommand("verify", "check a result's certificate against the instance, exactly");
  verify->add_option("file", verify_args.file, "instance file")->required();
  verify->add_option("result", verify_args.result, "result JSON written by `solve --json`")->required();

  CrosscheckArgs cross_args;
  auto* cross = app.add_subcommand("crosscheck", "run every independent method and compare exactly");
  cross->add_option("file", cross_args.file, "instance file")->required();

  GenerateArgs gen_args;
  auto* generate = app.add_subcommand("generate", "write a random instance (same seed, same file on every machine)");
  generate->require_subcommand(1);
  generate->add_option("--seed", gen_args.seed, "random seed")->required();
  generate->add_option("--out", gen_args.out, "write to this file (never overwrites an existing file)");
  std::vector<Generator> generators;
  for (const auto& family : families())
    if (family.add_generator) {
      generators.push_back(family.add_generator(*generate));
      generators.back().command->fallthrough();  // --seed and --out may follow the model name
    }

  ReproduceArgs repro_args;
  auto* reproduce = app.add_subcommand("reproduce", "recompute the worked examples in catalog/");
  reproduce->add_option("--paper", repro_args.paper, "only this paper's examples");
  reproduce->add_option("--catalog", repro_args.catalog, "catalog folder (default: the source tree's catalog/)");
  reproduce->add_option("--report", repro_args.report, "also write the table as Markdown to this file");
  reproduce->add_flag("--json", repro_args.json, "write the table as one JSON document to stdout");

  // Options of the enumerating families (groups), on the commands that solve or check.
  auto add_family_options = [](CLI::App* cmd, FamilyOptions& o, bool solving) {
    cmd->add_option("--max-enumeration", o.max_enumeration,
                    "refuse to enumerate more group types (or bases) than this (default 2000000)");
    if (!solving) return;
    cmd->add_flag("--no-ranges", o.no_ranges, "groups: skip the imputation ranges");
    cmd->add_option("--replication", o.replication, "groups transport: lcm (default) or factorial (N!)")
        ->check(CLI::IsMember({"lcm", "factorial"}));
    cmd->add_option("--form", o.form, "groups transport: orbit (default) or full (tiny instances)")
        ->check(CLI::IsMember({"orbit", "full"}));
  };
  add_family_options(solve, solve_args.family, true);
  for (auto [cmd, options] : {std::pair{solve, &solve_args.family}, std::pair{cross, &cross_args.family}})
    cmd->add_option("--time-limit", options->time_limit,
                    "stop after this many seconds (wall clock); solve then reports status \"time_limit\"")
        ->check(CLI::Range(0.001, 1e7));
  solve->add_flag("--bisect", solve_args.family.bisect,
                  "allocation_market --method path only: find the events by the paper's halving of z "
                  "(§7.1) instead of exact event times (a baseline; the result says \"search\":\"bisect\")");
  add_family_options(verify, verify_args.family, false);
  add_family_options(cross, cross_args.family, true);

  auto* methods = app.add_subcommand("methods", "list the model families and their methods");
  const std::vector<ToolCommand> tools = {add_bench_command(app), add_report_command(app), add_sweep_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    if (*solve) {
      if (solve_args.family.bisect) {  // --bisect belongs to the path method alone
        const auto [source, family] = load_instance(solve_args.file);
        const std::string method = solve_args.method.empty() ? family->methods.front() : solve_args.method;
        if (method != "path")
          throw equilab::InputError("(command line)", "--bisect",
                                    "--bisect applies to --method path only, not \"" + method + "\" (model " +
                                        family->model + ")");
      }
      return run_solve(solve_args);
    }
    if (*verify) return run_verify(verify_args);
    if (*cross) return run_crosscheck(cross_args);
    if (*generate)
      for (const auto& g : generators)
        if (*g.command) {
          gen_args.command = generate_command(*g.command, gen_args.seed);
          return run_generate(gen_args, g.make(gen_args.seed));
        }
    if (*reproduce) return run_reproduce(repro_args);
    if (*methods) return run_methods();
    for (const ToolCommand& tool : tools)
      if (*tool.command) return tool.run();
  } catch (const equilab::InputError& e) {
    std::cerr << "equilab: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "equilab: internal error: " << e.what() << "\n";
    return 3;
  }
  return 0;
}
