// The "groups" instance and result formats: reading, canonicalisation, round trips, and the
// bad-input corpus under tests/bad_inputs/groups/ (every message names file and pointer).
#include "groups/enumerate.h"
#include "groups/json_io.h"
#include "groups_model/wang_examples.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace equilab::groups {
namespace {

const std::string kBadDir = std::string(EQUILAB_SOURCE_DIR) + "/tests/bad_inputs/groups/";

GroupsInstance parse(const std::string& text, const std::string& name = "inline.json") {
  Json root = parse_json_text(text, name);
  return read_groups_json(JsonNode(root, name));
}

// Round trip through text: write, dump, parse, read, write again.
Json reread(const GroupsInstance& instance) {
  Json doc = write_groups_json(instance);
  return write_groups_json(parse(doc.dump()));
}

const char* kWang242 = R"({"model":"groups","version":1,"name":"wang-2.4.2",
 "types":[{"name":"1","mass":"1"},{"name":"2","mass":"1"},{"name":"3","mass":"1"}],
 "min_size":2,"max_size":3,
 "value":{"kind":"table","default":"0","groups":[{"group":["1","2","2"],"value":"9"},
   {"group":["3","3","3"],"value":"4"},{"group":["1","2"],"value":"2"},{"group":["3","3"],"value":"3"}]}})";

TEST(GroupsJson, ReadsTheIssueExample) {
  GroupsInstance in = parse(kWang242);
  EXPECT_EQ(in.name, "wang-2.4.2");
  ASSERT_EQ(in.num_types(), 3);
  EXPECT_EQ(in.types[1].name, "2");
  EXPECT_EQ(in.types[1].mass, Rational(1));
  EXPECT_EQ(in.min_size, 2);
  EXPECT_EQ(in.max_size, 3);
  const auto& table = std::get<TableValue>(in.value);
  EXPECT_EQ(table.default_value, Rational(0));
  EXPECT_EQ(table.values, std::get<TableValue>(examples::wang_242().value).values);
  EXPECT_EQ(write_groups_json(in), write_groups_json(examples::wang_242()));
}

TEST(GroupsJson, TableGroupsAreCanonicalised) {
  GroupsInstance in = parse(R"({"model":"groups","version":1,"types":[{"name":"x","mass":2},{"name":"y","mass":"1/3"}],
    "min_size":1,"max_size":3,"value":{"kind":"table","groups":[{"group":["y","x","y"],"value":"0.5"},
    {"group":["y","x"],"value":"-7/14"}]}})");
  EXPECT_EQ(in.name, "");
  EXPECT_EQ(in.types[0].mass, Rational(2));  // JSON integer accepted
  EXPECT_EQ(in.types[1].mass, Rational(1, 3));
  const auto& table = std::get<TableValue>(in.value);
  EXPECT_EQ(table.default_value, Rational(0));  // default "0"
  EXPECT_EQ(table.values.at(GroupType{0, 1, 1}), Rational(1, 2));
  EXPECT_EQ(table.values.at(GroupType{0, 1}), Rational(-1, 2));
  EXPECT_EQ(group_value(in, {0, 1, 1}), Rational(1, 2));
  // Written in canonical order (size, then lexicographic) with members in type order.
  Json doc = write_groups_json(in);
  EXPECT_EQ(doc["value"]["groups"][0]["group"], Json::array({"x", "y"}));
  EXPECT_EQ(doc["value"]["groups"][1]["group"], Json::array({"x", "y", "y"}));
  EXPECT_EQ(doc["value"]["groups"][1]["value"], "1/2");
  EXPECT_FALSE(doc.contains("name"));
}

