// Whether generated Terraform (HCL) and Bicep text is balanced: every string
// closed on its line with valid escapes, every `${...}` interpolation closed,
// every heredoc or multi-line string terminated, every comment closed, and
// braces, brackets and parentheses paired outside strings and comments. Not
// a parser: a cheap check the emitter fuzzer runs on every tree it renders,
// where one unescaped user character would otherwise go unnoticed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace topoc::testing {

// "LINE:COLUMN: what is wrong", or nothing when the text is balanced.
// HCL: `"..."` strings with `${}` and `%{}` templates (`$${`, `%%{` literal),
// `<<EOT` and `<<-EOT` heredocs, `#`, `//` and `/* */` comments.
std::optional<std::string> hcl_balance_error(std::string_view text);

// Bicep: `'...'` strings with `${}` interpolation, `'''...'''` multi-line
// strings (no escapes, no interpolation), `//` and `/* */` comments.
std::optional<std::string> bicep_balance_error(std::string_view text);

}  // namespace topoc::testing
