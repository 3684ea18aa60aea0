#include "compiler/model/build_model.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "compiler/catalog/region_catalog.h"
#include "compiler/diag/suggest.h"
#include "compiler/model/build_parts.h"
#include "compiler/text/first_seen.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<DeploymentMode> kModes[] = {
    {"active-active", DeploymentMode::kActiveActive},
    {"active-passive", DeploymentMode::kActivePassive},
    {"warm-standby", DeploymentMode::kWarmStandby},
    {"cold-standby", DeploymentMode::kColdStandby},
};

std::string default_prefix(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') {
      if (out.size() >= 3) break;
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (out.size() == 10) break;
  }
  return out.empty() ? "topo" : out;
}

const std::string& item_name(const Boundary& b) { return b.name; }
const std::string& item_name(const Region& r) { return r.key; }
const std::string& item_name(const Tenant& t) { return t.name; }
Location item_location(const Boundary& b) { return b.location; }
Location item_location(const Region& r) { return r.location_of_block; }
Location item_location(const Tenant& t) { return t.location; }

// Reports the second and later elements that share a name with an earlier one.
template <typename T>
void report_duplicates(const ReadContext& ctx, const std::vector<T>& items, std::string_view what) {
  FirstSeen seen(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    size_t first = seen.first(item_name(items[i]), i);
    if (first != i) {
      ctx.sink
          ->report(Kind::Duplicate, item_location(items[i]),
                   fmt::format("{} `{}` is declared twice", what, item_name(items[i])))
          .notes.push_back({item_location(items[first]), "first declared here"});
    }
  }
}

// The boundary a region key or a location written for a boundary points to:
// the region's boundary, or the only boundary that allows the location.
std::optional<std::string> boundary_meant(const Topology& t, const std::string& word,
                                          std::string& why) {
  const Region* r = t.find_region(word);
  if (r && !r->boundary_name.value.empty() && r->boundary_name.value != word) {
    why = fmt::format("the boundary of region `{}`", word);
    return r->boundary_name.value;
  }
  const catalog::RegionInfo* loc = catalog::find_region(word);
  if (!loc) return std::nullopt;
  std::optional<std::string> only;
  for (const Boundary& b : t.boundaries) {
    if (std::find(b.allowed_locations.begin(), b.allowed_locations.end(), loc->name) ==
        b.allowed_locations.end()) {
      continue;
    }
    if (only) return std::nullopt;
    only = b.name;
  }
  why = fmt::format("the boundary that allows `{}`", loc->name);
  return only;
}

// `user` names what refers to the boundary ("this geo route"); with
// `user_name` it is a kind and a name, `tenant `acme``, composed only when
// the reference is reported.
std::optional<size_t> resolve_boundary(const ReadContext& ctx, const Topology& t,
                                       const Sourced<std::string>& name, std::string_view user,
                                       std::string_view user_name = {}) {
  if (const Boundary* b = t.find_boundary(name.value)) {
    return static_cast<size_t>(b - t.boundaries.data());
  }
  std::vector<std::string> names;
  for (const Boundary& b : t.boundaries) names.push_back(b.name);
  std::string who = user_name.empty() ? std::string(user) : fmt::format("{} `{}`", user, user_name);
  auto& d = ctx.sink->report(
      Kind::UnknownReference, name.location,
      fmt::format("{} refers to boundary `{}`, which is not declared", who, name.value));
  std::string why;
  if (auto meant = boundary_meant(t, name.value, why)) {
    d.message += fmt::format("; did you mean `{}`, {}?", *meant, why);
    d.fixit = diag::FixIt{name.location, *meant};
  } else if (auto best = diag::closest(name.value, names)) {
    d.message += fmt::format("; did you mean `{}`?", *best);
    d.fixit = diag::FixIt{name.location, *best};
  } else {
    d.help = fmt::format("declare it: `boundary \"{}\" {{ geography = ... }}`", name.value);
  }
  return std::nullopt;
}

// The region a location written for a region key points to: the region at
// that location, preferring the tenant's own boundary when several are.
const Region* region_at_location(const Topology& t, const Tenant& tenant, const std::string& word) {
  const catalog::RegionInfo* loc = catalog::find_region(word);
  if (!loc) return nullptr;
  const Region* found = nullptr;
  for (const Region& r : t.regions) {
    if (r.location.value != loc->name) continue;
    if (!found || r.boundary_name.value == tenant.residency.value) found = &r;
  }
  return found;
}

