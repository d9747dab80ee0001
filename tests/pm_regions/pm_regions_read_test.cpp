// Reading "regions" (EMZ 2022 §4.3): the partition, the integer quotas and EMZ's assumptions
// Σ_l q_l ≥ N ≥ Σ_k q̲_{R_k}; errors name the JSON pointer. Also the random regions of the generator.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>

#include "core/error.h"
#include "core/json.h"
#include "generators/pseudo_market_eq_generator.h"
#include "pm_regions_util.h"
#include "pseudo_market/equilibrium_json.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {
namespace {

using regions_test::make_instance;

// Reads `regions_text` (the value of "regions") into `in`.
void read(EquilibriumInstance& in, const std::string& regions_text) {
  const Json doc = parse_json_text(R"({"regions":)" + regions_text + "}", "regions.json");
  const JsonNode root(doc, "regions.json");
  read_regions(in, root.at("regions"));
}

// The error of reading `regions_text` into 3 agents and objects a (1), b (2), c (1).
InputError read_error(const std::string& regions_text, int agents = 3) {
  EquilibriumInstance in = make_instance(agents, {1, 2, 1});
  try {
    read(in, regions_text);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for " << regions_text;
  return InputError("", "", "");
}

void expect_error(const std::string& regions_text, const std::string& pointer, const std::string& part,
                  int agents = 3) {
  SCOPED_TRACE(regions_text);
  const InputError e = read_error(regions_text, agents);
  EXPECT_EQ(e.file(), "regions.json");
  EXPECT_EQ(e.location(), pointer);
  EXPECT_NE(e.reason().find(part), std::string::npos) << e.reason();
}

TEST(PmRegionsRead, ReadsAPartition) {
  EquilibriumInstance in = make_instance(3, {1, 2, 1});
  read(in, R"([{"name":"north","objects":["c","a"],"floor":"1","ceiling":"2"},
               {"name":"south","objects":["b"],"floor":"0","ceiling":"3"}])");
  ASSERT_EQ(in.regions.size(), 2u);
  EXPECT_EQ(in.regions[0].name, "north");
  EXPECT_EQ(in.regions[0].objects, (std::vector<int>{2, 0}));
  EXPECT_EQ(in.regions[0].floor, Rational(1));
  EXPECT_EQ(in.regions[0].ceiling, Rational(2));
  EXPECT_EQ(in.regions[1].objects, (std::vector<int>{1}));
  EXPECT_EQ(in.regions[1].ceiling, Rational(3));
  // Written back as read.
  const Json back = regions_json(in);
  EXPECT_EQ(back, Json::parse(R"([{"name":"north","objects":["c","a"],"floor":"1","ceiling":"2"},
                                  {"name":"south","objects":["b"],"floor":"0","ceiling":"3"}])"));
}

TEST(PmRegionsRead, PartitionErrors) {
  // b in two regions: the second mention is blamed.
  expect_error(R"([{"name":"r","objects":["a","b"],"floor":"0","ceiling":"1"},
                   {"name":"s","objects":["b","c"],"floor":"0","ceiling":"1"}])",
               "/regions/1/objects/0", "already in region \"r\"");
  expect_error(R"([{"name":"r","objects":["a","a"],"floor":"0","ceiling":"1"}])", "/regions/0/objects/1",
               "duplicate object \"a\"");
  // c in no region.
  expect_error(R"([{"name":"r","objects":["a","b"],"floor":"0","ceiling":"1"}])", "/regions",
               "object \"c\" is in no region");
  expect_error(R"([{"name":"r","objects":["a","z"],"floor":"0","ceiling":"1"}])", "/regions/0/objects/1",
               "unknown object \"z\"");
  expect_error(R"([{"name":"r","objects":[],"floor":"0","ceiling":"1"},
                   {"name":"s","objects":["a","b","c"],"floor":"0","ceiling":"1"}])",
               "/regions/0/objects", "empty objects list");
  expect_error("[]", "/regions", "empty regions list");
  expect_error(R"([{"name":"r","objects":["a"],"floor":"0","ceiling":"1"},
                   {"name":"r","objects":["b","c"],"floor":"0","ceiling":"1"}])",
               "/regions/1/name", "duplicate region name \"r\"");
  expect_error(R"([{"name":"","objects":["a","b","c"],"floor":"0","ceiling":"1"}])", "/regions/0/name",
               "empty region name");
  expect_error(R"([{"name":"r+s","objects":["a","b","c"],"floor":"0","ceiling":"1"}])", "/regions/0/name",
               "must not contain '+'");
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"0","ceiling":"1","supply":"2"}])",
               "/regions/0/supply", "unknown field");
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"0"}])", "/regions/0",
               "missing required field \"ceiling\"");
}

