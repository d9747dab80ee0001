// An independent, strict checker of VIPR 1.0 certificates ("MILP certificate file format
// version 1.0", Cheung, Gleixner, Steffy), written from the specification alone: it shares
// no code with equilab's writer or LP layer, only the standard library and Boost's GMP
// rationals.
//
// Checked: the section order and syntax; distinct names; indices in range and not repeated;
// the first b constraints of CON have one variable each (bound constraints); every SOL point
// satisfies every CON constraint exactly (and is integral on INT variables), and one of them
// attains the RTP bound it is responsible for (ub for min, lb for max); every derived
// constraint's reason (asm, lin, rnd) is exactly right per "Suitable linear combinations",
// "Rounding" and "Domination of constraints"; the DER index field (-1, or no later constraint
// refers to it); and the last derived constraint, with an empty set of assumptions, dominates
// OBJ >= lb (min) / OBJ <= ub (max), or is an absurdity for RTP infeas. The reasons uns and
// sol are not supported and are rejected.
#pragma once

#include <string>

namespace vipr_check {

struct Verdict {
  bool ok = false;
  std::string error;  // the first reason for rejection; empty when ok
};

Verdict check(const std::string& certificate);

}  // namespace vipr_check
