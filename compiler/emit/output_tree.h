// Writes an emitted file tree into a directory atomically: the tree is
// assembled in a temporary sibling directory and renamed into place, so a
// failed build leaves the previous output untouched. Paths are validated so
// nothing can be written outside the output directory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/emit/emitted_file.h"

namespace topoc::emit {

struct TreeDifference {
  std::vector<std::string> added;     // would be created
  std::vector<std::string> changed;   // exist with other contents
  std::vector<std::string> removed;   // exist but would not be generated
  bool empty() const { return added.empty() && changed.empty() && removed.empty(); }
};

// Returns an error message on failure; the previous contents of `dir` are kept.
std::optional<std::string> write_tree_atomically(const std::string& dir, const FileTree& files);

// Compares `dir` with what would be written (for `topoc build --check`).
TreeDifference compare_tree(const std::string& dir, const FileTree& files);

// Rejects absolute paths, `..` components, empty components and backslashes.
bool is_safe_relative_path(const std::string& path);

}  // namespace topoc::emit
