// The builder of family certificates (family_certificate.h). For a piece [a, b] of the family it
// takes an equilibrium (x, p) at the middle price (price_certify, one exact LP), reads each agent's
// pattern off it — the support S_i, the individual rows tight at x_i, and whether the budget binds —
// and solves the pattern along the piece as equilibrium.cpp does: with |S_i| − 1 independent tight
// rows and the budget row p_i(σ)·x_i = β_i(σ), Cramer's rule gives numerators and a denominator
// that are affine in σ (only the budget row depends on σ), so x_i(σ) = N_i(σ)/D_i(σ) with
// k⁰ = D_i(0), k¹ = D_i(1); an agent whose budget is slack keeps x_i. The end multipliers come
// from one small exact LP per agent and end (the dual system of the path's pattern). Hull kinds get
// the lottery weights as polynomials: the lottery at the middle is basic, its points' columns
// (y, 1) are independent, and the same square subsystem solved with the right-hand side
// (x(σ)·Π D_i(σ), Π D_i(σ)) gives w(σ) (as lottery_on_gap in equilibrium.cpp). A piece whose
// denominator or lottery weight changes sign inside is split at that rational point when it is a
// listed equilibrium. Nothing here is trusted: verify checks every condition.
#include "pseudo_market/family_certificate.h"

#include <algorithm>

#include "lp/exact_simplex.h"

namespace equilab::pseudo_market {

std::vector<Rational> price_on_segment(const std::vector<Rational>& from, const std::vector<Rational>& to,
                                       const Rational& s) {
  std::vector<Rational> p(from.size());
  for (std::size_t c = 0; c < from.size(); ++c) p[c] = (1 - s) * from[c] + s * to[c];
  return p;
}

namespace {

using Matrix = std::vector<std::vector<Rational>>;

Rational determinant(Matrix a) {
  const int n = static_cast<int>(a.size());
  Rational det = 1;
  for (int col = 0; col < n; ++col) {
    int piv = -1;
    for (int r = col; r < n && piv < 0; ++r)
      if (a[r][col] != 0) piv = r;
    if (piv < 0) return 0;
    if (piv != col) {
      std::swap(a[piv], a[col]);
      det = -det;
    }
    det *= a[col][col];
    for (int r = col + 1; r < n; ++r) {
      if (a[r][col] == 0) continue;
      const Rational f = a[r][col] / a[col][col];
      for (int k = col; k < n; ++k) a[r][k] -= f * a[col][k];
    }
  }
  return det;
}

// Indices of a maximal linearly independent subset of the rows (greedy, in order).
std::vector<int> independent_rows(const Matrix& rows) {
  std::vector<std::vector<Rational>> basis;
  std::vector<std::size_t> pivot;
  std::vector<int> chosen;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<Rational> v = rows[r];
    for (std::size_t b = 0; b < basis.size(); ++b) {
      if (v[pivot[b]] == 0) continue;
      const Rational f = v[pivot[b]] / basis[b][pivot[b]];
      for (std::size_t k = 0; k < v.size(); ++k) v[k] -= f * basis[b][k];
    }
    std::size_t col = 0;
    while (col < v.size() && v[col] == 0) ++col;
    if (col == v.size()) continue;
    basis.push_back(std::move(v));
    pivot.push_back(col);
    chosen.push_back(static_cast<int>(r));
  }
  return chosen;
}

Rational dot_row(const LinearRow& row, const std::vector<Rational>& x, int offset) {
  Rational s = 0;
  for (const auto& [cell, a] : row.coef) s += a * x[cell - offset];
  return s;
}

// The distinct rational roots of p in (0, 1), increasing.
std::vector<Rational> rational_roots_inside(const Poly& p) {
  std::vector<Rational> out;
  if (p.is_zero()) return out;
  for (const RootInterval& r : isolate_roots(p, Rational(0), Rational(1)))
    if (r.exact) out.push_back(r.lo);
  return out;
}

bool negative_somewhere_inside(const Poly& p) {
  if (p.is_zero()) return false;
  std::vector<Rational> tests;
  const std::vector<RootInterval> roots = isolate_roots(p, Rational(0), Rational(1));
  Rational prev = 0;
  for (const RootInterval& r : roots) {
    if (prev < r.lo) tests.push_back((prev + r.lo) / 2);
    if (!r.exact) {
      tests.push_back(r.lo);
      tests.push_back(r.hi);
    }
    prev = r.hi;
  }
  if (prev < 1) tests.push_back((prev + 1) / 2);
  for (const Rational& s : tests)
    if (p.sign_at(s) < 0) return true;
  return false;
}

struct Attempt {
  std::optional<FamilyPiece> piece;
  std::optional<Rational> split;  // local σ where the piece should break
};

class PieceBuilder {
 public:
  PieceBuilder(const EquilibriumInstance& in, std::vector<Rational> pa, std::vector<Rational> pb)
      : in_(in), L_(in.num_objects()), pa_(std::move(pa)), pb_(std::move(pb)) {
    ppa_ = in.personal_prices(pa_);
    ppb_ = in.personal_prices(pb_);
    ba_ = in.budgets(pa_);
    bb_ = in.budgets(pb_);
  }

