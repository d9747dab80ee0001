// SparseLU: FTRAN/BTRAN against hand-solved 3x3 systems, eta updates, singularity.
#include "lp/sparse_lu.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace {

using equilab::Rational;
using equilab::lp::SparseLU;

// B with rows [[1,2,0],[0,1,3],[4,0,1]], given column by column.
template <class T>
std::vector<typename SparseLU<T>::Column> matrix_b() {
  return {{{0, T(1)}, {2, T(4)}}, {{0, T(2)}, {1, T(1)}}, {{1, T(3)}, {2, T(1)}}};
}

template <class T>
std::vector<T> ftran(const SparseLU<T>& lu, std::vector<T> rhs) {
  std::vector<T> out;
  lu.ftran(rhs, out);
  return out;
}

template <class T>
std::vector<T> btran(const SparseLU<T>& lu, std::vector<T> rhs) {
  std::vector<T> out;
  lu.btran(rhs, out);
  return out;
}

TEST(SparseLU, SolvesExactly) {
  SparseLU<Rational> lu;
  ASSERT_TRUE(lu.factorize(3, matrix_b<Rational>()).empty());
  // B (1,2,3) = (5,11,7) and B^T (1,1,1) = (5,3,4), by hand.
  EXPECT_EQ(ftran(lu, {5, 11, 7}), (std::vector<Rational>{1, 2, 3}));
  EXPECT_EQ(btran(lu, {5, 3, 4}), (std::vector<Rational>{1, 1, 1}));
  // B x = e1: x = first column of B^{-1}; det B = 25, adj gives (1, 12, -4)/25.
  EXPECT_EQ(ftran(lu, {1, 0, 0}),
            (std::vector<Rational>{Rational(1, 25), Rational(12, 25), Rational(-4, 25)}));
}

TEST(SparseLU, EtaUpdate) {
  SparseLU<Rational> lu;
  ASSERT_TRUE(lu.factorize(3, matrix_b<Rational>()).empty());
  // Replace position 1 by a = (1,1,1): B' rows [[1,1,0],[0,1,3],[4,1,1]].
  std::vector<Rational> alpha = ftran(lu, {1, 1, 1});
  lu.update(1, alpha, {{0, Rational(1)}, {1, Rational(1)}, {2, Rational(1)}});
  EXPECT_EQ(lu.updates(), 1);
  // B' (1,1,1) = (2,4,6); B'^T (1,2,3) = (13,6,9).
  EXPECT_EQ(ftran(lu, {2, 4, 6}), (std::vector<Rational>{1, 1, 1}));
  EXPECT_EQ(btran(lu, {13, 6, 9}), (std::vector<Rational>{1, 2, 3}));
}

TEST(SparseLU, DoubleAgrees) {
  SparseLU<double> lu;
  ASSERT_TRUE(lu.factorize(3, matrix_b<double>()).empty());
  auto x = ftran(lu, {5.0, 11.0, 7.0});
  auto y = btran(lu, {5.0, 3.0, 4.0});
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(x[i], i + 1.0, 1e-12);
    EXPECT_NEAR(y[i], 1.0, 1e-12);
  }
}

TEST(SparseLU, ReportsDependentColumns) {
  SparseLU<Rational> lu;
  // Columns (1,2,3), (2,4,6), (0,0,1): the second is twice the first.
  std::vector<SparseLU<Rational>::Column> cols = {{{0, Rational(1)}, {1, Rational(2)}, {2, Rational(3)}},
                                                  {{0, Rational(2)}, {1, Rational(4)}, {2, Rational(6)}},
                                                  {{2, Rational(1)}}};
  auto def = lu.factorize(3, cols);
  ASSERT_EQ(def.positions.size(), 1u);
  ASSERT_EQ(def.rows.size(), 1u);
  EXPECT_TRUE(def.positions[0] == 0 || def.positions[0] == 1);
  EXPECT_TRUE(def.rows[0] == 0 || def.rows[0] == 1);
}

TEST(SparseLU, IdentityAndEmpty) {
  SparseLU<Rational> lu;
  EXPECT_TRUE(lu.factorize(0, {}).empty());
  std::vector<SparseLU<Rational>::Column> cols = {{{1, Rational(1)}}, {{0, Rational(1)}}};  // a permutation
  ASSERT_TRUE(lu.factorize(2, cols).empty());
  EXPECT_EQ(ftran(lu, {3, 7}), (std::vector<Rational>{7, 3}));
  EXPECT_EQ(btran(lu, {3, 7}), (std::vector<Rational>{7, 3}));
}

}  // namespace

namespace {

// Property: after a sequence of column replacements (fractional entries, so the
// integer column scales change), B x = b and B^T y = c hold exactly, checked by
// multiplying back with the explicitly maintained B.
TEST(SparseLU, ExactUpdatesSolveTheCurrentBasis) {
  using Col = SparseLU<Rational>::Column;
  std::mt19937 rng(5);
  auto value = [&]() {
    int num = static_cast<int>(rng() % 19) - 9, den = 1 + static_cast<int>(rng() % 4);
    return Rational(num, den);
  };
  auto random_column = [&](int m, int density_pct) {
    Col c;
    for (int i = 0; i < m; ++i)
      if (static_cast<int>(rng() % 100) < density_pct) {
        Rational v = value();
        if (v != 0) c.emplace_back(i, v);
      }
    return c;
  };
  int factored = 0, updates = 0;
  for (int m : {1, 3, 8, 20}) {
    // A random fractional B (half dense) with a nonzero diagonal; skip it in the
    // unlikely case that it is singular.
    std::vector<Col> b(m);
    for (int k = 0; k < m; ++k) {
      b[k] = random_column(m, 50);
      bool has_diagonal = false;
      for (const auto& e : b[k]) has_diagonal = has_diagonal || e.first == k;
      if (!has_diagonal) {
        b[k].emplace_back(k, Rational(1 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 3)));
        std::sort(b[k].begin(), b[k].end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      }
    }
    SparseLU<Rational> lu;
    if (!lu.factorize(m, b).empty()) continue;
    ++factored;
    auto check = [&]() {
      std::vector<Rational> rhs(m), x, c(m), y;
      for (auto& v : rhs) v = value();
      for (auto& v : c) v = value();
      std::vector<Rational> rhs_copy = rhs, c_copy = c;
      lu.ftran(rhs_copy, x);
      lu.btran(c_copy, y);
      std::vector<Rational> bx(m, Rational(0));
      for (int k = 0; k < m; ++k)
        for (const auto& [i, v] : b[k]) bx[i] += v * x[k];
      EXPECT_EQ(bx, rhs);
      for (int k = 0; k < m; ++k) {
        Rational bty = 0;
        for (const auto& [i, v] : b[k]) bty += v * y[i];
        EXPECT_EQ(bty, c[k]) << "column " << k;
      }
    };
    check();
    for (int update = 0; update < 12; ++update) {
      Col a = random_column(m, 60);
      std::vector<Rational> dense(m, Rational(0)), alpha;
      for (const auto& [i, v] : a) dense[i] = v;
      lu.ftran(dense, alpha);
      std::vector<int> usable;
      for (int k = 0; k < m; ++k)
        if (alpha[k] != 0) usable.push_back(k);
      if (usable.empty()) continue;  // a = 0 cannot enter
      int p = usable[rng() % usable.size()];
      lu.update(p, alpha, a);
      ++updates;
      b[p] = a;
      check();
      if (HasFailure()) return;
    }
  }
  EXPECT_GE(factored, 3);
  EXPECT_GE(updates, 25);
}

}  // namespace
