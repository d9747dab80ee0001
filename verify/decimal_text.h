// A decimal approximation of an exact value for reports of how far a result is from valid: like
// printf's %.<significant>g ("2.22045e-16", "0.5", "-3"), but computed exactly from the rational,
// rounded half up. Used beside the exact value, never instead of it.
#pragma once

#include "core/rational.h"

#include <string>

namespace equilab::verify {

std::string decimal_text(const Rational& r, int significant);

}  // namespace equilab::verify
