#include "core/progress.h"

#include <cmath>
#include <cstdio>

namespace equilab {
namespace {

double steady_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ProgressReporter::ProgressReporter(std::ostream* out, std::string label, std::size_t total, double interval,
                                   Clock clock)
    : out_(out),
      label_(std::move(label)),
      total_(total),
      interval_(interval),
      clock_(clock ? std::move(clock) : Clock(steady_seconds)) {
  start_ = clock_();
}

void ProgressReporter::start_phase(std::string name, std::size_t total) {
  phase_ = std::move(name);
  total_ = total;
  done_ = 0;
  last_print_ = -1;
}

double ProgressReporter::elapsed() const { return clock_() - start_; }

void ProgressReporter::advance(std::size_t n) {
  done_ += n;
  if (!out_) return;
  const double now = clock_();
  // The first count, the last one, and otherwise one line per interval.
  if (last_print_ < 0 || done_ >= total_ || now - last_print_ >= interval_) {
    last_print_ = now;
    *out_ << line() << "\n" << std::flush;
  }
}

void ProgressReporter::finish() {
  if (out_) *out_ << line() << "\n" << std::flush;
  last_print_ = clock_();
}

std::string ProgressReporter::line() const {
  const double spent = elapsed();
  std::string s = label_ + ":";
  if (!phase_.empty()) s += " " + phase_;
  s += " " + std::to_string(done_) + "/" + std::to_string(total_) + ", elapsed " + format_duration(spent);
  if (done_ > 0 && done_ < total_) {
    const double left = spent / static_cast<double>(done_) * static_cast<double>(total_ - done_);
    s += ", about " + format_duration(left) + " left";
  } else if (done_ >= total_) {
    s += ", done";
  }
  return s;
}

std::string format_duration(double seconds) {
  if (!(seconds >= 0)) seconds = 0;  // also NaN
  char buf[48];
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%.1f s", seconds);
  } else if (seconds < 3600) {
    const long s = std::lround(seconds);
    std::snprintf(buf, sizeof buf, "%ld min %02ld s", s / 60, s % 60);
  } else {
    const long m = std::lround(seconds / 60);
    std::snprintf(buf, sizeof buf, "%ld h %02ld min", m / 60, m % 60);
  }
  return buf;
}

}  // namespace equilab
