// Method `m-natural`: the exchange condition of the pseudo-market slides ("M♮ concavity"):
//   A, B ∈ dom u and j ∈ A∖B imply some D ⊆ B∖A with |D| ≤ 1 has
//   u((A∖{j}) ∪ D) + u((B∖D) ∪ {j}) ≥ u(A) + u(B),
// where a set outside dom u has utility −∞ (so that D fails). (The slides' "M^b"/"M^h"-concave is
// the same M♮, garbled by the text conversion.) The search runs A, then B, over dom u in increasing
// bit-mask order (good k is bit k) and j ascending, and reports the first failing triple per agent;
// for the slides' Example 1 that is A = {1,2}, B = ∅, j = 1.
#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "pseudo_market/methods.h"

namespace equilab::pseudo_market {
namespace {

using Mask = std::uint64_t;

Mask mask_of(const Bundle& b) {
  Mask m = 0;
  for (int k : b) m |= Mask{1} << k;
  return m;
}

Bundle bundle_of(Mask m) {
  Bundle b;
  for (int k = 0; m; ++k, m >>= 1)
    if (m & 1) b.push_back(k);
  return b;
}

}  // namespace

DecomposeResult check_m_natural(const DecomposeInstance& in, const DecomposeOptions&) {
  if (in.num_objects() > 62) throw std::invalid_argument("m-natural handles at most 62 goods");
  DecomposeResult r;
  r.method = "m-natural";
  r.status = Status::MNatural;
  for (int i = 0; i < in.num_agents(); ++i) {
    if (!in.agents[i].utility)
      throw std::invalid_argument("m-natural needs a utility for every agent; agent \"" + in.agents[i].name +
                                  "\" has none");
    std::unordered_map<Mask, Rational> u;
    std::vector<Mask> dom;
    for (const auto& [b, value] : *in.agents[i].utility) {
      u.emplace(mask_of(b), value);
      dom.push_back(mask_of(b));
    }
    std::sort(dom.begin(), dom.end());
    r.agents_checked.push_back(i);
    auto holds = [&](Mask a2, Mask b2, const Rational& target) {
      auto ia = u.find(a2), ib = u.find(b2);
      return ia != u.end() && ib != u.end() && ia->second + ib->second >= target;
    };
    bool found = false;
    for (Mask A : dom) {
      for (Mask B : dom) {
        const Rational target = u[A] + u[B];
        for (Mask rest = A & ~B; rest; rest &= rest - 1) {
          const Mask j = rest & (~rest + 1);
          bool ok = holds(A & ~j, B | j, target);
          for (Mask others = B & ~A; others && !ok; others &= others - 1) {
            const Mask d = others & (~others + 1);
            ok = holds((A & ~j) | d, (B & ~d) | j, target);
          }
          if (!ok) {
            int jj = 0;
            while (!((j >> jj) & 1)) ++jj;
            r.violations.push_back({i, bundle_of(A), bundle_of(B), jj});
            found = true;
            break;
          }
        }
        if (found) break;
      }
      if (found) break;
    }
  }
  if (!r.violations.empty()) r.status = Status::NotMNatural;
  return r;
}

}  // namespace equilab::pseudo_market
