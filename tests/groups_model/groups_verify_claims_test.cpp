// verify proves every claim of a groups result (issue 16). Each test names a change of one claim
// that verify used to accept (a soundness hole), or used to report as bad input although the
// result is readable; the expected values are the hand computations of wang_examples.h.
#include <gtest/gtest.h>

#include "core/json.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "verify/groups_certificate.h"
#include "verify/groups_double_measure.h"
#include "verify/groups_scale_certificate.h"
#include "wang_examples.h"

namespace equilab::groups {
namespace {

constexpr std::uint64_t kLimit = kDefaultMaxEnumeration;

enum class Outcome { Accepted, Contradiction, BadInput };

// verify's reading of `doc` (read_result_for_verify): accepted, a contradiction (exit 1) or bad
// input (exit 2), with the message.
std::pair<Outcome, std::string> read_strictly(const GroupsInstance& in, const Json& doc) {
  const Json root = parse_json_text(doc.dump(), "r.json");
  try {
    read_result_for_verify(in, JsonNode(root, "r.json"));
    return {Outcome::Accepted, ""};
  } catch (const ResultContradiction& e) {
    return {Outcome::Contradiction, e.what()};
  } catch (const InputError& e) {
    return {Outcome::BadInput, e.what()};
  }
}

#define EXPECT_READ(outcome, fragment, doc)                                \
  do {                                                                     \
    const auto got = read_strictly(in, doc);                               \
    EXPECT_EQ(got.first, outcome) << got.second;                           \
    EXPECT_NE(got.second.find(fragment), std::string::npos) << got.second; \
  } while (0)

TEST(GroupsVerifyClaims, EveryClaimMustBeStated) {
  const GroupsInstance in = examples::wang_241();
  const Json good = write_result_json(in, examples::wang_241_result(), "welfare-lp", true);
  EXPECT_EQ(read_strictly(in, good).first, Outcome::Accepted);
  // The certificate's copy used to stand in for a deleted claim.
  Json d = good;
  d.erase("assignment");
  EXPECT_READ(Outcome::BadInput, "missing required field \"assignment\"", d);
  d = good;
  d.erase("imputation_unique");
  EXPECT_READ(Outcome::BadInput, "missing required field \"imputation_unique\"", d);
  d = good;
  d["imputation_unique"] = nullptr;  // the ranges say false (u(1) ranges over [0, 1])
  EXPECT_READ(Outcome::Contradiction,
              "imputation_unique is null but the certificate has ranges (it says false)", d);
  d = good;
  d["imputation_range"].erase("2");  // a range left out used to pass unchecked
  EXPECT_READ(Outcome::BadInput, "missing entry for type \"2\"", d);
  d = good;
  d.erase("imputation_range");
  EXPECT_READ(Outcome::Contradiction, "states no imputation_range", d);
  d = good;
  d.erase("arith");
  EXPECT_READ(Outcome::BadInput, "missing required field \"arith\"", d);
}

TEST(GroupsVerifyClaims, ContradictionsAreInvalidNotBadInput) {
  const GroupsInstance in = examples::wang_241();
  const Json good = write_result_json(in, examples::wang_241_result(), "welfare-lp", true);
  Json d = good;
  d["imputation"]["1"] = "1";
  EXPECT_READ(Outcome::Contradiction, "differs from the top-level imputation", d);
  d = good;
  d["assignment"][0]["mass"] = "2";
  EXPECT_READ(Outcome::Contradiction, "differs from the top-level assignment", d);
  d = good;
  d["imputation_range"]["1"] = {"0", "1/2"};
  EXPECT_READ(Outcome::Contradiction, "differs from the certificate bounds [0, 1]", d);
  d = good;
  d["imputation_unique"] = true;
  EXPECT_READ(Outcome::Contradiction, "imputation_unique is true", d);
  d = good;
  d["status"] = "infeasible";
  EXPECT_READ(Outcome::Contradiction, "status must be \"optimal\"", d);
  d = good;
  d["certificate"]["assignment"][0]["group"] = {"1", "z"};
  EXPECT_READ(Outcome::Contradiction, "unknown type \"z\"", d);
  // A missing entry is still unreadable.
  d = good;
  d["certificate"]["imputation"].erase("2");
  EXPECT_READ(Outcome::BadInput, "missing entry for type \"2\"", d);
}

// A group is one multiset; the result spells it in type order (both copies), so a reordered
// spelling is not silently the same claim.
TEST(GroupsVerifyClaims, GroupsAreWrittenInTypeOrder) {
  const GroupsInstance in = examples::wang_242();
  const Json good = write_result_json(in, examples::wang_242_result(false), "welfare-lp", true);
  Json d = good;
  d["assignment"][2]["group"] = {"2", "1", "2"};
  d["certificate"]["assignment"][2]["group"] = {"2", "1", "2"};
  EXPECT_READ(Outcome::Contradiction, "listed in type order", d);
}

// colgen's stats on §2.4.2: status, max_reduced_cost (0 at a stable imputation: formed groups are
// tight), bound (null) and |𝒢| = C(4,2) + C(5,3) = 6 + 10 = 16 multisets of sizes 2 and 3 over 3 types are
// claims.
TEST(GroupsVerifyClaims, ColumnStatsAreChecked) {
  const GroupsInstance in = examples::wang_242();
  GroupsOptions o;
  o.ranges = false;
  StableAssignment r = solve_colgen(in, o);
  ASSERT_TRUE(r.stats);
  EXPECT_EQ(r.stats->group_types, 16);
  EXPECT_TRUE(verify::check_groups_certificate(in, r, kLimit).valid);
  StableAssignment bad = r;
  bad.stats->max_reduced_cost = 1;
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);
  bad = r;
  bad.stats->bound = Rational(7);
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);
  bad = r;
  bad.stats->group_types = 17;
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);

  const Json doc = write_result_json(in, r, "colgen", true);
  Json d = doc;
  d.erase("stats");
  EXPECT_READ(Outcome::BadInput, "missing required field \"stats\" (method colgen)", d);
  d = doc;
  d["stats"]["status"] = "not_converged";
  EXPECT_READ(Outcome::Contradiction, "status \"optimal\" but stats.status \"not_converged\"", d);
  d = doc;
  d["stats"].erase("bound");
  EXPECT_READ(Outcome::BadInput, "missing required field \"bound\"", d);
}

