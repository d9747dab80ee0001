// Properties of the exchange_economy family (Wang 2019, §4) on seeded random economies:
// the greedy and the LP agree on s(G); every constructive state and every price-lp answer
// passes the certificate checker; with pairs only (N = 2) every stable state found is
// supported (by price-lp and by the proof's construction, which agree where it applies);
// moving one forced value of a returned price by 1/7 is rejected; renaming types
// and goods changes nothing. EQUILAB_PROPERTY_RUNS=N scales the number of cases.
#include "common/property_runs.h"
#include "economies/json_io.h"
#include "economies/methods.h"
#include "generators/exchange_economy_generator.h"
#include "groups/methods.h"
#include "verify/exchange_economy_certificate.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace equilab::economies {
namespace {

const bool kRunsConfigured = equilab::testing::configure_property_runs();

// rapidcheck scales inRange by the test size; these draws use the full range at every size.
template <class T>
T uniform(T lo, T hi) {
  return *rc::gen::resize(100, rc::gen::inRange<T>(lo, hi));
}

Economy draw(int max_size_lo, int max_size_hi, int goods = 1) {
  gen::EconomyGenOptions o;
  o.types = uniform(1, 5);
  o.goods = goods;
  o.min_size = 1;
  o.max_size = uniform(max_size_lo, max_size_hi + 1);
  o.pieces = uniform(1, 4);
  return gen::generate_exchange_economy(uniform<std::uint64_t>(0, 1000000000), o);
}

EconomyResult price_result(const Economy& e) {
  EconomyResult r;
  r.method = "price-lp";
  r.stable = solve_constructive(e);
  r.price = price_lp(e, r.stable.state, r.stable.payoff);
  return r;
}

std::string failures(const verify::Verdict& v) {
  std::string s;
  for (const auto& f : v.failures) s += f + "\n";
  return s;
}

RC_GTEST_PROP(EconomyProperties, GreedySurplusEqualsLp, ()) {
  const Economy e = draw(1, 3);
  groups::GroupType g;
  const int n = uniform(1, 4);
  for (int k = 0; k < n; ++k) g.push_back(uniform(0, e.num_types()));
  std::sort(g.begin(), g.end());
  RC_ASSERT(goods_optimum_greedy(e, g).value == goods_optimum_lp(e, g).value);
}

RC_GTEST_PROP(EconomyProperties, ConstructiveStatesVerifyTwoGoods, ()) {
  const Economy e = draw(1, 3, 2);
  EconomyResult r;
  r.method = "constructive";
  r.stable = solve_constructive(e);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 100000);
  RC_ASSERT(v.valid);
}

RC_GTEST_PROP(EconomyProperties, EveryPriceAnswerVerifies, ()) {
  const Economy e = draw(2, 3);
  const EconomyResult r = price_result(e);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 100000);
  if (!v.valid) RC_FAIL(failures(v));
}

// N = 2: the constructive state and the states of the extreme stable imputations (the
// witnesses of every type's payoff range, §2.2.1) are all supported, and the prices verify.
RC_GTEST_PROP(EconomyProperties, PairsAreAlwaysSupported, ()) {
  const Economy e = draw(2, 2);
  const groups::GroupsInstance game = surplus_game(e);
  groups::GroupsOptions options;
  const groups::StableAssignment sa = groups::solve_welfare_lp(game, options);
  std::vector<std::vector<Rational>> imputations{sa.imputation};
  for (const auto& range : *sa.ranges) imputations.push_back(range.witness_min), imputations.push_back(range.witness_max);
  for (const auto& v : imputations) {
    EconomyResult r;
    r.method = "price-lp";
    r.stable = state_from(e, sa, v);
    r.price = price_lp(e, r.stable.state, r.stable.payoff);
    if (!r.price->supported) RC_FAIL(r.price->violation->message);
    // The proof's own construction (eq. 20) applies too (constructive_price.cpp, N = 2).
    r.construction = construct_price(e, r.stable.state, r.stable.payoff);
    if (!r.construction->applies) RC_FAIL(r.construction->message);
    const verify::Verdict verdict = verify::check_exchange_economy_certificate(e, r, 100000);
    if (!verdict.valid) RC_FAIL(failures(verdict));
  }
}

// constructive (the price of the proof of Theorem 6) and price-lp (conditions (a)-(c)) share no
// code; where the construction applies price-lp must find a price, where price-lp finds none the
// construction must fail, with N = 2 it always applies, and both answers verify.
RC_GTEST_PROP(EconomyProperties, ConstructionAgreesWithPriceLp, ()) {
  const Economy e = draw(2, 3);
  EconomyResult r = price_result(e);
  r.construction = construct_price(e, r.stable.state, r.stable.payoff);
  if (r.construction->applies) RC_ASSERT(r.price->supported);
  if (!r.price->supported) RC_ASSERT(!r.construction->applies);
  if (e.max_size <= 2 && !r.construction->applies) RC_FAIL(r.construction->message);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 100000);
  if (!v.valid) RC_FAIL(failures(v));
  RC_TAG(r.construction->applies ? "construction applies" : "construction fails at " + r.construction->step);
  // The vector form of (a)-(c) (price_lp_goods.cpp: exact pair LPs, all comparable pairs of the
  // mirrored forced set) decides the same for one good.
  RC_ASSERT(price_lp_goods(e, r.stable.state, r.stable.payoff).supported == r.price->supported);
}

