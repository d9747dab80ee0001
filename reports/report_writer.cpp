// Rendering the report (see report_writer.h).
#include "reports/report_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"

namespace equilab::reports {
namespace {

namespace fs = std::filesystem;

// Three significant digits, without exponent notation for the values a report shows.
std::string sig3(double v) {
  char buf[64];
  const double a = std::fabs(v);
  if (a >= 100)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else if (a >= 10)
    std::snprintf(buf, sizeof buf, "%.1f", v);
  else if (a >= 1 || a == 0)
    std::snprintf(buf, sizeof buf, "%.2f", v);
  else
    std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string args_text(const std::vector<std::pair<std::string, double>>& args, int skip = -1) {
  std::string s;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (static_cast<int>(i) == skip) continue;
    if (!s.empty()) s += " ";
    s += args[i].first + "=" + format_double(args[i].second);
  }
  return s;
}

std::string join_nonempty(const std::string& a, const std::string& b, const std::string& sep) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + sep + b;
}

// A table rendered three ways. `numeric` columns are right-aligned; `wide` columns may wrap.
struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric, wide;
  std::vector<std::vector<std::string>> rows;
  std::string caption;
};

std::string html_table(const Table& t, const std::string& cls) {
  std::ostringstream os;
  os << "<div class=\"table-wrap\"><table class=\"" << cls << "\">";
  if (!t.caption.empty()) os << "<caption>" << xml_escape(t.caption) << "</caption>";
  os << "<thead><tr>";
  for (std::size_t c = 0; c < t.header.size(); ++c)
    os << "<th" << (t.numeric[c] ? " class=\"num\"" : "") << " scope=\"col\">" << xml_escape(t.header[c])
       << "</th>";
  os << "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    os << "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string cls_attr = t.numeric[c] ? "num" : (t.wide[c] ? "wide" : "");
      os << "<td" << (cls_attr.empty() ? "" : " class=\"" + cls_attr + "\"") << ">" << xml_escape(row[c])
         << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</tbody></table></div>\n";
  return os.str();
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out.empty() ? " " : out;
}

std::string markdown_table(const Table& t) {
  std::ostringstream os;
  os << "|";
  for (const auto& h : t.header) os << " " << md_cell(h) << " |";
  os << "\n|";
  for (std::size_t c = 0; c < t.header.size(); ++c) os << (t.numeric[c] ? " ---: |" : " --- |");
  os << "\n";
  for (const auto& row : t.rows) {
    os << "|";
    for (const auto& cell : row) os << " " << md_cell(cell) << " |";
    os << "\n";
  }
  return os.str();
}

std::string tex_escape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
        out += "\\textbackslash{}";
        break;
      case '&':
      case '%':
      case '$':
      case '#':
      case '_':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      case '~':
        out += "\\textasciitilde{}";
        break;
      case '^':
        out += "\\textasciicircum{}";
        break;
      case '<':
        out += "\\textless{}";
        break;
      case '>':
        out += "\\textgreater{}";
        break;
      default:
        // µ (U+00B5, UTF-8 C2 B5) and § (U+00A7, C2 A7) are the non-ASCII characters the report
        // writes itself.
        if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
            static_cast<unsigned char>(s[i + 1]) == 0xB5) {
          out += "\\textmu{}";
          ++i;
        } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
                   static_cast<unsigned char>(s[i + 1]) == 0xA7) {
          out += "\\S{}";
          ++i;
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string latex_table(const Table& t, const std::string& label) {
  std::ostringstream os;
  os << "\\begin{table}[htbp]\n\\centering\n\\small\n";
  if (!t.caption.empty()) os << "\\caption{" << tex_escape(t.caption) << "}\n";
  os << "\\label{" << label << "}\n\\begin{tabular}{";
  for (std::size_t c = 0; c < t.header.size(); ++c)
    os << (t.numeric[c] ? "r" : (t.wide[c] ? "p{3.5cm}" : "l"));
  os << "}\n\\toprule\n";
  for (std::size_t c = 0; c < t.header.size(); ++c) os << (c ? " & " : "") << tex_escape(t.header[c]);
  os << " \\\\\n\\midrule\n";
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) os << (c ? " & " : "") << tex_escape(row[c]);
    os << " \\\\\n";
  }
  os << "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n";
  return os.str();
}

