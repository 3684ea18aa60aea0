// `registry "name" { ... }`: an Azure Container Registry. Values Azure
// refuses because of other values (the tier, the home location) are left
// to rules S030-S032; here only each value's own form is checked.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/region_catalog.h"
#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

constexpr Choice<RegistrySku> kRegistrySkus[] = {
    {"basic", RegistrySku::kBasic},
    {"standard", RegistrySku::kStandard},
    {"premium", RegistrySku::kPremium},
};

}  // namespace

const char* to_string(RegistrySku sku) {
  switch (sku) {
    case RegistrySku::kBasic:
      return "Basic";
    case RegistrySku::kStandard:
      return "Standard";
    case RegistrySku::kPremium:
      return "Premium";
  }
  return "";
}

void read_registry(BlockReader& r, Registry& out) {
  const ReadContext& ctx = r.context();
  out.sku.value = RegistrySku::kPremium;
  r.name("home", out.home);
  r.choice<RegistrySku>("sku", out.sku, kRegistrySkus);
  if (const dsl::Node* list = r.attribute("replicas")) {
    if (list->value.kind != dsl::ValueKind::kList) {
      ctx.report(diag::Kind::WrongValueType, list->value.span,
                 "`replicas` expects a list of locations like [northeurope, swedencentral]");
    } else {
      for (const dsl::Value& v : list->value.items) {
        if (auto loc = read_location(ctx, v)) out.replicas.push_back({*loc, ctx.at(v.span), true});
      }
    }
  }
  r.boolean("zone_redundant", out.zone_redundant);
}

void resolve_registries(const ReadContext& ctx, Topology& t) {
  DuplicateNames names(*ctx.sink, "first declared here");
  for (Registry& reg : t.registries) {
    names.declare(reg.name, reg.location,
                  [&] { return fmt::format("registry `{}` is declared twice", reg.name); });
    if (!reg.home.explicit_ && t.regions.size() == 1) {
      reg.home = {t.regions.front().key, reg.location, false};
    }
    if (reg.home.value.empty()) {
      ctx.sink->report(diag::Kind::MissingAttribute, reg.location,
                       fmt::format("registry `{}` needs `home`, the key of the region whose "
                                   "location holds it: `home = {}`",
                                   reg.name, t.regions.empty() ? "eu" : t.regions.front().key));
      continue;
    }
    const Region* home = t.find_region(reg.home.value);
    if (!home) {
      auto& d =
          ctx.sink->report(diag::Kind::UnknownReference, reg.home.location,
                           fmt::format("registry `{}` has home region `{}`, which is not declared",
                                       reg.name, reg.home.value));
      if (catalog::find_region(reg.home.value)) {
        d.help = "`home` takes the key of a region (`region \"key\" { ... }`), not a location";
      }
      reg.home.value.clear();
      continue;
    }
    // Zone redundancy is a Premium setting; elsewhere the default stays off
    // so that only a written `zone_redundant = true` is reported (S030).
    if (!reg.zone_redundant.explicit_) {
      reg.zone_redundant.value =
          reg.sku.value == RegistrySku::kPremium && catalog::has_zones(home->location.value);
    }
  }
}

const Registry* Topology::find_registry(std::string_view name) const {
  for (const Registry& reg : registries) {
    if (reg.name == name) return &reg;
  }
  return nullptr;
}

bool Registry::reached_from(const Region& r) const {
  return !home.value.empty() &&
         (home.value == r.key || r.has(Service::kAks) || r.pulls_from_registry());
}

std::vector<std::string> Registry::replica_locations(const Region& home_region) const {
  std::vector<std::string> out;
  for (const auto& replica : replicas) {
    if (replica.value != home_region.location.value) out.push_back(replica.value);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const Registry* Topology::registry_of(const Region& r) const {
  for (const Registry& reg : registries) {
    if (reg.home.value == r.key) return &reg;
    for (const auto& replica : reg.replicas) {
      if (replica.value == r.location.value) return &reg;
    }
  }
  return nullptr;
}

bool Topology::reaches_registry(const Region& r) const {
  for (const Registry& reg : registries) {
    if (reg.reached_from(r)) return true;
  }
  return false;
}

}  // namespace topoc::model
