// The tamper property for exchange_economy results (tamper_driver.h): 0 accepted changes of a claim.
// The draw reaches both methods with one good (the construction applies or fails at lemma-18,
// price-lp supported or violated at (c), Corollary 1 either way, a linear price or its Farkas
// certificate) and several goods (product and forced grids, (c) on vectors), groups of up to 3
// members, and §4.4.1's Leontief economy. The constructive stable states of generated economies
// never violate (a) or (b) or fail at lemma-21/23 (price_lp.cpp, constructive_price.cpp): those
// answers are covered by tests/economies/verify_claims_test.cpp.
#include "tamper/tamper_driver.h"

namespace equilab::testing {
namespace {

const bool configured = configure_property_runs();

// A small random instance and one of the family's methods.
TamperCase draw_case() {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const std::string method = *rc::gen::element<std::string>("", "constructive", "price-lp");
  if (*rc::gen::inRange(0, 10) == 0) {
    const auto types = *rc::gen::inRange(2, 5), max_size = *rc::gen::inRange(2, 4);
    return {"exchange_economy --seed " + std::to_string(seed) + " --leontief " + std::to_string(types) +
                " --min-size 1 --max-size " + std::to_string(max_size),
            method, ""};
  }
  // Sizes 1..3 with groups of 3 half the time: there the constructive state is unsupported (c)
  // about once in twenty and the construction fails at lemma-18 about once in ten.
  const auto types = *rc::gen::inRange(1, 5);
  const auto goods = *rc::gen::element(1, 1, 1, 2, 3);
  const auto min_size = *rc::gen::inRange(1, 4);
  const auto max_size = *rc::gen::inRange(std::max(min_size, 2), 4);
  const auto pieces = *rc::gen::inRange(1, 4);
  return {"exchange_economy --seed " + std::to_string(seed) + " --types " + std::to_string(types) +
              " --goods " + std::to_string(goods) + " --min-size " + std::to_string(min_size) +
              " --max-size " + std::to_string(max_size) + " --pieces " + std::to_string(pieces),
          method, ""};
}

TEST(Tamper, ExchangeEconomy) {
  (void)configured;
  TamperCounts counts;
  const bool ok = rc::check("exchange_economy: verify rejects every changed claim", [&] {
    const TamperCase tc = draw_case();
    tamper_one("exchange_economy", tc, *rc::gen::arbitrary<std::uint64_t>(), counts);
  });
  std::cout << mutation_summary("exchange_economy", counts) << "\n";
  EXPECT_TRUE(ok);
  EXPECT_GT(counts.instances, 0);
}

}  // namespace
}  // namespace equilab::testing
