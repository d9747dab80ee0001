// `equilab reproduce` over the whole catalog: every worked example of every paper is
// recomputed, its certificate verified, and compared with the published (or corrected) answer.
#include "run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

namespace equilab::testing {
namespace {

using nlohmann::json;

TEST(Reproduce, EveryCatalogEntryMatches) {
  CommandResult r = run_equilab("reproduce --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  json table = json::parse(r.out);
  std::set<std::string> papers;
  for (const auto& row : table) {
    EXPECT_TRUE(row["ok"].get<bool>()) << row.dump();
    papers.insert(row["paper"].get<std::string>());
  }
  for (const char* paper : {"textbook", "wang2019", "zheng2024", "caplin_leahy_2010"}) EXPECT_TRUE(papers.count(paper)) << paper;
}

// ŝ of Wang's eq. (8) on §2.4.2's instance: [3^6] is worth max(4, (3/2)·3) = 9/2, so a
// published 4 is a mismatch; [1,1,1,1,2,3] is fake (no size n has counts divisible by 6/n).
TEST(Reproduce, FractionalGroupValuesAreRecomputed) {
  ScratchDir dir;
  const std::string instance = R"({"model":"groups","version":1,
    "types":[{"name":"1","mass":"1"},{"name":"2","mass":"1"},{"name":"3","mass":"1"}],"min_size":2,"max_size":3,
    "value":{"kind":"table","default":"0","groups":[{"group":["1","2","2"],"value":"9"},
      {"group":["3","3","3"],"value":"4"},{"group":["1","2"],"value":"2"},{"group":["3","3"],"value":"3"}]}})";
  dir.write("wrong.json", R"({"catalog":1,"paper":"p","reference":"r","section":"2.4.2","example":"s-hat","instance":)" +
                              instance + R"(,"published":{"fractional_value":[{"group":["3","3","3","3","3","3"],"value":"4"}]}})");
  CommandResult r = run_equilab("reproduce --json --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("9/2"), std::string::npos) << r.out;
  std::filesystem::remove(dir.path / "wrong.json");
  dir.write("fake.json", R"({"catalog":1,"paper":"p","reference":"r","section":"2.4.2","example":"fake","instance":)" +
                             instance + R"(,"published":{"fractional_value":[{"group":["1","1","1","1","2","3"],"value":"0"}]}})");
  r = run_equilab("reproduce --json --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("fake"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace equilab::testing