TEST(PmRegionsRead, QuotaErrors) {
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"1/2","ceiling":"1"}])", "/regions/0/floor",
               "non-negative integer, not 1/2");
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"0","ceiling":"-1"}])", "/regions/0/ceiling",
               "non-negative integer, not -1");
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"2","ceiling":"1"}])", "/regions/0/ceiling",
               "below its floor 2");
  // Region {a} has supply 1: a floor of 2 cannot be met.
  expect_error(R"([{"name":"r","objects":["a"],"floor":"2","ceiling":"2"},
                   {"name":"s","objects":["b","c"],"floor":"0","ceiling":"3"}])",
               "/regions/0/floor", "exceeds the supply of its objects 1");
  // Σ floors = 2 + 2 = 4 > N = 3 (each floor within its region's supply 1 + 2 = 3 and 1).
  expect_error(R"([{"name":"r","objects":["a","b"],"floor":"2","ceiling":"3"},
                   {"name":"s","objects":["c"],"floor":"1","ceiling":"1"}])",
               "/regions", "floors sum to 3", 2);
  // Σ q = 1 + 2 + 1 = 4 < N = 5.
  expect_error(R"([{"name":"r","objects":["a","b","c"],"floor":"0","ceiling":"4"}])", "/regions",
               "supplies sum to 4 < 5 agents", 5);
}

TEST(PmRegionsRead, EdgeOfTheAssumptionsIsAccepted) {
  // Σ q = 4 = N and Σ floors = 4 = N, each floor equal to its region's supply.
  EquilibriumInstance in = make_instance(4, {1, 2, 1});
  read(in, R"([{"name":"r","objects":["a","b"],"floor":"3","ceiling":"3"},
               {"name":"s","objects":["c"],"floor":"1","ceiling":"5"}])");
  EXPECT_EQ(in.regions.size(), 2u);
}

TEST(PmRegionsRead, NotWithConstraintsOrAllocateAll) {
  EquilibriumInstance in = make_instance(3, {1, 2, 1});
  in.allocate_all = true;
  EXPECT_THROW(read(in, R"([{"name":"r","objects":["a","b","c"],"floor":"0","ceiling":"3"}])"), InputError);
  in = make_instance(3, {1, 2, 1});
  EquilibriumInstance::UserRow u;
  u.name = "cap";
  u.row = {"cap", {{0, Rational(1)}, {3, Rational(1)}}, Rational(1), false};
  in.user.push_back(u);
  EXPECT_THROW(read(in, R"([{"name":"r","objects":["a","b","c"],"floor":"0","ceiling":"3"}])"), InputError);
}

// add_random_regions: a partition into r non-empty regions with integer quotas meeting EMZ's
// assumptions and each floor within its ceiling and its region's supply; the same seed gives the
// same regions; what it writes reads back.
// Draws N ≤ 5 agents, L ≤ 5 objects with supplies 1..3 (topped up so that Σ q ≥ N) and 1..L
// random regions.
EquilibriumInstance draw(std::uint64_t seed, std::vector<int>& supplies) {
  Random rng(seed);
  const int n = static_cast<int>(rng.uniform_int(1, 5));
  const int L = static_cast<int>(rng.uniform_int(1, 5));
  supplies.assign(L, 0);
  int total = 0;
  for (int& q : supplies) total += q = static_cast<int>(rng.uniform_int(1, 3));
  if (total < n) supplies[0] += n - total;
  EquilibriumInstance in = make_instance(n, supplies);
  gen::add_random_regions(rng, in, static_cast<int>(rng.uniform_int(1, L)));
  return in;
}

