// topoc: compiles a topology of Azure regions, boundaries and tenants into
// checked infrastructure code.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <iterator>
#include <new>
#include <string>
#include <string_view>

#include "compiler/text/visible.h"
#include "tools/cli.h"
#include "tools/cli_diff.h"
#include "tools/cli_fmt.h"
#include "tools/cli_residency.h"
#include "tools/cli_version.h"
#include "tools/one_run_heap.h"

namespace {

// Every subcommand runs inside this: memory running out (a huge estate under
// a tight `ulimit -v`) or any other unexpected exception ends the run with
// one line and the usage exit code instead of std::terminate's abort.
int run_guarded(int argc, char** argv) {
  namespace cli = topoc::cli;
  CLI::App app{"topoc compiles a multi-region Azure topology into checked infrastructure code."};
  app.set_version_flag("--version", cli::version_line());
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 findings (errors in the topology, output out of date) or a failed\n"
      "write, 2 usage error, a file that cannot be read or too little memory. `drift` follows\n"
      "`terraform plan -detailed-exitcode` instead: 0 in sync, 1 error, 2 drift found.\n"
      "`diff` too: 0 no change, 1 error, 2 changes, 3 changes that --fail-on names.\n\n"
      "Examples:\n"
      "  topoc check platform.topo\n"
      "  topoc build platform.topo -o infra --target all\n"
      "  topoc graph platform.topo > platform.mmd\n"
      "  topoc drift platform.topo --state state.json --state resources.json\n"
      "  topoc diff --base main platform.topo --format markdown\n\n"
      "Run `topoc help <command>` (or `topoc <command> --help`) for a command's options.\n"
      "Colour: NO_COLOR (any non-empty value) or TERM=dumb turn it off unless --color always.");

  // A run names its command first, and only that command's options are set
  // up: CLI11 builds every option's names and checks as it is added, a
  // quarter of a large check's start-up with all twelve commands. `topoc`
  // alone, `--help`, `help` and anything unknown set them all up.
  const std::string_view first = argc > 1 ? argv[1] : "";
  constexpr std::string_view kCommands[] = {"check",   "build", "graph",    "regions",
                                            "metrics", "drift", "version",  "lsp",
                                            "fmt",     "diff",  "residency"};
  const bool one =
      std::find(std::begin(kCommands), std::end(kCommands), first) != std::end(kCommands);
  auto wanted = [&](std::string_view name) { return !one || first == name; };
  cli::CheckOptions check;
  cli::BuildOptions build;
  cli::GraphOptions graph;
  auto* check_cmd = wanted("check") ? cli::add_check_command(app, check) : nullptr;
  auto* build_cmd = wanted("build") ? cli::add_build_command(app, build) : nullptr;
  auto* graph_cmd = wanted("graph") ? cli::add_graph_command(app, graph) : nullptr;
  cli::CatalogOptions regions, metrics;
  auto* regions_cmd = wanted("regions") ? cli::add_regions_command(app, regions) : nullptr;
  auto* metrics_cmd = wanted("metrics") ? cli::add_metrics_command(app, metrics) : nullptr;
  cli::DriftOptions drift;
  auto* drift_cmd = wanted("drift") ? cli::add_drift_command(app, drift) : nullptr;
  cli::VersionOptions version;
  auto* version_cmd = wanted("version") ? cli::add_version_command(app, version) : nullptr;
  auto* lsp_cmd = wanted("lsp") ? cli::add_lsp_command(app) : nullptr;
  cli::FmtOptions fmt_options;
  auto* fmt_cmd = wanted("fmt") ? cli::add_fmt_command(app, fmt_options) : nullptr;
  std::string help_topic;
  auto* help_cmd = wanted("help") ? cli::add_help_command(app, help_topic) : nullptr;
  cli::DiffOptions diff_options;
  auto* diff_cmd = wanted("diff") ? cli::add_diff_command(app, diff_options) : nullptr;
  cli::ResidencyOptions residency;
  auto* residency_cmd = wanted("residency") ? cli::add_residency_command(app, residency) : nullptr;
  auto parsed = [](const CLI::App* command) { return command && command->parsed(); };

  // An unknown command is a typo more often than not: name the closest one
  // and list them all, instead of CLI11's "argument was not expected".
  if (auto unknown = cli::unknown_command(app, argc, argv)) return *unknown;
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
    if (parsed(diff_cmd)) return cli::kDiffError;
    return parsed(drift_cmd) ? cli::kDriftError : cli::kExitUsage;
  }
  if (parsed(check_cmd)) return cli::run_check(check);
  if (parsed(build_cmd)) return cli::run_build(build);
  if (parsed(graph_cmd)) return cli::run_graph(graph);
  if (parsed(regions_cmd)) return cli::run_regions(regions);
  if (parsed(metrics_cmd)) return cli::run_metrics(metrics);
  if (parsed(help_cmd)) return cli::run_help(app, help_topic);
  if (parsed(drift_cmd)) return cli::run_drift(drift);
  if (parsed(version_cmd)) return cli::run_version(version);
  if (parsed(lsp_cmd)) return cli::run_lsp();
  if (parsed(fmt_cmd)) return cli::run_fmt(fmt_options);
  if (parsed(diff_cmd)) return cli::run_diff(diff_options);
  if (parsed(residency_cmd)) return cli::run_residency(residency);
  return cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // `drift` keeps the exit codes of `terraform plan -detailed-exitcode`, where
  // 2 means drift found: an error there is 1.
  bool drift = argc > 1 && std::string_view(argv[1]) == "drift";
  drift = drift || (argc > 1 && std::string_view(argv[1]) == "diff");  // same scheme
  int failed = drift ? topoc::cli::kDriftError : topoc::cli::kExitUsage;
  if (argc < 2 || std::string_view(argv[1]) != "lsp") topoc::cli::prepare_heap_for_one_run();
  try {
    return run_guarded(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cout.flush();
    std::cerr << "topoc: error: out of memory; the input is too large for the memory available\n";
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "topoc: error: internal error: " << topoc::visible(topoc::truncated(e.what()))
              << "\n";
  } catch (...) {
    std::cerr << "topoc: error: internal error\n";
  }
  return failed;
}
