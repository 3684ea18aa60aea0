// The module library is embedded byte for byte: every file under templates/
// and under each service folder's templates/ is in the binary with the same
// contents, sorted by path, and the generator keeps bytes that a naive string
// literal would mangle.
#include "compiler/emit/templates.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace topoc::emit {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    if (part.string().starts_with(".")) return true;
  }
  return false;
}

std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    fs::path relative = fs::relative(entry.path(), dir);
    if (!entry.is_regular_file() || hidden(relative)) continue;
    files[relative.generic_string()] = read(entry.path());
  }
  return files;
}

// The library's roots: templates/ and compiler/services/<id>/templates/.
std::vector<fs::path> template_roots() {
  const fs::path source(TOPOC_SOURCE_DIR);
  std::vector<fs::path> roots{source / "templates"};
  for (const auto& service : fs::directory_iterator(source / "compiler/services")) {
    if (fs::is_directory(service.path() / "templates")) roots.push_back(service.path() / "templates");
  }
  return roots;
}

TEST(EmbeddedTemplates, SortedByPathWithoutDuplicates) {
  auto all = embedded_templates();
  EXPECT_TRUE(std::adjacent_find(all.begin(), all.end(), [](const auto& a, const auto& b) {
                return !(a.path < b.path);
              }) == all.end());
}

TEST(EmbeddedTemplates, EveryFileOfEveryRootIsEmbeddedByteForByte) {
  std::map<std::string, std::string> embedded;
  for (const EmbeddedTemplate& t : embedded_templates()) embedded[std::string(t.path)] = t.contents;
  std::map<std::string, std::string> on_disk;
  std::vector<std::string> differing;
  for (const fs::path& root : template_roots()) {
    for (auto& [path, contents] : files_under(root)) {
      if (!on_disk.emplace(path, std::move(contents)).second) differing.push_back("twice: " + path);
    }
  }
  for (const auto& [path, contents] : on_disk) {
    auto it = embedded.find(path);
    if (it == embedded.end() || it->second != contents) differing.push_back(path);
  }
  for (const auto& [path, contents] : embedded) {
    if (!on_disk.count(path)) differing.push_back(path);
  }
  EXPECT_EQ(std::vector<std::string>{}, differing) << "rebuild after changing a template";
  EXPECT_FALSE(embedded.empty());
}

// A service's modules sit in its own folder, each at its output path.
TEST(EmbeddedTemplates, ServiceModulesComeFromTheirServiceFolder) {
  const fs::path storage = fs::path(TOPOC_SOURCE_DIR) / "compiler/services/storage/templates";
  const EmbeddedTemplate* tf = find_template("terraform/modules/regional/storage/main.tf");
  ASSERT_NE(nullptr, tf);
  EXPECT_EQ(read(storage / "terraform/modules/regional/storage/main.tf"), tf->contents);
  const EmbeddedTemplate* bicep = find_template("bicep/modules/storage.bicep");
  ASSERT_NE(nullptr, bicep);
  EXPECT_EQ(read(storage / "bicep/modules/storage.bicep"), bicep->contents);
}

TEST(EmbeddedTemplates, FindsAKnownTemplate) {
  const EmbeddedTemplate* readme = find_template("README.md");
  ASSERT_NE(nullptr, readme);
  EXPECT_EQ(read(fs::path(TOPOC_SOURCE_DIR) / "templates/README.md"), readme->contents);
  EXPECT_EQ(nullptr, find_template("README"));
  EXPECT_EQ(nullptr, find_template("terraform/no-such-file.tf"));
}

// The shell command that runs the generator on two roots.
std::string generate(const fs::path& first, const fs::path& second, const fs::path& output) {
  return fmt::format("'{}' '-DTEMPLATES_DIRS={}|{}' '-DOUTPUT={}' -P '{}'", TOPOC_CMAKE,
                     first.string(), second.string(), output.string(),
                     (fs::path(TOPOC_SOURCE_DIR) / "cmake/embed_templates.cmake").string());
}

// Runs the generator on a directory of awkward files and decodes the C++ it
// writes the way the compiler would.
TEST(EmbedGenerator, KeepsEveryByteAndSortsByBytes) {
  std::string pattern = (fs::temp_directory_path() / "topoc-embed-test-XXXXXX").string();
  ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
  fs::path root = pattern;
  std::map<std::string, std::string> files = {
      {"b.tf", std::string("quote \" backslash \\ raw )\" nul \0 end", 35)},
      {"a/c.json", "\xff\xfe invalid UTF-8 \x80\n"},
      {"a-b.md", ""},
      {"big.txt", std::string(1000, 'z')},
  };
  for (const auto& [path, contents] : files) {
    fs::create_directories((root / "in" / path).parent_path());
    std::ofstream(root / "in" / path, std::ios::binary) << contents;
  }
  std::ofstream(root / "in" / ".hidden") << "skipped";
  std::ofstream(root / "in" / "a" / ".c.json.swp") << "skipped";
  // A second root: its files join the first's, sorted together.
  files["a/b.tf"] = "second root";
  fs::create_directories(root / "in2" / "a");
  std::ofstream(root / "in2" / "a" / "b.tf", std::ios::binary) << files["a/b.tf"];

  ASSERT_EQ(0, std::system(generate(root / "in", root / "in2", root / "out.inc").c_str()));
  std::string code = read(root / "out.inc");
  fs::remove_all(root);

  std::regex entry(R"re(\{"([^"]*)",\s*std::string_view\(((?:"[^"]*"\s*)*), (\d+)\)\})re");
  std::vector<std::string> order;
  for (std::sregex_iterator it(code.begin(), code.end(), entry), end; it != end; ++it) {
    std::string literal = (*it)[2], bytes;
    for (size_t i = 0; i < literal.size(); ++i) {
      if (literal[i] == '\\') {
        ASSERT_EQ('x', literal[i + 1]);
        bytes += static_cast<char>(std::stoi(literal.substr(i + 2, 2), nullptr, 16));
        i += 3;
      } else {
        ASSERT_TRUE(literal[i] == '"' || std::isspace(static_cast<unsigned char>(literal[i])));
      }
    }
    std::string path = (*it)[1];
    order.push_back(path);
    EXPECT_EQ(files[path], bytes) << path;
    EXPECT_EQ(files[path].size(), std::stoul((*it)[3])) << path;
  }
  EXPECT_EQ((std::vector<std::string>{"a-b.md", "a/b.tf", "a/c.json", "b.tf", "big.txt"}), order);
  EXPECT_NE(std::string::npos, code.find("std::array<EmbeddedTemplate, 5>"));
}

// Two roots holding the same path would leave one file out of the library
// in silence: the generator stops instead and writes nothing.
TEST(EmbedGenerator, RefusesAPathInTwoRoots) {
  std::string pattern = (fs::temp_directory_path() / "topoc-embed-test-XXXXXX").string();
  ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
  fs::path root = pattern;
  for (const char* dir : {"one", "two"}) {
    fs::create_directories(root / dir / "modules");
    std::ofstream(root / dir / "modules" / "main.tf") << dir;
  }
  std::string command = generate(root / "one", root / "two", root / "out.inc") + " 2>/dev/null";
  int status = std::system(command.c_str());
  bool written = fs::exists(root / "out.inc");
  fs::remove_all(root);
  EXPECT_NE(0, status);
  EXPECT_FALSE(written);
}

}  // namespace
}  // namespace topoc::emit
