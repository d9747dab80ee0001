// Exact check of an interim result's certificate from the instance alone (issue 6, "verify"):
// no LP is solved; X is enumerated (or its predicate used) and F, G, h(w) are recomputed.
#pragma once

#include <cstdint>

#include "interim/methods.h"
#include "interim/model.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

struct InterimCheckLimits {
  std::uint64_t max_outcomes = 2'000'000;
  std::uint64_t max_test_sets = std::uint64_t{1} << 22;
};

Verdict check_interim_certificate(const interim::InterimInstance& instance,
                                  const interim::InterimResult& result,
                                  const InterimCheckLimits& limits = {});

}  // namespace equilab::verify
