// The small files of the environment root: versions, provider, backend,
// variables, outputs and tfvars.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "compiler/emit/terraform/root_files.h"
#include "compiler/services/storage/replica.h"

namespace topoc::emit::terraform {
namespace {

using hcl::Body;
using hcl::Expr;
using model::Service;

Body variable(std::string type, std::string description) {
  Body b;
  b.attribute("type", Expr::raw(std::move(type)));
  b.attribute("description", Expr::string(description));
  return b;
}

Body output(std::string description, std::string value) {
  Body b;
  b.attribute("description", Expr::string(description));
  b.attribute("value", Expr::raw(std::move(value)));
  return b;
}

}  // namespace

std::string render_terraform_tf(const Estate& e) {
  Body providers;
  // Storage customer-managed keys are created through Resource Manager,
  // which azurerm does not offer (regional/storage-key).
  if (services::storage::any_customer_managed_key(*e.topology)) {
    providers.attribute("azapi", Expr::object({{"source", Expr::string("Azure/azapi")},
                                               {"version", Expr::string("~> 2.0")}}));
  }
  providers.attribute("azurerm", Expr::object({{"source", Expr::string("hashicorp/azurerm")},
                                               {"version", Expr::string("~> 4.42")}}));
  Body terraform;
  terraform.comment("optional() object attributes with defaults need 1.3; 1.5 adds the import");
  terraform.comment("blocks used to adopt existing resources into this tree.");
  terraform.attribute("required_version", Expr::string(">= 1.5"));
  terraform.blank();
  terraform.comment("azurerm 4.42 is the first release with azurerm_key_vault's");
  terraform.comment("rbac_authorization_enabled (the name 5.0 keeps); it also covers");
  terraform.comment("DataZoneStandard OpenAI deployments (4.9) and the 4.x argument names of");
  terraform.comment("Cosmos DB, AKS and storage used by the modules.");
  terraform.block("required_providers", {}, std::move(providers));
  Body file;
  file.block("terraform", {}, std::move(terraform));
  return file.render_file();
}

std::string render_providers_tf(const Estate& e) {
  // Storage accounts are private (public network access off) and take no
  // shared keys, so a runner outside the VNet can reach only their management
  // plane: with data_plane_available = false the provider neither polls the
  // blob/queue endpoints after create nor reads queue or static website
  // properties on refresh (azurerm v4.55.0 internal/provider/features.go,
  // storage_account_resource.go). Whatever still needs the data plane goes
  // through Entra ID instead of the keys.
  Body storage;
  storage.attribute("data_plane_available", Expr::boolean(false));
  Body features;
  features.block("storage", {}, std::move(storage));
  Body provider;
  provider.block("features", {}, std::move(features));
  provider.blank();
  provider.attribute("storage_use_azuread", Expr::boolean(true));
  provider.blank();
  provider.comment("null falls back to ARM_SUBSCRIPTION_ID.");
  provider.attribute("subscription_id", Expr::raw("var.subscription_id"));
  Body file;
  file.block("provider", {"azurerm"}, std::move(provider));
  if (services::storage::any_customer_managed_key(*e.topology)) {
    Body azapi;
    azapi.comment("The same subscription as azurerm.");
    azapi.attribute("subscription_id", Expr::raw("var.subscription_id"));
    file.blank();
    file.block("provider", {"azapi"}, std::move(azapi));
  }
  return file.render_file();
}

std::string render_backend_tf(const Estate& e) {
  Body backend;
  backend.attribute("key", Expr::string(e.state_key));
  backend.attribute("use_azuread_auth", Expr::boolean(true));
  Body terraform;
  terraform.comment("Partial configuration: the state account comes from `terraform init");
  terraform.comment("-backend-config=<file>` with resource_group_name, storage_account_name and");
  terraform.comment("container_name, so one tree deploys to any state account.");
  terraform.block("backend", {"azurerm"}, std::move(backend));
  Body file;
  file.block("terraform", {}, std::move(terraform));
  return file.render_file();
}

std::string render_variables_tf(const Estate& e) {
  Body file;
  Body subscription = variable(
      "string", "Azure subscription the estate is deployed to; null reads ARM_SUBSCRIPTION_ID.");
  subscription.attribute("default", Expr::null());
  file.block("variable", {"subscription_id"}, std::move(subscription));
  if (e.has_frontdoor()) {
    file.blank();
    Body hosts = variable("map(string)",
                          "Host name of each region's ingress (the load balancer in front of AKS), "
                          "keyed by region; Front Door sends traffic there.");
    // API Management gateways' host names come from their instances.
    auto gateway = [](const Origin& o) { return o.gateway_owner != nullptr; };
    if (!e.origins.empty() && std::all_of(e.origins.begin(), e.origins.end(), gateway)) {
      hosts.attribute("default", Expr::object({}));
    }
    file.block("variable", {"origin_host_names"}, std::move(hosts));
    file.blank();
    Body links = variable("map(string)",
                          "Private Link service in front of a region's internal ingress, keyed by "
                          "region, for Front Door Premium private origins.");
    links.attribute("default", Expr::object({}));
    file.block("variable", {"origin_private_link_target_ids"}, std::move(links));
  }
  if (has_traffic_manager_azure_endpoints(e)) {
    file.blank();
    file.block("variable", {"ingress_public_ip_ids"},
               variable("map(string)",
                        "Resource ID of the public IP in front of each region's ingress, keyed "
                        "by region; it needs a DNS name label. Traffic Manager's Azure endpoints "
                        "point there."));
  }
  if (e.has_alerts() && !e.topology->alerts.receivers.empty()) {
    // One attribute per receiver, so a missing URL fails the plan by name.
    std::vector<std::string> attributes;
    std::vector<std::string> kinds;
    for (const model::Webhook& w : e.topology->alerts.receivers) {
      attributes.push_back(fmt::format("{} = string", w.name));
      kinds.push_back(fmt::format("{} ({})", w.name, model::url_description(w.kind.value)));
    }
    file.blank();
    Body urls = variable(
        fmt::format("object({{ {} }})", fmt::join(attributes, ", ")),
        fmt::format("URL of each alert webhook receiver: {}. Each carries a credential: set it "
                    "through TF_VAR_alert_webhook_urls or a secret store, never in a file under "
                    "version control.",
                    fmt::join(kinds, "; ")));
    urls.attribute("sensitive", Expr::boolean(true));
    file.block("variable", {"alert_webhook_urls"}, std::move(urls));
  }
  if (!e.boundaries.empty()) {
    file.blank();
    Body effect = variable("string",
                           "Effect of the required-tags policy: Deny, Audit (report only) or Disabled.");
    effect.attribute("default", Expr::string("Deny"));
    file.block("variable", {"tag_policy_effect"}, std::move(effect));
  }
  return file.render_file();
}

std::string render_outputs_tf(const Estate& e) {
  Body file;
  file.block("output", {"region_resource_group_names"},
             output("Resource groups of the regions, keyed by region.",
                    "{ for key, group in azurerm_resource_group.region : key => group.name }"));
  if (!e.cosmos.empty()) {
    file.blank();
    file.block("output", {"data_resource_group_names"},
               output("Resource groups of the Cosmos DB accounts, keyed by boundary.",
                      "{ for key, group in azurerm_resource_group.data : key => group.name }"));
  }
  if (e.any_region(Service::kAks)) {
    file.blank();
    file.block("output", {"aks_cluster_names"},
               output("AKS clusters keyed by region.",
                      "{ for key, cluster in module.aks : key => cluster.name }"));
    file.blank();
    file.block("output", {"aks_oidc_issuer_urls"},
               output("OIDC issuers for workload identity federation, keyed by region.",
                      "{ for key, cluster in module.aks : key => cluster.oidc_issuer_url }"));
  }
  if (!e.cosmos.empty()) {
    file.blank();
    file.block("output", {"cosmos_endpoints"},
               output("Cosmos DB endpoints keyed by boundary.",
                      "{ for key, account in module.cosmos : key => account.endpoint }"));
  }
  if (e.any_region(Service::kOpenAI)) {
    file.blank();
    file.block("output", {"openai_endpoints"},
               output("Azure OpenAI endpoints keyed by region.",
                      "{ for key, account in module.openai : key => account.endpoint }"));
  }
  if (e.any_region(Service::kKeyVault)) {
    file.blank();
    file.block("output", {"key_vault_uris"},
               output("Key Vault URIs keyed by region.",
                      "{ for key, vault in module.keyvault : key => vault.vault_uri }"));
  }
  if (e.any_region(Service::kApiManagement)) {
    file.blank();
    file.block("output", {"api_management_gateway_urls"},
               output("Gateway URL of each API Management instance in each of its locations, "
                      "keyed by region, then by Azure location.",
                      "{ for key, apim in module.api_management : key => "
                      "apim.gateway_regional_urls }"));
  }
  if (!e.topology->registries.empty()) {
    file.blank();
    file.block("output", {"container_registry_login_servers"},
               output("Login server of each container registry, keyed by registry.",
                      "{ for key, registry in module.container_registry : key => "
                      "registry.login_server }"));
  }
  if (e.has_frontdoor()) {
    file.blank();
    file.block("output", {"frontdoor_endpoint_host_name"},
               output("Front Door endpoint host name; point the public CNAME here.",
                      "module.frontdoor.endpoint_host_name"));
    if (!e.topology->frontdoor->domains.empty()) {
      file.blank();
      file.block("output", {"frontdoor_custom_domain_validation_tokens"},
                 output("Validation token of each Front Door custom domain; a domain without "
                        "a `zone` needs it in a `_dnsauth.<name>` TXT record written by hand.",
                        "module.frontdoor.custom_domain_validation_tokens"));
    }
  }
  if (!e.topology->traffic_managers.empty()) {
    file.blank();
    file.block("output", {"traffic_manager_fqdns"},
               output("DNS name of each Traffic Manager profile, keyed by profile.",
                      "module.traffic_manager.fqdns"));
  }
  return file.render_file();
}

std::string render_tfvars(const Estate& e) {
  Body file;
  file.comment(fmt::format("Values for the {} environment of topology \"{}\".", e.environment,
                           e.topology->name));
  file.comment("The subscription to deploy to; without it the provider reads ARM_SUBSCRIPTION_ID.");
  file.comment("subscription_id = \"00000000-0000-0000-0000-000000000000\"");
  const bool ingresses = std::any_of(e.origins.begin(), e.origins.end(),
                                     [](const Origin& o) { return !o.gateway_owner; });
  if (e.has_frontdoor() && ingresses) {
    file.blank();
    file.comment("The ingress host name of each region, known once its ingress exists:");
    file.comment("origin_host_names = {");
    for (const Origin& o : e.origins) {
      // An alternate-affinity twin, or a gateway whose host topoc knows.
      if (o.key != o.region->key || o.gateway_owner) continue;
      file.comment(fmt::format("  {} = \"ingress.{}.example.com\"", hcl::render_key(o.region->key),
                               hcl::escape_string(o.region->key)));
    }
    file.comment("}");
  }
  if (has_traffic_manager_azure_endpoints(e)) {
    file.blank();
    file.comment("The public IP in front of each region's ingress, known once it exists:");
    file.comment("ingress_public_ip_ids = {");
    std::vector<std::string> regions;
    for (const estate::Resource& r : e.resources) {
      if (r.azurerm_type == "azurerm_traffic_manager_azure_endpoint" && r.region &&
          std::find(regions.begin(), regions.end(), r.region->key) == regions.end()) {
        regions.push_back(r.region->key);
      }
    }
    std::sort(regions.begin(), regions.end());
    for (const std::string& key : regions) {
      file.comment(fmt::format(
          "  {} = \"/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/"
          "publicIPAddresses/<name>\"",
          hcl::render_key(key)));
    }
    file.comment("}");
  }
  if (e.has_alerts() && !e.topology->alerts.receivers.empty()) {
    file.blank();
    file.comment("The alert webhook URLs carry credentials: set them through");
    file.comment("TF_VAR_alert_webhook_urls or a secret store, never in this file:");
    file.comment("alert_webhook_urls = {");
    for (const model::Webhook& w : e.topology->alerts.receivers) {
      file.comment(fmt::format("  {} = \"https://alerts.example.com/{}\"", hcl::render_key(w.name),
                               hcl::escape_string(w.name)));
    }
    file.comment("}");
  }
  if (!e.boundaries.empty()) {
    file.blank();
    file.attribute("tag_policy_effect", Expr::string("Deny"));
  }
  return file.render_file();
}

}  // namespace topoc::emit::terraform
