// `topoc version` and `topoc --version`: the release, the commit it was built
// from and the dates of the compiled-in availability tables.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace topoc::cli {

struct VersionOptions {
  std::string format = "text";
};

// "topoc 0.1.0 (commit 1a2b3c4)", what `--version` prints.
std::string version_line();

CLI::App* add_version_command(CLI::App& app, VersionOptions& options);
int run_version(const VersionOptions& options);

}  // namespace topoc::cli