  Attempt run() {
    Attempt out;
    const std::vector<Rational> pm = price_on_segment(pa_, pb_, Rational(1, 2));
    const std::optional<Equilibrium> eq = price_certify(in_, pm);
    if (!eq) return out;
    const std::vector<Rational> ppm = in_.personal_prices(pm), bm = in_.budgets(pm);
    FamilyPiece piece;
    for (int i = 0; i < in_.num_agents(); ++i) {
      std::vector<Rational> xm(L_);
      Rational spend = 0;
      for (int l = 0; l < L_; ++l) {
        xm[l] = eq->x[in_.cell(i, l)];
        spend += ppm[in_.cell(i, l)] * xm[l];
      }
      std::optional<FamilyPathAgent> agent;
      if (spend == bm[i]) {
        std::optional<Rational> split;
        agent = binding_path(i, xm, split);
        if (!agent && split) {
          out.split = split;
          return out;
        }
      }
      if (!agent) agent = slack_path(i, xm);
      if (!agent) return out;
      piece.agents.push_back(std::move(*agent));
    }
    if (in_.has_hull() && !lottery(piece, eq->x, eq->lottery, out.split)) return out;
    out.piece = std::move(piece);
    return out;
  }

 private:
  const EquilibriumInstance& in_;
  int L_;
  std::vector<Rational> pa_, pb_, ppa_, ppb_, ba_, bb_;

  Rational spend(int i, const std::vector<Rational>& pp, const std::vector<Rational>& x) const {
    Rational s = 0;
    for (int l = 0; l < L_; ++l) s += pp[in_.cell(i, l)] * x[l];
    return s;
  }

  // x ≥ 0 and the individual rows at both ends.
  bool feasible_ends(int i, const FamilyPathAgent& a) const {
    for (const auto* x : {&a.from, &a.to}) {
      for (const Rational& v : *x)
        if (v < 0) return false;
      for (const LinearRow& row : in_.individual[i])
        if (dot_row(row, *x, i * L_) > row.rhs) return false;
    }
    return true;
  }

