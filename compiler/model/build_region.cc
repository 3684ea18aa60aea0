// Boundaries, regions and tenants.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/catalog/availability_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

// Stands in for a service block the user did not write, so defaults come from one place.
const dsl::Node kEmptyBlock;

bool has_key(const dsl::Node& block, std::string_view key) {
  return std::any_of(block.body.begin(), block.body.end(),
                     [&](const dsl::Node& n) { return n.key == key; });
}

constexpr Choice<Service> kServices[] = {
    {"aks", Service::kAks},         {"ai_search", Service::kAiSearch},
    {"openai", Service::kOpenAI},   {"storage", Service::kStorage},
    {"redis", Service::kRedis},     {"keyvault", Service::kKeyVault},
    {"monitoring", Service::kMonitoring},
    {"postgres", Service::kPostgres},
    {"servicebus", Service::kServiceBus},
    {"backup", Service::kBackup},
    {"app_service", Service::kAppService},
    {"container_apps", Service::kContainerApps},
    {"automation", Service::kAutomation},
    {"api_management", Service::kApiManagement},
};

// "services are aks, ai_search, ... and container_apps".
std::string services_help() {
  std::string out = "services are ";
  for (size_t i = 0; i < std::size(kServices); ++i) {
    if (i > 0) out += i + 1 == std::size(kServices) ? " and " : ", ";
    out += kServices[i].spelling;
  }
  return out;
}

constexpr Choice<OpenAIDeployment> kDeployments[] = {
    {"standard", OpenAIDeployment::kStandard},
    {"data-zone", OpenAIDeployment::kDataZone},
    {"global", OpenAIDeployment::kGlobal},
    {"Standard", OpenAIDeployment::kStandard},
    {"DataZoneStandard", OpenAIDeployment::kDataZone},
    {"GlobalStandard", OpenAIDeployment::kGlobal},
};

constexpr Choice<RedisPersistence> kRedisPersistence[] = {
    {"none", RedisPersistence::kNone},
    {"rdb", RedisPersistence::kRdb},
    {"aof", RedisPersistence::kAof},
};

constexpr Choice<StorageReplication> kReplications[] = {
    {"LRS", StorageReplication::kLRS},     {"ZRS", StorageReplication::kZRS},
    {"GRS", StorageReplication::kGRS},     {"RAGRS", StorageReplication::kRAGRS},
    {"GZRS", StorageReplication::kGZRS},   {"RAGZRS", StorageReplication::kRAGZRS},
};

constexpr Choice<std::string_view> kNetworkPolicies[] = {
    {"azure", "azure"}, {"calico", "calico"}, {"cilium", "cilium"}};
constexpr Choice<std::string_view> kSearchSkus[] = {
    {"basic", "basic"},           {"standard", "standard"},
    {"standard2", "standard2"},   {"standard3", "standard3"},
    {"storage_optimized_l1", "storage_optimized_l1"},
    {"storage_optimized_l2", "storage_optimized_l2"},
};
// Azure Cache for Redis tiers (lower case, as they always were), then the
// Azure Managed Redis SKUs by their Azure names: azurerm v4.55.0
// managedredis/validate/managed_redis_sku.go, the redisenterprise 2025-07-01
// SKU names without the Enterprise_ and EnterpriseFlash_ ones it refuses.
constexpr Choice<std::string_view> kRedisSkus[] = {
    {"basic", "Basic"},
    {"standard", "Standard"},
    {"premium", "Premium"},
    {"Balanced_B0", "Balanced_B0"},
    {"Balanced_B1", "Balanced_B1"},
    {"Balanced_B3", "Balanced_B3"},
    {"Balanced_B5", "Balanced_B5"},
    {"Balanced_B10", "Balanced_B10"},
    {"Balanced_B20", "Balanced_B20"},
    {"Balanced_B50", "Balanced_B50"},
    {"Balanced_B100", "Balanced_B100"},
    {"Balanced_B150", "Balanced_B150"},
    {"Balanced_B250", "Balanced_B250"},
    {"Balanced_B350", "Balanced_B350"},
    {"Balanced_B500", "Balanced_B500"},
    {"Balanced_B700", "Balanced_B700"},
    {"Balanced_B1000", "Balanced_B1000"},
    {"ComputeOptimized_X3", "ComputeOptimized_X3"},
    {"ComputeOptimized_X5", "ComputeOptimized_X5"},
    {"ComputeOptimized_X10", "ComputeOptimized_X10"},
    {"ComputeOptimized_X20", "ComputeOptimized_X20"},
    {"ComputeOptimized_X50", "ComputeOptimized_X50"},
    {"ComputeOptimized_X100", "ComputeOptimized_X100"},
    {"ComputeOptimized_X150", "ComputeOptimized_X150"},
    {"ComputeOptimized_X250", "ComputeOptimized_X250"},
    {"ComputeOptimized_X350", "ComputeOptimized_X350"},
    {"ComputeOptimized_X500", "ComputeOptimized_X500"},
    {"ComputeOptimized_X700", "ComputeOptimized_X700"},
    {"MemoryOptimized_M10", "MemoryOptimized_M10"},
    {"MemoryOptimized_M20", "MemoryOptimized_M20"},
    {"MemoryOptimized_M50", "MemoryOptimized_M50"},
    {"MemoryOptimized_M100", "MemoryOptimized_M100"},
    {"MemoryOptimized_M150", "MemoryOptimized_M150"},
    {"MemoryOptimized_M250", "MemoryOptimized_M250"},
    {"MemoryOptimized_M350", "MemoryOptimized_M350"},
    {"MemoryOptimized_M500", "MemoryOptimized_M500"},
    {"MemoryOptimized_M700", "MemoryOptimized_M700"},
    {"MemoryOptimized_M1000", "MemoryOptimized_M1000"},
    {"MemoryOptimized_M1500", "MemoryOptimized_M1500"},
    {"MemoryOptimized_M2000", "MemoryOptimized_M2000"},
    {"FlashOptimized_A250", "FlashOptimized_A250"},
    {"FlashOptimized_A500", "FlashOptimized_A500"},
    {"FlashOptimized_A700", "FlashOptimized_A700"},
    {"FlashOptimized_A1000", "FlashOptimized_A1000"},
    {"FlashOptimized_A1500", "FlashOptimized_A1500"},
    {"FlashOptimized_A2000", "FlashOptimized_A2000"},
    {"FlashOptimized_A4500", "FlashOptimized_A4500"},
};
// A `redis` block that names no Azure Cache for Redis tier runs Azure
// Managed Redis: Azure retires Basic, Standard and Premium caches on
// 2028-09-30 (dsl/README.md). Balanced_B3 is the smallest size that can join
// an active geo-replication group (azurerm v4.55.0
// SKUsSupportingGeoReplication leaves out B0 and B1).
constexpr std::string_view kManagedRedisDefaultSku = "Balanced_B3";
constexpr Choice<std::string_view> kKeyVaultSkus[] = {{"standard", "standard"}, {"premium", "premium"}};

