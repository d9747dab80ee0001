// `path` on TU markets runs on scaled 64-bit integers (falling back to rationals on overflow);
// these tests hold it to the GMP-rational run event by event, check the fallback on values past
// 2^60, and check that the event price history reads back the full price vector of every event.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cstdlib>

#include "common/property_runs.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"

namespace equilab::homotopy {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

void expect_same_run(const MepResult& a, const MepResult& b) {
  RC_ASSERT(a.certificate.prices == b.certificate.prices);
  RC_ASSERT(a.certificate.allocation == b.certificate.allocation);
  RC_ASSERT(a.certificate.roots == b.certificate.roots);
  RC_ASSERT(a.events.size() == b.events.size());
  for (std::size_t k = 0; k < a.events.size(); ++k) {
    const PathEvent &x = a.events[k], &y = b.events[k];
    RC_ASSERT(x.leg == y.leg);
    RC_ASSERT(x.z == y.z);
    RC_ASSERT(x.type == y.type);
    RC_ASSERT(x.buyer == y.buyer);
    RC_ASSERT(x.from_good == y.from_good);
    RC_ASSERT(x.good == y.good);
    RC_ASSERT(x.prices == y.prices);
    RC_ASSERT(x.allocation_after == y.allocation_after);
  }
}

// TU markets (integer or 4-decimal data, with or without a path): the 64-bit run and the
// rational run take the same events at the same z and end at the same certificate.
RC_GTEST_PROP(PathArithmetic, TuIntegersAgreeWithRationals, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x2545f4914f6cdd1dULL);
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 7));
  o.goods = static_cast<int>(sizes.uniform_int(0, 8));
  o.tu = true;
  o.integer = sizes.bernoulli(1, 2);
  o.path = sizes.bernoulli(1, 2);
  o.max_value = static_cast<int>(sizes.uniform_int(3, 40));
  const AllocationMarket m = gen::generate_allocation_market(seed, o);
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  PathOptions rational;
  rational.rational_arithmetic = true;
  expect_same_run(solve_path(m), solve_path(m, rational));
}

// Every event's prices (read from the shared history) equal the full structure recorded at that
// event, which is priced directly.
RC_GTEST_PROP(PathArithmetic, EventPricesMatchTheRecordedStructures, ()) {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ 0x9e3779b97f4a7c15ULL);
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 6));
  o.goods = static_cast<int>(sizes.uniform_int(0, 7));
  o.tu = sizes.bernoulli(1, 2);
  o.integer = sizes.bernoulli(1, 2);
  o.path = sizes.bernoulli(1, 2);
  const AllocationMarket m = gen::generate_allocation_market(seed, o);
  PathOptions record;
  record.record_structures = true;
  for (const PathEvent& e : solve_path(m, record).events) {
    RC_ASSERT(e.structure_after.has_value());
    RC_ASSERT(e.prices == e.structure_after->prices);
    RC_ASSERT(e.prices.size() == static_cast<std::size_t>(m.num_goods()));
  }
}

// Values past 2^60 leave the 64-bit range: the run falls back to rationals and is still exact.
// The TU example of homotopy_test (a: x 10, y 4; b: x 8, y 6; MEP (2, 0) by hand) scaled by
// c = 2^70: every constraint is homogeneous, so the MEP is (2c, 0).
TEST(PathArithmetic, HugeTuValuesFallBackToRationals) {
  const Integer c = Integer(1) << 70;
  auto big = [&](int v) { return "\"" + (Integer(v) * c).str() + "\""; };
  const std::string text = R"({"model":"allocation_market","version":1,"buyers":["a","b"],
   "goods":[{"name":"x","reservation":0},{"name":"y","reservation":0},{"name":"o1","null":true},{"name":"o2","null":true}],
   "utility":{"a":{"x":{"value":)" +
                           big(10) + R"(},"y":{"value":)" + big(4) + R"(},"o1":{"value":0},"o2":{"value":0}},
              "b":{"x":{"value":)" +
                           big(8) + R"(},"y":{"value":)" + big(6) +
                           R"(},"o1":{"value":0},"o2":{"value":0}}}})";
  Json root = parse_json_text(text, "big.json");
  const AllocationMarket m = read_allocation_market_json(JsonNode(root, "big.json"));
  const MepResult r = solve_path(m);
  EXPECT_EQ(r.certificate.prices[0], Rational(Integer(2 * c)));
  EXPECT_EQ(r.certificate.prices[1], Rational(0));
  const auto v = verify::check_allocation_market_certificate(m, r.certificate);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures[0]);
  PathOptions rational;
  rational.rational_arithmetic = true;
  const MepResult q = solve_path(m, rational);
  ASSERT_EQ(r.events.size(), q.events.size());
  for (std::size_t k = 0; k < r.events.size(); ++k) EXPECT_EQ(r.events[k].z, q.events[k].z);
}

}  // namespace
}  // namespace equilab::homotopy
