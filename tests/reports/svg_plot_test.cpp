// The SVG plot module: decade ranges and labels, the log axis, least-squares exponents, and the
// rendered SVG parsed back with libxml2 (ticks where hand computation puts them, every series with
// exactly its data points, each marker's position mapping back to its value).
// Timings are doubles (labelled so in the report); the comparisons on the floating-point paths
// below use explicit bounds derived in the comments, never on exact paths.
#include "reports/svg_plot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include "xml_doc.h"

namespace {

using namespace equilab::reports;
using equilab::testing::XmlDoc;

TEST(DecadeRange, CoversTheDataByWholeDecades) {
  // 3 .. 450: floor(log10 3) = 0, ceil(log10 450) = 3.
  EXPECT_EQ(decade_range(3, 450).lo, 0);
  EXPECT_EQ(decade_range(3, 450).hi, 3);
  // Exact powers of ten are their own bounds: 10 .. 1000 -> 1 .. 3.
  EXPECT_EQ(decade_range(10, 1000).lo, 1);
  EXPECT_EQ(decade_range(10, 1000).hi, 3);
  // 0.002 alone: floor(log10 0.002) = floor(-2.7) = -3, ceil = -2.
  EXPECT_EQ(decade_range(0.002, 0.002).lo, -3);
  EXPECT_EQ(decade_range(0.002, 0.002).hi, -2);
  // One power of ten alone widens to one decade: 1 -> 0 .. 1; 1e-3 -> -3 .. -2.
  EXPECT_EQ(decade_range(1, 1).lo, 0);
  EXPECT_EQ(decade_range(1, 1).hi, 1);
  EXPECT_EQ(decade_range(1e-3, 1e-3).lo, -3);
  EXPECT_EQ(decade_range(1e-3, 1e-3).hi, -2);
}

TEST(DecadeLabel, PlainDecimalsNearOneExponentsBeyond) {
  EXPECT_EQ(decade_label(0), "1");
  EXPECT_EQ(decade_label(3), "1000");
  EXPECT_EQ(decade_label(4), "10000");
  EXPECT_EQ(decade_label(-1), "0.1");
  EXPECT_EQ(decade_label(-3), "0.001");
  EXPECT_EQ(decade_label(5), "1e5");
  EXPECT_EQ(decade_label(-4), "1e-4");
}

TEST(LogAxis, MapsDecadesLinearly) {
  // Decades 0..2 onto pixels 100..300: 1 -> 100, 10 -> 200, 100 -> 300, sqrt(10) -> 150.
  const LogAxis a{{0, 2}, 100, 300};
  EXPECT_DOUBLE_EQ(a.position(1), 100);
  EXPECT_DOUBLE_EQ(a.position(10), 200);
  EXPECT_DOUBLE_EQ(a.position(100), 300);
  EXPECT_NEAR(a.position(std::sqrt(10.0)), 150, 1e-9);
  EXPECT_NEAR(a.value(250), std::pow(10.0, 1.5), 1e-9);
  // A y axis runs the other way: decades -2..0 onto 300..40.
  const LogAxis y{{-2, 0}, 300, 40};
  EXPECT_DOUBLE_EQ(y.position(0.01), 300);
  EXPECT_DOUBLE_EQ(y.position(1), 40);
  EXPECT_DOUBLE_EQ(y.position(0.1), 170);
}

TEST(FitPowerLaw, ExactPowerLaws) {
  // y = 3 x^2 at x = 1, 10, 100: log y = log 3 + 2 log x exactly, slope 2, coefficient 3.
  auto fit = fit_power_law({{1, 3}, {10, 300}, {100, 30000}});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->exponent, 2, 1e-12);
  EXPECT_NEAR(fit->coefficient, 3, 1e-12);
  // y = x^3 at x = 2, 4 (8, 64): slope (log 64 - log 8) / (log 4 - log 2) = 3.
  fit = fit_power_law({{2, 8}, {4, 64}});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->exponent, 3, 1e-12);
  // y = 1/x (halving): slope -1.
  fit = fit_power_law({{1, 1}, {10, 0.1}, {1000, 0.001}});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->exponent, -1, 1e-12);
}

