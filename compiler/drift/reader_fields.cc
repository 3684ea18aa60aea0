// Helpers every state reader shares: provider names, instance keys, checked
// field access on untrusted JSON, and the DeployedResource of a Terraform
// resource instance.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <tuple>

#include "compiler/catalog/region_catalog.h"
#include "compiler/drift/attributes.h"
#include "compiler/drift/readers.h"

namespace topoc::drift::readers {

using json = nlohmann::json;

namespace {

// The code point of the UTF-8 sequence at text[i] (valid UTF-8: the readers
// refuse anything else), and its length.
uint32_t decode(std::string_view text, size_t i, size_t& length) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80 || i + 1 >= text.size()) {
    length = 1;
    return b;
  }
  auto c = [&](size_t k) {
    return static_cast<uint32_t>(static_cast<unsigned char>(text[i + k]) & 0x3F);
  };
  if (b < 0xE0) {
    length = 2;
    return ((b & 0x1Fu) << 6) | c(1);
  }
  if (b < 0xF0 || i + 3 >= text.size()) {
    length = std::min<size_t>(3, text.size() - i);
    return length < 3 ? b : ((b & 0x0Fu) << 12) | (c(1) << 6) | c(2);
  }
  length = 4;
  return ((b & 0x07u) << 18) | (c(1) << 12) | (c(2) << 6) | c(3);
}

// Characters Go's unicode.IsPrint refuses that a key may plausibly hold:
// controls, the no-break and other format spaces, line and paragraph
// separators, the byte order mark.
bool printable_code_point(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return false;
  if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return false;
  return true;
}

std::string pointer_key(std::string_view key) {
  std::string out = "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

bool is_azurerm_provider(std::string_view provider) {
  // Mirrors and private registries keep the type name last.
  if (provider == "azurerm" || provider.find("/azurerm\"]") != std::string_view::npos ||
      (provider.size() >= 8 && provider.substr(provider.size() - 8) == "/azurerm")) {
    return true;
  }
  // Terraform 0.12 states: `provider.azurerm`, with an alias
  // (`provider.azurerm.west`) or inside a module (`module.m.provider.azurerm`).
  constexpr std::string_view kLegacy = "provider.azurerm";
  for (size_t at = provider.find(kLegacy); at != std::string_view::npos;
       at = provider.find(kLegacy, at + 1)) {
    size_t end = at + kLegacy.size();
    if ((at == 0 || provider[at - 1] == '.') && (end == provider.size() || provider[end] == '.')) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> instance_key(const json& key) {
  if (key.is_number_integer() || key.is_number_unsigned()) return fmt::format("[{}]", key.dump());
  if (!key.is_string()) return std::nullopt;
  // Terraform's addrs.StringKey: HCL's quoted-string syntax.
  const std::string& text = key.get_ref<const std::string&>();
  std::string out = "[\"";
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    uint32_t cp = decode(text, i, length);
    if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else if ((cp == '$' || cp == '%') && i + 1 < text.size() && text[i + 1] == '{') {
      out += static_cast<char>(cp);
      out += static_cast<char>(cp);
    } else if (!printable_code_point(cp)) {
      out += cp < 0x10000 ? fmt::format("\\u{:04x}", cp) : fmt::format("\\U{:08x}", cp);
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  out += "\"]";
  return out;
}

std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;
    }
  }
  return out;
}

ShapeError under(std::string_view prefix, ShapeError error) {
  error.pointer = std::string(prefix) + error.pointer;
  return error;
}

std::optional<ShapeError> optional_string(const json& object, std::string_view key,
                                          std::string& out) {
  out.clear();
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be a string", key)};
  }
  out = it->get<std::string>();
  return std::nullopt;
}

std::optional<ShapeError> required_string(const json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be a string", key)};
  }
  return std::nullopt;
}

std::optional<ShapeError> optional_bool(const json& object, std::string_view key, bool& out) {
  out = false;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be true or false", key)};
  }
  out = it->get<bool>();
  return std::nullopt;
}

std::optional<ShapeError> optional_object(const json& object, std::string_view key, json& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out = json::object();
    return std::nullopt;
  }
  if (!it->is_object()) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be an object", key)};
  }
  out = *it;
  return std::nullopt;
}

std::optional<ShapeError> take_object(json& object, std::string_view key, json& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    out = json::object();
    return std::nullopt;
  }
  if (!it->is_object()) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be an object", key)};
  }
  out = std::move(*it);
  return std::nullopt;
}

std::optional<ShapeError> tags_of(const json& values, TagPool& pool, SharedTags& out) {
  out = nullptr;
  auto it = values.find("tags");
  if (it == values.end()) return std::nullopt;
  Tags tags;
  if (!it->is_null()) {
    if (!it->is_object()) return ShapeError{"/tags", "expected `tags` to be an object"};
    for (const auto& [k, v] : it->items()) {
      if (!v.is_string()) {
        return ShapeError{"/tags" + pointer_key(k), "expected a tag's value to be a string"};
      }
      tags[k] = v.get<std::string>();
    }
  }
  out = pool.intern(std::move(tags));
  return std::nullopt;
}

