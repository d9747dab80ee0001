// Seeded random groups instances: every draw comes from equilab::Random, so a seed gives
// the same instance on every platform.
//   types "t1".."tK", masses uniform_rational(1, 4, 3) (in [1,4], positive);
//   table:    every group type gets a value, uniform_rational(0, 10, 4), or one of {0,1,2}
//             with ties; zeros are left to the default "0". At most 200,000 group types.
//   pairwise: own value per type uniform_rational(0, 5, 4); each unordered pair (i <= j)
//             with probability 1/2 a value uniform_rational(-2, 6, 4); each permitted size
//             with probability 1/2 a value uniform_rational(-3, 3, 2). With ties every one
//             of these values is drawn from {0,1,2} instead. The size range may span at most
//             1,000 sizes, and
//             pairwise instances have at most 2,000 types.
#include "generators/groups_generator.h"

#include "core/random.h"
#include "groups/enumerate.h"

#include <stdexcept>
#include <string>

namespace equilab::gen {

namespace {

constexpr std::uint64_t kMaxTableGroups = 200'000;
constexpr int kMaxSizeSpan = 1'000;
constexpr int kMaxPairwiseTypes = 2'000;

Rational tie_value(Random& rng) { return Rational(rng.uniform_int(0, 2)); }

}  // namespace

groups::GroupsInstance generate_groups(std::uint64_t seed, const GroupsGenOptions& options) {
  if (options.types < 1) throw std::invalid_argument("generate groups: --types must be at least 1");
  if (options.min_size < 1) throw std::invalid_argument("generate groups: --min-size must be at least 1");
  if (options.min_size > options.max_size)
    throw std::invalid_argument("generate groups: --min-size " + std::to_string(options.min_size) +
                                " exceeds --max-size " + std::to_string(options.max_size));
  if (options.max_size - options.min_size >= kMaxSizeSpan)
    throw std::invalid_argument("generate groups: the size range may span at most " + std::to_string(kMaxSizeSpan) +
                                " sizes");
  if (options.pairwise && options.types > kMaxPairwiseTypes)
    throw std::invalid_argument("generate groups: pairwise values for at most " + std::to_string(kMaxPairwiseTypes) +
                                " types");
  if (!options.pairwise) {
    const Integer count = groups::count_group_types(options.types, options.min_size, options.max_size);
    if (count > Integer(kMaxTableGroups))
      throw std::invalid_argument("generate groups: a table of " + count.str() + " group types exceeds " +
                                  std::to_string(kMaxTableGroups) + "; use --value pairwise or fewer types/sizes");
  }

  Random rng(seed);
  groups::GroupsInstance instance;
  instance.name = "random-" + std::string(options.pairwise ? "pairwise" : "table") + (options.ties ? "-ties" : "") +
                  "-seed" + std::to_string(seed);
  instance.min_size = options.min_size;
  instance.max_size = options.max_size;
  for (int i = 0; i < options.types; ++i)
    instance.types.push_back({"t" + std::to_string(i + 1), rng.uniform_rational(1, 4, 3)});

  if (!options.pairwise) {
    groups::TableValue table;
    table.default_value = 0;
    for (groups::GroupType& g :
         groups::enumerate_group_types(options.types, options.min_size, options.max_size, kMaxTableGroups)) {
      Rational v = options.ties ? tie_value(rng) : rng.uniform_rational(0, 10, 4);
      if (v != 0) table.values.emplace(std::move(g), std::move(v));
    }
    instance.value = std::move(table);
  } else {
    groups::PairwiseValue pw;
    for (int i = 0; i < options.types; ++i)
      pw.own.push_back(options.ties ? tie_value(rng) : rng.uniform_rational(0, 5, 4));
    for (int i = 0; i < options.types; ++i)
      for (int j = i; j < options.types; ++j)
        if (rng.bernoulli(1, 2)) pw.pair.emplace(std::make_pair(i, j), options.ties ? tie_value(rng) : rng.uniform_rational(-2, 6, 4));
    for (int n = options.min_size; n <= options.max_size; ++n)
      if (rng.bernoulli(1, 2)) pw.size.emplace(n, options.ties ? tie_value(rng) : rng.uniform_rational(-3, 3, 2));
    instance.value = std::move(pw);
  }
  return instance;
}

}  // namespace equilab::gen
