#include "compiler/drift/findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "compiler/drift/arm_types.h"
#include "compiler/drift/attribute_diff.h"
#include "compiler/drift/attributes.h"
#include "compiler/drift/residency.h"
#include "compiler/drift/resource_labels.h"

namespace topoc::drift {
namespace {

const std::vector<FindingKindInfo> kKinds = {
    {FindingKind::kResidencyBreach, "D001", "residency-breach", "error",
     "a deployed resource keeps data outside its residency boundary"},
    {FindingKind::kMissing, "D002", "missing", "warning",
     "the topology describes a resource that is not deployed"},
    {FindingKind::kChanged, "D003", "changed", "warning",
     "a deployed resource differs from the topology"},
    {FindingKind::kUnmanaged, "D004", "unmanaged", "warning",
     "a resource in the topology's resource groups or with its tags that the topology does not "
     "describe"},
};

using AzureKey = std::tuple<std::string, std::string, std::string>;  // type, group, name

// A private DNS zone's VNet links share one name across the zones of a
// region, so they are told apart by zone.
AzureKey azure_key(std::string_view type, std::string_view group, std::string_view name,
                   const nlohmann::json& attributes) {
  std::string qualified(name);
  if (type == "azurerm_private_dns_zone_virtual_network_link") {
    const nlohmann::json* zone = find_attribute(attributes, "private_dns_zone_name");
    if (zone && zone->is_string()) qualified = zone->get<std::string>() + "/" + qualified;
  }
  return {std::string(type), lower(group), lower(qualified)};
}

// `module.aks["eu"]` of `module.aks["eu"].azurerm_role_assignment.x`; empty
// for resources of the root module.
std::string module_instance(std::string_view address, std::string_view type) {
  size_t at = address.find(fmt::format(".{}.", type));
  return at == std::string_view::npos ? "" : std::string(address.substr(0, at));
}

// `module.aks` of `module.aks["eu"].azurerm_kubernetes_cluster.this`.
std::string module_call(std::string_view address) {
  size_t end = address.find_first_of("[.", 7);
  return std::string(address.substr(0, end));
}

std::string join_backticked(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += fmt::format("{}`{}`", out.empty() ? "" : ", ", s);
  return out;
}

// "`a`", "`a` and `b`", "`a`, `b`, `c` and 4 more"; kAnyRegion reads
// "any Azure region".
std::string places(const std::vector<std::string>& locations) {
  if (locations.size() == 1 && locations.front() == kAnyRegion) return "any Azure region";
  constexpr size_t kShown = 3;
  std::string out;
  size_t shown = locations.size() > kShown + 1 ? kShown : locations.size();
  for (size_t i = 0; i < shown; ++i) {
    out += fmt::format("{}`{}`",
                       i == 0                      ? ""
                       : i + 1 == locations.size() ? " and "
                                                   : ", ",
                       locations[i]);
  }
  if (shown < locations.size()) out += fmt::format(" and {} more", locations.size() - shown);
  return out;
}

// Azure identifies a resource by its id: within a subscription, its type
// (the address fixes it), resource group and name, which Azure compares
// without case (learn.microsoft.com, "Naming rules and restrictions for
// Azure resources"). A child resource's parent is not compared: the
// manifest does not name it. What either side leaves empty is not compared.
bool same_resource(const DesiredResource& d, const DeployedResource& r) {
  auto differs = [](const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && lower(a) != lower(b);
  };
  return !differs(d.name, r.name) && !differs(d.resource_group, r.resource_group);
}

// "storage account `stshop` in resource group `rg-eu`".
std::string identity_phrase(std::string_view type, std::string_view name, std::string_view group,
                            std::string_view address) {
  std::string phrase = resource_phrase(type, name, address);
  return group.empty() ? phrase : fmt::format("{} in resource group `{}`", phrase, group);
}

// FNV-1a of text folded to lower case: the comparison's indexes hold these
// instead of lower-case copies of tens of thousands of ids and addresses.
uint64_t folded_hash(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  return h;
}

bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Deployed resources by the hash of a key (an ARM id, an address), sorted by
// hash and then by position, so that equal keys list in input order. Callers
// compare the keys themselves: a hash only narrows the search.
class HashIndex {
 public:
  void add(uint64_t hash, size_t resource) {
    entries_.push_back({hash, static_cast<uint32_t>(resource)});
  }
  void sort() { std::sort(entries_.begin(), entries_.end()); }
  // The resources whose key has `hash`, in input order.
  template <typename Visit>
  void each(uint64_t hash, Visit visit) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair{hash, uint32_t{0}});
    for (; it != entries_.end() && it->first == hash; ++it) {
      if (!visit(size_t{it->second})) return;
    }
  }

