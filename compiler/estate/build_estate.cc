#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/estate/estate.h"
#include "compiler/naming/cosmos_accounts.h"
#include "compiler/services/alerts/notified_groups.h"
#include "compiler/services/registry.h"
#include "compiler/services/storage/replica.h"
#include "compiler/text/ascii.h"

namespace topoc::estate {
namespace {

using model::Service;

// Front Door's limit on match values in one remote-address condition.
constexpr size_t kCountriesPerRule = 25;

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

model::Topology with_environment(const model::Topology& t, const std::string& environment) {
  model::Topology copy = t;
  copy.environment.value = environment;
  return copy;
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

void plan_cosmos(Estate& e) {
  const model::Topology& t = *e.topology;
  for (const naming::CosmosAccount& source : naming::cosmos_accounts(t)) {
    CosmosAccount a;
    a.boundary = source.boundary;
    a.non_personal = source.non_personal;
    a.containers = source.containers;
    if (source.boundary) {
      a.key = source.boundary->name;
      a.name_base = "boundary." + source.boundary->name + ".data";
    } else {
      a.key = source.non_personal ? "global" : "shared";
      a.name_base = source.non_personal ? "global.data" : "data";
    }
    a.name = e.names.get(a.name_base + ".cosmos");
    a.resource_group = e.names.get(a.name_base + ".rg");
    a.database = e.names.get(a.name_base + ".database");
    // Priority 0, the write region of a single-write account, is the first
    // region's location; its failovers come after the regions.
    for (const auto& l : source.locations) {
      a.geo_locations.push_back(
          {l.value, static_cast<int64_t>(a.geo_locations.size()), catalog::has_zones(l.value)});
    }
    if (!a.geo_locations.empty()) a.location = a.geo_locations.front().location;
    for (const model::Region& r : t.regions) {
      bool reaches = !source.boundary || r.boundary_name.value == source.boundary->name;
      if (!reaches) continue;
      // A region without an endpoints subnet cannot host the endpoint.
      if (r.has_subnet("endpoints")) a.endpoint_regions.push_back(&r);
      if (r.aks && r.has_subnet("aks")) a.network_rule_regions.push_back(&r);
    }
    e.cosmos.push_back(std::move(a));
  }
}

// Active-active: every region of a boundary serves at priority 1. The
// passive modes send traffic to the boundary's first region and keep the
// others (its failovers) at priority 2 until it is unhealthy.
// A family of Front Door origin groups: the profile's session affinity, or
// the alternate one whose groups' keys end in `suffix` ("/sticky" or
// "/nosticky").
struct AffinityFamily {
  bool alternate = false;
  std::string suffix;
};

// The profile's family, then the alternate one when some route's affinity
// differs from the profile's.
std::vector<AffinityFamily> affinity_families(const model::FrontDoor& fd) {
  std::vector<AffinityFamily> out{{false, ""}};
  if (fd.has_alternate_affinity()) out.push_back({true, "/" + std::string(fd.alternate_suffix())});
  return out;
}

void plan_frontdoor(Estate& e) {
  const model::Topology& t = *e.topology;
  if (!t.frontdoor) return;
  const model::FrontDoor& fd = *t.frontdoor;
  bool active_active = t.mode.value == model::DeploymentMode::kActiveActive;
  // The profile's groups first, then the alternate ones; each family holds
  // every served boundary with the same origins.
  const std::vector<AffinityFamily> families = affinity_families(fd);
  for (const auto& [alternate, suffix] : families) {
    for (const BoundaryPlan& b : e.boundaries) {
      std::vector<const model::Region*> served;
      for (const model::Region* r : b.regions) {
        if (t.serves_frontdoor(*r)) served.push_back(r);
      }
      if (served.empty()) continue;
      const std::string& boundary = b.boundary->name;
      const std::string group = boundary + suffix;
      e.origin_groups.push_back({group, e.names.get("frontdoor.origin_group." + group), boundary,
                                 fd.session_affinity.value != alternate, alternate});
      for (size_t i = 0; i < served.size(); ++i) {
        const model::Region* r = served[i];
        int64_t priority = active_active || i == 0 ? 1 : 2;
        int64_t weight = 1000;
        if (const model::FrontDoorOrigin* o = fd.find_origin(r->key)) {
          if (o->priority.explicit_) priority = o->priority.value;
          weight = o->weight.value;
        }
        const model::FrontDoorOrigin* o = fd.find_origin(r->key);
        const model::Region* owner =
            o && o->api_management() ? t.api_management_gateway_owner(*r) : nullptr;
        e.origins.push_back({r, r->key + suffix, group,
                             e.names.get("frontdoor.origin." + r->key + suffix), priority, weight,
                             owner});
      }
    }
  }
  if (!e.origin_groups.empty()) e.default_origin_group = e.origin_groups.front().key;
  // `unrouted = <boundary>` makes that boundary's group the routes' default;
  // `deny` keeps the first (the WAF refuses unlisted countries before routing).
  for (const OriginGroup& g : e.origin_groups) {
    if (!g.alternate && g.key == fd.unrouted.value) e.default_origin_group = g.key;
  }
  for (const model::FrontDoorDomain& d : fd.domains) {
    if (!d.managed_certificate()) e.certificate_vaults.push_back(d.vault.value);
  }
  std::sort(e.certificate_vaults.begin(), e.certificate_vaults.end());
  e.certificate_vaults.erase(std::unique(e.certificate_vaults.begin(), e.certificate_vaults.end()),
                             e.certificate_vaults.end());
  for (const model::FrontDoorRoute& r : fd.routes) {
    bool alternate = r.session_affinity.value != fd.session_affinity.value;
    std::string group = e.default_origin_group;
    if (alternate && !group.empty()) group += families.back().suffix;
    e.routes.push_back({&r, std::move(group), alternate});
  }
  for (const auto& [alternate, suffix] : families) {
    int64_t order = 1;
    for (const model::GeoRoute& route : fd.geo_routes) {
      bool served = std::any_of(e.origin_groups.begin(), e.origin_groups.end(),
                                [&](const OriginGroup& g) { return g.key == route.boundary_name; });
      if (!served) continue;  // a boundary without origins: rule F004
      std::vector<std::string> countries;
      for (const auto& c : route.countries) {
        if (!contains(countries, c.value)) countries.push_back(c.value);
      }
      std::sort(countries.begin(), countries.end());
      const std::string& base = e.names.get("frontdoor.rule." + route.boundary_name);
      size_t parts =
          std::max<size_t>(1, (countries.size() + kCountriesPerRule - 1) / kCountriesPerRule);
      for (size_t part = 0; part < parts; ++part) {
        GeoRule rule;
        rule.key = (parts == 1 ? route.boundary_name
                               : fmt::format("{}-{}", route.boundary_name, part + 1)) +
                   suffix;
        // Rule names are unique within their rule set only.
        rule.name = parts == 1 ? base : fmt::format("{}{}", base, part + 1);
        rule.order = order++;
        size_t from = part * kCountriesPerRule;
        size_t to = std::min(countries.size(), from + kCountriesPerRule);
        rule.countries.assign(countries.begin() + static_cast<std::ptrdiff_t>(from),
                              countries.begin() + static_cast<std::ptrdiff_t>(to));
        rule.group = route.boundary_name + suffix;
        rule.boundary = route.boundary_name;
        rule.alternate = alternate;
        e.geo_rules.push_back(std::move(rule));
      }
    }
  }
}

// Zone names are fixed per service: private endpoints register their records
// automatically only in the recommended zones.
void plan_dns(Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.has_subnet("endpoints")) continue;
    RegionDns dns{&r, {}, ""};
    if (e.cosmos_of(r)) dns.zones.push_back("privatelink.documents.azure.com");
    if (r.search) dns.zones.push_back("privatelink.search.windows.net");
    if (r.openai) {
      dns.zones.push_back("privatelink.openai.azure.com");
      dns.zones.push_back("privatelink.cognitiveservices.azure.com");
      dns.zones.push_back("privatelink.services.ai.azure.com");
    }
    if (r.storage) dns.zones.push_back("privatelink.blob.core.windows.net");
    if (r.redis || e.hosts_redis_replica_endpoint(r)) {
      dns.zones.push_back("privatelink.redis.cache.windows.net");
    }
    if (r.managed_redis) dns.zones.push_back("privatelink.redis.azure.net");
    if (r.keyvault) dns.zones.push_back("privatelink.vaultcore.azure.net");
    if (r.postgres) dns.zones.push_back("privatelink.postgres.database.azure.com");
    if (e.topology->reaches_registry(r)) dns.zones.push_back("privatelink.azurecr.io");
    if (r.servicebus) dns.zones.push_back("privatelink.servicebus.windows.net");
    if (r.app_service && r.app_service->has_sites()) {
      dns.zones.push_back("privatelink.azurewebsites.net");
    }
    if (dns.zones.empty()) continue;
    std::sort(dns.zones.begin(), dns.zones.end());
    dns.link_name = e.names.region(r.key, "dns_link." + dns.zones.front());
    e.dns.push_back(std::move(dns));
  }
}

// Both directions of every peered pair. A region reaches the remote
// region's private endpoints by name only through the remote zones, which
// are linked to its VNet where it has no zone of the same name.
void plan_peerings(Estate& e) {
  for (const auto& [a, b] : e.topology->peered_regions()) {
    for (const auto& [local, remote] : {std::pair{a, b}, std::pair{b, a}}) {
      VnetPeering p;
      p.key = local->key + "/" + remote->key;
      p.local = local;
      p.remote = remote;
      p.name = e.names.get("region." + local->key + ".peering." + remote->key);
      p.link_name = "link-" + e.names.region(local->key, "vnet");
      const RegionDns* mine = e.dns_of(*local);
      if (const RegionDns* theirs = e.dns_of(*remote)) {
        for (const std::string& zone : theirs->zones) {
          if (!mine || !std::binary_search(mine->zones.begin(), mine->zones.end(), zone)) {
            p.remote_zones.push_back(zone);
          }
        }
      }
      e.peerings.push_back(std::move(p));
    }
  }
  std::sort(e.peerings.begin(), e.peerings.end(), [](const VnetPeering& x, const VnetPeering& y) {
    return std::pair{x.local, x.remote} < std::pair{y.local, y.remote};
  });
  // Azure links a VNet to one private DNS zone of a name at most ("A virtual
  // network cannot be linked to multiple zones with overlapping namespaces";
  // Private Link FAQ on Learn): where two peered regions have a zone the
  // local region lacks, only the first peer's, in topology order, is linked.
  std::set<std::pair<const model::Region*, std::string>> linked;
  for (VnetPeering& p : e.peerings) {
    std::erase_if(p.remote_zones,
                  [&](const std::string& zone) { return !linked.insert({p.local, zone}).second; });
  }
}

void plan_policies(Estate& e) {
  const model::Topology& t = *e.topology;
  if (e.boundaries.empty()) return;
  std::string prefix = lower(t.prefix.value), env = lower(e.environment);
  for (const char* key : {"deny-geo-redundant-storage", "require-tags"}) {
    e.shared_policies.push_back({key, fmt::format("{}-{}-{}", prefix, key, env)});
  }
  for (BoundaryPlan& b : e.boundaries) {
    const std::string& name = b.boundary->name;
    b.policy_name = e.names.get("boundary." + name + ".policy");
    const std::string data_key = "boundary." + name + ".data";
    b.has_data_resource_group = !e.names.get(data_key + ".rg").empty();
    if (b.has_data_resource_group) {
      b.policy_scopes.push_back(
          {"data", e.names.get(data_key + ".rg"), e.names.get(data_key + ".policy"), false});
    }
    for (const model::Region* r : b.regions) {
      b.policy_scopes.push_back({"region-" + r->key, e.names.region(r->key, "rg"),
                                 e.names.region(r->key, "policy"),
                                 pair_leaves_boundary(*r, *b.boundary)});
    }
  }
}

void plan_alerts(Estate& e) {
  const model::Topology& t = *e.topology;
  for (const model::Alert& alert : t.alerts.alerts) {
    const catalog::MetricInfo* metric = catalog::find_metric(alert.metric.value);
    if (!metric || alert.log_search) continue;  // log search alerts: compiler/services/alerts
    const std::string base = "alerts." + alert.name;
    auto add = [&](std::string target, std::string target_key, const std::string& name_key,
                   const std::string& watched) {
      if (e.names.get(name_key).empty()) return;
      e.alerts.push_back({fmt::format("{}/{}", alert.name, target_key), e.names.get(name_key),
                          &alert, metric, std::move(target), std::move(target_key),
                          e.names.scope(name_key), watched,
                          services::alerts::notified_groups(t.alerts, alert)});
    };
    // `what` is the watched resource's naming key under the region.
    auto per_region = [&](std::string target, Service service, std::string_view what) {
      for (const model::Region& r : t.regions) {
        if (r.has(service))
          add(target, r.key, base + ".region." + r.key, e.names.region(r.key, what));
      }
    };
    switch (metric->target) {
      case catalog::MetricTarget::kCosmos:
        for (const CosmosAccount& a : e.cosmos) {
          add("cosmos", a.key,
              a.boundary       ? base + ".boundary." + a.boundary->name
              : a.non_personal ? base + ".global"
                               : base,
              a.name);
        }
        break;
      case catalog::MetricTarget::kFrontDoor:
        if (e.has_frontdoor()) add("frontdoor", "global", base, e.names.get("frontdoor.profile"));
        break;
      case catalog::MetricTarget::kAks:
        per_region("aks", Service::kAks, "aks");
        break;
      case catalog::MetricTarget::kOpenAI:
        per_region("openai", Service::kOpenAI, "openai");
        break;
      case catalog::MetricTarget::kAppInsights:
        per_region("app_insights", Service::kMonitoring, "appi");
        break;
      case catalog::MetricTarget::kRedis:
        per_region("redis", Service::kRedis, "redis");
        break;
      case catalog::MetricTarget::kSearch:
        per_region("search", Service::kAiSearch, "search");
        break;
      case catalog::MetricTarget::kPostgres:
        // The server and each read replica, which a promotion through the
        // virtual endpoint makes the server clients write to.
        for (const model::Region& r : t.regions) {
          if (!r.postgres) continue;
          add("postgres", r.key, base + ".region." + r.key, e.names.region(r.key, "postgres"));
          for (size_t i = 0; i < r.postgres->replicas.size(); ++i) {
            add("postgres", fmt::format("{}/r{}", r.key, i + 1),
                fmt::format("{}.region.{}.replica.{}", base, r.key, i),
                e.names.region(r.key, fmt::format("postgres.replica.{}", i)));
          }
        }
        break;
    }
  }
  std::sort(e.alerts.begin(), e.alerts.end(),
            [](const AlertInstance& a, const AlertInstance& b) { return a.key < b.key; });
}

}  // namespace