std::vector<std::string> zones_for(std::string_view location) {
  const catalog::RegionInfo* info = catalog::find_region(location);
  if (info && !info->zones) return {};
  return {"1", "2", "3"};
}

void read_pool(BlockReader& r, NodePool& pool) {
  r.name("vm", pool.vm_size);
  r.integer("min", pool.min_count, 0, 1000);
  r.integer("max", pool.max_count, 1, 1000);
  read_zones(r, pool.zones);
  Sourced<int64_t> disk{pool.os_disk_gb}, pods{pool.max_pods};
  if (r.integer("os_disk_gb", disk, 30, 2048)) pool.os_disk_gb = disk.value;
  if (r.integer("max_pods", pods, 10, 250)) pool.max_pods = pods.value;
  std::vector<Sourced<std::string>> taints;
  if (r.names("taints", taints)) {
    for (auto& taint : taints) pool.taints.push_back(taint.value);
  }
  if (const dsl::Node* labels = r.block("labels")) {
    for (const dsl::Node& n : labels->body) {
      if (n.is_block || n.value.kind == dsl::ValueKind::kList) {
        r.context().report(Kind::WrongValueType, n.key_span,
                           fmt::format("node label `{}` must be `{} = \"value\"`", n.key, n.key));
        continue;
      }
      auto v = read_name(r.context(), n.value, n.key);
      if (v && !pool.labels.emplace(n.key, *v).second) {
        r.context().report(Kind::Duplicate, n.key_span, fmt::format("node label `{}` is set twice", n.key));
      }
    }
  }
  if (pool.min_count.value > pool.max_count.value) {
    r.context()
        .sink->report(Kind::OutOfRange, pool.min_count.explicit_ ? pool.min_count.location : r.where(),
                      fmt::format("node pool `{}` has min {} above max {}", pool.name,
                                  pool.min_count.value, pool.max_count.value));
  }
}