 private:
  std::vector<std::pair<uint64_t, uint32_t>> entries_;
};

const char* verb(std::string_view action) {
  if (action == "create") return "creates";
  if (action == "update") return "updates";
  if (action == "replace") return "replaces";
  if (action == "delete") return "destroys";
  if (action == "forget") return "forgets";
  return "changes";
}

class Comparer {
 public:
  Comparer(const DesiredState& desired, const DeployedState& deployed)
      : desired_(desired), deployed_(deployed) {
    identity_tags();
    index();
  }

  std::vector<Finding> run() {
    std::vector<const DesiredResource*> missing;
    for (const DesiredResource& d : desired_.resources) {
      if (!match(d)) {
        if (checkable(d) || empty_group(d)) missing.push_back(&d);
      }
    }
    report_missing(missing);
    leftovers();
    planned();
    return std::move(findings_);
  }

 private:
  // The tags that mark a resource as the topology's: those every tagged
  // desired resource carries, narrowed to `topology` and `environment` when
  // the manifest has them (owners and cost centres are shared across estates).
  void identity_tags() {
    bool first = true;
    for (const DesiredResource& d : desired_.resources) {
      if (!d.tags) continue;
      if (first) {
        identity_ = *d.tags;
        first = false;
        continue;
      }
      for (auto it = identity_.begin(); it != identity_.end();) {
        auto other = d.tags->find(it->first);
        it = other == d.tags->end() || other->second != it->second ? identity_.erase(it)
                                                                   : std::next(it);
      }
    }
    if (identity_.count("topology")) {
      std::map<std::string, std::string> narrowed;
      for (const char* key : {"topology", "environment"}) {
        if (auto it = identity_.find(key); it != identity_.end()) narrowed.insert(*it);
      }
      identity_ = std::move(narrowed);
    }
  }

  void index() {
    for (const DesiredResource& d : desired_.resources) {
      if (d.type == "azurerm_resource_group") group_locations_[lower(d.name)] = d.location;
      if (d.address.rfind("module.", 0) == 0) module_calls_.insert(module_call(d.address));
    }
    // The indexes of a large estate hold tens of thousands of keys: hashes
    // and positions, never copies of the keys.
    used_.assign(deployed_.resources.size(), false);
    for (size_t i = 0; i < deployed_.resources.size(); ++i) {
      const DeployedResource& r = deployed_.resources[i];
      if (!r.id.empty()) ids_.add(folded_hash(r.id), i);
      if (r.origin == Origin::kTerraform && r.deposed_key.empty()) {
        terraform_.add(std::hash<std::string_view>()(r.address), i);
      }
    }
    ids_.sort();
    terraform_.sort();
    for (size_t i = 0; i < deployed_.resources.size(); ++i) {
      const DeployedResource& r = deployed_.resources[i];
      if (r.origin != Origin::kAzure) continue;
      // A resource in a state and in the export: the state describes it.
      // One in two overlapping exports: the first describes it. One that
      // Azure made by itself: nobody's to manage.
      if (r.derived || (!r.id.empty() && described_before(i))) {
        used_[i] = true;
        continue;
      }
      azure_.emplace(azure_key(r.type, r.resource_group, r.name, r.attributes), i);
      if (!r.resource_group.empty()) azure_groups_.insert(lower(r.resource_group));
    }
  }

  // Whether a state, or an earlier export, has the Azure resource `i` (by id).
  bool described_before(size_t i) const {
    const std::string& id = deployed_.resources[i].id;
    bool found = false;
    ids_.each(folded_hash(id), [&](size_t j) {
      const DeployedResource& other = deployed_.resources[j];
      if (j != i && equal_folded(other.id, id) && (other.origin == Origin::kTerraform || j < i)) {
        found = true;
        return false;
      }
      return true;
    });
    return found;
  }