void resolve(const ReadContext& ctx, Topology& t) {
  for (Region& region : t.regions) {
    if (!region.boundary_name.explicit_) {
      if (t.boundaries.size() == 1) {
        region.boundary_name.value = t.boundaries[0].name;
      } else {
        ctx.sink->report(Kind::MissingAttribute, region.location_of_block,
                         fmt::format("region `{}` needs `boundary = ...`: the residency boundary "
                                     "that holds its data",
                                     region.key));
        continue;
      }
    }
    if (auto b = resolve_boundary(ctx, t, region.boundary_name, "region", region.key)) {
      region.boundary = *b;
    }
  }
  std::vector<std::string> region_keys;
  for (const Region& r : t.regions) region_keys.push_back(r.key);
  for (Tenant& tenant : t.tenants) {
    if (!tenant.residency.explicit_) {
      ctx.sink->report(Kind::MissingAttribute, tenant.location,
                       fmt::format("tenant `{}` needs `residency = ...`: the boundary its data "
                                   "must stay in",
                                   tenant.name));
    } else if (auto b = resolve_boundary(ctx, t, tenant.residency, "tenant", tenant.name)) {
      tenant.boundary = *b;
    }
    if (tenant.home.explicit_ && !t.find_region(tenant.home.value)) {
      auto& d = ctx.sink->report(Kind::UnknownReference, tenant.home.location,
                                 fmt::format("tenant `{}` has home region `{}`, which is not declared",
                                             tenant.name, tenant.home.value));
      if (auto meant = region_at_location(t, tenant, tenant.home.value)) {
        d.message += fmt::format("; did you mean `{}`, the region in `{}`?", meant->key,
                                 meant->location.value);
        d.fixit = diag::FixIt{tenant.home.location, meant->key};
      } else if (auto best = diag::closest(tenant.home.value, region_keys)) {
        d.message += fmt::format("; did you mean `{}`?", *best);
        d.fixit = diag::FixIt{tenant.home.location, *best};
      } else if (catalog::find_region(tenant.home.value)) {
        d.help = "`home` takes the key of a region (`region \"key\" { ... }`), not a location";
      }
    }
  }
  for (const Region& r : t.regions) {
    if (!r.monitoring || !r.monitoring->logs_to.explicit_) continue;
    const Sourced<std::string>& to = r.monitoring->logs_to;
    if (t.find_region(to.value)) continue;
    auto& d = ctx.sink->report(
        Kind::UnknownReference, to.location,
        fmt::format("region `{}` sends its logs to region `{}`, which is not declared", r.key,
                    to.value));
    if (auto best = diag::closest(to.value, region_keys)) {
      d.message += fmt::format("; did you mean `{}`?", *best);
      d.fixit = diag::FixIt{to.location, *best};
    } else {
      d.help = "`logs_to` takes the key of a region (`region \"key\" { ... }`) that runs "
               "`monitoring`";
    }
  }
  for (const Boundary& b : t.boundaries) {
    const Sourced<std::string>& host = b.application_insights;
    if (!host.explicit_ || t.find_region(host.value)) continue;
    auto& d = ctx.sink->report(
        Kind::UnknownReference, host.location,
        fmt::format("boundary `{}` keeps its Application Insights in region `{}`, which is not "
                    "declared",
                    b.name, host.value));
    if (auto best = diag::closest(host.value, region_keys)) {
      d.message += fmt::format("; did you mean `{}`?", *best);
      d.fixit = diag::FixIt{host.location, *best};
    } else {
      d.help =
          "`application_insights` takes the key of a region of the boundary (`region "
          "\"key\" { ... }`) that runs `monitoring`";
    }
  }
  if (t.frontdoor) {
    for (GeoRoute& route : t.frontdoor->geo_routes) {
      Sourced<std::string> name{route.boundary_name, route.location, true};
      if (auto b = resolve_boundary(ctx, t, name, "this geo route")) route.boundary = *b;
      if (!route.fallback.value.empty() && route.fallback.value != "none") {
        resolve_boundary(ctx, t, route.fallback, "this fallback");
      }
    }
    Sourced<std::string>& unrouted = t.frontdoor->unrouted;
    if (!unrouted.value.empty() && !t.frontdoor->denies_unrouted()) {
      resolve_boundary(ctx, t, unrouted, "`unrouted`");
    }
    for (const FrontDoorOrigin& origin : t.frontdoor->origins) {
      if (t.find_region(origin.region)) continue;
      auto& d = ctx.sink->report(Kind::UnknownReference, origin.location,
                                 fmt::format("origin `{}` refers to a region that is not declared",
                                             origin.region));
      if (auto best = diag::closest(origin.region, region_keys)) {
        d.message += fmt::format("; did you mean `{}`?", *best);
        d.fixit = diag::FixIt{origin.location, "\"" + *best + "\""};
      } else {
        d.help = "`origin` takes the key of a region (`region \"key\" { ... }`)";
      }
    }
  }
}

