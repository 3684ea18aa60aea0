// `topoc check`: the front end alone, with text, JSON or SARIF output.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "compiler/diag/render.h"
#include "compiler/model/path_names.h"
#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {

bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice != "auto") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDERR_FILENO);
}

std::string sarif_root(const std::string& option) {
  if (option.empty()) return diag::repository_root("");
  return diag::absolute_path(option, "");
}

std::vector<diag::ToolFailure> tool_failures(const driver::CheckResult& result) {
  std::vector<diag::ToolFailure> failures;
  for (const auto& e : result.input_errors) failures.push_back({e.path, e.message});
  return failures;
}

void print_annotations(const std::string& format, const driver::CheckResult& result,
                       const std::string& root) {
  auto failures = tool_failures(result);
  diag::AnnotationOptions options{root, ""};
  std::cout << (format == "github"
                    ? diag::render_github(result.files, result.sink.diagnostics(), failures,
                                          options)
                    : diag::render_azure_devops(result.files, result.sink.diagnostics(), failures,
                                                options));
}

std::string environment_name_error(const std::string& name) {
  return fmt::format(
      "topoc: error: `--env {}`: an environment name is 1 to 16 lowercase letters, digits or `-`, "
      "starting with a letter or digit\n",
      visible(truncated(name)));
}

void print_input_errors(const driver::CheckResult& result) {
  for (const auto& e : result.input_errors) {
    std::cerr << fmt::format("topoc: error: cannot read `{}`: {}\n", visible(truncated(e.path)),
                             e.message);
  }
}

void print_text_diagnostics(const driver::CheckResult& result, bool color) {
  std::cerr << diag::render_text(result.files, result.sink.diagnostics(), {color});
  size_t errors = result.sink.error_count(), warnings = result.sink.warning_count();
  if (result.sink.dropped_count() > 0) {
    std::cerr << fmt::format("({} more diagnostics not shown)\n", result.sink.dropped_count());
  }
  size_t notes = static_cast<size_t>(
      std::count_if(result.sink.diagnostics().begin(), result.sink.diagnostics().end(),
                    [](const diag::Diagnostic& d) { return d.severity == diag::Severity::kNote; }));
  if (errors + warnings + notes > 0) {
    // Notes (R015's exemptions) are counted only where there are some, so
    // the line stays as it was for the topologies that have none.
    std::cerr << fmt::format(
        "{} error{}, {} warning{}{}\n", errors, errors == 1 ? "" : "s", warnings,
        warnings == 1 ? "" : "s",
        notes == 0 ? "" : fmt::format(", {} note{}", notes, notes == 1 ? "" : "s"));
  }
}

CLI::App* add_check_command(CLI::App& app, CheckOptions& opt) {
  auto* cmd =
      app.add_subcommand("check", "Parse topology files and prove residency and Azure invariants");
  cmd->add_option("files", opt.files, "Topology files (.topo)")->required();
  cmd->add_option("--format", opt.format,
                  "Output format: text (stderr), json, sarif, github or azure-devops (stdout)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "azure-devops"}))
      ->default_str("text");
  cmd->add_option("--root", opt.root,
                  "Directory that SARIF and GitHub file paths are relative to (default: the "
                  "repository around the current directory, else the current directory)");
  cmd->add_option("--help-base-url", opt.help_base_url,
                  "URL of docs/rules.md that SARIF rules link to, with `#anchor` appended "
                  "(default: " +
                      std::string(diag::kDefaultHelpBaseUrl) + ")");
  cmd->add_flag("--warnings-as-errors,-W", opt.warnings_as_errors,
                "Exit 1 when there are warnings, not only errors");
  cmd->add_option("--color", opt.color, "Colour text output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--env", opt.environment,
                  "Check this environment alone (one the topology declares with `environment "
                  "\"NAME\" { ... }`, or its own); without it, the topology and every environment "
                  "it declares are checked");
  cmd->footer(
      "Exit codes: 0 no errors (warnings allowed unless -W), 1 errors found, 2 usage error or a "
      "file that cannot be read (JSON and SARIF then say the run failed).\nSARIF 2.1.0 output can "
      "be uploaded to GitHub code scanning or Azure DevOps; github and azure-devops print\n"
      "annotations that those CI systems show on the pull request.\n\n"
      "Examples:\n"
      "  topoc check platform.topo\n"
      "  topoc check -W platform.topo                      # warnings fail too\n"
      "  topoc check --env staging platform.topo           # one environment alone\n"
      "  topoc check --format sarif platform.topo > topoc.sarif\n"
      "  topoc check --format github platform.topo         # annotations in GitHub Actions");
  return cmd;
}

int run_check(const CheckOptions& opt) {
  if (!opt.environment.empty() && !model::valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kExitUsage;
  }
  const driver::CheckResult& result = kept_until_exit(driver::check_files(
      opt.files, {.environment = opt.environment, .keep_estate = driver::KeptEstate::kPlacements}));
  print_input_errors(result);
  const auto& diags = result.sink.diagnostics();
  auto failures = tool_failures(result);
  if (opt.format == "json") {
    std::cout << diag::render_json(result.files, diags, failures);
  } else if (opt.format == "sarif") {
    diag::SarifOptions sarif;
    sarif.tool_version = kVersion;
    if (!opt.help_base_url.empty()) sarif.help_base_url = opt.help_base_url;
    sarif.root = sarif_root(opt.root);
    sarif.failures = failures;
    // The category code scanning files the results under: the same inputs
    // give the same category whatever their content (even unreadable).
    std::string inputs;
    for (const std::string& f : opt.files) {
      if (!inputs.empty()) inputs += '+';
      inputs += diag::root_relative_path(driver::display_path(f), sarif.root, "");
    }
    sarif.automation_id = "topoc/check/" + inputs + "/";
    std::cout << diag::render_sarif(result.files, diags, sarif);
  } else if (opt.format == "github" || opt.format == "azure-devops") {
    print_annotations(opt.format, result, sarif_root(opt.root));
  } else {
    print_text_diagnostics(result, use_color(opt.color));
  }
  if (!result.input_errors.empty()) return kExitUsage;
  if (result.sink.error_count() > 0) return kExitFindings;
  if (opt.warnings_as_errors && result.sink.warning_count() > 0) return kExitFindings;
  return kExitClean;
}

}  // namespace topoc::cli
