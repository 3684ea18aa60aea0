// `topoc fmt`: rewrites topology files in the canonical layout
// (compiler/format/format.h), checks that they are in it, or shows the difference.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace topoc::cli {

struct FmtOptions {
  std::vector<std::string> files;  // none or `-`: standard input to standard output
  bool check = false;
  bool diff = false;
  std::string color = "auto";
};

CLI::App* add_fmt_command(CLI::App& app, FmtOptions& options);
int run_fmt(const FmtOptions& options);

struct Replacement {
  std::string path;
  std::string contents;
};

// Replaces each file's contents atomically: the new text is written beside
// the file under a temporary name with the file's mode (and, for root, its
// owner), flushed to disk, then renamed over it; a symbolic link is followed
// and stays a link. Nothing is renamed unless every temporary file was
// written. Returns the failures; `written[i]` tells whether replacement i
// took place.
struct WriteFailure {
  std::string path;
  std::string reason;
};
std::vector<WriteFailure> replace_files(const std::vector<Replacement>& replacements,
                                        std::vector<bool>& written);

}  // namespace topoc::cli