TEST(GroupsJson, ReadsPairwise) {
  GroupsInstance in = parse(R"({"model":"groups","version":1,"types":[{"name":"a","mass":"1"},{"name":"b","mass":"1"}],
    "min_size":2,"max_size":3,
    "value":{"kind":"pairwise","own":{"a":"1"},"pair":[{"types":["b","a"],"value":"3"},{"types":["b","b"],"value":"1/2"}],
             "size":{"3":"-1"}}})");
  const auto& pw = std::get<PairwiseValue>(in.value);
  EXPECT_EQ(pw.own, (std::vector<Rational>{1, 0}));
  ASSERT_EQ(pw.pair.size(), 2u);
  EXPECT_EQ(pw.pair.at({0, 1}), Rational(3));  // stored with i <= j
  EXPECT_EQ(pw.pair.at({1, 1}), Rational(1, 2));
  EXPECT_EQ(pw.size.at(3), Rational(-1));
  // [a,b,b]: own 1; (a,b) twice: 6; (b,b) once: 1/2; size 3: -1. Total 13/2.
  EXPECT_EQ(group_value(in, {0, 1, 1}), Rational(13, 2));
  // Optional parts may be left out.
  GroupsInstance bare = parse(R"({"model":"groups","version":1,"types":[{"name":"a","mass":"1"}],
    "min_size":1,"max_size":1,"value":{"kind":"pairwise"}})");
  EXPECT_EQ(group_value(bare, {0}), Rational(0));
}

TEST(GroupsJson, InstanceRoundTrips) {
  for (const GroupsInstance& in : {examples::wang_242(), examples::wang_241()}) {
    Json doc = write_groups_json(in);
    EXPECT_EQ(reread(in), doc) << doc.dump();
  }
  GroupsInstance pw = parse(R"({"model":"groups","version":1,"name":"pw","types":[{"name":"a","mass":"5/2"},{"name":"b","mass":"1"}],
    "min_size":1,"max_size":3,
    "value":{"kind":"pairwise","own":{"b":"-2"},"pair":[{"types":["a","b"],"value":"3"},{"types":["a","a"],"value":"0"}],
             "size":{"1":"1/7","3":"-1"}}})");
  Json doc = write_groups_json(pw);
  EXPECT_EQ(reread(pw), doc) << doc.dump();
  GroupsInstance again = parse(doc.dump());
  for (const GroupType& g : enumerate_group_types(2, 1, 3)) EXPECT_EQ(group_value(again, g), group_value(pw, g));
  // A table whose default is not zero survives too.
  GroupsInstance t = examples::wang_242();
  std::get<TableValue>(t.value).default_value = Rational(-3, 4);
  EXPECT_EQ(reread(t), write_groups_json(t));
  EXPECT_EQ(group_value(parse(write_groups_json(t).dump()), {1, 2}), Rational(-3, 4));
}

// Every file of the bad-input corpus fails with its expected message fragment, naming the file.
TEST(GroupsJson, BadInputCorpus) {
  const Json manifest = load_json_file(kBadDir + "expected.json");
  ASSERT_TRUE(manifest.is_object());
  ASSERT_GE(manifest.size(), 25u);
  for (const auto& [file, fragment_json] : manifest.items()) {
    const std::string path = kBadDir + file;
    const std::string fragment = fragment_json.get<std::string>();
    try {
      Json root = load_json_file(path);
      GroupsInstance in = read_groups_json(JsonNode(root, path));
      enumerate_group_types(in.num_types(), in.min_size, in.max_size);  // the default limit
      ADD_FAILURE() << file << " was accepted";
    } catch (const InputError& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind(path + ": /", 0), 0u) << file << ": " << what;
      EXPECT_NE(what.find(fragment), std::string::npos) << file << ": expected \"" << fragment << "\" in\n" << what;
    } catch (const EnumerationLimit& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << file << ": " << e.what();
    }
  }
  // Every corpus file is listed in the manifest.
  std::set<std::string> listed;
  for (const auto& item : manifest.items()) listed.insert(item.key());
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name != "expected.json") {
      EXPECT_TRUE(listed.count(name)) << name << " is missing from expected.json";
    }
  }
}

TEST(GroupsJson, VersionMustBeTheInteger1) {
  std::string text = kWang242;
  text.replace(text.find("\"version\":1"), 11, "\"version\":\"1\"");
  try {
    parse(text);
    FAIL() << "accepted version \"1\"";
  } catch (const InputError& e) {
    EXPECT_EQ(e.location(), "/version");
  }
}

// ---- results ----

