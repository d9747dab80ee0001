// Free and fixed MPS files, numbers read exactly ("0.1" is 1/10).
// MPS minimises by default (OBJSENSE MAX / OBJSENSE section switches), lower
// bounds default to 0, and the objective row (first N row) is not a constraint.
#pragma once

#include "lp/model.h"

#include <istream>
#include <string>

namespace equilab::lp {

LpModel read_mps(std::istream& in, const std::string& file_name);
LpModel read_mps_file(const std::string& path);

}  // namespace equilab::lp
