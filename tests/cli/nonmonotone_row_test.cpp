// `equilab reproduce` on the catalog row caplin_leahy_2010/7_nonmonotone_173_34 alone (the
// whole-catalog test picks the file up too): its published peak of p(g1) along the path (173/34)
// and its final prices are recomputed and compared, and a wrong published figure is a mismatch.
#include "run_command.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace equilab::testing {
namespace {

using nlohmann::json;

const char* kRow = EQUILAB_SOURCE_DIR "/catalog/caplin_leahy_2010/7_nonmonotone_173_34.json";

json reproduce_one(const json& row, int expected_exit) {
  ScratchDir dir;
  dir.write("row.json", row.dump(1));
  CommandResult r = run_equilab("reproduce --json --catalog " + dir.path.string());
  EXPECT_EQ(r.exit_code, expected_exit) << r.out << r.err;
  json table = json::parse(r.out);
  EXPECT_EQ(table.size(), 1u) << r.out;
  return table.at(0);
}

TEST(NonmonotoneRow, ReproducesThePeakAndTheFinalPrices) {
  const json row = json::parse(read_file(kRow));
  // The figures of the hand computation in the row's note: p(g1) rises from its reservation 1
  // to 173/34 (z = 19/34 on the trivial-start leg) and ends at 2.
  EXPECT_EQ(row.at("published").at("max_price_along_path").at("g1"), "173/34");
  EXPECT_EQ(row.at("published").at("prices").at("g1"), "2");
  const json out = reproduce_one(row, 0);
  EXPECT_TRUE(out.at("ok").get<bool>()) << out.dump();
  const std::string computed = out.at("computed").get<std::string>();
  EXPECT_NE(computed.find("max p(g1) 173/34"), std::string::npos) << computed;
  EXPECT_NE(computed.find("p(g1) 2"), std::string::npos) << computed;
}

TEST(NonmonotoneRow, AWrongPeakOrFinalPriceIsAMismatch) {
  json row = json::parse(read_file(kRow));
  row["published"]["max_price_along_path"]["g1"] = "5";
  json out = reproduce_one(row, 1);
  EXPECT_FALSE(out.at("ok").get<bool>());
  EXPECT_EQ(out.at("verdict"), "MISMATCH");
  row = json::parse(read_file(kRow));
  row["published"]["prices"]["g1"] = "173/34";  // the monotone reading: the peak is the end
  out = reproduce_one(row, 1);
  EXPECT_FALSE(out.at("ok").get<bool>());
}

}  // namespace
}  // namespace equilab::testing
