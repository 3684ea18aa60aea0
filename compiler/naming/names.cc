#include "compiler/naming/names.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <span>
#include <unordered_map>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/naming/cosmos_accounts.h"
#include "compiler/naming/redis_replicas.h"
#include "compiler/naming/suffix.h"
#include "compiler/services/alerts/availability.h"
#include "compiler/text/ascii.h"
#include "compiler/text/concat.h"

namespace topoc::naming {
namespace {

// For names of letters and digits only: the separators an author writes in
// labels (`-`, `_`) are dropped; anything else stays for the rules to report.
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : lower(s)) {
    if (c != '-' && c != '_') out += c;
  }
  return out;
}

// FNV-1a: small, and the same on every platform and compiler.
uint32_t fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

// A piece of a name that the author chose, and where it is written. Its
// description ("region key `eu`") is put together only for a name that
// breaks its rule: nearly every name passes, and a large topology has tens
// of thousands of them.
struct Part {
  std::string text;  // as it appears in names
  diag::Location location;
  std::string_view what;     // "region key", or the whole description
  std::string_view subject;  // the label it names ("eu"), held by the model; may be empty
  bool listed = true;        // named in hints about length (the environment is not)

  std::string hint() const {
    return subject.empty() ? std::string(what) : fmt::format("{} `{}`", what, subject);
  }
};

// A service a region reaches through Private Link, and the private DNS zones
// its endpoint registers in (naming.md, "Private Link DNS zone names").
struct PrivateLinkTarget {
  const char* service;  // key and name part
  std::vector<const char*> zones;
};

class Generator {
 public:
  explicit Generator(const model::Topology& t) : t_(t) {
    prefix_ = {lower(t.prefix.value), t.prefix.explicit_ ? t.prefix.location : t.location,
               "the topology `prefix`"};
    env_ = {lower(t.environment.value),
            t.environment.explicit_ ? t.environment.location : t.location,
            "the topology `environment`",
            {},
            false};
    accounts_ = cosmos_accounts(t);
    replicas_ = redis_replicas(t);
    suffix_ = {uniqueness_suffix(t),
               t.naming.suffix.explicit_ ? t.naming.suffix.location : t.location,
               "the `naming` suffix",
               {},
               false};
  }

  std::vector<GeneratedName> run() {
    global_rg_ = fmt::format("rg-{}-global-{}", prefix_.text, env_.text);
    add("azurerm_resource_group", "global.rg", global_rg_, "subscription", {&env_, &prefix_});
    for (const model::Region& r : t_.regions) region(r);
    for (const model::Boundary& b : t_.boundaries) boundary_insights(b);
    for (const auto& [a, b] : t_.peered_regions()) {
      peering(*a, *b);
      peering(*b, *a);
    }
    for (const CosmosAccount& a : accounts_) cosmos(a);
    policies();
    if (t_.frontdoor) frontdoor(*t_.frontdoor);
    alerts();
    for (const model::TrafficManager& tm : t_.traffic_managers) traffic_manager(tm);
    for (const model::Registry& reg : t_.registries) registry(reg);
    return std::move(out_);
  }

 private:
  // Records a name. `parts` go from least to most specific: a name that
  // breaks its rule because of a character is blamed on the part holding
  // that character, any other problem on the most specific part.
  void add(const char* type, std::string key, std::string name, std::string scope,
           std::initializer_list<const Part*> parts) {
    add_name(type, std::move(key), std::move(name), std::move(scope),
             {parts.begin(), parts.size()});
  }

  void add_name(const char* type, std::string key, std::string name, std::string scope,
                std::span<const Part* const> parts) {
    const Part* source = parts.back();
    std::string hint;
    const NamingRule* rule = rule_of(type);
    const NamingRule* broken = rule && violation(*rule, name) ? rule : nullptr;
    if (broken) {
      const Part* culprit = nullptr;
      for (auto it = parts.rbegin(); it != parts.rend() && !culprit; ++it) {
        const std::string& text = (*it)->text;
        bool bad = std::any_of(text.begin(), text.end(),
                               [&](char c) { return !allows_character(*rule, c); });
        if (bad) culprit = *it;
      }
      if (culprit) source = culprit;
      hint = culprit ? culprit->hint() : listed_hints(parts);
    }
    out_.push_back({type, std::move(key), std::move(name), std::move(scope), source->location,
                    std::move(hint), broken});
  }

  // The naming rule of `type`, a literal of this generator: looked up by
  // its text once per literal rather than once per name.
  const NamingRule* rule_of(const char* type) {
    auto [it, added] = rules_.try_emplace(type, nullptr);
    if (added) it->second = find_naming_rule(type);
    return it->second;
  }

  // The listed parts' hints as "a, b or c"; the last part's when none is listed.
  static std::string listed_hints(std::span<const Part* const> parts) {
    size_t listed =
        std::count_if(parts.begin(), parts.end(), [](const Part* p) { return p->listed; });
    if (listed == 0) return parts.back()->hint();
    std::string hint;
    size_t written = 0;
    for (const Part* p : parts) {
      if (!p->listed) continue;
      if (written > 0) hint += written + 1 == listed ? " or " : ", ";
      hint += p->hint();
      ++written;
    }
    return hint;
  }

  // A boundary's shared Application Insights (`application_insights =
  // <region>`), in that region's resource group; none while the region is
  // undeclared or runs no `monitoring` (M004, S120).
  void boundary_insights(const model::Boundary& b) {
    if (!b.application_insights.explicit_) return;
    const model::Region* host = t_.find_region(b.application_insights.value);
    if (!host || !host->monitoring) return;
    const Part key = region_key(*host);
    const Part boundary{lower(b.name), b.location, "boundary name", b.name};
    add("azurerm_application_insights", "boundary." + b.name + ".appi",
        fmt::format("appi-{}-{}-boundary-{}", prefix_.text, boundary.text, env_.text),
        regional("rg", key), {&env_, &prefix_, &boundary});
  }

