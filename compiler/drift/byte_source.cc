#include "compiler/drift/byte_source.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace topoc::drift {
namespace {

constexpr size_t kChunkBytes = size_t{64} << 10;

bool utf16_mark(const char* p, size_t n) {
  if (n < 2) return false;
  auto b0 = static_cast<unsigned char>(p[0]), b1 = static_cast<unsigned char>(p[1]);
  return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF);
}

// The newlines in [p, e), eight bytes at a time: std::count compiles to a
// byte loop, and this runs over every byte of every input.
uint64_t count_newlines(const char* p, const char* e) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL, kNewlines = 0x0A0A0A0A0A0A0A0AULL;
  uint64_t n = 0;
  for (; e - p >= 8; p += 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    uint64_t x = w ^ kNewlines;  // zero bytes where w has '\n'
    // The high bit of each byte of x that is zero, exactly (no borrows).
    uint64_t zero = ~(((x & kLow7) + kLow7) | x | kLow7);
    // One bit per newline at the bottom of its byte; the multiply sums the
    // bytes into the top one. __builtin_popcountll is a library call on
    // x86-64 without -mpopcnt, and cost 3 % of a large drift.
    n += ((zero >> 7) * 0x0101010101010101ULL) >> 56;
  }
  return n + static_cast<uint64_t>(std::count(p, e, '\n'));
}

}  // namespace

void Utf8Check::feed(const unsigned char* p, size_t n, uint64_t offset) {
  if (bad_) return;
  for (size_t i = 0; i < n; ++i) {
    if (need_ == 0) {
      // Eight ASCII bytes at a time: most of a state is ASCII.
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if ((word & 0x8080808080808080ULL) != 0) break;
        i += 8;
      }
      if (i == n) return;
      unsigned char b = p[i];
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
      unsigned char b = p[i];
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

void Utf8Check::finish() {
  if (!bad_ && need_ > 0) fail(lead_, 0);
}

ByteSource::ByteSource(std::FILE* file, uint64_t limit)
    : file_(file), buffer_(kChunkBytes), limit_(limit) {}

ByteSource::ByteSource(std::string_view text) {
  cur_ = text.data();
  end_ = cur_ + text.size();
  chunk_ = cur_;
  utf16_mark_ = utf16_mark(cur_, text.size());
  check(cur_, text.size());
  total_ = text.size();
  eof_ = true;
  utf8_.finish();
}

void ByteSource::check(const char* p, size_t n) {
  utf8_.feed(reinterpret_cast<const unsigned char*>(p), n, total_);
  // NUL bytes are found here to be reported as what they are, not as an
  // unexpected character.
  if (!first_nul_) {
    if (const void* at = std::memchr(p, 0, n)) {
      first_nul_ = total_ + static_cast<uint64_t>(static_cast<const char*>(at) - p);
    }
  }
}

bool ByteSource::refill() {
  if (eof_ || file_ == nullptr) return false;
  // Account for the lines of the chunk left behind.
  if (chunk_ != nullptr) {
    auto size = static_cast<size_t>(end_ - chunk_);
    newlines_before_ += count_newlines(chunk_, end_);
    if (const void* last = ::memrchr(chunk_, '\n', size)) {
      line_start_before_ =
          chunk_start_ + static_cast<uint64_t>(static_cast<const char*>(last) - chunk_) + 1;
    }
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
  if (total_ == 0) utf16_mark_ = utf16_mark(buffer_.data(), n);
  check(buffer_.data(), n);
  total_ += n;
  if (eof_) utf8_.finish();
  chunk_ = cur_ = buffer_.data();
  end_ = cur_ + n;
  return n > 0;
}

std::optional<LineCol> ByteSource::line_col(uint64_t offset) const {
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

std::string where_at(const ByteSource& source, uint64_t offset) {
  if (auto lc = source.line_col(offset)) {
    return fmt::format("byte {} (line {}, column {})", offset, lc->line, lc->column);
  }
  return fmt::format("byte {}", offset);
}

}  // namespace topoc::drift
