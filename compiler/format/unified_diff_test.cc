#include "compiler/format/unified_diff.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace topoc::format {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

// Applies a unified diff to `before`, as patch(1) would; counts the changed lines.
std::string apply(const std::string& before, const std::string& diff, size_t& changes) {
  std::vector<std::string> a = lines_of(before), d = lines_of(diff);
  std::string out;
  size_t next = 0;  // the next line of `a` to copy
  changes = 0;
  for (size_t i = 2; i < d.size(); ++i) {
    if (d[i].rfind("@@ -", 0) == 0) {
      size_t start = std::stoul(d[i].substr(4));
      bool empty = d[i].find(",0 ") != std::string::npos && d[i].find(",0 ") < d[i].find(" +");
      for (size_t first = empty ? start : start - 1; next < first;) out += a[next++];
      continue;
    }
    char op = d[i][0];
    std::string body = d[i].substr(1);
    if (i + 1 < d.size() && d[i + 1] == "\\ No newline at end of file\n") {
      body.pop_back();
      ++i;
    }
    if (op != '+') ++next;
    if (op != '-') out += body;
    if (op != ' ') ++changes;
  }
  while (next < a.size()) out += a[next++];
  return out;
}

TEST(UnifiedDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ("", unified_diff("a\nb\n", "a\nb\n", "x", "x"));
}

TEST(UnifiedDiff, ShowsThreeLinesOfContext) {
  EXPECT_EQ("--- f.topo\n+++ f.topo\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
            unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", "f.topo",
                         "f.topo"));
}

TEST(UnifiedDiff, SeparatesDistantChangesIntoHunks) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(
      "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n@@ -15,6 +15,6 @@\n 15\n 16\n 17\n"
      "-18\n+x\n 19\n 20\n",
      unified_diff(before, after, "a", "b"));
}

TEST(UnifiedDiff, NamesEmptyRangesByTheLineBefore) {
  EXPECT_EQ("--- a\n+++ b\n@@ -0,0 +1 @@\n+new\n", unified_diff("", "new\n", "a", "b"));
  EXPECT_EQ("--- a\n+++ b\n@@ -1,2 +1 @@\n 1\n-2\n", unified_diff("1\n2\n", "1\n", "a", "b"));
}

TEST(UnifiedDiff, MarksALastLineWithoutLineFeed) {
  EXPECT_EQ("--- a\n+++ b\n@@ -1 +1 @@\n-x = 1\n\\ No newline at end of file\n+x = 1\n",
            unified_diff("x = 1", "x = 1\n", "a", "b"));
}

// On random texts the diff applies back to the new text and changes no more
// lines than a shortest edit script (computed here by dynamic programming).
TEST(UnifiedDiff, IsAShortestEditScriptThatApplies) {
  std::mt19937 random(42);
  for (int round = 0; round < 1000; ++round) {
    auto make = [&] {
      std::string text;
      size_t n = random() % 25;
      for (size_t i = 0; i < n; ++i)
        text += std::string(1, static_cast<char>('a' + random() % 4)) + "\n";
      if (random() % 5 == 0) text += "z";
      return text;
    };
    std::string before = make(), after = make();
    std::string diff = unified_diff(before, after, "a", "b");
    size_t changes = 0;
    ASSERT_EQ(after, apply(before, diff, changes)) << before << "--\n" << after << "--\n" << diff;
    std::vector<std::string> a = lines_of(before), b = lines_of(after);
    std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = a.size(); i-- > 0;) {
      for (size_t j = b.size(); j-- > 0;) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    EXPECT_EQ(a.size() + b.size() - 2 * lcs[0][0], changes) << before << "--\n" << after;
  }
}

TEST(UnifiedDiff, HandlesLargeTextsThatDifferEverywhere) {
  std::string before, after;
  for (int i = 0; i < 20000; ++i) {
    before += "  line " + std::to_string(i) + "\n";
    after += "line " + std::to_string(i) + "\n";
  }
  std::string diff = unified_diff(before, after, "a", "b");
  size_t changes = 0;
  EXPECT_EQ(after, apply(before, diff, changes));
  EXPECT_EQ(40000u, changes);
}

}  // namespace
}  // namespace topoc::format
