// Shared code of the libFuzzer targets. The contract fuzzed: on any bytes, a reader (and
// `verify`) either succeeds or throws InputError (the command's exit 2). Any other exception
// escapes the target and aborts the run, which libFuzzer reports as a crash with the input; so do
// sanitizer findings, timeouts and running out of memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/json.h"

namespace equilab::fuzz {

inline std::string bytes_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Parses the bytes as JSON and hands the document to `read`; InputError is the expected answer
// to bad input.
template <class Read>
int fuzz_json(const std::uint8_t* data, std::size_t size, const char* file_name, Read&& read) {
  try {
    const Json doc = parse_json_text(bytes_text(data, size), file_name);
    read(JsonNode(doc, file_name));
  } catch (const InputError&) {
  }
  return 0;
}

}  // namespace equilab::fuzz
