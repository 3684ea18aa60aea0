// The module library is embedded byte for byte: every file under templates/
// is in the binary with the same contents, sorted by path, and the generator
// keeps bytes that a naive string literal would mangle.
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

TEST(EmbeddedTemplates, SortedByPathWithoutDuplicates) {
  auto all = embedded_templates();
  EXPECT_TRUE(std::adjacent_find(all.begin(), all.end(), [](const auto& a, const auto& b) {
                return !(a.path < b.path);
              }) == all.end());
}

TEST(EmbeddedTemplates, EveryFileUnderTemplatesIsEmbeddedByteForByte) {
  std::map<std::string, std::string> embedded;
  for (const EmbeddedTemplate& t : embedded_templates()) embedded[std::string(t.path)] = t.contents;
  std::map<std::string, std::string> on_disk = files_under(fs::path(TOPOC_SOURCE_DIR) / "templates");
  std::vector<std::string> differing;
  for (const auto& [path, contents] : on_disk) {
    auto it = embedded.find(path);
    if (it == embedded.end() || it->second != contents) differing.push_back(path);
  }
  for (const auto& [path, contents] : embedded) {
    if (!on_disk.count(path)) differing.push_back(path);
  }
  EXPECT_EQ(std::vector<std::string>{}, differing) << "rebuild after changing templates/";
  EXPECT_FALSE(embedded.empty());
}

TEST(EmbeddedTemplates, FindsAKnownTemplate) {
  const EmbeddedTemplate* readme = find_template("README.md");
  ASSERT_NE(nullptr, readme);
  EXPECT_EQ(read(fs::path(TOPOC_SOURCE_DIR) / "templates/README.md"), readme->contents);
  EXPECT_EQ(nullptr, find_template("README"));
  EXPECT_EQ(nullptr, find_template("terraform/no-such-file.tf"));
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

  std::string command =
      fmt::format("'{}' '-DTEMPLATES_DIR={}' '-DOUTPUT={}' -P '{}'", TOPOC_CMAKE,
                  (root / "in").string(), (root / "out.inc").string(),
                  (fs::path(TOPOC_SOURCE_DIR) / "cmake/embed_templates.cmake").string());
  ASSERT_EQ(0, std::system(command.c_str()));
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
  EXPECT_EQ((std::vector<std::string>{"a-b.md", "a/c.json", "b.tf", "big.txt"}), order);
  EXPECT_NE(std::string::npos, code.find("std::array<EmbeddedTemplate, 4>"));
}

}  // namespace
}  // namespace topoc::emit
