// A portable seeded random source: the same seed gives the same draws on every
// compiler and platform (std::mt19937_64 is specified exactly; the standard
// distributions are not, so the draws below are written out here).
#pragma once

#include "core/rational.h"

#include <cstdint>
#include <random>

namespace equilab {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform on the closed range [lo, hi] by rejection sampling (no modulo bias).
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  // True with probability num/den.
  bool bernoulli(std::uint64_t num, std::uint64_t den);
  // p/q with q uniform in [1, max_den] and p/q uniform-ish in [lo, hi].
  Rational uniform_rational(std::int64_t lo, std::int64_t hi, std::int64_t max_den);

 private:
  std::mt19937_64 engine_;
};

}  // namespace equilab
