#include "compiler/emit/terraform/emit_terraform.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <system_error>

#include "compiler/emit/templates.h"
#include "compiler/emit/terraform/estate.h"
#include "compiler/emit/terraform/protection.h"
#include "compiler/emit/terraform/root_files.h"
#include "compiler/services/automation/runbook_files.h"
#include "compiler/services/dns/zones.h"
#include "compiler/services/managed_redis/geo_groups.h"
#include "compiler/services/storage/replica.h"
#include "compiler/threads/beside.h"

namespace topoc::emit {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Every embedded file under `template_dir`, written under `output_dir`, its
// stateful resources protected from destruction or not (`prevent_destroy`).
void copy_templates(FileTree& files, std::string_view template_dir, std::string_view output_dir,
                    bool prevent_destroy) {
  std::string prefix = std::string(template_dir) + "/";
  for (const EmbeddedTemplate& t : embedded_templates()) {
    if (!starts_with(t.path, prefix)) continue;
    files.push_back({fmt::format("{}/{}", output_dir, t.path.substr(prefix.size())),
                     terraform::with_prevent_destroy(t.contents, prevent_destroy)});
  }
}

}  // namespace

std::string terraform_manifest_path(std::string_view environment) {
  return fmt::format("environments/{}/topoc.manifest.json", environment);
}

FileTree emit_terraform(const model::Topology& topology, const TerraformOptions& options) {
  return emit_terraform(terraform::plan_estate(topology, options));
}

FileTree emit_terraform(const estate::Estate& estate, FileSink* early) {
  using namespace terraform;
  const model::Topology& topology = *estate.topology;
  // main.tf and the manifest are the two largest renderings and read only
  // the estate: on a machine with a second core they are written side by side.
  // Under a tight address-space limit no thread can start; then it is
  // rendered on this one, when it is asked for.
  auto render_main = [&estate] { return render_main_tf(estate); };
  std::optional<threads::Beside<std::string>> main_tf;
  try {
    main_tf.emplace(render_main, threads::ThreadHeap::kLarge);
  } catch (const std::system_error&) {
    // No thread: main.tf is rendered below, on this one.
  }
  FileTree files;
  const std::string root = fmt::format("environments/{}", estate.environment);
  // What does not depend on the rendering first: a build starts writing it
  // while the manifest and main.tf render.
  for (const std::string& module : modules_used(estate)) {
    copy_templates(files, "terraform/modules/" + module, "modules/" + module,
                   topology.prevent_destroy.value);
  }
  // The boundary's own allowed-locations definition sits beside the module
  // that creates one per boundary; the shared ones beside policy-definitions.
  if (!estate.boundaries.empty()) {
    for (const EmbeddedTemplate& t : embedded_templates()) {
      if (!starts_with(t.path, "policy/") || !t.path.ends_with(".json")) continue;
      std::string_view file = t.path.substr(std::string_view("policy/").size());
      std::string dir = file == "allowed-locations.json"
                            ? "modules/global/residency-policy"
                            : "modules/global/policy-definitions/definitions";
      files.push_back({fmt::format("{}/{}", dir, file), std::string(t.contents)});
    }
  }
  // Runbook scripts beside the root that reads them with file().
  for (const model::Region& r : topology.regions) {
    if (!r.automation) continue;
    for (const model::Runbook& rb : r.automation->runbooks) {
      files.push_back({root + "/" + services::automation::runbook_file(r, rb), rb.content});
    }
  }
  if (early) {
    for (const EmittedFile& f : files) early->put(f.path, f.contents);
    early->flush();
  }
  ManifestFile manifest = build_manifest(estate);
  // The largest file by far: on its way to disk while main.tf renders.
  const std::string manifest_path = terraform_manifest_path(estate.environment);
  if (early) {
    early->put(manifest_path, manifest.text);
    early->flush();
  }
  files.push_back({root + "/README.md", render_readme(estate, manifest)});
  files.push_back({root + "/backend.tf", render_backend_tf(estate)});
  files.push_back({root + "/main.tf", main_tf ? main_tf->get() : render_main()});
  if (std::string moved = render_moved_tf(estate, manifest); !moved.empty()) {
    files.push_back({root + "/moved.tf", std::move(moved)});
  }
  files.push_back({root + "/outputs.tf", render_outputs_tf(estate)});
  files.push_back({root + "/providers.tf", render_providers_tf(estate)});
  files.push_back({root + "/terraform.tf", render_terraform_tf(estate)});
  files.push_back({root + "/terraform.tfvars", render_tfvars(estate)});
  files.push_back({root + "/variables.tf", render_variables_tf(estate)});
  // Beside the root it describes: every environment has its own desired state.
  files.push_back({manifest_path, std::move(manifest.text)});
  std::sort(files.begin(), files.end(),
            [](const EmittedFile& a, const EmittedFile& b) { return a.path < b.path; });
  return files;
}

