// The typed model of a topology: what the user asked for, with every default
// applied and every reference resolved to an index. Each element keeps the
// span of the syntax it came from so rules can point at it.
// The model knows nothing of PEGTL or of the syntax tree's shape.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/network.h"

namespace topoc::model {

using diag::Location;

// A value together with where it was written. `location.span` is empty
// ({0,0}) when the value is a default that nobody wrote.
template <typename T>
struct Sourced {
  T value{};
  Location location;
  bool explicit_ = false;  // written in the file, not a default
};

// How the VNets of a boundary's regions are peered (`peering = ...`).
enum class Peering { kMesh, kHub, kNone };

enum class DeploymentMode { kActiveActive, kActivePassive, kWarmStandby, kColdStandby };

enum class OpenAIDeployment { kStandard, kDataZone, kGlobal };

enum class Consistency { kStrong, kBoundedStaleness, kSession, kConsistentPrefix, kEventual };

enum class ConflictPolicy { kLastWriterWins, kCustom, kRegionScoped };

// What a data store holds, as the topology declares it (`data = ...`).
// Personal data stays in its tenants' boundary; data declared non-personal
// (global configuration, feature flags) may be copied across boundaries,
// and the residency engine records each such copy as an exemption.
enum class DataClass { kPersonal, kNonPersonal };

enum class StorageReplication { kLRS, kZRS, kGRS, kRAGRS, kGZRS, kRAGZRS };

enum class Service {
  kAks,
  kAiSearch,
  kOpenAI,
  kStorage,
  kRedis,
  kKeyVault,
  kMonitoring,
  kPostgres,
  kServiceBus,
  // Not a spelling of its own: a region's `redis` block asking for no Azure
  // Cache for Redis tier runs Azure Managed Redis (build_region.cc).
  kManagedRedis,
  kBackup,
  kAppService,
  kContainerApps,
  kAutomation,
};

enum class Comparison { kGreaterThan, kGreaterOrEqual, kLessThan, kLessOrEqual };

// How the globally unique names (storage, Key Vault, Cosmos DB, Redis, AI
// Search, OpenAI) are told apart from another estate's (docs/naming.md).
enum class NameSuffix { kNone, kAuto, kFixed };

const char* to_string(DeploymentMode);
const char* to_string(OpenAIDeployment);  // the azurerm/ARM sku name
const char* to_string(Consistency);       // the azurerm/ARM consistency level
const char* to_string(ConflictPolicy);
const char* to_string(DataClass);           // the DSL word: "personal", "non-personal"
const char* to_string(StorageReplication);  // the azurerm account_replication_type
const char* to_string(Service);             // the DSL spelling
const char* to_string(Comparison);          // the azurerm operator
bool is_geo_redundant(StorageReplication);
// The DSL spelling of a deployment type: standard, data-zone, global.
const char* dsl_spelling(OpenAIDeployment);
bool is_zone_redundant(StorageReplication);
// RAGRS and RAGZRS: the paired region's copy answers reads on a secondary
// endpoint of its own.
bool is_read_access(StorageReplication);
// LRS, GRS and RAGRS: the replications whose accounts can move blobs to the
// archive tier (Microsoft Learn, "Access tiers for blob data").
bool offers_archive_tier(StorageReplication);

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

  // Whether data may be stored in `location` (a catalogue name) here.
  bool allows(std::string_view location) const;
  // Whether an Azure OpenAI deployment of this type in `account_location`
  // processes prompts only in locations this boundary allows (R005's test).
  bool keeps_processing(OpenAIDeployment deployment, std::string_view account_location) const;
};

struct NodePool {
  std::string name;
  Location location;
  Sourced<std::string> vm_size;
  Sourced<int64_t> min_count;
  Sourced<int64_t> max_count;
  Sourced<std::vector<std::string>> zones;  // "1", "2", "3"; empty = no zones
  std::map<std::string, std::string> labels;
  std::vector<std::string> taints;  // key=value:Effect
  int64_t os_disk_gb = 128;
  int64_t max_pods = 50;
};

struct Aks {
  Location location;
  Sourced<std::string> kubernetes_version;
  NodePool system_pool;
  std::vector<NodePool> user_pools;
  Sourced<std::string> network_policy;  // azure | calico | cilium
  Sourced<bool> private_cluster;
  Sourced<std::string> service_cidr;    // inside the cluster, never routed
  Sourced<std::string> dns_service_ip;
};

