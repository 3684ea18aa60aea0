#include "compiler/lsp/transport.h"

#include <algorithm>
#include <charconv>

#include "compiler/text/ascii.h"

namespace topoc::lsp {
namespace {

enum class LineStatus { kLine, kEnd, kTooLong };

// One header line without its CR LF (a bare LF is accepted too).
LineStatus read_header_line(std::istream& in, std::string& line) {
  line.clear();
  int c;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return LineStatus::kLine;
    }
    if (line.size() >= kMaxHeaderBytes) {
      // Skip the rest of the line so that the next header block can be read.
      while ((c = in.get()) != std::char_traits<char>::eof() && c != '\n') {
      }
      return LineStatus::kTooLong;
    }
    line.push_back(static_cast<char>(c));
  }
  return line.empty() ? LineStatus::kEnd : LineStatus::kLine;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool skip_bytes(std::istream& in, size_t n) {
  char buffer[1 << 16];
  while (n > 0) {
    size_t chunk = std::min(n, sizeof buffer);
    in.read(buffer, static_cast<std::streamsize>(chunk));
    if (static_cast<size_t>(in.gcount()) != chunk) return false;
    n -= chunk;
  }
  return true;
}

}  // namespace

Frame read_frame(std::istream& in) {
  Frame frame;
  std::optional<size_t> length;
  bool bad_length = false, any_header = false;
  std::string line;
  for (;;) {
    LineStatus status = read_header_line(in, line);
    if (status == LineStatus::kEnd) {
      frame.status = any_header ? Frame::Status::kTruncated : Frame::Status::kEnd;
      frame.problem = "the stream ended inside a header";
      return frame;
    }
    if (status == LineStatus::kTooLong) {
      bad_length = true;
      any_header = true;
      continue;
    }
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) {
      bad_length = true;
      continue;
    }
    std::string name = lower(std::string_view(line).substr(0, colon));
    if (name != "content-length") continue;  // Content-Type and others need nothing
    std::string_view value = trim(std::string_view(line).substr(colon + 1));
    size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      bad_length = true;
      continue;
    }
    length = n;
  }
  if (bad_length || !length) {
    frame.status = Frame::Status::kBadHeader;
    frame.problem = "a message without a valid `Content-Length` header";
    return frame;
  }
  if (*length > kMaxMessageBytes) {
    frame.status = skip_bytes(in, *length) ? Frame::Status::kTooLarge : Frame::Status::kTruncated;
    frame.problem = "a message of " + std::to_string(*length) + " bytes, above the limit of " +
                    std::to_string(kMaxMessageBytes >> 20) + " MiB";
    return frame;
  }
  frame.body.resize(*length);
  in.read(frame.body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<size_t>(in.gcount()) != *length) {
    frame.status = Frame::Status::kTruncated;
    frame.problem = "the stream ended inside a message";
    frame.body.clear();
    return frame;
  }
  frame.status = Frame::Status::kMessage;
  return frame;
}

void write_frame(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace topoc::lsp
