// Kind roommates of the pseudo_market task equilibrium (EMZ 2022 §5, Prop. 3, Example 1): reading
// (good and bad documents), the matchings, the row system against conv(matchings) by exact LPs,
// irredundancy of every kept row, EMZ Example 1 (no stable matching; the published prices and the
// uniform assignment), and the generator. Expected values come from the paper or from the hand
// computations in the comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/random.h"
#include "generators/pseudo_market_eq_generator.h"
#include "lp/exact_simplex.h"
#include "lp/model.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

EquilibriumInstance parse(const std::string& text) {
  const Json doc = parse_json_text(text, "test");
  return read_roommates_json(JsonNode(doc, "test"));
}

// The pointer of the InputError that reading `text` raises ("" if none is raised).
std::string fail_pointer(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.location();
  }
  return "<no error>";
}

std::string fail_reason(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.reason();
  }
  return "<no error>";
}

// EMZ §5 Example 1: u_1 = (0, 1, 2), u_2 = (2, 0, 1), u_3 = (1, 2, 0) over partners 1, 2, 3.
const char* kExample1 = R"({"model":"pseudo_market","version":1,"name":"emz-5-example-1","task":"equilibrium",
  "kind":"roommates","alpha":"1","agents":[{"name":"1"},{"name":"2"},{"name":"3"}],
  "utilities":{"1":{"2":"1","3":"2"},"2":{"1":"2","3":"1"},"3":{"1":"1","2":"2"}},
  "prices":{"F:13,21,32":"2","F:12,23,31":"1"}})";

std::string agents_doc(int n) {
  std::string agents, utilities;
  for (int i = 1; i <= n; ++i) {
    agents += std::string(i > 1 ? "," : "") + R"({"name":")" + std::to_string(i) + R"("})";
    utilities += std::string(i > 1 ? "," : "") + "\"" + std::to_string(i) + "\":{}";
  }
  return R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"roommates","agents":[)" + agents +
         R"(],"utilities":{)" + utilities + "}}";
}

// The matchings of {0..n−1} as sets of cells, enumerated independently of the code under test: the
// involutions σ (σ(σ(i)) = i) among all permutations; cell (i, σ(i)).
std::set<std::vector<int>> involutions(int n) {
  std::vector<int> s(n);
  std::iota(s.begin(), s.end(), 0);
  std::set<std::vector<int>> out;
  do {
    bool inv = true;
    for (int i = 0; i < n; ++i) inv = inv && s[s[i]] == i;
    if (!inv) continue;
    std::vector<int> cells;
    for (int i = 0; i < n; ++i) cells.push_back(i * n + s[i]);
    out.insert(cells);
  } while (std::next_permutation(s.begin(), s.end()));
  return out;
}

// max w·x over x ≥ 0, the unit rows and the priced rows (exact simplex), skipping priced row `skip`.
Rational row_system_max(const EquilibriumInstance& in, const std::vector<Rational>& w, int skip = -1) {
  lp::LpModel m;
  m.sense = lp::Sense::Maximize;
  for (int c = 0; c < in.num_cells(); ++c) {
    m.variables.push_back(lp::Variable{"x" + std::to_string(c), Rational(0), std::nullopt});
    m.objective.push_back(w[c]);
  }
  for (const auto& rows : in.individual)
    for (const LinearRow& r : rows) m.constraints.push_back({r.name, r.coef, lp::RowOp::LessEqual, r.rhs});
  for (int k = 0; k < static_cast<int>(in.priced.size()); ++k)
    if (k != skip)
      m.constraints.push_back({in.priced[k].name, in.priced[k].coef, lp::RowOp::LessEqual, in.priced[k].rhs});
  lp::normalize_rows(m);
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(m);
  EXPECT_EQ(sol.status, lp::Status::Optimal);
  return sol.objective;
}

Rational matching_max(const std::set<std::vector<int>>& matchings, const std::vector<Rational>& w) {
  Rational best = -1;
  for (const auto& y : matchings) {
    Rational v = 0;
    for (int c : y) v += w[c];
    best = std::max(best, v);
  }
  return best;
}

// ------------------------------------------------------------------------------------ reading

