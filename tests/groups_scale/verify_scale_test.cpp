// verify at scale (Wang §2.5.2): find_blocking_group against a brute-force max ρ written here
// (every multiset of every permitted size, s(G) from the value's own formula, not through
// groups::group_value), on every value class, for random imputations and for welfare-lp
// imputations with one type lowered by 1/7; and check_groups_at_scale against the enumerating
// check_groups_certificate. EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>

#include "common/property_runs.h"
#include "groups_model/wang_examples.h"
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "verify/groups_certificate.h"
#include "verify/groups_scale_certificate.h"

namespace equilab::groups {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();
constexpr std::uint64_t kLimit = kDefaultMaxEnumeration;

// ---- brute force -----------------------------------------------------------------------------

// s(G) from the definitions of §2.1.3 (table: listed or default; pairwise: own + member pairs
// + size term), written independently of groups::group_value.
Rational brute_value(const GroupsInstance& in, const GroupType& g) {
  if (const auto* t = std::get_if<TableValue>(&in.value)) {
    for (const auto& [listed, v] : t->values)
      if (listed == g) return v;
    return t->default_value;
  }
  const auto& pw = std::get<PairwiseValue>(in.value);
  Rational s = 0;
  for (std::size_t a = 0; a < g.size(); ++a) {
    s += pw.own[g[a]];
    for (std::size_t b = 0; b < a; ++b)
      for (const auto& [key, v] : pw.pair)
        if (key == std::make_pair(std::min(g[a], g[b]), std::max(g[a], g[b]))) s += v;
  }
  for (const auto& [n, v] : pw.size)
    if (n == static_cast<int>(g.size())) s += v;
  return s;
}

Rational rho_of(const GroupsInstance& in, const std::vector<Rational>& u, const GroupType& g) {
  Rational r = brute_value(in, g);
  for (int m : g) r -= u[m];
  return r;
}

// max ρ over every group type (recursion over non-decreasing member sequences).
Rational brute_max_rho(const GroupsInstance& in, const std::vector<Rational>& u) {
  std::optional<Rational> best;
  GroupType g;
  std::function<void(int)> rec = [&](int from) {
    const int n = static_cast<int>(g.size());
    if (n >= in.min_size) {
      Rational r = rho_of(in, u, g);
      if (!best || r > *best) best = r;
    }
    if (n == in.max_size) return;
    for (int t = from; t < in.num_types(); ++t) {
      g.push_back(t);
      rec(t);
      g.pop_back();
    }
  };
  rec(0);
  return *best;
}

// ---- instances of every class -------------------------------------------------------------------

enum class Class { TableFull, TableRecipes, PairwiseDense, PairwiseNonnegative, PairwiseSparse, Additive };
const char* class_name(Class c) {
  switch (c) {
    case Class::TableFull:
      return "table-full";
    case Class::TableRecipes:
      return "table-recipes";
    case Class::PairwiseDense:
      return "pairwise-dense";
    case Class::PairwiseNonnegative:
      return "pairwise-nonnegative";
    case Class::PairwiseSparse:
      return "pairwise-sparse";
    case Class::Additive:
      return "additive";
  }
  return "?";
}

// |I| <= 12 types, sizes within 1..4 (1..5 when |I| <= 6).
GroupsInstance draw_instance() {
  const Class c = *rc::gen::element(Class::TableFull, Class::TableRecipes, Class::PairwiseDense,
                                    Class::PairwiseNonnegative, Class::PairwiseSparse, Class::Additive);
  const std::uint64_t seed = *rc::gen::arbitrary<std::uint32_t>();
  gen::GroupsGenOptions o;
  o.types = *rc::gen::inRange(2, 13);
  const int top = o.types <= 6 ? 5 : 4;
  o.min_size = *rc::gen::inRange(1, 4);
  o.max_size = *rc::gen::inRange(o.min_size, top + 1);
  o.pairwise = c != Class::TableFull && c != Class::TableRecipes;
  o.ties = (c == Class::TableFull || c == Class::PairwiseDense || c == Class::PairwiseNonnegative) &&
           *rc::gen::arbitrary<bool>();
  if (c == Class::TableRecipes) {
    o.max_size = std::max(o.max_size, 2);
    o.recipes = *rc::gen::inRange(1, 40);
    const Integer available = count_group_types(o.types, std::max(2, o.min_size), std::min(4, o.max_size));
    if (Integer(o.recipes) > available) o.recipes = available.convert_to<int>();
  }
  if (c == Class::PairwiseSparse || c == Class::Additive)
    o.degree = *rc::gen::inRange(1, std::min(o.types, 5));
  GroupsInstance in = gen::generate_groups(seed, o);
  if ((c == Class::TableRecipes || c == Class::TableFull) &&
      *rc::gen::arbitrary<bool>())  // a default of either sign
    std::get<TableValue>(in.value).default_value = Rational(*rc::gen::inRange(-12, 25), 2);
  if (c == Class::PairwiseNonnegative)
    for (auto& [key, v] : std::get<PairwiseValue>(in.value).pair) v = abs(v);
  if (c == Class::Additive) std::get<PairwiseValue>(in.value).pair.clear();
  RC_TAG(class_name(c));
  RC_LOG() << class_name(c) << " seed " << seed << ": " << write_groups_json(in).dump() << "\n";
  return in;
}

std::vector<Rational> welfare_lp_imputation(const GroupsInstance& in) {
  GroupsOptions o;
  o.ranges = false;
  return solve_welfare_lp(in, o).imputation;
}

// A random imputation, a welfare-lp imputation, or one with a type lowered by 1/7.
std::vector<Rational> draw_imputation(const GroupsInstance& in) {
  const int kind = *rc::gen::inRange(0, 3);
  std::vector<Rational> u;
  if (kind == 0) {
    for (int i = 0; i < in.num_types(); ++i) {
      const int q = *rc::gen::inRange(1, 7);
      u.push_back(Rational(*rc::gen::inRange(-3 * q, 25 * q + 1), q));
    }
  } else {
    u = welfare_lp_imputation(in);
    if (kind == 2) u[*rc::gen::inRange(0, in.num_types())] -= Rational(1, 7);
  }
  RC_LOG() << "u kind " << kind << "\n";
  return u;
}

bool permitted(const GroupsInstance& in, const GroupType& g) {
  const int n = static_cast<int>(g.size());
  if (n < in.min_size || n > in.max_size || !std::is_sorted(g.begin(), g.end())) return false;
  return std::all_of(g.begin(), g.end(), [&](int m) { return m >= 0 && m < in.num_types(); });
}

std::string label(const GroupsInstance& in, const GroupType& g) {
  std::string out = "group [";
  for (std::size_t k = 0; k < g.size(); ++k) out += (k ? "," : "") + in.types[g[k]].name;
  return out + "]";
}

// ---- properties ----------------------------------------------------------------------------------

RC_GTEST_PROP(VerifyScale, FindBlockingGroupEqualsBruteForce, ()) {
  const GroupsInstance in = draw_instance();
  const std::vector<Rational> u = draw_imputation(in);
  const Rational max_rho = brute_max_rho(in, u);
  const std::optional<GroupType> g = verify::find_blocking_group(in, u, kLimit);
  RC_LOG() << "brute-force max rho " << to_string(max_rho) << "\n";
  if (max_rho > 0) {
    RC_ASSERT(g.has_value());
    RC_ASSERT(permitted(in, *g));
    RC_ASSERT(rho_of(in, u, *g) == max_rho);
  } else {
    RC_ASSERT(!g.has_value());
  }
}

RC_GTEST_PROP(VerifyScale, AgreesWithTheEnumeratingChecker, ()) {
  const GroupsInstance in = draw_instance();
  GroupsOptions o;
  o.ranges = in.num_types() <= 5 && *rc::gen::arbitrary<bool>();
  StableAssignment r = solve_welfare_lp(in, o);
  const verify::Verdict full = verify::check_groups_certificate(in, r, kLimit);
  const verify::Verdict scale = verify::check_groups_at_scale(in, r, kLimit);
  RC_ASSERT(full.valid);
  RC_ASSERT(scale.valid);

  // Corrupt: one type's u lowered by 1/7. Its formed groups were tight (complementary slackness),
  // so they now block; both checkers reject, and the scale checker names a group of largest ρ.
  const int i = *rc::gen::inRange(0, in.num_types());
  r.imputation[i] -= Rational(1, 7);
  r.ranges.reset();
  const verify::Verdict full_bad = verify::check_groups_certificate(in, r, kLimit);
  const verify::Verdict scale_bad = verify::check_groups_at_scale(in, r, kLimit);
  RC_ASSERT(!full_bad.valid);
  RC_ASSERT(!scale_bad.valid);
  const Rational max_rho = brute_max_rho(in, r.imputation);
  RC_ASSERT(max_rho >= Rational(1, 7));
  const std::optional<GroupType> g = verify::find_blocking_group(in, r.imputation, kLimit);
  RC_ASSERT(g.has_value());
  RC_ASSERT(rho_of(in, r.imputation, *g) == max_rho);
  const std::string named = label(in, *g) + ": blocking";
  RC_ASSERT(std::any_of(scale_bad.failures.begin(), scale_bad.failures.end(),
                        [&](const std::string& f) { return f.rfind(named, 0) == 0; }));
}

// ---- hand-computed cases ---------------------------------------------------------------------------

GroupsInstance three_types(int min_size, int max_size) {
  GroupsInstance in;
  for (int i = 1; i <= 3; ++i) in.types.push_back({"t" + std::to_string(i), Rational(1)});
  in.min_size = min_size;
  in.max_size = max_size;
  return in;
}

// own = (1, 0, 0), pair(1,2) = 4, pair(2,3) = 2, pair(3,3) = 3, u = (2, 1, 1): r = (−1, −1, −1).
// Pieces of size 2: {1,2}: −2 + 4 = 2, {2,3}: 0, {3,3}: 1, so V_2 = 2. Size 3: {1,1,2} and
// {1,2,2}: −3 + 4 + 4 = 5, {1,2,3}: −3 + 4 + 2 = 3, {2,3,3}: −3 + 2 + 2 + 3 = 4,
// {3,3,3}: −3 + 3·3 = 6, so V_3 = 6 at [t3,t3,t3]. Sizes 1..3 without size terms: max ρ =
// max(−1, max(−2, V_2), max(−3, V_2 − 1, V_3)) = 6 at [t3,t3,t3]. With size(3) = −10: the
// 3-groups drop to −4 and the best is [t1,t2] with ρ = 2.
TEST(VerifyScale, PairwiseTheoremByHand) {
  GroupsInstance in = three_types(1, 3);
  PairwiseValue pw;
  pw.own = {Rational(1), Rational(0), Rational(0)};
  pw.pair[{0, 1}] = 4;
  pw.pair[{1, 2}] = 2;
  pw.pair[{2, 2}] = 3;
  in.value = pw;
  const std::vector<Rational> u = {Rational(2), Rational(1), Rational(1)};
  EXPECT_EQ(verify::find_blocking_group(in, u, kLimit), (GroupType{2, 2, 2}));
  std::get<PairwiseValue>(in.value).size[3] = -10;
  EXPECT_EQ(verify::find_blocking_group(in, u, kLimit), (GroupType{0, 1}));
  // u raised by 3 everywhere: r = −4, V_2 = −8 + 4 = −4, V_3 = −12 + 9 = −3, size 1: −4: no block.
  const std::vector<Rational> high = {Rational(5), Rational(4), Rational(4)};
  std::get<PairwiseValue>(in.value).size.clear();
  EXPECT_EQ(verify::find_blocking_group(in, high, kLimit), std::nullopt);
}

// Table, sizes 2..2, default 5, listed [t1,t1] = 1 and [t1,t2] = 0, u = (1, 2, 3).
// Listed: ρ = 1 − 2 = −1 and 0 − 3 = −3. Unlisted 2-groups by increasing Σu: [t1,t1] (2, listed),
// [t1,t2] (3, listed), then Σu = 4: [t1,t3] or [t2,t2], ρ = 5 − 4 = 1, the max.
TEST(VerifyScale, TableDefaultByHand) {
  GroupsInstance in = three_types(2, 2);
  TableValue t;
  t.default_value = 5;
  t.values[{0, 0}] = 1;
  t.values[{0, 1}] = 0;
  in.value = t;
  const std::vector<Rational> u = {Rational(1), Rational(2), Rational(3)};
  const auto g = verify::find_blocking_group(in, u, kLimit);
  ASSERT_TRUE(g.has_value());
  EXPECT_TRUE(*g == (GroupType{0, 2}) || *g == (GroupType{1, 1}));
  // Default 4: the unlisted minimum gives ρ = 0, no listed group blocks: stable.
  std::get<TableValue>(in.value).default_value = 4;
  EXPECT_EQ(verify::find_blocking_group(in, u, kLimit), std::nullopt);
}

TEST(VerifyScale, NegativePairsAboveTheLimitAreRefused) {
  gen::GroupsGenOptions o;
  o.types = 12;
  o.min_size = 1;
  o.max_size = 4;
  o.pairwise = true;
  const GroupsInstance in = gen::generate_groups(5, o);  // the dense draw has negative pair values
  const std::vector<Rational> u(12, Rational(1));
  // Σ_{n=1}^{4} C(12+n−1, n) = 12 + 78 + 364 + 1365 = 1819 group types.
  EXPECT_THROW(verify::find_blocking_group(in, u, 1818), EnumerationLimit);
  EXPECT_NO_THROW(verify::find_blocking_group(in, u, 1819));
}

TEST(VerifyScale, DensePositivePairsHaveAWorkLimit) {
  // 12 types, every pair value 1 (self pairs included), sizes 1..4: the piece search extends
  // 12 one-member pieces by 12 − s types each alone, far more than 50 × 1 = 50 extensions.
  GroupsInstance in;
  for (int i = 1; i <= 12; ++i) in.types.push_back({"t" + std::to_string(i), Rational(1)});
  in.min_size = 1;
  in.max_size = 4;
  PairwiseValue pw;
  pw.own.assign(12, Rational(0));
  for (int i = 0; i < 12; ++i)
    for (int j = i; j < 12; ++j) pw.pair[{i, j}] = 1;
  in.value = pw;
  // u = 3/2: a 4-group has ρ = 6 − 6 = 0, smaller groups less (C(n,2) − 3n/2 < 0): no block.
  const std::vector<Rational> u(12, Rational(3, 2));
  EXPECT_THROW(verify::find_blocking_group(in, u, 1), EnumerationLimit);
  EXPECT_EQ(verify::find_blocking_group(in, u, kLimit), std::nullopt);
  // u = 1: [t1,t1,t1,t1] has ρ = 6 − 4 = 2, the largest (every 4-group has ρ = 2).
  const std::vector<Rational> low(12, Rational(1));
  const auto g = verify::find_blocking_group(in, low, kLimit);
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->size(), 4u);
}

TEST(VerifyScale, NamesTheBlockingGroupOnAWangExample) {
  // §2.4.2: μ = (1,1,1), sizes 2..3, s([1,2,2]) = 9, s([3,3,3]) = 4, s([1,2]) = 2, s([3,3]) = 3,
  // Π = 6, u = (0, 9/2, 3/2), τ([1,2,2]) = τ([3,3]) = 1/2, τ([1,1]) = 1/4. Lowering u(3) by 1/7
  // makes [3,3] block by 2/7 and [3,3,3] by 3/7 + 4 − 9/2 = −1/14: [3,3] is named.
  const GroupsInstance in = examples::wang_242();
  StableAssignment r = examples::wang_242_result(false);
  EXPECT_TRUE(verify::check_groups_at_scale(in, r, kLimit).valid);
  r.imputation[2] -= Rational(1, 7);
  const verify::Verdict v = verify::check_groups_at_scale(in, r, kLimit);
  EXPECT_FALSE(v.valid);
  bool named = false;
  for (const auto& f : v.failures) named = named || f.rfind("group [3,3]: blocking", 0) == 0;
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace equilab::groups