  // The first current (not deposed) Terraform instance at `address`.
  std::optional<size_t> terraform_at(std::string_view address) const {
    std::optional<size_t> found;
    terraform_.each(std::hash<std::string_view>()(address), [&](size_t j) {
      if (deployed_.resources[j].address != address) return true;
      found = j;
      return false;
    });
    return found;
  }

  bool match(const DesiredResource& d) {
    std::optional<size_t> found;
    bool from_azure = false;
    if (std::optional<size_t> at = terraform_at(d.address)) {
      // Another name or resource group at the address is another Azure
      // resource: the desired one is missing, the found one is not the
      // topology's (leftovers() reports it).
      if (same_resource(d, deployed_.resources[*at])) {
        found = at;
      } else {
        displaced_.emplace(d.address, *at);
      }
    }
    if (!found) {
      auto it = azure_.find(azure_key(d.type, d.resource_group, d.name, d.attributes));
      if (it != azure_.end()) {
        found = it->second;
        from_azure = true;
      }
    }
    if (!found) {
      // An export without the ResourceContainers table still proves a
      // resource group exists when resources sit in it.
      return d.type == "azurerm_resource_group" && !deployed_.has_terraform &&
             azure_groups_.count(lower(d.name)) > 0;
    }
    used_[*found] = true;
    const DeployedResource& r = deployed_.resources[*found];
    if (from_azure && deployed_.has_terraform) {
      add(FindingKind::kUnmanaged, d, r,
          fmt::format("{} exists in Azure but not in the Terraform state; import it as `{}`",
                      resource_phrase(d.type, d.name, d.address), d.address));
    }
    std::vector<AttributeChange> changes = diff_attributes(d, r);
    if (!changes.empty()) {
      std::vector<std::string> names;
      for (const AttributeChange& c : changes) names.push_back(c.attribute);
      Finding& f = add(FindingKind::kChanged, d, r,
                       fmt::format("{} differs from the topology in {}{}",
                                   resource_phrase(d.type, d.name, d.address),
                                   join_backticked(names), widened_note(d, r)));
      f.changes = std::move(changes);
    }
    if (r.tainted) {
      add(FindingKind::kChanged, d, r,
          fmt::format("{} is tainted; the next apply replaces it",
                      resource_phrase(d.type, d.name, d.address)));
    }
    residency(r, d.boundary, &d);
    return true;
  }

  // An allowed-locations assignment that admits locations outside its
  // boundary no longer guards residency: say which.
  std::string widened_note(const DesiredResource& d, const DeployedResource& r) const {
    const nlohmann::json* allowed = find_attribute(r.attributes, "allowed_locations");
    auto boundary = desired_.boundary_locations.find(d.boundary);
    if (!allowed || !allowed->is_array() || boundary == desired_.boundary_locations.end())
      return "";
    std::vector<std::string> outside;
    for (const nlohmann::json& l : *allowed) {
      if (!l.is_string()) continue;
      const std::string& location = l.get_ref<const std::string&>();
      if (!std::binary_search(boundary->second.begin(), boundary->second.end(), location)) {
        outside.push_back(location);
      }
    }
    if (outside.empty()) return "";
    return fmt::format("; it now allows {}, outside boundary `{}`", join_backticked(outside),
                       d.boundary);
  }

  // Without a state, a resource group Resource Graph shows nothing in, while
  // the topology puts resources there that it would list, is gone: so that
  // a deleted region is one finding, as with a state.
  bool empty_group(const DesiredResource& group) const {
    if (group.type != "azurerm_resource_group" || deployed_.has_terraform || !deployed_.has_azure) {
      return false;
    }
    return std::any_of(
        desired_.resources.begin(), desired_.resources.end(), [&](const DesiredResource& d) {
          return lower(d.resource_group) == lower(group.name) && listed_by_resource_graph(d.type);
        });
  }

  // Without a state, only what Resource Graph lists can be missed.
  bool checkable(const DesiredResource& d) const {
    if (deployed_.has_terraform) return true;
    return deployed_.has_azure && listed_by_resource_graph(d.type);
  }