struct AiSearch {
  Location location;
  Sourced<std::string> sku;  // basic, standard, standard2, standard3, storage_optimized_l1/l2
  Sourced<int64_t> replicas;
  Sourced<int64_t> partitions;
};

struct OpenAIModel {
  std::string name;  // gpt-4o
  Location location;
  Sourced<std::string> version;
  Sourced<int64_t> capacity;  // thousands of tokens per minute
  std::string deployment_name;  // defaults to the model name
};

struct OpenAI {
  Location location_of_block;
  bool block_written = false;     // an `openai` block configures it
  Sourced<std::string> location;  // where the account lives; defaults to the region's location
  Sourced<OpenAIDeployment> deployment;
  std::vector<OpenAIModel> models;
};

// A region's `redis` block. `sku` picks the product: Basic, Standard or
// Premium is Azure Cache for Redis (Region::redis); any other SKU, the
// default among them, is Azure Managed Redis (Region::managed_redis). The
// settings of the other product are kept only so rules S050-S051 can point
// at them.
// Azure Cache for Redis Premium persistence to a storage account: none,
// periodic RDB snapshots, or an append-only file of every write.
enum class RedisPersistence { kNone, kRdb, kAof };
// The DSL spelling: none, rdb, aof.
const char* dsl_spelling(RedisPersistence);

struct Redis {
  Location location;
  Sourced<std::string> sku;  // Basic, Standard, Premium; or Balanced_B3, ...
  // Azure Cache for Redis.
  Sourced<int64_t> capacity;
  Sourced<std::string> geo_replica;  // location of a linked geo-replica; empty = none
  Sourced<int64_t> shards;           // Premium clustering: shard count; 0 = not clustered
  Sourced<RedisPersistence> persistence;  // Premium only
  Sourced<int64_t> rdb_frequency;         // minutes between RDB snapshots; 60 unwritten
  // Azure Managed Redis.
  Sourced<bool> high_availability;       // default true
  Sourced<std::string> geo_replication;  // active geo-replication group; empty = none
  bool managed() const;
};

// An `events` block in a region's storage block: an Event Grid system topic
// on the region's storage account whose subscription delivers
// Microsoft.Storage.BlobCreated events to a Service Bus topic of the region.
struct StorageEvents {
  Location location;
  Sourced<std::string> blob_created;  // Service Bus topic name
};

// `lifecycle "logs" { prefix = "logs/"  cool = 30d  archive = 180d  delete = 365d }`:
// a rule of the account's management policy. Block blobs under `prefix` move
// to cooler tiers, and are deleted, the given number of days after they
// were last modified. An unwritten action is not taken (value -1).
struct StorageLifecycleRule {
  std::string name;   // the label
  Location location;  // the label
  // Azure matches a prefix from the container name on ("logs/2026/");
  // empty: every block blob of the account.
  Sourced<std::string> prefix;
  Sourced<int64_t> cool_days{-1};
  Sourced<int64_t> cold_days{-1};
  Sourced<int64_t> archive_days{-1};
  Sourced<int64_t> delete_days{-1};
};

// `container "audit" { immutable = 365d }`: a blob container of the account,
// optionally under a time-based retention (WORM) policy.
struct StorageContainer {
  std::string name;   // the label
  Location location;  // the label
  Sourced<int64_t> immutable_days;  // 0 = no retention policy
  Sourced<bool> locked;             // a locked policy can never be removed
};

struct Storage {
  Location location;
  Sourced<StorageReplication> replication;
  std::optional<StorageEvents> events;
  Sourced<int64_t> soft_delete_days{7};  // blob and container soft delete
  Sourced<int64_t> version_days;         // 0 = previous versions are kept
  std::vector<StorageLifecycleRule> lifecycle;
  std::vector<StorageContainer> containers;
  // Location of a second account that every container is copied to by
  // object replication; empty = none.
  Sourced<std::string> replicate_to;
};

struct KeyVault {
  Location location;
  Sourced<std::string> sku;  // standard, premium
  Sourced<int64_t> soft_delete_days;
  Sourced<bool> purge_protection;
};

struct Monitoring {
  Location location;
  Sourced<int64_t> retention_days;
};

