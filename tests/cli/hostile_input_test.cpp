// Hostile input: files that are not what their names say (devices, directories, binary data,
// endless streams), JSON with a key given twice, MPS files that are MIPs, resource limits
// (--max-input-bytes, --max-memory) and command lines that do not parse. Every refusal is exit 2
// with one line on stderr naming the file (or the option) and the place; running out of memory
// is exit 3 with one line naming the subcommand, the method and the file.
#include "cli/run_command.h"
#include "core/json.h"
#include "lp/mps.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include <sys/stat.h>

namespace equilab::testing {
namespace {

using nlohmann::json;

const std::string kHostile = std::string(EQUILAB_SOURCE_DIR) + "/tests/data/hostile/";

const std::string kSmallLp = R"({"model":"lp","version":1,"sense":"max",
 "variables":[{"name":"x","upper":"4"},{"name":"y","upper":"3"}],
 "objective":{"x":"1","y":"1"},
 "constraints":[{"name":"c","coef":{"x":"1","y":"1"},"op":"<=","rhs":"5"}]})";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// stderr is exactly one line, starting "equilab: ".
void expect_one_line(const CommandResult& r) {
  EXPECT_EQ(r.err.rfind("equilab: ", 0), 0u) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.back(), '\n') << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
}

// No byte outside printable ASCII (and the newline) reaches the terminal.
void expect_printable(const std::string& text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_TRUE(b == '\n' || (b >= 0x20 && b < 0x7F)) << "raw byte " << int(b) << " in: " << text;
  }
}

// Runs the command and fails when it takes longer than `seconds` (a generous bound: the point
// is that it ends, not how fast).
CommandResult run_within(const std::string& args, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  CommandResult r = run_equilab(args);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(took, seconds) << "equilab " << args << " took " << took << " s";
  return r;
}

// ---- 1. duplicate keys -------------------------------------------------------------------

TEST(HostileJson, DuplicateKeyInAnInstanceNamesKeyAndPointer) {
  // {"sense":"max", ..., "sense":"min"}: nlohmann alone keeps the last value silently.
  const std::string file = kHostile + "duplicate_sense.json";
  for (const char* command : {"solve ", "crosscheck "}) {
    const auto r = run_equilab(command + file);
    EXPECT_EQ(r.exit_code, 2) << command << r.out << r.err;
    expect_one_line(r);
    EXPECT_TRUE(contains(r.err, file + ": /sense: duplicate key \"sense\"")) << r.err;
  }
  const auto nested = run_equilab("solve " + kHostile + "duplicate_nested.json");
  EXPECT_EQ(nested.exit_code, 2);
  EXPECT_TRUE(contains(nested.err, "/constraints/0/coef/x: duplicate key \"x\"")) << nested.err;
}

TEST(HostileJson, DuplicateKeyInAResultIsUnreadable) {
  ScratchDir dir;
  const std::string inst = dir.write("lp.json", kSmallLp);
  const auto solved = run_equilab("solve " + inst + " --json");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  // The optimum is 5 (x + y <= 5 binds); a second "objective" member claims 7.
  std::string text = solved.out;
  const auto brace = text.rfind('}');
  ASSERT_NE(brace, std::string::npos);
  text.insert(brace, ",\"objective\":\"7\"");
  const std::string result = dir.write("dup_result.json", text);
  const auto r = run_equilab("verify " + inst + " " + result);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  expect_one_line(r);
  EXPECT_TRUE(contains(r.err, result + ": /objective: duplicate key \"objective\"")) << r.err;
}

TEST(HostileJson, DuplicateKeyInASweepSpecIsRefused) {
  ScratchDir dir;
  const std::string spec = dir.write("spec.json", R"({"name":"a","name":"b"})");
  const auto r = run_equilab("sweep " + spec);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, spec + ": /name: duplicate key \"name\"")) << r.err;
}

