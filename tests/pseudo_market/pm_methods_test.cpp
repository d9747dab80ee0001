// The decompose methods on instances whose answers are known by hand or from the papers, and the
// certificate checker on valid and corrupted certificates.
#include <gtest/gtest.h>

#include "pm_examples.h"
#include "pseudo_market/methods.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

using testing::lottery_map;
using testing::parse;
using testing::unit_demand_instance;

const DecomposeOptions kOptions;

using Lottery = std::map<std::vector<std::string>, Rational>;

std::vector<std::string> point(std::vector<std::string> cells) {
  for (auto& c : cells) c += "=1";
  std::sort(cells.begin(), cells.end());
  return cells;
}

std::string cell(const char* agent, const char* object) {
  return std::string("(agent \"") + agent + "\", object \"" + object + "\")";
}

void expect_valid(const DecomposeInstance& in, const DecomposeResult& r) {
  const verify::Verdict v = verify::check_pseudo_market_certificate(in, r);
  EXPECT_TRUE(v.valid) << r.method << ": " << (v.failures.empty() ? "" : v.failures.front());
}

TEST(PseudoMarketMethods, HalfMatrixIsTwoPermutations) {
  // J/2 with unit rows and unit supplies: every point of a lottery must be a permutation matrix (all
  // rows and columns are tight), and J/2 = (I + swap)/2 is the only way.
  const DecomposeInstance in = parse(unit_demand_instance({{"1/2", "1/2"}, {"1/2", "1/2"}}));
  const Lottery expected = {{point({cell("1", "a"), cell("2", "b")}), Rational(1, 2)},
                            {point({cell("1", "b"), cell("2", "a")}), Rational(1, 2)}};
  for (const DecomposeResult& r : {solve_bckm_flow(in, kOptions), solve_caratheodory(in, kOptions)}) {
    EXPECT_EQ(r.status, Status::Implemented) << r.method;
    EXPECT_EQ(lottery_map(in, r), expected) << r.method;
    expect_valid(in, r);
  }
}

TEST(PseudoMarketMethods, CyclicMatrixHasTwoPerfectMatchingsInItsSupport) {
  // support {1a,1b,2b,2c,3a,3c}: its perfect matchings are 1a-2b-3c and 1b-2c-3a, ½ each.
  const DecomposeInstance in =
      parse(unit_demand_instance({{"1/2", "1/2", "0"}, {"0", "1/2", "1/2"}, {"1/2", "0", "1/2"}}));
  const Lottery expected = {{point({cell("1", "a"), cell("2", "b"), cell("3", "c")}), Rational(1, 2)},
                            {point({cell("1", "b"), cell("2", "c"), cell("3", "a")}), Rational(1, 2)}};
  for (const DecomposeResult& r : {solve_bckm_flow(in, kOptions), solve_caratheodory(in, kOptions)}) {
    EXPECT_EQ(lottery_map(in, r), expected) << r.method;
    expect_valid(in, r);
  }
}

TEST(PseudoMarketMethods, HzExampleHasItsUniqueLottery) {
  // EMZ §7.3 Example 2: agent 3 always gets b; agents 1 and 2 split a and the second b.
  const DecomposeInstance in = parse(testing::kHzExample);
  const Lottery expected = {{point({cell("1", "a"), cell("2", "b"), cell("3", "b")}), Rational(1, 2)},
                            {point({cell("1", "b"), cell("2", "a"), cell("3", "b")}), Rational(1, 2)}};
  for (const DecomposeResult& r : {solve_bckm_flow(in, kOptions), solve_caratheodory(in, kOptions)}) {
    EXPECT_EQ(r.status, Status::Implemented);
    EXPECT_EQ(lottery_map(in, r), expected) << r.method;
    expect_valid(in, r);
  }
}

