// The VIPR 1.0 checker of vipr_checker.h. Section names in comments refer to the
// specification's sections.
#include "vipr_checker.h"

#include <boost/multiprecision/gmp.hpp>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vipr_check {
namespace {

using Q = boost::multiprecision::mpq_rational;
using Z = boost::multiprecision::mpz_int;
using Row = std::map<int, Q>;  // variable index -> non-zero coefficient

struct Reject : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string text(const Q& q) {
  std::ostringstream s;
  s << q;
  return s.str();
}

struct Con {
  std::string name;
  int s = 0;  // s(C): 1 for >=, 0 for =, -1 for <=
  Q rhs;
  Row lhs;
  std::set<int> assumptions;  // derived constraints only
  std::set<int> refers_to;    // constraints its reason uses
  long long discard_after = -1;
};

bool absurd(const Con& c) {
  return c.lhs.empty() && (c.s > 0 ? c.rhs > 0 : c.s < 0 ? c.rhs < 0 : c.rhs != 0);
}

// "Domination of constraints": does d dominate c?
bool dominates(const Con& d, const Con& c) {
  if (absurd(d)) return true;
  if (d.lhs != c.lhs) return false;
  if (c.s > 0) return d.s >= 0 && d.rhs >= c.rhs;
  if (c.s < 0) return d.s <= 0 && d.rhs <= c.rhs;
  return d.s == 0 && d.rhs == c.rhs;
}

bool all_digits(const std::string& t, std::size_t from, std::size_t to) {
  if (from >= to) return false;
  for (std::size_t i = from; i < to; ++i)
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return true;
}

// "Numbers": a value is a finite decimal or a fraction.
Q parse_value(const std::string& t) {
  const std::size_t start = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  const bool negative = start == 1 && t[0] == '-';
  Q value;
  if (const std::size_t slash = t.find('/'); slash != std::string::npos) {
    if (!all_digits(t, start, slash) || !all_digits(t, slash + 1, t.size())) throw Reject("bad value '" + t + "'");
    const Z den(t.substr(slash + 1));
    if (den == 0) throw Reject("zero denominator in '" + t + "'");
    value = Q(Z(t.substr(start, slash - start)), den);
  } else {
    const std::size_t dot = t.find('.');
    const std::size_t int_end = dot == std::string::npos ? t.size() : dot;
    const bool int_ok = int_end == start || all_digits(t, start, int_end);
    const bool frac_ok = dot == std::string::npos || dot + 1 == t.size() || all_digits(t, dot + 1, t.size());
    const bool some_digit = int_end > start || (dot != std::string::npos && dot + 1 < t.size());
    if (!int_ok || !frac_ok || !some_digit) throw Reject("bad value '" + t + "'");
    const std::string frac = dot == std::string::npos ? "" : t.substr(dot + 1);
    const std::string digits = t.substr(start, int_end - start) + frac;
    value = Q(Z(digits), pow(Z(10), static_cast<unsigned>(frac.size())));
  }
  return negative ? Q(-value) : value;
}

class Reader {
 public:
  explicit Reader(const std::string& certificate) {
    std::istringstream in(certificate);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (header && !line.empty() && line[0] == '%') continue;  // "File format": initial comment lines
      header = false;
      std::istringstream words(line);
      for (std::string w; words >> w;) tokens_.push_back(w);
    }
  }

  std::string next(const std::string& what) {
    if (pos_ >= tokens_.size()) throw Reject("end of file where " + what + " was expected");
    return tokens_[pos_++];
  }
  void expect(const std::string& word) {
    const std::string t = next("'" + word + "'");
    if (t != word) throw Reject("expected '" + word + "', found '" + t + "'");
  }
  long long count(const std::string& what, long long limit) {
    const std::string t = next(what);
    if (!all_digits(t, 0, t.size()) || t.size() > 12) throw Reject(what + ": '" + t + "' is not a count");
    const long long v = std::stoll(t);
    if (v > limit) throw Reject(what + " " + t + " is too large (at most " + std::to_string(limit) + ")");
    return v;
  }
  int index(const std::string& what, long long bound) {  // 0 <= index < bound
    const std::string t = next(what);
    if (!all_digits(t, 0, t.size()) || t.size() > 12 || std::stoll(t) >= bound)
      throw Reject(what + ": '" + t + "' is not an index below " + std::to_string(bound));
    return static_cast<int>(std::stoll(t));
  }
  Q value(const std::string& what) { return parse_value(next(what)); }
  void unread() { --pos_; }
  bool done() const { return pos_ == tokens_.size(); }
  std::size_t remaining() const { return tokens_.size() - pos_; }