  void report_missing(const std::vector<const DesiredResource*>& missing) {
    std::set<const DesiredResource*> grouped;
    for (const DesiredRegion& region : desired_.regions) {
      auto group = std::find_if(missing.begin(), missing.end(), [&](const DesiredResource* d) {
        return d->type == "azurerm_resource_group" &&
               lower(d->name) == lower(region.resource_group);
      });
      if (group == missing.end()) continue;
      Finding f = from_desired(FindingKind::kMissing, **group);
      f.location = region.location;
      // The region's resources: those in its group, and those of the same
      // module instances that sit in no group (role assignments).
      std::set<std::string> modules;
      for (const DesiredResource* d : missing) {
        if (d == *group || lower(d->resource_group) == lower(region.resource_group)) {
          f.members.push_back(d->address);
          grouped.insert(d);
          if (std::string m = module_instance(d->address, d->type); !m.empty()) modules.insert(m);
        }
      }
      for (const DesiredResource* d : missing) {
        if (grouped.count(d) || !d->resource_group.empty()) continue;
        if (modules.count(module_instance(d->address, d->type))) {
          f.members.push_back(d->address);
          grouped.insert(d);
        }
      }
      std::sort(f.members.begin(), f.members.end());
      f.message = fmt::format(
          "region `{}` (`{}`) is not deployed: its resource group `{}` and {} other resource{} are "
          "missing",
          region.key, region.location, region.resource_group, f.members.size() - 1,
          f.members.size() == 2 ? "" : "s");
      findings_.push_back(std::move(f));
    }
    for (const DesiredResource* d : missing) {
      if (grouped.count(d)) continue;
      Finding f = from_desired(FindingKind::kMissing, *d);
      if (auto it = displaced_.find(d->address); it != displaced_.end()) {
        const DeployedResource& r = deployed_.resources[it->second];
        f.message = fmt::format("{} is not deployed: its address holds {}",
                                identity_phrase(d->type, d->name, d->resource_group, d->address),
                                identity_phrase(r.type, r.name, r.resource_group, r.address));
      } else {
        f.message =
            fmt::format("{} is not deployed", resource_phrase(d->type, d->name, d->address));
      }
      findings_.push_back(std::move(f));
    }
  }

  // Deployed resources that no desired resource claimed.
  void leftovers() {
    for (size_t i = 0; i < deployed_.resources.size(); ++i) {
      if (used_[i]) continue;
      const DeployedResource& r = deployed_.resources[i];
      if (r.origin == Origin::kTerraform && r.deposed_key.empty() && terraform_at(r.address) != i) {
        continue;  // the same instance in a second state file
      }
      const DesiredResource* d = r.address.empty() ? nullptr : desired_.find(r.address);
      std::string boundary = d ? d->boundary : boundary_of_group(r.resource_group);
      if (!d && !ours(r)) continue;
      std::string phrase = resource_phrase(r.type, r.name, r.address);
      std::string message;
      if (!r.deposed_key.empty()) {
        message = fmt::format(
            "deposed object `{}` of `{}` is still deployed; the next apply "
            "destroys it",
            r.deposed_key, r.address);
      } else if (d && r.origin == Origin::kTerraform && !same_resource(*d, r)) {
        // Name and resource group force a new resource in azurerm
        // (`ForceNew`, v4.55.0), so an apply replaces it; a plan says so
        // itself, with its action.
        message =
            fmt::format("{} is in the Terraform state as `{}`, where the topology has {}{}",
                        identity_phrase(r.type, r.name, r.resource_group, r.address), r.address,
                        identity_phrase(d->type, d->name, d->resource_group, d->address),
                        deployed_.inputs[r.input].format == StateFormat::kPlan
                            ? ""
                            : "; the next apply replaces it");
      } else if (r.origin == Origin::kTerraform) {
        message = fmt::format("{} is in the Terraform state as `{}` but not in the topology",
                              phrase, r.address);
      } else {
        message =
            r.resource_group.empty()
                ? fmt::format("{} carries the topology's tags but is not in the topology", phrase)
                : fmt::format("{} in resource group `{}` is not in the topology", phrase,
                              r.resource_group);
      }
      Finding f = from_deployed(FindingKind::kUnmanaged, r, boundary);
      f.message = std::move(message);
      findings_.push_back(std::move(f));
      residency(r, boundary, d);
    }
  }

