#include "compiler/emit/bicep/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>

#include "compiler/emit/bicep/symbols.h"
#include "compiler/estate/estate.h"
#include "compiler/naming/redis_replicas.h"

namespace topoc::emit::bicep {
namespace {

using model::Service;

class Planner {
 public:
  explicit Planner(Plan& p) : p_(p), e_(*p.estate), t_(*p.topology) {}

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

  size_t index_of(const model::Region* region) const {
    return static_cast<size_t>(region - t_.regions.data());
  }

  void cosmos() {
    StemTable stems("boundary");
    for (const estate::CosmosAccount& source : e_.cosmos) {
      CosmosPlan a;
      a.boundary = source.boundary;
      a.non_personal = source.non_personal;
      a.containers = source.containers;
      a.key = source.key;
      a.stem = stems.stem(a.key);
      a.name = source.name;
      a.resource_group = source.resource_group;
      a.database = source.database;
      a.location = source.location;
      a.geo_locations = source.geo_locations;
      a.periodic_backup_redundancy = estate::periodic_backup_redundancy(source);
      for (const model::Region* r : source.endpoint_regions) {
        a.endpoint_regions.push_back(index_of(r));
      }
      for (const model::Region* r : source.network_rule_regions) {
        a.network_rule_regions.push_back(index_of(r));
        p_.regions[index_of(r)].cosmos_service_endpoint = true;
      }
      p_.cosmos.push_back(std::move(a));
    }
  }

  void registries() {
    for (const estate::ContainerRegistry& reg : e_.registries) {
      RegistryPlan plan;
      plan.registry = &reg;
      plan.home = index_of(reg.home);
      for (const model::Region* r : reg.endpoint_regions) {
        plan.endpoint_regions.push_back(index_of(r));
      }
      for (const model::Region* r : reg.pull_regions) plan.pull_regions.push_back(index_of(r));
      p_.registries.push_back(std::move(plan));
    }
  }

  void redis_replicas() {
    for (const naming::RedisReplica& replica : e_.redis_replicas) {
      size_t endpoint = index_of(replica.endpoint_region);
      p_.regions[index_of(replica.cache_region)].redis_replica_endpoint_region = endpoint;
      p_.regions[endpoint].hosts_redis_replica_endpoint = true;
    }
  }

  void dns() {
    for (const estate::RegionDns& d : e_.dns) {
      RegionPlan& plan = p_.regions[index_of(d.region)];
      plan.dns_zones = d.zones;
      plan.dns_link_name = d.link_name;
    }
  }

