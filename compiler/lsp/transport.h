// The base protocol of the Language Server Protocol: messages framed by a
// `Content-Length` header, read from and written to byte streams.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace topoc::lsp {

// A message body larger than this is refused (and skipped): a document of
// the size `topoc check` refuses cannot be edited either.
inline constexpr size_t kMaxMessageBytes = 64u << 20;
// A header line longer than this is not a header.
inline constexpr size_t kMaxHeaderBytes = 8192;

struct Frame {
  enum class Status {
    kMessage,    // `body` holds one message
    kEnd,        // the stream ended between messages
    kTooLarge,   // Content-Length above kMaxMessageBytes; the body was skipped
    kBadHeader,  // no usable Content-Length; the header block was skipped
    kTruncated,  // the stream ended inside a message
  };
  Status status = Status::kEnd;
  std::string body;
  std::string problem;  // why, for the log, when not a message
};

Frame read_frame(std::istream& in);
void write_frame(std::ostream& out, std::string_view body);

}  // namespace topoc::lsp
