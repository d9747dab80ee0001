#include "sweep_spec.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <stdexcept>

#include "commands.h"
#include "family.h"

namespace equilab::cli {
namespace {

// A sweep larger than this is surely a mistake in the spec (and its job list would not fit).
constexpr std::size_t kMaxTasks = 100'000'000;

bool name_char_ok(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

const Family& find_generating_family(const JsonNode& node) {
  const std::string model = node.as_string();
  std::string known;
  for (const Family& f : families()) {
    if (!f.add_generator) continue;
    if (f.model == model) return f;
    known += (known.empty() ? "" : ", ") + f.model;
  }
  node.fail("no generator for model \"" + model + "\" (models with a generator: " + known + ")");
}

std::vector<std::uint64_t> read_seeds(const JsonNode& node) {
  auto seed_value = [](const JsonNode& n, const char* what) {
    if (!n.raw().is_number_integer()) n.fail(std::string(what) + " must be a JSON integer");
    const std::int64_t v = n.as_int();
    if (v < 0) n.fail(std::string(what) + " must be at least 0, not " + std::to_string(v));
    return static_cast<std::uint64_t>(v);
  };
  std::vector<std::uint64_t> seeds;
  if (node.raw().is_object()) {
    node.expect_object({"from", "count"});
    const std::uint64_t from = seed_value(node.at("from"), "from");
    const JsonNode count_node = node.at("count");
    const std::uint64_t count = seed_value(count_node, "count");
    if (count == 0) count_node.fail("count must be at least 1");
    if (count > kMaxTasks)
      count_node.fail("count " + std::to_string(count) + " exceeds " + std::to_string(kMaxTasks));
    if (from > std::numeric_limits<std::uint64_t>::max() - count)
      count_node.fail("seeds from " + std::to_string(from) + " do not fit in 64 bits");
    for (std::uint64_t s = 0; s < count; ++s) seeds.push_back(from + s);
    return seeds;
  }
  if (!node.raw().is_array()) node.fail("expected {\"from\": N, \"count\": N} or a list of seeds");
  for (const JsonNode& e : node.elements()) {
    const std::uint64_t s = seed_value(e, "a seed");
    if (std::find(seeds.begin(), seeds.end(), s) != seeds.end())
      e.fail("seed " + std::to_string(s) + " is listed twice");
    seeds.push_back(s);
  }
  if (seeds.empty()) node.fail("no seeds");
  return seeds;
}

// The text the generator's command line receives for a value (booleans are flags, not text).
std::string value_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// A flag takes no value on the command line.
bool is_flag(const CLI::Option& opt) { return opt.get_expected_min() == 0; }

// A generator subcommand with the options parsed, and the command that reproduces the instance.
struct ParsedGenerator {
  std::unique_ptr<CLI::App> app;
  Generator generator;
};

ParsedGenerator parse_generator(const Family& family, const std::vector<OptionValue>& options,
                                const std::string& file, const std::string& where) {
  ParsedGenerator p{std::make_unique<CLI::App>("generate"), {}};
  p.generator = family.add_generator(*p.app);
  std::vector<std::string> args = {"generate", p.generator.command->get_name()};
  for (const auto& [name, value] : options) {
    if (value.is_boolean()) {
      if (value.get<bool>()) args.push_back(name);
    } else {
      args.push_back(name);
      args.push_back(value_text(value));
    }
  }
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    p.app->parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    throw InputError(file, where, "generate " + family.model + ": " + e.what());
  }
  return p;
}

// The option values of a part: each name must be an option of the generator, each value of the
// kind the option takes, and each value must pass the generator's own command-line checks.
std::vector<std::pair<std::string, std::vector<Json>>> read_options(const JsonNode& node,
                                                                    const Family& family) {
  std::vector<std::pair<std::string, std::vector<Json>>> out;
  CLI::App probe_app{"generate"};
  const Generator probe = family.add_generator(probe_app);
  for (const auto& [name, values_node] : node.members()) {
    const CLI::Option* opt = name.rfind("--", 0) == 0 ? probe.command->get_option_no_throw(name) : nullptr;
    if (opt == nullptr || opt == probe.command->get_help_ptr()) {
      std::string known;
      for (const CLI::Option* o : probe.command->get_options())
        if (o != probe.command->get_help_ptr()) known += (known.empty() ? "" : ", ") + o->get_name();
      values_node.fail("\"" + name + "\" is not an option of `equilab generate " + family.model +
                       "` (options: " + known + ")");
    }
    const bool flag = is_flag(*opt);
    std::vector<JsonNode> elements;
    if (values_node.raw().is_array()) {
      elements = values_node.elements();
      if (elements.empty()) values_node.fail("no values for " + name);
    } else {
      elements.push_back(values_node);
    }
    std::vector<Json> values;
    for (const JsonNode& e : elements) {
      const Json& v = e.raw();
      if (flag && !v.is_boolean()) e.fail(name + " is a flag: its values are true or false");
      if (!flag && !(v.is_string() || v.is_number())) e.fail(name + " takes a number or a string");
      if (std::find(values.begin(), values.end(), v) != values.end())
        e.fail("value " + v.dump() + " is listed twice");
      // The generator's command line checks the value (its type and allowed set) as it would
      // on `equilab generate`.
      parse_generator(family, {{name, v}}, e.file(), e.pointer());
      values.push_back(v);
    }
    out.emplace_back(name, std::move(values));
  }
  return out;
}

SweepPart read_part(const JsonNode& node, const std::optional<JsonNode>& default_task,
                    const std::optional<JsonNode>& default_seeds, bool top_level) {
  if (top_level)
    node.expect_object({"sweep", "name", "model", "task", "method", "seeds", "options"});
  else
    node.expect_object({"model", "task", "method", "seeds", "options"});
  SweepPart part;
  part.pointer = node.pointer();
  part.family = &find_generating_family(node.at("model"));
  const std::optional<JsonNode> task = node.find("task") ? node.find("task") : default_task;
  if (!task) node.fail("missing required field \"task\" (crosscheck or solve)");
  part.task = task->as_string();
  if (part.task != "crosscheck" && part.task != "solve")
    task->fail("task must be \"crosscheck\" or \"solve\", not \"" + part.task + "\"");
  if (auto method = node.find("method")) {
    if (part.task != "solve")
      method->fail("\"method\" applies to task \"solve\" (a crosscheck runs every method)");
    part.method = method->as_string();
    const auto& known = part.family->methods;
    if (std::find(known.begin(), known.end(), part.method) == known.end()) {
      std::string list;
      for (const auto& m : known) list += (list.empty() ? "" : ", ") + m;
      method->fail("unknown method \"" + part.method + "\" for model " + part.family->model + " (" + list +
                   ")");
    }
  } else if (part.task == "solve") {
    part.method = part.family->methods.front();
  }
  const std::optional<JsonNode> seeds = node.find("seeds") ? node.find("seeds") : default_seeds;
  if (!seeds) node.fail("missing required field \"seeds\"");
  part.seeds = read_seeds(*seeds);
  if (auto options = node.find("options")) {
    if (!options->raw().is_object()) options->fail("expected an object {\"--option\": [values]}");
    part.options = read_options(*options, *part.family);
  }
  return part;
}

// a * b, or nullopt when it exceeds kMaxTasks.
std::optional<std::size_t> capped_product(std::size_t a, std::size_t b) {
  if (b != 0 && a > kMaxTasks / b) return std::nullopt;
  return a * b;
}

}  // namespace

std::size_t SweepPart::combinations() const {
  std::size_t n = 1;
  for (const auto& [name, values] : options) n *= values.size();
  return n;
}

std::size_t SweepSpec::task_count() const {
  std::size_t n = 0;
  for (const SweepPart& p : parts) n += p.combinations() * p.seeds.size();
  return n;
}

SweepSpec read_sweep_spec(const std::string& file) { return parse_sweep_spec(load_json_file(file), file); }

SweepSpec parse_sweep_spec(const Json& doc, const std::string& file) {
  const JsonNode root(doc, file);
  if (!doc.is_object()) root.fail("expected a sweep specification object {\"sweep\": 1, ...}");
  const JsonNode version = root.at("sweep");
  if (!version.raw().is_number_integer() || version.as_int() != 1)
    version.fail("unsupported sweep version " + version.raw().dump() + " (expected 1)");
  SweepSpec spec;
  spec.file = file;
  const JsonNode name = root.at("name");
  spec.name = name.as_string();
  if (spec.name.empty() || spec.name.size() > 64 ||
      !std::all_of(spec.name.begin(), spec.name.end(), name_char_ok))
    name.fail("a sweep name is 1 to 64 letters, digits, '-', '_' or '.' (it names the cluster job), not \"" +
              spec.name + "\"");
  if (auto parts = root.find("parts")) {
    root.expect_object({"sweep", "name", "task", "seeds", "parts"});
    for (const JsonNode& p : parts->elements())
      spec.parts.push_back(read_part(p, root.find("task"), root.find("seeds"), false));
    if (spec.parts.empty()) parts->fail("no parts");
  } else {
    spec.parts.push_back(read_part(root, std::nullopt, std::nullopt, true));
  }
  std::size_t total = 0;
  for (const SweepPart& p : spec.parts) {
    std::optional<std::size_t> n = p.seeds.size();
    for (const auto& [option, values] : p.options)
      if (n) n = capped_product(*n, values.size());
    if (!n || *n > kMaxTasks - total)
      JsonNode(doc, file, p.pointer).fail("more than " + std::to_string(kMaxTasks) + " tasks");
    total += *n;
  }
  return spec;
}

SweepTask sweep_task(const SweepSpec& spec, std::size_t k) {
  SweepTask task;
  task.index = k;
  std::size_t local = k;
  for (const SweepPart& part : spec.parts) {
    const std::size_t n = part.combinations() * part.seeds.size();
    if (local >= n) {
      local -= n;
      continue;
    }
    task.part = &part;
    task.seed = part.seeds[local % part.seeds.size()];
    std::size_t combination = local / part.seeds.size();
    task.options.resize(part.options.size());
    for (std::size_t i = part.options.size(); i-- > 0;) {  // the last option varies fastest
      const auto& [name, values] = part.options[i];
      task.options[i] = {name, values[combination % values.size()]};
      combination /= values.size();
    }
    return task;
  }
  throw std::out_of_range("task " + std::to_string(k) + " of a sweep with " +
                          std::to_string(spec.task_count()) + " tasks");
}

GeneratedInstance generate_instance(const Family& family, std::uint64_t seed,
                                    const std::vector<OptionValue>& options, const std::string& file,
                                    const std::string& where) {
  ParsedGenerator p = parse_generator(family, options, file, where);
  GeneratedInstance out;
  out.command = generate_command(*p.generator.command, seed);
  out.document = p.generator.make(seed);
  // As `equilab generate` does: an instance the generator left unnamed is named by its command.
  if (out.document.is_object() && !out.document.contains("name")) out.document["name"] = out.command;
  return out;
}

Json run_sweep_task(const SweepTask& task) {
  const SweepPart& part = *task.part;
  const Family& family = *part.family;
  Json record = Json::object();
  record["record"] = part.task;
  record["model"] = family.model;
  record["seed"] = task.seed;
  // The command is known once the options are parsed; until then (a failure to parse), the
  // options as the spec gives them.
  std::string command = "equilab generate " + family.model + " --seed " + std::to_string(task.seed);
  for (const auto& [name, value] : task.options)
    if (!value.is_boolean())
      command += " " + name + " " + value_text(value);
    else if (value.get<bool>())
      command += " " + name;
  if (part.task == "solve") record["method"] = part.method;
  Json size = Json::object();
  for (const auto& [name, value] : task.options) size[name] = value;
  record["size"] = size;

  std::string status;
  Json messages = Json::array();
  double seconds = 0;
  using Clock = std::chrono::steady_clock;
  Clock::time_point start{};
  bool timing = false;
  auto stop_clock = [&] {
    if (timing) seconds = std::chrono::duration<double>(Clock::now() - start).count();
    timing = false;
  };
  try {
    ParsedGenerator gen =
        parse_generator(family, task.options, "(sweep task " + std::to_string(task.index) + ")", "options");
    command = generate_command(*gen.generator.command, task.seed);
    Json document = gen.generator.make(task.seed);
    if (document.is_object() && !document.contains("name")) document["name"] = command;
    // Messages about the instance name the command that reproduces it.
    const InstanceSource source{command, std::move(document)};
    SolveRequest request;
    if (part.task == "crosscheck") {
      start = Clock::now();
      timing = true;
      const CheckOutcome outcome = family.crosscheck(source, request);
      stop_clock();
      status = outcome.ok ? "agree" : "disagree";
      for (const auto& m : outcome.messages) messages.push_back(m);
    } else {
      request.method = part.method;
      start = Clock::now();
      timing = true;
      Json result = family.solve(source, request);
      stop_clock();
      const bool time_limit = result.contains("status") && result["status"] == "time_limit";
      const CheckOutcome verdict = family.verify(
          source, JsonNode(result, "(" + part.method + " result for " + command + ")"), SolveRequest{});
      status = !verdict.ok ? "error" : time_limit ? "time_limit" : "ok";
      for (const auto& m : verdict.messages) messages.push_back("certificate rejected: " + m);
    }
  } catch (const InputError& e) {
    stop_clock();
    status = "error";
    messages.push_back(e.what());
  } catch (const std::exception& e) {
    stop_clock();
    status = "error";
    messages.push_back(std::string("internal error: ") + e.what());
  }
  record["generate"] = command;
  record["status"] = status;
  record["messages"] = messages;
  record["seconds"] = seconds;
  record["equilab"] = build_record();
  return record;
}

bool record_is_clean(const Json& record) {
  const std::string status = record.at("status").get<std::string>();
  return status == "agree" || status == "ok" || status == "time_limit";
}

}  // namespace equilab::cli
