// Reads a JSON document of any size with bounded memory. The bytes stream in
// fixed-size chunks (checked for UTF-8 on the way) through a parser of its
// own, and a router decides for each value, as it starts, by its JSON path,
// whether to skip it, keep it, keep it and hand it over as soon as it is
// complete, or take it into a field of its own (capture). Skipped values are scanned, never stored,
// and no single string or number may exceed kMaxTokenBytes, so a Terraform state of 20,000
// resources is never held as a whole document (only the attributes drift
// compares survive, one resource at a time) and white space, however much,
// costs nothing.
//
// nlohmann::json's SAX parser would not do: its lexer keeps every byte of
// white space it skips and builds every string whole, skipped or not, before
// a handler could refuse it. simdjson needs the whole document in memory.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topoc::drift {

// Files larger than this are refused before reading. Memory does not grow
// with the file, but parsing a gigabyte takes long enough that a wrong file
// is the likelier explanation.
inline constexpr uint64_t kMaxStateBytes = uint64_t{1} << 30;  // 1 GiB

// The longest string or number read, escapes included: far above any
// attribute Terraform writes (a kubeconfig is a few KiB), and small enough
// that a file of one huge string is refused early.
inline constexpr uint64_t kMaxTokenBytes = uint64_t{16} << 20;  // 16 MiB

// JSON nested deeper than this is refused: Terraform writes at most a few
// dozen levels, and the limit keeps every later walk over kept values shallow.
inline constexpr size_t kMaxJsonDepth = 128;

// An input that cannot be used, with where the problem is: a byte offset
// ("byte 812 (line 30, column 7)") for malformed text, or a JSON pointer
// ("`/resources/3/type`") for well-formed JSON of the wrong shape.
struct ReadError {
  std::string path;
  std::string where;  // empty when the problem is the whole file
  std::string message;
};

// One line: "`state.json` at byte 12 (line 1, column 13): message".
std::string to_string(const ReadError& error);

// A step into a JSON value: an object key, or an array index when `index`
// is set.
struct PathSegment {
  std::string key;
  std::optional<size_t> index;
};
using JsonPath = std::vector<PathSegment>;

// RFC 6901: "/values/root_module/resources/3". For messages: a control
// character in a key is written as a JSON escape, to keep them on one line.
std::string json_pointer(const JsonPath& path);

enum class Route {
  kSkip,      // drop the value and everything inside it
  kKeep,      // keep it; ask again for each value inside
  kKeepAll,   // keep it with everything inside, without asking
  kHandOver,  // like kKeep, then pass it to take() once complete and drop it
  // The router keeps the value in a field of its own instead of the kept
  // JSON: a string's text goes to capture(); any other value is skipped and
  // capture() told its kind. Strings a reader wants as they are (names, ids,
  // tags) then cost no JSON node, no map entry and no second copy.
  kCapture,
};

// What a value routed kCapture was.
enum class Captured { kString, kNull, kOther };

class JsonRouter {
 public:
  virtual ~JsonRouter() = default;
  virtual Route route(const JsonPath& path) = 0;
  // Receives a value routed kHandOver. Returning false stops reading; the
  // router keeps its own account of why.
  virtual bool take(const JsonPath& path, nlohmann::json value) = 0;
  // Receives a value routed kCapture; `text` is the decoded string for
  // Captured::kString and empty otherwise. Called once per occurrence, so a
  // key written twice in an object is seen twice and the last one counts,
  // as it does in the kept JSON.
  virtual void capture(const JsonPath& path, Captured kind, std::string_view text) {
    (void)path, (void)kind, (void)text;
  }
};

struct StreamResult {
  nlohmann::json kept;  // the document minus what was skipped or handed over
  std::optional<ReadError> error;
  uint64_t bytes = 0;
  bool stopped = false;  // take() returned false
};

// `display_path` names the input in errors.
StreamResult stream_json_file(const std::string& path, JsonRouter& router,
                              uint64_t max_bytes = kMaxStateBytes);
StreamResult stream_json_text(std::string_view display_path, std::string_view text,
                              JsonRouter& router);

}  // namespace topoc::drift
