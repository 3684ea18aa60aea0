// textDocument/completion. While a line is being typed the file rarely
// parses, so the context comes from a scan of the text before the cursor
// (blocks, the current key, whether a value is expected), not from the tree.
// Keys and the spellings of choices come from the readers (schema.h);
// locations, geographies, countries and metrics from the catalogues;
// boundary and region names from the document.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "compiler/catalog/country_catalog.h"
#include "compiler/catalog/metric_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/lsp/features.h"
#include "compiler/lsp/schema.h"
#include "compiler/model/build_model.h"
#include "compiler/model/topology.h"

namespace topoc::lsp {
namespace {

// CompletionItemKind
constexpr int kKindValue = 12, kKindProperty = 10, kKindStruct = 22, kKindEnumMember = 20,
              kKindReference = 18, kKindConstant = 21;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == '%' || c == '/';
}

struct Declared {
  std::vector<std::string> boundaries, regions;
  std::set<std::string> redis_groups;  // Managed Redis geo-replication groups already named
};

struct Context {
  enum class State { kKey, kLabel, kValue, kList };
  std::vector<std::string> path;  // the keys of the open blocks, outermost first
  State state = State::kKey;
  std::string key;  // the item being written
  bool in_comment_or_string = false;
};

// Scans text[0, end): the context at `end`, and the boundaries and regions
// declared on the way.
Context scan(std::string_view text, size_t end, Declared* declared) {
  Context c;
  std::vector<std::string> labels;
  auto word = [&](std::string w) {
    switch (c.state) {
      case Context::State::kKey:
        c.key = std::move(w);
        labels.clear();
        c.state = Context::State::kLabel;
        break;
      case Context::State::kLabel:
        labels.push_back(std::move(w));
        break;
      case Context::State::kValue:
        c.state = Context::State::kKey;
        break;
      case Context::State::kList:
        break;
    }
  };
  size_t i = 0;
  while (i < end) {
    char ch = text[i];
    if (ch == '#' || (ch == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos || nl >= end) {
        c.in_comment_or_string = true;
        return c;
      }
      i = nl + 1;
    } else if (ch == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      if (close == std::string_view::npos || close + 2 > end) {
        c.in_comment_or_string = true;
        return c;
      }
      i = close + 2;
    } else if (ch == '"') {
      std::string s;
      size_t j = i + 1;
      for (; j < text.size() && text[j] != '"' && text[j] != '\n'; ++j) {
        if (text[j] == '\\' && j + 1 < text.size()) ++j;
        s += text[j];
      }
      if (j >= end) {
        c.in_comment_or_string = true;
        return c;
      }
      word(std::move(s));
      i = j + 1;
    } else if (word_char(ch)) {
      size_t j = i;
      while (j < end && word_char(text[j])) ++j;
      if (j == end) return c;  // the word being typed
      word(std::string(text.substr(i, j - i)));
      i = j;
    } else {
      if (ch == '{' && (c.state == Context::State::kKey || c.state == Context::State::kLabel)) {
        if (declared && c.path.size() == 1 && c.path[0] == "topology" && !labels.empty()) {
          if (c.key == "boundary") declared->boundaries.push_back(labels[0]);
          if (c.key == "region") declared->regions.push_back(labels[0]);
        }
        c.path.push_back(c.key);
        c.state = Context::State::kKey;
      } else if (ch == '}') {
        if (!c.path.empty()) c.path.pop_back();
        c.state = Context::State::kKey;
      } else if (ch == '=' && c.state == Context::State::kLabel) {
        c.state = Context::State::kValue;
      } else if (ch == '[' && c.state == Context::State::kValue) {
        c.state = Context::State::kList;
      } else if (ch == ']' && c.state == Context::State::kList) {
        c.state = Context::State::kKey;
      } else if (ch == '\n' && c.state == Context::State::kValue) {
        // A value is written on the line of its `=`; an `=` left without one
        // must not swallow the key on the next line.
        c.state = Context::State::kKey;
      }
      ++i;
    }
  }
  return c;
}

std::string join(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& k : path) out += (out.empty() ? "" : "/") + k;
  return out;
}

nlohmann::json item(std::string label, int kind, std::string detail) {
  return {{"label", std::move(label)}, {"kind", kind}, {"detail", std::move(detail)}};
}