TEST(PseudoMarketMethods, EmzBundlesAreNotImplementable) {
  const DecomposeInstance in = parse(testing::kEmzBundles);
  try {
    solve_bckm_flow(in, kOptions);
    ADD_FAILURE() << "bckm-flow accepted a structure that is not a bihierarchy";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("odd cycle"), std::string::npos) << e.what();
  }
  const DecomposeResult r = solve_caratheodory(in, kOptions);
  EXPECT_EQ(r.status, Status::NotImplementable);
  EXPECT_EQ(r.route, "columns");
  EXPECT_EQ(r.enumerated, 4u);  // ∅ or one agent's own bundle (see the model test)
  ASSERT_TRUE(r.farkas);
  EXPECT_GT(r.farkas->value, r.farkas->bound);
  expect_valid(in, r);
  // The paper's certificate: w = 1 on the nine bundle cells, max ⟨w,y⟩ = 1 < 3/2.
  DecomposeResult paper;
  paper.status = Status::NotImplementable;
  Farkas f;
  f.weights.assign(in.num_cells(), Rational(0));
  for (int c = 0; c < in.num_cells(); ++c)
    if (!in.cells[c].bundle.empty()) f.weights[c] = 1;
  f.bound = 1;
  f.value = Rational(3, 2);
  paper.farkas = f;
  expect_valid(in, paper);
  // A bound that is valid but not the maximum is rejected (the certificate states the maximum).
  paper.farkas->bound = Rational(8, 7);
  const verify::Verdict v = verify::check_pseudo_market_certificate(in, paper);
  ASSERT_FALSE(v.valid);
  EXPECT_NE(v.failures.front().find("maximum of ⟨w,y⟩ over the 10 integral feasible points is 1"),
            std::string::npos)
      << v.failures.front();
}

TEST(PseudoMarketMethods, SlidesExample1IsNotImplementable) {
  const DecomposeInstance in = parse(testing::kSlidesExample1);
  const DecomposeResult r = solve_caratheodory(in, kOptions);
  EXPECT_EQ(r.status, Status::NotImplementable);
  expect_valid(in, r);
  // w = indicator of |A_i| >= 2: value 3/4 + 3/4, bound 1.
  DecomposeResult paper;
  paper.status = Status::NotImplementable;
  Farkas f;
  f.weights.assign(in.num_cells(), Rational(0));
  for (int c = 0; c < in.num_cells(); ++c)
    if (in.cells[c].bundle.size() >= 2) f.weights[c] = 1;
  f.bound = 1;
  f.value = Rational(3, 2);
  paper.farkas = f;
  expect_valid(in, paper);
}

TEST(PseudoMarketMethods, ADiagonalCeilingMakesHalfMatrixNotImplementable) {
  // x = J/2 keeps x_1a + x_2b = 1 <= 1, but the only integral points with two cells are the swap;
  // w = (1a: 2, 1b: 1, 2a: 1, 2b: 2) gives ⟨w,x⟩ = 3 > 2 = max over the 6 integral points
  // (∅, four single cells, the swap).
  const DecomposeInstance in = parse(unit_demand_instance(
      {{"1/2", "1/2"}, {"1/2", "1/2"}},
      R"({"name":"diag","cells":[{"agent":"1","object":"a"},{"agent":"2","object":"b"}],"ceiling":"1"})"));
  const DecomposeResult r = solve_caratheodory(in, kOptions);
  EXPECT_EQ(r.status, Status::NotImplementable);
  EXPECT_EQ(r.route, "columns");  // the face of x is {x} itself: a fractional vertex
  EXPECT_EQ(r.enumerated, 6u);
  expect_valid(in, r);
  DecomposeResult hand;
  hand.status = Status::NotImplementable;
  hand.farkas = Farkas{{Rational(2), Rational(1), Rational(1), Rational(2)}, Rational(2), Rational(3), ""};
  expect_valid(in, hand);
  EXPECT_THROW(solve_bckm_flow(in, kOptions), std::invalid_argument);
}

TEST(PseudoMarketMethods, NoIntegralPointAtAll) {
  // 2·y = 1 has no integral solution, while x = 1/2 meets it: Y is empty, so nothing is implementable
  // and any bound below ⟨w,x⟩ is a valid certificate.
  const DecomposeInstance in =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
    "agents":[{"name":"1"}],"objects":[{"name":"a","supply":"1"}],
    "constraints":[{"name":"odd","cells":[{"agent":"1","object":"a","coef":"2"}],"floor":"1","ceiling":"1"}],
    "assignment":{"1":{"a":"1/2"}}})");
  EXPECT_TRUE(enumerate_points(in, {true}, 10).empty());
  const DecomposeResult r = solve_caratheodory(in, kOptions);
  EXPECT_EQ(r.status, Status::NotImplementable);
  EXPECT_EQ(r.enumerated, 0u);
  expect_valid(in, r);
}

