// The `topoc` subcommands. Each adds its options to the application and runs
// from the options it parsed; main only wires them together.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/driver/check.h"

namespace topoc::cli {

// project()'s version in CMakeLists.txt (tools/cli_version.cc).
extern const char* const kVersion;

// Exit codes of every command, also listed in `topoc --help` and README.md.
inline constexpr int kExitClean = 0;     // success; `build --check`: up to date
inline constexpr int kExitFindings = 1;  // errors found, output out of date, or a failed write
inline constexpr int kExitUsage = 2;     // bad arguments or a file that cannot be read

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool warnings_as_errors = false;
  std::string color = "auto";
  std::string root;           // empty: the repository around the current directory
  std::string help_base_url;  // empty: diag::kDefaultHelpBaseUrl
  std::string environment;  // `--env`: check this environment alone
};

struct BuildOptions {
  std::string file;
  std::string output;
  std::string environment;
  bool check = false;
  bool diff = false;  // with --check: a unified diff of what is out of date
  bool dry_run = false;
  bool force = false;
  std::string format = "text";
  std::string target = "terraform";
  std::string color = "auto";
  std::string root;  // --format github: file paths relative to it
};

struct GraphOptions {
  std::string file;
  std::string format = "mermaid";
};

// `topoc regions` and `topoc metrics`.
struct CatalogOptions {
  std::string format = "text";
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
CLI::App* add_regions_command(CLI::App& app, CatalogOptions& options);
CLI::App* add_metrics_command(CLI::App& app, CatalogOptions& options);
CLI::App* add_drift_command(CLI::App& app, DriftOptions& options);
CLI::App* add_lsp_command(CLI::App& app);

// `value`, moved where no destructor reaches it. A command that exits once
// it is done leaves a large result to the process's exit, which returns the
// memory at once instead of freeing it piece by piece (a tenth of a large
// check). Reachable from a static, so leak checkers stay quiet.
template <class T>
T& kept_until_exit(T&& value) {
  static auto* kept = new std::vector<T*>;
  return *kept->emplace_back(new T(std::move(value)));
}

int run_check(const CheckOptions& options);
int run_build(const BuildOptions& options);
int run_graph(const GraphOptions& options);
int run_regions(const CatalogOptions& options);
int run_metrics(const CatalogOptions& options);
int run_drift(const DriftOptions& options);
int run_lsp();

// `topoc help [command]`: the application's help, or one command's, on
// stdout; an unknown command is a usage error with the closest name.
CLI::App* add_help_command(CLI::App& app, std::string& topic);
int run_help(CLI::App& app, const std::string& topic);
// The exit code when argv names a command `app` does not have (after
// printing the closest one and the list), or nothing when it names one.
std::optional<int> unknown_command(CLI::App& app, int argc, char** argv);

// Shared by the commands that run the front end first.
// auto: only on a terminal, and never with NO_COLOR set to anything non-empty
// or TERM=dumb (https://no-color.org); `always` wins over both.
bool use_color(const std::string& choice);
// `--root` as given, or the default: the nearest ancestor of the current
// directory holding `.git`, else the current directory. Absolute.
std::string sarif_root(const std::string& option);
// The inputs that could not be read, as the renderers name them.
std::vector<diag::ToolFailure> tool_failures(const driver::CheckResult& result);
// `--format github|azure-devops`: the diagnostics (and failures) as CI
// annotations on stdout.
void print_annotations(const std::string& format, const driver::CheckResult& result,
                       const std::string& root);
// `--env` that model::valid_environment_name refuses, as one error line.
std::string environment_name_error(const std::string& name);  // one line, with `\n`
void print_input_errors(const driver::CheckResult& result);
// Diagnostics as `topoc check` prints them: excerpts, then a count line.
void print_text_diagnostics(const driver::CheckResult& result, bool color);
// A JSON document on stdout, indented, invalid UTF-8 replaced.
void print_json(const nlohmann::ordered_json& j);
// `text` on stdout (`path` empty or `-`) or into the file `path`, atomically;
// an error on stderr and false when it cannot be written.
bool write_output(const std::string& path, const std::string& text);

}  // namespace topoc::cli
