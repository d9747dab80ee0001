// The progress reporter of long runs, on a clock the test moves by hand.
#include "core/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace equilab {
namespace {

TEST(Progress, LinesCarryPhaseCountElapsedAndEstimate) {
  double now = 10.0;  // the origin of the fake clock is arbitrary
  std::ostringstream out;
  ProgressReporter p(&out, "sweep smoke", 4, 1.0, [&now] { return now; });
  p.set_phase("crosscheck lp");
  now = 12.0;
  p.advance();  // 1 of 4 after 2 s: 2 / 1 * 3 = 6 s left
  EXPECT_EQ(out.str(), "sweep smoke: crosscheck lp 1/4, elapsed 2.0 s, about 6.0 s left\n");
  now = 12.5;
  p.advance();  // within the 1 s interval of the last line: nothing printed
  EXPECT_EQ(out.str(), "sweep smoke: crosscheck lp 1/4, elapsed 2.0 s, about 6.0 s left\n");
  now = 14.0;
  p.set_phase("solve groups");
  p.advance();  // 3 of 4 after 4 s: 4 / 3 * 1 = 1.33 s left
  EXPECT_EQ(out.str().substr(out.str().find('\n') + 1),
            "sweep smoke: solve groups 3/4, elapsed 4.0 s, about 1.3 s left\n");
  now = 14.2;
  p.advance();  // the last count is always printed
  EXPECT_NE(out.str().find("sweep smoke: solve groups 4/4, elapsed 4.2 s, done\n"), std::string::npos)
      << out.str();
}

TEST(Progress, QuietPrintsNothingButCounts) {
  double now = 0;
  ProgressReporter p(nullptr, "x", 3, 1.0, [&now] { return now; });
  p.advance(2);
  p.finish();
  EXPECT_EQ(p.done(), 2u);
  EXPECT_EQ(p.line(), "x: 2/3, elapsed 0.0 s, about 0.0 s left");  // 0 / 2 * 1 = 0
}

TEST(Progress, NewPhaseRestartsTheCount) {
  double now = 0;
  std::ostringstream out;
  ProgressReporter p(&out, "bench", 2, 0.0, [&now] { return now; });
  p.start_phase("lp", 2);
  now = 1;
  p.advance(2);
  p.start_phase("groups", 5);
  EXPECT_EQ(p.done(), 0u);
  EXPECT_EQ(p.total(), 5u);
  now = 3;
  p.advance();  // 1 of 5 at 3 s of the whole run: 3 / 1 * 4 = 12 s left
  EXPECT_NE(out.str().find("bench: groups 1/5, elapsed 3.0 s, about 12.0 s left\n"), std::string::npos)
      << out.str();
}

TEST(Progress, DurationsForHumans) {
  EXPECT_EQ(format_duration(0.44), "0.4 s");
  EXPECT_EQ(format_duration(59.0), "59.0 s");
  EXPECT_EQ(format_duration(125.0), "2 min 05 s");   // 2 * 60 + 5
  EXPECT_EQ(format_duration(7500.0), "2 h 05 min");  // 125 min = 2 h 5 min
  EXPECT_EQ(format_duration(-1.0), "0.0 s");
}

}  // namespace
}  // namespace equilab
