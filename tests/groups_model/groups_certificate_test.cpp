// The exact groups certificate checker on hand-made certificates (Wang §2.4.1, §2.4.2),
// correct and corrupted: each failure names the type or group.
#include "verify/groups_certificate.h"

#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups_model/wang_examples.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab::verify {
namespace {

using groups::GroupsInstance;
using groups::StableAssignment;
namespace examples = groups::examples;

constexpr std::uint64_t kLimit = groups::kDefaultMaxEnumeration;

bool mentions(const Verdict& v, const std::string& text) {
  for (const auto& f : v.failures)
    if (f.find(text) != std::string::npos) return true;
  return false;
}

std::string all_failures(const Verdict& v) {
  std::string out;
  for (const auto& f : v.failures) out += f + "\n";
  return out;
}

Verdict check(const GroupsInstance& in, const StableAssignment& r) { return check_groups_certificate(in, r, kLimit); }

TEST(GroupsCertificate, AcceptsWang242) {
  for (bool ranges : {false, true}) {
    Verdict v = check(examples::wang_242(), examples::wang_242_result(ranges));
    EXPECT_TRUE(v.valid) << all_failures(v);
  }
  // The other stable assignment: the idle type-1 half unit in [1,1,1] (τ = 1/6) instead of [1,1].
  StableAssignment r = examples::wang_242_result(true);
  r.assignment[0] = {{0, 0, 0}, Rational(1, 6), 0};
  std::swap(r.assignment[0], r.assignment[1]);  // canonical order: [3,3], [1,1,1], [1,2,2]
  Verdict v = check(examples::wang_242(), r);
  EXPECT_TRUE(v.valid) << all_failures(v);
}

TEST(GroupsCertificate, AcceptsWang241Ranges) {
  Verdict v = check(examples::wang_241(), examples::wang_241_result());
  EXPECT_TRUE(v.valid) << all_failures(v);
  EXPECT_EQ(groups::imputation_unique(examples::wang_241_result()), false);
  EXPECT_EQ(groups::imputation_unique(examples::wang_242_result(true)), true);
  EXPECT_EQ(groups::imputation_unique(examples::wang_242_result(false)), std::nullopt);
}

TEST(GroupsCertificate, SurvivesTheJsonRoundTrip) {
  const GroupsInstance in = examples::wang_241();
  Json doc = groups::write_result_json(in, examples::wang_241_result(), "welfare-lp", true);
  Json root = parse_json_text(doc.dump(), "r.json");
  Verdict v = check(in, groups::read_result_json(in, JsonNode(root, "r.json")));
  EXPECT_TRUE(v.valid) << all_failures(v);
}

TEST(GroupsCertificate, RejectsAChangedMass) {
  StableAssignment r = examples::wang_242_result(false);
  r.assignment[2].mass = Rational(1, 4);  // [1,2,2]
  Verdict v = check(examples::wang_242(), r);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "type \"2\": consistency Σ G(i)τ(G) = 1/2 but μ = 1")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": consistency Σ G(i)τ(G) = 3/4 but μ = 1")) << all_failures(v);
  EXPECT_FALSE(mentions(v, "type \"3\"")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "welfare: Σ s(G)τ(G) = 15/4 but welfare = 6")) << all_failures(v);
}

TEST(GroupsCertificate, RejectsAChangedImputation) {
  StableAssignment r = examples::wang_242_result(false);
  r.imputation[1] = 4;  // u = (0, 4, 3/2): [1,2,2] sums to 8 < 9, Σ uμ = 11/2
  Verdict v = check(examples::wang_242(), r);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "group [1,2,2]: blocking: u-sum 8 < s 9")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "welfare: Σ u(i)μ(i) = 11/2 but welfare = 6")) << all_failures(v);
}

