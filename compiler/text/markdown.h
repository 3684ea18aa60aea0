// Text from users, states and exports placed into generated Markdown.
#pragma once

#include <string>
#include <string_view>

namespace topoc {

// Safe inside a table cell and outside HTML: `|` escaped, line breaks as
// spaces, `<` and `>` as entities (a tag value `</details>` must not close
// the report's own <details>, nor open HTML of its own).
std::string markdown_cell(std::string_view text);

}  // namespace topoc