// PostgreSQL high availability: a standby in another zone, in the same zone,
// or none.
enum class PostgresHa { kOff, kZoneRedundant, kSameZone };

struct PostgresDatabase {
  std::string name;
  Location location;
  Sourced<std::string> charset;    // UTF8
  Sourced<std::string> collation;  // en_US.utf8
};

// An Azure Database for PostgreSQL flexible server (build_postgres.cc).
struct Postgres {
  Location location;
  Sourced<std::string> sku;       // GP_Standard_D2ds_v5
  Sourced<std::string> version;   // "16"
  Sourced<int64_t> storage_gb;    // 128: one of the sizes Azure offers
  Sourced<std::string> performance_tier;  // P10; empty = Azure's default for the size
  Sourced<bool> autogrow;
  Sourced<PostgresHa> high_availability;
  Sourced<std::string> zone;          // "1"; empty = Azure chooses
  Sourced<std::string> standby_zone;  // zone-redundant HA only
  Sourced<int64_t> backup_retention_days;
  Sourced<bool> geo_redundant_backup;
  std::vector<Sourced<std::string>> replicas;  // locations, in declaration order
  Sourced<bool> virtual_endpoint;
  std::vector<PostgresDatabase> databases;
};

const char* to_string(PostgresHa);  // the azurerm/ARM mode: Disabled, ZoneRedundant, SameZone

// A subscription of a Service Bus topic (build_servicebus.cc). Durations are
// in seconds; an unwritten one keeps Azure's default.
struct ServiceBusSubscription {
  std::string name;
  Location location;
  Sourced<int64_t> max_delivery;         // 10
  Sourced<int64_t> ttl;                  // unwritten: the topic's
  Sourced<int64_t> auto_delete;          // unwritten: never
  Sourced<bool> dead_letter_on_expiration;
  Sourced<std::string> filter;           // SQL filter; empty = every message
};

struct ServiceBusTopic {
  std::string name;
  Location location;
  Sourced<int64_t> ttl;                  // unwritten: messages never expire
  Sourced<int64_t> auto_delete;          // unwritten: never
  Sourced<int64_t> duplicate_detection;  // the window; unwritten: no detection
  Sourced<bool> partitioned;             // default: whether the namespace is
  Sourced<int64_t> max_size_mb;          // 1024
  std::vector<ServiceBusSubscription> subscriptions;
};

// The geo-disaster recovery partner: a second Premium namespace that Azure
// keeps a copy of the entities and their settings in (not the messages).
struct ServiceBusGeoDr {
  Location location;                     // the `geo_dr` block
  Sourced<std::string> partner;          // Azure location of the partner
  Sourced<int64_t> capacity;             // default: the namespace's
  Sourced<int64_t> partitions;           // default: the namespace's
};

// A Service Bus Premium namespace and its topics (build_servicebus.cc).
struct ServiceBus {
  Location location;
  Sourced<int64_t> capacity;             // messaging units: 1, 2, 4, 8 or 16
  Sourced<int64_t> partitions;           // 1, 2 or 4
  std::optional<ServiceBusGeoDr> geo_dr;
  Sourced<std::string> geo_replication;  // refused: S047
  std::vector<ServiceBusTopic> topics;
  bool partitioned() const { return partitions.value > 1; }
};

// How a Backup vault keeps what it holds: three copies in one datacenter,
// across the location's zones, or also in the Azure pair.
enum class BackupRedundancy { kLRS, kZRS, kGRS };

// Long-term retention of the region's PostgreSQL flexible server in the
// vault: a weekly full backup kept `retention_days`.
struct BackupPostgres {
  Location location;
  Sourced<int64_t> retention_days;
};

// A region's Azure Backup vault (Microsoft.DataProtection/backupVaults) and
// what it protects (build_backup.cc).
struct Backup {
  Location location;
  Sourced<BackupRedundancy> redundancy;  // default: see default_backup_redundancy
  Sourced<bool> cross_region_restore;
  std::optional<BackupPostgres> postgres;
};

// The azurerm/ARM redundancy: LocallyRedundant, ZoneRedundant, GeoRedundant.
const char* to_string(BackupRedundancy);
// The DSL spelling: LRS, ZRS, GRS.
const char* dsl_spelling(BackupRedundancy);

