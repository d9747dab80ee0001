// Reading instance files with errors that name the file, the JSON pointer and the reason.
#pragma once

#include "core/error.h"
#include "core/rational.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace equilab {

using Json = nlohmann::json;

// The cap on the bytes of one input file (`--max-input-bytes` on solve, verify and crosscheck).
// Every file equilab reads is opened with InputFile, which applies it. 0 removes the cap.
inline constexpr std::uint64_t kDefaultMaxInputBytes = std::uint64_t{1} << 30;  // 1 GiB
void set_max_input_bytes(std::uint64_t bytes);
std::uint64_t max_input_bytes();

// One input file read in chunks, as a stream buffer (for std::istream and the JSON parser).
// Opening refuses a missing or unreadable file, a directory ("is a directory") and a regular
// file larger than the cap, before reading a byte. A stream that is not a regular file (a pipe,
// a device such as /dev/zero) is read only as far as the cap: the read that passes it throws.
// With `reject_nul`, the chunk holding a NUL byte throws (no text format equilab reads has one).
// Every error is an InputError naming the file.
class InputFile : public std::streambuf {
 public:
  explicit InputFile(const std::string& path, bool reject_nul = false);
  ~InputFile() override;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  const std::string& path() const { return path_; }

 protected:
  int_type underflow() override;

 private:
  std::string path_;
  int fd_ = -1;
  bool reject_nul_;
  std::uint64_t cap_;
  std::uint64_t consumed_ = 0;  // bytes read before the current chunk
  std::vector<char> chunk_;
};

// Parses a JSON file (through InputFile, so the cap and the checks above apply). The document is
// built while reading; the text is never held whole. Besides syntax errors, the reader refuses a
// key that appears twice in one object (JSON leaves the meaning open; nlohmann would keep the
// last one silently) and nesting deeper than 512 levels, naming the JSON pointer, a NUL byte and
// a run of more than 65536 whitespace bytes outside strings (which the parser would hold whole).
Json load_json_file(const std::string& path);
// Parses JSON text that came from `source_name` (used by tests and stdin), with the same checks.
Json parse_json_text(const std::string& text, const std::string& source_name);

// `text` with every byte outside printable ASCII written as \xNN, for error messages that quote
// what a file contains (binary input must not reach the terminal raw).
std::string printable(std::string_view text);

// A byte count for messages: "812 bytes", "4.7 MB", "1.2 GB" (decimal units).
std::string describe_size(std::uint64_t bytes);

// A node of a parsed document together with where it came from.
class JsonNode {
 public:
  JsonNode(const Json& value, std::string file, std::string pointer = "");

  const Json& raw() const { return *value_; }
  const std::string& file() const { return *file_; }
  const std::string& pointer() const { return pointer_; }
  [[noreturn]] void fail(const std::string& reason) const;
  // A well-formed value that contradicts the rest of the result or the instance (ResultContradiction:
  // verify's exit 1). Use fail() for what cannot be read (wrong type, missing or unknown field).
  [[noreturn]] void contradict(const std::string& reason) const;

  bool is_null() const { return value_->is_null(); }
  // Objects: `allowed` lists every permitted key; any other key is an error.
  void expect_object(std::initializer_list<std::string_view> allowed) const;
  JsonNode at(std::string_view key) const;             // required member
  std::optional<JsonNode> find(std::string_view key) const;  // optional member (null counts as present)
  std::vector<std::pair<std::string, JsonNode>> members() const;  // object, in file order
  std::vector<JsonNode> elements() const;              // array

  std::string as_string() const;
  // An exact number: a string ("3/7", "0.125") or a JSON integer. Non-integer JSON
  // numbers (and integers too large for 64 bits) are rejected with a hint to quote them.
  Rational as_rational() const;
  std::int64_t as_int() const;

  // The header every instance starts with: "model" must be `model` and "version" the
  // integer `version`. Checked before unknown fields so another model's file gets the
  // clearest message.
  void expect_model(std::string_view model, std::int64_t version = 1) const;

 private:
  const Json* value_;
  std::shared_ptr<const std::string> file_;
  std::string pointer_;
  JsonNode(const Json& value, std::shared_ptr<const std::string> file, std::string pointer);
};

// The names of one kind of thing in an instance (types, players, buyers, goods): each one
// non-empty and unique, numbered in the order they are added. Errors name the node that
// holds the bad name: "empty buyer name", "duplicate buyer name \"a\"", "unknown buyer \"z\"".
class NameIndex {
 public:
  explicit NameIndex(std::string kind) : kind_(std::move(kind)) {}
  // Names already checked (those of a model read earlier), numbered in order.
  NameIndex(std::string kind, const std::vector<std::string>& names);

  // Adds the name held by `node` (a string); returns its number.
  int add(const JsonNode& node) { return add(node.as_string(), node); }
  // Adds `name` (e.g. an object key), blaming `where` if it is empty or taken.
  int add(const std::string& name, const JsonNode& where);
  // The number of the name held by `node`, or of `name` blaming `where`.
  int at(const JsonNode& node) const { return at(node.as_string(), node); }
  int at(const std::string& name, const JsonNode& where) const;
  std::optional<int> find(const std::string& name) const;
  int size() const { return static_cast<int>(index_.size()); }

 private:
  std::string kind_;
  std::unordered_map<std::string, int> index_;
};

// The canonical output form of an exact number: a string in lowest terms.
inline Json rational_json(const Rational& r) { return Json(to_string(r)); }

// Escapes a key for use in a JSON pointer (RFC 6901: '~' -> "~0", '/' -> "~1").
std::string json_pointer_escape(std::string_view key);

}  // namespace equilab
