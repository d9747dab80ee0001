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

}  // namespace equilab
