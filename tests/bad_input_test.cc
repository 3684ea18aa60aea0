// Runs the real `topoc` binary on input that is empty, binary, huge, deeply
// nested, truncated or not a file at all, and checks that it answers with the
// right exit code and first line, quickly, and without echoing megabytes.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

#if defined(TOPOC_SANITIZED)
// Under ASan + UBSan (and the fuzzers' coverage instrumentation) parsing 10 MB
// takes tens of seconds, which is slow but still not a hang.
constexpr int kSlowdown = 20;
#else
constexpr int kSlowdown = 1;
#endif
// Generous for a 10 MB input even on a loaded 2-core machine, far below a hang.
constexpr auto kTimeLimit = std::chrono::seconds(20 * kSlowdown);
// Nothing topoc prints should come near this; the renderer windows long lines.
constexpr size_t kMaxLineLength = 400;
constexpr size_t kMaxOutputBytes = 1 << 20;

constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

constexpr size_t kTenMegabytes = 10u << 20;

// A region that checks clean, written on one line so that long-line inputs
// can append to it.
constexpr std::string_view kCleanPrefix =
    "topology \"t\" { boundary \"us\" { geography = united-states } region \"east\" { location = "
    "eastus address = 10.1.0.0/16 services = [aks] } ";

struct RunResult {
  int exit_code = -1;
  int signal = 0;
  bool timed_out = false;
  std::chrono::milliseconds elapsed{0};
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

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-bad-input-XXXXXX").string();
    ASSERT_NE(nullptr, mkdtemp(pattern.data()));
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

