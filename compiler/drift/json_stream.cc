#include "compiler/drift/json_stream.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "compiler/drift/byte_source.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;

// Why parsing stopped short of the end of the document.
enum class Failure {
  kNone,
  kSyntax,   // a byte that JSON does not allow there
  kEnd,      // the input ended inside a value
  kTooDeep,  // more than kMaxJsonDepth levels
  kTooLong,  // a string or number longer than kMaxTokenBytes
  kStopped,  // the router's take() returned false
};

// The first byte of a word: printable ASCII but for white space.
bool word_byte(char c) {
  return c > 0x20 && c < 0x7F && c != '`';
}

// "`}`", or "byte 0x01" for what cannot be shown.
std::string describe_byte(char c) {
  if (word_byte(c)) return fmt::format("`{}`", c);
  return fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));
}

// The first byte in [p, e) that ends a run of plain string content: a quote,
// a backslash or a control character. Eight bytes at a time.
const char* string_stop(const char* p, const char* e) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (e - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    uint64_t quote = w ^ (kOnes * '"'), slash = w ^ (kOnes * '\\');
    uint64_t hits = ((quote - kOnes) & ~quote) | ((slash - kOnes) & ~slash) | (w - kOnes * 0x20);
    // A byte >= 0x80 can set its high bit in the subtractions: mask them out
    // unless the byte itself was below 0x80.
    if ((hits & ~w & kHigh) != 0) break;
    p += 8;
  }
  while (p != e) {
    auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) return p;
    ++p;
  }
  return e;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A streaming JSON parser (RFC 8259) that asks the router, for each value as
// it starts, whether to build it. Skipped values are scanned and checked but
// never stored, white space costs nothing, and no string or number may grow
// past kMaxTokenBytes, so memory is bounded by what the router keeps.
class Parser {
 public:
  Parser(ByteSource& source, JsonRouter& router) : source_(source), router_(router) {}

  // The document; false when it failed (see failure()).
  bool parse();

  json& root() { return root_; }
  Failure failure() const { return failure_; }
  uint64_t failure_offset() const { return failure_offset_; }
  const std::string& failure_detail() const { return failure_detail_; }
  bool started() const { return started_; }
  bool any_token() const { return any_token_; }
  const std::string& first_word() const { return first_word_; }
  uint64_t first_offset() const { return first_offset_; }

 private:
  struct Frame {
    json* value;  // null when skipped
    bool array;
    bool empty;     // nothing read inside yet
    bool skip;      // dropped with everything inside
    bool keep_all;  // this container or one around it is kept whole
    bool pushed;    // added a segment to path_
    Route route;
    size_t next_index;
  };

  bool fail(Failure f, uint64_t offset, std::string detail = "") {
    failure_ = f;
    failure_offset_ = offset;
    failure_detail_ = std::move(detail);
    return false;
  }
  bool fail_end() { return fail(Failure::kEnd, source_.total()); }
  bool unexpected(std::string_view expected) {
    char c = *source_.cur();
    return fail(Failure::kSyntax, source_.consumed(),
                fmt::format("unexpected {}; expected {}", describe_byte(c), expected));
  }

  // Skips white space; false at the end of the input.
  bool skip_space() {
    for (;;) {
      if (!source_.fill()) return false;
      const char* p = source_.cur();
      const char* e = source_.end();
      while (p != e && is_space(*p)) ++p;
      source_.set_cur(p);
      if (p != e) return true;
    }
  }
  // The next byte, or -1 at the end of the input.
  int next() {
    if (!source_.fill()) return -1;
    const char* p = source_.cur();
    source_.set_cur(p + 1);
    return static_cast<unsigned char>(*p);
  }
  int peek() { return source_.fill() ? static_cast<unsigned char>(*source_.cur()) : -1; }

  Route decide(bool& pushed);
  json* insert(json&& v);
  bool emit(Route r, json&& v, bool pushed);
  bool value();
  bool close();
  bool string_token(std::string* out);
  bool escape(std::string* out, uint64_t start);
  int hex4(uint64_t start);
  bool number_token(json* out);
  bool literal(std::string_view word, json v, Route r, bool pushed);

  ByteSource& source_;
  JsonRouter& router_;
  json root_;
  std::vector<Frame> frames_;
  JsonPath path_;
  std::string pending_key_;
  std::string number_;
  std::string scratch_;
  Failure failure_ = Failure::kNone;
  uint64_t failure_offset_ = 0;
  std::string failure_detail_;
  bool started_ = false;    // a value began
  bool any_token_ = false;  // a token was read whole
  std::string first_word_;  // the start of the input, for "is not JSON"
  uint64_t first_offset_ = 0;
};