// fv_sparse_test.cpp's hand-made instance: 20 types of mass 1, sizes 5..5, four listed groups of
// value 10. fv-sparse stops not_converged with W = 30, ρ_max = 10 (the fourth listed group) and
// the bound 30 + (10/5)·20 = 70. verify used to reject every not_converged result; it now proves
// the feasible assignment, the largest ρ and the bound, and rejects any other bound.
TEST(GroupsVerifyClaims, NotConvergedIsProvedWithItsBound) {
  GroupsInstance in;
  for (int i = 0; i < 20; ++i) in.types.push_back({"t" + std::to_string(i + 1), Rational(1)});
  in.min_size = 5;
  in.max_size = 5;
  TableValue t;
  t.default_value = 0;
  for (int j = 0; j < 4; ++j) t.values[{5 * j, 5 * j + 1, 5 * j + 2, 5 * j + 3, 5 * j + 4}] = 10;
  in.value = t;
  GroupsOptions o;
  o.ranges = false;
  const StableAssignment r = solve_fv_sparse(
      in, o, [&](const std::vector<Rational>& u) { return verify::find_blocking_group(in, u, kLimit); });
  ASSERT_EQ(r.stats->status, "not_converged");
  ASSERT_EQ(r.welfare, 30);
  ASSERT_EQ(r.stats->max_reduced_cost, 10);
  ASSERT_EQ(*r.stats->bound, 70);
  const verify::Verdict v = verify::check_groups_certificate(in, r, kLimit);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures.front());

  StableAssignment bad = r;
  bad.stats->bound = Rational(69);  // below the certified bound
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);
  bad = r;
  bad.stats->bound = Rational(71);  // true, but not the bound the formula certifies
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);
  bad = r;
  bad.stats->max_reduced_cost = 9;
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);
  bad = r;  // claiming optimality: the fourth listed group blocks
  bad.stats->status = "optimal";
  bad.stats->bound.reset();
  bad.stats->max_reduced_cost = 0;
  EXPECT_FALSE(verify::check_groups_certificate(in, bad, kLimit).valid);

  // A stable result relabelled not_converged: no group blocks, so the status is false.
  StableAssignment relabelled = solve_colgen(examples::wang_242(), o);
  relabelled.stats->status = "not_converged";
  relabelled.stats->bound = relabelled.welfare;
  const verify::Verdict w = verify::check_groups_certificate(examples::wang_242(), relabelled, kLimit);
  EXPECT_FALSE(w.valid);
}

TEST(GroupsDoubleMeasure, DecimalText) {
  using verify::groups_decimal_text;
  EXPECT_EQ(groups_decimal_text(0), "0");
  EXPECT_EQ(groups_decimal_text(Rational(1, 2)), "0.5");
  EXPECT_EQ(groups_decimal_text(Rational(-3)), "-3");
  EXPECT_EQ(groups_decimal_text(Rational(1, 3)), "0.333333");
  EXPECT_EQ(groups_decimal_text(Rational(2, 3)), "0.666667");
  EXPECT_EQ(groups_decimal_text(Rational(123456789)), "1.23457e+08");
  EXPECT_EQ(groups_decimal_text(Rational(1999999, 2)), "1e+06");  // 999999.5 rounds up a digit
  // 2^-52 = 2.220446049250313e-16
  EXPECT_EQ(groups_decimal_text(Rational(1, Integer(1) << 52)), "2.22045e-16");
  EXPECT_EQ(groups_decimal_text(Rational(1, 20000)), "5e-05");
  EXPECT_EQ(groups_decimal_text(Rational(1, 1000)), "0.001");
}

// §2.4.2's stable assignment with u(2) lowered by ε = 2^-50: the formed group [1,2,2] then blocks
// with ρ = 9 − (0 + 2(9/2 − ε)) = 2ε, the largest (every other group holding type 2 has slack
// >= 5/2 − ε); Σ uμ = 6 − ε; consistency and the stated values are untouched.
TEST(GroupsDoubleMeasure, LargestViolationsAreExact) {
  const GroupsInstance in = examples::wang_242();
  StableAssignment r = examples::wang_242_result(false);
  const Rational eps(1, Integer(1) << 50);
  r.imputation[1] -= eps;
  const auto measures = verify::measure_groups_result(in, r, kLimit);
  auto find = [&](const std::string& prefix) -> const verify::ConditionMeasure& {
    for (const auto& m : measures)
      if (m.condition.rfind(prefix, 0) == 0) return m;
    ADD_FAILURE() << "no condition " << prefix;
    return measures.front();
  };
  EXPECT_EQ(find("consistency").worst, 0);
  EXPECT_EQ(find("stated values").worst, 0);
  EXPECT_EQ(find("welfare |Σ_G").worst, 0);
  EXPECT_EQ(find("welfare |Σ_i").worst, eps);
  EXPECT_EQ(find("no blocking").worst, 2 * eps);
  EXPECT_EQ(find("no blocking").where, "group [1,2,2]");
  EXPECT_EQ(find("formed groups").worst, 0);
}

}  // namespace
}  // namespace equilab::groups
