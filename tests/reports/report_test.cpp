// The report: benchmark names parsed into method/case/arguments, the family tables (median, min,
// max, ratio; hand-computed below), the reproduce table and the cross-check counts, and the HTML,
// SVG, Markdown and LaTeX outputs parsed back (XHTML and SVG with libxml2).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "reports/machine.h"
#include "reports/report_inputs.h"
#include "reports/report_writer.h"
#include "xml_doc.h"

namespace {

namespace fs = std::filesystem;
using namespace equilab;
using namespace equilab::reports;
using equilab::testing::XmlDoc;

// Two methods on n = 10, 100 (and Slow alone on 1000, skipped), three repetitions each:
//   Fast n=10:  1, 3, 2 ms       -> median 2 ms, min 1, max 3   (the "median" aggregate 99 ms is ignored:
//                                   the iteration runs are there)
//   Fast n=100: 20, 10, 30 ms    -> median 20 ms
//   Slow n=10:  4, 4, 4 ms       -> median 4 ms, ratio 4/2 = 2
//   Slow n=100: 0.4, 0.5, 0.4 s  -> median 0.4 s, ratio 400/20 = 20
// Exponents: Fast 2 -> 20 ms over one decade: 1; Slow 4 ms -> 400 ms: 2.
const char* kDemoBench = R"({
 "context": {"date": "2026-01-01T00:00:00+00:00", "host_name": "h", "executable": "./bench/bench_demo",
             "num_cpus": 2, "mhz_per_cpu": 2000, "cpu_scaling_enabled": false,
             "caches": [{"type": "Data", "level": 1, "size": 32768, "num_sharing": 1}],
             "library_build_type": "release"},
 "benchmarks": [
  {"name": "Fast/n:10", "run_name": "Fast/n:10", "run_type": "iteration", "repetitions": 3, "repetition_index": 0,
   "threads": 1, "iterations": 100, "real_time": 1.0, "cpu_time": 1.0, "time_unit": "ms"},
  {"name": "Fast/n:10", "run_name": "Fast/n:10", "run_type": "iteration", "repetitions": 3, "repetition_index": 1,
   "threads": 1, "iterations": 100, "real_time": 3.0, "cpu_time": 3.0, "time_unit": "ms"},
  {"name": "Fast/n:10", "run_name": "Fast/n:10", "run_type": "iteration", "repetitions": 3, "repetition_index": 2,
   "threads": 1, "iterations": 100, "real_time": 2.0, "cpu_time": 2.0, "time_unit": "ms"},
  {"name": "Fast/n:10_median", "run_name": "Fast/n:10", "run_type": "aggregate", "repetitions": 3, "threads": 1,
   "aggregate_name": "median", "aggregate_unit": "time", "iterations": 3, "real_time": 99.0, "cpu_time": 99.0,
   "time_unit": "ms"},
  {"name": "Fast/n:100", "run_name": "Fast/n:100", "run_type": "iteration", "real_time": 20000, "cpu_time": 1, "time_unit": "us"},
  {"name": "Fast/n:100", "run_name": "Fast/n:100", "run_type": "iteration", "real_time": 10000, "cpu_time": 1, "time_unit": "us"},
  {"name": "Fast/n:100", "run_name": "Fast/n:100", "run_type": "iteration", "real_time": 30000, "cpu_time": 1, "time_unit": "us"},
  {"name": "Slow/n:10", "run_name": "Slow/n:10", "run_type": "iteration", "real_time": 4, "cpu_time": 4, "time_unit": "ms", "label": "optimal"},
  {"name": "Slow/n:10", "run_name": "Slow/n:10", "run_type": "iteration", "real_time": 4, "cpu_time": 4, "time_unit": "ms", "label": "optimal"},
  {"name": "Slow/n:10", "run_name": "Slow/n:10", "run_type": "iteration", "real_time": 4, "cpu_time": 4, "time_unit": "ms", "label": "optimal"},
  {"name": "Slow/n:100", "run_name": "Slow/n:100", "run_type": "iteration", "real_time": 0.4, "cpu_time": 0.4, "time_unit": "s"},
  {"name": "Slow/n:100", "run_name": "Slow/n:100", "run_type": "iteration", "real_time": 0.5, "cpu_time": 0.5, "time_unit": "s"},
  {"name": "Slow/n:100", "run_name": "Slow/n:100", "run_type": "iteration", "real_time": 0.4, "cpu_time": 0.4, "time_unit": "s"},
  {"name": "Slow/n:1000", "run_name": "Slow/n:1000", "run_type": "iteration", "error_occurred": true,
   "error_message": "n=1000 above the cap", "iterations": 0, "real_time": 0, "cpu_time": 0, "time_unit": "ms"}
 ]})";

