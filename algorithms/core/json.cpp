#include "core/json.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <istream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace equilab {

InputError::InputError(std::string file, std::string location, std::string reason)
    : std::runtime_error(file + ": " + (location.empty() ? std::string("(document)") : location) + ": " + reason),
      file_(std::move(file)),
      location_(std::move(location)),
      reason_(std::move(reason)) {}

namespace {

std::atomic<std::uint64_t> input_cap{kDefaultMaxInputBytes};

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;
constexpr std::size_t kMaxDepth = 512;
constexpr std::size_t kMaxQuotedError = 300;  // characters of a parser message kept

// "1048576 bytes (1.0 MB)"; small counts only in bytes.
std::string byte_count(std::uint64_t bytes) {
  const std::string exact = std::to_string(bytes) + " bytes";
  return bytes < 10'000 ? exact : exact + " (" + describe_size(bytes) + ")";
}

// Builds the document from the parser's events (nlohmann's SAX interface), refusing duplicate
// keys and deep nesting. Errors name the JSON pointer of the offending member.
class DomBuilder {
 public:
  DomBuilder(Json& root, const std::string& source) : root_(root), source_(source) {}

  bool null() {
    put(nullptr);
    return true;
  }
  bool boolean(bool v) {
    put(v);
    return true;
  }
  bool number_integer(Json::number_integer_t v) {
    put(v);
    return true;
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    put(v);
    return true;
  }
  bool number_float(Json::number_float_t v, const Json::string_t&) {
    put(v);
    return true;
  }
  bool string(Json::string_t& v) {
    put(std::move(v));
    return true;
  }
  bool binary(Json::binary_t&) { throw InputError(source_, pointer(), "binary value (not JSON text)"); }
  bool start_object(std::size_t) {
    open(Json::value_t::object);
    return true;
  }
  bool start_array(std::size_t) {
    open(Json::value_t::array);
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }

  bool key(Json::string_t& k) {
    Frame& top = stack_.back();
    auto& members = *top.value->get_ptr<Json::object_t*>();
    // try_emplace leaves `k` untouched when the key is already there.
    auto [it, added] = members.try_emplace(std::move(k), nullptr);
    if (!added) {
      throw InputError(source_, pointer() + "/" + json_pointer_escape(it->first),
                       "duplicate key \"" + printable(it->first) +
                           "\" in one object (equilab refuses to guess which value is meant)");
    }
    top.key = &it->first;
    member_ = &it->second;
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // nlohmann prefixes "[json.exception.parse_error.101] "; keep the readable part.
    if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    what = printable(what);
    if (what.size() > kMaxQuotedError) what = what.substr(0, kMaxQuotedError) + "...";
    if (e.id == 406)  // a number beyond double range, e.g. 1e400
      throw InputError(source_, "", "a JSON number is out of range; exact numbers must be quoted strings (" + what + ")");
    throw InputError(source_, "", "invalid JSON: " + what);
  }

 private:
  struct Frame {
    Json* value;
    const std::string* key = nullptr;  // objects: the member being read
  };
  Json& root_;
  const std::string& source_;
  std::vector<Frame> stack_;
  Json* member_ = nullptr;  // where the value of the last key goes

  // The JSON pointer of the innermost open container.
  std::string pointer() const {
    std::string out;
    for (std::size_t k = 0; k + 1 < stack_.size(); ++k) {
      const Frame& f = stack_[k];
      out += "/";
      out += f.value->is_array() ? std::to_string(f.value->size() - 1) : json_pointer_escape(*f.key);
    }
    return out;
  }

  template <class V>
  Json* put(V&& v) {
    if (stack_.empty()) {
      root_ = Json(std::forward<V>(v));
      return &root_;
    }
    Json& top = *stack_.back().value;
    if (top.is_array()) {
      auto& elements = *top.get_ptr<Json::array_t*>();
      elements.emplace_back(std::forward<V>(v));
      return &elements.back();
    }
    *member_ = Json(std::forward<V>(v));
    return member_;
  }

