// Kind `bundles` of the pseudo_market task equilibrium (slides' bundle model): reading good and bad
// documents, the objects order, the rows of X_i and Ω*, the hull of C (allocations of every good
// within the domains, counted by hand), the enumeration cap and the write/read round trip.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {
namespace {

Rational q(const char* s) { return parse_rational(s); }

EquilibriumInstance parse(const std::string& text) {
  const Json doc = parse_json_text(text, "test");
  return read_bundle_market_json(JsonNode(doc, "test"));
}

// Fails at `pointer` with a reason containing `words`.
void expect_fail(const std::string& text, const std::string& pointer, const std::string& words) {
  try {
    parse(text);
    ADD_FAILURE() << "no error; expected one at " << pointer;
  } catch (const InputError& e) {
    EXPECT_EQ(e.location(), pointer) << e.reason();
    EXPECT_NE(e.reason().find(words), std::string::npos) << e.reason();
  }
}

std::string doc(const std::string& goods, const std::string& agents, const std::string& utilities,
                const std::string& extra = "") {
  return R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"bundles",)" + extra +
         R"("goods":)" + goods + R"(,"agents":)" + agents + R"(,"set_utilities":)" + utilities + "}";
}

const char* kTwoAgents = R"([{"name":"1"},{"name":"2"}])";
const char* kFull2 = R"([{"bundle":"","value":"0"},{"bundle":"a","value":"1"},{"bundle":"b","value":"1"},
                        {"bundle":"a+b","value":"2"}])";

// Slides, Example 2: goods a, b; (ab, a, b, ∅) = (11, 10, 8, 0) for 1 and (11, 10, 2, 0) for 2, 3.
const std::string kExample2 = doc(R"(["a","b"])", R"([{"name":"1"},{"name":"2"},{"name":"3","budget":"1"}])",
                                  R"({"1":[{"bundle":"","value":0},{"bundle":"a+b","value":11},
                                           {"bundle":"a","value":10},{"bundle":"b","value":8}],
                                      "2":[{"bundle":"","value":0},{"bundle":"a","value":10},
                                           {"bundle":"b","value":2},{"bundle":"b+a","value":11}],
                                      "3":[{"bundle":"a+b","value":11},{"bundle":"a","value":10},
                                           {"bundle":"b","value":2},{"bundle":"","value":0}]})",
                                  R"("name":"ex2","alpha":"1","prices":{"good:a":"2","good:b":"1"},)");

TEST(PmBundlesRead, Example2Structure) {
  const EquilibriumInstance in = parse(kExample2);
  EXPECT_EQ(in.kind, "bundles");
  EXPECT_EQ(in.name, "ex2");
  EXPECT_EQ(in.alpha, 1);
  // objects: non-empty bundles by size, then goods order; "b+a" is the set {a, b}
  ASSERT_EQ(in.num_objects(), 3);
  EXPECT_EQ(in.objects[0].name, "a");
  EXPECT_EQ(in.objects[1].name, "b");
  EXPECT_EQ(in.objects[2].name, "a+b");
  ASSERT_EQ(in.num_agents(), 3);
  // utilities u_i(A) − u_i(∅) with u_i(∅) = 0: (a, b, ab) = (10, 8, 11) and (10, 2, 11)
  EXPECT_EQ(in.agents[0].utility, (std::vector<Rational>{10, 8, 11}));
  EXPECT_EQ(in.agents[1].utility, (std::vector<Rational>{10, 2, 11}));
  EXPECT_EQ(in.agents[2].utility, (std::vector<Rational>{10, 2, 11}));
  for (const auto& a : in.agents) {
    EXPECT_EQ(a.utility_offset, 0);
    EXPECT_EQ(a.budget, 1);
    EXPECT_EQ(a.endowment, (std::vector<Rational>{0, 0, 0}));
  }
  // X_i: the unit row only (full domains); cells of agent i are 3i, 3i+1, 3i+2
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(in.individual[i].size(), 1u);
    EXPECT_EQ(in.individual[i][0].name, "unit:" + std::to_string(i + 1));
    EXPECT_EQ(in.individual[i][0].rhs, 1);
    EXPECT_FALSE(in.individual[i][0].equality);
    EXPECT_EQ(in.individual[i][0].coef.size(), 3u);
    EXPECT_EQ(in.individual[i][0].coef.front().first, 3 * i);
  }
  // Ω*: good:a holds cells (i, a), (i, ab); good:b holds (i, b), (i, ab); equalities with rhs 1
  ASSERT_EQ(in.priced.size(), 2u);
  EXPECT_EQ(in.priced[0].name, "good:a");
  EXPECT_EQ(in.priced[1].name, "good:b");
  const std::vector<std::pair<int, Rational>> a_cells{{0, 1}, {2, 1}, {3, 1}, {5, 1}, {6, 1}, {8, 1}};
  const std::vector<std::pair<int, Rational>> b_cells{{1, 1}, {2, 1}, {4, 1}, {5, 1}, {7, 1}, {8, 1}};
  EXPECT_EQ(in.priced[0].coef, a_cells);
  EXPECT_EQ(in.priced[1].coef, b_cells);
  for (const auto& row : in.priced) {
    EXPECT_TRUE(row.equality);
    EXPECT_EQ(row.rhs, 1);
  }
  EXPECT_TRUE(in.floors.empty());
  ASSERT_TRUE(in.candidate_prices.has_value());
  EXPECT_EQ(*in.candidate_prices, (std::vector<Rational>{2, 1}));
  // hull: each of the 2 goods to one of the 3 agents, 3² = 9 allocations (full domains)
  EXPECT_EQ(in.hull.size(), 9u);
}

