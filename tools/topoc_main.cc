// topoc: compiles a topology of Azure regions, boundaries and tenants into
// checked infrastructure code.
#include <CLI/CLI.hpp>
#include <string>

#include "tools/cli.h"

int main(int argc, char** argv) {
  namespace cli = topoc::cli;
  CLI::App app{"topoc compiles a multi-region Azure topology into checked infrastructure code."};
  app.set_version_flag("--version", std::string("topoc ") + cli::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success, 1 findings (errors in the topology, output out of date) or a failed\n"
      "write, 2 usage error or a file that cannot be read. `drift` follows `terraform plan\n"
      "-detailed-exitcode` instead: 0 in sync, 1 error, 2 drift found.\n\n"
      "Examples:\n"
      "  topoc check platform.topo\n"
      "  topoc build platform.topo -o infra --target all\n"
      "  topoc graph platform.topo > platform.mmd\n"
      "  topoc drift platform.topo --state state.json --state resources.json\n\n"
      "Run `topoc <command> --help` for a command's options.");

  cli::CheckOptions check;
  cli::BuildOptions build;
  cli::GraphOptions graph;
  auto* check_cmd = cli::add_check_command(app, check);
  auto* build_cmd = cli::add_build_command(app, build);
  auto* graph_cmd = cli::add_graph_command(app, graph);
  auto* regions_cmd = cli::add_regions_command(app);
  auto* metrics_cmd = cli::add_metrics_command(app);
  cli::DriftOptions drift;
  auto* drift_cmd = cli::add_drift_command(app, drift);

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
    return drift_cmd->parsed() ? cli::kDriftError : cli::kExitUsage;
  }
  if (check_cmd->parsed()) return cli::run_check(check);
  if (build_cmd->parsed()) return cli::run_build(build);
  if (graph_cmd->parsed()) return cli::run_graph(graph);
  if (regions_cmd->parsed()) return cli::run_regions();
  if (metrics_cmd->parsed()) return cli::run_metrics();
  if (drift_cmd->parsed()) return cli::run_drift(drift);
  return cli::kExitUsage;
}
