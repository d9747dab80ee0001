// The process's time limit (`--time-limit SECONDS` on solve and crosscheck). The command sets it
// once; the long loops of the solvers (simplex pivots, column-generation rounds, path events,
// pattern and allocation enumerations) call check_deadline(), which throws TimeLimitReached once
// the limit has passed. The command turns that into a result with status "time_limit".
// External solvers that cannot throw through their own code (lp_solve, GLPK) poll
// deadline_passed() from their abort hooks or take seconds_left() as their own limit, and the
// adapter throws TimeLimitReached when they stop for it.
#pragma once

#include <stdexcept>

namespace equilab {

class TimeLimitReached : public std::runtime_error {
 public:
  TimeLimitReached() : std::runtime_error("the time limit was reached") {}
};

// Starts the clock: the limit passes `seconds` from now. seconds <= 0 removes the limit.
void set_time_limit(double seconds);

// Throws TimeLimitReached when a limit is set and has passed; costs one clock read otherwise.
void check_deadline();

// True when a limit is set and has passed (never throws).
bool deadline_passed();

// Seconds until the limit passes (0 once it has); +infinity when no limit is set.
double seconds_left();

}  // namespace equilab
