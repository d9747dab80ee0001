// Kind `roommates` of the task equilibrium (EMZ 2022 §5): the objects are the agents themselves,
// x_ij = 1 means that i and j share a room, x_ii = 1 that i stays alone. C is the convex hull of the
// matchings (as symmetric 0/1 matrices with the unmatched agents on the diagonal).
//
// The rows of lcs(C). EMZ Prop. 3 describes lcs(C) by
//   (F)  Σ_{(i,j)∈F} x_ij ≤ k_F for every F ∈ 𝓕 (off-diagonal cells, never both (i,j) and (j,i)),
//        k_F = the maximum matching size of the undirected graph G_F of F;
//   (J)  Σ_{(i',j')∈J} x_i'j' ≤ 1 for every i and J ∈ 𝒥_i ((i,i) and, for every j ≠ i, exactly one of
//        (i,j), (j,i)).
// |𝓕| = 3^{N(N−1)/2}, so the rows built here are a subsystem, and it is exactly the facets:
//
// (a) The subsystem describes lcs(C). A point y ∈ C is y_ij = y_ji = z_{ij} for a point z of the
//     matching polytope of K_N, with y_ii = 1 − Σ_{j≠i} z_ij. Hence x ≥ 0 lies in lcs(C) iff some such
//     z has z_ij ≥ max(x_ij, x_ji) and x_ii ≤ 1 − Σ_j z_ij. The matching polytope is down-closed, so
//     the smallest choice z_ij = max(x_ij, x_ji) may be taken, and by Edmonds (1965) (cited in EMZ §5)
//     it lies in the matching polytope iff its degrees are ≤ 1 and z(E(S)) ≤ (|S| − 1)/2 for every
//     odd S ⊆ I with |S| ≥ 3. Writing each max as "every choice of one of the two cells":
//       x_ii + Σ_{j≠i} max(x_ij, x_ji) ≤ 1      ⇔ the (J) rows of agent i (degree ≤ 1 follows, x ≥ 0);
//       Σ_{{i,j}⊆S} max(x_ij, x_ji) ≤ (|S|−1)/2 ⇔ for every tournament T on S (one orientation of each
//                                                  pair), Σ_{(i,j)∈T} x_ij ≤ (|S|−1)/2.
//     A tournament on an odd S is an F ∈ 𝓕 with k_F = (|S|−1)/2 (the proof of Prop. 3 uses exactly
//     these F). Every other (F) row is valid on lcs(C) (Prop. 3), hence implied by the rows kept.
// (b) No kept row is implied by the others. A row a·x ≤ b is implied by a system A x ≤ c, x ≥ 0
//     iff λ ≥ 0 exists with λA ≥ a and λc ≤ b (LP duality). Every row has rhs ≥ 1.
//     A (J) row of agent i: a_ii = 1 = b, and only the (J) rows of i and unit:i have a coefficient on
//     (i,i), so λ puts total weight 1 on these and nothing elsewhere; for every j ≠ i the weight on
//     those holding the row's cell of the pair {i,j} must be 1, so all of it sits on rows agreeing
//     with the row on every pair: the row itself.
//     A tournament row T on S (|S| = 2r + 1, rhs r) has r(2r + 1) cells, 2r + 1 per unit of rhs.
//     Summing λA ≥ a over the cells of T, Σ λ_k·(cells of T in row k) ≥ r(2r + 1) ≥ (2r + 1)·λc, while
//     every other row holds fewer than 2r + 1 cells of T per unit of its rhs: a (J) row or unit row
//     at most 2r; a tournament on S' ≠ S (|S'| = 2r' + 1) at most t(t − 1)/2 cells (t = |S ∩ S'|),
//     which is < (2r + 1)·r' (t ≤ 2r' if |S'| ≤ |S|; t ≤ 2r + 1 and r' > r otherwise); another
//     tournament on S misses a cell of T. So no λ exists. (The tests check (b) by one exact LP per
//     row for N = 3, 4.) lcs(C) is full-dimensional, so the kept rows are its facets besides x ≥ 0.
//
// Counts: the (J) rows whose cells are all (i, j) are the unit rows Σ_j x_ij ≤ 1, individual (EMZ
// Remark 1); the other N(2^{N−1} − 1) are priced, with Σ_{odd k≥3} C(N,k)·2^{k(k−1)/2} tournament
// rows: 17, 60, 1179, 6490 priced rows for N = 3, 4, 5, 6.
//
// Row names: a cell (i, j) is written "ij" when every agent name is one character, else "i.j";
// "J:<i>|<the off-diagonal cells, by partner j>" (the row adds x_ii) and "F:<cells in cell order>".
// EMZ Example 1's rows x_21 + x_13 + x_32 ≤ 1 and x_12 + x_23 + x_31 ≤ 1 are "F:13,21,32" and
// "F:12,23,31".
#include <algorithm>
#include <bit>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {

