#include "generators/allocation_market_generator.h"

#include <stdexcept>

#include "core/random.h"

namespace equilab::gen {

homotopy::AllocationMarket generate_allocation_market(std::uint64_t seed,
                                                      const AllocationMarketGenOptions& o) {
  if (o.buyers < 1) throw std::invalid_argument("--buyers must be at least 1");
  if (o.goods < 0) throw std::invalid_argument("--goods must be at least 0");
  if (o.max_value < 1) throw std::invalid_argument("--max-value must be at least 1");
  Random rng(seed);
  auto number = [&](std::int64_t lo, std::int64_t hi) {
    return o.integer ? Rational(rng.uniform_int(lo, hi)) : rng.uniform_rational(lo, hi, 4);
  };
  homotopy::AllocationMarket m;
  auto label = [](const char* prefix, std::uint64_t k) {
    std::string s(prefix);
    s += std::to_string(k);
    return s;
  };
  m.name = label("random-", seed);
  for (int a = 0; a < o.buyers; ++a) m.buyers.push_back(label("b", a + 1));
  for (int k = 0; k < o.goods; ++k) m.goods.push_back({label("g", k + 1), number(0, o.max_value / 4), false});
  for (int a = 0; a < o.buyers; ++a) m.goods.push_back({label("out", a + 1), Rational(0), true});
  const int ng = m.num_goods();
  m.utility.assign(o.buyers, std::vector<std::optional<homotopy::UtilityTerm>>(ng));
  for (int a = 0; a < o.buyers; ++a) {
    for (int k = 0; k < o.goods; ++k) {
      if (rng.bernoulli(1, 6)) continue;  // not acceptable
      homotopy::UtilityTerm t;
      t.value = number(0, o.max_value);
      t.slope = o.tu ? Rational(1) : Rational(rng.uniform_int(1, 4), rng.uniform_int(1, 2));
      m.utility[a][k] = t;
    }
    m.utility[a][o.goods + a] = homotopy::UtilityTerm{Rational(0), Rational(1)};
  }
  m.value_to.assign(o.buyers, std::vector<Rational>(ng));
  for (int a = 0; a < o.buyers; ++a)
    for (int i = 0; i < ng; ++i)
      if (m.utility[a][i]) m.value_to[a][i] = m.utility[a][i]->value;
  m.reservation_to.resize(ng);
  for (int i = 0; i < ng; ++i) m.reservation_to[i] = m.goods[i].reservation;
  if (o.path) {
    m.has_path = true;
    for (int a = 0; a < o.buyers; ++a)
      for (int k = 0; k < o.goods; ++k)
        if (m.utility[a][k]) m.value_to[a][k] = number(0, o.max_value);
    for (int k = 0; k < o.goods; ++k) m.reservation_to[k] = number(0, o.max_value / 4);
  }
  return m;
}

}  // namespace equilab::gen
