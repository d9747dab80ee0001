// VIPR 1.0 writer. Section references are to "MILP certificate file format version 1.0"
// (Cheung, Gleixner, Steffy: "Verifying Integer Programming Results").
//
// Choices the format leaves open (README "VIPR certificates"):
// - Names are single tokens (VAR section: names are separated by spaces or line breaks), so
//   every byte outside printable ASCII or a blank becomes '_' and an empty name becomes
//   x<j> / row<i> (model variable j, model row i). A name already taken gets "~<index>"
//   appended (its index in VAR or CON) until it is unique.
// - The format has no bounds ("bound constraints are not treated specially"): every finite
//   bound is a constraint, before the model's rows as the CON section requires: l_j <= X_j as
//   "<name>_lower G l", X_j <= u_j as "<name>_upper L u", and l_j = u_j as one "<name>_fixed E".
// - OBJ has no constant term. A model with a non-zero constant gets one more variable,
//   "objective_constant", fixed at 1 by a bound constraint and carrying the constant as its
//   objective coefficient, so that OBJ, SOL and RTP state the model's own objective values.
#include "lp/vipr.h"
#include "lp/exact_algebra.h"  // exact A^T y, shared with the certificate check

#include <algorithm>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace equilab::lp {
namespace {

using Terms = std::vector<std::pair<int, Rational>>;  // (index, non-zero value), increasing index

// Gives every name a distinct single-token spelling, deterministically in order of request.
class TokenNames {
 public:
  std::string take(const std::string& name, const std::string& fallback, int index) {
    std::string token = name;
    for (char& ch : token)
      if (ch <= ' ' || ch > '~') ch = '_';  // blanks and bytes outside printable ASCII
    if (token.empty()) token = fallback;
    while (used_.count(token)) token += "~" + std::to_string(index);
    used_.insert(token);
    return token;
  }