  void peerings() {
    for (const estate::VnetPeering& source : e_.peerings) {
      p_.peerings.push_back({index_of(source.local), index_of(source.remote), source.name,
                             source.remote_zones, source.link_name});
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
    const estate::Estate& e = e_;
    for (const estate::OriginGroup& g : e.origin_groups) {
      plan.groups.push_back({g.key, g.name, g.session_affinity});
    }
    for (const estate::Origin& o : e.origins) {
      plan.origins.push_back(
          {index_of(o.region), o.key != o.region->key, o.group, o.name, o.priority, o.weight,
           o.gateway_owner ? std::optional<size_t>(index_of(o.gateway_owner)) : std::nullopt});
    }
    for (const estate::RoutePlan& r : e.routes) {
      RoutePlan route{p_.name("frontdoor.route." + r.route->name), {}, r.origin_group,
                      r.route->https_only.value, r.alternate,
                      r.route->cache ? &*r.route->cache : nullptr};
      for (const auto& pattern : r.route->patterns) route.patterns.push_back(pattern.value);
      plan.routes.push_back(std::move(route));
    }
    plan.rule_set = p_.name("frontdoor.rule_set");
    if (fd.has_alternate_affinity()) plan.alternate_rule_set = p_.name("frontdoor.rule_set.alternate");
    for (const estate::GeoRule& g : e.geo_rules) {
      plan.geo_rules.push_back({g.name, g.order, g.countries, g.group, g.alternate});
    }
    for (const model::FrontDoorDomain& d : fd.domains) {
      CustomDomainPlan domain{d.host, p_.name("frontdoor.domain." + d.host), d.zone.value,
                              d.relative_name()};
      if (!d.managed_certificate()) {
        domain.vault = p_.name("region." + d.vault.value + ".keyvault");
        domain.vault_group = p_.name("region." + d.vault.value + ".rg");
        domain.certificate = d.certificate.value;
        domain.secret = p_.name("frontdoor.secret." + d.host);
      }
      plan.domains.push_back(std::move(domain));
    }
    std::sort(plan.domains.begin(), plan.domains.end(),
              [](const CustomDomainPlan& a, const CustomDomainPlan& b) { return a.host < b.host; });
    for (const std::string& region : e.certificate_vaults) {
      plan.certificate_vaults.push_back(
          {p_.name("region." + region + ".keyvault"), p_.name("region." + region + ".rg")});
    }
    std::sort(plan.certificate_vaults.begin(), plan.certificate_vaults.end());
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
    for (const estate::BoundaryPlan& source : e_.boundaries) {
      BoundaryPlan plan;
      plan.boundary = source.boundary;
      for (const model::Region* r : source.regions) plan.regions.push_back(index_of(r));
      plan.stem = stems.stem(plan.boundary->name);
      plan.definition_name = source.policy_name;
      for (const estate::PolicyScope& s : source.policy_scopes) {
        plan.scopes.push_back({s.resource_group, s.assignment_name, s.deny_geo_redundant_storage});
      }
      p_.boundaries.push_back(std::move(plan));
    }
    for (const estate::SharedPolicy& s : e_.shared_policies) {
      if (s.key == "deny-geo-redundant-storage") p_.deny_geo_redundant_storage_definition = s.name;
      if (s.key == "require-tags") p_.require_tags_definition = s.name;
    }
  }

  void alerts() {
    p_.action_group = p_.name("alerts.action_group");
    p_.action_group_short_name = p_.name("alerts.action_group.short_name");
    // In the topology's order, as the parameter file reads best: by alert,
    // then by watched resource (regions and Cosmos DB accounts in order).
    std::vector<const estate::AlertInstance*> ordered;
    for (const estate::AlertInstance& a : e_.alerts) ordered.push_back(&a);
    auto rank = [&](const estate::AlertInstance& a) {
      size_t target = 0;
      if (a.target == "cosmos") {
        while (target < e_.cosmos.size() && e_.cosmos[target].key != a.target_key) ++target;
      } else if (const model::Region* r = t_.find_region(a.target_key)) {
        target = index_of(r);
      }
      return std::pair{static_cast<size_t>(a.alert - t_.alerts.alerts.data()), target};
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&](const auto* x, const auto* y) { return rank(*x) < rank(*y); });
    for (const estate::AlertInstance* a : ordered) {
      p_.alerts.push_back({a->name, a->alert, a->metric, a->target, a->target_key,
                           fmt::format("{}/{}", a->target, a->target_key), a->groups});
    }
  }

  Plan& p_;
  const estate::Estate& e_;
  const model::Topology& t_;
};

}  // namespace
const std::string& Plan::name(std::string_view key) const { return estate->names.get(key); }

const std::string& Plan::region_name(const model::Region& region, std::string_view what) const {
  return estate->names.region(region.key, what);
}

bool Plan::any_region(Service service) const {
  return estate->any_region(service);
}

bool Plan::any_blob_events() const {
  return std::any_of(
      topology->regions.begin(), topology->regions.end(),
      [](const model::Region& r) { return r.storage && r.storage->events && r.servicebus; });
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
                     [&](const OriginPlan& o) {
                       return o.region == index && !o.gateway_owner;  // a gateway: not the ingress
                     });
}

bool Plan::has_private_endpoints() const {
  return std::any_of(regions.begin(), regions.end(),
                     [](const RegionPlan& r) { return !r.dns_zones.empty(); });
}

Plan plan_bicep(const estate::Estate& e) {
  Plan p;
  p.estate = &e;
  p.topology = e.topology;
  p.environment = e.environment;
  p.tags = e.tags;
  p.required_tags = e.required_tags;
  p.global_resource_group = p.name("global.rg");
  // Global resources (Front Door, alerts) live in the first region's location.
  const model::Topology& t = *e.topology;
  p.global_location = t.regions.empty() ? "" : t.regions.front().location.value;
  Planner(p).run();
  return p;
}

}  // namespace topoc::emit::bicep
