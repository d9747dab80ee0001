// Seeded random exchange economies: every draw comes from equilab::Random.
//   types "t1".."tK", mass uniform_rational(1, 3, 2), money 0, endowment of every good
//   uniform_int(0, 3); utility: `pieces` affine pieces, const uniform_int(0, 6), every
//   gradient entry uniform_int(0, 4) (a minimum of affine pieces is concave; gradients >= 0
//   make it weakly increasing). Goods "g1".."gL". At most 64 types, 4 goods, sizes <= 4.
#include "generators/exchange_economy_generator.h"

#include "core/random.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace equilab::gen {

economies::Economy leontief_economy(int types, int min_size, int max_size) {
  // Dense gradients: I types x I pieces x I goods entries, so I is capped at 64.
  if (types < 2 || types > 64) throw std::invalid_argument("generate exchange_economy: --leontief must be in [2, 64]");
  if (min_size < 1 || max_size < min_size) throw std::invalid_argument("generate exchange_economy: need 1 <= --min-size <= --max-size");
  economies::Economy e;
  e.name = "wang-4.4.1-leontief-I" + std::to_string(types) + "-N" + std::to_string(max_size);
  e.min_size = min_size;
  e.max_size = max_size;
  for (int l = 0; l < types; ++l) e.goods.push_back(std::to_string(l + 1));
  for (int i = 0; i < types; ++i) {
    economies::EconType t;
    t.name = std::to_string(i + 1);
    t.mass = Rational(1, types);
    t.money = 0;
    t.endowment.assign(types, Rational(0));
    t.endowment[i] = 1;
    for (int k = 0; k < types; ++k) {
      economies::Piece p{Rational(0), std::vector<Rational>(types, Rational(0))};
      p.grad[k] = 1;
      t.pieces.push_back(std::move(p));
    }
    e.types.push_back(std::move(t));
  }
  return e;
}

int max_consumable_goods(const economies::Economy& e) {
  std::vector<int> owners(e.num_goods(), 0), owned;
  for (const auto& t : e.types) {
    int n = 0;
    for (int l = 0; l < e.num_goods(); ++l)
      if (t.endowment[l] > 0) ++owners[l], ++n;
    owned.push_back(n);
  }
  if (std::any_of(owners.begin(), owners.end(), [](int n) { return n > 1; }))
    throw std::invalid_argument("max_consumable_goods: some good has several owner types");
  // A group may hold several members of one type, but they own the same goods: the best group
  // takes the max_size types owning most goods.
  std::sort(owned.rbegin(), owned.rend());
  int best = 0;
  for (int k = 0; k < std::min<int>(e.max_size, static_cast<int>(owned.size())); ++k) best += owned[k];
  return best;
}

economies::Economy generate_exchange_economy(std::uint64_t seed, const EconomyGenOptions& o) {
  if (o.leontief > 0) return leontief_economy(o.leontief, o.min_size, o.max_size);
  if (o.types < 1 || o.types > 64) throw std::invalid_argument("generate exchange_economy: --types must be in [1, 64]");
  if (o.goods < 1 || o.goods > 4) throw std::invalid_argument("generate exchange_economy: --goods must be in [1, 4]");
  if (o.pieces < 1 || o.pieces > 8) throw std::invalid_argument("generate exchange_economy: --pieces must be in [1, 8]");
  if (o.min_size < 1 || o.max_size < o.min_size || o.max_size > 4)
    throw std::invalid_argument("generate exchange_economy: need 1 <= --min-size <= --max-size <= 4");
  Random rng(seed);
  economies::Economy e;
  e.name = "random-economy-seed" + std::to_string(seed);
  e.min_size = o.min_size;
  e.max_size = o.max_size;
  for (int l = 0; l < o.goods; ++l) e.goods.push_back(o.goods == 1 ? "g" : "g" + std::to_string(l + 1));
  for (int i = 0; i < o.types; ++i) {
    economies::EconType t;
    t.name = "t" + std::to_string(i + 1);
    t.mass = rng.uniform_rational(1, 3, 2);
    t.money = 0;
    for (int l = 0; l < o.goods; ++l) t.endowment.push_back(Rational(rng.uniform_int(0, 3)));
    for (int k = 0; k < o.pieces; ++k) {
      economies::Piece p{Rational(rng.uniform_int(0, 6)), {}};
      for (int l = 0; l < o.goods; ++l) p.grad.push_back(Rational(rng.uniform_int(0, 4)));
      t.pieces.push_back(std::move(p));
    }
    e.types.push_back(std::move(t));
  }
  return e;
}

}  // namespace equilab::gen
