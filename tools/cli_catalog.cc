// `topoc regions` and `topoc metrics`: what the built-in catalogues know.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "tools/cli.h"

namespace topoc::cli {

namespace {

using Json = nlohmann::ordered_json;

void add_format_option(CLI::App* cmd, CatalogOptions& opt) {
  cmd->add_option("--format", opt.format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
}

const char* target_name(catalog::MetricTarget t) {
  switch (t) {
    case catalog::MetricTarget::kCosmos:
      return "cosmos";
    case catalog::MetricTarget::kFrontDoor:
      return "frontdoor";
    case catalog::MetricTarget::kAks:
      return "aks";
    case catalog::MetricTarget::kOpenAI:
      return "openai";
    case catalog::MetricTarget::kAppInsights:
      return "app_insights";
    case catalog::MetricTarget::kRedis:
      return "redis";
    case catalog::MetricTarget::kSearch:
      return "ai_search";
    case catalog::MetricTarget::kPostgres:
      return "postgres";
  }
  return "";
}

const char* unit_name(catalog::MetricUnit u) {
  switch (u) {
    case catalog::MetricUnit::kMilliseconds:
      return "milliseconds";
    case catalog::MetricUnit::kSeconds:
      return "seconds";
    case catalog::MetricUnit::kPercent:
      return "percent";
    case catalog::MetricUnit::kCount:
      return "count";
  }
  return "";
}

}  // namespace

CLI::App* add_regions_command(CLI::App& app, CatalogOptions& opt) {
  auto* cmd = app.add_subcommand("regions", "List the Azure regions topoc knows");
  add_format_option(cmd, opt);
  cmd->footer(
      "Columns: programmatic name, display name, geography, country (ISO 3166-1), EU Data "
      "Boundary, paired region, availability zones.");
  return cmd;
}

CLI::App* add_metrics_command(CLI::App& app, CatalogOptions& opt) {
  auto* cmd = app.add_subcommand("metrics", "List the metrics alerts can watch");
  add_format_option(cmd, opt);
  cmd->footer(
      "Use a key in an alert: alert \"lag\" { metric = cosmos.replication_latency  above = 500ms "
      "}. Metrics with a log source (requests) also take `percentile = 95` (a value metric) or "
      "`per = app.requests` (a count, as a percentage); \"logs: requests\" marks those only a "
      "log search alert can watch.");
  return cmd;
}

int run_regions(const CatalogOptions& opt) {
  if (opt.format == "json") {
    Json regions = Json::array();
    for (const auto& r : catalog::all_regions()) {
      regions.push_back({{"location", r.name},
                         {"display", r.display},
                         {"geography", r.geography},
                         {"country", r.country},
                         {"eu_data_boundary", r.eu_data_boundary},
                         {"paired", r.paired.empty() ? Json(nullptr) : Json(r.paired)},
                         {"zones", r.zones},
                         {"restricted", r.restricted}});
    }
    print_json({{"schema_version", diag::kJsonSchemaVersion}, {"regions", std::move(regions)}});
    return kExitClean;
  }
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

int run_metrics(const CatalogOptions& opt) {
  if (opt.format == "json") {
    Json metrics = Json::array();
    for (const auto& m : catalog::all_metrics()) {
      Json j = {
          {"key", m.key},       {"target", target_name(m.target)}, {"namespace", m.namespace_},
          {"metric", m.metric}, {"aggregation", m.aggregation},    {"unit", unit_name(m.unit)}};
      if (!m.dimension.empty()) {
        j["dimension"] = {{"name", m.dimension}, {"value", m.dimension_value}};
      }
      if (!m.log_column.empty() || !m.log_count_if.empty()) {
        j["log"] = {{"table", "requests"}};
        if (!m.log_column.empty()) j["log"]["column"] = m.log_column;
        if (!m.log_count_if.empty()) j["log"]["count_if"] = m.log_count_if;
      }
      j["description"] = m.description;
      metrics.push_back(std::move(j));
    }
    print_json({{"schema_version", diag::kJsonSchemaVersion}, {"metrics", std::move(metrics)}});
    return kExitClean;
  }
  for (const auto& m : catalog::all_metrics()) {
    std::string source = catalog::log_only(m) ? std::string("logs: requests")
                                              : fmt::format("{} ({})", m.metric, m.aggregation);
    std::cout << fmt::format("{:<28} {:<40} {}\n", m.key, source, m.description);
  }
  return kExitClean;
}

}  // namespace topoc::cli
