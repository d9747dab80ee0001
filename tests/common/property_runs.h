// EQUILAB_PROPERTY_RUNS=N makes RapidCheck run N cases per property (it reads RC_PARAMS
// lazily, on the first property, so setting it during static initialisation works).
#pragma once

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

namespace equilab::testing {

// The RC_PARAMS value that asks for `runs` cases, or nothing when EQUILAB_PROPERTY_RUNS is
// unset or invalid or RC_PARAMS already sets max_success (an explicit RC_PARAMS wins).
inline std::optional<std::string> rc_params_for(const char* runs, const char* existing) {
  if (runs == nullptr || *runs == '\0') return std::nullopt;
  char* end = nullptr;
  const long n = std::strtol(runs, &end, 10);
  if (*end != '\0' || n < 1) {
    std::cerr << "EQUILAB_PROPERTY_RUNS='" << runs << "' is not a positive integer; ignored\n";
    return std::nullopt;
  }
  std::string params = existing ? existing : "";
  if (params.find("max_success") != std::string::npos) return std::nullopt;
  if (!params.empty()) params += ' ';
  return params + "max_success=" + std::to_string(n);
}

// Call once from a static initialiser of each property-test program.
inline bool configure_property_runs() {
  auto params = rc_params_for(std::getenv("EQUILAB_PROPERTY_RUNS"), std::getenv("RC_PARAMS"));
  if (params) setenv("RC_PARAMS", params->c_str(), 1);
  return params.has_value();
}

}  // namespace equilab::testing
