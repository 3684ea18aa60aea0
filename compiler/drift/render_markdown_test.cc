// Drift's Markdown as a pull-request comment: a report of thousands of
// findings stays under GitHub's comment limit, leads with the breaches and
// says what it left out.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "compiler/drift/drift_test_support.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/render.h"

namespace topoc::drift {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string address(size_t i) {
  return fmt::format("module.storage[\"s{:04}\"].azurerm_storage_account.this", i);
}

// A manifest of `accounts` GRS storage accounts in boundary `eu`.
std::string manifest(size_t accounts) {
  json resources = json::array();
  resources.push_back({{"address", "azurerm_resource_group.region[\"weu\"]"},
                       {"type", "azurerm_resource_group"},
                       {"name", "rg-eu"},
                       {"location", "westeurope"},
                       {"boundary", "eu"},
                       {"resource_group", nullptr},
                       {"attributes", json::object()}});
  for (size_t i = 0; i < accounts; ++i) {
    resources.push_back({{"address", address(i)},
                         {"type", "azurerm_storage_account"},
                         {"name", fmt::format("st{:04}", i)},
                         {"location", "westeurope"},
                         {"boundary", "eu"},
                         {"resource_group", "rg-eu"},
                         {"attributes", {{"account_replication_type", "GRS"}}}});
  }
  return json{{"manifest_version", 1},
              {"generator", "topoc"},
              {"topology", "shop"},
              {"environment", "prod"},
              {"boundaries", {{"eu", {{"allowed_locations", {"westeurope"}}}}}},
              {"resources", resources}}
      .dump();
}

// Its `terraform show -json` state with every account drifted: the first
// `outside` moved to `westus` (a breach and a change each), the others
// replicated LRS.
std::string drifted_state(size_t accounts, size_t outside) {
  json resources = json::array();
  resources.push_back({{"address", "azurerm_resource_group.region[\"weu\"]"},
                       {"mode", "managed"},
                       {"type", "azurerm_resource_group"},
                       {"values", {{"name", "rg-eu"}, {"location", "westeurope"}}}});
  for (size_t i = 0; i < accounts; ++i) {
    bool moved = i < outside;
    resources.push_back({{"address", address(i)},
                         {"mode", "managed"},
                         {"type", "azurerm_storage_account"},
                         {"values",
                          {{"name", fmt::format("st{:04}", i)},
                           {"resource_group_name", "rg-eu"},
                           {"location", moved ? "westus" : "westeurope"},
                           {"account_replication_type", moved ? "GRS" : "LRS"}}}});
  }
  return json{{"format_version", "1.0"}, {"values", {{"root_module", {{"resources", resources}}}}}}
      .dump();
}

DriftReport drifted(size_t accounts, size_t outside) {
  auto parsed = parse_desired_state("shop.manifest.json", manifest(accounts));
  if (auto* e = std::get_if<ReadError>(&parsed)) ADD_FAILURE() << to_string(*e);
  DeployedState state;
  if (auto e = read_state_text("show.json", drifted_state(accounts, outside), StateFormat::kAuto,
                               state)) {
    ADD_FAILURE() << to_string(*e);
  }
  return compare(std::get<DesiredState>(parsed), state);
}

size_t occurrences(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string note(size_t left_out) {
  return fmt::format(
      "\n**{} more findings not shown**, to keep this comment under GitHub's limit of 65,536 "
      "characters; run the same `topoc drift` command with `--format json` for all of them.\n",
      left_out);
}

TEST(DriftMarkdown, ManyFindingsStayUnderTheCommentLimit) {
  // 1,200 accounts, 150 of them moved out of the boundary: 150 breaches and
  // 1,200 changes, some 250 KB of Markdown in full.
  fs::path dir = fs::temp_directory_path() / fmt::format("topoc-drift-md-{}", ::getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "shop.manifest.json") << manifest(1200);
  std::ofstream(dir / "show.json") << drifted_state(1200, 150);
  fs::path out = dir / "report.md";
  std::string command = fmt::format("'{}' drift '{}' --state '{}' --format markdown >'{}'",
                                    TOPOC_BINARY, (dir / "shop.manifest.json").string(),
                                    (dir / "show.json").string(), out.string());
  int status = std::system(command.c_str());
  std::string md = testing::read_text(out);
  fs::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(2, WEXITSTATUS(status));

  // Bytes, an upper bound of the characters GitHub counts; nearly all of the
  // budget used.
  EXPECT_LE(md.size(), kMarkdownBudget);
  EXPECT_GT(md.size(), kMarkdownBudget - 1000);
  // The summary counts everything, shown or not.
  EXPECT_NE(std::string::npos, md.find("**Drift found, with 150 residency breaches.**")) << md;
  EXPECT_NE(std::string::npos, md.find("| D001 `residency-breach` | 150 |\n")) << md;
  EXPECT_NE(std::string::npos, md.find("| D003 `changed` | 1200 |\n")) << md;
  // Every breach, before the folded rest.
  EXPECT_EQ(
      150u,
      occurrences(md, "is in `westus` and geo-replicates to `eastus`, outside boundary `eu` |\n"));
  size_t fold = md.find("\n<details><summary>");
  ASSERT_NE(std::string::npos, fold);
  EXPECT_LT(md.rfind("outside boundary `eu` |\n"), fold);
  EXPECT_LT(md.find("#### Residency breaches"), fold);
  // The rest: as many changes as fit, counted in the fold and the note.
  size_t changed = occurrences(md, "| changed |");
  EXPECT_GT(changed, 100u);
  EXPECT_LT(changed, 1200u);
  EXPECT_NE(std::string::npos,
            md.find(fmt::format("<details><summary>{} of the 1200 other findings</summary>\n\n"
                                "#### Boundary `eu`\n",
                                changed)))
      << md.substr(fold, 200);
  std::string expected_note = note(1200 - changed);
  ASSERT_GE(md.size(), expected_note.size());
  EXPECT_EQ(expected_note, md.substr(md.size() - expected_note.size()));
  EXPECT_NE(std::string::npos, md.find("|\n\n</details>\n\n**")) << md.substr(md.size() - 600);
}

TEST(DriftMarkdown, BreachesAloneCutWithTheNote) {
  // 400 breaches and 400 changes against a 20,000-byte budget: the breaches
  // take it all, and nothing else is shown.
  DriftReport report = drifted(400, 400);
  ASSERT_EQ(800u, report.findings.size());
  std::string md = render_markdown(report, 20000);
  EXPECT_LE(md.size(), 20000u);
  EXPECT_EQ(std::string::npos, md.find("<details>")) << md;
  EXPECT_EQ(0u, occurrences(md, "| changed |"));
  size_t breaches =
      occurrences(md, "is in `westus` and geo-replicates to `eastus`, outside boundary `eu` |\n");
  EXPECT_GT(breaches, 50u);
  EXPECT_LT(breaches, 400u);
  // The first breaches in report order.
  EXPECT_NE(std::string::npos, md.find("`module.storage[\"s0000\"]")) << md;
  std::string expected_note = note(800 - breaches);
  EXPECT_EQ(expected_note, md.substr(md.size() - expected_note.size()));
}

TEST(DriftMarkdown, WholeReportWhenItFits) {
  DriftReport report = drifted(30, 3);
  std::string whole = render_markdown(report);
  EXPECT_EQ(std::string::npos, whole.find("not shown")) << whole;
  EXPECT_EQ(30u, occurrences(whole, "| changed |"));
  // Exactly at the budget it is whole; a byte less and it is cut.
  EXPECT_EQ(whole, render_markdown(report, whole.size()));
  std::string cut = render_markdown(report, whole.size() - 1);
  EXPECT_LE(cut.size(), whole.size() - 1);
  EXPECT_NE(std::string::npos, cut.find(" not shown**, to keep this comment")) << cut;
  EXPECT_EQ(
      3u,
      occurrences(cut, "is in `westus` and geo-replicates to `eastus`, outside boundary `eu` |\n"));
}

}  // namespace
}  // namespace topoc::drift
