#include "compiler/emit/bicep/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "compiler/catalog/region_catalog.h"
#include "compiler/emit/bicep/symbols.h"
#include "compiler/estate/estate.h"
#include "compiler/naming/cosmos_accounts.h"
#include "compiler/naming/redis_replicas.h"
#include "compiler/text/ascii.h"

namespace topoc::emit::bicep {
namespace {

using model::Service;

const std::string kNoName;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::map<std::string, std::string> common_tags(const model::Topology& t,
                                               const std::string& environment) {
  std::map<std::string, std::string> tags = t.tags;
  // The topology's own tags win over the ones topoc adds.
  tags.emplace("environment", environment);
  tags.emplace("managed-by", "topoc");
  tags.emplace("topology", t.name);
  if (!t.owner.value.empty()) tags.emplace("owner", t.owner.value);
  return tags;
}

// Whether a region's Azure pair, where geo-redundant storage replicates, lies
// outside the boundary (or the region has no pair at all).
bool pair_leaves_boundary(const model::Region& r, const model::Boundary& b) {
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  if (!info || info->paired.empty()) return true;
  return !contains(b.allowed_locations, catalog::normalise_location(info->paired));
}

// Periodic backups go to geo-redundant storage in the paired region by
// default; they stay geo-redundant only when that pair is one of the
// account's own locations, else zone-redundant (local without zones).
std::string periodic_backup_redundancy(const CosmosPlan& account) {
  const catalog::RegionInfo* info = catalog::find_region(account.location);
  if (!info) return "Local";
  std::string pair = info->paired.empty() ? "" : catalog::normalise_location(info->paired);
  bool pair_inside = std::any_of(account.geo_locations.begin(), account.geo_locations.end(),
                                 [&](const GeoLocation& g) { return g.location == pair; });
  if (pair_inside) return "Geo";
  return info->zones ? "Zone" : "Local";
}

class Planner {
 public:
  explicit Planner(Plan& p) : p_(p), t_(*p.topology) {}

  void run() {
    regions();
    cosmos();
    registries();
    redis_replicas();
    dns();
    peerings();
    frontdoor();
    policies();
    alerts();
  }

 private:
  void regions() {
    StemTable stems("region");
    for (const model::Region& r : t_.regions) {
      RegionPlan plan;
      plan.region = &r;
      plan.stem = stems.stem(r.key);
      plan.resource_group = p_.region_name(r, "rg");
      plan.has_endpoints_subnet = r.has_subnet("endpoints");
      plan.has_aks_subnet = r.has_subnet("aks");
      p_.regions.push_back(std::move(plan));
    }
  }

  void cosmos() {
    StemTable stems("boundary");
    for (const naming::CosmosAccount& source : naming::cosmos_accounts(t_)) {
      CosmosPlan a;
      a.boundary = source.boundary;
      a.non_personal = source.non_personal;
      a.containers = source.containers;
      a.key = source.boundary ? source.boundary->name : source.non_personal ? "global" : "shared";
      a.stem = stems.stem(a.key);
      std::string base = source.boundary       ? "boundary." + source.boundary->name + ".data"
                         : source.non_personal ? "global.data"
                                               : "data";
      a.name = p_.name(base + ".cosmos");
      a.resource_group = p_.name(base + ".rg");
      a.database = p_.name(base + ".database");
      // Priority 0, the write region of a single-write account, is the first
      // region's location; the failovers come after the regions.
      for (const auto& l : source.locations) {
        a.geo_locations.push_back(
            {l.value, static_cast<int64_t>(a.geo_locations.size()), catalog::has_zones(l.value)});
      }
      if (!a.geo_locations.empty()) a.location = a.geo_locations.front().location;
      a.periodic_backup_redundancy = periodic_backup_redundancy(a);
      for (size_t i = 0; i < p_.regions.size(); ++i) {
        const model::Region& r = *p_.regions[i].region;
        if (source.boundary && r.boundary_name.value != source.boundary->name) continue;
        // A region without an endpoints subnet cannot host the endpoint.
        if (p_.regions[i].has_endpoints_subnet) a.endpoint_regions.push_back(i);
        if (r.aks && p_.regions[i].has_aks_subnet) {
          a.network_rule_regions.push_back(i);
          p_.regions[i].cosmos_service_endpoint = true;
        }
      }
      p_.cosmos.push_back(std::move(a));
    }
  }

