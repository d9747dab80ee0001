// RapidCheck properties of the efficiency certificates (EMZ 2022 Theorem 1) on random small
// assignment economies: n ∈ {2, 3} agents, L ∈ {2, 3} objects of supply 1, utilities in 0..6,
// allocate_all when n = L (at random), and x a random lottery (weights in sixths) over integral
// points of C. The integral points of C are the partial matchings (the full ones with
// allocate_all); by the bipartite (Birkhoff–von Neumann) structure they are the vertices of C, so
// C is also described by the hull of these points, which the hull variant uses.
//   - the certificate verifies;
//   - efficient: Σ θ u·x ≥ Σ θ u·y at every integral point y (independent of the duals), and the
//     certificate with the dual of unit:1 moved by +1/7 fails (Σ π b moves by 1/7);
//   - not efficient: the improvement with y replaced by x fails (nobody strictly better off);
//   - the row and hull descriptions of the same C agree on efficiency;
//   - the JSON form reads back to the same certificate.
// Runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N (tests/common/property_runs.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <functional>

#include "common/property_runs.h"
#include "core/json.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "efficiency_check.h"
#include "verify/pseudo_market_efficiency.h"

namespace equilab::pseudo_market {
namespace {

[[maybe_unused]] const bool kRuns = equilab::testing::configure_property_runs();

struct Drawn {
  EquilibriumInstance rows, hull;
  std::vector<Rational> x;
  std::vector<std::vector<int>> points;  // integral points of C, by their cells at 1
};

// Every partial matching (each agent at most one object, each object at most one agent); only the
// full ones when `full`.
std::vector<std::vector<int>> matchings(int n, int L, bool full) {
  std::vector<std::vector<int>> out;
  std::vector<int> cells;
  std::vector<bool> used(L, false);
  std::function<void(int)> go = [&](int i) {
    if (i == n) {
      out.push_back(cells);
      return;
    }
    if (!full) go(i + 1);  // agent i holds nothing
    for (int l = 0; l < L; ++l) {
      if (used[l]) continue;
      used[l] = true;
      cells.push_back(i * L + l);
      go(i + 1);
      cells.pop_back();
      used[l] = false;
    }
  };
  go(0);
  return out;
}

Drawn draw() {
  const int n = *rc::gen::inRange(2, 4), L = *rc::gen::inRange(2, 4);
  const bool allocate_all = n == L && *rc::gen::arbitrary<bool>();
  Drawn d;
  EquilibriumInstance& in = d.rows;
  in.allocate_all = allocate_all;
  for (int l = 0; l < L; ++l) in.objects.push_back({std::string(1, static_cast<char>('a' + l)), Rational(1)});
  for (int i = 0; i < n; ++i) {
    EquilibriumInstance::AgentData a;
    a.name = std::to_string(i + 1);
    a.endowment.assign(L, Rational(0));
    for (int l = 0; l < L; ++l) a.utility.push_back(Rational(*rc::gen::inRange(0, 7)));
    in.agents.push_back(std::move(a));
  }
  finish_equilibrium(in);
  d.points = matchings(n, L, allocate_all);
  d.hull = in;
  d.hull.hull = d.points;
  // x: six sixths placed on random points
  d.x.assign(in.num_cells(), Rational(0));
  const int m = static_cast<int>(d.points.size());
  for (int k = 0; k < 6; ++k)
    for (int c : d.points[*rc::gen::inRange(0, m)]) d.x[c] += Rational(1, 6);
  return d;
}

Rational weighted(const EquilibriumInstance& in, const std::vector<Rational>& theta,
                  const std::vector<int>& point) {
  const int L = in.num_objects();
  Rational s = 0;
  for (int c : point) s += theta[c / L] * in.agents[c / L].utility[c % L];
  return s;
}

verify::Verdict check(const EquilibriumInstance& in, const std::vector<Rational>& x,
                      const EfficiencyCertificate& c) {
  return testing::check_efficiency_of(in, x, c);
}

void check_one(const EquilibriumInstance& in, const Drawn& d, const EfficiencyCertificate& c) {
  RC_ASSERT(check(in, d.x, c).valid);
  if (c.efficient) {
    Rational at_x = 0;
    for (int i = 0; i < in.num_agents(); ++i)
      for (int l = 0; l < in.num_objects(); ++l)
        at_x += c.weights[i] * in.agents[i].utility[l] * d.x[in.cell(i, l)];
    for (const auto& y : d.points) RC_ASSERT(weighted(in, c.weights, y) <= at_x);
    if (!in.has_hull()) {
      EfficiencyCertificate bad = c;
      bad.row_duals[0] += Rational(1, 7);  // unit:1, rhs 1
      RC_ASSERT(!check(in, d.x, bad).valid);
    }
  } else {
    EfficiencyCertificate bad = c;
    bad.improvement = d.x;
    RC_ASSERT(!check(in, d.x, bad).valid);
  }
  const Json doc = parse_json_text(efficiency_json(in, c).dump(), "p");
  const EfficiencyCertificate back = read_efficiency_json(in, JsonNode(doc, "p"));
  RC_ASSERT(back.efficient == c.efficient);
  RC_ASSERT(back.weights == c.weights);
  RC_ASSERT(back.row_duals == c.row_duals);
  RC_ASSERT(back.improvement == c.improvement);
  RC_ASSERT(back.improvement_lottery == c.improvement_lottery);
}

RC_GTEST_PROP(PseudoMarketEfficiencyProperties, CertificatesVerify, ()) {
  const Drawn d = draw();
  const EfficiencyCertificate by_rows = efficiency_certificate(d.rows, d.x);
  const EfficiencyCertificate by_hull = efficiency_certificate(d.hull, d.x);
  check_one(d.rows, d, by_rows);
  check_one(d.hull, d, by_hull);
  RC_ASSERT(by_rows.efficient == by_hull.efficient);
  RC_TAG(by_rows.efficient ? "efficient" : "improvable");
}

}  // namespace
}  // namespace equilab::pseudo_market
