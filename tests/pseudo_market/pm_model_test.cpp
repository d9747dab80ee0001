// The pseudo_market model: cell space, rows of Q, the quota check, the enumeration of integral
// feasible points and the bihierarchy test, against counts and sets worked out by hand.
#include <gtest/gtest.h>

#include "pm_examples.h"
#include "pseudo_market/bihierarchy.h"
#include "pseudo_market/model.h"

namespace equilab::pseudo_market {
namespace {

using testing::parse;
using testing::unit_demand_instance;

TEST(PseudoMarketModel, HzExampleCellsAndRows) {
  const DecomposeInstance in = parse(testing::kHzExample);
  ASSERT_EQ(in.num_cells(), 6);  // 3 agents × 2 objects
  // rows: supply a, supply b, unit-1..3, all-a, all-b
  ASSERT_EQ(in.rows.size(), 7u);
  EXPECT_EQ(in.rows[1].ceiling, Rational(2));
  EXPECT_EQ(in.rows[6].floor, Rational(2));
  EXPECT_EQ(in.x[in.cell_of(0, 0)], Rational(1, 2));
  EXPECT_EQ(in.x[in.cell_of(2, 1)], Rational(1));
  EXPECT_EQ(in.x[in.cell_of(2, 0)], Rational(0));
  EXPECT_FALSE(first_violation(in, in.x).has_value());
}

TEST(PseudoMarketModel, BundleCellsCarryTheEmptyBundle) {
  const DecomposeInstance in = parse(testing::kEmzBundles);
  ASSERT_EQ(in.num_cells(), 12);  // per agent: ∅ + ab, ac, bc
  EXPECT_TRUE(in.cells[0].bundle.empty());
  EXPECT_EQ(in.x[0], Rational(1, 2));  // σ_1(∅) = 1 − 1/2
  EXPECT_EQ(in.cell_label(1), "(agent \"1\", bundle \"a+b\")");
  // rows: supplies a, b, c (six cells each: two bundles per agent contain an item), then one per agent
  ASSERT_EQ(in.rows.size(), 6u);
  EXPECT_EQ(in.rows[0].coef.size(), 6u);
  EXPECT_EQ(in.rows[3].origin, RowOrigin::AgentRow);
  EXPECT_EQ(in.rows[3].coef.size(), 4u);
  EXPECT_FALSE(first_violation(in, in.x).has_value());  // adding up holds: 1/2 + 1/2 per item
}

TEST(PseudoMarketModel, UserConstraintsCountGoodsInBundles) {
  // agent 1 lists a+b and c; the constraint counts goods a and b of agent 1 with coef 2 on a:
  // coefficient on (1, a+b) = 2 + 1 = 3, on (1, c) = 0.
  const DecomposeInstance in =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"bundles",
    "agents":[{"name":"1"}],"objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"},{"name":"c","supply":"1"}],
    "constraints":[{"name":"w","cells":[{"agent":"1","object":"a","coef":"2"},{"agent":"1","object":"b"}],"ceiling":"3"}],
    "assignment":{"1":{"b+a":"1/3","c":"1/3"}}})");
  const Row& row = in.rows.back();
  ASSERT_EQ(row.coef.size(), 1u);
  EXPECT_EQ(in.cell_label(row.coef[0].first), "(agent \"1\", bundle \"a+b\")");
  EXPECT_EQ(row.coef[0].second, Rational(3));
  EXPECT_FALSE(row.zero_one());
}

TEST(PseudoMarketModel, EnumerationCountsByHand) {
  // 2 agents × 2 objects, supply 1, no rows: each object goes to nobody, agent 1 or agent 2: 3² = 9.
  const DecomposeInstance free =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
    "agents":[{"name":"1"},{"name":"2"}],"objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
    "assignment":{}})");
  const std::vector<bool> all(4, true);
  EXPECT_EQ(enumerate_points(free, all, 1000).size(), 9u);
  // With unit demand: the matchings of K_{2,2}: ∅, 4 single edges, 2 perfect = 7; the bound is 3·3.
  const DecomposeInstance unit = parse(unit_demand_instance({{"0", "0"}, {"0", "0"}}));
  EXPECT_EQ(enumerate_points(unit, all, 1000).size(), 7u);
  EXPECT_EQ(point_count_bound(unit, all, 1000), 9u);
  // EMZ §5.2: any two of ab, ac, bc share an item, so at most one agent gets a bundle: 1 + 3·3 = 10;
  // inside the support of x (each agent: ∅ or its own bundle): 1 + 3 = 4.
  const DecomposeInstance emz = parse(testing::kEmzBundles);
  EXPECT_EQ(enumerate_points(emz, std::vector<bool>(12, true), 1000).size(), 10u);
  std::vector<bool> support(12);
  for (int c = 0; c < 12; ++c) support[c] = emz.x[c] > 0;
  EXPECT_EQ(enumerate_points(emz, support, 1000).size(), 4u);
  // Slides Example 1: two agents cannot both hold two of three goods: 1 + 2·3 = 7.
  const DecomposeInstance ex1 = parse(testing::kSlidesExample1);
  EXPECT_EQ(enumerate_points(ex1, std::vector<bool>(ex1.num_cells(), true), 1000).size(), 7u);
  EXPECT_THROW(enumerate_points(emz, std::vector<bool>(12, true), 20), EnumerationLimit);  // bound 4³ = 64
}

