// `topoc residency`: where each boundary's (or one tenant's) data may be,
// as Markdown, JSON or a self-contained HTML page with a map.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace topoc::cli {

struct ResidencyOptions {
  std::string file;
  std::string tenant;
  std::string boundary;
  std::string format = "markdown";
  std::string output;  // empty: stdout
  std::string environment;
};

CLI::App* add_residency_command(CLI::App& app, ResidencyOptions& options);
int run_residency(const ResidencyOptions& options);

}  // namespace topoc::cli
