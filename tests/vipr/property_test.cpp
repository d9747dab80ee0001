// Random LPs (generators/lp_generator.h) solved by the exact simplex, written in VIPR 1.0
// and checked by the independent checker: every optimal and infeasible answer yields an
// accepted certificate, unbounded ones none, and any multiplier moved by 1/1000 is rejected.
//
// Number of runs: RapidCheck's default (100 per property) unless EQUILAB_PROPERTY_RUNS=N
// is set (common/property_runs.h); RC_PARAMS="seed=..." replays a reported run.
#include "common/property_runs.h"
#include "generators/lp_generator.h"
#include "lp/exact_simplex.h"
#include "lp/json_io.h"
#include "lp/vipr.h"
#include "vipr_checker.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace equilab {
namespace {

using lp::LpModel;
using lp::Solution;
using lp::Status;

const bool kRunsConfigured = testing::configure_property_runs();

struct Case {
  LpModel model;
  Solution<Rational> solution;
};

// A generated LP of any kind, with a random objective constant and, sometimes, names that
// need rewriting (a blank, and a clash once rewritten); solved exactly.
Case draw_case() {
  constexpr gen::LpKind kinds[] = {gen::LpKind::General,   gen::LpKind::Degenerate, gen::LpKind::Infeasible,
                                   gen::LpKind::Unbounded, gen::LpKind::Equality,   gen::LpKind::Bounded};
  gen::LpGenOptions o;
  const auto seed = *rc::gen::arbitrary<std::uint32_t>();
  o.kind = *rc::gen::elementOf(std::vector<gen::LpKind>(std::begin(kinds), std::end(kinds)));
  o.vars = *rc::gen::inRange(1, 11);
  o.cons = *rc::gen::inRange(o.kind == gen::LpKind::Infeasible ? 1 : 0, 11);
  o.density = *rc::gen::inRange(2, 11) / 10.0;
  Case c;
  c.model = gen::generate_lp(seed, o);
  c.model.objective_constant = Rational(Integer(*rc::gen::inRange(-6, 7)), Integer(*rc::gen::inRange(1, 4)));
  if (c.model.num_vars() >= 2 && *rc::gen::arbitrary<bool>()) {
    c.model.variables[0].name = "a b";
    c.model.variables[1].name = "a_b";
  }
  RC_LOG() << "seed=" << seed << " kind=" << gen::to_string(o.kind) << " vars=" << o.vars << " cons=" << o.cons
           << " density=" << o.density << "\ninstance: " << lp::write_lp_json(c.model).dump() << "\n";
  lp::SimplexOptions options;
  options.max_iterations = 100000;
  c.solution = lp::simplex_solve<Rational>(c.model, options);
  RC_CLASSIFY(true, lp::to_string(c.solution.status));
  return c;
}

std::string written(const Case& c) {
  std::ostringstream out;
  lp::write_vipr(out, c.model, c.solution);
  return out.str();
}

RC_GTEST_PROP(ViprProperties, EveryExactAnswerHasAnAcceptedCertificate, ()) {
  const Case c = draw_case();
  if (c.solution.status == Status::Unbounded) {
    RC_ASSERT_THROWS_AS(written(c), std::invalid_argument);
    return;
  }
  const std::string text = written(c);
  const vipr_check::Verdict v = vipr_check::check(text);
  if (!v.ok) RC_FAIL("rejected: " + v.error + "\n" + text);
  if (c.solution.status == Status::Optimal) {
    const std::string value = to_string(c.solution.objective);
    RC_ASSERT(text.find("RTP range " + value + " " + value + "\n") != std::string::npos);
  } else {
    RC_ASSERT(text.find("RTP infeas\n") != std::string::npos);
  }
}

// The tokens of `line` split at blanks.
std::vector<std::string> tokens_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

RC_GTEST_PROP(ViprProperties, AMultiplierMovedBy1Over1000IsRejected, ()) {
  const Case c = draw_case();
  if (c.solution.status == Status::Unbounded) return;
  const std::string text = written(c);
  std::vector<std::string> lines;
  {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  // The derivation is the last line: name sense rhs (terms | OBJ) { lin p i_1 l_1 ... } -1.
  std::vector<std::string> der = tokens_of(lines.back());
  std::size_t at = 0;
  while (der[at] != "lin") ++at;
  const int p = std::stoi(der[at + 1]);
  if (p == 0) return;  // a zero objective needs no multiplier
  const int k = *rc::gen::inRange(0, p);
  const std::size_t index_at = at + 2 + 2 * static_cast<std::size_t>(k);
  // The constraint it multiplies must have a left side, or moving it changes only the right side.
  std::size_t con_line = 0;
  while (lines[con_line].rfind("CON ", 0) != 0) ++con_line;
  const std::vector<std::string> con = tokens_of(lines[con_line + 1 + std::stoul(der[index_at])]);
  if (con[3] == "0") return;
  der[index_at + 1] = to_string(parse_rational(der[index_at + 1]) + Rational(1, 1000));
  std::string forged;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) forged += lines[i] + "\n";
  for (const std::string& t : der) forged += t + " ";
  forged += "\n";
  RC_CLASSIFY(true, "perturbed");
  const vipr_check::Verdict v = vipr_check::check(forged);
  if (v.ok) RC_FAIL("accepted a forged multiplier:\n" + forged);
}

}  // namespace
}  // namespace equilab
