// Renders collected diagnostics for people (text), tools (JSON) and code
// scanning (SARIF 2.1.0). Line and column are computed here, when printed.
#pragma once

#include <span>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "dsl/source.h"

namespace topoc::diag {

struct TextStyle {
  bool color = false;
};

std::string render_text(std::span<const dsl::SourceFile> files, std::span<const Diagnostic> diagnostics,
                        TextStyle style = {});
std::string render_json(std::span<const dsl::SourceFile> files, std::span<const Diagnostic> diagnostics);
std::string render_sarif(std::span<const dsl::SourceFile> files, std::span<const Diagnostic> diagnostics,
                         std::string_view tool_version);

const char* severity_name(Severity s);

// A message as every renderer shows it (quoted_message in
// compiler/text/visible.h): control characters and backticks in quoted user
// text escaped, each quoted piece cut to a few hundred bytes, so a 10 MB name
// makes a one-line message. Diagnostic messages pass through it when
// reported; renderers pass notes and help.
std::string bounded_message(std::string_view message);

// A file path as a SARIF artifact URI: relative, `/`-separated, with every
// byte a URI reference may not hold percent-encoded.
std::string sarif_uri(std::string_view path);

}  // namespace topoc::diag