  // A renamed region keeps the names of its former key (`renamed_from`).
  static Part region_key(const model::Region& r) {
    if (r.renamed_from.explicit_) {
      return {lower(r.renamed_from.value), r.renamed_from.location, "`renamed_from` of region",
              r.key};
    }
    return {lower(r.key), r.location_of_block, "region key", r.key};
  }

  std::string regional(std::string_view caf, const Part& key) const {
    return concat(caf, "-", prefix_.text, "-", key.text, "-", env_.text);
  }

  // A globally unique name with the `naming` suffix, if any, after a `-`.
  std::string suffixed(std::string name) const {
    if (!suffix_.text.empty()) name += "-" + suffix_.text;
    return name;
  }

  // Named after the remote VNet: unique under the local one, and it says
  // where the peering leads.
  void peering(const model::Region& local, const model::Region& remote) {
    const Part key = region_key(local);
    const Part remote_key = region_key(remote);
    add("azurerm_virtual_network_peering", concat("region.", local.key, ".peering.", remote.key),
        "peer-" + regional("vnet", remote_key),
        concat(regional("rg", key), "/", regional("vnet", key)), {&env_, &prefix_, &remote_key});
  }

  void region(const model::Region& r) {
    const Part key = region_key(r);
    const std::string base = "region." + r.key;
    const std::string rg = regional("rg", key);
    add("azurerm_resource_group", base + ".rg", rg, "subscription", {&env_, &prefix_, &key});
    region_groups_.push_back(rg);
    const std::string vnet = regional("vnet", key);
    add("azurerm_virtual_network", base + ".vnet", vnet, rg, {&env_, &prefix_, &key});
    for (const model::Subnet& s : r.subnets) {
      const Part subnet{lower(s.name), s.location, "subnet name", s.name};
      add("azurerm_subnet", concat(base, ".subnet.", s.name), "snet-" + subnet.text,
          concat(rg, "/", vnet), {&subnet});
      add("azurerm_network_security_group", concat(base, ".nsg.", s.name),
          fmt::format("nsg-{}-{}-{}-{}", prefix_.text, key.text, subnet.text, env_.text), rg,
          {&env_, &prefix_, &key, &subnet});
    }
    if (r.aks) aks(*r.aks, key, base, rg);
    if (r.search) {
      add("azurerm_search_service", base + ".search", suffixed(regional("srch", key)), "global",
          {&suffix_, &env_, &prefix_, &key});
    }
    if (r.openai) {
      // The account name doubles as its custom subdomain, which is global.
      const std::string account = suffixed(regional("oai", key));
      add("azurerm_cognitive_account", base + ".openai", account, rg,
          {&suffix_, &env_, &prefix_, &key});
      add("azurerm_cognitive_account.custom_subdomain_name", base + ".openai.subdomain", account,
          "global", {&suffix_, &env_, &prefix_, &key});
    }
    if (r.redis) {
      add("azurerm_redis_cache", base + ".redis", suffixed(regional("redis", key)), "global",
          {&suffix_, &env_, &prefix_, &key});
      // The account the cache persists its RDB snapshots or AOF log to.
      if (r.redis->persistence.value != model::RedisPersistence::kNone) {
        add("azurerm_storage_account", base + ".redis_persistence",
            fit_name("stredis", squeeze(prefix_.text) + squeeze(key.text),
                     squeeze(env_.text) + suffix_.text, 24, ""),
            "global", {&suffix_, &env_, &prefix_, &key});
      }
    }
    // The instance's host name is <name>.<location>.redis.azure.net; the name
    // is kept unique across Azure like the cache's.
    if (r.managed_redis) {
      add("azurerm_managed_redis", base + ".managed_redis", suffixed(regional("amr", key)),
          "global", {&suffix_, &env_, &prefix_, &key});
    }
    if (r.storage) {
      add("azurerm_storage_account", base + ".storage",
          fit_name("st", squeeze(prefix_.text) + squeeze(key.text),
                   squeeze(env_.text) + suffix_.text, 24, ""),
          "global", {&suffix_, &env_, &prefix_, &key});
      // The disaster recovery account object replication copies to.
      if (!r.storage->replicate_to.value.empty()) {
        add("azurerm_storage_account", base + ".storage.replica",
            fit_name("st", squeeze(prefix_.text) + squeeze(key.text),
                     "dr" + squeeze(env_.text) + suffix_.text, 24, ""),
            "global", {&suffix_, &env_, &prefix_, &key});
      }
      // The identity the account reaches its customer-managed key with.
      if (r.storage->encryption.value == model::StorageEncryption::kCustomerManaged) {
        add("azurerm_user_assigned_identity", base + ".storage.identity",
            fmt::format("id-{}-{}-storage-{}", prefix_.text, key.text, env_.text), rg,
            {&env_, &prefix_, &key});
      }
    }
    // The system topic is named in its resource group; its one subscription
    // in the topic.
    if (r.storage && r.storage->events) {
      const std::string topic = regional("egst", key);
      add("azurerm_eventgrid_system_topic", base + ".eventgrid", topic, rg,
          {&env_, &prefix_, &key});
      add("azurerm_eventgrid_system_topic_event_subscription", base + ".eventgrid.blob_created",
          "blob-created", rg + "/" + topic, {&key});
    }
    if (r.keyvault) {
      add("azurerm_key_vault", base + ".keyvault",
          fit_name("kv-", prefix_.text + "-" + key.text, suffixed("-" + env_.text), 24, "-"),
          "global", {&suffix_, &env_, &prefix_, &key});
    }
    if (r.monitoring) {
      add("azurerm_log_analytics_workspace", base + ".log", regional("log", key), rg,
          {&env_, &prefix_, &key});
      add("azurerm_application_insights", base + ".appi", regional("appi", key), rg,
          {&env_, &prefix_, &key});
      // On each watched resource of the region, whichever workspace it sends to.
      add("azurerm_monitor_diagnostic_setting", base + ".diag", regional("diag", key), rg,
          {&env_, &prefix_, &key});
      // Container insights' data collection rule, beside the cluster.
      if (r.aks) {
        add("azurerm_monitor_data_collection_rule", base + ".aks.dcr", regional("dcr", key), rg,
            {&env_, &prefix_, &key});
      }
    }
    if (r.postgres) postgres(*r.postgres, key, base);
    if (r.servicebus) servicebus(*r.servicebus, key, base, rg);
    if (r.backup) backup(*r.backup, key, base, rg);
    if (r.app_service) app_service(*r.app_service, key, base, rg);
    if (r.container_apps) container_apps(*r.container_apps, key, base, rg);
    // Runbooks and schedules keep the names the topology gives them (S111).
    if (r.automation) {
      add("azurerm_automation_account", base + ".automation", regional("aa", key), rg,
          {&env_, &prefix_, &key});
    }
    // The gateway's host name is <name>.azure-api.net: global, so suffixed.
    if (r.api_management) {
      add("azurerm_api_management", base + ".api_management",
          fit_name("apim-", prefix_.text + "-" + key.text, suffixed("-" + env_.text), 50, "-"),
          "global", {&suffix_, &env_, &prefix_, &key});
    }
    private_endpoints(r, key, base, rg);
  }

