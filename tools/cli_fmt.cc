// `topoc fmt`: the canonical layout, written in place, checked, or shown as a diff.
#include "tools/cli_fmt.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "compiler/format/format.h"
#include "compiler/format/unified_diff.h"
#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {
namespace {

struct Formatted {
  std::string path;  // as given; `-` for standard input
  std::string before;
  std::string after;
};

}  // namespace

CLI::App* add_fmt_command(CLI::App& app, FmtOptions& opt) {
  auto* cmd = app.add_subcommand("fmt", "Rewrite topology files in the canonical layout");
  cmd->add_option("files", opt.files,
                  "Topology files, rewritten in place and named on stdout when they change; `-` or "
                  "none: standard input to standard output");
  cmd->add_flag("--check", opt.check,
                "Write nothing; list the files not in the canonical layout and exit 1 if any");
  cmd->add_flag("--diff", opt.diff, "Print what would change as a unified diff");
  cmd->add_option("--color", opt.color, "Colour syntax errors: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->footer(
      "The layout is described in dsl/README.md (\"Layout\"). A file with a syntax error is\n"
      "reported as `topoc check` reports it, and no file is written.\n\n"
      "Exit codes: 0 formatted (or, with --check, already in the layout), 1 a syntax error, a\n"
      "file not in the layout under --check, or a failed write, 2 usage error or a file that\n"
      "cannot be read.\n\n"
      "Examples:\n"
      "  topoc fmt platform.topo\n"
      "  topoc fmt --check --diff examples/*.topo     # in CI\n"
      "  topoc fmt - < platform.topo                  # as an editor's formatter");
  return cmd;
}

int run_fmt(const FmtOptions& opt) {
  std::vector<std::string> paths = opt.files;
  if (paths.empty()) paths.push_back(std::string(driver::kStdinPath));
  bool from_stdin = paths.size() == 1 && paths.front() == driver::kStdinPath;
  if (!from_stdin && std::find(paths.begin(), paths.end(), driver::kStdinPath) != paths.end()) {
    std::cerr << "topoc: error: `-` (standard input) cannot be formatted together with files\n";
    return kExitUsage;
  }

  // Everything is read and formatted first: one unreadable file or syntax
  // error and nothing is written.
  driver::CheckResult failed;
  std::vector<Formatted> formatted;
  for (const std::string& path : paths) {
    std::string text;
    if (auto error = driver::read_file(path, text)) {
      failed.input_errors.push_back({driver::display_path(path), *error});
      continue;
    }
    std::optional<std::string> layout = format::format_source(text);
    if (!layout) {
      // The parse fails again there, so only the syntax error is reported.
      driver::check_source(failed, driver::display_path(path), std::move(text));
      continue;
    }
    formatted.push_back({path, std::move(text), std::move(*layout)});
  }
  print_input_errors(failed);
  failed.sink.sort();
  print_text_diagnostics(failed, use_color(opt.color));
  if (!failed.input_errors.empty()) return kExitUsage;
  if (failed.sink.error_count() > 0) return kExitFindings;

  std::vector<Replacement> replacements;
  for (const Formatted& f : formatted) {
    if (f.before == f.after) continue;
    std::string name = visible(driver::display_path(f.path));
    if (opt.diff) {
      std::cout << format::unified_diff(f.before, f.after, name, name);
    } else if (opt.check) {
      std::cout << name << "\n";
    }
    replacements.push_back({f.path, f.after});
  }
  if (opt.check) return replacements.empty() ? kExitClean : kExitFindings;
  if (from_stdin) {
    if (!opt.diff) std::cout << formatted.front().after;
    return kExitClean;
  }
  std::vector<bool> written;
  std::vector<WriteFailure> failures = replace_files(replacements, written);
  for (size_t i = 0; i < replacements.size(); ++i) {
    if (written[i] && !opt.diff) std::cout << visible(replacements[i].path) << "\n";
  }
  std::cout.flush();
  for (const WriteFailure& failure : failures) {
    std::cerr << fmt::format("topoc: error: cannot write `{}`: {}\n", visible(failure.path),
                             failure.reason);
  }
  return failures.empty() ? kExitClean : kExitFindings;
}

}  // namespace topoc::cli