void read_aks(BlockReader& r, Aks& aks, std::string_view location) {
  aks.location = r.where();
  r.string("version", aks.kubernetes_version);
  aks.network_policy.value = "calico";
  choice_string(r, "network_policy", aks.network_policy, kNetworkPolicies);
  aks.private_cluster.value = true;
  r.boolean("private", aks.private_cluster);
  aks.service_cidr.value = "172.16.0.0/16";
  aks.dns_service_ip.value = "172.16.0.10";
  auto zones = zones_for(location);
  aks.system_pool = {"system", r.where(), {"Standard_D4s_v5"}, {3}, {10}, {zones}, {}, {}, 128, 50};
  aks.system_pool.labels["tier"] = "system";
  if (const dsl::Node* n = r.block("system")) {
    BlockReader pr(*n, r.context());
    aks.system_pool.location = pr.where();
    read_pool(pr, aks.system_pool);
    pr.finish();
  }
  auto pools = r.blocks("pool");
  for (const dsl::Node* n : pools) {
    auto label = single_label(r.context(), *n, "pool \"workers\" { vm = Standard_D8s_v5 }");
    if (!label) continue;
    NodePool pool{*label, r.context().at(n->labels[0].span), {"Standard_D8s_v5"}, {2}, {20},
                  {zones}, {}, {}, 128, 50};
    BlockReader pr(*n, r.context());
    read_pool(pr, pool);
    pr.finish();
    // Pool names key the for_each that creates the pools: a second pool of
    // the same name would replace the first. (A user pool named like the
    // system pool is X002, a clash of generated names.)
    auto first = std::find_if(aks.user_pools.begin(), aks.user_pools.end(),
                              [&](const NodePool& other) { return other.name == pool.name; });
    if (first != aks.user_pools.end()) {
      r.context()
          .sink->report(Kind::Duplicate, pool.location,
                        fmt::format("node pool `{}` is declared twice", pool.name))
          .notes.push_back({first->location, "first declared here"});
      continue;
    }
    aks.user_pools.push_back(std::move(pool));
  }
  if (pools.empty()) {
    aks.user_pools.push_back({"workload", r.where(), {"Standard_D8s_v5"}, {2}, {20}, {zones},
                              {{"tier", "workload"}}, {}, 128, 50});
  }
}

void read_openai(BlockReader& r, OpenAI& ai, const Sourced<std::string>& region_location) {
  ai.location_of_block = r.where();
  ai.location = region_location;
  ai.location.explicit_ = false;
  r.location("location", ai.location);
  ai.deployment.value = OpenAIDeployment::kStandard;
  r.choice<OpenAIDeployment>("deployment", ai.deployment, kDeployments);
  for (const dsl::Node* n : r.blocks("model")) {
    auto label = single_label(r.context(), *n, "model \"gpt-4o\" { version = \"2024-11-20\" }");
    if (!label) continue;
    OpenAIModel m;
    m.name = *label;
    m.location = r.context().at(n->labels[0].span);
    m.deployment_name = m.name;
    m.capacity.value = 50;
    BlockReader mr(*n, r.context());
    if (!mr.string("version", m.version)) {
      r.context().sink->report(Kind::MissingAttribute, m.location,
                               fmt::format("model `{}` needs `version = \"...\"`", m.name));
    }
    mr.integer("capacity", m.capacity, 1, 100000);
    Sourced<std::string> deployment_name;
    if (mr.name("name", deployment_name)) m.deployment_name = deployment_name.value;
    mr.finish();
    ai.models.push_back(std::move(m));
  }
  if (ai.models.empty()) {
    ai.models.push_back({"gpt-4o", r.where(), {"2024-11-20"}, {50}, "gpt-4o"});
    ai.models.push_back({"text-embedding-3-large", r.where(), {"1"}, {50}, "text-embedding-3-large"});
  }
}

StorageReplication default_replication(std::string_view location) {
  const catalog::RegionInfo* info = catalog::find_region(location);
  if (!info) return StorageReplication::kLRS;
  const catalog::RegionInfo* pair = catalog::find_region(info->paired);
  // Geo-redundancy by default only when the pair keeps data in the same geography.
  bool geo = pair && pair->geography == info->geography;
  if (geo) return info->zones ? StorageReplication::kGZRS : StorageReplication::kGRS;
  return info->zones ? StorageReplication::kZRS : StorageReplication::kLRS;
}

}  // namespace

void read_zones(BlockReader& r, Sourced<std::vector<std::string>>& out) {
  const dsl::Node* n = r.attribute("zones");
  if (!n) return;
  if (n->value.kind != dsl::ValueKind::kList) {
    r.context().report(Kind::WrongValueType, n->value.span,
                       "`zones` expects a list like [1, 2, 3]");
    return;
  }
  std::vector<std::string> zones;
  for (const dsl::Value& v : n->value.items) {
    if (v.kind != dsl::ValueKind::kNumber || (v.number != 1 && v.number != 2 && v.number != 3)) {
      r.context().report(Kind::InvalidValue, v.span, "availability zones are 1, 2 and 3");
      return;
    }
    zones.push_back(fmt::format("{}", v.number));
  }
  out = {zones, r.context().at(n->value.span), true};
}

std::vector<std::string_view> service_spellings() {
  std::vector<std::string_view> out;
  for (const auto& c : kServices) out.push_back(c.spelling);
  return out;
}

std::optional<Service> service_spelled(std::string_view spelling) {
  for (const auto& c : kServices) {
    if (c.spelling == spelling) return c.value;
  }
  return std::nullopt;
}

