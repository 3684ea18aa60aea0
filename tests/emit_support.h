// Reading what the emitters wrote, for tests that look at one file of a
// tree or one fragment of it.
#pragma once

#include <string>
#include <string_view>

#include "compiler/emit/emitted_file.h"

namespace topoc::testing {

// The contents of the file at `path` in `files`, or "<missing>".
inline const std::string& emitted_file(const emit::FileTree& files, std::string_view path) {
  static const std::string kNone = "<missing>";
  for (const emit::EmittedFile& f : files) {
    if (f.path == path) return f.contents;
  }
  return kNone;
}

inline bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

}  // namespace topoc::testing
