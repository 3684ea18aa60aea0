// Positions as the Language Server Protocol counts them (0-based line,
// UTF-16 code units within the line) and byte offsets as topoc counts them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // UTF-16 code units
};

// The line starts of one text. Lines end at LF, CR LF or a lone CR, as the
// protocol defines them.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  Position position(uint32_t offset) const;
  // The byte offset of a position; a character past the end of its line
  // means the line's end, a line past the last the end of the text.
  uint32_t offset(Position position) const;
  Position end() const { return position(static_cast<uint32_t>(text_.size())); }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
  uint32_t line_end(uint32_t line) const;  // before its terminator
};

nlohmann::json to_json(Position p);
nlohmann::json range_json(Position begin, Position end);
// Reads {"line": n, "character": n}; throws std::invalid_argument otherwise.
Position position_from_json(const nlohmann::json& j);

}  // namespace topoc::lsp
