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
// At scale (issue groups-scale; nothing is enumerated, and the draws above are untouched):
//   --degree d (pairwise): own value per type uniform_rational(0, 10, 4); a random graph with
//             floor(K·d/2) distinct edges {i, j}, i != j (average degree d, or d − 1/K when K·d
//             is odd), drawn uniformly by rejection, each with a pair value p/q, q uniform in
//             [1, 4], p uniform in [1, 20q], so in (0, 20]; then every type with probability 1/5
//             a self pair (i, i) drawn the same way; every permitted size a size term
//             uniform_rational(-5, 5, 4) (zeros omitted). 1 <= d <= K − 1, at most 100,000 types.
//   --recipes R (table): default 0; R distinct recipes, each of a size uniform in
//             [max(2, N'), min(4, N)], members uniform over the types, value p/q with q uniform
//             in [1, 4] and p uniform in [1, 20q]. R <= 1,000,000 and R <= the number of such
//             multisets; at most 100,000 types.
#include "generators/groups_generator.h"

#include "core/random.h"
#include "groups/enumerate.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace equilab::gen {

namespace {

constexpr std::uint64_t kMaxTableGroups = 200'000;
constexpr int kMaxSizeSpan = 1'000;
constexpr int kMaxPairwiseTypes = 2'000;

Rational tie_value(Random& rng) { return Rational(rng.uniform_int(0, 2)); }

constexpr int kMaxScaleTypes = 100'000;
constexpr int kMaxRecipes = 1'000'000;

// p/q with q uniform in [1, 4] and p uniform in [1, 20q]: a value in (0, 20].
Rational positive_value(Random& rng) {
  const std::int64_t q = rng.uniform_int(1, 4);
  return Rational(Integer(rng.uniform_int(1, 20 * q)), Integer(q));
}

std::string scale_name(const GroupsGenOptions& options, std::uint64_t seed) {
  std::string name = options.degree > 0 ? "random-pairwise-degree" : "random-table-recipes";
  name += std::to_string(options.degree > 0 ? options.degree : options.recipes);
  name += "-seed";
  name += std::to_string(seed);
  return name;
}

// The at-scale draws (--degree, --recipes): see the header comment.
groups::GroupsInstance generate_at_scale(std::uint64_t seed, const GroupsGenOptions& options) {
  const int K = options.types;
  if (options.degree < 0) throw std::invalid_argument("generate groups: --degree must not be negative");
  if (options.recipes < 0) throw std::invalid_argument("generate groups: --recipes must not be negative");
  if (options.degree > 0 && options.recipes > 0)
    throw std::invalid_argument("generate groups: --degree (pairwise) and --recipes (table) exclude each other");
  if (options.ties) throw std::invalid_argument("generate groups: --ties does not combine with --degree or --recipes");
  if (K > kMaxScaleTypes)
    throw std::invalid_argument("generate groups: --degree and --recipes allow at most " +
                                std::to_string(kMaxScaleTypes) + " types");
  if (options.degree > 0) {
    if (!options.pairwise) throw std::invalid_argument("generate groups: --degree needs --value pairwise");
    if (options.degree > K - 1)
      throw std::invalid_argument("generate groups: --degree " + std::to_string(options.degree) + " needs at least " +
                                  std::to_string(options.degree + 1) + " types (--types is " + std::to_string(K) + ")");
  }
  const int lo = std::max(2, options.min_size), hi = std::min(4, options.max_size);
  if (options.recipes > 0) {
    if (options.pairwise) throw std::invalid_argument("generate groups: --recipes needs --value table");
    if (options.recipes > kMaxRecipes)
      throw std::invalid_argument("generate groups: --recipes " + std::to_string(options.recipes) + " exceeds " +
                                  std::to_string(kMaxRecipes));
    if (lo > hi)
      throw std::invalid_argument("generate groups: --recipes needs a size range that meets 2..4 (sizes are " +
                                  std::to_string(options.min_size) + ".." + std::to_string(options.max_size) + ")");
    const Integer available = groups::count_group_types(K, lo, hi);
    if (Integer(options.recipes) > available)
      throw std::invalid_argument("generate groups: --recipes " + std::to_string(options.recipes) + " exceeds the " +
                                  available.str() + " group types of sizes " + std::to_string(lo) + ".." +
                                  std::to_string(hi));
  }

  Random rng(seed);
  groups::GroupsInstance instance;
  instance.name = scale_name(options, seed);
  instance.min_size = options.min_size;
  instance.max_size = options.max_size;
  for (int i = 0; i < K; ++i) instance.types.push_back({"t" + std::to_string(i + 1), rng.uniform_rational(1, 4, 3)});

  if (options.degree > 0) {
    groups::PairwiseValue pw;
    pw.own.reserve(K);
    for (int i = 0; i < K; ++i) pw.own.push_back(rng.uniform_rational(0, 10, 4));
    const std::int64_t edges = static_cast<std::int64_t>(K) * options.degree / 2;  // <= K(K−1)/2 as d <= K − 1
    for (std::int64_t e = 0; e < edges;) {
      int i = static_cast<int>(rng.uniform_int(0, K - 1)), j = static_cast<int>(rng.uniform_int(0, K - 1));
      if (i == j) continue;
      if (i > j) std::swap(i, j);
      if (pw.pair.count({i, j})) continue;
      pw.pair.emplace(std::make_pair(i, j), positive_value(rng));
      ++e;
    }
    for (int i = 0; i < K; ++i)
      if (rng.bernoulli(1, 5)) pw.pair.emplace(std::make_pair(i, i), positive_value(rng));
    for (int n = options.min_size; n <= options.max_size; ++n) {
      Rational v = rng.uniform_rational(-5, 5, 4);
      if (v != 0) pw.size.emplace(n, std::move(v));
    }
    instance.value = std::move(pw);
  } else {
    groups::TableValue table;
    table.default_value = 0;
    while (static_cast<int>(table.values.size()) < options.recipes) {
      const int n = static_cast<int>(rng.uniform_int(lo, hi));
      groups::GroupType g(static_cast<std::size_t>(n));
      for (int& m : g) m = static_cast<int>(rng.uniform_int(0, K - 1));
      std::sort(g.begin(), g.end());
      if (table.values.count(g)) continue;
      table.values.emplace(std::move(g), positive_value(rng));
    }
    instance.value = std::move(table);
  }
  return instance;
}

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
  if (options.degree != 0 || options.recipes != 0) return generate_at_scale(seed, options);
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
