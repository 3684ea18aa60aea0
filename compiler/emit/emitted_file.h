// What an emitter produces: files with paths relative to the output
// directory, '/'-separated, sorted by path. Emitters never touch the disk;
// compiler/emit/output_tree writes the files atomically.
#pragma once

#include <string>
#include <string_view>
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

// Told of files as soon as they are final, before the rest of their tree
// is: `topoc build` starts writing them while the rest renders.
class FileSink {
 public:
  virtual ~FileSink() = default;
  // `contents` is the very string the tree will hold, moved into it unchanged.
  virtual void put(std::string_view path, const std::string& contents) = 0;
  // What was put so far may go on to the disk now.
  virtual void flush() = 0;
};

}  // namespace topoc::emit
