// Exact check of a groups result (Wang §2.1.5, Theorem 2, Lemma 8) from the instance alone, with
// no-blocking decided by enumerating every group type (the shared checks and the argument are in
// verify/groups_stable_checks.h). No solver is called.
#include "verify/groups_certificate.h"

#include "groups/enumerate.h"
#include "verify/groups_stable_checks.h"

#include <algorithm>
#include <optional>
#include <string>

namespace equilab::verify {
namespace {

using groups::GroupsInstance;
using groups::GroupType;

using groups_checks::group_label;
using groups_checks::text;

// Every group type with its value, for the no-blocking scans (values as integer pairs so
// that a scan compares integers instead of adding rationals).
struct GroupTable {
  std::vector<GroupType> groups;
  std::vector<Rational> values;
  std::vector<Integer> value_num, value_den;
};

GroupTable make_table(const GroupsInstance& instance, std::uint64_t max_enumeration) {
  GroupTable t;
  t.groups = groups::enumerate_group_types(instance.num_types(), instance.min_size, instance.max_size, max_enumeration);
  t.values.reserve(t.groups.size());
  t.value_num.reserve(t.groups.size());
  t.value_den.reserve(t.groups.size());
  for (const GroupType& g : t.groups) {
    t.values.push_back(groups::group_value(instance, g));
    t.value_num.push_back(boost::multiprecision::numerator(t.values.back()));
    t.value_den.push_back(boost::multiprecision::denominator(t.values.back()));
  }
  return t;
}

constexpr int kMaxBlockingReports = 10;

// No-blocking Σ_{i∈G} u(i) >= s(G) for every group type; failures prefixed by `prefix` (when a
// verdict is given). Returns a blocking group of largest ρ = s(G) − Σ_{i∈G} u(i).
std::optional<groups_checks::Blocking> check_no_blocking(const GroupsInstance& instance, const GroupTable& table,
                                                         const std::vector<Rational>& u, const std::string& prefix,
                                                         Verdict* verdict) {
  // u = num / den with a common denominator den > 0.
  Integer den = 1;
  for (const Rational& v : u) den = boost::multiprecision::lcm(den, Integer(boost::multiprecision::denominator(v)));
  std::vector<Integer> num;
  num.reserve(u.size());
  for (const Rational& v : u)
    num.push_back(Integer(boost::multiprecision::numerator(v)) * (den / Integer(boost::multiprecision::denominator(v))));

  long blocking = 0;
  std::optional<std::size_t> worst;
  Rational worst_rho;
  Integer a, lhs, rhs;
  for (std::size_t k = 0; k < table.groups.size(); ++k) {
    a = 0;
    for (int m : table.groups[k]) a += num[m];
    lhs = a * table.value_den[k];
    rhs = table.value_num[k] * den;
    if (lhs < rhs) {
      const Rational sum(a, den);
      const Rational rho = table.values[k] - sum;
      if (!worst || rho > worst_rho) {
        worst = k;
        worst_rho = rho;
      }
      if (verdict && ++blocking <= kMaxBlockingReports)
        verdict->fail(prefix + group_label(instance, table.groups[k]) + ": blocking: u-sum " + text(sum) + " < s " +
                      text(table.values[k]));
    }
  }
  if (verdict && blocking > kMaxBlockingReports)
    verdict->fail(prefix + std::to_string(blocking - kMaxBlockingReports) + " more blocking group types");
  if (!worst) return std::nullopt;
  return groups_checks::Blocking{table.groups[*worst], worst_rho};
}

}  // namespace

Verdict check_groups_certificate(const groups::GroupsInstance& instance, const groups::StableAssignment& result,
                                 std::uint64_t max_enumeration) {
  const GroupTable table = make_table(instance, max_enumeration);  // throws EnumerationLimit
  return groups_checks::check_stable_assignment(
      instance, result, [&](const std::vector<Rational>& u, const std::string& prefix, Verdict* verdict) {
        return check_no_blocking(instance, table, u, prefix, verdict);
      });
}

}  // namespace equilab::verify