Route Parser::decide(bool& pushed) {
  started_ = true;
  if (frames_.empty()) return router_.route(path_);
  Frame& top = frames_.back();
  if (top.skip) return Route::kSkip;
  if (top.keep_all) return Route::kKeepAll;
  if (top.array) {
    path_.push_back({std::string(), top.next_index++});
  } else {
    path_.push_back({pending_key_, std::nullopt});
  }
  pushed = true;
  return router_.route(path_);
}

json* Parser::insert(json&& v) {
  if (frames_.empty()) {
    root_ = std::move(v);
    return &root_;
  }
  Frame& top = frames_.back();
  if (top.array) {
    top.value->push_back(std::move(v));
    return &top.value->back();
  }
  json& slot = top.keep_all ? (*top.value)[pending_key_] : (*top.value)[path_.back().key];
  slot = std::move(v);
  return &slot;
}

// Stores, hands over or reports a complete scalar (a captured string has
// been given to the router already).
bool Parser::emit(Route r, json&& v, bool pushed) {
  bool ok = true;
  if (r == Route::kCapture) {
    router_.capture(path_, v.is_null() ? Captured::kNull : Captured::kOther, {});
  } else if (r == Route::kHandOver) {
    ok = router_.take(path_, std::move(v));
  } else if (r != Route::kSkip) {
    insert(std::move(v));
  }
  if (pushed) path_.pop_back();
  if (!ok) return fail(Failure::kStopped, source_.consumed());
  return true;
}

bool Parser::literal(std::string_view word, json v, Route r, bool pushed) {
  for (char expected : word) {
    int c = peek();
    if (c < 0) return fail_end();
    if (c != expected) return unexpected(fmt::format("`{}`", word));
    source_.set_cur(source_.cur() + 1);
  }
  any_token_ = true;
  return emit(r, std::move(v), pushed);
}

// One value at the current byte (white space already skipped). A container
// only opens here; the loop in parse() reads what is inside.
bool Parser::value() {
  if (frames_.empty()) {
    first_offset_ = source_.consumed();
    const char* p = source_.cur();
    while (p != source_.end() && word_byte(*p) && first_word_.size() < 24) first_word_ += *p++;
  }
  bool pushed = false;
  uint64_t at = source_.consumed();
  Route r = decide(pushed);
  char c = *source_.cur();
  switch (c) {
    case '{':
    case '[': {
      if (frames_.size() >= kMaxJsonDepth) {
        return fail(Failure::kTooDeep, at,
                    fmt::format("JSON nested more than {} levels deep", kMaxJsonDepth));
      }
      source_.set_cur(source_.cur() + 1);
      any_token_ = true;
      bool array = c == '[';
      if (r == Route::kCapture) {
        router_.capture(path_, Captured::kOther, {});
        r = Route::kSkip;
      }
      if (r == Route::kSkip) {
        if (pushed) path_.pop_back();
        frames_.push_back({nullptr, array, true, true, false, false, r, 0});
        return true;
      }
      json* v = insert(array ? json::array() : json::object());
      frames_.push_back({v, array, true, false, r == Route::kKeepAll, pushed, r, 0});
      return true;
    }
    case '"': {
      if (r == Route::kCapture) {
        scratch_.clear();
        if (!string_token(&scratch_)) return false;
        router_.capture(path_, Captured::kString, scratch_);
        return emit(Route::kSkip, json(), pushed);
      }
      if (r == Route::kSkip) {
        if (!string_token(nullptr)) return false;
        return emit(r, json(), pushed);
      }
      // Decoded into a buffer that is reused, then copied at its exact size:
      // a string grown in place keeps up to twice the capacity it needs.
      scratch_.clear();
      if (!string_token(&scratch_)) return false;
      return emit(r, json(scratch_), pushed);
    }
    case 't':
      return literal("true", json(true), r, pushed);
    case 'f':
      return literal("false", json(false), r, pushed);
    case 'n':
      return literal("null", json(), r, pushed);
    default:
      if (c == '-' || (c >= '0' && c <= '9')) {
        json v;
        bool kept = r != Route::kSkip && r != Route::kCapture;
        if (!number_token(kept ? &v : nullptr)) return false;
        if (r == Route::kCapture) {
          router_.capture(path_, Captured::kOther, {});
          r = Route::kSkip;
        }
        return emit(r, std::move(v), pushed);
      }
      return unexpected("a JSON value");
  }
}

