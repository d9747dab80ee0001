// Exact check of a family certificate (pseudo_market/family_certificate.h): every price on the
// segment [from, to] is an equilibrium price (EMZ 2022 §2.7 (1)–(3)), without any LP.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pseudo_market/equilibrium.h"
#include "pseudo_market/family_certificate.h"
#include "verify/lp_certificate.h"

namespace equilab::verify {

// Is p ≥ 0 on the open interval (0, 1)? Exact: the real roots of p in (0, 1) are isolated (Sturm
// sequences) and p is evaluated at a rational point of every piece between them.
bool nonnegative_inside_unit(const pseudo_market::Poly& p);

// Adds failures naming `label` to `v` unless the certificate proves that every p(s), s ∈ [0, 1],
// is an equilibrium price. `listed(p)` says whether p is the price of a listed (and separately
// checked) equilibrium: the ends and the breakpoints between pieces must be.
void check_family(const pseudo_market::EquilibriumInstance& in, const std::vector<Rational>& from,
                  const std::vector<Rational>& to, const pseudo_market::FamilyCertificate& certificate,
                  const std::function<bool(const std::vector<Rational>&)>& listed, const std::string& label,
                  Verdict& v);

}  // namespace equilab::verify
