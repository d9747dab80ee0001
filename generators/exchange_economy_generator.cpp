// Seeded random exchange economies: every draw comes from equilab::Random.
//   types "t1".."tK", mass uniform_rational(1, 3, 2), money 0, endowment of every good
//   uniform_int(0, 3); utility: `pieces` affine pieces, const uniform_int(0, 6), every
//   gradient entry uniform_int(0, 4) (a minimum of affine pieces is concave; gradients >= 0
//   make it weakly increasing). Goods "g1".."gL". At most 32 types, 4 goods, sizes <= 4.
#include "generators/exchange_economy_generator.h"

#include "core/random.h"

#include <stdexcept>
#include <string>

namespace equilab::gen {

economies::Economy generate_exchange_economy(std::uint64_t seed, const EconomyGenOptions& o) {
  if (o.types < 1 || o.types > 32) throw std::invalid_argument("generate exchange_economy: --types must be in [1, 32]");
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
