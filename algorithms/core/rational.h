// Exact rational numbers: the ground truth of every equilab computation.
#pragma once

#include <boost/multiprecision/gmp.hpp>

#include <string>
#include <string_view>

namespace equilab {

// GMP-backed arbitrary-precision rational, always kept in lowest terms.
using Rational = boost::multiprecision::mpq_rational;
using Integer = boost::multiprecision::mpz_int;

// Parses "p/q", an integer ("-17") or a decimal ("0.125", "-1.5e-3") exactly.
// Throws std::invalid_argument with a reason (no file context) on malformed text
// or a zero denominator.
Rational parse_rational(std::string_view text);

// Canonical text: "p" for integers, "p/q" in lowest terms with q > 0 otherwise.
std::string to_string(const Rational& value);

// Scalar conversions used by algorithms templated on the number type.
template <class T> T from_rational(const Rational& value);
template <> inline Rational from_rational<Rational>(const Rational& value) { return value; }
template <> inline double from_rational<double>(const Rational& value) {
  return value.convert_to<double>();
}

// The exact value of a finite double (every finite double is a dyadic rational).
Rational rational_from_double(double value);

}  // namespace equilab
