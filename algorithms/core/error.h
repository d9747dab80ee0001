// Errors in user input: the command maps them to exit code 2 and one line on stderr.
#pragma once

#include <stdexcept>
#include <string>

namespace equilab {

// Bad input, located by file and JSON pointer (or "line N" for text formats).
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string location, std::string reason);
  const std::string& file() const { return file_; }
  const std::string& location() const { return location_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string file_, location_, reason_;
};

// A result that can be read but contradicts itself or its instance: a copy that differs from its
// certificate, a status that contradicts the listed content, a name the instance does not have
// where a claim needs it. `equilab verify` reports it as an invalid certificate (exit 1), not as
// bad input (exit 2); everywhere else it is bad input like any InputError.
class ResultContradiction : public InputError {
 public:
  using InputError::InputError;
};

}  // namespace equilab