  // A plan's name is unique in its resource group; a site's is its host
  // name under azurewebsites.net, so global and suffixed.
  void app_service(const model::AppService& as, const Part& key, const std::string& base,
                   const std::string& rg) {
    for (const model::AppServicePlan& p : as.plans) {
      const Part plan{lower(p.name), p.location, "plan name", p.name};
      add("azurerm_service_plan", base + ".app_service.plan." + p.name,
          fmt::format("asp-{}-{}-{}-{}", prefix_.text, key.text, plan.text, env_.text), rg,
          {&env_, &prefix_, &key, &plan});
      for (const model::Site& s : p.sites) {
        const Part site{lower(s.name), s.location, "site name", s.name};
        bool function = s.kind == model::SiteKind::kFunction;
        add(function ? "azurerm_linux_function_app" : "azurerm_linux_web_app",
            base + ".app_service.site." + s.name,
            suffixed(fmt::format("{}-{}-{}-{}-{}", function ? "func" : "app", prefix_.text,
                                 key.text, site.text, env_.text)),
            "global", {&suffix_, &env_, &prefix_, &key, &site});
      }
    }
  }

  // Environments are named in their resource group, apps too (an app's name
  // is also the first label of its host name inside the environment's
  // domain), each after its label; an app's user-assigned identity after
  // the app.
  void container_apps(const model::ContainerApps& ca, const Part& key, const std::string& base,
                      const std::string& rg) {
    for (const model::ContainerAppEnvironment& env : ca.environments) {
      const Part label{lower(env.name), env.location, "environment name", env.name};
      add("azurerm_container_app_environment", base + ".container_apps." + env.name,
          fmt::format("cae-{}-{}-{}-{}", prefix_.text, key.text, label.text, env_.text), rg,
          {&env_, &prefix_, &key, &label});
      for (const model::ContainerApp& app : env.apps) {
        const Part name{lower(app.name), app.location, "app name", app.name};
        const std::string at = base + ".container_apps." + env.name + "/" + app.name;
        add("azurerm_container_app", at,
            fmt::format("ca-{}-{}-{}-{}", prefix_.text, key.text, name.text, env_.text), rg,
            {&env_, &prefix_, &key, &name});
        if (app.identity.value == model::ContainerAppIdentity::kUserAssigned) {
          add("azurerm_user_assigned_identity", at + ".identity",
              fmt::format("id-{}-{}-{}-{}", prefix_.text, key.text, name.text, env_.text), rg,
              {&env_, &prefix_, &key, &name});
        }
      }
    }
  }

  // A namespace's name is its host name under servicebus.windows.net, and so
  // are its partner's and the pairing's alias: all three are global. Topics
  // and subscriptions are used exactly as written.
  void servicebus(const model::ServiceBus& sb, const Part& key, const std::string& base,
                  const std::string& rg) {
    const std::string ns = suffixed(regional("sbns", key));
    add("azurerm_servicebus_namespace", base + ".servicebus", ns, "global",
        {&suffix_, &env_, &prefix_, &key});
    if (sb.geo_dr) {
      add("azurerm_servicebus_namespace", base + ".servicebus.partner", ns + "-dr", "global",
          {&suffix_, &env_, &prefix_, &key});
      add("azurerm_servicebus_namespace_disaster_recovery_config", base + ".servicebus.alias",
          suffixed(regional("sbalias", key)), "global", {&suffix_, &env_, &prefix_, &key});
    }
    for (const model::ServiceBusTopic& t : sb.topics) {
      const Part topic{t.name, t.location, "topic name", t.name};
      add("azurerm_servicebus_topic", base + ".servicebus.topic." + t.name, topic.text,
          rg + "/" + ns, {&topic});
      for (const model::ServiceBusSubscription& s : t.subscriptions) {
        const Part sub{s.name, s.location, "subscription name", s.name};
        add("azurerm_servicebus_subscription",
            base + ".servicebus.topic." + t.name + ".subscription." + s.name, sub.text,
            rg + "/" + ns + "/" + t.name, {&sub});
      }
    }
  }