  // Plan changes that no finding explains yet become findings of their own.
  void planned() {
    // Keyed on address and deposed key: a deposed object's change is not the
    // current instance's.
    std::multimap<std::pair<std::string, std::string>, size_t> by_address;
    for (size_t i = 0; i < findings_.size(); ++i) {
      by_address.emplace(std::pair{findings_[i].address, findings_[i].deposed_key}, i);
      for (const std::string& m : findings_[i].members)
        by_address.emplace(std::pair{m, std::string()}, i);
    }
    for (const PlannedChange& p : deployed_.planned) {
      auto [begin, end] = by_address.equal_range(std::pair{p.address, p.deposed_key});
      for (auto it = begin; it != end; ++it) {
        Finding& f = findings_[it->second];
        if (f.planned_action.empty()) f.planned_action = p.action;
      }
      if (begin != end || !p.deposed_key.empty()) continue;
      const DesiredResource* d = desired_.find(p.address);
      Finding f;
      if (d) {
        f = from_desired(FindingKind::kChanged, *d);
        f.message = fmt::format("the plan {} {}", verb(p.action),
                                resource_phrase(d->type, d->name, d->address));
      } else {
        if (p.action != "create") continue;  // other actions act on deployed resources, seen above
        f.kind = FindingKind::kUnmanaged;
        f.address = p.address;
        f.type = p.type;
        f.message =
            fmt::format("the plan creates `{}`, which the topology does not describe", p.address);
      }
      f.planned_action = p.action;
      f.input = deployed_.inputs[p.input].path;
      findings_.push_back(std::move(f));
    }
  }

  // Where an OpenAI deployment's account is, from the account's own record:
  // a deployment's id is its account's id plus `/deployments/<name>`.
  std::string parent_location(const DeployedResource& r) const {
    size_t at = lower(r.id).rfind("/deployments/");
    if (at == std::string::npos) return "";
    std::string_view account = std::string_view(r.id).substr(0, at);
    std::string location;
    ids_.each(folded_hash(account), [&](size_t j) {
      const DeployedResource& other = deployed_.resources[j];
      if (!equal_folded(other.id, account) || other.location.empty()) return true;
      location = other.location;
      return false;
    });
    return location;
  }

  void residency(const DeployedResource& r, const std::string& boundary, const DesiredResource* d) {
    if (boundary.empty()) return;
    auto allowed = desired_.boundary_locations.find(boundary);
    if (allowed == desired_.boundary_locations.end()) return;
    // Outside locations grouped by how the data gets there, in first-seen
    // order: "is in `eastus` and geo-replicates to `westus`".
    std::vector<std::pair<std::string, std::vector<std::string>>> outside;
    for (const DataLocation& l : data_locations(r, d ? d->location : parent_location(r))) {
      if (std::binary_search(allowed->second.begin(), allowed->second.end(), l.location)) continue;
      if (outside.empty() || outside.back().first != l.how) outside.push_back({l.how, {}});
      outside.back().second.push_back(l.location);
    }
    if (outside.empty()) return;
    std::string first = outside.front().second.front();
    if (first == kAnyRegion) first = !r.location.empty() ? r.location : d ? d->location : "";
    std::vector<std::string> parts;
    for (const auto& [how, locations] : outside)
      parts.push_back(fmt::format("{} {}", how, places(locations)));
    std::string what;
    for (size_t i = 0; i < parts.size(); ++i) {
      what += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    }
    Finding f = from_deployed(FindingKind::kResidencyBreach, r, boundary);
    if (d) f.address = d->address;
    f.location = first;
    f.message =
        fmt::format("{} {}, outside boundary `{}`",
                    resource_phrase(r.type, r.name, d ? d->address : r.address), what, boundary);
    findings_.push_back(std::move(f));
  }

  bool ours(const DeployedResource& r) const {
    // In the state under a module call the generated tree makes: the tree
    // no longer declares it, so the next apply destroys it.
    if (r.origin == Origin::kTerraform && r.address.rfind("module.", 0) == 0 &&
        module_calls_.count(module_call(r.address))) {
      return true;
    }
    if (!r.resource_group.empty() && desired_.resource_groups.count(lower(r.resource_group))) {
      return true;
    }
    if (r.type == "azurerm_resource_group" && desired_.resource_groups.count(lower(r.name))) {
      return true;
    }
    if (identity_.empty() || !r.tags) return false;
    return std::all_of(identity_.begin(), identity_.end(), [&](const auto& tag) {
      auto it = r.tags->find(tag.first);
      return it != r.tags->end() && it->second == tag.second;
    });
  }

