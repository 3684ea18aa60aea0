#include "compiler/lsp/text_position.h"

#include <algorithm>
#include <stdexcept>

namespace topoc::lsp {
namespace {

// The length of the UTF-8 sequence a byte starts: 1 for ASCII and for bytes
// that cannot start one (each then counts as one code unit, as a decoder
// that replaces them with U+FFFD would).
uint32_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
  if (c >= 0xC2) return 2;
  return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      starts_.push_back(i + 1);
    }
  }
}

uint32_t LineIndex::line_end(uint32_t line) const {
  uint32_t end =
      line + 1 < starts_.size() ? starts_[line + 1] : static_cast<uint32_t>(text_.size());
  while (end > starts_[line] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

Position LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  uint32_t units = 0;
  for (uint32_t i = starts_[line]; i < offset;) {
    uint32_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    units += n == 4 ? 2 : 1;  // beyond the Basic Multilingual Plane: a surrogate pair
    i += n;
  }
  return {line, units};
}

uint32_t LineIndex::offset(Position p) const {
  if (p.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = starts_[p.line], end = line_end(p.line), units = 0;
  while (i < end && units < p.character) {
    uint32_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    uint32_t width = n == 4 ? 2 : 1;
    // A position between the two halves of a surrogate pair means the character.
    if (units + width > p.character) break;
    units += width;
    i = std::min(i + n, end);
  }
  return i;
}

nlohmann::json to_json(Position p) {
  return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json range_json(Position begin, Position end) {
  return {{"start", to_json(begin)}, {"end", to_json(end)}};
}

Position position_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("line") || !j.contains("character") ||
      !j["line"].is_number_unsigned() || !j["character"].is_number_unsigned()) {
    throw std::invalid_argument("a position is {\"line\": n, \"character\": n}");
  }
  auto clamp = [](uint64_t v) { return static_cast<uint32_t>(std::min<uint64_t>(v, UINT32_MAX)); };
  return {clamp(j["line"].get<uint64_t>()), clamp(j["character"].get<uint64_t>())};
}

}  // namespace topoc::lsp