void read_topology(BlockReader& r, Topology& t) {
  const ReadContext& ctx = r.context();
  t.environment.value = "prod";
  r.name("environment", t.environment);
  t.prefix.value = default_prefix(t.name);
  r.name("prefix", t.prefix);
  r.string("owner", t.owner);
  t.naming.location = t.location;
  if (const dsl::Node* n = r.block("naming")) {
    BlockReader nr(*n, ctx);
    read_naming(nr, t.naming);
    nr.finish();
  }
  t.prevent_destroy.location = t.location;
  r.boolean("prevent_destroy", t.prevent_destroy);
  if (const dsl::Node* tags = r.block("tags")) {
    for (const dsl::Node& n : tags->body) {
      if (n.is_block || n.value.kind == dsl::ValueKind::kList) {
        ctx.report(Kind::WrongValueType, n.key_span,
                   fmt::format("tag `{}` must be `{} = \"value\"`", n.key, n.key));
        continue;
      }
      if (auto value = read_name(ctx, n.value, n.key)) {
        if (!t.tags.emplace(n.key, *value).second) {
          ctx.report(Kind::Duplicate, n.key_span, fmt::format("tag `{}` is set twice", n.key));
        }
      }
    }
  }
  t.mode.value = DeploymentMode::kActivePassive;
  r.choice<DeploymentMode>("mode", t.mode, kModes);
  if (const dsl::Node* obj = r.block("objectives")) {
    BlockReader o(*obj, ctx);
    t.objectives.location = o.where();
    o.duration("rto", t.objectives.rto_seconds);
    o.duration("rpo", t.objectives.rpo_seconds);
    o.finish();
  }
  for (const dsl::Node* n : r.blocks("boundary")) {
    auto label = single_label(ctx, *n, "boundary \"eu\" { geography = eu-data-boundary }");
    if (!label) continue;
    Boundary b;
    b.name = *label;
    b.location = ctx.at(n->labels[0].span);
    BlockReader br(*n, ctx);
    read_boundary(br, b);
    br.finish();
    t.boundaries.push_back(std::move(b));
  }
  for (const dsl::Node* n : r.blocks("region")) {
    auto label = single_label(ctx, *n, "region \"eu\" { location = westeurope ... }");
    if (!label) continue;
    Region region;
    region.key = *label;
    region.location_of_block = ctx.at(n->labels[0].span);
    BlockReader rr(*n, ctx);
    read_region(rr, region);
    rr.finish();
    t.regions.push_back(std::move(region));
  }
  // Read in place: a large estate has tens of thousands of tenants.
  const std::vector<const dsl::Node*> tenant_blocks = r.blocks("tenant");
  t.tenants.reserve(tenant_blocks.size());
  for (const dsl::Node* n : tenant_blocks) {
    auto label = single_label(ctx, *n, "tenant \"acme\" { residency = us }");
    if (!label) continue;
    Tenant& tenant = t.tenants.emplace_back();
    tenant.name = std::move(*label);
    tenant.location = ctx.at(n->labels[0].span);
    if (read_plain_tenant(ctx, *n, tenant)) continue;
    BlockReader tr(*n, ctx);
    read_tenant(tr, tenant);
    tr.finish();
  }
  if (const dsl::Node* n = r.block("cosmos")) {
    Cosmos cosmos;
    BlockReader cr(*n, ctx);
    read_cosmos(cr, cosmos, t.mode.value);
    cr.finish();
    t.cosmos = std::move(cosmos);
  }
  if (const dsl::Node* n = r.block("frontdoor")) {
    FrontDoor fd;
    BlockReader fr(*n, ctx);
    read_frontdoor(fr, fd, t.name);
    fr.finish();
    t.frontdoor = std::move(fd);
  }
  t.alerts.location = r.where();
  if (const dsl::Node* n = r.block("alerts")) {
    BlockReader ar(*n, ctx);
    read_alerts(ar, t.alerts);
    ar.finish();
  }
  for (const dsl::Node* n : r.blocks("traffic_manager")) {
    auto label = single_label(ctx, *n, "traffic_manager \"failover\" { routing = priority ... }");
    if (!label) continue;
    TrafficManager tm;
    tm.name = *label;
    tm.location = ctx.at(n->labels[0].span);
    BlockReader tr(*n, ctx);
    read_traffic_manager(tr, tm);
    tr.finish();
    t.traffic_managers.push_back(std::move(tm));
  }
  for (const dsl::Node* n : r.blocks("dns")) {
    auto label = single_label(ctx, *n, "dns \"example.com\" { record \"www\" { a = [...] } }");
    if (!label) continue;
    DnsZone zone;
    zone.name = *label;
    zone.location = ctx.at(n->labels[0].span);
    BlockReader zr(*n, ctx);
    read_dns_zone(zr, zone);
    zr.finish();
    t.dns_zones.push_back(std::move(zone));
  }
  for (const dsl::Node* n : r.blocks("registry")) {
    auto label = single_label(ctx, *n, "registry \"images\" { home = eu  replicas = [...] }");
    if (!label) continue;
    Registry reg;
    reg.name = *label;
    reg.location = ctx.at(n->labels[0].span);
    BlockReader rr(*n, ctx);
    read_registry(rr, reg);
    rr.finish();
    t.registries.push_back(std::move(reg));
  }
}

}  // namespace

