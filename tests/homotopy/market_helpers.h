// Small helpers shared by the allocation_market tests: an inline instance and good lookup.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <rapidcheck.h>

#include "core/json.h"
#include "core/random.h"
#include "generators/allocation_market_generator.h"
#include "homotopy/json_io.h"

namespace equilab::homotopy::test {

inline AllocationMarket parse(const std::string& text) {
  Json root = parse_json_text(text, "inline.json");
  return read_allocation_market_json(JsonNode(root, "inline.json"));
}

inline int good_index(const AllocationMarket& m, const std::string& name) {
  for (int i = 0; i < m.num_goods(); ++i)
    if (m.goods[i].name == name) return i;
  throw std::logic_error("no good " + name);
}

// A random market for a property: up to 4 buyers and 5 ordinary goods, TU a third of the time.
// Sizes come from a portable draw of the seed (xor `salt`), so they are uniform (RapidCheck's own
// ranges grow with its size parameter and would favour one buyer and no goods).
inline AllocationMarket draw_market(std::uint64_t salt) {
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  Random sizes(seed ^ salt);
  gen::AllocationMarketGenOptions o;
  o.buyers = static_cast<int>(sizes.uniform_int(1, 4));
  o.goods = static_cast<int>(sizes.uniform_int(0, 5));
  o.tu = sizes.bernoulli(1, 3);
  o.integer = sizes.bernoulli(1, 2);
  o.path = sizes.bernoulli(1, 2);
  o.max_value = static_cast<int>(sizes.uniform_int(3, 20));
  RC_TAG(o.buyers, o.goods);
  AllocationMarket m = gen::generate_allocation_market(seed, o);
  RC_LOG() << write_allocation_market_json(m).dump() << "\n";
  return m;
}

}  // namespace equilab::homotopy::test