TEST(PmRoommatesRead, Example1Instance) {
  const EquilibriumInstance in = parse(kExample1);
  EXPECT_EQ(in.kind, "roommates");
  EXPECT_EQ(in.name, "emz-5-example-1");
  ASSERT_EQ(in.num_agents(), 3);
  ASSERT_EQ(in.num_objects(), 3);
  EXPECT_EQ(in.alpha, Rational(1));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(in.objects[i].name, in.agents[i].name);
    EXPECT_EQ(in.objects[i].supply, Rational(1));
    EXPECT_EQ(in.agents[i].budget, Rational(1));
    EXPECT_EQ(in.agents[i].endowment, std::vector<Rational>(3, Rational(0)));
  }
  // the paper's table, row i = agent i
  const int u[3][3] = {{0, 1, 2}, {2, 0, 1}, {1, 2, 0}};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_EQ(in.agents[i].utility[j], Rational(u[i][j])) << i << "," << j;
  // X_i: the unit row first, cells (i,0..2) = 3i..3i+2
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(in.individual[i].size(), 1u);
    EXPECT_EQ(in.individual[i][0].name, "unit:" + std::to_string(i + 1));
    EXPECT_EQ(in.individual[i][0].rhs, Rational(1));
    ASSERT_EQ(in.individual[i][0].coef.size(), 3u);
    for (int j = 0; j < 3; ++j) EXPECT_EQ(in.individual[i][0].coef[j].first, 3 * i + j);
  }
  // N = 3: J rows 3·(2² − 1) = 9, tournaments on {1,2,3}: 2³ = 8
  EXPECT_EQ(in.priced.size(), 17u);
  ASSERT_TRUE(in.candidate_prices.has_value());
  const int a = in.priced_index("F:13,21,32"), b = in.priced_index("F:12,23,31");
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  EXPECT_EQ((*in.candidate_prices)[a], Rational(2));
  EXPECT_EQ((*in.candidate_prices)[b], Rational(1));
  // x_21 + x_13 + x_32 ≤ 1: cells 3·1+0 = 3, 0·3+2 = 2, 3·2+1 = 7
  const std::vector<std::pair<int, Rational>> cells_a = {{2, 1}, {3, 1}, {7, 1}};
  EXPECT_EQ(in.priced[a].coef, cells_a);
  EXPECT_EQ(in.priced[a].rhs, Rational(1));
  // J:1|21,31 = x_11 + x_21 + x_31 ≤ 1: cells 0, 3, 6
  const int j1 = in.priced_index("J:1|21,31");
  ASSERT_GE(j1, 0);
  const std::vector<std::pair<int, Rational>> cells_j = {{0, 1}, {3, 1}, {6, 1}};
  EXPECT_EQ(in.priced[j1].coef, cells_j);
  // unit:1 is individual, not priced
  EXPECT_LT(in.priced_index("J:1|12,13"), 0);
}

TEST(PmRoommatesRead, BudgetsAndRoundTrip) {
  const EquilibriumInstance in = parse(
      R"({"model":"pseudo_market","version":1,"kind":"roommates","agents":[{"name":"ann","budget":"3/2"},
      {"name":"bo"}],"utilities":{"ann":{"bo":"5","ann":"1"},"bo":{}},"prices":{"J:ann|bo.ann":"1/2"}})");
  EXPECT_EQ(in.agents[0].budget, parse_rational("3/2"));
  EXPECT_EQ(in.agents[1].budget, Rational(1));
  EXPECT_EQ(in.agents[0].utility[0], Rational(1));  // alone
  EXPECT_EQ(in.agents[0].utility[1], Rational(5));
  // N = 2: the priced rows are x_aa + x_ba ≤ 1 and x_bb + x_ab ≤ 1
  ASSERT_EQ(in.priced.size(), 2u);
  EXPECT_EQ(in.priced[0].name, "J:ann|bo.ann");
  EXPECT_EQ(in.priced[1].name, "J:bo|ann.bo");
  const Json again = write_roommates_json(in);
  const EquilibriumInstance back = read_roommates_json(JsonNode(again, "again"));
  EXPECT_EQ(back.agents[0].budget, in.agents[0].budget);
  EXPECT_EQ(back.agents[0].utility, in.agents[0].utility);
  EXPECT_EQ(back.agents[1].utility, in.agents[1].utility);
  EXPECT_EQ(back.candidate_prices, in.candidate_prices);
  EXPECT_EQ(write_roommates_json(back), again);
}