void expect_same(const StableAssignment& a, const StableAssignment& b) {
  EXPECT_EQ(a.welfare, b.welfare);
  EXPECT_EQ(a.group_types, b.group_types);
  ASSERT_EQ(a.assignment.size(), b.assignment.size());
  for (std::size_t k = 0; k < a.assignment.size(); ++k) {
    EXPECT_EQ(a.assignment[k].group, b.assignment[k].group);
    EXPECT_EQ(a.assignment[k].mass, b.assignment[k].mass);
    EXPECT_EQ(a.assignment[k].value, b.assignment[k].value);
  }
  EXPECT_EQ(a.imputation, b.imputation);
  ASSERT_EQ(a.ranges.has_value(), b.ranges.has_value());
  if (a.ranges) {
    ASSERT_EQ(a.ranges->size(), b.ranges->size());
    for (std::size_t i = 0; i < a.ranges->size(); ++i) {
      const auto &r = (*a.ranges)[i], &s = (*b.ranges)[i];
      EXPECT_EQ(r.min, s.min);
      EXPECT_EQ(r.max, s.max);
      EXPECT_EQ(r.witness_min, s.witness_min);
      EXPECT_EQ(r.witness_max, s.witness_max);
      EXPECT_EQ(r.multiplier_min.x, s.multiplier_min.x);
      EXPECT_EQ(r.multiplier_min.t, s.multiplier_min.t);
      EXPECT_EQ(r.multiplier_max.x, s.multiplier_max.x);
      EXPECT_EQ(r.multiplier_max.t, s.multiplier_max.t);
    }
  }
  EXPECT_EQ(a.replication, b.replication);
  EXPECT_EQ(a.fractional_groups, b.fractional_groups);
}

StableAssignment reread_result(const GroupsInstance& in, const Json& doc) {
  Json root = parse_json_text(doc.dump(), "result.json");
  return read_result_json(in, JsonNode(root, "result.json"));
}

TEST(GroupsResultJson, LayoutOfWang242) {
  const GroupsInstance in = examples::wang_242();
  const StableAssignment r = examples::wang_242_result(true);
  Json doc = write_result_json(in, r, "welfare-lp", true);
  EXPECT_EQ(doc["model"], "groups");
  EXPECT_EQ(doc["method"], "welfare-lp");
  EXPECT_EQ(doc["arith"], "exact");
  EXPECT_EQ(doc["status"], "optimal");
  EXPECT_EQ(doc["welfare"], "6");
  EXPECT_EQ(doc["group_types"], 16);
  EXPECT_EQ(doc["assignment"][2], Json({{"group", {"1", "2", "2"}}, {"mass", "1/2"}, {"value", "9"}}));
  EXPECT_EQ(doc["imputation"], Json({{"1", "0"}, {"2", "9/2"}, {"3", "3/2"}}));
  EXPECT_EQ(doc["imputation_range"]["2"], Json::array({"9/2", "9/2"}));
  EXPECT_EQ(doc["imputation_unique"], true);
  EXPECT_FALSE(doc.contains("replication"));
  EXPECT_FALSE(doc.contains("fractional_groups"));
  const Json& cert = doc["certificate"];
  EXPECT_EQ(cert["assignment"], doc["assignment"]);
  EXPECT_EQ(cert["imputation"], doc["imputation"]);
  const Json& max1 = cert["ranges"]["1"]["max"];
  EXPECT_EQ(max1["bound"], "0");
  EXPECT_EQ(max1["witness"], doc["imputation"]);
  EXPECT_EQ(max1["multiplier"]["t"], "-2");
  EXPECT_EQ(max1["multiplier"]["groups"][1], Json({{"group", {"1", "2", "2"}}, {"x", "1"}}));

  StableAssignment no_ranges = examples::wang_242_result(false);
  no_ranges.replication = 6;
  no_ranges.fractional_groups = 13;
  Json t = write_result_json(in, no_ranges, "transport", false);
  EXPECT_EQ(t["arith"], "double");
  EXPECT_TRUE(t["imputation_unique"].is_null());
  EXPECT_FALSE(t.contains("imputation_range"));
  EXPECT_FALSE(t["certificate"].contains("ranges"));
  EXPECT_EQ(t["replication"], 6);
  EXPECT_EQ(t["fractional_groups"], 13);
}

