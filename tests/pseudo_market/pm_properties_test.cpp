// RapidCheck properties of the pseudo_market decompose task (issue 10, "Properties"), on generator
// instances of both kinds, bihierarchies or not, implementable or with a broken quota:
//   - caratheodory's certificate verifies; a lottery has at most cells + 1 points;
//   - on bihierarchies bckm-flow's certificate verifies, it has at most cells + 1 points, and both
//     methods agree on implementability (BCKM: implementable iff x ∈ Q);
//   - generated mixtures are implementable, --violate instances are not;
//   - a certificate with one entry moved by +1/7 (a probability, a point entry, the bound — when some
//     integral feasible point exists —, the value or a weight on a cell where x > 0) fails verification;
//   - bckm-flow on bihierarchies of up to 25 × 25 verifies with at most cells + 1 points;
//   - on x = v or (v + mixture)/2 with v a vertex of Q for a random objective (fractional vertices are common
//     when the rows are not a bihierarchy, and then x is often not implementable), the verdicts still
//     verify and agree;
//   - relabelling (agents and objects renamed and listed in reverse) changes neither the verdict nor
//     the validity of the certificates.
// Runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N (tests/common/property_runs.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "common/property_runs.h"
#include "generators/pseudo_market_generator.h"
#include "lp/lpsolve.h"
#include "pseudo_market/bihierarchy.h"
#include "pseudo_market/json_io.h"
#include "pseudo_market/methods.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

[[maybe_unused]] const bool kRuns = equilab::testing::configure_property_runs();

const DecomposeOptions kOptions;

gen::PseudoMarketGenOptions draw_options() {
  gen::PseudoMarketGenOptions o;
  o.kind = *rc::gen::arbitrary<bool>() ? "assignment" : "bundles";
  o.bihierarchy = *rc::gen::arbitrary<bool>();
  o.violate = *rc::gen::inRange(0, 4) == 0;
  o.agents = *rc::gen::inRange(1, o.kind == "assignment" ? 4 : 5);
  o.objects = *rc::gen::inRange(1, 4);
  o.points = *rc::gen::inRange(1, 6);
  return o;
}

DecomposeInstance reparse(const Json& doc) { return read_pseudo_market_json(JsonNode(doc, "generated")); }

std::string why(const verify::Verdict& v) { return v.failures.empty() ? "" : v.failures.front(); }

RC_GTEST_PROP(PseudoMarketProperties, DecompositionsVerifyAndAgree, ()) {
  const gen::PseudoMarketGenOptions o = draw_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const DecomposeInstance in = gen::generate_pseudo_market(seed, o);
  RC_LOG() << "seed " << seed << "\n" << write_pseudo_market_json(in).dump() << "\n";
  const DecomposeResult c = solve_caratheodory(in, kOptions);
  RC_ASSERT(c.status == (o.violate ? Status::NotImplementable : Status::Implemented));
  const verify::Verdict vc = verify::check_pseudo_market_certificate(in, c);
  RC_ASSERT_FALSE(!vc.valid && (RC_LOG() << "caratheodory: " << why(vc) << "\n", true));
  if (c.status == Status::Implemented)
    RC_ASSERT(c.lottery.size() <= static_cast<std::size_t>(in.num_cells()) + 1);
  const BihierarchyCheck bh = find_bihierarchy(in);
  if (o.bihierarchy) RC_ASSERT(bh.ok);
  if (bh.ok) {
    const DecomposeResult b = solve_bckm_flow(in, kOptions);
    RC_ASSERT(b.status == c.status);
    const verify::Verdict vb = verify::check_pseudo_market_certificate(in, b);
    RC_ASSERT_FALSE(!vb.valid && (RC_LOG() << "bckm-flow: " << why(vb) << "\n", true));
    if (b.status == Status::Implemented)
      RC_ASSERT(b.lottery.size() <= static_cast<std::size_t>(in.num_cells()) + 1);
  }
}

