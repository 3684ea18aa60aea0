#include "dsl/parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tao/pegtl.hpp>

#include "dsl/grammar.h"
#include "dsl/grammar_errors.h"
#include "dsl/recovery.h"

namespace topoc::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

struct OpenBlock {
  Span key_span;
  std::string key;
};

struct BuildState {
  const char* base = nullptr;
  const char* end = nullptr;
  bool too_deep = false;
  Document* document = nullptr;
  // The items being built, innermost last. Each is built where it ends up,
  // the last item of its parent's body: that body grows only once the item is
  // complete and its next sibling starts, so these stay valid while open.
  std::vector<Node*> nodes;
  std::vector<OpenBlock> open_blocks;
  Value current;  // the last complete value
  Value list;     // the list being built

  Span span_of(const char* begin, const char* end) const {
    return {static_cast<uint32_t>(begin - base), static_cast<uint32_t>(end - base)};
  }
  template <typename Input>
  Span span_of(const Input& in) const {
    return span_of(in.begin(), in.end());
  }
};

// The grammar reuses `string_literal` and `identifier` in several roles; these
// wrappers give each role its own action.
template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::key> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    std::vector<Node>& parent = st.nodes.empty() ? st.document->items : st.nodes.back()->body;
    Node& node = parent.emplace_back();
    st.nodes.push_back(&node);
    node.key.assign(in.begin(), in.size());
    node.key_span = st.span_of(in);
    node.span.begin = node.key_span.begin;
  }
};

template <>
struct action<g::label> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    Label label;
    std::string_view raw(in.begin(), in.size());
    label.quoted = !raw.empty() && raw.front() == '"';
    label.text = label.quoted ? decode_string_literal(raw) : std::string(raw);
    label.span = st.span_of(in);
    st.nodes.back()->labels.push_back(std::move(label));
  }
};

template <>
struct action<g::scalar> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    std::string_view raw(in.begin(), in.size());
    // Written over the last value, which was moved out of `current`.
    Value& v = st.current;
    v.span = st.span_of(in);
    v.number = 0;
    v.items.clear();
    if (raw.front() == '"') {
      v.kind = ValueKind::kString;
      v.text = decode_string_literal(raw);
    } else if (raw.find('/') != std::string_view::npos) {
      v.kind = ValueKind::kCidr;
      v.text.assign(raw);
    } else if (raw.front() == '-' || (raw.front() >= '0' && raw.front() <= '9')) {
      size_t unit_at = raw.find_first_not_of("-0123456789.");
      std::string number(raw.substr(0, unit_at));
      v.number = std::strtod(number.c_str(), nullptr);
      if (unit_at == std::string_view::npos) {
        v.kind = ValueKind::kNumber;
        v.text.clear();
      } else {
        v.kind = ValueKind::kQuantity;
        v.text.assign(raw.substr(unit_at));
      }
    } else {
      v.kind = ValueKind::kIdentifier;
      v.text.assign(raw);
    }
  }
};

template <>
struct action<g::list_open> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    st.list = Value{};
    st.list.kind = ValueKind::kList;
    st.list.span.begin = st.span_of(in).begin;
  }
};

template <>
struct action<g::list_item> {
  template <typename Input>
  static void apply(const Input&, BuildState& st) {
    st.list.items.push_back(std::move(st.current));
  }
};

template <>
struct action<g::list> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    st.list.span.end = st.span_of(in).end;
    st.current = std::move(st.list);
  }
};

template <>
struct action<g::attribute_value> {
  template <typename Input>
  static void apply(const Input&, BuildState& st) {
    st.nodes.back()->value = std::move(st.current);
  }
};

template <>
struct action<g::block_open> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    Node& node = *st.nodes.back();
    node.is_block = true;
    st.open_blocks.push_back({node.key_span, node.key});
    if (st.open_blocks.size() == 1) {
      // The top-level block (the topology) holds nearly every item of a large
      // file, tenants mostly, about 40 bytes each: reserved for one item per
      // 32 bytes that remain, its items are not moved again and again as it
      // grows. Address space only: the pages are touched as items arrive.
      node.body.reserve(static_cast<size_t>(st.end - in.end()) / 32);
    }
    if (static_cast<int>(st.open_blocks.size()) > kMaxNesting) {
      st.too_deep = true;
      throw pegtl::parse_error(
          fmt::format("blocks are nested more than {} levels deep", kMaxNesting), in);
    }
  }
};

template <>
struct action<g::block_close> {
  template <typename Input>
  static void apply(const Input&, BuildState& st) {
    st.open_blocks.pop_back();
  }
};

template <>
struct action<g::item> {
  template <typename Input>
  static void apply(const Input& in, BuildState& st) {
    st.nodes.back()->span.end = st.span_of(in).end;
    st.nodes.pop_back();
  }
};

template <typename Rule>
using control = pegtl::must_if<g::error_messages>::control<Rule>;

std::string describe_found(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return "end of file";
  unsigned char c = static_cast<unsigned char>(text[offset]);
  if (c == '\n' || c == '\r') return "end of line";
  if (c >= 0x80) return "a non-ASCII character";
  if (c < 0x20 || c == 0x7f) return fmt::format("byte 0x{:02x}", c);
  return fmt::format("`{}`", static_cast<char>(c));
}

