// The model families the command knows; a new family adds one line here.
#include "family.h"
#include "lp/mps.h"

namespace equilab::cli {

Family lp_family();
Family groups_family();
Family allocation_market_family();
Family interim_family();
Family pseudo_market_family();
Family exchange_economy_family();

const std::vector<Family>& families() {
  static const std::vector<Family> all = {lp_family(), groups_family(), allocation_market_family(), interim_family(), pseudo_market_family(), exchange_economy_family()};
  return all;
}

const Family& family_for_model(const std::string& model, const std::string& file) {
  for (const auto& f : families())
    if (f.model == model) return f;
  std::string known;
  for (const auto& f : families()) known += (known.empty() ? "" : ", ") + f.model;
  throw InputError(file, "/model", "unknown model \"" + model + "\" (known: " + known + ")");
}

std::pair<InstanceSource, const Family*> load_instance(const std::string& path) {
  if (lp::is_mps_file_name(path))  // .mps or .mps.gz, any case
    return {InstanceSource{path, std::nullopt}, &family_for_model("lp", path)};
  Json doc = load_json_file(path);
  JsonNode root(doc, path);
  const std::string model = root.at("model").as_string();
  const Family* family = &family_for_model(model, path);
  return {InstanceSource{path, std::move(doc)}, family};
}

}  // namespace equilab::cli