// What runs on an App Service plan: a web app or a function app (Linux).
enum class SiteKind { kWeb, kFunction };

// An app setting: `name = "value"`, or with `secrets`, a Key Vault secret
// name the setting refers to (`@Microsoft.KeyVault(SecretUri=...)`).
struct AppSetting {
  std::string name;
  Location location;
  std::string value;
};

// A web app or function app on a plan (build_app_service.cc).
struct Site {
  SiteKind kind = SiteKind::kWeb;
  std::string name;
  Location location;
  Sourced<std::string> runtime;          // python, node, dotnet, java, php, powershell
  Sourced<std::string> runtime_version;  // as written: "3.11", "20", "8.0"
  Sourced<bool> always_on;               // default: true on a dedicated plan
  Sourced<bool> https_only;              // default true
  Sourced<bool> http2;
  Sourced<std::string> min_tls;            // "1.2"
  Sourced<std::string> health_check_path;  // empty = no health check
  Sourced<int64_t> eviction_minutes;       // with a health check: 2-10
  std::vector<Sourced<std::string>> cors;  // allowed origins
  std::vector<AppSetting> settings;
  std::vector<AppSetting> secrets;
};

// An App Service plan and the sites it runs (Linux).
struct AppServicePlan {
  std::string name;
  Location location;
  Sourced<std::string> sku;  // P1v3, EP1, ...
  Sourced<int64_t> workers;
  Sourced<bool> zone_redundant;
  std::vector<Site> sites;
  // Elastic Premium (EP1-EP3): function apps that scale out on demand.
  bool elastic() const { return sku.value.rfind("EP", 0) == 0; }
};

// A region's App Service: its plans.
struct AppService {
  Location location;
  std::vector<AppServicePlan> plans;
  bool has_sites() const;
};

const char* to_string(SiteKind);  // web, function

// The runbook types topoc deploys from a text file (azurerm 4.55's
// runbook_type values that are neither graphical nor retired).
enum class RunbookType { kPowerShell72, kPowerShell, kPowerShellWorkflow, kPython3 };

// How often an Automation schedule fires (azurerm 4.55 `frequency`).
enum class ScheduleFrequency { kOneTime, kHour, kDay, kWeek, kMonth };

// `schedule { ... }` in a runbook: a schedule of the account and the job
// schedule that links it to the runbook.
struct RunbookSchedule {
  Location location;
  Sourced<ScheduleFrequency> frequency;
  Sourced<int64_t> interval;   // default 1; never sent with OneTime
  Sourced<std::string> start;  // RFC 3339; empty = seven minutes after apply (azurerm)
};

// `runbook "DR-Failover-Drill" { ... }`: its text is read from `file`,
// relative to the topology file, once the model is built
// (compiler/driver/referenced_files.cc).
struct Runbook {
  std::string name;
  Location location;  // the label
  Sourced<RunbookType> type;
  Sourced<std::string> file;  // as written
  Sourced<std::string> description;
  std::optional<RunbookSchedule> schedule;
  std::string content;  // the file's text; empty until read
  bool content_read = false;
};

// A region's Azure Automation account (Microsoft.Automation/automationAccounts)
// with a system-assigned identity, and its runbooks (build_automation.cc).
struct Automation {
  Location location;
  Sourced<std::string> sku;  // Basic (default) or Free
  std::vector<Runbook> runbooks;
};

const char* to_string(RunbookType);         // the azurerm/ARM runbook type
const char* to_string(ScheduleFrequency);   // the azurerm/ARM frequency
// The extension of a runbook's file in the emitted tree: .ps1 or .py.
const char* file_extension(RunbookType);

// Where a Container App takes ingress from: nowhere, the environment's
// network only, or the internet (or, in an internal environment, the VNet).
enum class ContainerAppIngress { kNone, kInternal, kExternal };

// The managed identity a Container App pulls images and reads secrets with.
enum class ContainerAppIdentity { kUserAssigned, kSystem };