constexpr Choice<Peering> kPeerings[] = {
    {"mesh", Peering::kMesh},
    {"hub", Peering::kHub},
    {"none", Peering::kNone},
};

void read_boundary(BlockReader& r, Boundary& b) {
  const ReadContext& ctx = r.context();
  r.choice<Peering>("peering", b.peering, kPeerings);
  r.name("hub", b.hub);
  r.name("application_insights", b.application_insights);
  if (b.peering.value == Peering::kHub && !b.hub.explicit_) {
    ctx.sink
        ->report(Kind::MissingAttribute, b.peering.location,
                 fmt::format("boundary `{}` sets `peering = hub` but names no hub region", b.name))
        .help =
        "add `hub = <region key>`, the region every other region of the boundary peers with";
  }
  if (r.name("geography", b.geography)) {
    auto geographies = catalog::all_geographies();
    if (std::find(geographies.begin(), geographies.end(), b.geography.value) == geographies.end()) {
      report_choice(ctx, b.geography.location.span, "geography", b.geography.value, geographies);
      b.geography = {};
    }
  }
  const dsl::Node* list = r.attribute("locations");
  if (list && list->value.kind == dsl::ValueKind::kList) {
    for (const dsl::Value& v : list->value.items) {
      if (auto loc = read_location(ctx, v)) b.explicit_locations.push_back({*loc, ctx.at(v.span), true});
    }
  } else if (list) {
    ctx.report(Kind::WrongValueType, list->value.span,
               "`locations` expects a list like [westeurope, northeurope]");
  }
  if (!has_key(r.node(), "geography") && !list) {
    ctx.sink->report(Kind::MissingAttribute, b.location,
                     fmt::format("boundary `{}` needs `geography = ...` or `locations = [...]`",
                                 b.name))
        .help = "for example `geography = eu-data-boundary` or `geography = united-states`";
  }
  if (!b.explicit_locations.empty()) {
    for (const auto& l : b.explicit_locations) b.allowed_locations.push_back(l.value);
  } else if (b.geography.explicit_) {
    for (std::string_view name : catalog::regions_in_geography(b.geography.value)) {
      b.allowed_locations.emplace_back(name);
    }
  }
  std::sort(b.allowed_locations.begin(), b.allowed_locations.end());
  b.allowed_locations.erase(std::unique(b.allowed_locations.begin(), b.allowed_locations.end()),
                            b.allowed_locations.end());
}

