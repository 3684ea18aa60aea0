// S074: an image written without a registry host (`api:1.4`) is pulled from
// the registry the region runs (a `registry` whose home is the region or
// that replicates to its location), with the app's managed identity and
// AcrPull. Without one the reference would be resolved against Docker Hub,
// which is not what a private image means here. S076: a system-assigned
// identity exists only once its app does, so it cannot hold AcrPull when
// Azure pulls the app's first image (Microsoft Learn, "Azure Container Apps
// image pull with managed identity": a user-assigned identity is the way to
// pull at creation).
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {

void container_apps_image(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.container_apps) continue;
    if (t.registry_of(region)) {
      for (const model::ContainerAppEnvironment& env : region.container_apps->environments) {
        for (const model::ContainerApp& app : env.apps) {
          if (app.image_has_registry() ||
              app.identity.value != model::ContainerAppIdentity::kSystem) {
            continue;
          }
          auto& d = sink.report(
              diag::Kind::ContainerAppSystemIdentityPull, app.identity.location,
              fmt::format("app `{}` of region `{}` would pull `{}` from the registry with its "
                          "system-assigned identity, which exists only once the app does and so "
                          "cannot be granted AcrPull before the first pull",
                          app.name, region.key, app.image.value));
          d.help =
              "remove `identity = system` (the default user-assigned identity gets AcrPull "
              "before the app is created), or write the image's full reference";
        }
      }
      continue;
    }
    for (const model::ContainerAppEnvironment& env : region.container_apps->environments) {
      for (const model::ContainerApp& app : env.apps) {
        if (!app.image.explicit_ || app.image_has_registry()) continue;
        auto& d = sink.report(
            diag::Kind::ContainerAppImageWithoutRegistry, app.image.location,
            fmt::format("app `{}` takes image `{}` from the region's registry, but region `{}` "
                        "runs none",
                        app.name, app.image.value, region.key));
        d.help = fmt::format(
            "add a `registry` with `home = {}` (or a replica in `{}`), or write the image's "
            "full reference such as \"myregistry.azurecr.io/{}\"",
            region.key, region.location.value, app.image.value);
      }
    }
  }
}

}  // namespace topoc::rules
