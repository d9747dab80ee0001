// Test helpers for tests/groups_scale: random instances of the value classes of the pricing
// theorem (README "Which value functions scale") drawn with RapidCheck, kept as plain data so
// that the brute force below computes s(G) from its own formula, not through groups::group_value.
#pragma once

#include "core/rational.h"
#include "groups/model.h"

#include <rapidcheck.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace equilab::groups::scale_test {

enum class Kind { PairwiseSparse, Additive, Table, NegativePairs };

inline const char* kind_name(Kind k) {
  switch (k) {
    case Kind::PairwiseSparse: return "pairwise-sparse";
    case Kind::Additive: return "additive";
    case Kind::Table: return "table";
    case Kind::NegativePairs: return "negative-pairs";
  }
  return "?";
}

// The value function as the test sees it.
struct Data {
  Kind kind = Kind::PairwiseSparse;
  int k = 1, lo = 1, hi = 1;
  std::vector<Rational> mass;
  std::vector<Rational> own;                    // pairwise
  std::vector<std::vector<Rational>> pair;      // symmetric k×k, diagonal = self pairs
  std::vector<Rational> size;                   // index n
  Rational default_value;                       // table
  std::map<GroupType, Rational> listed;         // table, sorted members
};

// A small rational p/q with q in 1..4 (ties are common).
inline Rational small_rational(int lo, int hi) {
  const int q = *rc::gen::inRange(1, 5);
  return Rational(*rc::gen::inRange(lo * q, hi * q + 1)) / q;
}

inline Data draw_data(Kind kind, int max_types, int max_size) {
  Data d;
  d.kind = kind;
  d.k = *rc::gen::inRange(1, max_types + 1);
  d.hi = *rc::gen::inRange(1, max_size + 1);
  d.lo = *rc::gen::inRange(1, d.hi + 1);
  for (int i = 0; i < d.k; ++i) d.mass.push_back(small_rational(1, 3));
  d.size.assign(d.hi + 1, Rational(0));
  if (kind == Kind::Table) {
    d.default_value = small_rational(-2, 4);
    const int listings = *rc::gen::inRange(0, 3 * d.k + 1);
    for (int t = 0; t < listings; ++t) {
      const int n = *rc::gen::inRange(d.lo, d.hi + 1);
      GroupType g;
      for (int m = 0; m < n; ++m) g.push_back(*rc::gen::inRange(0, d.k));
      std::sort(g.begin(), g.end());
      d.listed[g] = small_rational(-3, 20);
    }
    return d;
  }
  for (int i = 0; i < d.k; ++i) d.own.push_back(small_rational(-3, 10));
  for (int n = 1; n <= d.hi; ++n) d.size[n] = small_rational(-5, 5);
  d.pair.assign(d.k, std::vector<Rational>(d.k, Rational(0)));
  if (kind == Kind::Additive) return d;
  // Random graph: each pair present with probability about c/k for an average degree c drawn
  // in 1..k/2+1 (sparse to fairly dense), self pairs with probability 1/5.
  const int c = *rc::gen::inRange(1, d.k / 2 + 2);
  for (int i = 0; i < d.k; ++i)
    for (int j = i; j < d.k; ++j) {
      const bool present = i == j ? *rc::gen::inRange(0, 5) == 0 : *rc::gen::inRange(0, std::max(d.k, 2)) < c;
      if (!present) continue;
      Rational v = kind == Kind::NegativePairs ? small_rational(-10, 10) : small_rational(0, 20);
      d.pair[i][j] = d.pair[j][i] = v;
    }
  return d;
}

inline GroupsInstance instance_of(const Data& d) {
  GroupsInstance inst;
  for (int i = 0; i < d.k; ++i) inst.types.push_back({"t" + std::to_string(i), d.mass[i]});
  inst.min_size = d.lo;
  inst.max_size = d.hi;
  if (d.kind == Kind::Table) {
    TableValue t;
    t.default_value = d.default_value;
    t.values = d.listed;
    inst.value = t;
    return inst;
  }
  PairwiseValue pw;
  pw.own = d.own;
  for (int i = 0; i < d.k; ++i)
    for (int j = i; j < d.k; ++j)
      if (d.pair[i][j] != 0) pw.pair[{i, j}] = d.pair[i][j];
  for (int n = 1; n <= d.hi; ++n)
    if (d.size[n] != 0) pw.size[n] = d.size[n];
  inst.value = pw;
  return inst;
}

// s(G) from the test's own data: table lookup, or own + every member pair + size.
inline Rational value_of(const Data& d, const GroupType& g) {
  if (d.kind == Kind::Table) {
    auto it = d.listed.find(g);
    return it == d.listed.end() ? d.default_value : it->second;
  }
  Rational s = d.size[g.size()];
  for (std::size_t a = 0; a < g.size(); ++a) {
    s += d.own[g[a]];
    for (std::size_t b = a + 1; b < g.size(); ++b) s += d.pair[g[a]][g[b]];
  }
  return s;
}

// Every n-multiset of the k types, members ascending.
inline void for_each_multiset(int k, int n, const std::function<void(const GroupType&)>& f) {
  GroupType g;
  std::function<void(int)> rec = [&](int first) {
    if (static_cast<int>(g.size()) == n) {
      f(g);
      return;
    }
    for (int i = first; i < k; ++i) {
      g.push_back(i);
      rec(i);
      g.pop_back();
    }
  };
  rec(0);
}

inline Rational rho_of(const Data& d, const GroupType& g, const std::vector<Rational>& u) {
  Rational r = value_of(d, g);
  for (int i : g) r -= u[i];
  return r;
}

}  // namespace equilab::groups::scale_test
