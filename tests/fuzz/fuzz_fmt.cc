// libFuzzer target: any bytes that parse as a topology are formatted, and the
// formatted text must parse, mean the same (tests/fuzz/same_meaning.h: the
// syntax tree, every diagnostic, the Terraform and Bicep trees) and format to
// itself. Bytes that do not parse must be refused, not formatted.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "compiler/format/format.h"
#include "dsl/parser.h"
#include "tests/fuzz/same_meaning.h"

namespace {

void fail(const char* what, const std::string& text) {
  std::fprintf(stderr, "fmt %s; formatted text:\n%s\n", what, text.c_str());
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<std::string> formatted = topoc::format::format_source(text);
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  bool parses = !topoc::dsl::parse(topoc::dsl::SourceFile("fuzz.topo", std::string(body))).error;
  if (parses != formatted.has_value())
    fail(parses ? "refused a file that parses" : "formatted a file that does not parse",
         formatted.value_or(""));
  if (!formatted) return 0;
  if (topoc::format::format_source(*formatted) != formatted) fail("is not idempotent", *formatted);
  if (topoc::testing::meaning_of(text) != topoc::testing::meaning_of(*formatted)) {
    fail("changed the meaning", *formatted);
  }
  return 0;
}
