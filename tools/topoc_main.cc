// topoc: compiles a topology of Azure regions, boundaries and tenants into
// checked infrastructure code.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/render.h"
#include "compiler/driver/check.h"

namespace {

constexpr const char* kVersion = "0.1.0";

// Exit codes of `topoc check`, also listed in README.md.
constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool warnings_as_errors = false;
  std::string color = "auto";
};

int run_check(const CheckOptions& opt) {
  auto result = topoc::driver::check_files(opt.files);
  for (const auto& e : result.input_errors) {
    std::cerr << fmt::format("topoc: error: cannot read `{}`: {}\n", e.path, e.message);
  }
  const auto& diags = result.sink.diagnostics();
  if (opt.format == "json") {
    std::cout << topoc::diag::render_json(result.files, diags);
  } else if (opt.format == "sarif") {
    std::cout << topoc::diag::render_sarif(result.files, diags, kVersion);
  } else {
    bool color = opt.color == "always" || (opt.color == "auto" && isatty(STDERR_FILENO));
    std::cerr << topoc::diag::render_text(result.files, diags, {color});
    size_t errors = result.sink.error_count(), warnings = result.sink.warning_count();
    if (result.sink.dropped_count() > 0) {
      std::cerr << fmt::format("({} more diagnostics not shown)\n", result.sink.dropped_count());
    }
    if (errors + warnings > 0) {
      std::cerr << fmt::format("{} error{}, {} warning{}\n", errors, errors == 1 ? "" : "s", warnings,
                               warnings == 1 ? "" : "s");
    }
  }
  if (!result.input_errors.empty()) return kExitUsage;
  if (result.sink.error_count() > 0) return kExitFindings;
  if (opt.warnings_as_errors && result.sink.warning_count() > 0) return kExitFindings;
  return kExitClean;
}

int run_regions() {
  std::cout << fmt::format("{:<22} {:<24} {:<16} {:<7} {:<5} {:<20} {}\n", "location", "display",
                           "geography", "country", "EUDB", "paired", "zones");
  for (const auto& r : topoc::catalog::all_regions()) {
    std::cout << fmt::format("{:<22} {:<24} {:<16} {:<7} {:<5} {:<20} {}{}\n", r.name, r.display,
                             r.geography, r.country, r.eu_data_boundary ? "yes" : "no",
                             r.paired.empty() ? "-" : r.paired, r.zones ? "yes" : "no",
                             r.restricted ? " (restricted access)" : "");
  }
  return kExitClean;
}

int run_metrics() {
  for (const auto& m : topoc::catalog::all_metrics()) {
    std::cout << fmt::format("{:<28} {:<40} {}\n", m.key, fmt::format("{} ({})", m.metric, m.aggregation),
                             m.description);
  }
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"topoc compiles a multi-region Azure topology into checked infrastructure code."};
  app.set_version_flag("--version", std::string("topoc ") + kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 findings (check) or failure, 2 usage or input error.\n"
      "Run `topoc <command> --help` for a command's options.");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand(
      "check", "Parse topology files and prove residency and Azure invariants");
  check_cmd->add_option("files", check.files, "Topology files (.topo)")->required();
  check_cmd->add_option("--format", check.format, "Output format: text (stderr), json or sarif (stdout)")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->default_str("text");
  check_cmd->add_flag("--warnings-as-errors,-W", check.warnings_as_errors,
                      "Exit 1 when there are warnings, not only errors");
  check_cmd->add_option("--color", check.color, "Colour text output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check_cmd->footer(
      "Exit codes: 0 no errors (warnings allowed unless -W), 1 errors found, 2 usage error or a file "
      "that cannot be read.\nSARIF 2.1.0 output can be uploaded to GitHub code scanning or Azure "
      "DevOps.");

  auto* regions_cmd = app.add_subcommand("regions", "List the Azure regions topoc knows");
  auto* metrics_cmd = app.add_subcommand("metrics", "List the metrics alerts can watch");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (check_cmd->parsed()) return run_check(check);
  if (regions_cmd->parsed()) return run_regions();
  if (metrics_cmd->parsed()) return run_metrics();
  return kExitUsage;
}
