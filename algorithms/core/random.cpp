#include "core/random.h"

#include <stdexcept>

namespace equilab {

std::int64_t Random::uniform_int(std::int64_t lo, std::int64_t hi) {
  if (lo > hi) throw std::invalid_argument("uniform_int: empty range");
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == UINT64_MAX) return static_cast<std::int64_t>(next());
  const std::uint64_t range = span + 1;
  // Largest multiple of `range` that fits; draws at or above it are rejected.
  const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % range + 1) % range;
  std::uint64_t x;
  do x = next();
  while (x > limit);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
}

bool Random::bernoulli(std::uint64_t num, std::uint64_t den) {
  if (den == 0 || num > den) throw std::invalid_argument("bernoulli: bad probability");
  return static_cast<std::uint64_t>(uniform_int(0, static_cast<std::int64_t>(den) - 1)) < num;
}

Rational Random::uniform_rational(std::int64_t lo, std::int64_t hi, std::int64_t max_den) {
  if (max_den < 1) throw std::invalid_argument("uniform_rational: max_den < 1");
  const std::int64_t q = uniform_int(1, max_den);
  const std::int64_t p = uniform_int(lo * q, hi * q);
  return Rational(Integer(p), Integer(q));
}

}  // namespace equilab