TEST(PmBundlesRead, DomainRowOffsetAndOrder) {
  // goods x, y, z; listed bundles y+z, z, x+y, x → objects x, z, x+y, y+z (size, then goods order).
  // Agent 1: dom = {∅, x, x+y} with u(∅) = 3; agent 2: dom = {∅, z, y+z}, budget 5/2.
  const EquilibriumInstance in =
      parse(doc(R"(["x","y","z"])", R"([{"name":"1"},{"name":"2","budget":"5/2"}])",
                R"({"1":[{"bundle":"","value":"3"},{"bundle":"y+x","value":"7/2"},{"bundle":"x","value":"3"}],
                    "2":[{"bundle":"z+y","value":"4"},{"bundle":"z","value":"1"},{"bundle":"","value":"1"}]})"));
  ASSERT_EQ(in.num_objects(), 4);
  EXPECT_EQ(in.objects[0].name, "x");
  EXPECT_EQ(in.objects[1].name, "z");
  EXPECT_EQ(in.objects[2].name, "x+y");
  EXPECT_EQ(in.objects[3].name, "y+z");
  // agent 1: offset 3, u − 3 = (x 0, z outside, x+y 1/2, y+z outside)
  EXPECT_EQ(in.agents[0].utility_offset, 3);
  EXPECT_EQ(in.agents[0].utility, (std::vector<Rational>{0, 0, q("1/2"), 0}));
  EXPECT_EQ(in.agents[1].utility_offset, 1);
  EXPECT_EQ(in.agents[1].utility, (std::vector<Rational>{0, 0, 0, 3}));
  EXPECT_EQ(in.agents[1].budget, q("5/2"));
  // domain rows: agent 1 cells (0, z) = 1 and (0, y+z) = 3; agent 2 cells (1, x) = 4, (1, x+y) = 6
  ASSERT_EQ(in.individual[0].size(), 2u);
  EXPECT_EQ(in.individual[0][1].name, "domain:1");
  EXPECT_EQ(in.individual[0][1].rhs, 0);
  EXPECT_EQ(in.individual[0][1].coef, (std::vector<std::pair<int, Rational>>{{1, 1}, {3, 1}}));
  ASSERT_EQ(in.individual[1].size(), 2u);
  EXPECT_EQ(in.individual[1][1].name, "domain:2");
  EXPECT_EQ(in.individual[1][1].coef, (std::vector<std::pair<int, Rational>>{{4, 1}, {6, 1}}));
  // priced: good:y holds (1, x+y) = 2, (1, y+z) = 3, (2, x+y) = 6, (2, y+z) = 7 (all agents' cells)
  ASSERT_EQ(in.priced.size(), 3u);
  EXPECT_EQ(in.priced[1].name, "good:y");
  EXPECT_EQ(in.priced[1].coef, (std::vector<std::pair<int, Rational>>{{2, 1}, {3, 1}, {6, 1}, {7, 1}}));
  // hull by hand: x, y, z must all go; agent 1 holds ∅, x or x+y, agent 2 ∅, z or y+z.
  // (x+y, z) and (x, y+z) are the only allocations of all three goods: 2 points.
  ASSERT_EQ(in.hull.size(), 2u);
  const std::set<std::vector<int>> points(in.hull.begin(), in.hull.end());
  // (x+y, z) = cells 2 and 4 + 1 = 5; (x, y+z) = cells 0 and 4 + 3 = 7
  EXPECT_EQ(points, (std::set<std::vector<int>>{{2, 5}, {0, 7}}));
}

