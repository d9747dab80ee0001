// Free-format MPS writer with exact numbers (contract in mps.h). The text is built whole before
// anything is written, so a model MPS cannot hold leaves the stream untouched.
//
// Layout, chosen so that read_mps gives the model back:
// - every variable appears in COLUMNS, in order (an empty column gets an explicit 0 objective
//   entry), because the reader creates variables in order of appearance;
// - sets are always named (RHS, BND), so that "FR BND x" cannot be read as "FR x <value>";
// - the objective row is "obj", or the first of "obj_1", "obj_2", ... no constraint is named;
// - a lower bound is written whenever the reader's default would differ: LO for a lower bound
//   other than 0, and also for a lower bound 0 under a negative upper bound, since a negative UP
//   alone means a lower bound of -infinity to MPS readers (mps.cpp).
// Names are never changed: a name free MPS cannot hold (a blank inside, or a row named like the
// integer marker 'MARKER') is refused with its name, as is a number that is not a finite decimal.
#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "lp/mps.h"

namespace equilab::lp {
namespace {

// The exact decimal text of `value`, or nullopt when it has none (its denominator in lowest
// terms has a prime factor other than 2 and 5).
std::optional<std::string> exact_decimal(const Rational& value) {
  const Integer num = boost::multiprecision::numerator(value);
  Integer den = boost::multiprecision::denominator(value);
  unsigned twos = 0, fives = 0;
  while (den % 2 == 0) den /= 2, ++twos;
  while (den % 5 == 0) den /= 5, ++fives;
  if (den != 1) return std::nullopt;
  // num / (2^twos 5^fives) = num 2^(d - twos) 5^(d - fives) / 10^d with d = max(twos, fives).
  const unsigned places = std::max(twos, fives);
  const Integer scaled = abs(num) * boost::multiprecision::pow(Integer(2), places - twos) *
                         boost::multiprecision::pow(Integer(5), places - fives);
  std::string digits = scaled.str();
  if (places > 0) {
    if (digits.size() <= places) digits.insert(0, places + 1 - digits.size(), '0');
    digits.insert(digits.size() - places, ".");
  }
  return (num < 0 ? "-" : "") + digits;
}

std::string mps_number(const Rational& value, const std::string& what) {
  if (auto text = exact_decimal(value)) return *text;
  throw std::invalid_argument("MPS cannot hold the " + what + ", " + equilab::to_string(value) +
                              ": it is not a finite decimal, and MPS has no fractions (a rounded value would "
                              "be another LP); keep this LP in JSON");
}

// A name free MPS can hold: not empty, without blanks or control characters.
void check_name(const std::string& name, const char* kind, std::unordered_set<std::string>& seen) {
  const bool writable = !name.empty() && std::none_of(name.begin(), name.end(),
                                                      [](unsigned char c) { return c <= ' ' || c == 0x7f; });
  if (!writable)
    throw std::invalid_argument(std::string("free MPS cannot hold the ") + kind + " name \"" + name +
                                "\" (empty, or a blank or control character inside); rename it");
  if (!seen.insert(name).second)
    throw std::invalid_argument(std::string("two ") + kind + "s are named \"" + name +
                                "\"; MPS needs distinct names");
}

std::string objective_row_name(const LpModel& model) {
  std::unordered_set<std::string> taken;
  for (const auto& row : model.constraints) taken.insert(row.name);
  std::string name = "obj";
  for (int k = 1; taken.count(name); ++k) name = "obj_" + std::to_string(k);
  return name;
}

const char* row_type(RowOp op) {
  switch (op) {
    case RowOp::LessEqual: return "L";
    case RowOp::GreaterEqual: return "G";
    case RowOp::Equal: return "E";
  }
  return "?";
}

void write_bounds(std::ostream& out, const Variable& v) {
  const std::string& x = v.name;
  auto line = [&](const char* type, const std::optional<Rational>& value, const char* what) {
    out << " " << type << " BND " << x;
    if (value) out << " " << mps_number(*value, std::string(what) + " of variable \"" + x + "\"");
    out << "\n";
  };
  if (!v.lower && !v.upper) return line("FR", std::nullopt, "");
  if (v.lower && v.upper && *v.lower == *v.upper) return line("FX", v.lower, "fixed value");
  if (!v.lower) line("MI", std::nullopt, "");
  else if (*v.lower != 0 || (v.upper && *v.upper < 0)) line("LO", v.lower, "lower bound");
  if (v.upper) line("UP", v.upper, "upper bound");
}

}  // namespace

void write_mps(std::ostream& out, const LpModel& input) {
  LpModel model = input;
  normalize_rows(model);
  std::unordered_set<std::string> variable_names, row_names;
  for (const auto& v : model.variables) check_name(v.name, "variable", variable_names);
  for (const auto& row : model.constraints) {
    check_name(row.name, "row", row_names);
    std::string upper = row.name;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (upper == "'MARKER'")
      throw std::invalid_argument("free MPS cannot hold the row name \"" + row.name +
                                  "\" (it reads as an integer marker); rename it");
  }
  const std::string obj = objective_row_name(model);

  // Column-wise entries: the objective first, then the rows in order.
  std::vector<std::vector<std::pair<int, const Rational*>>> columns(model.variables.size());
  for (int i = 0; i < model.num_rows(); ++i)
    for (const auto& [j, a] : model.constraints[i].coef) columns[j].emplace_back(i, &a);

  std::ostringstream text;
  text << "NAME\n";
  if (model.sense == Sense::Maximize) text << "OBJSENSE\n    MAX\n";
  text << "ROWS\n N " << obj << "\n";
  for (const auto& row : model.constraints) text << " " << row_type(row.op) << " " << row.name << "\n";
  text << "COLUMNS\n";
  for (int j = 0; j < model.num_vars(); ++j) {
    const std::string& x = model.variables[j].name;
    const Rational c = j < static_cast<int>(model.objective.size()) ? model.objective[j] : Rational(0);
    if (c != 0 || columns[j].empty())
      text << " " << x << " " << obj << " "
           << mps_number(c, "objective coefficient of variable \"" + x + "\"") << "\n";
    for (const auto& [i, a] : columns[j]) {
      const std::string& r = model.constraints[i].name;
      text << " " << x << " " << r << " "
           << mps_number(*a, "coefficient of variable \"" + x + "\" in row \"" + r + "\"") << "\n";
    }
  }
  text << "RHS\n";
  // The objective constant is the negated RHS of the objective row (mps.cpp).
  if (model.objective_constant != 0) {
    mps_number(model.objective_constant, "objective constant");  // refuses a fraction, named as it is
    text << " RHS " << obj << " " << *exact_decimal(-model.objective_constant) << "\n";
  }
  for (const auto& row : model.constraints)
    if (row.rhs != 0)
      text << " RHS " << row.name << " " << mps_number(row.rhs, "right-hand side of row \"" + row.name + "\"")
           << "\n";
  text << "BOUNDS\n";
  for (const auto& v : model.variables) write_bounds(text, v);
  text << "ENDATA\n";
  out << text.str();
}

}  // namespace equilab::lp
