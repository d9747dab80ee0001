// The exact repair behind methods clp-repair (the default) and lpsolve-repair: a double engine
// solves the LP, its final basis starts the exact simplex, and exact pivots continue until
// the exact certificate holds. The answer is exact whatever the engine got wrong; the engine
// only decides how many exact pivots remain.
//
// Engines are tried in the order given. Each but the last runs under a stall budget
// (stall_budget: iterations and seconds proportional to the LP's size); an engine that
// exhausts it, fails, or finds no basis hands over to the next one, and the repair says so
// through `on_note` and in the trail. The last engine runs until it finishes or --time-limit
// passes. When no engine gives a basis, the exact simplex starts from the slack basis.
#pragma once

#include "lp/double_engine.h"
#include "lp/exact_simplex.h"
#include "lp/model.h"
#include "lp/solution.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace equilab::lp {

enum class Engine { Clp, LpSolve };
const char* to_string(Engine engine);

// The double solve of one engine (clp_solve or lpsolve_solve).
Solution<double> engine_solve(Engine engine, const LpModel& model, const EngineBudget& budget = {});

// The budget after which an engine that is not the last one is called stalled: 20 (m + n) + 10^4
// pivots, or 10 s + 1 ms per nonzero of A. Generous on purpose: healthy engines finish the
// whole Netlib set well inside it (the largest, dfl001, needs about 2 (m + n) pivots).
EngineBudget stall_budget(const LpModel& model);

struct RepairOptions {
  std::vector<Engine> engines = {Engine::Clp, Engine::LpSolve};
  std::optional<EngineBudget> stall;  // replaces stall_budget(model) for the engines but the last
  SimplexOptions simplex;
  std::function<void(const std::string&)> on_note;  // engine hand-overs, as they happen
};

struct Repaired {
  Solution<Rational> solution;     // exact; `iterations` counts the exact pivots only
  std::vector<std::string> trail;  // one line per engine tried, then the exact phase
};

Repaired repair_solve(const LpModel& model, const RepairOptions& options);

}  // namespace equilab::lp