std::string slug(const std::string& s) {
  std::string out;
  for (char c : s)
    out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  return out;
}

std::string opt_seconds(const std::optional<double>& v) { return v ? format_seconds(*v) : "n/a"; }

}  // namespace

std::string format_seconds(double s) {
  if (!std::isfinite(s)) return "n/a";
  const double a = std::fabs(s);
  if (a >= 1 || a == 0) return sig3(s) + " s";
  if (a >= 1e-3) return sig3(s * 1e3) + " ms";
  if (a >= 1e-6) return sig3(s * 1e6) + " \xC2\xB5s";
  return sig3(s * 1e9) + " ns";
}

std::vector<FamilyReport> analyse_benchmarks(const std::vector<BenchSuite>& suites) {
  std::vector<FamilyReport> families;
  std::vector<std::vector<BenchRun>> runs_of;  // per family
  for (const BenchSuite& suite : suites) {
    auto it = std::find_if(families.begin(), families.end(),
                           [&](const FamilyReport& f) { return f.family == suite.family; });
    if (it == families.end()) {
      families.push_back(FamilyReport{suite.family, {}, {}, {}, {}});
      runs_of.emplace_back();
      it = families.end() - 1;
    }
    const std::size_t fi = static_cast<std::size_t>(it - families.begin());
    it->files.push_back(suite.file);
    for (const BenchRun& run : suite.runs) {
      auto& runs = runs_of[fi];
      auto same =
          std::find_if(runs.begin(), runs.end(), [&](const BenchRun& r) { return r.name == run.name; });
      if (same != runs.end())
        *same = run;  // a later file's run of the same name replaces it
      else
        runs.push_back(run);
    }
  }

  for (std::size_t fi = 0; fi < families.size(); ++fi) {
    FamilyReport& fam = families[fi];
    const std::vector<BenchRun>& runs = runs_of[fi];
    for (const BenchRun& r : runs)
      if (std::find(fam.methods.begin(), fam.methods.end(), r.method) == fam.methods.end())
        fam.methods.push_back(r.method);
    auto method_index = [&](const std::string& m) {
      return static_cast<std::size_t>(std::find(fam.methods.begin(), fam.methods.end(), m) -
                                      fam.methods.begin());
    };

    // The size argument of each (method, case): the first argument that varies among its runs.
    std::map<std::pair<std::string, std::string>, int> size_position;
    for (const BenchRun& r : runs) {
      auto key = std::make_pair(r.method, r.case_name);
      if (size_position.count(key)) continue;
      std::size_t nargs = 0;
      for (const BenchRun& o : runs)
        if (o.method == r.method && o.case_name == r.case_name) nargs = std::max(nargs, o.args.size());
      int pos = nargs > 0 ? 0 : -1;
      for (std::size_t p = 0; p < nargs; ++p) {
        std::optional<double> first;
        bool varies = false;
        for (const BenchRun& o : runs)
          if (o.method == r.method && o.case_name == r.case_name && p < o.args.size()) {
            if (!first)
              first = o.args[p].second;
            else if (*first != o.args[p].second)
              varies = true;
          }
        if (varies) {
          pos = static_cast<int>(p);
          break;
        }
      }
      size_position[key] = pos;
    }

    struct Stat {
      const BenchRun* run;
      std::string instance, plot_key, size_name;
      std::optional<double> size, median, min, max;
    };
    std::vector<Stat> stats;
    std::vector<std::string> instances, plot_keys;  // in order of first appearance
    for (const BenchRun& r : runs) {
      Stat s{&r,           join_nonempty(r.case_name, args_text(r.args), ", "),
             "",           "",
             std::nullopt, std::nullopt,
             std::nullopt, std::nullopt};
      const int pos = size_position[{r.method, r.case_name}];
      if (r.size_counter) {
        // A counter "size" that repeats an argument names that argument as the size axis: the
        // other arguments key the plot, so the runs along that argument share one plot.
        const auto same = std::find_if(r.args.begin(), r.args.end(),
                                       [&](const auto& a) { return a.second == *r.size_counter; });
        s.size = r.size_counter;
        s.size_name = "size";
        if (same != r.args.end()) {
          const int at = static_cast<int>(same - r.args.begin());
          s.size_name = same->first;
          s.plot_key = join_nonempty(r.case_name, args_text(r.args, at), ", ") + "|" + s.size_name;
        } else {
          s.plot_key = join_nonempty(r.case_name, args_text(r.args), ", ") + "|size";
        }
      } else if (pos >= 0 && static_cast<std::size_t>(pos) < r.args.size()) {
        s.size = r.args[pos].second;
        s.size_name = r.args[pos].first;
        s.plot_key = join_nonempty(r.case_name, args_text(r.args, pos), ", ") + "|" + s.size_name;
      }
      if (r.error.empty()) {
        if (!r.seconds.empty()) {
          std::vector<double> v = r.seconds;
          std::sort(v.begin(), v.end());
          const std::size_t n = v.size();
          s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
          s.min = v.front();
          s.max = v.back();
        } else if (r.median_aggregate) {
          s.median = r.median_aggregate;
        }
      }
      if (std::find(instances.begin(), instances.end(), s.instance) == instances.end())
        instances.push_back(s.instance);
      if (!s.plot_key.empty() && std::find(plot_keys.begin(), plot_keys.end(), s.plot_key) == plot_keys.end())
        plot_keys.push_back(s.plot_key);
      stats.push_back(std::move(s));
    }

    // Reference of each instance: the first method (suite order) with a median on it.
    std::map<std::string, const Stat*> reference;
    for (const Stat& s : stats) {
      if (!s.median) continue;
      auto& ref = reference[s.instance];
      if (ref == nullptr || method_index(s.run->method) < method_index(ref->run->method)) ref = &s;
    }
    std::vector<const Stat*> order;
    for (const Stat& s : stats) order.push_back(&s);
    std::stable_sort(order.begin(), order.end(), [&](const Stat* a, const Stat* b) {
      const auto ia = std::find(instances.begin(), instances.end(), a->instance) - instances.begin();
      const auto ib = std::find(instances.begin(), instances.end(), b->instance) - instances.begin();
      if (ia != ib) return ia < ib;
      return method_index(a->run->method) < method_index(b->run->method);
    });
    for (const Stat* s : order) {
      BenchRow row;
      row.method = s->run->method;
      row.instance = s->instance;
      row.size_name = s->size_name;
      row.size = s->size;
      row.median = s->median;
      row.min = s->min;
      row.max = s->max;
      row.note = s->run->error.empty() ? s->run->label : "skipped: " + s->run->error;
      if (auto ref = reference.find(s->instance); ref != reference.end() && s->median) {
        row.reference = ref->second->run->method;
        if (*ref->second->median > 0) row.ratio = *s->median / *ref->second->median;
      }
      fam.rows.push_back(std::move(row));
    }

    for (const std::string& key : plot_keys) {
      const std::string size_name = key.substr(key.rfind('|') + 1);
      const std::string rest = key.substr(0, key.rfind('|'));
      LogLogPlot plot;
      plot.title = fam.family + (rest.empty() ? "" : ": " + rest);
      plot.x_label =
          size_name.rfind("arg", 0) == 0 ? "size (argument " + size_name.substr(3) + ")" : size_name;
      plot.y_label = "seconds per run";
      for (const std::string& m : fam.methods) {
        Series series{m, {}};
        bool present = false;
        for (const Stat& s : stats)
          if (s.run->method == m && s.plot_key == key) {
            present = true;
            if (s.size && s.median) series.points.push_back({*s.size, *s.median});
          }
        if (present) plot.series.push_back(std::move(series));
      }
      fam.plots.push_back(std::move(plot));
    }
  }
  return families;
}