void read_region(BlockReader& r, Region& region) {
  const ReadContext& ctx = r.context();
  if (!r.location("location", region.location) && !has_key(r.node(), "location")) {
    ctx.sink->report(Kind::MissingAttribute, region.location_of_block,
                     fmt::format("region `{}` needs `location = ...` (an Azure location such as "
                                 "westeurope)",
                                 region.key));
  }
  r.name("boundary", region.boundary_name);
  read_renamed_from(r, region);
  r.location("failover", region.failover);
  if (!r.cidr("address", region.address_space) && !has_key(r.node(), "address")) {
    ctx.sink->report(Kind::MissingAttribute, region.location_of_block,
                     fmt::format("region `{}` needs `address = ...`, its VNet address space "
                                 "(e.g. 10.1.0.0/16)",
                                 region.key));
  }
  std::vector<Sourced<std::string>> service_names;
  bool listed = r.names("services", service_names);
  if (listed) {
    std::vector<std::string_view> spellings;
    for (const auto& c : kServices) spellings.push_back(c.spelling);
    for (const auto& s : service_names) {
      auto it = std::find_if(std::begin(kServices), std::end(kServices),
                             [&](const auto& c) { return c.spelling == s.value; });
      if (it == std::end(kServices)) {
        auto& d = ctx.sink->report(Kind::UnknownService, s.location,
                                   fmt::format("unknown service `{}`{}", s.value,
                                               diag::did_you_mean(s.value, spellings)));
        d.help = services_help();
        if (auto best = diag::closest(s.value, spellings)) d.fixit = diag::FixIt{s.location, *best};
        continue;
      }
      if (region.has(it->value)) {
        ctx.sink->report(Kind::Duplicate, s.location, fmt::format("service `{}` is listed twice", s.value));
        continue;
      }
      region.services.push_back({it->value, s.location, true});
    }
  } else {
    // Without a list a region runs every service Azure offers in its location
    // (the availability catalogue). A block written for a service asks for it
    // anyway, and A007 reports it if the location lacks it.
    for (const auto& c : kServices) {
      std::string_view block_key = c.value == Service::kAiSearch ? "search" : c.spelling;
      // A database server, a message broker, a backup vault, App Service,
      // Container Apps, an Automation account or API Management are never
      // implied: each runs where asked for.
      bool on_request = c.value == Service::kPostgres || c.value == Service::kServiceBus ||
                        c.value == Service::kBackup || c.value == Service::kAppService ||
                        c.value == Service::kContainerApps || c.value == Service::kAutomation ||
                        c.value == Service::kApiManagement;
      if (on_request && !has_key(r.node(), block_key)) continue;
      if (!has_key(r.node(), block_key) &&
          !catalog::service_offered(c.spelling, region.location.value)) {
        continue;
      }
      region.services.push_back({c.value, region.location_of_block, false});
    }
  }

  // A service block configures a service; it must be one the region runs.
  auto service_block = [&](std::string_view key, Service service) -> const dsl::Node* {
    const dsl::Node* n = r.block(key);
    if (n && !region.has(service)) {
      ctx.report(Kind::UnknownKey, n->key_span,
                 fmt::format("`{}` configures a service region `{}` does not run; add `{}` to "
                             "`services`",
                             key, region.key, to_string(service)));
      return nullptr;
    }
    return n;
  };
  const std::string& loc = region.location.value;
  if (region.has(Service::kAks)) {
    region.aks.emplace();
    if (const dsl::Node* n = service_block("aks", Service::kAks)) {
      BlockReader br(*n, ctx);
      read_aks(br, *region.aks, loc);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_aks(empty, *region.aks, loc);
      region.aks->location = region.location_of_block;
    }
  } else {
    service_block("aks", Service::kAks);
  }
  if (region.has(Service::kAiSearch)) {
    region.search.emplace();
    region.search->location = region.location_of_block;
    region.search->sku.value = "standard";
    region.search->replicas.value = 2;
    region.search->partitions.value = 1;
    if (const dsl::Node* n = service_block("search", Service::kAiSearch)) {
      BlockReader br(*n, ctx);
      region.search->location = br.where();
      choice_string(br, "sku", region.search->sku, kSearchSkus);
      br.integer("replicas", region.search->replicas, 1, 12);
      br.integer("partitions", region.search->partitions, 1, 12);
      br.finish();
    }
  } else {
    service_block("search", Service::kAiSearch);
  }
  if (region.has(Service::kOpenAI)) {
    region.openai.emplace();
    if (const dsl::Node* n = service_block("openai", Service::kOpenAI)) {
      BlockReader br(*n, ctx);
      region.openai->block_written = true;
      read_openai(br, *region.openai, region.location);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_openai(empty, *region.openai, region.location);
      region.openai->location_of_block = region.location_of_block;
    }
  } else {
    service_block("openai", Service::kOpenAI);
  }
  if (region.has(Service::kRedis)) {
    Redis redis;
    redis.location = region.location_of_block;
    redis.sku.value = kManagedRedisDefaultSku;
    redis.capacity.value = 2;
    redis.high_availability.value = true;
    redis.rdb_frequency.value = 60;
    if (const dsl::Node* n = service_block("redis", Service::kRedis)) {
      BlockReader br(*n, ctx);
      redis.location = br.where();
      choice_string(br, "sku", redis.sku, kRedisSkus);
      br.integer("capacity", redis.capacity, 0, 6);
      br.location("geo_replica", redis.geo_replica);
      br.integer("shards", redis.shards, 1, 10);
      br.boolean("high_availability", redis.high_availability);
      br.name("geo_replication", redis.geo_replication);
      br.choice<RedisPersistence>("persistence", redis.persistence, kRedisPersistence);
      // Stored in minutes; rule S023 checks it against the frequencies Azure offers.
      Sourced<int64_t> seconds;
      if (br.duration("rdb_frequency", seconds)) {
        redis.rdb_frequency = seconds;
        redis.rdb_frequency.value = seconds.value / 60;
        if (seconds.value % 60 != 0) redis.rdb_frequency.value = -1;
      }
      br.finish();
    }
    if (redis.managed()) {
      for (Sourced<Service>& s : region.services) {
        if (s.value == Service::kRedis) s.value = Service::kManagedRedis;
      }
      region.managed_redis = std::move(redis);
    } else {
      region.redis = std::move(redis);
    }
  } else {
    service_block("redis", Service::kRedis);
  }
  if (region.has(Service::kStorage)) {
    region.storage.emplace();
    region.storage->location = region.location_of_block;
    region.storage->replication.value = default_replication(loc);
    if (const dsl::Node* n = service_block("storage", Service::kStorage)) {
      BlockReader br(*n, ctx);
      region.storage->location = br.where();
      br.choice<StorageReplication>("replication", region.storage->replication, kReplications);
      if (const dsl::Node* ev = br.block("events")) {
        expect_no_labels(ctx, *ev);
        StorageEvents events;
        events.location = ctx.at(ev->key_span);
        BlockReader er(*ev, ctx);
        er.name("blob_created", events.blob_created);
        er.finish();
        if (events.blob_created.explicit_) region.storage->events = std::move(events);
      }
      read_storage(br, *region.storage);
      br.finish();
    }
  } else {
    service_block("storage", Service::kStorage);
  }
  if (region.has(Service::kKeyVault)) {
    region.keyvault.emplace();
    region.keyvault->location = region.location_of_block;
    region.keyvault->sku.value = "standard";
    region.keyvault->soft_delete_days.value = 90;
    region.keyvault->purge_protection.value = true;
    if (const dsl::Node* n = service_block("keyvault", Service::kKeyVault)) {
      BlockReader br(*n, ctx);
      region.keyvault->location = br.where();
      choice_string(br, "sku", region.keyvault->sku, kKeyVaultSkus);
      Sourced<int64_t> seconds;
      if (br.duration("soft_delete", seconds)) {
        // Key Vault keeps deleted vaults 7 to 90 days.
        if (seconds.value % 86400 != 0 || seconds.value < 7 * 86400 || seconds.value > 90 * 86400) {
          ctx.sink->report(Kind::OutOfRange, seconds.location,
                           "`soft_delete` must be a whole number of days from 7d to 90d");
        } else {
          region.keyvault->soft_delete_days = {seconds.value / 86400, seconds.location, true};
        }
      }
      br.boolean("purge_protection", region.keyvault->purge_protection);
      br.finish();
    }
  } else {
    service_block("keyvault", Service::kKeyVault);
  }
  if (region.has(Service::kMonitoring)) {
    region.monitoring.emplace();
    region.monitoring->location = region.location_of_block;
    region.monitoring->retention_days.value = 30;
    if (const dsl::Node* n = service_block("monitoring", Service::kMonitoring)) {
      BlockReader br(*n, ctx);
      region.monitoring->location = br.where();
      Sourced<int64_t> seconds;
      if (br.duration("retention", seconds)) {
        // Log Analytics retention: 30 to 730 days.
        if (seconds.value % 86400 != 0 || seconds.value < 30 * 86400 || seconds.value > 730 * 86400) {
          ctx.sink->report(Kind::OutOfRange, seconds.location,
                           "`retention` must be a whole number of days from 30d to 730d");
        } else {
          region.monitoring->retention_days = {seconds.value / 86400, seconds.location, true};
        }
      }
      br.boolean("diagnostics", region.monitoring->diagnostics);
      br.name("logs_to", region.monitoring->logs_to);
      br.finish();
    }
  } else {
    service_block("monitoring", Service::kMonitoring);
  }
  if (region.has(Service::kPostgres)) {
    region.postgres.emplace();
    if (const dsl::Node* n = service_block("postgres", Service::kPostgres)) {
      BlockReader br(*n, ctx);
      read_postgres(br, *region.postgres);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_postgres(empty, *region.postgres);
      region.postgres->location = region.location_of_block;
    }
  } else {
    service_block("postgres", Service::kPostgres);
  }
  if (region.has(Service::kServiceBus)) {
    region.servicebus.emplace();
    if (const dsl::Node* n = service_block("servicebus", Service::kServiceBus)) {
      BlockReader br(*n, ctx);
      read_servicebus(br, *region.servicebus);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_servicebus(empty, *region.servicebus);
      region.servicebus->location = region.location_of_block;
    }
  } else {
    service_block("servicebus", Service::kServiceBus);
  }
  if (region.has(Service::kBackup)) {
    region.backup.emplace();
    if (const dsl::Node* n = service_block("backup", Service::kBackup)) {
      BlockReader br(*n, ctx);
      read_backup(br, *region.backup, loc);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_backup(empty, *region.backup, loc);
      region.backup->location = region.location_of_block;
    }
  } else {
    service_block("backup", Service::kBackup);
  }
  if (region.has(Service::kAppService)) {
    region.app_service.emplace();
    if (const dsl::Node* n = service_block("app_service", Service::kAppService)) {
      BlockReader br(*n, ctx);
      read_app_service(br, *region.app_service);
      br.finish();
    } else {
      BlockReader empty(kEmptyBlock, ctx);
      read_app_service(empty, *region.app_service);
      region.app_service->location = region.location_of_block;
    }
  } else {
    service_block("app_service", Service::kAppService);
  }
  if (region.has(Service::kContainerApps)) {
    region.container_apps.emplace();
    region.container_apps->location = region.location_of_block;
    if (const dsl::Node* n = service_block("container_apps", Service::kContainerApps)) {
      BlockReader br(*n, ctx);
      read_container_apps(br, *region.container_apps);
      br.finish();
    }
  } else {
    service_block("container_apps", Service::kContainerApps);
  }
  if (region.has(Service::kAutomation)) {
    region.automation.emplace();
    region.automation->location = region.location_of_block;
    if (const dsl::Node* n = service_block("automation", Service::kAutomation)) {
      BlockReader br(*n, ctx);
      read_automation(br, *region.automation);
      br.finish();
    }
  } else {
    service_block("automation", Service::kAutomation);
  }
  if (region.has(Service::kApiManagement)) {
    region.api_management.emplace();
    region.api_management->location = region.location_of_block;
    if (const dsl::Node* n = service_block("api_management", Service::kApiManagement)) {
      BlockReader br(*n, ctx);
      read_api_management(br, *region.api_management);
      br.finish();
    } else {
      ctx.sink
          ->report(Kind::MissingAttribute, region.location_of_block,
                   fmt::format("region `{}` runs `api_management` but has no `api_management` "
                               "block naming its publisher",
                               region.key))
          .help = "write `api_management { publisher_name = \"Contoso\"  publisher_email = "
                  "\"api@contoso.com\" }`";
    }
  } else {
    service_block("api_management", Service::kApiManagement);
  }
  DuplicateNames subnet_names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("subnet")) {
    auto label = single_label(ctx, *n, "subnet \"aks\" { address = 10.1.0.0/18 }");
    if (!label) continue;
    Subnet subnet;
    subnet.name = *label;
    subnet.location = ctx.at(n->labels[0].span);
    BlockReader sr(*n, ctx);
    if (!sr.cidr("address", subnet.address) && !has_key(*n, "address")) {
      ctx.sink->report(Kind::MissingAttribute, subnet.location,
                       fmt::format("subnet `{}` needs `address = ...`", subnet.name));
    }
    sr.finish();
    subnet_names.declare(subnet.name, subnet.location,
                         [&] { return fmt::format("subnet `{}` is declared twice", subnet.name); });
    region.subnets.push_back(std::move(subnet));
  }
}