TEST(FitPowerLaw, LeastSquaresOnLogs) {
  // (1,1), (10,10), (100,1000): u = 0,1,2, v = 0,1,3; ū = 1, v̄ = 4/3;
  // Σ(u-ū)(v-v̄) = (-1)(-4/3) + 0 + (1)(5/3) = 3, Σ(u-ū)² = 2, slope 3/2;
  // intercept v̄ - 1.5 ū = -1/6, coefficient 10^(-1/6).
  const auto fit = fit_power_law({{1, 1}, {10, 10}, {100, 1000}});
  ASSERT_TRUE(fit);
  EXPECT_NEAR(fit->exponent, 1.5, 1e-12);
  EXPECT_NEAR(fit->coefficient, std::pow(10.0, -1.0 / 6), 1e-12);
}

TEST(FitPowerLaw, NeedsTwoDistinctPositiveSizes) {
  EXPECT_FALSE(fit_power_law({}));
  EXPECT_FALSE(fit_power_law({{5, 1}}));
  EXPECT_FALSE(fit_power_law({{5, 1}, {5, 2}}));
  EXPECT_FALSE(fit_power_law({{0, 1}, {5, 2}}));  // x = 0 is dropped, one point left
  EXPECT_TRUE(fit_power_law({{1, 1}, {5, 2}, {7, -1}}));
}

TEST(FormatDouble, RoundTrips) {
  for (double v : {0.1, 1.0 / 3, 2.5e-7, 12345.678, 1e300, 5e-324})
    EXPECT_EQ(std::strtod(format_double(v).c_str(), nullptr), v) << format_double(v);
  EXPECT_EQ(format_double(0.25), "0.25");
  EXPECT_EQ(format_double(200), "200");
}

// The centre of a marker element as rendered (circle: cx, cy; square: x, y + 3.5; triangle and
// diamond: the first vertex is the top one, 4.5 above the centre).
std::pair<double, double> centre(xmlNodePtr n) {
  const std::string kind = XmlDoc::name(n);
  if (kind == "circle") return {std::stod(XmlDoc::attr(n, "cx")), std::stod(XmlDoc::attr(n, "cy"))};
  if (kind == "rect") return {std::stod(XmlDoc::attr(n, "x")) + 3.5, std::stod(XmlDoc::attr(n, "y")) + 3.5};
  std::istringstream pts(XmlDoc::attr(n, "points"));
  double x = 0, y = 0;
  char comma = 0;
  pts >> x >> comma >> y;
  return {x, y + 4.5};
}

