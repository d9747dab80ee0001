// The verify targets: `equilab verify` of one fixed instance (a catalog example) against
// arbitrary result files. The steps are those of run_verify in tools/equilab/commands.cpp without
// the printing: the build record "equilab" is checked and removed, the result's model must be the
// instance's, then the family's exact checker runs.
// The targets mutate as the tamper property does (tests/tamper/tamper.h): an input that parses as
// JSON gets one of its single-field mutations half of the time (a changed number, a swapped name,
// a dropped or duplicated entry, a flipped boolean or status, a deleted field), libFuzzer's byte
// mutations otherwise, so the corpus of well-formed results is explored field by field.
#pragma once

#include <cstring>
#include <random>
#include <utility>

#include "family.h"
#include "fuzz_common.h"
#include "tamper/tamper.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  std::mt19937_64 rng(seed);
  if (rng() % 2 == 0) {
    const equilab::Json doc = equilab::Json::parse(std::string(reinterpret_cast<const char*>(data), size), nullptr, false);
    if (!doc.is_discarded() && doc.is_structured()) {
      for (int tries = 0; tries < 8; ++tries) {
        const auto m = equilab::testing::random_mutation("", doc, rng);
        if (!m) continue;
        const std::string text = m->document.dump(1);
        if (text.size() > max_size) break;
        std::memcpy(data, text.data(), text.size());
        return text.size();
      }
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}

namespace equilab::fuzz {

inline std::pair<cli::InstanceSource, const cli::Family*> catalog_instance(const std::string& catalog_file) {
  const std::string path = std::string(EQUILAB_SOURCE_DIR) + "/" + catalog_file;
  const Json entry = load_json_file(path);
  const Json& instance = entry.at("instance");
  const cli::Family* family = &cli::family_for_model(instance.at("model").get<std::string>(), path);
  return {cli::InstanceSource{path, instance}, family};
}

inline int fuzz_verify(const std::uint8_t* data, std::size_t size, const char* catalog_file) {
  static const auto fixed = catalog_instance(catalog_file);
  const auto& [source, family] = fixed;
  try {
    Json doc = parse_json_text(bytes_text(data, size), "result.json");
    if (doc.is_object() && doc.contains("equilab")) {
      const JsonNode record = JsonNode(doc, "result.json").at("equilab");
      record.expect_object({"version"});
      record.at("version").as_string();
      doc.erase("equilab");
    }
    const JsonNode result(doc, "result.json");
    const std::string model = result.at("model").as_string();
    if (model != family->model) result.at("model").fail("result is for model \"" + model + "\"");
    family->verify(source, result, cli::SolveRequest{});
  } catch (const InputError&) {
  }
  return 0;
}

}  // namespace equilab::fuzz
