// `topoc regions` and `topoc metrics`: what the built-in catalogues know.
#include <fmt/format.h>

#include <iostream>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "tools/cli.h"

namespace topoc::cli {

CLI::App* add_regions_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("regions", "List the Azure regions topoc knows");
  cmd->footer(
      "Columns: programmatic name, display name, geography, country (ISO 3166-1), EU Data "
      "Boundary, paired region, availability zones.");
  return cmd;
}

CLI::App* add_metrics_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("metrics", "List the metrics alerts can watch");
  cmd->footer(
      "Use a key in an alert: alert \"lag\" { metric = cosmos.replication_latency  above = 500ms "
      "}");
  return cmd;
}

int run_regions() {
  std::cout << fmt::format("{:<22} {:<24} {:<16} {:<7} {:<5} {:<20} {}\n", "location", "display",
                           "geography", "country", "EUDB", "paired", "zones");
  for (const auto& r : catalog::all_regions()) {
    std::cout << fmt::format("{:<22} {:<24} {:<16} {:<7} {:<5} {:<20} {}{}\n", r.name, r.display,
                             r.geography, r.country, r.eu_data_boundary ? "yes" : "no",
                             r.paired.empty() ? "-" : r.paired, r.zones ? "yes" : "no",
                             r.restricted ? " (restricted access)" : "");
  }
  return kExitClean;
}

int run_metrics() {
  for (const auto& m : catalog::all_metrics()) {
    std::cout << fmt::format("{:<28} {:<40} {}\n", m.key,
                             fmt::format("{} ({})", m.metric, m.aggregation), m.description);
  }
  return kExitClean;
}

}  // namespace topoc::cli
