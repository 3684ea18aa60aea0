// The estate half of `topoc diff`: resources matched by key.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "compiler/lifecycle/replacements.h"
#include "compiler/report/diff.h"

namespace topoc::report {
namespace {

using nlohmann::json;

json text_or_null(const std::string& s) {
  return s.empty() ? json() : json(s);
}

// Attribute by attribute: the union of both sides' top-level attributes, in
// name order, plus the envelope fields Terraform also compares.
std::vector<PropertyChange> changed_properties(const estate::Resource& a,
                                               const estate::Resource& b) {
  std::vector<PropertyChange> out;
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({name, text_or_null(x), text_or_null(y)});
  };
  field("name", a.name, b.name);
  field("location", a.location, b.location);
  field("resource_group", a.resource_group, b.resource_group);
  std::map<std::string, std::pair<const json*, const json*>> attributes;
  if (a.properties.is_object()) {
    for (auto it = a.properties.begin(); it != a.properties.end(); ++it) {
      attributes[it.key()].first = &it.value();
    }
  }
  if (b.properties.is_object()) {
    for (auto it = b.properties.begin(); it != b.properties.end(); ++it) {
      attributes[it.key()].second = &it.value();
    }
  }
  for (const auto& [name, values] : attributes) {
    json before = values.first ? *values.first : json();
    json after = values.second ? *values.second : json();
    if (before != after) out.push_back({name, std::move(before), std::move(after)});
  }
  return out;
}

// Why Terraform would replace the stateful resource, or "" when it updates
// it in place. The rules are lifecycle's (L002-L004), not a second table.
std::string destruction_of(const estate::Resource& a, const estate::Resource& b) {
  if (!lifecycle::is_stateful(b.azurerm_type)) return "";
  if (a.name != b.name) {
    return fmt::format("renamed from `{}` to `{}`: Azure cannot rename it", a.name, b.name);
  }
  if (lifecycle::replaced_when_relocated(b.azurerm_type) && a.location != b.location) {
    return fmt::format("moved from `{}` to `{}`: Azure cannot move it", a.location, b.location);
  }
  lifecycle::ForcedReplacement forced =
      lifecycle::forced_replacement(b.azurerm_type, a.properties, b.properties);
  switch (forced) {
    case lifecycle::ForcedReplacement::kNone:
      return "";
    case lifecycle::ForcedReplacement::kReplicationFamily:
      return fmt::format(
          "replication `{}` to `{}`: azurerm replaces an account that moves between "
          "zone-redundant and other kinds",
          a.properties.value("account_replication_type", ""),
          b.properties.value("account_replication_type", ""));
    case lifecycle::ForcedReplacement::kPartitionKey:
      return fmt::format("partition key `{}` to `{}`: fixed when the container is created",
                         a.properties["partition_key_paths"].dump(),
                         b.properties["partition_key_paths"].dump());
    case lifecycle::ForcedReplacement::kBackupToPeriodic:
      return "continuous to periodic backup: azurerm replaces the account to do it";
  }
  return "";
}

ResourceDiff whole(ResourceChangeKind change, const estate::Resource& r) {
  ResourceDiff d;
  d.change = change;
  d.key = r.key;
  d.type = r.azurerm_type;
  d.name = r.name;
  d.location = r.location;
  if (change == ResourceChangeKind::kRemoved && lifecycle::is_stateful(r.azurerm_type)) {
    d.destructive = true;
    d.destruction = "removed: Terraform would destroy it and its data";
  }
  return d;
}

// A resource on both sides: changed (or moved) when anything differs.
void compare(const estate::Resource& a, const estate::Resource& b, std::vector<ResourceDiff>& out) {
  std::vector<PropertyChange> properties = changed_properties(a, b);
  if (properties.empty() && a.key == b.key) return;
  ResourceDiff d =
      whole(a.key == b.key ? ResourceChangeKind::kChanged : ResourceChangeKind::kMoved, b);
  if (a.key != b.key) d.old_key = a.key;
  d.properties = std::move(properties);
  d.destruction = destruction_of(a, b);
  d.destructive = !d.destruction.empty();
  out.push_back(std::move(d));
}

std::string tags_text(const std::map<std::string, std::string>& tags) {
  std::string out;
  for (const auto& [k, v] : tags) out += (out.empty() ? "" : ", ") + k + "=" + v;
  return out;
}

}  // namespace

std::string_view to_string(ResourceChangeKind kind) {
  switch (kind) {
    case ResourceChangeKind::kAdded:
      return "added";
    case ResourceChangeKind::kRemoved:
      return "removed";
    case ResourceChangeKind::kChanged:
      return "changed";
    case ResourceChangeKind::kMoved:
      return "moved";
  }
  return "";
}

size_t EstateDiff::count(ResourceChangeKind kind) const {
  return static_cast<size_t>(std::count_if(
      resources.begin(), resources.end(), [&](const ResourceDiff& r) { return r.change == kind; }));
}

size_t EstateDiff::destructive() const {
  return static_cast<size_t>(std::count_if(resources.begin(), resources.end(),
                                           [](const ResourceDiff& r) { return r.destructive; }));
}

EstateDiff diff_estates(const estate::Estate& before, const estate::Estate& after) {
  EstateDiff diff;
  std::unordered_map<std::string_view, const estate::Resource*> old_by_key;
  old_by_key.reserve(before.resources.size());
  for (const estate::Resource& r : before.resources) old_by_key.emplace(r.key, &r);
  std::unordered_map<std::string_view, bool> matched;
  std::vector<const estate::Resource*> added;
  for (const estate::Resource& r : after.resources) {
    auto it = old_by_key.find(r.key);
    if (it == old_by_key.end()) {
      added.push_back(&r);
      continue;
    }
    matched.emplace(r.key, true);
    compare(*it->second, r, diff.resources);
  }
  // What is left on each side: a move keeps the type and the Azure name.
  // Several resources may share a name (the DNS links of a region): they
  // pair up in planning order.
  std::unordered_map<std::string, std::vector<const estate::Resource*>> removed_by_name;
  std::vector<const estate::Resource*> removed;
  for (const estate::Resource& r : before.resources) {
    if (matched.count(r.key)) continue;
    removed.push_back(&r);
    if (!r.name.empty()) removed_by_name[r.azurerm_type + '\n' + r.name].push_back(&r);
  }
  for (auto& [_, candidates] : removed_by_name) std::reverse(candidates.begin(), candidates.end());
  std::unordered_map<const estate::Resource*, bool> moved;
  for (const estate::Resource* r : added) {
    auto it = r->name.empty() ? removed_by_name.end()
                              : removed_by_name.find(r->azurerm_type + '\n' + r->name);
    if (it != removed_by_name.end() && !it->second.empty()) {
      moved.emplace(it->second.back(), true);
      compare(*it->second.back(), *r, diff.resources);
      it->second.pop_back();
    } else {
      diff.resources.push_back(whole(ResourceChangeKind::kAdded, *r));
    }
  }
  for (const estate::Resource* r : removed) {
    if (!moved.count(r)) diff.resources.push_back(whole(ResourceChangeKind::kRemoved, *r));
  }
  std::sort(diff.resources.begin(), diff.resources.end(),
            [](const ResourceDiff& a, const ResourceDiff& b) { return a.key < b.key; });
  if (before.environment != after.environment) {
    diff.estate.push_back({"environment", before.environment, after.environment});
  }
  if (before.tags != after.tags) {
    diff.estate.push_back({"tags", tags_text(before.tags), tags_text(after.tags)});
  }
  return diff;
}

}  // namespace topoc::report
