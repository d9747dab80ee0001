// Utilities and group surplus (eq. 17) of the exchange economy of Wang (2019), §4.1.
#include "economies/model.h"

#include "lp/exact_simplex.h"
#include "lp/model.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace equilab::economies {

Rational utility(const EconType& type, const std::vector<Rational>& x) {
  std::optional<Rational> best;
  for (const Piece& p : type.pieces) {
    Rational v = p.c;
    for (std::size_t l = 0; l < x.size(); ++l) v += p.grad[l] * x[l];
    if (!best || v < *best) best = v;
  }
  return *best;
}

Rational Concave1d::value(const Rational& x) const {
  Rational v = at_zero, from = 0;
  std::size_t k = 0;
  for (; k < kinks.size() && kinks[k] < x; ++k) {
    v += slopes[k] * (kinks[k] - from);
    from = kinks[k];
  }
  return v + slopes[k] * (x - from);
}

// Walk the lower envelope of the affine pieces from x = 0 to the right: the active piece at
// x0 is the smallest there, ties broken towards the smaller slope (it stays smaller to the
// right); the next active piece is the first (then flattest) one the active piece crosses.
Concave1d lower_envelope_1d(const EconType& type) {
  auto slope = [](const Piece& p) { return p.grad.at(0); };
  std::size_t cur = 0;
  for (std::size_t k = 1; k < type.pieces.size(); ++k) {
    const Piece &a = type.pieces[k], &b = type.pieces[cur];
    if (a.c < b.c || (a.c == b.c && slope(a) < slope(b))) cur = k;
  }
  Concave1d out;
  out.at_zero = type.pieces[cur].c;
  out.slopes.push_back(slope(type.pieces[cur]));
  Rational x0 = 0;
  for (;;) {
    const Piece& p = type.pieces[cur];
    std::optional<std::size_t> next;
    Rational best_x;
    for (std::size_t k = 0; k < type.pieces.size(); ++k) {
      const Piece& q = type.pieces[k];
      if (slope(q) >= slope(p)) continue;
      const Rational x = (q.c - p.c) / (slope(p) - slope(q));  // p(x) = q(x)
      if (x <= x0) continue;  // q was already below p: impossible for the active piece
      if (!next || x < best_x || (x == best_x && slope(q) < slope(type.pieces[*next]))) {
        next = k;
        best_x = x;
      }
    }
    if (!next) break;
    out.kinks.push_back(best_x);
    out.slopes.push_back(slope(type.pieces[*next]));
    cur = *next;
    x0 = best_x;
  }
  return out;
}

namespace {

std::map<int, int> counts_of(const groups::GroupType& group) {
  std::map<int, int> n;
  for (int i : group) ++n[i];
  return n;
}

}  // namespace

// Σ n_i u_i(x_i) with Σ n_i x_i = W is a separable concave maximisation; its optimum fills the
// linear segments of all u_i in decreasing order of slope (n_i units of good per unit of
// segment, each paying the slope per unit of good). The last segment of every u_i is
// unbounded with slope >= 0, so the good is always placed.
GoodsOptimum goods_optimum_greedy(const Economy& economy, const groups::GroupType& group) {
  if (economy.num_goods() != 1) throw std::logic_error("goods_optimum_greedy: one good only");
  const std::map<int, int> n = counts_of(group);
  struct Segment {
    Rational slope;
    int type;
    std::size_t index;
    std::optional<Rational> length;  // nullopt: unbounded
  };
  std::vector<Segment> segments;
  Rational remaining = 0;
  std::map<int, Concave1d> env;
  for (const auto& [i, count] : n) {
    remaining += count * economy.types[i].endowment[0];
    env[i] = lower_envelope_1d(economy.types[i]);
    const Concave1d& e = env[i];
    Rational from = 0;
    for (std::size_t k = 0; k < e.slopes.size(); ++k) {
      std::optional<Rational> len;
      if (k < e.kinks.size()) len = e.kinks[k] - from;
      segments.push_back({e.slopes[k], i, k, len});
      if (k < e.kinks.size()) from = e.kinks[k];
    }
  }
  std::stable_sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) {
    return std::tie(b.slope, a.type, a.index) < std::tie(a.slope, b.type, b.index);
  });
  GoodsOptimum out;
  std::map<int, Rational> x;
  for (const auto& [i, count] : n) x[i] = 0;
  for (const Segment& s : segments) {
    if (remaining == 0) break;
    Rational per_member = remaining / n.at(s.type);
    if (s.length && *s.length < per_member) per_member = *s.length;
    x[s.type] += per_member;
    remaining -= n.at(s.type) * per_member;
  }
  out.value = 0;
  for (const auto& [i, count] : n) {
    out.value += count * env[i].value(x[i]);
    out.goods[i] = {x[i]};
  }
  return out;
}

GoodsOptimum goods_optimum_lp(const Economy& economy, const groups::GroupType& group) {
  const std::map<int, int> n = counts_of(group);
  const int L = economy.num_goods();
  lp::LpModel model;
  model.sense = lp::Sense::Maximize;
  std::map<int, int> first;  // type -> index of x_{i,0}; z_i follows its L goods
  for (const auto& [i, count] : n) {
    first[i] = model.num_vars();
    for (int l = 0; l < L; ++l) {
      model.variables.push_back({});
      model.objective.push_back(0);
    }
    lp::Variable z;
    z.lower.reset();
    model.variables.push_back(z);
    model.objective.push_back(Rational(count));
  }
  for (const auto& [i, count] : n)
    for (const Piece& p : economy.types[i].pieces) {
      lp::Constraint row;  // z_i - g·x_i <= c
      row.op = lp::RowOp::LessEqual;
      row.rhs = p.c;
      for (int l = 0; l < L; ++l)
        if (p.grad[l] != 0) row.coef.emplace_back(first[i] + l, -p.grad[l]);
      row.coef.emplace_back(first[i] + L, Rational(1));
      model.constraints.push_back(row);
    }
  for (int l = 0; l < L; ++l) {
    lp::Constraint row;  // Σ n_i x_{i,l} = Σ n_i ω_{i,l}
    row.op = lp::RowOp::Equal;
    row.rhs = 0;
    for (const auto& [i, count] : n) {
      row.coef.emplace_back(first[i] + l, Rational(count));
      row.rhs += count * economy.types[i].endowment[l];
    }
    model.constraints.push_back(row);
  }
  lp::normalize_rows(model);
  const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model);
  if (sol.status != lp::Status::Optimal)
    throw std::logic_error("group surplus LP: the simplex did not find an optimum (the LP is feasible and bounded)");
  GoodsOptimum out;
  out.value = 0;
  for (const auto& [i, count] : n) {
    std::vector<Rational> x(sol.primal.begin() + first[i], sol.primal.begin() + first[i] + L);
    out.value += count * utility(economy.types[i], x);
    out.goods[i] = std::move(x);
  }
  return out;
}

GoodsOptimum goods_optimum(const Economy& economy, const groups::GroupType& group) {
  return economy.num_goods() == 1 ? goods_optimum_greedy(economy, group) : goods_optimum_lp(economy, group);
}

Rational surplus(const Economy& economy, const groups::GroupType& group) {
  Rational s = goods_optimum(economy, group).value;
  for (int i : group) s += economy.types[i].money;
  return s;
}

std::string group_label(const Economy& economy, const groups::GroupType& group) {
  std::string out = "[";
  for (std::size_t k = 0; k < group.size(); ++k) out += (k ? "," : "") + economy.types[group[k]].name;
  return out + "]";
}

}  // namespace equilab::economies
