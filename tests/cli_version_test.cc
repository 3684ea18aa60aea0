// `topoc version`, `topoc --version` and cmake/write_version_header.cmake: the
// version is project()'s, the commit the checkout's, the dates those of
// compiler/catalog/availability.json; each is read here from its source.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace topoc::testing {
namespace cli_version_test {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string out;
};

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; stdout is returned, stderr joins it when asked.
Outcome shell(const std::string& command, bool with_stderr = false) {
  Outcome run;
  FILE* pipe = ::popen((command + (with_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

Outcome topoc(const std::string& args, bool with_stderr = false) {
  return shell(quote(TOPOC_BINARY) + " " + args, with_stderr);
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The version written in CMakeLists.txt's project().
std::string project_version() {
  std::smatch m;
  std::string cmake = read(fs::path(TOPOC_SOURCE_DIR) / "CMakeLists.txt");
  if (!std::regex_search(cmake, m, std::regex(R"(project\(topoc VERSION ([0-9.]+))"))) return "?";
  return m[1];
}

// What git says the source checkout's commit is, or "unknown" without one.
std::string source_commit() {
  Outcome r =
      shell("git -C " + quote(TOPOC_SOURCE_DIR) + " rev-parse --show-toplevel --short HEAD");
  std::istringstream lines(r.out);
  std::string toplevel, hash;
  if (r.exit_code != 0 || !std::getline(lines, toplevel) || !std::getline(lines, hash))
    return "unknown";
  std::error_code ec;
  return fs::equivalent(toplevel, TOPOC_SOURCE_DIR, ec) ? hash : "unknown";
}

// {table, date}: the model table, then each service in alphabetical order.
std::vector<std::pair<std::string, std::string>> catalogue_dates() {
  auto data = nlohmann::json::parse(
      read(fs::path(TOPOC_SOURCE_DIR) / "compiler/catalog/availability.json"));
  std::vector<std::pair<std::string, std::string>> out{
      {"openai_models", data["openai_models"]["date"]}};
  for (const auto& [service, entry] : data["services"].items())
    out.emplace_back(service, entry["date"]);
  return out;  // nlohmann::json keeps object keys sorted
}

TEST(CliVersion, JsonHasSchemaVersionCommitAndCatalogueDates) {
  Outcome r = topoc("version --format json");
  ASSERT_EQ(0, r.exit_code);
  auto json = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ((std::vector<std::string>{"schema_version", "version", "commit", "catalogue"}), keys);
  EXPECT_EQ(1, json["schema_version"]);
  EXPECT_EQ(project_version(), json["version"]);
  EXPECT_EQ(source_commit(), json["commit"]);
  nlohmann::ordered_json expected = nlohmann::ordered_json::object();
  for (const auto& [table, date] : catalogue_dates()) expected[table] = date;
  EXPECT_EQ(expected, json["catalogue"]);
  EXPECT_EQ(3u, json["catalogue"].size()) << "the model table, ai_search and openai";
}

TEST(CliVersion, FlagAndTextAgree) {
  std::string line = "topoc " + project_version() + " (commit " + source_commit() + ")";
  Outcome flag = topoc("--version");
  EXPECT_EQ(0, flag.exit_code);
  EXPECT_EQ(line + "\n", flag.out);

  std::string tables;
  for (const auto& [table, date] : catalogue_dates())
    tables += (tables.empty() ? " " : ", ") + table + " " + date;
  Outcome text = topoc("version");
  EXPECT_EQ(0, text.exit_code);
  EXPECT_EQ(line + "\navailability tables:" + tables + "\n", text.out);
  EXPECT_EQ(text.out, topoc("version --format text").out);
}

TEST(CliVersion, UnknownFormatIsAUsageError) {
  Outcome r = topoc("version --format yaml", true);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.out.find("--format: yaml not in {text,json}")) << r.out;
}

// cmake/write_version_header.cmake run on a scratch source tree.
class VersionHeader : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-version-test-XXXXXX").string();
    ASSERT_NE(nullptr, ::mkdtemp(pattern.data()));
    root_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // A source tree at DIR: only what the script reads.
  void make_source(const fs::path& dir) {
    fs::create_directories(dir / "compiler/catalog");
    fs::copy_file(fs::path(TOPOC_SOURCE_DIR) / "compiler/catalog/availability.json",
                  dir / "compiler/catalog/availability.json");
  }

  Outcome write_header(const fs::path& source, const std::string& commit = "") {
    return shell(quote(TOPOC_CMAKE) + " -DSOURCE_DIR=" + quote(source.string()) +
                     " -DOUTPUT=" + quote(header().string()) +
                     " -DVERSION=1.2.3 -DCOMMIT=" + quote(commit) + " -P " +
                     quote(std::string(TOPOC_SOURCE_DIR) + "/cmake/write_version_header.cmake"),
                 true);
  }

  std::string git(const fs::path& dir, const std::string& args) {
    Outcome r =
        shell("git -C " + quote(dir.string()) +
              " -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false " + args);
    EXPECT_EQ(0, r.exit_code) << "git " << args;
    return r.out.substr(0, r.out.find('\n'));
  }

  std::string commit_define() {
    std::smatch m;
    std::string text = read(header());
    return std::regex_search(text, m, std::regex(R"re(#define TOPOC_COMMIT "([^"]*)")re"))
               ? m[1].str()
               : "?";
  }

  fs::path header() const { return root_ / "out/topoc_version.h"; }
  fs::path root_;
};

TEST_F(VersionHeader, OutsideAGitCheckoutTheCommitIsUnknown) {
  make_source(root_ / "src");
  ASSERT_EQ(0, write_header(root_ / "src").exit_code);
  std::string text = read(header());
  EXPECT_NE(std::string::npos, text.find("#define TOPOC_VERSION \"1.2.3\"\n")) << text;
  EXPECT_EQ("unknown", commit_define());
  EXPECT_NE(std::string::npos, text.find("#define TOPOC_CATALOGUE_DATES {\"openai_models\", \""))
      << text;
}

TEST_F(VersionHeader, FollowsNewCommitsAndLeavesAnUnchangedHeaderAlone) {
  if (shell("git --version").exit_code != 0) GTEST_SKIP() << "git is not installed";
  fs::path source = root_ / "repo";
  make_source(source);
  git(source, "init -q");
  git(source, "add compiler");
  git(source, "commit -q -m first");
  ASSERT_EQ(0, write_header(source).exit_code);
  EXPECT_EQ(git(source, "rev-parse --short HEAD"), commit_define());

  // Nothing changed: the header keeps its time, so nothing recompiles.
  auto written = fs::last_write_time(header());
  fs::last_write_time(header(), written - std::chrono::hours(1));
  ASSERT_EQ(0, write_header(source).exit_code);
  EXPECT_EQ(written - std::chrono::hours(1), fs::last_write_time(header()));

  git(source, "commit -q --allow-empty -m second");
  ASSERT_EQ(0, write_header(source).exit_code);
  EXPECT_EQ(git(source, "rev-parse --short HEAD"), commit_define());
}

TEST_F(VersionHeader, ASourceTreeInsideAnotherRepositoryIsNotItsCheckout) {
  if (shell("git --version").exit_code != 0) GTEST_SKIP() << "git is not installed";
  make_source(root_ / "outer/vendor/topoc");
  git(root_ / "outer", "init -q");
  git(root_ / "outer", "add vendor");
  git(root_ / "outer", "commit -q -m vendored");
  ASSERT_EQ(0, write_header(root_ / "outer/vendor/topoc").exit_code);
  EXPECT_EQ("unknown", commit_define());
}

TEST_F(VersionHeader, AGivenCommitWinsAndMustBeHexadecimal) {
  make_source(root_ / "src");
  ASSERT_EQ(0, write_header(root_ / "src", "0a1b2c3").exit_code);
  EXPECT_EQ("0a1b2c3", commit_define());

  Outcome bad = write_header(root_ / "src", "x\" ; rm -rf /");
  EXPECT_NE(0, bad.exit_code);
  EXPECT_NE(std::string::npos, bad.out.find("is not a hexadecimal commit hash")) << bad.out;
}

}  // namespace cli_version_test
}  // namespace topoc::testing
