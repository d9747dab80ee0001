#include "core/json.h"

#include <gtest/gtest.h>

#include <string>

namespace equilab {
namespace {

// Runs `body` and returns the InputError message it throws ("" if none).
template <class F>
std::string error_of(F&& body) {
  try {
    body();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Json, InvalidJsonNamesTheFile) {
  std::string msg = error_of([] { parse_json_text("{\"a\": ", "inst.json"); });
  EXPECT_NE(msg.find("inst.json"), std::string::npos) << msg;
  EXPECT_NE(msg.find("invalid JSON"), std::string::npos) << msg;
}

TEST(Json, MissingFileIsInputError) {
  std::string msg = error_of([] { load_json_file("/nonexistent/equilab/file.json"); });
  EXPECT_NE(msg.find("cannot open"), std::string::npos) << msg;
}

TEST(Json, NumbersAreExactOrRejected) {
  Json doc = parse_json_text(R"({"a":"0.1","b":7,"c":0.1,"e":123456789012345678901234567890,"f":"3/x"})", "t.json");
  JsonNode root(doc, "t.json");
  EXPECT_EQ(root.at("a").as_rational(), Rational(1, 10));
  EXPECT_EQ(root.at("b").as_rational(), Rational(7));
  for (const char* key : {"c", "e"}) {
    std::string msg = error_of([&] { root.at(key).as_rational(); });
    EXPECT_NE(msg.find("quote"), std::string::npos) << key << ": " << msg;
    EXPECT_NE(msg.find(std::string("t.json: /") + key), std::string::npos) << msg;
  }
  std::string msg = error_of([&] { root.at("f").as_rational(); });
  EXPECT_NE(msg.find("/f"), std::string::npos) << msg;
}

TEST(Json, NumberBeyondDoubleRangeIsRejected) {
  std::string msg = error_of([] { parse_json_text(R"({"a":1e400})", "big.json"); });
  EXPECT_NE(msg.find("big.json"), std::string::npos) << msg;
  EXPECT_NE(msg.find("quoted"), std::string::npos) << msg;
}

TEST(Json, UnknownAndMissingFieldsAreNamed) {
  Json doc = parse_json_text(R"({"list":[{"name":"x","colour":"red"}]})", "m.json");
  JsonNode root(doc, "m.json");
  JsonNode item = root.at("list").elements().at(0);
  std::string msg = error_of([&] { item.expect_object({"name"}); });
  EXPECT_NE(msg.find("m.json: /list/0/colour: unknown field \"colour\""), std::string::npos) << msg;
  msg = error_of([&] { item.at("mass"); });
  EXPECT_NE(msg.find("/list/0: missing required field \"mass\""), std::string::npos) << msg;
}

TEST(Json, PointerEscapesSpecialCharacters) {
  EXPECT_EQ(json_pointer_escape("a/b~c"), "a~1b~0c");
  Json doc = parse_json_text(R"({"a/b":"x"})", "p.json");
  std::string msg = error_of([&] { JsonNode(doc, "p.json").at("a/b").as_rational(); });
  EXPECT_NE(msg.find("/a~1b"), std::string::npos) << msg;
}

}  // namespace
}  // namespace equilab
