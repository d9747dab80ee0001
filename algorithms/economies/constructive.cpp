// Method `constructive` (Theorem 5 via Theorem 2) and the stability checks of §4.1.3.
#include "economies/methods.h"

#include "groups/methods.h"

#include <algorithm>
#include <stdexcept>

namespace equilab::economies {

groups::GroupsInstance surplus_game(const Economy& economy, std::uint64_t max_enumeration) {
  groups::GroupsInstance game;
  for (const EconType& t : economy.types) game.types.push_back({t.name, t.mass});
  game.min_size = economy.min_size;
  game.max_size = economy.max_size;
  groups::TableValue table;
  table.default_value = 0;
  for (const auto& g : groups::enumerate_group_types(economy.num_types(), economy.min_size, economy.max_size, max_enumeration))
    table.values[g] = surplus(economy, g);
  game.value = table;
  return game;
}

StableState state_from(const Economy& economy, const groups::StableAssignment& sa, const std::vector<Rational>& payoff) {
  StableState out;
  out.welfare = sa.welfare;
  out.group_types = sa.group_types;
  out.payoff = payoff;
  for (const groups::FormedGroup& f : sa.assignment) {
    StateGroup sg;
    sg.group = f.group;
    sg.mass = f.mass;
    const GoodsOptimum opt = goods_optimum(economy, f.group);
    for (const auto& [i, x] : opt.goods) sg.bundles[i] = Bundle{payoff[i] - utility(economy.types[i], x), x};
    out.state.groups.push_back(std::move(sg));
  }
  return out;
}

StableState solve_constructive(const Economy& economy, std::uint64_t max_enumeration) {
  // (i) s(G) for every permitted group type; (ii) the welfare LP: τ and the imputation v (row duals).
  const groups::GroupsInstance game = surplus_game(economy, max_enumeration);
  groups::GroupsOptions options;
  options.ranges = false;
  options.max_enumeration = max_enumeration;
  const groups::StableAssignment sa = groups::solve_welfare_lp(game, options);
  return state_from(economy, sa, sa.imputation);
}

std::optional<std::string> state_payoffs(const Economy& economy, const State& state, std::vector<Rational>& payoff) {
  std::vector<std::optional<Rational>> v(economy.num_types());
  for (const StateGroup& g : state.groups)
    for (const auto& [i, b] : g.bundles) {
      const Rational u = b.money + utility(economy.types[i], b.goods);
      if (v[i] && *v[i] != u)
        return "type \"" + economy.types[i].name + "\" has payoffs " + to_string(*v[i]) + " and " + to_string(u) +
               " in different groups (Lemma 10)";
      v[i] = u;
    }
  payoff.assign(economy.num_types(), Rational(0));
  for (int i = 0; i < economy.num_types(); ++i) {
    if (!v[i]) return "type \"" + economy.types[i].name + "\" is in no formed group";
    payoff[i] = *v[i];
  }
  return std::nullopt;
}

std::optional<std::string> state_unstable(const Economy& economy, const State& state, const std::vector<Rational>& payoff,
                                          std::uint64_t max_enumeration) {
  const int k = economy.num_types();
  std::vector<Rational> used(k, Rational(0));
  for (const StateGroup& g : state.groups) {
    const std::string label = group_label(economy, g.group);
    const int n = static_cast<int>(g.group.size());
    if (n < economy.min_size || n > economy.max_size) return "group " + label + " has a size outside the permitted sizes";
    if (g.mass <= 0) return "group " + label + " has mass " + to_string(g.mass) + " (must be > 0)";
    std::vector<Rational> goods(economy.num_goods(), Rational(0));
    Rational money = 0;
    for (int i : g.group) {
      used[i] += g.mass;
      auto it = g.bundles.find(i);
      if (it == g.bundles.end()) return "group " + label + " has no bundle for type \"" + economy.types[i].name + "\"";
      money += it->second.money - economy.types[i].money;
      for (int l = 0; l < economy.num_goods(); ++l) {
        if (it->second.goods[l] < 0)
          return "group " + label + ": type \"" + economy.types[i].name + "\" consumes a negative amount of good \"" +
                 economy.goods[l] + "\"";
        goods[l] += it->second.goods[l] - economy.types[i].endowment[l];
      }
    }
    for (const auto& [i, bundle] : g.bundles)
      if (std::find(g.group.begin(), g.group.end(), i) == g.group.end())
      return "group " + label + " has a bundle for a type that is not a member";
    if (money != 0) return "group " + label + ": money does not balance (net " + to_string(money) + ")";
    for (int l = 0; l < economy.num_goods(); ++l)
      if (goods[l] != 0)
        return "group " + label + ": good \"" + economy.goods[l] + "\" does not balance (net " + to_string(goods[l]) + ")";
  }
  for (int i = 0; i < k; ++i)
    if (used[i] != economy.types[i].mass)
      return "type \"" + economy.types[i].name + "\": the groups hold mass " + to_string(used[i]) + ", not " +
             to_string(economy.types[i].mass);
  for (const auto& g : groups::enumerate_group_types(k, economy.min_size, economy.max_size, max_enumeration)) {
    Rational sum = 0;
    for (int i : g) sum += payoff[i];
    const Rational s = surplus(economy, g);
    if (sum < s)
      return "group " + group_label(economy, g) + " blocks: s(G) = " + to_string(s) + " > Σ v = " + to_string(sum);
  }
  return std::nullopt;
}

}  // namespace equilab::economies
