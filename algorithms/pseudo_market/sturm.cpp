#include "pseudo_market/sturm.h"

#include <algorithm>
#include <stdexcept>

namespace equilab::pseudo_market {

namespace {

void trim(std::vector<Rational>& c) {
  while (!c.empty() && c.back() == 0) c.pop_back();
}

int sign_of(const Rational& v) { return v > 0 ? 1 : (v < 0 ? -1 : 0); }

// Sign changes of the sequence at x (zeros skipped).
int variations(const std::vector<Poly>& seq, const Rational& x) {
  int changes = 0, last = 0;
  for (const Poly& p : seq) {
    const int s = p.sign_at(x);
    if (s == 0) continue;
    if (last != 0 && s != last) ++changes;
    last = s;
  }
  return changes;
}

Integer lcm_of_denominators(const Poly& p) {
  Integer l = 1;
  for (const Rational& v : p.c) l = boost::multiprecision::lcm(l, boost::multiprecision::denominator(v));
  return l;
}

}  // namespace

Poly::Poly(std::vector<Rational> coefficients) : c(std::move(coefficients)) { trim(c); }

Poly Poly::constant(const Rational& v) { return Poly(std::vector<Rational>{v}); }

Poly Poly::affine(const Rational& a0, const Rational& a1) { return Poly(std::vector<Rational>{a0, a1}); }

Rational Poly::eval(const Rational& x) const {
  Rational v = 0;
  for (auto it = c.rbegin(); it != c.rend(); ++it) v = v * x + *it;
  return v;
}

int Poly::sign_at(const Rational& x) const { return sign_of(eval(x)); }

std::string Poly::text() const {
  if (c.empty()) return "0";
  std::string s;
  for (int k = degree(); k >= 0; --k) {
    const Rational& v = c[k];
    if (v == 0) continue;
    const Rational mag = v < 0 ? Rational(-v) : v;
    if (s.empty())
      s += v < 0 ? "-" : "";
    else
      s += v < 0 ? " - " : " + ";
    const bool unit = mag == 1 && k > 0;
    if (!unit) s += equilab::to_string(mag);
    if (k > 0) s += std::string(unit ? "" : "·") + "θ" + (k > 1 ? "^" + std::to_string(k) : "");
  }
  return s;
}

Poly operator+(const Poly& a, const Poly& b) {
  std::vector<Rational> c(std::max(a.c.size(), b.c.size()), Rational(0));
  for (std::size_t k = 0; k < a.c.size(); ++k) c[k] += a.c[k];
  for (std::size_t k = 0; k < b.c.size(); ++k) c[k] += b.c[k];
  return Poly(std::move(c));
}

Poly operator-(const Poly& a, const Poly& b) { return a + Rational(-1) * b; }

Poly operator*(const Poly& a, const Poly& b) {
  if (a.is_zero() || b.is_zero()) return Poly();
  std::vector<Rational> c(a.c.size() + b.c.size() - 1, Rational(0));
  for (std::size_t i = 0; i < a.c.size(); ++i)
    for (std::size_t j = 0; j < b.c.size(); ++j) c[i + j] += a.c[i] * b.c[j];
  return Poly(std::move(c));
}

Poly operator*(const Rational& s, const Poly& a) {
  std::vector<Rational> c = a.c;
  for (Rational& v : c) v *= s;
  return Poly(std::move(c));
}

void divmod(const Poly& a, const Poly& b, Poly& quotient, Poly& remainder) {
  if (b.is_zero()) throw std::invalid_argument("polynomial division by zero");
  std::vector<Rational> r = a.c, q;
  const int db = b.degree();
  if (a.degree() >= db) q.assign(a.degree() - db + 1, Rational(0));
  for (int k = a.degree() - db; k >= 0; --k) {
    const Rational f = r[k + db] / b.lead();
    q[k] = f;
    for (int j = 0; j <= db; ++j) r[k + j] -= f * b.c[j];
  }
  quotient = Poly(std::move(q));
  remainder = Poly(std::move(r));
}

Poly derivative(const Poly& a) {
  std::vector<Rational> c;
  for (std::size_t k = 1; k < a.c.size(); ++k) c.push_back(Rational(static_cast<long>(k)) * a.c[k]);
  return Poly(std::move(c));
}

Poly monic_gcd(const Poly& a, const Poly& b) {
  Poly x = a, y = b;
  while (!y.is_zero()) {
    Poly q, r;
    divmod(x, y, q, r);
    x = std::move(y);
    y = std::move(r);
  }
  if (x.is_zero()) return x;
  return Rational(1) / x.lead() * x;
}

Poly squarefree(const Poly& a) {
  if (a.degree() <= 0) return a.is_zero() ? a : Poly::constant(1);
  Poly q, r;
  divmod(a, monic_gcd(a, derivative(a)), q, r);
  return Rational(1) / q.lead() * q;
}

std::vector<Poly> sturm_sequence(const Poly& p) {
  std::vector<Poly> seq{p};
  if (p.is_zero()) return seq;
  seq.push_back(derivative(p));
  while (!seq.back().is_zero()) {
    Poly q, r;
    divmod(seq[seq.size() - 2], seq.back(), q, r);
    if (r.is_zero()) break;
    seq.push_back(Rational(-1) * r);
  }
  if (seq.back().is_zero()) seq.pop_back();
  return seq;
}

// Sturm's theorem: for squarefree p, V(a) − V(b) is the number of distinct roots in (a, b].
int count_roots(const Poly& p, const Rational& a, const Rational& b) {
  if (p.is_zero() || !(a < b)) return 0;
  const std::vector<Poly> seq = sturm_sequence(squarefree(p));
  return variations(seq, a) - variations(seq, b);
}

Rational simplest_between(const Rational& a, const Rational& b) {
  if (a <= 0 && b >= 0) return Rational(0);
  if (b < 0) return -simplest_between(-b, -a);
  const Integer fl = boost::multiprecision::numerator(a) / boost::multiprecision::denominator(a);
  const Rational f(fl);
  if (f == a) return a;
  if (f + 1 <= b) return f + 1;
  return f + Rational(1) / simplest_between(Rational(1) / (b - f), Rational(1) / (a - f));
}

std::vector<RootInterval> isolate_roots(const Poly& p, const Rational& a, const std::optional<Rational>& b) {
  std::vector<RootInterval> out;
  if (p.degree() <= 0) return out;
  const Poly q = squarefree(p);
  const std::vector<Poly> seq = sturm_sequence(q);
  auto count = [&](const Rational& lo, const Rational& hi) {  // roots in (lo, hi]
    return lo < hi ? variations(seq, lo) - variations(seq, hi) : 0;
  };
  Rational hi;
  if (b) {
    hi = *b;
  } else {  // Cauchy's bound: every root has |θ| < 1 + max |c_k / lead|
    Rational m = 0;
    for (const Rational& v : q.c) m = std::max(m, v < 0 ? Rational(-v / q.lead()) : Rational(v / q.lead()));
    hi = std::max(a, Rational(0)) + m + 2;
  }
  if (!(a < hi)) return out;
  Integer d = boost::multiprecision::numerator(q.lead() * Rational(lcm_of_denominators(q)));
  if (d < 0) d = -d;
  const Rational width = Rational(1) / Rational(d * d);
  // One root in the open (lo, hi): move the ends off roots, narrow below 1/d², test the simplest rational.
  auto refine = [&](Rational lo, Rational up) -> RootInterval {
    while (q.sign_at(lo) == 0 || q.sign_at(up) == 0 || up - lo >= width) {
      const Rational mid = (lo + up) / 2;
      if (q.sign_at(mid) == 0) return RootInterval{mid, mid, true};
      if (count(lo, mid) >= 1)
        up = mid;
      else
        lo = mid;
    }
    const Rational s = simplest_between(lo, up);
    if (q.sign_at(s) == 0) return RootInterval{s, s, true};
    return RootInterval{lo, up, false};
  };
  // roots in the open interval (lo, up)
  auto roots_in = [&](auto&& self, const Rational& lo, const Rational& up) -> void {
    const int k = count(lo, up) - (q.sign_at(up) == 0 ? 1 : 0);
    if (k <= 0) return;
    if (k == 1) {
      out.push_back(refine(lo, up));
      return;
    }
    const Rational mid = (lo + up) / 2;
    self(self, lo, mid);
    if (q.sign_at(mid) == 0) out.push_back(RootInterval{mid, mid, true});
    self(self, mid, up);
  };
  roots_in(roots_in, a, hi);
  return out;
}

int sign_at_root(const Poly& p, const RootInterval& r, const Poly& q) {
  if (q.is_zero()) return 0;
  if (r.exact) return q.sign_at(r.lo);
  const Poly g = monic_gcd(p, q);
  if (g.degree() >= 1 && count_roots(g, r.lo, r.hi) >= 1) return 0;
  Rational lo = r.lo, hi = r.hi;
  while (true) {
    if (count_roots(q, lo, hi) == 0) return q.sign_at(hi);
    const Rational mid = (lo + hi) / 2;
    if (p.sign_at(mid) == 0) return q.sign_at(mid);
    if (count_roots(p, lo, mid) >= 1)
      hi = mid;
    else
      lo = mid;
  }
}

}  // namespace equilab::pseudo_market
