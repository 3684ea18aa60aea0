// Writing an output tree: atomic replacement, a failed write that leaves the
// previous output as it was, paths that cannot leave the directory, files
// others put in the directory kept, and `--check`'s comparison.
#include "compiler/emit/output_tree.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace topoc::emit {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class OutputTree : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-output-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  std::string out() const { return (root_ / "out").string(); }

  // Every file under `dir` (not directories) with its contents.
  static std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_directory()) continue;
      files[fs::relative(entry.path(), dir).generic_string()] = read(entry.path());
    }
    return files;
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }

  static void write(const fs::path& path, const std::string& contents) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
  }

  // Names in the directory that holds the output: no temporary left behind.
  std::vector<std::string> siblings() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(root_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path root_;
};

const FileTree kFirst = {
    {"environments/prod/main.tf", "module \"eu\" {}\n"},
    {"modules/regional/network/main.tf", "resource \"azurerm_virtual_network\" \"this\" {}\n"},
};

const FileTree kSecond = {
    {"environments/prod/main.tf", "module \"eu\" { source = \"../../modules/eu\" }\n"},
    {"policy/residency.json", "{}\n"},
};

std::map<std::string, std::string> with_marker(const FileTree& files, const std::string& listed) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.contents;
  out[kOutputMarker] =
      "# The files topoc generated in this directory, one per line. The next\n"
      "# `topoc build` replaces or removes them and keeps every other file.\n" +
      listed;
  return out;
}

TEST_F(OutputTree, WritesANewDirectoryWithItsParents) {
  std::string dir = (root_ / "a" / "b" / "out").string();
  EXPECT_EQ(std::nullopt, write_tree_atomically(dir, kFirst));
  EXPECT_EQ(with_marker(kFirst, "environments/prod/main.tf\nmodules/regional/network/main.tf\n"),
            snapshot(dir));
}

TEST_F(OutputTree, KeepsExactBytes) {
  std::string binary("a\0b\xff\r\n\"\\", 8);
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), {{"blob.bin", binary}}));
  EXPECT_EQ(binary, read(root_ / "out" / "blob.bin"));
}

TEST_F(OutputTree, ReplacesThePreviousOutputWhole) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kSecond));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_FALSE(fs::exists(root_ / "out" / "modules"));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, ReplacesWithoutAtomicExchange) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kSecond, {.inject_failure = "exchange"}));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailureWhileWritingLeavesThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  auto before = snapshot(out());
  FileTree bad = kSecond;
  bad.push_back({"modules/" + std::string(300, 'x') + ".tf", ""});  // longer than NAME_MAX
  auto error = write_tree_atomically(out(), bad);
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string::npos, error->find("File name too long")) << *error;
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailureAfterStagingLeavesThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  auto before = snapshot(out());
  EXPECT_EQ("injected failure after staging",
            write_tree_atomically(out(), kSecond, {.inject_failure = "stage"}));
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailedMoveRestoresThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  auto before = snapshot(out());
  EXPECT_EQ("cannot move the new output into `" + out() + "`: injected failure",
            write_tree_atomically(out(), kSecond, {.inject_failure = "install"}));
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailedFirstMoveLeavesNothing) {
  EXPECT_TRUE(write_tree_atomically(out(), kFirst, {.inject_failure = "install"}).has_value());
  EXPECT_EQ(std::vector<std::string>{}, siblings());
}

TEST_F(OutputTree, KeepsFilesTopocDidNotGenerate) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  write(root_ / "out" / "environments/prod/.terraform/providers/azurerm", "provider binary");
  write(root_ / "out" / "environments/prod/.terraform.lock.hcl", "lock");
  write(root_ / "out" / "notes.md", "mine");
  fs::create_symlink("main.tf", root_ / "out" / "environments/prod/link.tf");
  fs::create_directory(root_ / "out" / "empty");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kSecond));
  auto files = snapshot(out());
  EXPECT_EQ("provider binary", files["environments/prod/.terraform/providers/azurerm"]);
  EXPECT_EQ("lock", files["environments/prod/.terraform.lock.hcl"]);
  EXPECT_EQ("mine", files["notes.md"]);
  EXPECT_EQ(kSecond[0].contents, files["environments/prod/main.tf"]);
  EXPECT_EQ(fs::path("main.tf"), fs::read_symlink(root_ / "out" / "environments/prod/link.tf"));
  EXPECT_TRUE(fs::is_directory(root_ / "out" / "empty"));
  EXPECT_FALSE(fs::exists(root_ / "out" / "modules/regional/network/main.tf"));
}

TEST_F(OutputTree, RefusesADirectoryTopocDidNotCreate) {
  write(root_ / "out" / "main.tf", "hand written");
  EXPECT_EQ(
      "`" + out() +
          "` is not empty and has no `.topoc-output`, so topoc did not create it; choose another "
          "directory, or use `--force` to write into it (other files are kept)",
      write_tree_atomically(out(), kFirst));
  EXPECT_EQ((std::map<std::string, std::string>{{"main.tf", "hand written"}}), snapshot(out()));
}

