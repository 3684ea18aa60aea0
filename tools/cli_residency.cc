// `topoc residency`: the residency report of a topology that checks without
// errors (compiler/report/residency_report.h), on stdout or in one file.
#include "tools/cli_residency.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>

#include "compiler/driver/check.h"
#include "compiler/estate/estate.h"
#include "compiler/model/path_names.h"
#include "compiler/report/residency_render.h"
#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {

CLI::App* add_residency_command(CLI::App& app, ResidencyOptions& opt) {
  auto* cmd = app.add_subcommand(
      "residency", "Report where each tenant's data may be in Azure, and why (a DPIA annex)");
  cmd->add_option("file", opt.file, "Topology file (.topo), or - for standard input")->required();
  auto* tenant = cmd->add_option("--tenant", opt.tenant,
                                 "Report only this tenant: the boundary holding its data");
  auto* boundary = cmd->add_option("--boundary", opt.boundary, "Report only this boundary");
  // An empty name would silently mean "every boundary".
  const CLI::Validator named(
      [](std::string& value) { return value.empty() ? std::string("a name is needed") : ""; },
      "NAME");
  tenant->check(named);
  boundary->check(named);
  tenant->excludes(boundary);
  boundary->excludes(tenant);
  cmd->add_option("--format", opt.format,
                  "markdown (an annex for a DPIA or a security questionnaire), json (for "
                  "tooling; schema in docs/residency.schema.json) or html (one self-contained "
                  "page with a world map)")
      ->check(CLI::IsMember({"markdown", "json", "html"}))
      ->default_str("markdown");
  cmd->add_option("-o,--output", opt.output, "Write the report to this file instead of stdout");
  cmd->add_option("--env", opt.environment,
                  "Environment to report on, replacing the file's `environment` (its names and "
                  "settings)");
  cmd->footer(
      "For each residency boundary (or the one given, or the one holding --tenant's data): every\n"
      "Azure location its data may reach, grouped by kind (stored, replicated, failover, geo-pair\n"
      "copy, backup copy, processing, edge caching, logs and telemetry), each with the resources\n"
      "and the reasons back to the topology's lines (file:line); the resources declared as\n"
      "holding no personal data; the Azure Policy assignments that guard the boundary when\n"
      "deploying; and what topoc cannot see (applications inside AKS, application traffic).\n"
      "Every tenant of a boundary shares its resources, so --tenant reports that boundary.\n"
      "The report is made only from a topology that checks without errors: run `topoc check`.\n"
      "Diagnostics go to stderr.\n\n"
      "Exit codes: 0 report written (warnings allowed); 1 the topology has errors (no report) or\n"
      "the output file could not be written; 2 usage error, an unknown --tenant or --boundary,\n"
      "or a file that cannot be read.\n\n"
      "Examples:\n"
      "  topoc residency platform.topo > residency.md\n"
      "  topoc residency platform.topo --tenant contoso --format html -o contoso-residency.html\n"
      "  topoc residency platform.topo --boundary eu --format json | jq "
      "'.boundaries[0].reached_locations'");
  return cmd;
}

int run_residency(const ResidencyOptions& opt) {
  if (!opt.environment.empty() && !model::valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kExitUsage;
  }
  auto result = driver::check_files({opt.file}, {opt.environment, false});
  print_input_errors(result);
  if (!result.input_errors.empty()) return kExitUsage;
  bool clean = result.sink.error_count() == 0 && !result.models.empty() && result.models[0];
  if (result.sink.error_count() > 0 || result.sink.warning_count() > 0) {
    print_text_diagnostics(result, use_color("auto"));
  }
  if (!clean) {
    std::cerr << fmt::format(
        "topoc: no report: `{}` has errors; a residency report is made only from a topology "
        "that checks cleanly\n",
        visible(truncated(driver::display_path(opt.file))));
    return kExitFindings;
  }
  const model::Topology& topology = *result.models[0];
  report::ReportScope scope;
  if (!opt.tenant.empty()) scope = {report::ResidencyReport::Scope::kTenant, opt.tenant};
  if (!opt.boundary.empty()) scope = {report::ResidencyReport::Scope::kBoundary, opt.boundary};
  if (std::string error = report::find_scope_error(topology, scope); !error.empty()) {
    std::cerr << "topoc: error: " << error << "\n";
    return kExitUsage;
  }
  estate::Estate estate = estate::build_estate(topology, {opt.environment});
  report::ResidencyReport report =
      report::build_residency_report(estate, result.files, driver::display_path(opt.file), scope);
  std::string text = opt.format == "json"   ? report::render_residency_json(report)
                     : opt.format == "html" ? report::render_residency_html(report)
                                            : report::render_residency_markdown(report);
  return write_output(opt.output, text) ? kExitClean : kExitFindings;
}

}  // namespace topoc::cli
