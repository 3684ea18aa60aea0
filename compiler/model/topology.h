// The typed model of a topology: what the user asked for, with every default
// applied and every reference resolved to an index. Each element keeps the
// span of the syntax it came from so rules can point at it.
// The model knows nothing of PEGTL or of the syntax tree's shape.
#pragma once

#include "compiler/model/basics.h"
#include "compiler/services/ai_search/model.h"
#include "compiler/services/aks/model.h"
#include "compiler/services/alerts/model.h"
#include "compiler/services/api_management/model.h"
#include "compiler/services/app_service/model.h"
#include "compiler/services/automation/model.h"
#include "compiler/services/backup/model.h"
#include "compiler/services/container_apps/model.h"
#include "compiler/services/container_registry/model.h"
#include "compiler/services/cosmos/model.h"
#include "compiler/services/dns/model.h"
#include "compiler/services/frontdoor/model.h"
#include "compiler/services/keyvault/model.h"
#include "compiler/services/monitoring/model.h"
#include "compiler/services/openai/model.h"
#include "compiler/services/postgres/model.h"
#include "compiler/services/redis/model.h"
#include "compiler/services/servicebus/model.h"
#include "compiler/services/storage/model.h"
#include "compiler/services/traffic_manager/model.h"
#include "compiler/text/string_map.h"

namespace topoc::model {

struct Objectives {
  Sourced<int64_t> rto_seconds;
  Sourced<int64_t> rpo_seconds;
  Location location;
};

// A residency boundary: the set of Azure locations that may hold data of the
// tenants pinned to it.
struct Boundary {
  std::string name;
  Location location;  // the label of `boundary "eu"`
  Sourced<std::string> geography;  // catalogue slug: eu-data-boundary, united-states, ...
  // Locations allowed for data. Derived from the geography unless narrowed
  // with an explicit list. Sorted.
  std::vector<std::string> allowed_locations;
  std::vector<Sourced<std::string>> explicit_locations;
  // Peering of the boundary's regional VNets: every pair (mesh, the
  // default), the `hub` region with each other region, or none.
  Sourced<Peering> peering{Peering::kMesh};
  Sourced<std::string> hub;  // region key; only with `peering = hub`
  // Region key: one Application Insights component for the applications of
  // the boundary's every region, in that region on its workspace. Empty =
  // none beyond the regions' own.
  Sourced<std::string> application_insights;

