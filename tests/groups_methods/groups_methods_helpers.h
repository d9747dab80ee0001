// Test helpers for tests/groups_methods: instance builders, a deterministic random
// source, and an exact check of a result that enumerates the group types itself
// (independently of groups/enumerate.cpp).
#pragma once

#include "core/rational.h"
#include "groups/enumerate.h"
#include "groups/methods.h"
#include "groups/model.h"
#include "groups/stable_assignment.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace equilab::groups::test {

inline Rational R(const char* text) { return parse_rational(text); }

// Types named "1", "2", ...; listed groups need not be sorted.
inline GroupsInstance make_table(const std::vector<Rational>& masses, int min_size, int max_size,
                                 const Rational& default_value,
                                 const std::vector<std::pair<GroupType, Rational>>& values) {
  GroupsInstance inst;
  for (std::size_t i = 0; i < masses.size(); ++i) inst.types.push_back({std::to_string(i + 1), masses[i]});
  inst.min_size = min_size;
  inst.max_size = max_size;
  TableValue table;
  table.default_value = default_value;
  for (auto [g, v] : values) {
    std::sort(g.begin(), g.end());
    table.values.emplace(g, v);
  }
  inst.value = table;
  return inst;
}

// A fixed 64-bit LCG (Knuth's MMIX constants): the same numbers on every platform.
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next(std::uint64_t bound) {  // uniform-ish in [0, bound)
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % bound;
  }
  long range(long lo, long hi) { return lo + static_cast<long>(next(static_cast<std::uint64_t>(hi - lo + 1))); }

 private:
  std::uint64_t state_;
};

// Every multiset of `n` types out of k, members ascending (own enumeration for the checks).
inline void for_each_group(int k, int min_size, int max_size, const std::function<void(const GroupType&)>& f) {
  GroupType g;
  std::function<void(int, int)> rec = [&](int first, int left) {
    if (left == 0) {
      f(g);
      return;
    }
    for (int i = first; i < k; ++i) {
      g.push_back(i);
      rec(i, left - 1);
      g.pop_back();
    }
  };
  for (int n = min_size; n <= max_size; ++n) rec(0, n);
}

// kind 0: table, values p/q with p in 0..10, q in 1..3; kind 1: ties, values in {0,1,2};
// kind 2: pairwise with own in 0..4, pairs (prob. 1/2) in [-2,5]/{1,2}, sizes (prob. 1/2) in -3..3.
inline GroupsInstance random_instance(Lcg& rng, int k, int min_size, int max_size, int kind) {
  GroupsInstance inst;
  for (int i = 0; i < k; ++i)
    inst.types.push_back({std::to_string(i + 1), Rational(rng.range(1, 3)) / Rational(rng.range(1, 2))});
  inst.min_size = min_size;
  inst.max_size = max_size;
  if (kind < 2) {
    TableValue table;
    table.default_value = 0;
    for_each_group(k, min_size, max_size, [&](const GroupType& g) {
      Rational v = kind == 0 ? Rational(rng.range(0, 10)) / Rational(rng.range(1, 3)) : Rational(rng.range(0, 2));
      table.values.emplace(g, v);
    });
    inst.value = table;
  } else {
    PairwiseValue pw;
    for (int i = 0; i < k; ++i) pw.own.push_back(rng.range(0, 4));
    for (int i = 0; i < k; ++i)
      for (int j = i; j < k; ++j)
        if (rng.next(2)) pw.pair.emplace(std::make_pair(i, j), Rational(rng.range(-2, 5)) / Rational(rng.range(1, 2)));
    for (int n = min_size; n <= max_size; ++n)
      if (rng.next(2)) pw.size.emplace(n, rng.range(-3, 3));
    inst.value = pw;
  }
  return inst;
}

inline Rational dot(const GroupType& g, const std::vector<Rational>& u) {
  Rational s = 0;
  for (int member : g) s += u[member];
  return s;
}