TEST(GroupsCertificate, RejectsAChangedWelfare) {
  StableAssignment r = examples::wang_242_result(false);
  r.welfare = 7;
  Verdict v = check(examples::wang_242(), r);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "welfare: Σ s(G)τ(G) = 6 but welfare = 7")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "welfare: Σ u(i)μ(i) = 6 but welfare = 7")) << all_failures(v);
}

TEST(GroupsCertificate, RejectsABlockingGroup) {
  StableAssignment r = examples::wang_242_result(false);
  r.imputation = {0, 5, 1};  // Σ uμ = 6 still; [3,3] gets 2 < 3 and [3,3,3] 3 < 4; [1,2,2] gets 10 > 9
  Verdict v = check(examples::wang_242(), r);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "group [3,3]: blocking: u-sum 2 < s 3")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "group [3,3,3]: blocking: u-sum 3 < s 4")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "group [1,2,2]: formed but u-sum 10 > s 9")) << all_failures(v);
  EXPECT_FALSE(mentions(v, "welfare")) << all_failures(v);
}

TEST(GroupsCertificate, RejectsBadGroups) {
  const GroupsInstance in = examples::wang_242();
  StableAssignment r = examples::wang_242_result(false);
  r.assignment[1].value = 4;  // [3,3] has s = 3
  Verdict v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [3,3]: stated value 4 but s(G) = 3")) << all_failures(v);

  r = examples::wang_242_result(false);
  r.assignment.push_back({{0, 1, 1}, 0, 9});  // listed twice, mass 0
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [1,2,2]: listed twice in the assignment")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "group [1,2,2]: mass 0 is not positive")) << all_failures(v);

  r = examples::wang_242_result(false);
  r.assignment.push_back({{2, 2, 2, 2}, Rational(1, 8), 0});
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [3,3,3,3]: size 4 outside the permitted sizes [2,3]")) << all_failures(v);

  r = examples::wang_242_result(false);
  r.assignment[2].group = {1, 0, 1};
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [2,1,2]: members are not in type order")) << all_failures(v);

  r = examples::wang_242_result(false);
  r.assignment[2].group = {0, 1, 5};
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [#0,#1,#5]: a member is not a type index")) << all_failures(v);

  r = examples::wang_242_result(false);
  r.imputation.pop_back();
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "imputation: 2 entries, expected 3")) << all_failures(v);
}

TEST(GroupsCertificate, RejectsBadRanges) {
  const GroupsInstance in = examples::wang_241();

  // A bound that is not attained: min of type 1 claimed 1/2.
  StableAssignment r = examples::wang_241_result();
  (*r.ranges)[0].min = Rational(1, 2);
  Verdict v = check(in, r);
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(mentions(v, "type \"1\": min witness: u = 0 but bound = 1/2")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": min multiplier: Σ x_G s(G) + t W = 0, expected 1/2")) << all_failures(v);
  EXPECT_FALSE(mentions(v, "outside its range")) << all_failures(v);  // u1 = 1/2 lies in [1/2, 1]

  // A witness that is not stable.
  r = examples::wang_241_result();
  (*r.ranges)[0].witness_min = {0, Rational(1, 2)};
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"1\": min witness: group [1,2]: blocking: u-sum 1/2 < s 1")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": min witness: Σ u μ = 1/2 but welfare = 1")) << all_failures(v);

  // A multiplier that does not sum to -e_1.
  r = examples::wang_241_result();
  (*r.ranges)[0].multiplier_max.t = 0;
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"1\": max multiplier: Σ x_G G(j) + t μ(j) = 0 for type \"1\", expected -1"))
      << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": max multiplier: Σ x_G G(j) + t μ(j) = 1 for type \"2\", expected 0"))
      << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": max multiplier: Σ x_G s(G) + t W = 0, expected -1")) << all_failures(v);

  // A negative x: x[1,1] = 1, x[1,2] = -1, x[2,2] = 1/2, t = 0 gives (2-1, -1+1) = (1,0) = e1,
  // but Σ x s = -1 proves nothing (and is not the bound 0 either).
  r = examples::wang_241_result();
  (*r.ranges)[0].multiplier_min = {{{{0, 0}, 1}, {{0, 1}, -1}, {{1, 1}, Rational(1, 2)}}, 0};
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"1\": min multiplier: x = -1 < 0 on group [1,2]")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"1\": min multiplier: Σ x_G s(G) + t W = -1, expected 0")) << all_failures(v);
  EXPECT_EQ(v.failures.size(), 2u) << all_failures(v);

  // A multiplier group of a size that is not permitted.
  r = examples::wang_241_result();
  (*r.ranges)[1].multiplier_min.x = {{{1}, 1}};
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"2\": min multiplier: group [2]: size 1 outside the permitted sizes [2,2]"))
      << all_failures(v);

  // The reported imputation outside its range, and ranges of the wrong length.
  r = examples::wang_241_result();
  r.imputation = {2, -1};  // Σ uμ = 1 still; [2,2] blocks with -2 < 0
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"1\": imputation u = 2 outside its range [0, 1]")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "group [2,2]: blocking: u-sum -2 < s 0")) << all_failures(v);
  r = examples::wang_241_result();
  r.ranges->pop_back();
  v = check(in, r);
  EXPECT_TRUE(mentions(v, "ranges: 1 entries, expected 2")) << all_failures(v);
}

