// Writing an output tree: atomic replacement, a failed write that leaves the
// previous output as it was, paths that cannot leave the directory, files
// others put in the directory kept, and `--check`'s comparison.
#include "compiler/emit/output_tree.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "compiler/emit/flusher.h"
#include "compiler/emit/staging_area.h"

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

const Owner kProd{"prod", "terraform"};
const Owner kStaging{"staging", "terraform"};

OwnedTrees prod(const FileTree& files) {
  return {{kProd, files}};
}

constexpr const char* kRecordHeader =
    "# The files topoc generated in this directory, under the environment and\n"
    "# target that wrote them. `topoc build --env E --target T` replaces or\n"
    "# removes only files listed under [E T] and keeps every other file.\n";

std::map<std::string, std::string> with_marker(const FileTree& files, const std::string& listed) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.contents;
  out[kOutputMarker] = std::string(kRecordHeader) + "[prod terraform]\n" + listed;
  return out;
}

TEST_F(OutputTree, WritesANewDirectoryWithItsParents) {
  std::string dir = (root_ / "a" / "b" / "out").string();
  EXPECT_EQ(std::nullopt, write_tree_atomically(dir, prod(kFirst)));
  EXPECT_EQ(with_marker(kFirst, "environments/prod/main.tf\nmodules/regional/network/main.tf\n"),
            snapshot(dir));
}

TEST_F(OutputTree, KeepsExactBytes) {
  std::string binary("a\0b\xff\r\n\"\\", 8);
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod({{"blob.bin", binary}})));
  EXPECT_EQ(binary, read(root_ / "out" / "blob.bin"));
}

TEST_F(OutputTree, ReplacesThePreviousOutputWhole) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_FALSE(fs::exists(root_ / "out" / "modules"));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, ReplacesWithoutAtomicExchange) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ(std::nullopt,
            write_tree_atomically(out(), prod(kSecond), {.inject_failure = "exchange"}));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailureWhileWritingLeavesThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  auto before = snapshot(out());
  FileTree bad = kSecond;
  bad.push_back({"modules/" + std::string(300, 'x') + ".tf", ""});  // longer than NAME_MAX
  auto error = write_tree_atomically(out(), prod(bad));
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string::npos, error->find("File name too long")) << *error;
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailureAfterStagingLeavesThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  auto before = snapshot(out());
  EXPECT_EQ("injected failure after staging",
            write_tree_atomically(out(), prod(kSecond), {.inject_failure = "stage"}));
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailedMoveRestoresThePreviousOutput) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  auto before = snapshot(out());
  EXPECT_EQ("cannot move the new output into `" + out() + "`: injected failure",
            write_tree_atomically(out(), prod(kSecond), {.inject_failure = "install"}));
  EXPECT_EQ(before, snapshot(out()));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FailedFirstMoveLeavesNothing) {
  EXPECT_TRUE(
      write_tree_atomically(out(), prod(kFirst), {.inject_failure = "install"}).has_value());
  EXPECT_EQ(std::vector<std::string>{}, siblings());
}

TEST_F(OutputTree, KeepsFilesTopocDidNotGenerate) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / "out" / "environments/prod/.terraform/providers/azurerm", "provider binary");
  write(root_ / "out" / "environments/prod/.terraform.lock.hcl", "lock");
  write(root_ / "out" / "notes.md", "mine");
  fs::create_symlink("main.tf", root_ / "out" / "environments/prod/link.tf");
  fs::create_directory(root_ / "out" / "empty");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
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
      write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ((std::map<std::string, std::string>{{"main.tf", "hand written"}}), snapshot(out()));
}

TEST_F(OutputTree, ForceWritesIntoAForeignDirectoryKeepingItsFiles) {
  write(root_ / "out" / "README.md", "hand written");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst), {.force = true}));
  auto files = snapshot(out());
  EXPECT_EQ("hand written", files["README.md"]);
  EXPECT_EQ(kFirst[0].contents, files["environments/prod/main.tf"]);
  EXPECT_TRUE(files.count(kOutputMarker));
}

