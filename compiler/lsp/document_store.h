// The documents the client has open, by URI, with what topoc makes of each:
// the text is checked (as `topoc check` would) once per version, and the
// syntax tree is kept for hover, navigation and completion.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "compiler/driver/check.h"
#include "compiler/lsp/text_position.h"
#include "dsl/parser.h"

namespace topoc::lsp {

// One version of a document, checked.
struct Analysis {
  std::string text;  // as the client has it
  // check_source drops a UTF-8 byte order mark; the diagnostics' offsets
  // and the tree's spans count from after it.
  uint32_t bom = 0;
  driver::CheckResult check;
  std::optional<dsl::Document> tree;  // none on a syntax error
  LineIndex lines;

  explicit Analysis(std::string text);
  Analysis(const Analysis&) = delete;  // `lines` points into `text`
  Analysis& operator=(const Analysis&) = delete;
  const model::Topology* model() const;
  // Between the checker's offsets and the client's positions.
  Position position(uint32_t offset) const { return lines.position(offset + bom); }
  nlohmann::json range(dsl::Span span) const;
  // The checker's offset of a client's position (before the text for a
  // position inside the byte order mark).
  uint32_t offset(Position p) const;
};

struct Document {
  std::string uri;
  int64_t version = 0;
  std::string text;
  std::shared_ptr<const Analysis> analysis() const;

 private:
  mutable std::shared_ptr<const Analysis> analysis_;
  mutable std::string analysed_text_;
};

class DocumentStore {
 public:
  Document& open(const std::string& uri, int64_t version, std::string text);
  Document* find(const std::string& uri);
  void close(const std::string& uri);

 private:
  std::map<std::string, Document> documents_;
};

// Applies one `TextDocumentContentChangeEvent`: with a range, the text in it
// is replaced; without one, the whole text. Throws std::invalid_argument on a
// malformed change.
void apply_change(std::string& text, const nlohmann::json& change);

}  // namespace topoc::lsp
