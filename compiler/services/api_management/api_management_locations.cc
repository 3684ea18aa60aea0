// S130-S131: the regions an API Management instance's gateway also runs in.
// An `additional_location` is one Azure location besides the primary's;
// azurerm v4.55.0 api_management_resource.go sends each with the primary's
// sku, and Microsoft Learn ("Deploy an Azure API Management instance to
// multiple Azure regions") offers multi-region deployment in the classic
// Premium tier only.
#include <fmt/format.h>

#include <set>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

void check_locations(const model::Topology& t, const model::Region& region,
                     const model::ApiManagement& apim, diag::DiagnosticSink& sink) {
  std::set<std::string> keys;
  std::set<std::string> locations{region.location.value};
  for (const auto& key : apim.additional_locations) {
    const model::Region* other = t.find_region(key.value);
    if (key.value == region.key) {
      sink.report(diag::Kind::ApiManagementLocationInvalid, key.location,
                  fmt::format("`{}` is the API Management instance's own region; its primary "
                              "location is not an additional location",
                              key.value))
          .help = "list only other regions in `additional_locations`";
    } else if (!other) {
      sink.report(
              diag::Kind::ApiManagementLocationInvalid, key.location,
              fmt::format("additional location `{}` is not a region of the topology", key.value))
          .help =
          "`additional_locations` takes region keys (`region \"key\" { ... }`), not Azure "
          "locations";
    } else if (!keys.insert(key.value).second) {
      sink.report(diag::Kind::ApiManagementLocationInvalid, key.location,
                  fmt::format("additional location `{}` is listed twice", key.value))
          .help = "remove the second one";
    } else if (!locations.insert(other->location.value).second) {
      sink.report(diag::Kind::ApiManagementLocationInvalid, key.location,
                  fmt::format("region `{}` is in `{}`, where the API Management instance of "
                              "region `{}` already runs; Azure takes one gateway per location",
                              key.value, other->location.value, region.key))
          .help = "remove it, or raise `capacity` for more units in that location";
    }
  }
}

}  // namespace

void api_management_locations(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.api_management) continue;
    const model::ApiManagement& apim = *region.api_management;
    check_locations(t, region, apim, sink);
    if (!apim.additional_locations.empty() &&
        apim.tier.value != model::ApiManagementTier::kPremium) {
      sink.report(diag::Kind::ApiManagementLocationsTier,
                  apim.additional_locations.front().location,
                  fmt::format("API Management in region `{}` is `{}`; only Premium runs its "
                              "gateway in additional locations",
                              region.key, model::to_string(apim.tier.value)))
          .help = "write `sku = Premium`, or give each region an `api_management` of its own";
    }
  }
}

}  // namespace topoc::rules
