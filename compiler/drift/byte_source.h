// The bytes of a state file, pipe or in-memory text, one fixed-size chunk at
// a time, checked for UTF-8 and NUL bytes as they arrive. The JSON parser of
// json_stream.cc scans the current chunk directly; nothing here ever holds
// more than one chunk of the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::drift {

// Validates UTF-8 across chunk boundaries (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF) and remembers the first bad byte.
class Utf8Check {
 public:
  void feed(const unsigned char* p, size_t n, uint64_t offset);
  // A sequence cut off by the end of the input.
  void finish();
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

class ByteSource {
 public:
  // `limit`: the most bytes to read; a pipe that goes on past it stops there
  // (a regular file's size is checked before reading).
  ByteSource(std::FILE* file, uint64_t limit);
  explicit ByteSource(std::string_view text);

  // The unread part of the current chunk, [cur(), end()). fill() reads the
  // next chunk once the current one is used up; false at the end of input.
  const char* cur() const { return cur_; }
  const char* end() const { return end_; }
  void set_cur(const char* p) { cur_ = p; }
  bool fill() { return cur_ != end_ || refill(); }

  // The offset in the input of a position in the current chunk.
  uint64_t offset_of(const char* p) const {
    return chunk_start_ + static_cast<uint64_t>(p - chunk_);
  }
  uint64_t consumed() const { return offset_of(cur_); }
  uint64_t total() const { return total_; }  // bytes read from the input so far
  bool read_failed() const { return read_failed_; }
  bool over_limit() const { return over_limit_; }
  uint64_t limit() const { return limit_; }
  const Utf8Check& utf8() const { return utf8_; }
  std::optional<uint64_t> first_nul() const { return first_nul_; }
  bool starts_with_utf16_mark() const { return utf16_mark_; }

  // Line and column of an offset in the current chunk; nullopt for an offset
  // in a chunk already dropped.
  std::optional<LineCol> line_col(uint64_t offset) const;

 private:
  bool refill();
  void check(const char* p, size_t n);

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

// "byte 812 (line 30, column 7)", or "byte 812" when the line is not known.
std::string where_at(const ByteSource& source, uint64_t offset);

}  // namespace topoc::drift
