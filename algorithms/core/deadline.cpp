#include "core/deadline.h"

#include <atomic>
#include <chrono>
#include <limits>

namespace equilab {
namespace {

using Clock = std::chrono::steady_clock;
// Clock ticks since the epoch at which the limit passes; 0: no limit.
std::atomic<Clock::rep> deadline_ticks{0};

}  // namespace

void set_time_limit(double seconds) {
  if (seconds <= 0) {
    deadline_ticks = 0;
    return;
  }
  const auto limit = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  deadline_ticks = (Clock::now() + limit).time_since_epoch().count();
}

bool deadline_passed() {
  const Clock::rep ticks = deadline_ticks.load(std::memory_order_relaxed);
  return ticks != 0 && Clock::now().time_since_epoch().count() >= ticks;
}

void check_deadline() {
  if (deadline_passed()) throw TimeLimitReached();
}

double seconds_left() {
  const Clock::rep ticks = deadline_ticks.load(std::memory_order_relaxed);
  if (ticks == 0) return std::numeric_limits<double>::infinity();
  const Clock::duration left = Clock::duration(ticks) - Clock::now().time_since_epoch();
  return left.count() <= 0 ? 0.0 : std::chrono::duration<double>(left).count();
}

}  // namespace equilab
