// The pseudo_market model, task `decompose` (issue 10): is a random assignment x a lottery over
// integral assignments that satisfy the constraints (implementability, Budish–Che–Kojima–Milgrom
// 2013 as used in Echenique–Miralles–Zhang 2022 §4.1), and, for the slides' bundle model, is a
// profile of bundle lotteries the marginals of one lottery over allocations (EMZ §5.2; slides,
// "Feasibility")?
//
// Everything is stated in *cell space*. A cell is what x assigns a probability to:
//   kind "assignment": the pair (agent i, object l), all N·L of them, x_il = P(i gets a copy of l);
//   kind "bundles":    the pair (agent i, bundle A) for every bundle listed for i in `assignment`
//                      and ∅ (always a cell), x_iA = σ_i(A), σ_i(∅) = 1 − Σ_{A≠∅} σ_i(A).
// The constraint polytope is Q = {y : 0 ≤ y_c ≤ 1, floor_r ≤ a_r·y ≤ ceiling_r for every row r},
// with the rows
//   supply of each object/good l:  Σ_i y_il ≤ q_l, resp. Σ_i Σ_{A∋l} y_iA ≤ q_l;
//   bundles only, one per agent:   Σ_A y_iA = 1 (one bundle per agent, ∅ included);
//   each user constraint:          floor ≤ Σ coef_il·(copies of l held by i) ≤ ceiling, which in
//                                  bundle cells is the coefficient Σ_{l∈A} coef_il on (i,A).
// The cell bound y_c ≤ 1 is EMZ §4.1's singleton constraint (at most one copy of an object per
// agent). The integral feasible points Y are the integer points of Q; x is implementable iff
// x ∈ conv(Y). Every number is exact; coefficients are non-negative (EMZ Lemma 1's form), quotas
// are integers.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/rational.h"

namespace equilab::pseudo_market {

enum class Task { Decompose };  // task "equilibrium" has its own model: pseudo_market/equilibrium.h
enum class Kind { Assignment, Bundles };
const char* to_string(Kind kind);

// An enumeration (of integral feasible points or candidate rows) past the user's limit.
class EnumerationLimit : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A bundle: good (object) indices, sorted ascending (the `objects` order).
using Bundle = std::vector<int>;

struct Agent {
  std::string name;
  // Optional utility over bundles (slides: u_i : 2^H → ℝ ∪ {−∞}); listed bundles are dom u_i,
  // the others are −∞. Used by the m-natural checker only.
  std::optional<std::vector<std::pair<Bundle, Rational>>> utility;
};

struct Object {
  std::string name;
  Integer supply;  // a positive integer: copies of the object (kind bundles: of the good)
};

// A user constraint as written: agents × objects with coefficient 1 ("*" = all), or explicit cells.
struct UserConstraint {
  std::string name;
  bool by_cells = false;
  std::optional<std::vector<int>> agents, objects;  // selection form; nullopt = "*"
  struct Entry {
    int agent, object;
    Rational coef;
  };
  std::vector<Entry> cells;  // cells form
  Integer floor = 0;
  std::optional<Integer> ceiling;
};

struct Cell {
  int agent = 0;
  int object = -1;  // kind assignment
  Bundle bundle;    // kind bundles (empty = ∅)
};

enum class RowOrigin { Supply, AgentRow, User };

// One row floor ≤ a·y ≤ ceiling of Q, in cell space. Coefficients are > 0, sorted by cell.
struct Row {
  RowOrigin origin = RowOrigin::User;
  int source = 0;  // the object (Supply), agent (AgentRow) or user constraint (User) it comes from
  std::vector<std::pair<int, Rational>> coef;
  Rational floor = 0;
  std::optional<Rational> ceiling;
  bool zero_one() const;  // every coefficient is 1 (a BCKM constraint (S, q̲, q̄))
};

struct DecomposeInstance {
  std::string name;
  Kind kind = Kind::Assignment;
  std::vector<Agent> agents;
  std::vector<Object> objects;
  std::vector<UserConstraint> constraints;

  // Cell space (filled by finish()). Kind bundles: the cells of agent i are
  // agent_begin[i] .. agent_begin[i+1]−1, ∅ first, then the listed bundles in file order.
  std::vector<Cell> cells;
  std::vector<int> agent_begin;
  std::vector<Rational> x;  // the assignment, one value per cell
  std::vector<Row> rows;    // supply rows (objects order), agent rows (bundles), user rows

  int num_agents() const { return static_cast<int>(agents.size()); }
  int num_objects() const { return static_cast<int>(objects.size()); }
  int num_cells() const { return static_cast<int>(cells.size()); }
  // Kind assignment: the cell of (i, l). Kind bundles: the cell of (i, A) or −1.
  int cell_of(int agent, int object) const { return agent * num_objects() + object; }
  int bundle_cell(int agent, const Bundle& bundle) const;

  std::string row_label(int r) const;   // e.g. constraint "cap", supply of "a", bundles of agent "1"
  std::string cell_label(int c) const;  // e.g. (agent "1", object "a") / (agent "1", bundle "a+b")
  std::string bundle_key(const Bundle& b) const;  // goods joined by '+', "" for ∅
};

// Builds cells, x and rows from agents, objects, constraints and the assignment as given per
// agent: kind assignment a dense N×L matrix `values` (index i·L + l); kind bundles the listed
// bundles with their probabilities per agent (∅ may be listed; its value is recomputed).
// Throws std::invalid_argument when a bundle probability sum exceeds 1.
void finish(DecomposeInstance& in, const std::vector<Rational>& dense_assignment,
            const std::vector<std::vector<std::pair<Bundle, Rational>>>& listed_bundles);

// The quota form of a Farkas certificate: x breaks one inequality of Q itself, so ⟨w,x⟩ > bound
// holds for w = a_r (ceiling), −a_r (floor) or the unit vector of a cell above 1, and every
// integral feasible point has ⟨w,y⟩ ≤ bound.
struct QuotaViolation {
  std::string label;              // which inequality
  std::vector<Rational> weights;  // per cell
  Rational bound, value;          // value = ⟨w,x⟩ > bound
};
// The first inequality of Q that `point` violates (cells above 1 first, then rows in order).
std::optional<QuotaViolation> first_violation(const DecomposeInstance& in,
                                              const std::vector<Rational>& point);

// Is `point` (per cell) an integral point of Q? `why` gets the reason when not.
bool is_feasible_point(const DecomposeInstance& in, const std::vector<Rational>& point,
                       std::string* why = nullptr);

// Y or Y₊ = {y ∈ Y : y_c = 0 wherever allowed[c] is false}, each point as its cells with y_c = 1
// (sorted). Candidate rows per agent are filtered by the agent's individual rows (EMZ §2.5 Ω^i),
// then agents are combined depth-first with the other rows as pruning. Throws EnumerationLimit
// when the product of the per-agent candidate counts (an upper bound on |Y|) exceeds `limit`, or
// an agent has more than 30 free cells (kind assignment).
using Point = std::vector<int>;
std::uint64_t point_count_bound(const DecomposeInstance& in, const std::vector<bool>& allowed,
                                std::uint64_t limit);
std::vector<Point> enumerate_points(const DecomposeInstance& in, const std::vector<bool>& allowed,
                                    std::uint64_t limit);

// Dense 0/1 vector of a point.
std::vector<Rational> dense(const DecomposeInstance& in, const Point& p);

}  // namespace equilab::pseudo_market