// Ends the innermost container; a value routed kHandOver goes to the router.
bool Parser::close() {
  Frame f = frames_.back();
  frames_.pop_back();
  if (f.skip) return true;
  bool ok = true;
  if (f.route == Route::kHandOver) {
    json v = std::move(*f.value);
    if (frames_.empty()) {
      root_ = json();
    } else if (frames_.back().array) {
      frames_.back().value->get_ref<json::array_t&>().pop_back();
    } else {
      frames_.back().value->erase(path_.back().key);
    }
    ok = router_.take(path_, std::move(v));
  }
  if (f.pushed) path_.pop_back();
  if (!ok) return fail(Failure::kStopped, source_.consumed());
  return true;
}

int hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits of a \u escape; -1 after failing.
int Parser::hex4(uint64_t start) {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    int c = peek();
    if (c < 0) return fail_end(), -1;
    int d = hex_digit(c);
    if (d < 0) {
      return fail(Failure::kSyntax, start, "a `\\u` escape needs four hexadecimal digits"), -1;
    }
    source_.set_cur(source_.cur() + 1);
    v = v * 16 + d;
  }
  return v;
}

// An escape after its backslash, appended decoded to `out` when kept.
bool Parser::escape(std::string* out, uint64_t start) {
  int c = next();
  if (c < 0) return fail_end();
  char decoded;
  switch (c) {
    case '"':
    case '\\':
    case '/':
      decoded = static_cast<char>(c);
      break;
    case 'b':
      decoded = '\b';
      break;
    case 'f':
      decoded = '\f';
      break;
    case 'n':
      decoded = '\n';
      break;
    case 'r':
      decoded = '\r';
      break;
    case 't':
      decoded = '\t';
      break;
    case 'u': {
      int cp = hex4(start);
      if (cp < 0) return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return fail(Failure::kSyntax, start,
                    fmt::format("`\\u{:04X}` is half of a UTF-16 surrogate pair, without its "
                                "first half",
                                cp));
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint64_t low_at = source_.consumed();
        int b = next(), u = b == '\\' ? next() : -1;
        if (b < 0 || (b == '\\' && u < 0)) return fail_end();
        int low = u == 'u' ? hex4(low_at) : 0;
        if (low < 0) return false;
        if (low < 0xDC00 || low > 0xDFFF) {
          return fail(Failure::kSyntax, start,
                      fmt::format("`\\u{:04X}` is half of a UTF-16 surrogate pair, without its "
                                  "second half",
                                  cp));
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if (out) append_utf8(*out, static_cast<uint32_t>(cp));
      return true;
    }
    default:
      return fail(Failure::kSyntax, start,
                  fmt::format("`\\{}` is not a JSON escape", static_cast<char>(c)));
  }
  if (out) *out += decoded;
  return true;
}

// A string at its opening quote; decoded into `out` unless it is null.
bool Parser::string_token(std::string* out) {
  uint64_t start = source_.consumed();
  source_.set_cur(source_.cur() + 1);
  for (;;) {
    if (!source_.fill()) return fail_end();
    const char* p = source_.cur();
    const char* q = string_stop(p, source_.end());
    if (source_.offset_of(q) - start > kMaxTokenBytes) {
      return fail(Failure::kTooLong, start,
                  fmt::format("a string longer than {} MiB, the most `topoc drift` reads as one "
                              "JSON string or number",
                              kMaxTokenBytes >> 20));
    }
    if (out) out->append(p, q);
    source_.set_cur(q);
    if (q == source_.end()) continue;
    if (*q == '"') {
      source_.set_cur(q + 1);
      any_token_ = true;
      return true;
    }
    if (*q == '\\') {
      uint64_t at = source_.offset_of(q);
      source_.set_cur(q + 1);
      if (!escape(out, at)) return false;
      continue;
    }
    return fail(Failure::kSyntax, source_.offset_of(q),
                fmt::format("control character U+{:04X} inside a string; JSON writes it escaped",
                            static_cast<unsigned>(*q)));
  }
}

// A number (RFC 8259's grammar), converted as nlohmann::json converts: an
// integer to an unsigned or signed 64-bit value when it fits, anything else
// to a double. `out` is null when the number is skipped.
bool Parser::number_token(json* out) {
  uint64_t start = source_.consumed();
  number_.clear();
  auto take = [&] {
    number_ += *source_.cur();
    source_.set_cur(source_.cur() + 1);
  };
  auto digits = [&]() -> bool {
    int c = peek();
    if (c < 0) return fail_end();
    if (c < '0' || c > '9') return unexpected("a digit");
    while (c >= '0' && c <= '9') {
      if (number_.size() >= kMaxTokenBytes) {
        return fail(Failure::kTooLong, start,
                    fmt::format("a number longer than {} MiB, the most `topoc drift` reads as "
                                "one JSON string or number",
                                kMaxTokenBytes >> 20));
      }
      take();
      c = peek();
    }
    return true;
  };
  if (*source_.cur() == '-') take();
  int c = peek();
  if (c == '0') {
    take();
  } else if (!digits()) {
    return false;
  }
  bool integer = true;
  if (peek() == '.') {
    integer = false;
    take();
    if (!digits()) return false;
  }
  c = peek();
  if (c == 'e' || c == 'E') {
    integer = false;
    take();
    c = peek();
    if (c == '+' || c == '-') take();
    if (!digits()) return false;
  }
  any_token_ = true;
  if (out == nullptr) return true;
  const char* b = number_.data();
  const char* e = b + number_.size();
  if (integer) {
    if (number_[0] == '-') {
      int64_t v = 0;
      if (std::from_chars(b, e, v).ec == std::errc()) {
        *out = json(v);
        return true;
      }
    } else {
      uint64_t v = 0;
      if (std::from_chars(b, e, v).ec == std::errc()) {
        *out = json(v);
        return true;
      }
    }
  }
  *out = json(std::strtod(number_.c_str(), nullptr));
  return true;
}

bool Parser::parse() {
  // A UTF-8 byte order mark, as Windows tools write one, is not content.
  if (source_.fill() && source_.end() - source_.cur() >= 3 &&
      std::memcmp(source_.cur(), "\xEF\xBB\xBF", 3) == 0) {
    source_.set_cur(source_.cur() + 3);
  }
  if (!skip_space()) return fail_end();
  if (!value()) return false;
  while (!frames_.empty()) {
    if (!skip_space()) return fail_end();
    Frame& top = frames_.back();
    char c = *source_.cur();
    if (c == (top.array ? ']' : '}')) {
      source_.set_cur(source_.cur() + 1);
      if (!close()) return false;
      continue;
    }
    if (!top.empty) {
      if (c != ',') return unexpected(top.array ? "`,` or `]`" : "`,` or `}`");
      source_.set_cur(source_.cur() + 1);
      if (!skip_space()) return fail_end();
      c = *source_.cur();
    }
    bool was_empty = top.empty;
    top.empty = false;
    if (!top.array) {
      if (c != '"') {
        return unexpected(was_empty ? "a string (an object key) or `}`"
                                    : "a string (an object key)");
      }
      pending_key_.clear();
      if (!string_token(top.skip ? nullptr : &pending_key_)) return false;
      if (!skip_space()) return fail_end();
      if (*source_.cur() != ':') return unexpected("`:`");
      source_.set_cur(source_.cur() + 1);
      if (!skip_space()) return fail_end();
    }
    if (!value()) return false;
  }
  if (skip_space()) return unexpected("the end of the input after the JSON value");
  return true;
}

constexpr std::string_view kExpected = "expected a Terraform state, plan or Resource Graph export";

constexpr std::string_view kSplitAdvice =
    "split the export or filter it to the topology's resource groups";

// What went wrong at `position`: bad bytes before it explain it better than
// the parser's view of them.
ReadError parse_error(std::string_view display, const ByteSource& source, const Parser& parser,
                      uint64_t position) {
  std::string path(display);
  if (auto bad = source.utf8().bad_offset(); bad && *bad <= position) {
    if (source.starts_with_utf16_mark()) {
      return {path, "",
              "is UTF-16 text (as Windows PowerShell's `>` writes it), not UTF-8; "
              "convert it, e.g. with `iconv -f UTF-16 -t UTF-8`"};
    }
    std::string byte = source.utf8().bad_byte() == 0
                           ? "a multi-byte sequence cut short"
                           : fmt::format("byte 0x{:02X}", source.utf8().bad_byte());
    return {path, where_at(source, *bad),
            fmt::format("is not valid UTF-8: {}; state files and exports are UTF-8 JSON", byte)};
  }
  if (auto nul = source.first_nul(); nul && *nul <= position) {
    return {path, where_at(source, *nul),
            "holds a NUL byte, which JSON text never does; is it a "
            "binary file, or one cut short by a full disk?"};
  }
  switch (parser.failure()) {
    case Failure::kEnd:
      if (!parser.started())
        return {path, "", fmt::format("holds only white space; {}", kExpected)};
      return {path, where_at(source, position),
              "the JSON ends before its last value is complete; is the file truncated?"};
    case Failure::kTooDeep:
    case Failure::kTooLong:
      return {path, where_at(source, position), parser.failure_detail()};
    case Failure::kSyntax:
      if (!parser.any_token()) {
        std::string start = parser.first_word().empty()
                                ? ""
                                : fmt::format(" (it starts with `{}`)", parser.first_word());
        return {path, where_at(source, parser.first_offset()),
                fmt::format("is not JSON{}; {}", start, kExpected)};
      }
      return {path, where_at(source, position),
              fmt::format("is not valid JSON: {}", parser.failure_detail())};
    case Failure::kNone:
    case Failure::kStopped:
      break;
  }
  return {path, "", "cannot be read"};
}

StreamResult run(std::string_view display, ByteSource& source, JsonRouter& router) {
  StreamResult result;
  Parser parser(source, router);
  bool ok = parser.parse();
  result.bytes = source.total();
  if (source.read_failed()) {
    result.error = ReadError{std::string(display), "", "cannot be read to the end (I/O error)"};
  } else if (source.over_limit()) {
    result.error =
        ReadError{std::string(display), "",
                  fmt::format("goes on past {} MiB, the most that `topoc drift` reads; {}",
                              source.limit() >> 20, kSplitAdvice)};
  } else if (ok) {
    // Bytes the parser took as string content may still not be UTF-8.
    if (source.utf8().bad_offset()) {
      result.error = parse_error(display, source, parser, source.total());
    }
  } else if (parser.failure() == Failure::kStopped) {
    // Bytes that are not UTF-8 explain a value of the wrong shape better
    // than its pointer does.
    if (auto bad = source.utf8().bad_offset(); bad && *bad <= source.consumed()) {
      result.error = parse_error(display, source, parser, source.consumed());
    } else {
      result.stopped = true;
    }
  } else {
    result.error = parse_error(display, source, parser, parser.failure_offset());
  }
  result.kept = std::move(parser.root());
  return result;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string to_string(const ReadError& error) {
  if (error.where.empty()) return fmt::format("`{}`: {}", error.path, error.message);
  return fmt::format("`{}` at {}: {}", error.path, error.where, error.message);
}

std::string json_pointer(const JsonPath& path) {
  std::string out;
  for (const PathSegment& s : path) {
    out += '/';
    if (s.index) {
      out += std::to_string(*s.index);
      continue;
    }
    for (char c : s.key) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
      } else {
        out += c;
      }
    }
  }
  return out;
}

