// The independent checker on hand-written certificates: the specification's own example is
// accepted, and each rule of the format rejects a certificate that breaks it.
#include "vipr_checker.h"

#include <gtest/gtest.h>

#include <string>

namespace {

// The specification's example ("OBJ section" to "DER section"): min x + y, C1: 4x + y >= 1,
// C2: 4x - y <= 2, x and y integer; optimum 1, proved with lin and rnd steps.
const std::string kSpecExample = R"(% a comment line before VER
VER 1.0
VAR 2
x y
INT 2
0 1
OBJ min
2  0 1  1 1
CON 2 0
C1 G 1  2  0 4  1 1
C2 L 2  2  0 4  1 -1
RTP range 1 1
SOL 2
feas 2  0 1  1 2
opt 1  1 1
DER 4
C3 G -1/2  1  1 1   { lin 2  0 1/2  1 -1/2 } 3
C4 G 0     1  1 1   { rnd 1  2 1 } 4
C5 G 1/4   OBJ     { lin 2  0 1/4  3 3/4 } 5
C6 G 1     OBJ     { rnd 1  4 1 } 0
)";

// The example with `from` replaced by `to` (which must occur exactly once).
std::string edited(const std::string& from, const std::string& to, const std::string& base = kSpecExample) {
  const auto at = base.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(base.find(from, at + 1), std::string::npos) << from << " occurs twice";
  std::string out = base;
  return out.replace(at, from.size(), to);
}

void expect_rejected(const std::string& certificate, const std::string& reason) {
  const vipr_check::Verdict v = vipr_check::check(certificate);
  EXPECT_FALSE(v.ok) << "accepted:\n" << certificate;
  EXPECT_NE(v.error.find(reason), std::string::npos) << "error: " << v.error;
}

TEST(ViprChecker, AcceptsTheSpecificationsExample) {
  const vipr_check::Verdict v = vipr_check::check(kSpecExample);
  EXPECT_TRUE(v.ok) << v.error;
}

TEST(ViprChecker, AcceptsDecimalsAndAnEquationCombination) {
  // 0.5·C1 written as a decimal; an = combination (all multipliers on = rows) dominates >=.
  const std::string eq = R"(VER 1.0
VAR 2
a b
INT 0
OBJ max
1  0 1
CON 2 1
a_up L 2.5  1  0 1
E1 E 3  2  0 1  1 1
RTP range -inf 2.5
SOL 0
DER 2
D1 L 2.50 OBJ { lin 1  0 1.0 } -1
D2 E -3 2  0 -1  1 -1 { lin 1  1 -1 } -1
)";
  // The last derived constraint must prove OBJ <= 2.5; D2 does not.
  expect_rejected(eq, "does not prove the RTP claim");
  const std::string eq_last = edited("DER 2\nD1 L 2.50 OBJ { lin 1  0 1.0 } -1\nD2 E -3 2  0 -1  1 -1 { lin 1  1 -1 } -1\n",
                                     "DER 2\nD2 E -3 2  0 -1  1 -1 { lin 1  1 -1 } -1\nD1 L 2.50 OBJ { lin 1  0 1.0 } -1\n", eq);
  const vipr_check::Verdict v = vipr_check::check(eq_last);
  EXPECT_TRUE(v.ok) << v.error;
}

TEST(ViprChecker, RejectsBrokenSyntax) {
  expect_rejected(edited("VER 1.0", "VER 1.1"), "expected '1.0'");
  expect_rejected(edited("x y", "x x"), "variable name repeated");
  expect_rejected(edited("C2 L 2", "C1 L 2"), "constraint name 'C1' repeated");
  expect_rejected(edited("C2 L 2", "C2 < 2"), "is not E, L or G");
  expect_rejected(edited("C1 G 1  2", "C1 G 1e0  2"), "bad value");
  expect_rejected(edited("C1 G 1  2", "C1 G 1/0  2"), "zero denominator");
  expect_rejected(edited("2  0 4  1 1", "2  0 4  0 1"), "repeated");
  expect_rejected(edited("2  0 4  1 1", "2  0 4  2 1"), "not an index below 2");
  expect_rejected(edited("VER 1.0\n", "VER 1.0\n% a comment after VER\n"), "expected 'VAR'");
  expect_rejected(edited("RTP range 1 1", "RTP bounds 1 1"), "neither infeas nor range");
  expect_rejected(kSpecExample + "extra\n", "text after the DER section");
  expect_rejected(edited("{ rnd 1  4 1 } 0\n", "{ rnd 1  4 1 }\n"), "end of file");
  expect_rejected(edited("{ rnd 1  4 1 } 0", "{ uns 1 2 3 4 } 0"), "not supported");
}

TEST(ViprChecker, BoundConstraintsHaveOneVariable) {
  expect_rejected(edited("CON 2 0", "CON 2 1"), "a bound constraint must have exactly one variable");
}