void CapturedString::set(Captured kind, std::string_view value) {
  switch (kind) {
    case Captured::kString:
      state = State::kString;
      text.assign(value);
      return;
    case Captured::kNull:
      state = State::kNull;
      break;
    case Captured::kOther:
      state = State::kOther;
      break;
  }
  text.clear();
}

void CapturedTags::set(std::string_view key, Captured kind, std::string_view value) {
  if (kind == Captured::kString) {
    others.erase(std::string(key));
    auto [it, inserted] = strings.try_emplace(std::string(key));
    it->second.assign(value);
  } else {
    strings.erase(std::string(key));
    others.emplace(key);
  }
}

std::optional<ShapeError> optional_string(CapturedString& field, std::string_view key,
                                          std::string& out) {
  out.clear();
  if (field.state == CapturedString::State::kOther) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be a string", key)};
  }
  if (field.state == CapturedString::State::kString) out = std::move(field.text);
  return std::nullopt;
}

std::optional<ShapeError> required_string(const CapturedString& field, std::string_view key) {
  if (field.state != CapturedString::State::kString) {
    return ShapeError{pointer_key(key), fmt::format("expected `{}` to be a string", key)};
  }
  return std::nullopt;
}

namespace {

// What a Terraform resource's identity leaves to do once its fields are
// read: the group from an id, and the attributes kept only when they hold
// something compared.
void finish_terraform_resource(const std::string& group_id, json values, DeployedResource& d) {
  if (d.resource_group.empty()) d.resource_group = resource_group_of_id(group_id);
  if (d.resource_group.empty() && d.type != "azurerm_resource_group") {
    d.resource_group = resource_group_of_id(d.id);
  }
  strip_identity(values);
  // Most resources keep no compared attribute; an empty object would still
  // cost an allocation each.
  if (values.empty()) values = nullptr;
  d.attributes = std::move(values);
}

}  // namespace

std::optional<ShapeError> terraform_resource(std::string address, std::string type, json values,
                                             ShowFields& f, TagPool& pool, DeployedResource& d) {
  d.origin = Origin::kTerraform;
  d.address = std::move(address);
  d.type = TypeName::of(type);
  std::string group_id, location;
  for (auto [key, captured, field] :
       {std::tuple{"id", &f.id, &d.id}, std::tuple{"name", &f.name, &d.name},
        std::tuple{"location", &f.location, &location},
        std::tuple{"resource_group_name", &f.resource_group_name, &d.resource_group},
        std::tuple{"resource_group_id", &f.resource_group_id, &group_id}}) {
    if (auto error = optional_string(*captured, key, *field)) return error;
  }
  // As tags_of(), with the entries captured and `tags` itself kept.
  d.tags = nullptr;
  if (auto it = values.find("tags"); it != values.end()) {
    if (!it->is_null() && !it->is_object()) {
      return ShapeError{"/tags", "expected `tags` to be an object"};
    }
    if (it->is_object() && !f.tags.others.empty()) {
      return ShapeError{"/tags" + pointer_key(*f.tags.others.begin()),
                        "expected a tag's value to be a string"};
    }
    d.tags = it->is_null() ? pool.intern(Tags()) : pool.intern(f.tags.strings);
  }
  normalise_attributes(d.type, values);
  // normalise_attributes() would have done the same to a kept `location`.
  if (f.location.state == CapturedString::State::kString) {
    d.location = catalog::normalise_location(location);
  }
  finish_terraform_resource(group_id, std::move(values), d);
  return std::nullopt;
}

std::optional<ShapeError> terraform_resource(std::string address, std::string type, json values,
                                             TagPool& pool, DeployedResource& d) {
  d.origin = Origin::kTerraform;
  d.address = std::move(address);
  d.type = TypeName::of(type);
  std::string group_id;
  // Moved out rather than copied: strip_identity() drops them from the
  // values below. `location` stays, for normalise_attributes().
  for (auto [key, field] :
       {std::pair{"id", &d.id}, std::pair{"name", &d.name}, std::pair{"location", &d.location},
        std::pair{"resource_group_name", &d.resource_group},
        std::pair{"resource_group_id", &group_id}}) {
    auto it = values.find(key);
    if (field != &d.location && it != values.end() && it->is_string()) {
      *field = std::move(it->get_ref<std::string&>());
    } else if (auto error = optional_string(values, key, *field)) {
      return error;
    }
  }
  if (auto error = tags_of(values, pool, d.tags)) return error;
  normalise_attributes(d.type, values);
  d.location = string_field(values, "location");
  finish_terraform_resource(group_id, std::move(values), d);
  return std::nullopt;
}

void ReadResources::push_back(DeployedResource resource) {
  if (size_ % kChunk == 0) chunks_.emplace_back().reserve(kChunk);
  chunks_.back().push_back(std::move(resource));
  ++size_;
}

void ReadResources::move_into(std::vector<DeployedResource>& out) {
  out.reserve(out.size() + size_);
  for (std::vector<DeployedResource>& chunk : chunks_) {
    out.insert(out.end(), std::make_move_iterator(chunk.begin()),
               std::make_move_iterator(chunk.end()));
    std::vector<DeployedResource>().swap(chunk);
  }
  chunks_.clear();
  size_ = 0;
}

void add_resource(ReadContext& context, DeployedResource resource) {
  context.resources.push_back(std::move(resource));
}

std::string string_field(const json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace topoc::drift::readers