namespace {

constexpr int kMinAgents = 2, kMaxAgents = 6;

// The matchings of {0..n−1}: the first free agent stays alone or pairs with a later free one.
void add_matchings(int n, std::vector<int>& partner, std::vector<std::vector<int>>& out) {
  int i = 0;
  while (i < n && partner[i] >= 0) ++i;
  if (i == n) {
    std::vector<int> cells;
    for (int a = 0; a < n; ++a) cells.push_back(a * n + partner[a]);
    out.push_back(std::move(cells));
    return;
  }
  partner[i] = i;
  add_matchings(n, partner, out);
  for (int j = i + 1; j < n; ++j)
    if (partner[j] < 0) {
      partner[i] = j;
      partner[j] = i;
      add_matchings(n, partner, out);
      partner[j] = -1;
    }
  partner[i] = -1;
}

}  // namespace

// Builds a roommates instance (kind roommates, α = 1, no endowments) from the agents' names,
// utilities u[i][j] (j = i: staying alone) and budgets: the unit rows, the priced rows above and the
// matchings. Shared by read_roommates_json and the generator. Throws std::invalid_argument when
// N ∉ [2, 6] or the sizes disagree.
EquilibriumInstance build_roommates(const std::string& name, const std::vector<std::string>& names,
                                    const std::vector<std::vector<Rational>>& utilities,
                                    const std::vector<Rational>& budgets) {
  const int n = static_cast<int>(names.size());
  if (n < kMinAgents || n > kMaxAgents)
    throw std::invalid_argument("roommates needs 2 to 6 agents, not " + std::to_string(n));
  if (static_cast<int>(utilities.size()) != n || static_cast<int>(budgets.size()) != n)
    throw std::invalid_argument("roommates: one utility row and one budget per agent");
  EquilibriumInstance in;
  in.name = name;
  in.kind = "roommates";
  in.alpha = 1;
  for (int i = 0; i < n; ++i) {
    if (static_cast<int>(utilities[i].size()) != n)
      throw std::invalid_argument("roommates: a utility for every partner of agent " + names[i]);
    if (budgets[i] <= 0) throw std::invalid_argument("roommates: budgets must be positive");
    EquilibriumInstance::AgentData a;
    a.name = names[i];
    a.budget = budgets[i];
    a.endowment.assign(n, Rational(0));
    a.utility = utilities[i];
    in.agents.push_back(std::move(a));
    in.objects.push_back({names[i], Rational(1)});
  }

  bool short_names = true;
  for (const std::string& s : names) short_names = short_names && s.size() == 1;
  auto token = [&](int cell) {
    const std::string& a = names[cell / n];
    const std::string& b = names[cell % n];
    return short_names ? a + b : a + "." + b;
  };
  auto list = [&](const std::vector<int>& cells) {
    std::string s;
    for (int c : cells) s += (s.empty() ? "" : ",") + token(c);
    return s;
  };
  auto make_row = [](std::string row_name, std::vector<int> cells, int rhs) {
    std::sort(cells.begin(), cells.end());
    LinearRow row{std::move(row_name), {}, Rational(rhs), false};
    for (int c : cells) row.coef.emplace_back(c, Rational(1));
    return row;
  };

  // X_i: unit demand, Σ_j x_ij ≤ 1 (the (J) row of i taking every (i, j)).
  in.individual.assign(n, {});
  for (int i = 0; i < n; ++i) {
    std::vector<int> cells;
    for (int j = 0; j < n; ++j) cells.push_back(i * n + j);
    in.individual[i].push_back(make_row("unit:" + names[i], cells, 1));
  }

  // (J) rows touching ≥ 2 agents: bit k of `flip` takes (j, i) instead of (i, j) for the k-th j ≠ i.
  for (int i = 0; i < n; ++i)
    for (int flip = 1; flip < (1 << (n - 1)); ++flip) {
      std::vector<int> off;
      for (int j = 0, k = 0; j < n; ++j) {
        if (j == i) continue;
        off.push_back((flip >> k & 1) ? j * n + i : i * n + j);
        ++k;
      }
      std::vector<int> cells = off;
      cells.push_back(i * n + i);
      in.priced.push_back(make_row("J:" + names[i] + "|" + list(off), cells, 1));
    }

  // Tournament rows on every odd S, |S| ≥ 3, by size, then S as a bit set, then orientation.
  for (int size = 3; size <= n; size += 2)
    for (int set = 0; set < (1 << n); ++set) {
      if (std::popcount(static_cast<unsigned>(set)) != size) continue;
      std::vector<std::pair<int, int>> pairs;
      for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b)
          if ((set >> a & 1) && (set >> b & 1)) pairs.emplace_back(a, b);
      const int m = static_cast<int>(pairs.size());
      for (long orient = 0; orient < (1L << m); ++orient) {
        std::vector<int> cells;
        for (int k = 0; k < m; ++k) {
          const auto [a, b] = pairs[k];
          cells.push_back((orient >> k & 1) ? b * n + a : a * n + b);
        }
        std::sort(cells.begin(), cells.end());
        in.priced.push_back(make_row("F:" + list(cells), cells, (size - 1) / 2));
      }
    }

  std::set<std::string> seen;
  for (const LinearRow& row : in.priced)
    if (!seen.insert(row.name).second)
      throw std::invalid_argument("roommates: the agent names give two rows the name \"" + row.name +
                                  "\" (use names without '.')");

  std::vector<int> partner(n, -1);
  add_matchings(n, partner, in.hull);
  return in;
}

