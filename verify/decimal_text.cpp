#include "verify/decimal_text.h"

#include <cstdlib>

namespace equilab::verify {

std::string decimal_text(const Rational& r, int significant) {
  if (r == 0) return "0";
  const bool negative = r < 0;
  Integer num = boost::multiprecision::numerator(r), den = boost::multiprecision::denominator(r);
  if (negative) num = -num;
  // Exponent e with 10^e <= num/den < 10^(e+1).
  long e = static_cast<long>(num.str().size()) - static_cast<long>(den.str().size());
  auto pow10 = [](long k) {
    Integer p = 1;
    for (long j = 0; j < k; ++j) p *= 10;
    return p;
  };
  auto at_least = [&](long k) {  // num/den >= 10^k
    return k >= 0 ? num >= den * pow10(k) : num * pow10(-k) >= den;
  };
  while (!at_least(e)) --e;
  while (at_least(e + 1)) ++e;
  // `significant` digits, rounded half up: d = round(num/den · 10^(significant−1−e)).
  const long shift = significant - 1 - e;
  Integer scaled_num = shift >= 0 ? num * pow10(shift) : num;
  Integer scaled_den = shift >= 0 ? den : den * pow10(-shift);
  Integer digits = (2 * scaled_num + scaled_den) / (2 * scaled_den);
  if (digits >= pow10(significant)) {  // rounding carried into one more digit
    digits /= 10;
    ++e;
  }
  std::string d = digits.str();
  while (d.size() > 1 && d.back() == '0') d.pop_back();
  std::string out = negative ? "-" : "";
  if (e >= -4 && e < significant) {
    if (e >= 0) {
      std::string whole = d.substr(0, std::min<std::size_t>(d.size(), static_cast<std::size_t>(e) + 1));
      whole.append(static_cast<std::size_t>(e) + 1 - whole.size(), '0');
      out += whole;
      if (d.size() > static_cast<std::size_t>(e) + 1) out += "." + d.substr(static_cast<std::size_t>(e) + 1);
    } else {
      out += "0." + std::string(static_cast<std::size_t>(-e - 1), '0') + d;
    }
    return out;
  }
  out += d.substr(0, 1);
  if (d.size() > 1) out += "." + d.substr(1);
  return out + "e" + (e < 0 ? "-" : "+") + (std::abs(e) < 10 ? "0" : "") + std::to_string(std::abs(e));
}

}  // namespace equilab::verify
