// The at-scale groups draws (--degree for pairwise, --recipes for table): deterministic, within
// the promised ranges and degrees, fast for 2000 types, and the options validated; the command's
// bad inputs at scale (options out of range, an intractable class above --max-enumeration).
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "cli/run_command.h"
#include "generators/groups_generator.h"
#include "groups/json_io.h"

namespace equilab::gen {
namespace {

using groups::GroupsInstance;

GroupsGenOptions sparse(int types, int degree, int min_size = 1, int max_size = 4) {
  GroupsGenOptions o;
  o.types = types;
  o.min_size = min_size;
  o.max_size = max_size;
  o.pairwise = true;
  o.degree = degree;
  return o;
}

GroupsGenOptions recipes(int types, int count, int min_size = 1, int max_size = 4) {
  GroupsGenOptions o;
  o.types = types;
  o.min_size = min_size;
  o.max_size = max_size;
  o.recipes = count;
  return o;
}

bool den_at_most(const Rational& r, int q) { return boost::multiprecision::denominator(r) <= q; }

TEST(ScaleGenerator, DegreeDrawHasThePromisedRangesAndDegree) {
  for (int types : {2, 7, 50, 2000})
    for (int degree : {1, 3, 8}) {
      if (degree > types - 1) continue;
      const GroupsInstance in = generate_groups(11 + types + degree, sparse(types, degree));
      const auto& pw = std::get<groups::PairwiseValue>(in.value);
      ASSERT_EQ(in.num_types(), types);
      for (const Rational& own : pw.own) {
        EXPECT_TRUE(own >= 0 && own <= 10 && den_at_most(own, 4)) << to_string(own);
      }
      long edges = 0, self = 0;
      for (const auto& [key, v] : pw.pair) {
        EXPECT_TRUE(key.first <= key.second && key.first >= 0 && key.second < types);
        EXPECT_TRUE(v > 0 && v <= 20 && den_at_most(v, 4)) << to_string(v);
        (key.first == key.second ? self : edges) += 1;
      }
      // floor(K·d/2) edges: the degrees sum to 2·edges, average d (or d − 1/K when K·d is odd).
      EXPECT_EQ(edges, static_cast<long>(types) * degree / 2);
      EXPECT_LE(self, types);
      for (const auto& [n, v] : pw.size) {
        EXPECT_TRUE(n >= in.min_size && n <= in.max_size);
        EXPECT_TRUE(v >= -5 && v <= 5 && v != 0 && den_at_most(v, 4)) << to_string(v);
      }
      if (types == 2000) {
        // Self pairs with probability 1/5: 400 expected, standard deviation about 18.
        EXPECT_GT(self, 300);
        EXPECT_LT(self, 500);
      }
    }
}

TEST(ScaleGenerator, RecipeDrawHasThePromisedRanges) {
  for (int count : {1, 100, 100'000}) {
    const GroupsInstance in = generate_groups(5, recipes(1000, count, 1, 4));
    const auto& table = std::get<groups::TableValue>(in.value);
    EXPECT_EQ(table.default_value, 0);
    EXPECT_EQ(table.values.size(), static_cast<std::size_t>(count));  // distinct (map keys)
    std::set<std::size_t> sizes;
    for (const auto& [g, v] : table.values) {
      EXPECT_TRUE(g.size() >= 2 && g.size() <= 4);
      EXPECT_TRUE(std::is_sorted(g.begin(), g.end()));
      EXPECT_TRUE(g.front() >= 0 && g.back() < 1000);
      EXPECT_TRUE(v > 0 && v <= 20 && den_at_most(v, 4)) << to_string(v);
      sizes.insert(g.size());
    }
    if (count >= 100) EXPECT_EQ(sizes, (std::set<std::size_t>{2, 3, 4}));
  }
  // Sizes 3..5: recipes of sizes 3 and 4 only. Sizes 1..2 with 3 types: all 6 pairs when asked.
  const GroupsInstance mid = generate_groups(2, recipes(20, 50, 3, 5));
  for (const auto& [g, v] : std::get<groups::TableValue>(mid.value).values)
    EXPECT_TRUE(g.size() == 3 || g.size() == 4);
  const GroupsInstance all_pairs = generate_groups(2, recipes(3, 6, 1, 2));
  EXPECT_EQ(std::get<groups::TableValue>(all_pairs.value).values.size(), 6u);
}

TEST(ScaleGenerator, SameSeedSameInstance) {
  const auto dump = [](const GroupsInstance& in) { return groups::write_groups_json(in).dump(); };
  EXPECT_EQ(dump(generate_groups(3, sparse(100, 8))), dump(generate_groups(3, sparse(100, 8))));
  EXPECT_NE(dump(generate_groups(3, sparse(100, 8))), dump(generate_groups(4, sparse(100, 8))));
  EXPECT_EQ(dump(generate_groups(3, recipes(100, 50))), dump(generate_groups(3, recipes(100, 50))));
  EXPECT_NE(dump(generate_groups(3, recipes(100, 50))), dump(generate_groups(4, recipes(100, 50))));
}

TEST(ScaleGenerator, OptionsAreValidated) {
  EXPECT_THROW(generate_groups(1, sparse(5, 5)), std::invalid_argument);   // degree > K − 1
  EXPECT_THROW(generate_groups(1, sparse(5, -1)), std::invalid_argument);  // negative
  GroupsGenOptions table_with_degree = sparse(5, 2);
  table_with_degree.pairwise = false;
  EXPECT_THROW(generate_groups(1, table_with_degree), std::invalid_argument);
  GroupsGenOptions pairwise_with_recipes = recipes(5, 2);
  pairwise_with_recipes.pairwise = true;
  EXPECT_THROW(generate_groups(1, pairwise_with_recipes), std::invalid_argument);
  EXPECT_THROW(generate_groups(1, recipes(5, 10, 1, 1)), std::invalid_argument);  // no size in 2..4
  EXPECT_THROW(generate_groups(1, recipes(3, 7, 1, 2)), std::invalid_argument);   // only 6 pairs exist
  EXPECT_THROW(generate_groups(1, recipes(5, -3)), std::invalid_argument);
  GroupsGenOptions ties = sparse(5, 2);
  ties.ties = true;
  EXPECT_THROW(generate_groups(1, ties), std::invalid_argument);
  // The dense pairwise limit of 2,000 types does not apply to the sparse draw.
  EXPECT_NO_THROW(generate_groups(1, sparse(5000, 2, 1, 2)));
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ScaleBadInput, GeneratorOptionsOutOfRangeExitTwo) {
  using testing::run_equilab;
  auto r = run_equilab("generate --seed 1 groups --types 5 --value pairwise --degree 9");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--degree") && contains(r.err, "needs at least 10 types")) << r.err;
  r = run_equilab("generate --seed 1 groups --types 5 --max-size 2 --value table --recipes 16");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--recipes") && contains(r.err, "15 group types"))
      << r.err;  // C(6,2) = 15 pairs
  r = run_equilab("generate --seed 1 groups --types 5 --value table --degree 2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--degree")) << r.err;
}

TEST(ScaleBadInput, IntractableClassAboveTheLimitExitsTwo) {
  using testing::run_equilab;
  const std::string file =
      std::string(EQUILAB_SOURCE_DIR) + "/tests/bad_inputs/groups/intractable_negative_pairs.json";
  for (const std::string method : {"", "--method fv-sparse "}) {
    const auto r = run_equilab("solve " + method + file);
    EXPECT_EQ(r.exit_code, 2) << method;
    EXPECT_TRUE(contains(r.err, file)) << r.err;
    EXPECT_TRUE(contains(r.err, "negative pair")) << r.err;  // the value class
    EXPECT_TRUE(contains(r.err, "--max-enumeration")) << r.err;
  }
}

}  // namespace
}  // namespace equilab::gen
