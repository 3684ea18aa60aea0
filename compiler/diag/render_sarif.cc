#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cctype>

#include <map>

#include "compiler/diag/render.h"

namespace topoc::diag {
namespace {

using json = nlohmann::ordered_json;

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
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
  return units + (at.column - 1 > before.size() ? at.column - 1 - static_cast<uint32_t>(before.size()) : 0);
}

json region_json(const dsl::SourceFile& file, dsl::Span span) {
  dsl::LineCol begin = file.line_col(span.begin);
  dsl::LineCol last = file.line_col(std::max(span.end, span.begin + 1) - 1);
  // endColumn is exclusive: one past the last byte's column.
  dsl::LineCol end{last.line, last.column + 1};
  return {{"startLine", begin.line},
          {"startColumn", utf16_column(file, begin)},
          {"endLine", end.line},
          {"endColumn", utf16_column(file, end)}};
}

json physical_location(std::span<const dsl::SourceFile> files, const Location& loc) {
  const dsl::SourceFile& file = files[loc.file];
  return {{"artifactLocation", {{"uri", sarif_uri(file.path())}}},
          {"region", region_json(file, loc.span)}};
}

}  // namespace

std::string sarif_uri(std::string_view path) {
  std::string out;
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    // Percent-encode what may not appear in a URI reference; keep '/' as the separator.
    if (std::isalnum(u) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  while (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out;
}

std::string render_sarif(std::span<const dsl::SourceFile> files, std::span<const Diagnostic> diagnostics,
                         std::string_view tool_version) {
  json rules = json::array();
  std::map<Kind, size_t> rule_index;
  for (const KindInfo& k : all_kinds()) {
    rule_index[k.kind] = rules.size();
    rules.push_back({{"id", k.code},
                     {"name", k.name},
                     {"shortDescription", {{"text", k.summary}}},
                     {"helpUri", "https://github.com/topoc/topoc/blob/main/docs/rules.md#" +
                                     std::string(k.code)},
                     {"defaultConfiguration", {{"level", sarif_level(k.severity)}}}});
  }
  json results = json::array();
  for (const Diagnostic& d : diagnostics) {
    json result = {
        {"ruleId", info(d.kind).code},
        {"ruleIndex", rule_index[d.kind]},
        {"level", sarif_level(d.severity)},
        {"message",
         {{"text", d.help.empty() ? d.message : d.message + "; " + bounded_message(d.help)}}},
        {"locations", json::array({{{"physicalLocation", physical_location(files, d.location)}}})}};
    if (!d.notes.empty()) {
      json related = json::array();
      for (size_t i = 0; i < d.notes.size(); ++i) {
        related.push_back({{"id", i},
                           {"message", {{"text", bounded_message(d.notes[i].message)}}},
                           {"physicalLocation", physical_location(files, d.notes[i].location)}});
      }
      result["relatedLocations"] = related;
    }
    if (d.fixit) {
      const dsl::SourceFile& file = files[d.fixit->location.file];
      result["fixes"] = json::array(
          {{{"description", {{"text", "replace with `" + d.fixit->replacement + "`"}}},
            {"artifactChanges",
             json::array({{{"artifactLocation", {{"uri", sarif_uri(file.path())}}},
                           {"replacements",
                            json::array({{{"deletedRegion", region_json(file, d.fixit->location.span)},
                                          {"insertedContent", {{"text", d.fixit->replacement}}}}})}}})}}});
    }
    results.push_back(std::move(result));
  }
  json artifacts = json::array();
  for (const dsl::SourceFile& f : files) artifacts.push_back({{"location", {{"uri", sarif_uri(f.path())}}}});
  json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "topoc"},
                                                    {"version", tool_version},
                                                    {"informationUri", "https://github.com/topoc/topoc"},
                                                    {"rules", rules}}}}},
                             {"artifacts", artifacts},
                             {"columnKind", "utf16CodeUnits"},
                             {"results", results}}})}};
  return sarif.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace topoc::diag