TEST(GroupsCertificate, Wang242RangeCorruptions) {
  const GroupsInstance in = examples::wang_242();
  // Claim type 2 could get less: min 4 with the witness changed accordingly.
  StableAssignment r = examples::wang_242_result(true);
  (*r.ranges)[1].min = 4;
  (*r.ranges)[1].witness_min = {Rational(1, 2), 4, Rational(3, 2)};  // Σ = 6, but [1,2,2] = 17/2 < 9
  Verdict v = check(in, r);
  EXPECT_TRUE(mentions(v, "type \"2\": min witness: group [1,2,2]: blocking: u-sum 17/2 < s 9")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "type \"2\": min multiplier: Σ x_G s(G) + t W = 9/2, expected 4")) << all_failures(v);
}

TEST(GroupsCertificate, ManyBlockingGroupsAreSummarised) {
  // 30 types, sizes 1..2, s ≡ 1, u ≡ 0: all 495 group types block.
  GroupsInstance in;
  for (int i = 1; i <= 30; ++i) in.types.push_back({"t" + std::to_string(i), 1});
  in.min_size = 1;
  in.max_size = 2;
  groups::TableValue t;
  t.default_value = 1;
  in.value = t;
  StableAssignment r;
  r.welfare = 30;
  for (int i = 0; i < 30; ++i) r.assignment.push_back({{i}, 1, 1});
  r.imputation.assign(30, Rational(0));
  Verdict v = check(in, r);
  EXPECT_TRUE(mentions(v, "group [t1]: blocking: u-sum 0 < s 1")) << all_failures(v);
  EXPECT_TRUE(mentions(v, "485 more blocking group types")) << all_failures(v);
  EXPECT_LE(v.failures.size(), 13u) << all_failures(v);
  r.imputation.assign(30, Rational(1));
  v = check(in, r);
  EXPECT_TRUE(v.valid) << all_failures(v);  // u ≡ 1: singletons tight, pairs 2 >= 1
}

TEST(GroupsCertificate, EnumerationLimitIsThrownUp) {
  try {
    check_groups_certificate(examples::wang_242(), examples::wang_242_result(false), 15);
    FAIL() << "expected EnumerationLimit";
  } catch (const groups::EnumerationLimit& e) {
    EXPECT_STREQ(e.what(), "16 group types exceed the enumeration limit 15; raise it with --max-enumeration");
  }
  EXPECT_TRUE(check_groups_certificate(examples::wang_242(), examples::wang_242_result(false), 16).valid);
}

}  // namespace
}  // namespace equilab::verify
