#include "compiler/drift/desired_state.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include "compiler/catalog/region_catalog.h"
#include "compiler/drift/attributes.h"

namespace topoc::drift {
namespace {

using json = nlohmann::json;

struct Problem {
  std::string pointer;
  std::string message;
};

// Reads an optional string member; null and absent both give "".
std::optional<Problem> optional_string(const json& object, const char* key, std::string_view at,
                                       std::string& out) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    return Problem{fmt::format("{}/{}", at, key), fmt::format("expected `{}` to be a string", key)};
  }
  out = it->get<std::string>();
  return std::nullopt;
}

// The string fields of a manifest resource, captured while it is read
// (Route::kCapture) instead of kept in its JSON. `tags` stays in the JSON
// (an empty object, or whatever else it was) and its entries are captured.
struct ManifestFields {
  struct Field {
    const char* key;
    enum State : uint8_t { kAbsent, kString, kNull, kOther } state = kAbsent;
    std::string text;
  };
  std::array<Field, 6> fields = {Field{"address"},  Field{"type"},     Field{"name"},
                                 Field{"location"}, Field{"boundary"}, Field{"resource_group"}};
  Tags tags;
  std::set<std::string> bad_tags;  // keys whose value is not a string

  Field* find(std::string_view key) {
    for (Field& f : fields) {
      if (key == f.key) return &f;
    }
    return nullptr;
  }
  void clear() {
    for (Field& f : fields) f.state = Field::kAbsent;
    tags.clear();
    bad_tags.clear();
  }
};

void set_field(ManifestFields::Field& f, Captured kind, std::string_view text) {
  f.state = kind == Captured::kString ? ManifestFields::Field::kString
            : kind == Captured::kNull ? ManifestFields::Field::kNull
                                      : ManifestFields::Field::kOther;
  f.text.assign(kind == Captured::kString ? text : std::string_view());
}

// `path` is the resource's, spelled as a pointer only for a problem.
std::optional<Problem> read_resource(json& r, ManifestFields& m, const JsonPath& path,
                                     TagPool& pool, DesiredResource& d) {
  auto at = [&] { return json_pointer(path); };
  if (!r.is_object()) return Problem{at(), "expected a resource object"};
  for (size_t i : {0, 1}) {  // address, type
    const ManifestFields::Field& f = m.fields[i];
    if (f.state != ManifestFields::Field::kString || f.text.empty()) {
      return Problem{fmt::format("{}/{}", at(), f.key),
                     fmt::format("expected `{}` to be a non-empty string", f.key)};
    }
  }
  d.address = std::move(m.fields[0].text);
  d.type = TypeName::of(m.fields[1].text);
  for (auto [i, out] : {std::pair{2, &d.name}, std::pair{3, &d.location}, std::pair{4, &d.boundary},
                        std::pair{5, &d.resource_group}}) {
    ManifestFields::Field& f = m.fields[i];
    if (f.state == ManifestFields::Field::kOther) {
      return Problem{fmt::format("{}/{}", at(), f.key),
                     fmt::format("expected `{}` to be a string", f.key)};
    }
    if (f.state == ManifestFields::Field::kString) *out = std::move(f.text);
  }
  if (d.location != "global") d.location = catalog::normalise_location(d.location);
  if (auto it = r.find("attributes"); it != r.end() && !it->is_null()) {
    if (!it->is_object()) {
      return Problem{fmt::format("{}/attributes", at()), "expected `attributes` to be an object"};
    }
    d.attributes = std::move(*it);
    normalise_attributes(d.type, d.attributes);
    strip_identity(d.attributes);
  }
  if (auto it = r.find("tags"); it != r.end() && !it->is_null()) {
    if (!it->is_object())
      return Problem{fmt::format("{}/tags", at()), "expected `tags` to be an object"};
    if (!m.bad_tags.empty()) {
      return Problem{fmt::format("{}/tags/{}", at(), *m.bad_tags.begin()),
                     "expected tag values to be strings"};
    }
    d.tags = pool.intern(m.tags);
  }
  return std::nullopt;
}

