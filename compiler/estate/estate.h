// The estate: every Azure resource a topology deploys, built once per build
// from the validated model, with names computed once (compiler/naming), the
// properties backends set and drift compares, and the data placements the
// residency engine checks. Besides the resource list it keeps the planning
// facts renderings share (Cosmos geo locations, Front Door origin
// priorities, policy scopes, alert targets...), so no two outputs can
// disagree. docs/estate.md describes it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/estate/resource.h"
#include "compiler/estate/resource_names.h"
#include "compiler/model/topology.h"
#include "compiler/naming/redis_replicas.h"

namespace topoc::estate {

struct GeoLocation {
  std::string location;
  int64_t failover_priority = 0;
  bool zone_redundant = false;
};

// One Cosmos DB account (see compiler/naming/cosmos_accounts.h), in a data
// resource group of its own.
struct CosmosAccount {
  // The boundary's name, "shared" for an explicit location list, or
  // "global" for the account of the non-personal containers.
  std::string key;
  const model::Boundary* boundary = nullptr;        // null when shared or global
  bool non_personal = false;                        // the global account of non-personal containers
  std::vector<const model::Container*> containers;  // declaration order
  std::string name_base;  // naming key prefix: "boundary.eu.data", "data" or "global.data"
  std::string name;
  std::string resource_group;
  std::string location;  // the write region
  std::string database;
  std::vector<GeoLocation> geo_locations;
  // Regions that reach the account through a private endpoint of their own.
  std::vector<const model::Region*> endpoint_regions;
  // Regions whose AKS subnet the account's VNet filter admits.
  std::vector<const model::Region*> network_rule_regions;
};

// Front Door reaches a region through its AKS ingress, so only boundaries
// with AKS regions get an origin group.
// Front Door keeps session affinity per origin group, so a route whose
// affinity differs from the profile's gets an alternate group per boundary
// (key "<boundary>/<suffix>", the same origins), with geo rules of its own.
struct OriginGroup {
  std::string key;  // boundary name; "<boundary>/sticky" or "/nosticky" when alternate
  std::string name;
  std::string boundary;
  bool session_affinity = false;
  bool alternate = false;
};

struct Origin {
  const model::Region* region = nullptr;
  std::string key;    // region key; "<region>/<suffix>" in an alternate group
  std::string group;  // OriginGroup::key
  std::string name;
  int64_t priority = 1;
  int64_t weight = 1000;
  // With `target = api_management`: the region whose API Management instance
  // runs the gateway Front Door reaches in `region`; null for the ingress.
  const model::Region* gateway_owner = nullptr;
};

// Front Door accepts at most 25 countries per GeoMatch condition, so a
// boundary with more countries gets several rules.
struct GeoRule {
  std::string key;
  std::string name;
  int64_t order = 0;
  std::vector<std::string> countries;
  std::string group;
  std::string boundary;
  bool alternate = false;  // in the alternate rule set, for the alternate groups
};

// A route with the origin group it defaults to and whether it uses the
// alternate affinity's groups and rule set.
struct RoutePlan {
  const model::FrontDoorRoute* route = nullptr;
  std::string origin_group;  // OriginGroup::key
  bool alternate = false;
};

// A region's Private Link DNS zones (one per service it reaches privately),
// linked to that region's VNet only: two private endpoints of one Cosmos DB
// account in two regions would otherwise fight over the same A records.
struct RegionDns {
  const model::Region* region = nullptr;
  std::vector<std::string> zones;  // sorted
  std::string link_name;
};

// One direction of a peering between two regional VNets (Azure peers each
// side separately), with the Private Link DNS zones of the remote region
// that the local VNet is linked to: those the local region has no zone of
// its own for, since a VNet links to one zone of a name only.
struct VnetPeering {
  std::string key;  // "<local>/<remote>": the for_each key
  const model::Region* local = nullptr;
  const model::Region* remote = nullptr;
  std::string name;                       // the peering, under the local VNet
  std::vector<std::string> remote_zones;  // sorted
  std::string link_name;                  // the local VNet's link in each remote zone
};

// One container registry, planned by compiler/services/container_registry:
// where it lives, where Azure replicates it, and which regions reach it.
struct ContainerRegistry {
  struct Replication {
    std::string location;
    bool zone_redundant = false;  // asked for and offered in that location
  };
  const model::Registry* registry = nullptr;
  const model::Region* home = nullptr;
  std::string name;
  std::vector<Replication> replications;  // model::Registry::replica_locations order
  // Regions reaching it (model::Registry::reached_from), declaration order:
  std::vector<const model::Region*> endpoint_regions;  // through a private endpoint
  std::vector<const model::Region*> pull_regions;      // whose AKS kubelet pulls (AcrPull)
};

// One metric alert on one watched resource.
struct AlertInstance {
  std::string key;  // "<alert>/<target>": the for_each key
  std::string name;
  const model::Alert* alert = nullptr;
  const catalog::MetricInfo* metric = nullptr;
  std::string target;          // cosmos, frontdoor, aks, openai, app_insights, redis, search
  std::string target_key;      // Cosmos account or region key, "global" for Front Door
  std::string resource_group;  // where the alert lives
  std::string watched;         // the watched resource's Azure name
  std::vector<std::string>
      groups;  // action groups notified, "default" first, then declaration order
};

// One log search alert (a scheduled query rule) on one region's Application
// Insights: Azure runs its query where the rule is, the component's own
// location (compiler/services/alerts/log_query.h).
struct LogAlertInstance {
  std::string key;  // "<alert>/<region key>": the for_each key
  std::string name;
  const model::Alert* alert = nullptr;
  const model::Region* region = nullptr;
  std::string resource_group;       // where the rule lives
  std::string watched;              // the Application Insights component's name
  std::string query;                // KQL answering one row with a `value` column
  std::string description;          // what the query measures, in words
  std::vector<std::string> groups;  // action groups notified, like AlertInstance::groups
};

// One availability test (compiler/services/alerts/plan.cc): a standard web
// test beside its region's Application Insights, the metric alert on its
// failed locations, and the one on its duration when it has `slower_than`.
struct AvailabilityTestInstance {
  std::string key;  // the test's name: the for_each key
  std::string name;
  std::string alert_name;
  std::string duration_alert_name;  // empty: no `slower_than`
  const model::AvailabilityTest* test = nullptr;
  const model::Region* region = nullptr;  // whose Application Insights records the results
  std::string resource_group;             // the web test's: its component's
  std::string alert_resource_group;
  std::vector<std::string> probe_locations;  // Azure locations, sorted
  std::vector<std::string> probe_ids;        // their test location IDs, the same order
  int64_t failed_locations = 1;
  std::vector<std::string> groups;  // action groups notified, like AlertInstance::groups
};

// One activity-log alert, scoped to the subscription (compiler/services/alerts).
struct ActivityAlertInstance {
  std::string key;  // the alert's name: the for_each key
  std::string name;
  const model::ActivityAlert* alert = nullptr;
  std::string location;       // where Azure processes it: global, westeurope or northeurope
  std::string category;       // Administrative, ServiceHealth or ResourceHealth
  std::string operation;      // Administrative: the operation matched; else empty
  std::string resource_type;  // Administrative and ResourceHealth: the watched type; else empty
  std::vector<std::string> events;   // ServiceHealth: Azure's event type names
  std::vector<std::string> regions;  // ServiceHealth: region display names, sorted
  std::vector<size_t> holders;       // boundaries whose regions it watches
  std::vector<std::string> groups;   // action groups notified, like AlertInstance::groups
};

// A resource group a boundary's residency policy is assigned to.
struct PolicyScope {
  std::string key;  // "data" or "region-<key>": the residency module's for_each key
  std::string resource_group;
  std::string assignment_name;
  bool deny_geo_redundant_storage = false;
};

struct BoundaryPlan {
  const model::Boundary* boundary = nullptr;
  std::vector<const model::Region*> regions;
  std::string policy_name;               // the boundary's allowed-locations definition
  bool has_data_resource_group = false;  // a Cosmos DB account of its own
  std::vector<PolicyScope> policy_scopes;
};

// The policy definitions every boundary shares, keyed by their JSON file.
struct SharedPolicy {
  std::string key;  // deny-geo-redundant-storage, require-tags
  std::string name;
};

// One diagnostic setting: the platform logs and metrics of one resource sent
// to the Log Analytics workspace of one region (docs/estate.md).
struct DiagnosticSetting {
  std::string key;       // "<module>/<instance>": the for_each key in the workspace region's call
  std::string module;    // the root module call that makes the watched resource
  std::string id_output;   // that call's output holding the ID the setting targets
  std::string bicep_list;  // the watched resource's list in the Bicep module's settings
  std::string instance;  // the watched resource's for_each key in that call
  std::string watched;   // the watched resource's estate key
  std::string watched_name;
  std::string name;
  const model::Region* workspace = nullptr;  // whose workspace receives the logs
  std::vector<std::string> category_groups;  // enabled_log { category_group }
  std::vector<std::string> categories;       // enabled_log { category }
  bool metrics = false;                      // enabled_metric { category = "AllMetrics" }
};

struct EstateOptions {
  std::string environment;  // overrides the topology's `environment` when not empty
  // Only the resources that declare placements, for the residency check:
  // `topoc check` then skips the subnets, containers, Front Door, DNS,
  // policy and alert objects it never looks at.
  bool placements_only = false;
};

struct Estate {
  const model::Topology* topology = nullptr;
  std::string environment;
  std::string state_key;  // <topology>/<environment>.tfstate
  ResourceNames names;
  bool placements_only = false;             // EstateOptions::placements_only
  std::map<std::string, std::string> tags;  // on every taggable resource
  std::vector<std::string> required_tags;   // what the tag policy demands
  std::vector<BoundaryPlan> boundaries;     // boundaries that have regions, declaration order
  std::vector<CosmosAccount> cosmos;
  std::vector<OriginGroup> origin_groups;
  std::vector<Origin> origins;
  std::vector<GeoRule> geo_rules;
  std::string default_origin_group;
  std::vector<RoutePlan> routes;  // Front Door routes, declaration order
  // Regions whose Key Vault holds a Front Door domain's certificate, by key:
  // the profile's identity reads each (a role assignment per vault).
  std::vector<std::string> certificate_vaults;
  std::vector<RegionDns> dns;
  std::vector<VnetPeering> peerings;  // by local, then remote, region order
  std::vector<naming::RedisReplica> redis_replicas;
  std::vector<ContainerRegistry> registries;  // those with a home region, declaration order
  std::vector<SharedPolicy> shared_policies;
  std::vector<AlertInstance> alerts;
  std::vector<ActivityAlertInstance> activity_alerts;  // declaration order
  std::vector<LogAlertInstance> log_alerts;            // by key
  std::vector<AvailabilityTestInstance> availability_tests;  // declaration order
  // By workspace region (declaration order), then key.
  std::vector<DiagnosticSetting> diagnostic_settings;
  // Every resource, in planning order (regions in declaration order, then
  // the global parts); renderings sort as their format needs.
  std::vector<Resource> resources;