  // The server's name is its host name under postgres.database.azure.com, so
  // it and its replicas' are global; the virtual endpoint's names are host
  // names too (<name>.writer.postgres.database.azure.com).
  void postgres(const model::Postgres& pg, const Part& key, const std::string& base) {
    const std::string server = suffixed(regional("psql", key));
    add("azurerm_postgresql_flexible_server", base + ".postgres", server, "global",
        {&suffix_, &env_, &prefix_, &key});
    for (size_t i = 0; i < pg.replicas.size(); ++i) {
      add("azurerm_postgresql_flexible_server", fmt::format("{}.postgres.replica.{}", base, i),
          fmt::format("{}-r{}", server, i + 1), "global", {&suffix_, &env_, &prefix_, &key});
    }
    if (pg.virtual_endpoint.value) {
      add("azurerm_postgresql_flexible_server_virtual_endpoint", base + ".postgres.endpoint",
          suffixed(regional("psqlve", key)), "global", {&suffix_, &env_, &prefix_, &key});
    }
  }

  // A Backup vault's name is unique in its resource group; its policies in
  // the vault and its backup instances likewise.
  void backup(const model::Backup& b, const Part& key, const std::string& base,
              const std::string& rg) {
    const std::string vault = regional("bvault", key);
    add("azurerm_data_protection_backup_vault", base + ".backup", vault, rg,
        {&env_, &prefix_, &key});
    if (b.postgres) {
      add("azurerm_data_protection_backup_policy_postgresql_flexible_server",
          base + ".backup.policy.postgres", regional("bkpol-psql", key), rg + "/" + vault,
          {&env_, &prefix_, &key});
      add("azurerm_data_protection_backup_instance_postgresql_flexible_server",
          base + ".backup.instance.postgres", regional("bkinst-psql", key), rg + "/" + vault,
          {&env_, &prefix_, &key});
    }
    if (b.storage) {
      add("azurerm_data_protection_backup_policy_blob_storage", base + ".backup.policy.storage",
          regional("bkpol-st", key), rg + "/" + vault, {&env_, &prefix_, &key});
      add("azurerm_data_protection_backup_instance_blob_storage", base + ".backup.instance.storage",
          regional("bkinst-st", key), rg + "/" + vault, {&env_, &prefix_, &key});
    }
    if (b.aks) {
      // The cluster's disk snapshots live in a resource group of their own:
      // the cluster's identity is Contributor there, and nowhere else.
      add("azurerm_resource_group", base + ".backup.aks.snapshots", regional("rg-aksbk", key),
          "subscription", {&env_, &prefix_, &key});
      add("azurerm_data_protection_backup_policy_kubernetes_cluster", base + ".backup.policy.aks",
          regional("bkpol-aks", key), rg + "/" + vault, {&env_, &prefix_, &key});
      add("azurerm_data_protection_backup_instance_kubernetes_cluster",
          base + ".backup.instance.aks", regional("bkinst-aks", key), rg + "/" + vault,
          {&env_, &prefix_, &key});
    }
  }

  void aks(const model::Aks& aks, const Part& key, const std::string& base, const std::string& rg) {
    const std::string cluster = regional("aks", key);
    add("azurerm_kubernetes_cluster", base + ".aks", cluster, rg, {&env_, &prefix_, &key});
    add("azurerm_kubernetes_cluster.dns_prefix", base + ".aks.dns_prefix",
        fmt::format("{}-{}-{}", prefix_.text, key.text, env_.text), rg, {&env_, &prefix_, &key});
    // Pool names are also Kubernetes node labels that workloads select on, so
    // they are used exactly as written.
    const Part system{aks.system_pool.name, aks.system_pool.location, "the system node pool"};
    add("azurerm_kubernetes_cluster_node_pool", base + ".aks.system_pool", system.text,
        rg + "/" + cluster, {&system});
    for (const model::NodePool& p : aks.user_pools) {
      const Part pool{p.name, p.location, "node pool name", p.name};
      add("azurerm_kubernetes_cluster_node_pool", base + ".aks.pool." + p.name, pool.text,
          rg + "/" + cluster, {&pool});
    }
  }

