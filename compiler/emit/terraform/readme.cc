// environments/<env>/README.md: what was generated, for the reviewer of a
// pull request that changes the topology.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/emit/frontdoor_inbound.h"
#include "compiler/services/frontdoor/unrouted.h"
#include "compiler/emit/graph.h"
#include "compiler/emit/terraform/root_files.h"
#include "compiler/naming/search_links.h"
#include "compiler/text/markdown.h"

namespace topoc::emit::terraform {
namespace {

// What each module holds, for the table.
struct ModuleDoc {
  const char* path;
  const char* call;
  const char* per;
  const char* resources;
};

constexpr ModuleDoc kModules[] = {
    {"global/alerts", "alerts", "once",
     "action groups, one metric or log search alert per alert and watched resource, "
     "activity-log alerts, availability tests with their alerts"},
    {"global/container-registry", "container_registry", "per registry",
     "container registry and its geo-replications, private endpoints, AcrPull for AKS"},
    {"global/cosmosdb", "cosmos", "per boundary",
     "Cosmos DB account over the boundary's locations, SQL database, containers, merge procedures, "
     "private endpoints"},
    {"global/dns", "dns", "once",
     "public DNS zones (those Front Door's custom domains name are the frontdoor module's) and "
     "their A, AAAA, CNAME and TXT record sets"},
    {"global/frontdoor", "frontdoor", "once",
     "Front Door profile, endpoint, origin group per boundary, origins, routes, geo rule set, WAF "
     "policy, custom domains with their DNS records, secrets for Key Vault certificates and the "
     "profile's role on those vaults"},
    {"global/managed-redis-geo-replication", "managed_redis_geo_replication",
     "per geo-replication group", "link of a group's Azure Managed Redis instances"},
    {"global/policy-definitions", "policy_definitions", "once",
     "shared custom policies: no geo-redundant storage, required tags"},
    {"global/residency-policy", "residency_policy", "per boundary",
     "allowed-locations policy, assignments on the boundary's data and region resource groups"},
    {"global/traffic-manager", "traffic_manager", "once",
     "Traffic Manager profiles with their Azure, external and nested endpoints"},
    {"regional/ai-search", "search", "per region",
     "AI Search service, private endpoint, shared private links to the region's storage and Azure "
     "OpenAI"},
    {"regional/aks", "aks", "per region",
     "AKS cluster (system pool), user node pools, network role, Container Insights data "
     "collection rule and its association"},
    {"regional/diagnostics", "diagnostics", "per region",
     "diagnostic settings sending the region's resource logs and metrics to a Log Analytics "
     "workspace"},
    {"regional/keyvault", "keyvault", "per region", "Key Vault (RBAC), private endpoint"},
    {"regional/monitoring", "monitoring", "per region",
     "Log Analytics workspace, Application Insights"},
    {"regional/managed-redis", "managed_redis", "per region",
     "Azure Managed Redis instance and its default database, private endpoint"},
    {"regional/network", "network", "per region", "VNet, subnets, network security groups"},
    {"regional/openai", "openai", "per region",
     "Azure OpenAI account, model deployments, private endpoint"},
    {"regional/private-dns", "private_dns", "per region",
     "Private Link DNS zones linked to the region's VNet"},
    {"regional/redis", "redis", "per region",
     "Azure Cache for Redis (and geo-replica), private endpoints"},
    {"regional/storage", "storage", "per region", "storage account, private endpoint"},
    {"regional/storage-key", "storage_key", "per region with a customer-managed storage key",
     "the key in the region's Key Vault (through azapi), the user-assigned identity the account "
     "reads it with and its Key Vault Crypto Service Encryption User role"},
    {"regional/postgres", "postgres", "per region",
     "PostgreSQL flexible server, Entra administrator, databases, read replicas, virtual endpoint, "
     "private endpoints, the server parameters alerts need"},
    {"regional/backup", "backup", "per region",
     "Backup vault, long-term retention policy and backup instance of the region's PostgreSQL "
     "server, vaulted backup policy and backup instance of its storage account, the vault "
     "identity's role assignments"},
    {"regional/app_service", "app_service", "per region",
     "App Service plans, Linux web apps and function apps, their private endpoints and role "
     "assignments"},
    {"regional/container-apps", "container_apps", "per region",
     "Container Apps environments with their workload profiles, apps, the apps' identities, "
     "their AcrPull and Key Vault Secrets User roles, and the private DNS zone of each internal "
     "environment"},
    {"regional/automation", "automation", "per region",
     "Automation account with a system-assigned identity, runbooks published from runbooks/, "
     "their schedules and job schedules"},
    {"regional/api-management", "api_management", "per region",
     "API Management instance with a system-assigned identity, its gateway also in the "
     "additional locations (Premium), injected into each location's `apim` subnet when the "
     "topology says so; creating one takes 30 to 60 minutes"},
    {"regional/servicebus", "servicebus", "per region",
     "Service Bus Premium namespace, topics, subscriptions and filters, geo-disaster recovery "
     "partner and alias, private endpoints"},
    {"regional/eventgrid", "eventgrid", "per region",
     "Event Grid system topic on the storage account, its Service Bus Data Sender role and the "
     "subscription delivering blob created events to a Service Bus topic"},
    {"regional/vnet-peering", "vnet_peering", "per peering direction",
     "VNet peering to another region of the boundary, links of that region's Private Link DNS "
     "zones to the VNet"},
};

constexpr size_t kReadmeTenants = 30;

// Resources per module call ("" for the root module), counted in the
// manifest so the table and the manifest cannot disagree.
std::map<std::string, int, std::less<>> resources_per_call(const ManifestFile& manifest) {
  std::map<std::string, int, std::less<>> out;
  for (const estate::Resource* r : manifest.resources) {
    std::string_view address = r->key, call;
    if (address.starts_with("module.")) {
      size_t end = address.find_first_of("[.", 7);
      call = address.substr(7, end == std::string_view::npos ? end : end - 7);
    }
    auto at = out.find(call);
    if (at == out.end()) at = out.emplace(std::string(call), 0).first;
    ++at->second;
  }
  return out;
}

// The connection each AI Search shared private link opens on its target
// stays pending until the target's owner approves it; Terraform cannot.
std::string shared_link_approvals(const Estate& e) {
  std::string rows;
  for (const model::Region& r : e.topology->regions) {
    for (const naming::SearchSharedLink& link : naming::search_shared_links(r)) {
      bool storage = link.target == model::Service::kStorage;
      rows += fmt::format(
          "| {} | `{}` | {} | `{}` | {} |\n", markdown_cell(e.names.region(r.key, "search")),
          link.name, markdown_cell(e.names.region(r.key, storage ? "storage" : "openai")),
          storage ? "Microsoft.Storage/storageAccounts" : "Microsoft.CognitiveServices/accounts",
          markdown_cell(e.names.region(r.key, "rg")));
    }
  }
  if (rows.empty()) return "";
  std::string out = "\n## Approve the AI Search shared private links\n\n";
  out +=
      "Storage and Azure OpenAI accept no public traffic, so each search service reaches its "
      "region's storage (indexers) and Azure OpenAI account (vectorizers) through shared private "
      "links. Each one opens a private endpoint connection on its target that stays `Pending` "
      "until the target's owner approves it; until then indexers and vectorizers fail. After the "
      "apply, approve each pending connection:\n\n";
  out += "```sh\n";
  out +=
      "az network private-endpoint-connection list --resource-group <group> --name <target> "
      "--type <type> --query "
      "\"[?properties.privateLinkServiceConnectionState.status=='Pending'].id\" "
      "-o tsv\n";
  out +=
      "az network private-endpoint-connection approve --id <connection id> "
      "--description \"AI Search shared private link\"\n";
  out += "```\n\n";
  out += "| Search service | Link | Target | Type | Group |\n";
  out += "| --- | --- | --- | --- | --- |\n";
  out += rows;
  out +=
      "\nIndexers use a shared private link only when they run in the search service's private "
      "execution environment: set `\"executionEnvironment\": \"private\"` in each indexer's "
      "`parameters.configuration`.\n";
  return out;
}

}  // namespace

std::string render_readme(const Estate& e, const ManifestFile& manifest) {
  const model::Topology& t = *e.topology;
  std::string out;
  out += fmt::format("# {} ({})\n\n", markdown_cell(t.name), markdown_cell(e.environment));
  out += fmt::format(
      "Generated by topoc from topology {}. Change the topology and run `topoc build` again "
      "rather than editing these files; `topoc.manifest.json` beside this file lists every "
      "resource for drift checks.\n\n",
      markdown_code(t.name));
  out += "## Deploy\n\n";
  out += "```sh\n";
  out += "terraform init -backend-config=backend.hcl   # resource_group_name, storage_account_name, "
         "container_name\n";
  out += "terraform plan -out=tfplan\n";
  out += "terraform apply tfplan\n";
  out += "```\n\n";
  out += fmt::format("State key: {}.", markdown_code(e.state_key));
  // API Management gateway origins take their host names from their instances.
  if (e.has_frontdoor() && std::any_of(e.origins.begin(), e.origins.end(),
                                       [](const Origin& o) { return !o.gateway_owner; })) {
    out += " Set `origin_host_names` (each region's ingress host name) in `terraform.tfvars` "
           "before the first plan.";
  }
  if (e.has_alerts() && !t.alerts.receivers.empty()) {
    out += "\n\nThe alert webhook URLs are secrets and are not in this tree: set the sensitive "
           "variable `alert_webhook_urls` (for instance through `TF_VAR_alert_webhook_urls`, from "
           "a secret store) with one URL per receiver:\n\n";
    out += "| Attribute | URL |\n| --- | --- |\n";
    for (const model::Webhook& w : t.alerts.receivers) {
      out += fmt::format("| {} | {} |\n", markdown_code(w.name), model::url_description(w.kind.value));
    }
    out.pop_back();  // the paragraph break below follows the table
  }
  out += "\n\n## Regions\n\n";
  out += "| Region | Location | Boundary | Failover | Services |\n";
  out += "| --- | --- | --- | --- | --- |\n";
  for (const model::Region& r : t.regions) {
    std::string services;
    for (const auto& s : r.services) {
      services += fmt::format("{}{}", services.empty() ? "" : ", ", model::to_string(s.value));
    }
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_cell(r.key), r.location.value,
                       markdown_cell(r.boundary_name.value), r.failover.value.empty() ? "-" : r.failover.value,
                       services);
  }
  out += "\n## Residency boundaries\n\n";
  out += "| Boundary | Allowed locations | Data resource group | Cosmos DB geo locations |\n";
  out += "| --- | --- | --- | --- |\n";
  for (const BoundaryPlan& b : e.boundaries) {
    std::string allowed, geo = "-", group = "-";
    for (const std::string& l : b.boundary->allowed_locations) {
      allowed += fmt::format("{}{}", allowed.empty() ? "" : ", ", l);
    }
    for (const CosmosAccount& a : e.cosmos) {
      if (a.boundary != b.boundary) continue;
      group = a.resource_group;
      geo.clear();
      for (const GeoLocation& g : a.geo_locations) {
        geo += fmt::format("{}{} ({})", geo.empty() ? "" : ", ", g.location, g.failover_priority);
      }
    }
    out += fmt::format("| {} | {} | {} | {} |\n", markdown_cell(b.boundary->name), allowed, group, geo);
  }
  for (const CosmosAccount& a : e.cosmos) {
    if (!a.non_personal) continue;
    std::string geo, containers;
    for (const GeoLocation& g : a.geo_locations) {
      geo += fmt::format("{}{} ({})", geo.empty() ? "" : ", ", g.location, g.failover_priority);
    }
    for (const model::Container* c : a.containers) {
      containers += fmt::format("{}{}", containers.empty() ? "" : ", ", markdown_code(c->name));
    }
    out += fmt::format(
        "\nContainers declared `data = non-personal` ({}) live in the global account {} in "
        "{}, replicated across every boundary: {}. `topoc residency` lists them as exemptions.\n",
        containers, markdown_code(a.name), markdown_code(a.resource_group), geo);
  }
  if (e.has_frontdoor()) {
    std::string routed;
    for (const GeoRule& g : e.geo_rules) {
      if (g.alternate) continue;  // the same countries, for the alternate-affinity routes
      std::string group = markdown_code(g.group);
      if (routed.find(group) != std::string::npos) continue;
      routed += fmt::format("{}{}", routed.empty() ? "" : ", ", group);
    }
    const model::FrontDoor& fd = *e.topology->frontdoor;
    std::string elsewhere =
        fd.denies_unrouted()
            ? fmt::format("is refused by the WAF custom rule `{}` (`unrouted = deny`)",
                          services::frontdoor::kDenyUnroutedRuleName)
        : fd.unrouted.value.empty()
            ? fmt::format("goes to boundary {}, the first declared one with origins (`unrouted` "
                          "is not written)",
                          markdown_code(e.default_origin_group))
            : fmt::format("goes to boundary {} (`unrouted`)", markdown_code(e.default_origin_group));
    out += fmt::format(
        "\nFront Door sends each boundary's countries to that boundary's origin group{}; traffic "
        "from anywhere else {}.\n",
        routed.empty() ? " (no geo rules are declared)"
                       : fmt::format(" (geo rules for {})", routed),
        elsewhere);
    if (!fd.domains.empty()) {
      std::string hosts, zoned, unzoned, vaulted;
      for (const model::FrontDoorDomain& d : fd.domains) {
        hosts += fmt::format("{}{}", hosts.empty() ? "" : ", ", markdown_code(d.host));
        if (!d.managed_certificate()) {
          vaulted += fmt::format("{}{} serves certificate {} of Key Vault {} (region {})",
                                 vaulted.empty() ? "" : "; ", markdown_code(d.host),
                                 markdown_code(d.certificate.value),
                                 markdown_code(e.names.region(d.vault.value, "keyvault")),
                                 markdown_code(d.vault.value));
        }
        if (d.zone.value.empty()) {
          unzoned += fmt::format("{}{}", unzoned.empty() ? "" : ", ", markdown_code(d.host));
        } else {
          zoned += fmt::format("{}{} in {}", zoned.empty() ? "" : ", ", markdown_code(d.host),
                               markdown_code(d.zone.value));
        }
      }
      out += fmt::format("\nEvery route also serves the custom domains {}{}{}.", hosts,
                         vaulted.empty() ? ", with certificates Front Door manages" : "",
                         fd.waf.value ? ", behind the same WAF policy as the endpoint" : "");
      if (!vaulted.empty()) {
        const bool all_vaulted =
            std::none_of(fd.domains.begin(), fd.domains.end(),
                         [](const model::FrontDoorDomain& d) { return d.managed_certificate(); });
        out += fmt::format(
            " {}{}. Put each such "
            "certificate in its vault before the first apply (the Front Door secret cannot be "
            "created without it); Front Door reads it with the profile's managed identity and "
            "serves each new version.",
            vaulted, all_vaulted ? "" : "; Front Door issues and renews the others' certificates");
      }
      if (!zoned.empty()) {
        out += fmt::format(
            " This configuration writes the CNAME and `_dnsauth` TXT records of {}; delegate each "
            "zone to its Azure DNS name servers.",
            zoned);
      }
      if (!unzoned.empty()) {
        out += fmt::format(
            " The CNAME and `_dnsauth` TXT records of {} are written outside this configuration "
            "(outputs `frontdoor_endpoint_host_name` and "
            "`frontdoor_custom_domain_validation_tokens`).",
            unzoned);
      }
      out += "\n";
    }
  }
  out += "\n## Modules\n\n";
  std::map<std::string, int, std::less<>> counts = resources_per_call(manifest);
  out += "| Module | Called | Creates | Resources |\n";
  out += "| --- | --- | --- | --- |\n";
  out += fmt::format("| {} (root) | once | resource groups | {} |\n",
                     markdown_code("environments/" + e.environment), counts[""]);
  std::vector<std::string> used = modules_used(e);
  for (const ModuleDoc& m : kModules) {
    if (std::find(used.begin(), used.end(), std::string(m.path)) == used.end()) continue;
    out += fmt::format("| `modules/{}` (`module.{}`) | {} | {} | {} |\n", m.path, m.call, m.per,
                       m.resources, counts[m.call]);
  }
  int total = 0;
  for (const auto& [call, count] : counts) total += count;
  out += fmt::format("\n{} resources in all; `topoc.manifest.json` lists each with its address.\n", total);
  out += shared_link_approvals(e);
  out += "\n## Left to you\n\n";
  out +=
      "- The ingress inside each AKS cluster (an internal load balancer in the `ingress` subnet) "
      "and its host name, which Front Door needs as `origin_host_names`; a Private Link service "
      "in front of it for private origins (`origin_private_link_target_ids`; the `ingress` "
      "subnet admits Private Link services), whose connection from Front Door must be approved "
      "once on the service.\n";
  if (e.has_frontdoor()) {
    out += fmt::format(
        "- A region Front Door reaches without Private Link gets an inbound rule on its `ingress` "
        "subnet for Front Door's back end (service tag `AzureFrontDoor.Backend`, TCP {}); that tag "
        "covers every Front Door profile, so the ingress should also accept only requests whose "
        "`X-Azure-FDID` header is this profile's ID. A region given its Private Link service later "
        "keeps that rule in Terraform until it is deleted by hand.\n",
        emit::frontdoor_backend_port(*t.frontdoor));
  }
  out += "- Public DNS records and custom domains with their certificates on Front Door.\n";
  out +=
      "- Role assignments that let workloads reach the data services through Entra ID: public "
      "network access is off on all of them and so is key-based authentication (storage shared "
      "keys, Cosmos DB local authentication, Redis access keys; AI Search, Azure OpenAI and Key "
      "Vault accept Entra ID only), so clients need data-plane roles such as Storage Blob Data "
      "Reader, Cosmos DB SQL role assignments and Redis data access policy assignments. "
      "Terraform itself needs none: it stays on the management plane of storage.\n";
  out += "- Diagnostic settings: Front Door logs carry client addresses from every boundary, so "
         "which workspace may hold them is a residency decision this tree does not make.\n";
  out += "\n## Topology\n\n```mermaid\n";
  // Past a few dozen tenants the README counts them per boundary, keeping
  // the diagram small enough for GitHub to render; `topoc graph` draws each.
  std::string diagram = render_mermaid(t, {.max_tenants = kReadmeTenants, .estate = &e});
  out += diagram;
  if (!diagram.empty() && diagram.back() != '\n') out += '\n';
  out += "```\n";
  return out;
}

}  // namespace topoc::emit::terraform
