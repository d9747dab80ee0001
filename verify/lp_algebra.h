// Exact products of an LP's data with a vector, for the certificate check and the violation
// measures of lp results: lp/exact_algebra.h (one common denominator per vector, so that a
// certificate with huge denominators is checked in time proportional to its size).
#pragma once

#include "lp/exact_algebra.h"

namespace equilab::verify {

using lp::dot;
using lp::row_activities;
using lp::transpose_times;

}  // namespace equilab::verify
