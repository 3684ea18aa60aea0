// textDocument/hover: the catalogue's facts about a location or a country,
// what a boundary allows, what topoc deploys for a service, and the
// settings of a region or a tenant.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/country_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/emit/terraform/emit_terraform.h"
#include "compiler/lsp/features.h"
#include "compiler/model/build_model.h"
#include "compiler/lsp/syntax_lookup.h"
#include "compiler/text/markdown.h"

namespace topoc::lsp {
namespace {

using catalog::RegionInfo;

std::string yes_no(bool b) {
  return b ? "yes" : "no";
}

std::string code_list(const std::vector<std::string>& names, size_t limit = 40) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < limit; ++i) {
    out += (i ? ", " : "") + markdown_code(names[i]);
  }
  if (names.size() > limit) out += fmt::format(" and {} more", names.size() - limit);
  return out.empty() ? "none" : out;
}

std::string location_text(const RegionInfo& r) {
  std::string out = fmt::format("**{}** (`{}`), Azure region\n\n", r.display, r.name);
  const catalog::CountryInfo* country = catalog::find_country(r.country);
  out += fmt::format("- geography: `{}`\n", r.geography);
  out += fmt::format("- country: {}{}\n", r.country,
                     country ? fmt::format(" ({})", country->name) : std::string());
  out += fmt::format("- EU Data Boundary: {}\n", yes_no(r.eu_data_boundary));
  if (const RegionInfo* pair = catalog::find_region(r.paired)) {
    out += fmt::format("- paired region: `{}` ({}){}\n", pair->name, pair->display,
                       pair->geography == r.geography ? "" : ", in another geography");
  } else {
    out += "- paired region: none\n";
  }
  out += fmt::format("- availability zones: {}\n", yes_no(r.zones));
  if (r.restricted) out += "- restricted: needs a support request before use\n";
  if (r.uncertain) out += "- not in Microsoft's published region list; facts partly unverified\n";
  return out;
}

std::string country_text(const catalog::CountryInfo& c) {
  return fmt::format("**{}** ({}), country\n\n- EU member state: {}\n- EFTA member state: {}\n",
                     c.code, c.name, yes_no(c.eu_member), yes_no(c.efta_member));
}

const model::Boundary* find_boundary(const model::Topology* t, const std::string& name) {
  return t ? t->find_boundary(name) : nullptr;
}

std::string boundary_text(const Analysis& a, const std::string& name) {
  const model::Topology* t = a.model();
  const model::Boundary* b = find_boundary(t, name);
  std::string out = fmt::format("**boundary {}**, residency boundary\n\n", markdown_code(name));
  if (!b) return out + "not declared\n";
  if (b->geography.explicit_)
    out += fmt::format("- geography: `{}`\n", markdown_cell(b->geography.value));
  out += fmt::format("- locations allowed ({}): {}\n", b->allowed_locations.size(),
                     code_list(b->allowed_locations));
  std::vector<std::string> regions, tenants;
  for (const model::Region& r : t->regions) {
    if (r.boundary_name.value == name) regions.push_back(r.key);
  }
  for (const model::Tenant& tn : t->tenants) {
    if (tn.residency.value == name) tenants.push_back(tn.name);
  }
  out += fmt::format("- regions: {}\n", code_list(regions));
  switch (b->peering.value) {
    case model::Peering::kMesh:
      if (regions.size() > 1) out += "- VNets peered: every pair of regions\n";
      break;
    case model::Peering::kHub:
      out +=
          fmt::format("- VNets peered: each region with hub `{}`\n", markdown_cell(b->hub.value));
      break;
    case model::Peering::kNone:
      out += "- VNets peered: none\n";
      break;
  }
  out += fmt::format("- tenants: {}\n", code_list(tenants));
  return out;
}