  // A private endpoint per service the region reaches privately (its
  // boundary's Cosmos DB account too), and the Private Link DNS zones they
  // register in. Zones are per region, in the region's resource group and
  // linked to its VNet only: the endpoints of one Cosmos DB account in two
  // regions register the same host names, which one shared zone could only
  // point at one of them.
  void private_endpoints(const model::Region& r, const Part& key, const std::string& base,
                         const std::string& rg) {
    bool cosmos = std::any_of(accounts_.begin(), accounts_.end(), [&](const CosmosAccount& a) {
      return !a.boundary || a.boundary->name == r.boundary_name.value;
    });
    std::vector<PrivateLinkTarget> targets;
    if (cosmos) targets.push_back({"cosmos", {"privatelink.documents.azure.com"}});
    if (r.search) targets.push_back({"search", {"privatelink.search.windows.net"}});
    if (r.openai) {
      targets.push_back({"openai",
                         {"privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com",
                          "privatelink.services.ai.azure.com"}});
    }
    if (r.storage) targets.push_back({"blob", {"privatelink.blob.core.windows.net"}});
    if (r.redis) targets.push_back({"redis", {"privatelink.redis.cache.windows.net"}});
    if (r.managed_redis) targets.push_back({"amr", {"privatelink.redis.azure.net"}});
    if (r.keyvault) targets.push_back({"vault", {"privatelink.vaultcore.azure.net"}});
    if (r.postgres) targets.push_back({"postgres", {"privatelink.postgres.database.azure.com"}});
    if (r.servicebus) targets.push_back({"servicebus", {"privatelink.servicebus.windows.net"}});
    const std::string link = "link-" + regional("vnet", key);
    auto zone = [&](const char* name) {
      add("azurerm_private_dns_zone", concat(base, ".dns_zone.", name), name, rg, {&key});
      add("azurerm_private_dns_zone_virtual_network_link", concat(base, ".dns_link.", name), link,
          concat(rg, "/", name), {&env_, &prefix_, &key});
    };
    for (const PrivateLinkTarget& target : targets) {
      add("azurerm_private_endpoint", concat(base, ".pep.", target.service),
          fmt::format("pep-{}-{}-{}-{}", prefix_.text, key.text, target.service, env_.text), rg,
          {&env_, &prefix_, &key});
      for (const char* name : target.zones) zone(name);
    }
    // The global account of non-personal containers is reached from every
    // region through an endpoint of its own, registered in the same zone.
    if (std::any_of(accounts_.begin(), accounts_.end(),
                    [](const CosmosAccount& a) { return a.non_personal; })) {
      add("azurerm_private_endpoint", base + ".pep.cosmos_global",
          fmt::format("pep-{}-{}-cosmos-global-{}", prefix_.text, key.text, env_.text), rg,
          {&env_, &prefix_, &key});
    }
    for (const RedisReplica& replica : replicas_) {
      // The replica's endpoint sits in the cache region's resource group and
      // registers in the Redis zone of the region whose subnet it uses.
      if (replica.cache_region == &r) {
        add("azurerm_private_endpoint", base + ".pep.redis_replica",
            fmt::format("pep-{}-{}-redis-replica-{}", prefix_.text, key.text, env_.text), rg,
            {&env_, &prefix_, &key});
      }
      if (replica.endpoint_region == &r && !r.redis) {
        zone("privatelink.redis.cache.windows.net");
        break;
      }
    }
    // Each PostgreSQL read replica is a server of its own, reached through an
    // endpoint of its own in this region, registered in the zone above.
    if (r.postgres) {
      for (size_t i = 0; i < r.postgres->replicas.size(); ++i) {
        add("azurerm_private_endpoint", fmt::format("{}.pep.postgres_replica.{}", base, i),
            fmt::format("pep-{}-{}-postgres-r{}-{}", prefix_.text, key.text, i + 1, env_.text), rg,
            {&env_, &prefix_, &key});
      }
    }
    // Each registry the region reaches has an endpoint of its own here; all
    // register in the one registry zone (data endpoints included).
    bool registry_zone = false;
    for (const model::Registry& reg : t_.registries) {
      if (!reg.reached_from(r)) continue;
      const Part label{lower(reg.name), reg.location, "registry name", reg.name};
      add("azurerm_private_endpoint", base + ".pep.registry." + reg.name,
          fmt::format("pep-{}-{}-cr-{}-{}", prefix_.text, key.text, label.text, env_.text), rg,
          {&env_, &prefix_, &key, &label});
      registry_zone = true;
    }
    if (registry_zone) zone("privatelink.azurecr.io");
    // A geo-disaster recovery partner is reached through an endpoint of its
    // own in this region, registered in the Service Bus zone above.
    if (r.servicebus && r.servicebus->geo_dr) {
      add("azurerm_private_endpoint", base + ".pep.servicebus_partner",
          fmt::format("pep-{}-{}-servicebus-dr-{}", prefix_.text, key.text, env_.text), rg,
          {&env_, &prefix_, &key});
    }
    // Each web app and function app is reached through an endpoint of its
    // own; all register in the one App Service zone (SCM host names too).
    if (r.app_service && r.app_service->has_sites()) {
      for (const model::AppServicePlan& p : r.app_service->plans) {
        for (const model::Site& s : p.sites) {
          const Part site{lower(s.name), s.location, "site name", s.name};
          add("azurerm_private_endpoint", base + ".pep.site." + s.name,
              fmt::format("pep-{}-{}-app-{}-{}", prefix_.text, key.text, site.text, env_.text),
              rg, {&env_, &prefix_, &key, &site});
        }
      }
      zone("privatelink.azurewebsites.net");
    }
    // A read-access geo-redundant account's secondary blob endpoint needs an
    // endpoint of its own, registered in the blob zone above.
    if (r.storage && model::is_read_access(r.storage->replication.value)) {
      add("azurerm_private_endpoint", base + ".pep.blob_secondary",
          fmt::format("pep-{}-{}-blob-secondary-{}", prefix_.text, key.text, env_.text), rg,
          {&env_, &prefix_, &key});
    }
  }

  void cosmos(const CosmosAccount& a) {
    const model::Cosmos& c = *t_.cosmos;
    Part owner = prefix_;
    std::string base, rg, account;
    if (a.boundary) {
      owner = {lower(a.boundary->name), a.boundary->location, "boundary name", a.boundary->name};
      base = "boundary." + a.boundary->name + ".data";
      rg = fmt::format("rg-{}-data-{}-{}", prefix_.text, owner.text, env_.text);
      data_groups_.emplace(a.boundary->name, rg);
      account = suffixed(fmt::format("cosno-{}-{}-{}", prefix_.text, owner.text, env_.text));
    } else if (a.non_personal) {
      // The account of non-personal containers, beside the boundaries' own:
      // "global" where theirs carry the boundary's name.
      base = "global.data";
      rg = fmt::format("rg-{}-data-global-{}", prefix_.text, env_.text);
      account = suffixed(fmt::format("cosno-{}-global-{}", prefix_.text, env_.text));
    } else {
      base = "data";
      rg = fmt::format("rg-{}-data-{}", prefix_.text, env_.text);
      account = suffixed(fmt::format("cosno-{}-{}", prefix_.text, env_.text));
    }
    std::vector<const Part*> parts{&env_, &prefix_};
    if (a.boundary) parts.push_back(&owner);
    add_name("azurerm_resource_group", base + ".rg", rg, "subscription", parts);
    std::vector<const Part*> account_parts = parts;
    account_parts.insert(account_parts.begin(), &suffix_);
    add_name("azurerm_cosmosdb_account", base + ".cosmos", account, "global", account_parts);
    const Part database{c.database.value.empty() ? t_.name : c.database.value,
                        c.database.explicit_ ? c.database.location : c.location,
                        "the Cosmos DB `database`"};
    const std::string account_path = concat(rg, "/", account);
    add("azurerm_cosmosdb_sql_database", base + ".database", database.text, account_path,
        {&database});
    // An account holds every container of its boundary: built once for all.
    const std::string database_path = concat(account_path, "/", database.text);
    for (const model::Container* held : a.containers) {
      const model::Container& k = *held;
      const Part container{k.name, k.location, "container name", k.name};
      const std::string container_key = concat(base, ".container.", k.name);
      add("azurerm_cosmosdb_sql_container", container_key, container.text, database_path,
          {&container});
      if (k.procedure) {
        const Part procedure{k.procedure->name, k.procedure->location, "procedure name",
                             k.procedure->name};
        add("azurerm_cosmosdb_sql_stored_procedure", container_key + ".procedure", procedure.text,
            concat(database_path, "/", container.text), {&procedure});
      }
    }
  }

