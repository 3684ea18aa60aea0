// `topoc help [command]` and the answer to a command topoc does not have.
#include <fmt/format.h>

#include <iostream>
#include <string_view>
#include <vector>

#include "compiler/diag/suggest.h"
#include "compiler/text/visible.h"
#include "tools/cli.h"

namespace topoc::cli {
namespace {

std::vector<std::string> command_names(CLI::App& app) {
  std::vector<std::string> names;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

// "topoc: error: unknown command `chek`; did you mean `check`?" and the list.
int print_unknown(CLI::App& app, std::string_view name) {
  std::vector<std::string> names = command_names(app);
  std::string hint;
  if (auto close = diag::closest(name, names)) hint = fmt::format("; did you mean `{}`?", *close);
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  std::cerr << fmt::format("topoc: error: unknown command `{}`{}\ncommands: {}\n",
                           visible(truncated(std::string(name))), hint, list);
  return kExitUsage;
}

}  // namespace

CLI::App* add_help_command(CLI::App& app, std::string& topic) {
  auto* cmd = app.add_subcommand("help", "Show the help of topoc or of one command");
  cmd->add_option("command", topic, "The command to explain");
  cmd->footer("Examples:\n  topoc help\n  topoc help check");
  return cmd;
}

int run_help(CLI::App& app, const std::string& topic) {
  if (topic.empty()) {
    // app.help() would describe the selected subcommand, `help` itself.
    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return kExitClean;
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == topic) {
      std::cout << sub->help(app.get_name());
      return kExitClean;
    }
  }
  return print_unknown(app, topic);
}

std::optional<int> unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2) return std::nullopt;
  std::string_view first = argv[1];
  if (first.empty() || first.front() == '-') return std::nullopt;  // an option: CLI11 answers
  for (const std::string& n : command_names(app)) {
    if (n == first) return std::nullopt;
  }
  return print_unknown(app, first);
}

}  // namespace topoc::cli
