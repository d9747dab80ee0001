// Properties of the exchange_economy family (Wang 2019, §4) on seeded random economies:
// the greedy and the LP agree on s(G); every constructive state and every price-lp answer
// passes the certificate checker; with pairs only (N = 2) every stable state found is
// supported; moving one forced value of a returned price by 1/7 is rejected; renaming types
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
  const EconomyResult r{"constructive", solve_constructive(e), std::nullopt, std::nullopt};
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
    const verify::Verdict verdict = verify::check_exchange_economy_certificate(e, r, 100000);
    if (!verdict.valid) RC_FAIL(failures(verdict));
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