TEST(HostileJson, ReaderPointersEscapesAndDepth) {
  auto error_of = [](const std::string& text) {
    try {
      parse_json_text(text, "t.json");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  // RFC 6901 escapes in the pointer; array positions counted from 0.
  EXPECT_EQ(error_of(R"({"a/b~":[1,{"k":1,"k":2}]})"),
            "t.json: /a~1b~0/1/k: duplicate key \"k\" in one object (equilab refuses to guess which value is "
            "meant)");
  EXPECT_EQ(
      error_of(R"([[],[{"p":{"q":1}},{"q":1,"q":1}]])"),
      "t.json: /1/1/q: duplicate key \"q\" in one object (equilab refuses to guess which value is meant)");
  // The same key in different objects is fine, and so is the document it builds.
  const Json ok = parse_json_text(R"({"a":{"k":1},"b":{"k":2},"c":[{"k":3},{"k":4}]})", "t.json");
  EXPECT_EQ(ok.at("b").at("k"), 2);
  EXPECT_EQ(ok.at("c").at(1).at("k"), 4);
  // 512 levels are read, 513 are not.
  EXPECT_EQ(error_of(std::string(512, '[') + std::string(512, ']')), "");
  EXPECT_TRUE(
      contains(error_of(std::string(513, '[') + std::string(513, ']')), "nesting deeper than 512 levels"));
  // A syntax error quoting binary bytes shows them escaped.
  const std::string msg = error_of("{\"a\":\xff\xfe}");
  EXPECT_TRUE(contains(msg, "invalid JSON")) << msg;
  expect_printable(msg);
}

// ---- 2. MPS files that are MIPs -----------------------------------------------------------

TEST(HostileMps, IntegerMarkersAreRefused) {
  // The LP relaxation's optimum (3/2) is not the file's answer (1): no status at all, exit 2.
  const std::string file = kHostile + "integer_markers.mps";
  for (const char* command : {"solve ", "crosscheck "}) {
    const auto r = run_equilab(command + file);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    expect_one_line(r);
    EXPECT_TRUE(contains(r.err, file + ": line 9: integer markers: equilab solves LPs; this file is a MIP"))
        << r.err;
    EXPECT_FALSE(contains(r.out, "optimal")) << r.out;
  }
}

TEST(HostileMps, IntegerBoundTypesAreRefused) {
  const auto r = run_equilab("solve " + kHostile + "binary_bound.mps");
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_TRUE(
      contains(r.err,
               "binary_bound.mps: line 13: bound type BV declares an integer variable: equilab solves "
               "LPs; this file is a MIP"))
      << r.err;
  ScratchDir dir;
  for (const char* type : {"LI", "UI"}) {
    const std::string file =
        dir.write(std::string(type) + ".mps",
                  "ROWS\n N obj\nCOLUMNS\n    x obj 1\nBOUNDS\n " + std::string(type) + " BND x 4\nENDATA\n");
    const auto t = run_equilab("solve " + file);
    EXPECT_EQ(t.exit_code, 2) << type;
    EXPECT_TRUE(contains(t.err, "line 6: bound type " + std::string(type) + " declares an integer variable"))
        << t.err;
  }
}

TEST(HostileMps, BinaryBytesAreEscapedInMessages) {
  ScratchDir dir;
  const std::string file = dir.write("binary.mps", "NAME T\n\xff\xfe\x01ROWS\n");
  const auto r = run_equilab("solve " + file);
  EXPECT_EQ(r.exit_code, 2);
  expect_one_line(r);
  expect_printable(r.err);
  EXPECT_TRUE(contains(r.err, "line 2: unknown section \"\\xFF\\xFE\\x01ROWS\"")) << r.err;
}

TEST(HostileMps, LongLineAndNulByteStopTheReader) {
  ScratchDir dir;
  const std::string long_line =
      dir.write("long.mps", "NAME T\nROWS\n N " + std::string(3 << 20, 'a') + "\nENDATA\n");
  auto r = run_equilab("solve " + long_line);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "long.mps: line 3: line longer than 1048576 bytes")) << r.err;
  const std::string nul = dir.write("nul.mps", std::string("NAME T\nRO\0WS\n", 13));
  r = run_equilab("solve " + nul);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "nul.mps: line 2: NUL byte")) << r.err;
}