// Errors whose cause the layout can place better than the parser's position.
std::optional<SyntaxError> explain(std::string_view text, const BuildState& st,
                                   std::string_view message, uint32_t offset) {
  if (st.too_deep) return std::nullopt;
  if (message == g::error_message<g::block_open> && !st.nodes.empty()) {
    const Node& node = *st.nodes.back();
    ItemHeader header{node.key_span, {}};
    for (const Label& label : node.labels) header.labels.push_back(label.span);
    return explain_missing_separator(text, header, offset);
  }
  bool stray_close =
      message == g::error_message<g::end_of_file> && offset < text.size() && text[offset] == '}';
  bool open_at_end = message == g::error_message<g::block_close> && offset >= text.size();
  if (stray_close || open_at_end) return explain_unbalanced_braces(text, offset);
  return std::nullopt;
}

}  // namespace

ParseResult parse(const SourceFile& file) {
  ParseResult result;
  const std::string& text = file.text();
  if (auto encoding = detect_utf16(text)) {
    result.error =
        SyntaxError{SyntaxErrorKind::kUtf16,
                    {0, 0},
                    fmt::format("the file is {}, not UTF-8; save the file as UTF-8", *encoding),
                    {}};
    return result;
  }
  if (auto cr = find_lone_carriage_return(text)) {
    result.error = SyntaxError{SyntaxErrorKind::kCarriageReturn,
                               {*cr, *cr + 1},
                               "a line ends with a carriage return alone (classic Mac OS line "
                               "endings); save the file with LF or CRLF line endings",
                               {}};
    return result;
  }
  if (auto bad = find_invalid_utf8(text)) {
    result.error = SyntaxError{SyntaxErrorKind::kInvalidUtf8, {*bad, *bad + 1},
                               fmt::format("the file is not valid UTF-8 (byte 0x{:02x} at offset {})",
                                           static_cast<unsigned char>(text[*bad]), *bad),
                               {}};
    return result;
  }
  BuildState st;
  st.base = text.data();
  st.end = text.data() + text.size();
  st.document = &result.document;
  st.nodes.reserve(kMaxNesting + 2);  // the deepest nesting allowed, and its attribute
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), file.path());
  try {
    pegtl::parse<g::document, action, control>(in, st);
  } catch (const pegtl::parse_error& e) {
    uint32_t offset = static_cast<uint32_t>(e.positions().front().byte);
    std::string message(e.message());
    if (auto explained = explain(text, st, message, offset)) {
      result.error = std::move(*explained);
      result.document = Document{};
      return result;
    }
    SyntaxError err;
    err.span = {offset, offset + 1};
    if (st.too_deep) {
      err.kind = SyntaxErrorKind::kNestingTooDeep;
      err.message = message;
    } else {
      err.message = fmt::format("{}; found {}", message, describe_found(text, offset));
    }
    if (!st.open_blocks.empty() && !st.too_deep) {
      const OpenBlock& open = st.open_blocks.back();
      err.notes.push_back({open.key_span, fmt::format("block `{}` opened here", open.key)});
    }
    result.error = std::move(err);
    result.document = Document{};
  }
  return result;
}

std::optional<std::string_view> detect_utf16(std::string_view text) {
  if (text.starts_with("\xff\xfe")) return "UTF-16LE";
  if (text.starts_with("\xfe\xff")) return "UTF-16BE";
  // Without a byte order mark, ASCII text in UTF-16 has a NUL beside every
  // character; a topology starts with ASCII (a keyword or a comment).
  size_t pairs = std::min<size_t>(text.size() / 2, 32);
  if (pairs == 0) return std::nullopt;
  bool le = true, be = true;
  for (size_t i = 0; i < pairs; ++i) {
    char first = text[2 * i], second = text[2 * i + 1];
    le = le && first != '\0' && second == '\0';
    be = be && first == '\0' && second != '\0';
  }
  if (le) return "UTF-16LE";
  if (be) return "UTF-16BE";
  return std::nullopt;
}

std::optional<uint32_t> find_lone_carriage_return(std::string_view text) {
  for (size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') return static_cast<uint32_t>(at);
  }
  return std::nullopt;
}

std::optional<uint32_t> find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Topologies are nearly all ASCII: skip it eight bytes at a time.
    while (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (len == 0 || i + len > text.size()) return static_cast<uint32_t>(i);
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc >> 6) != 0x2) return static_cast<uint32_t>(i);
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Reject overlong encodings, surrogates and code points past U+10FFFF.
    static constexpr uint32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[len] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
      return static_cast<uint32_t>(i);
    }
    i += len;
  }
  return std::nullopt;
}

namespace {
void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}
}  // namespace

std::string decode_string_literal(std::string_view literal) {
  std::string_view s = literal.substr(1, literal.size() - 2);
  if (s.find('\\') == std::string_view::npos) return std::string(s);  // nearly every string
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char e = s[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'u': {
        size_t close = s.find('}', i);
        uint32_t cp = static_cast<uint32_t>(
            std::strtoul(std::string(s.substr(i + 2, close - i - 2)).c_str(), nullptr, 16));
        // Surrogates and out-of-range code points become U+FFFD rather than invalid UTF-8.
        if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) cp = 0xfffd;
        append_utf8(out, cp);
        i = close;
        break;
      }
      default: out += e; break;  // \" \\ \$ \%
    }
  }
  return out;
}

const char* describe(ValueKind kind) {
  switch (kind) {
    case ValueKind::kString: return "a string";
    case ValueKind::kNumber: return "a number";
    case ValueKind::kQuantity: return "a quantity";
    case ValueKind::kCidr: return "a CIDR block";
    case ValueKind::kIdentifier: return "a name";
    case ValueKind::kList: return "a list";
  }
  return "a value";
}

}  // namespace topoc::dsl