  void registries() {
    for (const model::Registry& reg : t_.registries) {
      if (reg.home.value.empty() || !t_.find_region(reg.home.value)) continue;
      RegistryPlan plan;
      plan.registry = &reg;
      plan.name = p_.name("registry." + reg.name);
      for (size_t i = 0; i < p_.regions.size(); ++i) {
        const model::Region& r = *p_.regions[i].region;
        if (r.key == reg.home.value) plan.home = i;
        if (!reg.reached_from(r)) continue;
        if (p_.regions[i].has_endpoints_subnet) plan.endpoint_regions.push_back(i);
        if (r.aks) plan.pull_regions.push_back(i);
      }
      p_.registries.push_back(std::move(plan));
    }
  }

  void redis_replicas() {
    auto index_of = [&](const model::Region* region) {
      size_t i = 0;
      while (p_.regions[i].region != region) ++i;
      return i;
    };
    for (const naming::RedisReplica& replica : naming::redis_replicas(t_)) {
      size_t endpoint = index_of(replica.endpoint_region);
      p_.regions[index_of(replica.cache_region)].redis_replica_endpoint_region = endpoint;
      p_.regions[endpoint].hosts_redis_replica_endpoint = true;
    }
  }

  // Zone names are fixed per service: private endpoints register their
  // records automatically only in the recommended zones (naming.md).
  void dns() {
    for (size_t i = 0; i < p_.regions.size(); ++i) {
      RegionPlan& plan = p_.regions[i];
      const model::Region& r = *plan.region;
      if (!plan.has_endpoints_subnet) continue;
      std::vector<std::string> zones;
      if (p_.cosmos_of(i)) zones.push_back("privatelink.documents.azure.com");
      if (r.search) zones.push_back("privatelink.search.windows.net");
      if (r.openai) {
        zones.push_back("privatelink.openai.azure.com");
        zones.push_back("privatelink.cognitiveservices.azure.com");
        zones.push_back("privatelink.services.ai.azure.com");
      }
      if (r.storage) zones.push_back("privatelink.blob.core.windows.net");
      if (r.redis || plan.hosts_redis_replica_endpoint) {
        zones.push_back("privatelink.redis.cache.windows.net");
      }
      if (r.managed_redis) zones.push_back("privatelink.redis.azure.net");
      if (r.keyvault) zones.push_back("privatelink.vaultcore.azure.net");
      if (r.postgres) zones.push_back("privatelink.postgres.database.azure.com");
      if (t_.reaches_registry(r)) zones.push_back("privatelink.azurecr.io");
      if (r.servicebus) zones.push_back("privatelink.servicebus.windows.net");
      if (r.app_service && r.app_service->has_sites()) {
        zones.push_back("privatelink.azurewebsites.net");
      }
      if (zones.empty()) continue;
      std::sort(zones.begin(), zones.end());
      plan.dns_link_name = p_.region_name(r, "dns_link." + zones.front());
      plan.dns_zones = std::move(zones);
    }
  }

  // Both directions of each pair the topology peers, as the Terraform
  // estate plans them (estate::plan_peerings).
  void peerings() {
    auto index = [&](const model::Region* r) { return static_cast<size_t>(r - t_.regions.data()); };
    for (const auto& [a, b] : t_.peered_regions()) {
      for (const auto& [local, remote] : {std::pair{a, b}, std::pair{b, a}}) {
        PeeringPlan plan;
        plan.local = index(local);
        plan.remote = index(remote);
        plan.name = p_.name("region." + local->key + ".peering." + remote->key);
        plan.link_name = "link-" + p_.region_name(*local, "vnet");
        const std::vector<std::string>& mine = p_.regions[plan.local].dns_zones;
        for (const std::string& zone : p_.regions[plan.remote].dns_zones) {
          if (!std::binary_search(mine.begin(), mine.end(), zone))
            plan.remote_zones.push_back(zone);
        }
        p_.peerings.push_back(std::move(plan));
      }
    }
    std::sort(p_.peerings.begin(), p_.peerings.end(),
              [](const PeeringPlan& x, const PeeringPlan& y) {
                return std::pair{x.local, x.remote} < std::pair{y.local, y.remote};
              });
    // One zone of a name per VNet, as estate::plan_peerings links them.
    std::set<std::pair<size_t, std::string>> linked;
    for (PeeringPlan& p : p_.peerings) {
      std::erase_if(p.remote_zones, [&](const std::string& zone) {
        return !linked.insert({p.local, zone}).second;
      });
    }
  }

