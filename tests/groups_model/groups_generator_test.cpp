// The seeded groups generator: deterministic, valid (reads back through the instance
// reader), values in the documented ranges, options validated.
#include "generators/groups_generator.h"

#include "groups/enumerate.h"
#include "groups/json_io.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace equilab::gen {
namespace {

using groups::GroupsInstance;

GroupsGenOptions options(int types, int min_size, int max_size, bool pairwise, bool ties) {
  GroupsGenOptions o;
  o.types = types;
  o.min_size = min_size;
  o.max_size = max_size;
  o.pairwise = pairwise;
  o.ties = ties;
  return o;
}

std::string dump(const GroupsInstance& in) { return groups::write_groups_json(in).dump(); }

TEST(GroupsGenerator, SameSeedSameInstance) {
  for (bool pairwise : {false, true})
    for (bool ties : {false, true}) {
      const GroupsGenOptions o = options(4, 1, 3, pairwise, ties);
      EXPECT_EQ(dump(generate_groups(7, o)), dump(generate_groups(7, o)));
      EXPECT_NE(dump(generate_groups(7, o)), dump(generate_groups(8, o)));
    }
}

TEST(GroupsGenerator, InstancesReadBack) {
  for (std::uint64_t seed = 0; seed < 30; ++seed)
    for (bool pairwise : {false, true})
      for (bool ties : {false, true}) {
        const GroupsGenOptions o = options(1 + static_cast<int>(seed % 5), 1 + static_cast<int>(seed % 2),
                                           2 + static_cast<int>(seed % 3), pairwise, ties);
        const GroupsInstance in = generate_groups(seed, o);
        const Json doc = groups::write_groups_json(in);
        const Json root = parse_json_text(doc.dump(), "generated.json");
        const GroupsInstance back = groups::read_groups_json(JsonNode(root, "generated.json"));
        EXPECT_EQ(groups::write_groups_json(back), doc);
        ASSERT_EQ(back.num_types(), o.types);
        EXPECT_EQ(back.min_size, o.min_size);
        EXPECT_EQ(back.max_size, o.max_size);
        for (int i = 0; i < in.num_types(); ++i) {
          EXPECT_EQ(in.types[i].name, "t" + std::to_string(i + 1));
          EXPECT_GE(in.types[i].mass, 1);
          EXPECT_LE(in.types[i].mass, 4);
          EXPECT_LE(boost::multiprecision::denominator(in.types[i].mass), 3);
        }
        for (const groups::GroupType& g : groups::enumerate_group_types(o.types, o.min_size, o.max_size)) {
          const Rational s = groups::group_value(in, g);
          EXPECT_EQ(groups::group_value(back, g), s);
          if (!pairwise && ties) {
            EXPECT_TRUE(s == 0 || s == 1 || s == 2) << equilab::to_string(s);
          }
          if (!pairwise && !ties) {
            EXPECT_TRUE(s >= 0 && s <= 10) << equilab::to_string(s);
          }
          if (pairwise && ties) {
            EXPECT_EQ(boost::multiprecision::denominator(s), 1);
          }
        }
      }
}

TEST(GroupsGenerator, TableValuesVary) {
  // Non-tie tables are not all zero and use fractions.
  const GroupsInstance in = generate_groups(3, options(3, 1, 3, false, false));
  const auto& table = std::get<groups::TableValue>(in.value);
  EXPECT_GE(table.values.size(), 10u);  // 19 group types, value 0 is rare
  bool fraction = false;
  for (const auto& [g, v] : table.values) fraction = fraction || boost::multiprecision::denominator(v) != 1;
  EXPECT_TRUE(fraction);
}

TEST(GroupsGenerator, ValidatesOptions) {
  EXPECT_THROW(generate_groups(1, options(0, 1, 2, false, false)), std::invalid_argument);
  EXPECT_THROW(generate_groups(1, options(2, 0, 2, false, false)), std::invalid_argument);
  EXPECT_THROW(generate_groups(1, options(2, 3, 2, true, false)), std::invalid_argument);
  // 30 types, sizes 1..4: 46,375 group types is fine for a table; 100 types (4,598,125) is not.
  EXPECT_NO_THROW(generate_groups(1, options(30, 1, 4, false, true)));
  try {
    generate_groups(1, options(100, 1, 4, false, false));
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("4598125 group types exceeds 200000"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(generate_groups(1, options(100, 1, 4, true, false)));  // pairwise has no table
}

}  // namespace
}  // namespace equilab::gen