StreamResult stream_json_file(const std::string& path, JsonRouter& router, uint64_t max_bytes) {
  StreamResult result;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    result.error = ReadError{path, "", fmt::format("cannot be read: {}", std::strerror(errno))};
    return result;
  }
  if (S_ISDIR(st.st_mode)) {
    result.error = ReadError{path, "", "is a directory, not a state file"};
    return result;
  }
  // Regular files have a size to check up front; pipes are cut off at the
  // limit as they are read.
  if (S_ISREG(st.st_mode)) {
    auto size = static_cast<uint64_t>(st.st_size);
    if (size == 0) {
      result.error = ReadError{path, "", fmt::format("is empty; {}", kExpected)};
      return result;
    }
    if (size > max_bytes) {
      result.error = ReadError{path, "",
                               fmt::format("is {} MiB, more than the {} MiB that `topoc drift` "
                                           "reads; {}",
                                           size >> 20, max_bytes >> 20, kSplitAdvice)};
      return result;
    }
  }
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    result.error = ReadError{path, "", fmt::format("cannot be read: {}", std::strerror(errno))};
    return result;
  }
  ByteSource source(file.get(), max_bytes);
  return run(path, source, router);
}

StreamResult stream_json_text(std::string_view display_path, std::string_view text,
                              JsonRouter& router) {
  if (text.empty()) {
    StreamResult result;
    result.error = ReadError{std::string(display_path), "", fmt::format("is empty; {}", kExpected)};
    return result;
  }
  ByteSource source(text);
  return run(display_path, source, router);
}

}  // namespace topoc::drift