TEST(PmRegionsGenerator, RandomRegionsMeetTheAssumptions) {
  int with_floor = 0, tight_ceiling = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::vector<int> supplies;
    const EquilibriumInstance in = draw(seed, supplies);
    const int n = in.num_agents(), L = in.num_objects();
    ASSERT_FALSE(in.regions.empty());
    ASSERT_LE(static_cast<int>(in.regions.size()), L);
    std::set<int> seen;
    Rational floors = 0;
    for (const auto& region : in.regions) {
      EXPECT_FALSE(region.objects.empty());
      Rational supply = 0;
      for (int l : region.objects) {
        EXPECT_TRUE(seen.insert(l).second);
        supply += supplies[l];
      }
      EXPECT_GE(region.floor, 0);
      EXPECT_LE(region.floor, region.ceiling);
      EXPECT_LE(region.floor, supply);
      EXPECT_EQ(boost::multiprecision::denominator(region.floor), 1);
      EXPECT_EQ(boost::multiprecision::denominator(region.ceiling), 1);
      floors += region.floor;
      with_floor += region.floor > 0;
      tight_ceiling += region.ceiling < supply;
    }
    EXPECT_EQ(static_cast<int>(seen.size()), L);
    EXPECT_LE(floors, n);

    std::vector<int> supplies_again;
    EXPECT_EQ(regions_json(draw(seed, supplies_again)), regions_json(in));

    EquilibriumInstance back = make_instance(n, supplies);
    read(back, regions_json(in).dump());
    EXPECT_EQ(regions_json(back), regions_json(in));
  }
  // The draws reach both kinds of quota.
  EXPECT_GT(with_floor, 100);
  EXPECT_GT(tight_ceiling, 50);
}

TEST(PmRegionsGenerator, BadArguments) {
  Random rng(1);
  EquilibriumInstance in = make_instance(2, {1, 1});
  EXPECT_THROW(gen::add_random_regions(rng, in, 3), std::invalid_argument);
  EXPECT_THROW(gen::add_random_regions(rng, in, 0), std::invalid_argument);
  EquilibriumInstance few = make_instance(3, {1, 1});  // Σ q = 2 < N = 3
  EXPECT_THROW(gen::add_random_regions(rng, few, 1), std::invalid_argument);
}

// Through the instance reader: the rows of Ω* and the floors of a document with "regions", and the
// regions written back. N = 3; a (1), b (2), c (2); north = {a, c} [1, 2], south = {b} [1, 3].
// q̄_north = min(2, 3 − 1) = 2 < min(N, q_a + q_c) = min(3, 3): kept (≤ 2).
// q̄_south = min(3, 3 − 1) = 2 ≥ q_b = 2: left out. Union: min(2 + 2, 3) = 3 ≥ N: left out.
TEST(PmRegionsRead, ThroughTheInstanceReader) {
  const std::string text = R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment",
    "agents":[{"name":"1"},{"name":"2"},{"name":"3"}],
    "objects":[{"name":"a","supply":"1"},{"name":"b","supply":"2"},{"name":"c","supply":"2"}],
    "utilities":{"1":{"a":"3"},"2":{"b":"1"},"3":{"c":"2"}},
    "regions":[{"name":"north","objects":["a","c"],"floor":"1","ceiling":"2"},
               {"name":"south","objects":["b"],"floor":"1","ceiling":"3"}]})";
  const Json doc = parse_json_text(text, "doc.json");
  const EquilibriumInstance in = read_equilibrium_json(JsonNode(doc, "doc.json"));
  std::vector<std::string> priced;
  for (const LinearRow& row : in.priced) priced.push_back(row.name);
  EXPECT_EQ(priced, (std::vector<std::string>{"supply:a", "supply:b", "supply:c", "region:north"}));
  EXPECT_EQ(in.priced.back().rhs, Rational(2));
  ASSERT_EQ(in.floors.size(), 2u);
  EXPECT_EQ(in.floors[0].name, "floor:north");
  EXPECT_EQ(in.floors[1].name, "floor:south");
  EXPECT_EQ(write_equilibrium_json(in)["regions"], doc["regions"]);

  Json bad = doc;
  bad["regions"][1]["objects"] = Json::array({"b", "a"});
  try {
    read_equilibrium_json(JsonNode(bad, "doc.json"));
    ADD_FAILURE() << "a twice";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location(), "/regions/1/objects/1");
    EXPECT_NE(e.reason().find("already in region \"north\""), std::string::npos) << e.reason();
  }
}

}  // namespace
}  // namespace equilab::pseudo_market