TEST(GroupsResultJson, RoundTrips) {
  {
    const GroupsInstance in = examples::wang_242();
    for (bool ranges : {true, false}) {
      StableAssignment r = examples::wang_242_result(ranges);
      if (!ranges) {
        r.replication = 6;
        r.fractional_groups = 13;
      }
      Json doc = write_result_json(in, r, "welfare-lp", true);
      StableAssignment back = reread_result(in, doc);
      expect_same(r, back);
      EXPECT_EQ(write_result_json(in, back, "welfare-lp", true), doc);
    }
  }
  const GroupsInstance in = examples::wang_241();
  const StableAssignment r = examples::wang_241_result();
  Json doc = write_result_json(in, r, "vertex-enum", true);
  EXPECT_EQ(doc["imputation_unique"], false);
  EXPECT_EQ(doc["imputation_range"]["1"], Json::array({"0", "1"}));
  StableAssignment back = reread_result(in, doc);
  expect_same(r, back);
  EXPECT_EQ(write_result_json(in, back, "vertex-enum", true), doc);

  // Only the certificate is needed; extra top-level metadata is ignored.
  Json minimal = {{"welfare", doc["welfare"]}, {"group_types", 3}, {"certificate", doc["certificate"]}, {"seconds", 0.5}};
  expect_same(r, reread_result(in, minimal));
}

TEST(GroupsResultJson, ResultGroupsAreReadByNameInAnyOrder) {
  const GroupsInstance in = examples::wang_242();
  Json doc = write_result_json(in, examples::wang_242_result(false), "welfare-lp", true);
  doc.erase("assignment");
  doc["certificate"]["assignment"][2]["group"] = {"2", "1", "2"};
  StableAssignment back = reread_result(in, doc);
  EXPECT_EQ(back.assignment[2].group, (GroupType{0, 1, 1}));
}

// Inconsistent or malformed results are input errors naming the pointer.
TEST(GroupsResultJson, RejectsInconsistentResults) {
  const GroupsInstance in = examples::wang_241();
  const Json good = write_result_json(in, examples::wang_241_result(), "welfare-lp", true);
  auto expect_error = [&](const Json& doc, const std::string& pointer, const std::string& fragment) {
    try {
      reread_result(in, doc);
      ADD_FAILURE() << "accepted: " << doc.dump();
    } catch (const InputError& e) {
      EXPECT_EQ(e.location(), pointer) << e.what();
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("result.json"), std::string::npos) << e.what();
    }
  };
  Json d = good;
  d["imputation"]["1"] = "1";
  expect_error(d, "/certificate/imputation", "differs from the top-level imputation");
  d = good;
  d["assignment"][0]["mass"] = "2";
  expect_error(d, "/certificate/assignment", "differs from the top-level assignment");
  d = good;
  d["certificate"]["imputation"].erase("2");
  expect_error(d, "/certificate/imputation", "missing entry for type \"2\"");
  d = good;
  d["certificate"]["assignment"][0]["group"] = {"1", "z"};
  expect_error(d, "/certificate/assignment/0/group/1", "unknown type \"z\"");
  d = good;
  d["certificate"]["ranges"]["1"]["min"]["multiplier"]["lambda"] = "0";
  expect_error(d, "/certificate/ranges/1/min/multiplier/lambda", "unknown field");
  d = good;
  d["imputation_range"]["1"] = {"0", "1/2"};
  expect_error(d, "/imputation_range/1", "differs from the certificate bounds [0, 1]");
  d = good;
  d["imputation_unique"] = true;
  expect_error(d, "/imputation_unique", "imputation_unique is true");
  d = good;
  d["status"] = "infeasible";
  expect_error(d, "/status", "status must be \"optimal\"");
  d = good;
  d["model"] = "lp";
  expect_error(d, "/model", "expected \"model\": \"groups\"");
  d = good;
  d.erase("welfare");
  expect_error(d, "/", "missing required field \"welfare\"");
  d = good;
  d["certificate"].erase("ranges");
  expect_error(d, "/imputation_range", "without certificate ranges");
}

}  // namespace
}  // namespace equilab::groups