 private:
  std::vector<std::string> tokens_;
  std::size_t pos_ = 0;
};

class Checker {
 public:
  explicit Checker(const std::string& certificate) : in_(certificate) {}

  void run() {
    in_.expect("VER");
    in_.expect("1.0");
    read_var();
    read_int();
    read_obj();
    read_con();
    read_rtp();
    read_sol();
    read_der();
    if (!in_.done()) throw Reject("text after the DER section");
    check_goal();
  }

 private:
  long long limit() const { return static_cast<long long>(in_.remaining()); }

  void read_var() {
    in_.expect("VAR");
    n_ = static_cast<int>(in_.count("VAR n", limit()));
    std::set<std::string> names;
    for (int j = 0; j < n_; ++j)
      if (!names.insert(in_.next("a variable name")).second) throw Reject("variable name repeated");
  }

  void read_int() {
    in_.expect("INT");
    const long long k = in_.count("INT i", n_);
    for (long long t = 0; t < k; ++t)
      if (!integer_.insert(in_.index("integer variable", n_)).second) throw Reject("integer variable repeated");
  }

  // p i_1 a_1 ... i_p a_p with distinct indices below `bound`; zero values are dropped.
  Row read_terms(const std::string& what, int bound) {
    const long long p = in_.count(what + " p", limit() / 2);
    Row row;
    std::set<int> seen;
    for (long long t = 0; t < p; ++t) {
      const int i = in_.index(what + " index", bound);
      if (!seen.insert(i).second) throw Reject(what + ": index " + std::to_string(i) + " repeated");
      const Q a = in_.value(what + " value");
      if (a != 0) row[i] = a;
    }
    return row;
  }

  void read_obj() {
    in_.expect("OBJ");
    const std::string sense = in_.next("objsense");
    if (sense != "min" && sense != "max") throw Reject("objsense '" + sense + "' is neither min nor max");
    minimize_ = sense == "min";
    objective_ = read_terms("OBJ", n_);
  }

  // "Constraint format": name, sense, beta, then the terms or OBJ.
  Con read_constraint() {
    Con c;
    c.name = in_.next("a constraint name");
    if (!con_names_.insert(c.name).second) throw Reject("constraint name '" + c.name + "' repeated");
    const std::string sense = in_.next("a sense");
    if (sense == "E") c.s = 0;
    else if (sense == "L") c.s = -1;
    else if (sense == "G") c.s = 1;
    else throw Reject(c.name + ": sense '" + sense + "' is not E, L or G");
    c.rhs = in_.value(c.name + " right-hand side");
    const std::string peek = in_.next("the terms of " + c.name);
    if (peek == "OBJ") {
      c.lhs = objective_;
    } else {
      in_.unread();
      c.lhs = read_terms(c.name, n_);
    }
    return c;
  }

  void read_con() {
    in_.expect("CON");
    const long long m = in_.count("CON m", limit());
    const long long b = in_.count("CON b", m);
    for (long long i = 0; i < m; ++i) {
      cons_.push_back(read_constraint());
      if (i < b && cons_.back().lhs.size() != 1)
        throw Reject(cons_.back().name + ": a bound constraint must have exactly one variable");
    }
    m_ = static_cast<int>(m);
  }

  std::optional<Q> bound(const std::string& infinite) {
    const std::string t = in_.next("an RTP bound");
    if (t == infinite) return std::nullopt;
    return parse_value(t);
  }

  void read_rtp() {
    in_.expect("RTP");
    const std::string kind = in_.next("infeas or range");
    if (kind == "infeas") {
      infeasible_ = true;
    } else if (kind == "range") {
      lb_ = bound("-inf");
      ub_ = bound("inf");
      if (lb_ && ub_ && *lb_ > *ub_) throw Reject("RTP range: lower bound " + text(*lb_) + " above upper bound " + text(*ub_));
    } else {
      throw Reject("RTP '" + kind + "' is neither infeas nor range");
    }
  }

