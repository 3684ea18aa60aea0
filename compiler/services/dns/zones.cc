#include "compiler/services/dns/zones.h"

namespace topoc::services::dns {

std::set<std::string> frontdoor_zones(const model::Topology& t) {
  std::set<std::string> out;
  if (!t.frontdoor) return out;
  for (const model::FrontDoorDomain& d : t.frontdoor->domains) {
    if (!d.zone.value.empty()) out.insert(d.zone.value);
  }
  return out;
}

bool has_dns_module(const estate::Estate& e) {
  for (const estate::Resource& r : e.resources) {
    if (r.key.starts_with(kModulePrefix)) return true;
  }
  return false;
}

bool dns_after_frontdoor(const estate::Estate& e) {
  for (const estate::Resource& r : e.resources) {
    if (!r.key.starts_with(kModulePrefix)) continue;
    for (const std::string& d : r.depends_on) {
      if (d.starts_with("module.frontdoor.")) return true;
    }
  }
  return false;
}

}  // namespace topoc::services::dns