std::string region_text(const Analysis& a, const std::string& key) {
  const model::Topology* t = a.model();
  const model::Region* r = t ? t->find_region(key) : nullptr;
  std::string out = fmt::format("**region {}**\n\n", markdown_code(key));
  if (!r) return out + "not declared\n";
  if (const RegionInfo* info = catalog::find_region(r->location.value)) {
    out += fmt::format("- location: `{}` ({})\n", info->name, info->display);
  }
  if (!r->boundary_name.value.empty()) {
    out += fmt::format("- boundary: {}\n", markdown_code(r->boundary_name.value));
  }
  if (r->failover.explicit_)
    out += fmt::format("- failover: `{}`\n", markdown_cell(r->failover.value));
  if (r->address_space.explicit_) {
    out += fmt::format("- address space: `{}`\n", r->address_space.value.to_string());
  }
  std::vector<std::string> services;
  for (const auto& s : r->services) services.emplace_back(model::to_string(s.value));
  out += fmt::format("- services: {}\n", code_list(services));
  if (r->monitoring) {
    const std::string& to = r->monitoring->logs_to.value;
    out += !r->monitoring->diagnostics.value
               ? std::string("- diagnostic settings: off\n")
               : fmt::format("- diagnostic logs: to the workspace of region {}\n",
                             markdown_code(to.empty() ? key : to));
  }
  return out;
}

std::string tenant_text(const Analysis& a, const std::string& name) {
  const model::Topology* t = a.model();
  std::string out = fmt::format("**tenant {}**\n\n", markdown_code(name));
  const model::Tenant* tenant = nullptr;
  if (t) {
    for (const model::Tenant& tn : t->tenants) {
      if (tn.name == name) tenant = &tn;
    }
  }
  if (!tenant) return out + "not declared\n";
  if (tenant->residency.explicit_) {
    out += fmt::format("- residency: boundary {}", markdown_code(tenant->residency.value));
    if (const model::Boundary* b = find_boundary(t, tenant->residency.value);
        b && b->geography.explicit_) {
      out += fmt::format(" (`{}`)", markdown_cell(b->geography.value));
    }
    out += "\n";
  }
  out += tenant->home.explicit_
             ? fmt::format("- home region: {}\n", markdown_code(tenant->home.value))
             : "- home region: any region of its boundary\n";
  return out;
}

// The module call of the Terraform root that deploys a service per region.
std::string_view module_call(model::Service s) {
  if (s == model::Service::kManagedRedis) return "managed_redis";
  return s == model::Service::kAiSearch ? "search" : model::to_string(s);
}

// The resources the Terraform manifest lists under `prefix`, one row each.
std::string deployed_rows(const Analysis& a, const model::Topology& t, const std::string& prefix) {
  if (a.check.sink.error_count() > 0) {
    return "The resources topoc deploys for it are listed here once the topology checks "
           "without errors.\n";
  }
  nlohmann::json manifest =
      nlohmann::json::parse(emit::emit_terraform_manifest(t, {}), nullptr, false);
  std::string rows;
  if (manifest.is_object() && manifest["resources"].is_array()) {
    for (const auto& res : manifest["resources"]) {
      std::string address = res.value("address", "");
      if (!address.starts_with(prefix)) continue;
      std::string name =
          res.contains("name") && res["name"].is_string() ? res["name"].get<std::string>() : "";
      rows += fmt::format("- `{}`{}\n", res.value("type", ""),
                          name.empty() ? "" : " " + markdown_code(name));
    }
  }
  if (rows.empty()) return "no resources of its own\n";
  return "topoc deploys (Terraform, environment `" + markdown_cell(t.environment.value) +
         "`):\n\n" + rows;
}

std::string service_text(const Analysis& a, model::Service s, const std::string& region_key) {
  std::string out = fmt::format("**service `{}`** in region {}\n\n", model::to_string(s),
                                markdown_code(region_key));
  const model::Topology* t = a.model();
  const model::Region* r = t ? t->find_region(region_key) : nullptr;
  // `redis` is Azure Managed Redis unless the block picks a cache tier.
  if (r && s == model::Service::kRedis && r->has(model::Service::kManagedRedis)) {
    s = model::Service::kManagedRedis;
  }
  if (!r || !r->has(s)) return out + "not run in this region\n";
  return out + deployed_rows(a, *t, fmt::format("module.{}[\"{}\"].", module_call(s), region_key));
}

std::string registry_text(const Analysis& a, const std::string& name) {
  std::string out = fmt::format("**registry {}**", markdown_code(name));
  const model::Topology* t = a.model();
  const model::Registry* reg = t ? t->find_registry(name) : nullptr;
  if (!reg || reg->home.value.empty()) return out + "\n";
  out += fmt::format(" in region {}\n\n", markdown_code(reg->home.value));
  return out + deployed_rows(a, *t, fmt::format("module.container_registry[\"{}\"].", name));
}