// Aggregates only (ReportAggregatesOnly): median 7 ms, min and max unknown. The family comes from
// the custom context "family".
const char* kAggBench = R"({
 "context": {"family": "agg", "executable": "./bench/bench_other"},
 "benchmarks": [
  {"name": "BM_Agg/5/4/iterations:1/repeats:3_mean", "run_name": "BM_Agg/5/4/iterations:1/repeats:3",
   "run_type": "aggregate", "aggregate_name": "mean", "real_time": 8, "cpu_time": 8, "time_unit": "ms"},
  {"name": "BM_Agg/5/4/iterations:1/repeats:3_median", "run_name": "BM_Agg/5/4/iterations:1/repeats:3",
   "run_type": "aggregate", "aggregate_name": "median", "aggregate_unit": "time", "real_time": 7, "cpu_time": 7,
   "time_unit": "ms"},
  {"name": "BM_Agg/5/4/iterations:1/repeats:3_cv", "run_name": "BM_Agg/5/4/iterations:1/repeats:3",
   "run_type": "aggregate", "aggregate_name": "cv", "aggregate_unit": "percentage", "real_time": 0.1,
   "cpu_time": 0.1, "time_unit": "ms"}
 ]})";

const char* kReproduce = R"([
 {"computed": "objective 36", "corrected": "", "example": "wyndor", "ok": true, "paper": "textbook",
  "published": "objective 36", "section": "3.1", "verdict": "match"},
 {"computed": "welfare 7/2", "corrected": "welfare 7/2", "example": "mu12", "ok": true, "paper": "wang2019",
  "published": "welfare 4", "section": "2.4.1", "verdict": "erratum confirmed"}
])";

std::string record(const std::string& kind, const std::string& model, int seed, const std::string& status,
                   const std::string& extra = "") {
  return R"({"record":")" + kind + R"(","model":")" + model + R"(","seed":)" + std::to_string(seed) +
         R"(,"generate":"equilab generate )" + model + " --seed " + std::to_string(seed) +
         R"(","size":{"--vars":"3"},"status":")" + status + R"(","messages":["m)" + std::to_string(seed) +
         R"("],"seconds":0.5,"equilab":{"version":"v1"})" + extra + "}";
}

ReportInputs demo_inputs() {
  ReportInputs in;
  std::ostringstream warn;
  EXPECT_TRUE(add_document(in, Json::parse(kDemoBench), "data/bench_demo.json", warn));
  EXPECT_TRUE(add_document(in, Json::parse(kAggBench), "data/bench_other.json", warn));
  EXPECT_TRUE(add_document(in, Json::parse(kReproduce), "data/reproduce.json", warn));
  // Cross-checks: groups seeds 1, 2, 3 agree; lp seed 17 disagrees; interim seed 5 errs; one solve.
  for (int s : {1, 2, 3})
    EXPECT_TRUE(add_document(in, Json::parse(record("crosscheck", "groups", s, "agree")), "r.json", warn));
  EXPECT_TRUE(add_document(in, Json::parse(record("crosscheck", "lp", 17, "disagree")), "r17.json", warn));
  EXPECT_TRUE(add_document(in, Json::parse(record("crosscheck", "interim", 5, "error")), "r5.json", warn));
  EXPECT_TRUE(add_document(in, Json::parse(record("solve", "lp", 9, "ok", R"(,"method":"exact-simplex")")),
                           "s.json", warn));
  EXPECT_EQ(warn.str(), "");
  return in;
}

