// SARIF for code scanning: rules described from docs/rules.md with anchors
// GitHub resolves, fingerprints that survive moved lines, URIs relative to the
// root, and a run that says it failed when a file could not be read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

#include "compiler/diag/render.h"
#include "compiler/diag/rule_docs.h"
#include "tests/check_support.h"

namespace topoc::testing {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// `## CODE — summary`: the heading is the code and its summary from
// diagnostic_kinds.def, so the SARIF short description and the page agree.
TEST(RuleDocs, EveryHeadingIsTheCodeAndItsSummary) {
  for (const diag::KindInfo& k : diag::all_kinds()) {
    const diag::RuleDoc* doc = diag::rule_doc(k.code);
    ASSERT_NE(nullptr, doc) << k.code << " has no section in docs/rules.md";
    EXPECT_EQ(std::string(k.code) + " \xE2\x80\x94 " + std::string(k.summary), doc->heading);
    EXPECT_FALSE(doc->full_description.empty()) << k.code;
    EXPECT_FALSE(doc->markdown.empty()) << k.code;
  }
}

TEST(RuleDocs, SectionsEndAtTheNextHeadingAndSkipFences) {
  const diag::RuleDoc* p003 = diag::rule_doc("P003");
  ASSERT_NE(nullptr, p003);
  EXPECT_EQ(
      "Blocks nest at most 32 levels, counting the `topology` block; the language itself "
      "never needs more than five. The limit keeps a malformed or hostile file from exhausting the "
      "parser's stack.",
      p003->full_description);
  EXPECT_EQ(std::string::npos, p003->markdown.find("## P004"));
  EXPECT_TRUE(p003->markdown.ends_with("Example: `p003-nesting-too-deep.topo`.\n"));
}

// GitHub's heading ids: lowercase, punctuation (backticks, apostrophes,
// parentheses, commas, dots, the em dash) dropped, spaces to hyphens.
TEST(RuleDocs, AnchorsFollowGithubHeadingIds) {
  EXPECT_EQ("p001--the-text-does-not-follow-the-topology-grammar",
            diag::github_anchor("P001 — the text does not follow the topology grammar"));
  EXPECT_EQ(
      "m002--a-value-of-the-wrong-kind-string-number-duration-list",
      diag::github_anchor("M002 — a value of the wrong kind (string, number, duration, list...)"));
  EXPECT_EQ("m012--the-file-does-not-hold-exactly-one-topology-block",
            diag::github_anchor("M012 — the file does not hold exactly one `topology` block"));
  EXPECT_EQ("r001--a-regions-location-is-outside-its-residency-boundary",
            diag::github_anchor("R001 — a region's location is outside its residency boundary"));
  EXPECT_EQ("under_score-and-hyphen", diag::github_anchor("Under_score and-hyphen"));
}

json sarif_of(const driver::CheckResult& result, const diag::SarifOptions& options) {
  return json::parse(diag::render_sarif(result.files, result.sink.diagnostics(), options));
}

TEST(Sarif, RulesCarryDescriptionsHelpAndAnchors) {
  auto result = check_text(kTwoBoundaries);
  diag::SarifOptions options;
  options.tool_version = "1.2.3";
  json run = sarif_of(result, options)["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ("topoc", driver["name"]);
  EXPECT_EQ("topoc topology compiler", driver["fullName"]);
  EXPECT_EQ("1.2.3", driver["semanticVersion"]);
  EXPECT_EQ("https://github.com/topoc/topoc", driver["informationUri"]);
  ASSERT_EQ(diag::all_kinds().size(), driver["rules"].size());
  const json& p001 = driver["rules"][0];
  EXPECT_EQ("P001", p001["id"]);
  EXPECT_EQ("the text does not follow the topology grammar", p001["shortDescription"]["text"]);
  EXPECT_EQ(diag::rule_doc("P001")->full_description, p001["fullDescription"]["text"]);
  EXPECT_EQ(
      "https://github.com/topoc/topoc/blob/main/docs/rules.md#"
      "p001--the-text-does-not-follow-the-topology-grammar",
      p001["helpUri"]);
  std::string markdown = p001["help"]["markdown"];
  std::string text = p001["help"]["text"];
  EXPECT_TRUE(markdown.starts_with("The parser names what it expected"));
  EXPECT_NE(std::string::npos, markdown.find("```"));
  EXPECT_EQ(std::string::npos, text.find("```"));
  // Links relative to docs/ are made absolute against the help page.
  for (const json& rule : driver["rules"]) {
    std::string md = rule["help"]["markdown"];
    EXPECT_EQ(std::string::npos, md.find("](../")) << rule["id"];
  }
  EXPECT_EQ("M002", driver["rules"][6]["id"]);
  std::string m002 = driver["rules"][6]["help"]["markdown"];
  EXPECT_NE(std::string::npos,
            m002.find("](https://github.com/topoc/topoc/blob/main/dsl/README.md)"))
      << m002;
  EXPECT_EQ(json::array({{{"executionSuccessful", true}}}), run["invocations"]);
}

TEST(Sarif, HelpBaseUrlIsConfigurable) {
  auto result = check_text(kTwoBoundaries);
  diag::SarifOptions options;
  options.help_base_url = "https://example.test/topoc/rules.html";
  json rules = sarif_of(result, options)["runs"][0]["tool"]["driver"]["rules"];
  EXPECT_EQ(
      "https://example.test/topoc/"
      "rules.html#m001--an-attribute-or-block-that-this-construct-does-not-have",
      rules[5]["helpUri"]);
}

constexpr const char* kTwoMistakes = R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = westeurope  boundary = eu  address = 10.1.0.0/16  colour = blue }
  region "b" { location = northeurope  boundary = eu  address = 10.2.0.0/16  colour = blue }
}
)";

