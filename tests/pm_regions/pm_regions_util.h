// Small assignment instances built in code, shared by the EMZ §4.3 region tests.
#pragma once

#include <string>
#include <vector>

#include "pseudo_market/equilibrium.h"

namespace equilab::pseudo_market::regions_test {

// N agents "1".."N" (zero utilities, budget 1) and objects "a", "b", … with the given supplies.
inline EquilibriumInstance make_instance(int n, const std::vector<int>& supplies) {
  EquilibriumInstance in;
  in.name = "regions-test";
  const int L = static_cast<int>(supplies.size());
  for (int l = 0; l < L; ++l)
    in.objects.push_back({std::string(1, static_cast<char>('a' + l)), Rational(supplies[l])});
  for (int i = 0; i < n; ++i) {
    EquilibriumInstance::AgentData a;
    a.name = std::to_string(i + 1);
    a.endowment.assign(L, Rational(0));
    a.utility.assign(L, Rational(0));
    in.agents.push_back(std::move(a));
  }
  return in;
}

inline EquilibriumInstance::Region region(std::string name, std::vector<int> objects, int floor,
                                          int ceiling) {
  return {std::move(name), std::move(objects), Rational(floor), Rational(ceiling)};
}

}  // namespace equilab::pseudo_market::regions_test
