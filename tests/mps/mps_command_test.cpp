// The `equilab` command on MPS files: exact optima worked out by hand (the data files' comments),
// verified certificates, the negative-UP warning, integrality refusals, broken and oversized gzip
// input, and `equilab convert` end to end.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_command.h"

namespace equilab::testing {
namespace {

using nlohmann::json;

const std::string kData = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/mps/";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Solves `file` exactly (with `solve_options`) and verifies the result; returns the result.
json solve_and_verify(const ScratchDir& dir, const std::string& file, const std::string& solve_options = "") {
  const CommandResult r = run_equilab("solve " + file + " --json" + solve_options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string result = dir.write("result.json", r.out);
  const CommandResult v = run_equilab("verify " + file + " " + result);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  std::filesystem::remove(result);
  return json::parse(r.out);
}

TEST(MpsCommand, FixedFileWithObjectiveConstant) {
  // min x + 2y + 10 s.t. x + y >= 2, x - y <= 1: x = 3/2, y = 1/2, objective 25/2.
  ScratchDir dir;
  for (const std::string method : {"lpsolve-repair", "exact-simplex"}) {
    const json r = solve_and_verify(dir, kData + "fixed_spaces.mps", " --method " + method);
    EXPECT_EQ(r["status"], "optimal");
    EXPECT_EQ(r["objective"], "25/2") << method;
    EXPECT_EQ(r["primal"]["COL X"], "3/2");
    EXPECT_EQ(r["primal"]["COL Y"], "1/2");
  }
  // Forced free format cannot read names with spaces: bad input, not a different LP.
  const CommandResult r = run_equilab("solve " + kData + "fixed_spaces.mps --mps free");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "fixed_spaces.mps: line 8: malformed ROWS line")) << r.err;
}

TEST(MpsCommand, RangesPlainAndGzipped) {
  // max x1 + x2 + x3 + x4 over the ranged rows: 5 + 3 + 11/2 + 4 = 35/2.
  ScratchDir dir;
  for (const char* file : {"free_ranges.mps", "free_ranges.mps.gz"}) {
    const json r = solve_and_verify(dir, kData + file);
    EXPECT_EQ(r["objective"], "35/2") << file;
    EXPECT_EQ(r["primal"]["third_variable"], "11/2") << file;
    EXPECT_EQ(r["primal"]["fourth_variable"], "4") << file;
  }
}

TEST(MpsCommand, NegativeUpperBoundWarns) {
  const CommandResult r = run_equilab("solve " + kData + "free_bounds.mps --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(
      contains(r.err, "equilab: warning: " + kData +
                          "free_bounds.mps: line 30: column \"neg_up\" has the negative upper bound -3"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "its lower bound is -infinity, not 0")) << r.err;
  // min up_var with up_var in [0, 4]; the free columns keep the row "cap" (sum <= 100) feasible.
  EXPECT_EQ(json::parse(r.out)["objective"], "0");
  EXPECT_EQ(json::parse(r.out)["primal"]["fx_var"], "3");
}

TEST(MpsCommand, IntegerVariablesAreRefused) {
  for (const auto& [file, where] :
       {std::pair("integer_bounds.mps", "line 15: bound type BV declares an integer variable"),
        std::pair("integer_markers.mps", "line 9: integer markers")}) {
    const CommandResult r = run_equilab("solve " + kData + file);
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_TRUE(contains(r.err, kData + file + ": " + where)) << r.err;
    EXPECT_TRUE(contains(r.err, "integrality is not supported")) << r.err;
  }
}

TEST(MpsCommand, GzipBombStopsAtTheCap) {
  // 8 MiB of blanks compress to a few KiB; the cap of 1 MiB applies to the decompressed text.
  ScratchDir dir;
  const std::string bomb = (dir.path / "bomb.mps.gz").string();
  gzFile out = gzopen(bomb.c_str(), "wb9");
  const std::string blanks(1 << 16, ' ');
  gzwrite(out, "NAME BOMB\n", 10);
  for (int k = 0; k < 128; ++k) gzwrite(out, blanks.data(), static_cast<unsigned>(blanks.size()));
  gzclose(out);
  ASSERT_LT(std::filesystem::file_size(bomb), 100000u);
  const CommandResult r = run_equilab("solve " + bomb + " --max-input-bytes 1M");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(contains(r.err, bomb + ": gzip data: the decompressed text passed the input cap")) << r.err;
  // Truncated: exit 2 with a message, not a crash.
  const std::string gz = read_file(kData + "free_ranges.mps.gz");
  const std::string cut = dir.write("cut.mps.gz", gz.substr(0, gz.size() - 20));
  const CommandResult t = run_equilab("solve " + cut);
  EXPECT_EQ(t.exit_code, 2) << t.err;
  EXPECT_TRUE(contains(t.err, cut + ": gzip data: truncated")) << t.err;
}

TEST(MpsCommand, ConvertRoundTripsAndNeverOverwrites) {
  ScratchDir dir;
  // MPS -> JSON -> MPS -> JSON gives the same JSON, which solves to the file's optimum.
  const std::string json1 = (dir.path / "a.json").string(), mps = (dir.path / "b.mps").string(),
                    json2 = (dir.path / "c.json").string();
  ASSERT_EQ(run_equilab("convert " + kData + "free_ranges.mps --to json --out " + json1).exit_code, 0);
  CommandResult r = run_equilab("convert " + json1 + " --to mps --out " + mps);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(run_equilab("convert " + mps + " --to json --out " + json2).exit_code, 0);
  EXPECT_EQ(json::parse(read_file(json1)), json::parse(read_file(json2)));
  EXPECT_EQ(solve_and_verify(dir, json1)["objective"], "35/2");
  // An objective constant goes to MPS as the negated RHS of the objective row:
  // min x + 10 s.t. x >= 2 has the optimum 12, from JSON and from the MPS written from it.
  const std::string with_constant = dir.write(
      "constant.json",
      R"({"model":"lp","version":1,"sense":"min","variables":[{"name":"x"}],"objective":{"x":"1"},)"
      R"("objective_constant":"10","constraints":[{"name":"c","coef":{"x":"1"},"op":">=","rhs":"2"}]})");
  const std::string constant_mps = (dir.path / "constant.mps").string();
  ASSERT_EQ(run_equilab("convert " + with_constant + " --to mps --out " + constant_mps).exit_code, 0);
  EXPECT_TRUE(contains(read_file(constant_mps), " RHS obj -10\n")) << read_file(constant_mps);
  EXPECT_EQ(solve_and_verify(dir, with_constant)["objective"], "12");
  EXPECT_EQ(solve_and_verify(dir, constant_mps)["objective"], "12");
  // stdout: without --out and with --out -.
  r = run_equilab("convert " + kData + "free_ranges.mps.gz --to json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out),
            json::parse(run_equilab("convert " + kData + "free_ranges.mps --to json --out -").out));
  // Never overwrite.
  const std::string keep = dir.write("keep.mps", "precious");
  r = run_equilab("convert " + json1 + " --to mps --out " + keep);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, keep + ": --out: file exists")) << r.err;
  EXPECT_EQ(read_file(keep), "precious");
}

