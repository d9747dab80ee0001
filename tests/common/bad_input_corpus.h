// The bad-input corpus of a family: tests/bad_inputs/<family>/expected.json maps each file of
// the folder to a fragment of the message it must produce.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "cli/run_command.h"
#include "core/json.h"

namespace equilab::testing {

// `equilab solve <dir><file><options(file)> --json` must exit 2 with nothing on stdout and a
// message on stderr that names the file and contains the fragment; every .json file of the
// folder must be listed. `dir` ends with '/'.
inline void check_bad_input_corpus(const std::string& dir,
                                   const std::function<std::string(const std::string& file)>& options) {
  const Json expected = load_json_file(dir + "expected.json");
  std::set<std::string> listed;
  for (const auto& [file, fragment] : expected.items()) {
    listed.insert(file);
    const auto r = run_equilab("solve " + dir + file + options(file) + " --json");
    EXPECT_EQ(r.exit_code, 2) << file << ": " << r.err;
    EXPECT_NE(r.err.find(dir + file), std::string::npos) << file << ": " << r.err;
    EXPECT_NE(r.err.find(fragment.get<std::string>()), std::string::npos) << file << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << file;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".json" && name != "expected.json")
      EXPECT_TRUE(listed.count(name)) << name << " is not listed in expected.json";
  }
}

}  // namespace equilab::testing