CrosscheckSummary summarise_crosschecks(const std::vector<SweepRecord>& records) {
  CrosscheckSummary sum;
  std::map<std::string, CrosscheckSummary::PerModel> models;
  for (const SweepRecord& r : records) {
    if (r.record != "crosscheck") {
      ++sum.solve_runs;
      continue;
    }
    auto& m = models[r.model];
    m.model = r.model;
    ++m.runs;
    ++sum.runs;
    if (r.status == "agree")
      ++m.agree, ++sum.agree;
    else if (r.status == "disagree")
      ++m.disagree, ++sum.disagree;
    else if (r.status == "error")
      ++m.error, ++sum.error;
    else if (r.status == "time_limit")
      ++m.time_limit, ++sum.time_limit;
    else
      ++m.other, ++sum.other;
    if (r.status == "disagree" || r.status == "error") sum.disagreements.push_back(&r);
  }
  for (auto& [name, m] : models) sum.models.push_back(m);
  std::sort(sum.disagreements.begin(), sum.disagreements.end(),
            [](const SweepRecord* a, const SweepRecord* b) {
              return std::tie(a->status, a->model, a->seed) < std::tie(b->status, b->model, b->seed);
            });
  return sum;
}

namespace {

Table machine_table(const ReportInputs& in) {
  Table t{{"item", "value"}, {false, false}, {false, true}, {}, ""};
  auto add = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) t.rows.push_back({k, v});
  };
  auto text = [](const Json& j) -> std::string {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_null()) return "";
    return j.dump();
  };
  if (in.machine) {
    const Json& m = *in.machine;
    for (const char* k : {"cpu", "cores", "compiler", "build_type", "os", "date"})
      if (m.contains(k)) add(k, text(m[k]));
    if (m.contains("equilab") && m["equilab"].is_object() && m["equilab"].contains("version"))
      add("equilab version", text(m["equilab"]["version"]));
    if (m.value("quick", false))
      add("benchmark mode",
          "--quick: first instance of each benchmark, tiny minimum time (checks the harness, not the speed)");
    else if (m.contains("first_instances"))
      add("benchmark mode", "the first " + text(m["first_instances"]) + " instances of each benchmark");
  }
  if (!in.suites.empty()) {
    const Json& c = in.suites.front().context;
    if (c.contains("num_cpus")) add("CPUs (Google Benchmark)", text(c["num_cpus"]));
    if (c.contains("mhz_per_cpu")) add("MHz per CPU", text(c["mhz_per_cpu"]));
    if (c.contains("cpu_scaling_enabled")) add("CPU frequency scaling", text(c["cpu_scaling_enabled"]));
    if (c.contains("caches") && c["caches"].is_array()) {
      std::string caches;
      for (const Json& cache : c["caches"]) {
        if (!cache.is_object()) continue;
        if (!caches.empty()) caches += ", ";
        caches += "L" + text(cache.value("level", Json(0))) + " " + text(cache.value("type", Json(""))) +
                  " " + text(cache.value("size", Json(0))) + " B";
      }
      add("caches", caches);
    }
    if (c.contains("library_build_type"))
      add("Google Benchmark library build", text(c["library_build_type"]));
    if (c.contains("date")) add("benchmark date", text(c["date"]));
  }
  return t;
}

