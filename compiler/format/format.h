// `topoc fmt`: the one canonical layout of a topology file. The layout is
// described in dsl/README.md ("Layout"); formatting is idempotent and keeps
// the meaning of the file (its syntax tree) and every comment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace topoc::format {

// The text in canonical layout, or nothing when it does not parse (`topoc
// check` reports why). A UTF-8 byte order mark, which `check` ignores, is kept.
std::optional<std::string> format_source(std::string_view text);

}  // namespace topoc::format
