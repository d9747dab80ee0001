// The "exchange_economy" formats.
//
// Instance:
//   {"model":"exchange_economy","version":1,"name":"optional",
//    "goods":["g"],                                   // at least one; names distinct, non-empty
//    "min_size":1,"max_size":3,                       // integers, 1 <= min_size <= max_size
//    "types":[{"name":"s","mass":"1","money":"0",     // mass > 0; money any sign (optional, 0)
//              "endowment":{"g":"2"},                 // >= 0; missing goods 0
//              "utility":{"kind":"pl","pieces":[{"const":"0","grad":{"g":"1"}}, ...]}}, ...],
//                                                     // u(x) = min_k const_k + grad_k·x, grad >= 0
//    "state":{"groups":[{"group":["s","b"],"mass":"1/2",        // optional: a state to price
//                        "bundles":{"s":{"money":"1","goods":{"g":"1"}}, ...}}]}}
// Result: {"model","method","status":"optimal","welfare","group_types","state":{...as above},
//          "payoff":{type: v}, and for price-lp "supported", "forced":[{"trade","price"}],
//          "price":[{"trade","price"}] (breakpoints on trade >= 0; p is odd), "final_slope",
//          "violation":{"condition","types":[...],"points":[...],"lhs","rhs","message"},
//          "some_state":{"supported", then "payoff":{type: v},"price","final_slope" (Corollary 1:
//          a stable imputation for the same τ and x, and a price supporting that state) or
//          "farkas":[one multiplier per row of some_state_model]}}.
#include "economies/json_io.h"

#include <algorithm>

