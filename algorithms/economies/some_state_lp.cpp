// Corollary 1 as one exact LP over the dual optimal face (see methods.h and price_lp.cpp for
// conditions (a)-(c)).
#include "economies/methods.h"

#include "lp/exact_simplex.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

namespace equilab::economies {
namespace {

// const + Σ coef_i v_i
struct Affine {
  Rational constant;
  std::map<int, Rational> coef;
};

struct Builder {
  lp::LpModel model;
  int one = 0;  // index of the variable fixed at 1
  // lhs op rhs, written (lhs - rhs).v op rhs.const - lhs.const
  void add(const std::string& name, const Affine& lhs, lp::RowOp op, const Affine& rhs) {
    std::map<int, Rational> c = lhs.coef;
    for (const auto& [i, a] : rhs.coef) c[i] -= a;
    lp::Constraint row;
    row.name = name;
    row.op = op;
    row.rhs = rhs.constant - lhs.constant;
    for (const auto& [i, a] : c)
      if (a != 0) row.coef.push_back({i, a});
    if (row.coef.empty()) {  // constant row: 0 op rhs, written as one op rhs + 1
      row.coef.push_back({one, Rational(1)});
      row.rhs += 1;
    }
    model.constraints.push_back(std::move(row));
  }
};

struct Forced {
  Rational trade;  // folded, >= 0
  Affine price;
};

}  // namespace

State with_payoff(const Economy& economy, const State& state, const std::vector<Rational>& payoff) {
  State out = state;
  for (StateGroup& g : out.groups)
    for (auto& [i, b] : g.bundles) b.money = payoff[i] - utility(economy.types[i], b.goods);
  return out;
}

lp::LpModel some_state_model(const Economy& economy, const State& state, std::uint64_t max_enumeration) {
  if (economy.num_goods() != 1) throw std::logic_error("some-state LP: one good only");
  const int k = economy.num_types();
  Builder b;
  b.model.sense = lp::Sense::Minimize;
  for (int i = 0; i < k; ++i) b.model.variables.push_back({"v[" + economy.types[i].name + "]", std::nullopt, std::nullopt});
  b.one = k;
  b.model.variables.push_back({"one", Rational(1), Rational(1)});
  b.model.objective.assign(k + 1, Rational(0));
  auto var = [](int i, const Rational& a) {
    Affine e;
    e.coef[i] = a;
    return e;
  };
  auto constant = [](const Rational& c) {
    Affine e;
    e.constant = c;
    return e;
  };
  auto omega = [&](int i) { return economy.types[i].endowment[0]; };
  auto c_of = [&](int j) {  // c_j = v_j - ω_j^m
    Affine e = var(j, Rational(1));
    e.constant = -economy.types[j].money;
    return e;
  };
  // The dual optimal face: Σ_{i∈G} v_i >= s(G), = on supp τ (complementary slackness).
  std::set<groups::GroupType> formed;
  for (const StateGroup& g : state.groups) formed.insert(g.group);
  for (const auto& g : groups::enumerate_group_types(k, economy.min_size, economy.max_size, max_enumeration)) {
    Affine sum;
    for (int i : g) sum.coef[i] += 1;
    const bool eq = formed.count(g) > 0;
    b.add((eq ? "face " : "stable ") + group_label(economy, g), sum, eq ? lp::RowOp::Equal : lp::RowOp::GreaterEqual,
          constant(surplus(economy, g)));
  }
  // Forced values p(t) = ω_i^m + u_i(x_i) - v_i at t = x_i - ω_i, folded by oddness.
  std::vector<Forced> forced{{Rational(0), constant(Rational(0))}};
  for (const StateGroup& g : state.groups)
    for (const auto& [i, bundle] : g.bundles) {
      const Rational t = bundle.goods[0] - omega(i);
      const Rational sigma = t >= 0 ? 1 : -1;
      Affine f = var(i, -sigma);
      f.constant = sigma * (economy.types[i].money + utility(economy.types[i], bundle.goods));
      forced.push_back({t >= 0 ? t : -t, f});
    }
  // (a) L(T) <= p(T) <= U(T) at every folded forced point, one row per type.
  for (std::size_t q = 0; q < forced.size(); ++q) {
    const Forced& f = forced[q];
    for (int j = 0; j < k; ++j) {
      Affine lo = constant(utility(economy.types[j], {omega(j) + f.trade}));
      const Affine cj = c_of(j);
      for (const auto& [i, a] : cj.coef) lo.coef[i] -= a;
      lo.constant -= cj.constant;
      b.add("a-lower p(" + to_string(f.trade) + ") " + economy.types[j].name, lo, lp::RowOp::LessEqual, f.price);
      if (f.trade <= omega(j)) {
        Affine hi = c_of(j);
        hi.constant -= utility(economy.types[j], {omega(j) - f.trade});
        b.add("a-upper p(" + to_string(f.trade) + ") " + economy.types[j].name, f.price, lp::RowOp::LessEqual, hi);
      }
    }
  }
  // (b) every pair [i,j]: goods optimum <= c_i + c_j.
  for (int i = 0; i < k; ++i)
    for (int j = i; j < k; ++j) {
      Affine sum = c_of(i);
      const Affine cj = c_of(j);
      for (const auto& [l, a] : cj.coef) sum.coef[l] += a;
      sum.constant += cj.constant;
      b.add("b " + group_label(economy, {i, j}), sum, lp::RowOp::GreaterEqual,
            constant(goods_optimum_greedy(economy, {i, j}).value));
    }
  // (c) the folded points (with (0,0)) are a non-decreasing function: equal trades, equal
  // values; consecutive distinct trades, non-decreasing values.
  std::stable_sort(forced.begin(), forced.end(), [](const Forced& a, const Forced& c) { return a.trade < c.trade; });
  for (std::size_t q = 1; q < forced.size(); ++q) {
    const bool same = forced[q].trade == forced[q - 1].trade;
    b.add("c p(" + to_string(forced[q - 1].trade) + (same ? ") = p(" : ") <= p(") +
              to_string(forced[q].trade) + ")",
          forced[q - 1].price, same ? lp::RowOp::Equal : lp::RowOp::LessEqual, forced[q].price);
  }
  return b.model;
}

SomeStateResult some_state_supported(const Economy& economy, const State& state, std::uint64_t max_enumeration) {
  const lp::LpModel model = some_state_model(economy, state, max_enumeration);
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model);
  SomeStateResult out;
  if (sol.status == lp::Status::Infeasible) {
    out.farkas = sol.farkas;
    return out;
  }
  if (sol.status != lp::Status::Optimal) throw std::logic_error("some-state LP: zero objective cannot be unbounded");
  out.supported = true;
  out.payoff.assign(sol.primal.begin(), sol.primal.begin() + economy.num_types());
  out.state = with_payoff(economy, state, out.payoff);
  out.price = price_lp(economy, out.state, out.payoff);
  if (!out.price.supported) throw std::logic_error("some-state LP: the imputation found fails (a)-(c)");
  return out;
}

}  // namespace equilab::economies
