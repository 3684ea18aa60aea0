// `topoc diff OLD NEW` / `topoc diff --base REF NEW`: both topologies checked
// and built into estates, compared (compiler/report/diff.h), rendered.
#include "tools/cli_diff.h"

#include <fmt/format.h>

#include <iostream>
#include <new>
#include <sstream>

#include "compiler/estate/estate.h"
#include "compiler/model/path_names.h"
#include "compiler/report/diff.h"
#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {
namespace {

constexpr std::string_view kWidening = "residency-widening";
constexpr std::string_view kDestructive = "destructive";

// One side, checked: the estate points into `check`'s model, so a side is
// built in place and never moved afterwards.
struct Side {
  driver::CheckResult check;
  std::optional<estate::Estate> estate;
  std::string label;
};

bool failed(const Side& side) {
  return !side.check.input_errors.empty() || side.check.sink.error_count() > 0 ||
         side.check.models.empty() || !side.check.models.front();
}

// Errors as `topoc check` prints them, then the line saying which side.
void report_errors(const Side& side) {
  print_input_errors(side.check);
  if (side.check.input_errors.empty()) {
    print_text_diagnostics(side.check, use_color("auto"));
    std::cerr << fmt::format(
        "topoc: error: `{}` has errors; diff compares only topologies that check cleanly\n",
        visible(truncated(side.label)));
  }
}

void build(Side& side, const std::string& environment) {
  side.check.sink.sort();
  if (failed(side)) return;
  side.estate.emplace(estate::build_estate(*side.check.models.front(), {environment}));
}

// `--fail-on a,b --fail-on c` as a list of names, or the one it does not know.
std::optional<std::string> unknown_fail_on(const std::vector<std::string>& values, bool& widening,
                                           bool& destructive) {
  for (const std::string& value : values) {
    std::stringstream items(value);
    for (std::string item; std::getline(items, item, ',');) {
      if (item == kWidening) {
        widening = true;
      } else if (item == kDestructive) {
        destructive = true;
      } else {
        return item;
      }
    }
  }
  return std::nullopt;
}

int compare(const DiffOptions& opt) {
  bool fail_widening = false, fail_destructive = false;
  if (auto unknown = unknown_fail_on(opt.fail_on, fail_widening, fail_destructive)) {
    std::cerr << fmt::format(
        "topoc: error: `--fail-on {}` is not a condition; write `residency-widening`, "
        "`destructive` or both (`--fail-on residency-widening,destructive`)\n",
        visible(truncated(*unknown)));
    return kDiffError;
  }
  const size_t wanted = opt.base.empty() ? 2 : 1;
  if (opt.files.size() != wanted) {
    std::cerr << (opt.base.empty()
                      ? "topoc: error: give two topology files, `topoc diff OLD NEW`, or one "
                        "with a git revision, `topoc diff --base main NEW`\n"
                      : "topoc: error: with `--base`, give only the new topology file: `topoc "
                        "diff --base main NEW`\n");
    return kDiffError;
  }
  if (!opt.environment.empty() && !model::valid_environment_name(opt.environment)) {
    std::cerr << environment_name_error(opt.environment);
    return kDiffError;
  }
  const driver::Overrides overrides{opt.environment, false};
  Side before, after;
  if (opt.base.empty()) {
    before.label = driver::display_path(opt.files[0]);
    before.check = driver::check_files({opt.files[0]}, overrides);
  } else {
    GitFile old = read_at_revision(opt.base, opt.files[0]);
    if (!old.error.empty()) {
      std::cerr << "topoc: error: " << old.error << "\n";
      return kDiffError;
    }
    before.label = old.label;
    driver::check_source(before.check, old.label, std::move(old.text), overrides);
  }
  const std::string& new_path = opt.files.back();
  after.label = driver::display_path(new_path);
  after.check = driver::check_files({new_path}, overrides);
  build(before, opt.environment);
  build(after, opt.environment);
  if (failed(before) || failed(after)) {
    if (failed(before)) report_errors(before);
    if (failed(after)) report_errors(after);
    return kDiffError;
  }
  report::Diff diff =
      report::diff_sides({&*before.estate, &before.check.files.front(), before.label},
                         {&*after.estate, &after.check.files.front(), after.label});
  std::string text = opt.format == "json"       ? report::render_json(diff)
                     : opt.format == "markdown" ? report::render_markdown(diff)
                                                : report::render_text(diff);
  if (!write_output(opt.output, text)) return kDiffError;
  if (diff.empty()) return kDiffNone;
  int code = kDiffChanges;
  if (fail_widening && diff.residency.widening_tenants() > 0) {
    std::cerr << fmt::format(
        "topoc: --fail-on residency-widening: the data of {} tenant(s) may reach locations it "
        "could not reach before\n",
        diff.residency.widening_tenants());
    code = kDiffFailOn;
  }
  if (fail_destructive && diff.estate.destructive() > 0) {
    std::cerr << fmt::format(
        "topoc: --fail-on destructive: {} stateful resource(s) would be replaced or destroyed\n",
        diff.estate.destructive());
    code = kDiffFailOn;
  }
  return code;
}

}  // namespace

CLI::App* add_diff_command(CLI::App& app, DiffOptions& opt) {
  auto* cmd = app.add_subcommand(
      "diff", "Show what a change of topology does to the estate and to residency");
  cmd->add_option("files", opt.files,
                  "OLD NEW topology files; with --base, only NEW (OLD is NEW's path in that "
                  "git revision)")
      ->required();
  cmd->add_option("--base", opt.base,
                  "Git revision (branch, tag, commit) holding the old topology at the same path");
  cmd->add_option("--env", opt.environment,
                  "Environment to compare on both sides (default: each topology's own)");
  cmd->add_option("--format", opt.format,
                  "Report format: text, markdown (a pull-request comment, under 65,536 "
                  "characters) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("-o,--output", opt.output, "Write the report to this file instead of stdout");
  cmd->add_option("--fail-on", opt.fail_on,
                  "Exit 3 when the change has this: residency-widening, destructive; repeat or "
                  "separate with commas")
      ->allow_extra_args(false);
  cmd->footer(
      "Exit codes (as `terraform plan -detailed-exitcode`, plus --fail-on): 0 no change,\n"
      "1 error (bad arguments, unreadable input, a topology with errors, no such file at the\n"
      "--base revision), 2 changes, 3 changes that --fail-on names. docs/diff.md has the "
      "details.\n\n"
      "Examples:\n"
      "  topoc diff old.topo platform.topo\n"
      "  topoc diff --base origin/main platform.topo --format markdown -o diff.md\n"
      "  topoc diff --base main platform.topo --fail-on residency-widening,destructive");
  return cmd;
}

int run_diff(const DiffOptions& opt) {
  try {
    return compare(opt);
  } catch (const std::bad_alloc&) {
    std::cerr << "topoc: error: `topoc diff`: out of memory; raise the memory limit\n";
    return kDiffError;
  }
}

}  // namespace topoc::cli