TEST(RunName, MethodCaseAndArguments) {
  BenchRun r;
  parse_run_name("BM_TuPath/10", r);
  EXPECT_EQ(r.method, "TuPath");
  EXPECT_EQ(r.case_name, "");
  EXPECT_EQ(r.args, (std::vector<std::pair<std::string, double>>{{"arg1", 10}}));
  parse_run_name("exact-simplex/n:20/density_permille:1000", r);
  EXPECT_EQ(r.method, "exact-simplex");
  EXPECT_EQ(r.args, (std::vector<std::pair<std::string, double>>{{"n", 20}, {"density_permille", 1000}}));
  parse_run_name("Lp/matching/players:2/types:2/objects:4", r);
  EXPECT_EQ(r.method, "Lp");
  EXPECT_EQ(r.case_name, "matching");
  EXPECT_EQ(r.args.size(), 3u);
  EXPECT_EQ(r.args[2], (std::pair<std::string, double>{"objects", 4}));
  parse_run_name("WelfareLpExact/5/4/iterations:1/repeats:3", r);
  EXPECT_EQ(r.method, "WelfareLpExact");
  EXPECT_EQ(r.args, (std::vector<std::pair<std::string, double>>{{"arg1", 5}, {"arg2", 4}}));
  parse_run_name("Solo", r);
  EXPECT_EQ(r.method, "Solo");
  EXPECT_TRUE(r.args.empty());
}

TEST(BenchmarkJson, FamilyFromExecutableOrContext) {
  EXPECT_EQ(parse_benchmark_json(Json::parse(kDemoBench), "x.json").family, "demo");
  EXPECT_EQ(parse_benchmark_json(Json::parse(kAggBench), "x.json").family, "agg");
  EXPECT_EQ(parse_benchmark_json(Json::parse(R"({"context":{},"benchmarks":[]})"), "d/bench_lp.json").family,
            "lp");
}

TEST(Analyse, TableRowsAndRatios) {
  const ReportInputs in = demo_inputs();
  const auto fams = analyse_benchmarks(in.suites);
  ASSERT_EQ(fams.size(), 2u);
  const FamilyReport& demo = fams[0];
  EXPECT_EQ(demo.family, "demo");
  EXPECT_EQ(demo.methods, (std::vector<std::string>{"Fast", "Slow"}));
  ASSERT_EQ(demo.rows.size(), 5u);
  struct Want {
    std::string method, instance;
    double size, median;
    std::optional<double> min, max, ratio;
  };
  const std::vector<Want> want = {{"Fast", "n=10", 10, 0.002, 0.001, 0.003, 1.0},
                                  {"Slow", "n=10", 10, 0.004, 0.004, 0.004, 2.0},
                                  {"Fast", "n=100", 100, 0.02, 0.01, 0.03, 1.0},
                                  {"Slow", "n=100", 100, 0.4, 0.4, 0.5, 20.0}};
  for (std::size_t i = 0; i < want.size(); ++i) {
    const BenchRow& r = demo.rows[i];
    SCOPED_TRACE(r.method + " " + r.instance);
    EXPECT_EQ(r.method, want[i].method);
    EXPECT_EQ(r.instance, want[i].instance);
    EXPECT_EQ(r.size_name, "n");
    EXPECT_EQ(r.size, want[i].size);
    // Unit conversions (ms, us, s to seconds) are floating-point products: within 1 ulp-ish bounds.
    EXPECT_DOUBLE_EQ(*r.median, want[i].median);
    EXPECT_DOUBLE_EQ(*r.min, *want[i].min);
    EXPECT_DOUBLE_EQ(*r.max, *want[i].max);
    EXPECT_DOUBLE_EQ(*r.ratio, *want[i].ratio);
    EXPECT_EQ(r.reference, "Fast");
  }
  EXPECT_EQ(demo.rows[1].note, "optimal");
  EXPECT_EQ(demo.rows[4].method, "Slow");
  EXPECT_EQ(demo.rows[4].instance, "n=1000");
  EXPECT_FALSE(demo.rows[4].median);
  EXPECT_FALSE(demo.rows[4].ratio);
  EXPECT_EQ(demo.rows[4].note, "skipped: n=1000 above the cap");

  // One plot: both methods against n, with exactly their valid points.
  ASSERT_EQ(demo.plots.size(), 1u);
  ASSERT_EQ(demo.plots[0].series.size(), 2u);
  EXPECT_EQ(demo.plots[0].x_label, "n");
  EXPECT_EQ(demo.plots[0].series[0].points.size(), 2u);
  EXPECT_EQ(demo.plots[0].series[1].points.size(), 2u);  // n=1000 was skipped
  EXPECT_NEAR(fit_power_law(demo.plots[0].series[0].points)->exponent, 1, 1e-9);
  EXPECT_NEAR(fit_power_law(demo.plots[0].series[1].points)->exponent, 2, 1e-9);

  const FamilyReport& agg = fams[1];
  ASSERT_EQ(agg.rows.size(), 1u);
  EXPECT_EQ(agg.rows[0].method, "Agg");
  EXPECT_EQ(agg.rows[0].instance, "arg1=5 arg2=4");
  EXPECT_DOUBLE_EQ(*agg.rows[0].median, 0.007);
  EXPECT_FALSE(agg.rows[0].min);
  EXPECT_FALSE(agg.rows[0].max);
  EXPECT_DOUBLE_EQ(*agg.rows[0].ratio, 1.0);
}

