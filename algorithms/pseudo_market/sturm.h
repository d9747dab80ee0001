// Univariate polynomials over the rationals and exact real-root isolation by Sturm sequences, for
// the one-parameter price families of the pseudo_market `support-enum` method (issue 10, "one free
// θ → clearing → univariate polynomial: rational roots exact, irrational roots isolated (Sturm)").
// Everything is exact; no floating point.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rational.h"

namespace equilab::pseudo_market {

// c[k] is the coefficient of θ^k; no trailing zeros (the zero polynomial is empty).
struct Poly {
  std::vector<Rational> c;

  Poly() = default;
  explicit Poly(std::vector<Rational> coefficients);
  static Poly constant(const Rational& v);
  static Poly affine(const Rational& a0, const Rational& a1);  // a0 + a1·θ

  bool is_zero() const { return c.empty(); }
  int degree() const { return static_cast<int>(c.size()) - 1; }  // −1 for zero
  const Rational& lead() const { return c.back(); }
  Rational eval(const Rational& x) const;
  int sign_at(const Rational& x) const;
  std::string text() const;  // e.g. "θ^2 - 2"
  friend bool operator==(const Poly&, const Poly&) = default;
};

Poly operator+(const Poly& a, const Poly& b);
Poly operator-(const Poly& a, const Poly& b);
Poly operator*(const Poly& a, const Poly& b);
Poly operator*(const Rational& s, const Poly& a);
// Quotient and remainder of a / b (b ≠ 0).
void divmod(const Poly& a, const Poly& b, Poly& quotient, Poly& remainder);
Poly derivative(const Poly& a);
Poly monic_gcd(const Poly& a, const Poly& b);  // monic; gcd(0, 0) = 0
Poly squarefree(const Poly& a);                // a / gcd(a, a'), monic

// The Sturm sequence of a squarefree polynomial.
std::vector<Poly> sturm_sequence(const Poly& p);
// Number of distinct real roots of p (any polynomial, p ≠ 0) in the half-open interval (a, b].
int count_roots(const Poly& p, const Rational& a, const Rational& b);

// One real root: `exact` when it is rational (lo = hi = the root), otherwise lo < root < hi with
// exactly one root of the squarefree part in (lo, hi), lo and hi not roots.
struct RootInterval {
  Rational lo, hi;
  bool exact = false;
};
// The distinct real roots of p ≠ 0 in the open interval (a, b) (hi = nullopt: +∞), in increasing
// order. Rational roots are found exactly: each isolating interval is narrowed below 1/d² where
// d is the leading coefficient of the primitive integer multiple of the squarefree part (a
// rational root n/q has q | d, and two such rationals lie ≥ 1/d² apart), and the simplest
// rational in it is tested.
std::vector<RootInterval> isolate_roots(const Poly& p, const Rational& a, const std::optional<Rational>& b);

// The sign of q at the root of p isolated by r (p squarefree with exactly one root in (lo, hi)).
int sign_at_root(const Poly& p, const RootInterval& r, const Poly& q);

// The rational with the smallest denominator in the closed interval [a, b] (a ≤ b).
Rational simplest_between(const Rational& a, const Rational& b);

}  // namespace equilab::pseudo_market
