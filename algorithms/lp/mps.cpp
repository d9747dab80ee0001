// MPS reader.
//
// Lines. A line starting in column 1 is a section header (NAME, OBJSENSE or OBJSEN, ROWS,
// COLUMNS, RHS, RANGES, BOUNDS, ENDATA), a line starting with '*' is a comment, an indented line
// is data; blank lines are skipped and a trailing '\r' is dropped.
//
// Fields. A data line has up to six fields: 1 a code (row or bound type), 2 a name (column, or
// RHS/RANGES/BOUNDS set), 3 a row or column name, 4 a number, 5 a row name, 6 a number.
// - Free format splits the line at blanks; which fields the words fill depends on the section and
//   the word count (an RHS line of 2 or 4 words has no set name; "FR BND x" has one).
// - Fixed format reads the card columns 2-3, 5-12, 15-22, 25-36, 40-47 and 50-61 (GLPK reference
//   manual, chapter "MPS format", section "Fixed MPS format"). Each field is trimmed at both ends,
//   so a name keeps its inner spaces ("DEDO3 1R" in Netlib's forplan). Text between the fields or
//   after column 61, and tabs (which leave the columns ambiguous), are errors, not guesses.
// - Auto reads each data line both ways. When both readings give the same fields, that is the
//   line. The first line where they differ decides the format of the rest of the file: the
//   reading that fits the section wins (the right number of fields; known row and column names
//   and numbers where the section needs them). A line that fits both ways is an error asking for
//   --mps fixed or --mps free. So a file whose names hold spaces is read as fixed from the first
//   such name on (row names come first, in ROWS), and a free file whose long names cross the
//   fixed columns is read as free.
//
// Choices where MPS dialects differ:
// - The first N row is the objective; further N rows and their entries are dropped.
// - An RHS entry on the objective row is the objective constant with its sign changed:
//   objective = c·x - RHS. This is CPLEX's convention ("Objective sense, name, and offset in MPS
//   files": "an objective offset as the negative value of the right hand side"), also Xpress's
//   (attribute OBJRHS) and CGAL's. GLPK alone adds the RHS as it is (its manual calls that
//   non-standard). Netlib's e226 has the RHS -7.113: its published optimum, -18.751929066, is
//   c·x without the constant; equilab reports c·x + 7.113.
// - OBJSENSE: "OBJSENSE MAX" on one line or the word (MAX, MAXIMIZE, MIN, MINIMIZE) on the next
//   line, indented or not. Without it the problem is minimised.
// - RHS/RANGES/BOUNDS set names are optional and every set is applied. In COLUMNS a blank column
//   name (fixed format) continues the previous column.
// - RANGES (GLPK manual's table): on an L row the row becomes b-|R| <= row <= b, on a G row
//   b <= row <= b+|R|, on an E row R > 0 gives b <= row <= b+R and R < 0 gives b+R <= row <= b;
//   R = 0 keeps the equation. A ranged row becomes two rows: the original keeps its name and one
//   side, and "<name>_range" (same coefficients, after all other rows) carries the other side.
// - BOUNDS: UP, LO, FX, FR, MI, PL, and the integer types BV ([0, 1]), LI and UI (a lower or
//   upper bound). A negative UP (or UI) bound on a column whose lower bound the file does not
//   give makes the lower bound -infinity, with a warning: the rule of the SAS/OR documentation
//   ("The MPS-Format SAS Data Set", BOUNDS section: a negative upper bound with the lower bound
//   unspecified sets the lower bound to -infinity) and of QSopt's reader (bounds rules, rule 4).
//   GLPK keeps 0, which leaves the column empty. "inf"/"infinity" (signed) is an infinite bound;
//   other values, such as 1e30, are read exactly as finite numbers. A lower bound above the upper
//   bound is an error pointing at the last bound line of the column.
// - Integer variables are refused: equilab solves LPs, and solving a MIP's LP relaxation would
//   report the relaxation's optimum as the file's. The file is read to its end first, so that the
//   message (at the first declaration: an 'INTORG' marker or a BV/LI/UI bound) can say what the
//   relaxation would be: the integer columns with their bounds, [0, 1] for a column between
//   markers that has no bound of its own (CPLEX's and GLPK's default). SC bounds are refused too.
// - Hostile input: a line longer than kMaxLineBytes or holding a NUL byte stops the reader at that
//   line, and bytes outside printable ASCII are quoted as \xNN in messages.
#include "lp/mps.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iostream>
#include <istream>
#include <new>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/json.h"