Table reproduce_table(const std::vector<ReproduceRow>& rows) {
  Table t{{"example", "paper / section", "published", "computed", "verdict", "erratum / corrected"},
          {false, false, false, false, false, false},
          {true, true, true, true, false, true},
          {},
          "Worked examples of the papers, recomputed (equilab reproduce)"};
  for (const ReproduceRow& r : rows)
    t.rows.push_back({r.example, r.paper + " \xC2\xA7" + r.section, r.published, r.computed, r.verdict,
                      r.corrected.empty() ? "" : "corrected: " + r.corrected});
  return t;
}

Table family_table(const FamilyReport& f) {
  Table t{{"method", "instance", "size", "median", "min", "max", "ratio", "note"},
          {false, false, true, true, true, true, true, false},
          {false, false, false, false, false, false, false, true},
          {},
          f.family +
              ": time per run (wall clock); ratio = median / median of the instance's reference method (" +
              (f.methods.empty() ? std::string("none") : f.methods.front()) + " where it ran)"};
  for (const BenchRow& r : f.rows)
    t.rows.push_back({r.method, r.instance, r.size ? r.size_name + "=" + format_double(*r.size) : "",
                      opt_seconds(r.median), opt_seconds(r.min), opt_seconds(r.max),
                      r.ratio ? sig3(*r.ratio) + (r.method == r.reference ? " (ref)" : "") : "", r.note});
  return t;
}

