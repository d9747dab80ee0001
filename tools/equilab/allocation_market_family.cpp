// The "allocation_market" family (Caplin–Leahy 2010): path (default), allocation-lp, ga-minmax (at most
// 5 buyers and 5 ordinary goods), hungarian-bf and assignment-lp (TU only), dgs (TU with integer
// data only).
// An instance may instead be a GA-structure count {"ga_count":{"buyers":m,"goods":n}} (§7).
#include <map>
#include <memory>
#include <sstream>

#include "family.h"
#include "generators/allocation_market_generator.h"
#include "homotopy/json_io.h"
#include "homotopy/methods.h"
#include "verify/allocation_market_certificate.h"
#include "verify/allocation_market_result.h"

namespace equilab::cli {
namespace {

using homotopy::AllocationMarket;
using homotopy::MepResult;

const std::vector<std::string> kMethods = {"path",         "allocation-lp", "ga-minmax",
                                           "hungarian-bf", "assignment-lp", "dgs"};

// crosscheck's cost bounds for the enumerating methods, applied to their exact enumeration sizes
// computed before anything is enumerated; a method past its bound is skipped with a line saying
// so. An explicit --max-enumeration (any value but its default) replaces both bounds.
// allocation-lp solves one exact LP per allocation (measured: 10,984 allocations of a generated
// market with 5 buyers and 8 goods took 2.6 s of CPU, about 0.25 ms each): 20,000 allocations.
// ga-minmax evaluates eq. (2.1) on each (allocation, forest on the allocated goods), about 2.3 µs
// each when nothing is pruned (484,446 structures of a 5×5 market with every good acceptable:
// 1.1 s of CPU): 500,000, which admits every market of 5 buyers and 5 goods.
constexpr std::uint64_t kCrosscheckAllocationBound = 20'000;
constexpr std::uint64_t kCrosscheckGaStructureBound = 500'000;

int ordinary_goods(const AllocationMarket& market) {
  int n = 0;
  for (const auto& g : market.goods) n += g.null ? 0 : 1;
  return n;
}

bool is_count(const InstanceSource& src) { return src.document && src.document->contains("ga_count"); }

std::pair<int, int> read_count(const InstanceSource& src) {
  JsonNode root(*src.document, src.file);
  root.expect_object({"model", "version", "name", "ga_count"});
  if (root.at("version").as_int() != 1) root.at("version").fail("unsupported version (expected 1)");
  const JsonNode c = root.at("ga_count");
  c.expect_object({"buyers", "goods"});
  const auto m = c.at("buyers").as_int(), n = c.at("goods").as_int();
  if (m < 1 || m > 5000) c.at("buyers").fail("buyers must be in [1, 5000]");
  if (n < m || n > 5000) c.at("goods").fail("goods must be in [buyers, 5000]");
  return {static_cast<int>(m), static_cast<int>(n)};
}

// Scientific notation with three significant digits, rounded down ("1.09e5565").
std::string scientific(const Integer& x) {
  const std::string d = x.str();
  std::string s = d.substr(0, 1);
  if (d.size() > 1) s += "." + d.substr(1, std::min<std::size_t>(2, d.size() - 1));
  return s + "e" + std::to_string(d.size() - 1);
}

Json count_result(const InstanceSource& src) {
  const auto [m, n] = read_count(src);
  const Integer count = homotopy::ga_structure_count(m, n);
  return {{"model", "allocation_market"},
          {"method", "ga-count"},
          {"arith", "exact"},
          {"buyers", m},
          {"goods", n},
          {"ga_structures", count.str()},
          {"order_of_magnitude", count.str().size() - 1},
          {"scientific", scientific(count)},
          {"certificate", {{"ga_structures", count.str()}}}};
}

AllocationMarket read_instance(const InstanceSource& src) {
  return homotopy::read_allocation_market_json(JsonNode(*src.document, src.file));
}

// `--method dgs` takes TU markets with integer values and reservations (at the path end, which is
// what `solve` answers for); the first offending field is named by its JSON pointer.
void check_dgs_input(const AllocationMarket& market, const std::string& file) {
  using boost::multiprecision::denominator;
  auto key = [](const std::string& name) { return json_pointer_escape(name); };
  for (int a = 0; a < market.num_buyers(); ++a)
    for (int i = 0; i < market.num_goods(); ++i) {
      const auto& u = market.utility[a][i];
      if (!u) continue;
      const std::string at = "/utility/" + key(market.buyers[a]) + "/" + key(market.goods[i].name);
      if (u->slope != 1)
        throw InputError(
            file, at + "/slope",
            "--method dgs needs transferable utility (every slope 1), not " + equilab::to_string(u->slope));
      const bool moved = market.has_path && market.value_to[a][i] != u->value;
      const Rational& v = market.value_to[a][i];
      if (denominator(v) != 1)
        throw InputError(file, (moved ? "/path/to" + at : at) + "/value",
                         "--method dgs needs integer values, not " + equilab::to_string(v));
    }
  for (int i = 0; i < market.num_goods(); ++i) {
    const Rational& r = market.reservation_to[i];
    if (denominator(r) == 1) continue;
    const bool moved = market.has_path && r != market.goods[i].reservation;
    throw InputError(file,
                     moved ? "/path/to/reservation/" + key(market.goods[i].name)
                           : "/goods/" + std::to_string(i) + "/reservation",
                     "--method dgs needs integer reservation prices, not " + equilab::to_string(r));
  }
}

// The path's events carry the GA-structure after each transition: the result lists them and
// verify checks the path with them (homotopy/json_io.h).
homotopy::PathOptions path_options() {
  homotopy::PathOptions o;
  o.record_structures = true;
  return o;
}

MepResult run_method(const AllocationMarket& market, const std::string& method, const SolveRequest& request,
                     const std::string& file) {
  if (method == "path") return homotopy::solve_path(market, path_options());
  if (method == "allocation-lp") {
    try {
      return homotopy::solve_allocation_lp(market, request.max_enumeration);
    } catch (const homotopy::EnumerationLimit& e) {
      throw InputError(file, "--max-enumeration", e.what());
    }
  }
  if (method == "ga-minmax") {
    if (market.num_buyers() > homotopy::kGaMinmaxMaxSize ||
        ordinary_goods(market) > homotopy::kGaMinmaxMaxSize)
      throw InputError(file, "--method",
                       "ga-minmax enumerates GA-structures only for at most " +
                           std::to_string(homotopy::kGaMinmaxMaxSize) + " buyers and " +
                           std::to_string(homotopy::kGaMinmaxMaxSize) + " ordinary goods; this market has " +
                           std::to_string(market.num_buyers()) + " buyers and " +
                           std::to_string(ordinary_goods(market)) + " ordinary goods");
    try {
      return homotopy::solve_ga_minmax(market, request.max_enumeration);
    } catch (const homotopy::EnumerationLimit& e) {
      throw InputError(file, "--max-enumeration", e.what());
    }
  }
  if (method == "hungarian-bf") {
    try {
      return homotopy::solve_hungarian_bf(market);
    } catch (const std::invalid_argument& e) {
      throw InputError(file, "--method", e.what());
    }
  }
  if (method == "assignment-lp") {
    try {
      return homotopy::solve_assignment_lp(market);
    } catch (const std::invalid_argument& e) {
      throw InputError(file, "--method", e.what());
    }
  }
  if (method == "dgs") {
    check_dgs_input(market, file);
    try {
      return homotopy::solve_dgs(market);
    } catch (const std::invalid_argument& e) {
      throw InputError(file, "--method", e.what());
    }
  }
  throw InputError("(command line)", "--method",
                   "unknown method \"" + method +
                       "\" for model allocation_market (path, allocation-lp, ga-minmax, hungarian-bf, "
                       "assignment-lp, dgs)");
}

// `--method path --bisect`: the §7.1 halving search. The result is the path method's, marked
// "search":"bisect", with the search's counts and, per event, the bracket (low, z] the halving
// located it in; "unseparated" marks events of steps where halving could not separate
// simultaneous events (they were applied one at a time at one trial point, see path_bisect.cpp).
Json solve_bisect(const AllocationMarket& market) {
  const homotopy::BisectResult b = homotopy::solve_path_bisect(market, path_options());
  Json out = homotopy::write_result_json(market, b.result, "path");
  const homotopy::BisectStats& s = b.stats;
  out["search"] = "bisect";
  out["bisect"] = {{"trials", s.trials},
                   {"halvings", s.halvings},
                   {"steps", s.steps},
                   {"max_halvings", s.max_halvings},
                   {"deepest_step", s.deepest},
                   {"unseparated_steps", s.unseparated},
                   {"events_may_be_merged", s.unseparated > 0}};
  Json& events = out["events"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    events[i]["bracket"] = Json::array({equilab::to_string(s.bracket_low[i]), events[i]["z"]});
    if (s.event_unseparated[i]) events[i]["unseparated"] = true;
  }
  return out;
}

Json solve(const InstanceSource& src, const SolveRequest& request) {
  if (!request.exact)
    throw InputError("(command line)", "--arith", "allocation_market is solved exactly only");
  const std::string method = request.method.empty() ? "path" : request.method;
  if (request.bisect && (method != "path" || is_count(src)))
    throw InputError("(command line)", "--bisect",
                     "--bisect applies to --method path on a market only, not \"" +
                         (is_count(src) ? std::string("ga-count") : method) + "\"");
  if (is_count(src)) return count_result(src);
  const AllocationMarket market = read_instance(src);
  if (request.bisect) return solve_bisect(market);
  Json out = homotopy::write_result_json(market, run_method(market, method, request, src.file), method);
  if (method == "ga-minmax") {
    const homotopy::GaMinmaxCounts c = homotopy::ga_minmax_counts(market);
    out["allocations"] = c.allocations.str();
    out["ga_structures_enumerated"] = c.enumerated.str();
    out["ga_structures_all"] = c.all.str();
  }
  return out;
}

// The GA-structure count of a {"ga_count": ...} instance: every field recomputed.
CheckOutcome verify_count(const InstanceSource& src, const JsonNode& result) {
  CheckOutcome out;
  const auto [m, n] = read_count(src);
  result.expect_object({"model", "method", "arith", "buyers", "goods", "ga_structures", "order_of_magnitude",
                        "scientific", "certificate"});
  if (const std::string method = result.at("method").as_string(); method != "ga-count")
    result.at("method").fail("unknown method \"" + method + "\" for a GA-structure count (ga-count)");
  if (const std::string arith = result.at("arith").as_string(); arith != "exact")
    result.at("arith").contradict("a GA-structure count is exact, not \"" + arith + "\"");
  if (result.at("buyers").as_int() != m)
    result.at("buyers").contradict("the instance counts for " + std::to_string(m) + " buyers");
  if (result.at("goods").as_int() != n)
    result.at("goods").contradict("the instance counts for " + std::to_string(n) + " goods");
  const JsonNode cert = result.at("certificate");
  cert.expect_object({"ga_structures"});
  // Independent closed form: (m+1)^(m−1) rooted forests on m labelled goods (Cayley) × n!/(n−m)!.
  Integer expect = 1;
  for (int j = 0; j < m - 1; ++j) expect *= (m + 1);
  for (int j = n - m + 1; j <= n; ++j) expect *= j;
  auto claim = [&](const JsonNode& node, const std::string& claimed, const std::string& right,
                   const std::string& what) {
    if (claimed == right) return;
    out.ok = false;
    out.messages.push_back(node.pointer() + ": " + what + " is " + right + ", not " + claimed);
  };
  claim(cert.at("ga_structures"), cert.at("ga_structures").as_string(), expect.str(),
        "the GA-structure count");
  claim(result.at("ga_structures"), result.at("ga_structures").as_string(), expect.str(),
        "the GA-structure count");
  claim(result.at("order_of_magnitude"), std::to_string(result.at("order_of_magnitude").as_int()),
        std::to_string(expect.str().size() - 1), "its order of magnitude");
  claim(result.at("scientific"), result.at("scientific").as_string(), scientific(expect),
        "its scientific notation");
  const std::string exact = expect.str();
  out.lines.push_back("GA-structures (m=" + std::to_string(m) + ", n=" + std::to_string(n) + ") " +
                      (exact.size() <= 30 ? exact : scientific(expect)));
  return out;
}

CheckOutcome verify(const InstanceSource& src, const JsonNode& result, const SolveRequest&) {
  if (is_count(src)) return verify_count(src, result);
  CheckOutcome out;
  const AllocationMarket market = read_instance(src);
  const homotopy::ResultDocument doc = homotopy::read_result_json(market, result);
  const verify::Verdict v = verify::check_allocation_market_result(market, doc);
  out.ok = v.valid;
  out.messages = v.failures;
  // What was checked: the certificate's answer (the result's copies must equal it).
  const homotopy::Certificate& c = doc.certificate;
  std::string prices, allocation;
  for (int i = 0; i < market.num_goods(); ++i)
    prices += (prices.empty() ? "" : ", ") + market.goods[i].name + " " + equilab::to_string(c.prices[i]);
  for (int a = 0; a < market.num_buyers(); ++a)
    allocation +=
        (allocation.empty() ? "" : ", ") + market.buyers[a] + " -> " + market.goods[c.allocation[a]].name;
  out.lines.push_back("prices " + prices);
  out.lines.push_back("allocation " + allocation);
  if (doc.path) {
    std::string counts;
    for (const auto& [type, k] : doc.transition_counts)
      if (k > 0) counts += (counts.empty() ? " (" : ", ") + type + " " + std::to_string(k);
    out.lines.push_back("path " + std::to_string(doc.events.size()) + " events" +
                        (counts.empty() ? "" : counts + ")") +
                        (doc.bisect ? ", located by the halving search" : ""));
  }
  return out;
}

// Why crosscheck skips an enumerating method on this market (nothing: run it). The sizes are exact
// counts (allocation-lp: "more than" when only a lower bound was affordable to compute).
std::optional<std::string> too_costly(const AllocationMarket& market, const std::string& method,
                                      std::uint64_t max_enumeration, bool explicit_bound) {
  const std::string how = explicit_bound ? " (--max-enumeration)" : "; raise it with --max-enumeration";
  if (method == "allocation-lp") {
    const std::uint64_t bound = explicit_bound ? max_enumeration : kCrosscheckAllocationBound;
    const homotopy::AllocationCount c = homotopy::allocation_count(market, bound);
    if (c.exact && c.count <= bound) return std::nullopt;
    return (c.exact ? "" : "more than ") + (c.exact ? c.count.str() : std::to_string(bound)) +
           " allocations, one exact LP each, exceed the crosscheck bound " + std::to_string(bound) + how;
  }
  if (method == "ga-minmax") {
    const int m = market.num_buyers(), n = ordinary_goods(market);
    if (m > homotopy::kGaMinmaxMaxSize || n > homotopy::kGaMinmaxMaxSize)
      return std::to_string(m) + " buyers and " + std::to_string(n) +
             " ordinary goods; ga-minmax takes at most " + std::to_string(homotopy::kGaMinmaxMaxSize) +
             " of each";
    const std::uint64_t bound = explicit_bound ? max_enumeration : kCrosscheckGaStructureBound;
    const Integer count = homotopy::ga_minmax_counts(market).enumerated;
    if (count <= bound) return std::nullopt;
    return count.str() + " GA-structures exceed the crosscheck bound " + std::to_string(bound) + how;
  }
  return std::nullopt;
}

CheckOutcome crosscheck(const InstanceSource& src, const SolveRequest& request) {
  CheckOutcome out;
  if (is_count(src)) return verify(src, JsonNode(count_result(src), src.file), request);
  const AllocationMarket market = read_instance(src);
  std::optional<homotopy::Certificate> reference;
  std::string reference_method;
  const bool explicit_bound = request.max_enumeration != SolveRequest{}.max_enumeration;
  for (const auto& method : kMethods) {
    if (auto why = too_costly(market, method, request.max_enumeration, explicit_bound)) {
      out.lines.push_back(method + ": skipped (" + *why + ")");
      continue;
    }
    MepResult r;
    try {
      r = run_method(market, method, request, src.file);
    } catch (const InputError& e) {
      if (method == "path") throw;
      out.lines.push_back(method + ": skipped (" + e.reason() + ")");
      continue;
    }
    const verify::Verdict v = verify::check_allocation_market_certificate(market, r.certificate);
    std::string prices;
    for (int i = 0; i < market.num_goods(); ++i)
      prices += (prices.empty() ? "" : ", ") + market.goods[i].name + " " +
                equilab::to_string(r.certificate.prices[i]);
    out.add_checked(method, method + ": prices " + prices, v.valid, v.failures);
    if (!reference) {
      reference = r.certificate;
      reference_method = method;
      continue;
    }
    for (int i = 0; i < market.num_goods(); ++i)
      if (r.certificate.prices[i] != reference->prices[i]) {
        out.ok = false;
        out.messages.push_back("disagreement on the price of \"" + market.goods[i].name + "\": " +
                               reference_method + " says " + equilab::to_string(reference->prices[i]) + ", " +
                               method + " says " + equilab::to_string(r.certificate.prices[i]));
      }
  }
  return out;
}

std::string describe(const Json& r) {
  std::ostringstream os;
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  if (r.contains("search"))
    os << "search:      " << r.at("search").get<std::string>() << " (" << r.at("bisect").at("trials")
       << " trials, " << r.at("bisect").at("halvings") << " halvings, "
       << r.at("bisect").at("unseparated_steps") << " unseparated steps)\n";
  if (r.contains("ga_structures")) {
    os << "GA-structures (m=" << r.at("buyers") << ", n=" << r.at("goods")
       << "): " << r.at("scientific").get<std::string>()
       << "\n  exact: " << r.at("ga_structures").get<std::string>() << "\n";
    return os.str();
  }
  os << "prices:\n";
  for (const auto& item : r.at("prices").items())
    os << "  " << item.key() << " = " << item.value().get<std::string>() << "\n";
  os << "allocation (utility):\n";
  for (const auto& item : r.at("allocation").items())
    os << "  " << item.key() << " -> " << item.value().get<std::string>() << "  ("
       << r.at("utilities").at(item.key()).get<std::string>() << ")\n";
  os << "forest: roots";
  for (const auto& root : r.at("forest").at("roots")) os << " " << root.get<std::string>();
  os << "; edges";
  for (const auto& e : r.at("forest").at("edges"))
    os << " " << e.at("from").get<std::string>() << "->" << e.at("to").get<std::string>() << "["
       << e.at("buyer").get<std::string>() << "]";
  os << "\n";
  if (r.contains("ga_structures_enumerated"))
    os << "enumerated:  " << r.at("allocations").get<std::string>() << " allocations, "
       << r.at("ga_structures_enumerated").get<std::string>()
       << " GA-structures (forests on the allocated goods; " << r.at("ga_structures_all").get<std::string>()
       << " in G of §2.2)\n";
  if (r.contains("events")) {
    os << "events (" << r.at("events").size() << "):\n";
    for (const auto& e : r.at("events")) {
      os << "  " << e.at("leg").get<std::string>() << " z=" << e.at("z").get<std::string>() << " "
         << e.at("type").get<std::string>();
      if (e.contains("buyer"))
        os << " buyer " << e.at("buyer").get<std::string>() << " on " << e.at("from").get<std::string>();
      os << " good " << e.at("good").get<std::string>() << "\n";
    }
  }
  return os.str();
}

// Published keys: "prices" {good: p}, "transition_counts" {type: k}, "max_price_along_path"
// {good: p} (the largest price at an event or the end), "ga_structures" (exact),
// "ga_structures_more_than" (a number), "ga_structures_order_of_magnitude" (floor log10),
// "ga_structures_in_G" (exact: |G| of §2.2 for a market, from ga-minmax's count).
std::pair<std::string, bool> compare(const InstanceSource&, const Json& result, const JsonNode& published) {
  published.expect_object({"prices", "allocation", "transition_counts", "path_transitions",
                           "transitions_present", "max_price_along_path", "ga_structures",
                           "ga_structures_more_than", "ga_structures_order_of_magnitude",
                           "ga_structures_in_G"});
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& text, bool ok) {
    parts.push_back(text);
    match = match && ok;
  };
  auto need = [&](const JsonNode& node, const char* key) -> const Json& {
    if (!result.contains(key)) node.fail(std::string("the result has no \"") + key + "\"");
    return result.at(key);
  };
  if (auto p = published.find("prices"))
    for (const auto& [good, value] : p->members()) {
      const Json& prices = need(*p, "prices");
      if (!prices.contains(good)) value.fail("unknown good \"" + good + "\"");
      const std::string computed = prices.at(good).get<std::string>();
      check("p(" + good + ") " + computed, parse_rational(computed) == value.as_rational());
    }
  if (auto t = published.find("transition_counts"))
    for (const auto& [type, value] : t->members()) {
      const Json& counts = need(*t, "transition_counts");
      if (!counts.contains(type)) value.fail("unknown transition \"" + type + "\"");
      check(type + " " + std::to_string(counts.at(type).get<long>()),
            counts.at(type).get<long>() == value.as_int());
    }
  if (auto a = published.find("allocation"))
    for (const auto& [buyer, good] : a->members()) {
      const Json& alloc = need(*a, "allocation");
      if (!alloc.contains(buyer)) good.fail("unknown buyer \"" + buyer + "\"");
      const std::string computed = alloc.at(buyer).get<std::string>();
      check(buyer + "->" + computed, computed == good.as_string());
    }
  // The §6 types of the events on the instance's own path leg, in order.
  if (auto pt = published.find("path_transitions")) {
    std::string computed;
    std::vector<std::string> types;
    for (const auto& e : need(*pt, "events"))
      if (e.at("leg") == "path") types.push_back(e.at("type").get<std::string>());
    for (const auto& t : types) computed += (computed.empty() ? "" : ",") + t;
    std::vector<std::string> want;
    for (const auto& t : pt->elements()) want.push_back(t.as_string());
    check("path transitions [" + computed + "]", types == want);
  }
  // Every listed type occurs at least once (anywhere on the run).
  if (auto tp = published.find("transitions_present"))
    for (const auto& t : tp->elements()) {
      const Json& counts = need(*tp, "transition_counts");
      const std::string type = t.as_string();
      if (!counts.contains(type)) t.fail("unknown transition \"" + type + "\"");
      check(type + " x" + std::to_string(counts.at(type).get<long>()), counts.at(type).get<long>() > 0);
    }
  if (auto mp = published.find("max_price_along_path"))
    for (const auto& [good, value] : mp->members()) {
      const Json& events = need(*mp, "events");
      if (!result.at("prices").contains(good)) value.fail("unknown good \"" + good + "\"");
      Rational best = parse_rational(result.at("prices").at(good).get<std::string>());
      for (const auto& e : events)
        best = std::max(best, parse_rational(e.at("prices").at(good).get<std::string>()));
      check("max p(" + good + ") " + equilab::to_string(best), best == value.as_rational());
    }
  if (auto g = published.find("ga_structures"))
    check("GA-structures " + need(*g, "scientific").get<std::string>(),
          need(*g, "ga_structures").get<std::string>() == g->as_string());
  if (auto g = published.find("ga_structures_in_G"))
    check("|G| = " + need(*g, "ga_structures_all").get<std::string>(),
          parse_rational(need(*g, "ga_structures_all").get<std::string>()) == g->as_rational());
  if (auto g = published.find("ga_structures_more_than")) {
    const Rational count = parse_rational(need(*g, "ga_structures").get<std::string>());
    check("GA-structures " + result.at("scientific").get<std::string>() + " > " + g->as_string(),
          count > g->as_rational());
  }
  if (auto g = published.find("ga_structures_order_of_magnitude")) {
    const long k = need(*g, "order_of_magnitude").get<long>();
    check("order of magnitude 10^" + std::to_string(k), k == g->as_int());
  }
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return {text, match};
}

Generator add_generator(CLI::App& generate) {
  auto o = std::make_shared<gen::AllocationMarketGenOptions>();
  CLI::App* cmd =
      generate.add_subcommand("allocation_market", "a random allocation market (Caplin–Leahy 2010)");
  cmd->add_option("--buyers", o->buyers, "number of buyers m")->capture_default_str();
  cmd->add_option("--goods", o->goods, "number of ordinary goods (one null good per buyer is added)")
      ->capture_default_str();
  cmd->add_option("--max-value", o->max_value, "values drawn from [0, max-value]")->capture_default_str();
  cmd->add_flag("--tu", o->tu, "transferable utility: every slope 1");
  cmd->add_flag("--integer", o->integer, "integer values and reservations");
  cmd->add_flag("--path", o->path, "add a random path end");
  return {cmd, [o](std::uint64_t seed) {
            try {
              return homotopy::write_allocation_market_json(gen::generate_allocation_market(seed, *o));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate allocation_market", e.what());
            }
          }};
}

}  // namespace

Family allocation_market_family() {
  return Family{"allocation_market", kMethods, solve, verify, crosscheck, describe, compare, add_generator, {}};
}

}  // namespace equilab::cli
