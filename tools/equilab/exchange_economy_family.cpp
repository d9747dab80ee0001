// The "exchange_economy" family (Wang 2019, §4): constructive (default), price-lp.
#include "economies/json_io.h"
#include "economies/methods.h"
#include "family.h"
#include "generators/exchange_economy_generator.h"
#include "verify/exchange_economy_certificate.h"

#include <algorithm>
#include <memory>
#include <sstream>

namespace equilab::cli {
namespace {

using economies::Economy;
using economies::EconomyResult;

Economy read_instance(const InstanceSource& src) { return economies::read_economy_json(JsonNode(*src.document, src.file)); }

template <class F>
auto guard_enumeration(const std::string& file, F&& body) {
  try {
    return body();
  } catch (const groups::EnumerationLimit& e) {
    throw InputError(file, "--max-enumeration", e.what());
  }
}

// The state a price is sought for: the instance's "state" (which must be stable) or the
// constructive one.
economies::StableState state_to_price(const Economy& e, const InstanceSource& src, const SolveRequest& request) {
  if (!e.state) return economies::solve_constructive(e, request.max_enumeration);
  economies::StableState s;
  s.state = *e.state;
  if (auto why = economies::state_payoffs(e, s.state, s.payoff)) throw InputError(src.file, "/state", *why);
  if (auto why = economies::state_unstable(e, s.state, s.payoff, request.max_enumeration))
    throw InputError(src.file, "/state", "not a stable state: " + *why);
  s.welfare = 0;
  for (const auto& g : s.state.groups)
    for (int i : g.group) s.welfare += g.mass * s.payoff[i];
  s.group_types = groups::enumerate_group_types(e.num_types(), e.min_size, e.max_size, request.max_enumeration).size();
  return s;
}

EconomyResult run(const Economy& e, const InstanceSource& src, const SolveRequest& request) {
  const std::string method = request.method.empty() ? "constructive" : request.method;
  if (!request.exact) throw InputError("(command line)", "--arith", "exchange_economy methods are exact only");
  return guard_enumeration(src.file, [&] {
    EconomyResult r;
    r.method = method;
    if (method == "constructive") {
      r.stable = economies::solve_constructive(e, request.max_enumeration);
      if (e.num_goods() == 1) r.construction = economies::construct_price(e, r.stable.state, r.stable.payoff);
    } else if (method == "price-lp") {
      r.stable = state_to_price(e, src, request);
      if (e.num_goods() == 1) {
        r.price = economies::price_lp(e, r.stable.state, r.stable.payoff);
        r.some_state = economies::some_state_supported(e, r.stable.state, request.max_enumeration);
      } else {
        r.goods_price = economies::price_lp_goods(e, r.stable.state, r.stable.payoff);
      }
      r.linear = economies::linear_price(e, r.stable.state, r.stable.payoff);
    } else {
      throw InputError("(command line)", "--method",
                       "unknown method \"" + method + "\" for model exchange_economy (constructive, price-lp)");
    }
    return r;
  });
}

Json solve(const InstanceSource& src, const SolveRequest& request) {
  const Economy e = read_instance(src);
  return economies::write_result_json(e, run(e, src, request));
}

CheckOutcome verify(const InstanceSource& src, const JsonNode& result, const SolveRequest& request) {
  const Economy e = read_instance(src);
  const EconomyResult claimed = economies::read_result_for_verify(e, result);
  const verify::Verdict verdict = guard_enumeration(
      src.file, [&] { return verify::check_exchange_economy_certificate(e, claimed, request.max_enumeration); });
  CheckOutcome out;
  out.ok = verdict.valid;
  out.messages = verdict.failures;
  out.lines.push_back("welfare " + to_string(claimed.stable.welfare));
  if (claimed.price) out.lines.push_back(std::string("price: ") + (claimed.price->supported ? "supported" : "unsupported"));
  if (claimed.some_state)
    out.lines.push_back(std::string("some stable state with these trades (Corollary 1): ") +
                        (claimed.some_state->supported ? "supported" : "unsupported (Farkas certificate)"));
  return out;
}

// One good: the greedy and the LP agree on s(G) for every group type; every method's
// result passes the certificate checker.
CheckOutcome crosscheck(const InstanceSource& src, const SolveRequest& request) {
  const Economy e = read_instance(src);
  CheckOutcome out;
  if (e.num_goods() == 1) {
    std::size_t n = 0;
    for (const auto& g : guard_enumeration(src.file, [&] {
           return groups::enumerate_group_types(e.num_types(), e.min_size, e.max_size, request.max_enumeration);
         })) {
      const Rational a = economies::goods_optimum_greedy(e, g).value, b = economies::goods_optimum_lp(e, g).value;
      ++n;
      if (a != b) {
        out.ok = false;
        out.messages.push_back("disagreement on s(" + economies::group_label(e, g) + "): greedy " + to_string(a) + ", LP " +
                               to_string(b));
      }
    }
    out.lines.push_back("surplus: greedy and LP compared on " + std::to_string(n) + " group types");
  }
  // Whether a price exists for one stable state (the instance's, else the constructive one):
  // the proof's construction (constructive_price.cpp) and price-lp share no code. Construction
  // applies => price-lp supports; price-lp finds no price => the construction fails; with
  // max_size <= 2 the construction always applies (the proof in constructive_price.cpp).
  if (e.num_goods() == 1) {
    guard_enumeration(src.file, [&] {
      const economies::StableState s = state_to_price(e, src, request);
      const economies::ConstructionResult built = economies::construct_price(e, s.state, s.payoff);
      const economies::PriceResult lp = economies::price_lp(e, s.state, s.payoff);
      std::string line = std::string("price exists: price-lp ") + (lp.supported ? "yes" : "no") + ", construction of Theorem 6 " +
                         (built.applies ? "applies" : "fails at " + built.step);
      if (built.applies && !lp.supported) {
        out.ok = false;
        out.messages.push_back("the construction gives a price but price-lp finds none: " + lp.violation->message);
      } else if (!built.applies && e.max_size <= 2) {
        out.ok = false;
        out.messages.push_back("with groups of at most 2 the construction must apply: " + built.message);
      } else if (!built.applies && lp.supported) {
        line += " (does not apply here: " + built.message + ")";
      }
      out.lines.push_back(line);
      // The vector form of (a)-(c) (price_lp_goods.cpp: exact pair LPs, all comparable pairs)
      // must agree with the one-good price-lp.
      const economies::GoodsPriceResult vec = economies::price_lp_goods(e, s.state, s.payoff);
      if (vec.supported != lp.supported) {
        out.ok = false;
        out.messages.push_back(std::string("price-lp one-good and vector forms disagree: ") + (lp.supported ? "yes" : "no") +
                               " vs " + (vec.supported ? "yes" : "no"));
      }
      return 0;
    });
  }
  for (const std::string method : {"constructive", "price-lp"}) {
    SolveRequest r = request;
    r.method = method;
    const EconomyResult result = run(e, src, r);
    const verify::Verdict v = verify::check_exchange_economy_certificate(e, result, request.max_enumeration);
    out.lines.push_back(method + ": welfare " + to_string(result.stable.welfare) +
                        (result.price ? std::string(result.price->supported ? ", supported" : ", unsupported") : "") +
                        (v.valid ? "  (certificate verified)" : "  (CERTIFICATE REJECTED)"));
    if (!v.valid) {
      out.ok = false;
      for (const auto& f : v.failures) out.messages.push_back(method + ": " + f);
    }
  }
  return out;
}

std::string describe(const Json& r) {
  std::ostringstream os;
  os << "status:      " << r.at("status").get<std::string>() << "\n";
  os << "method:      " << r.at("method").get<std::string>() << "\n";
  os << "welfare:     " << r.at("welfare").get<std::string>() << "\n";
  os << "group types: " << r.at("group_types").get<std::size_t>() << "\n";
  os << "state (mass of groups; money and goods per member):\n";
  for (const auto& g : r.at("state").at("groups")) {
    os << "  [";
    for (std::size_t k = 0; k < g.at("group").size(); ++k) os << (k ? "," : "") << g.at("group")[k].get<std::string>();
    os << "]  mass " << g.at("mass").get<std::string>() << ":";
    for (const auto& b : g.at("bundles").items()) {
      os << "  " << b.key() << " m=" << b.value().at("money").get<std::string>();
      for (const auto& x : b.value().at("goods").items()) os << " " << x.key() << "=" << x.value().get<std::string>();
    }
    os << "\n";
  }
  os << "payoffs:\n";
  for (const auto& item : r.at("payoff").items()) os << "  " << item.key() << " = " << item.value().get<std::string>() << "\n";
  if (r.contains("supported")) {
    os << "forced prices (p is odd):";
    for (const auto& f : r.at("forced"))
      os << "  p(" << (f.at("trade").is_string() ? f.at("trade").get<std::string>() : f.at("trade").dump()) << ")="
         << f.at("price").get<std::string>();
    os << "\nsupported:   " << (r.at("supported").get<bool>() ? "yes" : "no") << "\n";
    if (r.contains("price")) {
      os << "price breakpoints:";
      for (const auto& f : r.at("price")) os << "  (" << f.at("trade").get<std::string>() << ", " << f.at("price").get<std::string>() << ")";
      os << "\nfinal slope: " << r.at("final_slope").get<std::string>() << "\n";
    }
    if (r.contains("supported_means")) os << "(several goods: " << r.at("supported_means").get<std::string>() << ")\n";
    if (r.contains("grid")) os << "price on a " << r.at("grid_kind").get<std::string>() << " grid of " << r.at("grid").size() << " points\n";
    if (r.contains("violation"))
      os << "violated (" << r.at("violation").at("condition").get<std::string>() << "): "
         << r.at("violation").at("message").get<std::string>() << "\n";
  }
  if (r.contains("linear_price"))
    os << "linear price p(d) = π·d: "
       << (r.at("linear_price").at("exists").get<bool>() ? "exists " + r.at("linear_price").at("prices").dump()
                                                          : std::string("none (Farkas certificate)"))
       << "\n";
  if (r.contains("construction")) {
    const Json& c = r.at("construction");
    os << "price of the proof of Theorem 6 (eq. 20, odd extension of max(0, L)): ";
    if (c.at("applies").get<bool>()) {
      os << "supports the state; breakpoints";
      for (const auto& f : c.at("price")) os << "  (" << f.at("trade").get<std::string>() << ", " << f.at("price").get<std::string>() << ")";
      os << ", final slope " << c.at("final_slope").get<std::string>() << "\n";
    } else {
      os << "fails (" << c.at("step").get<std::string>() << "): " << c.at("message").get<std::string>() << "\n";
    }
  }
  if (r.contains("some_state")) {
    const Json& s = r.at("some_state");
    os << "some stable state with these trades supported (Corollary 1): " << (s.at("supported").get<bool>() ? "yes" : "no");
    if (s.contains("payoff")) {
      os << ", imputation";
      for (const auto& item : s.at("payoff").items()) os << " " << item.key() << "=" << item.value().get<std::string>();
    }
    os << "\n";
  }
  return os.str();
}

// Published answers a catalog entry may state (each optional): "welfare", "payoff" {type: v},
// "supported" (a price supports the state), "forced" [{"trade","price"}] (each must be a
// forced value), "violation" (the violated condition: "a-lower", "a-upper", "b" or "c"),
// "surplus" [{"group":[...],"value"}] (s(G), eq. 17, a statement about the instance),
// "price_supports" [{"price":[{"trade","price"}],"final_slope","supports":bool}] (whether that
// piecewise linear odd price supports the computed state: the certificate checker decides),
// "some_state_supported" (Corollary 1: some stable state with the same τ and trades is supported),
// "construction_applies" (method constructive: the price of the proof of Theorem 6 supports its state),
// "linear_price" (price-lp: some linear price π·d supports the state; false comes with a Farkas
// certificate), "consumable_goods" (the most goods one agent can consume, §4.4.1).
constexpr std::uint64_t request_limit = groups::kDefaultMaxEnumeration;

std::pair<std::string, bool> compare(const InstanceSource& src, const Json& result, const JsonNode& published) {
  published.expect_object({"welfare", "payoff", "supported", "forced", "violation", "surplus", "price_supports",
                           "some_state_supported", "construction_applies", "linear_price", "consumable_goods"});
  std::vector<std::string> parts;
  bool match = true;
  auto check = [&](const std::string& text, bool ok) {
    parts.push_back(text);
    match = match && ok;
  };
  if (auto w = published.find("welfare"))
    check("welfare " + result.at("welfare").get<std::string>(),
          parse_rational(result.at("welfare").get<std::string>()) == w->as_rational());
  if (auto p = published.find("payoff"))
    for (const auto& [type, value] : p->members()) {
      if (!result.at("payoff").contains(type)) value.fail("unknown type \"" + type + "\"");
      const std::string v = result.at("payoff").at(type).get<std::string>();
      check("v(" + type + ") " + v, parse_rational(v) == value.as_rational());
    }
  if (auto s = published.find("supported")) {
    if (!s->raw().is_boolean()) s->fail("expected true or false");
    if (!result.contains("supported")) s->fail("only method price-lp decides whether a price exists");
    const bool got = result.at("supported").get<bool>();
    check(std::string("supported ") + (got ? "true" : "false"), got == s->raw().get<bool>());
  }
  if (auto s = published.find("some_state_supported")) {
    if (!s->raw().is_boolean()) s->fail("expected true or false");
    if (!result.contains("some_state")) s->fail("only method price-lp decides Corollary 1");
    const bool got = result.at("some_state").at("supported").get<bool>();
    check(std::string("some stable state supported ") + (got ? "true" : "false"), got == s->raw().get<bool>());
  }
  if (auto s = published.find("linear_price")) {
    if (!s->raw().is_boolean()) s->fail("expected true or false");
    if (!result.contains("linear_price")) s->fail("only method price-lp decides whether a linear price exists");
    const bool got = result.at("linear_price").at("exists").get<bool>();
    check(std::string("linear price ") + (got ? "exists" : "none (Farkas certificate)"), got == s->raw().get<bool>());
  }
  if (auto s = published.find("consumable_goods")) {
    // The most goods one agent can consume at any feasible state (§4.4.1; a statement about the
    // instance, generators/exchange_economy_generator.h).
    int best = 0;
    try {
      best = gen::max_consumable_goods(read_instance(src));
    } catch (const std::invalid_argument& e) {
      s->fail(e.what());
    }
    check("goods one agent can consume " + std::to_string(best), best == s->as_int());
  }
  if (auto s = published.find("construction_applies")) {
    if (!s->raw().is_boolean()) s->fail("expected true or false");
    if (!result.contains("construction")) s->fail("only method constructive with one good builds the price of the proof");
    const Json& c = result.at("construction");
    const bool got = c.at("applies").get<bool>();
    check(std::string("construction applies ") + (got ? "true" : "false (" + c.at("step").get<std::string>() + ")"),
          got == s->raw().get<bool>());
  }
  if (auto f = published.find("forced"))
    for (const JsonNode& q : f->elements()) {
      q.expect_object({"trade", "price"});
      const Rational t = q.at("trade").as_rational(), pr = q.at("price").as_rational();
      std::optional<Rational> got;
      if (result.contains("forced"))
        for (const auto& x : result.at("forced"))
          if (parse_rational(x.at("trade").get<std::string>()) == t) got = parse_rational(x.at("price").get<std::string>());
      check("p(" + to_string(t) + ") " + (got ? to_string(*got) : "not forced"), got && *got == pr);
    }
  if (auto v = published.find("violation")) {
    const std::string got = result.contains("violation") ? result.at("violation").at("condition").get<std::string>() : "none";
    check("violated " + got + (result.contains("violation") ? " (" + result.at("violation").at("message").get<std::string>() + ")" : ""),
          got == v->as_string());
  }
  if (auto s = published.find("surplus")) {
    const Economy e = read_instance(src);
    std::vector<std::string> names;
    for (const auto& t : e.types) names.push_back(t.name);
    const NameIndex index("type", names);
    for (const JsonNode& item : s->elements()) {
      item.expect_object({"group", "value"});
      groups::GroupType g;
      for (const JsonNode& m : item.at("group").elements()) g.push_back(index.at(m));
      std::sort(g.begin(), g.end());
      const Rational value = economies::surplus(e, g);
      check("s" + economies::group_label(e, g) + " " + to_string(value), value == item.at("value").as_rational());
    }
  }
  if (auto list = published.find("price_supports")) {
    const Economy e = read_instance(src);
    for (const JsonNode& item : list->elements()) {
      item.expect_object({"price", "final_slope", "supports"});
      if (!item.at("supports").raw().is_boolean()) item.at("supports").fail("expected true or false");
      EconomyResult r = economies::read_result_json(e, JsonNode(result, src.file + " (computed result)"));
      economies::PriceResult p;
      p.supported = true;
      p.forced = r.price ? r.price->forced : std::vector<economies::PricePoint>{};
      std::string shown;
      for (const JsonNode& q : item.at("price").elements()) {
        q.expect_object({"trade", "price"});
        p.price.push_back({q.at("trade").as_rational(), q.at("price").as_rational()});
        shown += (shown.empty() ? "" : ",") + std::string("(") + to_string(p.price.back().trade) + "," +
                 to_string(p.price.back().price) + ")";
      }
      p.final_slope = item.at("final_slope").as_rational();
      r.price = p;
      const bool ok = verify::check_exchange_economy_certificate(e, r, request_limit).valid;
      check("p through " + shown + " supports: " + (ok ? "true" : "false"), ok == item.at("supports").raw().get<bool>());
    }
  }
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : "; ") + p;
  return {text, match};
}

Generator add_generator(CLI::App& generate) {
  auto o = std::make_shared<gen::EconomyGenOptions>();
  CLI::App* cmd = generate.add_subcommand("exchange_economy", "a random exchange economy (Wang §4)");
  cmd->add_option("--types", o->types, "number of types")->capture_default_str();
  cmd->add_option("--goods", o->goods, "number of consumption goods")->capture_default_str();
  cmd->add_option("--min-size", o->min_size, "smallest permitted group size")->capture_default_str();
  cmd->add_option("--max-size", o->max_size, "largest permitted group size")->capture_default_str();
  cmd->add_option("--pieces", o->pieces, "affine pieces per utility")->capture_default_str();
  cmd->add_option("--leontief", o->leontief,
                  "instead: Wang §4.4.1's economy with this many types and goods, u = min of all goods (2..64)");
  return {cmd, [o](std::uint64_t seed) {
            try {
              return economies::write_economy_json(gen::generate_exchange_economy(seed, *o));
            } catch (const std::invalid_argument& e) {
              throw InputError("(command line)", "generate exchange_economy", e.what());
            }
          }};
}

}  // namespace

Family exchange_economy_family() {
  return Family{"exchange_economy", {"constructive", "price-lp"}, solve, verify, crosscheck, describe, compare, add_generator, {}};
}

}  // namespace equilab::cli
