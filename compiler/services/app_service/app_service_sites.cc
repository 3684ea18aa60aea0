// Web apps and function apps. S082: the runtime and version azurerm v4.55.0
// accepts in `application_stack` for the kind of site
// (compiler/services/app_service/runtimes.h). S083: `health_check_path` is
// a path on the site, and azurerm requires it and
// `health_check_eviction_time_in_min` together (RequiredWith in
// helpers/linux_web_app_schema.go). S084: always-on keeps a dedicated plan's
// function host awake; on Elastic Premium the platform keeps instances warm
// and always-on only scales the plan out needlessly (Azure Functions wiki,
// "Enable Always On when running on dedicated App Service Plan"). S085: a
// function app keeps its host state in a storage account (azurerm requires
// `storage_account_name`), which topoc takes from the region. S086: a Key
// Vault reference names a secret of the region's vault.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "compiler/rules/rules.h"
#include "compiler/services/app_service/runtimes.h"

namespace topoc::rules {
namespace {

void runtime(const model::Region& region, const model::Site& site, diag::DiagnosticSink& sink) {
  namespace as = services::app_service;
  if (!site.runtime.explicit_) return;
  if (!as::application_stack(site.kind, site.runtime.value, site.runtime_version.value)
           .argument.empty()) {
    return;
  }
  std::vector<std::string_view> versions = as::versions(site.kind, site.runtime.value);
  const char* kind = site.kind == model::SiteKind::kWeb ? "web app" : "function app";
  if (versions.empty()) {
    auto& d = sink.report(diag::Kind::AppServiceRuntimeUnknown, site.runtime.location,
                          fmt::format("a Linux {} does not run `{}` (site `{}`, region `{}`)", kind,
                                      site.runtime.value, site.name, region.key));
    d.help = fmt::format("the runtimes are {}", fmt::join(as::runtimes(site.kind), ", "));
    return;
  }
  auto& d = sink.report(
      diag::Kind::AppServiceRuntimeUnknown, site.runtime.location,
      fmt::format("a Linux {} does not run {} {} (site `{}`, region `{}`)", kind,
                  site.runtime.value, site.runtime_version.value, site.name, region.key));
  d.help = fmt::format("{} versions are {}", site.runtime.value, fmt::join(versions, ", "));
}

void health_check(const model::Region& region, const model::Site& site,
                  diag::DiagnosticSink& sink) {
  if (site.health_check_path.explicit_ && site.health_check_path.value.rfind('/', 0) != 0) {
    auto& d = sink.report(diag::Kind::AppServiceHealthCheckPath, site.health_check_path.location,
                          fmt::format("the health check of site `{}` (region `{}`) is not a path: "
                                      "it must start with `/`",
                                      site.name, region.key));
    d.help = fmt::format("write `health_check = \"/{}\"`", site.health_check_path.value);
  }
  if (site.eviction_minutes.explicit_ && !site.health_check_path.explicit_) {
    auto& d = sink.report(diag::Kind::AppServiceHealthCheckPath, site.eviction_minutes.location,
                          fmt::format("site `{}` (region `{}`) sets `eviction` without a health "
                                      "check to evict on",
                                      site.name, region.key));
    d.help = "add `health_check = \"/health\"`, or remove `eviction`";
  }
}

}  // namespace

void app_service_sites(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.app_service) continue;
    for (const model::AppServicePlan& plan : region.app_service->plans) {
      for (const model::Site& site : plan.sites) {
        runtime(region, site, sink);
        health_check(region, site, sink);
        if (plan.elastic() && site.always_on.explicit_ && site.always_on.value) {
          auto& d = sink.report(diag::Kind::AppServiceAlwaysOnElastic, site.always_on.location,
                                fmt::format("site `{}` turns always-on on, but plan `{}` is "
                                            "Elastic Premium ({}), which keeps instances warm "
                                            "itself",
                                            site.name, plan.name, plan.sku.value));
          d.notes.push_back({plan.sku.location, "Elastic Premium chosen here"});
          d.help = "remove `always_on`; the plan's `workers` are its always-ready instances";
          d.fixit = diag::FixIt{site.always_on.location, "false"};
        }
        if (site.kind == model::SiteKind::kFunction && !region.storage) {
          auto& d = sink.report(diag::Kind::FunctionAppWithoutStorage, site.location,
                                fmt::format("function app `{}` needs a storage account for its "
                                            "host, but region `{}` runs none",
                                            site.name, region.key));
          d.help = "add `storage` to the region's `services`";
        }
        if (!site.secrets.empty() && !region.keyvault) {
          auto& d =
              sink.report(diag::Kind::AppServiceSecretWithoutVault, site.secrets.front().location,
                          fmt::format("site `{}` refers to Key Vault secrets, but region "
                                      "`{}` runs no Key Vault",
                                      site.name, region.key));
          d.help = "add `keyvault` to the region's `services`, or move the values to `settings`";
        }
      }
    }
  }
}

}  // namespace topoc::rules