const BoundaryPlan* Estate::find_boundary(std::string_view name) const {
  for (const BoundaryPlan& b : boundaries) {
    if (b.boundary->name == name) return &b;
  }
  return nullptr;
}

size_t Estate::region_position(const model::Region& region) const {
  const std::vector<model::Region>& regions = topology->regions;
  std::less<const model::Region*> before;  // a total order, even across arrays
  if (regions.empty() || before(&region, regions.data()) ||
      !before(&region, regions.data() + regions.size())) {
    return kNone;
  }
  return static_cast<size_t>(&region - regions.data());
}

const RegionDns* Estate::dns_of(const model::Region& region) const {
  if (size_t at = region_position(region); at < dns_at.size()) {
    return dns_at[at] == kNone ? nullptr : &dns[dns_at[at]];
  }
  for (const RegionDns& d : dns) {
    if (d.region == &region) return &d;
  }
  return nullptr;
}

const CosmosAccount* Estate::cosmos_of(const model::Region& region) const {
  if (size_t at = region_position(region); at < cosmos_at.size()) {
    return cosmos_at[at] == kNone ? nullptr : &cosmos[cosmos_at[at]];
  }
  for (const CosmosAccount& a : cosmos) {
    if (std::find(a.endpoint_regions.begin(), a.endpoint_regions.end(), &region) !=
        a.endpoint_regions.end()) {
      return &a;
    }
  }
  return nullptr;
}

