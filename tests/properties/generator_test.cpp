// Unit tests of the seeded LP generator (no solver involved).
#include "generators/lp_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace equilab::gen {
namespace {

constexpr LpKind kKinds[] = {LpKind::General,  LpKind::Degenerate, LpKind::Infeasible,
                             LpKind::Unbounded, LpKind::Equality,   LpKind::Bounded};

bool same_model(const lp::LpModel& a, const lp::LpModel& b) {
  if (a.sense != b.sense || a.num_vars() != b.num_vars() || a.num_rows() != b.num_rows()) return false;
  for (int j = 0; j < a.num_vars(); ++j) {
    const auto &u = a.variables[j], &v = b.variables[j];
    if (u.name != v.name || u.lower != v.lower || u.upper != v.upper || a.objective[j] != b.objective[j]) return false;
  }
  for (int i = 0; i < a.num_rows(); ++i) {
    const auto &r = a.constraints[i], &s = b.constraints[i];
    if (r.name != s.name || r.op != s.op || r.rhs != s.rhs || r.coef != s.coef) return false;
  }
  return true;
}

TEST(LpGenerator, KindNamesRoundTrip) {
  for (LpKind k : kKinds) EXPECT_EQ(parse_lp_kind(to_string(k)), k);
  EXPECT_STREQ(to_string(LpKind::General), "general");
  EXPECT_STREQ(to_string(LpKind::Bounded), "bounded");
}

TEST(LpGenerator, UnknownKindListsTheValidOnes) {
  try {
    parse_lp_kind("sparse");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("sparse"), std::string::npos) << what;
    for (LpKind k : kKinds) EXPECT_NE(what.find(to_string(k)), std::string::npos) << what;
  }
  EXPECT_THROW(parse_lp_kind(""), std::invalid_argument);
  EXPECT_THROW(parse_lp_kind("General"), std::invalid_argument);
}

TEST(LpGenerator, RejectsBadOptions) {
  auto with = [](int vars, int cons, double density, LpKind kind = LpKind::General) {
    LpGenOptions o;
    o.vars = vars;
    o.cons = cons;
    o.density = density;
    o.kind = kind;
    return o;
  };
  EXPECT_THROW(generate_lp(1, with(0, 3, 1.0)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(-2, 3, 1.0)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, -1, 1.0)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 3, 0.0)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 3, -0.5)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 3, 1.01)), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 3, std::nan(""))), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 3, std::numeric_limits<double>::infinity())), std::invalid_argument);
  EXPECT_THROW(generate_lp(1, with(3, 0, 1.0, LpKind::Infeasible)), std::invalid_argument);
  EXPECT_NO_THROW(generate_lp(1, with(1, 0, 1.0)));
  EXPECT_NO_THROW(generate_lp(1, with(1, 1, 0.001, LpKind::Infeasible)));
  EXPECT_NO_THROW(generate_lp(1, with(4, 0, 1.0, LpKind::Unbounded)));
}

TEST(LpGenerator, ShapeNamesAndWellFormedRows) {
  for (LpKind k : kKinds) {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
      LpGenOptions o;
      o.kind = k;
      o.vars = 1 + static_cast<int>(seed % 9);
      o.cons = (k == LpKind::Infeasible ? 1 : 0) + static_cast<int>((seed * 7) % 10);
      o.density = seed % 3 == 0 ? 0.3 : 1.0;
      const lp::LpModel m = generate_lp(seed, o);
      SCOPED_TRACE(std::string(to_string(k)) + " seed " + std::to_string(seed));
      ASSERT_EQ(m.num_vars(), o.vars);
      ASSERT_EQ(m.num_rows(), o.cons);
      ASSERT_EQ(static_cast<int>(m.objective.size()), o.vars);
      for (int j = 0; j < m.num_vars(); ++j) {
        EXPECT_EQ(m.variables[j].name, "x" + std::to_string(j + 1));
        if (m.variables[j].lower && m.variables[j].upper) { EXPECT_LE(*m.variables[j].lower, *m.variables[j].upper); }
        if (k == LpKind::Bounded) { EXPECT_TRUE(m.variables[j].lower && m.variables[j].upper); }
      }
      for (int i = 0; i < m.num_rows(); ++i) {
        const auto& row = m.constraints[i];
        EXPECT_EQ(row.name, "c" + std::to_string(i + 1));
        EXPECT_FALSE(row.coef.empty());
        for (std::size_t t = 0; t < row.coef.size(); ++t) {
          EXPECT_NE(row.coef[t].second, 0);
          EXPECT_GE(row.coef[t].first, 0);
          EXPECT_LT(row.coef[t].first, m.num_vars());
          if (t > 0) { EXPECT_LT(row.coef[t - 1].first, row.coef[t].first); }
        }
        if (k == LpKind::Equality) { EXPECT_EQ(row.op, lp::RowOp::Equal); }
      }
    }
  }
}

TEST(LpGenerator, SameSeedSameInstanceOtherSeedOther) {
  for (LpKind k : kKinds) {
    LpGenOptions o;
    o.kind = k;
    o.vars = 7;
    o.cons = 6;
    o.density = 0.6;
    const lp::LpModel a = generate_lp(12345, o);
    const lp::LpModel other = generate_lp(12346, o);
    const lp::LpModel b = generate_lp(12345, o);
    EXPECT_TRUE(same_model(a, b)) << to_string(k);
    EXPECT_FALSE(same_model(a, other)) << to_string(k);
  }
}

TEST(LpGenerator, DensityIsRespected) {
  LpGenOptions o;
  o.kind = LpKind::Bounded;
  o.vars = 400;
  o.cons = 400;
  o.density = 0.05;
  const lp::LpModel m = generate_lp(7, o);
  std::size_t nonzeros = 0;
  for (const auto& row : m.constraints) nonzeros += row.coef.size();
  // 160000 Bernoulli(0.05) entries: mean 8000, sd ~87 (plus at most one forced entry per empty row).
  EXPECT_GT(nonzeros, 7400u);
  EXPECT_LT(nonzeros, 8600u);
  o.density = 1.0;
  o.vars = 30;
  o.cons = 20;
  const lp::LpModel dense = generate_lp(7, o);
  for (const auto& row : dense.constraints) EXPECT_EQ(row.coef.size(), 30u);
}

TEST(LpGenerator, CoefficientsAreSmallRationals) {
  // Kinds whose rows are drawn directly (no copies, combinations or ray adjustments).
  for (LpKind k : {LpKind::General, LpKind::Equality, LpKind::Bounded}) {
    LpGenOptions o;
    o.kind = k;
    o.vars = 10;
    o.cons = 10;
    const lp::LpModel m = generate_lp(99, o);
    for (const auto& row : m.constraints)
      for (const auto& entry : row.coef) {
        EXPECT_LE(abs(entry.second), Rational(9)) << to_string(k);
        EXPECT_LE(denominator(entry.second), Integer(4)) << to_string(k);
      }
  }
}

}  // namespace
}  // namespace equilab::gen
