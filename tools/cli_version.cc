// `topoc version`: the only reader of the generated topoc_version.h, so that a
// new commit recompiles this file alone.
#include "tools/cli_version.h"

#include <iostream>
#include <nlohmann/json.hpp>
#include <string_view>

#include "tools/cli.h"
#include "topoc_version.h"

namespace topoc::cli {

const char* const kVersion = TOPOC_VERSION;

namespace {

struct CatalogueDate {
  std::string_view table;  // a key of compiler/catalog/availability.json
  std::string_view date;   // YYYY-MM-DD
};

constexpr CatalogueDate kCatalogueDates[] = {TOPOC_CATALOGUE_DATES};

// Bumped when a field changes meaning or goes away; new fields keep it.
constexpr int kVersionSchema = 1;

}  // namespace

std::string version_line() {
  return std::string("topoc ") + TOPOC_VERSION + " (commit " + TOPOC_COMMIT + ")";
}

CLI::App* add_version_command(CLI::App& app, VersionOptions& opt) {
  auto* cmd = app.add_subcommand("version", "Show the version, the commit and the catalogue dates");
  cmd->add_option("--format", opt.format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  cmd->footer(
      "The commit is the source checkout's at build time (\"unknown\" for a build from a copy\n"
      "without git history). The dates are those of the Azure availability tables compiled in:\n"
      "the Azure OpenAI models per region and each service's regions.\n\n"
      "Examples:\n"
      "  topoc version\n"
      "  topoc version --format json | jq -r .version");
  return cmd;
}

int run_version(const VersionOptions& opt) {
  if (opt.format == "json") {
    nlohmann::ordered_json catalogue = nlohmann::ordered_json::object();
    for (const auto& entry : kCatalogueDates) catalogue[std::string(entry.table)] = entry.date;
    nlohmann::ordered_json out = {{"schema_version", kVersionSchema},
                                  {"version", TOPOC_VERSION},
                                  {"commit", TOPOC_COMMIT},
                                  {"catalogue", catalogue}};
    std::cout << out.dump(2) << "\n";
    return kExitClean;
  }
  std::cout << version_line() << "\navailability tables:";
  const char* separator = " ";
  for (const auto& entry : kCatalogueDates) {
    std::cout << separator << entry.table << " " << entry.date;
    separator = ", ";
  }
  std::cout << "\n";
  return kExitClean;
}

}  // namespace topoc::cli
