#include "core/rational.h"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace equilab {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Decimal digits to an integer. (The string constructor of mpz would read a leading
// zero as an octal prefix, so the base is given explicitly.)
Integer decimal_integer(std::string_view digits) {
  Integer v;
  mpz_set_str(v.backend().data(), std::string(digits).c_str(), 10);
  return v;
}

Integer parse_integer(std::string_view s, std::string_view whole) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (!all_digits(s)) throw std::invalid_argument("not a number: \"" + std::string(whole) + "\"");
  Integer v = decimal_integer(s);
  return negative ? Integer(-v) : v;
}

Integer power_of_ten(unsigned long exponent) {
  Integer p = 1;
  Integer base = 10;
  while (exponent) {
    if (exponent & 1u) p *= base;
    base *= base;
    exponent >>= 1u;
  }
  return p;
}

}  // namespace

Rational parse_rational(std::string_view text) {
  if (text.empty()) throw std::invalid_argument("empty number");
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    Integer p = parse_integer(text.substr(0, slash), text);
    std::string_view qs = text.substr(slash + 1);
    if (!all_digits(qs)) throw std::invalid_argument("bad denominator in \"" + std::string(text) + "\"");
    Integer q = decimal_integer(qs);
    if (q == 0) throw std::invalid_argument("zero denominator in \"" + std::string(text) + "\"");
    return Rational(p, q);
  }
  // Decimal: [sign] digits [. digits] [(e|E) [sign] digits]
  std::string_view mantissa = text;
  long exponent = 0;
  if (auto e = text.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = text.substr(0, e);
    std::string_view es = text.substr(e + 1);
    Integer ev = parse_integer(es, text);
    if (ev > 100000 || ev < -100000)
      throw std::invalid_argument("exponent out of range in \"" + std::string(text) + "\"");
    exponent = ev.convert_to<long>();
  }
  bool negative = false;
  if (!mantissa.empty() && (mantissa[0] == '-' || mantissa[0] == '+')) {
    negative = mantissa[0] == '-';
    mantissa.remove_prefix(1);
  }
  std::string digits;
  if (auto dot = mantissa.find('.'); dot != std::string_view::npos) {
    std::string_view ip = mantissa.substr(0, dot), fp = mantissa.substr(dot + 1);
    if ((ip.empty() && fp.empty()) || (!ip.empty() && !all_digits(ip)) || (!fp.empty() && !all_digits(fp)))
      throw std::invalid_argument("not a number: \"" + std::string(text) + "\"");
    digits = std::string(ip) + std::string(fp);
    exponent -= static_cast<long>(fp.size());
  } else {
    if (!all_digits(mantissa)) throw std::invalid_argument("not a number: \"" + std::string(text) + "\"");
    digits = std::string(mantissa);
  }
  Integer m = decimal_integer(digits);
  if (negative) m = -m;
  if (exponent >= 0) return Rational(m * power_of_ten(static_cast<unsigned long>(exponent)));
  return Rational(m, power_of_ten(static_cast<unsigned long>(-exponent)));
}

std::string to_string(const Rational& value) {
  const Integer& den = boost::multiprecision::denominator(value);
  if (den == 1) return boost::multiprecision::numerator(value).str();
  return boost::multiprecision::numerator(value).str() + "/" + den.str();
}

Rational rational_from_double(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("non-finite double");
  int exp = 0;
  double frac = std::frexp(value, &exp);  // value = frac * 2^exp, |frac| in [0.5,1)
  // scale the 53-bit mantissa to an integer
  double scaled = std::ldexp(frac, 53);
  exp -= 53;
  Integer m(static_cast<long long>(scaled));
  Rational r(m);
  if (exp > 0) r *= Rational(Integer(1) << exp);
  else if (exp < 0) r /= Rational(Integer(1) << -exp);
  return r;
}

}  // namespace equilab