  // An allowed-locations policy per boundary that has regions, assigned to
  // each resource group holding that boundary's resources.
  void policies() {
    for (size_t i = 0; i < t_.boundaries.size(); ++i) {
      const model::Boundary& b = t_.boundaries[i];
      std::vector<const model::Region*> regions = t_.regions_in(i);
      if (regions.empty()) continue;
      const Part boundary{lower(b.name), b.location, "boundary name", b.name};
      const std::string policy =
          fmt::format("{}-residency-{}-{}", prefix_.text, boundary.text, env_.text);
      const std::string base = "boundary." + b.name;
      add("azurerm_policy_definition", base + ".policy", policy, "subscription",
          {&env_, &prefix_, &boundary});
      for (const model::Region* r : regions) {
        add("azurerm_resource_group_policy_assignment", "region." + r->key + ".policy", policy,
            region_groups_[static_cast<size_t>(r - t_.regions.data())],
            {&env_, &prefix_, &boundary});
      }
      if (auto data = data_groups_.find(b.name); data != data_groups_.end()) {
        add("azurerm_resource_group_policy_assignment", base + ".data.policy", policy, data->second,
            {&env_, &prefix_, &boundary});
      }
    }
  }

  void frontdoor(const model::FrontDoor& fd) {
    const Part block{"", fd.location, "the `frontdoor` block"};
    const std::string profile = fmt::format("afd-{}-{}", prefix_.text, env_.text);
    add("azurerm_cdn_frontdoor_profile", "frontdoor.profile", profile, global_rg_,
        {&env_, &prefix_});
    const std::string profile_path = global_rg_ + "/" + profile;
    const Part endpoint{lower(fd.endpoint.value),
                        fd.endpoint.explicit_ ? fd.endpoint.location : t_.location,
                        "the Front Door `endpoint`"};
    const std::string endpoint_name = fmt::format("fde-{}-{}", endpoint.text, env_.text);
    add("azurerm_cdn_frontdoor_endpoint", "frontdoor.endpoint", endpoint_name, "global",
        {&env_, &endpoint});
    // An origin group per boundary, holding an origin per region with an
    // ingress (AKS's, or a Container App's with `ingress = external`) or
    // with an API Management gateway its origin block targets.
    for (size_t i = 0; i < t_.boundaries.size(); ++i) {
      const model::Boundary& b = t_.boundaries[i];
      std::vector<const model::Region*> regions = t_.regions_in(i);
      auto unserved = [&](const model::Region* r) { return !t_.serves_frontdoor(*r); };
      regions.erase(std::remove_if(regions.begin(), regions.end(), unserved), regions.end());
      if (regions.empty()) continue;
      const Part boundary{lower(b.name), b.location, "boundary name", b.name};
      const std::string group = "og-" + boundary.text;
      add("azurerm_cdn_frontdoor_origin_group", "frontdoor.origin_group." + b.name, group,
          profile_path, {&boundary});
      for (const model::Region* r : regions) {
        const Part key = region_key(*r);
        add("azurerm_cdn_frontdoor_origin", "frontdoor.origin." + r->key, "origin-" + key.text,
            profile_path + "/" + group, {&key});
      }
      // The alternate-affinity twin of the group, for routes whose
      // `session_affinity` differs from the profile's.
      if (fd.has_alternate_affinity()) {
        const std::string suffix(fd.alternate_suffix());
        const std::string twin = group + "-" + suffix;
        add("azurerm_cdn_frontdoor_origin_group", "frontdoor.origin_group." + b.name + "/" + suffix,
            twin, profile_path, {&boundary});
        for (const model::Region* r : regions) {
          const Part key = region_key(*r);
          add("azurerm_cdn_frontdoor_origin", "frontdoor.origin." + r->key + "/" + suffix,
              "origin-" + key.text, profile_path + "/" + twin, {&key});
        }
      }
    }
    for (const model::FrontDoorRoute& route : fd.routes) {
      const Part part{lower(route.name), route.location, "route name", route.name};
      add("azurerm_cdn_frontdoor_route", "frontdoor.route." + route.name, "route-" + part.text,
          profile_path + "/" + endpoint_name, {&part});
    }
    // A custom domain's resource name is its host name with `-` for `.`;
    // what a host name may not hold is reported by F011, not here.
    for (const model::FrontDoorDomain& d : fd.domains) {
      std::string text;
      for (char c : lower(d.host)) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep || (!text.empty() && text.back() != '-')) text += keep ? c : '-';
      }
      while (!text.empty() && text.back() == '-') text.pop_back();
      if (text.size() < 2) text = text.empty() ? "domain" : "domain-" + text;
      const Part part{text, d.location, "custom domain", d.host};
      add("azurerm_cdn_frontdoor_custom_domain", "frontdoor.domain." + d.host, part.text,
          profile_path, {&part});
      // The secret pointing at a Key Vault certificate takes the domain's
      // name: secrets and domains are named apart within the profile.
      if (!d.managed_certificate()) {
        add("azurerm_cdn_frontdoor_secret", "frontdoor.secret." + d.host, part.text, profile_path,
            {&part});
      }
    }
    if (!fd.geo_routes.empty()) {
      const std::string rule_set = "georouting";
      add("azurerm_cdn_frontdoor_rule_set", "frontdoor.rule_set", rule_set, profile_path, {&block});
      // The alternate-affinity groups' rules, the same names in their own set.
      if (fd.has_alternate_affinity()) {
        add("azurerm_cdn_frontdoor_rule_set", "frontdoor.rule_set.alternate",
            rule_set + std::string(fd.alternate_suffix()), profile_path, {&block});
      }
      // A geo-match condition holds at most 25 countries (frontdoor.md), so a
      // longer list becomes several rules: geo<b>, geo<b>2, geo<b>3...
      for (const model::GeoRoute& geo : fd.geo_routes) {
        const Part part{squeeze(geo.boundary_name), geo.location, "boundary name",
                        geo.boundary_name};
        size_t rules = std::max<size_t>(1, (geo.countries.size() + 24) / 25);
        for (size_t i = 1; i <= rules; ++i) {
          std::string suffix = i == 1 ? "" : fmt::format("{}", i);
          add("azurerm_cdn_frontdoor_rule",
              "frontdoor.rule." + geo.boundary_name + (i == 1 ? "" : "." + suffix),
              "geo" + part.text + suffix, profile_path + "/" + rule_set, {&part});
        }
      }
    }
    if (fd.waf.value) {
      const Part squeezed_prefix{squeeze(prefix_.text), prefix_.location, prefix_.what,
                                 prefix_.subject};
      const Part squeezed_env{squeeze(env_.text), env_.location, env_.what, env_.subject, false};
      add("azurerm_cdn_frontdoor_firewall_policy", "frontdoor.waf",
          fmt::format("fdfp{}{}", squeezed_prefix.text, squeezed_env.text), global_rg_,
          {&squeezed_env, &squeezed_prefix});
      add("azurerm_cdn_frontdoor_security_policy", "frontdoor.security_policy",
          fmt::format("secp-{}-{}", prefix_.text, env_.text), profile_path, {&env_, &prefix_});
    }
  }

  // A profile's name is its DNS label in trafficmanager.net: `dns_name` when
  // written, else made from the label with the `naming` suffix.
  void traffic_manager(const model::TrafficManager& tm) {
    if (tm.dns_name.explicit_) {
      const Part dns{lower(tm.dns_name.value), tm.dns_name.location,
                     "the `dns_name` of traffic_manager", tm.name};
      add("azurerm_traffic_manager_profile", "traffic_manager." + tm.name, dns.text, "global",
          {&dns});
      return;
    }
    const Part label{lower(tm.name), tm.location, "traffic_manager name", tm.name};
    add("azurerm_traffic_manager_profile", "traffic_manager." + tm.name,
        suffixed(fmt::format("traf-{}-{}-{}", prefix_.text, label.text, env_.text)), "global",
        {&suffix_, &env_, &prefix_, &label});
  }

  // The registry's name is its login server's host name under azurecr.io:
  // global, letters and digits only (the label's `-` and `_` are dropped).
  void registry(const model::Registry& reg) {
    const Part label{squeeze(reg.name), reg.location, "registry name", reg.name};
    add("azurerm_container_registry", "registry." + reg.name,
        fit_name("cr", squeeze(prefix_.text) + label.text, squeeze(env_.text) + suffix_.text, 50,
                 ""),
        "global", {&suffix_, &env_, &prefix_, &label});
  }

  void alerts() {
    if (t_.alerts.alerts.empty() && t_.alerts.activity.empty() && t_.alerts.availability.empty())
      return;
    add("azurerm_monitor_action_group", "alerts.action_group",
        fmt::format("ag-{}-{}", prefix_.text, env_.text), global_rg_, {&env_, &prefix_});
    // The short name only labels notifications; it is cut, not checked.
    std::string short_name = (squeeze(prefix_.text) + squeeze(env_.text)).substr(0, 12);
    add("azurerm_monitor_action_group.short_name", "alerts.action_group.short_name", short_name,
        global_rg_, {&env_, &prefix_});
    // A declared group: `ag-<prefix>-<group>-<env>`, its short name the
    // group's, cut to 12 characters.
    for (const model::ActionGroup& g : t_.alerts.groups) {
      const Part group{lower(g.name), g.location, "group name", g.name};
      add("azurerm_monitor_action_group", "alerts.group." + g.name,
          fmt::format("ag-{}-{}-{}", prefix_.text, group.text, env_.text), global_rg_,
          {&env_, &group, &prefix_});
      add("azurerm_monitor_action_group.short_name", "alerts.group." + g.name + ".short_name",
          squeeze(group.text).substr(0, 12), global_rg_, {&group});
    }
    for (const model::Alert& a : t_.alerts.alerts) alert(a);
    // An activity-log alert watches the whole subscription: `alert-<name>`.
    for (const model::ActivityAlert& a : t_.alerts.activity) {
      const Part name{lower(a.name), a.location, "alert name", a.name};
      add("azurerm_monitor_activity_log_alert", "alerts.activity." + a.name, "alert-" + name.text,
          global_rg_, {&name});
    }
    // An availability test: `webtest-<name>` beside the Application
    // Insights that records it, and its alerts `alert-<name>` and
    // `alert-<name>-duration` in the global group.
    for (const model::AvailabilityTest& a : t_.alerts.availability) {
      const model::Region* region = services::alerts::availability_region(t_, a);
      if (!region) continue;  // M039
      const Part name{lower(a.name), a.location, "availability test name", a.name};
      const std::string key = "alerts.availability." + a.name;
      add("azurerm_application_insights_standard_web_test", key, "webtest-" + name.text,
          regional("rg", region_key(*region)), {&name});
      add("azurerm_monitor_metric_alert", key + ".alert", "alert-" + name.text, global_rg_,
          {&name});
      if (a.slower_than_ms.explicit_) {
        add("azurerm_monitor_metric_alert", key + ".duration",
            fmt::format("alert-{}-duration", name.text), global_rg_, {&name});
      }
    }
  }

  // A metric alert per resource the metric is measured on, all in the global
  // resource group: `alert-<name>`, qualified by the region or boundary of
  // the watched resource when there can be several.
  // A log search alert (a custom metric, a percentile or a ratio) watches each
  // region's Application Insights the same way.
  void alert(const model::Alert& a) {
    const catalog::MetricInfo* metric = catalog::find_metric(a.metric.value);
    if (!metric && a.custom_metric.value.empty()) return;
    const catalog::MetricTarget target =
        metric ? metric->target : catalog::MetricTarget::kAppInsights;
    const Part name{lower(a.name), a.location, "alert name", a.name};
    const std::string base = "alerts." + a.name;
    const char* type = a.log_search ? "azurerm_monitor_scheduled_query_rules_alert_v2"
                                    : "azurerm_monitor_metric_alert";
    if (target == catalog::MetricTarget::kFrontDoor) {
      if (t_.frontdoor) add(type, base, "alert-" + name.text, global_rg_, {&name});
      return;
    }
    if (target == catalog::MetricTarget::kCosmos) {
      for (const CosmosAccount& account : accounts_) {
        if (account.non_personal) {
          add(type, base + ".global", fmt::format("alert-{}-global", name.text), global_rg_,
              {&name});
          continue;
        }
        if (!account.boundary) {
          add(type, base, "alert-" + name.text, global_rg_, {&name});
          continue;
        }
        const model::Boundary& b = *account.boundary;
        const Part owner{lower(b.name), b.location, "boundary name", b.name};
        add(type, base + ".boundary." + b.name, fmt::format("alert-{}-{}", name.text, owner.text),
            global_rg_, {&owner, &name});
      }
      return;
    }
    for (const model::Region& r : t_.regions) {
      if (!measures(r, target)) continue;
      const Part key = region_key(r);
      add(type, base + ".region." + r.key, fmt::format("alert-{}-{}", name.text, key.text),
          global_rg_, {&key, &name});
      // A PostgreSQL metric is watched on each read replica too:
      // alert-<name>-<region>-r1, as the replica is named after its server.
      if (target != catalog::MetricTarget::kPostgres) continue;
      for (size_t i = 0; i < r.postgres->replicas.size(); ++i) {
        add(type, fmt::format("{}.region.{}.replica.{}", base, r.key, i),
            fmt::format("alert-{}-{}-r{}", name.text, key.text, i + 1), global_rg_,
            {&key, &name});
      }
    }
  }

  static bool measures(const model::Region& r, catalog::MetricTarget target) {
    switch (target) {
      case catalog::MetricTarget::kAks:
        return r.aks.has_value();
      case catalog::MetricTarget::kOpenAI:
        return r.openai.has_value();
      case catalog::MetricTarget::kAppInsights:
        return r.monitoring.has_value();
      case catalog::MetricTarget::kRedis:
        return r.redis.has_value();
      case catalog::MetricTarget::kSearch:
        return r.search.has_value();
      case catalog::MetricTarget::kPostgres:
        return r.postgres.has_value();
      case catalog::MetricTarget::kCosmos:
      case catalog::MetricTarget::kFrontDoor:
        return false;
    }
    return false;
  }

  const model::Topology& t_;
  Part prefix_, env_;
  Part suffix_;  // the `naming` suffix of globally unique names; empty for none
  std::vector<CosmosAccount> accounts_;
  std::vector<RedisReplica> replicas_;
  std::string global_rg_;
  std::vector<GeneratedName> out_;
  std::unordered_map<const char*, const NamingRule*> rules_;  // rule_of
  // Resource group names for the policy assignments: each region's, in the
  // order of the topology's regions, and each boundary's Cosmos DB group.
  std::vector<std::string> region_groups_;
  std::unordered_map<std::string, std::string> data_groups_;
};

}  // namespace

std::vector<GeneratedName> generate_names(const model::Topology& topology) {
  return Generator(topology).run();
}

const GeneratedName* find_name(std::span<const GeneratedName> names, std::string_view key) {
  for (const GeneratedName& n : names) {
    if (n.key == key) return &n;
  }
  return nullptr;
}

std::string fit_name(std::string_view head, std::string_view middle, std::string_view tail,
                     size_t max_length, std::string_view separator) {
  std::string whole = fmt::format("{}{}{}", head, middle, tail);
  if (name_length(whole) <= max_length) return whole;
  std::string hash = fmt::format("{:04x}", fnv1a(whole) & 0xffff);
  size_t fixed = head.size() + separator.size() + hash.size() + tail.size();
  if (fixed >= max_length) return whole;
  std::string_view cut = middle.substr(0, max_length - fixed);
  // Never end on a separator (it would double up) or inside a UTF-8 sequence.
  while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80) != 0) cut.remove_suffix(1);
  while (!cut.empty() && cut.back() == '-') cut.remove_suffix(1);
  if (cut.empty()) return whole;
  return fmt::format("{}{}{}{}{}", head, cut, separator, hash, tail);
}

}  // namespace topoc::naming
