// Exact check of an equilibrium's efficiency certificate (issue 10, "efficiency_weights"), no LP.
#pragma once

#include <string>

#include "pseudo_market/equilibrium.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

// Adds failures naming `label` to `v` when eq.efficiency does not prove what it claims.
void check_efficiency(const pseudo_market::EquilibriumInstance& in, const pseudo_market::Equilibrium& eq,
                      const std::string& label, Verdict& v);

}  // namespace equilab::verify