  // Whether data may be stored in `location` (a catalogue name) here.
  bool allows(std::string_view location) const;
  // Whether an Azure OpenAI deployment of this type in `account_location`
  // processes prompts only in locations this boundary allows (R005's test).
  bool keeps_processing(OpenAIDeployment deployment, std::string_view account_location) const;
};

struct Subnet {
  std::string name;  // aks, endpoints, ingress, ...
  Location location;
  Sourced<Cidr> address;
  // The service the subnet is delegated to ("Microsoft.App/environments"),
  // empty for none.
  std::string delegation;
};

struct Region {
  std::string key;  // the label: `region "eu"`
  Location location_of_block;
  // The key this region had before it was renamed: Azure names keep being
  // made from it, and the Terraform tree moves its addresses to `key`.
  Sourced<std::string> renamed_from;
  Sourced<std::string> location;  // Azure location (catalogue name)
  Sourced<std::string> boundary_name;
  size_t boundary = 0;  // index into Topology::boundaries (valid once resolved)
  Sourced<std::string> failover;  // Azure location; empty = none
  Sourced<Cidr> address_space;
  std::vector<Subnet> subnets;  // explicit ones first, then carved defaults
  std::vector<std::string> subnets_without_room;  // defaults that did not fit (rule N004)
  std::vector<Sourced<Service>> services;
  std::optional<Aks> aks;
  std::optional<AiSearch> search;
  std::optional<OpenAI> openai;
  std::optional<Redis> redis;          // Azure Cache for Redis
  std::optional<Redis> managed_redis;  // Azure Managed Redis
  std::optional<Storage> storage;
  std::optional<KeyVault> keyvault;
  std::optional<Monitoring> monitoring;
  std::optional<Postgres> postgres;
  std::optional<ServiceBus> servicebus;
  std::optional<Backup> backup;
  std::optional<AppService> app_service;
  std::optional<ContainerApps> container_apps;
  std::optional<Automation> automation;
  std::optional<ApiManagement> api_management;
  bool has(Service s) const;
  bool has_subnet(std::string_view name) const;
  // Whether a Container App of the region takes its image from the region's
  // registry (an image reference without a registry host).
  bool pulls_from_registry() const;
  // Whether Front Door can reach the region: it runs AKS (its ingress) or a
  // Container App with external ingress.
  bool serves_ingress() const;
  // The key Azure names are made from: `renamed_from` if written, else `key`.
  const std::string& naming_key() const;
};

struct Tenant {
  std::string name;
  Location location;
  Sourced<std::string> residency;  // boundary name
  size_t boundary = 0;
  Sourced<std::string> home;  // region key; empty = any region of the boundary
};

// The `naming` block. Without one, names carry no suffix, so a topology
// deployed before the block existed keeps its names.
struct Naming {
  Location location;  // the block; the topology's label when not written
  bool written = false;
  Sourced<NameSuffix> suffix;  // kNone unless written
  Sourced<std::string> fixed;  // the text of `suffix = "..."`
  Sourced<std::string> seed;   // mixed into the `auto` suffix
};

// Lookups by region key and by boundary, so that what is asked once per
// tenant, per region or per boundary does not walk every region or every
// boundary (Topology::index_regions).
struct RegionIndex {
  // The regions and boundaries it was built for, as `data()` and `size()`:
  // a copy or a resized vector leaves the index unused.
  const Region* built_for = nullptr;
  size_t size = 0;
  const Boundary* boundaries_for = nullptr;
  size_t boundary_count = 0;
  StringMap<size_t> by_key;         // the first region with each key
  StringMap<size_t> gateway_owner;  // a key -> the first region whose API
                                    // Management lists it in additional_locations
  StringMap<size_t> boundary_by_name;  // the first boundary with each name
  // Each boundary's regions, as positions in `regions`, in declaration
  // order: those whose `boundary` names it (Topology::regions_in).
  std::vector<std::vector<size_t>> members;
};

// Azure's limit on peerings per virtual network (Azure subscription and
// service limits, networking: "Virtual network peerings per virtual
// network", 500).
inline constexpr size_t kMaxPeeringsPerVnet = 500;

struct Topology {
  std::string name;
  Location location;
  uint32_t file = 0;
  Sourced<std::string> environment;
  Sourced<std::string> prefix;  // short naming prefix, defaults from the name
  Sourced<std::string> owner;
  Naming naming;
  // Whether the Terraform tree refuses to destroy stateful resources
  // (lifecycle.prevent_destroy); on unless written `false`.
  Sourced<bool> prevent_destroy{true};
  std::map<std::string, std::string> tags;
  Sourced<DeploymentMode> mode;
  Objectives objectives;
  std::vector<Boundary> boundaries;
  std::vector<Region> regions;
  std::vector<Tenant> tenants;
  std::optional<Cosmos> cosmos;
  std::optional<FrontDoor> frontdoor;
  Alerts alerts;
  std::vector<TrafficManager> traffic_managers;
  std::vector<Registry> registries;
  std::vector<DnsZone> dns_zones;  // public zones `dns` blocks declare

  // Indexed by region key and by boundary. Built by build_model once the
  // regions and boundaries are read, and again once each region's boundary
  // is resolved; whoever renames or adds regions or boundaries of a built
  // topology, or moves a region to another boundary, calls it again.
  // Unindexed, the lookups below scan: same answers, slower.
  RegionIndex region_index;
  void index_regions();

  const Boundary* find_boundary(std::string_view name) const;
  // The first region with key `key`; null if none.
  const Region* find_region(std::string_view key) const;
  // The region whose `api_management` runs a gateway in `r`: `r` itself, or
  // the region whose instance lists `r` in `additional_locations`; null if
  // none does.
  const Region* api_management_gateway_owner(const Region& r) const;
  // That gateway's instance when it is injected into a VNet
  // (`virtual_network = external | internal`): `r` then carries the subnet
  // `apim` the gateway runs in. Null otherwise.
  const ApiManagement* api_management_injected_in(const Region& r) const;
  // Whether Front Door has an origin in `r`: its ingress, or its API
  // Management gateway when `r`'s origin block says `target = api_management`.
  bool serves_frontdoor(const Region& r) const;
  // Regions whose boundary is `boundary`, in declaration order.
  std::vector<const Region*> regions_in(size_t boundary) const;
  // The peered pairs of regional VNets, each once, the earlier-declared
  // region first, in declaration order: every boundary's pairs by its
  // `peering`. A hub that is not a region of the boundary peers nothing
  // (rule N006), nor does a boundary whose peering would give a VNet more
  // than kMaxPeeringsPerVnet (rule N008): its pairs would grow with the
  // square of its regions and could never deploy.
  std::vector<std::pair<const Region*, const Region*>> peered_regions() const;
  const TrafficManager* find_traffic_manager(std::string_view name) const;
  const Registry* find_registry(std::string_view name) const;
  // Whether region `r` is the home of a registry or pulls from one (runs
  // AKS while the topology has a registry): it then needs an endpoint.
  bool reaches_registry(const Region& r) const;
  // The registry region `r` runs: the first whose home is `r` or that
  // replicates to `r`'s location; null when none does. Container Apps take
  // images written without a registry host from it.
  const Registry* registry_of(const Region& r) const;
};

}  // namespace topoc::model