TEST(PseudoMarketModel, QuotaViolations) {
  // supply of a: 3/4 + 3/4 = 3/2 > 1
  const DecomposeInstance over = parse(unit_demand_instance({{"3/4", "0"}, {"3/4", "0"}}));
  auto v = first_violation(over, over.x);
  ASSERT_TRUE(v);
  EXPECT_NE(v->label.find("supply of \"a\""), std::string::npos) << v->label;
  EXPECT_EQ(v->bound, Rational(1));
  EXPECT_EQ(v->value, Rational(3, 2));
  EXPECT_EQ(v->weights[over.cell_of(0, 0)], Rational(1));
  EXPECT_EQ(v->weights[over.cell_of(0, 1)], Rational(0));
  // a floor: the HZ instance with x_3b = 1/2 has 3/2 copies of b assigned, below the floor 2
  std::string hz = testing::kHzExample;
  hz.replace(hz.find(R"("3":{"b":"1"})"), 13, R"("3":{"b":"1/2"})");
  const DecomposeInstance low = parse(hz);
  v = first_violation(low, low.x);
  ASSERT_TRUE(v);
  EXPECT_NE(v->label.find("floor 2 of constraint \"all-b\""), std::string::npos) << v->label;
  EXPECT_EQ(v->bound, Rational(-2));
  EXPECT_EQ(v->value, Rational(-3, 2));
  EXPECT_EQ(v->weights[low.cell_of(2, 1)], Rational(-1));
  // a cell above 1 (EMZ §4.1's singleton constraint)
  const DecomposeInstance cell =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
    "agents":[{"name":"1"}],"objects":[{"name":"a","supply":"2"}],"assignment":{"1":{"a":"3/2"}}})");
  v = first_violation(cell, cell.x);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->bound, Rational(1));
  EXPECT_EQ(v->value, Rational(3, 2));
  std::string why;
  EXPECT_FALSE(is_feasible_point(cell, {Rational(1, 2)}, &why));
  EXPECT_NE(why.find("not 0 or 1"), std::string::npos);
}

TEST(PseudoMarketModel, RowsAndColumnsAreABihierarchy) {
  const DecomposeInstance in = parse(unit_demand_instance({{"1/2", "1/2"}, {"1/2", "1/2"}}));
  const BihierarchyCheck bh = find_bihierarchy(in);
  ASSERT_TRUE(bh.ok) << bh.reason;
  // rows 0, 1 are the supplies (columns), 2, 3 the unit-demand rows: every column crosses every row
  EXPECT_EQ(bh.hierarchy[0], (std::vector<int>{0, 1}));
  EXPECT_EQ(bh.hierarchy[1], (std::vector<int>{2, 3}));
}

TEST(PseudoMarketModel, ADiagonalConstraintClosesAnOddCycle) {
  // {(1,a),(2,b)} crosses both rows and both columns, and row 1 crosses column a: a triangle.
  const DecomposeInstance in = parse(unit_demand_instance(
      {{"1/2", "1/2"}, {"1/2", "1/2"}},
      R"({"name":"diag","cells":[{"agent":"1","object":"a"},{"agent":"2","object":"b"}],"ceiling":"1"})"));
  const BihierarchyCheck bh = find_bihierarchy(in);
  EXPECT_FALSE(bh.ok);
  ASSERT_EQ(bh.odd_cycle.size() % 2, 1u);
  EXPECT_NE(std::find(bh.odd_cycle.begin(), bh.odd_cycle.end(), 4), bh.odd_cycle.end());
  EXPECT_NE(bh.reason.find("odd cycle"), std::string::npos);
  // a weighted row is not a set constraint at all
  const DecomposeInstance weighted = parse(
      unit_demand_instance({{"0", "0"}, {"0", "0"}},
                           R"({"name":"w","cells":[{"agent":"2","object":"a","coef":"2"}],"ceiling":"1"})"));
  const BihierarchyCheck w = find_bihierarchy(weighted);
  EXPECT_FALSE(w.ok);
  EXPECT_EQ(w.weighted_row, 4);
  EXPECT_NE(w.reason.find("coefficient 2"), std::string::npos);
}

TEST(PseudoMarketModel, EmzBundlesAreNotABihierarchy) {
  // The item sets a, b, c pairwise share a bundle without nesting: a triangle.
  const BihierarchyCheck bh = find_bihierarchy(parse(testing::kEmzBundles));
  EXPECT_FALSE(bh.ok);
  EXPECT_EQ(bh.odd_cycle.size() % 2, 1u);
}

TEST(PseudoMarketModel, JsonRoundTrip) {
  const DecomposeInstance in = parse(testing::kHzExample);
  const DecomposeInstance back = parse(write_pseudo_market_json(in).dump());
  EXPECT_EQ(back.x, in.x);
  ASSERT_EQ(back.rows.size(), in.rows.size());
  for (std::size_t r = 0; r < in.rows.size(); ++r) {
    EXPECT_EQ(back.rows[r].coef, in.rows[r].coef);
    EXPECT_EQ(back.rows[r].floor, in.rows[r].floor);
    EXPECT_EQ(back.rows[r].ceiling, in.rows[r].ceiling);
  }
  const DecomposeInstance emz = parse(testing::kEmzBundles);
  EXPECT_EQ(parse(write_pseudo_market_json(emz).dump()).x, emz.x);
}

}  // namespace
}  // namespace equilab::pseudo_market