TEST_F(OutputTree, AnEmptyDirectoryNeedsNoForce) {
  fs::create_directory(root_ / "out");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
}

TEST_F(OutputTree, RefusesToOverwriteAFileItDidNotGenerate) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / "out" / "policy/residency.json", "hand written");
  EXPECT_EQ("`" + out() +
                "/policy/residency.json` was not generated by topoc and would be overwritten; move "
                "it away or use `--force`",
            write_tree_atomically(out(), prod(kSecond)));
  EXPECT_EQ("hand written", read(root_ / "out" / "policy/residency.json"));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond), {.force = true}));
  EXPECT_EQ("{}\n", read(root_ / "out" / "policy/residency.json"));
}

TEST_F(OutputTree, RefusesAFileAsTheDirectory) {
  write(root_ / "out", "a file");
  EXPECT_EQ("`" + out() + "` exists and is not a directory",
            write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ("a file", read(root_ / "out"));
}

TEST_F(OutputTree, WritesThroughASymbolicLink) {
  fs::create_directory(root_ / "real");
  fs::create_directory_symlink("real", root_ / "out");
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_TRUE(fs::is_symlink(root_ / "out"));
  EXPECT_EQ(kFirst[0].contents, read(root_ / "real" / "environments/prod/main.tf"));
}

TEST_F(OutputTree, RejectsPathsThatLeaveTheDirectory) {
  EXPECT_EQ(
      "refusing to write `../escaped.tf`: not a plain relative path inside the output directory",
      write_tree_atomically(out(), prod({{"main.tf", ""}, {"../escaped.tf", "x"}})));
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
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / "out" / ".terraform/plugin", "not topoc's");  // ignored: build keeps it
  TreeDifference diff = compare_tree(out(), prod(kSecond));
  EXPECT_EQ(std::vector<std::string>{"policy/residency.json"}, diff.added);
  EXPECT_EQ((std::vector<std::string>{".topoc-output", "environments/prod/main.tf"}), diff.changed);
  EXPECT_EQ(std::vector<std::string>{"modules/regional/network/main.tf"}, diff.removed);
  EXPECT_FALSE(diff.empty());
}

TEST_F(OutputTree, CompareFindsAHandEdit) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_TRUE(compare_tree(out(), prod(kFirst)).empty());
  write(root_ / "out" / "environments/prod/main.tf", "edited");
  TreeDifference diff = compare_tree(out(), prod(kFirst));
  EXPECT_EQ(std::vector<std::string>{"environments/prod/main.tf"}, diff.changed);
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
}

TEST_F(OutputTree, CompareWithAMissingDirectoryAddsEverything) {
  TreeDifference diff = compare_tree(out(), prod(kFirst));
  EXPECT_EQ((std::vector<std::string>{".topoc-output", "environments/prod/main.tf",
                                      "modules/regional/network/main.tf"}),
            diff.added);
}

// Several environments and targets in one directory.

const FileTree kStagingTree = {
    {"environments/staging/main.tf", "module \"eu\" {}\n"},
    {"modules/regional/network/main.tf", "resource \"azurerm_virtual_network\" \"this\" {}\n"},
};

TEST_F(OutputTree, EnvironmentsLiveSideBySide) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), {{kStaging, kStagingTree}}));
  auto files = snapshot(out());
  EXPECT_EQ(kFirst[0].contents, files["environments/prod/main.tf"]);
  EXPECT_EQ(kStagingTree[0].contents, files["environments/staging/main.tf"]);
  EXPECT_EQ(std::string(kRecordHeader) +
                "[prod terraform]\n"
                "environments/prod/main.tf\n"
                "modules/regional/network/main.tf\n"
                "[staging terraform]\n"
                "environments/staging/main.tf\n"
                "modules/regional/network/main.tf\n",
            files[kOutputMarker]);
  EXPECT_TRUE(compare_tree(out(), prod(kFirst)).empty());
  EXPECT_TRUE(compare_tree(out(), {{kStaging, kStagingTree}}).empty());
}

