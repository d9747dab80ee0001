#include "core/rational.h"

#include <gtest/gtest.h>

namespace equilab {
TEST(Rational, ParsesDecimalExactly) { EXPECT_EQ(parse_rational("0.1"), Rational(1, 10)); }
}  // namespace equilab
