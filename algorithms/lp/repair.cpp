#include "lp/repair.h"

#include "core/deadline.h"
#include "lp/basis_recompute.h"
#include "lp/clp.h"
#include "lp/lpsolve.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <new>

namespace equilab::lp {

const char* to_string(Engine engine) { return engine == Engine::Clp ? "clp" : "lp_solve"; }

Solution<double> engine_solve(Engine engine, const LpModel& model, const EngineBudget& budget) {
  return engine == Engine::Clp ? clp_solve(model, budget) : lpsolve_solve(model, budget);
}

EngineBudget stall_budget(const LpModel& model) {
  long nonzeros = 0;
  for (const Constraint& row : model.constraints) nonzeros += static_cast<long>(row.coef.size());
  EngineBudget budget;
  budget.max_iterations = 20L * (model.num_rows() + model.num_vars()) + 10'000;
  budget.max_seconds = 10.0 + 1e-3 * static_cast<double>(nonzeros);
  return budget;
}

namespace {

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

}  // namespace

Repaired repair_solve(const LpModel& model, const RepairOptions& options) {
  Repaired out;
  auto note = [&](const std::string& line) {
    out.trail.push_back(line);
    if (options.on_note) options.on_note(line);
  };
  Basis warm;
  bool engine_says_optimal = false;
  for (std::size_t k = 0; k < options.engines.size() && !fits(warm, model); ++k) {
    const Engine engine = options.engines[k];
    const bool last = k + 1 == options.engines.size();
    const auto started = std::chrono::steady_clock::now();
    try {
      const Solution<double> run = engine_solve(engine, model, last ? EngineBudget{} : options.stall.value_or(stall_budget(model)));
      warm = run.basis;
      engine_says_optimal = run.status == Status::Optimal;
      const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      out.trail.push_back(std::string(to_string(engine)) + ": " + lp::to_string(run.status) + " in double after " +
                          std::to_string(run.iterations) + " iterations, " + seconds_text(spent) +
                          (fits(warm, model) ? "" : "; no basis"));
    } catch (const TimeLimitReached&) {
      throw;  // the run is over, not just this engine's part of it
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const EngineStalled& e) {
      note(std::string(to_string(engine)) + ": stalled (no answer after " + std::to_string(e.iterations) +
           " iterations, " + seconds_text(e.seconds) + ")" + (last ? "" : "; switching engines"));
    } catch (const std::exception& e) {
      note(std::string(to_string(engine)) + ": failed (" + e.what() + ")" + (last ? "" : "; switching engines"));
    }
  }
  if (!fits(warm, model)) {
    note("no engine gave a basis: the exact simplex starts from the slack basis");
    warm = slack_basis(model);
  }
  if (engine_says_optimal) {
    // Most engine bases are optimal: one exact solve with the basis matrix (p-adic lifting,
    // basis_recompute.h) settles it far faster than the simplex's rational LU factors, whose
    // entries grow with every elimination step. The certificate conditions are checked exactly.
    const auto started = std::chrono::steady_clock::now();
    try {
      Solution<Rational> exact = basic_solution(model, warm);
      const std::string defect = basic_solution_defect(model, exact);
      const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (defect.empty()) {
        exact.iterations = 0;
        out.solution = std::move(exact);
        out.trail.push_back("exact recomputation of that basis: optimal, " + seconds_text(spent));
        return out;
      }
      out.trail.push_back("exact recomputation of that basis: not optimal (" + defect + "), " + seconds_text(spent));
    } catch (const TimeLimitReached&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      out.trail.push_back(std::string("exact recomputation of that basis failed (") + e.what() + ")");
    }
  }
  // A given warm start makes simplex_solve pivot in exact arithmetic only.
  out.solution = simplex_solve<Rational>(model, options.simplex, &warm);
  out.trail.push_back("exact simplex: " + std::to_string(out.solution.iterations) + " pivots from that basis");
  return out;
}

}  // namespace equilab::lp