TEST(PseudoMarketMethods, BrokenQuotasAreTheirOwnCertificate) {
  const DecomposeInstance in = parse(unit_demand_instance({{"3/4", "0"}, {"3/4", "0"}}));
  for (const DecomposeResult& r : {solve_bckm_flow(in, kOptions), solve_caratheodory(in, kOptions)}) {
    EXPECT_EQ(r.status, Status::NotImplementable);
    EXPECT_EQ(r.route, "quota");
    ASSERT_TRUE(r.farkas);
    EXPECT_EQ(r.farkas->bound, Rational(1));
    EXPECT_EQ(r.farkas->value, Rational(3, 2));
    EXPECT_NE(r.farkas->quota.find("supply of \"a\""), std::string::npos);
    expect_valid(in, r);
  }
}

TEST(PseudoMarketMethods, WeightedFaceWalkStaysExact) {
  // Not a bihierarchy (coefficient 2), yet every face vertex met is integral:
  // x = (1/3, 1/3) on agent 1's objects, with 2·y_1a + y_1b <= 2 and y_1a + y_1b <= 1.
  const DecomposeInstance in =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"assignment",
    "agents":[{"name":"1"}],"objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],
    "constraints":[{"name":"w","cells":[{"agent":"1","object":"a","coef":"2"},{"agent":"1","object":"b"}],"ceiling":"2"},
                   {"name":"unit","agents":["1"],"objects":"*","ceiling":"1"}],
    "assignment":{"1":{"a":"1/3","b":"1/3"}}})");
  const DecomposeResult r = solve_caratheodory(in, kOptions);
  EXPECT_EQ(r.status, Status::Implemented);
  EXPECT_EQ(r.route, "faces");
  EXPECT_LE(r.lottery.size(), 3u);  // cells + 1
  // the only decomposition: {a}, {b}, ∅ with 1/3 each (three affinely independent points)
  const Lottery expected = {{point({cell("1", "a")}), Rational(1, 3)},
                            {point({cell("1", "b")}), Rational(1, 3)},
                            {{}, Rational(1, 3)}};
  EXPECT_EQ(lottery_map(in, r), expected);
  expect_valid(in, r);
}

TEST(PseudoMarketMethods, MNaturalOnTheSlidesExamples) {
  // Example 1: u = 2·[|A| >= 2] fails at (A, B, j) = ({1,2}, ∅, 1) for both agents.
  const DecomposeInstance ex1 = parse(testing::kSlidesExample1);
  const DecomposeResult r = check_m_natural(ex1, kOptions);
  EXPECT_EQ(r.status, Status::NotMNatural);
  ASSERT_EQ(r.violations.size(), 2u);
  for (const MNaturalViolation& v : r.violations) {
    EXPECT_EQ(v.A, (Bundle{0, 1}));
    EXPECT_TRUE(v.B.empty());
    EXPECT_EQ(v.j, 0);
  }
  expect_valid(ex1, r);
  // Example 2: (ab, a, b, ∅) = (11, 10, 8, 0) and (11, 10, 2, 0) are M♮ (u(a) + u(b) >= u(ab)).
  const DecomposeInstance ex2 =
      parse(R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"bundles",
    "agents":[{"name":"1","utility":{"a+b":"11","a":"10","b":"8","":"0"}},{"name":"2","utility":{"a+b":"11","a":"10","b":"2","":"0"}}],
    "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"}],"assignment":{}})");
  const DecomposeResult r2 = check_m_natural(ex2, kOptions);
  EXPECT_EQ(r2.status, Status::MNatural);
  expect_valid(ex2, r2);
}

