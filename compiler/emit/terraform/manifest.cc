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
// as text: each resource's envelope directly, only its small `attributes`
// through nlohmann::json. The layout is exactly `json::dump(2)`'s (keys in
// sorted order, two-space indents), which keeps the file what a reader of
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

class Manifest {
 public:
  explicit Manifest(const Estate& e) : e_(e) {
    json tags(e.tags);
    append_nested(tags_, tags, 3);
  }

  // One resource; `tags` only for resource types that carry tags.
  void add(std::string address, std::string_view type, std::string_view name,
           std::string_view location, std::string_view boundary, std::string_view resource_group,
           const json& attributes, bool tagged) {
    // An item of `resources`: its braces two levels deep, its keys three.
    std::string r;
    r.reserve(1024);
    r += "    {\n      \"address\": ";
    append_string(r, address);
    r += ",\n      \"attributes\": ";
    append_nested(r, attributes, 3);
    r += ",\n      \"boundary\": ";
    append_string_or_null(r, boundary);
    r += ",\n      \"location\": ";
    append_string_or_null(r, location);
    r += ",\n      \"name\": ";
    append_string_or_null(r, name);
    r += ",\n      \"resource_group\": ";
    append_string_or_null(r, resource_group);
    if (tagged) {
      r += ",\n      \"tags\": ";
      r += tags_;
    }
    r += ",\n      \"type\": ";
    append_string(r, type);
    r += "\n    }";
    identities_.push_back(
        {address, std::string(type), std::string(name), std::string(resource_group)});
    resources_.emplace_back(std::move(address), std::move(r));
  }

  ManifestFile finish() {
    // One order by address for both lists: sorting indices moves no strings.
    std::vector<size_t> order(resources_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return resources_[a].first < resources_[b].first; });
    ManifestFile out;
    std::string& t = out.text;
    // Written once into a buffer of its final size (short of escapes in the
    // three names), not copied through the doublings of a growing string.
    size_t size = 256 + e_.environment.size() + e_.state_key.size() + e_.topology->name.size();
    for (const auto& [address, text] : resources_) size += text.size() + 2;
    t.reserve(size);
    t += "{\n  \"environment\": ";
    append_string(t, e_.environment);
    t += fmt::format(
        ",\n  \"generator\": \"topoc\",\n  \"manifest_version\": {},\n  \"resources\": ",
        kManifestVersion);
    if (resources_.empty()) {
      t += "[]";
    } else {
      t += "[\n";
      for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0) t += ",\n";
        t += resources_[order[i]].second;
      }
      t += "\n  ]";
    }
    t += ",\n  \"state_key\": ";
    append_string(t, e_.state_key);
    t += ",\n  \"topology\": ";
    append_string(t, e_.topology->name);
    t += "\n}\n";
    out.addresses.reserve(order.size());
    out.resources.reserve(order.size());
    for (size_t i : order) {
      out.addresses.push_back(std::move(resources_[i].first));
      out.resources.push_back(std::move(identities_[i]));
    }
    return out;
  }

 private:
  const Estate& e_;
  std::string tags_;  // the estate's tags, as every tagged resource carries them
  std::vector<std::pair<std::string, std::string>> resources_;  // address, JSON text
  std::vector<ManifestResource> identities_;
};

}  // namespace

ManifestFile build_manifest(const Estate& e) {
  Manifest m(e);
  for (const estate::Resource& r : e.resources) {
    m.add(r.key, r.azurerm_type, r.name, r.location, r.boundary, r.resource_group, r.properties,
          r.tagged);
  }
  return m.finish();
}

}  // namespace topoc::emit::terraform