TEST(HostileMps, DuplicateEntriesInContiguousAndReopenedColumns) {
  // The reader finds a repeated (row, column) entry from the last column written to each row, and
  // checks a column that comes back after another against the row itself.
  const std::string head = "ROWS\n N obj\n L c1\n L c2\nCOLUMNS\n";
  auto error_of = [&](const std::string& columns) {
    std::istringstream in(head + columns + "RHS\n RHS c1 1 c2 1\nENDATA\n");
    try {
      lp::read_mps(in, "d.mps");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(error_of(" x c1 1\n x c1 2\n"), "d.mps: line 7: duplicate entry for column \"x\" in row \"c1\"");
  EXPECT_EQ(error_of(" x obj 1\n x c1 1 obj 2\n"),
            "d.mps: line 7: duplicate entry for column \"x\" in row \"obj\"");
  EXPECT_EQ(error_of(" x c1 1\n y c1 1\n x c1 3\n"),
            "d.mps: line 8: duplicate entry for column \"x\" in row \"c1\"");
  EXPECT_EQ(error_of(" x c1 1\n y c1 1\n y c2 1\n x c2 3 obj 1\n"), "");  // x comes back, new rows: fine
  std::istringstream in(head + " x c1 1\n y c1 1\n x c2 3\nRHS\n RHS c1 1\nENDATA\n");
  const lp::LpModel m = lp::read_mps(in, "d.mps");
  ASSERT_EQ(m.num_rows(), 2);
  EXPECT_EQ(m.constraints[0].coef.size(), 2u);
  EXPECT_EQ(m.constraints[1].coef, (std::vector<std::pair<int, Rational>>{{0, Rational(3)}}));
}

// ---- 3. size: devices, streams, directories, caps ---------------------------------------

TEST(HostileSize, DevicesEndWithinSecondsNamingTheFile) {
  ScratchDir dir;
  const std::string inst = dir.write("lp.json", kSmallLp);
  std::filesystem::create_symlink("/dev/zero", dir.path / "zero.mps");
  std::filesystem::create_symlink("/dev/urandom", dir.path / "random.mps");
  const std::string zero_mps = (dir.path / "zero.mps").string(),
                    random_mps = (dir.path / "random.mps").string();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"solve /dev/zero", "/dev/zero"},
      {"solve /dev/urandom", "/dev/urandom"},
      {"crosscheck /dev/zero", "/dev/zero"},
      {"verify " + inst + " /dev/zero", "/dev/zero"},
      {"verify " + inst + " /dev/urandom", "/dev/urandom"},
      {"verify /dev/zero " + inst, "/dev/zero"},
      {"solve " + zero_mps, zero_mps},
      {"solve " + random_mps, random_mps},
  };
  for (const auto& [args, named] : cases) {
    const auto r = run_within(args, 20);
    EXPECT_EQ(r.exit_code, 2) << args << ": " << r.err;
    expect_one_line(r);
    expect_printable(r.err);
    EXPECT_EQ(r.err.rfind("equilab: " + named + ": ", 0), 0u) << args << ": " << r.err;
  }
  // JSON: the first NUL byte ends the reading.
  const auto zero = run_equilab("solve /dev/zero");
  EXPECT_TRUE(contains(zero.err, "/dev/zero: byte 0: NUL byte")) << zero.err;
}

TEST(HostileSize, EndlessStreamStopsAtTheCap) {
  // A pipe that would deliver 200 MB of one JSON array ("[0,0,0,..."): reading stops at the cap.
  ScratchDir dir;
  const std::string fifo = (dir.path / "stream.json").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // The writer blocks until equilab opens the pipe and ends when equilab closes it (SIGPIPE).
  ASSERT_EQ(std::system(("timeout 60 sh -c \"(printf '['; yes 0, | tr -d '\\n') | head -c 200000000 > " +
                         fifo + "\" &")
                            .c_str()),
            0);
  const auto r = run_within("solve " + fifo + " --max-input-bytes 1M", 20);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  expect_one_line(r);
  EXPECT_TRUE(contains(
      r.err, fifo + ": (document): the input passed the cap of 1048576 bytes (1.0 MB) before its end; "
                    "raise the cap with --max-input-bytes"))
      << r.err;
}

