// The tamper property for interim results (tamper_driver.h): 0 accepted changes of a claim.
#include "tamper/tamper_driver.h"

namespace equilab::testing {
namespace {

const bool configured = configure_property_runs();

// A small random instance of every outcome kind (independent or joint prior, with or without
// weights, a feasible, boundary or outside point) and a method that applies to it: greedy only
// where it has an optimiser (multiunit, ranked_quota, 2-player matching), so no draw is wasted.
// |Z| stays <= 12 (at most 4,095 test sets) to keep border and verify quick.
TamperCase draw_case() {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const std::string kind =
      *rc::gen::element<std::string>("explicit", "knapsack", "multiunit", "ranked_quota", "matching");
  const bool multi_object = kind == "explicit" || kind == "matching";
  const int players = multi_object ? 2 : *rc::gen::inRange(2, 5);
  const int types = *rc::gen::inRange(1, 4);
  const std::string point = *rc::gen::element<std::string>("feasible", "boundary", "outside");
  const bool weights = *rc::gen::arbitrary<bool>();
  const bool joint = *rc::gen::arbitrary<bool>();
  const bool greedy = kind == "multiunit" || kind == "ranked_quota" || (kind == "matching" && players == 2);
  const std::string method = greedy ? *rc::gen::element<std::string>("lp", "border", "greedy")
                                    : *rc::gen::element<std::string>("lp", "border");
  return {"interim --seed " + std::to_string(seed) + " --kind " + kind + " --players " +
              std::to_string(players) + " --types " + std::to_string(types) + " --point " + point +
              (weights ? " --weights" : "") + (joint ? " --joint" : ""),
          method, ""};
}

TEST(Tamper, Interim) {
  (void)configured;
  TamperCounts counts;
  const bool ok = rc::check("interim: verify rejects every changed claim", [&] {
    const TamperCase tc = draw_case();
    tamper_one("interim", tc, *rc::gen::arbitrary<std::uint64_t>(), counts);
  });
  std::cout << mutation_summary("interim", counts) << "\n";
  EXPECT_TRUE(ok);
  EXPECT_GT(counts.instances, 0);
}

}  // namespace
}  // namespace equilab::testing