TEST_F(OutputTree, ForceWritesIntoAForeignDirectoryKeepingItsFiles) {
  write(root_ / "out" / "README.md", "hand written");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kFirst, {.force = true}));
  auto files = snapshot(out());
  EXPECT_EQ("hand written", files["README.md"]);
  EXPECT_EQ(kFirst[0].contents, files["environments/prod/main.tf"]);
  EXPECT_TRUE(files.count(kOutputMarker));
}

TEST_F(OutputTree, AnEmptyDirectoryNeedsNoForce) {
  fs::create_directory(root_ / "out");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
}

TEST_F(OutputTree, RefusesToOverwriteAFileItDidNotGenerate) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  write(root_ / "out" / "policy/residency.json", "hand written");
  EXPECT_EQ("`" + out() +
                "/policy/residency.json` was not generated by topoc and would be overwritten; move "
                "it away or use `--force`",
            write_tree_atomically(out(), kSecond));
  EXPECT_EQ("hand written", read(root_ / "out" / "policy/residency.json"));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kSecond, {.force = true}));
  EXPECT_EQ("{}\n", read(root_ / "out" / "policy/residency.json"));
}

TEST_F(OutputTree, RefusesAFileAsTheDirectory) {
  write(root_ / "out", "a file");
  EXPECT_EQ("`" + out() + "` exists and is not a directory", write_tree_atomically(out(), kFirst));
  EXPECT_EQ("a file", read(root_ / "out"));
}

TEST_F(OutputTree, WritesThroughASymbolicLink) {
  fs::create_directory(root_ / "real");
  fs::create_directory_symlink("real", root_ / "out");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  EXPECT_TRUE(fs::is_symlink(root_ / "out"));
  EXPECT_EQ(kFirst[0].contents, read(root_ / "real" / "environments/prod/main.tf"));
}

TEST_F(OutputTree, RejectsPathsThatLeaveTheDirectory) {
  EXPECT_EQ(
      "refusing to write `../escaped.tf`: not a plain relative path inside the output directory",
      write_tree_atomically(out(), {{"main.tf", ""}, {"../escaped.tf", "x"}}));
  EXPECT_FALSE(fs::exists(root_ / "escaped.tf"));
  EXPECT_FALSE(fs::exists(root_ / "out"));
}

TEST(SafeRelativePath, AcceptsPlainPaths) {
  EXPECT_TRUE(is_safe_relative_path("main.tf"));
  EXPECT_TRUE(is_safe_relative_path("environments/prod/main.tf"));
  EXPECT_TRUE(is_safe_relative_path(".terraform.lock.hcl"));
  EXPECT_TRUE(is_safe_relative_path("a/..b/c.."));
}

TEST(SafeRelativePath, RejectsEverythingElse) {
  for (const char* bad : {"", "/etc/passwd", "..", "../x", "a/../../x", "a/..", "a//b", "a/", "./a",
                          "a/./b", "a\\b", "..\\x", "a\nb", "a\tb"}) {
    EXPECT_FALSE(is_safe_relative_path(bad)) << bad;
  }
  EXPECT_FALSE(is_safe_relative_path(std::string("a\0b", 3)));
}

TEST(CheckTreePaths, RejectsDuplicatesAndFileDirectoryClashes) {
  EXPECT_EQ("`a.tf` would be written twice", check_tree_paths({{"a.tf", ""}, {"a.tf", ""}}));
  EXPECT_EQ("`a` would be both a file and a directory",
            check_tree_paths({{"a", ""}, {"a/b.tf", ""}}));
  EXPECT_EQ("`.topoc-output` is reserved for topoc's list of generated files",
            check_tree_paths({{".topoc-output", ""}}));
  EXPECT_EQ(std::nullopt, check_tree_paths(kFirst));
}

TEST_F(OutputTree, CompareListsAddedChangedAndRemoved) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  write(root_ / "out" / ".terraform/plugin", "not topoc's");  // ignored: build keeps it
  TreeDifference diff = compare_tree(out(), kSecond);
  EXPECT_EQ(std::vector<std::string>{"policy/residency.json"}, diff.added);
  EXPECT_EQ((std::vector<std::string>{".topoc-output", "environments/prod/main.tf"}), diff.changed);
  EXPECT_EQ(std::vector<std::string>{"modules/regional/network/main.tf"}, diff.removed);
  EXPECT_FALSE(diff.empty());
}

TEST_F(OutputTree, CompareFindsAHandEdit) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), kFirst));
  EXPECT_TRUE(compare_tree(out(), kFirst).empty());
  write(root_ / "out" / "environments/prod/main.tf", "edited");
  TreeDifference diff = compare_tree(out(), kFirst);
  EXPECT_EQ(std::vector<std::string>{"environments/prod/main.tf"}, diff.changed);
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
}

TEST_F(OutputTree, CompareWithAMissingDirectoryAddsEverything) {
  TreeDifference diff = compare_tree(out(), kFirst);
  EXPECT_EQ((std::vector<std::string>{".topoc-output", "environments/prod/main.tf",
                                      "modules/regional/network/main.tf"}),
            diff.added);
}

}  // namespace
}  // namespace topoc::emit