// `app "api" { ... }` in an environment: one Container App, one container.
struct ContainerApp {
  std::string name;
  Location location;  // the label
  // `repository:tag` in the region's registry, or a full reference with a
  // registry host ("mcr.microsoft.com/k8se/quickstart:latest").
  Sourced<std::string> image;
  Sourced<double> cpu;             // vCPU; default 0.5
  Sourced<double> memory_gib;      // default 1 (Gi)
  Sourced<int64_t> min_replicas;   // 0-300, default 1
  Sourced<int64_t> max_replicas;   // 1-300, default 10
  Sourced<ContainerAppIngress> ingress;
  Sourced<int64_t> target_port;    // default 80
  Sourced<ContainerAppIdentity> identity;
  // Whether the image names a registry host: a `.`, `:` or `localhost` in
  // the part before the first `/` (the Docker reference grammar).
  bool image_has_registry() const;
};

// `environment "app" { ... }`: a Container Apps environment
// (Microsoft.App/managedEnvironments) with workload profiles.
struct ContainerAppEnvironment {
  std::string name;
  Location location;  // the label
  // `Consumption` or a dedicated profile type (D4-D32, E4-E32).
  Sourced<std::string> workload_profile;
  Sourced<int64_t> min_count;  // dedicated profile instances
  Sourced<int64_t> max_count;
  Sourced<bool> vnet_integration;  // default true: subnet `cae-<name>`
  Sourced<bool> zone_redundant;
  Sourced<bool> internal;  // internal_load_balancer_enabled
  std::vector<ContainerApp> apps;
  bool dedicated() const { return workload_profile.value != "Consumption"; }
  // The region subnet the environment is injected into: `cae-<name>`.
  std::string subnet_name() const { return "cae-" + name; }
};

struct ContainerApps {
  Location location;
  std::vector<ContainerAppEnvironment> environments;
};

const char* to_string(ContainerAppIngress);
const char* to_string(ContainerAppIdentity);

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

struct StoredProcedure {
  std::string name;
  Location location;
  std::string body;
};

struct Container {
  std::string name;
  Location location;
  Sourced<std::string> partition_key;
  // -1 = on with no default expiry; 0 = off (not written, or `off`); a
  // written 0 is a zero duration, which C006 refuses.
  Sourced<int64_t> ttl_seconds;
  Sourced<int64_t> max_throughput;  // autoscale max RU/s
  std::vector<Sourced<std::string>> index_include;
  std::vector<Sourced<std::string>> index_exclude;
  Sourced<ConflictPolicy> conflict;
  Sourced<std::string> conflict_path;  // last-writer-wins path
  std::optional<StoredProcedure> procedure;  // custom conflict resolution
  // Unwritten: personal. A non-personal container lives in the estate's one
  // global account, replicated to every region's location.
  Sourced<DataClass> data;

  // The indexing policy's path lists as Azure needs them: the root path
  // `/*` in exactly one list. With an include list only those paths are
  // indexed (`/*` excluded); otherwise everything is, minus the exclusions.
  struct IndexPaths {
    std::vector<std::string> included;
    std::vector<std::string> excluded;
  };
  IndexPaths index_paths() const;
};

struct Cosmos {
  Location location;
  Sourced<std::string> database;
  Sourced<Consistency> consistency;
  Sourced<int64_t> max_staleness_seconds;  // bounded staleness only
  Sourced<int64_t> max_staleness_prefix;
  Sourced<bool> multi_write;
  Sourced<bool> automatic_failover;
  Sourced<std::string> backup;  // Continuous7Days, Continuous30Days, Periodic
  // An explicit account location list. Without it topoc creates one account
  // per boundary over that boundary's regions (and their failovers).
  std::vector<Sourced<std::string>> locations;
  std::vector<Container> containers;
};

struct GeoRoute {
  std::string boundary_name;
  Location location;  // the label
  size_t boundary = 0;
  std::vector<Sourced<std::string>> countries;
  Sourced<std::string> fallback;  // boundary name; empty = none
};

struct FrontDoorRoute {
  std::string name;
  Location location;
  std::vector<Sourced<std::string>> patterns;
  // HTTPS only: plain HTTP is refused, not redirected. azurerm requires a
  // route that redirects to accept HTTP too, so the two are one switch.
  Sourced<bool> https_only;  // unwritten: false (HTTP redirected to HTTPS)
  // Front Door keeps affinity per origin group, not per route: a route
  // whose affinity differs from the profile's is served by a second set of
  // origin groups (estate::OriginGroup::alternate). Unwritten: the
  // profile's `session_affinity`.
  Sourced<bool> session_affinity;
};

