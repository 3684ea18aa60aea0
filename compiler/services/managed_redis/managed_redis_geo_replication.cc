// S052-S055: Azure Managed Redis active geo-replication groups, as
// azurerm v4.55.0 and Azure accept them:
// - S052: managedredis/validate/managed_redis_sku.go
//   SKUsSupportingGeoReplication leaves out Balanced_B0 and Balanced_B1, and
//   the resource's CustomizeDiff refuses a group name on them.
// - S053: azurerm_managed_redis_geo_replication takes at most four
//   `linked_managed_redis_ids` besides its own, "making up a group of 5".
// - S054: Microsoft Learn, "Configure active geo-replication for Azure
//   Managed Redis": every instance of a group has the same SKU (tier and
//   size) and the same configuration.
// - S055: managedredis/validate/managed_redis_database_georeplication_group_name.go:
//   1-63 letters, digits and hyphens, starting and ending with a letter or
//   digit, without `--`.
#include <fmt/format.h>

#include <map>
#include <vector>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

constexpr size_t kMaxGroupMembers = 5;

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool valid_group_name(std::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  for (char c : name) {
    if (!alnum(c) && c != '-') return false;
  }
  return name.find("--") == std::string_view::npos;
}

}  // namespace

void managed_redis_geo_replication(const model::Topology& t, diag::DiagnosticSink& sink) {
  std::map<std::string, std::vector<const model::Region*>> groups;
  for (const model::Region& region : t.regions) {
    if (!region.managed_redis) continue;
    const model::Redis& redis = *region.managed_redis;
    const auto& group = redis.geo_replication;
    if (group.value.empty()) continue;
    if (!valid_group_name(group.value)) {
      auto& d = sink.report(
          diag::Kind::ManagedRedisGeoGroupName, group.location,
          fmt::format("`{}` cannot name a Managed Redis geo-replication group", group.value));
      d.help =
          "use 1-63 letters, digits and `-`, starting and ending with a letter or digit, "
          "without `--`";
    }
    if (redis.sku.value == "Balanced_B0" || redis.sku.value == "Balanced_B1") {
      auto& d = sink.report(
          diag::Kind::ManagedRedisGeoReplicationSku, group.location,
          fmt::format("the `{}` Managed Redis instance of region `{}` cannot join geo-replication "
                      "group `{}`: Balanced_B0 and Balanced_B1 take no active geo-replication",
                      redis.sku.value, region.key, group.value));
      d.notes.push_back({redis.sku.location, fmt::format("`{}` picked here", redis.sku.value)});
      d.help = "use `sku = Balanced_B3` or larger, or remove `geo_replication`";
    }
    groups[group.value].push_back(&region);
  }
  for (const auto& [name, members] : groups) {
    const model::Region& first = *members.front();
    const model::Redis& lead = *first.managed_redis;
    for (size_t i = kMaxGroupMembers; i < members.size(); ++i) {
      const model::Redis& redis = *members[i]->managed_redis;
      auto& d = sink.report(
          diag::Kind::ManagedRedisGeoGroupSize, redis.geo_replication.location,
          fmt::format("region `{}` would be member {} of geo-replication group `{}`, which holds "
                      "at most {} Managed Redis instances",
                      members[i]->key, i + 1, name, kMaxGroupMembers));
      d.notes.push_back({lead.geo_replication.location,
                         fmt::format("the group's first member, region `{}`", first.key)});
      d.help = "split the regions into several groups, or leave this one out of geo-replication";
    }
    for (size_t i = 1; i < members.size(); ++i) {
      const model::Region& region = *members[i];
      const model::Redis& redis = *region.managed_redis;
      if (redis.sku.value != lead.sku.value) {
        auto& d = sink.report(
            diag::Kind::ManagedRedisGeoGroupMismatch,
            redis.sku.explicit_ ? redis.sku.location : redis.geo_replication.location,
            fmt::format("region `{}` runs Managed Redis `{}` in geo-replication group `{}`, whose "
                        "first member, region `{}`, runs `{}`",
                        region.key, redis.sku.value, name, first.key, lead.sku.value));
        d.notes.push_back({lead.sku.explicit_ ? lead.sku.location : lead.geo_replication.location,
                           fmt::format("`{}` in region `{}`", lead.sku.value, first.key)});
        d.help = fmt::format(
            "every member of a group has the same size; write `sku = {}` in "
            "each of them",
            lead.sku.value);
      }
      if (redis.high_availability.value != lead.high_availability.value) {
        auto& d = sink.report(
            diag::Kind::ManagedRedisGeoGroupMismatch,
            redis.high_availability.explicit_ ? redis.high_availability.location
                                              : redis.geo_replication.location,
            fmt::format("region `{}` turns high availability {} in geo-replication group `{}`, "
                        "whose first member, region `{}`, has it {}",
                        region.key, redis.high_availability.value ? "on" : "off", name, first.key,
                        lead.high_availability.value ? "on" : "off"));
        d.help = fmt::format(
            "every member of a group is configured alike; write "
            "`high_availability = {}` in each of them",
            lead.high_availability.value ? "true" : "false");
      }
    }
  }
}

}  // namespace topoc::rules
