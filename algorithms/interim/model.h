// The interim-allocation model of Zheng, "Locally Greedy Characterizations of Interim
// Allocations" (2024), §2: players I, objects J, finite type sets T_i, a full-support prior
// μ on T = Π T_i, a finite outcome set X ⊂ ℚ^{I×J}, and a candidate interim allocation Q on
// the domain Z = {(j,i,τ)}.
//
// Coordinates. A triple z = (i, τ, j) has index z = (type_offset[i] + τ)·|J| + j; an outcome
// x ∈ X is a vector indexed by i·|J| + j. Following the notes (pitfall 1) everything that is
// compared with a test-set bound is in μ-weighted coordinates y(z) = Q_i^j(τ)·μ_i(τ) (eq. (1)
// with the division by μ_i(τ) multiplied out).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/rational.h"

namespace equilab::interim {

enum class OutcomeKind { Explicit, Knapsack, Multiunit, RankedQuota, Matching };
const char* to_string(OutcomeKind kind);

// An enumeration (of X, of profiles, of LP columns or of test sets) past the user's limit.
class EnumerationLimit : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Player {
  std::string name;
  std::vector<std::string> types;
};

using Outcome = std::vector<Rational>;  // x_i^j at index i·|J| + j

struct Triple {
  int player, type, object;
};

struct InterimInstance {
  std::string name;
  std::vector<Player> players;
  std::vector<std::string> objects;  // single-good kinds: {"good"}

  // The prior, always as the full list of profiles (lexicographic, player 0 slowest) with μ(t) > 0.
  bool independent = true;
  std::vector<std::vector<Rational>> type_prob;  // independent priors only: P_i(τ)
  std::vector<std::vector<int>> profiles;        // profile -> type index per player
  std::vector<Rational> profile_prob;            // μ(t)
  std::vector<std::vector<Rational>> marginal;   // μ_i(τ)

  // X (§2; the kinds of §4 and Border's multi-unit model).
  OutcomeKind kind = OutcomeKind::Explicit;
  std::vector<Outcome> explicit_list;  // explicit
  Rational capacity;                   // knapsack C
  std::vector<Rational> size;          // knapsack c_i
  int units = 1;                       // multiunit k
  std::vector<Rational> qualities;     // ranked_quota ρ_1 >= ... >= ρ_n
  std::vector<bool> group1;            // ranked_quota I_1
  int top = 0, quota = 0;              // ranked_quota ξ, ζ
  bool exact_demand = true;            // matching: unit_demand "exact" (true) or "at_most"

  std::vector<Rational> interim;                 // Q(z), one per triple
  std::optional<std::vector<Rational>> weights;  // w(z), optional

  std::vector<int> type_offset;  // first type slot of each player

  int num_players() const { return static_cast<int>(players.size()); }
  int num_objects() const { return static_cast<int>(objects.size()); }
  int num_triples() const;
  int num_profiles() const { return static_cast<int>(profiles.size()); }
  int z_index(int player, int type, int object) const {
    return (type_offset[player] + type) * num_objects() + object;
  }
  Triple triple(int z) const;
  // y(z) = Q(z)·μ_i(τ) for any vector on Z (eq. (1) multiplied by μ_i(τ)).
  std::vector<Rational> weighted(const std::vector<Rational>& on_z) const;
  // Σ_z w(z)·Q(z)·μ_i(τ) = ⟨Q,w⟩ (Lemma 6).
  Rational pairing(const std::vector<Rational>& q, const std::vector<Rational>& w) const;
  bool single_good() const {
    return kind == OutcomeKind::Knapsack || kind == OutcomeKind::Multiunit ||
           kind == OutcomeKind::RankedQuota;
  }
  // Kinds with 𝒬_B = 𝒬 (Theorem 1 holds): multiunit, ranked_quota, 2-player matching (§4).
  bool border_characterizes() const;
  std::string triple_label(int z) const;  // "(object,player,type)"
};

// Fills type_offset, marginal and (for independent priors) profiles/profile_prob.
// Throws EnumerationLimit when there are more than `max_profiles` profiles.
void finish_prior(InterimInstance& instance, std::uint64_t max_profiles);

// An upper bound on |X| computed without enumerating (saturates at UINT64_MAX).
std::uint64_t outcome_count_bound(const InterimInstance& instance);
// X, naively per kind, without duplicates. Throws EnumerationLimit when the bound exceeds `limit`.
std::vector<Outcome> enumerate_outcomes(const InterimInstance& instance, std::uint64_t limit);
// The kind's membership predicate (no enumeration); `why` gets the reason when false.
bool is_outcome(const InterimInstance& instance, const Outcome& x, std::string* why = nullptr);

// h(w) = Σ_t μ(t) max_{x∈X} Σ_{i,j} w(j,i,t_i) x_i^j (Lemma 6), by enumeration of X.
Rational support_value(const InterimInstance& instance, const std::vector<Outcome>& outcomes,
                       const std::vector<Rational>& w);
// argmax of the same at one profile (first maximiser in enumeration order).
int best_outcome(const InterimInstance& instance, const std::vector<Outcome>& outcomes,
                 const std::vector<Rational>& w, int profile);

}  // namespace equilab::interim
