// Hostile input through the real `topoc` binary, as a user or a pipeline
// would feed it: standard input, memory limits, names holding line breaks
// and escapes, other encodings and line endings, and names that would
// become paths. Each answer is bounded, escaped, and a clear error.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

struct Outcome {
  int exit_code = -1;
  bool signalled = false;
  std::string out;
  std::string err;
  std::string first_err_line() const { return err.substr(0, err.find('\n')); }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A topology that checks clean, in one region.
constexpr std::string_view kClean =
    "topology \"t\" {\n"
    "  boundary \"us\" { geography = united-states }\n"
    "  region \"east\" { location = eastus  address = 10.1.0.0/16  services = [aks] }\n"
    "}\n";

class HostileInput : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-hostile-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path write(const std::string& name, std::string_view contents) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  // Runs a shell command line in the source tree; `$TOPOC` is the binary.
  Outcome shell(const std::string& command) {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string line =
        fmt::format("cd '{}' && TOPOC='{}' && ( {} ) >'{}' 2>'{}' </dev/null", TOPOC_SOURCE_DIR,
                    TOPOC_BINARY, command, out.string(), err.string());
    int status = std::system(line.c_str());
    Outcome r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.signalled = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) > 128);
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  fs::path dir_;
};

// ---- standard input ------------------------------------------------------

// More than one pipe buffer and more than the 4 KiB drift used to peek at.
std::string long_clean_topology() {
  std::string text = "# " + std::string(9000, '-') + "\n";
  return text + std::string(kClean);
}

TEST_F(HostileInput, CheckReadsAPipeGivenAsDash) {
  fs::path file = write("long.topo", long_clean_topology() + "colour = 1\n");
  Outcome r = shell(fmt::format("cat '{}' | \"$TOPOC\" check -", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code) << r.err;
  EXPECT_EQ(
      "<stdin>:6:1: error[M001]: `colour` outside the topology block; everything goes "
      "inside `topology \"name\" { ... }`",
      r.first_err_line());
}

TEST_F(HostileInput, BuildAndGraphReadDash) {
  fs::path file = write("long.topo", long_clean_topology());
  fs::path out = dir_ / "out";
  Outcome build =
      shell(fmt::format("cat '{}' | \"$TOPOC\" build - -o '{}'", file.string(), out.string()));
  EXPECT_EQ(0, build.exit_code) << build.err;
  EXPECT_TRUE(fs::exists(out / "environments/prod/main.tf"));
  Outcome graph = shell(fmt::format("cat '{}' | \"$TOPOC\" graph -", file.string()));
  EXPECT_EQ(0, graph.exit_code) << graph.err;
  EXPECT_EQ(0u, graph.out.rfind("%% topology t\nflowchart LR\n", 0)) << graph.out;
}

TEST_F(HostileInput, DashThatCannotBeReadNamesStdin) {
  Outcome r = shell("\"$TOPOC\" check - <&-");
  EXPECT_EQ(kExitUsage, r.exit_code);
  EXPECT_EQ(0u, r.first_err_line().rfind("topoc: error: cannot read `<stdin>`: ", 0)) << r.err;
}

// drift decides topology or manifest from the first bytes; a pipe must not
// lose them. global-three-region.topo is longer than 4 KiB.
TEST_F(HostileInput, DriftTopologyThroughAPipe) {
  const std::string state = "tests/drift/scenarios/handmade-storage/show.json";
  Outcome from_file = shell(fmt::format(
      "\"$TOPOC\" drift examples/global-three-region.topo --state {} --format json", state));
  Outcome piped = shell(fmt::format(
      "cat examples/global-three-region.topo | \"$TOPOC\" drift - --state {} --format json",
      state));
  Outcome dev_stdin =
      shell(fmt::format("cat examples/global-three-region.topo | \"$TOPOC\" drift "
                        "/dev/stdin --state {} --format json",
                        state));
  ASSERT_EQ(2, from_file.exit_code) << from_file.err;
  EXPECT_EQ("", piped.err);
  EXPECT_EQ(from_file.exit_code, piped.exit_code);
  EXPECT_EQ(from_file.exit_code, dev_stdin.exit_code) << dev_stdin.err;
  auto without_source = [](std::string text, std::string_view source) {
    for (size_t at; (at = text.find(source)) != std::string::npos;)
      text.replace(at, source.size(), "SRC");
    return text;
  };
  EXPECT_EQ(without_source(from_file.out, "examples/global-three-region.topo"),
            without_source(piped.out, "<stdin>"));
  EXPECT_EQ(without_source(from_file.out, "examples/global-three-region.topo"),
            without_source(dev_stdin.out, "/dev/stdin"));
}

TEST_F(HostileInput, DriftManifestThroughAPipe) {
  const std::string manifest = "tests/drift/fixtures/rag-platform.manifest.json";
  const std::string state =
      "tests/drift/scenarios/handmade-storage/show.json --state "
      "tests/drift/scenarios/handmade-storage/graph.json";
  Outcome from_file = shell(fmt::format("\"$TOPOC\" drift {} --state {}", manifest, state));
  Outcome piped = shell(fmt::format("cat {} | \"$TOPOC\" drift - --state {}", manifest, state));
  ASSERT_EQ(2, from_file.exit_code) << from_file.err;
  EXPECT_EQ(2, piped.exit_code) << piped.err;
  std::string expected = from_file.out;
  expected.replace(expected.find(manifest), manifest.size(), "<stdin>");
  EXPECT_EQ(expected, piped.out);
}

TEST_F(HostileInput, DriftTopologyWithErrorsFromStdinNamesStdin) {
  fs::path file = write("bad.topo", std::string(kClean) + "colour = 1\n");
  Outcome r = shell(fmt::format("\"$TOPOC\" drift - --state x.json < '{}'", file.string()));
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ(
      "<stdin>:5:1: error[M001]: `colour` outside the topology block; everything goes "
      "inside `topology \"name\" { ... }`",
      r.first_err_line());
  EXPECT_NE(std::string::npos,
            r.err.find("topoc: error: `<stdin>` has errors; drift compares only a topology that "
                       "checks cleanly\n"))
      << r.err;
}

// ---- exceptions and memory -----------------------------------------------

// Every file under `root`, by path relative to it, with its bytes.
std::map<std::string, std::string> tree_of(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file())
      out[fs::relative(entry.path(), root).string()] = slurp(entry.path());
  }
  return out;
}

