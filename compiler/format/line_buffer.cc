#include "compiler/format/line_buffer.h"

#include <algorithm>

namespace topoc::format {
namespace {

// Columns a terminal gives `text`: one per code point (UTF-8 lead byte).
size_t columns(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

}  // namespace

bool LineBuffer::alignable(size_t i) const {
  return lines_[i].align_at && lines_[i].text.find('\n') == std::string::npos;
}

void LineBuffer::start_line(size_t level) {
  lines_.push_back({level, "", std::nullopt});
}

void LineBuffer::blank_line() {
  if (lines_.empty() || lines_.back().text.empty()) return;
  lines_.push_back({0, "", std::nullopt});
}

void LineBuffer::put(std::string_view text, std::string_view separator) {
  if (lines_.empty()) start_line(0);
  std::string& line = lines_.back().text;
  if (!line.empty()) line += separator;
  line += text;
}

void LineBuffer::mark_alignment() {
  if (!lines_.empty()) lines_.back().align_at = lines_.back().text.size();
}

void LineBuffer::align_run(size_t first, size_t last) {
  size_t width = 0;
  for (size_t i = first; i < last; ++i) {
    width =
        std::max(width, columns(std::string_view(lines_[i].text).substr(0, *lines_[i].align_at)));
  }
  for (size_t i = first; i < last; ++i) {
    Line& line = lines_[i];
    size_t have = columns(std::string_view(line.text).substr(0, *line.align_at));
    line.text.insert(*line.align_at, width - have, ' ');
  }
}

std::string LineBuffer::finish() {
  for (size_t i = 0; i < lines_.size();) {
    if (!alignable(i)) {
      ++i;
      continue;
    }
    size_t last = i + 1;
    while (last < lines_.size() && alignable(last) && lines_[last].level == lines_[i].level) {
      ++last;
    }
    align_run(i, last);
    i = last;
  }
  while (!lines_.empty() && lines_.back().text.empty()) lines_.pop_back();
  std::string out;
  for (const Line& line : lines_) {
    if (!line.text.empty()) out.append(line.level * kIndentWidth, ' ');
    out += line.text;
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
    out += '\n';
  }
  return out;
}

}  // namespace topoc::format
