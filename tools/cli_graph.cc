// `topoc graph`: the topology as a Mermaid or Graphviz diagram.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "compiler/emit/graph.h"
#include "tools/cli.h"

namespace topoc::cli {

CLI::App* add_graph_command(CLI::App& app, GraphOptions& opt) {
  auto* cmd = app.add_subcommand(
      "graph", "Draw a topology: boundaries, regions, failover, data copies, tenants, Front Door");
  cmd->add_option("file", opt.file, "Topology file (.topo)")->required();
  cmd->add_option("--format", opt.format,
                  "Diagram language: mermaid or dot (Graphviz); json for the nodes and edges")
      ->check(CLI::IsMember({"mermaid", "dot", "json"}))
      ->default_str("mermaid");
  cmd->footer(
      "Boundaries are groups holding their regions (key, location, address space); dashed arrows\n"
      "lead to failover locations, drawn outside the boundary when it does not allow them;\n"
      "solid arrows labelled `replica`, `geo-pair copy` or `backup copy` lead to where the\n"
      "estate copies a region's data, with the types of the resources copied; tenants point at\n"
      "their home region or boundary; Front Door points each geo route's countries at their\n"
      "boundary. Diagnostics go to stderr; a topology with errors is still drawn when its\n"
      "structure could be read, and the exit code is then 1.\n\n"
      "Exit codes: 0 drawn, 1 errors in the topology, 2 usage error or a file that cannot be "
      "read.\n\n"
      "Examples:\n"
      "  topoc graph platform.topo > platform.mmd           # paste into Markdown as ```mermaid\n"
      "  topoc graph platform.topo --format dot | dot -Tsvg > platform.svg");
  return cmd;
}

int run_graph(const GraphOptions& opt) {
  auto result = driver::check_files({opt.file});
  print_input_errors(result);
  print_text_diagnostics(result, use_color("auto"));
  if (!result.input_errors.empty()) return kExitUsage;
  // Syntax (P) and model (M) errors leave references unresolved: a diagram
  // of that would be wrong, not just incomplete.
  const auto& diags = result.sink.diagnostics();
  bool unreadable = std::any_of(diags.begin(), diags.end(), [](const diag::Diagnostic& d) {
    char category = diag::info(d.kind).code[0];
    return d.severity == diag::Severity::kError && (category == 'P' || category == 'M');
  });
  if (unreadable || result.models.empty() || !result.models[0]) {
    std::cerr << "topoc: no diagram: fix the errors first\n";
    return kExitFindings;
  }
  const model::Topology& topology = *result.models[0];
  std::cout << (opt.format == "dot"    ? emit::render_dot(topology)
                : opt.format == "json" ? emit::render_graph_json(topology)
                                       : emit::render_mermaid(topology));
  return result.sink.error_count() > 0 ? kExitFindings : kExitClean;
}

}  // namespace topoc::cli
