// Text from users, states and exports placed into generated Markdown.
#pragma once

#include <string>
#include <string_view>

namespace topoc {

// Safe inside a table cell and outside HTML: `|` escaped, control
// characters as escapes (compiler/text/visible.h: a line break shows as
// `\n`), `<` and `>` as entities (a tag value `</details>` must not close
// the report's own <details>, nor open HTML of its own).
std::string markdown_cell(std::string_view text);

// User text as a code span: fenced by one backtick more than the longest run
// inside it, so a backtick in a name cannot end the span early; otherwise
// escaped as markdown_cell escapes.
std::string markdown_code(std::string_view text);

// A message in topoc's style, prose with `quoted` names, as Markdown: each
// backtick pair stays a code span; the prose around them has Markdown's
// punctuation escaped. User text that upsets the pairing can thus at worst
// show a stray backtick, never make a link, an image or emphasis.
std::string markdown_message(std::string_view text);

}  // namespace topoc
