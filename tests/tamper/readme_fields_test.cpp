// The README's "Result fields" section is the tables of verify/result_fields.h, row for row: the
// tamper property and the reader of the README see the same roles.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "verify/result_fields.h"

namespace equilab::testing {
namespace {

std::string escape_cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// The section as it must read: one table per model.
std::string expected_section() {
  std::ostringstream os;
  for (const std::string& model : verify::models_with_result_fields()) {
    os << "### `" << model << "` results\n\n| field | role | what verify proves (or why it is informational) |\n| --- | --- | --- |\n";
    for (const verify::FieldRule& rule : verify::result_fields(model))
      os << "| `" << rule.pattern << "` | " << verify::role_name(rule.role) << " | " << escape_cell(rule.checked)
         << " |\n";
    os << "\n";
  }
  return os.str();
}

TEST(ResultFields, ReadmeListsTheTablesVerifyUses) {
  std::ifstream in(std::string(EQUILAB_SOURCE_DIR) + "/README.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string readme = buffer.str();
  const std::string begin = "<!-- result-fields:begin -->\n", end = "<!-- result-fields:end -->";
  const auto b = readme.find(begin), e = readme.find(end);
  ASSERT_NE(b, std::string::npos) << "README.md has no " << begin;
  ASSERT_NE(e, std::string::npos) << "README.md has no " << end;
  const std::string section = readme.substr(b + begin.size(), e - b - begin.size());
  EXPECT_EQ(section, expected_section()) << "replace the README's section by:\n" << expected_section();
}

TEST(ResultFields, EveryModelHasATableAndEveryPatternIsAPointer) {
  for (const std::string& model : verify::models_with_result_fields()) {
    const auto& rules = verify::result_fields(model);
    EXPECT_GE(rules.size(), 4u) << model;
    for (const auto& rule : rules) {
      EXPECT_EQ(rule.pattern.front(), '/') << model << ": " << rule.pattern;
      EXPECT_FALSE(rule.checked.empty()) << model << ": " << rule.pattern;
    }
  }
}

TEST(ResultFields, UnknownModelsAndFieldsHaveNoRole) {
  EXPECT_FALSE(verify::field_role("lp", "/no_such_field").has_value());
  EXPECT_FALSE(verify::field_role("no_such_model", "/model").has_value());
}

}  // namespace
}  // namespace equilab::testing