void read_tenant(BlockReader& r, Tenant& tenant) {
  r.name("residency", tenant.residency);
  r.name("home", tenant.home);
}

bool read_plain_tenant(const ReadContext& ctx, const dsl::Node& block, Tenant& tenant) {
  if (observing_readers()) return false;  // the language server learns the keys from the reader
  const dsl::Node* residency = nullptr;
  const dsl::Node* home = nullptr;
  for (const dsl::Node& item : block.body) {
    if (item.is_block || !item.labels.empty()) return false;
    if (item.value.kind != dsl::ValueKind::kIdentifier &&
        item.value.kind != dsl::ValueKind::kString) {
      return false;
    }
    const dsl::Node** slot = item.key == "residency" ? &residency
                             : item.key == "home"    ? &home
                                                     : nullptr;
    if (!slot || *slot) return false;  // an unknown key or a second one: the reader reports it
    *slot = &item;
  }
  // What read_tenant's BlockReader::name calls set for these values.
  for (auto [item, out] : {std::pair{residency, &tenant.residency}, {home, &tenant.home}}) {
    if (!item) continue;
    out->value = item->value.text;
    out->location = ctx.at(item->value.span);
    out->explicit_ = true;
  }
  return true;
}

// The subnets every region gets unless written: `aks` takes the first half
// of the address space (Azure CNI gives every pod a VNet address), then
// `endpoints` (private endpoints) and `ingress` (the internal load balancer
// Front Door reaches through Private Link) take a sixteenth each.
void keep_default_storage_in_boundary(Topology& t) {
  for (Region& region : t.regions) {
    if (!region.storage || region.storage->replication.explicit_ ||
        !is_geo_redundant(region.storage->replication.value)) {
      continue;
    }
    const Boundary* boundary = t.find_boundary(region.boundary_name.value);
    if (!boundary || boundary->allowed_locations.empty()) continue;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info) continue;
    if (boundary->allows(info->paired)) continue;
    region.storage->replication.value = info->zones ? StorageReplication::kZRS : StorageReplication::kLRS;
  }
  // A Backup vault's default is geo-redundant on the same terms.
  for (Region& region : t.regions) {
    if (!region.backup || region.backup->redundancy.explicit_ ||
        region.backup->redundancy.value != BackupRedundancy::kGRS) {
      continue;
    }
    const Boundary* boundary = t.find_boundary(region.boundary_name.value);
    if (!boundary || boundary->allowed_locations.empty()) continue;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    if (!info || boundary->allows(info->paired)) continue;
    region.backup->redundancy.value = info->zones ? BackupRedundancy::kZRS : BackupRedundancy::kLRS;
  }
}

