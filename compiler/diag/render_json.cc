#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace topoc::diag {
namespace {

nlohmann::ordered_json location_json(std::span<const dsl::SourceFile> files, const Location& loc) {
  const dsl::SourceFile& file = files[loc.file];
  dsl::LineCol begin = file.line_col(loc.span.begin);
  dsl::LineCol end = file.line_col(std::max(loc.span.end, loc.span.begin + 1) - 1);
  return {{"file", file.path()},
          {"line", begin.line},
          {"column", begin.column},
          {"end_line", end.line},
          {"end_column", end.column + 1}};
}

}  // namespace

std::string render_json(std::span<const dsl::SourceFile> files,
                        std::span<const Diagnostic> diagnostics,
                        std::span<const ToolFailure> failures) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::kError;
    warnings += d.severity == Severity::kWarning;
    nlohmann::ordered_json j;
    j["code"] = info(d.kind).code;
    j["severity"] = severity_name(d.severity);
    j["message"] = d.message;
    j["location"] = location_json(files, d.location);
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const Note& n : d.notes) {
      notes.push_back({{"message", bounded_message(n.message)},
                       {"location", location_json(files, n.location)}});
    }
    j["notes"] = notes;
    if (d.fixit) {
      j["fix"] = {{"replacement", d.fixit->replacement},
                  {"location", location_json(files, d.fixit->location)}};
    }
    if (!d.help.empty()) j["help"] = bounded_message(d.help);
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json failed = nlohmann::ordered_json::array();
  for (const ToolFailure& f : failures)
    failed.push_back({{"file", f.path}, {"message", f.message}});
  nlohmann::ordered_json root;
  root["schema_version"] = kJsonSchemaVersion;
  // False when a file could not be read: its diagnostics are missing, so
  // zero errors does not mean a clean topology.
  root["succeeded"] = failures.empty();
  root["failures"] = failed;
  root["diagnostics"] = list;
  root["errors"] = errors;
  root["warnings"] = warnings;
  // Invalid UTF-8 in a message (quoted from a bad file) is replaced, never thrown on.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace topoc::diag
