// The record topoc keeps at the root of an output directory, `.topoc-output`:
// the files each build wrote there, listed under the environment and target
// that wrote them. Several environments and both targets share one output
// directory; the record lets a build replace or remove its own files and
// nothing else.
#pragma once

#include <compare>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace topoc::emit {

// The file at the root of every output directory. Its presence marks a
// directory as topoc's; files it does not list (`.terraform/`, lock files,
// notes) are never replaced or removed.
inline constexpr const char* kOutputMarker = ".topoc-output";

// Which build wrote a file: one environment, one target (terraform or bicep).
// A record written before files were listed by owner has one section without
// a header, read as the owner with both fields empty.
struct Owner {
  std::string environment;
  std::string target;
  friend auto operator<=>(const Owner&, const Owner&) = default;
};

// The generated paths of every build, by owner. A path written by several
// builds (a module every environment calls) is listed under each of them.
using OutputRecord = std::map<Owner, std::set<std::string>>;

// The record in `dir`; nothing when the directory has none (or it is not a
// regular file). Lines that are not plain relative paths are skipped, so a
// hand-edited record cannot make topoc look outside the directory.
std::optional<OutputRecord> read_output_record(const std::filesystem::path& dir);

// The record's text: owners in order, each path once under its owner, sorted.
std::string render_output_record(const OutputRecord& record);

// Parses a record's text (what read_output_record reads).
OutputRecord parse_output_record(std::string_view text);

}  // namespace topoc::emit
