// `equilab bench --quick` on every suite of bench/ (the harness, not the timings): each suite writes
// Google Benchmark JSON holding exactly the first listed instance of each of its benchmarks (the
// listing taken here independently, from the suite's own --benchmark_list_tests), machine.json
// describes the machine, and `equilab report` turns the lot into an index.html that parses.
#ifdef EQUILAB_HAVE_BENCH

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/run_command.h"
#include "xml_doc.h"

namespace {

namespace fs = std::filesystem;
using equilab::testing::read_file;
using equilab::testing::run_equilab;
using equilab::testing::ScratchDir;
using equilab::testing::XmlDoc;

std::string capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(BenchQuick, EverySuiteRunsTheFirstInstanceOfEachBenchmark) {
  ScratchDir d;
  const fs::path data = d.path / "data";
  const auto r = run_equilab("bench --quick --quiet --out " + data.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // --quiet

  std::vector<std::string> families;
  for (const auto& e : fs::directory_iterator(fs::path(EQUILAB_SOURCE_DIR) / "bench"))
    if (e.path().extension() == ".cpp" && e.path().stem().string().rfind("bench_", 0) == 0)
      families.push_back(e.path().stem().string().substr(6));
  ASSERT_FALSE(families.empty());
  const fs::path bench_dir = fs::path(EQUILAB_BINARY).parent_path() / "bench";
  for (const std::string& family : families) {
    SCOPED_TRACE(family);
    // Expected: the first listed name of each benchmark (the part before the first '/').
    std::set<std::string> expected, seen_prefix;
    std::istringstream listing(
        capture((bench_dir / ("bench_" + family)).string() + " --benchmark_list_tests=true 2>/dev/null"));
    for (std::string line; std::getline(listing, line);)
      if (!line.empty() && seen_prefix.insert(line.substr(0, line.find('/'))).second) expected.insert(line);
    ASSERT_FALSE(expected.empty());

    const fs::path file = data / ("bench_" + family + ".json");
    ASSERT_TRUE(fs::exists(file));
    const auto doc = nlohmann::json::parse(read_file(file));
    ASSERT_TRUE(doc.contains("context"));
    ASSERT_TRUE(doc.contains("benchmarks"));
    std::set<std::string> ran;
    for (const auto& b : doc["benchmarks"]) ran.insert(b.value("run_name", b.value("name", std::string())));
    EXPECT_EQ(ran, expected);
  }

  const auto machine = nlohmann::json::parse(read_file(data / "machine.json"));
  EXPECT_EQ(machine.value("equilab_machine", 0), 1);
  EXPECT_FALSE(machine.value("cpu", std::string()).empty());
  EXPECT_GT(machine.value("cores", 0), 0);
  EXPECT_FALSE(machine.value("compiler", std::string()).empty());
  EXPECT_TRUE(machine.contains("build_type"));
  EXPECT_TRUE(machine["equilab"].contains("version"));

  // The report over those files: one section and at least one plot per suite.
  const auto rep = run_equilab("report " + data.string() + " --quiet --out " + (d.path / "out").string());
  ASSERT_EQ(rep.exit_code, 0) << rep.err;
  EXPECT_EQ(rep.out, (d.path / "out" / "index.html").string() + "\n");
  const XmlDoc html(read_file(d.path / "out" / "index.html"));
  ASSERT_TRUE(html.ok());
  for (const std::string& family : families) {
    std::string id = family;
    for (char& c : id)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
    EXPECT_EQ(html.nodes("//h:section[@id='family-" + id + "']").size(), 1u) << family;
    EXPECT_GE(html.nodes("//h:section[@id='family-" + id + "']//s:svg").size(), 1u) << family;
  }
}

TEST(BenchQuick, UnknownFamilyIsBadInput) {
  ScratchDir d;
  const auto r =
      run_equilab("bench --quick --quiet --family no_such_family --out " + (d.path / "data").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--family"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no_such_family"), std::string::npos) << r.err;
}

}  // namespace

#endif  // EQUILAB_HAVE_BENCH