TEST(Crosscheck, CountsAndSeeds) {
  const ReportInputs in = demo_inputs();
  const auto s = summarise_crosschecks(in.sweep);
  EXPECT_EQ(s.runs, 5);
  EXPECT_EQ(s.agree, 3);
  EXPECT_EQ(s.disagree, 1);
  EXPECT_EQ(s.error, 1);
  EXPECT_EQ(s.time_limit, 0);
  EXPECT_EQ(s.solve_runs, 1);
  ASSERT_EQ(s.disagreements.size(), 2u);
  EXPECT_EQ(s.disagreements[0]->seed, 17u);
  EXPECT_EQ(s.disagreements[0]->model, "lp");
  EXPECT_EQ(s.disagreements[1]->seed, 5u);
  ASSERT_EQ(s.models.size(), 3u);  // groups, interim, lp (alphabetical)
  EXPECT_EQ(s.models[0].model, "groups");
  EXPECT_EQ(s.models[0].agree, 3);
}

std::vector<std::string> row_cells(const XmlDoc& doc, xmlNodePtr tr) {
  std::vector<std::string> cells;
  for (xmlNodePtr td : doc.nodes("./h:td", tr)) cells.push_back(XmlDoc::text(td));
  return cells;
}

TEST(Html, ParsesAsXhtmlWithEveryTableAndPlot) {
  const RenderedReport r = render_report(demo_inputs());
  const XmlDoc doc(r.html);
  ASSERT_TRUE(doc.ok()) << r.html;
  EXPECT_EQ(doc.nodes("/h:html/h:head/h:style").size(), 1u);
  // Self-contained: no scripts, no external style sheets or images.
  EXPECT_EQ(doc.nodes("//h:script | //h:link | //h:img | //h:iframe | //s:script").size(), 0u);
  EXPECT_EQ(doc.nodes("//@src | //@href[contains(., ':')]").size(), 0u);
  // Every table sits in a horizontally scrolling container.
  const auto tables = doc.nodes("//h:table");
  EXPECT_EQ(tables.size(), doc.nodes("//h:div[@class='table-wrap']/h:table").size());
  // One inline SVG per plot (demo: 1, agg: 1), and one file each.
  EXPECT_EQ(doc.nodes("//s:svg").size(), 2u);
  ASSERT_EQ(r.svgs.size(), 2u);
  EXPECT_EQ(r.svgs[0].first, "plot-demo-1.svg");
  for (const auto& [name, svg] : r.svgs) EXPECT_TRUE(XmlDoc(svg).ok()) << name;
  // The inline plot of demo holds the table's medians: Fast 2 ms, 20 ms; Slow 4 ms, 400 ms.
  const auto fast = doc.nodes("//h:section[@id='family-demo']//s:g[@data-series='Fast']/*[@class='marker']");
  ASSERT_EQ(fast.size(), 2u);
  EXPECT_EQ(XmlDoc::attr(fast[0], "data-x"), "10");
  EXPECT_EQ(XmlDoc::attr(fast[1], "data-y"), "0.02");
  EXPECT_EQ(doc.nodes("//h:section[@id='family-demo']//s:g[@data-series='Slow']/*[@class='marker']").size(),
            2u);

  // The reproduce table, row by row.
  const auto repro = doc.nodes("//h:table[@class='reproduce']/h:tbody/h:tr");
  ASSERT_EQ(repro.size(), 2u);
  EXPECT_EQ(row_cells(doc, repro[0]),
            (std::vector<std::string>{"wyndor",
                                      "textbook \xC2\xA7"
                                      "3.1",
                                      "objective 36", "objective 36", "match", ""}));
  EXPECT_EQ(
      row_cells(doc, repro[1]),
      (std::vector<std::string>{"mu12",
                                "wang2019 \xC2\xA7"
                                "2.4.1",
                                "welfare 4", "welfare 7/2", "erratum confirmed", "corrected: welfare 7/2"}));
  // The cross-check summary and the seeds of the disagreements.
  ASSERT_EQ(doc.nodes("//h:p[@id='crosscheck-summary']").size(), 1u);
  EXPECT_EQ(XmlDoc::text(doc.nodes("//h:p[@id='crosscheck-summary']")[0]),
            "5 instances cross-checked: 3 agree, 1 disagree, 1 error, 0 at the time limit.");
  const auto totals = doc.nodes("//h:table[@class='crosscheck']/h:tbody/h:tr[last()]");
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(row_cells(doc, totals[0]), (std::vector<std::string>{"all", "5", "3", "1", "1", "0"}));
  const auto dis = doc.nodes("//h:table[@class='disagreements']/h:tbody/h:tr");
  ASSERT_EQ(dis.size(), 2u);
  EXPECT_EQ(row_cells(doc, dis[0]),
            (std::vector<std::string>{"disagree", "lp", "17", "equilab generate lp --seed 17", "m17"}));
  EXPECT_EQ(row_cells(doc, dis[1])[2], "5");
  // A benchmark row: method, instance, size, median, min, max, ratio, note.
  const auto bench = doc.nodes("//h:section[@id='family-demo']//h:table[@class='bench']/h:tbody/h:tr");
  ASSERT_EQ(bench.size(), 5u);
  EXPECT_EQ(row_cells(doc, bench[3]),
            (std::vector<std::string>{"Slow", "n=100", "n=100", "400 ms", "400 ms", "500 ms", "20.0", ""}));
  EXPECT_EQ(row_cells(doc, bench[0])[6], "1.00 (ref)");
  // The machine table takes what the benchmark context says.
  EXPECT_EQ(doc.nodes("//h:table[@class='machine']/h:tbody/h:tr[h:td='CPUs (Google Benchmark)']").size(), 1u);
}

