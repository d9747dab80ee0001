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
//              or, one good: "utility":{"kind":"pl","breakpoints":[{"x":"0","u":"0"},{"x":"1","u":"2"}],
//                                       "final_slope":"1"}   // concave, slopes >= 0 (checked)
//    "state":{"groups":[{"group":["s","b"],"mass":"1/2",        // optional: a state to price
//                        "bundles":{"s":{"money":"1","goods":{"g":"1"}}, ...}}]}}
// Result: {"model","method","status":"optimal","welfare","group_types","state":{...as above},
//          "payoff":{type: v}, and for price-lp "supported", "forced":[{"trade","price"}],
//          "price":[{"trade","price"}] (breakpoints on trade >= 0; p is odd), "final_slope",
//          "violation":{"condition","types":[...],"points":[...],"lhs","rhs","message"},
//          "some_state":{"supported", then "payoff":{type: v},"price","final_slope" (Corollary 1:
//          a stable imputation for the same τ and x, and a price supporting that state) or
//          "farkas":[one multiplier per row of some_state_model]}}.
//   constructive with one good adds "construction":{"applies", "price":[{"trade","price"}] (P =
//   max(0, L) on trade >= 0, odd), "final_slope", and when it does not apply "step"
//   ("lemma-18", "lemma-21", "lemma-23"), "type", "point":{"trade","price"}, "value", "message"}
//   (constructive_price.cpp).
//   price-lp with several goods writes, instead of the one-good fields, "supported",
//   "supported_means", "forced":[{"trade":{good: t},"price"}], "grid_kind" ("product" or
//   "forced"), "grid":[{"trade":{...},"price"}] (p on the grid) or "violation" with vector
//   points (price_lp_goods.cpp); and always "linear_price":{"exists", "prices":{good: π},
//   "primal":[...]} or {"exists":false,"farkas":[...]} (rows of linear_price_model).
#include "economies/json_io.h"

#include <algorithm>