Table crosscheck_table(const CrosscheckSummary& s) {
  Table t{{"model", "instances", "agree", "disagree", "error", "time limit"},
          {false, true, true, true, true, true},
          {false, false, false, false, false, false},
          {},
          "Cross-checks: every independent method on generated instances (sweep records)"};
  for (const auto& m : s.models)
    t.rows.push_back({m.model, std::to_string(m.runs), std::to_string(m.agree), std::to_string(m.disagree),
                      std::to_string(m.error), std::to_string(m.time_limit)});
  t.rows.push_back({"all", std::to_string(s.runs), std::to_string(s.agree), std::to_string(s.disagree),
                    std::to_string(s.error), std::to_string(s.time_limit)});
  return t;
}

Table disagreement_table(const CrosscheckSummary& s) {
  Table t{{"status", "model", "seed", "reproduce with", "messages"},
          {false, false, true, false, false},
          {false, false, false, true, true},
          {},
          "Disagreements and errors, with the command that regenerates each instance"};
  for (const SweepRecord* r : s.disagreements) {
    std::string msgs;
    for (const auto& m : r->messages) msgs += (msgs.empty() ? "" : "; ") + m;
    t.rows.push_back({r->status, r->model, std::to_string(r->seed), r->generate, msgs});
  }
  return t;
}

Table solve_table(const std::vector<SweepRecord>& records) {
  Table t{{"model", "method", "runs", "ok", "time limit", "error", "median time"},
          {false, false, true, true, true, true, true},
          {false, false, false, false, false, false, false},
          {},
          "Solve records of the sweeps"};
  std::map<std::pair<std::string, std::string>, std::vector<const SweepRecord*>> groups;
  for (const SweepRecord& r : records)
    if (r.record == "solve") groups[{r.model, r.method}].push_back(&r);
  for (const auto& [key, list] : groups) {
    int ok = 0, tl = 0, err = 0;
    std::vector<double> secs;
    for (const SweepRecord* r : list) {
      ok += r->status == "ok";
      tl += r->status == "time_limit";
      err += r->status == "error";
      if (r->seconds) secs.push_back(*r->seconds);
    }
    std::sort(secs.begin(), secs.end());
    std::string median = "n/a";
    if (!secs.empty())
      median = format_seconds(secs.size() % 2 ? secs[secs.size() / 2]
                                              : (secs[secs.size() / 2 - 1] + secs[secs.size() / 2]) / 2);
    t.rows.push_back({key.first, key.second, std::to_string(list.size()), std::to_string(ok),
                      std::to_string(tl), std::to_string(err), median});
  }
  return t;
}

