// The formatter's output, built line by line: each line knows its
// indentation and, for an attribute, where its `=` goes, so that the `=` of
// consecutive attributes can be aligned once every line is known.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::format {

inline constexpr size_t kIndentWidth = 2;  // spaces per block level

class LineBuffer {
 public:
  // Starts a new line at `level` block levels of indentation.
  void start_line(size_t level);
  // Ends the text with a blank line, unless it is empty or ends with one.
  void blank_line();
  // Appends `text` to the current line, after `separator` unless the line
  // has no text yet.
  void put(std::string_view text, std::string_view separator);
  // Marks the end of the current line as the place of an aligned ` =`.
  void mark_alignment();

  size_t line_count() const { return lines_.size(); }
  bool line_is_empty() const { return lines_.empty() || lines_.back().text.empty(); }

  // The text: `=` aligned in each run of consecutive marked lines at one
  // indentation, no trailing whitespace, one final line feed (none when empty).
  std::string finish();

 private:
  struct Line {
    size_t level = 0;
    std::string text;  // without indentation
    std::optional<size_t> align_at;
  };
  // Marked and on one line: a comment spanning lines ends any alignment.
  bool alignable(size_t i) const;
  void align_run(size_t first, size_t last);

  std::vector<Line> lines_;
};

}  // namespace topoc::format