const naming::RedisReplica* Estate::redis_replica_of(const model::Region& region) const {
  for (const naming::RedisReplica& r : redis_replicas) {
    if (r.cache_region == &region) return &r;
  }
  return nullptr;
}

bool Estate::hosts_redis_replica_endpoint(const model::Region& region) const {
  return std::any_of(redis_replicas.begin(), redis_replicas.end(),
                     [&](const naming::RedisReplica& r) { return r.endpoint_region == &region; });
}

Estate build_estate(const model::Topology& t, const EstateOptions& options) {
  const std::string& environment =
      options.environment.empty() ? t.environment.value : options.environment;
  // Names carry the environment; a copy of the topology holds another one.
  return build_estate(
      t, options,
      ResourceNames(environment == t.environment.value
                        ? naming::generate_names(t)
                        : naming::generate_names(with_environment(t, environment))));
}

Estate build_estate(const model::Topology& t, const EstateOptions& options, ResourceNames names) {
  std::string environment = options.environment.empty() ? t.environment.value : options.environment;
  Estate e{&t, environment, fmt::format("{}/{}.tfstate", t.name, environment), std::move(names)};
  static_assert(static_cast<unsigned>(Service::kApiManagement) < 32,
                "services_run holds a bit for each model::Service");
  for (const model::Region& r : t.regions) {
    for (const auto& service : r.services)
      e.services_run |= 1u << static_cast<unsigned>(service.value);
    e.any_blob_events = e.any_blob_events || (r.storage && r.storage->events);
    e.any_customer_managed_key =
        e.any_customer_managed_key || services::storage::has_customer_managed_key(r);
  }
  e.tags = common_tags(t, environment);
  for (const auto& [key, value] : t.tags) e.required_tags.push_back(key);
  for (size_t i = 0; i < t.boundaries.size(); ++i) {
    std::vector<const model::Region*> regions = t.regions_in(i);
    if (regions.empty()) continue;
    e.boundaries.push_back({&t.boundaries[i], regions, "", false, {}});
  }
  e.placements_only = options.placements_only;
  plan_cosmos(e);
  e.cosmos_at.assign(t.regions.size(), Estate::kNone);
  for (size_t i = e.cosmos.size(); i-- > 0;) {  // the first account wins, as in a scan
    for (const model::Region* r : e.cosmos[i].endpoint_regions) {
      if (size_t at = e.region_position(*r); at != Estate::kNone) e.cosmos_at[at] = i;
    }
  }
  e.redis_replicas = naming::redis_replicas(t);
  // Front Door's plan is needed for its cached routes' placements too.
  plan_frontdoor(e);
  if (!e.placements_only) {
    plan_dns(e);
    e.dns_at.assign(t.regions.size(), Estate::kNone);
    for (size_t i = e.dns.size(); i-- > 0;) {
      if (size_t at = e.region_position(*e.dns[i].region); at != Estate::kNone) e.dns_at[at] = i;
    }
    plan_peerings(e);
    plan_policies(e);
    plan_alerts(e);
  }
  add_resource(e, "azurerm_resource_group.global", "azurerm_resource_group",
               e.names.get("global.rg"), t.regions.empty() ? "" : t.regions.front().location.value,
               "", "", nullptr, true)
      .source = t.location;
  for (const services::ServiceInfo& service : services::all_services()) service.plan(e);
  return e;
}

std::string periodic_backup_redundancy(const CosmosAccount& account) {
  const catalog::RegionInfo* info = catalog::find_region(account.location);
  if (!info) return "Local";
  std::string pair = info->paired.empty() ? "" : catalog::normalise_location(info->paired);
  bool pair_inside = std::any_of(account.geo_locations.begin(), account.geo_locations.end(),
                                 [&](const GeoLocation& g) { return g.location == pair; });
  if (pair_inside) return "Geo";
  return info->zones ? "Zone" : "Local";
}

std::string iso_duration(int64_t seconds) {
  if (seconds % 86400 == 0) return fmt::format("P{}D", seconds / 86400);
  if (seconds % 3600 == 0) return fmt::format("PT{}H", seconds / 3600);
  if (seconds % 60 == 0) return fmt::format("PT{}M", seconds / 60);
  return fmt::format("PT{}S", seconds);
}

}  // namespace topoc::estate