  // Certificates of real LPs carry numbers with one huge common denominator; multiplying through
  // by it first keeps every running sum's denominator small (a term-by-term Rational sum would
  // compute a gcd of two huge numbers per term).
  static Z common_denominator(const std::vector<Q>& values) {
    Z d = 1;
    for (const Q& v : values)
      if (d % denominator(v) != 0) d = boost::multiprecision::lcm(d, Z(denominator(v)));
    return d;
  }

  // a·x with x = scaled / d, scaled integral.
  static Q activity(const Row& row, const std::vector<Q>& scaled, const Z& d) {
    Q sum = 0;
    for (const auto& [j, a] : row) sum += a * scaled[j];
    return sum / d;
  }

  void read_sol() {
    in_.expect("SOL");
    const long long s = in_.count("SOL s", limit());
    std::set<std::string> names;
    bool attains = false;
    for (long long k = 0; k < s; ++k) {
      const std::string name = in_.next("a solution name");
      if (!names.insert(name).second) throw Reject("solution name '" + name + "' repeated");
      std::vector<Q> x(n_);
      for (const auto& [j, v] : read_terms("solution " + name, n_)) x[j] = v;
      for (int j : integer_)
        if (denominator(x[j]) != 1) throw Reject("solution " + name + ": integer variable " + std::to_string(j) + " is " + text(x[j]));
      const Z d = common_denominator(x);
      std::vector<Q> scaled(x.size());
      for (std::size_t j = 0; j < x.size(); ++j) scaled[j] = x[j] * d;
      for (const Con& c : cons_) {
        const Q ax = activity(c.lhs, scaled, d);
        const bool ok = c.s > 0 ? ax >= c.rhs : c.s < 0 ? ax <= c.rhs : ax == c.rhs;
        if (!ok) throw Reject("solution " + name + " violates constraint " + c.name + " (activity " + text(ax) + ")");
      }
      const Q value = activity(objective_, scaled, d);
      attains = attains || (minimize_ ? (!ub_ || value <= *ub_) : (!lb_ || value >= *lb_));
    }
    // "SOL section": a solution must attain the bound that no derivation proves.
    const bool needs = !infeasible_ && (minimize_ ? ub_.has_value() : lb_.has_value());
    if (needs && !attains)
      throw Reject(std::string("no solution attains the RTP ") + (minimize_ ? "upper bound " + text(*ub_) : "lower bound " + text(*lb_)));
  }

  // lambda_1·C_1 + ... as "Suitable linear combinations" defines it; rejects mixed signs.
  Con combine(const std::vector<std::pair<int, Q>>& lambda, const std::string& name) const {
    Con sum;
    bool pos = false, neg = false;
    std::vector<Q> multipliers;
    for (const auto& [i, l] : lambda) multipliers.push_back(l);
    const Z d = common_denominator(multipliers);  // sum = (sum of (d·l)·C) / d
    for (const auto& [i, l] : lambda) {
      const Con& c = cons_[i];
      const Q sign = l * c.s;
      pos = pos || sign > 0;
      neg = neg || sign < 0;
      const Q scaled = l * d;
      sum.rhs += scaled * c.rhs;
      for (const auto& [j, a] : c.lhs) {
        Q& entry = sum.lhs[j];
        entry += scaled * a;
        if (entry == 0) sum.lhs.erase(j);
      }
      sum.assumptions.insert(c.assumptions.begin(), c.assumptions.end());
    }
    sum.rhs /= d;
    for (auto& [j, a] : sum.lhs) a /= d;
    if (pos && neg) throw Reject(name + ": not a suitable linear combination (multipliers of both signs times s(C))");
    sum.s = pos ? 1 : neg ? -1 : 0;
    return sum;
  }