// bckm-flow alone on larger bihierarchies (many simultaneous slacks and repairs): exact, verified,
// at most cells + 1 points.
RC_GTEST_PROP(PseudoMarketProperties, BckmFlowOnLargerBihierarchies, ()) {
  gen::PseudoMarketGenOptions o;
  o.kind = *rc::gen::arbitrary<bool>() ? "assignment" : "bundles";
  o.bihierarchy = true;
  o.agents = *rc::gen::inRange(5, 26);
  o.objects = *rc::gen::inRange(2, 26);
  o.points = *rc::gen::inRange(1, 40);
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const DecomposeInstance in = gen::generate_pseudo_market(seed, o);
  RC_LOG() << "seed " << seed << " kind " << o.kind << " " << o.agents << "x" << o.objects << " points "
           << o.points << "\n";
  const DecomposeResult b = solve_bckm_flow(in, kOptions);
  RC_ASSERT(b.status == Status::Implemented);
  const verify::Verdict v = verify::check_pseudo_market_certificate(in, b);
  RC_ASSERT_FALSE(!v.valid && (RC_LOG() << why(v) << "\n", true));
  RC_ASSERT(b.lottery.size() <= static_cast<std::size_t>(in.num_cells()) + 1);
}

RC_GTEST_PROP(PseudoMarketProperties, PointsOfQVerifyAndAgree, ()) {
  gen::PseudoMarketGenOptions o = draw_options();
  o.violate = false;
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  DecomposeInstance in = gen::generate_pseudo_market(seed, o);
  // a vertex of Q by an exact LP with a random objective
  lp::LpModel q;
  q.sense = lp::Sense::Maximize;
  for (int c = 0; c < in.num_cells(); ++c) {
    q.variables.push_back({"y" + std::to_string(c), Rational(0), Rational(1)});
    q.objective.push_back(Rational(*rc::gen::inRange(-3, 4)));
  }
  for (const Row& row : in.rows) {
    if (row.ceiling) q.constraints.push_back({"c", row.coef, lp::RowOp::LessEqual, *row.ceiling});
    if (row.floor > 0) q.constraints.push_back({"f", row.coef, lp::RowOp::GreaterEqual, row.floor});
  }
  const lp::Solution<Rational> vertex = lp::lpsolve_repair(q);
  RC_ASSERT(vertex.status == lp::Status::Optimal);  // the generated points lie in Q
  const bool vertex_only = *rc::gen::arbitrary<bool>();
  for (int c = 0; c < in.num_cells(); ++c)
    in.x[c] = vertex_only ? vertex.primal[c] : (in.x[c] + vertex.primal[c]) / 2;
  RC_LOG() << "seed " << seed << "\n" << write_pseudo_market_json(in).dump() << "\n";
  const DecomposeResult c = solve_caratheodory(in, kOptions);
  RC_TAG(to_string(c.status), c.route);
  const verify::Verdict vc = verify::check_pseudo_market_certificate(in, c);
  RC_ASSERT_FALSE(!vc.valid && (RC_LOG() << "caratheodory: " << why(vc) << "\n", true));
  if (find_bihierarchy(in).ok) {
    RC_ASSERT(c.status == Status::Implemented);  // BCKM
    const DecomposeResult b = solve_bckm_flow(in, kOptions);
    RC_ASSERT(b.status == Status::Implemented);
    RC_ASSERT(verify::check_pseudo_market_certificate(in, b).valid);
    RC_ASSERT(b.lottery.size() <= static_cast<std::size_t>(in.num_cells()) + 1);
  }
}

