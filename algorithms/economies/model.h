// Wang (2019), §4.1: an exchange economy with finitely many types, money and L consumption
// goods, trading only inside groups of N' <= n <= N members. Utilities are quasi-linear,
// U_i(m, x) = m + u_i(x) (§4.1), with u_i piecewise linear concave and weakly increasing,
// written as a minimum of affine pieces u_i(x) = min_k (c_k + g_k·x) with every g_k >= 0
// (assumptions (C1)-(C2); (C3)-(C4) hold automatically for finitely many types).
#pragma once

#include "core/rational.h"
#include "groups/model.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace equilab::economies {

struct Piece {
  Rational c;                  // constant
  std::vector<Rational> grad;  // one per good, >= 0
};

struct EconType {
  std::string name;
  Rational mass;                     // μ(i) > 0
  Rational money;                    // ω_i^m (any sign)
  std::vector<Rational> endowment;   // ω_i^x >= 0, one per good
  std::vector<Piece> pieces;         // at least one
};

// The consumption (m_i^G, x_i^G) of the type-i members of one formed group (§4.1.2; the
// members of one type in one group consume the same bundle, footnote 40).
struct Bundle {
  Rational money;
  std::vector<Rational> goods;
};

struct StateGroup {
  groups::GroupType group;           // sorted type indices (a multiset)
  Rational mass;                     // τ(G) > 0
  std::map<int, Bundle> bundles;     // one per distinct member type
};

// A state (τ, ((m_i^G, x_i^G))_{G ∈ supp τ}) (§4.1.3).
struct State {
  std::vector<StateGroup> groups;
};

struct Economy {
  std::string name;
  std::vector<std::string> goods;
  int min_size = 1, max_size = 1;
  std::vector<EconType> types;
  std::optional<State> state;  // a state to price (method price-lp); optional

  int num_types() const { return static_cast<int>(types.size()); }
  int num_goods() const { return static_cast<int>(goods.size()); }
};

// u_i(x) = min_k (c_k + g_k·x).
Rational utility(const EconType& type, const std::vector<Rational>& x);

// One good: u on [0, ∞) as u(0), the kinks 0 < b_1 < ... < b_r and the slopes
// s_0 > s_1 > ... > s_r >= 0 of the pieces [0,b_1], [b_1,b_2], ..., [b_r, ∞).
struct Concave1d {
  Rational at_zero;
  std::vector<Rational> kinks;
  std::vector<Rational> slopes;
  Rational value(const Rational& x) const;  // x >= 0
};
Concave1d lower_envelope_1d(const EconType& type);

// max Σ_i n_i u_i(x_i) s.t. Σ_i n_i x_i = Σ_i n_i ω_i^x, x_i >= 0 over the distinct member
// types i with multiplicities n_i (by concavity the members of one type may share a bundle).
struct GoodsOptimum {
  Rational value;                               // Σ n_i u_i(x_i)
  std::map<int, std::vector<Rational>> goods;   // x_i per distinct member type
};
// One good: the exact greedy on the breakpoints (fill the pieces of highest slope first).
GoodsOptimum goods_optimum_greedy(const Economy& economy, const groups::GroupType& group);
// Any number of goods: the exact LP max Σ n_i z_i, z_i <= c_k + g_k·x_i, Σ n_i x_i = Σ n_i ω_i.
GoodsOptimum goods_optimum_lp(const Economy& economy, const groups::GroupType& group);
// The greedy for one good, the LP otherwise.
GoodsOptimum goods_optimum(const Economy& economy, const groups::GroupType& group);

// s(G) (eq. 17): the goods optimum plus Σ_{i∈G} ω_i^m.
Rational surplus(const Economy& economy, const groups::GroupType& group);

// "[s,b,b]"
std::string group_label(const Economy& economy, const groups::GroupType& group);

}  // namespace equilab::economies
