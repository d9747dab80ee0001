// EMZ 2022 §4.3, first application (regional floors, Kamada–Kojima): the objects are partitioned
// into regions R_1..R_K, each with a floor and a ceiling on the number of copies assigned in it,
//   q̲_{R_k} ≤ Σ_i Σ_{l∈R_k} x_il ≤ q̄_{R_k}.
// C = {x ≥ 0 : Σ_l x_il ≤ 1 (unit demand, every agent), Σ_i x_il ≤ q_l (supply), the regional
// floors and ceilings}. Unit demand is the inequality of X_i = Δ₋: EMZ (2) lists 0 ≤ Σ_l x_il ≤ 1
// and the proof of Prop. 1 uses only Σ_l x_il ≤ 1. (With "every agent assigned", Σ_l x_il = 1,
// Prop. 1 would be false: one object of supply 2 in one region with ceiling 1 and two agents
// satisfy EMZ's assumptions, yet no assignment places both agents.)
//
// C has floors, so it is not its own lower contour set; the pseudo-market prices a description
// of lcs(C) by ceilings only (EMZ Lemma 1). Prop. 1: lcs(C) is the set of x ≥ 0 satisfying (2):
//   Σ_l x_il ≤ 1 (individual), Σ_i x_il ≤ q_l (priced `supply:<l>`; the text of (2) prints q̲_l
//   here — it is the supply q_l, a conversion error) and, for every union R of ℓ ≥ 1 regions,
//   Σ_i Σ_{l∈R} x_il ≤ q̄_R with q̄_R defined by the recursion below (priced `region:<names>`).
// The floors stay rows of C (in.floors, never priced): they matter for x ∈ C, not for prices.
//
// EMZ assume enough positions (Σ_l q_l ≥ N) and enough agents for the floors (N ≥ Σ_k q̲_{R_k});
// the proof of Prop. 1 also uses q̲_{R_k} ≤ Σ_{l∈R_k} q_l (a floor the region's supply can meet).
// Prop. 1 is stated for this C alone: user constraints and allocate_all are rejected with regions.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "pseudo_market/equilibrium_kinds.h"

