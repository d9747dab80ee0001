// RapidCheck properties of the allocation_market family (issue 7, "Generators and properties").
// Default: RapidCheck's 100 cases per property; EQUILAB_PROPERTY_RUNS=N runs N.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cstdlib>
#include <iostream>

#include "common/property_runs.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "market_helpers.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

AllocationMarket draw() { return test::draw_market(0x9e3779b97f4a7c15ULL); }

RC_GTEST_PROP(AllocationMarketProperties, PathEqualsAllocationLpAndBothVerify, ()) {
  const AllocationMarket m = draw();
  const MepResult path = solve_path(m);
  const MepResult lp = solve_allocation_lp(m);
  RC_ASSERT(path.certificate.prices == lp.certificate.prices);
  RC_ASSERT(verify::check_allocation_market_certificate(m, path.certificate).valid);
  RC_ASSERT(verify::check_allocation_market_certificate(m, lp.certificate).valid);
  // Events are ordered in z within each leg and prices at events respect reservations (Λ).
  for (std::size_t k = 1; k < path.events.size(); ++k)
    if (path.events[k].leg == path.events[k - 1].leg) RC_ASSERT(path.events[k - 1].z <= path.events[k].z);
}

// TU: path = Hungarian + Bellman–Ford = assignment LP (up to 6 buyers, 7 goods); all verify.
// On integer instances (values and reservations at the path end) also = the DGS auction; on
// the others the auction refuses.
RC_GTEST_PROP(AllocationMarketProperties, TuPathEqualsHungarianBellmanFord, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x9e3779b97f4a7c15ULL);
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 6));
  o.goods = static_cast<int>(sizes.uniform_int(0, 7));
  o.tu = true;
  o.integer = sizes.bernoulli(1, 2);
  o.path = sizes.bernoulli(1, 2);
  o.max_value = static_cast<int>(sizes.uniform_int(3, 20));
  RC_TAG(o.buyers, o.goods);
  const AllocationMarket m = gen::generate_allocation_market(seed, o);
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  const MepResult path = solve_path(m), hbf = solve_hungarian_bf(m);
  RC_ASSERT(path.certificate.prices == hbf.certificate.prices);
  RC_ASSERT(verify::check_allocation_market_certificate(m, hbf.certificate).valid);
  const MepResult alp = solve_assignment_lp(m);
  RC_ASSERT(alp.certificate.prices == path.certificate.prices);
  RC_ASSERT(verify::check_allocation_market_certificate(m, alp.certificate).valid);
  bool integer = true;
  for (int a = 0; a < m.num_buyers(); ++a)
    for (int i = 0; i < m.num_goods(); ++i)
      if (m.utility[a][i]) integer = integer && boost::multiprecision::denominator(m.value_to[a][i]) == 1;
  for (const Rational& r : m.reservation_to) integer = integer && boost::multiprecision::denominator(r) == 1;
  RC_TAG(integer ? "integer" : "fractional");
  if (!integer) {
    RC_ASSERT_THROWS_AS(solve_dgs(m), std::invalid_argument);
    return;
  }
  const MepResult dgs = solve_dgs(m);
  RC_ASSERT(dgs.certificate.prices == hbf.certificate.prices);
  RC_ASSERT(verify::check_allocation_market_certificate(m, dgs.certificate).valid);
}

// The path tracks the MEP: at every event on the instance's own path leg the prices equal
// allocation-lp's MEP of the market v(z) = (1−z)v⁰ + z·v¹, r(z) likewise (§4.2).
RC_GTEST_PROP(AllocationMarketProperties, EventPricesAreTheMepAtTheEvent, ()) {
  const AllocationMarket m = draw();
  RC_PRE(m.has_path);
  for (const auto& e : solve_path(m).events) {
    if (e.leg != "path") continue;
    AllocationMarket at = m;
    at.has_path = false;
    for (int a = 0; a < m.num_buyers(); ++a)
      for (int i = 0; i < m.num_goods(); ++i)
        if (m.utility[a][i]) {
          const Rational v = m.utility[a][i]->value + e.z * (m.value_to[a][i] - m.utility[a][i]->value);
          at.utility[a][i]->value = v;
          at.value_to[a][i] = v;
        }
    for (int i = 0; i < m.num_goods(); ++i) {
      at.goods[i].reservation = m.goods[i].reservation + e.z * (m.reservation_to[i] - m.goods[i].reservation);
      at.reservation_to[i] = at.goods[i].reservation;
    }
    RC_ASSERT(solve_allocation_lp(at).certificate.prices == e.prices);
  }
}

RC_GTEST_PROP(AllocationMarketProperties, CorruptedPriceIsRejected, ()) {
  const AllocationMarket m = draw();
  Certificate c = solve_path(m).certificate;
  const int g = *rc::gen::inRange(0, m.num_goods());
  c.prices[g] += Rational(*rc::gen::element(-1, 1), *rc::gen::inRange(1, 4));
  RC_ASSERT(!verify::check_allocation_market_certificate(m, c).valid);
}

// Demange–Gale lattice: raising one reservation price never lowers a component of the MEP.
RC_GTEST_PROP(AllocationMarketProperties, RaisingAReservationNeverLowersTheMep, ()) {
  AllocationMarket m = draw();
  std::vector<int> ordinary;
  for (int i = 0; i < m.num_goods(); ++i)
    if (!m.goods[i].null) ordinary.push_back(i);
  RC_PRE(!ordinary.empty());
  const AllocationMarket base = endpoint(m);
  AllocationMarket raised = base;
  const int g = *rc::gen::elementOf(ordinary);
  raised.goods[g].reservation += Rational(*rc::gen::inRange(1, 7), 2);
  raised.reservation_to[g] = raised.goods[g].reservation;
  const auto p0 = solve_path(base).certificate.prices, p1 = solve_path(raised).certificate.prices;
  for (int i = 0; i < m.num_goods(); ++i) RC_ASSERT(p1[i] >= p0[i]);
}

// Renaming buyers and goods (and reversing their order) changes no price.
RC_GTEST_PROP(AllocationMarketProperties, RenamingChangesNothing, ()) {
  const AllocationMarket m = draw();
  AllocationMarket r;
  r.has_path = m.has_path;
  const int nb = m.num_buyers(), ng = m.num_goods();
  for (int a = nb - 1; a >= 0; --a) r.buyers.push_back("B_" + m.buyers[a]);
  for (int i = ng - 1; i >= 0; --i)
    r.goods.push_back({"G_" + m.goods[i].name, m.goods[i].reservation, m.goods[i].null});
  r.utility.assign(nb, std::vector<std::optional<UtilityTerm>>(ng));
  r.value_to.assign(nb, std::vector<Rational>(ng));
  r.reservation_to.resize(ng);
  for (int a = 0; a < nb; ++a)
    for (int i = 0; i < ng; ++i) {
      r.utility[nb - 1 - a][ng - 1 - i] = m.utility[a][i];
      r.value_to[nb - 1 - a][ng - 1 - i] = m.value_to[a][i];
    }
  for (int i = 0; i < ng; ++i) r.reservation_to[ng - 1 - i] = m.reservation_to[i];
  const auto p = solve_path(m).certificate.prices, q = solve_path(r).certificate.prices;
  for (int i = 0; i < ng; ++i) RC_ASSERT(p[i] == q[ng - 1 - i]);
}

}  // namespace
}  // namespace equilab::homotopy