// With a thread stack larger than the address space allows, no second thread
// can start: check and build then do the work of the one they would have
// started themselves, and say and write exactly what they do with it.
TEST_F(HostileInput, WithoutASecondThreadCheckAndBuildAreTheSame) {
#if defined(TOPOC_SANITIZED)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#endif
  const std::string limit = "prlimit --as=209715200 --stack=188743680 ";
  const std::string topology = "examples/rag-platform.topo";
  Outcome plain = shell(fmt::format("\"$TOPOC\" check {}", topology));
  Outcome one_thread = shell(fmt::format("{}\"$TOPOC\" check {}", limit, topology));
  EXPECT_EQ(0, plain.exit_code) << plain.err;
  EXPECT_EQ(plain.exit_code, one_thread.exit_code) << one_thread.err;
  EXPECT_EQ(plain.out, one_thread.out);
  EXPECT_EQ(plain.err, one_thread.err);
  const fs::path two = dir_ / "two", one = dir_ / "one";
  Outcome built = shell(fmt::format("\"$TOPOC\" build {} -o '{}' --target all --color never",
                                    topology, two.string()));
  Outcome built_alone = shell(fmt::format(
      "{}\"$TOPOC\" build {} -o '{}' --target all --color never", limit, topology, one.string()));
  ASSERT_EQ(0, built.exit_code) << built.err;
  ASSERT_EQ(0, built_alone.exit_code) << built_alone.err;
  std::map<std::string, std::string> expected = tree_of(two);
  EXPECT_GT(expected.size(), 50u);
  EXPECT_EQ(expected, tree_of(one));
}

// 40 MB of comment fits the 64 MiB input limit but not a 64 MiB address
// space: the allocation fails, and topoc says so in one line.
TEST_F(HostileInput, OutOfMemoryIsOneLineAndExitTwo) {
#if defined(TOPOC_SANITIZED)
  GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#endif
  fs::path file =
      write("big.topo", std::string(kClean) + "# " + std::string(40u << 20, 'x') + "\n");
  for (std::string command : {"check", "graph"}) {
    Outcome r =
        shell(fmt::format("prlimit --as=67108864 \"$TOPOC\" {} '{}'", command, file.string()));
    EXPECT_FALSE(r.signalled) << command << ": " << r.err;
    EXPECT_EQ(kExitUsage, r.exit_code) << command << ": " << r.err;
    EXPECT_EQ("topoc: error: out of memory; the input is too large for the memory available\n",
              r.err)
        << command;
  }
  Outcome drift = shell(
      fmt::format("prlimit --as=67108864 \"$TOPOC\" drift '{}' --state x.json", file.string()));
  EXPECT_FALSE(drift.signalled) << drift.err;
  EXPECT_EQ(1, drift.exit_code) << drift.err;  // drift's own error code
  EXPECT_EQ(
      "topoc: error: `topoc drift`: out of memory; split the input or raise the memory limit\n",
      drift.err);
}