  // "Rounding": integer coefficients on integer variables only, rhs rounded to the sense.
  void round(Con& c, const std::string& name) const {
    if (c.s == 0) throw Reject(name + ": rnd of an equation");
    for (const auto& [j, a] : c.lhs)
      if (denominator(a) != 1 || !integer_.count(j)) throw Reject(name + ": rnd of a constraint that cannot be rounded");
    const Z num = numerator(c.rhs), den = denominator(c.rhs);
    Z q = num / den;  // truncates toward zero
    if (q * den != num && ((num < 0) == (c.s < 0))) q += c.s < 0 ? -1 : 1;
    c.rhs = Q(q);
  }

  void read_der() {
    in_.expect("DER");
    const long long d = in_.count("DER d", limit());
    for (long long k = 0; k < d; ++k) {
      const int idx = static_cast<int>(cons_.size());
      Con c = read_constraint();
      in_.expect("{");
      const std::string kind = in_.next("a reason");
      if (kind == "asm") {
        c.assumptions = {idx};
      } else if (kind == "lin" || kind == "rnd") {
        const long long p = in_.count(c.name + " reason p", limit() / 2);
        std::vector<std::pair<int, Q>> lambda;
        for (long long t = 0; t < p; ++t) {
          const int i = in_.index(c.name + " reason index", idx);
          if (!c.refers_to.insert(i).second) throw Reject(c.name + ": reason index " + std::to_string(i) + " repeated");
          lambda.emplace_back(i, in_.value(c.name + " multiplier"));
        }
        Con derived = combine(lambda, c.name);
        if (kind == "rnd") round(derived, c.name);
        if (!dominates(derived, c))
          throw Reject(c.name + ": the combination does not dominate the stated constraint");
        c.assumptions = derived.assumptions;
      } else {
        throw Reject(c.name + ": reason '" + kind + "' is not supported (asm, lin and rnd are)");
      }
      in_.expect("}");
      const std::string field = in_.next(c.name + " index");
      if (field == "-1") {
        c.discard_after = -1;
      } else if (all_digits(field, 0, field.size()) && field.size() < 12) {
        c.discard_after = std::stoll(field);
        if (c.discard_after >= m_ + d) throw Reject(c.name + ": index field " + field + " is past the last constraint");
      } else {
        throw Reject(c.name + ": index field '" + field + "' is neither -1 nor an index");
      }
      cons_.push_back(std::move(c));
    }
    // "DER section": no constraint after the one named by the index field refers to this one.
    const int total = static_cast<int>(cons_.size());
    for (int i = m_; i < total; ++i) {
      if (cons_[i].discard_after < 0) continue;
      for (int later = static_cast<int>(cons_[i].discard_after) + 1; later < total; ++later)
        if (cons_[later].refers_to.count(i))
          throw Reject(cons_[later].name + " refers to " + cons_[i].name + " after its index field " +
                       std::to_string(cons_[i].discard_after));
    }
  }

  // "DER section": the last derived constraint, free of assumptions, proves the relation to prove.
  void check_goal() const {
    const std::optional<Q>& bound = minimize_ ? lb_ : ub_;
    if (!infeasible_ && !bound) return;  // the SOL section proves the other side; nothing to derive
    if (static_cast<int>(cons_.size()) == m_) throw Reject("no derived constraint proves the RTP claim");
    const Con& last = cons_.back();
    if (!last.assumptions.empty()) throw Reject(last.name + ": the last derived constraint still has assumptions");
    Con goal;  // OBJ >= lb (min) or OBJ <= ub (max)
    if (!infeasible_) {
      goal.s = minimize_ ? 1 : -1;
      goal.rhs = *bound;
      goal.lhs = objective_;
    }
    if (infeasible_ ? !absurd(last) : !dominates(last, goal))
      throw Reject(last.name + ": the last derived constraint does not prove the RTP claim");
  }

  Reader in_;
  int n_ = 0, m_ = 0;
  std::set<int> integer_;
  bool minimize_ = true;
  Row objective_;
  std::vector<Con> cons_;
  std::set<std::string> con_names_;
  bool infeasible_ = false;
  std::optional<Q> lb_, ub_;
};

}  // namespace

Verdict check(const std::string& certificate) {
  try {
    Checker(certificate).run();
    return {true, ""};
  } catch (const Reject& e) {
    return {false, e.what()};
  }
}

}  // namespace vipr_check
