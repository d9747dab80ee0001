#include "core/rational.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace equilab {
namespace {

TEST(Rational, ParsesFractionsInLowestTerms) {
  EXPECT_EQ(parse_rational("6/8"), Rational(3, 4));
  EXPECT_EQ(to_string(parse_rational("6/8")), "3/4");
  EXPECT_EQ(to_string(parse_rational("-6/8")), "-3/4");
  EXPECT_EQ(to_string(parse_rational("4/2")), "2");
  EXPECT_EQ(to_string(parse_rational("0/5")), "0");
}

TEST(Rational, ParsesDecimalsExactly) {
  EXPECT_EQ(parse_rational("0.1"), Rational(1, 10));
  EXPECT_EQ(parse_rational("0.125"), Rational(1, 8));
  EXPECT_EQ(parse_rational("-1.5"), Rational(-3, 2));
  EXPECT_EQ(parse_rational(".5"), Rational(1, 2));
  EXPECT_EQ(parse_rational("5."), Rational(5));
  EXPECT_EQ(parse_rational("1e-3"), Rational(1, 1000));
  EXPECT_EQ(parse_rational("2.5E2"), Rational(250));
  // 0.1 + 0.2 == 0.3 exactly, unlike in double.
  EXPECT_EQ(parse_rational("0.1") + parse_rational("0.2"), parse_rational("0.3"));
}

TEST(Rational, ParsesHugeIntegers) {
  const std::string big = "123456789012345678901234567890";
  EXPECT_EQ(to_string(parse_rational(big)), big);
  EXPECT_EQ(to_string(parse_rational(big + "/" + big + "0")), "1/10");
}

TEST(Rational, RejectsMalformedText) {
  for (const char* bad : {"", "abc", "1/0", "1/-2", "1//2", "--1", "1.2.3", "1e", "0x10", " 1", "1 ", "+", ".", "1/2/3", "nan", "inf"})
    EXPECT_THROW(parse_rational(bad), std::invalid_argument) << bad;
}

TEST(Rational, PrintsCanonically) {
  EXPECT_EQ(to_string(Rational(7, 20)), "7/20");
  EXPECT_EQ(to_string(Rational(-3)), "-3");
  EXPECT_EQ(to_string(Rational(0)), "0");
  EXPECT_EQ(to_string(Rational(Integer(3), Integer(-6))), "-1/2");
  EXPECT_EQ(parse_rational("007"), Rational(7));
  EXPECT_EQ(parse_rational("010/0010"), Rational(1));
}

TEST(Rational, DoublesConvertToTheirExactBinaryValue) {
  EXPECT_EQ(rational_from_double(0.5), Rational(1, 2));
  EXPECT_EQ(rational_from_double(-3.0), Rational(-3));
  EXPECT_EQ(rational_from_double(0.0), Rational(0));
  // 0.1 in binary is 3602879701896397 / 2^55.
  EXPECT_EQ(rational_from_double(0.1), Rational(Integer(3602879701896397LL), Integer(1) << 55));
  EXPECT_THROW(rational_from_double(1.0 / 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace equilab
