// MPS files, read exactly ("0.1" is 1/10): free and fixed format, plain or gzip-compressed. MPS
// minimises by default (OBJSENSE MAX switches), lower bounds default to 0, the first N row is the
// objective and an RHS entry on it is the negated objective constant. mps.cpp lists every
// convention where MPS dialects differ; README "Instance formats" sums them up.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "lp/model.h"

namespace equilab::lp {

// How fields are found on a data line: Free splits at blanks; Fixed reads the columns of the
// original format (fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61; names may hold
// spaces); Auto reads each line both ways and lets the first line where they differ decide the
// format of the rest of the file (the rule is in mps.cpp).
enum class MpsFormat { Auto, Fixed, Free };
// "auto", "fixed" or "free"; throws std::invalid_argument otherwise.
MpsFormat parse_mps_format(const std::string& text);

// Reads an MPS document; bad input throws InputError naming `file_name` and the line. What the
// reader accepts by a convention worth knowing (a negative UP bound without a lower bound makes
// the lower bound -infinity) is added to `warnings`, one "FILE: line N: ..." message each.
LpModel read_mps(std::istream& in, const std::string& file_name, MpsFormat format,
                 std::vector<std::string>& warnings);
// The same, printing each warning to stderr as "equilab: warning: ...".
LpModel read_mps(std::istream& in, const std::string& file_name, MpsFormat format = MpsFormat::Auto);

// Reads a file, decompressing it when it starts with gzip's magic bytes 1f 8b (whatever its name).
// The input cap (--max-input-bytes) applies to the file and, separately, to the decompressed text.
LpModel read_mps_file(const std::string& path, MpsFormat format, std::vector<std::string>& warnings);
LpModel read_mps_file(const std::string& path, MpsFormat format = MpsFormat::Auto);

// Whether a file name says MPS: it ends in ".mps" or ".mps.gz", in any case.
bool is_mps_file_name(const std::string& path);

// Writes free-format MPS that read_mps reads back as the same model (rows normalised as
// normalize_rows does): sense (OBJSENSE MAX), variables in order with their bounds, objective,
// objective constant (as the negated RHS of the objective row), rows with names and operators.
// Every number is written as an exact decimal. Throws std::invalid_argument, before writing
// anything, for a model MPS cannot hold: a number that is not a finite decimal (such as 1/3; MPS
// has no fractions and a rounded value would be another LP), a name that is empty or holds a
// blank or control character, or two variables (or two rows) with one name.
void write_mps(std::ostream& out, const LpModel& model);

}  // namespace equilab::lp
