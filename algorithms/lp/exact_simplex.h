// Method `exact-simplex`: a bounded-variable revised simplex, written once as a
// template on the scalar and instantiated for double (fast, labelled as such) and
// Rational (exact ground truth).
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <functional>

namespace equilab::lp {

struct SimplexOptions {
  long max_iterations = -1;         // -1: no limit (throws std::runtime_error when exceeded)
  int stall_before_bland = 50;      // degenerate pivots in a row before switching to Bland's rule
  int refactor_every = 100;         // eta updates before a fresh LU factorisation
  std::function<void(long iteration, int phase)> on_progress;  // optional, every 1000 pivots
};

// Solves `model`; when `warm_start` is given, starts from that basis (it is repaired
// to a nonsingular one if necessary). The result carries the certificate for its status.
template <class T>
Solution<T> simplex_solve(const LpModel& model, const SimplexOptions& options = {}, const Basis* warm_start = nullptr);

extern template Solution<double> simplex_solve<double>(const LpModel&, const SimplexOptions&, const Basis*);
extern template Solution<Rational> simplex_solve<Rational>(const LpModel&, const SimplexOptions&, const Basis*);

}  // namespace equilab::lp