namespace equilab::lp {
namespace {

enum class Section { None, ObjSense, Rows, Columns, Rhs, Ranges, Bounds };

// No MPS line needs more: five tokens, each a name or an exact number of thousands of digits.
constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

const char* const kMipReason = "equilab solves LPs; this file is a MIP";

// Fields 1-6 of a data line (index 0 is field 1); "" where the field is blank.
using Fields = std::array<std::string, 6>;

// The fixed-format fields as 0-based [begin, end) positions: card columns 2-3, 5-12, 15-22,
// 25-36, 40-47 and 50-61.
constexpr std::array<std::pair<std::size_t, std::size_t>, 6> kFixedColumns = {
    {{1, 3}, {4, 12}, {14, 22}, {24, 36}, {39, 47}, {49, 61}}};

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

std::string trim_spaces(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

// Fixed-format fields of a data line, or nullopt with the reason in `why`.
std::optional<Fields> fixed_fields(const std::string& line, std::string& why) {
  if (line.find('\t') != std::string::npos) {
    why = "tab character in a fixed-format line (its columns are ambiguous)";
    return std::nullopt;
  }
  for (std::size_t p = 0; p < line.size(); ++p) {
    if (line[p] == ' ') continue;
    if (p >= kFixedColumns.back().second) {
      why = "text after column 61, where the fields of fixed MPS end";
      return std::nullopt;
    }
    const bool in_field = std::any_of(kFixedColumns.begin(), kFixedColumns.end(), [p](const auto& field) {
      return p >= field.first && p < field.second;
    });
    if (!in_field) {
      why = "text in column " + std::to_string(p + 1) +
            ", between the fields of fixed MPS (columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61)";
      return std::nullopt;
    }
  }
  Fields fields;
  for (std::size_t k = 0; k < fields.size(); ++k) {
    const auto [begin, end] = kFixedColumns[k];
    if (begin < line.size()) fields[k] = trim_spaces(std::string_view(line).substr(begin, end - begin));
  }
  return fields;
}

// Bound types whose value is in field 4 (a value after BV, FR, MI or PL is ignored).
bool bound_has_value(const std::string& type) {
  return type == "UP" || type == "LO" || type == "FX" || type == "LI" || type == "UI";
}
bool bound_type_known(const std::string& type) {
  return bound_has_value(type) || type == "FR" || type == "MI" || type == "PL" || type == "BV";
}

bool is_sense_word(const std::string& text) {
  const std::string word = upper_case(text);
  return word == "MAX" || word == "MAXIMIZE" || word == "MIN" || word == "MINIMIZE";
}

bool is_number(const std::string& text) {
  try {
    parse_rational(text);
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

// "inf"/"infinity" with an optional sign; `negative` tells which.
bool is_infinity_word(const std::string& text, bool& negative) {
  std::string word = upper_case(text);
  negative = !word.empty() && word[0] == '-';
  if (!word.empty() && (word[0] == '-' || word[0] == '+')) word.erase(0, 1);
  return word == "INF" || word == "INFINITY";
}

// A row's range, remembered with its line so that a late error can point at it.
struct PendingRange {
  Rational value;
  int line = 0;
};

// What the reader knows about a column beyond its Variable.
struct ColumnInfo {
  bool objective_entry = false;  // has an objective coefficient
  bool reopened = false;         // came back in COLUMNS after another column
  bool lower_given = false;      // LO, FX, FR, MI, BV or LI set its lower bound
  bool has_bound = false;        // any BOUNDS line names it
  bool integer = false;          // between integer markers, or a BV/LI/UI bound
  bool marker_integer = false;   // between integer markers
  int bound_line = 0;            // its last BOUNDS line
  int negative_upper_line = 0;   // the UP/UI line of a negative upper bound still in force
};

// The first declaration of integrality, refused once the file is read (see the file comment).
struct IntegerDeclaration {
  int line = 0;
  std::string what, field;
};

class MpsReader {
 public:
  MpsReader(std::istream& in, std::string file, MpsFormat format, std::vector<std::string>& warnings)
      : in_(in), file_(std::move(file)), format_(format), warnings_(warnings) {
    model_.sense = Sense::Minimize;
  }

  LpModel read() {
    std::string line;
    while (!done_ && next_line(line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      handle_line(line);
    }
    if (!done_) fail("missing ENDATA at end of file");
    apply_negative_upper_rule();
    refuse_integrality();
    apply_ranges();
    check_bounds();
    model_.objective.resize(model_.variables.size(), Rational(0));
    normalize_rows(model_);
    return std::move(model_);
  }

 private:
  std::istream& in_;
  std::string file_;
  MpsFormat format_;    // Auto until a line decides it
  int decided_at_ = 0;  // the line that decided the format in Auto mode
  std::vector<std::string>& warnings_;
  int line_no_ = 0;
  bool done_ = false;
  Section section_ = Section::None;
  LpModel model_;
  std::string objective_row_;
  bool objective_rhs_seen_ = false;
  std::unordered_set<std::string> ignored_rows_;         // N rows after the first
  std::unordered_map<std::string, int> rows_, columns_;  // name -> index
  std::vector<ColumnInfo> info_;                         // per column
  // Duplicate COLUMNS entries, found without a set of all (row, column) pairs: columns normally
  // come in one block each, so a repeated entry of the current column is one whose row was last
  // written by this column. A column that comes back after another one ("reopened") is checked
  // against the row's entries instead.
  std::vector<int> last_column_of_row_;  // row -> the last column with an entry in it (-1: none)
  int current_column_ = -1;
  bool in_integer_block_ = false;
  std::optional<IntegerDeclaration> first_integer_;
  std::set<int> rhs_seen_;
  std::unordered_map<int, PendingRange> ranges_;

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
    if (line.empty() || line[0] == '*') return;
    const auto tokens = split_tokens(line);
    if (tokens.empty()) return;
    bool header = !is_blank(line[0]);
    // Some writers put the OBJSENSE word in column 1 on the next line.
    if (header && section_ == Section::ObjSense && tokens.size() == 1 && is_sense_word(tokens[0]))
      header = false;
    if (header) return start_section(tokens);
    switch (section_) {
      case Section::None: fail("data line outside a section");
      case Section::ObjSense:
        if (tokens.size() != 1) fail("malformed OBJSENSE line (expected MAX or MIN)");
        return set_sense(tokens[0]);
      case Section::Rows: return row_line(fields_of(line, tokens));
      case Section::Columns: return column_line(fields_of(line, tokens));
      case Section::Rhs: return rhs_line(fields_of(line, tokens));
      case Section::Ranges: return range_line(fields_of(line, tokens));
      case Section::Bounds: return bound_line(fields_of(line, tokens));
    }
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
    else if (word == "OBJSENSE" || word == "OBJSEN") {
      section_ = Section::ObjSense;
      if (tokens.size() > 2) fail("malformed OBJSENSE line");
      if (tokens.size() == 2) set_sense(tokens[1]);
    } else {
      fail("unknown section \"" + tokens[0] + "\"");
    }
    if (word != "NAME" && section_ != Section::ObjSense && tokens.size() > 1)
      fail("unexpected text after " + word);
  }

  // ---- fields: free, fixed, or decided by the file (see the file comment) ----

  const char* section_shape() const {
    switch (section_) {
      case Section::Rows: return "malformed ROWS line (expected: type name)";
      case Section::Columns: return "malformed COLUMNS line (expected: column row value [row value])";
      case Section::Rhs: return "malformed RHS line (expected: [set] row value [row value])";
      case Section::Ranges: return "malformed RANGES line (expected: [set] row value [row value])";
      case Section::Bounds: return "malformed BOUNDS line (expected: type [set] column [value])";
      default: return "malformed line";
    }
  }

  // How the format was chosen, for messages about a line that does not fit it.
  std::string format_note() const {
    if (decided_at_ == 0) return "";
    return std::string(" (the file is read as ") + (format_ == MpsFormat::Fixed ? "fixed" : "free") +
           " MPS from line " + std::to_string(decided_at_) + " on; choose with --mps fixed or --mps free)";
  }

  Fields fields_of(const std::string& line, const std::vector<std::string>& tokens) {
    std::string why_not_fixed;
    std::optional<Fields> fixed =
        format_ == MpsFormat::Free ? std::nullopt : fixed_fields(line, why_not_fixed);
    // A marker's kind stands in field 5 (GLPK manual) or, as some writers put it, in field 4.
    if (fixed && section_ == Section::Columns && upper_case((*fixed)[2]) == "'MARKER'" && (*fixed)[4].empty())
      std::swap((*fixed)[3], (*fixed)[4]);
    if (format_ == MpsFormat::Fixed) {
      if (!fixed) fail(why_not_fixed + format_note());
      return *fixed;
    }
    const std::optional<Fields> free = free_fields(tokens);
    if (format_ == MpsFormat::Free) {
      if (!free) fail(section_shape() + format_note());
      return *free;
    }
    if (free && fixed && *free == *fixed) return *free;
    const bool free_fits = free && fits(*free), fixed_fits = fixed && fits(*fixed);
    if (free_fits && fixed_fits)
      fail("the line reads differently as free MPS (" + describe(*free) + ") and as fixed MPS (" +
           describe(*fixed) + "); choose with --mps free or --mps fixed");
    if (free_fits || fixed_fits) {
      format_ = free_fits ? MpsFormat::Free : MpsFormat::Fixed;
      decided_at_ = line_no_;
      return free_fits ? *free : *fixed;
    }
    // Neither reading fits: the section's check reports what is wrong with the closer one.
    if (free) return *free;
    if (fixed) return *fixed;
    fail(section_shape());
  }

  static std::string describe(const Fields& f) {
    std::string text;
    for (std::size_t k = 0; k < f.size(); ++k)
      if (!f[k].empty())
        text +=
            (text.empty() ? "" : ", ") + std::string("field ") + std::to_string(k + 1) + " \"" + f[k] + "\"";
    return text;
  }

  // The words of a free-format line placed in their fields; nullopt when their count does not
  // fit the section.
  std::optional<Fields> free_fields(const std::vector<std::string>& words) const {
    Fields f;
    const std::size_t n = words.size();
    auto place = [&](std::initializer_list<int> slots) {
      std::size_t k = 0;
      for (int slot : slots) f[slot] = words[k++];
      return std::optional<Fields>(f);
    };
    switch (section_) {
      case Section::Rows:
        if (n == 2) return place({0, 1});
        break;
      case Section::Columns:
        if (n == 3 && upper_case(words[1]) == "'MARKER'") return place({1, 2, 4});
        if (n == 3) return place({1, 2, 3});
        if (n == 5) return place({1, 2, 3, 4, 5});
        break;
      case Section::Rhs:
      case Section::Ranges:  // an odd count starts with the set name
        if (n == 2) return place({2, 3});
        if (n == 3) return place({1, 2, 3});
        if (n == 4) return place({2, 3, 4, 5});
        if (n == 5) return place({1, 2, 3, 4, 5});
        break;
      case Section::Bounds: {
        const bool value = bound_has_value(upper_case(words[0]));
        if (n == 2 && !value) return place({0, 2});
        if (n == 3 && value) return place({0, 2, 3});
        if (n == 3)
          return columns_.count(words[2]) ? place({0, 1, 2})
                                          : place({0, 2, 3});  // "FR set col" or "BV col 1"
        if (n == 4) return place({0, 1, 2, 3});
        break;
      }
      default: break;
    }
    return std::nullopt;
  }

  // Whether a reading of a line makes sense in its section: what every accepted line has.
  bool fits(const Fields& f) const {
    auto blank = [&f](std::initializer_list<int> slots) {
      return std::all_of(slots.begin(), slots.end(), [&f](int k) { return f[k].empty(); });
    };
    auto entry = [&](int k) { return row_known(f[k]) && is_number(f[k + 1]); };
    auto entries = [&] { return f[0].empty() && entry(2) && (blank({4, 5}) || entry(4)); };
    switch (section_) {
      case Section::Rows: {
        const std::string type = upper_case(f[0]);
        return (type == "N" || type == "L" || type == "G" || type == "E") && !f[1].empty() &&
               blank({2, 3, 4, 5});
      }
      case Section::Columns:
        if (upper_case(f[2]) == "'MARKER'") return f[0].empty();
        return (!f[1].empty() || current_column_ >= 0) && entries();
      case Section::Rhs:
      case Section::Ranges: return entries();
      case Section::Bounds: {
        const std::string type = upper_case(f[0]);
        bool negative = false;
        return bound_type_known(type) && columns_.count(f[2]) && blank({4, 5}) &&
               (!bound_has_value(type) || is_number(f[3]) || is_infinity_word(f[3], negative));
      }
      default: return false;
    }
  }

  // ---- sections ----

  void set_sense(const std::string& text) {
    const std::string word = upper_case(text);
    if (word == "MAX" || word == "MAXIMIZE") model_.sense = Sense::Maximize;
    else if (word == "MIN" || word == "MINIMIZE") model_.sense = Sense::Minimize;
    else fail("unknown OBJSENSE \"" + text + "\" (expected MAX or MIN)");
  }

  bool row_known(const std::string& name) const {
    return rows_.count(name) || ignored_rows_.count(name) || (name == objective_row_ && !name.empty());
  }

  void row_line(const Fields& f) {
    if (f[0].empty() || f[1].empty() || !f[2].empty() || !f[3].empty() || !f[4].empty() || !f[5].empty())
      fail(section_shape());
    const std::string type = upper_case(f[0]);
    const std::string& name = f[1];
    if (row_known(name)) fail("duplicate row \"" + name + "\"");
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
    else fail("unknown row type \"" + f[0] + "\" (expected N, L, G or E)");
    rows_.emplace(name, model_.num_rows());
    model_.constraints.push_back(std::move(row));
    last_column_of_row_.push_back(-1);
  }

  int column(const std::string& name) {
    auto [it, added] = columns_.emplace(name, model_.num_vars());
    if (added) {
      model_.variables.push_back(Variable{name, Rational(0), std::nullopt});
      info_.emplace_back();
    }
    return it->second;
  }

  // Records an entry of column j in row i (-1: the objective); false when it is there already.
  bool new_entry(int i, int j) {
    if (i == -1) {
      if (info_[j].objective_entry) return false;
      info_[j].objective_entry = true;
      return true;
    }
    if (last_column_of_row_[i] == j) return false;
    if (info_[j].reopened) {
      for (const auto& entry : model_.constraints[i].coef)
        if (entry.first == j) return false;
    }
    last_column_of_row_[i] = j;
    return true;
  }

  // Row index; -1 for the objective; -2 for a dropped N row.
  int row(const std::string& name) const {
    if (name == objective_row_ && !objective_row_.empty()) return -1;
    if (ignored_rows_.count(name)) return -2;
    auto it = rows_.find(name);
    if (it == rows_.end()) fail("unknown row \"" + name + "\"");
    return it->second;
  }

  // The (row, value) pairs of a COLUMNS, RHS or RANGES line: fields 3-4 and, optionally, 5-6.
  template <class Use>
  void for_each_entry(const Fields& f, Use use) const {
    if (!f[0].empty()) fail(std::string(section_shape()) + ": field 1 must be blank");
    for (int k : {2, 4}) {
      if (k == 4 && f[4].empty() && f[5].empty()) break;
      if (f[k].empty() || f[k + 1].empty()) fail(section_shape());
      use(f[k], f[k + 1]);
    }
  }

  void column_line(const Fields& f) {
    if (upper_case(f[2]) == "'MARKER'") return marker_line(f);
    if (f[1].empty() && current_column_ < 0) fail("missing column name (field 2)");
    const int j = f[1].empty() ? current_column_ : column_of_line(f[1]);
    if (in_integer_block_) info_[j].integer = info_[j].marker_integer = true;
    for_each_entry(f, [&](const std::string& row_name, const std::string& text) {
      const int i = row(row_name);
      Rational value = number(text);
      if (i == -2) return;
      if (!new_entry(i, j))
        fail("duplicate entry for column \"" + model_.variables[j].name + "\" in row \"" + row_name + "\"");
      if (i == -1) {
        model_.objective.resize(model_.variables.size(), Rational(0));
        model_.objective[j] = std::move(value);
      } else {
        model_.constraints[i].coef.emplace_back(j, std::move(value));
      }
    });
  }

  // The column a COLUMNS line names, noting a column that comes back after another one.
  int column_of_line(const std::string& name) {
    const std::size_t known = columns_.size();
    const int j = column(name);
    if (j != current_column_) {
      if (columns_.size() == known) info_[j].reopened = true;  // seen before, and another column since
      current_column_ = j;
    }
    return j;
  }

  // 'MARKER' lines, with the kind in field 5 (fields_of moves it there from field 4).
  void marker_line(const Fields& f) {
    const std::string kind = upper_case(f[4]);
    if (kind == "'INTORG'") {
      in_integer_block_ = true;
      note_integer("integer markers", "field 3 'MARKER' with 'INTORG'");
    } else if (kind == "'INTEND'") {
      in_integer_block_ = false;
    } else {
      fail("malformed MARKER line (expected 'INTORG' or 'INTEND')");
    }
  }

  void note_integer(const std::string& what, const std::string& field) {
    if (!first_integer_) first_integer_ = IntegerDeclaration{line_no_, what, field};
  }

  void rhs_line(const Fields& f) {
    for_each_entry(f, [&](const std::string& name, const std::string& text) {
      const int i = row(name);
      Rational value = number(text);
      if (i == -2) return;
      if (i == -1) {
        if (objective_rhs_seen_) fail("duplicate RHS for the objective row \"" + name + "\"");
        objective_rhs_seen_ = true;
        model_.objective_constant = -value;  // CPLEX's sign convention (file comment)
        return;
      }
      if (!rhs_seen_.insert(i).second) fail("duplicate RHS for row \"" + name + "\"");
      model_.constraints[i].rhs = std::move(value);
    });
  }

  void range_line(const Fields& f) {
    for_each_entry(f, [&](const std::string& name, const std::string& text) {
      const int i = row(name);
      Rational value = number(text);
      if (i == -1) fail("RANGES on the objective row \"" + name + "\"");
      if (i == -2) return;
      if (!ranges_.emplace(i, PendingRange{std::move(value), line_no_}).second)
        fail("duplicate range for row \"" + name + "\"");
    });
  }

  void bound_line(const Fields& f) {
    const std::string type = upper_case(f[0]);
    if (type == "SC") fail("semi-continuous bounds (SC) are not supported");
    if (!bound_type_known(type)) fail("unknown bound type \"" + f[0] + "\"");
    if (f[2].empty() || !f[4].empty() || !f[5].empty()) fail(section_shape());
    auto it = columns_.find(f[2]);
    if (it == columns_.end()) fail("unknown column \"" + f[2] + "\"");
    const int j = it->second;
    info_[j].bound_line = line_no_;
    info_[j].has_bound = true;
    if (bound_has_value(type)) {
      if (f[3].empty()) fail("bound " + type + " needs a value (field 4)");
      apply_value_bound(j, type, f[3]);
    } else {
      apply_flag_bound(j, type);
    }
    if (type == "BV" || type == "LI" || type == "UI") {
      info_[j].integer = true;
      note_integer("bound type " + type + " declares an integer variable", "field 1 " + type);
    }
  }

  void apply_value_bound(int j, const std::string& type, const std::string& text) {
    Variable& v = model_.variables[j];
    ColumnInfo& info = info_[j];
    bool minus_inf = false;
    std::optional<Rational> value;
    if (!is_infinity_word(text, minus_inf)) value = number(text);
    if (type == "UP" || type == "UI") {
      if (!value && minus_inf) fail("upper bound -infinity for column \"" + v.name + "\"");
      v.upper = value;
      info.negative_upper_line = value && *value < 0 ? line_no_ : 0;
    } else if (type == "LO" || type == "LI") {
      if (!value && !minus_inf) fail("lower bound +infinity for column \"" + v.name + "\"");
      v.lower = value;
      info.lower_given = true;
    } else {  // FX
      if (!value) fail("infinite fixed value for column \"" + v.name + "\"");
      v.lower = value;
      v.upper = value;
      info.lower_given = true;
      info.negative_upper_line = 0;
    }
  }

  void apply_flag_bound(int j, const std::string& type) {
    Variable& v = model_.variables[j];
    ColumnInfo& info = info_[j];
    if (type == "FR" || type == "MI") {
      v.lower.reset();
      info.lower_given = true;
    }
    if (type == "FR" || type == "PL") {
      v.upper.reset();
      info.negative_upper_line = 0;
    }
    if (type == "BV") {
      v.lower = Rational(0);
      v.upper = Rational(1);
      info.lower_given = true;
      info.negative_upper_line = 0;
    }
  }

  // A negative upper bound without a lower bound of the file's: lower -infinity (file comment).
  void apply_negative_upper_rule() {
    for (int j = 0; j < model_.num_vars(); ++j) {
      const ColumnInfo& info = info_[j];
      if (info.negative_upper_line == 0 || info.lower_given) continue;
      Variable& v = model_.variables[j];
      v.lower.reset();
      warnings_.push_back(
          printable(file_ + ": line " + std::to_string(info.negative_upper_line) + ": column \"" + v.name +
                    "\" has the negative upper bound " + equilab::to_string(*v.upper) +
                    " and no lower bound in the file: its lower bound is -infinity, not 0 (the convention of "
                    "the major MPS readers; GLPK keeps 0)"));
    }
  }

  static std::string interval(const std::optional<Rational>& lower, const std::optional<Rational>& upper) {
    return "[" + (lower ? equilab::to_string(*lower) : std::string("-inf")) + ", " +
           (upper ? equilab::to_string(*upper) : std::string("+inf")) + "]";
  }

  // Refuses a file that declares integer variables, saying what its LP relaxation would be.
  void refuse_integrality() const {
    if (!first_integer_) return;
    constexpr int kShown = 6;
    std::string columns;
    int count = 0;
    for (int j = 0; j < model_.num_vars(); ++j) {
      const ColumnInfo& info = info_[j];
      if (!info.integer) continue;
      if (++count > kShown) continue;
      const Variable& v = model_.variables[j];
      // A column between markers without bounds of its own is binary (CPLEX, GLPK).
      const bool binary_default = info.marker_integer && !info.has_bound;
      columns += (count == 1 ? "" : ", ") + v.name + " in " +
                 (binary_default ? interval(Rational(0), Rational(1)) : interval(v.lower, v.upper));
    }
    if (count > kShown) columns += " and " + std::to_string(count - kShown) + " more";
    fail_at(first_integer_->line, first_integer_->what + ": " + kMipReason +
                                      ", and integrality is not supported (" + first_integer_->field +
                                      "; the LP relaxation would have " + columns +
                                      " as continuous columns)");
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
      if (row_known(extra.name))
        fail_at(range.line, "range row name \"" + extra.name + "\" is already used by another row");
      rows_.emplace(extra.name, model_.num_rows());
      model_.constraints.push_back(std::move(extra));
    }
  }

  void check_bounds() const {
    for (int j = 0; j < model_.num_vars(); ++j) {
      const Variable& v = model_.variables[j];
      if (v.lower && v.upper && *v.lower > *v.upper)
        fail_at(info_[j].bound_line, "inconsistent bounds for column \"" + v.name + "\": lower " +
                                         equilab::to_string(*v.lower) + " > upper " +
                                         equilab::to_string(*v.upper));
    }
  }
};

// The bytes of an input file, decompressed when they start with gzip's magic bytes 1f 8b (RFC
// 1952), whatever the file's name; several gzip members in a row are read one after the other.
// InputFile caps the bytes of the file; this caps the decompressed bytes at the same limit
// (--max-input-bytes), so that a small file that inflates without end stops at the cap.
class DecodedFile : public std::streambuf {
 public:
  explicit DecodedFile(const std::string& path) : file_(path), in_(kChunkBytes), cap_(max_input_bytes()) {
    const std::streamsize n = file_.sgetn(in_.data(), static_cast<std::streamsize>(in_.size()));
    gzip_ =
        n >= 2 && static_cast<unsigned char>(in_[0]) == 0x1f && static_cast<unsigned char>(in_[1]) == 0x8b;
    if (!gzip_) {
      setg(in_.data(), in_.data(), in_.data() + n);
      return;
    }
    out_.resize(kChunkBytes);
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
    stream_.avail_in = static_cast<uInt>(n);
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();  // 16: gzip only
    setg(out_.data(), out_.data(), out_.data());
  }
  ~DecodedFile() override {
    if (gzip_) inflateEnd(&stream_);
  }
  DecodedFile(const DecodedFile&) = delete;
  DecodedFile& operator=(const DecodedFile&) = delete;

  // Decompresses what follows the point where the MPS reader stopped (ENDATA), so that a gzip
  // file is checked to its end: a truncated file, a failed CRC or bytes after the data are errors.
  void finish() {
    if (!gzip_) return;
    do setg(eback(), egptr(), egptr());
    while (!traits_type::eq_int_type(underflow(), traits_type::eof()));
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (gzip_) return inflate_more();
    const std::streamsize n = file_.sgetn(in_.data(), static_cast<std::streamsize>(in_.size()));
    if (n <= 0) return traits_type::eof();
    setg(in_.data(), in_.data(), in_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kChunkBytes = std::size_t{1} << 16;
  InputFile file_;
  std::vector<char> in_, out_;
  std::uint64_t cap_, decoded_ = 0;
  bool gzip_ = false, member_done_ = false;
  z_stream stream_{};

  [[noreturn]] void fail(const std::string& reason) const {
    throw InputError(file_.path(), "gzip data", reason);
  }

  bool refill() {
    const std::streamsize n = file_.sgetn(in_.data(), static_cast<std::streamsize>(in_.size()));
    if (n <= 0) return false;
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
    stream_.avail_in = static_cast<uInt>(n);
    return true;
  }

  int_type inflate_more() {
    for (;;) {
      if (member_done_) {  // the end of the file, or another gzip member
        if (stream_.avail_in == 0 && !refill()) return traits_type::eof();
        if (*stream_.next_in != 0x1f) fail("bytes after the end of the compressed data: not a gzip file");
        if (inflateReset(&stream_) != Z_OK) fail("cannot restart the decompression");
        member_done_ = false;
      }
      if (stream_.avail_in == 0 && !refill()) fail("truncated: the file ends inside the compressed data");
      stream_.next_out = reinterpret_cast<Bytef*>(out_.data());
      stream_.avail_out = static_cast<uInt>(out_.size());
      const int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_MEM_ERROR) throw std::bad_alloc();
      const std::size_t produced = out_.size() - stream_.avail_out;
      if (rc == Z_STREAM_END) member_done_ = true;
      else if (rc != Z_OK && !(rc == Z_BUF_ERROR && stream_.avail_in == 0))  // that one needs more input
        fail(std::string("corrupt compressed data (zlib: ") +
             (stream_.msg ? stream_.msg : "error " + std::to_string(rc)) + ")");
      if (produced == 0) continue;
      decoded_ += produced;
      if (cap_ != 0 && decoded_ > cap_)
        fail("the decompressed text passed the input cap of " + describe_size(cap_) +
             " before its end; raise the cap with --max-input-bytes");
      setg(out_.data(), out_.data(), out_.data() + produced);
      return traits_type::to_int_type(*gptr());
    }
  }
};

void print_warnings(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "equilab: warning: " << w << "\n";
}

}  // namespace

MpsFormat parse_mps_format(const std::string& text) {
  if (text == "auto") return MpsFormat::Auto;
  if (text == "fixed") return MpsFormat::Fixed;
  if (text == "free") return MpsFormat::Free;
  throw std::invalid_argument("MPS format \"" + text + "\" is not auto, fixed or free");
}

LpModel read_mps(std::istream& in, const std::string& file_name, MpsFormat format,
                 std::vector<std::string>& warnings) {
  return MpsReader(in, file_name, format, warnings).read();
}

LpModel read_mps(std::istream& in, const std::string& file_name, MpsFormat format) {
  std::vector<std::string> warnings;
  LpModel model = read_mps(in, file_name, format, warnings);
  print_warnings(warnings);
  return model;
}

LpModel read_mps_file(const std::string& path, MpsFormat format, std::vector<std::string>& warnings) {
  DecodedFile file(path);  // InputFile inside refuses a directory and applies the input cap
  std::istream in(&file);
  LpModel model = read_mps(in, path, format, warnings);
  file.finish();
  return model;
}

LpModel read_mps_file(const std::string& path, MpsFormat format) {
  std::vector<std::string> warnings;
  LpModel model = read_mps_file(path, format, warnings);
  print_warnings(warnings);
  return model;
}

bool is_mps_file_name(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto ends_with = [&lower](std::string_view tail) {
    return lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends_with(".mps") || ends_with(".mps.gz");
}

}  // namespace equilab::lp