namespace equilab::pseudo_market {

namespace {

std::string text(const Rational& r) { return equilab::to_string(r); }

// 2^K − 1 unions get a ceiling; past this many regions Ω* would be too large to be useful.
constexpr int kMaxRegions = 12;

Rational read_count(const JsonNode& node, const char* what) {
  const Rational v = node.as_rational();
  if (v < 0 || boost::multiprecision::denominator(v) != 1)
    node.fail(std::string("a region's ") + what + " must be a non-negative integer, not " + text(v));
  return v;
}

Rational region_supply(const EquilibriumInstance& in, const EquilibriumInstance::Region& r) {
  Rational s = 0;
  for (int l : r.objects) s += in.objects[l].supply;
  return s;
}

}  // namespace

void read_regions(EquilibriumInstance& in, const JsonNode& node) {
  if (in.allocate_all)
    node.fail(
        "regions (EMZ §4.3) cannot be combined with \"allocate_all\" (Prop. 1 describes C with "
        "unit demand Σ_l x_il ≤ 1)");
  if (!in.user.empty())
    node.fail(
        "regions (EMZ §4.3) cannot be combined with \"constraints\" (Prop. 1 describes C with "
        "unit demand, supplies and the regional quotas only)");
  const int L = in.num_objects(), N = in.num_agents();
  std::vector<std::string> object_names;
  for (const auto& o : in.objects) object_names.push_back(o.name);
  const NameIndex oidx("object", object_names);
  NameIndex ridx("region");
  std::vector<int> owner(L, -1);
  in.regions.clear();
  const std::vector<JsonNode> items = node.elements();
  if (items.empty()) node.fail("empty regions list (omit \"regions\" for no regional quotas)");
  if (static_cast<int>(items.size()) > kMaxRegions)
    node.fail(std::to_string(items.size()) + " regions: at most " + std::to_string(kMaxRegions) +
              " are supported (every union of regions gets a priced row, EMZ eq. (2))");
  for (const JsonNode& item : items) {
    item.expect_object({"name", "objects", "floor", "ceiling"});
    EquilibriumInstance::Region region;
    const JsonNode name = item.at("name");
    ridx.add(name);
    region.name = name.as_string();
    // "+" joins region names in the row names of unions ("region:<n1>+<n2>").
    if (region.name.find('+') != std::string::npos)
      name.fail("a region name must not contain '+' (it joins the names of a union's row), not \"" +
                region.name + "\"");
    const JsonNode objects = item.at("objects");
    for (const JsonNode& o : objects.elements()) {
      const int l = oidx.at(o);
      if (owner[l] == static_cast<int>(in.regions.size()))
        o.fail("duplicate object \"" + o.as_string() + "\" in region \"" + region.name + "\"");
      if (owner[l] >= 0)
        o.fail("object \"" + o.as_string() + "\" is already in region \"" + in.regions[owner[l]].name +
               "\" (the regions must partition the objects)");
      owner[l] = static_cast<int>(in.regions.size());
      region.objects.push_back(l);
    }
    if (region.objects.empty()) objects.fail("empty objects list: every region holds at least one object");
    const JsonNode floor = item.at("floor"), ceiling = item.at("ceiling");
    region.floor = read_count(floor, "floor");
    region.ceiling = read_count(ceiling, "ceiling");
    if (region.floor > region.ceiling)
      ceiling.fail("the ceiling " + text(region.ceiling) + " of region \"" + region.name +
                   "\" is below its floor " + text(region.floor));
    const Rational supply = region_supply(in, region);
    if (region.floor > supply)
      floor.fail("the floor " + text(region.floor) + " of region \"" + region.name +
                 "\" exceeds the supply of its objects " + text(supply) + " (no assignment meets it)");
    in.regions.push_back(std::move(region));
  }
  for (int l = 0; l < L; ++l)
    if (owner[l] < 0)
      node.fail("object \"" + in.objects[l].name +
                "\" is in no region (the regions must partition the objects)");
  Rational supplies = 0, floors = 0;
  for (const auto& o : in.objects) supplies += o.supply;
  for (const auto& r : in.regions) floors += r.floor;
  if (supplies < N)
    node.fail("EMZ §4.3 assumes enough positions for every agent: the supplies sum to " + text(supplies) +
              " < " + std::to_string(N) + " agents (add a null object)");
  if (floors > N)
    node.fail("EMZ §4.3 assumes enough agents to meet the floors: the floors sum to " + text(floors) + " > " +
              std::to_string(N) + " agents");
}

void add_region_rows(EquilibriumInstance& in) {
  const int K = static_cast<int>(in.regions.size());
  if (K == 0) return;
  if (K > kMaxRegions) throw std::invalid_argument("add_region_rows: too many regions");
  const int n = in.num_agents();
  const Rational N = n;
  const std::uint32_t full = (std::uint32_t{1} << K) - 1;
  auto members = [&](std::uint32_t mask) {
    std::vector<int> ks;
    for (int k = 0; k < K; ++k)
      if (mask >> k & 1U) ks.push_back(k);
    return ks;
  };

  Rational floor_total = 0;
  for (const auto& r : in.regions) floor_total += r.floor;
  // floor_in[R] = Σ_{R_k ⊆ R} q̲_{R_k}, supply_in[R] = Σ_{l∈R} q_l.
  std::vector<Rational> floor_in(full + 1, Rational(0)), supply_in(full + 1, Rational(0)), qbar(full + 1);
  for (std::uint32_t mask = 1; mask <= full; ++mask)
    for (int k : members(mask)) {
      floor_in[mask] += in.regions[k].floor;
      supply_in[mask] += region_supply(in, in.regions[k]);
    }

  // The ceiling quotas of EMZ eq. (2), by the recursion that follows it (§4.3):
  //   ℓ = 1: q̄_{R_k} := min(q̄_{R_k}, N − Σ_{R'∈𝓡∖{R_k}} q̲_{R'})   (the ceiling as read, lowered);
  //   ℓ ≥ 2: q̄_R = min( min_{x=1..ℓ} (q̄_{R∖R_{k_x}} + q̄_{R_{k_x}}), N − Σ_{R'∈𝓡, R'⊄R} q̲_{R'} ).
  // The N-term: unit demand lets at most N copies be assigned in all, and the floors of the regions
  // outside R need Σ_{R'⊄R} q̲_{R'} of them, so at most N − Σ_{R'⊄R} q̲_{R'} are left for R. The
  // additive term makes q̄ subadditive; the proof of Prop. 1 rests on its Claim
  // q̄_R ≥ q̲_{R_k} + q̄_{R∖R_k} for R_k ⊆ R, which both terms preserve.
  // A union R ∖ R_{k_x} is a smaller mask than R, so increasing masks visit every union after all
  // of its sub-unions.
  for (std::uint32_t mask = 1; mask <= full; ++mask) {
    const Rational floors_term = N - (floor_total - floor_in[mask]);
    if (std::popcount(mask) == 1) {
      const int k = std::countr_zero(mask);
      qbar[mask] = std::min(in.regions[k].ceiling, floors_term);
      continue;
    }
    Rational best = floors_term;
    for (int k : members(mask)) {
      const std::uint32_t bit = std::uint32_t{1} << k;
      best = std::min(best, Rational(qbar[mask ^ bit] + qbar[bit]));
    }
    qbar[mask] = best;
  }

  // Rows in order of ℓ, then lexicographically by region index: R_1, R_2, …, R_1∪R_2, ….
  std::vector<std::uint32_t> order;
  for (std::uint32_t mask = 1; mask <= full; ++mask) order.push_back(mask);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (std::popcount(a) != std::popcount(b)) return std::popcount(a) < std::popcount(b);
    return members(a) < members(b);
  });
  for (std::uint32_t mask : order) {
    // Keep Ω* small: a union row is left out when it is implied by rows that are there anyway —
    // by the supplies (q̄_R ≥ Σ_{l∈R} q_l, summing the `supply:<l>` rows over R) or by unit demand
    // (q̄_R ≥ N, since Σ_i Σ_{l∈R} x_il ≤ Σ_i Σ_l x_il ≤ N). The described set, lcs(C), is the same.
    if (qbar[mask] >= supply_in[mask] || qbar[mask] >= N) continue;
    LinearRow row;
    row.name = "region:";
    std::vector<int> objects;
    bool first = true;
    for (int k : members(mask)) {
      if (!first) row.name += '+';
      row.name += in.regions[k].name;
      first = false;
      objects.insert(objects.end(), in.regions[k].objects.begin(), in.regions[k].objects.end());
    }
    std::sort(objects.begin(), objects.end());
    for (int i = 0; i < n; ++i)
      for (int l : objects) row.coef.emplace_back(in.cell(i, l), Rational(1));
    row.rhs = qbar[mask];
    in.priced.push_back(std::move(row));
  }

  // The floors, rows of C (never priced): Σ_i Σ_{l∈R_k} x_il ≥ q̲_{R_k}.
  for (const auto& r : in.regions) {
    if (r.floor == 0) continue;
    LinearRow row;
    row.name = "floor:" + r.name;
    std::vector<int> objects = r.objects;
    std::sort(objects.begin(), objects.end());
    for (int i = 0; i < n; ++i)
      for (int l : objects) row.coef.emplace_back(in.cell(i, l), Rational(1));
    row.rhs = r.floor;
    in.floors.push_back(std::move(row));
  }
}

Json regions_json(const EquilibriumInstance& in) {
  Json out = Json::array();
  for (const auto& r : in.regions) {
    Json objects = Json::array();
    for (int l : r.objects) objects.push_back(in.objects[l].name);
    out.push_back(
        {{"name", r.name}, {"objects", objects}, {"floor", text(r.floor)}, {"ceiling", text(r.ceiling)}});
  }
  return out;
}

}  // namespace equilab::pseudo_market
