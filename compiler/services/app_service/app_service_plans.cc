// App Service plans. S080: a zone-redundant plan runs at least two workers
// (Microsoft Learn, "Reliability in Azure App Service", 2025: zone
// redundancy needs a minimum of two instances; Azure raises a smaller count
// itself, which bills the extra workers and shows as drift of
// `worker_count`). A003: zone redundancy needs a location with availability
// zones; azurerm v4.55.0 takes `zone_balancing_enabled` on Premium and
// Elastic Premium plans (helpers.PlanSupportsZoneBalancing). S081: an
// Elastic Premium plan (EP1-EP3) hosts function apps only (Microsoft Learn,
// "Azure Functions Premium plan").
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {

void app_service_plans(const model::Topology& t, diag::DiagnosticSink& sink) {
  constexpr int64_t kZoneWorkers = 2;
  for (const model::Region& region : t.regions) {
    if (!region.app_service) continue;
    const catalog::RegionInfo* info = catalog::find_region(region.location.value);
    bool zoned = !info || !region.location.explicit_ || info->zones;
    for (const model::AppServicePlan& plan : region.app_service->plans) {
      if (plan.zone_redundant.value && !zoned) {
        auto& d = sink.report(diag::Kind::ZonesUnavailable, plan.zone_redundant.location,
                              fmt::format("App Service plan `{}` is zone-redundant, but `{}` "
                                          "(region `{}`) has no availability zones",
                                          plan.name, info->name, region.key));
        d.help = "remove `zone_redundant`, or run the plan in a location with zones";
      } else if (plan.zone_redundant.value && plan.workers.value < kZoneWorkers) {
        auto& d = sink.report(
            diag::Kind::AppServiceZoneWorkers,
            plan.workers.explicit_ ? plan.workers.location : plan.zone_redundant.location,
            fmt::format("zone-redundant App Service plan `{}` (region `{}`) runs {} worker; zone "
                        "redundancy takes at least {}",
                        plan.name, region.key, plan.workers.value, kZoneWorkers));
        d.help = "write `workers = 2` or more (3 puts one in each zone)";
        if (plan.workers.explicit_) d.fixit = diag::FixIt{plan.workers.location, "3"};
      }
      if (!plan.elastic()) continue;
      for (const model::Site& site : plan.sites) {
        if (site.kind != model::SiteKind::kWeb) continue;
        auto& d = sink.report(diag::Kind::AppServiceWebOnElastic, site.location,
                              fmt::format("web app `{}` is on Elastic Premium plan `{}` ({}), "
                                          "which runs function apps only",
                                          site.name, plan.name, plan.sku.value));
        d.notes.push_back({plan.sku.location, "Elastic Premium chosen here"});
        d.help = "move the web app to a plan with a Premium v3 size such as P1v3";
      }
    }
  }
}

}  // namespace topoc::rules
