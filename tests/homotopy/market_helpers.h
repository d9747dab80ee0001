// Small helpers shared by the allocation_market tests: an inline instance and good lookup.
#pragma once

#include <stdexcept>
#include <string>

#include "core/json.h"
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

}  // namespace equilab::homotopy::test
