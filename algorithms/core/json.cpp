#include "core/json.h"

#include <fstream>
#include <sstream>

namespace equilab {

InputError::InputError(std::string file, std::string location, std::string reason)
    : std::runtime_error(file + ": " + (location.empty() ? std::string("(document)") : location) + ": " + reason),
      file_(std::move(file)),
      location_(std::move(location)),
      reason_(std::move(reason)) {}

Json parse_json_text(const std::string& text, const std::string& source_name) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string what = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] "; keep the readable part.
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw InputError(source_name, "", "invalid JSON: " + what);
  } catch (const Json::out_of_range& e) {
    // nlohmann reports a number beyond double range (e.g. 1e400) this way.
    throw InputError(source_name, "", std::string("a JSON number is out of range; exact numbers must be quoted strings (") + e.what() + ")");
  }
}

Json load_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "cannot open file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_json_text(buffer.str(), path);
}

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

JsonNode::JsonNode(const Json& value, std::string file, std::string pointer)
    : JsonNode(value, std::make_shared<const std::string>(std::move(file)), std::move(pointer)) {}

JsonNode::JsonNode(const Json& value, std::shared_ptr<const std::string> file, std::string pointer)
    : value_(&value), file_(std::move(file)), pointer_(std::move(pointer)) {}

void JsonNode::fail(const std::string& reason) const {
  throw InputError(*file_, pointer_.empty() ? std::string("/") : pointer_, reason);
}

void JsonNode::expect_object(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail("expected an object");
  for (const auto& item : value_->items()) {
    bool known = false;
    for (auto a : allowed) known = known || item.key() == a;
    if (!known) JsonNode(item.value(), file_, pointer_ + "/" + json_pointer_escape(item.key())).fail("unknown field \"" + item.key() + "\"");
  }
}

JsonNode JsonNode::at(std::string_view key) const {
  auto found = find(key);
  if (!found) fail("missing required field \"" + std::string(key) + "\"");
  return *found;
}

std::optional<JsonNode> JsonNode::find(std::string_view key) const {
  if (!value_->is_object()) fail("expected an object");
  auto it = value_->find(std::string(key));
  if (it == value_->end()) return std::nullopt;
  return JsonNode(*it, file_, pointer_ + "/" + json_pointer_escape(key));
}

std::vector<std::pair<std::string, JsonNode>> JsonNode::members() const {
  if (!value_->is_object()) fail("expected an object");
  std::vector<std::pair<std::string, JsonNode>> out;
  for (const auto& item : value_->items())
    out.emplace_back(item.key(), JsonNode(item.value(), file_, pointer_ + "/" + json_pointer_escape(item.key())));
  return out;
}

std::vector<JsonNode> JsonNode::elements() const {
  if (!value_->is_array()) fail("expected an array");
  std::vector<JsonNode> out;
  out.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i)
    out.push_back(JsonNode((*value_)[i], file_, pointer_ + "/" + std::to_string(i)));
  return out;
}

std::string JsonNode::as_string() const {
  if (!value_->is_string()) fail("expected a string");
  return value_->get<std::string>();
}

Rational JsonNode::as_rational() const {
  if (value_->is_string()) {
    try {
      return parse_rational(value_->get_ref<const std::string&>());
    } catch (const std::invalid_argument& e) {
      fail(e.what());
    }
  }
  if (value_->is_number_integer()) {
    if (value_->is_number_unsigned()) return Rational(Integer(value_->get<std::uint64_t>()));
    return Rational(Integer(value_->get<std::int64_t>()));
  }
  if (value_->is_number_float())
    fail("a non-integer (or more than 64-bit) JSON number is not exact: quote it as a string, e.g. \"1/10\" or \"0.1\"");
  fail("expected a number written as a string such as \"3/7\"");
}

std::int64_t JsonNode::as_int() const {
  if (value_->is_number_integer() && !value_->is_number_unsigned()) return value_->get<std::int64_t>();
  if (value_->is_number_unsigned() && value_->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(value_->get<std::uint64_t>());
  if (value_->is_string()) {
    Rational r = as_rational();
    if (boost::multiprecision::denominator(r) == 1 && r <= Rational(INT64_MAX) && r >= Rational(INT64_MIN))
      return boost::multiprecision::numerator(r).convert_to<std::int64_t>();
  }
  fail("expected an integer");
}

void JsonNode::expect_model(std::string_view model, std::int64_t version) const {
  const JsonNode model_node = at("model");
  if (model_node.as_string() != model)
    model_node.fail("expected \"model\": \"" + std::string(model) + "\", not \"" + model_node.as_string() + "\"");
  const JsonNode version_node = at("version");
  if (!version_node.raw().is_number_integer() || version_node.as_int() != version)
    version_node.fail("unsupported version " + version_node.raw().dump() + " (expected " + std::to_string(version) + ")");
}

NameIndex::NameIndex(std::string kind, const std::vector<std::string>& names) : kind_(std::move(kind)) {
  for (const std::string& name : names) index_.emplace(name, size());
}

int NameIndex::add(const std::string& name, const JsonNode& where) {
  if (name.empty()) where.fail("empty " + kind_ + " name");
  const int number = size();
  if (!index_.emplace(name, number).second) where.fail("duplicate " + kind_ + " name \"" + name + "\"");
  return number;
}

int NameIndex::at(const std::string& name, const JsonNode& where) const {
  auto it = index_.find(name);
  if (it == index_.end()) where.fail("unknown " + kind_ + " \"" + name + "\"");
  return it->second;
}

std::optional<int> NameIndex::find(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace equilab
