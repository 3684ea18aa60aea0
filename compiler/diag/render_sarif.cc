#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/rule_docs.h"
#include "compiler/emit/sha256.h"

namespace topoc::diag {
namespace {

using ojson = nlohmann::ordered_json;

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "none";
}

// The run declares `columnKind: utf16CodeUnits` (what GitHub code scanning
// expects), while spans count bytes: recount the line up to `column` (1-based,
// in bytes) in UTF-16 code units. Characters beyond the BMP take two units;
// UTF-8 continuation bytes take none.
uint32_t utf16_column(const dsl::SourceFile& file, dsl::LineCol at) {
  std::string_view before = file.line_text(at.line).substr(0, at.column - 1);
  uint32_t units = 1;
  for (char c : before) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u & 0xc0) == 0x80) continue;
    units += u >= 0xf0 ? 2 : 1;
  }
  // A column past the line's text (a span that covers its newline).
  return units +
         (at.column - 1 > before.size() ? at.column - 1 - static_cast<uint32_t>(before.size()) : 0);
}

ojson region_json(const dsl::SourceFile& file, dsl::Span span) {
  dsl::LineCol begin = file.line_col(span.begin);
  dsl::LineCol last = file.line_col(std::max(span.end, span.begin + 1) - 1);
  // endColumn is exclusive: one past the last byte's column.
  dsl::LineCol end{last.line, last.column + 1};
  return {{"startLine", begin.line},
          {"startColumn", utf16_column(file, begin)},
          {"endLine", end.line},
          {"endColumn", utf16_column(file, end)}};
}

// Everything a renderer call needs about where files are.
struct Places {
  std::span<const dsl::SourceFile> files;
  const SarifOptions& options;
};

ojson artifact_location(const Places& at, std::string_view path) {
  ArtifactUri a = artifact_uri(path, at.options.root, at.options.base_dir);
  ojson location = {{"uri", a.uri}};
  if (!a.base_id.empty()) location["uriBaseId"] = a.base_id;
  return location;
}

ojson physical_location(const Places& at, const Location& loc) {
  const dsl::SourceFile& file = at.files[loc.file];
  return {{"artifactLocation", artifact_location(at, file.path())},
          {"region", region_json(file, loc.span)}};
}

// Digits blanked: a message that quotes an offset or a count of lines moves
// with the text around it, its names do not.
std::string without_numbers(std::string_view message) {
  std::string out;
  for (char c : message) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      out += c;
    }
  }
  return out;
}

std::string fingerprint_hash(const Places& at, const Diagnostic& d) {
  const dsl::SourceFile& file = at.files[d.location.file];
  std::string_view text = file.text();
  size_t begin = std::min<size_t>(d.location.span.begin, text.size());
  size_t end = std::clamp<size_t>(d.location.span.end, begin, text.size());
  std::string key;
  key += info(d.kind).code;
  key += '\0';
  key += artifact_uri(file.path(), at.options.root, at.options.base_dir).uri;
  key += '\0';
  key += text.substr(begin, std::min<size_t>(end - begin, 4096));
  key += '\0';
  key += without_numbers(d.message);
  return emit::sha256_hex(key).substr(0, 32);
}

// Links in docs/rules.md are relative to docs/: resolved against the help
// page's own directory, they still lead somewhere from a code scanning alert.
std::string absolute_links(std::string_view markdown, std::string_view help_base_url) {
  std::string_view docs_dir = help_base_url.substr(0, help_base_url.rfind('/') + 1);
  std::string out;
  size_t at = 0;
  for (size_t found; (found = markdown.find("](", at)) != std::string_view::npos;) {
    out += markdown.substr(at, found + 2 - at);
    at = found + 2;
    std::string_view rest = markdown.substr(at);
    bool relative = !rest.starts_with("http://") && !rest.starts_with("https://") &&
                    !rest.starts_with("#") && !rest.starts_with("mailto:");
    if (!relative || docs_dir.empty()) continue;
    // `../x` climbs out of docs/: drop a directory of the base instead.
    std::string_view base = docs_dir;
    while (rest.starts_with("../") && base.size() > 1) {
      size_t slash = base.substr(0, base.size() - 1).rfind('/');
      if (slash == std::string_view::npos || base.substr(0, slash).ends_with("/")) break;
      base = base.substr(0, slash + 1);
      rest.remove_prefix(3);
      at += 3;
    }
    out += base;
  }
  out += markdown.substr(at);
  return out;
}

// Plain text of a section: the Markdown without its fence lines.
std::string plain_text(std::string_view markdown) {
  std::string out;
  while (!markdown.empty()) {
    size_t end = markdown.find('\n');
    std::string_view line = markdown.substr(0, end);
    if (!line.starts_with("```")) {
      out += line;
      out += '\n';
    }
    markdown = end == std::string_view::npos ? std::string_view() : markdown.substr(end + 1);
  }
  return out;
}

