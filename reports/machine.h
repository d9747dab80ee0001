// The machine description `equilab bench` writes next to the benchmark JSON (machine.json):
//   {"equilab_machine":1, "cpu":"<model name from /proc/cpuinfo>", "cores":<hardware threads>,
//    "compiler":"<compiler id and version>", "build_type":"<CMAKE_BUILD_TYPE>", "os":"<uname>",
//    "date":"<UTC, ISO 8601>"}
// (the command adds "equilab":{"version":…}). Compiler and build type are those of this build.
#pragma once

#include "core/json.h"

namespace equilab::reports {

Json describe_machine();

// The "model name" line of a /proc/cpuinfo text; "unknown" when absent.
std::string cpu_model(const std::string& cpuinfo);

}  // namespace equilab::reports