TEST(Markdown, TablesAndPlotLinks) {
  const RenderedReport r = render_report(demo_inputs());
  EXPECT_NE(r.markdown.find("| Slow | n=100 | n=100 | 400 ms | 400 ms | 500 ms | 20.0 |   |\n"),
            std::string::npos)
      << r.markdown;
  EXPECT_NE(r.markdown.find("![demo](plot-demo-1.svg)"), std::string::npos);
  EXPECT_NE(r.markdown.find("| mu12 | wang2019 \xC2\xA7"
                            "2.4.1 | welfare 4 | welfare 7/2 | erratum confirmed |"),
            std::string::npos);
}

TEST(Latex, BooktabsTablesEscaped) {
  const RenderedReport r = render_report(demo_inputs());
  auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (auto p = r.latex.find(s); p != std::string::npos; p = r.latex.find(s, p + 1)) ++n;
    return n;
  };
  // machine, reproduce, crosscheck, disagreements, demo, agg.
  EXPECT_EQ(count("\\toprule"), 6u);
  EXPECT_EQ(count("\\midrule"), 6u);
  EXPECT_EQ(count("\\bottomrule"), 6u);
  EXPECT_EQ(count("\\begin{tabular}"), count("\\end{tabular}"));
  EXPECT_NE(r.latex.find("Slow & n=100 & n=100 & 400 ms & 400 ms & 500 ms & 20.0 &  \\\\"),
            std::string::npos);
  EXPECT_NE(r.latex.find("wang2019 \\S{}2.4.1"), std::string::npos) << r.latex;
  EXPECT_EQ(r.latex.find("num_cpus"), std::string::npos);
  EXPECT_NE(r.latex.find("1.00 ms"), std::string::npos);
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("equilab_reports_" + std::to_string(::getpid()) + "_" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
  }
  std::string read(const std::string& name) const {
    std::ifstream f(path / name);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
  }
};

