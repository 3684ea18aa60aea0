// The README of every generated root names each module the tree writes: a
// row of its "Module" table per `modules/<kind>/<name>` directory. Checked on
// the golden trees, which TerraformGolden keeps equal to the output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace topoc {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(ReadmeModules, EveryWrittenModuleHasARow) {
  const fs::path golden = fs::path(TOPOC_SOURCE_DIR) / "tests/golden/terraform";
  size_t trees = 0, rows = 0;
  for (const fs::directory_entry& tree : fs::directory_iterator(golden)) {
    if (!fs::is_directory(tree.path() / "modules")) continue;
    ++trees;
    std::string readmes;
    for (const fs::directory_entry& env : fs::directory_iterator(tree.path() / "environments"))
      readmes += slurp(env.path() / "README.md");
    for (const char* kind : {"global", "regional"}) {
      const fs::path dir = tree.path() / "modules" / kind;
      if (!fs::is_directory(dir)) continue;
      for (const fs::directory_entry& module : fs::directory_iterator(dir)) {
        const std::string row =
            "| `modules/" + std::string(kind) + "/" + module.path().filename().string() + "` (";
        EXPECT_NE(std::string::npos, readmes.find(row))
            << tree.path().filename() << ": its README has no row for " << row;
        ++rows;
      }
    }
  }
  EXPECT_GE(trees, 10u);
  EXPECT_GE(rows, 100u);
}

}  // namespace
}  // namespace topoc