namespace equilab::economies {
namespace {

std::vector<Rational> read_goods_vector(const Economy& e, const JsonNode& node, const NameIndex& goods, const char* what,
                                        bool nonnegative) {
  std::vector<Rational> v(e.num_goods(), Rational(0));
  for (const auto& [name, value] : node.members()) {
    const int l = goods.at(name, value);
    v[l] = value.as_rational();
    if (nonnegative && v[l] < 0) value.fail(std::string(what) + " must be >= 0, not " + to_string(v[l]));
  }
  return v;
}

Json goods_json(const Economy& e, const std::vector<Rational>& v) {
  Json out = Json::object();
  for (int l = 0; l < e.num_goods(); ++l) out[e.goods[l]] = rational_json(v[l]);
  return out;
}

int read_size(const JsonNode& node, const char* field) {
  const std::int64_t v = node.as_int();
  if (v < 1) node.fail(std::string(field) + " must be at least 1, not " + std::to_string(v));
  if (v > 64) node.fail(std::string(field) + " " + std::to_string(v) + " is too large (at most 64)");
  return static_cast<int>(v);
}

NameIndex type_index(const Economy& e) {
  std::vector<std::string> names;
  for (const auto& t : e.types) names.push_back(t.name);
  return NameIndex("type", names);
}

Json point_json(const PricePoint& p) { return {{"trade", to_string(p.trade)}, {"price", to_string(p.price)}}; }

PricePoint read_point(const JsonNode& node) {
  node.expect_object({"trade", "price"});
  return {node.at("trade").as_rational(), node.at("price").as_rational()};
}

}  // namespace

Economy read_economy_json(const JsonNode& root) {
  root.expect_model("exchange_economy");
  root.expect_object({"model", "version", "name", "goods", "min_size", "max_size", "types", "state"});
  Economy e;
  if (auto n = root.find("name")) e.name = n->as_string();
  NameIndex goods("good");
  const JsonNode goods_node = root.at("goods");
  for (const JsonNode& g : goods_node.elements()) {
    goods.add(g);
    e.goods.push_back(g.as_string());
  }
  if (e.goods.empty()) goods_node.fail("no goods");
  e.min_size = read_size(root.at("min_size"), "min_size");
  e.max_size = read_size(root.at("max_size"), "max_size");
  if (e.max_size < e.min_size)
    root.at("max_size").fail("max_size " + std::to_string(e.max_size) + " < min_size " + std::to_string(e.min_size));
  NameIndex types("type");
  const JsonNode types_node = root.at("types");
  for (const JsonNode& t : types_node.elements()) {
    t.expect_object({"name", "mass", "money", "endowment", "utility"});
    EconType type;
    types.add(t.at("name"));
    type.name = t.at("name").as_string();
    type.mass = t.at("mass").as_rational();
    if (type.mass <= 0) t.at("mass").fail("mass must be positive, not " + to_string(type.mass));
    type.money = 0;
    if (auto m = t.find("money")) type.money = m->as_rational();
    type.endowment = read_goods_vector(e, t.at("endowment"), goods, "endowment", true);
    const JsonNode u = t.at("utility");
    u.expect_object({"kind", "pieces"});
    if (u.at("kind").as_string() != "pl") u.at("kind").fail("unknown utility kind \"" + u.at("kind").as_string() + "\" (known: pl)");
    const JsonNode pieces = u.at("pieces");
    for (const JsonNode& p : pieces.elements()) {
      p.expect_object({"const", "grad"});
      Piece piece{p.at("const").as_rational(), {}};
      piece.grad.assign(e.num_goods(), Rational(0));
      for (const auto& [name, value] : p.at("grad").members()) {
        const int l = goods.at(name, value);
        piece.grad[l] = value.as_rational();
        if (piece.grad[l] < 0)
          value.fail("gradient " + to_string(piece.grad[l]) +
                     " < 0: the utility must be weakly increasing (assumption (C1))");
      }
      type.pieces.push_back(std::move(piece));
    }
    if (type.pieces.empty()) pieces.fail("no pieces");
    e.types.push_back(std::move(type));
  }
  if (e.types.empty()) types_node.fail("no types");
  if (auto s = root.find("state")) e.state = read_state_json(e, *s);
  return e;
}

Json write_economy_json(const Economy& e) {
  Json out = {{"model", "exchange_economy"}, {"version", 1}};
  if (!e.name.empty()) out["name"] = e.name;
  out["goods"] = e.goods;
  out["min_size"] = e.min_size;
  out["max_size"] = e.max_size;
  Json types = Json::array();
  for (const EconType& t : e.types) {
    Json pieces = Json::array();
    for (const Piece& p : t.pieces) pieces.push_back({{"const", to_string(p.c)}, {"grad", goods_json(e, p.grad)}});
    types.push_back({{"name", t.name},
                     {"mass", to_string(t.mass)},
                     {"money", to_string(t.money)},
                     {"endowment", goods_json(e, t.endowment)},
                     {"utility", {{"kind", "pl"}, {"pieces", pieces}}}});
  }
  out["types"] = types;
  if (e.state) out["state"] = write_state_json(e, *e.state);
  return out;
}

Json write_state_json(const Economy& e, const State& state) {
  Json groups = Json::array();
  for (const StateGroup& g : state.groups) {
    Json members = Json::array();
    for (int i : g.group) members.push_back(e.types[i].name);
    Json bundles = Json::object();
    for (const auto& [i, b] : g.bundles)
      bundles[e.types[i].name] = {{"money", to_string(b.money)}, {"goods", goods_json(e, b.goods)}};
    groups.push_back({{"group", members}, {"mass", to_string(g.mass)}, {"bundles", bundles}});
  }
  return {{"groups", groups}};
}

State read_state_json(const Economy& e, const JsonNode& node) {
  node.expect_object({"groups"});
  const NameIndex types = type_index(e);
  NameIndex goods("good", e.goods);
  State state;
  for (const JsonNode& g : node.at("groups").elements()) {
    g.expect_object({"group", "mass", "bundles"});
    StateGroup sg;
    for (const JsonNode& m : g.at("group").elements()) sg.group.push_back(types.at(m));
    std::sort(sg.group.begin(), sg.group.end());
    const int n = static_cast<int>(sg.group.size());
    if (n < e.min_size || n > e.max_size)
      g.at("group").fail("group size " + std::to_string(n) + " outside the permitted sizes [" + std::to_string(e.min_size) +
                         "," + std::to_string(e.max_size) + "]");
    sg.mass = g.at("mass").as_rational();
    if (sg.mass <= 0) g.at("mass").fail("mass must be positive, not " + to_string(sg.mass));
    for (const auto& [name, b] : g.at("bundles").members()) {
      const int i = types.at(name, b);
      if (std::find(sg.group.begin(), sg.group.end(), i) == sg.group.end())
        b.fail("type \"" + name + "\" is not a member of the group");
      b.expect_object({"money", "goods"});
      sg.bundles[i] = Bundle{b.at("money").as_rational(), read_goods_vector(e, b.at("goods"), goods, "consumption", true)};
    }
    for (int i : sg.group)
      if (!sg.bundles.count(i)) g.at("bundles").fail("no bundle for member \"" + e.types[i].name + "\"");
    state.groups.push_back(std::move(sg));
  }
  return state;
}

Json write_result_json(const Economy& e, const EconomyResult& r) {
  Json out = {{"model", "exchange_economy"}, {"method", r.method}, {"arith", "exact"}, {"status", "optimal"}};
  out["welfare"] = to_string(r.stable.welfare);
  out["group_types"] = r.stable.group_types;
  out["state"] = write_state_json(e, r.stable.state);
  Json payoff = Json::object();
  for (int i = 0; i < e.num_types(); ++i) payoff[e.types[i].name] = to_string(r.stable.payoff[i]);
  out["payoff"] = payoff;
  if (r.price) {
    const PriceResult& p = *r.price;
    out["supported"] = p.supported;
    Json forced = Json::array();
    for (const auto& f : p.forced) forced.push_back(point_json(f));
    out["forced"] = forced;
    if (p.supported) {
      Json price = Json::array();
      for (const auto& q : p.price) price.push_back(point_json(q));
      out["price"] = price;
      out["final_slope"] = to_string(p.final_slope);
    }
    if (p.violation) {
      const PriceViolation& v = *p.violation;
      Json types = Json::array();
      for (int i : v.types) types.push_back(e.types[i].name);
      Json points = Json::array();
      for (const auto& q : v.points) points.push_back(point_json(q));
      out["violation"] = {{"condition", v.condition}, {"types", types},          {"points", points},
                          {"lhs", to_string(v.lhs)},  {"rhs", to_string(v.rhs)}, {"message", v.message}};
    }
  }
  if (r.some_state) {
    const SomeStateResult& s = *r.some_state;
    Json node = {{"supported", s.supported}};
    if (s.supported) {
      Json v = Json::object();
      for (int i = 0; i < e.num_types(); ++i) v[e.types[i].name] = to_string(s.payoff[i]);
      node["payoff"] = v;
      Json price = Json::array();
      for (const auto& q : s.price.price) price.push_back(point_json(q));
      node["price"] = price;
      node["final_slope"] = to_string(s.price.final_slope);
    } else {
      Json y = Json::array();
      for (const Rational& q : s.farkas) y.push_back(to_string(q));
      node["farkas"] = y;
    }
    out["some_state"] = node;
  }
  return out;
}

EconomyResult read_result_json(const Economy& e, const JsonNode& root) {
  EconomyResult r;
  r.method = root.at("method").as_string();
  r.stable.welfare = root.at("welfare").as_rational();
  r.stable.state = read_state_json(e, root.at("state"));
  const NameIndex types = type_index(e);
  r.stable.payoff.assign(e.num_types(), Rational(0));
  std::vector<bool> seen(e.num_types(), false);
  for (const auto& [name, v] : root.at("payoff").members()) {
    const int i = types.at(name, v);
    r.stable.payoff[i] = v.as_rational();
    seen[i] = true;
  }
  for (int i = 0; i < e.num_types(); ++i)
    if (!seen[i]) root.at("payoff").fail("no payoff for type \"" + e.types[i].name + "\"");
  if (auto s = root.find("supported")) {
    PriceResult p;
    p.supported = s->raw().is_boolean() && s->raw().get<bool>();
    if (!s->raw().is_boolean()) s->fail("expected true or false");
    for (const JsonNode& f : root.at("forced").elements()) p.forced.push_back(read_point(f));
    if (p.supported) {
      for (const JsonNode& q : root.at("price").elements()) p.price.push_back(read_point(q));
      if (p.price.empty()) root.at("price").fail("no breakpoints");
      p.final_slope = root.at("final_slope").as_rational();
    }
    if (auto v = root.find("violation")) {
      v->expect_object({"condition", "types", "points", "lhs", "rhs", "message"});
      PriceViolation pv;
      pv.condition = v->at("condition").as_string();
      for (const JsonNode& t : v->at("types").elements()) pv.types.push_back(types.at(t));
      for (const JsonNode& q : v->at("points").elements()) pv.points.push_back(read_point(q));
      pv.lhs = v->at("lhs").as_rational();
      pv.rhs = v->at("rhs").as_rational();
      pv.message = v->at("message").as_string();
      p.violation = pv;
    }
    r.price = p;
  }
  if (auto s = root.find("some_state")) {
    SomeStateResult ss;
    if (!s->at("supported").raw().is_boolean()) s->at("supported").fail("expected true or false");
    ss.supported = s->at("supported").raw().get<bool>();
    if (ss.supported) {
      s->expect_object({"supported", "payoff", "price", "final_slope"});
      ss.payoff.assign(e.num_types(), Rational(0));
      std::vector<bool> have(e.num_types(), false);
      for (const auto& [name, v] : s->at("payoff").members()) {
        const int i = types.at(name, v);
        ss.payoff[i] = v.as_rational();
        have[i] = true;
      }
      for (int i = 0; i < e.num_types(); ++i)
        if (!have[i]) s->at("payoff").fail("no payoff for type \"" + e.types[i].name + "\"");
      ss.state = with_payoff(e, r.stable.state, ss.payoff);
      ss.price.supported = true;
      for (const JsonNode& q : s->at("price").elements()) ss.price.price.push_back(read_point(q));
      if (ss.price.price.empty()) s->at("price").fail("no breakpoints");
      ss.price.final_slope = s->at("final_slope").as_rational();
    } else {
      s->expect_object({"supported", "farkas"});
      for (const JsonNode& q : s->at("farkas").elements()) ss.farkas.push_back(q.as_rational());
    }
    r.some_state = ss;
  }
  return r;
}

}  // namespace equilab::economies
