// Public DNS: each `dns` zone and its record sets, one resource per type at
// a name. A zone that a Front Door custom domain also names is the frontdoor
// module's (it writes the domain's CNAME and validation records there); the
// dns module writes the other records into it once that module has made
// it. DNS answers hold no tenant data: no placements.
#include <fmt/format.h>

#include <set>

#include "compiler/estate/add_resource.h"
#include "compiler/services/dns/zones.h"
#include "compiler/services/registry.h"

namespace topoc::services::dns {

using estate::instance;
using nlohmann::json;

namespace {

json string_array(const std::vector<model::Sourced<std::string>>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(v.value);
  return out;
}

}  // namespace

void plan(estate::Estate& e) {
  const model::Topology& t = *e.topology;
  if (t.dns_zones.empty() || e.placements_only) return;
  const std::string& rg = e.names.get("global.rg");
  const std::set<std::string> shared = frontdoor_zones(t);
  std::set<std::string> seen;
  for (const model::DnsZone& zone : t.dns_zones) {
    if (!seen.insert(zone.name).second) continue;  // declared twice: reported, planned once
    std::string zone_key = "module.frontdoor.azurerm_dns_zone.this" + instance(zone.name);
    if (!shared.contains(zone.name)) {
      zone_key = "module.dns.azurerm_dns_zone.this" + instance(zone.name);
      estate::add_resource(e, zone_key, "azurerm_dns_zone", zone.name, "global", "", rg, nullptr,
                           true)
          .source = zone.location;
    }
    for (const model::DnsRecord& rec : zone.records) {
      const std::string fqdn = rec.fqdn(zone.name);
      auto add = [&](std::string_view type, json values) {
        json props = {{"zone_name", zone.name}, {"ttl", rec.ttl_seconds.value}};
        for (auto& [key, value] : values.items()) props[key] = value;
        auto& res = estate::add_resource(
            e, fmt::format("module.dns.azurerm_dns_{}_record.this{}", type, instance(fqdn)),
            fmt::format("azurerm_dns_{}_record", type), rec.name, "global", "", rg,
            std::move(props), true);
        res.source = rec.location;
        res.depends_on.push_back(zone_key);
      };
      if (!rec.a.empty()) add("a", {{"records", string_array(rec.a)}});
      if (!rec.aaaa.empty()) add("aaaa", {{"records", string_array(rec.aaaa)}});
      if (!rec.cname.value.empty()) add("cname", {{"record", rec.cname.value}});
      if (!rec.txt.empty()) add("txt", {{"record", string_array(rec.txt)}});
    }
  }
}

}  // namespace topoc::services::dns
