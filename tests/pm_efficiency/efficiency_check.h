// The efficiency check of verify on a bare (x, certificate) pair, shared by the tests of this folder.
#pragma once

#include <vector>

#include "pseudo_market/equilibrium.h"
#include "verify/pseudo_market_efficiency.h"

namespace equilab::pseudo_market::testing {

inline verify::Verdict check_efficiency_of(const EquilibriumInstance& in, const std::vector<Rational>& x,
                                           const EfficiencyCertificate& c) {
  Equilibrium eq;
  eq.x = x;
  eq.efficiency = c;
  verify::Verdict v;
  verify::check_efficiency(in, eq, "equilibrium 1", v);
  return v;
}

}  // namespace equilab::pseudo_market::testing
