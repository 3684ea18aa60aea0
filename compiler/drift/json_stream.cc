#include "compiler/drift/json_stream.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>

namespace topoc::drift {
namespace {

using json = nlohmann::json;

constexpr size_t kChunkBytes = size_t{1} << 20;

// Validates UTF-8 across chunk boundaries (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF) and remembers the first bad byte.
class Utf8Check {
 public:
  void feed(const unsigned char* p, size_t n, uint64_t offset) {
    if (bad_) return;
    for (size_t i = 0; i < n; ++i) {
      unsigned char b = p[i];
      if (need_ == 0) {
        if (b < 0x80) continue;
        lead_ = offset + i;
        if (b >= 0xC2 && b <= 0xDF) {
          start(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
          start(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
          start(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
          start(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
          start(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
          start(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
          start(3, 0x80, 0x8F);
        } else {
          fail(offset + i, b);
          return;
        }
      } else {
        if (b < low_ || b > high_) {
          fail(offset + i, b);
          return;
        }
        --need_;
        low_ = 0x80;
        high_ = 0xBF;
      }
    }
  }
  // A sequence cut off by the end of the input.
  void finish(uint64_t end) {
    if (!bad_ && need_ > 0) fail(lead_, 0);
  }
  std::optional<uint64_t> bad_offset() const {
    return bad_ ? std::optional<uint64_t>(bad_at_) : std::nullopt;
  }
  unsigned char bad_byte() const { return bad_byte_; }

 private:
  void start(int need, unsigned char low, unsigned char high) {
    need_ = need;
    low_ = low;
    high_ = high;
  }
  void fail(uint64_t at, unsigned char byte) {
    bad_ = true;
    bad_at_ = at;
    bad_byte_ = byte;
  }
  int need_ = 0;
  unsigned char low_ = 0x80, high_ = 0xBF;
  uint64_t lead_ = 0;
  bool bad_ = false;
  uint64_t bad_at_ = 0;
  unsigned char bad_byte_ = 0;
};

struct LineCol {
  uint64_t line = 1;
  uint64_t column = 1;
};

// The bytes of the input, a chunk at a time. Keeps enough bookkeeping to turn
// an offset in the current chunk into a line and column.
class ByteSource {
 public:
  // `limit`: the most bytes to read; a pipe that goes on past it stops there
  // (a regular file's size is checked before reading).
  ByteSource(std::FILE* file, uint64_t limit) : file_(file), buffer_(kChunkBytes), limit_(limit) {}
  explicit ByteSource(std::string_view text) {
    cur_ = text.data();
    end_ = cur_ + text.size();
    chunk_ = cur_;
    if (text.size() >= 2) {
      auto b0 = static_cast<unsigned char>(text[0]), b1 = static_cast<unsigned char>(text[1]);
      utf16_mark_ = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
    }
    utf8_.feed(reinterpret_cast<const unsigned char*>(cur_), text.size(), 0);
    find_nul(cur_, text.size(), 0);
    total_ = text.size();
    eof_ = true;
    utf8_.finish(total_);
  }

  bool at_end() { return cur_ == end_ && !refill(); }
  char peek() const { return *cur_; }
  void advance() { ++cur_; }

  uint64_t consumed() const { return chunk_start_ + static_cast<uint64_t>(cur_ - chunk_); }
  uint64_t total() const { return total_; }  // bytes read from the input so far
  bool read_failed() const { return read_failed_; }
  bool over_limit() const { return over_limit_; }
  uint64_t limit() const { return limit_; }
  const Utf8Check& utf8() const { return utf8_; }
  // nlohmann's lexer takes a NUL byte for the end of the input, so NULs are
  // found here to be reported as what they are.
  std::optional<uint64_t> first_nul() const { return first_nul_; }
  bool starts_with_utf16_mark() const { return utf16_mark_; }

  std::optional<LineCol> line_col(uint64_t offset) const {
    if (offset < chunk_start_ || offset > chunk_start_ + static_cast<uint64_t>(end_ - chunk_)) {
      return std::nullopt;
    }
    LineCol lc;
    lc.line = newlines_before_ + 1;
    uint64_t line_start = line_start_before_;
    const char* stop = chunk_ + (offset - chunk_start_);
    for (const char* p = chunk_; p < stop; ++p) {
      if (*p == '\n') {
        ++lc.line;
        line_start = chunk_start_ + static_cast<uint64_t>(p - chunk_) + 1;
      }
    }
    lc.column = offset - line_start + 1;
    return lc;
  }

 private:
  bool refill() {
    if (eof_ || file_ == nullptr) return false;
    // Account for the lines of the chunk we leave behind (none before the
    // first read: memchr must not see the null chunk, even with length 0).
    for (const char* p = chunk_;
         p != nullptr &&
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end_ - p)))) !=
         nullptr;
         ++p) {
      ++newlines_before_;
      line_start_before_ = chunk_start_ + static_cast<uint64_t>(p - chunk_) + 1;
    }
    chunk_start_ += static_cast<uint64_t>(end_ - chunk_);
    size_t n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    if (total_ + n > limit_) {
      over_limit_ = true;
      eof_ = true;
      chunk_ = cur_ = end_ = buffer_.data();
      return false;
    }
    if (n < buffer_.size()) {
      eof_ = true;
      if (std::ferror(file_)) read_failed_ = true;
    }
    if (total_ == 0 && n >= 2) {
      auto b0 = static_cast<unsigned char>(buffer_[0]), b1 = static_cast<unsigned char>(buffer_[1]);
      utf16_mark_ = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
    }
    utf8_.feed(reinterpret_cast<const unsigned char*>(buffer_.data()), n, total_);
    find_nul(buffer_.data(), n, total_);
    total_ += n;
    if (eof_) utf8_.finish(total_);
    chunk_ = cur_ = buffer_.data();
    end_ = cur_ + n;
    return n > 0;
  }

  void find_nul(const char* p, size_t n, uint64_t offset) {
    if (first_nul_) return;
    if (const void* at = std::memchr(p, 0, n)) {
      first_nul_ = offset + static_cast<uint64_t>(static_cast<const char*>(at) - p);
    }
  }

  std::FILE* file_ = nullptr;
  std::vector<char> buffer_;
  std::optional<uint64_t> first_nul_;
  const char* chunk_ = nullptr;
  const char* cur_ = nullptr;
  const char* end_ = nullptr;
  uint64_t chunk_start_ = 0;
  uint64_t total_ = 0;
  uint64_t newlines_before_ = 0;
  uint64_t line_start_before_ = 0;
  bool eof_ = false;
  bool read_failed_ = false;
  uint64_t limit_ = UINT64_MAX;
  bool over_limit_ = false;
  bool utf16_mark_ = false;
  Utf8Check utf8_;
};

// Lets nlohmann's parser pull bytes from a ByteSource. Every copy shares the
// source; only the end sentinel has none.
class SourceIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  explicit SourceIterator(ByteSource* source) : source_(source) {}
  char operator*() const { return source_->peek(); }
  SourceIterator& operator++() {
    source_->advance();
    return *this;
  }
  SourceIterator operator++(int) {
    SourceIterator copy = *this;
    source_->advance();
    return copy;
  }
  // Only ever compared with the end sentinel.
  bool operator==(const SourceIterator&) const { return source_ == nullptr || source_->at_end(); }
  bool operator!=(const SourceIterator& other) const { return !(*this == other); }

 private:
  ByteSource* source_;
};

// The SAX handler that builds only what the router keeps.
class FilteringSax {
 public:
  explicit FilteringSax(JsonRouter& router) : router_(router) {}

  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(json::number_integer_t v) { return scalar(v); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return scalar(v); }
  bool string(json::string_t& v) {
    if (skip_depth_ > 0) return true;
    return scalar(std::move(v));
  }
  bool binary(json::binary_t&) { return true; }  // the JSON lexer never produces binary values
  bool start_object(size_t) { return open(false); }
  bool start_array(size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (skip_depth_ == 0) pending_key_ = std::move(k);
    return true;
  }
  bool parse_error(size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) {
    error_position_ = position;
    last_token_ = last_token;
    error_text_ = ex.what();
    return false;
  }

