// The tamper property for pseudo_market results (tamper_driver.h): 0 accepted changes of a claim.
#include "tamper/tamper_driver.h"

#include <optional>
#include <regex>

namespace equilab::testing {
namespace {

const bool configured = configure_property_runs();

// A small random instance and one of the family's methods: both tasks, every kind, every method
// that runs from a generated instance (price-certify needs candidate prices the generator does not
// write; support-enum stays within its limits at these sizes).
TamperCase draw_case() {
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  const std::string agents = std::to_string(*rc::gen::inRange(2, 4));
  const std::string objects = std::to_string(*rc::gen::inRange(2, 4));
  if (*rc::gen::inRange(0, 3) == 0) {  // task decompose
    const std::string kind = *rc::gen::element<std::string>("assignment", "bundles");
    const std::string method = *rc::gen::element<std::string>("", "caratheodory", "bckm-flow", "m-natural");
    std::string extra = *rc::gen::element<std::string>("", " --violate", " --bihierarchy");
    if (method == "bckm-flow") extra += " --bihierarchy";  // BCKM's network needs a bihierarchy
    return {"pseudo_market --task decompose --seed " + std::to_string(seed) + " --kind " + kind +
                " --agents " + agents + " --objects " + objects + extra,
            method, ""};
  }
  const std::string kind = *rc::gen::element<std::string>("assignment", "assignment", "roommates", "bundles");
  std::string extra;
  if (kind == "assignment")
    extra = *rc::gen::element<std::string>("", " --caps 1", " --regions 2", " --endowments --alpha 1/2",
                                           " --endowments --alpha 0", " --allocate-all", " --dichotomous");
  const std::string method = *rc::gen::element<std::string>("", "support-enum", "tatonnement");
  const std::string size =
      // support-enum prices at most 12 rows: roommates with 2 agents (3 agents have 17)
      kind == "roommates" ? " --agents " + (method == "support-enum" ? std::string("2") : agents)
      : kind == "bundles" ? " --agents 2 --objects 2"
      // allocate_all needs Σ supplies = agents, regions Σ supplies ≥ agents: as many objects as agents
      : extra == " --allocate-all" || extra == " --regions 2"
          ? " --agents " + agents + " --objects " + agents
          : " --agents " + agents + " --objects " + objects;
  return {"pseudo_market --seed " + std::to_string(seed) + " --kind " + kind + size + extra, method, ""};
}

// A family claims that every price on the segment from prices_from to prices_to is an equilibrium.
// An accepted change of one end is a different claim; it is let pass only when another route
// backs it:
// - the moved end lies on the original segment: the new family is a sub-segment, implied by the
//   verified original (families need not be maximal; support-enum itself lists nested ones);
// - otherwise price-certify, an independent exact method, certifies the new ends and the midpoint
//   as equilibrium prices (the equilibrium set is often a polytope wider than the listed families:
//   a roommates market whose families run along the axes has the whole diagonal as equilibria).
bool family_change_backed(const std::string& instance_file, const Json& original, const Mutation& m) {
  static const std::regex end(R"(^/families/([0-9]+)/prices_(from|to)/[^/]+$)");
  std::smatch match;
  if (m.op != "number" || !std::regex_match(m.pointer, match, end)) return false;
  const std::size_t k = std::stoul(match[1]);
  const Json& before = original.at("families").at(k);
  const Json& after = m.document.at("families").at(k);
  const Json& moved = after.at(std::string("prices_") + match[2].str());
  // moved = from + t·(to − from) with one t in [0, 1], coordinate by coordinate.
  std::optional<Rational> t;
  bool on_segment = true;
  for (const auto& item : before.at("prices_from").items()) {
    const Rational from = parse_rational(item.value().get<std::string>());
    const Rational to = parse_rational(before.at("prices_to").at(item.key()).get<std::string>());
    const Rational p = parse_rational(moved.at(item.key()).get<std::string>());
    if (from == to) {
      on_segment = on_segment && p == from;
      continue;
    }
    const Rational here = (p - from) / (to - from);
    on_segment = on_segment && (!t || *t == here);
    t = here;
  }
  if (on_segment && t && *t >= 0 && *t <= 1) return true;
  Json instance = load_json_file(instance_file);
  Json midpoint = Json::object();
  for (const auto& item : after.at("prices_from").items())
    midpoint[item.key()] = to_string((parse_rational(item.value().get<std::string>()) +
                                      parse_rational(after.at("prices_to").at(item.key()).get<std::string>())) /
                                     2);
  ScratchDir dir;
  for (const Json& prices : {after.at("prices_from"), after.at("prices_to"), midpoint}) {
    instance["prices"] = prices;
    const auto r = run_equilab("solve " + dir.write("priced.json", instance.dump()) + " --method price-certify --json");
    if (r.exit_code != 0 || Json::parse(r.out).value("status", "") != "exact") return false;
  }
  return true;
}

TEST(Tamper, PseudoMarket) {
  (void)configured;
  TamperCounts counts;
  // A pseudo_market case solves an equilibrium (about 1.5 s each): the default run keeps 25 of
  // RapidCheck's cases so that `make test` stays short; EQUILAB_PROPERTY_RUNS runs them all.
  const bool scaled = std::getenv("EQUILAB_PROPERTY_RUNS") != nullptr;
  int cases = 0;
  const bool ok = rc::check("pseudo_market: verify rejects every changed claim", [&] {
    if (!scaled && ++cases > 25) return;
    const TamperCase tc = draw_case();
    tamper_one("pseudo_market", tc, *rc::gen::arbitrary<std::uint64_t>(), counts, family_change_backed);
  });
  std::cout << mutation_summary("pseudo_market", counts) << "\n";
  EXPECT_TRUE(ok);
  EXPECT_GT(counts.instances, 0);
}

}  // namespace
}  // namespace equilab::testing
