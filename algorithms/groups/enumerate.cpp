// Group types in canonical order (size, then lexicographic on the sorted member vector)
// and their exact number (eq. 1).
#include "groups/enumerate.h"

#include <algorithm>
#include <string>

namespace equilab::groups {
namespace {

// C(n, k) exactly, in min(k, n-k) steps; 0 outside 0 <= k <= n.
Integer binomial(const Integer& n, const Integer& k) {
  if (k < 0 || k > n) return 0;
  Integer steps = std::min(k, Integer(n - k));
  Integer result = 1;
  for (Integer j = 1; j <= steps; ++j) result = result * (n - steps + j) / j;  // = C(n-steps+j, j), exact
  return result;
}

std::string integer_text(const Integer& value) { return value.str(); }

}  // namespace

Integer count_group_types(int num_types, int min_size, int max_size) {
  if (num_types < 0) throw std::invalid_argument("count_group_types: negative number of types");
  if (min_size < 1) throw std::invalid_argument("count_group_types: min_size < 1");
  if (min_size > max_size) return 0;
  // Σ_{n=0}^{N} C(K-1+n, n) = C(K+N, N) (hockey stick), so
  // Σ_{n=N'}^{N} C(K-1+n, n) = C(K+N, N) - C(K+N'-1, N'-1).
  const Integer K = num_types;
  return binomial(K + max_size, Integer(max_size)) - binomial(K + min_size - 1, Integer(min_size - 1));
}

EnumerationLimit::EnumerationLimit(const Integer& count, std::uint64_t limit, const std::string& what,
                                   const std::string& remedy)
    : std::runtime_error(integer_text(count) + " " + what + " exceed the enumeration limit " + std::to_string(limit) +
                         "; " + remedy) {}

std::vector<GroupType> enumerate_group_types(int num_types, int min_size, int max_size,
                                             std::uint64_t max_enumeration) {
  const Integer count = count_group_types(num_types, min_size, max_size);
  if (count > Integer(max_enumeration)) throw EnumerationLimit(count, max_enumeration);
  std::vector<GroupType> out;
  out.reserve(count.convert_to<std::size_t>());
  if (num_types == 0) return out;
  for (int n = min_size; n <= max_size; ++n) {
    GroupType g(static_cast<std::size_t>(n), 0);
    for (;;) {
      out.push_back(g);
      // Next non-decreasing vector in lexicographic order: bump the rightmost entry that
      // can grow and level everything after it.
      int p = n - 1;
      while (p >= 0 && g[p] == num_types - 1) --p;
      if (p < 0) break;
      const int v = g[p] + 1;
      std::fill(g.begin() + p, g.end(), v);
    }
  }
  return out;
}

std::vector<int> group_counts(const GroupType& group, int num_types) {
  std::vector<int> counts(static_cast<std::size_t>(std::max(num_types, 0)), 0);
  for (int member : group) {
    if (member < 0 || member >= num_types)
      throw std::out_of_range("group_counts: member " + std::to_string(member) + " is not a type index");
    ++counts[member];
  }
  return counts;
}

}  // namespace equilab::groups
