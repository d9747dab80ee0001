// `equilab reproduce`: recompute every worked example in catalog/ and compare with
// the published answer. A catalog entry (catalog/<paper>/<section>_<example>.json):
//   {"catalog":1, "paper":"<short id>", "reference":"<citation>", "section":"...",
//    "example":"<name>", "method":"<optional; the family default otherwise>", "instance":{<an instance of any model>},
//    "published":{<the paper's answer>},
//    "corrected":{<the true answer, only when the paper is wrong>}, "erratum":"<what is wrong>",
//    "derived":"<only when the paper states less than `published` holds: what it states and how the
//               rest was derived by hand>", "note":"<free text>"}
// An entry with "corrected" passes when the computation matches the corrected answer;
// the table shows the published one beside it.
#include "commands.h"
#include "family.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace equilab::cli {
namespace {

struct Row {
  std::string file, paper, section, example, published, corrected, computed, verdict, erratum, derived;
  bool ok = false;
};

std::string default_catalog() { return std::string(EQUILAB_SOURCE_DIR) + "/catalog"; }

std::string published_text(const JsonNode& node) {
  std::string text;
  for (const auto& [key, value] : node.members()) {
    if (!text.empty()) text += "; ";
    text += key + " " + (value.raw().is_string() ? value.as_string() : value.raw().dump());
  }
  return text;
}

Row reproduce_entry(const std::string& path) {
  Json doc = load_json_file(path);
  JsonNode entry(doc, path);
  entry.expect_object({"catalog", "paper", "reference", "section", "example", "method", "instance", "published", "corrected", "erratum", "derived",
                       "note"});
  if (entry.at("catalog").as_int() != 1) entry.at("catalog").fail("unsupported catalog version (expected 1)");
  Row row;
  row.file = path;
  row.paper = entry.at("paper").as_string();
  row.section = entry.at("section").as_string();
  row.example = entry.at("example").as_string();
  JsonNode instance = entry.at("instance");
  const Family& family = family_for_model(instance.at("model").as_string(), path);
  InstanceSource source{path, instance.raw()};
  SolveRequest request;
  if (auto method = entry.find("method")) request.method = method->as_string();
  Json result = family.solve(source, request);
  CheckOutcome verdict = family.verify(source, JsonNode(result, path + " (computed result)"), request);

  JsonNode published = entry.at("published");
  auto [computed, matches_published] = family.compare(source, result, published);
  row.computed = computed;
  row.published = published_text(published);
  if (auto derived = entry.find("derived")) {
    row.derived = derived->as_string();
    row.published = "(derived by hand) " + row.published;
  }
  if (auto erratum = entry.find("erratum")) row.erratum = erratum->as_string();
  bool matches_expected = matches_published;
  if (auto corrected = entry.find("corrected")) {
    row.corrected = published_text(*corrected);
    matches_expected = family.compare(source, result, *corrected).second;
  }
  row.ok = verdict.ok && matches_expected;
  if (!verdict.ok) row.verdict = "CERTIFICATE REJECTED";
  else if (!matches_expected) row.verdict = "MISMATCH";
  else if (!row.corrected.empty()) row.verdict = matches_published ? "match (erratum not confirmed)" : "erratum confirmed";
  else row.verdict = "match";
  return row;
}

std::vector<std::string> catalog_files(const std::string& root) {
  std::vector<std::string> files;
  if (!std::filesystem::is_directory(root)) throw InputError(root, "--catalog", "not a folder");
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string markdown_table(const std::vector<Row>& rows) {
  std::ostringstream os;
  os << "| paper | section | example | published | corrected | computed | verdict |\n";
  os << "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& r : rows)
    os << "| " << r.paper << " | " << r.section << " | " << r.example << " | " << r.published << " | "
       << (r.corrected.empty() ? "" : r.corrected) << " | " << r.computed << " | " << r.verdict << " |\n";
  return os.str();
}

}  // namespace

int run_reproduce(const ReproduceArgs& args) {
  const std::string root = args.catalog.empty() ? default_catalog() : args.catalog;
  std::vector<Row> rows;
  for (const auto& file : catalog_files(root)) {
    Json doc = load_json_file(file);
    if (!args.paper.empty() && doc.value("paper", "") != args.paper) continue;
    rows.push_back(reproduce_entry(file));
  }
  if (rows.empty()) throw InputError(root, "--paper", "no catalog entries" + (args.paper.empty() ? std::string() : " for paper \"" + args.paper + "\""));
  const bool all_ok = std::all_of(rows.begin(), rows.end(), [](const Row& r) { return r.ok; });

  if (args.json) {
    Json out = Json::array();
    for (const auto& r : rows)
      out.push_back({{"paper", r.paper}, {"section", r.section}, {"example", r.example}, {"published", r.published},
                     {"corrected", r.corrected}, {"computed", r.computed}, {"verdict", r.verdict}, {"ok", r.ok},
                     {"erratum", r.erratum}, {"derived", r.derived}});
    std::cout << out.dump(1) << "\n";
  } else {
    std::cout << markdown_table(rows);
    std::cout << rows.size() << " examples, " << std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.ok; })
              << " reproduced\n";
  }
  if (!args.report.empty()) {
    std::ofstream out(args.report);
    if (!out) throw InputError(args.report, "--report", "cannot create file");
    out << "# equilab: reproduction of the catalog\n\n" << markdown_table(rows);
  }
  return all_ok ? 0 : 1;
}

}  // namespace equilab::cli