// A route's `cache` block: where Front Door keeps the responses, and what
// `topoc check` makes of it for the boundaries the route serves.
std::string route_cache_text(const Analysis& a, const std::string& route) {
  std::string out = fmt::format(
      "**cache** of route {}\n\nFront Door keeps the route's responses at every edge location, "
      "worldwide, and answers from there: a cache/edge placement outside every residency "
      "boundary.\n\n",
      markdown_code(route));
  const model::Topology* t = a.model();
  if (!t || !t->frontdoor) return out;
  for (const model::FrontDoorRoute& r : t->frontdoor->routes) {
    if (r.name != route || !r.cache) continue;
    out += fmt::format("- query string: `{}`\n", model::to_string(r.cache->query_string.value));
    out += fmt::format("- compression: {}\n", yes_no(r.cache->compression.value));
    out += r.data.value == model::DataClass::kNonPersonal
               ? "- `data = non-personal`: exempt from residency (R015)\n"
               : "- serves personal data: an error (R012) where a boundary it serves holds "
                 "tenants\n";
  }
  return out;
}

// The region block that holds a hit, if any.
const dsl::Node* enclosing_region(const Hit& hit) {
  if (hit.path.size() >= 2 && hit.path[1]->key == "region" && !hit.path[1]->labels.empty()) {
    return hit.path[1];
  }
  return nullptr;
}

std::optional<std::string> hover_text(const Analysis& a, uint32_t offset, dsl::Span& span) {
  if (!a.tree) return std::nullopt;
  if (auto o = occurrence_at(*a.tree, offset)) {
    span = o->span;
    switch (o->symbol.kind) {
      case SymbolKind::kBoundary:
        return boundary_text(a, o->symbol.name);
      case SymbolKind::kRegion:
        return region_text(a, o->symbol.name);
      case SymbolKind::kTenant:
        return tenant_text(a, o->symbol.name);
    }
  }
  auto hit = find_at(*a.tree, offset);
  if (!hit) return std::nullopt;
  span = hit->span;
  const dsl::Node* region = enclosing_region(*hit);
  std::string parent = hit->parent_path();
  if (hit->part == Hit::Part::kKey && parent == "topology" && hit->node().key == "registry" &&
      hit->node().is_block && !hit->node().labels.empty()) {
    return registry_text(a, hit->node().labels[0].text);
  }
  if (hit->part == Hit::Part::kKey && parent == "topology/frontdoor/route" &&
      hit->node().key == "cache" && hit->node().is_block && hit->path.size() >= 3 &&
      !hit->path[hit->path.size() - 2]->labels.empty()) {
    return route_cache_text(a, hit->path[hit->path.size() - 2]->labels[0].text);
  }
  if (hit->part == Hit::Part::kKey && region && parent == "topology/region") {
    std::string key = hit->node().key == "search" ? "ai_search" : hit->node().key;
    if (auto s = model::service_spelled(key); s && hit->node().is_block) {
      return service_text(a, *s, region->labels[0].text);
    }
  }
  if (hit->part != Hit::Part::kValue) return std::nullopt;
  const dsl::Value& v = *hit->value;
  if (v.kind != dsl::ValueKind::kIdentifier && v.kind != dsl::ValueKind::kString)
    return std::nullopt;
  const std::string& key = hit->node().key;
  if (region && parent == "topology/region" && key == "services") {
    if (auto s = model::service_spelled(v.text)) return service_text(a, *s, region->labels[0].text);
  }
  bool country_list = (parent == "topology/frontdoor" && key == "geo") ||
                      (parent == "topology/frontdoor/geo" && key == "countries");
  if (country_list) {
    if (const catalog::CountryInfo* c = catalog::find_country(v.text)) return country_text(*c);
    return std::nullopt;
  }
  if (key == "geography") {
    auto names = catalog::regions_in_geography(v.text);
    if (names.empty()) return std::nullopt;
    std::vector<std::string> list(names.begin(), names.end());
    std::sort(list.begin(), list.end());
    return fmt::format("**geography `{}`**\n\n- locations ({}): {}\n", markdown_cell(v.text),
                       list.size(), code_list(list));
  }
  if (const RegionInfo* r = catalog::find_region(v.text)) return location_text(*r);
  return std::nullopt;
}

}  // namespace

nlohmann::json hover(const Analysis& a, Position at) {
  dsl::Span span;
  auto text = hover_text(a, a.offset(at), span);
  if (!text) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", *text}}}, {"range", a.range(span)}};
}

}  // namespace topoc::lsp
