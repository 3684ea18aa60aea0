// User text shown to people (diagnostics, reports, README, diagrams). A name
// may hold a newline, an ANSI escape or a NUL; printed raw, it could start a
// `::error::` line in a CI log or repaint the terminal. Such characters are
// shown the way the topology language writes them: `\n`, `\t`, `\r` and
// `\u{1b}`, so what a reader sees can be pasted back into a .topo string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace topoc {

// Quoted user text in a message keeps at most this many bytes.
inline constexpr size_t kMaxQuotedBytes = 200;

// Control characters (C0, DEL, C1), the bidirectional overrides and line
// separators written as escapes; bytes that are not UTF-8 as `\xff`. Other
// text, topoc's own backticks included, is left as it is.
std::string escape_controls(std::string_view text);

// escape_controls, with backticks as `\u{60}` too, so that the text cannot
// close the backtick quote it is shown in.
std::string visible(std::string_view text);

// The first kMaxQuotedBytes of `text` (cut at a character boundary), then
// `…` and the whole length: "xxxx… (10485760 bytes)". Shorter text is
// returned as it is.
std::string truncated(std::string_view text, size_t max_bytes = kMaxQuotedBytes);

// A message in topoc's style, prose with `quoted` user text, made safe to
// print: control characters escaped, each quoted piece cut to
// kMaxQuotedBytes, and a backtick inside a quoted piece written `\u{60}`. A
// backtick closes a quote only when no letter, digit, `_` or backtick
// follows it, so `a`b` is one quoted piece; user text holding a backtick
// before a space can still end its quote early, which shows oddly but
// bounded and escaped.
std::string quoted_message(std::string_view message);

}  // namespace topoc