// No group blocks u (Σ_{i∈G} u(i) >= s(G) for every group type) and Σ uμ = W.
inline void expect_stable_imputation(const GroupsInstance& inst, const std::vector<Rational>& u, const Rational& w,
                                     const std::string& what) {
  const int k = inst.num_types();
  ASSERT_EQ(static_cast<int>(u.size()), k) << what;
  std::size_t blocking = 0;
  for_each_group(k, inst.min_size, inst.max_size, [&](const GroupType& g) {
    if (dot(g, u) < group_value(inst, g)) ++blocking;
  });
  EXPECT_EQ(blocking, 0u) << what << ": blocking groups";
  Rational total = 0;
  for (int i = 0; i < k; ++i) total += u[i] * inst.types[i].mass;
  EXPECT_EQ(total, w) << what << ": Σ uμ != W";
}

// Σ_G x_G G + t μ = sign·e_i and Σ x_G s(G) + t W = sign·bound, x > 0 on permitted groups.
inline void expect_multiplier(const GroupsInstance& inst, const RangeMultiplier& m, int i, int sign,
                              const Rational& bound, const Rational& w, const std::string& what) {
  const int k = inst.num_types();
  std::vector<Rational> lhs(k);
  Rational value = m.t * w;
  for (const auto& [g, x] : m.x) {
    EXPECT_GT(x, 0) << what;
    EXPECT_TRUE(static_cast<int>(g.size()) >= inst.min_size && static_cast<int>(g.size()) <= inst.max_size) << what;
    EXPECT_TRUE(std::is_sorted(g.begin(), g.end())) << what;
    for (int member : g) lhs[member] += x;
    value += x * group_value(inst, g);
  }
  for (int j = 0; j < k; ++j) {
    lhs[j] += m.t * inst.types[j].mass;
    EXPECT_EQ(lhs[j], Rational(j == i ? sign : 0)) << what << ": row " << j;
  }
  EXPECT_EQ(value, sign * bound) << what << ": value";
}

// The exact conditions of a stable assignment with its imputation and ranges.
inline void check_result(const GroupsInstance& inst, const StableAssignment& r) {
  const int k = inst.num_types();
  // Consistency and stated values.
  std::vector<Rational> used(k);
  Rational welfare = 0;
  for (std::size_t a = 0; a < r.assignment.size(); ++a) {
    const FormedGroup& f = r.assignment[a];
    EXPECT_GT(f.mass, 0);
    EXPECT_EQ(f.value, group_value(inst, f.group));
    EXPECT_TRUE(std::is_sorted(f.group.begin(), f.group.end()));
    if (a > 0) {  // canonical order: by size, then lexicographic
      const GroupType& p = r.assignment[a - 1].group;
      EXPECT_TRUE(p.size() < f.group.size() || (p.size() == f.group.size() && p < f.group)) << "order";
    }
    for (int member : f.group) used[member] += f.mass;
    welfare += f.mass * f.value;
    // Formed groups are not over-paid: Σ_{i∈G} u(i) <= s(G) (with no-blocking: equality).
    if (static_cast<int>(r.imputation.size()) == k) {
      EXPECT_LE(dot(f.group, r.imputation), f.value);
    }
  }
  for (int i = 0; i < k; ++i) EXPECT_EQ(used[i], inst.types[i].mass) << "consistency of type " << i;
  EXPECT_EQ(welfare, r.welfare) << "Σ sτ != W";
  expect_stable_imputation(inst, r.imputation, r.welfare, "imputation");
  if (!r.ranges) return;
  ASSERT_EQ(static_cast<int>(r.ranges->size()), k);
  for (int i = 0; i < k; ++i) {
    const ImputationRange& range = (*r.ranges)[i];
    const std::string tag = "type " + std::to_string(i);
    EXPECT_LE(range.min, r.imputation[i]) << tag;
    EXPECT_GE(range.max, r.imputation[i]) << tag;
    expect_stable_imputation(inst, range.witness_min, r.welfare, tag + " witness_min");
    expect_stable_imputation(inst, range.witness_max, r.welfare, tag + " witness_max");
    ASSERT_EQ(static_cast<int>(range.witness_min.size()), k);
    ASSERT_EQ(static_cast<int>(range.witness_max.size()), k);
    EXPECT_EQ(range.witness_min[i], range.min) << tag;
    EXPECT_EQ(range.witness_max[i], range.max) << tag;
    expect_multiplier(inst, range.multiplier_min, i, 1, range.min, r.welfare, tag + " multiplier_min");
    expect_multiplier(inst, range.multiplier_max, i, -1, range.max, r.welfare, tag + " multiplier_max");
  }
}

}  // namespace equilab::groups::test