TEST(PmBundlesRead, HullSizesByHand) {
  // 2 goods, 3 agents, full domains: every good to one of 3 agents, 3² = 9.
  EXPECT_EQ(parse(doc(R"(["a","b"])", R"([{"name":"1"},{"name":"2"},{"name":"3"}])",
                      std::string(R"({"1":)") + kFull2 + R"(,"2":)" + kFull2 + R"(,"3":)" + kFull2 + "}"))
                .hull.size(),
            9u);
  // 2 goods, 2 agents, full domains: 2² = 4.
  EXPECT_EQ(parse(doc(R"(["a","b"])", kTwoAgents, std::string(R"({"1":)") + kFull2 + R"(,"2":)" + kFull2 + "}"))
                .hull.size(),
            4u);
  // Agent 1 only {∅, a+b}, agent 2 only {∅, a, b}: agent 2 alone cannot take both goods, so the
  // only allocation is (a+b, ∅): 1 point, cell (0, a+b) = 2 (objects a, b, a+b).
  const EquilibriumInstance one =
      parse(doc(R"(["a","b"])", kTwoAgents,
                R"({"1":[{"bundle":"","value":"0"},{"bundle":"a+b","value":"1"}],
                    "2":[{"bundle":"","value":"0"},{"bundle":"a","value":"1"},{"bundle":"b","value":"1"}]})"));
  ASSERT_EQ(one.hull.size(), 1u);
  EXPECT_EQ(one.hull[0], (std::vector<int>{2}));
  // 3 goods, 3 agents, singletons only: each agent gets exactly one good, 3! = 6.
  const std::string singles = R"([{"bundle":"","value":"0"},{"bundle":"a","value":"1"},{"bundle":"b","value":"1"},
                                  {"bundle":"c","value":"1"}])";
  EXPECT_EQ(parse(doc(R"(["a","b","c"])", R"([{"name":"1"},{"name":"2"},{"name":"3"}])",
                      R"({"1":)" + singles + R"(,"2":)" + singles + R"(,"3":)" + singles + "}"))
                .hull.size(),
            6u);
  // 1 good, 4 agents with {∅, g}: 4 points, each one cell.
  const std::string g = R"([{"bundle":"","value":"0"},{"bundle":"g","value":"1"}])";
  const EquilibriumInstance four = parse(doc(R"(["g"])", R"([{"name":"1"},{"name":"2"},{"name":"3"},{"name":"4"}])",
                                             R"({"1":)" + g + R"(,"2":)" + g + R"(,"3":)" + g + R"(,"4":)" + g + "}"));
  ASSERT_EQ(four.hull.size(), 4u);
  for (const auto& point : four.hull) EXPECT_EQ(point.size(), 1u);
}

// Every hull point allocates every good exactly once (each priced row sums to 1 on it) and gives
// every agent at most one bundle (each unit row ≤ 1), none outside its domain.
TEST(PmBundlesRead, HullPointsAreAllocations) {
  for (const std::string& text :
       {kExample2, doc(R"(["a","b","c"])", kTwoAgents,
                       R"({"1":[{"bundle":"","value":"0"},{"bundle":"a","value":"1"},{"bundle":"b+c","value":"2"}],
                           "2":[{"bundle":"","value":"0"},{"bundle":"b+c","value":"1"},{"bundle":"a+b+c","value":"2"},
                                {"bundle":"a","value":"1"}]})")}) {
    const EquilibriumInstance in = parse(text);
    ASSERT_FALSE(in.hull.empty());
    for (const auto& point : in.hull) {
      std::vector<Rational> y(in.num_cells(), Rational(0));
      for (int c : point) y[c] = 1;
      for (const auto& row : in.priced) {
        Rational s = 0;
        for (const auto& [c, a] : row.coef) s += a * y[c];
        EXPECT_EQ(s, 1) << row.name;
      }
      for (int i = 0; i < in.num_agents(); ++i)
        for (const auto& row : in.individual[i]) {
          Rational s = 0;
          for (const auto& [c, a] : row.coef) s += a * y[c];
          EXPECT_LE(s, row.rhs) << row.name;
        }
    }
  }
}