// ---- names that become paths ---------------------------------------------

TEST_F(HostileInput, TopologyNameThatIsAPathIsNotBuilt) {
  fs::path file = write("escape.topo", "topology \"../../other-team/prod\" {\n" +
                                           std::string(kClean.substr(kClean.find('\n') + 1)));
  fs::path out = dir_ / "out";
  Outcome r = shell(fmt::format("\"$TOPOC\" build '{}' -o '{}'", file.string(), out.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(fmt::format("{}:1:10: error[M017]: topology name `../../other-team/prod` cannot name "
                        "the Terraform state and output folders; use 1 to 63 letters, digits, "
                        "`-` or `_`, starting with a letter or digit",
                        file.string()),
            r.first_err_line());
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(HostileInput, EnvironmentThatIsAPathIsRefused) {
  fs::path file = write("env.topo", std::string(kClean).insert(kClean.find('\n') + 1,
                                                               "  environment = \"../prod\"\n"));
  Outcome check = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, check.exit_code);
  EXPECT_EQ(fmt::format("{}:2:17: error[M017]: environment `../prod` cannot name an output folder "
                        "and state key; use 1 to 16 lowercase letters, digits or `-`, starting "
                        "with a letter or digit",
                        file.string()),
            check.first_err_line());
  Outcome drift = shell("\"$TOPOC\" drift examples/minimal.topo --state x.json --env ../prod");
  EXPECT_EQ(1, drift.exit_code);
  EXPECT_EQ(
      "topoc: error: `--env ../prod`: an environment name is 1 to 16 lowercase letters, "
      "digits or `-`, starting with a letter or digit\n",
      drift.err);
}

// ---- control characters and backticks ------------------------------------

// A tenant name with a line break that would start a GitHub Actions command,
// ESC, BEL, NUL and a backtick, written with the language's own escapes.
constexpr std::string_view kHostileName = R"(a\n::error::x\u{1b}[31m\u{7}\u{0}`b)";
constexpr std::string_view kShownName = R"(a\n::error::x\u{1b}[31m\u{7}\u{0}\u{60}b)";

TEST_F(HostileInput, CheckEscapesNamesInMessages) {
  std::string text(kClean);
  text.insert(text.rfind('}'),
              fmt::format("  tenant \"{}\" {{ residency = nowhere }}\n", kHostileName));
  fs::path file = write("names.topo", text);
  Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  size_t column = text.find("nowhere") - text.rfind('\n', text.find("nowhere"));
  EXPECT_EQ(fmt::format("{}:4:{}: error[M004]: tenant `{}` refers to boundary `nowhere`, which is "
                        "not declared",
                        file.string(), column, kShownName),
            r.first_err_line());
  for (char c : r.err) {
    auto u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && c != '\n') << "raw control byte " << int(u) << " in\n" << r.err;
  }
  EXPECT_EQ(std::string::npos, r.err.find("\n::error")) << r.err;
}

TEST_F(HostileInput, GraphEscapesNamesInLabels) {
  std::string text(kClean);
  text.insert(text.rfind('}'), fmt::format("  tenant \"{}\" {{ residency = us }}\n", kHostileName));
  fs::path file = write("names.topo", text);
  Outcome mermaid = shell(fmt::format("\"$TOPOC\" graph '{}'", file.string()));
  EXPECT_EQ(0, mermaid.exit_code) << mermaid.err;
  EXPECT_NE(std::string::npos, mermaid.out.find(R"(a\n::error::x\u{1b}[31m\u{7}\u{0}#96;b)"))
      << mermaid.out;
  Outcome dot = shell(fmt::format("\"$TOPOC\" graph --format dot '{}'", file.string()));
  EXPECT_EQ(0, dot.exit_code) << dot.err;
  EXPECT_NE(std::string::npos, dot.out.find(R"(a\\n::error::x\\u{1b}[31m\\u{7}\\u{0}`b)"))
      << dot.out;
  for (const std::string* out : {&mermaid.out, &dot.out}) {
    for (char c : *out) {
      auto u = static_cast<unsigned char>(c);
      EXPECT_FALSE(u < 0x20 && c != '\n') << "raw control byte " << int(u);
    }
  }
}

// ---- encodings and line endings ------------------------------------------

TEST_F(HostileInput, Utf8ByteOrderMarkIsAcceptedAndColumnsStay) {
  std::string text(kClean);
  text.insert(text.find('\n'), " colour = 1");
  fs::path file = write("bom.topo", "\xEF\xBB\xBF" + text);
  Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(
      fmt::format("{}:1:16: error[M001]: `topology` has no attribute `colour`", file.string()),
      r.first_err_line().substr(0, r.first_err_line().find(';')));
  fs::path clean = write("bom-clean.topo", "\xEF\xBB\xBF" + std::string(kClean));
  EXPECT_EQ(0, shell(fmt::format("\"$TOPOC\" check '{}'", clean.string())).exit_code);
}

TEST_F(HostileInput, CrlfLinesCountAsLines) {
  std::string text(kClean);
  for (size_t at = 0; (at = text.find('\n', at)) != std::string::npos; at += 2)
    text.insert(at, "\r");
  text.insert(text.rfind('}'), "colour = 1\r\n");
  fs::path file = write("crlf.topo", text);
  Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(fmt::format("{}:4:1: error[M001]: `topology` has no attribute `colour`", file.string()),
            r.first_err_line().substr(0, r.first_err_line().find(';')));
  EXPECT_NE(std::string::npos, r.err.find("\n 4 | colour = 1\n")) << r.err;
}

std::string utf16(std::string_view ascii, bool big_endian) {
  std::string out;
  for (char c : ascii) {
    out += big_endian ? std::string{'\0', c} : std::string{c, '\0'};
  }
  return out;
}

TEST_F(HostileInput, Utf16IsNamed) {
  struct Case {
    std::string name, prefix;
    bool big_endian;
    std::string encoding;
  };
  for (const Case& c :
       {Case{"le-bom", "\xff\xfe", false, "UTF-16LE"}, Case{"be-bom", "\xfe\xff", true, "UTF-16BE"},
        Case{"le", "", false, "UTF-16LE"}, Case{"be", "", true, "UTF-16BE"}}) {
    fs::path file = write(c.name + ".topo", c.prefix + utf16(kClean, c.big_endian));
    Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
    EXPECT_EQ(kExitFindings, r.exit_code) << c.name;
    EXPECT_EQ(fmt::format("{}:1:1: error[P004]: the file is {}, not UTF-8; save the file as UTF-8",
                          file.string(), c.encoding),
              r.first_err_line());
  }
}

TEST_F(HostileInput, CarriageReturnAloneIsNamed) {
  std::string text(kClean);
  for (char& c : text) c = c == '\n' ? '\r' : c;
  fs::path file = write("cr.topo", text);
  Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(fmt::format("{}:1:15: error[P005]: a line ends with a carriage return alone (classic "
                        "Mac OS line endings); save the file with LF or CRLF line endings",
                        file.string()),
            r.first_err_line());
}

// ---- long user text --------------------------------------------------------

TEST_F(HostileInput, TenMegabyteNameIsQuotedShort) {
  std::string name(10u << 20, 'x');
  std::string text(kClean);
  text.insert(text.find('\n') + 1, "  environment = \"" + name + "\"\n");
  fs::path file = write("long-env.topo", text);
  Outcome r = shell(fmt::format("\"$TOPOC\" check '{}'", file.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(fmt::format("{}:2:17: error[M017]: environment `{}… (10485760 bytes)` cannot name an "
                        "output folder and state key; use 1 to 16 lowercase letters, digits or "
                        "`-`, starting with a letter or digit",
                        file.string(), std::string(200, 'x')),
            r.first_err_line());
  EXPECT_LT(r.err.size(), 2000u);
  Outcome json = shell(fmt::format("\"$TOPOC\" check --format json '{}'", file.string()));
  EXPECT_LT(json.out.size(), 4000u);
}

TEST_F(HostileInput, EightMegabyteOwnerIsATagValueTooLong) {
  std::string text(kClean);
  text.insert(text.find('\n') + 1, "  owner = \"" + std::string(8u << 20, 'o') + "\"\n");
  fs::path file = write("owner.topo", text);
  fs::path out = dir_ / "out";
  Outcome r = shell(fmt::format("\"$TOPOC\" build '{}' -o '{}'", file.string(), out.string()));
  EXPECT_EQ(kExitFindings, r.exit_code);
  EXPECT_EQ(fmt::format("{}:2:11: error[M015]: the value of tag `owner` is 8388608 characters "
                        "long; Azure allows 256",
                        file.string()),
            r.first_err_line());
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace topoc::testing
