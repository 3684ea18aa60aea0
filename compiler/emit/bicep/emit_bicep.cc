#include "compiler/emit/bicep/emit_bicep.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/emit/bicep/declarations.h"
#include "compiler/emit/bicep/files.h"
#include "compiler/emit/bicep/plan.h"
#include "compiler/estate/estate.h"
#include "compiler/emit/templates.h"
#include "compiler/services/automation/runbook_files.h"
#include "compiler/services/dns/zones.h"

namespace topoc::emit {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void copy_template(FileTree& files, std::string_view from, std::string to) {
  if (const EmbeddedTemplate* t = find_template(from)) files.push_back({std::move(to), std::string(t->contents)});
}

}  // namespace

FileTree emit_bicep(const model::Topology& topology, const BicepOptions& options) {
  return emit_bicep(estate::build_estate(topology, {options.environment}));
}

FileTree emit_bicep(const estate::Estate& estate) {
  using namespace bicep;
  Plan plan = plan_bicep(estate);
  Declarations names = declare(plan);
  FileTree files;
  files.push_back({"bicep/main.bicep", render_main_bicep(plan, names)});
  // main.bicep is the same for every environment; each has its own values.
  files.push_back(
      {fmt::format("bicep/{}.bicepparam", plan.environment), render_main_bicepparam(plan, names)});
  for (const std::string& module : modules_used(plan)) {
    copy_template(files, "bicep/modules/" + module, "bicep/modules/" + module);
  }
  // Runbook scripts, to be uploaded where the runbooks' content URI points.
  for (const model::Region& r : estate.topology->regions) {
    if (!r.automation) continue;
    for (const model::Runbook& rb : r.automation->runbooks) {
      files.push_back({"bicep/" + services::automation::runbook_file(r, rb), rb.content});
    }
  }
  // The policy modules load the shared definitions from ../policy.
  if (!plan.boundaries.empty()) {
    for (const EmbeddedTemplate& t : embedded_templates()) {
      if (starts_with(t.path, "policy/")) files.push_back({"bicep/" + std::string(t.path), std::string(t.contents)});
    }
  }
  std::sort(files.begin(), files.end(),
            [](const EmittedFile& a, const EmittedFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace topoc::emit

namespace topoc::emit::bicep {

std::vector<std::string> modules_used(const Plan& p) {
  using model::Service;
  std::vector<std::string> out{"network.bicep", "types.bicep"};
  auto add = [&](bool used, std::initializer_list<const char*> modules) {
    if (!used) return;
    for (const char* m : modules) out.push_back(m);
  };
  // Modules that reach their service through a private endpoint call
  // private-endpoint.bicep, which must be there even when no region has one.
  add(p.has_private_endpoints(), {"private-dns.bicep"});
  add(!p.peerings.empty(), {"vnet-peering.bicep", "private-dns-links.bicep"});
  add(p.any_region(Service::kMonitoring), {"monitoring.bicep"});
  add(p.any_region(Service::kAks), {"aks.bicep"});
  add(p.any_region(Service::kAiSearch), {"ai-search.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kOpenAI), {"openai.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kStorage), {"storage.bicep", "storage-replication.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kRedis), {"redis.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kKeyVault), {"keyvault.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kPostgres), {"postgres.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kServiceBus), {"servicebus.bicep", "private-endpoint.bicep"});
  add(p.any_blob_events(), {"eventgrid.bicep"});
  add(p.any_region(Service::kManagedRedis), {"managed-redis.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kBackup), {"backup.bicep", "backup-aks-snapshots.bicep"});
  add(p.any_region(Service::kAppService), {"app-service.bicep", "private-endpoint.bicep"});
  add(p.any_region(Service::kContainerApps),
      {"container-apps.bicep", "container-apps-acr-pull.bicep",
       "container-apps-internal-dns.bicep"});
  add(!p.estate->diagnostic_settings.empty(), {"diagnostics.bicep"});
  add(p.any_region(Service::kAutomation), {"automation.bicep"});
  add(p.any_region(Service::kApiManagement), {"api-management.bicep"});
  add(!p.cosmos.empty(), {"cosmos.bicep", "private-endpoint.bicep"});
  add(!p.registries.empty(), {"container-registry.bicep", "private-endpoint.bicep"});
  add(p.frontdoor.has_value(), {"frontdoor.bicep", "frontdoor-vault-access.bicep"});
  add(!p.boundaries.empty(),
      {"policy-assignments.bicep", "policy-definitions.bicep", "residency-policy.bicep"});
  add(p.estate->has_alerts(), {"alerts.bicep", "availability-test.bicep"});
  add(!p.topology->traffic_managers.empty(), {"traffic-manager.bicep"});
  add(services::dns::has_dns_module(*p.estate), {"dns.bicep"});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace topoc::emit::bicep