// `origin "region" { ... }`: how Front Door weighs one region's ingress
// against the others of its boundary's origin group.
struct FrontDoorOrigin {
  std::string region;  // region key
  Location location;   // the label
  Sourced<int64_t> weight;    // 1-1000; unwritten: 1000
  Sourced<int64_t> priority;  // 1-5; unwritten: from `mode`
};

// `domain "api.example.com" { ... }`: a custom domain every route serves
// beside the endpoint's own host name, with a certificate Front Door
// manages. With `zone`, topoc also writes that public DNS zone and the
// domain's CNAME and `_dnsauth` TXT records.
struct FrontDoorDomain {
  std::string host;   // the label as written
  Location location;  // the label
  Sourced<std::string> zone;         // DNS zone topoc manages; empty = none
  Sourced<std::string> certificate;  // "managed", or a Key Vault reference
  static constexpr std::string_view kManaged = "managed";
  bool managed_certificate() const { return certificate.value == kManaged; }
  // The record name inside `zone`: "api" for api.example.com in example.com;
  // empty for the apex or when there is no zone.
  std::string relative_name() const {
    if (zone.value.empty() || host.size() <= zone.value.size() + 1) return {};
    return host.substr(0, host.size() - zone.value.size() - 1);
  }
};

// `rate_limit "api" { requests = 1000  window = 1m  paths = ["/api/"] }`:
// a WAF rate-limit rule. Front Door counts requests per client socket
// address over a fixed window of one or five minutes and blocks the rest of
// the window once the count passes `requests`.
struct FrontDoorRateLimit {
  std::string name;   // the label
  Location location;  // the label
  Sourced<int64_t> requests;        // 1 or more
  Sourced<int64_t> window_minutes;  // 1 or 5; unwritten: 1
  // Parts of the request URL the rule counts (RequestUri contains one);
  // empty: every request.
  std::vector<Sourced<std::string>> paths;
  // The WAF custom rule's name: letters and digits only.
  std::string rule_name() const {
    std::string out = "RateLimit";
    for (char c : name) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
  }
};

struct FrontDoor {
  Location location;
  Sourced<std::string> sku;  // Premium_AzureFrontDoor, Standard_AzureFrontDoor
  Sourced<std::string> endpoint;
  std::vector<FrontDoorRoute> routes;
  Sourced<std::string> probe_path;
  Sourced<std::string> probe_protocol;  // Http, Https
  Sourced<std::string> probe_method;    // GET, HEAD
  Sourced<int64_t> probe_interval_seconds;
  Sourced<int64_t> latency_sensitivity_ms;
  Sourced<int64_t> sample_size;
  Sourced<int64_t> successful_samples;
  Sourced<bool> session_affinity;
  Sourced<bool> waf;
  Sourced<std::string> waf_mode;  // Prevention, Detection
  std::vector<GeoRoute> geo_routes;
  // Where requests from countries no geo route lists go: a boundary name,
  // kUnroutedDeny, or empty when not written (then the first boundary
  // with origins serves them, and rule F005 asks for the choice).
  Sourced<std::string> unrouted;
  static constexpr std::string_view kUnroutedDeny = "deny";
  bool denies_unrouted() const { return unrouted.value == kUnroutedDeny; }
  std::vector<FrontDoorOrigin> origins;
  std::vector<FrontDoorDomain> domains;
  std::vector<FrontDoorRateLimit> rate_limits;
  // Routes whose `session_affinity` differs from the profile's are served by
  // a second set of origin groups, named with this suffix.
  bool has_alternate_affinity() const {
    for (const FrontDoorRoute& r : routes) {
      if (r.session_affinity.value != session_affinity.value) return true;
    }
    return false;
  }
  std::string_view alternate_suffix() const { return session_affinity.value ? "nosticky" : "sticky"; }
  const FrontDoorOrigin* find_origin(std::string_view region) const {
    for (const FrontDoorOrigin& o : origins) {
      if (o.region == region) return &o;
    }
    return nullptr;
  }
};


struct Alert {
  std::string name;
  Location location;
  Sourced<std::string> metric;  // catalogue key, e.g. cosmos.replication_latency
  Sourced<Comparison> comparison;
  Sourced<double> threshold;
  Sourced<int64_t> window_seconds;
  Sourced<int64_t> frequency_seconds;
  Sourced<int64_t> severity;  // 0 (critical) .. 4 (verbose)
};

