// The "allocation_market" instance and result formats (issue 7).
#pragma once

#include <string>

#include "core/json.h"
#include "homotopy/model.h"

namespace equilab::homotopy {

// Validates everything (exit 2 on bad input, naming file and JSON pointer).
AllocationMarket read_allocation_market_json(const JsonNode& root);
Json write_allocation_market_json(const AllocationMarket& market);

// result: model, method, arith, prices, allocation, utilities, forest, [events,
// transition_counts], [allocations_enumerated], certificate {allocation, prices, forest}.
Json write_result_json(const AllocationMarket& market, const MepResult& result, const std::string& method);
// Reads the certificate of a result (structure errors are bad input, exit 2).
Certificate read_certificate_json(const AllocationMarket& market, const JsonNode& result);

}  // namespace equilab::homotopy