TEST(PseudoMarketMethods, MNaturalOnTheSlidesClasses) {
  // unit demand max_{j∈A} v_j with v = (5, 3, 1), and f(|A|) with f = (0, 3, 5, 6) concave: both M♮
  // (slides, "Examples of M♮-concave utilities"); complements u(ab) = 3 > u(a) + u(b) = 2 are not.
  auto instance = [](const std::string& utility) {
    return parse(
        R"({"model":"pseudo_market","version":1,"task":"decompose","kind":"bundles","agents":[{"name":"1","utility":)" +
        utility +
        R"(}],"objects":[{"name":"a","supply":"1"},{"name":"b","supply":"1"},{"name":"c","supply":"1"}],"assignment":{}})");
  };
  const DecomposeInstance unit =
      instance(R"({"":"0","a":"5","b":"3","c":"1","a+b":"5","a+c":"5","b+c":"3","a+b+c":"5"})");
  EXPECT_EQ(check_m_natural(unit, kOptions).status, Status::MNatural);
  const DecomposeInstance concave =
      instance(R"({"":"0","a":"3","b":"3","c":"3","a+b":"5","a+c":"5","b+c":"5","a+b+c":"6"})");
  EXPECT_EQ(check_m_natural(concave, kOptions).status, Status::MNatural);
  const DecomposeInstance complements = instance(R"({"":"0","a":"1","b":"1","a+b":"3"})");
  const DecomposeResult r = check_m_natural(complements, kOptions);
  ASSERT_EQ(r.status, Status::NotMNatural);
  EXPECT_EQ(r.violations[0].A, (Bundle{0, 1}));  // u(b) + u(a) = 2 < u(ab) + u(∅) = 3
  expect_valid(complements, r);
}

TEST(PseudoMarketMethods, CorruptedCertificatesFail) {
  const DecomposeInstance in = parse(testing::kHzExample);
  const DecomposeResult good = solve_bckm_flow(in, kOptions);
  const Rational seventh(1, 7);
  {
    DecomposeResult r = good;
    r.lottery[0].prob += seventh;
    const verify::Verdict v = verify::check_pseudo_market_certificate(in, r);
    ASSERT_FALSE(v.valid);
    EXPECT_NE(v.failures.front().find("sum to 8/7"), std::string::npos) << v.failures.front();
  }
  {
    DecomposeResult r = good;
    r.lottery[1].entries[0].second += seventh;  // a cell at 8/7: not integral, and x is missed
    const verify::Verdict v = verify::check_pseudo_market_certificate(in, r);
    ASSERT_FALSE(v.valid);
    EXPECT_NE(v.failures.front().find("agent \"1\""), std::string::npos) << v.failures.front();
  }
  {
    // valid points, probabilities summing to 1, but the marginals are (1/3, 2/3) instead of (1/2, 1/2)
    DecomposeResult r = good;
    r.lottery[0].prob = Rational(1, 3);
    r.lottery[1].prob = Rational(2, 3);
    const verify::Verdict v = verify::check_pseudo_market_certificate(in, r);
    ASSERT_EQ(v.failures.size(), 4u);  // the four cells of agents 1 and 2
    EXPECT_NE(v.failures.front().find("the lottery gives (agent \"1\", object \"a\") probability"),
              std::string::npos)
        << v.failures.front();
  }
  {
    // moving agent 3 from b to a in one point breaks the supply of a there and the marginals
    DecomposeResult r = good;
    for (auto& [c, value] : r.lottery[0].entries)
      if (in.cells[c].agent == 2) c = in.cell_of(2, 0);
    std::sort(r.lottery[0].entries.begin(), r.lottery[0].entries.end());
    const verify::Verdict v = verify::check_pseudo_market_certificate(in, r);
    ASSERT_FALSE(v.valid);
    bool names_supply = false;
    for (const auto& f : v.failures)
      names_supply = names_supply || f.find("supply of \"a\"") != std::string::npos;
    EXPECT_TRUE(names_supply);
  }
  const DecomposeInstance emz = parse(testing::kEmzBundles);
  const DecomposeResult farkas = solve_caratheodory(emz, kOptions);
  for (int what = 0; what < 3; ++what) {
    DecomposeResult r = farkas;
    if (what == 0) r.farkas->bound += seventh;
    if (what == 1) r.farkas->value += seventh;
    if (what == 2) r.farkas->weights[1] += seventh;  // (1, a+b), where x = 1/2
    EXPECT_FALSE(verify::check_pseudo_market_certificate(emz, r).valid) << what;
  }
}

}  // namespace
}  // namespace equilab::pseudo_market