void choose_default_openai_deployments(Topology& t) {
  constexpr OpenAIDeployment kNarrowestFirst[] = {
      OpenAIDeployment::kStandard, OpenAIDeployment::kDataZone, OpenAIDeployment::kGlobal};
  for (Region& region : t.regions) {
    if (!region.openai || region.openai->deployment.explicit_) continue;
    OpenAI& ai = *region.openai;
    const Boundary* boundary = t.find_boundary(region.boundary_name.value);
    // Without a resolved boundary there is nothing to keep prompts in: stay regional.
    if (!boundary || boundary->allowed_locations.empty()) continue;
    const std::string& account = ai.location.value;
    auto offers_every_model = [&](OpenAIDeployment d) {
      return std::all_of(ai.models.begin(), ai.models.end(), [&](const OpenAIModel& m) {
        return !catalog::openai_model_known(m.name, m.version.value) ||
               catalog::openai_model_offered(m.name, m.version.value, to_string(d), account);
      });
    };
    bool chosen = false;
    for (OpenAIDeployment d : kNarrowestFirst) {
      if (boundary->keeps_processing(d, account) && offers_every_model(d)) {
        ai.deployment.value = d;
        chosen = true;
        break;
      }
    }
    // Nobody asked for this account (no `services` list, no `openai` block)
    // and its default models cannot be deployed here inside the boundary:
    // the region runs without it, as it does where Azure OpenAI is not offered.
    bool asked =
        ai.block_written || std::any_of(region.services.begin(), region.services.end(),
                                        [](const Sourced<Service>& s) { return s.explicit_; });
    if (!chosen && !asked) {
      region.openai.reset();
      std::erase_if(region.services,
                    [](const Sourced<Service>& s) { return s.value == Service::kOpenAI; });
    }
  }
}

