// PROVISIONAL: stands in for `topoc fmt`'s formatter until it is merged,
// which replaces this file (delete it then). It keeps the declared contract
// that the language server relies on: nothing for text that does not parse,
// and the text itself, unchanged, otherwise.
#include "compiler/format/format.h"
#include "dsl/parser.h"

namespace topoc::format {

std::optional<std::string> format_source(std::string_view text) {
  dsl::SourceFile file("<format>", std::string(text));
  if (dsl::parse(file).error) return std::nullopt;
  return std::string(text);
}

}  // namespace topoc::format