TEST(RenderSvg, ParsesAndKeepsEveryPoint) {
  LogLogPlot plot;
  plot.title = "demo <&> \"quoted\"";
  plot.x_label = "n";
  plot.y_label = "time (s)";
  plot.series = {{"cubic-ish A", {{10, 300}, {1, 3}, {100, 30000}}},  // unsorted on purpose: y = 3x^2
                 {"B", {{5, 0.02}, {50, 0.2}}},                       // y = x / 250: exponent 1
                 {"C", {{10, 0}, {20, 5}}}};                          // y = 0 cannot be drawn on a log axis
  const std::string svg = render_svg(plot, true);
  const XmlDoc doc(svg);
  ASSERT_TRUE(doc.ok()) << svg;
  EXPECT_EQ(doc.nodes("/s:svg").size(), 1u);
  EXPECT_EQ(doc.nodes("//s:script").size(), 0u);

  // x: data 1 .. 100 -> decades 0..2 on pixels 78..624 (273 px per decade).
  // y: data 0.02 .. 30000 -> floor(log10 0.02) = -2 .. ceil(log10 30000) = 5, pixels 300..40
  //    (260/7 = 37.142857 px per decade): 10^1 at 300 - 3 * 37.142857 = 188.57.
  std::map<std::string, std::string> xt, yt;
  for (xmlNodePtr t : doc.nodes("//s:g[@class='x-ticks']/s:g[@class='tick']"))
    xt[XmlDoc::attr(t, "data-tick")] = XmlDoc::attr(t, "data-pos");
  for (xmlNodePtr t : doc.nodes("//s:g[@class='y-ticks']/s:g[@class='tick']"))
    yt[XmlDoc::attr(t, "data-tick")] = XmlDoc::attr(t, "data-pos");
  EXPECT_EQ(xt,
            (std::map<std::string, std::string>{{"10^0", "78.00"}, {"10^1", "351.00"}, {"10^2", "624.00"}}));
  ASSERT_EQ(yt.size(), 8u);
  EXPECT_EQ(yt["10^-2"], "300.00");
  EXPECT_EQ(yt["10^1"], "188.57");
  EXPECT_EQ(yt["10^5"], "40.00");
  // Tick labels: the x axis reads 1, 10, 100.
  std::vector<std::string> xlabels;
  for (xmlNodePtr t : doc.nodes("//s:g[@class='x-ticks']//s:text")) xlabels.push_back(XmlDoc::text(t));
  EXPECT_EQ(xlabels, (std::vector<std::string>{"1", "10", "100"}));

  const std::map<std::string, std::vector<Point>> expected = {
      {"cubic-ish A", {{1, 3}, {10, 300}, {100, 30000}}}, {"B", {{5, 0.02}, {50, 0.2}}}, {"C", {{20, 5}}}};
  const auto groups = doc.nodes("//s:g[@class='series']");
  ASSERT_EQ(groups.size(), 3u);
  for (xmlNodePtr g : groups) {
    const std::string name = XmlDoc::attr(g, "data-series");
    ASSERT_TRUE(expected.count(name)) << name;
    const auto& want = expected.at(name);
    const auto markers = doc.nodes("./*[@class='marker']", g);
    ASSERT_EQ(markers.size(), want.size()) << name;
    EXPECT_EQ(XmlDoc::attr(g, "data-points"), std::to_string(want.size()));
    for (std::size_t i = 0; i < want.size(); ++i) {
      // The data attributes are the values themselves (shortest round-trip decimals).
      EXPECT_EQ(std::strtod(XmlDoc::attr(markers[i], "data-x").c_str(), nullptr), want[i].x);
      EXPECT_EQ(std::strtod(XmlDoc::attr(markers[i], "data-y").c_str(), nullptr), want[i].y);
      // The position maps back through the axes read from the ticks: positions are printed with
      // two decimals (±0.005 px), i.e. within 0.005/37 decades, well inside 1e-3 in log10.
      const auto [cx, cy] = centre(markers[i]);
      const double lx = 0 + (cx - 78) / (624 - 78) * 2;
      const double ly = -2 + (300 - cy) / (300 - 40) * 7;
      EXPECT_NEAR(lx, std::log10(want[i].x), 1e-3) << name;
      EXPECT_NEAR(ly, std::log10(want[i].y), 1e-3) << name;
    }
    const auto lines = doc.nodes("./s:polyline", g);
    if (want.size() >= 2) {
      ASSERT_EQ(lines.size(), 1u);
      std::istringstream pts(XmlDoc::attr(lines[0], "points"));
      std::string p;
      std::size_t count = 0;
      while (pts >> p) ++count;
      EXPECT_EQ(count, want.size());
    } else {
      EXPECT_TRUE(lines.empty());
    }
  }
  // Exponents: 2 for A, 1 for B (hand computed above), none for the single point of C.
  EXPECT_NEAR(std::stod(XmlDoc::attr(doc.nodes("//s:g[@data-series='cubic-ish A']")[0], "data-exponent")), 2,
              1e-12);
  EXPECT_NEAR(
      std::stod(XmlDoc::attr(doc.nodes("//s:g[@class='series'][@data-series='B']")[0], "data-exponent")), 1,
      1e-12);
  EXPECT_EQ(XmlDoc::attr(doc.nodes("//s:g[@class='series'][@data-series='C']")[0], "data-exponent"), "");
  std::vector<std::string> legend;
  for (xmlNodePtr t : doc.nodes("//s:g[@class='legend-entry']/s:text")) legend.push_back(XmlDoc::text(t));
  EXPECT_EQ(legend, (std::vector<std::string>{"cubic-ish A (exponent 2.00)", "B (exponent 1.00)",
                                              "C (one size, no exponent)"}));
  EXPECT_EQ(XmlDoc::text(doc.nodes("/s:svg/s:title")[0]), "demo <&> \"quoted\"");
}

TEST(RenderSvg, EmptyPlotStillParses) {
  LogLogPlot plot{"nothing", "n", "t", {{"only errors", {}}}};
  const XmlDoc doc(render_svg(plot, false));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.nodes("//*[@class='marker']").size(), 0u);
  EXPECT_EQ(doc.nodes("//s:g[@class='legend-entry']").size(), 1u);
}

}  // namespace