TEST(PmRoommatesRead, BadInputs) {
  EXPECT_EQ(fail_pointer(agents_doc(1)), "/agents");  // N = 1
  EXPECT_NE(fail_reason(agents_doc(1)).find("2 to 6 agents"), std::string::npos);
  EXPECT_EQ(fail_pointer(agents_doc(7)), "/agents");  // N = 7
  EXPECT_EQ(fail_pointer(agents_doc(6)), "<no error>");
  const std::string head = R"({"model":"pseudo_market","version":1,"kind":"roommates",)";
  const std::string two = R"("agents":[{"name":"1"},{"name":"2"}],)";
  // alpha ≠ 1
  EXPECT_EQ(fail_pointer(head + R"("alpha":"1/2",)" + two + R"("utilities":{"1":{},"2":{}}})"), "/alpha");
  EXPECT_EQ(fail_pointer(head + R"("alpha":"1",)" + two + R"("utilities":{"1":{},"2":{}}})"), "<no error>");
  // unknown agent, as a key and as a partner
  EXPECT_EQ(fail_pointer(head + two + R"("utilities":{"1":{},"2":{},"3":{}}})"), "/utilities/3");
  EXPECT_EQ(fail_pointer(head + two + R"("utilities":{"1":{"9":"1"},"2":{}}})"), "/utilities/1/9");
  // missing utilities: the whole field, or one agent
  EXPECT_EQ(fail_pointer(head + two + "\"name\":\"x\"}"), "/");
  EXPECT_NE(fail_reason(head + two + "\"name\":\"x\"}").find("utilities"), std::string::npos);
  EXPECT_EQ(fail_pointer(head + two + R"("utilities":{"1":{}}})"), "/utilities");
  // bad budget, duplicate agent, unknown field, unknown priced row, wrong kind
  EXPECT_EQ(fail_pointer(head + R"("agents":[{"name":"1","budget":"0"},{"name":"2"}],"utilities":{"1":{},"2":{}}})"),
            "/agents/0/budget");
  EXPECT_EQ(fail_pointer(head + R"("agents":[{"name":"1"},{"name":"1"}],"utilities":{"1":{}}})"), "/agents/1/name");
  EXPECT_EQ(fail_pointer(head + two + R"("utilities":{"1":{},"2":{}},"objects":[]})"), "/objects");
  EXPECT_EQ(fail_pointer(head + two + R"("utilities":{"1":{},"2":{}},"prices":{"unit:1":"1"}})"), "/prices/unit:1");
  EXPECT_EQ(fail_pointer(R"({"model":"pseudo_market","version":1,"kind":"bundles",)" + two +
                         R"("utilities":{"1":{},"2":{}}})"),
            "/kind");
}

// ------------------------------------------------------------------------------------ matchings

TEST(PmRoommatesHull, MatchingCounts) {
  // the number of matchings of n points (telephone numbers): 2, 4, 10, 26, 76 for n = 2..6
  // (t(n) = t(n−1) + (n−1)·t(n−2), t(0) = t(1) = 1)
  const int expected[] = {0, 0, 2, 4, 10, 26, 76};
  for (int n = 2; n <= 6; ++n) {
    const EquilibriumInstance in = parse(agents_doc(n));
    EXPECT_EQ(in.hull.size(), static_cast<std::size_t>(expected[n])) << n;
    std::set<std::vector<int>> got;
    for (std::vector<int> y : in.hull) {
      std::sort(y.begin(), y.end());
      got.insert(y);
    }
    EXPECT_EQ(got, involutions(n)) << n;  // the same points, none twice
  }
}

TEST(PmRoommatesRows, PricedRowCounts) {
  // N(2^{N−1} − 1) J rows + Σ_{odd k ≥ 3} C(N,k)·2^{k(k−1)/2} tournament rows:
  // N=2: 2 + 0; N=3: 9 + 8; N=4: 28 + 4·8 = 60; N=5: 75 + 10·8 + 1024 = 1179;
  // N=6: 186 + 20·8 + 6·1024 = 6490
  const std::size_t expected[] = {0, 0, 2, 17, 60, 1179, 6490};
  for (int n = 2; n <= 6; ++n) {
    const EquilibriumInstance in = parse(agents_doc(n));
    EXPECT_EQ(in.priced.size(), expected[n]) << n;
    std::set<std::string> names;
    for (const LinearRow& r : in.priced) {
      EXPECT_TRUE(names.insert(r.name).second) << r.name;
      std::set<int> owners;
      for (const auto& [c, a] : r.coef) owners.insert(c / n);
      EXPECT_GE(owners.size(), 2u) << r.name;  // Ω* rows touch ≥ 2 agents
    }
  }
}