std::optional<Topology> build_model(const dsl::Document& document, uint32_t file,
                                    diag::DiagnosticSink& sink) {
  ReadContext ctx{file, &sink};
  const dsl::Node* topology = nullptr;
  for (const dsl::Node& n : document.items) {
    if (n.key == "topology" && n.is_block) {
      if (topology) {
        ctx.report(Kind::MissingTopology, n.key_span,
                   "a file holds one topology; this is a second `topology` block")
            .notes.push_back({ctx.at(topology->key_span), "first topology here"});
        continue;
      }
      topology = &n;
      continue;
    }
    const char* hint = n.key == "topology" ? "`topology` is a block: `topology \"name\" { ... }`"
                                           : "everything goes inside `topology \"name\" { ... }`";
    ctx.report(n.key == "topology" ? Kind::WrongValueType : Kind::UnknownKey, n.key_span,
               fmt::format("`{}` outside the topology block; {}", n.key, hint));
  }
  if (!topology) {
    if (document.items.empty()) {
      ctx.report(Kind::MissingTopology, {0, 0},
                 "the file holds no topology; start with `topology \"name\" { ... }`");
    }
    return std::nullopt;
  }
  Topology t;
  t.file = file;
  t.location = ctx.at(topology->key_span);
  auto label = single_label(ctx, *topology, "topology \"rag-platform\" { ... }");
  if (label) {
    t.name = *label;
    t.location = ctx.at(topology->labels[0].span);
  }
  using namespace std::string_view_literals;  // compared with each of tens of thousands of items
  for (const dsl::Node& n : topology->body) {
    if (!n.is_block || n.key != "region"sv || n.labels.size() != 1) continue;
    RegionAt at{n.labels[0].text, {}};
    for (const dsl::Node& item : n.body) {
      if (item.is_block || item.key != "location") continue;
      if (const catalog::RegionInfo* info = catalog::find_region(item.value.text)) {
        at.location = std::string(info->name);
      }
    }
    ctx.regions.push_back(std::move(at));
  }
  BlockReader r(*topology, ctx);
  read_topology(r, t);
  r.finish();
  t.index_regions();  // the keys and the API Management locations are read
  check_path_names(ctx, t, label.has_value());
  const dsl::Node* tags = nullptr;  // the first `tags` block (a second is M003 already)
  for (const dsl::Node& n : topology->body) {
    if (n.is_block && n.key == "tags"sv && !tags) tags = &n;
  }
  check_tag_limits(ctx, tags, t);
  report_duplicates(ctx, t.boundaries, "boundary");
  report_duplicates(ctx, t.regions, "region");
  report_duplicates(ctx, t.tenants, "tenant");
  resolve(ctx, t);
  t.index_regions();  // each region's boundary is resolved
  resolve_traffic_managers(ctx, t);
  resolve_registries(ctx, t);
  keep_default_storage_in_boundary(t);  // needs each region's resolved boundary
  choose_default_openai_deployments(t);  // likewise; may leave a default account out
  add_default_alerts(t);                 // for the services that remain
  for (Region& region : t.regions) {
    const ApiManagement* gateway = t.api_management_injected_in(region);
    carve_default_subnets(region, t.cosmos.has_value() || t.reaches_registry(region),
                          gateway ? gateway->subnet_addresses() : 0);
  }
  if (t.regions.empty()) {
    ctx.sink->report(Kind::MissingAttribute, t.location,
               fmt::format("topology `{}` declares no region; add `region \"name\" {{ location = "
                           "... }}`",
                           t.name));
  }
  return t;
}

}  // namespace topoc::model
