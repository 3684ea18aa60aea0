// The `topoc` subcommands. Each adds its options to the application and runs
// from the options it parsed; main only wires them together.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "compiler/driver/check.h"

namespace topoc::cli {

inline constexpr const char* kVersion = "0.1.0";

// Exit codes of every command, also listed in `topoc --help` and README.md.
inline constexpr int kExitClean = 0;     // success; `build --check`: up to date
inline constexpr int kExitFindings = 1;  // errors found, output out of date, or a failed write
inline constexpr int kExitUsage = 2;     // bad arguments or a file that cannot be read

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool warnings_as_errors = false;
  std::string color = "auto";
  std::string environment;  // `--env`: check this environment alone
};

struct BuildOptions {
  std::string file;
  std::string output;
  std::string environment;
  bool check = false;
  bool dry_run = false;
  bool force = false;
  std::string format = "text";
  std::string target = "terraform";
  std::string color = "auto";
};

struct GraphOptions {
  std::string file;
  std::string format = "mermaid";
};

// `topoc drift` has exit codes of its own, those of `terraform plan
// -detailed-exitcode`, so that pipelines can branch on drift the same way.
inline constexpr int kDriftInSync = 0;
inline constexpr int kDriftError = 1;  // bad arguments, unreadable input, a topology with errors
inline constexpr int kDriftFound = 2;

struct DriftOptions {
  std::string desired;
  std::vector<std::string> states;
  std::string state_format = "auto";
  std::string format = "text";
  std::vector<std::string> ignore;
  std::string environment;
};

CLI::App* add_check_command(CLI::App& app, CheckOptions& options);
CLI::App* add_build_command(CLI::App& app, BuildOptions& options);
CLI::App* add_graph_command(CLI::App& app, GraphOptions& options);
CLI::App* add_regions_command(CLI::App& app);
CLI::App* add_metrics_command(CLI::App& app);
CLI::App* add_drift_command(CLI::App& app, DriftOptions& options);

int run_check(const CheckOptions& options);
int run_build(const BuildOptions& options);
int run_graph(const GraphOptions& options);
int run_regions();
int run_metrics();
int run_drift(const DriftOptions& options);

// Shared by the commands that run the front end first.
bool use_color(const std::string& choice);  // auto: only on a terminal
// `--env` that model::valid_environment_name refuses, as one error line.
std::string environment_name_error(const std::string& name);  // one line, with `\n`
void print_input_errors(const driver::CheckResult& result);
// Diagnostics as `topoc check` prints them: excerpts, then a count line.
void print_text_diagnostics(const driver::CheckResult& result, bool color);

}  // namespace topoc::cli