namespace equilab::economies {
namespace {

// A vector over the goods. Instances may leave goods out (0); results (`in_result`) list every
// good, and a good the instance lacks or a negative entry contradicts the instance (exit 1 in verify).
std::vector<Rational> read_goods_vector(const Economy& e, const JsonNode& node, const NameIndex& goods, const char* what,
                                        bool nonnegative, bool in_result = false) {
  std::vector<Rational> v(e.num_goods(), Rational(0));
  std::vector<bool> seen(e.num_goods(), false);
  for (const auto& [name, value] : node.members()) {
    const auto found = goods.find(name);
    if (!found && in_result) value.contradict("unknown good \"" + name + "\"");
    const int l = found ? *found : goods.at(name, value);
    v[l] = value.as_rational();
    seen[l] = true;
    if (nonnegative && v[l] < 0) {
      const std::string why = std::string(what) + " must be >= 0, not " + to_string(v[l]);
      if (in_result) value.contradict(why);
      value.fail(why);
    }
  }
  if (in_result)
    for (int l = 0; l < e.num_goods(); ++l)
      if (!seen[l]) node.fail(std::string(what) + ": missing entry for good \"" + e.goods[l] + "\"");
  return v;
}

// A type named in a result: a name the instance lacks contradicts it (verify's exit 1).
int result_type(const NameIndex& types, const std::string& name, const JsonNode& where) {
  if (auto i = types.find(name)) return *i;
  where.contradict("unknown type \"" + name + "\"");
}
int result_type(const NameIndex& types, const JsonNode& node) { return result_type(types, node.as_string(), node); }

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

Json vec_point_json(const Economy& e, const VecPoint& p) {
  return {{"trade", goods_json(e, p.trade)}, {"price", to_string(p.price)}};
}

VecPoint read_vec_point(const Economy& e, const JsonNode& node, const NameIndex& goods, bool strict) {
  node.expect_object({"trade", "price"});
  return {read_goods_vector(e, node.at("trade"), goods, "trade", false, strict), node.at("price").as_rational()};
}

PricePoint read_point(const JsonNode& node) {
  node.expect_object({"trade", "price"});
  return {node.at("trade").as_rational(), node.at("price").as_rational()};
}

// One good, the breakpoint form: u through (x_0 = 0, u_0), (x_1, u_1), ... (x increasing), then
// the final slope. Concave iff the slopes do not increase; weakly increasing iff the final slope
// (the smallest, once concave) is >= 0. Stored as the affine extensions of the segments, whose
// minimum is u exactly when u is concave.
void read_breakpoints(const Economy& e, const JsonNode& u, const JsonNode& bp, EconType& type) {
  if (e.num_goods() != 1) bp.fail("the breakpoint form is for one good; use pieces");
  if (u.find("pieces")) u.at("pieces").fail("give either pieces or breakpoints");
  std::vector<std::pair<Rational, Rational>> pts;
  for (const JsonNode& q : bp.elements()) {
    q.expect_object({"x", "u"});
    const Rational x = q.at("x").as_rational(), v = q.at("u").as_rational();
    if (pts.empty() && x != 0) q.at("x").fail("the first breakpoint must be at x = 0, not " + to_string(x));
    if (!pts.empty() && x <= pts.back().first) q.at("x").fail("breakpoints must have increasing x");
    pts.emplace_back(x, v);
  }
  if (pts.empty()) bp.fail("no breakpoints");
  const Rational final_slope = u.at("final_slope").as_rational();
  std::optional<Rational> previous;
  for (std::size_t k = 0; k < pts.size(); ++k) {
    const bool last = k + 1 == pts.size();
    const Rational slope = last ? final_slope : (pts[k + 1].second - pts[k].second) / (pts[k + 1].first - pts[k].first);
    const JsonNode where = last ? u.at("final_slope") : bp.elements()[k + 1];
    if (previous && slope > *previous)
      where.fail("the utility is not concave: slope " + to_string(slope) + " after x = " + to_string(pts[k].first) +
                 " exceeds the slope " + to_string(*previous) + " before it");
    if (slope < 0)
      where.fail("slope " + to_string(slope) + " < 0 after x = " + to_string(pts[k].first) +
                 ": the utility must be weakly increasing (assumption (C1))");
    previous = slope;
    type.pieces.push_back(Piece{pts[k].second - slope * pts[k].first, {slope}});
  }
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
    u.expect_object({"kind", "pieces", "breakpoints", "final_slope"});
    if (u.at("kind").as_string() != "pl") u.at("kind").fail("unknown utility kind \"" + u.at("kind").as_string() + "\" (known: pl)");
    if (auto bp = u.find("breakpoints")) {
      read_breakpoints(e, u, *bp, type);
      e.types.push_back(std::move(type));
      continue;
    }
    if (u.find("final_slope")) u.at("final_slope").fail("final_slope belongs to the breakpoint form");
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

namespace {

// A state of an instance (`in_result` false: every problem is bad input) or of a result (a state
// that contradicts the instance, e.g. a group of a size it does not permit, is verify's exit 1;
// members are then listed in type order and every bundle lists every good).
State read_state(const Economy& e, const JsonNode& node, bool in_result) {
  node.expect_object({"groups"});
  const NameIndex types = type_index(e);
  NameIndex goods("good", e.goods);
  auto wrong = [&](const JsonNode& where, const std::string& why) {
    if (in_result) where.contradict(why);
    where.fail(why);
  };
  State state;
  for (const JsonNode& g : node.at("groups").elements()) {
    g.expect_object({"group", "mass", "bundles"});
    StateGroup sg;
    for (const JsonNode& m : g.at("group").elements())
      sg.group.push_back(in_result ? result_type(types, m) : types.at(m));
    if (in_result && !std::is_sorted(sg.group.begin(), sg.group.end()))
      g.at("group").contradict("the members of a group are listed in type order (the instance's order of types)");
    std::sort(sg.group.begin(), sg.group.end());
    const int n = static_cast<int>(sg.group.size());
    if (n < e.min_size || n > e.max_size)
      wrong(g.at("group"), "group size " + std::to_string(n) + " outside the permitted sizes [" + std::to_string(e.min_size) +
                               "," + std::to_string(e.max_size) + "]");
    sg.mass = g.at("mass").as_rational();
    if (sg.mass <= 0) wrong(g.at("mass"), "mass must be positive, not " + to_string(sg.mass));
    for (const auto& [name, b] : g.at("bundles").members()) {
      const int i = in_result ? result_type(types, name, b) : types.at(name, b);
      if (std::find(sg.group.begin(), sg.group.end(), i) == sg.group.end())
        wrong(b, "type \"" + name + "\" is not a member of the group");
      b.expect_object({"money", "goods"});
      sg.bundles[i] =
          Bundle{b.at("money").as_rational(), read_goods_vector(e, b.at("goods"), goods, "consumption", true, in_result)};
    }
    for (int i : sg.group)
      if (!sg.bundles.count(i)) g.at("bundles").fail("no bundle for member \"" + e.types[i].name + "\"");
    state.groups.push_back(std::move(sg));
  }
  return state;
}

}  // namespace

State read_state_json(const Economy& e, const JsonNode& node) { return read_state(e, node, false); }

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
  if (r.goods_price) {
    const GoodsPriceResult& p = *r.goods_price;
    out["supported"] = p.supported;
    out["supported_means"] =
        "an odd, non-decreasing price on net-trade vectors supports the state (conditions (a)-(c) hold); continuity is "
        "not established for several goods";
    Json forced = Json::array();
    for (const auto& f : p.forced) forced.push_back(vec_point_json(e, f));
    out["forced"] = forced;
    if (p.supported) {
      out["grid_kind"] = p.grid_kind;
      Json grid = Json::array();
      for (const auto& q : p.grid) grid.push_back(vec_point_json(e, q));
      out["grid"] = grid;
    }
    if (p.violation) {
      const PriceViolationGoods& v = *p.violation;
      Json types = Json::array();
      for (int i : v.types) types.push_back(e.types[i].name);
      Json points = Json::array();
      for (const auto& q : v.points) points.push_back(vec_point_json(e, q));
      out["violation"] = {{"condition", v.condition}, {"types", types},          {"points", points},
                          {"lhs", to_string(v.lhs)},  {"rhs", to_string(v.rhs)}, {"message", v.message}};
    }
  }
  if (r.linear) {
    Json node = {{"exists", r.linear->exists}};
    if (r.linear->exists) {
      Json prices = Json::object();
      for (int l = 0; l < e.num_goods(); ++l) prices[e.goods[l]] = to_string(r.linear->primal[l]);
      node["prices"] = prices;
      Json x = Json::array();
      for (const Rational& q : r.linear->primal) x.push_back(to_string(q));
      node["primal"] = x;
    } else {
      Json y = Json::array();
      for (const Rational& q : r.linear->farkas) y.push_back(to_string(q));
      node["farkas"] = y;
    }
    out["linear_price"] = node;
  }
  if (r.construction) {
    const ConstructionResult& c = *r.construction;
    Json price = Json::array();
    for (const auto& q : c.price) price.push_back(point_json(q));
    Json node = {{"applies", c.applies}, {"price", price}, {"final_slope", to_string(c.final_slope)}};
    if (!c.applies) {
      node["step"] = c.step;
      node["type"] = c.type >= 0 ? Json(e.types[c.type].name) : Json();
      node["point"] = point_json(c.point);
      node["value"] = to_string(c.value);
      node["message"] = c.message;
    }
    out["construction"] = node;
  }
  return out;
}

namespace {

bool same_state(const State& a, const State& b) {
  if (a.groups.size() != b.groups.size()) return false;
  for (std::size_t k = 0; k < a.groups.size(); ++k) {
    const StateGroup &x = a.groups[k], &y = b.groups[k];
    if (x.group != y.group || x.mass != y.mass || x.bundles.size() != y.bundles.size()) return false;
    for (const auto& [i, bx] : x.bundles) {
      auto it = y.bundles.find(i);
      if (it == y.bundles.end() || it->second.money != bx.money || it->second.goods != bx.goods) return false;
    }
  }
  return true;
}

// Canonical order of group types: size, then lexicographic (the groups welfare LP's order).
bool canonical_less(const groups::GroupType& a, const groups::GroupType& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

bool read_bool(const JsonNode& node) {
  if (!node.raw().is_boolean()) node.fail("expected true or false");
  return node.raw().get<bool>();
}

// Reads a result; `strict` is verify's reading (read_result_for_verify).
EconomyResult read_result(const Economy& e, const JsonNode& root, bool strict) {
  if (!root.raw().is_object()) root.fail("expected an object");
  EconomyResult r;
  const bool one_good = e.num_goods() == 1;
  if (strict) {
    for (const char* field : {"model", "method", "arith", "status", "welfare", "group_types", "state", "payoff"})
      if (!root.find(field)) root.fail(std::string("missing required field \"") + field + "\"");
    const std::string arith = root.at("arith").as_string();
    if (arith != "exact") root.at("arith").contradict("exchange_economy results are exact, not \"" + arith + "\"");
    const std::string status = root.at("status").as_string();
    if (status != "optimal") root.at("status").contradict("status must be \"optimal\", not \"" + status + "\"");
  }
  r.method = root.at("method").as_string();
  if (strict) {
    // What each method states (the claims it makes must all be there).
    std::vector<const char*> fields;
    if (r.method == "constructive") {
      if (one_good) fields = {"construction"};
    } else if (r.method == "price-lp") {
      fields = {"supported", "forced", "linear_price"};
      if (one_good) fields.push_back("some_state");
      else fields.push_back("supported_means");
      if (auto sup = root.find("supported"); sup && sup->raw().is_boolean()) {
        if (!sup->raw().get<bool>()) fields.push_back("violation");
        else if (one_good) fields.insert(fields.end(), {"price", "final_slope"});
        else fields.insert(fields.end(), {"grid_kind", "grid"});
      }
    } else {
      root.at("method").contradict("unknown method \"" + r.method + "\" (constructive, price-lp)");
    }
    for (const char* field : fields)
      if (!root.find(field)) root.fail(std::string("missing required field \"") + field + "\" (method " + r.method + ")");
  }
  r.stable.welfare = root.at("welfare").as_rational();
  if (auto n = root.find("group_types")) {
    const std::int64_t count = n->as_int();
    if (count < 0) n->fail("expected a non-negative count");
    r.stable.group_types = static_cast<std::size_t>(count);
  }
  r.stable.state = read_state(e, root.at("state"), strict);
  if (strict) {
    const JsonNode state = root.at("state");
    if (r.method == "price-lp" && e.state) {
      // price-lp prices the instance's state.
      if (!same_state(r.stable.state, *e.state)) state.contradict("the state differs from the instance's state, which price-lp prices");
    } else {
      const auto& groups = r.stable.state.groups;
      for (std::size_t k = 1; k < groups.size(); ++k)
        if (!canonical_less(groups[k - 1].group, groups[k].group))
          state.at("groups").contradict("the formed groups are listed once each, by size and then in type order");
    }
  }
  const NameIndex types = type_index(e);
  const NameIndex goods("good", e.goods);
  r.stable.payoff.assign(e.num_types(), Rational(0));
  std::vector<bool> seen(e.num_types(), false);
  for (const auto& [name, v] : root.at("payoff").members()) {
    const int i = result_type(types, name, v);
    r.stable.payoff[i] = v.as_rational();
    seen[i] = true;
  }
  for (int i = 0; i < e.num_types(); ++i)
    if (!seen[i]) root.at("payoff").fail("no payoff for type \"" + e.types[i].name + "\"");
  if (auto s = root.find("linear_price")) {
    LinearPriceResult lin;
    lin.exists = read_bool(s->at("exists"));
    if (lin.exists) {
      s->expect_object({"exists", "prices", "primal"});
      for (const JsonNode& q : s->at("primal").elements()) lin.primal.push_back(q.as_rational());
      if (strict) {
        // π, the first goods of the LP's primal point, is stated per good: the two must agree.
        const JsonNode prices = s->at("prices");
        const std::vector<Rational> pi = read_goods_vector(e, prices, goods, "prices", false, true);
        if (lin.primal.size() < pi.size()) s->at("primal").fail("fewer entries than goods");
        for (int l = 0; l < e.num_goods(); ++l)
          if (pi[l] != lin.primal[l])
            prices.contradict("the price of good \"" + e.goods[l] + "\" is " + to_string(pi[l]) +
                              " but the certificate's primal point has " + to_string(lin.primal[l]));
      }
    } else {
      s->expect_object({"exists", "farkas"});
      for (const JsonNode& q : s->at("farkas").elements()) lin.farkas.push_back(q.as_rational());
    }
    r.linear = lin;
  }
  if (!one_good) {
    if (auto s = root.find("supported")) {
      GoodsPriceResult p;
      p.supported = read_bool(*s);
      for (const JsonNode& f : root.at("forced").elements()) p.forced.push_back(read_vec_point(e, f, goods, strict));
      if (p.supported) {
        p.grid_kind = root.at("grid_kind").as_string();
        for (const JsonNode& q : root.at("grid").elements()) p.grid.push_back(read_vec_point(e, q, goods, strict));
      }
      if (auto v = root.find("violation")) {
        v->expect_object({"condition", "types", "points", "lhs", "rhs", "message"});
        PriceViolationGoods pv;
        pv.condition = v->at("condition").as_string();
        for (const JsonNode& t : v->at("types").elements()) pv.types.push_back(result_type(types, t));
        for (const JsonNode& q : v->at("points").elements()) pv.points.push_back(read_vec_point(e, q, goods, strict));
        pv.lhs = v->at("lhs").as_rational();
        pv.rhs = v->at("rhs").as_rational();
        pv.message = v->at("message").as_string();
        p.violation = pv;
      }
      r.goods_price = p;
    }
  } else if (auto s = root.find("supported")) {
    PriceResult p;
    p.supported = read_bool(*s);
    const JsonNode forced = root.at("forced");
    for (const JsonNode& f : forced.elements()) p.forced.push_back(read_point(f));
    if (strict)  // the folded forced values (trade >= 0), each once, by trade and then price
      for (std::size_t k = 0; k < p.forced.size(); ++k) {
        if (p.forced[k].trade < 0) forced.contradict("forced values are listed folded to trade >= 0 (p is odd)");
        if (k > 0 && !(p.forced[k - 1].trade < p.forced[k].trade ||
                       (p.forced[k - 1].trade == p.forced[k].trade && p.forced[k - 1].price < p.forced[k].price)))
          forced.contradict("forced values are listed once each, by trade and then by price");
      }
    if (p.supported) {
      for (const JsonNode& q : root.at("price").elements()) p.price.push_back(read_point(q));
      if (p.price.empty()) root.at("price").fail("no breakpoints");
      p.final_slope = root.at("final_slope").as_rational();
    }
    if (auto v = root.find("violation")) {
      v->expect_object({"condition", "types", "points", "lhs", "rhs", "message"});
      PriceViolation pv;
      pv.condition = v->at("condition").as_string();
      for (const JsonNode& t : v->at("types").elements()) pv.types.push_back(result_type(types, t));
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
    ss.supported = read_bool(s->at("supported"));
    if (ss.supported) {
      s->expect_object({"supported", "payoff", "price", "final_slope"});
      ss.payoff.assign(e.num_types(), Rational(0));
      std::vector<bool> have(e.num_types(), false);
      for (const auto& [name, v] : s->at("payoff").members()) {
        const int i = result_type(types, name, v);
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
  if (auto s = root.find("construction")) {
    ConstructionResult c;
    c.applies = read_bool(s->at("applies"));
    if (c.applies) s->expect_object({"applies", "price", "final_slope"});
    else s->expect_object({"applies", "price", "final_slope", "step", "type", "point", "value", "message"});
    for (const JsonNode& q : s->at("price").elements()) c.price.push_back(read_point(q));
    if (c.price.empty()) s->at("price").fail("no breakpoints");
    c.final_slope = s->at("final_slope").as_rational();
    if (!c.applies) {
      c.step = s->at("step").as_string();
      if (!s->at("type").raw().is_null()) c.type = result_type(types, s->at("type"));
      c.point = read_point(s->at("point"));
      c.value = s->at("value").as_rational();
      c.message = s->at("message").as_string();
    }
    r.construction = c;
  }
  return r;
}

}  // namespace

EconomyResult read_result_json(const Economy& e, const JsonNode& root) { return read_result(e, root, false); }

EconomyResult read_result_for_verify(const Economy& e, const JsonNode& root) { return read_result(e, root, true); }

}  // namespace equilab::economies
