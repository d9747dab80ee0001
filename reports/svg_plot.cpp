// Hand-written SVG for log-log plots (see svg_plot.h).
#include "reports/svg_plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace equilab::reports {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // Control characters are not allowed in XML 1.0 text (besides tab and newlines).
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

std::string format_double(double v) {
  if (!std::isfinite(v)) return std::isnan(v) ? "nan" : (v > 0 ? "inf" : "-inf");
  char buf[64];
  if (v == std::trunc(v) && std::fabs(v) < 1e15) {  // integers in plain digits ("200", not "2e+02")
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::optional<PowerFit> fit_power_law(const std::vector<Point>& points) {
  // Ordinary least squares of log10 y on log10 x: slope = Σ(u−ū)(v−v̄) / Σ(u−ū)².
  std::vector<std::pair<double, double>> uv;
  for (const Point& p : points)
    if (p.x > 0 && p.y > 0 && std::isfinite(p.x) && std::isfinite(p.y))
      uv.emplace_back(std::log10(p.x), std::log10(p.y));
  if (uv.size() < 2) return std::nullopt;
  double su = 0, sv = 0;
  for (const auto& [u, v] : uv) {
    su += u;
    sv += v;
  }
  const double mu = su / static_cast<double>(uv.size()), mv = sv / static_cast<double>(uv.size());
  double suu = 0, suv = 0;
  for (const auto& [u, v] : uv) {
    suu += (u - mu) * (u - mu);
    suv += (u - mu) * (v - mv);
  }
  if (!(suu > 0)) return std::nullopt;  // one distinct x
  PowerFit fit;
  fit.exponent = suv / suu;
  fit.coefficient = std::pow(10.0, mv - fit.exponent * mu);
  return fit;
}

DecadeRange decade_range(double min, double max) {
  DecadeRange r;
  r.lo = static_cast<int>(std::floor(std::log10(min)));
  r.hi = static_cast<int>(std::ceil(std::log10(max)));
  // log10 of an exact power of ten can come out a hair off; snap to the nearest integer then.
  const double lmin = std::log10(min), lmax = std::log10(max);
  if (std::fabs(lmin - std::round(lmin)) < 1e-12) r.lo = static_cast<int>(std::round(lmin));
  if (std::fabs(lmax - std::round(lmax)) < 1e-12) r.hi = static_cast<int>(std::round(lmax));
  if (r.hi <= r.lo) r.hi = r.lo + 1;
  return r;
}

double LogAxis::position(double v) const {
  const double t = (std::log10(v) - decades.lo) / static_cast<double>(decades.hi - decades.lo);
  return from + t * (to - from);
}

double LogAxis::value(double p) const {
  const double t = (p - from) / (to - from);
  return std::pow(10.0, decades.lo + t * static_cast<double>(decades.hi - decades.lo));
}

std::string decade_label(int k) {
  char buf[32];
  if (k >= 0 && k <= 4)
    std::snprintf(buf, sizeof buf, "%.0f", std::pow(10.0, k));
  else if (k < 0 && k >= -3)
    std::snprintf(buf, sizeof buf, "%.*f", -k, std::pow(10.0, k));
  else
    std::snprintf(buf, sizeof buf, "1e%d", k);
  return buf;
}

namespace {

// Colour-blind-safe palette (Okabe–Ito) and a marker shape per series, cycling together.
constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                    "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr int kShapes = 4;

std::string px(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// A marker centred at (x, y): circle, square, triangle or diamond.
// A data point (`data` set) carries class "marker" and its values; a legend symbol carries nothing.
void marker(std::ostringstream& os, int shape, double x, double y, const char* colour, const Point* data) {
  const std::string attrs = data == nullptr ? std::string()
                                            : " class=\"marker\" data-x=\"" + format_double(data->x) +
                                                  "\" data-y=\"" + format_double(data->y) + "\"";
  switch (shape) {
    case 0:
      os << "<circle" << attrs << " cx=\"" << px(x) << "\" cy=\"" << px(y) << "\" r=\"3.5\" fill=\"" << colour
         << "\"/>";
      break;
    case 1:
      os << "<rect" << attrs << " x=\"" << px(x - 3.5) << "\" y=\"" << px(y - 3.5)
         << "\" width=\"7\" height=\"7\" fill=\"" << colour << "\"/>";
      break;
    case 2:
      os << "<polygon" << attrs << " points=\"" << px(x) << "," << px(y - 4.5) << " " << px(x - 4) << ","
         << px(y + 3) << " " << px(x + 4) << "," << px(y + 3) << "\" fill=\"" << colour << "\"/>";
      break;
    default:
      os << "<polygon" << attrs << " points=\"" << px(x) << "," << px(y - 4.5) << " " << px(x + 4.5) << ","
         << px(y) << " " << px(x) << "," << px(y + 4.5) << " " << px(x - 4.5) << "," << px(y) << "\" fill=\""
         << colour << "\"/>";
  }
}

}  // namespace

std::string render_svg(const LogLogPlot& plot, bool standalone) {
  // Geometry (pixels): plot area [left, right] × [top, bottom]; the legend sits below the x label.
  constexpr double width = 640, left = 78, right = 624, top = 40, bottom = 300;
  constexpr double legend_top = 356, legend_row = 18;

  std::vector<Series> drawn;  // the positive points of each series, sorted by x
  double xmin = 0, xmax = 0, ymin = 0, ymax = 0;
  bool any = false;
  for (const Series& s : plot.series) {
    Series d{s.name, {}};
    for (const Point& p : s.points)
      if (p.x > 0 && p.y > 0 && std::isfinite(p.x) && std::isfinite(p.y)) d.points.push_back(p);
    std::stable_sort(d.points.begin(), d.points.end(),
                     [](const Point& a, const Point& b) { return a.x < b.x; });
    for (const Point& p : d.points) {
      if (!any) {
        xmin = xmax = p.x;
        ymin = ymax = p.y;
        any = true;
      }
      xmin = std::min(xmin, p.x);
      xmax = std::max(xmax, p.x);
      ymin = std::min(ymin, p.y);
      ymax = std::max(ymax, p.y);
    }
    drawn.push_back(std::move(d));
  }
  if (!any) xmin = xmax = ymin = ymax = 1;
  const LogAxis xa{decade_range(xmin, xmax), left, right};
  const LogAxis ya{decade_range(ymin, ymax), bottom, top};
  const double height =
      legend_top + legend_row * static_cast<double>(std::max<std::size_t>(1, drawn.size())) + 8;

  std::ostringstream os;
  if (standalone) os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" viewBox=\"0 0 " << px(width) << " "
     << px(height) << "\" width=\"" << px(width) << "\" height=\"" << px(height)
     << "\" role=\"img\" aria-label=\"" << xml_escape(plot.title)
     << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  os << "<title>" << xml_escape(plot.title) << "</title>\n";
  os << "<rect x=\"0\" y=\"0\" width=\"" << px(width) << "\" height=\"" << px(height)
     << "\" fill=\"#ffffff\"/>\n";
  os << "<text x=\"" << px(width / 2)
     << "\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">" << xml_escape(plot.title)
     << "</text>\n";

  // Grid: minor lines at 2..9 × 10^k, major lines and labelled ticks at each decade.
  os << "<g class=\"grid\" stroke=\"#e6e6e6\" stroke-width=\"1\">\n";
  for (int k = xa.decades.lo; k < xa.decades.hi; ++k)
    for (int m = 2; m <= 9; ++m) {
      const double x = xa.position(m * std::pow(10.0, k));
      os << "<line x1=\"" << px(x) << "\" y1=\"" << px(top) << "\" x2=\"" << px(x) << "\" y2=\"" << px(bottom)
         << "\"/>";
    }
  for (int k = ya.decades.lo; k < ya.decades.hi; ++k)
    for (int m = 2; m <= 9; ++m) {
      const double y = ya.position(m * std::pow(10.0, k));
      os << "<line x1=\"" << px(left) << "\" y1=\"" << px(y) << "\" x2=\"" << px(right) << "\" y2=\"" << px(y)
         << "\"/>";
    }
  os << "\n</g>\n";
  // Over at most two decades, the minor lines at 2 and 5 get labels too (lighter, smaller).
  os << "<g class=\"minor-labels\" fill=\"#666666\" font-size=\"10\">\n";
  if (xa.decades.hi - xa.decades.lo <= 2)
    for (int k = xa.decades.lo; k < xa.decades.hi; ++k)
      for (int m : {2, 5}) {
        const double v = m * std::pow(10.0, k);
        os << "<text x=\"" << px(xa.position(v)) << "\" y=\"" << px(bottom + 16)
           << "\" text-anchor=\"middle\">" << format_double(v) << "</text>";
      }
  if (ya.decades.hi - ya.decades.lo <= 2)
    for (int k = ya.decades.lo; k < ya.decades.hi; ++k)
      for (int m : {2, 5}) {
        const double v = m * std::pow(10.0, k);
        os << "<text x=\"" << px(left - 8) << "\" y=\"" << px(ya.position(v) + 4) << "\" text-anchor=\"end\">"
           << format_double(v) << "</text>";
      }
  os << "\n</g>\n";
  os << "<g class=\"x-ticks\" text-anchor=\"middle\">\n";
  for (int k = xa.decades.lo; k <= xa.decades.hi; ++k) {
    const double x = xa.position(std::pow(10.0, k));
    os << "<g class=\"tick\" data-tick=\"10^" << k << "\" data-pos=\"" << px(x) << "\"><line x1=\"" << px(x)
       << "\" y1=\"" << px(top) << "\" x2=\"" << px(x) << "\" y2=\"" << px(bottom + 5)
       << "\" stroke=\"#bdbdbd\"/><text x=\"" << px(x) << "\" y=\"" << px(bottom + 19) << "\">"
       << decade_label(k) << "</text></g>\n";
  }
  os << "</g>\n<g class=\"y-ticks\" text-anchor=\"end\">\n";
  for (int k = ya.decades.lo; k <= ya.decades.hi; ++k) {
    const double y = ya.position(std::pow(10.0, k));
    os << "<g class=\"tick\" data-tick=\"10^" << k << "\" data-pos=\"" << px(y) << "\"><line x1=\""
       << px(left - 5) << "\" y1=\"" << px(y) << "\" x2=\"" << px(right) << "\" y2=\"" << px(y)
       << "\" stroke=\"#bdbdbd\"/><text x=\"" << px(left - 8) << "\" y=\"" << px(y + 4) << "\">"
       << decade_label(k) << "</text></g>\n";
  }
  os << "</g>\n";
  os << "<rect x=\"" << px(left) << "\" y=\"" << px(top) << "\" width=\"" << px(right - left)
     << "\" height=\"" << px(bottom - top) << "\" fill=\"none\" stroke=\"#333333\"/>\n";
  os << "<text x=\"" << px((left + right) / 2) << "\" y=\"" << px(bottom + 40) << "\" text-anchor=\"middle\">"
     << xml_escape(plot.x_label) << " (log scale)</text>\n";
  os << "<text x=\"16\" y=\"" << px((top + bottom) / 2)
     << "\" text-anchor=\"middle\" transform=\"rotate(-90 16 " << px((top + bottom) / 2) << ")\">"
     << xml_escape(plot.y_label) << " (log scale)</text>\n";

  // Series and legend.
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    const Series& s = drawn[i];
    const char* colour = kColours[i % (sizeof kColours / sizeof kColours[0])];
    const int shape = static_cast<int>(i % kShapes);
    const auto fit = fit_power_law(s.points);
    os << "<g class=\"series\" data-series=\"" << xml_escape(s.name) << "\" data-points=\"" << s.points.size()
       << "\"";
    if (fit) os << " data-exponent=\"" << format_double(fit->exponent) << "\"";
    os << ">\n";
    if (s.points.size() >= 2) {
      os << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"1.8\" points=\"";
      for (std::size_t j = 0; j < s.points.size(); ++j)
        os << (j ? " " : "") << px(xa.position(s.points[j].x)) << "," << px(ya.position(s.points[j].y));
      os << "\"/>\n";
    }
    for (const Point& p : s.points) marker(os, shape, xa.position(p.x), ya.position(p.y), colour, &p);
    os << "\n</g>\n";

    char exponent[64];
    if (fit)
      std::snprintf(exponent, sizeof exponent, "exponent %.2f", fit->exponent);
    else
      std::snprintf(exponent, sizeof exponent, "%s", s.points.empty() ? "no data" : "one size, no exponent");
    const double ly = legend_top + legend_row * static_cast<double>(i);
    os << "<g class=\"legend-entry\" data-series=\"" << xml_escape(s.name) << "\">";
    os << "<line x1=\"" << px(left) << "\" y1=\"" << px(ly) << "\" x2=\"" << px(left + 24) << "\" y2=\""
       << px(ly) << "\" stroke=\"" << colour << "\" stroke-width=\"1.8\"/>";
    marker(os, shape, left + 12, ly, colour, nullptr);
    os << "<text x=\"" << px(left + 32) << "\" y=\"" << px(ly + 4) << "\">" << xml_escape(s.name) << " ("
       << exponent << ")</text></g>\n";
  }
  os << "</svg>\n";
  return os.str();
}

}  // namespace equilab::reports
