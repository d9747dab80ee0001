// RapidCheck properties of the pseudo_market `equilibrium` task (issue 10, "Properties"), on small
// random instances (2 agents × 2 objects, 3 × 2) with small integer utilities, α ∈ {0, 1/2, 1},
// random endowments and, at random, allocate_all:
//   - every equilibrium support-enum lists verifies and passes price-certify at its prices, and a
//     certificate with one multiplier moved by +1/7 fails (the zero duality gap breaks by 1/7);
//   - every family's ends and midpoint pass price-certify;
//   - EMZ Prop. 4 (budgets b_i = 1, only supplies priced): for α > 0, Σ_i p·ω_i ≤ N, since
//     Σ_i p·x_i ≤ Σ_i β_i = αN + (1 − α) Σ_i p·ω_i and Σ_i p·x_i = Σ_l p_l q_l = Σ_i p·ω_i by (3);
//   - the status is `exact` exactly when an equilibrium is listed;
//   - equal-type agents (same utility, endowment and budget; supplies price everyone alike) never
//     envy each other in any equilibrium (EMZ Theorem 1 / Theorem 2, third bullet).
// Runs: RapidCheck's default (100) unless EQUILAB_PROPERTY_RUNS=N (tests/common/property_runs.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "common/property_runs.h"
#include "pseudo_market/equilibrium.h"
#include "pseudo_market/equilibrium_json.h"
#include "verify/pseudo_market_certificate.h"

namespace equilab::pseudo_market {
namespace {

[[maybe_unused]] const bool kRuns = equilab::testing::configure_property_runs();

std::string r(const Rational& v) { return equilab::to_string(v); }

// n agents, 2 objects; with `clone` agent 2 copies agent 1.
EquilibriumInstance draw_instance(int n, bool clone) {
  const bool allocate_all = *rc::gen::arbitrary<bool>();
  const int alpha_case = *rc::gen::inRange(0, 3);
  const std::string alpha = alpha_case == 0 ? "0" : (alpha_case == 1 ? "1/2" : "1");
  std::vector<int> supply{1, 1};
  if (n == 3) {
    supply = *rc::gen::arbitrary<bool>() ? std::vector<int>{1, 2} : std::vector<int>{2, 1};
    if (!allocate_all) supply[*rc::gen::inRange(0, 2)] = 1;
  }
  const std::vector<std::string> objects{"a", "b"};
  // endowments: each object's supply split into sixths at random
  std::vector<std::vector<Rational>> omega(n, std::vector<Rational>(2, Rational(0)));
  for (int l = 0; l < 2; ++l) {
    for (int k = 0; k < 6 * supply[l]; ++k) omega[*rc::gen::inRange(0, n)][l] += Rational(1, 6);
  }
  std::vector<std::vector<int>> u(n, std::vector<int>(2));
  for (int i = 0; i < n; ++i)
    for (int l = 0; l < 2; ++l) u[i][l] = *rc::gen::inRange(0, 7);
  if (clone) {
    u[1] = u[0];
    // give agents 1 and 2 the same endowment: pool and halve
    for (int l = 0; l < 2; ++l) omega[0][l] = omega[1][l] = (omega[0][l] + omega[1][l]) / 2;
  }
  std::string agents, utilities, objs;
  for (int i = 0; i < n; ++i) {
    agents += std::string(i ? "," : "") + R"({"name":")" + std::to_string(i + 1) + R"(","endowment":{"a":")" +
              r(omega[i][0]) + R"(","b":")" + r(omega[i][1]) + R"("}})";
    utilities += std::string(i ? "," : "") + "\"" + std::to_string(i + 1) + R"(":{"a":")" +
                 std::to_string(u[i][0]) + R"(","b":")" + std::to_string(u[i][1]) + "\"}";
  }
  for (int l = 0; l < 2; ++l)
    objs += std::string(l ? "," : "") + R"({"name":")" + objects[l] + R"(","supply":")" +
            std::to_string(supply[l]) + "\"}";
  const std::string text =
      R"({"model":"pseudo_market","version":1,"task":"equilibrium","kind":"assignment","alpha":")" + alpha +
      "\",\"allocate_all\":" + (allocate_all ? "true" : "false") + ",\"agents\":[" + agents +
      "],\"objects\":[" + objs + "],\"utilities\":{" + utilities + "}}";
  const Json doc = parse_json_text(text, "random");
  return read_equilibrium_json(JsonNode(doc, "random"));
}

void check_result(const EquilibriumInstance& in, const EquilibriumResult& res) {
  RC_ASSERT((res.status == EqStatus::Exact) == !res.equilibria.empty());
  const verify::Verdict v = verify::check_equilibrium_certificate(in, res);
  RC_ASSERT(v.valid);
  for (const Equilibrium& e : res.equilibria) {
    RC_ASSERT(price_certify(in, e.prices).has_value());
    if (in.alpha > 0) {
      Rational endowment_value = 0;
      const std::vector<Rational> pp = in.personal_prices(e.prices);
      for (int i = 0; i < in.num_agents(); ++i)
        for (int l = 0; l < in.num_objects(); ++l)
          endowment_value += pp[in.cell(i, l)] * in.agents[i].endowment[l];
      RC_ASSERT(endowment_value <= in.num_agents());
    }
    EquilibriumResult bad;
    bad.status = EqStatus::Exact;
    bad.equilibria = {e};
    bad.equilibria[0].agents[0].mu[0] += Rational(1, 7);  // the unit-demand multiplier of agent 1
    RC_ASSERT(!verify::check_equilibrium_certificate(in, bad).valid);
  }
  for (const EquilibriumFamily& f : res.families) {
    RC_ASSERT(price_certify(in, f.prices_from).has_value());
    RC_ASSERT(price_certify(in, f.prices_to).has_value());
    std::vector<Rational> mid(f.prices_from.size());
    for (std::size_t c = 0; c < mid.size(); ++c) mid[c] = (f.prices_from[c] + f.prices_to[c]) / 2;
    RC_ASSERT(price_certify(in, mid).has_value());
  }
}

RC_GTEST_PROP(PseudoMarketEquilibriumProperties, SupportEnumEquilibriaVerify, ()) {
  const int n = *rc::gen::inRange(2, 4);
  const EquilibriumInstance in = draw_instance(n, false);
  check_result(in, solve_support_enum(in, {}));
}

RC_GTEST_PROP(PseudoMarketEquilibriumProperties, EqualTypesNeverEnvy, ()) {
  const int n = *rc::gen::inRange(2, 4);
  const EquilibriumInstance in = draw_instance(n, true);
  const EquilibriumResult res = solve_support_enum(in, {});
  check_result(in, res);
  for (const Equilibrium& e : res.equilibria) {
    Rational own1 = 0, other1 = 0, own2 = 0, other2 = 0;
    for (int l = 0; l < 2; ++l) {
      own1 += in.agents[0].utility[l] * e.x[in.cell(0, l)];
      other1 += in.agents[0].utility[l] * e.x[in.cell(1, l)];
      own2 += in.agents[1].utility[l] * e.x[in.cell(1, l)];
      other2 += in.agents[1].utility[l] * e.x[in.cell(0, l)];
    }
    RC_ASSERT(own1 >= other1);
    RC_ASSERT(own2 >= other2);
  }
}

}  // namespace
}  // namespace equilab::pseudo_market
