// Writes a parsed document back in canonical layout: the tokens come from
// the source text at the syntax tree's spans, byte for byte, and the
// comments from the gaps between them.
#pragma once

#include <string>
#include <string_view>

#include "dsl/syntax_tree.h"

namespace topoc::format {

std::string print_document(std::string_view text, const dsl::Document& document);

}  // namespace topoc::format
