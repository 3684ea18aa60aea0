// The per-construct readers behind build_model(), one file each.
#pragma once

#include "compiler/model/reader.h"

namespace topoc::model {

void read_boundary(BlockReader& r, Boundary& out);
void read_region(BlockReader& r, Region& out);
void read_tenant(BlockReader& r, Tenant& out);
// read_tenant for the tenant nearly every large topology repeats thousands of
// times, `tenant "acme" { residency = eu  home = weu }`: `residency` and
// `home`, each at most once, as names. Reads it without a BlockReader and
// returns true; returns false, having set nothing, for any other body (or
// while a ReaderObserver listens), which read_tenant then reads and reports.
bool read_plain_tenant(const ReadContext& ctx, const dsl::Node& block, Tenant& out);
void read_postgres(BlockReader& r, Postgres& out);
// The `storage` block's data protection settings (replication is read by
// the region, whose location its default depends on).
void read_storage(BlockReader& r, Storage& out);
// `data = personal | non-personal` of a Cosmos DB or storage container;
// personal unless written.
void read_data_class(BlockReader& r, Sourced<DataClass>& out);
void read_servicebus(BlockReader& r, ServiceBus& out);
void read_app_service(BlockReader& r, AppService& out);
// `location`: the region's, which the default redundancy depends on.
void read_backup(BlockReader& r, Backup& out, std::string_view location);
// GRS where the Azure pair shares the location's geography, else ZRS with
// zones and LRS without (keep_default_storage_in_boundary narrows it to the
// boundary).
BackupRedundancy default_backup_redundancy(std::string_view location);
void read_container_apps(BlockReader& r, ContainerApps& out);
void read_automation(BlockReader& r, Automation& out);
void read_api_management(BlockReader& r, ApiManagement& out);
void read_cosmos(BlockReader& r, Cosmos& out, DeploymentMode mode);
void read_frontdoor(BlockReader& r, FrontDoor& out, std::string_view topology_name);
void read_alerts(BlockReader& r, Alerts& out);
void read_naming(BlockReader& r, Naming& out);
// `zones = [1, 2, 3]` of a node pool or an API Management service; whether
// the location has zones is a rule's to judge.
void read_zones(BlockReader& r, Sourced<std::vector<std::string>>& out);
// `renamed_from = "old"` of a region (rule L001 checks it against the others).
void read_renamed_from(BlockReader& r, Region& region);

// Defaults that depend on the whole topology (which services exist).
void add_default_alerts(Topology& t);
// `shared_endpoint`: the region reaches an estate-wide service (a Cosmos DB
// account, a container registry) through a private endpoint of its own.
// `api_management_addresses`: the addresses the subnet of an API Management
// gateway injected into the region's VNet needs; 0 for none.
void carve_default_subnets(Region& region, bool shared_endpoint,
                           int64_t api_management_addresses);
// Storage without `replication`, and a Backup vault without `redundancy`, is
// geo-redundant only where the Azure pair is inside the region's boundary too
// (R004 and R011 would refuse it otherwise). Runs
// once every region's boundary is resolved.
void keep_default_storage_in_boundary(Topology& t);
// Azure OpenAI without `deployment` takes the narrowest deployment type that
// offers every model of the account in its location (per the availability
// catalogue) and keeps prompts inside the region's boundary (R005); when none
// does, `standard`, and A006 or R005 says why; or, when neither `services`
// nor an `openai` block asked for the account, no account at all. Runs once
// every region's boundary is resolved, before the defaults that depend on
// which services remain (alerts, subnets).
void choose_default_openai_deployments(Topology& t);

// M014-M016: the tags every resource gets, within Azure's limits. `tags` is
// the topology's `tags` block, if written.
void check_tag_limits(const ReadContext& ctx, const dsl::Node* tags, const Topology& t);
// M017: the topology name (when `named`, i.e. labelled) and the environment
// are safe as a path segment and a state key. An environment that is not
// goes on as the default, so later rules do not report it again.
void check_path_names(const ReadContext& ctx, Topology& t, bool named);

// `traffic_manager "name" { ... }`, and the references between profiles,
// endpoints and regions once every block is read.
void read_traffic_manager(BlockReader& r, TrafficManager& out);
void read_dns_zone(BlockReader& r, DnsZone& out);
void resolve_traffic_managers(const ReadContext& ctx, const Topology& t);

// `registry "name" { ... }`; once every region is read, its `home` and the
// defaults that depend on the home location.
void read_registry(BlockReader& r, Registry& out);
void resolve_registries(const ReadContext& ctx, Topology& t);

}  // namespace topoc::model