  // Runs topoc with `args`, stdout and stderr captured in files (no pipe can
  // fill up), killed if it outlives the time limit.
  RunResult run(const std::vector<std::string>& args) {
    RunResult r;
    fs::path out_path = dir_ / "stdout", err_path = dir_ / "stderr";
    std::vector<std::string> argv_storage = {TOPOC_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    auto start = std::chrono::steady_clock::now();
    int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(0, spawned) << "cannot run " << TOPOC_BINARY;
    if (spawned != 0) return r;

    int status = 0;
    for (;;) {
      pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      if (std::chrono::steady_clock::now() - start > kTimeLimit) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        r.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
  }

  // The checks every run shares: it ended by itself, in time, with short output.
  static void expect_well_behaved(const RunResult& r) {
    EXPECT_FALSE(r.timed_out) << "killed after " << r.elapsed.count() << " ms";
    EXPECT_EQ(0, r.signal) << "died of signal " << r.signal << "\n" << r.err.substr(0, 2000);
    EXPECT_LE(r.out.size() + r.err.size(), kMaxOutputBytes);
    for (const std::string* stream : {&r.out, &r.err}) {
      std::istringstream lines(*stream);
      size_t number = 0;
      for (std::string line; std::getline(lines, line);) {
        ++number;
        EXPECT_LE(line.size(), kMaxLineLength) << "output line " << number << " is not windowed";
        if (line.size() > kMaxLineLength) break;
      }
    }
  }

  void expect_finding(const fs::path& file, std::string_view first_line_after_path) {
    RunResult r = run({"check", file.string()});
    expect_well_behaved(r);
    EXPECT_EQ(kExitFindings, r.exit_code) << r.err.substr(0, 2000);
    EXPECT_EQ(fmt::format("{}:{}", file.string(), first_line_after_path), r.first_err_line());
  }

  fs::path dir_;
};

TEST_F(BadInput, EmptyFile) {
  expect_finding(write("empty.topo", ""),
                 "1:1: error[M012]: the file holds no topology; start with `topology \"name\" { ... }`");
}

TEST_F(BadInput, BinaryGarbageIsNotUtf8) {
  // The start of an x86-64 ELF header: NUL bytes are valid UTF-8, 0xc0 never is.
  std::string elf("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"
                  "\x02\x00\x3e\x00\x01\x00\x00\x00\xc0\x10\x40\x00",
                  28);
  expect_finding(write("garbage.topo", elf),
                 "1:25: error[P002]: the file is not valid UTF-8 (byte 0xc0 at offset 24)");
}

TEST_F(BadInput, ControlBytesAreASyntaxError) {
  expect_finding(write("control.topo", std::string("\x01\x02\x03", 3)),
                 "1:1: error[P001]: expected an attribute (`name = value`) or a block (`name \"label\" "
                 "{ ... }`); found byte 0x01");
}

TEST_F(BadInput, InvalidUtf8InAString) {
  expect_finding(write("latin1.topo", "topology \"t\" {\n  owner = \"Jos\xe9\"\n}\n"),
                 "2:15: error[P002]: the file is not valid UTF-8 (byte 0xe9 at offset 29)");
}

TEST_F(BadInput, TenMegabyteStringValue) {
  std::string text(kCleanPrefix);
  text += "owner = \"" + std::string(kTenMegabytes, 'x') + "\" colour = 1 }";
  // The owner is a tag value on every resource: M015 comes first, bounded.
  size_t column = text.find("owner") + 9;
  expect_finding(write("long-string.topo", text),
                 fmt::format("1:{}: error[M015]: the value of tag `owner` is 10485760 characters "
                             "long; Azure allows 256",
                             column));
}

TEST_F(BadInput, TenMegabyteComment) {
  std::string text(kCleanPrefix);
  text += "mode = fast } # " + std::string(kTenMegabytes, 'x');
  size_t column = text.find("fast") + 1;
  expect_finding(write("long-comment.topo", text),
                 fmt::format("1:{}: error[M007]: `fast` is not a valid `mode`", column));
}

TEST_F(BadInput, TenMegabytesOfAttributesOnOneLine) {
  std::string text;
  text.reserve(kTenMegabytes + 6);
  while (text.size() < kTenMegabytes) text += "a = 1 ";
  expect_finding(write("many-attributes.topo", text),
                 "1:1: error[M001]: `a` outside the topology block; everything goes inside "
                 "`topology \"name\" { ... }`");
}

TEST_F(BadInput, TenThousandNestedBlocks) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "a { ";
  // The 33rd `{` is refused: 32 levels of 4 bytes, then `a `.
  expect_finding(write("deep-blocks.topo", text),
                 "1:131: error[P003]: blocks are nested more than 32 levels deep");
}

TEST_F(BadInput, TenThousandNestedLists) {
  std::string text = "topology \"t\" { tags = " + std::string(10000, '[') + std::string(10000, ']') + " }";
  expect_finding(write("deep-lists.topo", text),
                 "1:24: error[P001]: expected `]` to close the list, or another list item (lists hold "
                 "strings, numbers and names, not lists or blocks); found `[`");
}

TEST_F(BadInput, UnterminatedString) {
  expect_finding(write("unterminated-string.topo", "topology \"t\" {\n  owner = \"abc\n}\n"),
                 "2:15: error[P001]: unterminated string; a string ends with `\"` on the same line; "
                 "found end of line");
}

TEST_F(BadInput, UnterminatedBlock) {
  expect_finding(write("unterminated-block.topo", "topology \"t\" {\n  boundary \"us\" {\n"),
                 "3:1: error[P001]: expected `}` to close the block, or another attribute or block; "
                 "found end of file");
}

TEST_F(BadInput, FileThatDoesNotExist) {
  fs::path missing = dir_ / "missing.topo";
  RunResult r = run({"check", missing.string()});
  expect_well_behaved(r);
  EXPECT_EQ(kExitUsage, r.exit_code);
  EXPECT_EQ(fmt::format("topoc: error: cannot read `{}`: No such file or directory", missing.string()),
            r.first_err_line());
}

TEST_F(BadInput, DirectoryInsteadOfFile) {
  RunResult r = run({"check", dir_.string()});
  expect_well_behaved(r);
  EXPECT_EQ(kExitUsage, r.exit_code);
  EXPECT_EQ(fmt::format("topoc: error: cannot read `{}`: is a directory, not a topology file", dir_.string()),
            r.first_err_line());
}

TEST_F(BadInput, VersionExitsZero) {
  RunResult r = run({"--version"});
  expect_well_behaved(r);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(0u, r.out.rfind("topoc ", 0)) << r.out;
}

TEST_F(BadInput, HelpExitsZero) {
  RunResult r = run({"--help"});
  expect_well_behaved(r);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("check")) << r.out;
}

TEST_F(BadInput, CheckHelpExitsZero) {
  RunResult r = run({"check", "--help"});
  expect_well_behaved(r);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("--format")) << r.out;
}

// The summary line counts notes when there are some: a topology whose only
// finding is an exemption (R015) says so instead of printing no count.
TEST_F(BadInput, CheckSummaryCountsNotes) {
  RunResult r = run({"check", std::string(TOPOC_SOURCE_DIR) +
                                  "/examples/invalid/r015-global-config-exempt.topo"});
  expect_well_behaved(r);
  EXPECT_EQ(0, r.exit_code) << r.err;
  ASSERT_GE(r.err.size(), 1u);
  std::string last = r.err.substr(r.err.rfind('\n', r.err.size() - 2) + 1);
  EXPECT_EQ("0 errors, 0 warnings, 1 note\n", last);
}

TEST_F(BadInput, CheckWithoutFileIsAUsageError) {
  RunResult r = run({"check"});
  expect_well_behaved(r);
  EXPECT_EQ(kExitUsage, r.exit_code) << r.err;
}

TEST_F(BadInput, UnknownOptionIsAUsageError) {
  RunResult r = run({"check", "--no-such-option", write("ok.topo", "").string()});
  expect_well_behaved(r);
  EXPECT_EQ(kExitUsage, r.exit_code) << r.err;
}

}  // namespace
}  // namespace topoc::testing
