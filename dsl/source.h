// Source text and byte spans. Line and column are computed only when a
// diagnostic is printed, from the line-start table built once per file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::dsl {

// A half-open byte range [begin, end) in one source file.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, counted in bytes
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineCol line_col(uint32_t offset) const;
  // The full text of the 1-based line, without its line terminator.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace topoc::dsl
