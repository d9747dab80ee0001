// The tamper property of one family: solve a random instance from the command, check that verify
// accepts the result, then apply random single mutations (tamper.h) and require verify to reject
// every one that changes a claim (exit 1 or 2). A mutation of certificate evidence may be accepted
// only as another valid proof of the same claims (counted); informational fields may change freely.
// EQUILAB_PROPERTY_RUNS scales the instances (kMutationsPerInstance mutations each).
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <cstdlib>
#include <iostream>
#include <functional>
#include <map>
#include <regex>
#include <string>

#include "cli/run_command.h"
#include "common/property_runs.h"
#include "tamper/tamper.h"

namespace equilab::testing {

inline constexpr int kMutationsPerInstance = 2;

struct TamperCase {
  std::string generate;  // arguments of `equilab generate` (seed included)
  std::string method;    // "" for the default
  std::string solve_options;  // further options of solve (e.g. "--no-ranges")
};

// A family's own proof that an accepted change of a claim only weakens it: the changed claim
// follows from the original, verified one (e.g. a sub-segment of a certified segment of
// equilibrium prices). Returns false when it cannot show that; the property then fails.
using ImpliedClaim =
    std::function<bool(const std::string& instance_file, const Json& original, const Mutation& mutation)>;

struct TamperCounts {
  long instances = 0, skipped = 0, mutations = 0, rejected_invalid = 0, rejected_bad_input = 0;
  long informational_accepted = 0, certificate_accepted = 0, implied_claims_accepted = 0;
  std::map<std::string, long> certificate_accepted_at;  // by field, to show where evidence is slack
};

inline std::string mutation_summary(const std::string& model, const TamperCounts& c) {
  std::string s = "tamper " + model + ": " + std::to_string(c.instances) + " instances (" +
                  std::to_string(c.skipped) + " skipped), " + std::to_string(c.mutations) + " mutations: " +
                  std::to_string(c.rejected_invalid) + " invalid (exit 1), " + std::to_string(c.rejected_bad_input) +
                  " bad input (exit 2), " + std::to_string(c.informational_accepted) +
                  " informational accepted, " + std::to_string(c.certificate_accepted) +
                  " certificate changes accepted as another valid proof, " +
                  (c.implied_claims_accepted > 0
                       ? std::to_string(c.implied_claims_accepted) + " family changes backed by the original segment or by price-certify, "
                       : std::string()) +
                  "0 claim changes accepted";
  for (const auto& [field, n] : c.certificate_accepted_at) s += "\n  certificate accepted at " + field + ": " + std::to_string(n);
  return s;
}

// Runs one case: false (and a property failure) when verify accepts a changed claim.
inline void tamper_one(const std::string& model, const TamperCase& tc, std::uint64_t mutation_seed, TamperCounts& counts,
                       const ImpliedClaim& implied = nullptr) {
  ScratchDir dir;
  const auto gen = run_equilab("generate " + tc.generate);
  RC_ASSERT(gen.exit_code == 0);
  const std::string instance = dir.write("instance.json", gen.out);
  const std::string solve_args = "solve " + instance + (tc.method.empty() ? "" : " --method " + tc.method) + " " +
                                 tc.solve_options + " --json";
  const auto solved = run_equilab(solve_args);
  if (solved.exit_code == 2) {  // the method does not apply to this instance (said on stderr)
    ++counts.skipped;
    return;
  }
  RC_ASSERT(solved.exit_code == 0);
  const Json result = Json::parse(solved.out);
  if (result.value("status", "") == "time_limit") {
    ++counts.skipped;
    return;
  }
  const std::string result_file = dir.write("result.json", solved.out);
  const auto original = run_equilab("verify " + instance + " " + result_file);
  if (original.exit_code != 0)
    RC_FAIL("verify rejects an unchanged result of `equilab generate " + tc.generate + "` / " + solve_args + ":\n" +
            original.out + original.err);
  const auto uncovered = uncovered_leaves(model, result);
  if (!uncovered.empty()) RC_FAIL("no row of the " + model + " result-field table covers " + uncovered.front());
  ++counts.instances;
  std::mt19937_64 rng(mutation_seed);
  for (int k = 0; k < kMutationsPerInstance; ++k) {
    std::optional<Mutation> m;
    for (int tries = 0; tries < 20 && !m; ++tries) m = random_mutation(model, result, rng);
    if (!m) continue;
    ++counts.mutations;
    const std::string mutated = dir.write("mutated.json", m->document.dump(1));
    const auto v = run_equilab("verify " + instance + " " + mutated);
    const std::string what = m->op + " at " + m->pointer + " of `equilab generate " + tc.generate + "` / " + solve_args;
    if (v.exit_code != 0 && v.exit_code != 1 && v.exit_code != 2)
      RC_FAIL("verify exits " + std::to_string(v.exit_code) + " on " + what + ":\n" + v.err);
    if (v.exit_code == 1) ++counts.rejected_invalid;
    if (v.exit_code == 2) ++counts.rejected_bad_input;
    if (v.exit_code != 0) continue;
    if (!m->role) RC_FAIL("no row of the result-field table covers " + m->pointer);
    if (*m->role == verify::FieldRole::Informational) {
      ++counts.informational_accepted;
    } else if (*m->role == verify::FieldRole::Certificate) {
      ++counts.certificate_accepted;
      ++counts.certificate_accepted_at[std::regex_replace(m->pointer, std::regex("/[0-9]+"), "/*")];
    } else if (implied && implied(instance, result, *m)) {
      ++counts.implied_claims_accepted;
    } else {
      RC_FAIL("verify accepts a changed claim: " + what + "\nmutated result:\n" + m->document.dump(1));
    }
  }
}

}  // namespace equilab::testing
