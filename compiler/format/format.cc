#include "compiler/format/format.h"

#include "compiler/format/printer.h"
#include "dsl/parser.h"

namespace topoc::format {

std::optional<std::string> format_source(std::string_view text) {
  // `check` reads past a byte order mark (compiler/driver/check.cc); so does fmt.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  std::string_view bom = text.starts_with(kByteOrderMark) ? kByteOrderMark : std::string_view();
  dsl::SourceFile file("fmt.topo", std::string(text.substr(bom.size())));
  dsl::ParseResult parsed = dsl::parse(file);
  if (parsed.error) return std::nullopt;
  return std::string(bom) + print_document(file.text(), parsed.document);
}

}  // namespace topoc::format
