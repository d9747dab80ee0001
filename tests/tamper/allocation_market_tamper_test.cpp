// The tamper property for allocation_market results (tamper_driver.h): 0 accepted changes of a claim.
// The draw reaches every method (path, path --bisect, allocation-lp, ga-minmax, hungarian-bf,
// assignment-lp, dgs) and the {"ga_count": ...} instance.
#include "tamper/tamper_driver.h"

namespace equilab::testing {
namespace {

const bool configured = configure_property_runs();

// A small random market and one of the family's methods. The TU-only methods (hungarian-bf,
// assignment-lp, dgs) get a TU market with integer data.
TamperCase draw_case() {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const auto buyers = *rc::gen::inRange(1, 4), goods = *rc::gen::inRange(1, 5);
  const std::string method = *rc::gen::element<std::string>("", "bisect", "allocation-lp", "ga-minmax",
                                                            "hungarian-bf", "assignment-lp", "dgs");
  const bool tu_only = method == "hungarian-bf" || method == "assignment-lp" || method == "dgs";
  const bool tu = tu_only || *rc::gen::arbitrary<bool>(), path = *rc::gen::arbitrary<bool>();
  RC_TAG(method.empty() ? "path" : method);
  return {"allocation_market --seed " + std::to_string(seed) + " --buyers " + std::to_string(buyers) +
              " --goods " + std::to_string(goods) + (tu ? " --tu --integer" : "") + (path ? " --path" : ""),
          method == "bisect" ? "path" : method, method == "bisect" ? "--bisect" : ""};
}

// The {"ga_count": ...} instance has no generator: the same property on a written instance.
void tamper_ga_count(int m, int n, std::uint64_t mutation_seed, TamperCounts& counts) {
  ScratchDir dir;
  const std::string instance =
      dir.write("count.json", R"({"model":"allocation_market","version":1,"ga_count":{"buyers":)" +
                                  std::to_string(m) + R"(,"goods":)" + std::to_string(n) + "}}");
  const auto solved = run_equilab("solve " + instance + " --json");
  RC_ASSERT(solved.exit_code == 0);
  const Json result = Json::parse(solved.out);
  const std::string result_file = dir.write("result.json", solved.out);
  const auto original = run_equilab("verify " + instance + " " + result_file);
  if (original.exit_code != 0)
    RC_FAIL("verify rejects an unchanged ga_count result:\n" + original.out + original.err);
  const auto uncovered = uncovered_leaves("allocation_market", result);
  if (!uncovered.empty())
    RC_FAIL("no row of the allocation_market result-field table covers " + uncovered.front());
  ++counts.instances;
  std::mt19937_64 rng(mutation_seed);
  for (int k = 0; k < kMutationsPerInstance; ++k) {
    std::optional<Mutation> mut;
    for (int tries = 0; tries < 20 && !mut; ++tries) mut = random_mutation("allocation_market", result, rng);
    if (!mut) continue;
    ++counts.mutations;
    const auto v = run_equilab("verify " + instance + " " + dir.write("mutated.json", mut->document.dump(1)));
    const std::string what = mut->op + " at " + mut->pointer + " of the ga_count result for " +
                             std::to_string(m) + " buyers and " + std::to_string(n) + " goods";
    if (v.exit_code != 0 && v.exit_code != 1 && v.exit_code != 2)
      RC_FAIL("verify exits " + std::to_string(v.exit_code) + " on " + what + ":\n" + v.err);
    if (v.exit_code == 1) ++counts.rejected_invalid;
    if (v.exit_code == 2) ++counts.rejected_bad_input;
    if (v.exit_code != 0) continue;
    if (!mut->role) RC_FAIL("no row of the result-field table covers " + mut->pointer);
    if (*mut->role == verify::FieldRole::Informational) {
      ++counts.informational_accepted;
    } else if (*mut->role == verify::FieldRole::Certificate) {
      ++counts.certificate_accepted;
      ++counts.certificate_accepted_at[mut->pointer];
    } else {
      RC_FAIL("verify accepts a changed claim: " + what + "\nmutated result:\n" + mut->document.dump(1));
    }
  }
}

TEST(Tamper, AllocationMarket) {
  (void)configured;
  TamperCounts counts;
  const bool ok = rc::check("allocation_market: verify rejects every changed claim", [&] {
    // About one case in twelve is a GA-structure count (RapidCheck's ranges grow with its size
    // parameter, so the choice goes through a generator seeded by the draw).
    std::mt19937_64 pick(*rc::gen::arbitrary<std::uint64_t>());
    if (pick() % 12 == 0) {
      RC_TAG("ga_count");
      const int m = *rc::gen::inRange(1, 30), n = m + *rc::gen::inRange(0, 30);
      tamper_ga_count(m, n, *rc::gen::arbitrary<std::uint64_t>(), counts);
      return;
    }
    const TamperCase tc = draw_case();
    tamper_one("allocation_market", tc, *rc::gen::arbitrary<std::uint64_t>(), counts);
  });
  std::cout << mutation_summary("allocation_market", counts) << "\n";
  EXPECT_TRUE(ok);
  EXPECT_GT(counts.instances, 0);
}

}  // namespace
}  // namespace equilab::testing