  void open(Json::value_t type) {
    if (stack_.size() >= kMaxDepth) {
      std::string where = pointer();
      if (!stack_.empty()) where += "/" + (stack_.back().value->is_array() ? std::to_string(stack_.back().value->size())
                                                                          : json_pointer_escape(*stack_.back().key));
      throw InputError(source_, where, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    stack_.push_back(Frame{put(type)});
  }
};

// JSON text from an InputFile, watched on the way to the parser: a run of more than
// kMaxBlankRun whitespace bytes outside strings is refused. (nlohmann's lexer keeps the
// whitespace before a token in memory, so an endless stream of blanks would otherwise be held
// whole; no file equilab reads has such a run.)
class JsonTextGuard : public std::streambuf {
 public:
  explicit JsonTextGuard(InputFile& source) : source_(source), chunk_(kChunkBytes) {
    setg(chunk_.data(), chunk_.data(), chunk_.data());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    offset_ += static_cast<std::uint64_t>(egptr() - eback());
    const std::streamsize n = source_.sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    if (n <= 0) return traits_type::eof();
    for (std::streamsize k = 0; k < n; ++k) watch(chunk_[static_cast<std::size_t>(k)], k);
    setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::uint64_t kMaxBlankRun = std::uint64_t{1} << 16;
  InputFile& source_;
  std::vector<char> chunk_;
  std::uint64_t offset_ = 0, blank_run_ = 0;
  bool in_string_ = false, escaped_ = false;

  void watch(char c, std::streamsize k) {
    if (in_string_) {
      if (escaped_) escaped_ = false;
      else if (c == '\\') escaped_ = true;
      else if (c == '"') in_string_ = false;
      return;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      if (++blank_run_ > kMaxBlankRun)
        throw InputError(source_.path(), "byte " + std::to_string(offset_ + static_cast<std::uint64_t>(k)),
                         "more than " + std::to_string(kMaxBlankRun) +
                             " whitespace bytes in a row: not a JSON document equilab reads");
      return;
    }
    blank_run_ = 0;
    if (c == '"') in_string_ = true;
  }
};

template <class Input>
Json parse_with_checks(Input&& input, const std::string& source_name) {
  Json root;
  DomBuilder builder(root, source_name);
  Json::sax_parse(std::forward<Input>(input), &builder, Json::input_format_t::json, true, false);
  return root;
}

}  // namespace

void set_max_input_bytes(std::uint64_t bytes) { input_cap = bytes; }
std::uint64_t max_input_bytes() { return input_cap; }

InputFile::InputFile(const std::string& path, bool reject_nul) : path_(path), reject_nul_(reject_nul), cap_(input_cap) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw InputError(path, "", std::string("cannot open file (") + std::strerror(errno) + ")");
  struct stat st {};
  if (::fstat(fd_, &st) != 0) {
    const int error = errno;
    ::close(fd_);
    throw InputError(path, "", std::string("cannot read file (") + std::strerror(error) + ")");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd_);
    throw InputError(path, "", "is a directory, not an input file");
  }
  if (S_ISREG(st.st_mode) && cap_ != 0 && static_cast<std::uint64_t>(st.st_size) > cap_) {
    ::close(fd_);
    throw InputError(path, "", "the file has " + byte_count(st.st_size) + ", more than the input cap of " +
                                   byte_count(cap_) + "; raise the cap with --max-input-bytes");
  }
  chunk_.resize(kChunkBytes);
  setg(chunk_.data(), chunk_.data(), chunk_.data());
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

InputFile::int_type InputFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  consumed_ += static_cast<std::uint64_t>(egptr() - eback());
  setg(chunk_.data(), chunk_.data(), chunk_.data());
  ssize_t n;
  do {
    n = ::read(fd_, chunk_.data(), chunk_.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) throw InputError(path_, "byte " + std::to_string(consumed_), std::string("read error (") + std::strerror(errno) + ")");
  if (n == 0) return traits_type::eof();
  if (cap_ != 0 && consumed_ + static_cast<std::uint64_t>(n) > cap_)
    throw InputError(path_, "", "the input passed the cap of " + byte_count(cap_) +
                                    " before its end; raise the cap with --max-input-bytes");
  if (reject_nul_) {
    if (const void* nul = std::memchr(chunk_.data(), '\0', static_cast<std::size_t>(n))) {
      const auto offset = consumed_ + static_cast<std::uint64_t>(static_cast<const char*>(nul) - chunk_.data());
      throw InputError(path_, "byte " + std::to_string(offset), "NUL byte: this is not a text file (binary data?)");
    }
  }
  setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
  return traits_type::to_int_type(*gptr());
}

Json parse_json_text(const std::string& text, const std::string& source_name) {
  return parse_with_checks(text, source_name);
}

Json load_json_file(const std::string& path) {
  InputFile file(path, true);
  JsonTextGuard guard(file);
  std::istream in(&guard);
  return parse_with_checks(in, path);
}

std::string printable(std::string_view text) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += digits[b >> 4];
      out += digits[b & 15];
    }
  }
  return out;
}

std::string describe_size(std::uint64_t bytes) {
  if (bytes < 10'000) return std::to_string(bytes) + " bytes";
  const char* units[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  double value = static_cast<double>(bytes) / 1000;
  int unit = 0;
  while (value >= 1000 && unit < 5) {
    value /= 1000;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
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

void JsonNode::contradict(const std::string& reason) const {
  throw ResultContradiction(*file_, pointer_.empty() ? std::string("/") : pointer_, reason);
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
