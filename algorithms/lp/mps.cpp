// MPS reader. Lines are split into whitespace-separated tokens (free MPS); this also
// reads fixed MPS as long as names contain no spaces. A line starting in column 1 is a
// section header (NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA), an
// indented line is data, and lines starting with '*' are comments.
//
// Choices where MPS dialects differ:
// - The first N row is the objective; further N rows and their entries are ignored.
//   An RHS entry on the objective row (an objective constant) is rejected.
// - OBJSENSE: "OBJSENSE MAX" on one line or the word (MAX, MAXIMIZE, MIN, MINIMIZE)
//   on the next data line. Without it the problem is minimised.
// - RHS/RANGES/BOUNDS set names are optional and every set is applied.
// - Integer variables are refused: equilab solves LPs, and reading a MIP as its LP
//   relaxation would report the relaxation's optimum as the file's. So COLUMNS integer
//   markers ('MARKER' 'INTORG'/'INTEND') and the integer bound types BV, LI and UI are
//   errors, as are semi-continuous bounds (SC).
// - RANGES: a ranged row becomes two rows. The original row keeps its name and one
//   side; a new row "<name>_range" (same coefficients, appended after all other rows)
//   carries the other side: L row, range R: row <= b and row >= b - |R|; G row:
//   row >= b and row <= b + |R|; E row: R > 0 gives row >= b and row <= b + R,
//   R < 0 gives row <= b and row >= b + R, R = 0 keeps the equation.
// - Hostile input: a line longer than kMaxLineBytes or holding a NUL byte stops the
//   reader at that line, and bytes outside printable ASCII are quoted as \xNN in messages.
// - BOUNDS: UP with a negative value keeps the lower bound 0 (no implicit -infinity);
//   if that leaves lower > upper the file is rejected, pointing at the bound line.
//   "inf"/"infinity" (optionally signed) is an infinite bound; other values, such as
//   1e30, are read exactly as finite numbers.
#include "lp/mps.h"