// The addresses read so far, as positions in the resources read, to find
// one listed twice: a set of the addresses would copy each of them.
class AddressIndex {
 public:
  // False when resources[i]'s address is already there.
  bool insert(const std::vector<DesiredResource>& resources, size_t i) {
    if ((size_ + 1) * 2 > slots_.size()) grow(resources);
    size_t h = std::hash<std::string>()(resources[i].address);
    size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      if (slots_[s] == 0) {
        slots_[s] = static_cast<uint32_t>(i + 1);
        ++size_;
        return true;
      }
      if (resources[slots_[s] - 1].address == resources[i].address) return false;
    }
  }

 private:
  void grow(const std::vector<DesiredResource>& resources) {
    std::vector<uint32_t> old(std::max<size_t>(64, slots_.size() * 2));
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (uint32_t v : old) {
      if (v == 0) continue;
      size_t s = std::hash<std::string>()(resources[v - 1].address) & mask;
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = v;
    }
  }
  std::vector<uint32_t> slots_;  // position + 1; 0 is empty
  size_t size_ = 0;
};

// A manifest of a large estate holds tens of thousands of resources: each is
// handed over and kept with only the attributes drift compares, its string
// fields captured as they are read.
class ManifestRouter : public JsonRouter {
 public:
  Route route(const JsonPath& path) override {
    if (path.empty()) return Route::kKeep;
    const std::string& top = path[0].key;
    if (path.size() == 1) return top == "resources" ? Route::kKeep : Route::kKeepAll;
    if (top != "resources" || !path[1].index) return Route::kSkip;
    if (path.size() == 2) {
      fields_.clear();
      return Route::kHandOver;
    }
    const PathSegment& field = path[2];
    if (path.size() == 3 && !field.index) {
      if (fields_.find(field.key)) return Route::kCapture;
      if (field.key == "tags") {
        // A second `tags` replaces the first, as in the kept JSON.
        fields_.tags.clear();
        fields_.bad_tags.clear();
        return Route::kKeep;
      }
    }
    if (field.key == "tags" && !field.index) return Route::kCapture;
    if (field.key != "attributes" || field.index) return Route::kKeepAll;
    if (path.size() == 3) return Route::kKeep;
    return kept_terraform_attribute(path[3].key) ? Route::kKeepAll : Route::kSkip;
  }

  void capture(const JsonPath& path, Captured kind, std::string_view text) override {
    const PathSegment& last = path.back();
    if (path.size() == 3) {
      if (ManifestFields::Field* f = fields_.find(last.key)) set_field(*f, kind, text);
      return;
    }
    if (last.index) return;  // `tags` is an array, refused whole
    if (kind == Captured::kString) {
      fields_.bad_tags.erase(last.key);
      fields_.tags[last.key].assign(text);
    } else {
      fields_.tags.erase(last.key);
      fields_.bad_tags.insert(last.key);
    }
  }

  bool take(const JsonPath& path, json value) override {
    DesiredResource d;
    if (auto p = read_resource(value, fields_, path, tags_, d)) {
      problem_ = std::move(p);
      return false;
    }
    resources_.push_back(std::move(d));
    if (!addresses_.insert(resources_, resources_.size() - 1)) {
      problem_ = Problem{json_pointer(path) + "/address",
                         fmt::format("address `{}` appears twice", resources_.back().address)};
      resources_.pop_back();
      return false;
    }
    return true;
  }

  std::optional<Problem> problem_;
  std::vector<DesiredResource> resources_;

 private:
  TagPool tags_;
  ManifestFields fields_;
  AddressIndex addresses_;
};

// `azurerm_resource_group.region["eu"]` → `eu`.
std::string region_key(std::string_view address) {
  constexpr std::string_view kPrefix = "azurerm_resource_group.region[\"";
  if (address.substr(0, kPrefix.size()) != kPrefix || address.substr(address.size() - 2) != "\"]") {
    return "";
  }
  return std::string(address.substr(kPrefix.size(), address.size() - kPrefix.size() - 2));
}

void add_locations(std::set<std::string>& out, const json* list) {
  if (!list || !list->is_array()) return;
  for (const json& l : *list) {
    if (l.is_string()) out.insert(catalog::normalise_location(l.get_ref<const std::string&>()));
  }
}

