// Diagnostics as CI annotations. GitHub Actions reads `::error ...::message`
// lines from a step's output; Azure Pipelines reads `##vso[task.logissue
// ...]message`. Escapes, from the runners' own libraries: GitHub's
// @actions/core (command.ts: data `%` `\r` `\n` -> `%25` `%0D` `%0A`, and in
// properties also `:` `,` -> `%3A` `%2C`); Azure's azure-pipelines-task-lib
// (taskcommand.ts: data `%` `\r` `\n` -> `%AZP25` `%0D` `%0A`, and in
// properties also `]` `;` -> `%5D` `%3B`).
#include <fmt/format.h>

#include "compiler/diag/render.h"

namespace topoc::diag {
namespace {

std::string replace_each(std::string_view text, std::string_view from, const char* const* to) {
  std::string out;
  for (char c : text) {
    size_t i = from.find(c);
    if (i == std::string_view::npos) {
      out += c;
    } else {
      out += to[i];
    }
  }
  return out;
}

const char* github_level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "notice";
  }
  return "notice";
}

// Azure Pipelines has errors and warnings only.
const char* azure_level(Severity s) {
  return s == Severity::kError ? "error" : "warning";
}

std::string message_of(const Diagnostic& d) {
  return d.help.empty() ? d.message : d.message + "; " + bounded_message(d.help);
}

struct Span {
  dsl::LineCol begin, end;  // end: one past the last character
};

Span span_of(std::span<const dsl::SourceFile> files, const Location& loc) {
  const dsl::SourceFile& file = files[loc.file];
  dsl::LineCol begin = file.line_col(loc.span.begin);
  dsl::LineCol last = file.line_col(std::max(loc.span.end, loc.span.begin + 1) - 1);
  return {begin, {last.line, last.column + 1}};
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  static const char* const kTo[] = {"%25", "%0D", "%0A"};
  return replace_each(text, "%\r\n", kTo);
}

std::string github_escape_property(std::string_view text) {
  static const char* const kTo[] = {"%25", "%0D", "%0A", "%3A", "%2C"};
  return replace_each(text, "%\r\n:,", kTo);
}

std::string azure_escape_data(std::string_view text) {
  static const char* const kTo[] = {"%AZP25", "%0D", "%0A"};
  return replace_each(text, "%\r\n", kTo);
}

std::string azure_escape_property(std::string_view text) {
  static const char* const kTo[] = {"%AZP25", "%0D", "%0A", "%5D", "%3B"};
  return replace_each(text, "%\r\n];", kTo);
}

std::string render_github(std::span<const dsl::SourceFile> files,
                          std::span<const Diagnostic> diagnostics,
                          std::span<const ToolFailure> failures, const AnnotationOptions& options) {
  std::string out;
  for (const ToolFailure& f : failures) {
    std::string path = root_relative_path(f.path, options.root, options.base_dir);
    out += fmt::format("::error file={},title={}::{}\n", github_escape_property(path),
                       github_escape_property("topoc: cannot read the file"),
                       github_escape_data(fmt::format("cannot read `{}`: {}", f.path, f.message)));
  }
  for (const Diagnostic& d : diagnostics) {
    const KindInfo& k = info(d.kind);
    std::string path =
        root_relative_path(files[d.location.file].path(), options.root, options.base_dir);
    Span s = span_of(files, d.location);
    out += fmt::format("::{} file={},line={},endLine={},col={},endColumn={},title={}::{}\n",
                       github_level(d.severity), github_escape_property(path), s.begin.line,
                       s.end.line, s.begin.column, s.end.column,
                       github_escape_property(fmt::format("{} {}", k.code, k.summary)),
                       github_escape_data(message_of(d)));
  }
  return out;
}

std::string render_azure_devops(std::span<const dsl::SourceFile> files,
                                std::span<const Diagnostic> diagnostics,
                                std::span<const ToolFailure> failures,
                                const AnnotationOptions& options) {
  // The agent wants absolute paths to link a file.
  std::string out;
  for (const ToolFailure& f : failures) {
    out += fmt::format("##vso[task.logissue type=error;sourcepath={}]{}\n",
                       azure_escape_property(absolute_path(f.path, options.base_dir)),
                       azure_escape_data(fmt::format("cannot read `{}`: {}", f.path, f.message)));
  }
  for (const Diagnostic& d : diagnostics) {
    Span s = span_of(files, d.location);
    out += fmt::format(
        "##vso[task.logissue type={};sourcepath={};linenumber={};columnnumber={};code={}]{}\n",
        azure_level(d.severity),
        azure_escape_property(absolute_path(files[d.location.file].path(), options.base_dir)),
        s.begin.line, s.begin.column, info(d.kind).code,
        azure_escape_data(fmt::format("{} {}", info(d.kind).code, message_of(d))));
  }
  return out;
}

}  // namespace topoc::diag
