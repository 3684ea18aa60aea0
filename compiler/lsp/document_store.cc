#include "compiler/lsp/document_store.h"

#include <stdexcept>

namespace topoc::lsp {

Analysis::Analysis(std::string text_in) : text(std::move(text_in)), lines(text) {
  if (text.starts_with("\xEF\xBB\xBF")) bom = 3;
  driver::check_source(check, "document.topo", text);
  check.sink.sort();
  // The checker keeps no tree; parsing again costs little next to the rules.
  if (!check.files.empty()) {
    dsl::ParseResult parsed = dsl::parse(check.files.front());
    if (!parsed.error) tree = std::move(parsed.document);
  }
}

const model::Topology* Analysis::model() const {
  if (check.models.empty() || !check.models.front()) return nullptr;
  return &*check.models.front();
}

nlohmann::json Analysis::range(dsl::Span span) const {
  return range_json(position(span.begin), position(span.end));
}

uint32_t Analysis::offset(Position p) const {
  uint32_t o = lines.offset(p);
  return o < bom ? 0 : o - bom;
}

std::shared_ptr<const Analysis> Document::analysis() const {
  if (!analysis_ || analysed_text_ != text) {
    analysis_ = std::make_shared<Analysis>(text);
    analysed_text_ = text;
  }
  return analysis_;
}

Document& DocumentStore::open(const std::string& uri, int64_t version, std::string text) {
  Document& d = documents_[uri];
  d.uri = uri;
  d.version = version;
  d.text = std::move(text);
  return d;
}

Document* DocumentStore::find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

void DocumentStore::close(const std::string& uri) {
  documents_.erase(uri);
}

void apply_change(std::string& text, const nlohmann::json& change) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string()) {
    throw std::invalid_argument("a content change needs `text`");
  }
  const std::string& replacement = change["text"].get_ref<const std::string&>();
  if (!change.contains("range") || change["range"].is_null()) {
    text = replacement;
    return;
  }
  const nlohmann::json& range = change["range"];
  if (!range.is_object() || !range.contains("start") || !range.contains("end")) {
    throw std::invalid_argument("a range is {\"start\": ..., \"end\": ...}");
  }
  LineIndex lines(text);
  uint32_t begin = lines.offset(position_from_json(range["start"]));
  uint32_t end = lines.offset(position_from_json(range["end"]));
  if (end < begin) throw std::invalid_argument("a range ends before it starts");
  text.replace(begin, end - begin, replacement);
}

}  // namespace topoc::lsp