  // The services some region runs, one bit per model::Service: what is
  // asked once per region is not a walk over every region.
  uint32_t services_run = 0;
  bool any_region(model::Service service) const {
    return services_run >> static_cast<unsigned>(service) & 1u;
  }
  // Whether some region's storage sends blob events (`storage { events }`),
  // or is encrypted with a key of its region's vault.
  bool any_blob_events = false;
  bool any_customer_managed_key = false;
  // By a region's position in topology->regions: its entry in `dns` and the
  // Cosmos DB account it reaches in `cosmos`, or kNone; built as each is
  // planned, so the lookups below are not a walk over every region.
  static constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> dns_at, cosmos_at;
  // The position of `region` in topology->regions; kNone for a region that is
  // not one of its elements.
  size_t region_position(const model::Region& region) const;
  // Whether the estate has the alerts module: any metric or activity-log alert.
  bool has_alerts() const {
    return !alerts.empty() || !activity_alerts.empty() || !log_alerts.empty() ||
           !availability_tests.empty();
  }
  // Front Door is emitted only with an origin to send traffic to (an AKS
  // region); without one the check reports the routes (rule F004).
  bool has_frontdoor() const { return topology->frontdoor && !origin_groups.empty(); }
  const BoundaryPlan* find_boundary(std::string_view name) const;
  const RegionDns* dns_of(const model::Region& region) const;
  const CosmosAccount* cosmos_of(const model::Region& region) const;  // the account it reaches
  // The geo-replica of the region's cache; null without one.
  const naming::RedisReplica* redis_replica_of(const model::Region& region) const;
  // Whether the endpoint of some region's Redis geo-replica uses this region's subnet.
  bool hosts_redis_replica_endpoint(const model::Region& region) const;
};

// `topology` must outlive the result. Work is linear in the number of
// regions, tenants, containers and alerts.
Estate build_estate(const model::Topology& topology, const EstateOptions& options);
// The same with the names `naming::generate_names` made for `topology` (in
// the environment `options` resolves to), so a caller that checked them
// does not generate them again.
Estate build_estate(const model::Topology& topology, const EstateOptions& options,
                    ResourceNames names);

// Where a Cosmos DB account on periodic backup keeps its backups: "Geo"
// copies them to the write region's Azure pair, so only when that pair is one
// of the account's own locations; else "Zone", or "Local" without zones.
std::string periodic_backup_redundancy(const CosmosAccount& account);

// "PT5M", "PT1H", "P1D": the ISO 8601 durations Azure Monitor takes.
std::string iso_duration(int64_t seconds);

}  // namespace topoc::estate