// Every matching satisfies every row (Prop. 3, lcs(C) ⊆ D), so C ⊆ the row system.
TEST(PmRoommatesRows, MatchingsSatisfyEveryRow) {
  for (int n = 2; n <= 6; ++n) {
    const EquilibriumInstance in = parse(agents_doc(n));
    std::vector<LinearRow> rows = in.priced;
    for (const auto& r : in.individual) rows.insert(rows.end(), r.begin(), r.end());
    for (const auto& y : involutions(n)) {
      std::vector<int> x(n * n, 0);
      for (int c : y) x[c] = 1;
      for (const LinearRow& r : rows) {
        Rational s = 0;
        for (const auto& [c, a] : r.coef) s += a * x[c];
        EXPECT_LE(s, r.rhs) << r.name;
      }
    }
  }
}

// lcs(C) = the row system: for w ≥ 0, max over lcs(C) = max over C = max over the matchings, and
// max over the row system (exact LP) must equal it. 120 random w for N = 3 and 120 for N = 4, entries
// 0..12 with about a third zeros, plus 30 cases for N = 5.
TEST(PmRoommatesRows, SupportFunctionEqualsMatchings) {
  int cases = 0;
  for (int n = 3; n <= 5; ++n) {
    const EquilibriumInstance in = parse(agents_doc(n));
    const auto matchings = involutions(n);
    Random rng(1000 + n);
    const int runs = n == 5 ? 30 : 120;
    for (int t = 0; t < runs; ++t) {
      std::vector<Rational> w(n * n);
      for (auto& v : w) v = rng.bernoulli(1, 3) ? Rational(0) : Rational(rng.uniform_int(1, 12));
      if (t % 2 == 1)  // no value for staying alone, off-diagonal 6..12: the odd-set rows bind
        for (int c = 0; c < n * n; ++c) w[c] = c % (n + 1) == 0 ? Rational(0) : Rational(rng.uniform_int(6, 12));
      EXPECT_EQ(row_system_max(in, w), matching_max(matchings, w)) << "n=" << n << " t=" << t;
      ++cases;
    }
  }
  EXPECT_EQ(cases, 270);
}

// N = 5, w = 1 off the diagonal: a matching of 5 agents has at most 2 pairs, each giving x_ij + x_ji = 2,
// so the maximum is 4. Without the tournament rows on all five agents, x = 1/2 on both cells of
// every edge of the 5-cycle 1-2-3-4-5 would meet every J row (1/2 + 1/2) and triangle row (a
// triangle holds at most two cycle edges) with value 5.
TEST(PmRoommatesRows, FiveCycleNeedsTheFiveSetRows) {
  const int n = 5;
  const EquilibriumInstance in = parse(agents_doc(n));
  std::vector<Rational> w(n * n, Rational(1));
  for (int i = 0; i < n; ++i) w[i * n + i] = 0;
  EXPECT_EQ(row_system_max(in, w), Rational(4));
}

// Prop. 3's (F) rows left out are implied: for N = 4 every F ∈ 𝓕 (3^6 = 729 choices, one of none /
// (i,j) / (j,i) per pair), max Σ_F x over the row system is k_F, the maximum matching of G_F.
// k_F by hand: G_F on 4 vertices has a perfect matching (k = 2) iff it contains two disjoint edges
// ({12,34}, {13,24} or {14,23}); otherwise k = 1 if it has an edge, else F = ∅ (skipped).
TEST(PmRoommatesRows, EveryPropThreeFRowIsImplied) {
  const int n = 4;
  const EquilibriumInstance in = parse(agents_doc(n));
  std::vector<std::pair<int, int>> pairs;
  for (int a = 0; a < n; ++a)
    for (int b = a + 1; b < n; ++b) pairs.emplace_back(a, b);
  int checked = 0;
  for (int code = 1; code < 729; ++code) {
    std::vector<Rational> w(n * n, Rational(0));
    std::set<std::pair<int, int>> edges;
    for (int k = 0, c = code; k < 6; ++k, c /= 3) {
      const auto [a, b] = pairs[k];
      if (c % 3 == 1) w[a * n + b] = 1;
      if (c % 3 == 2) w[b * n + a] = 1;
      if (c % 3 != 0) edges.insert({a, b});
    }
    auto has = [&](int a, int b) { return edges.count({a, b}) > 0; };
    const bool perfect = (has(0, 1) && has(2, 3)) || (has(0, 2) && has(1, 3)) || (has(0, 3) && has(1, 2));
    EXPECT_EQ(row_system_max(in, w), Rational(perfect ? 2 : 1)) << code;
    ++checked;
  }
  EXPECT_EQ(checked, 728);
}