TEST_F(OutputTree, ABuildRemovesOnlyWhatItWroteBefore) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), {{kStaging, kStagingTree}}));
  // prod no longer needs the network module; staging still does.
  EXPECT_EQ((std::vector<std::string>{}), compare_tree(out(), prod(kSecond)).removed);
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  auto files = snapshot(out());
  EXPECT_EQ(kSecond[0].contents, files["environments/prod/main.tf"]);
  EXPECT_EQ(kStagingTree[0].contents, files["environments/staging/main.tf"]);
  EXPECT_EQ(kStagingTree[1].contents, files["modules/regional/network/main.tf"]);
  // Once staging drops it too, nobody lists it and staging's build removes it.
  FileTree staging_only = {kStagingTree[0]};
  EXPECT_EQ(std::vector<std::string>{"modules/regional/network/main.tf"},
            compare_tree(out(), {{kStaging, staging_only}}).removed);
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), {{kStaging, staging_only}}));
  EXPECT_FALSE(fs::exists(root_ / "out/modules"));
  EXPECT_TRUE(fs::exists(root_ / "out/policy/residency.json"));
}

TEST_F(OutputTree, TargetsLiveSideBySide) {
  const Owner bicep{"prod", "bicep"};
  const FileTree bicep_tree = {{"bicep/main.bicep", "targetScope = 'subscription'\n"}};
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), {{bicep, bicep_tree}}));
  EXPECT_TRUE(fs::exists(root_ / "out/environments/prod/main.tf"));
  EXPECT_TRUE(fs::exists(root_ / "out/bicep/main.bicep"));
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_TRUE(fs::exists(root_ / "out/bicep/main.bicep"));
  EXPECT_TRUE(compare_tree(out(), {{bicep, bicep_tree}}).empty());
}

TEST_F(OutputTree, ASharedFileWithOtherContentsIsRefusedUnlessForced) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  FileTree newer = kStagingTree;
  newer[1].contents = "resource \"azurerm_virtual_network\" \"v2\" {}\n";
  EXPECT_EQ("`" + out() +
                "/modules/regional/network/main.tf` is also generated for environment `prod` "
                "(terraform) with other contents; build that environment with this topoc as well, "
                "or use `--force` to write it (it then uses them too)",
            write_tree_atomically(out(), {{kStaging, newer}}));
  EXPECT_FALSE(fs::exists(root_ / "out/environments/staging"));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), {{kStaging, newer}}, {.force = true}));
  EXPECT_EQ(newer[1].contents, read(root_ / "out/modules/regional/network/main.tf"));
}

TEST_F(OutputTree, OneBuildCannotWriteAPathTwiceWithOtherContents) {
  const Owner bicep{"prod", "bicep"};
  EXPECT_EQ("`a.tf` would be written twice with different contents",
            write_tree_atomically(out(), {{kProd, {{"a.tf", "1"}}}, {bicep, {{"a.tf", "2"}}}}));
  EXPECT_EQ(std::nullopt,
            write_tree_atomically(out(), {{kProd, {{"a.tf", "1"}}}, {bicep, {{"a.tf", "1"}}}}));
}

TEST_F(OutputTree, ARecordWithoutOwnersBelongsToTheNextBuild) {
  // As an earlier topoc left it: one list, no environment.
  write(root_ / "out/.topoc-output", "# old\nenvironments/prod/main.tf\ntopoc.manifest.json\n");
  write(root_ / "out/environments/prod/main.tf", "old");
  write(root_ / "out/topoc.manifest.json", "{}");
  write(root_ / "out/notes.md", "mine");
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ(with_marker(kFirst, "environments/prod/main.tf\nmodules/regional/network/main.tf\n")
                .at(kOutputMarker),
            read(root_ / "out/.topoc-output"));
  EXPECT_FALSE(fs::exists(root_ / "out/topoc.manifest.json"));
  EXPECT_EQ("mine", read(root_ / "out/notes.md"));
}

