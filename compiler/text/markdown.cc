#include "compiler/text/markdown.h"

#include <algorithm>

#include "compiler/text/visible.h"

namespace topoc {
namespace {

void append_cell_text(std::string& out, std::string_view text) {
  for (char c : escape_controls(text)) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::string markdown_cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_cell_text(out, text);
  return out;
}

std::string markdown_code(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  // A space on each side keeps a leading or trailing backtick off the fence;
  // CommonMark strips one such space from each end.
  bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  std::string out = fence + (pad ? " " : "");
  append_cell_text(out, text);
  return out + (pad ? " " : "") + fence;
}

std::string markdown_message(std::string_view text) {
  bool paired = std::count(text.begin(), text.end(), '`') % 2 == 0;
  std::string out;
  bool code = false;
  for (std::string_view rest = text; !rest.empty();) {
    size_t tick = paired ? rest.find('`') : std::string_view::npos;
    std::string_view piece = rest.substr(0, tick);
    if (code) {
      out += '`';
      append_cell_text(out, piece);
      out += '`';
    } else {
      std::string escaped;
      for (char c : piece) {
        if (std::string_view("\\`*_[]~").find(c) != std::string_view::npos) escaped += '\\';
        escaped += c;
      }
      append_cell_text(out, escaped);
    }
    if (tick == std::string_view::npos) break;
    rest.remove_prefix(tick + 1);
    code = !code;
  }
  return out;
}

}  // namespace topoc
