// What an emitter produces: files with paths relative to the output
// directory, '/'-separated, sorted by path. Emitters never touch the disk;
// compiler/emit/output_tree writes the files atomically.
#pragma once

#include <string>
#include <vector>

namespace topoc::emit {

struct EmittedFile {
  std::string path;      // e.g. "environments/prod/main.tf"
  std::string contents;  // exact bytes
};

using FileTree = std::vector<EmittedFile>;
// Files held by trees elsewhere: a tree of several megabytes is looked at
// where it is, not copied.
using FileRefs = std::vector<const EmittedFile*>;

}  // namespace topoc::emit
