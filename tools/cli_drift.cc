// `topoc drift`: compare what the topology would deploy with what states,
// plans and Resource Graph exports say is deployed, and flag residency
// breaches in the live estate.
#include <fmt/format.h>

#include <iostream>
#include <new>

#include "compiler/drift/deployed_state.h"
#include "compiler/drift/findings.h"
#include "compiler/drift/load_desired.h"
#include "compiler/drift/render.h"
#include "compiler/model/path_names.h"
#include "tools/cli.h"

namespace topoc::cli {
namespace {

void print_error(const drift::ReadError& error) {
  std::cerr << fmt::format("topoc: error: {}\n", drift::to_string(error));
}

}  // namespace

CLI::App* add_drift_command(CLI::App& app, DriftOptions& opt) {
  auto* cmd = app.add_subcommand(
      "drift", "Compare the topology with what is deployed and flag residency breaches");
  cmd->add_option(
         "desired", opt.desired,
         "Topology file, or the environments/<env>/topoc.manifest.json `topoc build` wrote")
      ->required();
  cmd->add_option("--state", opt.states,
                  "What is deployed: `terraform show -json` output, a state file (version 4), "
                  "`terraform show -json PLANFILE` output, or an `az graph query` / `az resource "
                  "list -o json` export; repeat for several")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--state-format", opt.state_format,
                  "Format of every --state file: auto (detect), show, state, plan or arg")
      ->check(CLI::IsMember({"auto", "show", "state", "plan", "arg"}));
  cmd->add_option("--format", opt.format,
                  "Report format on stdout: text, json, sarif or markdown (for PR comments)")
      ->check(CLI::IsMember({"text", "json", "sarif", "markdown"}));
  cmd->add_option("--ignore", opt.ignore,
                  "Drop findings whose address, ARM id or name matches this pattern (`*`, `?`); "
                  "repeat for several")
      ->allow_extra_args(false);
  cmd->add_option("--env", opt.environment,
                  "Environment to compare (default: the topology's); with a manifest, it must be "
                  "the manifest's");
  cmd->footer(
      "Exit codes (as `terraform plan -detailed-exitcode`): 0 in sync, 1 error (unreadable or\n"
      "malformed input, a topology with errors), 2 drift found.\n\n"
      "Examples:\n"
      "  terraform show -json > state.json\n"
      "  topoc drift platform.topo --state state.json\n"
      "  az graph query -q \"Resources\" --first 1000 -o json > arg.json\n"
      "  topoc drift topoc.manifest.json --state state.json --state arg.json --format markdown\n"
      "  topoc drift platform.topo --state state.json --ignore 'module.alerts.*'");
  return cmd;
}

namespace {

// Out of memory is one line and an error exit, like any input that cannot
// be used, not an abort.
void print_out_of_memory(std::string_view what) {
  std::cerr << fmt::format(
      "topoc: error: {}: out of memory; split the input or raise the memory limit\n", what);
}

// What drift reads is hundreds of thousands of small blocks (an estate's
// resources, their names and attributes), and freeing them one by one just
// before the process exits took 6 % of a run at 20,000 resources. They stay
// reachable from here, so a leak checker does not count them, and the
// system takes the pages back at exit. One drift runs per process.
struct Inputs {
  drift::DesiredLoad desired;
  drift::DeployedState deployed;
};
Inputs& inputs_kept_until_exit() {
  static auto* inputs = new Inputs();
  return *inputs;
}

int compare_and_render(const DriftOptions& opt) {
  if (!opt.environment.empty() && !model::valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kDriftError;
  }
  auto format = drift::parse_state_format(opt.state_format);
  Inputs& inputs = inputs_kept_until_exit();
  drift::DesiredLoad& desired = inputs.desired;
  desired = drift::load_desired(opt.desired, opt.environment);
  if (desired.check) {
    print_input_errors(*desired.check);
    print_text_diagnostics(*desired.check, use_color("auto"));
    std::cerr << fmt::format(
        "topoc: error: `{}` has errors; drift compares only a topology that checks cleanly\n",
        driver::display_path(opt.desired));
    return kDriftError;
  }
  if (desired.error) {
    print_error(*desired.error);
    return kDriftError;
  }
  drift::DeployedState& deployed = inputs.deployed;
  bool failed = false;
  for (const std::string& path : opt.states) {
    try {
      if (auto error =
              drift::read_state_file(path, format.value_or(drift::StateFormat::kAuto), deployed)) {
        print_error(*error);
        failed = true;
      }
    } catch (const std::bad_alloc&) {
      print_out_of_memory(fmt::format("`{}`", path));
      failed = true;
    }
  }
  if (!failed) {
    if (auto error = drift::check_pages_complete(deployed)) {
      print_error(*error);
      failed = true;
    }
  }
  if (failed) return kDriftError;
  drift::DriftReport report = drift::compare(*desired.state, deployed, {opt.ignore});
  if (opt.format == "json") {
    std::cout << drift::render_json(report);
  } else if (opt.format == "sarif") {
    std::cout << drift::render_sarif(report, kVersion);
  } else if (opt.format == "markdown") {
    std::cout << drift::render_markdown(report);
  } else {
    std::cout << drift::render_text(report);
  }
  return report.in_sync() ? kDriftInSync : kDriftFound;
}

}  // namespace

int run_drift(const DriftOptions& opt) {
  try {
    return compare_and_render(opt);
  } catch (const std::bad_alloc&) {
    print_out_of_memory("`topoc drift`");
    return kDriftError;
  }
}

}  // namespace topoc::cli