// No kept row is implied by the others (the comment (b) in roommates.cpp): dropping it, the LP
// max a·x over the remaining rows exceeds its rhs. N = 3 and 4.
TEST(PmRoommatesRows, EveryKeptRowIsAFacet) {
  for (int n = 3; n <= 4; ++n) {
    const EquilibriumInstance in = parse(agents_doc(n));
    for (int k = 0; k < static_cast<int>(in.priced.size()); ++k) {
      std::vector<Rational> a(n * n, Rational(0));
      for (const auto& [c, v] : in.priced[k].coef) a[c] = v;
      EXPECT_GT(row_system_max(in, a, k), in.priced[k].rhs) << in.priced[k].name;
    }
  }
}

// ------------------------------------------------------------------------------------ Example 1

// No stable matching. The four matchings and a blocking pair of each (i, j block when both strictly
// prefer each other to their current partner, staying alone = u_ii = 0):
//   all alone        : 1,2 block (u_12 = 1 > 0, u_21 = 2 > 0);
//   {1,2}, 3 alone   : 1,3 block (u_13 = 2 > u_12 = 1, u_31 = 1 > 0);
//   {1,3}, 2 alone   : 2,3 block (u_23 = 1 > 0, u_32 = 2 > u_31 = 1);
//   {2,3}, 1 alone   : 1,2 block (u_12 = 1 > 0, u_21 = 2 > u_23 = 1).
TEST(PmRoommatesExample1, NoStableMatching) {
  const EquilibriumInstance in = parse(kExample1);
  ASSERT_EQ(in.hull.size(), 4u);
  const std::map<std::vector<int>, std::pair<int, int>> blocking = {
      {{0, 4, 8}, {0, 1}}, {{1, 3, 8}, {0, 2}}, {{2, 4, 6}, {1, 2}}, {{0, 5, 7}, {0, 1}}};
  for (std::vector<int> y : in.hull) {
    std::sort(y.begin(), y.end());
    std::vector<int> partner(3);
    for (int c : y) partner[c / 3] = c % 3;
    auto u = [&](int i, int j) { return in.agents[i].utility[j]; };
    int blocks = 0;
    for (int i = 0; i < 3; ++i)
      for (int j = i + 1; j < 3; ++j)
        if (partner[i] != j && u(i, j) > u(i, partner[i]) && u(j, i) > u(j, partner[j])) ++blocks;
    EXPECT_GE(blocks, 1);
    ASSERT_EQ(blocking.count(y), 1u);
    const auto [i, j] = blocking.at(y);
    EXPECT_GT(u(i, j), u(i, partner[i]));
    EXPECT_GT(u(j, i), u(j, partner[j]));
  }
}

// The published prices: 2 on x_21 + x_13 + x_32 ≤ 1, 1 on x_12 + x_23 + x_31 ≤ 1. By hand,
// p_12 = 1, p_13 = 2, p_21 = 2, p_23 = 1, p_31 = 1, p_32 = 2 and p_ii = 0: the personal prices are
// the utilities. x ≡ 1/3 meets every row (3 cells of 1/3 each: every priced row of N = 3 has 3
// cells and rhs 1, so all are tight, in particular the two priced triangles), spends
// (0 + 1 + 2)/3 = 1 = β_i, and as u_i = p_i no bundle with Σ_j y_j ≤ 1 and p_i·y ≤ 1 gives more than 1.
TEST(PmRoommatesExample1, PublishedPricesAndAssignment) {
  const EquilibriumInstance in = parse(kExample1);
  const std::vector<Rational>& p = *in.candidate_prices;
  const std::vector<Rational> pp = in.personal_prices(p);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_EQ(pp[in.cell(i, j)], in.agents[i].utility[j]) << i << "," << j;
  const std::vector<Rational> budgets = in.budgets(p);
  const Rational third(1, 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(budgets[i], Rational(1));
    Rational spend = 0;
    for (int j = 0; j < 3; ++j) spend += pp[in.cell(i, j)] * third;
    EXPECT_EQ(spend, Rational(1));
    EXPECT_EQ(agent_value(in, i, pp, budgets[i]), Rational(1));
  }
  for (std::size_t k = 0; k < in.priced.size(); ++k) {
    Rational s = 0;
    for (const auto& [c, a] : in.priced[k].coef) s += a * third;
    EXPECT_EQ(s, in.priced[k].rhs) << in.priced[k].name;
  }
  // x ≡ 1/3 is the uniform lottery over the three pair matchings (each off-diagonal cell in one, each
  // diagonal cell in one): it lies in C
  int pair_matchings = 0;
  std::vector<int> hits(9, 0);
  for (const auto& y : in.hull)
    if (std::count_if(y.begin(), y.end(), [](int c) { return c % 4 == 0; }) == 1) {
      ++pair_matchings;
      for (int c : y) ++hits[c];
    }
  EXPECT_EQ(pair_matchings, 3);
  EXPECT_EQ(hits, std::vector<int>(9, 1));
}

