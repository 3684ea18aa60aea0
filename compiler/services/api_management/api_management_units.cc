// S132-S133: units and availability zones an API Management tier accepts.
// Sources: azurerm v4.55.0 internal/services/apimanagement/validate/
// api_management_sku.go (Developer_1, Basic_1-2, Standard_1-4,
// Premium_1-99) and api_management_resource.go (`zones` refused unless the
// tier is Premium); Microsoft Learn, "Enable availability zone support in
// Azure API Management instances" (zones chosen by hand take units spread
// evenly over them; without `zones` Premium spreads them itself where the
// location has zones).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

int64_t max_units(model::ApiManagementTier tier) {
  switch (tier) {
    case model::ApiManagementTier::kDeveloper:
      return 1;
    case model::ApiManagementTier::kBasic:
      return 2;
    case model::ApiManagementTier::kStandard:
      return 4;
    case model::ApiManagementTier::kPremium:
      return 99;
  }
  return 1;
}

void check_units(const model::Region& region, const model::ApiManagement& apim,
                 diag::DiagnosticSink& sink) {
  const int64_t most = max_units(apim.tier.value);
  const char* tier = model::to_string(apim.tier.value);
  if (apim.capacity.value < 1 || apim.capacity.value > most) {
    sink.report(diag::Kind::ApiManagementCapacity, apim.capacity.location,
                most == 1 ? fmt::format("API Management `{}` runs exactly one unit, not {}", tier,
                                        apim.capacity.value)
                          : fmt::format("`capacity = {}` is outside 1-{}, the units API "
                                        "Management `{}` takes",
                                        apim.capacity.value, most, tier))
        .help = apim.tier.value == model::ApiManagementTier::kPremium
                    ? "write 1 to 99 units (a subscription may run 12 Premium units until "
                      "Azure support raises the limit)"
                    : fmt::format("write 1 to {} units, or a larger tier", most);
    return;
  }
  // Zones on another tier are S133's.
  const size_t zones = apim.zones.value.size();
  if (apim.tier.value == model::ApiManagementTier::kPremium && zones > 1 &&
      apim.capacity.value % static_cast<int64_t>(zones) != 0) {
    sink.report(diag::Kind::ApiManagementCapacity,
                apim.capacity.explicit_ ? apim.capacity.location : apim.zones.location,
                fmt::format("API Management in region `{}`: {} {} not spread evenly over {} zones",
                            region.key, apim.capacity.value,
                            apim.capacity.value == 1 ? "unit does" : "units do", zones))
        .help = fmt::format("write `capacity` as a multiple of {}, or name fewer zones", zones);
  }
}

void check_zones(const model::Region& region, const model::ApiManagement& apim,
                 diag::DiagnosticSink& sink) {
  if (apim.zones.value.empty()) return;
  if (apim.tier.value != model::ApiManagementTier::kPremium) {
    sink.report(diag::Kind::ApiManagementZones, apim.zones.location,
                fmt::format("API Management `{}` takes no availability zones; only Premium does",
                            model::to_string(apim.tier.value)))
        .help = "remove `zones`, or write `sku = Premium`";
  } else if (!catalog::has_zones(region.location.value)) {
    sink.report(diag::Kind::ApiManagementZones, apim.zones.location,
                fmt::format("`{}` has no availability zones", region.location.value))
        .help = "remove `zones`";
  }
}

}  // namespace

void api_management_units(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.api_management) continue;
    check_units(region, *region.api_management, sink);
    check_zones(region, *region.api_management, sink);
  }
}

}  // namespace topoc::rules
