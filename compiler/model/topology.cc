#include "compiler/model/topology.h"

#include <algorithm>

#include "compiler/catalog/region_catalog.h"

namespace topoc::model {

const char* to_string(DeploymentMode m) {
  switch (m) {
    case DeploymentMode::kActiveActive: return "active-active";
    case DeploymentMode::kActivePassive: return "active-passive";
    case DeploymentMode::kWarmStandby: return "warm-standby";
    case DeploymentMode::kColdStandby: return "cold-standby";
  }
  return "";
}

const char* to_string(DataClass d) {
  switch (d) {
    case DataClass::kPersonal:
      return "personal";
    case DataClass::kNonPersonal:
      return "non-personal";
  }
  return "";
}

const char* to_string(Service s) {
  switch (s) {
    case Service::kAks: return "aks";
    case Service::kAiSearch: return "ai_search";
    case Service::kOpenAI: return "openai";
    case Service::kStorage: return "storage";
    case Service::kRedis: return "redis";
    case Service::kManagedRedis: return "redis";
    case Service::kKeyVault: return "keyvault";
    case Service::kMonitoring: return "monitoring";
    case Service::kPostgres: return "postgres";
    case Service::kServiceBus: return "servicebus";
    case Service::kBackup: return "backup";
    case Service::kAppService: return "app_service";
    case Service::kContainerApps: return "container_apps";
    case Service::kAutomation: return "automation";
    case Service::kApiManagement: return "api_management";
  }
  return "";
}

bool Region::has(Service s) const {
  return std::any_of(services.begin(), services.end(),
                     [&](const Sourced<Service>& x) { return x.value == s; });
}

bool Boundary::allows(std::string_view location) const {
  return std::binary_search(allowed_locations.begin(), allowed_locations.end(), location);
}

bool Boundary::keeps_processing(OpenAIDeployment deployment,
                                std::string_view account_location) const {
  const catalog::RegionInfo* account = catalog::find_region(account_location);
  if (!account) return false;
  auto regions = catalog::openai_processing_regions(to_string(deployment), *account);
  return std::all_of(regions.begin(), regions.end(), [&](std::string_view r) { return allows(r); });
}

bool Region::has_subnet(std::string_view name) const {
  return std::any_of(subnets.begin(), subnets.end(), [&](const Subnet& s) { return s.name == name; });
}

bool Region::pulls_from_registry() const {
  if (!container_apps) return false;
  for (const ContainerAppEnvironment& env : container_apps->environments) {
    for (const ContainerApp& app : env.apps) {
      if (!app.image.value.empty() && !app.image_has_registry()) return true;
    }
  }
  return false;
}

bool Region::serves_ingress() const {
  if (aks) return true;
  if (!container_apps) return false;
  for (const ContainerAppEnvironment& env : container_apps->environments) {
    for (const ContainerApp& app : env.apps) {
      if (app.ingress.value == ContainerAppIngress::kExternal) return true;
    }
  }
  return false;
}

const std::string& Region::naming_key() const {
  return renamed_from.value.empty() ? key : renamed_from.value;
}

void Topology::index_regions() {
  region_index = {
      regions.data(), regions.size(), boundaries.data(), boundaries.size(), {}, {}, {}, {}};
  region_index.by_key.reserve(regions.size());
  region_index.boundary_by_name.reserve(boundaries.size());
  for (size_t i = 0; i < boundaries.size(); ++i) {
    region_index.boundary_by_name.emplace(boundaries[i].name, i);  // the first of duplicates
  }
  region_index.members.resize(boundaries.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    const Region& r = regions[i];
    region_index.by_key.emplace(r.key, i);  // keeps the first of duplicates
    if (r.boundary < boundaries.size() && r.boundary_name.value == boundaries[r.boundary].name) {
      region_index.members[r.boundary].push_back(i);
    }
    if (!r.api_management) continue;
    for (const auto& key : r.api_management->additional_locations) {
      region_index.gateway_owner.emplace(key.value, i);
    }
  }
}

namespace {

bool indexed(const Topology& t) {
  return t.region_index.built_for && t.region_index.built_for == t.regions.data() &&
         t.region_index.size == t.regions.size() &&
         t.region_index.boundaries_for == t.boundaries.data() &&
         t.region_index.boundary_count == t.boundaries.size();
}

}  // namespace

const Boundary* Topology::find_boundary(std::string_view name) const {
  // A few boundaries are compared faster than a name is hashed, and a large
  // estate asks once per tenant.
  constexpr size_t kWalked = 8;
  if (boundaries.size() > kWalked && indexed(*this)) {
    auto it = region_index.boundary_by_name.find(name);
    return it == region_index.boundary_by_name.end() ? nullptr : &boundaries[it->second];
  }
  for (const Boundary& b : boundaries) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const Region* Topology::find_region(std::string_view key) const {
  if (indexed(*this)) {
    auto it = region_index.by_key.find(key);
    return it == region_index.by_key.end() ? nullptr : &regions[it->second];
  }
  for (const Region& r : regions) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

const Region* Topology::api_management_gateway_owner(const Region& r) const {
  if (r.api_management) return &r;
  if (indexed(*this)) {
    auto it = region_index.gateway_owner.find(r.key);
    return it == region_index.gateway_owner.end() ? nullptr : &regions[it->second];
  }
  for (const Region& owner : regions) {
    if (!owner.api_management) continue;
    for (const auto& key : owner.api_management->additional_locations) {
      if (key.value == r.key) return &owner;
    }
  }
  return nullptr;
}

const ApiManagement* Topology::api_management_injected_in(const Region& r) const {
  const Region* owner = api_management_gateway_owner(r);
  if (!owner || !owner->api_management->injected()) return nullptr;
  return &*owner->api_management;
}

bool Topology::serves_frontdoor(const Region& r) const {
  if (frontdoor) {
    const FrontDoorOrigin* o = frontdoor->find_origin(r.key);
    if (o && o->api_management()) return api_management_gateway_owner(r) != nullptr;
  }
  return r.serves_ingress();
}

std::vector<const Region*> Topology::regions_in(size_t boundary) const {
  std::vector<const Region*> out;
  if (indexed(*this) && boundary < region_index.members.size()) {
    out.reserve(region_index.members[boundary].size());
    for (size_t i : region_index.members[boundary]) out.push_back(&regions[i]);
    return out;
  }
  for (const Region& r : regions) {
    if (r.boundary == boundary && r.boundary_name.value == boundaries[boundary].name) out.push_back(&r);
  }
  return out;
}

std::vector<std::pair<const Region*, const Region*>> Topology::peered_regions() const {
  std::vector<std::pair<const Region*, const Region*>> out;
  for (size_t b = 0; b < boundaries.size(); ++b) {
    const Boundary& boundary = boundaries[b];
    std::vector<const Region*> members = regions_in(b);
    if (members.size() > kMaxPeeringsPerVnet + 1) continue;  // N008
    switch (boundary.peering.value) {
      case Peering::kNone:
        break;
      case Peering::kMesh:
        for (size_t i = 0; i < members.size(); ++i) {
          for (size_t j = i + 1; j < members.size(); ++j) out.push_back({members[i], members[j]});
        }
        break;
      case Peering::kHub: {
        auto hub = std::find_if(members.begin(), members.end(),
                                [&](const Region* r) { return r->key == boundary.hub.value; });
        if (hub == members.end()) break;
        for (const Region* r : members) {
          if (r == *hub) continue;
          if (r < *hub)
            out.push_back({r, *hub});
          else
            out.push_back({*hub, r});
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace topoc::model