  // The estate decides origins, priorities and weights, the routes' default
  // group and the geo rules (estate::plan_frontdoor); this adds the names
  // and settings the Bicep module takes.
  void frontdoor() {
    if (!t_.frontdoor) return;
    const model::FrontDoor& fd = *t_.frontdoor;
    FrontDoorPlan plan;
    plan.profile = p_.name("frontdoor.profile");
    plan.endpoint = p_.name("frontdoor.endpoint");
    // Origin groups, origins, routes and geo rules are the estate's.
    const estate::Estate e = estate::build_estate(t_, {p_.environment});
    for (const estate::OriginGroup& g : e.origin_groups) {
      plan.groups.push_back({g.key, g.name, g.session_affinity});
    }
    for (const estate::Origin& o : e.origins) {
      size_t region = 0;
      while (region < p_.regions.size() && p_.regions[region].region != o.region) ++region;
      plan.origins.push_back(
          {region, o.key != o.region->key, o.group, o.name, o.priority, o.weight});
    }
    for (const estate::RoutePlan& r : e.routes) {
      RoutePlan route{p_.name("frontdoor.route." + r.route->name), {}, r.origin_group,
                      r.route->https_only.value, r.alternate};
      for (const auto& pattern : r.route->patterns) route.patterns.push_back(pattern.value);
      plan.routes.push_back(std::move(route));
    }
    plan.rule_set = p_.name("frontdoor.rule_set");
    if (fd.has_alternate_affinity()) plan.alternate_rule_set = p_.name("frontdoor.rule_set.alternate");
    for (const estate::GeoRule& g : e.geo_rules) {
      plan.geo_rules.push_back({g.name, g.order, g.countries, g.group, g.alternate});
    }
    for (const model::FrontDoorDomain& d : fd.domains) {
      plan.domains.push_back({d.host, p_.name("frontdoor.domain." + d.host), d.zone.value,
                              d.relative_name()});
    }
    std::sort(plan.domains.begin(), plan.domains.end(),
              [](const CustomDomainPlan& a, const CustomDomainPlan& b) { return a.host < b.host; });
    // Without a region to send traffic to there is no Front Door at all.
    if (plan.groups.empty()) return;
    if (fd.waf.value) {
      plan.waf = p_.name("frontdoor.waf");
      plan.security_policy = p_.name("frontdoor.security_policy");
    }
    p_.frontdoor = std::move(plan);
  }

  void policies() {
    StemTable stems("boundary");
    for (size_t b = 0; b < t_.boundaries.size(); ++b) {
      BoundaryPlan plan;
      plan.boundary = &t_.boundaries[b];
      for (size_t i = 0; i < p_.regions.size(); ++i) {
        if (p_.regions[i].region->boundary == b) plan.regions.push_back(i);
      }
      if (plan.regions.empty()) continue;
      const std::string& name = plan.boundary->name;
      plan.stem = stems.stem(name);
      plan.definition_name = p_.name("boundary." + name + ".policy");
      const std::string data = "boundary." + name + ".data";
      if (!p_.name(data + ".rg").empty()) {
        plan.scopes.push_back({p_.name(data + ".rg"), p_.name(data + ".policy"), false});
      }
      for (size_t i : plan.regions) {
        const model::Region& r = *p_.regions[i].region;
        plan.scopes.push_back({p_.regions[i].resource_group, p_.region_name(r, "policy"),
                               pair_leaves_boundary(r, *plan.boundary)});
      }
      p_.boundaries.push_back(std::move(plan));
    }
    if (p_.boundaries.empty()) return;
    std::string prefix = lower(t_.prefix.value), env = lower(p_.environment);
    p_.deny_geo_redundant_storage_definition =
        fmt::format("{}-deny-geo-redundant-storage-{}", prefix, env);
    p_.require_tags_definition = fmt::format("{}-require-tags-{}", prefix, env);
  }