TEST(OutputRecord, ParsesSectionsAndSkipsUnsafePaths) {
  OutputRecord record = parse_output_record(
      "# comment\nlegacy.tf\n[prod terraform]\na.tf\n../x\n/etc/passwd\n[staging bicep]\nb\n");
  EXPECT_EQ((OutputRecord{{Owner{}, {"legacy.tf"}},
                          {Owner{"prod", "terraform"}, {"a.tf"}},
                          {Owner{"staging", "bicep"}, {"b"}}}),
            record);
  EXPECT_EQ(std::string(kRecordHeader) + "[prod terraform]\na.tf\n[staging bicep]\nb\n",
            render_output_record(record));
}

// Files written before the tree is complete (EarlyStaging).

// The one staging directory beside the output, or an empty path.
fs::path only_staging(const fs::path& parent) {
  fs::path found;
  for (const auto& entry : fs::directory_iterator(parent)) {
    if (entry.path().filename().string().starts_with(".out.topoc-new-")) {
      if (!found.empty()) return {};
      found = entry.path();
    }
  }
  return found;
}

ino_t inode(const fs::path& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// An early staging of the output holding `file`, flushed: the staging
// directory and the file's inode number there (0 where it failed).
struct StagedEarly {
  std::unique_ptr<EarlyStaging> early;
  fs::path directory;
  ino_t file = 0;
};

StagedEarly stage_early(const std::string& out, const fs::path& parent, const EmittedFile& file) {
  StagedEarly staged{EarlyStaging::open(out), {}, 0};
  if (!staged.early) return staged;
  staged.early->put(file.path, file.contents);
  staged.early->flush();
  staged.directory = only_staging(parent);
  if (!staged.directory.empty()) staged.file = inode(staged.directory / file.path);
  return staged;
}

TEST_F(OutputTree, FilesWrittenEarlyAreThoseOfTheTreeAndNotWrittenAgain) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  OwnedTrees trees = prod(kSecond);
  const EmittedFile& main_tf = trees[kProd][0];
  StagedEarly staged = stage_early(out(), root_, main_tf);
  ASSERT_NE(0u, staged.file);
  // Marked as topoc's from the start, so a kill leaves nothing unknown.
  EXPECT_TRUE(fs::is_regular_file(staged.directory / kOutputMarker));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), trees, {.early = staged.early.get()}));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_EQ(staged.file, inode(root_ / "out" / main_tf.path));
  staged.early.reset();
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

// Where the flush of the files written early failed, they may not be on disk:
// each is written again (a new file), so the final sync covers it and
// reports what fails.
TEST_F(OutputTree, FilesWrittenEarlyAreWrittenAgainWhenTheirFlushFailed) {
  OwnedTrees trees = prod(kSecond);
  const EmittedFile& main_tf = trees[kProd][0];
  StagedEarly staged = stage_early(out(), root_, main_tf);
  ASSERT_NE(0u, staged.file);
  // Held open, the early file keeps its inode number, so the rewrite cannot reuse it.
  int held = ::open((staged.directory / main_tf.path).c_str(), O_RDONLY);
  ASSERT_LE(0, held);
  EXPECT_EQ(std::nullopt,
            write_tree_atomically(out(), trees,
                                  {.early = staged.early.get(), .inject_failure = "flush"}));
  ::close(held);
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  EXPECT_NE(staged.file, inode(root_ / "out" / main_tf.path));
  staged.early.reset();
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, FilesWrittenEarlyThatTheTreeDoesNotHoldAreReplacedOrRemoved) {
  OwnedTrees trees = prod(kFirst);
  std::unique_ptr<EarlyStaging> early = EarlyStaging::open(out());
  ASSERT_NE(nullptr, early);
  // Other bytes at a path of the tree, a path it lacks, paths it never takes.
  const std::string other = "module \"other\" { source = \"../../modules/other\" }\n";
  const std::string stray = "resource \"azurerm_resource_group\" \"stray\" {}\n";
  early->put("environments/prod/main.tf", other);
  early->put("stray/deep/x.tf", stray);
  early->put("../outside.tf", stray);
  early->put(kOutputMarker, stray);
  early->flush();
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), trees, {.early = early.get()}));
  EXPECT_EQ(with_marker(kFirst, "environments/prod/main.tf\nmodules/regional/network/main.tf\n"),
            snapshot(out()));
  EXPECT_FALSE(fs::exists(root_ / "out/stray"));
  EXPECT_FALSE(fs::exists(root_ / "outside.tf"));
}

