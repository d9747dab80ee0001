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
// verify's reading: as read_result_json, and every claim of the method must be present (arith
// "exact", status "optimal", the state, payoffs and welfare; price-lp's supported, forced values,
// linear price and, for one good, Corollary 1; constructive's construction for one good), each
// in its one canonical form (members in type order, every good listed, formed groups by size
// and type order or, for price-lp with an instance state, that state exactly, forced values
// folded and sorted, linear prices equal to the certificate's π). A readable result that
// contradicts itself or the instance throws ResultContradiction (verify's exit 1).
EconomyResult read_result_for_verify(const Economy& economy, const JsonNode& root);

}  // namespace equilab::economies
