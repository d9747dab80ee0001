// The methods of the pseudo_market `decompose` task and what they return (issue 10).
//   bckm-flow    : BCKM's network-flow proof made an algorithm. The rows must form a bihierarchy;
//                  hierarchy 1 is a forest of arcs out of the source, hierarchy 2 a forest into the
//                  sink, cells are the arcs between, x is a circulation. An integral circulation v
//                  in the box [⌊f⌋, ⌈f⌉] (augmenting paths) is a vertex of the minimal face; the
//                  maximal step away from v makes at least one more arc integral; repeat. Exact
//                  rationals; v is repaired incrementally after each step. ≤ cells + 1 points.
//   caratheodory : exact LPs. Faces: a vertex of the minimal face of Q containing the current
//                  point (tight rows as equalities, cells at 0/1 fixed), maximal step, repeat.
//                  When a vertex is fractional (Q ≠ conv Y, e.g. EMZ §5.2) it switches to columns:
//                  enumerate Y₊ and solve Σ λ_y y = x, Σ λ_y = 1, λ ≥ 0 exactly; a basic
//                  solution has ≤ cells + 1 points, infeasibility gives Farkas weights.
//   m-natural    : checks the slides' M♮-concavity exchange condition for every agent's utility
//                  and reports a violating triple (A, B, j) per failing agent.
// bckm-flow and caratheodory share no solving code (the model's quota check aside).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pseudo_market/model.h"

namespace equilab::pseudo_market {

struct DecomposeOptions {
  std::uint64_t max_enumeration = 2'000'000;  // |Y₊| (and the DFS work) in the column form
};

enum class Status { Implemented, NotImplementable, MNatural, NotMNatural };
const char* to_string(Status status);

// One point of a lottery: its nonzero entries (cell, value); methods write value 1 only, a read
// result may hold anything (verify checks).
struct LotteryPoint {
  Rational prob;
  std::vector<std::pair<int, Rational>> entries;
};

// ⟨w,x⟩ = value > bound ≥ ⟨w,y⟩ for every integral feasible y. `quota` names the inequality of Q
// when w is its row (then bound is its right-hand side); otherwise bound = max over Y of ⟨w,y⟩.
struct Farkas {
  std::vector<Rational> weights;  // per cell
  Rational bound, value;
  std::string quota;  // empty unless the quota form
};

// M♮ failure (slides, "M♮ concavity"): A, B ∈ dom u, j ∈ A∖B, and for every D ⊆ B∖A with |D| ≤ 1
// u((A∖j) ∪ D) + u((B∖D) ∪ j) < u(A) + u(B) (−∞ when a set is outside dom u).
struct MNaturalViolation {
  int agent = 0;
  Bundle A, B;
  int j = 0;
};

struct DecomposeResult {
  std::string method;
  Status status = Status::Implemented;
  std::vector<LotteryPoint> lottery;
  std::optional<Farkas> farkas;
  // caratheodory: "faces" (all vertices integral), "columns" (enumerated Y₊), "quota" (x ∉ Q)
  std::string route;
  std::optional<std::uint64_t> enumerated;  // |Y₊| in the column form
  std::uint64_t steps = 0;                  // face steps / flow steps
  // m-natural
  std::vector<MNaturalViolation> violations;
  std::vector<int> agents_checked;  // agents with a utility, all checked
};

DecomposeResult solve_bckm_flow(const DecomposeInstance& in, const DecomposeOptions& options);
DecomposeResult solve_caratheodory(const DecomposeInstance& in, const DecomposeOptions& options);
DecomposeResult check_m_natural(const DecomposeInstance& in, const DecomposeOptions& options);

}  // namespace equilab::pseudo_market