TEST(PmBundlesRead, AllocationCap) {
  // 3 goods, n agents with full domains: n³ allocations. 58³ = 195112 ≤ 200000 < 59³ = 205379.
  const std::string full3 = R"([{"bundle":"","value":"0"},{"bundle":"a","value":"1"},{"bundle":"b","value":"1"},
    {"bundle":"c","value":"1"},{"bundle":"a+b","value":"2"},{"bundle":"a+c","value":"2"},{"bundle":"b+c","value":"2"},
    {"bundle":"a+b+c","value":"3"}])";
  auto many = [&](int n) {
    std::string agents = "[", utilities = "{";
    for (int i = 1; i <= n; ++i) {
      agents += std::string(i > 1 ? "," : "") + R"({"name":")" + std::to_string(i) + R"("})";
      utilities += std::string(i > 1 ? "," : "") + "\"" + std::to_string(i) + "\":" + full3;
    }
    return doc(R"(["a","b","c"])", agents + "]", utilities + "}");
  };
  EXPECT_EQ(parse(many(58)).hull.size(), 195112u);
  expect_fail(many(59), "/set_utilities", "more than 200000 allocations");
}

TEST(PmBundlesRead, BadInputs) {
  const std::string u = std::string(R"({"1":)") + kFull2 + R"(,"2":)" + kFull2 + "}";
  expect_fail(doc(R"(["a","b"])", kTwoAgents, u, R"("alpha":"1/2",)"), "/alpha", "alpha must be 1");
  expect_fail(doc(R"([])", kTwoAgents, u), "/goods", "1 to 4 goods");
  expect_fail(doc(R"(["a","b","c","d","e"])", kTwoAgents, u), "/goods", "1 to 4 goods");
  expect_fail(doc(R"(["a","a+b"])", kTwoAgents, u), "/goods/1", "contains '+'");
  expect_fail(doc(R"(["a","a"])", kTwoAgents, u), "/goods/1", "duplicate");
  expect_fail(doc(R"(["a","b"])", R"([{"name":"1"},{"name":"2","budget":"0"}])", u), "/agents/1/budget",
              "budget must be positive");
  expect_fail(doc(R"(["a","b"])", R"([])", "{}"), "/agents", "no agents");
  // unknown good, duplicate bundle (same set written twice), missing ∅, agent without utility
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  std::string(R"({"1":)") + kFull2 + R"(,"2":[{"bundle":"","value":"0"},{"bundle":"a+c","value":"1"}]})"),
              "/set_utilities/2/1/bundle", "unknown good \"c\"");
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  std::string(R"({"1":)") + kFull2 +
                      R"(,"2":[{"bundle":"","value":"0"},{"bundle":"a+b","value":"1"},{"bundle":"b+a","value":"1"}]})"),
              "/set_utilities/2/2/bundle", "duplicate bundle \"b+a\"");
  expect_fail(doc(R"(["a","b"])", kTwoAgents, std::string(R"({"1":)") + kFull2 + R"(,"2":[{"bundle":"a+b","value":"1"}]})"),
              "/set_utilities/2", "missing the empty bundle");
  expect_fail(doc(R"(["a","b"])", kTwoAgents, std::string(R"({"1":)") + kFull2 + "}"), "/set_utilities",
              "no set utility for agent \"2\"");
  expect_fail(doc(R"(["a","b"])", kTwoAgents, std::string(R"({"1":)") + kFull2 + R"(,"3":)" + kFull2 + "}"),
              "/set_utilities/3", "unknown agent");
  // not monotone: u(a+b) = 1 < u(a) = 2 (superset listed after), u(b) = 5 > u(a+b) = 3 (subset after)
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  std::string(R"({"1":)") + kFull2 +
                      R"(,"2":[{"bundle":"","value":"0"},{"bundle":"a","value":"2"},{"bundle":"a+b","value":"1"}]})"),
              "/set_utilities/2/2/value", "not monotone");
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  std::string(R"({"1":)") + kFull2 +
                      R"(,"2":[{"bundle":"a+b","value":"3"},{"bundle":"b","value":"5"},{"bundle":"","value":"0"}]})"),
              "/set_utilities/2/1/value", "not monotone");
  // u(∅) above a listed bundle breaks monotonicity too (∅ ⊆ every bundle)
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  std::string(R"({"1":)") + kFull2 + R"(,"2":[{"bundle":"a+b","value":"3"},{"bundle":"","value":"4"}]})"),
              "/set_utilities/2/1/value", "not monotone");
  // C empty: nobody can hold b
  expect_fail(doc(R"(["a","b"])", kTwoAgents,
                  R"({"1":[{"bundle":"","value":"0"},{"bundle":"a","value":"1"}],
                      "2":[{"bundle":"","value":"0"},{"bundle":"a","value":"1"}]})"),
              "/set_utilities", "no allocation of every good");
  // prices name the goods' rows only
  expect_fail(doc(R"(["a","b"])", kTwoAgents, u, R"("prices":{"supply:a":"1"},)"), "/prices/supply:a",
              "not a priced constraint");
  expect_fail(doc(R"(["a","b"])", kTwoAgents, u, R"("prices":{"good:a":"-1"},)"), "/prices/good:a",
              "non-negative");
  expect_fail(doc(R"(["a","b"])", kTwoAgents, u, R"("objects":[],)"), "/objects", "unknown field");
  std::string decompose = doc(R"(["a","b"])", kTwoAgents, u);
  decompose.replace(decompose.find("\"equilibrium\""), 13, "\"decompose\"");
  expect_fail(decompose, "/task", "equilibrium");
  // The same key twice is refused by the reader, whichever value comes last.
  expect_fail(doc(R"(["a","b"])", kTwoAgents, u, R"("task":"decompose",)"), "/task", "duplicate key \"task\"");
}

