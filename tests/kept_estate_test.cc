// `topoc build` keeps the estate the rules checked (Overrides::keep_estate)
// instead of building it again: the same findings as a plain check, the same
// estate as estate::build_estate, and each estate still pointing at its own
// model after later files are checked.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/driver/check.h"
#include "compiler/model/environments.h"
#include "dsl/parser.h"

namespace topoc::testing {
namespace kept_estate_test {

namespace fs = std::filesystem;

std::string example(const std::string& relative) {
  std::ifstream in(fs::path(TOPOC_SOURCE_DIR) / relative, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> keys(const estate::Estate& e) {
  std::vector<std::string> out;
  for (const estate::Resource& r : e.resources) out.push_back(r.key + " " + r.name);
  return out;
}

std::vector<std::string> findings(const driver::CheckResult& result) {
  std::vector<std::string> out;
  for (const diag::Diagnostic& d : result.sink.diagnostics()) {
    out.push_back(
        fmt::format("{} {} {}", diag::info(d.kind).code, d.location.span.begin, d.message));
  }
  return out;
}

driver::CheckResult check(const std::vector<std::string>& paths, driver::Overrides overrides) {
  driver::CheckResult result;
  for (const std::string& path : paths) {
    driver::check_source(result, path, example(path), overrides);
  }
  result.sink.sort();
  return result;
}

TEST(KeptEstate, SameFindingsAndEstateAsBuildingItAgain) {
  const std::vector<std::string> paths = {"examples/rag-platform.topo",
                                          "examples/invalid/r001-region-outside-boundary.topo",
                                          "examples/eu-enterprise.topo"};
  driver::CheckResult plain = check(paths, {});
  driver::CheckResult kept = check(paths, {.keep_estate = driver::KeptEstate::kWhole});
  EXPECT_EQ(findings(plain), findings(kept));
  EXPECT_FALSE(findings(kept).empty());  // the invalid file's R001 among them
  ASSERT_EQ(3u, kept.estates.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    SCOPED_TRACE(paths[i]);
    EXPECT_TRUE(plain.estates[i] == std::nullopt);  // only kept when asked
    ASSERT_TRUE(kept.models[i].has_value());
    ASSERT_TRUE(kept.estates[i].has_value());
    // Still the model it was built from, though two more files came after.
    EXPECT_EQ(&*kept.models[i], kept.estates[i]->topology);
    EXPECT_EQ(keys(estate::build_estate(*kept.models[i], {})), keys(*kept.estates[i]));
  }
}

TEST(KeptEstate, PlacementsOnlyIsWhatTheResidencyRulesJudge) {
  driver::CheckResult result =
      check({"examples/dr-platform.topo"}, {.keep_estate = driver::KeptEstate::kPlacements});
  ASSERT_TRUE(result.estates[0].has_value());
  std::vector<std::string> judged = keys(*result.estates[0]);
  EXPECT_EQ(keys(estate::build_estate(*result.models[0], {.placements_only = true})), judged);
  EXPECT_LT(judged.size(), keys(estate::build_estate(*result.models[0], {})).size());
  ASSERT_EQ(1u, result.documents.size());
  EXPECT_FALSE(result.documents[0].items.empty());  // the parsed file, kept with its results
}

TEST(KeptEstate, NoneForAFileThatDoesNotParse) {
  driver::CheckResult result;
  driver::check_source(result, "broken.topo", "topology \"t\" {\n  region \"a\" {\n",
                       {.keep_estate = driver::KeptEstate::kWhole});
  ASSERT_EQ(1u, result.estates.size());
  EXPECT_FALSE(result.estates[0].has_value());
  EXPECT_FALSE(result.models[0].has_value());
}

TEST(KeptEstate, IsTheChosenEnvironments) {
  const std::string text =
      "topology \"t\" {\n"
      "  boundary \"eu\" { geography = eu-data-boundary }\n"
      "  region \"weu\" { location = westeurope  address = 10.1.0.0/16 }\n"
      "  tenant \"x\" { residency = eu }\n"
      "  environment \"staging\" {\n"
      "    region \"weu\" { address = 10.9.0.0/16 }\n"
      "  }\n"
      "}\n";
  driver::CheckResult result;
  driver::check_source(result, "t.topo", text,
                       {.environment = "staging",
                        .every_environment = false,
                        .keep_estate = driver::KeptEstate::kWhole});
  ASSERT_TRUE(result.estates[0].has_value());
  EXPECT_EQ("staging", result.estates[0]->environment);
  EXPECT_EQ(keys(estate::build_estate(*result.models[0], {"staging"})), keys(*result.estates[0]));
}

TEST(KeptEstate, EnvironmentBlocksAreFoundInTheTopologyOnly) {
  auto has = [](std::string text) {
    dsl::SourceFile file("t.topo", std::move(text));
    dsl::ParseResult parsed = dsl::parse(file);
    EXPECT_FALSE(parsed.error.has_value());
    return model::has_environment_blocks(parsed.document);
  };
  EXPECT_FALSE(has("topology \"t\" {\n  environment = \"prod\"\n}\n"));
  EXPECT_TRUE(has("topology \"t\" {\n  environment \"dev\" { }\n}\n"));
  EXPECT_FALSE(has("environment \"dev\" { }\n"));
}

}  // namespace kept_estate_test
}  // namespace topoc::testing