  std::string boundary_of_group(const std::string& group) const {
    auto it = desired_.resource_groups.find(lower(group));
    return it == desired_.resource_groups.end() ? "" : it->second;
  }

  Finding from_desired(FindingKind kind, const DesiredResource& d) const {
    Finding f;
    f.kind = kind;
    f.boundary = d.boundary;
    f.location = d.location;
    if (f.location.empty()) {
      // Policy assignments and the like: report them where their group is.
      auto it = group_locations_.find(lower(d.resource_group));
      if (it != group_locations_.end()) f.location = it->second;
    }
    f.address = d.address;
    f.type = d.type;
    f.name = d.name;
    f.resource_group = d.resource_group;
    return f;
  }

  Finding from_deployed(FindingKind kind, const DeployedResource& r,
                        const std::string& boundary) const {
    Finding f;
    f.kind = kind;
    f.boundary = boundary;
    f.location = r.location;
    f.address = r.address;
    f.id = r.id;
    f.type = r.type;
    f.name = r.name;
    f.resource_group = r.resource_group;
    f.input = deployed_.inputs[r.input].path;
    f.deposed_key = r.deposed_key;
    return f;
  }

  Finding& add(FindingKind kind, const DesiredResource& d, const DeployedResource& r,
               std::string message) {
    Finding f = from_desired(kind, d);
    f.id = r.id;
    f.input = deployed_.inputs[r.input].path;
    f.message = std::move(message);
    findings_.push_back(std::move(f));
    return findings_.back();
  }

  const DesiredState& desired_;
  const DeployedState& deployed_;
  std::map<std::string, std::string> identity_;
  std::map<std::string, std::string> group_locations_;  // desired groups (lower case)
  HashIndex terraform_;                                 // current Terraform instances by address
  HashIndex ids_;                       // deployed resources by ARM id, compared without case
  std::set<std::string> module_calls_;  // `module.aks` of every desired address
  std::map<AzureKey, size_t> azure_;
  std::map<std::string, size_t> displaced_;  // desired address → another resource deployed there
  std::set<std::string> azure_groups_;
  std::vector<bool> used_;  // by deployed resource
  std::vector<Finding> findings_;
};

bool ignored(const Finding& f, const std::vector<std::string>& patterns) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    return (!f.address.empty() && glob_match(p, f.address)) ||
           (!f.id.empty() && glob_match(lower(p), lower(f.id))) ||
           (!f.name.empty() && glob_match(p, f.name));
  });
}

// Residency breaches first, wherever they are: they are what a reader must
// see. Then boundaries alphabetically with global findings last, then by
// location, severity and resource.
bool report_order(const Finding& a, const Finding& b) {
  auto key = [](const Finding& f) {
    return std::tuple(f.kind != FindingKind::kResidencyBreach, f.boundary.empty(), f.boundary,
                      f.location.empty(), f.location, static_cast<int>(f.kind), f.address,
                      lower(f.id), f.name, f.message);
  };
  return key(a) < key(b);
}

}  // namespace

const FindingKindInfo& info(FindingKind kind) {
  return kKinds[static_cast<size_t>(kind)];
}
const std::vector<FindingKindInfo>& all_finding_kinds() {
  return kKinds;
}

size_t DriftReport::count(FindingKind kind) const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [&](const Finding& f) { return f.kind == kind; }));
}

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matcher with one backtrack point: linear enough for addresses.
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

DriftReport compare(const DesiredState& desired, const DeployedState& deployed,
                    const DriftOptions& options) {
  DriftReport report;
  report.topology = desired.topology;
  report.environment = desired.environment;
  report.desired_source = desired.source;
  report.inputs = deployed.inputs;
  report.desired_resources = desired.resources.size();
  report.deployed_resources = deployed.resources.size();
  for (Finding& f : Comparer(desired, deployed).run()) {
    if (ignored(f, options.ignore)) {
      ++report.ignored;
    } else {
      report.findings.push_back(std::move(f));
    }
  }
  std::sort(report.findings.begin(), report.findings.end(), report_order);
  return report;
}

}  // namespace topoc::drift
