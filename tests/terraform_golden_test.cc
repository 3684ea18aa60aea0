// The Terraform tree of every example, compared file by file with
// tests/golden/terraform/<example>/. Goldens are rewritten only with
// TOPOC_UPDATE_GOLDEN=1; review the diff like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/driver/check.h"
#include "compiler/emit/terraform/emit_terraform.h"

namespace topoc {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = TOPOC_SOURCE_DIR;

// The examples, plus tests/terraform/case-*.topo: topologies that reach the
// corners no example does (a shared Cosmos DB account, Standard Front Door...).
std::vector<fs::path> examples() {
  std::vector<fs::path> out;
  for (const fs::path& dir : {kSource / "examples", kSource / "tests/terraform"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".topo") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The example's tree, or a failure when it does not check cleanly.
emit::FileTree build(const fs::path& example) {
  driver::CheckResult result = driver::check_files({example.string()});
  EXPECT_EQ(result.sink.error_count(), 0u) << example;
  if (result.models.empty() || !result.models[0]) {
    ADD_FAILURE() << example << " has no model";
    return {};
  }
  return emit::emit_terraform(*result.models[0], {});
}

std::vector<std::string> files_under(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out.push_back(fs::relative(entry.path(), dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void write_tree(const fs::path& dir, const emit::FileTree& files) {
  fs::remove_all(dir);
  for (const emit::EmittedFile& f : files) {
    fs::path path = dir / f.path;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << f.contents;
  }
}

TEST(TerraformGolden, EveryExampleMatchesItsGoldenTree) {
  bool update = std::getenv("TOPOC_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& example : examples()) {
    const std::string name = example.stem().string();
    const fs::path golden = kSource / "tests/golden/terraform" / name;
    emit::FileTree files = build(example);
    if (update) {
      write_tree(golden, files);
      continue;
    }
    std::vector<std::string> expected = files_under(golden);
    std::vector<std::string> actual;
    for (const emit::EmittedFile& f : files) actual.push_back(f.path);
    EXPECT_EQ(expected, actual) << name << ": the set of files differs";
    for (const emit::EmittedFile& f : files) {
      if (!fs::exists(golden / f.path)) continue;
      EXPECT_EQ(read(golden / f.path), f.contents)
          << name << "/" << f.path << " differs from its golden; if the change is intended, run\n"
          << "  TOPOC_UPDATE_GOLDEN=1 ctest -R TerraformGolden\nand review the diff";
    }
  }
}

TEST(TerraformGolden, TwoEmitsAreByteIdentical) {
  for (const fs::path& example : examples()) {
    driver::CheckResult result = driver::check_files({example.string()});
    ASSERT_TRUE(!result.models.empty() && result.models[0]) << example;
    emit::FileTree first = emit::emit_terraform(*result.models[0], {});
    emit::FileTree second = emit::emit_terraform(*result.models[0], {});
    ASSERT_EQ(first.size(), second.size());
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].path, second[i].path);
      EXPECT_EQ(first[i].contents, second[i].contents) << first[i].path;
    }
  }
}

TEST(TerraformGolden, FilesAreSortedAndPathsRelative) {
  for (const fs::path& example : examples()) {
    emit::FileTree files = build(example);
    for (size_t i = 1; i < files.size(); ++i) EXPECT_LT(files[i - 1].path, files[i].path);
    for (const emit::EmittedFile& f : files) {
      EXPECT_NE(f.path.front(), '/') << f.path;
      EXPECT_EQ(f.path.find(".."), std::string::npos) << f.path;
    }
  }
}

}  // namespace
}  // namespace topoc