TEST_F(OutputTree, AnEarlyStagingUnusedLeavesNothingAndReleasesTheLock) {
  {
    std::unique_ptr<EarlyStaging> early = EarlyStaging::open(out());
    ASSERT_NE(nullptr, early);
    const std::string contents(100000, 'x');
    early->put("environments/prod/topoc.manifest.json", contents);
    early->flush();
  }
  EXPECT_EQ(std::vector<std::string>{}, siblings());
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
}

TEST_F(OutputTree, AnEarlyStagingNeverCreatesTheParentDirectory) {
  EXPECT_EQ(nullptr, EarlyStaging::open((root_ / "a" / "out").string()));
  EXPECT_FALSE(fs::exists(root_ / "a"));
}

TEST_F(OutputTree, AnEarlyStagingKeepsTheChecksOfTheWrite) {
  write(root_ / "out/notes.md", "mine");  // no record: not topoc's
  std::unique_ptr<EarlyStaging> early = EarlyStaging::open(out());
  ASSERT_NE(nullptr, early);
  OwnedTrees trees = prod(kFirst);
  early->put(trees[kProd][0].path, trees[kProd][0].contents);
  auto error = write_tree_atomically(out(), trees, {.early = early.get()});
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(std::string::npos, error->find("is not empty and has no `.topoc-output`")) << *error;
  early.reset();
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
  EXPECT_EQ((std::map<std::string, std::string>{{"notes.md", "mine"}}), snapshot(out()));
}

TEST_F(OutputTree, AnEarlyStagingServesOnlyTheDirectoryItWasOpenedFor) {
  std::unique_ptr<EarlyStaging> early = EarlyStaging::open(out());
  ASSERT_NE(nullptr, early);
  std::string other = (root_ / "other").string();
  auto error = write_tree_atomically(other, prod(kFirst), {.early = early.get()});
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ("cannot write `" + other + "` in the staging directory opened for `" + out() + "`",
            *error);
  EXPECT_FALSE(fs::exists(other));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst), {.early = early.get()}));
  EXPECT_EQ(with_marker(kFirst, "environments/prod/main.tf\nmodules/regional/network/main.tf\n"),
            snapshot(out()));
}

TEST_F(OutputTree, TheNextBuildRemovesWhatAKilledBuildWroteEarly) {
  pid_t child = ::fork();
  if (child == 0) {
    std::unique_ptr<EarlyStaging> early = EarlyStaging::open(out());
    if (!early) ::_exit(2);
    early->put("environments/prod/main.tf", std::string(5000, 'x'));
    early->flush();
    ::kill(::getpid(), SIGKILL);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  ASSERT_EQ(1u, siblings().size());
  WriteNotes notes;
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst), {}, &notes));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
  EXPECT_EQ(1u, notes.leftovers_removed.size());
}

