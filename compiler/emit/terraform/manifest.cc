// topoc.manifest.json: every resource of the estate, under the address it
// will have in Terraform state (its key), with the attributes drift
// detection compares. The addresses follow main.tf's module calls and
// for_each keys exactly.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>

#include "compiler/emit/terraform/root_files.h"

namespace topoc::emit::terraform {
namespace {

using nlohmann::json;

constexpr int kManifestVersion = 1;

// The manifest is the largest file of a big estate's tree, so it is written
// as text, without a JSON document: the resources in address order, each
// straight into the file, its `attributes` (the estate's properties) walked
// by append_nested. The layout is exactly `json::dump(2)`'s (keys in sorted
// order, two-space indents), which keeps the file what a reader of
// docs/manifest.md expects and diffs stable.

// Bytes JSON escapes: control characters, `"` and `\`.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[c] = true;
  escaped['"'] = escaped['\\'] = true;
  return escaped;
}();

// Whether one of the eight bytes of `word` is one kEscaped holds; exact, by
// the zero-byte tests of "Bit Twiddling Hacks" (`hasless`, `haszero`).
bool any_escaped(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  uint64_t control = (word - kOnes * 0x20) & ~word & kHighs;
  return (control | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'))) != 0;
}

// A JSON string literal, escaped as nlohmann::json escapes it. Runs of
// characters that need no escape are appended whole.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // Most text needs no escape: skip it eight bytes at a time.
    while (i + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, sizeof word);
      if (any_escaped(word)) break;
      i += 8;
    }
    if (i == text.size()) break;
    auto u = static_cast<unsigned char>(text[i]);
    if (!kEscaped[u]) continue;
    out.append(text, plain, i - plain);
    plain = i + 1;
    switch (u) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += fmt::format("\\u{:04x}", u);
    }
  }
  out.append(text, plain);
  out += '"';
}

void append_string_or_null(std::string& out, std::string_view text) {
  if (text.empty()) {
    out += "null";
  } else {
    append_string(out, text);
  }
}

// `value.dump(2)` as it reads nested `depth` levels deep, written straight
// into `out`: keys in the object's (sorted) order, two spaces an indent.
void append_nested(std::string& out, const json& value, int depth) {
  auto newline = [&](int level) {
    out += '\n';
    out.append(static_cast<size_t>(2 * level), ' ');
  };
  switch (value.type()) {
    case json::value_t::object: {
      if (value.empty()) {
        out += "{}";
        return;
      }
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.get_ref<const json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        newline(depth + 1);
        append_string(out, key);
        out += ": ";
        append_nested(out, item, depth + 1);
      }
      newline(depth);
      out += '}';
      return;
    }
    case json::value_t::array: {
      if (value.empty()) {
        out += "[]";
        return;
      }
      out += '[';
      bool first = true;
      for (const json& item : value) {
        if (!first) out += ',';
        first = false;
        newline(depth + 1);
        append_nested(out, item, depth + 1);
      }
      newline(depth);
      out += ']';
      return;
    }
    case json::value_t::string:
      append_string(out, value.get_ref<const std::string&>());
      return;
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      fmt::format_to(std::back_inserter(out), "{}", value.get<int64_t>());
      return;
    case json::value_t::number_unsigned:
      fmt::format_to(std::back_inserter(out), "{}", value.get<uint64_t>());
      return;
    default:  // floating-point numbers, as nlohmann::json writes them
      out += value.dump();
  }
}

// One resource of `resources`: its braces two levels deep, its keys three;
// `tags` (the estate's, rendered once) only for resource types that carry them.
void append_resource(std::string& out, const estate::Resource& r, std::string_view tags) {
  out += "    {\n      \"address\": ";
  append_string(out, r.key);
  out += ",\n      \"attributes\": ";
  append_nested(out, r.properties, 3);
  out += ",\n      \"boundary\": ";
  append_string_or_null(out, r.boundary);
  out += ",\n      \"location\": ";
  append_string_or_null(out, r.location);
  out += ",\n      \"name\": ";
  append_string_or_null(out, r.name);
  out += ",\n      \"resource_group\": ";
  append_string_or_null(out, r.resource_group);
  if (r.tagged) {
    out += ",\n      \"tags\": ";
    out += tags;
  }
  out += ",\n      \"type\": ";
  append_string(out, r.azurerm_type);
  out += "\n    }";
}

}  // namespace

ManifestFile build_manifest(const Estate& e) {
  // Sorted by address once, then written in that order straight into the
  // file: no resource's text is built apart and copied again.
  std::vector<const estate::Resource*> order;
  order.reserve(e.resources.size());
  for (const estate::Resource& r : e.resources) order.push_back(&r);
  std::sort(order.begin(), order.end(),
            [](const estate::Resource* a, const estate::Resource* b) { return a->key < b->key; });
  std::string tags;
  append_nested(tags, json(e.tags), 3);

  ManifestFile out;
  std::string& t = out.text;
  // About what a resource of a big estate takes, so that the text grows
  // through few doublings.
  constexpr size_t kBytesPerResource = 640;
  t.reserve(256 + e.environment.size() + e.state_key.size() + e.topology->name.size() +
            order.size() * kBytesPerResource);
  t += "{\n  \"environment\": ";
  append_string(t, e.environment);
  t += fmt::format(",\n  \"generator\": \"topoc\",\n  \"manifest_version\": {},\n  \"resources\": ",
                   kManifestVersion);
  if (order.empty()) {
    t += "[]";
  } else {
    t += "[\n";
    for (size_t i = 0; i < order.size(); ++i) {
      if (i > 0) t += ",\n";
      append_resource(t, *order[i], tags);
    }
    t += "\n  ]";
  }
  t += ",\n  \"state_key\": ";
  append_string(t, e.state_key);
  t += ",\n  \"topology\": ";
  append_string(t, e.topology->name);
  t += "\n}\n";
  out.resources = std::move(order);
  return out;
}

}  // namespace topoc::emit::terraform