ojson rule_json(const KindInfo& k, const SarifOptions& options) {
  const RuleDoc* doc = rule_doc(k.code);
  std::string help_uri = options.help_base_url;
  if (doc) help_uri += "#" + doc->anchor;
  std::string full =
      doc && !doc->full_description.empty() ? doc->full_description : std::string(k.summary);
  std::string markdown =
      doc ? absolute_links(doc->markdown, options.help_base_url) : std::string(k.summary) + "\n";
  ojson rule = {{"id", k.code},
                {"name", k.name},
                {"shortDescription", {{"text", k.summary}}},
                {"fullDescription", {{"text", full}}},
                {"help", {{"text", plain_text(markdown)}, {"markdown", markdown}}}};
  if (!help_uri.empty()) rule["helpUri"] = help_uri;
  rule["defaultConfiguration"] = {{"level", sarif_level(k.severity)}};
  return rule;
}

}  // namespace

std::string render_sarif(std::span<const dsl::SourceFile> files,
                         std::span<const Diagnostic> diagnostics, const SarifOptions& options) {
  Places at{files, options};
  ojson rules = ojson::array();
  std::map<Kind, size_t> rule_index;
  for (const KindInfo& k : all_kinds()) {
    rule_index[k.kind] = rules.size();
    rules.push_back(rule_json(k, options));
  }
  ojson results = ojson::array();
  std::map<std::string, size_t> occurrences;
  for (const Diagnostic& d : diagnostics) {
    std::string hash = fingerprint_hash(at, d);
    size_t occurrence = ++occurrences[hash];
    ojson result = {
        {"ruleId", info(d.kind).code},
        {"ruleIndex", rule_index[d.kind]},
        {"level", sarif_level(d.severity)},
        {"message",
         {{"text", d.help.empty() ? d.message : d.message + "; " + bounded_message(d.help)}}},
        {"locations", ojson::array({{{"physicalLocation", physical_location(at, d.location)}}})},
        {"partialFingerprints",
         {{std::string(kFingerprintKey), fmt::format("{}:{}", hash, occurrence)}}}};
    if (!d.notes.empty()) {
      ojson related = ojson::array();
      for (size_t i = 0; i < d.notes.size(); ++i) {
        related.push_back({{"id", i},
                           {"message", {{"text", bounded_message(d.notes[i].message)}}},
                           {"physicalLocation", physical_location(at, d.notes[i].location)}});
      }
      result["relatedLocations"] = related;
    }
    if (d.fixit) {
      const dsl::SourceFile& file = files[d.fixit->location.file];
      result["fixes"] = ojson::array(
          {{{"description", {{"text", "replace with `" + d.fixit->replacement + "`"}}},
            {"artifactChanges",
             ojson::array(
                 {{{"artifactLocation", artifact_location(at, file.path())},
                   {"replacements",
                    ojson::array({{{"deletedRegion", region_json(file, d.fixit->location.span)},
                                   {"insertedContent", {{"text", d.fixit->replacement}}}}})}}})}}});
    }
    results.push_back(std::move(result));
  }
  ojson artifacts = ojson::array();
  for (const dsl::SourceFile& f : files)
    artifacts.push_back({{"location", artifact_location(at, f.path())}});
  // A file that could not be read is a failed analysis, not a clean one: code
  // scanning must not take the missing results as fixed alerts.
  ojson notifications = ojson::array();
  for (const ToolFailure& f : options.failures) {
    notifications.push_back(
        {{"level", "error"},
         {"message", {{"text", fmt::format("cannot read `{}`: {}", f.path, f.message)}}},
         {"locations", ojson::array({{{"physicalLocation",
                                       {{"artifactLocation", artifact_location(at, f.path)}}}}})}});
  }
  ojson invocation = {{"executionSuccessful", options.failures.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  ojson driver = {{"name", "topoc"},
                  {"fullName", "topoc topology compiler"},
                  {"version", options.tool_version},
                  {"semanticVersion", options.tool_version},
                  {"informationUri", kInformationUri},
                  {"rules", rules}};
  ojson run = {{"tool", {{"driver", std::move(driver)}}}};
  if (!options.automation_id.empty()) run["automationDetails"] = {{"id", options.automation_id}};
  run["invocations"] = ojson::array({std::move(invocation)});
  if (!options.root.empty()) {
    run["originalUriBaseIds"] = {
        {std::string(kSrcRoot), {{"uri", directory_file_uri(options.root)}}}};
  }
  run["artifacts"] = std::move(artifacts);
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);
  ojson sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", ojson::array({std::move(run)})}};
  return sarif.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

std::string render_sarif(std::span<const dsl::SourceFile> files,
                         std::span<const Diagnostic> diagnostics, std::string_view tool_version) {
  SarifOptions options;
  options.tool_version = std::string(tool_version);
  return render_sarif(files, diagnostics, options);
}

}  // namespace topoc::diag