RC_GTEST_PROP(PseudoMarketProperties, CorruptedCertificatesFail, ()) {
  gen::PseudoMarketGenOptions o = draw_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const DecomposeInstance in = gen::generate_pseudo_market(seed, o);
  RC_LOG() << "seed " << seed << "\n" << write_pseudo_market_json(in).dump() << "\n";
  DecomposeResult r = solve_caratheodory(in, kOptions);
  const Rational seventh(1, 7);
  if (r.status == Status::Implemented) {
    const std::size_t k = *rc::gen::inRange<std::size_t>(0, r.lottery.size());
    LotteryPoint& p = r.lottery[k];
    if (p.entries.empty() || *rc::gen::arbitrary<bool>())
      p.prob += seventh;
    else
      p.entries[*rc::gen::inRange<std::size_t>(0, p.entries.size())].second += seventh;
  } else {
    std::vector<int> support;
    for (int c = 0; c < in.num_cells(); ++c)
      if (in.x[c] > 0) support.push_back(c);
    // With no integral feasible point at all every bound below ⟨w,x⟩ is valid, so the bound is only
    // corrupted when Y is non-empty.
    const bool y_empty = enumerate_points(in, std::vector<bool>(in.num_cells(), true), 1'000'000).empty();
    const int what = *rc::gen::inRange(y_empty ? 1 : 0, support.empty() ? 2 : 3);
    if (what == 0) r.farkas->bound += seventh;
    if (what == 1) r.farkas->value += seventh;
    if (what == 2) r.farkas->weights[support[*rc::gen::inRange<std::size_t>(0, support.size())]] += seventh;
  }
  RC_ASSERT_FALSE(verify::check_pseudo_market_certificate(in, r).valid);
}

RC_GTEST_PROP(PseudoMarketProperties, RelabellingChangesNothing, ()) {
  const gen::PseudoMarketGenOptions o = draw_options();
  const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1'000'000);
  const DecomposeInstance in = gen::generate_pseudo_market(seed, o);
  Json doc = write_pseudo_market_json(in);
  // rename agent k to "p<k>" and object l to "q<l>", and list both in reverse order
  auto rename_agent = [](const std::string& s) { return "p" + s; };
  std::map<std::string, std::string> objects;
  for (const auto& obj : doc["objects"]) objects[obj["name"]] = "q" + obj["name"].get<std::string>();
  auto rename_key = [&](const std::string& key) {  // a bundle key or an object name
    std::string out;
    std::size_t start = 0;
    if (key.empty()) return out;
    while (true) {
      const std::size_t plus = key.find('+', start);
      out += (start ? "+" : "") +
             objects.at(key.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    return out;
  };
  Json agents = Json::array(), objs = Json::array();
  for (auto it = doc["agents"].rbegin(); it != doc["agents"].rend(); ++it)
    agents.push_back({{"name", rename_agent((*it)["name"])}});
  for (auto it = doc["objects"].rbegin(); it != doc["objects"].rend(); ++it)
    objs.push_back({{"name", objects.at((*it)["name"])}, {"supply", (*it)["supply"]}});
  Json assignment = Json::object();
  for (const auto& [a, row] : doc["assignment"].items())
    for (const auto& [key, v] : row.items()) assignment[rename_agent(a)][rename_key(key)] = v;
  if (doc.contains("constraints"))
    for (auto& c : doc["constraints"]) {
      if (c.contains("cells"))
        for (auto& e : c["cells"]) {
          e["agent"] = rename_agent(e["agent"]);
          e["object"] = objects.at(e["object"]);
        }
      if (c.contains("agents") && c["agents"].is_array())
        for (auto& a : c["agents"]) a = rename_agent(a);
      if (c.contains("objects") && c["objects"].is_array())
        for (auto& l : c["objects"]) l = objects.at(l);
    }
  doc["agents"] = agents;
  doc["objects"] = objs;
  doc["assignment"] = assignment;
  const DecomposeInstance relabelled = reparse(doc);
  RC_LOG() << "seed " << seed << "\n" << doc.dump() << "\n";
  RC_ASSERT(relabelled.num_cells() == in.num_cells());
  const DecomposeResult a = solve_caratheodory(in, kOptions), b = solve_caratheodory(relabelled, kOptions);
  RC_ASSERT(a.status == b.status);
  RC_ASSERT(verify::check_pseudo_market_certificate(relabelled, b).valid);
  RC_ASSERT(find_bihierarchy(in).ok == find_bihierarchy(relabelled).ok);
  if (find_bihierarchy(relabelled).ok) {
    const DecomposeResult f = solve_bckm_flow(relabelled, kOptions);
    RC_ASSERT(f.status == a.status);
    RC_ASSERT(verify::check_pseudo_market_certificate(relabelled, f).valid);
  }
}

}  // namespace
}  // namespace equilab::pseudo_market
