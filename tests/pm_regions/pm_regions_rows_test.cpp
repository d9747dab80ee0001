// EMZ 2022 §4.3: the eq. (2) ceilings of the region unions (priced rows "region:<names>") and the
// floors (rows of C, "floor:<name>") on hand-computed examples.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pm_regions_util.h"
#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {
namespace {

using regions_test::make_instance;
using regions_test::region;

struct Expected {
  std::string name;
  std::vector<int> cells;
  int rhs;
};

std::vector<const LinearRow*> region_rows(const EquilibriumInstance& in) {
  std::vector<const LinearRow*> out;
  for (const LinearRow& row : in.priced)
    if (row.name.rfind("region:", 0) == 0) out.push_back(&row);
  return out;
}

void expect_rows(const std::vector<const LinearRow*>& rows, const std::vector<Expected>& expected) {
  ASSERT_EQ(rows.size(), expected.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    SCOPED_TRACE(expected[k].name);
    EXPECT_EQ(rows[k]->name, expected[k].name);
    EXPECT_EQ(rows[k]->rhs, Rational(expected[k].rhs));
    EXPECT_FALSE(rows[k]->equality);
    std::vector<int> cells;
    for (const auto& [c, a] : rows[k]->coef) {
      cells.push_back(c);
      EXPECT_EQ(a, Rational(1));
    }
    EXPECT_EQ(cells, expected[k].cells);
  }
}

// N = 3; objects a (1), b (2), c (2), d (1); R1 = {d, a} (supply 2) floor 1 ceiling 2,
// R2 = {b} (supply 2) floor 1 ceiling 3, R3 = {c} (supply 2) floor 0 ceiling 1. Σq = 6 ≥ 3 ≥ 2.
// Singletons, q̄_{R_k} = min(q̄_{R_k}, N − Σ_{j≠k} q̲_j):
//   R1: min(2, 3 − 1) = 2;  R2: min(3, 3 − 1) = 2;  R3: min(1, 3 − 2) = 1.
// Pairs, min(q̄ + q̄, N − q̲ of the third):
//   R1∪R2: min(4, 3 − 0) = 3;  R1∪R3: min(3, 3 − 1) = 2;  R2∪R3: min(3, 3 − 1) = 2.
// All: min(3 + 1, 2 + 2, 2 + 2, 3) = 3.
// Left out when q̄_R ≥ min(N, Σ_{l∈R} q_l): R1 (2 ≥ 2), R2 (2 ≥ 2), R1∪R2 (3 ≥ 3), all (3 ≥ 3).
// Kept: R3 ≤ 1, R1∪R3 ≤ 2, R2∪R3 ≤ 2. Cells i·4 + l (a = 0, b = 1, c = 2, d = 3).
TEST(PmRegionsRows, FloorsLowerTheCeilingsOfTheOtherRegions) {
  EquilibriumInstance in = make_instance(3, {1, 2, 2, 1});
  in.regions = {region("R1", {3, 0}, 1, 2), region("R2", {1}, 1, 3), region("R3", {2}, 0, 1)};
  finish_equilibrium(in);
  ASSERT_EQ(in.priced.size(), 4u + 3u);
  for (int l = 0; l < 4; ++l) EXPECT_EQ(in.priced[l].name, "supply:" + in.objects[l].name);
  expect_rows(region_rows(in), {{"region:R3", {2, 6, 10}, 1},
                                {"region:R1+R3", {0, 2, 3, 4, 6, 7, 8, 10, 11}, 2},
                                {"region:R2+R3", {1, 2, 5, 6, 9, 10}, 2}});
  ASSERT_EQ(in.floors.size(), 2u);
  EXPECT_EQ(in.floors[0].name, "floor:R1");
  EXPECT_EQ(in.floors[0].rhs, Rational(1));
  std::vector<int> cells;
  for (const auto& [c, a] : in.floors[0].coef) cells.push_back(c);
  EXPECT_EQ(cells, (std::vector<int>{0, 3, 4, 7, 8, 11}));
  EXPECT_EQ(in.floors[1].name, "floor:R2");
  EXPECT_EQ(in.floors[1].rhs, Rational(1));
}

// N = 4; a, b, c with supply 3 each, one region each, floors 0, ceilings 1: no floor is active, so
// the N-terms are 4 and q̄ is additive: singletons 1, pairs 1 + 1 = 2, all 2 + 1 = 3, each below
// min(N, supply) = min(4, 3·|R|). All seven rows are kept, singletons first, then pairs in
// lexicographic order, then the union of all; no floor rows.
TEST(PmRegionsRows, AdditiveCeilingsOfEveryUnion) {
  EquilibriumInstance in = make_instance(4, {3, 3, 3});
  in.regions = {region("X", {0}, 0, 1), region("Y", {1}, 0, 1), region("Z", {2}, 0, 1)};
  finish_equilibrium(in);
  expect_rows(region_rows(in), {{"region:X", {0, 3, 6, 9}, 1},
                                {"region:Y", {1, 4, 7, 10}, 1},
                                {"region:Z", {2, 5, 8, 11}, 1},
                                {"region:X+Y", {0, 1, 3, 4, 6, 7, 9, 10}, 2},
                                {"region:X+Z", {0, 2, 3, 5, 6, 8, 9, 11}, 2},
                                {"region:Y+Z", {1, 2, 4, 5, 7, 8, 10, 11}, 2},
                                {"region:X+Y+Z", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3}});
  EXPECT_TRUE(in.floors.empty());
}

// N = 4; a, b, c supply 3; R1 = {a} [0, 1], R2 = {b} [0, 1], R3 = {c} [1, 3].
//   q̄_1 = min(1, 4 − 1) = 1, q̄_2 = 1, q̄_3 = min(3, 4 − 0) = 3 (≥ supply 3: left out);
//   R1∪R2 = min(1 + 1, 4 − 1) = 2 (the additive term wins); R1∪R3 = min(1 + 3, 4 − 0) = 4 ≥ N,
//   R2∪R3 likewise, all = min(2 + 3, 4 + 1, 4 + 1, 4) = 4 ≥ N: left out.
TEST(PmRegionsRows, AdditiveTermBelowTheFloorTerm) {
  EquilibriumInstance in = make_instance(4, {3, 3, 3});
  in.regions = {region("R1", {0}, 0, 1), region("R2", {1}, 0, 1), region("R3", {2}, 1, 3)};
  finish_equilibrium(in);
  expect_rows(region_rows(in), {{"region:R1", {0, 3, 6, 9}, 1},
                                {"region:R2", {1, 4, 7, 10}, 1},
                                {"region:R1+R2", {0, 1, 3, 4, 6, 7, 9, 10}, 2}});
  ASSERT_EQ(in.floors.size(), 1u);
  EXPECT_EQ(in.floors[0].name, "floor:R3");
  EXPECT_EQ(in.floors[0].rhs, Rational(1));
}

// N = 3; a supply 5 in "city" [0, 5], b supply 1 in "rural" [1, 1]. The city's ceiling as read (5)
// is not binding, but the rural floor leaves at most N − 1 = 2 agents for the city:
// q̄_city = min(5, 3 − 1) = 2 < min(3, 5): priced row "region:city" ≤ 2 (EMZ §1.1.2: the floor
// turned into a ceiling on the other region). q̄_rural = min(1, 3 − 0) = 1 ≥ supply 1; the union
// min(2 + 1, 3) = 3 ≥ N.
TEST(PmRegionsRows, FloorBecomesACeilingElsewhere) {
  EquilibriumInstance in = make_instance(3, {5, 1});
  in.regions = {region("city", {0}, 0, 5), region("rural", {1}, 1, 1)};
  finish_equilibrium(in);
  expect_rows(region_rows(in), {{"region:city", {0, 2, 4}, 2}});
  ASSERT_EQ(in.floors.size(), 1u);
  EXPECT_EQ(in.floors[0].name, "floor:rural");
  std::vector<int> cells;
  for (const auto& [c, a] : in.floors[0].coef) cells.push_back(c);
  EXPECT_EQ(cells, (std::vector<int>{1, 3, 5}));
}

// finish_equilibrium rebuilds Ω* and the floors: calling it twice gives the same rows once.
TEST(PmRegionsRows, FinishTwiceDoesNotDuplicate) {
  EquilibriumInstance in = make_instance(3, {5, 1});
  in.regions = {region("city", {0}, 0, 5), region("rural", {1}, 1, 1)};
  finish_equilibrium(in);
  finish_equilibrium(in);
  EXPECT_EQ(in.priced.size(), 3u);
  EXPECT_EQ(in.floors.size(), 1u);
  EXPECT_EQ(in.priced_index("region:city"), 2);
}

}  // namespace
}  // namespace equilab::pseudo_market
