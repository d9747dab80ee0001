// Method `qsopt-ex`: QSopt_ex (Applegate, Cook, Dash, Espinoza), an exact rational LP solver
// independent of equilab's own simplex, as a second exact method and a reference.
//
// QSopt_ex decides the status in exact arithmetic; the numbers of the answer are equilab's own:
//  - optimal: the objective, primal, duals and reduced costs are recomputed exactly from
//    QSopt_ex's final basis (lp/basis_recompute.h, which shares no code with the exact simplex);
//  - infeasible: QSopt_ex's Farkas multipliers, turned into equilab's sign convention;
//  - unbounded: QSopt_ex reports no point and no ray, so both come from equilab's exact simplex.
// Whenever a part comes from equilab instead of QSopt_ex (also when QSopt_ex stops undecided),
// `provenance` says so. The answer is always checked with the certificate check given by the
// caller (verify::check_lp_certificate) and never returned unchecked.
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <functional>
#include <string>

namespace equilab::lp {

// Checks a certificate exactly: empty when `solution` proves its status for `model`, otherwise
// the first failed condition. (The lp layer does not link the verifier, so the caller passes it.)
using CertificateCheck = std::function<std::string(const LpModel& model, const Solution<Rational>& solution)>;

struct QsoptExactResult {
  Solution<Rational> solution;
  // One sentence naming which parts of the answer come from QSopt_ex and which from equilab.
  std::string provenance;
};

// Solves `model` with QSopt_ex's QSexact_solver. Honours the process deadline (core/deadline.h):
// throws TimeLimitReached when QSopt_ex stops for it (QSopt_ex's double-precision phase counts
// CPU seconds, so on a busy machine it may stop late), std::bad_alloc when memory runs out, and
// std::runtime_error when QSopt_ex fails or when the answer does not pass `check`. After a time
// limit or a lack of memory interrupted it, QSopt_ex's internal state is not trusted again: later
// calls in the same process throw std::runtime_error.
QsoptExactResult qsopt_exact_solve(const LpModel& model, const CertificateCheck& check);

}  // namespace equilab::lp
