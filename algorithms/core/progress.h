// Progress of a long run on stderr: phase, count done/total, elapsed time and an estimate of the
// time left (elapsed / done * (total - done)). Lines, not a redrawn bar, so that logs of batch jobs
// stay readable; at most one line per `interval` seconds besides the first and the last.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <utility>

namespace equilab {

class ProgressReporter {
 public:
  // Seconds since some fixed origin; the default is std::chrono::steady_clock.
  using Clock = std::function<double()>;

  // `out == nullptr` (the `--quiet` case) reports nothing.
  ProgressReporter(std::ostream* out, std::string label, std::size_t total, double interval = 1.0,
                   Clock clock = {});

  // Starts a new phase with its own count (the clock keeps running).
  void start_phase(std::string name, std::size_t total);
  // Names what is being done now without resetting the count.
  void set_phase(std::string name) { phase_ = std::move(name); }
  // Counts `n` more items done and prints a line when one is due.
  void advance(std::size_t n = 1);
  // Prints the final line of the current phase (whether or not one is due).
  void finish();

  std::size_t done() const { return done_; }
  std::size_t total() const { return total_; }
  double elapsed() const;
  // The line that would be printed now, e.g.
  // "sweep: crosscheck 7/20, elapsed 3.1 s, about 5.8 s left".
  std::string line() const;

 private:
  std::ostream* out_;
  std::string label_, phase_;
  std::size_t total_, done_ = 0;
  double interval_, start_, last_print_ = -1;
  Clock clock_;
};

// "0.4 s", "12.0 s", "3 min 20 s", "2 h 05 min": a duration for a human reader.
std::string format_duration(double seconds);

}  // namespace equilab
