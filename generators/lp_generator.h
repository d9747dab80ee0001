// Seeded random LPs: the same seed and options give the same instance on every machine.
#pragma once

#include "lp/model.h"

#include <cstdint>
#include <string>

namespace equilab::gen {

enum class LpKind { General, Degenerate, Infeasible, Unbounded, Equality, Bounded };
LpKind parse_lp_kind(const std::string& text);  // throws std::invalid_argument
const char* to_string(LpKind kind);

struct LpGenOptions {
  int vars = 5;
  int cons = 4;
  LpKind kind = LpKind::General;
  double density = 1.0;  // fraction of nonzero coefficients (drawn exactly as a Bernoulli per entry)
};

lp::LpModel generate_lp(std::uint64_t seed, const LpGenOptions& options);

}  // namespace equilab::gen
