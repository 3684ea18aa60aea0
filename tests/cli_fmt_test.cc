// `topoc fmt` as a user runs it: files rewritten in place (mode kept, links
// followed, formatted files untouched), standard input to standard output,
// --check and --diff, and syntax errors and unreadable files writing nothing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace topoc::testing {
namespace cli_fmt_test {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

constexpr const char* kMessy = "topology \"t\" {\n    owner=\"o\"\n  mode = active-active\n}\n";
constexpr const char* kTidy = "topology \"t\" {\n  owner = \"o\"\n  mode  = active-active\n}\n";
constexpr const char* kBroken = "topology \"t\" {\n  owner = \"o\n}\n";

class CliFmt : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-fmt-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // Runs topoc in the test's directory, `stdin_text` on its standard input.
  // `shell` runs first, in the same shell (limits, traps).
  Result topoc(const std::vector<std::string>& args, const std::string& stdin_text = "",
               const std::string& shell = "") {
    std::ofstream(root_ / "stdin", std::ios::binary) << stdin_text;
    std::string command = "cd " + quote(root_.string()) + " && " + shell + quote(TOPOC_BINARY);
    for (const auto& a : args) command += " " + quote(a);
    command += " <stdin 2>stderr";
    Result run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
    int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read(root_ / "stderr");
    return run;
  }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name, std::ios::binary) << text;
  }
  std::string contents(const std::string& name) { return read(root_ / name); }
  ino_t inode(const std::string& name) {
    struct stat st {};
    ::stat((root_ / name).c_str(), &st);
    return st.st_ino;
  }

  fs::path root_;
};

TEST_F(CliFmt, RewritesFilesInPlaceAndNamesThem) {
  write("a.topo", kMessy);
  write("b.topo", kTidy);
  ino_t tidy = inode("b.topo");
  ASSERT_EQ(0, ::chmod((root_ / "a.topo").c_str(), 0640));
  Result r = topoc({"fmt", "a.topo", "b.topo"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_EQ("a.topo\n", r.out);
  EXPECT_EQ("", r.err);
  EXPECT_EQ(kTidy, contents("a.topo"));
  EXPECT_EQ(kTidy, contents("b.topo"));
  EXPECT_EQ(tidy, inode("b.topo")) << "a formatted file is left alone";
  struct stat st {};
  ::stat((root_ / "a.topo").c_str(), &st);
  EXPECT_EQ(0640u, st.st_mode & 07777);
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(root_)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ((std::vector<std::string>{"a.topo", "b.topo", "stderr", "stdin"}), left);
}

TEST_F(CliFmt, FollowsASymbolicLinkAndKeepsIt) {
  fs::create_directory(root_ / "real");
  write("real/t.topo", kMessy);
  fs::create_symlink("real/t.topo", root_ / "link.topo");
  Result r = topoc({"fmt", "link.topo"});
  EXPECT_EQ(0, r.exit_code) << r.err;
  EXPECT_TRUE(fs::is_symlink(root_ / "link.topo"));
  EXPECT_EQ(kTidy, contents("real/t.topo"));
}

TEST_F(CliFmt, FormatsStandardInputToStandardOutput) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"fmt"}, std::vector<std::string>{"fmt", "-"}}) {
    Result r = topoc(args, kMessy);
    EXPECT_EQ(0, r.exit_code) << r.err;
    EXPECT_EQ(kTidy, r.out);
    EXPECT_EQ("", r.err);
  }
}

TEST_F(CliFmt, CheckListsWhatWouldChangeAndWritesNothing) {
  write("a.topo", kMessy);
  write("b.topo", kTidy);
  Result r = topoc({"fmt", "--check", "a.topo", "b.topo"});
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("a.topo\n", r.out);
  EXPECT_EQ(kMessy, contents("a.topo"));
  r = topoc({"fmt", "--check", "b.topo"});
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ("", r.out);
  r = topoc({"fmt", "--check", "-"}, kMessy);
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("<stdin>\n", r.out);
}