void carve_default_subnets(Region& region, bool shared_endpoint,
                           int64_t api_management_addresses) {
  if (!region.address_space.explicit_) return;
  const Cidr& space = region.address_space.value;
  struct Wanted {
    const char* name;
    int extra_bits;
    bool needed;
    int longest = 29;  // the longest prefix the subnet may have
  };
  bool any_private_link = shared_endpoint || region.has(Service::kAiSearch) ||
                          region.has(Service::kOpenAI) || region.has(Service::kStorage) ||
                          region.has(Service::kRedis) || region.has(Service::kManagedRedis) ||
                          region.has(Service::kKeyVault) || region.has(Service::kPostgres) ||
                          region.has(Service::kServiceBus) || region.has(Service::kAppService);
  // App Service reaches the VNet through a subnet delegated to
  // Microsoft.Web/serverFarms (Microsoft Learn, "Enable virtual network
  // integration": /28 at least, /26 advised). It comes after the first three
  // so that adding it moves no earlier subnet.
  std::vector<Wanted> wanted{{"aks", 1, region.has(Service::kAks)},
                             {"endpoints", 4, any_private_link},
                             {"ingress", 4, region.has(Service::kAks)},
                             {"apps", 4, region.has(Service::kAppService), 28}};
  // A Container Apps environment with VNet integration takes a subnet of its
  // own, `cae-<name>`, delegated to Microsoft.App/environments: a /23 (room
  // for a few hundred replicas and profile nodes) where the space allows,
  // never smaller than the /27 Azure requires of a workload-profiles
  // environment (Microsoft Learn, "Networking in Azure Container Apps
  // environment").
  std::vector<std::string> environment_subnets;
  if (region.container_apps) {
    for (const ContainerAppEnvironment& env : region.container_apps->environments) {
      if (env.vnet_integration.value) environment_subnets.push_back(env.subnet_name());
    }
  }
  int environment_bits = std::max(23 - space.prefix, 4);
  if (space.prefix + environment_bits > 27) environment_bits = std::max(27 - space.prefix, 0);
  for (const std::string& name : environment_subnets) {
    wanted.push_back({name.c_str(), environment_bits, true});
  }
  // An injected API Management gateway takes a subnet of its own, without
  // delegation: a /27 (13 units), or the smallest block its units fit in.
  // It comes last so that adding it moves no other subnet.
  int apim_prefix = 27;
  while (apim_prefix > 1 && (int64_t{1} << (32 - apim_prefix)) < api_management_addresses) {
    --apim_prefix;
  }
  wanted.push_back({"apim", std::max(apim_prefix - space.prefix, 0),
                    api_management_addresses > 0, apim_prefix});
  for (const Wanted& w : wanted) {
    if (!w.needed) continue;
    if (region.has_subnet(w.name)) continue;
    int prefix = std::min(space.prefix + w.extra_bits, w.longest);
    // First aligned block of this size not used by an earlier subnet.
    for (uint32_t n = 0;; ++n) {
      auto candidate = nth_subnet(space, prefix, n);
      if (!candidate) {  // rule N004 reports the space as too small
        region.subnets_without_room.push_back(w.name);
        break;
      }
      bool taken = std::any_of(region.subnets.begin(), region.subnets.end(), [&](const Subnet& s) {
        return s.address.value.prefix != 0 && s.address.value.overlaps(*candidate);
      });
      if (!taken) {
        region.subnets.push_back({w.name, region.address_space.location, {*candidate}});
        break;
      }
    }
  }
  for (Subnet& s : region.subnets) {
    if (std::find(environment_subnets.begin(), environment_subnets.end(), s.name) !=
        environment_subnets.end()) {
      s.delegation = "Microsoft.App/environments";
    } else if (s.name == "apps" && region.has(Service::kAppService)) {
      s.delegation = "Microsoft.Web/serverFarms";
    }
  }
}

}  // namespace topoc::model