TEST(ViprChecker, RejectsInfeasibleOrNonIntegralSolutions) {
  expect_rejected(edited("feas 2  0 1  1 2", "feas 2  0 1  1 1"), "violates constraint C2");
  expect_rejected(edited("opt 1  1 1", "opt 1  1 3/2"), "integer variable 1");
  // No solution attains the upper bound 1 of a min problem.
  expect_rejected(edited("opt 1  1 1", "opt 1  1 2"), "no solution attains the RTP upper bound 1");
}

TEST(ViprChecker, RejectsWrongDerivations) {
  // A multiplier sign that mixes >= and <= contributions.
  expect_rejected(edited("0 1/2  1 -1/2", "0 1/2  1 1/2"), "not a suitable linear combination");
  // A multiplier off by 1/1000: the left side no longer matches.
  expect_rejected(edited("0 1/4  3 3/4", "0 1/4  3 751/1000"), "does not dominate");
  // Combining the wrong rows.
  expect_rejected(edited("0 1/4  3 3/4", "1 -1/4  3 3/4"), "does not dominate");
  // A right-hand side the combination does not reach.
  expect_rejected(edited("C5 G 1/4", "C5 G 1/3"), "does not dominate");
  // Rounding a constraint on a continuous variable.
  expect_rejected(edited("INT 2\n0 1", "INT 1\n0"), "cannot be rounded");
  // A reason may only use earlier constraints.
  expect_rejected(edited("{ rnd 1  2 1 } 4", "{ rnd 1  3 1 } 4"), "not an index below 3");
}

TEST(ViprChecker, TheLastDerivationMustProveTheClaim) {
  // A stronger claim than the derivation shows.
  expect_rejected(edited("RTP range 1 1", "RTP range 2 2"), "does not prove the RTP claim");
  expect_rejected(edited("RTP range 1 1", "RTP range 2 inf"), "does not prove the RTP claim");
  expect_rejected(edited("RTP range 1 1", "RTP range 2 1"), "above upper bound");
  // A smaller upper bound than any solution attains.
  expect_rejected(edited("RTP range 1 1", "RTP range -inf 1/2"), "no solution attains the RTP upper bound 1/2");
  // Assumptions left open: an assumed OBJ >= 2.
  expect_rejected(edited("C6 G 1     OBJ     { rnd 1  4 1 } 0", "C6 G 2 OBJ { asm } -1", edited("RTP range 1 1", "RTP range 2 inf")),
                  "still has assumptions");
  // Without a lower bound to prove, the SOL section alone suffices.
  const vipr_check::Verdict v = vipr_check::check(edited("RTP range 1 1", "RTP range -inf 1"));
  EXPECT_TRUE(v.ok) << v.error;
}

TEST(ViprChecker, InfeasibilityNeedsAnAbsurdity) {
  // x >= 1 and x <= 0: 1·(x >= 1) - 1·(x <= 0) is 0 >= 1.
  const std::string infeasible = R"(VER 1.0
VAR 1
x
INT 0
OBJ min
0
CON 2 2
lo G 1  1  0 1
up L 0  1  0 1
RTP infeas
SOL 0
DER 1
no G 1 0 { lin 2  0 1  1 -1 } -1
)";
  const vipr_check::Verdict v = vipr_check::check(infeasible);
  EXPECT_TRUE(v.ok) << v.error;
  expect_rejected(edited("0 1  1 -1", "0 1  1 1", infeasible), "not a suitable linear combination");
  // An absurdity dominates every constraint ("Domination of constraints"), even 0 >= 2.
  EXPECT_TRUE(vipr_check::check(edited("no G 1 0", "no G 2 0", infeasible)).ok);
  // 0 >= -1 is dominated but is no absurdity.
  expect_rejected(edited("no G 1 0", "no G -1 0", infeasible), "does not prove the RTP claim");
  // 0 >= 0 follows but is no absurdity.
  expect_rejected(edited("no G 1 0 { lin 2  0 1  1 -1 }", "no G 0 0 { lin 0 }", infeasible), "does not prove the RTP claim");
  expect_rejected(edited("no G 1 0 { lin 2  0 1  1 -1 }", "no G 1 0 { asm }", infeasible), "still has assumptions");
}

TEST(ViprChecker, IndexFieldPromisesNoLaterReference) {
  // C3's field says nothing after constraint 2 refers to it, but C4 (index 3) does.
  expect_rejected(edited("{ lin 2  0 1/2  1 -1/2 } 3", "{ lin 2  0 1/2  1 -1/2 } 2"), "refers to C3");
  expect_rejected(edited("{ rnd 1  4 1 } 0", "{ rnd 1  4 1 } 6"), "past the last constraint");
}

}  // namespace