 private:
  std::set<std::string> used_;
};

struct ViprConstraint {
  std::string name;
  char sense;  // 'L', 'G' or 'E' (Constraint format)
  Rational rhs;
  Terms coef;
};

// The LP as VIPR states it: variables (plus the constant's), objective, bound constraints
// first, then the model's rows.
struct ViprLp {
  std::vector<std::string> variables;
  Terms objective;
  std::vector<ViprConstraint> constraints;
  int num_bounds = 0;
  std::vector<std::optional<int>> lower_row, upper_row;  // per model variable; fixed: both the E row
  std::optional<int> constant_variable, constant_row;
  int first_model_row = 0;
  TokenNames constraint_names;  // the derivation's name is taken from it too
};

Terms nonzero(const std::vector<Rational>& values) {
  Terms terms;
  for (int j = 0; j < static_cast<int>(values.size()); ++j)
    if (values[j] != 0) terms.emplace_back(j, values[j]);
  return terms;
}

ViprLp translate(const LpModel& model) {
  ViprLp v;
  TokenNames var_names;
  const int n = model.num_vars();
  for (int j = 0; j < n; ++j) v.variables.push_back(var_names.take(model.variables[j].name, "x" + std::to_string(j), j));
  v.objective = nonzero(model.objective);
  if (model.objective_constant != 0) {
    v.constant_variable = n;
    v.variables.push_back(var_names.take("objective_constant", "", n));
    v.objective.emplace_back(n, model.objective_constant);
  }

  // A taken name gets "~<its index in CON>" appended.
  auto add = [&](const std::string& name, const std::string& fallback, char sense, const Rational& rhs, Terms coef) {
    const int index = static_cast<int>(v.constraints.size());
    v.constraints.push_back({v.constraint_names.take(name, fallback, index), sense, rhs, std::move(coef)});
    return index;
  };
  v.lower_row.resize(n);
  v.upper_row.resize(n);
  for (int j = 0; j < n; ++j) {
    const Variable& var = model.variables[j];
    const Terms unit{{j, Rational(1)}};
    if (var.lower && var.upper && *var.lower == *var.upper) {
      v.lower_row[j] = v.upper_row[j] = add(v.variables[j] + "_fixed", "", 'E', *var.lower, unit);
      continue;
    }
    if (var.lower) v.lower_row[j] = add(v.variables[j] + "_lower", "", 'G', *var.lower, unit);
    if (var.upper) v.upper_row[j] = add(v.variables[j] + "_upper", "", 'L', *var.upper, unit);
  }
  if (v.constant_variable) {
    const int k = *v.constant_variable;
    v.constant_row = add(v.variables[k] + "_fixed", "", 'E', Rational(1), Terms{{k, Rational(1)}});
  }
  v.num_bounds = v.first_model_row = static_cast<int>(v.constraints.size());
  for (int i = 0; i < model.num_rows(); ++i) {
    const Constraint& row = model.constraints[i];
    const char sense = row.op == RowOp::LessEqual ? 'L' : row.op == RowOp::GreaterEqual ? 'G' : 'E';
    Terms coef;
    for (const auto& [j, a] : row.coef)
      if (a != 0) coef.emplace_back(j, a);
    add(row.name, "row" + std::to_string(i), sense, row.rhs, std::move(coef));
  }
  return v;
}

// "p i_1 a_1 ... i_p a_p" (Constraint format; also the OBJ, SOL and lin lists).
void write_terms(std::ostream& out, const Terms& terms) {
  out << terms.size();
  for (const auto& [i, a] : terms) out << "  " << i << ' ' << equilab::to_string(a);
}

void write_problem(std::ostream& out, const ViprLp& v, Sense sense) {
  out << "VER 1.0\n";
  out << "VAR " << v.variables.size() << '\n';
  for (const std::string& name : v.variables) out << name << '\n';
  out << "INT 0\n";
  out << "OBJ " << (sense == Sense::Minimize ? "min" : "max") << '\n';
  write_terms(out, v.objective);
  out << '\n';
  out << "CON " << v.constraints.size() << ' ' << v.num_bounds << '\n';
  for (const ViprConstraint& c : v.constraints) {
    out << c.name << ' ' << c.sense << ' ' << equilab::to_string(c.rhs) << "  ";
    write_terms(out, c.coef);
    out << '\n';
  }
}

// The bound constraint that a multiplier of variable j needs; the format cannot state a
// derivation from an infinite bound, so a certificate that needs one is refused.
int bound_row(const ViprLp& v, const LpModel& model, int j, bool upper, const char* what) {
  const std::optional<int>& row = upper ? v.upper_row[j] : v.lower_row[j];
  if (!row)
    throw std::invalid_argument(std::string(what) + " of variable \"" + model.variables[j].name + "\" needs its " +
                                (upper ? "upper" : "lower") + " bound, which is infinite");
  return *row;
}

void require_size(const std::vector<Rational>& values, int expected, const char* what) {
  if (static_cast<int>(values.size()) != expected)
    throw std::invalid_argument(std::string("VIPR: ") + what + " has " + std::to_string(values.size()) +
                                " entries, the model needs " + std::to_string(expected));
}

// The lin list in increasing constraint index.
Terms sorted_multipliers(Terms terms) {
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return terms;
}

// Optimal: the dual y on the rows and d = c - A^T y on the bounds sum to OBJ on the left and
// y·b + sum_j d_j·bound_j on the right (weak duality): OBJ >= v for min, OBJ <= v for max
// ("suitable linear combination": every lambda·s(C) has the sign of the claim).
void write_optimal(std::ostream& out, ViprLp& v, const LpModel& model, const Solution<Rational>& s) {
  require_size(s.primal, model.num_vars(), "primal");
  require_size(s.dual, model.num_rows(), "dual");
  const std::vector<Rational> aty = transpose_times(model, s.dual);
  Terms lambda;
  for (int i = 0; i < model.num_rows(); ++i)
    if (s.dual[i] != 0) lambda.emplace_back(v.first_model_row + i, s.dual[i]);
  for (int j = 0; j < model.num_vars(); ++j) {
    const Rational d = model.objective[j] - aty[j];
    if (d == 0) continue;
    const bool upper = (d > 0) == (model.sense == Sense::Maximize);
    lambda.emplace_back(bound_row(v, model, j, upper, "the reduced cost"), d);
  }
  if (v.constant_row) lambda.emplace_back(*v.constant_row, model.objective_constant);

  const std::string value = equilab::to_string(s.objective);
  out << "RTP range " << value << ' ' << value << '\n';
  Terms point = nonzero(s.primal);
  if (v.constant_variable) point.emplace_back(*v.constant_variable, Rational(1));
  out << "SOL 1\nopt ";
  write_terms(out, point);
  out << '\n';
  out << "DER 1\n";
  const int index = static_cast<int>(v.constraints.size());
  out << v.constraint_names.take("objective_bound", "", index) << ' ' << (model.sense == Sense::Minimize ? 'G' : 'L') << ' ' << value << " OBJ  { lin ";
  write_terms(out, sorted_multipliers(std::move(lambda)));
  out << " } -1\n";
}

// Infeasible: with z = A^T y and g = min over the box of z·x - y·b > 0, the rows times -y/g
// and the bounds times z/g sum to 0 >= 1, an absurdity (Domination of constraints).
void write_infeasible(std::ostream& out, ViprLp& v, const LpModel& model, const Solution<Rational>& s) {
  require_size(s.farkas, model.num_rows(), "farkas");
  const std::vector<Rational> z = transpose_times(model, s.farkas);
  Rational gap = 0;
  Terms bounds;
  for (int j = 0; j < model.num_vars(); ++j) {
    if (z[j] == 0) continue;
    const Variable& var = model.variables[j];
    const int row = bound_row(v, model, j, z[j] < 0, "the Farkas column A^T y");
    gap += z[j] * (z[j] > 0 ? *var.lower : *var.upper);
    bounds.emplace_back(row, z[j]);
  }
  for (int i = 0; i < model.num_rows(); ++i) gap -= s.farkas[i] * model.constraints[i].rhs;
  if (gap <= 0)
    throw std::invalid_argument("VIPR: the Farkas multipliers prove nothing (min over the bounds of (A^T y)·x - y·b = " +
                                equilab::to_string(gap) + " is not positive)");
  Terms lambda;
  for (int i = 0; i < model.num_rows(); ++i)
    if (s.farkas[i] != 0) lambda.emplace_back(v.first_model_row + i, -s.farkas[i] / gap);
  for (const auto& [row, zj] : bounds) lambda.emplace_back(row, zj / gap);

  out << "RTP infeas\nSOL 0\nDER 1\n"
      << v.constraint_names.take("farkas", "", static_cast<int>(v.constraints.size())) << " G 1 0  { lin ";
  write_terms(out, sorted_multipliers(std::move(lambda)));
  out << " } -1\n";
}

}  // namespace

void write_vipr(std::ostream& out, const LpModel& model, const Solution<Rational>& solution) {
  if (solution.status == Status::Unbounded)
    throw std::invalid_argument("VIPR 1.0 has no certificate of unboundedness");
  if (static_cast<int>(model.objective.size()) != model.num_vars())
    throw std::invalid_argument("VIPR: the model's objective does not have one entry per variable");
  ViprLp v = translate(model);
  std::ostringstream text;  // nothing reaches `out` unless the whole certificate can be written
  if (v.constant_variable)
    text << "% " << v.variables[*v.constant_variable] << " is fixed at 1 by constraint "
         << v.constraints[*v.constant_row].name << "; its objective coefficient is the model's objective constant\n";
  write_problem(text, v, model.sense);
  if (solution.status == Status::Optimal)
    write_optimal(text, v, model, solution);
  else
    write_infeasible(text, v, model, solution);
  out << text.str();
}

}  // namespace equilab::lp
