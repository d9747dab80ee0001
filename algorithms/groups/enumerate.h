// Group types in canonical order: by size, then lexicographically in the instance's
// type order. Their number is Σ_{n=N'}^{N} C(K+n-1, n) (eq. 1).
#pragma once

#include "core/rational.h"
#include "groups/model.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab::groups {

// Σ_{n=min}^{max} C(K+n-1, n), exactly.
Integer count_group_types(int num_types, int min_size, int max_size);

// Thrown before allocating when the count exceeds the limit; the command turns it into
// exit 2 naming --max-enumeration.
class EnumerationLimit : public std::runtime_error {
 public:
  // `what` names the things counted; `remedy` tells the user what to do.
  EnumerationLimit(const Integer& count, std::uint64_t limit, const std::string& what = "group types",
                   const std::string& remedy = "raise it with --max-enumeration");
};

inline constexpr std::uint64_t kDefaultMaxEnumeration = 2'000'000;

std::vector<GroupType> enumerate_group_types(int num_types, int min_size, int max_size,
                                             std::uint64_t max_enumeration = kDefaultMaxEnumeration);

// G(i) for every type.
std::vector<int> group_counts(const GroupType& group, int num_types);

}  // namespace equilab::groups
