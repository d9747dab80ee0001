// The tamper property for lp results (tamper_driver.h): 0 accepted changes of a claim.
#include "tamper/tamper_driver.h"

namespace equilab::testing {
namespace {

const bool configured = configure_property_runs();

// A small random instance of every kind and one of the exact methods (a "--arith double" result is
// never accepted by verify, so it has no place here: tests/lpio/lp_measures_test.cpp covers it).
// Sparse rows (density 1/2) give zero coefficients, empty rows and right-hand sides of 0.
TamperCase draw_case() {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const auto vars = *rc::gen::inRange(1, 7), cons = *rc::gen::inRange(1, 7);
  const std::string kind = *rc::gen::element<std::string>("general", "degenerate", "infeasible", "unbounded",
                                                          "equality", "bounded");
  const std::string density = *rc::gen::element<std::string>("1", "0.5");
  const std::string method = *rc::gen::element<std::string>("lpsolve-repair", "exact-simplex");
  return {"lp --seed " + std::to_string(seed) + " --vars " + std::to_string(vars) + " --cons " +
              std::to_string(cons) + " --kind " + kind + " --density " + density,
          method, ""};
}

TEST(Tamper, Lp) {
  (void)configured;
  TamperCounts counts;
  const bool ok = rc::check("lp: verify rejects every changed claim", [&] {
    const TamperCase tc = draw_case();
    tamper_one("lp", tc, *rc::gen::arbitrary<std::uint64_t>(), counts);
  });
  std::cout << mutation_summary("lp", counts) << "\n";
  EXPECT_TRUE(ok);
  EXPECT_GT(counts.instances, 0);
}

}  // namespace
}  // namespace equilab::testing
