// Log-log line plots written as SVG by hand: axes, decade ticks, one polyline with markers per
// series, and a legend that carries each series' fitted growth exponent. The output is well-formed
// XML (a standalone SVG document, or an element to inline in XHTML) with no scripts and no fonts
// beyond the reader's sans-serif.
//
// Every marker keeps the data it plots: data-x and data-y hold the values (shortest round-trip
// decimal), cx and cy the position; positions follow `LogAxis::position`, so a reader (or a test)
// can map a marker back to its value. Major ticks carry data-tick="10^k".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace equilab::reports {

struct Point {
  double x = 0, y = 0;
};

struct Series {
  std::string name;
  std::vector<Point> points;  // plotted in increasing x; points with x <= 0 or y <= 0 are dropped
};

struct LogLogPlot {
  std::string title;
  std::string x_label;
  std::string y_label;
  std::vector<Series> series;
};

// The least-squares line through (log10 x, log10 y): y ≈ coefficient · x^exponent.
struct PowerFit {
  double exponent = 0;
  double coefficient = 0;
};
// Needs at least two distinct positive x; nullopt otherwise. Non-positive points are ignored.
std::optional<PowerFit> fit_power_law(const std::vector<Point>& points);

// The decades 10^lo … 10^hi that cover [min, max] (both > 0): lo = floor(log10 min),
// hi = ceil(log10 max), and hi = lo + 1 when both fall on one power of ten.
struct DecadeRange {
  int lo = 0, hi = 1;
};
DecadeRange decade_range(double min, double max);

// A logarithmic axis mapping [10^lo, 10^hi] onto the pixel interval [from, to] (to < from for a
// y axis, whose pixels grow downwards).
struct LogAxis {
  DecadeRange decades;
  double from = 0, to = 1;
  double position(double value) const;
  double value(double position) const;  // the inverse of position()
};

// The text of a tick label for 10^k: "0.001" … "10000" for |k| <= 4 (k >= -3), "1e-5", "1e6" beyond.
std::string decade_label(int k);

// The shortest decimal that reads back as the same double ("%.17g" trimmed).
std::string format_double(double v);

// Renders the plot. `standalone` adds the XML declaration (for a .svg file); otherwise the result
// is one <svg> element to inline in (X)HTML. Series with no positive point are listed in the legend
// as "(no data)" and not drawn.
std::string render_svg(const LogLogPlot& plot, bool standalone);

// Escapes &, <, >, " and ' for XML text and attribute values.
std::string xml_escape(const std::string& text);

}  // namespace equilab::reports