std::vector<std::string> fingerprints(const std::string& text) {
  auto result = check_text(text);
  json sarif = sarif_of(result, {});
  std::vector<std::string> out;
  for (const json& r : sarif["runs"][0]["results"]) {
    out.push_back(r["partialFingerprints"]["topocResultHash/v1"]);
  }
  return out;
}

TEST(Sarif, FingerprintsSurviveMovedLinesAndTellResultsApart) {
  std::vector<std::string> before = fingerprints(kTwoMistakes);
  ASSERT_EQ(2u, before.size());
  static const std::regex kShape("^[0-9a-f]{32}:[0-9]+$");
  EXPECT_TRUE(std::regex_match(before[0], kShape)) << before[0];
  EXPECT_NE(before[0], before[1]);
  // Three lines added above: every position moves, no fingerprint does.
  std::string moved = std::string("# a\n# b\n\n") + kTwoMistakes;
  EXPECT_EQ(before, fingerprints(moved));
  auto shifted = check_text(moved);
  EXPECT_EQ(6u, sarif_of(shifted, {})["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                                     ["region"]["startLine"]);
}

TEST(Sarif, IdenticalFindingsAreNumbered) {
  // The same mistake twice on one line: same code, file, text and message.
  auto result = check_text(R"(topology "t" {
  boundary "eu" { geography = eu-data-boundary }
  region "a" { location = westeurope  boundary = eu  address = 10.1.0.0/16  colour = blue  colour = blue }
}
)");
  json results = sarif_of(result, {})["runs"][0]["results"];
  std::vector<std::string> m001;
  for (const json& r : results) {
    if (r["ruleId"] == "M001") m001.push_back(r["partialFingerprints"]["topocResultHash/v1"]);
  }
  ASSERT_EQ(2u, m001.size());
  EXPECT_EQ(m001[0].substr(0, 32), m001[1].substr(0, 32));
  EXPECT_TRUE(m001[0].ends_with(":1"));
  EXPECT_TRUE(m001[1].ends_with(":2"));
}

class SarifRoot : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "topoc-sarif-root-XXXXXX").string();
    ASSERT_NE(nullptr, mkdtemp(pattern.data()));
    dir_ = fs::path(pattern);
    fs::create_directories(dir_ / "repo/.git");
    fs::create_directories(dir_ / "repo/infra/deep");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(SarifRoot, UrisAreRelativeToTheRootUnderSrcRoot) {
  std::string root = (dir_ / "repo").string();
  driver::CheckResult result;
  driver::check_source(result, "infra/a b.topo", "topology \"t\" { colour = blue }\n");
  driver::check_source(result, "../outside.topo", "topology \"t\" { colour = blue }\n");
  driver::check_source(result, "<stdin>", "topology \"t\" { colour = blue }\n");
  result.sink.sort();
  diag::SarifOptions options;
  options.root = root;
  options.base_dir = root;
  json run = sarif_of(result, options)["runs"][0];
  EXPECT_EQ(json({{"%SRCROOT%", {{"uri", "file://" + root + "/"}}}}), run["originalUriBaseIds"]);
  EXPECT_EQ(json({{"uri", "infra/a%20b.topo"}, {"uriBaseId", "%SRCROOT%"}}),
            run["artifacts"][0]["location"]);
  EXPECT_EQ(json({{"uri", "file://" + dir_.string() + "/outside.topo"}}),
            run["artifacts"][1]["location"]);
  EXPECT_EQ(json({{"uri", "%3Cstdin%3E"}}), run["artifacts"][2]["location"]);
  EXPECT_EQ(json({{"uri", "infra/a%20b.topo"}, {"uriBaseId", "%SRCROOT%"}}),
            run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]);
}

TEST_F(SarifRoot, TheDefaultRootIsTheNearestDirectoryWithGit) {
  EXPECT_EQ((dir_ / "repo").string(), diag::repository_root((dir_ / "repo/infra/deep").string()));
  EXPECT_EQ((dir_ / "repo").string(), diag::repository_root((dir_ / "repo").string()));
  // A worktree's `.git` is a file.
  fs::create_directories(dir_ / "wt/sub");
  std::ofstream(dir_ / "wt/.git") << "gitdir: elsewhere\n";
  EXPECT_EQ((dir_ / "wt").string(), diag::repository_root((dir_ / "wt/sub").string()));
}

TEST(Sarif, UnreadableFilesMakeAFailedRun) {
  auto result = check_text(kTwoBoundaries);
  std::vector<diag::ToolFailure> failures = {{"missing.topo", "No such file or directory"}};
  diag::SarifOptions options;
  options.failures = failures;
  json run = sarif_of(result, options)["runs"][0];
  EXPECT_EQ(json::parse(R"([{"executionSuccessful": false, "toolExecutionNotifications": [
      {"level": "error",
       "message": {"text": "cannot read `missing.topo`: No such file or directory"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "missing.topo"}}}]}]}])"),
            run["invocations"]);
}

TEST(Json, UnreadableFilesMakeAFailedRun) {
  auto result = check_text(kTwoBoundaries);
  std::vector<diag::ToolFailure> failures = {{"dir", "is a directory, not a topology file"}};
  json j = json::parse(diag::render_json(result.files, result.sink.diagnostics(), failures));
  EXPECT_EQ(1, j["schema_version"]);
  EXPECT_EQ(false, j["succeeded"]);
  EXPECT_EQ(json::parse(R"([{"file": "dir", "message": "is a directory, not a topology file"}])"),
            j["failures"]);
  json clean = json::parse(diag::render_json(result.files, result.sink.diagnostics()));
  EXPECT_EQ(true, clean["succeeded"]);
  EXPECT_EQ(json::array(), clean["failures"]);
}

}  // namespace
}  // namespace topoc::testing
