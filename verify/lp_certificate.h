// Exact check of an LP result's certificate from the instance alone (never calls a solver).
#pragma once

#include "lp/model.h"
#include "lp/solution.h"

#include <string>
#include <vector>

namespace equilab::verify {

struct Verdict {
  bool valid = true;
  std::vector<std::string> failures;  // one line per failed condition, naming row/variable
  void fail(std::string why) {
    valid = false;
    failures.push_back(std::move(why));
  }
};

// Optimal: primal feasibility, dual signs, reduced costs consistent with bounds,
// c·x == y·b + sum d_j·bound_j == reported objective.
// Infeasible: Farkas signs and min over box of (A^T y)·x > y·b.
// Unbounded: the primal point is feasible, the ray is a recession direction that improves.
Verdict check_lp_certificate(const lp::LpModel& model, const lp::Solution<Rational>& result);

}  // namespace equilab::verify