  json& root() { return root_; }
  bool started() const { return started_; }
  bool too_deep() const { return too_deep_; }
  bool stopped() const { return stopped_; }
  size_t error_position() const { return error_position_; }
  const std::string& last_token() const { return last_token_; }
  const std::string& error_text() const { return error_text_; }

 private:
  struct Frame {
    json* value;
    bool array;
    size_t next_index;
    Route route;
    bool keep_all;  // this container or one around it is kept whole
    bool pushed;    // added a segment to path_
  };

  // Computes the route of the value about to start, pushing its path segment
  // when the router has to be asked.
  Route decide(bool& pushed) {
    started_ = true;
    if (frames_.empty()) return router_.route(path_);
    Frame& top = frames_.back();
    if (top.keep_all) return Route::kKeepAll;
    if (top.array) {
      path_.push_back({std::string(), top.next_index++});
    } else {
      path_.push_back({std::move(pending_key_), std::nullopt});
    }
    pushed = true;
    return router_.route(path_);
  }

  json* insert(json&& v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& top = frames_.back();
    if (top.array) {
      top.value->push_back(std::move(v));
      return &top.value->back();
    }
    json& slot =
        top.keep_all ? (*top.value)[std::move(pending_key_)] : (*top.value)[path_.back().key];
    slot = std::move(v);
    return &slot;
  }

  template <typename T>
  bool scalar(T&& v) {
    if (skip_depth_ > 0) return true;
    bool pushed = false;
    Route r = decide(pushed);
    bool ok = true;
    if (r == Route::kHandOver) {
      ok = router_.take(path_, json(std::forward<T>(v)));
    } else if (r != Route::kSkip) {
      insert(json(std::forward<T>(v)));
    }
    if (pushed) path_.pop_back();
    if (!ok) stopped_ = true;
    return ok;
  }

