// Methods lp and border on the paper's examples, their certificates, and corrupted certificates.
// Expected values: the paper's examples and hand computation in the comments.
#include <gtest/gtest.h>

#include "interim/interim_examples.h"
#include "interim/json_io.h"
#include "interim/methods.h"
#include "verify/interim_certificate.h"

namespace equilab::interim {
namespace {

using examples::parse;

InterimOptions small() { return InterimOptions{100'000, 100'000}; }

void expect_valid(const InterimInstance& in, const InterimResult& r) {
  const auto v = verify::check_interim_certificate(in, r);
  EXPECT_TRUE(v.valid) << (v.failures.empty() ? "" : v.failures.front());
  // Through JSON and back: the same verdict.
  const Json doc = write_result_json(in, r);
  const InterimResult back = read_result_json(in, JsonNode(doc, "result.json"));
  EXPECT_TRUE(verify::check_interim_certificate(in, back).valid);
  EXPECT_EQ(write_result_json(in, back), doc);
}

// §4.1: all 7 test sets pass, the ex post LP is infeasible; ⟨Q,w⟩ = 4, h(w) = 7/2, border_max = 4.
TEST(InterimMethods, KnapsackGap) {
  const InterimInstance in = parse(examples::kKnapsack41);
  const InterimResult lp = solve_lp(in, small());
  EXPECT_EQ(lp.status, Status::Infeasible);
  ASSERT_TRUE(lp.separating);
  EXPECT_GT(lp.separating->interim_value, lp.separating->bound);
  ASSERT_TRUE(lp.weighted);
  EXPECT_EQ(lp.weighted->interim_value, Rational(4));
  EXPECT_EQ(lp.weighted->feasible_max, Rational(7, 2));
  ASSERT_TRUE(lp.weighted->border_max);
  EXPECT_EQ(lp.weighted->border_max->value, Rational(4));
  expect_valid(in, lp);

  const InterimResult border = solve_border(in, small());
  EXPECT_EQ(border.status, Status::BorderSatisfied);
  EXPECT_EQ(border.test_sets, 7u);
  expect_valid(in, border);
}

// §4.3 Tables 3–7: Q (reduced form of q̄) is feasible; h(w) = border_max = ⟨Q,w⟩ = 6.
TEST(InterimMethods, MatchingTables3to7) {
  const InterimInstance in = parse(examples::kMatching43);
  const InterimResult lp = solve_lp(in, small());
  EXPECT_EQ(lp.status, Status::Feasible);
  ASSERT_TRUE(lp.weighted && lp.weighted->border_max);
  EXPECT_EQ(lp.weighted->interim_value, Rational(6));
  EXPECT_EQ(lp.weighted->feasible_max, Rational(6));
  EXPECT_EQ(lp.weighted->border_max->value, Rational(6));
  expect_valid(in, lp);
  // Q is the reduced form of a deterministic q̄, so the lottery at each profile is that q̄:
  // (t1,t2): b→1, a→2; (t1,t2'): c→1, b→2 (outcome index i·3 + j, objects a,b,c).
  ASSERT_EQ(lp.ex_post.size(), 2u);
  ASSERT_EQ(lp.ex_post[0].size(), 1u);
  EXPECT_EQ(lp.ex_post[0][0].outcome, (Outcome{0, 1, 0, 1, 0, 0}));
  ASSERT_EQ(lp.ex_post[1].size(), 1u);
  EXPECT_EQ(lp.ex_post[1][0].outcome, (Outcome{0, 0, 1, 0, 1, 0}));

  const InterimResult border = solve_border(in, small());
  EXPECT_EQ(border.status, Status::BorderSatisfied);
  EXPECT_EQ(border.test_sets, 511u);
  expect_valid(in, border);
}

// Q = (1,1) for one unit: the first violated test set in the fewest-members order is {1,2}.
TEST(InterimMethods, OverAllocatedUnit) {
  const InterimInstance in = parse(examples::kOverAllocated);
  const InterimResult border = solve_border(in, small());
  EXPECT_EQ(border.status, Status::Infeasible);
  ASSERT_TRUE(border.test_set);
  EXPECT_TRUE(border.test_set->ceiling);
  EXPECT_EQ(border.test_set->members, test_set_of({0, 1}));
  EXPECT_EQ(border.test_set->lhs, Rational(2));
  EXPECT_EQ(border.test_set->bound, Rational(1));
  EXPECT_EQ(border.test_sets, 3u);
  expect_valid(in, border);
  const InterimResult lp = solve_lp(in, small());
  EXPECT_EQ(lp.status, Status::Infeasible);
  expect_valid(in, lp);
}

// Table 2 (§3.2): optimum b→1, a→2 with value 0.8 + 1 = 9/5 (greedy a→1, b→2 gives 7/4).
TEST(InterimMethods, Table2Optimum) {
  const InterimInstance in = parse(R"({"model":"interim","version":1,
   "players":[{"name":"1","types":[{"name":"t1","prob":"1"}]},{"name":"2","types":[{"name":"t2","prob":"1"}]}],
   "outcomes":{"kind":"matching","objects":["a","b","c"],"unit_demand":"exact"},
   "interim":{"1":{"t1":{"a":"0","b":"1","c":"0"}},"2":{"t2":{"a":"1","b":"0","c":"0"}}},
   "weights":{"1":{"t1":{"a":"1.05","b":"0.8","c":"0.5"}},"2":{"t2":{"a":"1","b":"0.7","c":"0"}}}})");
  const InterimResult lp = solve_lp(in, small());
  EXPECT_EQ(lp.status, Status::Feasible);
  EXPECT_EQ(lp.weighted->feasible_max, Rational(9, 5));
  EXPECT_EQ(lp.weighted->border_max->value, Rational(9, 5));
  expect_valid(in, lp);
}

TEST(InterimMethods, LimitsAreEnforced) {
  const InterimInstance in = parse(examples::kMatching43);
  EXPECT_THROW(solve_lp(in, InterimOptions{5, 100'000}), EnumerationLimit);        // |X| = 6
  EXPECT_THROW(solve_lp(in, InterimOptions{11, 100'000}), EnumerationLimit);       // columns 2·6 = 12
  EXPECT_THROW(solve_border(in, InterimOptions{100'000, 510}), EnumerationLimit);  // 511 test sets
}

// ---- corrupted certificates are rejected ----

TEST(InterimCertificates, CorruptedExPost) {
  const InterimInstance in = parse(examples::kMatching43);
  const InterimResult good = solve_lp(in, small());
  {
    InterimResult r = good;
    r.ex_post[0][0].prob = Rational(1, 2);  // probabilities no longer sum to 1
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    r.ex_post[0][0].outcome = Outcome{0, 1, 0, 0, 1, 0};  // both get b: not a matching
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    std::swap(r.ex_post[0], r.ex_post[1]);  // eq. (1) fails
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    r.weighted->feasible_max += 1;
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    r.weighted->border_max->value += 1;
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    ASSERT_FALSE(r.weighted->border_max->plus.empty());
    r.weighted->border_max->plus[0].second += 1;  // (8) fails
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = good;
    r.weighted->border_max->primal[0] += 2;  // leaves 𝒬_B
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
}

TEST(InterimCertificates, CorruptedInfeasibility) {
  const InterimInstance in = parse(examples::kKnapsack41);
  const InterimResult lp = solve_lp(in, small());
  {
    InterimResult r = lp;
    for (auto& w : r.separating->weights) w = 0;  // ⟨Q,0⟩ = 0 = h(0)
    r.separating->interim_value = 0;
    r.separating->bound = 0;
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = lp;
    r.separating->bound -= 1;
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  {
    // §4.1's weights: ⟨Q,w⟩ = 4 > h(w) = 7/2 is itself a valid certificate.
    InterimResult r = lp;
    r.separating = SeparatingWeights{{1, 2, 1}, 4, Rational(7, 2)};
    EXPECT_TRUE(verify::check_interim_certificate(in, r).valid);
  }
  {
    InterimResult r = lp;  // claim feasibility without lotteries
    r.status = Status::Feasible;
    r.separating.reset();
    EXPECT_FALSE(verify::check_interim_certificate(in, r).valid);
  }
  const InterimInstance over = parse(examples::kOverAllocated);
  const InterimResult border = solve_border(over, small());
  {
    InterimResult r = border;
    r.test_set->members = test_set_of({0});  // y = 1 = F: not violated
    r.test_set->lhs = 1;
    EXPECT_FALSE(verify::check_interim_certificate(over, r).valid);
  }
  {
    InterimResult r = border;
    r.test_set->bound = 0;
    EXPECT_FALSE(verify::check_interim_certificate(over, r).valid);
  }
  {
    // border_satisfied on a violated instance is caught by rechecking the test sets.
    InterimResult r = border;
    r.status = Status::BorderSatisfied;
    r.test_set.reset();
    EXPECT_FALSE(verify::check_interim_certificate(over, r).valid);
  }
}

}  // namespace
}  // namespace equilab::interim