// See DesiredState::boundary_locations for the order of preference.
void derive_boundaries(const json& root, DesiredState& s) {
  std::map<std::string, std::set<std::string>> declared, assigned, used;
  if (auto it = root.find("boundaries"); it != root.end() && it->is_object()) {
    for (const auto& [name, b] : it->items()) {
      if (b.is_object()) add_locations(declared[name], find_attribute(b, "allowed_locations"));
    }
  }
  for (const DesiredResource& r : s.resources) {
    if (r.boundary.empty()) continue;
    if (r.type == "azurerm_resource_group_policy_assignment") {
      add_locations(assigned[r.boundary], find_attribute(r.attributes, "allowed_locations"));
    }
    if (!r.location.empty() && r.location != "global") used[r.boundary].insert(r.location);
    if (const json* geo = find_attribute(r.attributes, "geo_location"); geo && geo->is_array()) {
      for (const json& g : *geo) {
        if (const json* l = find_attribute(g, "location"); l && l->is_string()) {
          used[r.boundary].insert(l->get<std::string>());
        }
      }
    }
  }
  for (auto* source : {&used, &assigned, &declared}) {
    for (auto& [name, locations] : *source) {
      if (locations.empty()) continue;
      s.boundary_locations[name].assign(locations.begin(), locations.end());
    }
  }
}

std::variant<DesiredState, ReadError> build(std::string_view path, const json& root,
                                            ManifestRouter& router) {
  auto error = [&](std::string pointer, std::string message) -> ReadError {
    return ReadError{std::string(path), pointer.empty() ? "" : "`" + pointer + "`",
                     std::move(message)};
  };
  if (!root.is_object()) return error("", "is not a topoc manifest: expected a JSON object");
  auto version = root.find("manifest_version");
  // A resource that broke off the reading is the problem, unless the
  // manifest is of a version with another shape.
  if (router.problem_ && (version == root.end() || *version == kManifestVersion)) {
    return error(router.problem_->pointer, router.problem_->message);
  }
  if (version == root.end()) {
    return error("", "is not a topoc manifest: it has no `manifest_version`");
  }
  if (!version->is_number_integer() && !version->is_number_unsigned()) {
    return error("/manifest_version", "expected `manifest_version` to be an integer");
  }
  if (*version != kManifestVersion) {
    return error("/manifest_version",
                 fmt::format("manifest version {} is not supported; this topoc reads version {}",
                             version->dump(), kManifestVersion));
  }
  DesiredState s;
  s.source = std::string(path);
  s.manifest_version = kManifestVersion;
  for (auto [key, out] :
       {std::pair{"topology", &s.topology}, std::pair{"environment", &s.environment}}) {
    if (auto p = optional_string(root, key, "", *out)) return error(p->pointer, p->message);
  }
  auto resources = root.find("resources");
  if (resources == root.end() || !resources->is_array()) {
    return error("/resources", "expected `resources` to be an array");
  }
  s.resources = std::move(router.resources_);
  // Grown by doubling, the vector holds up to twice what it needs for as long
  // as the comparison runs; the state read next is when memory peaks.
  s.resources.shrink_to_fit();
  std::sort(
      s.resources.begin(), s.resources.end(),
      [](const DesiredResource& a, const DesiredResource& b) { return a.address < b.address; });
  for (const DesiredResource& r : s.resources) {
    if (r.type != "azurerm_resource_group") continue;
    s.resource_groups[lower(r.name)] = r.boundary;
    std::string key = region_key(r.address);
    if (!key.empty()) s.regions.push_back({key, r.location, r.boundary, r.name});
  }
  std::sort(s.regions.begin(), s.regions.end(),
            [](const DesiredRegion& a, const DesiredRegion& b) { return a.key < b.key; });
  derive_boundaries(root, s);
  return s;
}

}  // namespace

const DesiredResource* DesiredState::find(std::string_view address) const {
  auto it =
      std::lower_bound(resources.begin(), resources.end(), address,
                       [](const DesiredResource& r, std::string_view a) { return r.address < a; });
  return it != resources.end() && it->address == address ? &*it : nullptr;
}

bool looks_like_manifest(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

std::variant<DesiredState, ReadError> parse_desired_state(std::string_view display_path,
                                                          std::string_view text) {
  ManifestRouter router;
  StreamResult result = stream_json_text(display_path, text, router);
  if (result.error) return *result.error;
  return build(display_path, result.kept, router);
}

std::variant<DesiredState, ReadError> read_desired_state_file(const std::string& path) {
  ManifestRouter router;
  StreamResult result = stream_json_file(path, router);
  if (result.error) return *result.error;
  return build(path, result.kept, router);
}

}  // namespace topoc::drift
