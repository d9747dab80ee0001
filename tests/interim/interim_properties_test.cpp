// RapidCheck properties of the interim family (issue 6, "Generators and properties"): on random
// instances of every kind, with boundary and outside points, the certificates verify and the
// implications between lp and border hold:
//   border violated ⇒ lp infeasible; for multiunit, ranked_quota and 2-player matching (𝒬_B = 𝒬,
//   Theorem 1 / §4) lp and border agree and border_max = feasible_max; feasible points are feasible;
//   outside points violate (6); boundary points of 𝒬_B pass (6) and, where 𝒬_B = 𝒬, are feasible;
//   border_max >= feasible_max = h(w) >= ⟨Q,w⟩ for feasible Q.
// Runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "common/property_runs.h"
#include "generators/interim_generator.h"
#include "interim/json_io.h"
#include "interim/methods.h"
#include "verify/interim_certificate.h"

namespace equilab::interim {
namespace {

[[maybe_unused]] const bool kRunsFromEnvironment = equilab::testing::configure_property_runs();

// How many instances the first property ran and how many were border gaps (Border's condition (6)
// holds, lp infeasible), by kind — printed at the end, not asserted on (the issue asks for the
// figure; gaps can only occur for knapsack and explicit X).
struct Tally {
  std::map<std::string, long> instances, gaps;
};
Tally tally;
class TallyPrinter : public ::testing::Environment {
 public:
  void TearDown() override {
    long total = 0;
    for (const auto& [kind, n] : tally.instances) total += n;
    if (total == 0) return;
    std::cerr << "interim properties: " << total << " random instances (";
    bool first = true;
    for (const auto& [kind, n] : tally.instances) {
      std::cerr << (first ? "" : ", ") << kind << " " << n;
      first = false;
    }
    std::cerr << "); border gaps: knapsack " << tally.gaps["knapsack"] << ", explicit " << tally.gaps["explicit"];
    for (const auto& [kind, n] : tally.gaps)
      if (kind != "knapsack" && kind != "explicit" && n != 0) std::cerr << ", " << kind << " " << n;
    std::cerr << "\n";
  }
};
[[maybe_unused]] ::testing::Environment* const kTallyPrinter =
    ::testing::AddGlobalTestEnvironment(new TallyPrinter);

const char* kKinds[] = {"multiunit", "ranked_quota", "matching", "knapsack", "explicit"};
const char* kPoints[] = {"feasible", "boundary", "outside"};

gen::InterimGenOptions draw_options() {
  gen::InterimGenOptions o;
  // gen::element is uniform (gen::inRange favours small values at small sizes).
  o.kind = kKinds[*rc::gen::element(0, 1, 2, 3, 4)];
  o.point = kPoints[*rc::gen::element(0, 1, 2)];
  o.joint = *rc::gen::arbitrary<bool>();
  o.types = *rc::gen::inRange(1, 3);
  const bool single = o.kind != "matching" && o.kind != "explicit";
  o.players = single ? *rc::gen::inRange(2, 4) : 2;
  o.objects = single ? 0 : *rc::gen::inRange(o.kind == "matching" ? 2 : 1, 4);
  const int nz = o.players * o.types * (single ? 1 : o.objects);
  o.weights = nz <= 8 && *rc::gen::arbitrary<bool>();
  return o;
}

RC_GTEST_PROP(InterimProperties, MethodsAgreeAndCertificatesVerify, ()) {
  const gen::InterimGenOptions o = draw_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  RC_LOG() << "seed " << seed << " kind " << o.kind << " point " << o.point << "\n"
           << write_interim_json(in).dump() << "\n";
  const InterimOptions limits{200'000, 1u << 16};
  const InterimResult lp = solve_lp(in, limits);
  const InterimResult border = solve_border(in, limits);
  const auto v_lp = verify::check_interim_certificate(in, lp);
  const auto v_border = verify::check_interim_certificate(in, border);
  RC_ASSERT(v_lp.valid);
  RC_ASSERT(v_border.valid);
  const bool feasible = lp.status == Status::Feasible;
  const bool passes = border.status == Status::BorderSatisfied;
  RC_ASSERT(passes || !feasible);  // 𝒬 ⊆ 𝒬_B
  ++tally.instances[o.kind];
  if (passes && !feasible) ++tally.gaps[o.kind];
  if (in.border_characterizes()) RC_ASSERT(passes == feasible);
  if (o.point == "feasible") RC_ASSERT(feasible);
  if (o.point == "outside") RC_ASSERT(!passes);
  if (o.point == "boundary") {
    RC_ASSERT(passes);
    if (in.border_characterizes()) RC_ASSERT(feasible);
  }
  if (lp.weighted) {
    RC_ASSERT(lp.weighted->border_max.has_value());
    RC_ASSERT(lp.weighted->border_max->value >= lp.weighted->feasible_max);
    if (in.border_characterizes()) RC_ASSERT(lp.weighted->border_max->value == lp.weighted->feasible_max);
    if (feasible) RC_ASSERT(lp.weighted->interim_value <= lp.weighted->feasible_max);
  }
}

// Renaming players and reordering their types keep the verdicts (edited through the JSON form).
RC_GTEST_PROP(InterimProperties, RenamingKeepsTheVerdict, ()) {
  const gen::InterimGenOptions o = draw_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  Json doc = write_interim_json(in);
  // Rename every player "k" to "player-k" wherever a player is named, and reverse each type list.
  auto rename_keys = [](Json& object) {
    Json out = Json::object();
    for (auto& [key, value] : object.items()) out["player-" + key] = value;
    object = out;
  };
  for (auto& p : doc["players"]) {
    p["name"] = "player-" + p["name"].get<std::string>();
    std::reverse(p["types"].begin(), p["types"].end());
  }
  rename_keys(doc["interim"]);
  if (doc.contains("weights")) rename_keys(doc["weights"]);
  if (doc.contains("prior"))
    for (auto& item : doc["prior"]["joint"]) rename_keys(item["profile"]);
  Json& outcomes = doc["outcomes"];
  if (outcomes.contains("size")) rename_keys(outcomes["size"]);
  if (outcomes.contains("group1"))
    for (auto& g : outcomes["group1"]) g = "player-" + g.get<std::string>();
  if (outcomes.contains("list"))
    for (auto& x : outcomes["list"]) rename_keys(x);
  const std::string renamed = doc.dump();
  const Json doc2 = parse_json_text(renamed, "renamed.json");
  const InterimInstance in2 = read_interim_json(JsonNode(doc2, "renamed.json"));
  const InterimOptions limits{200'000, 1u << 16};
  RC_ASSERT(solve_lp(in, limits).status == solve_lp(in2, limits).status);
  RC_ASSERT(solve_border(in, limits).status == solve_border(in2, limits).status);
}

// Splitting a type into two clones (each with half the probability, the same interim values and
// weights) keeps both verdicts: the clones face the same conditional distribution of the others.
RC_GTEST_PROP(InterimProperties, SplittingATypeKeepsTheVerdict, ()) {
  gen::InterimGenOptions o = draw_options();
  o.types = 1 + (o.types > 1 ? 1 : 0);
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const InterimInstance in = gen::generate_interim(seed, o);
  Json doc = write_interim_json(in);
  const int player = *rc::gen::inRange(0, in.num_players());
  const std::string pname = in.players[player].name, tname = in.players[player].types[0];
  Json& types = doc["players"][player]["types"];
  Json clone = types[0];
  clone["name"] = tname + "-clone";
  if (in.independent) {
    const Rational half = parse_rational(types[0]["prob"].get<std::string>()) / 2;
    types[0]["prob"] = equilab::to_string(half);
    clone["prob"] = equilab::to_string(half);
  } else {
    Json extra = Json::array();
    for (auto& item : doc["prior"]["joint"])
      if (item["profile"][pname] == tname) {
        const Rational half = parse_rational(item["prob"].get<std::string>()) / 2;
        item["prob"] = equilab::to_string(half);
        Json copy = item;
        copy["profile"][pname] = tname + "-clone";
        extra.push_back(std::move(copy));
      }
    for (auto& e : extra) doc["prior"]["joint"].push_back(std::move(e));
  }
  types.push_back(std::move(clone));
  doc["interim"][pname][tname + "-clone"] = doc["interim"][pname][tname];
  if (doc.contains("weights")) doc["weights"][pname][tname + "-clone"] = doc["weights"][pname][tname];
  const Json text = parse_json_text(doc.dump(), "split.json");
  const InterimInstance split = read_interim_json(JsonNode(text, "split.json"));
  RC_ASSERT(split.num_triples() == in.num_triples() + in.num_objects());
  const InterimOptions limits{200'000, 1u << 16};
  const InterimResult a = solve_lp(in, limits), b = solve_lp(split, limits);
  RC_ASSERT(a.status == b.status);
  RC_ASSERT(solve_border(in, limits).status == solve_border(split, limits).status);
  if (a.weighted) RC_ASSERT(a.weighted->feasible_max == b.weighted->feasible_max);
}

}  // namespace
}  // namespace equilab::interim