TEST(LoadInputs, RecognisesShapesAndWarnsOnTheRest) {
  TempDir d;
  d.write("data/bench_demo.json", kDemoBench);
  d.write("data/reproduce.json", kReproduce);
  d.write("data/sweep/a.json", record("crosscheck", "lp", 17, "disagree"));
  d.write("data/sweep/b.json", record("crosscheck", "lp", 18, "agree"));
  d.write("data/machine.json", R"({"equilab_machine":1,"cpu":"Test CPU","cores":2})");
  d.write("data/unknown.json", R"({"hello":1})");
  d.write("data/broken.json", "{");
  d.write("data/notes.txt", "not json, not read");
  d.write("extra.json", record("solve", "lp", 3, "ok"));
  std::ostringstream warn;
  const ReportInputs in = load_inputs({(d.path / "data").string(), (d.path / "extra.json").string()}, warn);
  EXPECT_EQ(in.suites.size(), 1u);
  EXPECT_EQ(in.reproduce.size(), 2u);
  EXPECT_EQ(in.sweep.size(), 3u);
  ASSERT_TRUE(in.machine);
  EXPECT_EQ(in.files.size(), 6u);
  EXPECT_NE(warn.str().find("unknown.json"), std::string::npos) << warn.str();
  EXPECT_NE(warn.str().find("broken.json"), std::string::npos) << warn.str();
  EXPECT_EQ(warn.str().find("notes.txt"), std::string::npos);
  EXPECT_THROW(load_inputs({(d.path / "missing").string()}, warn), InputError);
}

TEST(LoadInputs, BadFieldsNameFileAndPointer) {
  std::ostringstream warn;
  ReportInputs in;
  try {
    add_document(in, Json::parse(R"({"record":"crosscheck","model":"lp","seed":"x","status":"agree"})"),
                 "r.json", warn);
    FAIL() << "accepted a string seed";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "r.json");
    EXPECT_EQ(e.location(), "/seed");
  }
  try {
    add_document(
        in, Json::parse(R"({"context":{},"benchmarks":[{"name":"a","real_time":1,"time_unit":"parsec"}]})"),
        "b.json", warn);
    FAIL() << "accepted a bad time unit";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location(), "/benchmarks/0/time_unit");
  }
  try {
    add_document(in, Json::parse(R"([{"example":"e","verdict":"match","paper":"p","section":"1"}])"),
                 "p.json", warn);
    FAIL() << "accepted a reproduce row without fields";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location(), "/0");
  }
}

TEST(WriteReport, WritesItsOwnFilesOnly) {
  TempDir d;
  d.write("out/keep.txt", "the user's notes");
  d.write("out/figure.png", "not ours");
  const std::string index = write_report(demo_inputs(), (d.path / "out").string());
  EXPECT_EQ(index, (d.path / "out" / "index.html").string());
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(d.path / "out")) files.insert(e.path().filename().string());
  EXPECT_EQ(files, (std::set<std::string>{"keep.txt", "figure.png", "index.html", "report.md",
                                          "report-tables.tex", "plot-demo-1.svg", "plot-agg-1.svg"}));
  EXPECT_EQ(d.read("out/keep.txt"), "the user's notes");
  EXPECT_EQ(d.read("out/figure.png"), "not ours");
  EXPECT_TRUE(XmlDoc(d.read("out/index.html")).ok());
  for (const char* svg : {"out/plot-demo-1.svg", "out/plot-agg-1.svg"}) {
    const XmlDoc doc(d.read(svg));
    ASSERT_TRUE(doc.ok()) << svg;
    EXPECT_EQ(doc.nodes("/s:svg").size(), 1u);
  }
}

TEST(Machine, CpuModelFromCpuinfo) {
  EXPECT_EQ(cpu_model("processor\t: 0\nvendor_id\t: X\nmodel name\t: Test CPU 3000  \nflags\t\t: fpu\n"),
            "Test CPU 3000");
  EXPECT_EQ(cpu_model("processor\t: 0\n"), "unknown");
  const Json m = describe_machine();
  EXPECT_EQ(m.at("equilab_machine"), 1);
  for (const char* k : {"cpu", "cores", "compiler", "build_type", "os", "date"})
    EXPECT_TRUE(m.contains(k)) << k;
}

TEST(FormatSeconds, ReadableUnits) {
  EXPECT_EQ(format_seconds(1.5), "1.50 s");
  EXPECT_EQ(format_seconds(0.0123), "12.3 ms");
  EXPECT_EQ(format_seconds(0.4), "400 ms");
  EXPECT_EQ(format_seconds(2.5e-6), "2.50 \xC2\xB5s");
  EXPECT_EQ(format_seconds(8.5e-7), "850 ns");
  EXPECT_EQ(format_seconds(250), "250 s");
}

}  // namespace