#include "core/error.h"
#include "core/json.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace equilab::lp {
namespace {

enum class Section { None, ObjSense, Rows, Columns, Rhs, Ranges, Bounds };

// No MPS line needs more: five tokens, each a name or an exact number of thousands of digits.
constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

const char* const kMipReason = "equilab solves LPs; this file is a MIP";

std::string upper_case(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

bool is_blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::vector<std::string> split_tokens(const std::string& line) {
  std::vector<std::string> tokens;
  for (std::size_t k = 0; k < line.size();) {
    while (k < line.size() && is_blank(line[k])) ++k;
    const std::size_t start = k;
    while (k < line.size() && !is_blank(line[k])) ++k;
    if (k > start) tokens.emplace_back(line, start, k - start);
  }
  return tokens;
}

// A row's range, remembered with its line so that a late error can point at it.
struct PendingRange {
  Rational value;
  int line = 0;
};

class MpsReader {
 public:
  MpsReader(std::istream& in, std::string file) : in_(in), file_(std::move(file)) { model_.sense = Sense::Minimize; }

  LpModel read() {
    std::string line;
    while (!done_ && next_line(line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      handle_line(line);
    }
    if (!done_) fail("missing ENDATA at end of file");
    apply_ranges();
    check_bounds();
    model_.objective.resize(model_.variables.size(), Rational(0));
    normalize_rows(model_);
    return std::move(model_);
  }

 private:
  std::istream& in_;
  std::string file_;
  int line_no_ = 0;
  bool done_ = false;
  Section section_ = Section::None;
  LpModel model_;
  std::string objective_row_;
  std::unordered_set<std::string> ignored_rows_;             // N rows after the first
  std::unordered_map<std::string, int> rows_, columns_;      // name -> index
  // Duplicate COLUMNS entries, found without a set of all (row, column) pairs: columns normally
  // come in one block each, so a repeated entry of the current column is one whose row was last
  // written by this column. A column that comes back after another one ("reopened") is checked
  // against the row's entries instead.
  std::vector<int> last_column_of_row_;   // row -> the last column with an entry in it (-1: none)
  std::vector<char> objective_entry_;     // column -> has an objective entry
  std::vector<char> reopened_;            // column -> came back after another column
  int current_column_ = -1;
  std::set<int> rhs_seen_;
  std::unordered_map<int, PendingRange> ranges_;
  std::unordered_map<int, int> bound_line_;                   // column -> last BOUNDS line

  // Messages quote names and numbers from the file: bytes outside printable ASCII become \xNN.
  [[noreturn]] void fail(const std::string& reason) const { fail_at(line_no_, reason); }
  [[noreturn]] void fail_at(int line, const std::string& reason) const {
    throw InputError(file_, "line " + std::to_string(line), printable(reason));
  }

  // Reads the next line (without its '\n') straight from the stream buffer, so that a line
  // that never ends is refused at kMaxLineBytes instead of being read whole. False at the end.
  bool next_line(std::string& line) {
    std::streambuf* buffer = in_.rdbuf();
    line.clear();
    using Traits = std::streambuf::traits_type;
    Traits::int_type c = buffer->sbumpc();
    if (Traits::eq_int_type(c, Traits::eof())) return false;
    ++line_no_;
    for (; !Traits::eq_int_type(c, Traits::eof()); c = buffer->sbumpc()) {
      const char ch = Traits::to_char_type(c);
      if (ch == '\n') break;
      if (ch == '\0') fail("NUL byte: this is not an MPS text file (binary data?)");
      if (line.size() >= kMaxLineBytes)
        fail("line longer than " + std::to_string(kMaxLineBytes) + " bytes: this is not an MPS file");
      line += ch;
    }
    return true;
  }

  Rational number(const std::string& text) const {
    try {
      return parse_rational(text);
    } catch (const std::invalid_argument& e) {
      fail(std::string("malformed number: ") + e.what());
    }
  }

  void handle_line(const std::string& line) {
    auto tokens = split_tokens(line);
    if (tokens.empty() || line[0] == '*') return;
    bool header = !std::isspace(static_cast<unsigned char>(line[0]));
    // Some writers put the OBJSENSE word in column 1 on the next line.
    if (header && section_ == Section::ObjSense && tokens.size() == 1 && is_sense_word(tokens[0])) header = false;
    if (header) start_section(tokens);
    else data_line(tokens);
  }

  void start_section(const std::vector<std::string>& tokens) {
    const std::string word = upper_case(tokens[0]);
    if (word == "NAME") section_ = Section::None;
    else if (word == "ROWS") section_ = Section::Rows;
    else if (word == "COLUMNS") section_ = Section::Columns;
    else if (word == "RHS") section_ = Section::Rhs;
    else if (word == "RANGES") section_ = Section::Ranges;
    else if (word == "BOUNDS") section_ = Section::Bounds;
    else if (word == "ENDATA") done_ = true;
    else if (word == "OBJSENSE") {
      section_ = Section::ObjSense;
      if (tokens.size() > 2) fail("malformed OBJSENSE line");
      if (tokens.size() == 2) set_sense(tokens[1]);
    } else {
      fail("unknown section \"" + tokens[0] + "\"");
    }
    if (word != "NAME" && word != "OBJSENSE" && tokens.size() > 1) fail("unexpected text after " + word);
  }

  void data_line(const std::vector<std::string>& tokens) {
    switch (section_) {
      case Section::None: fail("data line outside a section");
      case Section::ObjSense:
        if (tokens.size() != 1) fail("malformed OBJSENSE line (expected MAX or MIN)");
        set_sense(tokens[0]);
        break;
      case Section::Rows: row_line(tokens); break;
      case Section::Columns: column_line(tokens); break;
      case Section::Rhs: rhs_line(tokens); break;
      case Section::Ranges: range_line(tokens); break;
      case Section::Bounds: bound_line(tokens); break;
    }
  }

  static bool is_sense_word(const std::string& text) {
    const std::string word = upper_case(text);
    return word == "MAX" || word == "MAXIMIZE" || word == "MIN" || word == "MINIMIZE";
  }

  void set_sense(const std::string& text) {
    const std::string word = upper_case(text);
    if (word == "MAX" || word == "MAXIMIZE") model_.sense = Sense::Maximize;
    else if (word == "MIN" || word == "MINIMIZE") model_.sense = Sense::Minimize;
    else fail("unknown OBJSENSE \"" + text + "\" (expected MAX or MIN)");
  }

  bool row_name_taken(const std::string& name) const {
    return rows_.count(name) || ignored_rows_.count(name) || name == objective_row_;
  }

  void row_line(const std::vector<std::string>& tokens) {
    if (tokens.size() != 2) fail("malformed ROWS line (expected: type name)");
    const std::string type = upper_case(tokens[0]);
    const std::string& name = tokens[1];
    if (row_name_taken(name)) fail("duplicate row \"" + name + "\"");
    if (type == "N") {
      if (objective_row_.empty()) objective_row_ = name;
      else ignored_rows_.insert(name);
      return;
    }
    Constraint row;
    row.name = name;
    if (type == "L") row.op = RowOp::LessEqual;
    else if (type == "G") row.op = RowOp::GreaterEqual;
    else if (type == "E") row.op = RowOp::Equal;
    else fail("unknown row type \"" + tokens[0] + "\" (expected N, L, G or E)");
    rows_.emplace(name, model_.num_rows());
    model_.constraints.push_back(std::move(row));
    last_column_of_row_.push_back(-1);
  }

  int column(const std::string& name) {
    auto [it, added] = columns_.emplace(name, model_.num_vars());
    if (added) {
      model_.variables.push_back(Variable{name, Rational(0), std::nullopt});
      objective_entry_.push_back(0);
      reopened_.push_back(0);
    }
    return it->second;
  }

  // Records an entry of column j in row i (-1: the objective); false when it is there already.
  bool new_entry(int i, int j) {
    if (i == -1) {
      if (objective_entry_[j]) return false;
      objective_entry_[j] = 1;
      return true;
    }
    if (last_column_of_row_[i] == j) return false;
    if (reopened_[j]) {
      for (const auto& entry : model_.constraints[i].coef)
        if (entry.first == j) return false;
    }
    last_column_of_row_[i] = j;
    return true;
  }

  // Row index; -1 for the objective; -2 for an ignored N row.
  int row(const std::string& name) const {
    if (name == objective_row_ && !objective_row_.empty()) return -1;
    if (ignored_rows_.count(name)) return -2;
    auto it = rows_.find(name);
    if (it == rows_.end()) fail("unknown row \"" + name + "\"");
    return it->second;
  }

  void column_line(const std::vector<std::string>& tokens) {
    if (tokens.size() >= 2 && upper_case(tokens[1]) == "'MARKER'") {
      const std::string kind = tokens.size() == 3 ? upper_case(tokens[2]) : "";
      if (kind == "'INTORG'" || kind == "'INTEND'") fail(std::string("integer markers: ") + kMipReason);
      fail("malformed MARKER line (expected 'INTORG' or 'INTEND')");
    }
    if (tokens.size() != 3 && tokens.size() != 5) fail("malformed COLUMNS line (expected: column row value [row value])");
    const std::size_t known = columns_.size();
    const int j = column(tokens[0]);
    if (j != current_column_) {
      if (columns_.size() == known) reopened_[j] = 1;  // seen before, and another column since
      current_column_ = j;
    }
    for (std::size_t k = 1; k + 1 < tokens.size(); k += 2) {
      const int i = row(tokens[k]);
      Rational value = number(tokens[k + 1]);
      if (i == -2) continue;
      if (!new_entry(i, j)) fail("duplicate entry for column \"" + tokens[0] + "\" in row \"" + tokens[k] + "\"");
      if (i == -1) {
        model_.objective.resize(model_.variables.size(), Rational(0));
        model_.objective[j] = value;
      } else {
        model_.constraints[i].coef.emplace_back(j, std::move(value));
      }
    }
  }

  // RHS and RANGES lines: [set] row value [row value]; the set name is optional.
  std::vector<std::pair<std::string, std::string>> row_value_pairs(const std::vector<std::string>& tokens,
                                                                   const char* section) const {
    if (tokens.size() < 2 || tokens.size() > 5)
      fail(std::string("malformed ") + section + " line (expected: [set] row value [row value])");
    std::size_t first = tokens.size() % 2;  // an odd count starts with the set name
    std::vector<std::pair<std::string, std::string>> pairs;
    for (std::size_t k = first; k + 1 < tokens.size(); k += 2) pairs.emplace_back(tokens[k], tokens[k + 1]);
    return pairs;
  }

  void rhs_line(const std::vector<std::string>& tokens) {
    for (const auto& [name, text] : row_value_pairs(tokens, "RHS")) {
      const int i = row(name);
      Rational value = number(text);
      if (i == -1)
        fail("RHS on the objective row \"" + name + "\" (an objective constant) is not supported");
      if (i == -2) continue;
      if (!rhs_seen_.insert(i).second) fail("duplicate RHS for row \"" + name + "\"");
      model_.constraints[i].rhs = std::move(value);
    }
  }

  void range_line(const std::vector<std::string>& tokens) {
    for (const auto& [name, text] : row_value_pairs(tokens, "RANGES")) {
      const int i = row(name);
      Rational value = number(text);
      if (i == -1) fail("RANGES on the objective row \"" + name + "\"");
      if (i == -2) continue;
      if (!ranges_.emplace(i, PendingRange{std::move(value), line_no_}).second)
        fail("duplicate range for row \"" + name + "\"");
    }
  }

  // A bound value; nullopt for "inf"/"infinity" with `negative_infinity` telling its sign.
  std::optional<Rational> bound_value(const std::string& text, bool& negative_infinity) const {
    std::string word = upper_case(text);
    negative_infinity = !word.empty() && word[0] == '-';
    if (!word.empty() && (word[0] == '-' || word[0] == '+')) word.erase(0, 1);
    if (word == "INF" || word == "INFINITY") return std::nullopt;
    negative_infinity = false;
    return number(text);
  }

  void bound_line(const std::vector<std::string>& tokens) {
    const std::string type = upper_case(tokens[0]);
    const bool has_value = type == "UP" || type == "LO" || type == "FX";
    const bool no_value = type == "FR" || type == "MI" || type == "PL";
    if (type == "BV" || type == "LI" || type == "UI")
      fail("bound type " + type + " declares an integer variable: " + kMipReason);
    if (type == "SC") fail("semi-continuous bounds (SC) are not supported");
    if (!has_value && !no_value) fail("unknown bound type \"" + tokens[0] + "\"");
    if (tokens.size() < 2 || tokens.size() > 4) fail("malformed BOUNDS line (expected: type [set] column [value])");

    std::string col_name, value_text;
    if (has_value) {
      if (tokens.size() < 3) fail("bound " + type + " needs a value");
      col_name = tokens[tokens.size() - 2];
      value_text = tokens.back();
    } else if (tokens.size() == 2 || tokens.size() == 3) {
      // "FR col" or "FR set col"
      col_name = (tokens.size() == 3 && columns_.count(tokens[2])) ? tokens[2] : tokens[1];
    } else {
      col_name = tokens[2];
    }
    auto it = columns_.find(col_name);
    if (it == columns_.end()) fail("unknown column \"" + col_name + "\"");
    Variable& v = model_.variables[it->second];
    bound_line_[it->second] = line_no_;
    if (has_value) apply_value_bound(v, type, value_text);
    else apply_flag_bound(v, type);
  }

  void apply_value_bound(Variable& v, const std::string& type, const std::string& text) {
    bool minus_inf = false;
    std::optional<Rational> value = bound_value(text, minus_inf);
    if (type == "UP") {
      if (!value && minus_inf) fail("upper bound -infinity for column \"" + v.name + "\"");
      v.upper = value;
    } else if (type == "LO") {
      if (!value && !minus_inf) fail("lower bound +infinity for column \"" + v.name + "\"");
      v.lower = value;
    } else {  // FX
      if (!value) fail("infinite fixed value for column \"" + v.name + "\"");
      v.lower = value;
      v.upper = value;
    }
  }

  static void apply_flag_bound(Variable& v, const std::string& type) {
    if (type == "FR") {
      v.lower.reset();
      v.upper.reset();
    } else if (type == "MI") {
      v.lower.reset();
    } else {  // PL
      v.upper.reset();
    }
  }

  // Splits every ranged row into the row and "<name>_range" (see the file comment).
  void apply_ranges() {
    std::vector<std::pair<int, PendingRange>> ordered(ranges_.begin(), ranges_.end());
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [i, range] : ordered) {
      Constraint extra = model_.constraints[i];
      extra.name += "_range";
      Constraint& base = model_.constraints[i];
      const Rational size = abs(range.value);
      if (base.op == RowOp::LessEqual) {
        extra.op = RowOp::GreaterEqual;
        extra.rhs = base.rhs - size;
      } else if (base.op == RowOp::GreaterEqual) {
        extra.op = RowOp::LessEqual;
        extra.rhs = base.rhs + size;
      } else if (range.value == 0) {
        continue;
      } else {
        base.op = range.value > 0 ? RowOp::GreaterEqual : RowOp::LessEqual;
        extra.op = range.value > 0 ? RowOp::LessEqual : RowOp::GreaterEqual;
        extra.rhs = base.rhs + range.value;
      }
      if (row_name_taken(extra.name))
        fail_at(range.line, "range row name \"" + extra.name + "\" is already used by another row");
      rows_.emplace(extra.name, model_.num_rows());
      model_.constraints.push_back(std::move(extra));
    }
  }

  void check_bounds() const {
    for (int j = 0; j < model_.num_vars(); ++j) {
      const Variable& v = model_.variables[j];
      if (v.lower && v.upper && *v.lower > *v.upper)
        fail_at(bound_line_.at(j), "inconsistent bounds for column \"" + v.name + "\": lower " + equilab::to_string(*v.lower) +
                                       " > upper " + equilab::to_string(*v.upper) +
                                       " (UP with a negative value keeps lower 0 here; add an MI bound)");
    }
  }
};

}  // namespace

LpModel read_mps(std::istream& in, const std::string& file_name) { return MpsReader(in, file_name).read(); }

LpModel read_mps_file(const std::string& path) {
  InputFile file(path);  // refuses a directory and applies the input cap
  std::istream in(&file);
  return read_mps(in, path);
}

}  // namespace equilab::lp
