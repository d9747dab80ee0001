#include "core/random.h"

#include <gtest/gtest.h>

#include <random>

namespace equilab {
namespace {

// The C++ standard fixes mt19937_64: the 10000th output of a default-seeded engine
// is 9981545732273789042 ([rand.predef]). Random must use exactly that engine.
TEST(Random, EngineIsTheStandardMt19937_64) {
  Random r(5489u);  // the standard default seed
  std::uint64_t x = 0;
  for (int i = 0; i < 10000; ++i) x = r.next();
  EXPECT_EQ(x, 9981545732273789042ULL);
}

// For a power-of-two range nothing is rejected, so a draw is the raw output modulo 8.
TEST(Random, PowerOfTwoRangeIsRawModulo) {
  Random r(42);
  std::mt19937_64 reference(42);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(r.uniform_int(10, 17), 10 + static_cast<std::int64_t>(reference() % 8));
}

TEST(Random, DrawsStayInRangeAndCoverIt) {
  Random r(7);
  bool seen[7] = {};
  for (int i = 0; i < 2000; ++i) {
    auto v = r.uniform_int(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
    seen[v + 3] = true;
  }
  for (bool s : seen) EXPECT_TRUE(s);
  for (int i = 0; i < 200; ++i) {
    Rational q = r.uniform_rational(-2, 5, 4);
    ASSERT_GE(q, Rational(-2));
    ASSERT_LE(q, Rational(5));
    ASSERT_LE(boost::multiprecision::denominator(q), 4);
  }
}

TEST(Random, SameSeedSameSequence) {
  Random a(123), b(123);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(a.uniform_int(0, 1000000), b.uniform_int(0, 1000000));
}

}  // namespace
}  // namespace equilab
