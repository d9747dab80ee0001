// `equilab convert FILE --to mps|json [--out OUT] [--mps auto|fixed|free]`: writes an instance's
// LP in another format. Model lp: a JSON LP or an MPS file (fixed, free, gzip-compressed) becomes
// free MPS with exact decimals (lp/mps.h says what MPS cannot hold) or a JSON LP. OUT is never
// overwritten; without --out, or with --out -, the text goes to stdout.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "family.h"
#include "lp/json_io.h"
#include "lp/mps.h"
#include "tool_commands.h"

namespace equilab::cli {
namespace {

const char* const kExists = "file exists; equilab never overwrites a file (remove it or choose another name)";

lp::LpModel read_lp_instance(const std::string& file, const std::string& mps_format) {
  auto [source, family] = load_instance(file);
  if (family->model != "lp")
    throw InputError(file, "/model", "convert: model " + family->model + " has no LP to write yet");
  if (source.document) return lp::read_lp_json(JsonNode(*source.document, file));
  return lp::read_mps_file(file, lp::parse_mps_format(mps_format));
}

std::string render(const lp::LpModel& model, const std::string& to, const std::string& file) {
  if (to == "json") return lp::write_lp_json(model).dump(1) + "\n";
  std::ostringstream text;
  try {
    lp::write_mps(text, model);
  } catch (const std::invalid_argument& e) {
    throw InputError(file, "--to mps", e.what());
  }
  return text.str();
}

// Creates `path` exclusively ("x": fails if it exists, even if it appeared since the check).
void write_new_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (f == nullptr) {
    if (errno == EEXIST) throw InputError(path, "--out", kExists);
    throw InputError(path, "--out", std::string("cannot create file (") + std::strerror(errno) + ")");
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !written) throw InputError(path, "--out", "write error");
}

}  // namespace

ToolCommand add_convert_command(CLI::App& app) {
  struct Args {
    std::string file, to, out, mps = "auto";
  };
  auto args = std::make_shared<Args>();
  auto* cmd =
      app.add_subcommand("convert", "write an instance's LP in another format (model lp: JSON <-> MPS)");
  cmd->add_option("file", args->file, "instance file (JSON, or MPS: fixed, free or .mps.gz)")->required();
  cmd->add_option("--to", args->to, "mps (free MPS, exact decimals) or json")
      ->required()
      ->check(CLI::IsMember({"mps", "json"}));
  cmd->add_option("--out", args->out,
                  "write to this file (never overwrites an existing file); - or none: stdout");
  cmd->add_option("--mps", args->mps,
                  "reading MPS: auto (default: fixed format when a line's names need it), fixed or free")
      ->check(CLI::IsMember({"auto", "fixed", "free"}));
  return {cmd, [args] {
            const bool to_stdout = args->out.empty() || args->out == "-";
            if (!to_stdout && std::filesystem::exists(args->out))
              throw InputError(args->out, "--out", kExists);
            const std::string text = render(read_lp_instance(args->file, args->mps), args->to, args->file);
            if (to_stdout) std::cout << text;
            else write_new_file(args->out, text);
            return 0;
          }};
}

}  // namespace equilab::cli