void add_locations(nlohmann::json& items) {
  for (const catalog::RegionInfo& r : catalog::all_regions()) {
    items.push_back(item(std::string(r.name), kKindValue,
                         fmt::format("{} ({}, {}{})", r.display, r.geography, r.country,
                                     r.eu_data_boundary ? ", EU Data Boundary" : "")));
  }
}

void add_values(nlohmann::json& items, const std::string& path, const std::string& key,
                const Declared& declared) {
  const auto& schema = language_schema();
  const KeySchema* k = nullptr;
  if (auto it = schema.find(path); it != schema.end()) k = it->second.find(key);
  if (k && !k->choices.empty()) {
    for (const std::string& c : k->choices) items.push_back(item(c, kKindEnumMember, key));
  }
  if (k && k->boolean) {
    for (const char* b : {"true", "false"}) items.push_back(item(b, kKindConstant, key));
  }
  if ((k && k->location) || key == "locations" ||
      (path == "topology/registry" && key == "replicas")) {
    add_locations(items);
  }
  if (key == "geography") {
    for (std::string_view g : catalog::all_geographies()) {
      items.push_back(item(std::string(g), kKindEnumMember,
                           fmt::format("{} locations", catalog::regions_in_geography(g).size())));
    }
  }
  if ((path == "topology/region" && key == "boundary") ||
      (path == "topology/tenant" && key == "residency") ||
      (path == "topology/frontdoor/geo" && key == "fallback")) {
    for (const std::string& b : declared.boundaries)
      items.push_back(item(b, kKindReference, "boundary"));
  }
  if (path == "topology/region/redis" && key == "geo_replication") {
    for (const std::string& g : declared.redis_groups)
      items.push_back(item(g, kKindReference, "geo-replication group"));
  }
  if (((path == "topology/tenant" || path == "topology/registry") && key == "home") ||
      (path == "topology/boundary" && (key == "hub" || key == "application_insights")) ||
      (path == "topology/region/monitoring" && key == "logs_to")) {
    for (const std::string& r : declared.regions)
      items.push_back(item(r, kKindReference, "region"));
  }
  if (path == "topology/region" && key == "services") {
    for (std::string_view spelling : model::service_spellings()) {
      items.push_back(item(std::string(spelling), kKindEnumMember, "service"));
    }
  }
  if ((path == "topology/frontdoor" && key == "geo") ||
      (path == "topology/frontdoor/geo" && key == "countries")) {
    for (const catalog::CountryInfo& c : catalog::all_countries()) {
      items.push_back(item(std::string(c.code), kKindValue, std::string(c.name)));
    }
  }
  if (key == "metric") {
    for (const catalog::MetricInfo& m : catalog::all_metrics()) {
      items.push_back(
          item(std::string(m.key), kKindValue, fmt::format("{} {}", m.namespace_, m.metric)));
    }
  }
}

}  // namespace

nlohmann::json completion(const Analysis& a, Position at) {
  size_t end = a.lines.offset(at);
  Declared declared;
  scan(a.text, a.text.size(), &declared);
  if (const model::Topology* t = a.model()) {
    for (const model::Region& r : t->regions) {
      if (r.managed_redis && !r.managed_redis->geo_replication.value.empty()) {
        declared.redis_groups.insert(r.managed_redis->geo_replication.value);
      }
    }
  }
  Context c = scan(a.text, end, nullptr);
  nlohmann::json items = nlohmann::json::array();
  if (c.in_comment_or_string) return items;
  std::string path = join(c.path);
  switch (c.state) {
    case Context::State::kKey:
      if (c.path.empty()) {
        items.push_back(item("topology", kKindStruct, "block: topology \"name\" { ... }"));
        break;
      }
      if (auto it = language_schema().find(path); it != language_schema().end()) {
        for (const KeySchema& k : it->second.keys) {
          items.push_back(item(k.key, k.block && !k.attribute ? kKindStruct : kKindProperty,
                               k.block && k.attribute ? "attribute or block"
                               : k.block              ? "block"
                                                      : "attribute"));
        }
      }
      break;
    case Context::State::kLabel:
      if (path == "topology/frontdoor" && c.key == "geo") {
        for (const std::string& b : declared.boundaries)
          items.push_back(item(b, kKindReference, "boundary"));
      }
      break;
    case Context::State::kValue:
    case Context::State::kList:
      add_values(items, path, c.key, declared);
      break;
  }
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

}  // namespace topoc::lsp