// ------------------------------------------------------------------------------------ generator

TEST(PmRoommatesGenerator, SizesRangesAndDeterminism) {
  for (int n = 2; n <= 6; ++n)
    for (bool dich : {false, true}) {
      gen::PseudoMarketEqGenOptions o;
      o.kind = "roommates";
      o.agents = n;
      o.dichotomous = dich;
      const EquilibriumInstance in = gen::generate_pseudo_market_equilibrium(7 + n, o);
      EXPECT_EQ(in.kind, "roommates");
      ASSERT_EQ(in.num_agents(), n);
      for (int i = 0; i < n; ++i) {
        EXPECT_EQ(in.agents[i].name, std::to_string(i + 1));
        EXPECT_EQ(in.agents[i].budget, Rational(1));
        for (const Rational& u : in.agents[i].utility) {
          EXPECT_GE(u, Rational(0));
          EXPECT_LE(u, Rational(dich ? 1 : 9));
          EXPECT_EQ(boost::multiprecision::denominator(u), 1);
        }
      }
      // the same rows and matchings as the reader builds for the written document
      const Json doc = write_roommates_json(in);
      const EquilibriumInstance back = read_roommates_json(JsonNode(doc, "gen"));
      ASSERT_EQ(back.priced.size(), in.priced.size());
      for (std::size_t k = 0; k < in.priced.size(); ++k) {
        EXPECT_EQ(back.priced[k].name, in.priced[k].name);
        EXPECT_EQ(back.priced[k].coef, in.priced[k].coef);
      }
      EXPECT_EQ(back.hull, in.hull);
      for (int i = 0; i < n; ++i) EXPECT_EQ(back.agents[i].utility, in.agents[i].utility);
      // determinism
      const EquilibriumInstance again = gen::generate_pseudo_market_equilibrium(7 + n, o);
      for (int i = 0; i < n; ++i) EXPECT_EQ(again.agents[i].utility, in.agents[i].utility);
    }
}

TEST(PmRoommatesGenerator, BadOptions) {
  gen::PseudoMarketEqGenOptions o;
  o.kind = "roommates";
  for (int n : {-1, 0, 1, 7, 10}) {
    o.agents = n;
    EXPECT_THROW(gen::generate_pseudo_market_equilibrium(1, o), std::invalid_argument) << n;
  }
  o.agents = 3;
  o.alpha = "1/2";
  EXPECT_THROW(gen::generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
  o.alpha = "1";
  o.caps = 1;
  EXPECT_THROW(gen::generate_pseudo_market_equilibrium(1, o), std::invalid_argument);
}

}  // namespace
}  // namespace equilab::pseudo_market

namespace equilab::pseudo_market {
namespace {

// EMZ §5 Example 1 without the paper's prices: no stable matching exists, yet Theorem 1 promises a
// pseudo-market equilibrium over the 17 priced rows; tatonnement must certify one exactly, with a
// lottery over matchings and a certificate verify accepts. Which prices it finds is not fixed (the
// paper's are one choice among many), so only the claim of the theorem is asserted.
TEST(PmRoommatesExample1, TatonnementCertifiesAnEquilibrium) {
  EquilibriumInstance in = parse(kExample1);
  in.candidate_prices.reset();
  const EquilibriumResult r = solve_tatonnement(in, EquilibriumOptions{});
  ASSERT_EQ(r.status, EqStatus::Exact);
  ASSERT_FALSE(r.equilibria.empty());
  EXPECT_FALSE(r.equilibria.front().lottery.empty());
  EXPECT_TRUE(verify::check_equilibrium_certificate(in, r).valid);
}

}  // namespace
}  // namespace equilab::pseudo_market
