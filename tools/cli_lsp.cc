// `topoc lsp`: the language server, on standard input and output.
#include <iostream>

#include "compiler/lsp/server.h"
#include "tools/cli.h"

namespace topoc::cli {

CLI::App* add_lsp_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "lsp", "Run the language server (Language Server Protocol over standard input and output)");
  cmd->footer(
      "Editors start this command themselves (docs/editors.md). It reads JSON-RPC messages\n"
      "framed by Content-Length headers on stdin and answers on stdout; stderr gets one line\n"
      "per refused message. Exit codes: 0 after `shutdown` and `exit`, 1 otherwise.");
  return cmd;
}

int run_lsp() {
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, std::cout, std::cerr, kVersion);
}

}  // namespace topoc::cli
