// S100: a lifecycle rule moves a blob to ever cooler tiers and deletes it
// last, so each action it takes comes after the one before it (Azure applies
// the cheapest action due, which makes a later cool move after an earlier
// archive move dead). S101: an account with zone-redundant replication (ZRS,
// GZRS, RAGZRS) cannot move blobs to the archive tier (Microsoft Learn,
// "Access tiers for blob data" and "Azure Blob Storage lifecycle management
// overview").
#include <fmt/format.h>

#include <utility>
#include <vector>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void check_order(const model::Region& region, const model::StorageLifecycleRule& rule,
                 diag::DiagnosticSink& sink) {
  const std::pair<const char*, const model::Sourced<int64_t>*> actions[] = {
      {"cool", &rule.cool_days},
      {"cold", &rule.cold_days},
      {"archive", &rule.archive_days},
      {"delete", &rule.delete_days}};
  const std::pair<const char*, const model::Sourced<int64_t>*>* earlier = nullptr;
  for (const auto& action : actions) {
    if (!action.second->explicit_) continue;
    if (earlier && action.second->value <= earlier->second->value) {
      auto& d = sink.report(
          diag::Kind::StorageLifecycleOrder, action.second->location,
          fmt::format("lifecycle rule `{}` of region `{}` sets `{} = {}d`, not after `{} = {}d`",
                      rule.name, region.key, action.first, action.second->value, earlier->first,
                      earlier->second->value));
      d.notes.push_back({earlier->second->location, fmt::format("`{}` set here", earlier->first)});
      d.help = fmt::format(
          "give `{}` more days than `{}`; the tiers go cool, cold, archive, "
          "then delete",
          action.first, earlier->first);
    }
    earlier = &action;
  }
}

}  // namespace

void storage_lifecycle(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.storage) continue;
    const model::Storage& s = *region.storage;
    for (const model::StorageLifecycleRule& rule : s.lifecycle) {
      check_order(region, rule, sink);
      if (rule.archive_days.explicit_ && !model::offers_archive_tier(s.replication.value)) {
        const char* replication = model::to_string(s.replication.value);
        auto& d = sink.report(
            diag::Kind::StorageArchiveOnZoneRedundant, rule.archive_days.location,
            fmt::format("lifecycle rule `{}` moves blobs to the archive tier, which a {} storage "
                        "account (region `{}`) does not offer",
                        rule.name, replication, region.key));
        if (s.replication.explicit_) {
          d.notes.push_back(
              {s.replication.location, fmt::format("`replication = {}` set here", replication)});
        }
        d.help = "use `cold` instead of `archive`, or a replication of LRS, GRS or RAGRS";
      }
    }
  }
}

}  // namespace topoc::rules