TEST(MpsCommand, ConvertRefusals) {
  ScratchDir dir;
  // Names with blanks cannot be written in free MPS: the refusal names the variable.
  CommandResult r = run_equilab("convert " + kData + "fixed_spaces.mps --to mps");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "variable name \"COL X\"")) << r.err;
  EXPECT_TRUE(r.out.empty());
  // A fraction MPS cannot hold; no file is left behind.
  const std::string third =
      dir.write("third.json",
                R"({"model":"lp","version":1,"sense":"max","variables":[{"name":"x"}],"objective":{"x":"1"},)"
                R"("constraints":[{"name":"c","coef":{"x":"3"},"op":"<=","rhs":"1"},)"
                R"({"name":"d","coef":{"x":"1/3"},"op":"<=","rhs":"1"}]})");
  r = run_equilab("convert " + third + " --to mps --out " + (dir.path / "third.mps").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "coefficient of variable \"x\" in row \"d\", 1/3: it is not a finite decimal"))
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path / "third.mps"));
  // Other models have no LP to write yet.
  const std::string groups = dir.write("groups.json", run_equilab("generate groups --seed 3").out);
  r = run_equilab("convert " + groups + " --to mps");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "convert: model groups has no LP to write yet")) << r.err;
}

// The project's copy of the Netlib LP collection (tests/data/netlib), or the folder of *.mps.gz
// files EQUILAB_NETLIB_DIR names: every file reads (the integrality refusal and the negative-UP
// rule do not apply to any of them).
TEST(MpsCommand, NetlibFilesRead) {
  const char* env = std::getenv("EQUILAB_NETLIB_DIR");
  const std::string dir = env != nullptr ? env : std::string(EQUILAB_SOURCE_DIR) + "/tests/data/netlib";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string path = entry.path().string();
    if (!contains(path, ".mps")) continue;
    ++files;
    const CommandResult r = run_equilab("convert " + path + " --to json");
    EXPECT_EQ(r.exit_code, 0) << path << ": " << r.err;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace equilab::testing