TEST(Flusher, ReportsWhetherEveryFlushSucceeded) {
  io::Flusher idle(fs::temp_directory_path());
  EXPECT_TRUE(idle.finish());
  io::Flusher flusher(fs::temp_directory_path());
  flusher.request();
  flusher.request();
  EXPECT_TRUE(flusher.finish());
  io::Flusher missing(fs::temp_directory_path() / "topoc-no-such-directory" / "x");
  missing.request();
  EXPECT_FALSE(missing.finish());
  missing.request();  // after finish: nothing more
  EXPECT_FALSE(missing.finish());
}

// Interrupted builds, other users, special files, no atomic exchange.

// Runs write_tree_atomically in a child process that the injected failure
// kills; returns the signal that ended it.
int killed_write(const std::string& dir, const FileTree& files, const std::string& point) {
  pid_t child = ::fork();
  if (child == 0) {
    write_tree_atomically(dir, {{kProd, files}}, {.inject_failure = point});
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

TEST_F(OutputTree, TheNextBuildRemovesAKilledBuildsStagingTree) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(SIGKILL, killed_write(out(), kSecond, "kill-staged"));
  ASSERT_EQ(2u, siblings().size());  // out and the new tree, never moved in
  WriteNotes notes;
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond), {}, &notes));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
  ASSERT_EQ(1u, notes.leftovers_removed.size());
  EXPECT_TRUE(notes.leftovers_removed[0].starts_with(".out.topoc-new-"))
      << notes.leftovers_removed[0];
}

TEST_F(OutputTree, TheNextBuildRemovesTheOldTreeAKilledBuildSwappedOut) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(SIGKILL, killed_write(out(), kSecond, "kill-exchanged"));
  EXPECT_EQ(with_marker(kSecond, "environments/prod/main.tf\npolicy/residency.json\n"),
            snapshot(out()));
  ASSERT_EQ(2u, siblings().size());
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, ABuildKilledBetweenTwoRenamesIsRepairedByTheNext) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / "out/notes.md", "mine");
  ASSERT_EQ(SIGKILL, killed_write(out(), kSecond, "kill-aside"));
  ASSERT_FALSE(fs::exists(root_ / "out"));
  WriteNotes notes;
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond), {}, &notes));
  EXPECT_TRUE(notes.restored.starts_with(".out.topoc-old-")) << notes.restored;
  EXPECT_EQ("mine", read(root_ / "out/notes.md"));
  EXPECT_EQ(kSecond[0].contents, read(root_ / "out/environments/prod/main.tf"));
  EXPECT_EQ(std::vector<std::string>{"out"}, siblings());
}

TEST_F(OutputTree, LeavesDirectoriesThatAreNotTopocsStaging) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / ".out.topoc-new-1-2/data.txt", "no record: not topoc's");
  write(root_ / ".out.topoc-new-x/.topoc-output", "");      // not a name topoc makes
  write(root_ / ".other.topoc-new-1-2/.topoc-output", "");  // another output's
  fs::create_directory(root_ / "target");
  fs::create_directory_symlink("target", root_ / ".out.topoc-old-3-4");
  write(root_ / "target/.topoc-output", "");
  write(root_ / ".out.topoc-new-5-6/.topoc-output", "");  // a killed build's
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  EXPECT_EQ((std::vector<std::string>{".other.topoc-new-1-2", ".out.topoc-new-1-2",
                                      ".out.topoc-new-x", ".out.topoc-old-3-4", "out", "target"}),
            siblings());
}

