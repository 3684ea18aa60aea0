#include "compiler/lifecycle/replacements.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "compiler/naming/names.h"
#include "compiler/naming/suffix.h"

namespace topoc::lifecycle {
namespace {

using nlohmann::json;

struct StatefulType {
  std::string_view type;
  std::string_view noun;
  bool has_location;  // its own `location`, which azurerm replaces it to change
};

// The stateful types of the Terraform tree, each with its lifecycle
// prevent_destroy in the module templates. `location` is ForceNew on the
// account, storage account, vaults, server, registry and namespace
// (commonschema.Location() in azurerm v4.55.0); databases, containers,
// topics and subscriptions have none of their own.
constexpr StatefulType kStateful[] = {
    {"azurerm_cosmosdb_account", "Cosmos DB account", true},
    {"azurerm_cosmosdb_sql_container", "Cosmos DB container", false},
    {"azurerm_cosmosdb_sql_database", "Cosmos DB database", false},
    {"azurerm_key_vault", "key vault", true},
    {"azurerm_storage_account", "storage account", true},
    {"azurerm_postgresql_flexible_server", "PostgreSQL server", true},
    {"azurerm_postgresql_flexible_server_database", "PostgreSQL database", false},
    {"azurerm_container_registry", "container registry", true},
    // Undelivered messages live in the namespace's topics and subscriptions;
    // geo-disaster recovery copies entities, not messages.
    {"azurerm_servicebus_namespace", "Service Bus namespace", true},
    {"azurerm_servicebus_topic", "Service Bus topic", false},
    {"azurerm_servicebus_subscription", "Service Bus subscription", false},
    // The vault holds the backups; `redundancy` and `location` are ForceNew
    // (data_protection_backup_vault_resource.go).
    {"azurerm_data_protection_backup_vault", "Backup vault", true},
};

const StatefulType* find_stateful(std::string_view type) {
  for (const StatefulType& s : kStateful) {
    if (s.type == type) return &s;
  }
  return nullptr;
}

std::string text_of(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// The stateful entries of a manifest, or nothing when it is not one.
std::vector<json> stateful_entries(const json& manifest) {
  std::vector<json> out;
  auto resources = manifest.find("resources");
  if (resources == manifest.end() || !resources->is_array()) return out;
  for (const json& r : *resources) {
    if (r.is_object() && find_stateful(text_of(r, "type")) && !text_of(r, "address").empty()) {
      out.push_back(r);
    }
  }
  return out;
}

// The instance key of `module.<call>["<key>"]...`, or "".
std::string module_key(std::string_view address, std::string_view call) {
  std::string head = fmt::format("module.{}[\"", call);
  if (address.substr(0, head.size()) != head) return "";
  size_t end = address.find("\"]", head.size());
  return end == std::string_view::npos
             ? ""
             : std::string(address.substr(head.size(), end - head.size()));
}

// The zone-redundant and the other replication kinds: azurerm v4.55.0
// replaces a storage account whose account_replication_type moves from one
// family to the other (ForceNewIfChange in storage_account_resource.go).
bool zone_redundant_kind(std::string_view replication) {
  return replication == "ZRS" || replication == "GZRS" || replication == "RAGZRS";
}

class Comparison {
 public:
  Comparison(const model::Topology& t, diag::DiagnosticSink& sink)
      : t_(t), sink_(sink), names_(naming::generate_names(t)) {}

  void run(const std::vector<json>& before, const std::vector<json>& after) {
    std::map<std::string, const json*> by_address;
    std::map<std::pair<std::string, std::string>, const json*> by_name;
    for (const json& r : after) {
      by_address[text_of(r, "address")] = &r;
      by_name[{text_of(r, "type"), text_of(r, "name")}] = &r;
    }
    for (const json& old : before) {
      const std::string address = text_of(old, "address");
      const json* now = nullptr;
      if (auto it = by_address.find(address); it != by_address.end()) {
        now = it->second;
      } else if (auto moved = by_name.find({text_of(old, "type"), text_of(old, "name")});
                 moved != by_name.end() && !text_of(old, "name").empty()) {
        now = moved->second;  // a region renamed with `renamed_from`: moved, same name
      }
      if (!now) {
        removed(old);
        continue;
      }
      compare(old, *now);
    }
  }

 private:
  void removed(const json& old) {
    const StatefulType& s = *find_stateful(text_of(old, "type"));
    auto& d = sink_.report(diag::Kind::StatefulResourceRenamed, t_.location,
                           fmt::format("{} `{}` (`{}`) is no longer in the topology; Terraform "
                                       "would destroy it and its data",
                                       s.noun, text_of(old, "name"), text_of(old, "address")));
    d.help =
        "if its region was renamed, write `renamed_from = \"<old key>\"` in the region; if it "
        "is to go, move its data out first";
  }

  void compare(const json& old, const json& now) {
    const StatefulType& s = *find_stateful(text_of(old, "type"));
    const std::string old_name = text_of(old, "name"), new_name = text_of(now, "name");
    if (old_name != new_name) {
      auto& d =
          sink_.report(diag::Kind::StatefulResourceRenamed, name_source(now, old_name),
                       fmt::format("{} `{}` would be renamed `{}`; Azure cannot rename it, so "
                                   "Terraform would replace it and its data would be lost",
                                   s.noun, old_name, new_name));
      d.help = t_.naming.written && t_.naming.suffix.value != model::NameSuffix::kNone
                   ? "to keep the deployed names, write `naming { suffix = none }`"
                   : "keep the element the name is made from as it was";
      return;  // a replaced resource: its other changes do not matter
    }
    const std::string old_location = text_of(old, "location"),
                      new_location = text_of(now, "location");
    if (s.has_location && old_location != new_location) {
      auto& d =
          sink_.report(diag::Kind::StatefulResourceRelocated, location_source(now),
                       fmt::format("{} `{}` would move from `{}` to `{}`; Azure cannot move "
                                   "it, so Terraform would replace it and its data would be lost",
                                   s.noun, new_name, old_location, new_location));
      d.help = "keep the location, or migrate the data to a new resource before applying";
      return;
    }
    properties(s, old, now);
  }

  void properties(const StatefulType& s, const json& old, const json& now) {
    const json empty = json::object();
    const json& a = old.contains("attributes") ? old["attributes"] : empty;
    const json& b = now.contains("attributes") ? now["attributes"] : empty;
    const std::string name = text_of(now, "name");
    switch (forced_replacement(s.type, a, b)) {
      case ForcedReplacement::kNone:
        break;
      case ForcedReplacement::kReplicationFamily: {
        std::string from = text_of(a, "account_replication_type");
        std::string to = text_of(b, "account_replication_type");
        sink_
            .report(diag::Kind::StatefulResourceReplaced, replication_source(now),
                    fmt::format("storage account `{}` would change replication from `{}` to `{}`; "
                                "azurerm replaces an account that moves between zone-redundant "
                                "and other kinds, and its data would be lost",
                                name, from, to))
            .help = fmt::format(
            "keep `replication = {}`, or convert the account in Azure first "
            "and change the topology afterwards",
            from);
        break;
      }
      case ForcedReplacement::kPartitionKey:
        sink_
            .report(
                diag::Kind::StatefulResourceReplaced, partition_source(name),
                fmt::format("Cosmos DB container `{}` would change its partition key from {} "
                            "to {}; a partition key is fixed at creation, so Terraform would "
                            "replace the container and its items would be lost",
                            name, a["partition_key_paths"].dump(), b["partition_key_paths"].dump()))
            .help = "keep the partition key; copy the items into a new container to change it";
        break;
      case ForcedReplacement::kBackupToPeriodic: {
        Location at = t_.cosmos ? t_.cosmos->backup.location : t_.location;
        if (at.span.begin == at.span.end && t_.cosmos) at = t_.cosmos->location;
        sink_
            .report(diag::Kind::StatefulResourceReplaced, at,
                    fmt::format("Cosmos DB account `{}` would go from continuous to periodic "
                                "backup; azurerm can only do that by replacing the account, and "
                                "its data would be lost",
                                name))
            .help = "keep a continuous backup (`continuous-7d` or `continuous-30d`)";
        break;
      }
    }
  }

  using Location = diag::Location;

  const model::Region* region_of(const json& entry) const {
    const std::string address = text_of(entry, "address");
    for (std::string_view call : {"storage", "keyvault"}) {
      std::string key = module_key(address, call);
      if (!key.empty()) return t_.find_region(key);
    }
    return nullptr;
  }

  // The DSL element a new name comes from: the `naming` suffix when the
  // change is that suffix arriving, else the element the name is built on.
  Location name_source(const json& now, std::string_view old_name) const {
    const std::string type = text_of(now, "type"), name = text_of(now, "name");
    const std::string suffix = naming::uniqueness_suffix(t_);
    if (!suffix.empty() && name.ends_with(suffix) && !old_name.ends_with(suffix) &&
        t_.naming.suffix.explicit_) {
      return t_.naming.suffix.location;
    }
    for (const naming::GeneratedName& n : names_) {
      if (n.resource_type == type && n.name == name) return n.source;
    }
    return t_.location;
  }

  Location location_source(const json& now) const {
    if (const model::Region* r = region_of(now)) {
      return r->location.explicit_ ? r->location.location : r->location_of_block;
    }
    return t_.cosmos ? t_.cosmos->location : t_.location;
  }

  Location replication_source(const json& now) const {
    const model::Region* r = region_of(now);
    if (!r) return t_.location;
    if (r->storage && r->storage->replication.explicit_) return r->storage->replication.location;
    return r->location_of_block;
  }

  Location partition_source(std::string_view container) const {
    if (t_.cosmos) {
      for (const model::Container& c : t_.cosmos->containers) {
        if (c.name == container) return c.partition_key.location;
      }
      return t_.cosmos->location;
    }
    return t_.location;
  }

  const model::Topology& t_;
  diag::DiagnosticSink& sink_;
  std::vector<naming::GeneratedName> names_;
};

}  // namespace

bool is_stateful(std::string_view azurerm_type) {
  return find_stateful(azurerm_type) != nullptr;
}

bool replaced_when_relocated(std::string_view azurerm_type) {
  const StatefulType* s = find_stateful(azurerm_type);
  return s && s->has_location;
}

ForcedReplacement forced_replacement(std::string_view type, const json& a, const json& b) {
  if (!a.is_object() || !b.is_object()) return ForcedReplacement::kNone;
  if (type == "azurerm_storage_account") {
    std::string from = text_of(a, "account_replication_type");
    std::string to = text_of(b, "account_replication_type");
    if (!from.empty() && !to.empty() && zone_redundant_kind(from) != zone_redundant_kind(to)) {
      return ForcedReplacement::kReplicationFamily;
    }
  } else if (type == "azurerm_cosmosdb_sql_container") {
    auto paths = [](const json& attrs) {
      auto it = attrs.find("partition_key_paths");
      return it != attrs.end() ? *it : json();
    };
    if (!paths(a).is_null() && !paths(b).is_null() && paths(a) != paths(b)) {
      return ForcedReplacement::kPartitionKey;
    }
  } else if (type == "azurerm_cosmosdb_account") {
    auto backup_type = [](const json& attrs) {
      auto it = attrs.find("backup");
      return it != attrs.end() && it->is_object() ? text_of(*it, "type") : std::string();
    };
    if (backup_type(a) == "Continuous" && backup_type(b) == "Periodic") {
      return ForcedReplacement::kBackupToPeriodic;
    }
  }
  return ForcedReplacement::kNone;
}

void report_replacements(const model::Topology& topology, std::string_view previous_manifest,
                         std::string_view current_manifest, diag::DiagnosticSink& sink) {
  json before = json::parse(previous_manifest, nullptr, false);
  json after = json::parse(current_manifest, nullptr, false);
  if (!before.is_object() || !after.is_object()) return;
  // Another topology or environment built into the same directory is a
  // different estate, not a change of this one.
  if (text_of(before, "topology") != text_of(after, "topology") ||
      text_of(before, "environment") != text_of(after, "environment")) {
    return;
  }
  Comparison(topology, sink).run(stateful_entries(before), stateful_entries(after));
}

void report_suffix_not_chosen(const model::Topology& t, diag::DiagnosticSink& sink) {
  if (t.naming.written) return;
  auto& d = sink.report(diag::Kind::NameSuffixNotChosen, t.location,
                        fmt::format("topology `{}` does not say whether its globally unique names "
                                    "carry a suffix, so they have none and may collide with "
                                    "another estate's",
                                    t.name));
  d.help =
      "for a new deployment add `naming { suffix = auto }`; for one already deployed add "
      "`naming { suffix = none }`, which keeps its names";
}

}  // namespace topoc::lifecycle
