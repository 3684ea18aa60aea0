// What the Bicep backend creates, arranged for main.bicep and
// <environment>.bicepparam: the estate's decisions (compiler/estate/estate.h:
// names, Cosmos DB locations, DNS zones, peerings, Front Door origins and geo
// rules, policy scopes, alert targets) indexed by region, with the Bicep
// symbol stems of each part. Both files render from this plan, so they cannot
// disagree, and the Terraform backend renders the same estate; the parity
// test holds the two to the same set of Azure resources.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/catalog/metric_catalog.h"
#include "compiler/emit/bicep/emit_bicep.h"
#include "compiler/estate/estate.h"
#include "compiler/model/topology.h"
#include "compiler/naming/names.h"

namespace topoc::emit::bicep {

struct RegionPlan {
  const model::Region* region = nullptr;
  std::string stem;  // Bicep identifier stem of the region's symbols: "us", "euWest"
  std::string resource_group;
  bool has_endpoints_subnet = false;
  bool has_aks_subnet = false;
  // The region's Private Link DNS zones, sorted; empty when it has no
  // private endpoint.
  std::vector<std::string> dns_zones;
  std::string dns_link_name;
  // Whether the region's AKS subnet is admitted by its Cosmos DB account's
  // virtual network filter (and so needs the Cosmos DB service endpoint).
  bool cosmos_service_endpoint = false;
  // With a Redis geo-replica: the region (index into Plan::regions) whose
  // endpoints subnet and DNS zone the replica's private endpoint uses
  // (compiler/naming/redis_replicas.h).
  std::optional<size_t> redis_replica_endpoint_region;
  // Whether some region's Redis geo-replica is reached through this region.
  bool hosts_redis_replica_endpoint = false;
};

using estate::GeoLocation;

// One Cosmos DB account (compiler/naming/cosmos_accounts.h) in a data
// resource group of its own.
struct CosmosPlan {
  std::string key;  // the boundary's name, "shared" for an explicit location list, or "global"
  const model::Boundary* boundary = nullptr;
  bool non_personal = false;  // the global account of the non-personal containers
  std::vector<const model::Container*> containers;
  std::string stem;
  std::string name;
  std::string resource_group;
  std::string location;  // the first write region
  std::string database;
  std::vector<GeoLocation> geo_locations;
  std::string periodic_backup_redundancy;  // Geo, Zone or Local
  std::vector<size_t> endpoint_regions;       // indexes into Plan::regions
  std::vector<size_t> network_rule_regions;   // indexes into Plan::regions
};

// A container registry whose home region is declared: deployed in that
// region's resource group, with an endpoint in each region that reaches it
// and AcrPull for each of those regions' AKS clusters.
struct RegistryPlan {
  const estate::ContainerRegistry* registry = nullptr;
  size_t home = 0;                       // index into Plan::regions
  std::vector<size_t> endpoint_regions;  // indexes into Plan::regions
  std::vector<size_t> pull_regions;      // indexes into Plan::regions
};

// Front Door reaches a region through its AKS ingress, so only boundaries
// with AKS regions get an origin group.
struct OriginGroupPlan {
  std::string key;  // boundary name; "<boundary>/sticky" or "/nosticky" for a twin
  std::string name;
  bool session_affinity = false;
};

struct OriginPlan {
  size_t region = 0;  // index into Plan::regions
  bool twin = false;  // in an alternate-affinity group
  std::string group;  // OriginGroupPlan::key
  std::string name;
  int64_t priority = 1;
  int64_t weight = 1000;
  // An API Management gateway (`target = api_management`): the index of the
  // region whose instance runs it.
  std::optional<size_t> gateway_owner;
};

// Front Door accepts at most 25 countries per GeoMatch condition, so a
// boundary with more countries gets several rules.
struct GeoRulePlan {
  std::string name;
  int64_t order = 0;
  std::vector<std::string> countries;
  std::string group;
  bool alternate = false;  // in the alternate rule set
};

struct RoutePlan {
  std::string name;
  std::vector<std::string> patterns;
  std::string group;
  bool https_only = false;
  bool alternate = false;  // served by the alternate-affinity groups and rule set
  const model::FrontDoorCache* cache = nullptr;  // null: the route caches nothing
};

// A custom domain, and the record name inside its zone when topoc writes
// the zone's records.
struct CustomDomainPlan {
  std::string host;
  std::string name;
  std::string zone;    // empty: DNS managed elsewhere
  std::string record;  // relative name in `zone`
  // A certificate kept in a region's Key Vault; all empty for one Front
  // Door manages.
  std::string vault;        // the vault's name
  std::string vault_group;  // its resource group
  std::string certificate;  // the certificate's name in it
  std::string secret;       // the Front Door secret's name
};

// A Key Vault holding custom domains' certificates.
struct CertificateVaultPlan {
  std::string name;
  std::string resource_group;
  bool operator<(const CertificateVaultPlan& o) const { return name < o.name; }
  bool operator==(const CertificateVaultPlan& o) const { return name == o.name; }
};

struct FrontDoorPlan {
  std::string profile;
  std::string endpoint;
  std::vector<OriginGroupPlan> groups;
  std::vector<OriginPlan> origins;
  std::vector<RoutePlan> routes;
  std::string rule_set;
  std::string alternate_rule_set;  // empty: every route has the profile's affinity
  std::vector<GeoRulePlan> geo_rules;
  std::vector<CustomDomainPlan> domains;  // sorted by host
  std::vector<CertificateVaultPlan> certificate_vaults;  // sorted by name
  std::string waf;              // empty: no firewall
  std::string security_policy;
};

// One metric alert on one watched resource.
struct AlertPlan {
  std::string name;
  const model::Alert* alert = nullptr;
  const catalog::MetricInfo* metric = nullptr;
  std::string target;      // cosmos, frontdoor, aks, openai, app_insights, redis, search
  std::string target_key;  // Cosmos account key or region key; "global" for Front Door
  std::string scope;       // "<target>/<target_key>": the key of the watched resource's ID
  std::vector<std::string> groups;  // action groups notified, as estate::AlertInstance::groups
};

// A resource group a boundary's residency policy is assigned to.
struct PolicyScopePlan {
  std::string resource_group;
  std::string assignment_name;
  bool deny_geo_redundant_storage = false;
};

struct BoundaryPlan {
  const model::Boundary* boundary = nullptr;
  std::string stem;
  std::vector<size_t> regions;  // indexes into Plan::regions
  std::string definition_name;
  std::vector<PolicyScopePlan> scopes;
};

// One direction of a peering between two regions' VNets, and the remote
// region's Private Link zones linked to the local VNet (those the local
// region has no zone of the same name for).
struct PeeringPlan {
  size_t local = 0;   // index into Plan::regions
  size_t remote = 0;  // index into Plan::regions
  std::string name;
  std::vector<std::string> remote_zones;  // sorted
  std::string link_name;
};

struct Plan {
  const estate::Estate* estate = nullptr;
  const model::Topology* topology = nullptr;
  std::string environment;
  std::map<std::string, std::string> tags;  // on every resource that takes tags
  std::vector<std::string> required_tags;   // what the tag policy demands
  std::string global_resource_group;
  std::string global_location;
  std::vector<RegionPlan> regions;  // declaration order
  std::vector<CosmosPlan> cosmos;
  std::vector<RegistryPlan> registries;  // declaration order
  std::vector<PeeringPlan> peerings;     // by local, then remote, region
  std::optional<FrontDoorPlan> frontdoor;
  std::vector<BoundaryPlan> boundaries;  // those with regions, declaration order
  std::string deny_geo_redundant_storage_definition;
  std::string require_tags_definition;
  std::string action_group;
  std::string action_group_short_name;
  std::vector<AlertPlan> alerts;

  // The name generated under `key`; empty when the naming module has none.
  const std::string& name(std::string_view key) const;
  const std::string& region_name(const model::Region& region, std::string_view what) const;
  bool any_region(model::Service service) const;
  // Some region delivers its storage account's blob events to Service Bus.
  bool any_blob_events() const;
  const CosmosPlan* cosmos_of(size_t region) const;  // the account the region reaches privately
  bool has_private_endpoints() const;
  bool is_origin(const RegionPlan& region) const;  // Front Door sends traffic there
};

// `estate` (and its topology) must outlive the result.
Plan plan_bicep(const estate::Estate& estate);

}  // namespace topoc::emit::bicep
