// Properties of the groups family (Wang 2019, §2) on seeded random instances:
// the three methods agree exactly and every certificate verifies; Π is positively
// homogeneous, concave, and u is a supergradient (§2.2.1); shifting s by α|G| shifts u
// by α; renaming types and splitting a type into clones change nothing.
// EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include "common/property_runs.h"
#include "core/random.h"
#include "generators/groups_generator.h"
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups/methods.h"
#include "verify/groups_certificate.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

namespace equilab::groups {
namespace {

const bool kRunsConfigured = testing::configure_property_runs();

struct Case {
  std::uint64_t seed;
  gen::GroupsGenOptions options;
};

// Small instances: up to 4 types and sizes within 1..4, so that vertex-enum runs too.
Case draw_case(bool pairwise_only = false) {
  Case c;
  c.seed = *rc::gen::arbitrary<std::uint32_t>();
  c.options.types = *rc::gen::inRange(1, 5);
  c.options.min_size = *rc::gen::inRange(1, 4);
  c.options.max_size = std::min(4, c.options.min_size + *rc::gen::inRange(0, 3));
  c.options.pairwise = pairwise_only || *rc::gen::arbitrary<bool>();
  c.options.ties = *rc::gen::arbitrary<bool>();
  return c;
}

GroupsInstance instance_of(const Case& c) {
  GroupsInstance inst = gen::generate_groups(c.seed, c.options);
  RC_LOG() << "seed " << c.seed << ", instance " << write_groups_json(inst).dump() << "\n";
  return inst;
}

void require_verified(const GroupsInstance& inst, const StableAssignment& r, const char* method) {
  const verify::Verdict v = verify::check_groups_certificate(inst, r, kDefaultMaxEnumeration);
  if (!v.valid) RC_LOG() << method << ": " << v.failures.front() << "\n";
  RC_ASSERT(v.valid);
}

Rational welfare(const GroupsInstance& inst, bool ranges = false) {
  GroupsOptions o;
  o.ranges = ranges;
  return solve_welfare_lp(inst, o).welfare;
}

RC_GTEST_PROP(GroupsProperties, MethodsAgreeAndCertificatesVerify, ()) {
  const GroupsInstance inst = instance_of(draw_case());
  GroupsOptions o;
  const StableAssignment lp = solve_welfare_lp(inst, o);
  require_verified(inst, lp, "welfare-lp");
  RC_ASSERT(lp.assignment.size() <= static_cast<std::size_t>(inst.num_types()));  // a basic optimum

  std::vector<StableAssignment> others;
  others.push_back(solve_transport(inst, o));
  GroupsOptions factorial = o;
  factorial.replication = GroupsOptions::Replication::Factorial;
  others.push_back(solve_transport(inst, factorial));
  try {
    others.push_back(solve_vertex_enum(inst, o));
  } catch (const EnumerationLimit&) {
    // too many bases for this case: the two other methods still cross-check
  }
  for (const auto& r : others) {
    require_verified(inst, r, "other method");
    RC_ASSERT(r.welfare == lp.welfare);
    for (int i = 0; i < inst.num_types(); ++i) {
      RC_ASSERT((*r.ranges)[i].min == (*lp.ranges)[i].min);
      RC_ASSERT((*r.ranges)[i].max == (*lp.ranges)[i].max);
    }
  }
}

RC_GTEST_PROP(GroupsProperties, WelfareIsPositivelyHomogeneous, ()) {
  GroupsInstance inst = instance_of(draw_case());
  const Rational lambda(Integer(*rc::gen::inRange(1, 20)), Integer(*rc::gen::inRange(1, 7)));
  const Rational base = welfare(inst);
  for (auto& t : inst.types) t.mass *= lambda;
  RC_ASSERT(welfare(inst) == lambda * base);
}

RC_GTEST_PROP(GroupsProperties, ImputationIsASupergradientAndWelfareIsConcave, ()) {
  const Case c = draw_case();
  const GroupsInstance inst = instance_of(c);
  GroupsInstance other = inst;
  Random rng(c.seed ^ 0x9e3779b97f4a7c15ULL);
  for (auto& t : other.types) t.mass = rng.uniform_rational(1, 5, 4);
  GroupsOptions o;
  o.ranges = false;
  const StableAssignment at_mu = solve_welfare_lp(inst, o);
  const Rational at_other = welfare(other);
  Rational linear = at_mu.welfare;
  for (int i = 0; i < inst.num_types(); ++i) linear += at_mu.imputation[i] * (other.types[i].mass - inst.types[i].mass);
  RC_ASSERT(at_other <= linear);  // Π(μ') <= Π(μ) + u·(μ' − μ)
  GroupsInstance mid = inst;
  for (int i = 0; i < inst.num_types(); ++i) mid.types[i].mass = (inst.types[i].mass + other.types[i].mass) / 2;
  RC_ASSERT(2 * welfare(mid) >= at_mu.welfare + at_other);
}

RC_GTEST_PROP(GroupsProperties, AddingAlphaPerMemberShiftsTheImputation, ()) {
  GroupsInstance inst = instance_of(draw_case(/*pairwise_only=*/true));
  const Rational alpha(Integer(*rc::gen::inRange(-10, 11)), Integer(*rc::gen::inRange(1, 5)));
  GroupsOptions o;
  const StableAssignment before = solve_welfare_lp(inst, o);
  for (auto& own : std::get<PairwiseValue>(inst.value).own) own += alpha;  // s(G) + α|G|
  const StableAssignment after = solve_welfare_lp(inst, o);
  Rational total_mass = 0;
  for (const auto& t : inst.types) total_mass += t.mass;
  RC_ASSERT(after.welfare == before.welfare + alpha * total_mass);
  for (int i = 0; i < inst.num_types(); ++i) {
    RC_ASSERT((*after.ranges)[i].min == (*before.ranges)[i].min + alpha);
    RC_ASSERT((*after.ranges)[i].max == (*before.ranges)[i].max + alpha);
  }
}

// The instance with its types in reverse order (names travel with the types).
GroupsInstance reversed(const GroupsInstance& inst) {
  const int k = inst.num_types();
  auto map = [k](int i) { return k - 1 - i; };
  GroupsInstance out = inst;
  std::reverse(out.types.begin(), out.types.end());
  if (const auto* table = std::get_if<TableValue>(&inst.value)) {
    TableValue t;
    t.default_value = table->default_value;
    for (const auto& [g, v] : table->values) {
      GroupType h;
      for (int m : g) h.push_back(map(m));
      std::sort(h.begin(), h.end());
      t.values.emplace(h, v);
    }
    out.value = t;
  } else {
    const auto& pw = std::get<PairwiseValue>(inst.value);
    PairwiseValue p;
    p.size = pw.size;
    p.own.assign(pw.own.rbegin(), pw.own.rend());
    for (const auto& [key, v] : pw.pair)
      p.pair.emplace(std::make_pair(std::min(map(key.first), map(key.second)), std::max(map(key.first), map(key.second))), v);
    out.value = p;
  }
  return out;
}

RC_GTEST_PROP(GroupsProperties, RenamingTypesChangesNothing, ()) {
  const GroupsInstance inst = instance_of(draw_case());
  GroupsOptions o;
  const StableAssignment a = solve_welfare_lp(inst, o), b = solve_welfare_lp(reversed(inst), o);
  const int k = inst.num_types();
  RC_ASSERT(a.welfare == b.welfare);
  for (int i = 0; i < k; ++i) {
    RC_ASSERT((*a.ranges)[i].min == (*b.ranges)[k - 1 - i].min);
    RC_ASSERT((*a.ranges)[i].max == (*b.ranges)[k - 1 - i].max);
  }
}

// Type 0 split into two identical clones, each with half its mass (pairwise values:
// the clone has the same own value and the same pair values, also with type 0 itself).
GroupsInstance split_first_type(const GroupsInstance& inst) {
  GroupsInstance out = inst;
  out.types[0].mass /= 2;
  out.types.push_back({inst.types[0].name + "_clone", inst.types[0].mass / 2});
  auto& pw = std::get<PairwiseValue>(out.value);
  const int clone = inst.num_types();
  pw.own.push_back(pw.own[0]);
  for (const auto& [key, v] : std::get<PairwiseValue>(inst.value).pair) {
    if (key.first == 0 && key.second == 0) {
      pw.pair.emplace(std::make_pair(0, clone), v);
      pw.pair.emplace(std::make_pair(clone, clone), v);
    } else if (key.first == 0) {
      pw.pair.emplace(std::make_pair(key.second, clone), v);
    }
  }
  return out;
}

RC_GTEST_PROP(GroupsProperties, SplittingATypeIntoClonesKeepsWelfareAndRange, ()) {
  Case c = draw_case(/*pairwise_only=*/true);
  c.options.types = std::min(c.options.types, 3);
  const GroupsInstance inst = instance_of(c);
  GroupsOptions o;
  const StableAssignment a = solve_welfare_lp(inst, o), b = solve_welfare_lp(split_first_type(inst), o);
  RC_ASSERT(a.welfare == b.welfare);
  const int clone = inst.num_types();
  for (int i : {0, clone}) {
    RC_ASSERT((*b.ranges)[i].min == (*a.ranges)[0].min);
    RC_ASSERT((*b.ranges)[i].max == (*a.ranges)[0].max);
  }
}

RC_GTEST_PROP(GroupsProperties, CorruptedCertificatesAreRejected, ()) {
  const GroupsInstance inst = instance_of(draw_case());
  GroupsOptions o;
  const StableAssignment good = solve_welfare_lp(inst, o);
  StableAssignment bad_mass = good;
  bad_mass.assignment.front().mass += Rational(1, 7);
  StableAssignment bad_u = good;
  bad_u.imputation[*rc::gen::inRange(0, inst.num_types())] -= Rational(1, 5);
  for (const auto* bad : {&bad_mass, &bad_u})
    RC_ASSERT(!verify::check_groups_certificate(inst, *bad, kDefaultMaxEnumeration).valid);
}

}  // namespace
}  // namespace equilab::groups
