// The "exchange_economy" instance and result formats (described in json_io.cpp).
#pragma once

#include "core/json.h"
#include "economies/methods.h"
#include "economies/model.h"

#include <optional>
#include <string>

namespace equilab::economies {

Economy read_economy_json(const JsonNode& root);
Json write_economy_json(const Economy& economy);

Json write_state_json(const Economy& economy, const State& state);
State read_state_json(const Economy& economy, const JsonNode& node);

// What a result holds: the state with payoffs and, for price-lp, the price answer.
struct EconomyResult {
  std::string method;
  StableState stable;
  std::optional<PriceResult> price;
  std::optional<SomeStateResult> some_state;  // price-lp: Corollary 1 for the same τ and x
  std::optional<ConstructionResult> construction;  // constructive, one good: step (iii), eq. (20)
  std::optional<GoodsPriceResult> goods_price;      // price-lp, several goods
  std::optional<LinearPriceResult> linear;          // price-lp: a linear price (§4.4.1)
};
Json write_result_json(const Economy& economy, const EconomyResult& result);
EconomyResult read_result_json(const Economy& economy, const JsonNode& root);

}  // namespace equilab::economies