std::string emit_terraform_manifest(const estate::Estate& estate) {
  return terraform::build_manifest(estate).text;
}

std::string emit_terraform_manifest(const model::Topology& topology,
                                    const TerraformOptions& options) {
  return emit_terraform_manifest(terraform::plan_estate(topology, options));
}

}  // namespace topoc::emit

namespace topoc::emit::terraform {

std::vector<std::string> modules_used(const Estate& e) {
  using model::Service;
  std::vector<std::string> out{"regional/network"};
  if (e.any_region(Service::kAks)) out.push_back("regional/aks");
  if (e.any_region(Service::kAiSearch)) out.push_back("regional/ai-search");
  if (e.any_region(Service::kOpenAI)) out.push_back("regional/openai");
  if (e.any_region(Service::kStorage)) out.push_back("regional/storage");
  if (services::storage::any_customer_managed_key(*e.topology)) {
    out.push_back("regional/storage-key");
  }
  if (e.any_region(Service::kRedis)) out.push_back("regional/redis");
  if (e.any_region(Service::kKeyVault)) out.push_back("regional/keyvault");
  if (e.any_region(Service::kMonitoring)) out.push_back("regional/monitoring");
  if (e.any_region(Service::kPostgres)) out.push_back("regional/postgres");
  if (e.any_region(Service::kAppService)) out.push_back("regional/app_service");
  if (e.any_region(Service::kServiceBus)) out.push_back("regional/servicebus");
  if (std::any_of(e.topology->regions.begin(), e.topology->regions.end(),
                  [](const model::Region& r) { return r.storage && r.storage->events; })) {
    out.push_back("regional/eventgrid");
  }
  if (e.any_region(Service::kManagedRedis)) out.push_back("regional/managed-redis");
  for (const auto& g : services::managed_redis::geo_groups(*e.topology)) {
    if (g.members.size() < 2) continue;
    out.push_back("global/managed-redis-geo-replication");
    break;
  }
  if (e.any_region(Service::kBackup)) out.push_back("regional/backup");
  if (e.any_region(Service::kContainerApps)) out.push_back("regional/container-apps");
  if (e.any_region(Service::kAutomation)) out.push_back("regional/automation");
  if (e.any_region(Service::kApiManagement)) out.push_back("regional/api-management");
  if (!e.diagnostic_settings.empty()) out.push_back("regional/diagnostics");
  if (!e.dns.empty()) out.push_back("regional/private-dns");
  if (!e.peerings.empty()) out.push_back("regional/vnet-peering");
  if (!e.cosmos.empty()) out.push_back("global/cosmosdb");
  if (e.has_frontdoor()) out.push_back("global/frontdoor");
  if (!e.boundaries.empty()) {
    out.push_back("global/policy-definitions");
    out.push_back("global/residency-policy");
  }
  if (e.has_alerts()) out.push_back("global/alerts");
  if (!e.topology->traffic_managers.empty()) out.push_back("global/traffic-manager");
  if (services::dns::has_dns_module(e)) out.push_back("global/dns");
  if (!e.topology->registries.empty()) out.push_back("global/container-registry");
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace topoc::emit::terraform