struct Alerts {
  Location location;
  Sourced<std::string> email;  // action group receiver; empty = none
  Sourced<bool> defaults{true};  // add the built-in alerts for the services present
  std::vector<Alert> alerts;
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

// Traffic Manager (DNS-level routing): a global profile answering DNS
// queries for its name with one of its endpoints.
enum class TmRouting { kPriority, kPerformance, kWeighted, kGeographic, kMultiValue, kSubnet };
const char* to_string(TmRouting);  // the azurerm/ARM trafficRoutingMethod
enum class TmEndpointKind { kRegion, kExternal, kNested };

struct TmHeader {
  std::string name;
  Location location;
  std::string value;
};

struct TmProbe {
  Location location;
  Sourced<std::string> protocol;  // HTTP, HTTPS, TCP
  Sourced<int64_t> port;
  Sourced<std::string> path;  // empty for TCP
  Sourced<int64_t> interval_seconds;  // 10 or 30
  Sourced<int64_t> timeout_seconds;
  Sourced<int64_t> tolerated_failures;
  std::vector<Sourced<std::string>> expected_status_codes;  // "200-299"
  std::vector<TmHeader> headers;
};

struct TmEndpoint {
  std::string name;
  Location location;  // the label
  TmEndpointKind kind = TmEndpointKind::kRegion;
  Sourced<std::string> region;   // region key (kRegion)
  Sourced<std::string> target;   // FQDN or IP address (kExternal)
  Sourced<std::string> profile;  // child profile name (kNested)
  Sourced<std::string> endpoint_location;  // catalogue name (kExternal, kNested)
  Sourced<int64_t> priority;  // 0 = not written
  Sourced<int64_t> weight;
  Sourced<bool> enabled;
  Sourced<int64_t> min_child_endpoints;
  std::vector<Sourced<std::string>> geo;      // WORLD or ISO 3166-1 alpha-2
  std::vector<Sourced<Cidr>> subnets;
};

struct TrafficManager {
  std::string name;
  Location location;  // the label
  Sourced<TmRouting> routing;
  Sourced<std::string> dns_name;  // relative name under trafficmanager.net
  Sourced<int64_t> ttl_seconds;
  Sourced<int64_t> max_return;  // MultiValue only
  // Geographic only: `nodata` or an endpoint name; gets `WORLD` mapped.
  Sourced<std::string> unmapped;
  TmProbe probe;
  std::vector<TmEndpoint> endpoints;

  const TmEndpoint* find_endpoint(std::string_view name) const;
  // The priority Azure gets for endpoints[index]: the written one, else its
  // position (1-based), so every endpoint has one and the order is stable.
  int64_t priority(size_t index) const;
};

enum class RegistrySku { kBasic, kStandard, kPremium };
const char* to_string(RegistrySku sku);  // Azure's spelling: Basic, Standard, Premium

// `registry "name" { ... }`: an Azure Container Registry in the location of
// its home region, geo-replicated to `replicas`.
struct Registry {
  std::string name;
  Location location;          // the label
  Sourced<std::string> home;  // region key (required)
  Sourced<RegistrySku> sku;
  // Azure location names as written, normalised; duplicates and the home
  // location are kept for rules S031 and S032 to report.
  std::vector<Sourced<std::string>> replicas;
  // Default: on where the home location has availability zones.
  Sourced<bool> zone_redundant;

  // Whether region `r` reaches the registry through a private endpoint of
  // its own: the home region, and every region whose AKS cluster or
  // Container Apps pull.
  bool reached_from(const Region& r) const;
  // The locations Azure is asked to replicate to, sorted as azurerm expects
  // its `georeplications` blocks: each once, never `home`'s location (rules
  // S031 and S032 report those).
  std::vector<std::string> replica_locations(const Region& home) const;
};

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

  const Boundary* find_boundary(std::string_view name) const;
  const Region* find_region(std::string_view key) const;
  // Regions whose boundary is `boundary`, in declaration order.
  std::vector<const Region*> regions_in(size_t boundary) const;
  // The peered pairs of regional VNets, each once, the earlier-declared
  // region first, in declaration order: every boundary's pairs by its
  // `peering`. A hub that is not a region of the boundary peers nothing
  // (rule N006).
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