TEST_F(CliFmt, DiffShowsTheChangeAsAUnifiedDiff) {
  write("a.topo", kMessy);
  const std::string diff =
      "--- a.topo\n+++ a.topo\n@@ -1,4 +1,4 @@\n topology \"t\" {\n-    owner=\"o\"\n-  mode = "
      "active-active\n+  owner = \"o\"\n+  mode  = active-active\n }\n";
  Result r = topoc({"fmt", "--check", "--diff", "a.topo"});
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ(diff, r.out);
  EXPECT_EQ(kMessy, contents("a.topo"));
  r = topoc({"fmt", "--diff", "a.topo"});
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(diff, r.out);
  EXPECT_EQ(kTidy, contents("a.topo"));
  r = topoc({"fmt", "--diff"}, kMessy);
  EXPECT_EQ(0, r.exit_code);
  EXPECT_EQ(
      "--- <stdin>\n+++ <stdin>\n@@ -1,4 +1,4 @@\n topology \"t\" {\n-    owner=\"o\"\n-  "
      "mode = active-active\n+  owner = \"o\"\n+  mode  = active-active\n }\n",
      r.out);
}

TEST_F(CliFmt, ASyntaxErrorIsReportedAsCheckDoesAndNothingIsWritten) {
  write("a.topo", kMessy);
  write("bad.topo", kBroken);
  Result r = topoc({"fmt", "a.topo", "bad.topo", "--color", "never"});
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("", r.out);
  Result check = topoc({"check", "bad.topo", "--color", "never"});
  EXPECT_EQ(check.err, r.err);
  EXPECT_EQ(0u, r.err.find("bad.topo:2:")) << r.err;
  EXPECT_NE(std::string::npos, r.err.find("error[P001]")) << r.err;
  EXPECT_EQ(kMessy, contents("a.topo"));
  EXPECT_EQ(kBroken, contents("bad.topo"));
  r = topoc({"fmt", "--color", "never"}, kBroken);
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ(0u, r.err.find("<stdin>:2:")) << r.err;
}

TEST_F(CliFmt, UnreadableFilesAndMixingStandardInputExitTwo) {
  write("a.topo", kMessy);
  Result r = topoc({"fmt", "a.topo", "missing.topo"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("topoc: error: cannot read `missing.topo`: No such file or directory\n", r.err);
  EXPECT_EQ(kMessy, contents("a.topo"));
  r = topoc({"fmt", "a.topo", "-"});
  EXPECT_EQ(2, r.exit_code);
  EXPECT_EQ("topoc: error: `-` (standard input) cannot be formatted together with files\n", r.err);
  r = topoc({"fmt", "--nope"});
  EXPECT_EQ(2, r.exit_code);
}

TEST_F(CliFmt, ANamedPipeIsReadButNotRewritten) {
  write("a.topo", kMessy);
  Result r = topoc({"fmt", "pipe"}, "", "mkfifo pipe && (cat a.topo > pipe &) && ");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("", r.out);
  EXPECT_EQ("topoc: error: cannot write `pipe`: not a regular file; format a stream with `-`\n",
            r.err);
}

TEST_F(CliFmt, AFailedWriteExitsOneAndLeavesTheFiles) {
  // A file size limit of 1 KiB (with SIGXFSZ ignored, so write(2) fails with
  // EFBIG) stops the longer file's new text from being written, even as root.
  std::string long_comment = "# " + std::string(2000, 'x') + "\n";
  write("a.topo", kMessy);
  write("long.topo", long_comment + kMessy);
  Result r = topoc({"fmt", "a.topo", "long.topo"}, "", "trap '' XFSZ; ulimit -f 1; ");
  EXPECT_EQ(1, r.exit_code);
  EXPECT_EQ("", r.out) << "no file is named as rewritten";
  EXPECT_EQ("topoc: error: cannot write `long.topo`: File too large\n", r.err);
  EXPECT_EQ(kMessy, contents("a.topo")) << "nothing is written unless everything can be";
  EXPECT_EQ(long_comment + kMessy, contents("long.topo"));
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(root_)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ((std::vector<std::string>{"a.topo", "long.topo", "stderr", "stdin"}), left);
}

TEST_F(CliFmt, TheExamplesAreInTheCanonicalLayout) {
  std::vector<std::string> args = {"fmt", "--check", "--diff"};
  for (const auto& e : fs::directory_iterator(fs::path(TOPOC_SOURCE_DIR) / "examples")) {
    if (e.path().extension() == ".topo") args.push_back(e.path().string());
  }
  ASSERT_GT(args.size(), 5u);
  Result r = topoc(args);
  EXPECT_EQ(0, r.exit_code) << r.out << r.err;
  EXPECT_EQ("", r.out);
}

}  // namespace cli_fmt_test
}  // namespace topoc::testing
