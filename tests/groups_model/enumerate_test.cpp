// Group-type counting and enumeration (eq. 1), and the value functions s(G), on hand values.
#include "groups/enumerate.h"
#include "groups/model.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::groups {
namespace {

TEST(GroupsEnumerate, CountsByHand) {
  // K=3, sizes 2..3: C(4,2) + C(5,3) = 6 + 10 = 16 (§2.4.2).
  EXPECT_EQ(count_group_types(3, 2, 3), Integer(16));
  // K=30, sizes 1..4: C(30,1)+C(31,2)+C(32,3)+C(33,4) = 30 + 465 + 4960 + 40920 = 46375.
  EXPECT_EQ(count_group_types(30, 1, 4), Integer(30 + 465 + 4960 + 40920));
  EXPECT_EQ(count_group_types(30, 1, 4), Integer(46375));
  // K=1000, sizes 1..4 (§2.5.2): 1000 + 500500 + 167167000 + 41917125250.
  EXPECT_EQ(count_group_types(1000, 1, 4), Integer("42084793750"));
  // Single sizes: C(K+n-1, n).
  EXPECT_EQ(count_group_types(2, 2, 2), Integer(3));
  EXPECT_EQ(count_group_types(1, 1, 5), Integer(5));
  EXPECT_EQ(count_group_types(1, 3, 1'000'000'000), Integer(1'000'000'000 - 2));
  EXPECT_EQ(count_group_types(4, 3, 2), Integer(0));  // empty size range
  EXPECT_EQ(count_group_types(0, 1, 3), Integer(0));
  // Far beyond 64 bits, still exact: C(10^6 + 10, 10) - 1 for K = 10^6, sizes 1..10.
  Integer big = count_group_types(1'000'000, 1, 10);
  EXPECT_GT(big, Integer("1000000000000000000000000000000000000000000000000000"));
  EXPECT_THROW(count_group_types(3, 0, 2), std::invalid_argument);
}

TEST(GroupsEnumerate, CountMatchesSizeBySizeSum) {
  for (int K = 1; K <= 6; ++K)
    for (int a = 1; a <= 4; ++a)
      for (int b = a; b <= 5; ++b) {
        Integer sum = 0;
        for (int n = a; n <= b; ++n) {
          Integer c = 1;  // C(K+n-1, n)
          for (int j = 1; j <= n; ++j) c = c * (K - 1 + j) / j;
          sum += c;
        }
        EXPECT_EQ(count_group_types(K, a, b), sum) << K << " " << a << ".." << b;
        EXPECT_EQ(Integer(enumerate_group_types(K, a, b).size()), sum);
      }
}

TEST(GroupsEnumerate, CanonicalOrderWrittenOut) {
  const std::vector<GroupType> expected = {
      {0, 0},    {0, 1},    {0, 2},    {1, 1},    {1, 2},    {2, 2},                                    // size 2
      {0, 0, 0}, {0, 0, 1}, {0, 0, 2}, {0, 1, 1}, {0, 1, 2}, {0, 2, 2}, {1, 1, 1}, {1, 1, 2}, {1, 2, 2},  // size 3
      {2, 2, 2}};
  EXPECT_EQ(enumerate_group_types(3, 2, 3), expected);
  EXPECT_EQ(enumerate_group_types(2, 1, 1), (std::vector<GroupType>{{0}, {1}}));
  EXPECT_EQ(enumerate_group_types(1, 1, 3), (std::vector<GroupType>{{0}, {0, 0}, {0, 0, 0}}));
}

TEST(GroupsEnumerate, EnumerationLimitBeforeAllocating) {
  EXPECT_EQ(enumerate_group_types(30, 1, 4, 46375).size(), 46375u);
  try {
    enumerate_group_types(30, 1, 4, 46374);
    FAIL() << "expected EnumerationLimit";
  } catch (const EnumerationLimit& e) {
    EXPECT_STREQ(e.what(), "46375 group types exceed the enumeration limit 46374; raise it with --max-enumeration");
  }
  // 4.2e10 group types with the default limit: refused at once, not after allocating.
  try {
    enumerate_group_types(1000, 1, 4);
    FAIL() << "expected EnumerationLimit";
  } catch (const EnumerationLimit& e) {
    EXPECT_STREQ(e.what(),
                 "42084793750 group types exceed the enumeration limit 2000000; raise it with --max-enumeration");
  }
}

TEST(GroupsEnumerate, GroupCounts) {
  EXPECT_EQ(group_counts({0, 1, 1}, 3), (std::vector<int>{1, 2, 0}));
  EXPECT_EQ(group_counts({2, 2, 2}, 3), (std::vector<int>{0, 0, 3}));
  EXPECT_EQ(group_counts({}, 2), (std::vector<int>{0, 0}));
  EXPECT_THROW(group_counts({0, 3}, 3), std::out_of_range);
}

GroupsInstance wang_242_table() {
  GroupsInstance in;
  in.name = "wang-2.4.2";
  in.types = {{"1", 1}, {"2", 1}, {"3", 1}};
  in.min_size = 2;
  in.max_size = 3;
  TableValue t;
  t.default_value = 0;
  t.values = {{{0, 1, 1}, 9}, {{2, 2, 2}, 4}, {{0, 1}, 2}, {{2, 2}, 3}};
  in.value = t;
  return in;
}

TEST(GroupsModel, TableValue) {
  GroupsInstance in = wang_242_table();
  EXPECT_EQ(group_value(in, {0, 1, 1}), Rational(9));
  EXPECT_EQ(group_value(in, {2, 2, 2}), Rational(4));
  EXPECT_EQ(group_value(in, {0, 1}), Rational(2));
  EXPECT_EQ(group_value(in, {2, 2}), Rational(3));
  EXPECT_EQ(group_value(in, {0, 0}), Rational(0));  // default
  std::get<TableValue>(in.value).default_value = Rational(-1, 3);
  EXPECT_EQ(group_value(in, {1, 2, 2}), Rational(-1, 3));
  EXPECT_EQ(group_names(in, {0, 1, 1}), (std::vector<std::string>{"1", "2", "2"}));
}

TEST(GroupsModel, PairwiseValueCountsMemberPairs) {
  GroupsInstance in;
  in.types = {{"a", 1}, {"b", 2}};
  in.min_size = 2;
  in.max_size = 3;
  PairwiseValue pw;
  pw.own = {1, 2};
  pw.pair = {{{0, 0}, 5}, {{0, 1}, 3}, {{1, 1}, -1}};
  pw.size = {{3, Rational(-1, 2)}};
  in.value = pw;
  // [a,a,a]: own 3·1 = 3; C(3,2) = 3 (a,a)-pairs: 15; size 3: -1/2. Total 35/2.
  EXPECT_EQ(group_value(in, {0, 0, 0}), Rational(35, 2));
  // [a,a,b]: own 1+1+2 = 4; one (a,a)-pair 5; G(a)G(b) = 2 (a,b)-pairs: 6; size 3: -1/2. Total 29/2.
  EXPECT_EQ(group_value(in, {0, 0, 1}), Rational(29, 2));
  // [a,b]: 1 + 2 + 3, no size-2 entry.
  EXPECT_EQ(group_value(in, {0, 1}), Rational(6));
  // [b,b]: 2 + 2 - 1.
  EXPECT_EQ(group_value(in, {1, 1}), Rational(3));
  // [b,b,b]: 6 + 3·(-1) - 1/2.
  EXPECT_EQ(group_value(in, {1, 1, 1}), Rational(5, 2));
}

}  // namespace
}  // namespace equilab::groups