TEST(HostileSize, LongWhitespaceRunIsRefused) {
  // The JSON parser keeps the blanks before a token in memory: a file of blanks is refused after
  // 64 KiB of them instead of being held whole.
  ScratchDir dir;
  const std::string file = dir.write("blank.json", "{" + std::string(100000, ' ') + "}");
  const auto r = run_equilab("solve " + file);
  EXPECT_EQ(r.exit_code, 2);
  expect_one_line(r);
  EXPECT_TRUE(contains(r.err, file + ": byte 65537: more than 65536 whitespace bytes in a row")) << r.err;
  // Inside a string, blanks are content (the reader then rejects the name for its own reasons).
  const std::string in_string = dir.write("name.json", R"({"model":"lp","version":1,"sense":"max","name":")" +
                                                           std::string(100000, ' ') + R"(","variables":[]})");
  const auto s = run_equilab("solve " + in_string);
  EXPECT_FALSE(contains(s.err, "whitespace bytes in a row")) << s.err;
}

TEST(HostileSize, RegularFileOverTheCapIsRefusedBeforeReading) {
  ScratchDir dir;
  const std::string inst = dir.write("lp.json", kSmallLp);
  const auto r = run_equilab("solve " + inst + " --max-input-bytes 100");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(
      r.err, inst + ": (document): the file has " + std::to_string(kSmallLp.size()) +
                 " bytes, more than the input cap of 100 bytes; raise the cap with --max-input-bytes"))
      << r.err;
  // The cap applies to the result too, and K/M/G suffixes are powers of 1024.
  const auto solved = run_equilab("solve " + inst + " --json --max-input-bytes 1K");
  ASSERT_EQ(solved.exit_code, 0) << solved.err;
  const std::string result = dir.write("result.json", solved.out);
  EXPECT_EQ(run_equilab("verify " + inst + " " + result + " --max-input-bytes 1M").exit_code, 0);
  const auto v =
      run_equilab("verify " + inst + " " + result + " --max-input-bytes " + std::to_string(kSmallLp.size()));
  EXPECT_EQ(v.exit_code, 2) << v.err;
  EXPECT_TRUE(contains(v.err, result + ": (document): the file has")) << v.err;
  const auto bad = run_equilab("solve " + inst + " --max-input-bytes 12X");
  EXPECT_EQ(bad.exit_code, 2);
  expect_one_line(bad);
  EXPECT_TRUE(contains(bad.err, "--max-input-bytes")) << bad.err;
}

TEST(HostileSize, DirectoryIsADirectory) {
  ScratchDir dir;
  std::filesystem::create_directory(dir.path / "inst.mps");
  for (const std::string& path : {dir.path.string(), (dir.path / "inst.mps").string()}) {
    const auto r = run_equilab("solve " + path);
    EXPECT_EQ(r.exit_code, 2);
    expect_one_line(r);
    EXPECT_TRUE(contains(r.err, path + ": (document): is a directory")) << r.err;
  }
}

TEST(HostileSize, NulByteInJsonFailsAtIt) {
  ScratchDir dir;
  const std::string file = dir.write("nul.json", std::string("{\"model\":\"lp\",\0\"version\":1}", 28));
  const auto r = run_equilab("solve " + file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, file + ": byte 14: NUL byte")) << r.err;
}

// ---- 4. out of memory -------------------------------------------------------------------

// AddressSanitizer builds do not cap the address space (its shadow memory is address space).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