constexpr const char* kCss = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1a1a1a;background:#fff;margin:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem}
nav ul{padding-left:1.2rem}
.table-wrap{overflow-x:auto;max-width:100%;margin:.5rem 0 1rem 0}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-style:italic;padding:.25rem 0;caption-side:top}
th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;white-space:nowrap}
th{background:#f3f3f3}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.wide{white-space:normal;min-width:8rem;max-width:24rem;overflow-wrap:anywhere}
.plots{display:flex;flex-wrap:wrap;gap:1rem}
figure{margin:0;max-width:100%}
figure svg{max-width:100%;height:auto;display:block}
.ok{color:#1b5e20}.bad{color:#b71c1c;font-weight:bold}
.muted{color:#555}
)";

}  // namespace

RenderedReport render_report(const ReportInputs& in) {
  RenderedReport out;
  const auto families = analyse_benchmarks(in.suites);
  const auto cross = summarise_crosschecks(in.sweep);
  std::ostringstream html, md, tex;

  html << "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
       << "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\"/>\n"
       << "<title>equilab report</title>\n<style>" << kCss << "</style>\n</head>\n<body>\n<main>\n"
       << "<h1>equilab report</h1>\n<p class=\"muted\">Built from " << in.files.size()
       << " input files. Times are wall-clock time per run as Google Benchmark measures it (a floating-point "
          "measurement; what is timed is exact arithmetic unless the method says double).</p>\n";
  html << "<nav><ul><li><a href=\"#machine\">Machine</a></li><li><a href=\"#reproduce\">Worked "
          "examples</a></li>"
       << "<li><a href=\"#crosscheck\">Cross-checks</a></li><li><a href=\"#benchmarks\">Benchmarks</a><ul>";
  for (const auto& f : families)
    html << "<li><a href=\"#family-" << slug(f.family) << "\">" << xml_escape(f.family) << "</a></li>";
  html << "</ul></li></ul></nav>\n";
  md << "# equilab report\n\nBuilt from " << in.files.size()
     << " input files. Times are wall clock per run.\n\n";
  tex << "% equilab report tables; needs \\usepackage{booktabs} (and \\usepackage[utf8]{inputenc} on old "
         "LaTeX).\n\n";

  // Machine.
  const Table machine = machine_table(in);
  html << "<section id=\"machine\"><h2>Machine</h2>\n";
  md << "## Machine\n\n";
  if (machine.rows.empty()) {
    html << "<p>No machine description (run <code>equilab bench</code>, which writes machine.json).</p>\n";
    md << "No machine description.\n\n";
  } else {
    html << html_table(machine, "machine");
    md << markdown_table(machine) << "\n";
    tex << latex_table(machine, "tab:machine");
  }
  html << "</section>\n";

  // Reproduce.
  html << "<section id=\"reproduce\"><h2>Worked examples of the papers</h2>\n";
  md << "## Worked examples of the papers\n\n";
  if (in.reproduce.empty()) {
    html << "<p>No reproduce table (run <code>equilab reproduce --json</code>).</p>\n";
    md << "No reproduce table.\n\n";
  } else {
    const auto ok =
        std::count_if(in.reproduce.begin(), in.reproduce.end(), [](const ReproduceRow& r) { return r.ok; });
    html << "<p class=\"" << (ok == static_cast<long>(in.reproduce.size()) ? "ok" : "bad") << "\">"
         << in.reproduce.size() << " examples, " << ok << " reproduced.</p>\n";
    md << in.reproduce.size() << " examples, " << ok << " reproduced.\n\n";
    const Table t = reproduce_table(in.reproduce);
    html << html_table(t, "reproduce");
    md << markdown_table(t) << "\n";
    tex << latex_table(t, "tab:reproduce");
  }
  html << "</section>\n";

  // Cross-checks.
  html << "<section id=\"crosscheck\"><h2>Cross-checks</h2>\n";
  md << "## Cross-checks\n\n";
  if (cross.runs == 0 && cross.solve_runs == 0) {
    html << "<p>No sweep records (run <code>equilab sweep</code>).</p>\n";
    md << "No sweep records.\n\n";
  } else {
    const std::string line = std::to_string(cross.runs) +
                             " instances cross-checked: " + std::to_string(cross.agree) + " agree, " +
                             std::to_string(cross.disagree) + " disagree, " + std::to_string(cross.error) +
                             " error, " + std::to_string(cross.time_limit) + " at the time limit.";
    html << "<p class=\"" << (cross.disagree + cross.error == 0 ? "ok" : "bad")
         << "\" id=\"crosscheck-summary\">" << xml_escape(line) << "</p>\n";
    md << line << "\n\n";
    if (cross.runs > 0) {
      const Table t = crosscheck_table(cross);
      html << html_table(t, "crosscheck");
      md << markdown_table(t) << "\n";
      tex << latex_table(t, "tab:crosscheck");
    }
    if (!cross.disagreements.empty()) {
      const Table t = disagreement_table(cross);
      html << html_table(t, "disagreements");
      md << markdown_table(t) << "\n";
      tex << latex_table(t, "tab:disagreements");
    }
    if (cross.solve_runs > 0) {
      const Table t = solve_table(in.sweep);
      html << html_table(t, "solves");
      md << markdown_table(t) << "\n";
    }
  }
  html << "</section>\n";

  // Benchmarks.
  html << "<section id=\"benchmarks\"><h2>Benchmarks</h2>\n";
  md << "## Benchmarks\n\n";
  if (families.empty()) {
    html << "<p>No benchmark results (run <code>equilab bench</code>).</p>\n";
    md << "No benchmark results.\n\n";
  }
  for (const auto& f : families) {
    html << "<section id=\"family-" << slug(f.family) << "\"><h3>" << xml_escape(f.family) << "</h3>\n";
    md << "### " << f.family << "\n\n";
    const Table t = family_table(f);
    html << html_table(t, "bench");
    md << markdown_table(t) << "\n";
    tex << latex_table(t, "tab:bench-" + slug(f.family));
    html << "<div class=\"plots\">\n";
    for (std::size_t i = 0; i < f.plots.size(); ++i) {
      const std::string file = "plot-" + slug(f.family) + "-" + std::to_string(i + 1) + ".svg";
      out.svgs.emplace_back(file, render_svg(f.plots[i], true));
      std::string caption = f.plots[i].title + ": time against " + f.plots[i].x_label + ", fitted exponents:";
      for (const Series& s : f.plots[i].series) {
        const auto fit = fit_power_law(s.points);
        char buf[48];
        if (fit) std::snprintf(buf, sizeof buf, "%.2f", fit->exponent);
        caption += " " + s.name + " " + (fit ? std::string(buf) : std::string("n/a")) + ";";
      }
      caption.pop_back();
      html << "<figure>" << render_svg(f.plots[i], false) << "<figcaption class=\"muted\">"
           << xml_escape(caption) << " (<a href=\"" << file << "\">" << file
           << "</a>)</figcaption></figure>\n";
      md << "![" << md_cell(f.plots[i].title) << "](" << file << ")\n\n" << md_cell(caption) << "\n\n";
    }
    html << "</div>\n</section>\n";
  }
  html << "</section>\n</main>\n</body>\n</html>\n";

  out.html = html.str();
  out.markdown = md.str();
  out.latex = tex.str();
  return out;
}

std::string write_report(const ReportInputs& inputs, const std::string& out_dir) {
  const RenderedReport r = render_report(inputs);
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (!fs::is_directory(out_dir)) throw InputError(out_dir, "--out", "cannot create the folder");
  auto write = [&](const std::string& name, const std::string& text) {
    const std::string path = (fs::path(out_dir) / name).string();
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!(f << text)) throw InputError(path, "--out", "cannot write the file");
  };
  for (const auto& [name, svg] : r.svgs) write(name, svg);
  write("report.md", r.markdown);
  write("report-tables.tex", r.latex);
  write("index.html", r.html);
  return (fs::path(out_dir) / "index.html").string();
}

}  // namespace equilab::reports