TEST(PmBundlesRead, WriteReadRoundTrip) {
  const std::string text =
      doc(R"(["x","y","z"])", R"([{"name":"1"},{"name":"2","budget":"5/2"}])",
          R"({"1":[{"bundle":"","value":"3"},{"bundle":"y+x","value":"7/2"},{"bundle":"x","value":"3"}],
              "2":[{"bundle":"z+y","value":"4"},{"bundle":"z","value":"1"},{"bundle":"","value":"1"}]})",
          R"("name":"rt","prices":{"good:y":"1/3"},)");
  const EquilibriumInstance in = parse(text);
  const Json written = write_bundle_market_json(in);
  EXPECT_EQ(written.at("kind"), "bundles");
  EXPECT_EQ(written.at("alpha"), "1");
  EXPECT_EQ(written.at("goods"), Json::parse(R"(["x","y","z"])"));
  // agent 1 written in objects order: ∅ 3, x 3, x+y 7/2
  EXPECT_EQ(written.at("set_utilities").at("1"),
            Json::parse(R"([{"bundle":"","value":"3"},{"bundle":"x","value":"3"},{"bundle":"x+y","value":"7/2"}])"));
  EXPECT_EQ(written.at("prices"), Json::parse(R"({"good:x":"0","good:y":"1/3","good:z":"0"})"));
  const EquilibriumInstance back = read_bundle_market_json(JsonNode(written, "written"));
  EXPECT_EQ(back.name, in.name);
  ASSERT_EQ(back.num_objects(), in.num_objects());
  for (int l = 0; l < in.num_objects(); ++l) EXPECT_EQ(back.objects[l].name, in.objects[l].name);
  for (int i = 0; i < in.num_agents(); ++i) {
    EXPECT_EQ(back.agents[i].utility, in.agents[i].utility);
    EXPECT_EQ(back.agents[i].utility_offset, in.agents[i].utility_offset);
    EXPECT_EQ(back.agents[i].budget, in.agents[i].budget);
    ASSERT_EQ(back.individual[i].size(), in.individual[i].size());
    for (std::size_t k = 0; k < in.individual[i].size(); ++k)
      EXPECT_EQ(back.individual[i][k].coef, in.individual[i][k].coef);
  }
  EXPECT_EQ(back.hull, in.hull);
  EXPECT_EQ(back.candidate_prices, in.candidate_prices);
  // the generic reader dispatches on the kind
  const EquilibriumInstance generic = read_equilibrium_json(JsonNode(written, "written"));
  EXPECT_EQ(generic.kind, "bundles");
  EXPECT_EQ(generic.hull, in.hull);
}

}  // namespace
}  // namespace equilab::pseudo_market
