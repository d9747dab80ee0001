// Wang (2019), §2.1: a continuum of agents of finitely many types, partitioned into
// groups of N' <= n <= N members; a group type is a multiset of types (eq. 1) with a
// surplus s(G) (§2.1.3). The paper assumes s >= 0; equilab accepts any rational.
#pragma once

#include "core/rational.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace equilab::groups {

// A group type G: its members as type indices, sorted ascending (the instance's type
// order), so that equal multisets have equal keys. G(i) = number of copies of i.
using GroupType = std::vector<int>;

struct TypeInfo {
  std::string name;
  Rational mass;  // μ(i) > 0
};

// value.kind = "table": listed multisets, `default_value` for all others.
struct TableValue {
  Rational default_value;
  std::map<GroupType, Rational> values;
};

// value.kind = "pairwise": s(G) = Σ_members own + Σ_{member pairs k<l} pair(i_k,i_l) + size(|G|);
// a same-type pair counts C(G(i),2) times, (i,j) pairs G(i)G(j) times; missing entries are 0.
struct PairwiseValue {
  std::vector<Rational> own;                  // one per type
  std::map<std::pair<int, int>, Rational> pair;  // key (i, j) with i <= j
  std::map<int, Rational> size;               // by group size
};

struct GroupsInstance {
  std::string name;  // optional, may be empty
  std::vector<TypeInfo> types;
  int min_size = 1;  // N'
  int max_size = 1;  // N
  std::variant<TableValue, PairwiseValue> value;

  int num_types() const { return static_cast<int>(types.size()); }
};

// s(G) (§2.1.3).
Rational group_value(const GroupsInstance& instance, const GroupType& group);

// The member names of a group, in instance type order, e.g. ["1","2","2"].
std::vector<std::string> group_names(const GroupsInstance& instance, const GroupType& group);

}  // namespace equilab::groups
