// Unified diffs as `diff -u` writes them: hunk ranges, context merging, files
// that appear or go away, and a last line without its newline; and, on random
// edits, diffs that `patch` applies back exactly.
#include "compiler/format/unified_diff.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

#include "tests/cli_run_support.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;

std::string numbered(int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i) out += "line " + std::to_string(i) + "\n";
  return out;
}

struct DiffLabels {
  std::string from, to;
};

// The labels as `build --check --diff` passes them.
std::string unified_diff(std::string_view before, std::string_view after,
                         const DiffLabels& labels) {
  return format::unified_diff(before, after, labels.from, labels.to);
}

const DiffLabels kLabels{"a/f.tf", "b/f.tf"};

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ("", unified_diff(numbered(1, 5), numbered(1, 5), kLabels));
  EXPECT_EQ("", unified_diff("", "", kLabels));
}

TEST(UnifiedDiff, OneChangeWithThreeLinesOfContext) {
  std::string after = numbered(1, 10);
  after.replace(after.find("line 5\n"), 7, "five\n");
  EXPECT_EQ(
      "--- a/f.tf\n+++ b/f.tf\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line "
      "6\n"
      " line 7\n line 8\n",
      unified_diff(numbered(1, 10), after, kLabels));
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunkFarApartDoNot) {
  std::string before = numbered(1, 20);
  std::string close = before;
  close.replace(close.find("line 2\n"), 7, "");
  close.replace(close.find("line 8\n"), 7, "");
  EXPECT_EQ(
      "--- a/f.tf\n+++ b/f.tf\n@@ -1,11 +1,9 @@\n line 1\n-line 2\n line 3\n line 4\n line 5\n"
      " line 6\n line 7\n-line 8\n line 9\n line 10\n line 11\n",
      unified_diff(before, close, kLabels));
  std::string far = before;
  far.replace(far.find("line 2\n"), 7, "");
  far.replace(far.find("line 18\n"), 8, "");
  EXPECT_EQ(
      "--- a/f.tf\n+++ b/f.tf\n@@ -1,5 +1,4 @@\n line 1\n-line 2\n line 3\n line 4\n line 5\n"
      "@@ -15,6 +14,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n",
      unified_diff(before, far, kLabels));
}

TEST(UnifiedDiff, FilesThatAppearOrGoAway) {
  EXPECT_EQ("--- /dev/null\n+++ b/n.tf\n@@ -0,0 +1,2 @@\n+a\n+b\n",
            unified_diff("", "a\nb\n", {"/dev/null", "b/n.tf"}));
  EXPECT_EQ("--- a/o.tf\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
            unified_diff("a\n", "", {"a/o.tf", "/dev/null"}));
}

TEST(UnifiedDiff, ALastLineWithoutNewlineIsMarked) {
  EXPECT_EQ("--- a/f.tf\n+++ b/f.tf\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            unified_diff("a\nb", "a\nb\n", kLabels));
}

// Random edits of a random file: the diff, applied by patch, gives the
// new text back byte for byte.
TEST(UnifiedDiff, PatchAppliesRandomDiffsExactly) {
  if (std::system("command -v patch > /dev/null 2>&1") != 0) GTEST_SKIP() << "no `patch`";
  std::string pattern = (fs::temp_directory_path() / "topoc-diff-XXXXXX").string();
  ASSERT_NE(nullptr, mkdtemp(pattern.data()));
  fs::path dir(pattern);
  std::mt19937 random(42);
  for (int round = 0; round < 25; ++round) {
    std::string before, after;
    int lines = 1 + static_cast<int>(random() % 60);
    for (int i = 0; i < lines; ++i) {
      std::string line = "l" + std::to_string(random() % 8) + "\n";
      before += line;
      switch (random() % 6) {
        case 0:
          break;  // deleted
        case 1:
          after += "new " + std::to_string(i) + "\n";
          break;  // replaced
        case 2:
          after += line + "added\n";
          break;  // inserted after
        default:
          after += line;
      }
    }
    if (random() % 4 == 0 && !after.empty()) after.pop_back();  // no final newline
    std::string diff = unified_diff(before, after, {"a/f.txt", "b/f.txt"});
    std::ofstream(dir / "f.txt", std::ios::binary | std::ios::trunc) << before;
    std::ofstream(dir / "d.diff", std::ios::binary | std::ios::trunc) << diff;
    std::string command = "cd " + shell_quote(dir.string()) + " && patch -s -p1 < d.diff";
    if (!diff.empty()) {
      ASSERT_EQ(0, std::system(command.c_str())) << diff;
    }
    EXPECT_EQ(after, slurp_file(dir / "f.txt")) << "round " << round << "\n" << diff;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace topoc::testing