// Several goods: every price-lp answer (the grid price or the violated condition, and the linear
// price or its Farkas certificate) verifies, and moving one forced value on the grid by 1/7 is
// rejected. Tags count supported states for N = 2 and N = 3.
RC_GTEST_PROP(EconomyProperties, SeveralGoodsAnswersVerify, ()) {
  const Economy e = draw(2, 3, uniform(2, 4));
  EconomyResult r;
  r.method = "price-lp";
  r.stable = solve_constructive(e);
  r.goods_price = price_lp_goods(e, r.stable.state, r.stable.payoff);
  r.linear = linear_price(e, r.stable.state, r.stable.payoff);
  const verify::Verdict v = verify::check_exchange_economy_certificate(e, r, 100000);
  if (!v.valid) RC_FAIL(failures(v));
  // A linear price is one odd non-decreasing price: it exists only if (a)-(c) hold.
  if (r.linear->exists) RC_ASSERT(r.goods_price->supported);
  RC_TAG("N = " + std::to_string(e.max_size) + (r.goods_price->supported ? " supported" : " unsupported (" + r.goods_price->violation->condition + ")"));
  if (!r.goods_price->supported) return;
  for (auto& q : r.goods_price->grid) {
    const bool traded = std::any_of(r.goods_price->forced.begin(), r.goods_price->forced.end(),
                                    [&](const VecPoint& f) { return f.trade == q.trade; });
    if (!traded || std::all_of(q.trade.begin(), q.trade.end(), [](const Rational& x) { return x == 0; })) continue;
    q.price += Rational(1, 7);
    RC_ASSERT(!verify::check_exchange_economy_certificate(e, r, 100000).valid);
    break;
  }
}

RC_GTEST_PROP(EconomyProperties, MovedForcedValueIsRejected, ()) {
  const Economy e = draw(2, 3);
  EconomyResult r = price_result(e);
  RC_PRE(r.price->supported);
  std::vector<PricePoint> traded;
  for (const auto& f : r.price->forced)
    if (f.trade > 0) traded.push_back(f);
  RC_PRE(!traded.empty());
  const PricePoint f = traded[uniform<std::size_t>(0, traded.size())];
  auto& p = r.price->price;
  auto it = std::find_if(p.begin(), p.end(), [&](const PricePoint& q) { return q.trade >= f.trade; });
  const Rational moved = f.price + (*rc::gen::arbitrary<bool>() ? Rational(1, 7) : Rational(-1, 7));
  if (it != p.end() && it->trade == f.trade) it->price = moved;
  else p.insert(it, PricePoint{f.trade, moved});
  RC_ASSERT(!verify::check_exchange_economy_certificate(e, r, 100000).valid);
}

// Quasi-linear utilities: adding δ to every type's money adds δ to every s(G) per member, so the
// welfare LP has the same optimal assignments and the payoffs shift by δ; prices (ω^m - m on
// trades) and whether a price exists do not change.
RC_GTEST_PROP(EconomyProperties, AddingMoneyShiftsOnlyMoney, ()) {
  const Economy e = draw(1, 3);
  const Rational delta(uniform(-5, 6), uniform(1, 4));
  Economy richer = e;
  for (auto& t : richer.types) t.money += delta;
  const EconomyResult a = price_result(e);
  EconomyResult b;
  b.stable.payoff = a.stable.payoff;
  for (auto& x : b.stable.payoff) x += delta;
  // Same assignment and goods as a, payoffs + δ: stable for the richer economy, same forced values.
  b.stable.state = a.stable.state;
  for (auto& g : b.stable.state.groups)
    for (auto& [i, bundle] : g.bundles) bundle.money += delta;
  RC_ASSERT(!state_unstable(richer, b.stable.state, b.stable.payoff, 100000).has_value());
  const PriceResult pb = price_lp(richer, b.stable.state, b.stable.payoff);
  RC_ASSERT(pb.supported == a.price->supported);
  RC_ASSERT(pb.forced.size() == a.price->forced.size());
  for (std::size_t k = 0; k < pb.forced.size(); ++k)
    RC_ASSERT(pb.forced[k].trade == a.price->forced[k].trade && pb.forced[k].price == a.price->forced[k].price);
  // The richer economy's own welfare optimum is the old one plus δ per unit of mass.
  Rational mass = 0;
  for (const auto& t : e.types) mass += t.mass;
  RC_ASSERT(solve_constructive(richer).welfare == a.stable.welfare + delta * mass);
}

RC_GTEST_PROP(EconomyProperties, RenamingChangesNothing, ()) {
  const Economy e = draw(1, 3);
  Economy renamed = e;
  for (auto& t : renamed.types) t.name = "renamed " + t.name;
  renamed.goods[0] = "apples";
  const EconomyResult a = price_result(e), b = price_result(renamed);
  RC_ASSERT(a.stable.welfare == b.stable.welfare);
  RC_ASSERT(a.stable.payoff == b.stable.payoff);
  RC_ASSERT(a.price->supported == b.price->supported);
  RC_ASSERT(a.price->forced.size() == b.price->forced.size());
  for (std::size_t k = 0; k < a.price->forced.size(); ++k)
    RC_ASSERT(a.price->forced[k].trade == b.price->forced[k].trade && a.price->forced[k].price == b.price->forced[k].price);
  // The written results differ only in the names.
  Json ja = write_result_json(e, a), jb = write_result_json(renamed, b);
  RC_ASSERT(ja.at("welfare") == jb.at("welfare"));
  RC_ASSERT(ja.value("price", Json()) == jb.value("price", Json()));
}

}  // namespace
}  // namespace equilab::economies
