#include "compiler/emit/bicep/arm_limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "compiler/emit/bicep/plan.h"
#include "compiler/estate/estate.h"

namespace topoc::emit::bicep {
namespace {

using model::Service;

// What main.bicep deploys for one region: its resource group, its network,
// its DNS zones when it has private endpoints, one module per service, and
// its diagnostic settings' module. Each is one ARM resource per region, loop
// copies counting one each.
size_t region_resources(const Plan& p, const RegionPlan& plan) {
  const model::Region& r = *plan.region;
  size_t n = 2 + (plan.dns_zones.empty() ? 0 : 1);
  const auto& settings = p.estate->diagnostic_settings;
  if (std::any_of(settings.begin(), settings.end(),
                  [&](const estate::DiagnosticSetting& s) { return s.instance == r.key; })) {
    ++n;
  }
  for (bool present :
       {r.monitoring.has_value(), r.aks.has_value(), r.search.has_value(), r.openai.has_value(),
        r.storage.has_value(), r.redis.has_value(), r.managed_redis.has_value(),
        r.keyvault.has_value(), r.postgres.has_value(), r.servicebus.has_value(),
        r.backup.has_value(), r.app_service.has_value(), r.container_apps.has_value(),
        r.storage && r.storage->events && r.servicebus}) {
    n += present ? 1 : 0;
  }
  return n;
}

// The same count main_file.cc renders: the global group; per Cosmos DB
// account its group and module; one module per registry; Front Door; the
// Traffic Manager module; the policy definitions and one residency module
// per boundary; the alerts module; one module per peering direction.
size_t global_resources(const Plan& p) {
  size_t n = 1 + 2 * p.cosmos.size() + p.registries.size() + (p.frontdoor ? 1 : 0) +
             (p.topology->traffic_managers.empty() ? 0 : 1) + (p.estate->has_alerts() ? 1 : 0) +
             p.peerings.size();
  if (!p.boundaries.empty()) n += 1 + p.boundaries.size();
  return n;
}

void report_resources(const model::Topology& t, const Plan& p, diag::DiagnosticSink& sink) {
  size_t total = global_resources(p);
  // The region whose resources take the count past the limit is where the
  // topology grows beyond one template.
  std::optional<size_t> past;
  for (size_t i = 0; i < p.regions.size(); ++i) {
    total += region_resources(p, p.regions[i]);
    if (!past && total > kMaxTemplateResources) past = i;
  }
  if (total <= kMaxTemplateResources) return;
  diag::Location at = past ? p.regions[*past].region->location_of_block : t.location;
  auto& d = sink.report(
      diag::Kind::ArmTooManyResources, at,
      fmt::format("the Bicep tree would deploy {} resources and module deployments in one ARM "
                  "template, over ARM's limit of {}; the count passes it at this region",
                  total, kMaxTemplateResources));
  d.help =
      "build the Terraform tree instead (`--target terraform`), or split the topology in two, "
      "for instance one topology per boundary";
}

void report_parameter_file(const model::Topology& t, const Plan& p, const FileTree& tree,
                           diag::DiagnosticSink& sink) {
  const std::string path = fmt::format("bicep/{}.bicepparam", p.environment);
  for (const EmittedFile& f : tree) {
    if (f.path != path || f.contents.size() <= kMaxParameterFileBytes) continue;
    // The Cosmos DB containers (with their stored procedures) are the only
    // values whose size the topology does not bound.
    diag::Location at = t.cosmos ? t.cosmos->location : t.location;
    auto& d = sink.report(
        diag::Kind::ArmParameterFileTooLarge, at,
        fmt::format("the Bicep parameter file `{}.bicepparam` would be {} bytes, over ARM's limit "
                    "of {} bytes (4 MB) for a deployment's parameters",
                    p.environment, f.contents.size(), kMaxParameterFileBytes));
    d.help =
        "build the Terraform tree instead (`--target terraform`), or split the topology in two, "
        "for instance one topology per boundary";
  }
}

// Locking a container's retention policy is an action (`lock`) on the
// policy, not a property an ARM template can set; the Terraform tree locks
// it after creating it.
void report_locked_retention(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& r : t.regions) {
    if (!r.storage) continue;
    for (const model::StorageContainer& c : r.storage->containers) {
      if (!c.locked.value || c.immutable_days.value == 0) continue;
      auto& d = sink.report(
          diag::Kind::BicepCannotLockRetention, c.locked.location,
          fmt::format("the retention policy of container `{}` (region `{}`) is locked, which an "
                      "ARM template cannot do: the Bicep tree would leave it unlocked",
                      c.name, r.key));
      d.help =
          "build the Terraform tree instead (`--target terraform`), or remove `locked` and lock "
          "the policy once deployed (`az storage container immutability-policy lock`)";
    }
  }
}

}  // namespace

void report_arm_limits(const estate::Estate& estate, const FileTree& tree,
                       diag::DiagnosticSink& sink) {
  Plan plan = plan_bicep(estate);
  report_resources(*estate.topology, plan, sink);
  report_parameter_file(*estate.topology, plan, tree, sink);
  report_locked_retention(*estate.topology, sink);
}

void report_arm_limits(const model::Topology& topology, const BicepOptions& options,
                       const FileTree& tree, diag::DiagnosticSink& sink) {
  report_arm_limits(estate::build_estate(topology, {options.environment}), tree, sink);
}

}  // namespace topoc::emit::bicep
