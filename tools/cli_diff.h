// `topoc diff`: what a change of topology does to the estate and to
// residency (compiler/report/diff.h), with the exit codes of `terraform plan
// -detailed-exitcode` and `--fail-on` for pipelines.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace topoc::cli {

inline constexpr int kDiffNone = 0;
inline constexpr int kDiffError = 1;    // bad arguments, unreadable input, errors in a topology
inline constexpr int kDiffChanges = 2;  // changes, none that --fail-on names
inline constexpr int kDiffFailOn = 3;   // a change --fail-on names

struct DiffOptions {
  std::vector<std::string> files;  // OLD NEW, or NEW with --base
  std::string base;                // git revision holding OLD
  std::string environment;
  std::string format = "text";
  std::string output;                // -o; empty: stdout
  std::vector<std::string> fail_on;  // residency-widening, destructive
};

CLI::App* add_diff_command(CLI::App& app, DiffOptions& options);
int run_diff(const DiffOptions& options);

// The text of `path` at git revision `ref`: `git show REF:PATH`, with PATH
// relative to the repository root (`git rev-parse --show-prefix` of the
// file's directory). git runs without a shell, from an argument vector.
// Returns the error as one line instead of the text on failure.
struct GitFile {
  std::string text;
  std::string label;  // `REF:path` as shown in reports
  std::string error;  // non-empty on failure
};
GitFile read_at_revision(const std::string& ref, const std::string& path);

}  // namespace topoc::cli