EquilibriumInstance read_roommates_json(const JsonNode& root) {
  root.expect_model("pseudo_market");
  if (auto task = root.find("task"); task && task->as_string() != "equilibrium")
    task->fail("expected task \"equilibrium\"");
  root.expect_object({"model", "version", "name", "task", "kind", "alpha", "agents", "utilities", "prices"});
  const JsonNode kind = root.at("kind");
  if (kind.as_string() != "roommates") kind.fail("expected kind \"roommates\"");
  std::string name;
  if (auto n = root.find("name")) name = n->as_string();
  if (auto a = root.find("alpha")) {
    const Rational alpha = a->as_rational();
    if (alpha != 1)
      a->fail("kind roommates supports only alpha 1 (fiat budgets, EMZ §5), not " + equilab::to_string(alpha));
  }

  const JsonNode agents = root.at("agents");
  NameIndex aidx("agent");
  std::vector<std::string> names;
  std::vector<Rational> budgets;
  for (const JsonNode& a : agents.elements()) {
    a.expect_object({"name", "budget"});
    const JsonNode nm = a.at("name");
    aidx.add(nm);
    names.push_back(nm.as_string());
    Rational b = 1;
    if (auto bn = a.find("budget")) {
      b = bn->as_rational();
      if (b <= 0) bn->fail("budget must be positive, not " + equilab::to_string(b));
    }
    budgets.push_back(b);
  }
  const int n = static_cast<int>(names.size());
  if (n < kMinAgents || n > kMaxAgents)
    agents.fail("kind roommates needs 2 to 6 agents (the priced rows grow as 2^{N(N-1)/2}), not " +
                std::to_string(n));

  const JsonNode utilities = root.at("utilities");
  std::vector<std::vector<Rational>> u(n, std::vector<Rational>(n, Rational(0)));
  std::vector<bool> listed(n, false);
  for (const auto& [aname, row] : utilities.members()) {
    const int i = aidx.at(aname, row);
    listed[i] = true;
    for (const auto& [jname, v] : row.members()) u[i][aidx.at(jname, v)] = v.as_rational();
  }
  for (int i = 0; i < n; ++i)
    if (!listed[i]) utilities.fail("no utilities for agent \"" + names[i] + "\"");

  EquilibriumInstance in;
  try {
    in = build_roommates(name, names, u, budgets);
  } catch (const std::invalid_argument& e) {
    agents.fail(e.what());
  }
  if (auto p = root.find("prices")) in.candidate_prices = read_prices(in, *p);
  return in;
}

Json write_roommates_json(const EquilibriumInstance& in) {
  Json j;
  j["model"] = "pseudo_market";
  j["version"] = 1;
  if (!in.name.empty()) j["name"] = in.name;
  j["task"] = "equilibrium";
  j["kind"] = "roommates";
  j["alpha"] = equilab::to_string(in.alpha);
  Json agents = Json::array(), utilities = Json::object();
  for (const auto& a : in.agents) {
    agents.push_back({{"name", a.name}, {"budget", equilab::to_string(a.budget)}});
    Json row = Json::object();
    for (int l = 0; l < in.num_objects(); ++l)
      if (a.utility[l] != 0) row[in.objects[l].name] = equilab::to_string(a.utility[l]);
    utilities[a.name] = row;
  }
  j["agents"] = agents;
  j["utilities"] = utilities;
  if (in.candidate_prices) {
    // only the positive prices: the priced rows are many (omitted = 0 when read back)
    Json p = Json::object();
    for (std::size_t c = 0; c < in.priced.size(); ++c)
      if ((*in.candidate_prices)[c] != 0) p[in.priced[c].name] = equilab::to_string((*in.candidate_prices)[c]);
    j["prices"] = p;
  }
  return j;
}

}  // namespace equilab::pseudo_market