  // The budget-binding pattern through xm: S = supp xm, the rows tight at xm, p_i(σ)·x = β_i(σ).
  std::optional<FamilyPathAgent> binding_path(int i, const std::vector<Rational>& xm,
                                              std::optional<Rational>& split) const {
    std::vector<int> S;
    for (int l = 0; l < L_; ++l)
      if (xm[l] > 0) S.push_back(l);
    const int s = static_cast<int>(S.size());
    const auto& rows = in_.individual[i];
    Matrix G;
    std::vector<Rational> h;
    for (const LinearRow& row : rows) {
      if (dot_row(row, xm, i * L_) != row.rhs) continue;
      std::vector<Rational> g(s, Rational(0));
      for (const auto& [cell, a] : row.coef) {
        const auto it = std::find(S.begin(), S.end(), cell - i * L_);
        if (it != S.end()) g[it - S.begin()] = a;
      }
      G.push_back(std::move(g));
      h.push_back(row.rhs);
    }
    const std::vector<int> basis = independent_rows(G);
    FamilyPathAgent a;
    a.budget_binding = true;
    if (static_cast<int>(basis.size()) == s) {
      a.from = a.to = xm;  // the tight rows fix x_i; the budget must then hold along the piece
    } else if (static_cast<int>(basis.size()) == s - 1) {
      auto system = [&](const std::vector<Rational>& pp, const Rational& beta, int replace) {
        Matrix M;
        for (int r : basis) {
          std::vector<Rational> row = G[r];
          if (replace >= 0) row[replace] = h[r];
          M.push_back(std::move(row));
        }
        std::vector<Rational> last(s);
        for (int j = 0; j < s; ++j) last[j] = pp[in_.cell(i, S[j])];
        if (replace >= 0) last[replace] = beta;
        M.push_back(std::move(last));
        return determinant(std::move(M));
      };
      Rational d0 = system(ppa_, ba_[i], -1), d1 = system(ppb_, bb_[i], -1);
      std::vector<Rational> n0(s), n1(s);
      for (int j = 0; j < s; ++j) {
        n0[j] = system(ppa_, ba_[i], j);
        n1[j] = system(ppb_, bb_[i], j);
      }
      if (d0 + d1 == 0) return std::nullopt;  // singular at the middle: x_i not determined
      if (d0 + d1 < 0) {
        d0 = -d0;
        d1 = -d1;
        for (int j = 0; j < s; ++j) {
          n0[j] = -n0[j];
          n1[j] = -n1[j];
        }
      }
      a.from.assign(L_, Rational(0));
      a.to.assign(L_, Rational(0));
      const bool n0_zero = std::all_of(n0.begin(), n0.end(), [](const Rational& v) { return v == 0; });
      const bool n1_zero = std::all_of(n1.begin(), n1.end(), [](const Rational& v) { return v == 0; });
      if (d0 > 0 && d1 > 0) {
        for (int j = 0; j < s; ++j) {
          a.from[S[j]] = n0[j] / d0;
          a.to[S[j]] = n1[j] / d1;
        }
        a.weight_from = d0;
        a.weight_to = d1;
      } else if (d0 == 0 && n0_zero) {  // N and D share the root σ = 0: x_i is constant
        for (int j = 0; j < s; ++j) a.from[S[j]] = a.to[S[j]] = n1[j] / d1;
      } else if (d1 == 0 && n1_zero) {
        for (int j = 0; j < s; ++j) a.from[S[j]] = a.to[S[j]] = n0[j] / d0;
      } else {
        if (d0 * d1 < 0) split = d0 / (d0 - d1);  // D_i's root inside the piece
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    if (!feasible_ends(i, a)) return std::nullopt;
    // the budget holds with equality along the path: the quadratic's Bernstein coefficients vanish
    const Rational c0 = a.weight_from * (ba_[i] - spend(i, ppa_, a.from));
    const Rational c2 = a.weight_to * (bb_[i] - spend(i, ppb_, a.to));
    const Rational c1 =
        a.weight_from * (bb_[i] - spend(i, ppb_, a.from)) + a.weight_to * (ba_[i] - spend(i, ppa_, a.to));
    if (c0 != 0 || c1 != 0 || c2 != 0) return std::nullopt;
    if (!multipliers(i, a)) return std::nullopt;
    return a;
  }

  // λ_i = 0 along the piece: x_i stays at xm, the budget must stay slack or tight (affine in σ).
  std::optional<FamilyPathAgent> slack_path(int i, const std::vector<Rational>& xm) const {
    FamilyPathAgent a;
    a.budget_binding = false;
    a.from = a.to = xm;
    if (!feasible_ends(i, a)) return std::nullopt;
    if (spend(i, ppa_, xm) > ba_[i] || spend(i, ppb_, xm) > bb_[i]) return std::nullopt;
    if (!multipliers(i, a)) return std::nullopt;
    return a;
  }

  // The end multipliers: (t, m) with t·u_l − p_il − Σ m_k g_kl ≤ 0 (= 0 on the path's support),
  // m_k ≥ 0 only on rows tight along the path (binding); μ with u_l − Σ μ_k g_kl ≤ 0 likewise (slack).
  bool multipliers(int i, FamilyPathAgent& a) const {
    const auto& rows = in_.individual[i];
    const int R = static_cast<int>(rows.size());
    std::vector<int> tight;
    for (int k = 0; k < R; ++k)
      if (dot_row(rows[k], a.from, i * L_) == rows[k].rhs && dot_row(rows[k], a.to, i * L_) == rows[k].rhs)
        tight.push_back(k);
    std::vector<bool> support(L_, false);
    for (int l = 0; l < L_; ++l) support[l] = a.from[l] > 0 || a.to[l] > 0;
    auto solve = [&](const std::vector<Rational>* pp, Rational& t, std::vector<Rational>& m, bool force_t) {
      lp::LpModel model;
      const int T = static_cast<int>(tight.size());
      const bool binding = pp != nullptr;
      model.sense = lp::Sense::Maximize;
      for (int k = 0; k < T; ++k) {
        model.variables.push_back(lp::Variable{"m", Rational(0), std::nullopt});
        model.objective.push_back(0);
      }
      if (binding) {
        model.variables.push_back(lp::Variable{"t", force_t ? Rational(1) : Rational(0), std::nullopt});
        model.objective.push_back(force_t ? -1 : 1);
      }
      for (int l = 0; l < L_; ++l) {
        // binding: t·u_l − Σ m_k g_kl (≤ | =) p_il; slack: −Σ m_k g_kl (≤ | =) −u_l
        lp::Constraint c{"reduced",
                         {},
                         support[l] ? lp::RowOp::Equal : lp::RowOp::LessEqual,
                         binding ? (*pp)[in_.cell(i, l)] : Rational(-in_.agents[i].utility[l])};
        for (int k = 0; k < T; ++k)
          for (const auto& [cell, g] : rows[tight[k]].coef)
            if (cell == in_.cell(i, l)) c.coef.emplace_back(k, -g);
        if (binding && in_.agents[i].utility[l] != 0) c.coef.emplace_back(T, in_.agents[i].utility[l]);
        model.constraints.push_back(std::move(c));
      }
      lp::normalize_rows(model);
      const lp::Solution<Rational> sol = lp::simplex_solve<Rational>(model);
      if (sol.status == lp::Status::Unbounded && binding && !force_t) return false;  // caller retries
      if (sol.status != lp::Status::Optimal) return false;
      m.assign(R, Rational(0));
      for (int k = 0; k < T; ++k) m[tight[k]] = sol.primal[k];
      t = binding ? sol.primal[T] : Rational(0);
      return true;
    };
    if (!a.budget_binding) {
      Rational unused;
      if (!solve(nullptr, unused, a.m_from, false)) return false;
      a.m_to = a.m_from;
      return true;
    }
    for (int end = 0; end < 2; ++end) {
      const std::vector<Rational>* pp = end == 0 ? &ppa_ : &ppb_;
      Rational& t = end == 0 ? a.t_from : a.t_to;
      std::vector<Rational>& m = end == 0 ? a.m_from : a.m_to;
      if (!solve(pp, t, m, false) && !solve(pp, t, m, true)) return false;
    }
    return a.t_from > 0 || a.t_to > 0;
  }

  // Hull kinds: lottery weights as polynomials in σ (see the header comment).
  bool lottery(FamilyPiece& piece, const std::vector<Rational>& xm,
               std::vector<std::pair<int, Rational>> basic, std::optional<Rational>& split) const {
    const int n = in_.num_agents(), cells = in_.num_cells();
    std::vector<Poly> D(n);
    Poly total = Poly::constant(1);
    for (int i = 0; i < n; ++i) {
      const auto& a = piece.agents[i];
      D[i] = Poly::affine(a.weight_from, a.weight_to - a.weight_from);
      total = total * D[i];
    }
    std::vector<Poly> X(cells);
    for (int i = 0; i < n; ++i) {
      Poly others = Poly::constant(1);
      for (int j = 0; j < n; ++j)
        if (j != i) others = others * D[j];
      const auto& a = piece.agents[i];
      for (int l = 0; l < L_; ++l) {
        const Rational z0 = a.weight_from * a.from[l], z1 = a.weight_to * a.to[l];
        X[in_.cell(i, l)] = Poly::affine(z0, z1 - z0) * others;
      }
    }
    auto columns_of = [&](const std::vector<std::pair<int, Rational>>& lot) {
      Matrix cols;
      for (const auto& [k, w] : lot) {
        std::vector<Rational> col(cells + 1, Rational(0));
        for (int c : in_.hull[k]) col[c] = 1;
        col[cells] = 1;
        cols.push_back(std::move(col));
      }
      return cols;
    };
    Matrix cols = columns_of(basic);
    if (independent_rows(cols).size() != basic.size()) {
      auto again = lottery_for(in_, xm);
      if (!again) return false;
      basic = std::move(*again);
      cols = columns_of(basic);
      if (independent_rows(cols).size() != basic.size()) return false;
    }
    const int r = static_cast<int>(basic.size());
    Matrix A(cells + 1, std::vector<Rational>(r));
    for (int c = 0; c <= cells; ++c)
      for (int k = 0; k < r; ++k) A[c][k] = cols[k][c];
    const std::vector<int> sel = independent_rows(A);
    if (static_cast<int>(sel.size()) != r) return false;
    Matrix M(r, std::vector<Rational>(2 * r, Rational(0)));
    for (int q = 0; q < r; ++q) {
      for (int k = 0; k < r; ++k) M[q][k] = A[sel[q]][k];
      M[q][r + q] = 1;
    }
    for (int col = 0; col < r; ++col) {
      int piv = col;
      while (M[piv][col] == 0) ++piv;
      std::swap(M[piv], M[col]);
      const Rational d = M[col][col];
      for (Rational& v : M[col]) v /= d;
      for (int q = 0; q < r; ++q) {
        if (q == col || M[q][col] == 0) continue;
        const Rational f = M[q][col];
        for (int k = 0; k < 2 * r; ++k) M[q][k] -= f * M[col][k];
      }
    }
    std::vector<Poly> rhs(cells + 1);
    for (int c = 0; c < cells; ++c) rhs[c] = X[c];
    rhs[cells] = total;
    std::vector<Poly> w(r);
    for (int k = 0; k < r; ++k)
      for (int q = 0; q < r; ++q)
        if (M[k][r + q] != 0) w[k] = w[k] + M[k][r + q] * rhs[sel[q]];
    for (int c = 0; c <= cells; ++c) {
      Poly e = Rational(-1) * rhs[c];
      for (int k = 0; k < r; ++k)
        if (A[c][k] != 0) e = e + A[c][k] * w[k];
      if (!e.is_zero()) return false;
    }
    for (const Poly& wk : w)
      if (negative_somewhere_inside(wk)) {
        const std::vector<Rational> roots = rational_roots_inside(wk);
        if (!roots.empty()) split = roots.front();
        return false;
      }
    for (int k = 0; k < r; ++k)
      if (!w[k].is_zero()) piece.lottery.emplace_back(basic[k].first, w[k]);
    return true;
  }
};

std::optional<std::vector<FamilyPiece>> build(const EquilibriumInstance& in,
                                              const std::vector<Rational>& from,
                                              const std::vector<Rational>& to, const Rational& a,
                                              const Rational& b,
                                              const std::function<bool(const std::vector<Rational>&)>& listed,
                                              int depth) {
  Attempt attempt = PieceBuilder(in, price_on_segment(from, to, a), price_on_segment(from, to, b)).run();
  if (attempt.piece) {
    attempt.piece->s_from = a;
    attempt.piece->s_to = b;
    return std::vector<FamilyPiece>{std::move(*attempt.piece)};
  }
  if (!attempt.split || depth >= 8) return std::nullopt;
  const Rational s = a + *attempt.split * (b - a);
  if (!(a < s && s < b) || !listed(price_on_segment(from, to, s))) return std::nullopt;
  auto left = build(in, from, to, a, s, listed, depth + 1);
  if (!left) return std::nullopt;
  auto right = build(in, from, to, s, b, listed, depth + 1);
  if (!right) return std::nullopt;
  left->insert(left->end(), std::make_move_iterator(right->begin()), std::make_move_iterator(right->end()));
  return left;
}

}  // namespace

std::optional<FamilyCertificate> build_family_certificate(
    const EquilibriumInstance& in, const std::vector<Rational>& from, const std::vector<Rational>& to,
    const std::function<bool(const std::vector<Rational>&)>& listed) {
  auto pieces = build(in, from, to, Rational(0), Rational(1), listed, 0);
  if (!pieces) return std::nullopt;
  return FamilyCertificate{std::move(*pieces)};
}

}  // namespace equilab::pseudo_market