  void alerts() {
    p_.action_group = p_.name("alerts.action_group");
    p_.action_group_short_name = p_.name("alerts.action_group.short_name");
    for (const model::Alert& alert : t_.alerts.alerts) {
      const catalog::MetricInfo* metric = catalog::find_metric(alert.metric.value);
      if (!metric) continue;
      const std::string base = "alerts." + alert.name;
      auto add = [&](std::string target, std::string target_key, const std::string& name_key) {
        if (p_.name(name_key).empty()) return;
        std::string scope = fmt::format("{}/{}", target, target_key);
        p_.alerts.push_back({p_.name(name_key), &alert, metric, std::move(target),
                             std::move(target_key), std::move(scope)});
      };
      auto per_region = [&](std::string target, Service service) {
        for (const model::Region& r : t_.regions) {
          if (r.has(service)) add(target, r.key, base + ".region." + r.key);
        }
      };
      switch (metric->target) {
        case catalog::MetricTarget::kCosmos:
          for (const CosmosPlan& a : p_.cosmos) {
            add("cosmos", a.key,
                a.boundary       ? base + ".boundary." + a.boundary->name
                : a.non_personal ? base + ".global"
                                 : base);
          }
          break;
        case catalog::MetricTarget::kFrontDoor:
          if (p_.frontdoor) add("frontdoor", "global", base);
          break;
        case catalog::MetricTarget::kAks: per_region("aks", Service::kAks); break;
        case catalog::MetricTarget::kOpenAI: per_region("openai", Service::kOpenAI); break;
        case catalog::MetricTarget::kAppInsights:
          per_region("app_insights", Service::kMonitoring);
          break;
        case catalog::MetricTarget::kRedis: per_region("redis", Service::kRedis); break;
        case catalog::MetricTarget::kSearch: per_region("search", Service::kAiSearch); break;
      }
    }
  }

  Plan& p_;
  const model::Topology& t_;
};

model::Topology with_environment(const model::Topology& t, const std::string& environment) {
  model::Topology copy = t;
  copy.environment.value = environment;
  return copy;
}

}  // namespace

const std::string& Plan::name(std::string_view key) const {
  const naming::GeneratedName* n = naming::find_name(names, key);
  return n ? n->name : kNoName;
}

const std::string& Plan::region_name(const model::Region& region, std::string_view what) const {
  return name(fmt::format("region.{}.{}", region.key, what));
}

bool Plan::any_region(Service service) const {
  return std::any_of(topology->regions.begin(), topology->regions.end(),
                     [&](const model::Region& r) { return r.has(service); });
}

const CosmosPlan* Plan::cosmos_of(size_t region) const {
  for (const CosmosPlan& a : cosmos) {
    if (std::find(a.endpoint_regions.begin(), a.endpoint_regions.end(), region) !=
        a.endpoint_regions.end()) {
      return &a;
    }
  }
  return nullptr;
}

bool Plan::is_origin(const RegionPlan& region) const {
  if (!frontdoor) return false;
  const size_t index = static_cast<size_t>(&region - regions.data());
  return std::any_of(frontdoor->origins.begin(), frontdoor->origins.end(),
                     [&](const OriginPlan& o) { return o.region == index; });
}

bool Plan::has_private_endpoints() const {
  return std::any_of(regions.begin(), regions.end(),
                     [](const RegionPlan& r) { return !r.dns_zones.empty(); });
}

Plan plan_estate(const model::Topology& t, const BicepOptions& options) {
  Plan p;
  p.topology = &t;
  p.environment = options.environment.empty() ? t.environment.value : options.environment;
  p.names = naming::generate_names(with_environment(t, p.environment));
  p.tags = common_tags(t, p.environment);
  for (const auto& [key, value] : t.tags) p.required_tags.push_back(key);
  p.global_resource_group = p.name("global.rg");
  // Global resources (Front Door, alerts) live in the first region's location.
  p.global_location = t.regions.empty() ? "" : t.regions.front().location.value;
  Planner(p).run();
  return p;
}

std::string iso_duration(int64_t seconds) {
  if (seconds % 86400 == 0) return fmt::format("P{}D", seconds / 86400);
  if (seconds % 3600 == 0) return fmt::format("PT{}H", seconds / 3600);
  if (seconds % 60 == 0) return fmt::format("PT{}M", seconds / 60);
  return fmt::format("PT{}S", seconds);
}

}  // namespace topoc::emit::bicep