  bool open(bool array) {
    if (++depth_ > kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    bool pushed = false;
    Route r = decide(pushed);
    if (r == Route::kSkip) {
      skip_depth_ = 1;
      if (pushed) path_.pop_back();
      return true;
    }
    bool keep_all = r == Route::kKeepAll;
    json* v = insert(array ? json::array() : json::object());
    frames_.push_back({v, array, 0, r, keep_all, pushed});
    return true;
  }

  bool close() {
    --depth_;
    if (skip_depth_ > 0) {
      --skip_depth_;
      return true;
    }
    Frame f = frames_.back();
    frames_.pop_back();
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
    if (!ok) stopped_ = true;
    return ok;
  }

  JsonRouter& router_;
  json root_;
  std::vector<Frame> frames_;
  JsonPath path_;
  std::string pending_key_;
  size_t skip_depth_ = 0;
  size_t depth_ = 0;
  bool started_ = false;
  bool too_deep_ = false;
  bool stopped_ = false;
  size_t error_position_ = 0;
  std::string last_token_;
  std::string error_text_;
};

std::string where_at(const ByteSource& source, uint64_t offset) {
  if (auto lc = source.line_col(offset)) {
    return fmt::format("byte {} (line {}, column {})", offset, lc->line, lc->column);
  }
  return fmt::format("byte {}", offset);
}

// nlohmann's own explanation without its prefix and position: "unexpected
// '}'; expected string literal".
std::string syntax_detail(const std::string& text) {
  std::string detail = text;
  if (auto dash = detail.find(" - "); dash != std::string::npos) detail = detail.substr(dash + 3);
  if (auto last = detail.find("; last read:"); last != std::string::npos) detail.erase(last);
  return detail;
}

std::string printable_token(const std::string& token) {
  if (token.empty() || token.size() > 40) return "";
  for (char c : token) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7F) return "";
  }
  return token;
}

ReadError syntax_error(std::string_view display, const ByteSource& source,
                       const FilteringSax& sax) {
  std::string path(display);
  constexpr std::string_view kExpected =
      "expected a Terraform state, plan or Resource Graph export";
  uint64_t position = sax.error_position();
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
  std::string detail = syntax_detail(sax.error_text());
  bool at_end = position >= source.total() &&
                (sax.last_token().empty() || detail.find("end of input") != std::string::npos);
  if (at_end && !sax.started())
    return {path, "", fmt::format("holds only white space; {}", kExpected)};
  if (at_end) {
    return {path, where_at(source, source.total()),
            "the JSON ends before its last value is complete; is the file truncated?"};
  }
  uint64_t at = position > 0 ? position - 1 : 0;
  std::string token = printable_token(sax.last_token());
  if (!sax.started()) {
    // Point at the start of what was read instead of its last byte.
    uint64_t start_at =
        position >= sax.last_token().size() ? position - sax.last_token().size() : 0;
    std::string start = token.empty() ? "" : fmt::format(" (it starts with `{}`)", token);
    return {path, where_at(source, start_at), fmt::format("is not JSON{}; {}", start, kExpected)};
  }
  return {path, where_at(source, at), fmt::format("is not valid JSON: {}", detail)};
}

constexpr std::string_view kSplitAdvice =
    "split the export or filter it to the topology's resource groups";

StreamResult run(std::string_view display, ByteSource& source, JsonRouter& router) {
  StreamResult result;
  FilteringSax sax(router);
  bool ok = json::sax_parse(SourceIterator(&source), SourceIterator(nullptr), &sax,
                            json::input_format_t::json, true, false);
  result.bytes = source.total();
  if (source.read_failed()) {
    result.error = ReadError{std::string(display), "", "cannot be read to the end (I/O error)"};
  } else if (source.over_limit()) {
    result.error = ReadError{std::string(display), "",
                             fmt::format("goes on past {} MiB, the most that `topoc drift` reads; {}",
                                         source.limit() >> 20, kSplitAdvice)};
  } else if (sax.too_deep()) {
    result.error = ReadError{std::string(display), where_at(source, source.consumed()),
                             fmt::format("JSON nested more than {} levels deep", kMaxJsonDepth)};
  } else if (sax.stopped()) {
    result.stopped = true;
  } else if (!ok) {
    result.error = syntax_error(display, source, sax);
  }
  result.kept = std::move(sax.root());
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
      result.error = ReadError{path, "",
                               "is empty; expected a Terraform state, plan or Resource "
                               "Graph export"};
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
    result.error = ReadError{std::string(display_path), "",
                             "is empty; expected a Terraform state, plan or Resource Graph export"};
    return result;
  }
  ByteSource source(text);
  return run(display_path, source, router);
}

}  // namespace topoc::drift