TEST(HostileMemory, MaxMemoryEndsARunawayMethodWithExit3) {
  if (kAsan) GTEST_SKIP() << "--max-memory is not applied under AddressSanitizer";
  // Reading 300 buyers x 300 goods (transferable utility, 2.9 MB) fits in 256 MB of address
  // space; the path method then needs more than 1.6 GB, so under --max-memory 256M its
  // allocations fail within seconds.
  ScratchDir dir;
  const std::string file = (dir.path / "market.json").string();
  ASSERT_EQ(run_equilab("generate allocation_market --seed 1 --buyers 300 --goods 300 --tu --out " + file)
                .exit_code,
            0);
  const auto r = run_within("solve " + file + " --method path --max-memory 256M", 120);
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  expect_one_line(r);
  EXPECT_EQ(r.err.rfind("equilab: out of memory in solve path on " + file + " (", 0), 0u) << r.err;
  EXPECT_TRUE(contains(r.err, "raise --max-memory")) << r.err;
}

TEST(HostileMemory, MaxMemoryOptionIsCheckedAndLeavesSmallRunsAlone) {
  ScratchDir dir;
  const std::string inst = dir.write("lp.json", kSmallLp);
  EXPECT_EQ(run_equilab("solve " + inst + " --max-memory 2G").exit_code, 0);
  EXPECT_EQ(run_equilab("crosscheck " + inst + " --max-memory 1G").exit_code, 0);
  const auto bad = run_equilab("solve " + inst + " --max-memory lots");
  EXPECT_EQ(bad.exit_code, 2);
  expect_one_line(bad);
  EXPECT_TRUE(contains(bad.err, "--max-memory")) << bad.err;
}

// ---- 5. command-line errors ----------------------------------------------------------------

TEST(HostileCommandLine, SeedsOutOfRangeOrNotIntegers) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"-1", "out of range"},
      {"18446744073709551616", "out of range"},
      {"99999999999999999999999999", "out of range"},
      {"abc", "not an integer"},
      {"1.5", "not an integer"},
      {"0x10", "not an integer"},
      {"", "not an integer"},
  };
  for (const auto& [seed, reason] : cases) {
    const auto r = run_equilab("generate lp --seed '" + seed + "' --vars 2 --cons 2");
    EXPECT_EQ(r.exit_code, 2) << seed << ": " << r.out;
    expect_one_line(r);
    EXPECT_TRUE(contains(r.err, "--seed")) << r.err;
    EXPECT_TRUE(contains(r.err, reason)) << seed << ": " << r.err;
  }
  // The largest seed is accepted, and a leading zero is not octal.
  const auto top = run_equilab("generate lp --seed 18446744073709551615 --vars 2 --cons 2");
  ASSERT_EQ(top.exit_code, 0) << top.err;
  EXPECT_TRUE(contains(json::parse(top.out).at("name").get<std::string>(), "--seed 18446744073709551615"));
  const auto ten = run_equilab("generate lp --seed 010 --vars 2 --cons 2");
  ASSERT_EQ(ten.exit_code, 0) << ten.err;
  EXPECT_EQ(ten.out, run_equilab("generate lp --seed 10 --vars 2 --cons 2").out);
}

TEST(HostileCommandLine, EveryParseErrorIsOneLine) {
  for (const char* args :
       {"", "frobnicate", "solve", "solve a.json --bogus", "solve a.json extra",
        "solve a.json --time-limit 0", "solve a.json --time-limit soon", "verify a.json", "generate",
        "generate lp", "generate lp --seed 1 --vars many", "solve a.json --arith fuzzy"}) {
    const auto r = run_equilab(args);
    EXPECT_EQ(r.exit_code, 2) << "'" << args << "': " << r.err;
    expect_one_line(r);
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  // --help is unchanged: usage on stdout, exit 0.
  const auto help = run_equilab("solve --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(contains(help.out, "--max-input-bytes")) << help.out;
  EXPECT_TRUE(contains(help.out, "--max-memory")) << help.out;
  EXPECT_TRUE(help.err.empty());
}

}  // namespace
}  // namespace equilab::testing
