// topoc: compiles a topology of Azure regions, boundaries and tenants into
// checked infrastructure code.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <new>
#include <string>

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

  cli::CheckOptions check;
  cli::BuildOptions build;
  cli::GraphOptions graph;
  auto* check_cmd = cli::add_check_command(app, check);
  auto* build_cmd = cli::add_build_command(app, build);
  auto* graph_cmd = cli::add_graph_command(app, graph);
  cli::CatalogOptions regions, metrics;
  auto* regions_cmd = cli::add_regions_command(app, regions);
  auto* metrics_cmd = cli::add_metrics_command(app, metrics);
  cli::DriftOptions drift;
  auto* drift_cmd = cli::add_drift_command(app, drift);
  cli::VersionOptions version;
  auto* version_cmd = cli::add_version_command(app, version);
  auto* lsp_cmd = cli::add_lsp_command(app);
  cli::FmtOptions fmt_options;
  auto* fmt_cmd = cli::add_fmt_command(app, fmt_options);
  std::string help_topic;
  auto* help_cmd = cli::add_help_command(app, help_topic);
  cli::DiffOptions diff_options;
  auto* diff_cmd = cli::add_diff_command(app, diff_options);
  cli::ResidencyOptions residency;
  auto* residency_cmd = cli::add_residency_command(app, residency);

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
    if (diff_cmd->parsed()) return cli::kDiffError;
    return drift_cmd->parsed() ? cli::kDriftError : cli::kExitUsage;
  }
  if (check_cmd->parsed()) return cli::run_check(check);
  if (build_cmd->parsed()) return cli::run_build(build);
  if (graph_cmd->parsed()) return cli::run_graph(graph);
  if (regions_cmd->parsed()) return cli::run_regions(regions);
  if (metrics_cmd->parsed()) return cli::run_metrics(metrics);
  if (help_cmd->parsed()) return cli::run_help(app, help_topic);
  if (drift_cmd->parsed()) return cli::run_drift(drift);
  if (version_cmd->parsed()) return cli::run_version(version);
  if (lsp_cmd->parsed()) return cli::run_lsp();
  if (fmt_cmd->parsed()) return cli::run_fmt(fmt_options);
  if (diff_cmd->parsed()) return cli::run_diff(diff_options);
  if (residency_cmd->parsed()) return cli::run_residency(residency);
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
