// qsopt_exact_solve with equilab's exact certificate check, as the command calls it.
#pragma once

#include "lp/qsopt_reference.h"
#include "verify/lp_certificate.h"

#include <string>

namespace equilab::test {

inline std::string certificate_failure(const lp::LpModel& model, const lp::Solution<Rational>& solution) {
  const verify::Verdict verdict = verify::check_lp_certificate(model, solution);
  return verdict.valid ? std::string() : verdict.failures.front();
}

inline lp::QsoptExactResult qsopt_solve(const lp::LpModel& model) {
  return lp::qsopt_exact_solve(model, certificate_failure);
}

}  // namespace equilab::test