TEST_F(OutputTree, WaitsForALiveBuildAndLeavesItsStagingTree) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  int ready[2];
  ASSERT_EQ(0, ::pipe(ready));
  fs::path live = root_ / ".out.topoc-new-7-0";
  pid_t child = ::fork();
  if (child == 0) {
    // A build in progress: it holds the lock and has a staging tree.
    BuildLock lock;
    if (BuildLock::acquire(root_, lock) || !lock.held()) ::_exit(2);
    fs::create_directory(live);
    std::ofstream(live / kOutputMarker) << "";
    (void)!::write(ready[1], "x", 1);
    ::usleep(300 * 1000);
    bool intact = fs::exists(live / kOutputMarker);
    fs::remove_all(live);
    ::_exit(intact ? 0 : 1);
  }
  char c;
  ASSERT_EQ(1, ::read(ready[0], &c, 1));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_F(OutputTree, KeepsTheModeOfTheOutputDirectory) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(0, ::chmod(out().c_str(), 02750));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  struct stat st;
  ASSERT_EQ(0, ::stat(out().c_str(), &st));
  EXPECT_EQ(02750u, st.st_mode & 07777);
  EXPECT_EQ(std::nullopt,
            write_tree_atomically(out(), prod(kFirst), {.inject_failure = "exchange"}));
  ASSERT_EQ(0, ::stat(out().c_str(), &st));
  EXPECT_EQ(02750u, st.st_mode & 07777);
}

TEST_F(OutputTree, RunByRootKeepsTheOwnerOfTheOutputDirectory) {
  if (::geteuid() != 0) GTEST_SKIP() << "changing owners needs root";
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  write(root_ / "out/notes.md", "mine");
  ASSERT_EQ(0, ::chown(out().c_str(), 1234, 2345));
  ASSERT_EQ(0, ::chown((root_ / "out/notes.md").c_str(), 1234, 2345));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  for (const char* path : {"out", "out/.topoc-output", "out/environments",
                           "out/environments/prod/main.tf", "out/notes.md"}) {
    struct stat st;
    ASSERT_EQ(0, ::lstat((root_ / path).c_str(), &st)) << path;
    EXPECT_EQ(1234u, st.st_uid) << path;
    EXPECT_EQ(2345u, st.st_gid) << path;
  }
}

TEST_F(OutputTree, KeepsFifosAndSocketsWithoutOpeningThem) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  ASSERT_EQ(0, ::mkfifo((root_ / "out/pipe").c_str(), 0600));
  ASSERT_EQ(0, ::mkfifo((root_ / "out/environments/prod/main.tf.fifo").c_str(), 0600));
  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string path = (root_ / "out/agent.sock").string();
  ASSERT_LT(path.size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  ASSERT_EQ(0, ::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address));
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kSecond)));
  EXPECT_TRUE(fs::is_fifo(root_ / "out/pipe"));
  EXPECT_TRUE(fs::is_fifo(root_ / "out/environments/prod/main.tf.fifo"));
  EXPECT_TRUE(fs::is_socket(root_ / "out/agent.sock"));
  ::close(sock);
}

TEST_F(OutputTree, AFifoWhereAGeneratedFileWasIsReplacedUnread) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  fs::remove(root_ / "out/environments/prod/main.tf");
  ASSERT_EQ(0, ::mkfifo((root_ / "out/environments/prod/main.tf").c_str(), 0600));
  fs::remove(root_ / "out/.topoc-output");
  ASSERT_EQ(0, ::mkfifo((root_ / "out/.topoc-output").c_str(), 0600));
  // A FIFO as the record is no record: the directory is not topoc's.
  EXPECT_EQ(std::vector<std::string>{}, compare_tree(out(), prod(kFirst)).removed);
  EXPECT_TRUE(write_tree_atomically(out(), prod(kFirst)).has_value());
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst), {.force = true}));
  EXPECT_EQ(kFirst[0].contents, read(root_ / "out/environments/prod/main.tf"));
}

TEST_F(OutputTree, SaysWhenTheFileSystemCannotSwapDirectories) {
  ASSERT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst)));
  WriteNotes notes;
  EXPECT_EQ(std::nullopt,
            write_tree_atomically(out(), prod(kSecond), {.inject_failure = "exchange"}, &notes));
  EXPECT_TRUE(notes.replaced_in_two_steps);
  WriteNotes atomic;
  EXPECT_EQ(std::nullopt, write_tree_atomically(out(), prod(kFirst), {}, &atomic));
  EXPECT_FALSE(atomic.replaced_in_two_steps);
}

}  // namespace
}  // namespace topoc::emit
