// A region's `container_apps` block: Container Apps environments and the
// apps in each. Only each value's own form is checked here; what depends on
// other values or services (CPU and memory pairs, replica ranges, the
// subnet, the registry) is rules S070-S075.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

// The profile types azurerm 4.55 accepts besides `Consumption`
// (internal/services/containerapps/helpers/container_app_environment.go),
// without the GPU ones, which only some locations offer.
constexpr std::string_view kProfiles[] = {"Consumption", "D4", "D8",  "D16", "D32",
                                          "E4",          "E8", "E16", "E32"};

constexpr Choice<ContainerAppIngress> kIngresses[] = {
    {"none", ContainerAppIngress::kNone},
    {"internal", ContainerAppIngress::kInternal},
    {"external", ContainerAppIngress::kExternal},
};

constexpr Choice<ContainerAppIdentity> kIdentities[] = {
    {"user_assigned", ContainerAppIdentity::kUserAssigned},
    {"system", ContainerAppIdentity::kSystem},
};

// `cpu = 0.5`: a positive number of vCPU.
void read_cpu(BlockReader& r, Sourced<double>& out) {
  const dsl::Node* n = r.attribute("cpu");
  if (!n) return;
  const dsl::Value& v = n->value;
  if (v.kind != dsl::ValueKind::kNumber || v.number <= 0) {
    r.context().report(diag::Kind::WrongValueType, v.span,
                       "`cpu` expects a positive number of vCPU like 0.5 or 1");
    return;
  }
  out = {v.number, r.context().at(v.span), true};
}

// `memory = 2Gi`: gibibytes, as Container Apps writes them.
void read_memory(BlockReader& r, Sourced<double>& out) {
  const dsl::Node* n = r.attribute("memory");
  if (!n) return;
  const dsl::Value& v = n->value;
  if (v.kind != dsl::ValueKind::kQuantity || v.text != "Gi" || v.number <= 0) {
    r.context().report(
        v.kind == dsl::ValueKind::kQuantity ? diag::Kind::UnknownUnit : diag::Kind::WrongValueType,
        v.span, "`memory` expects gibibytes like 0.5Gi or 2Gi");
    return;
  }
  out = {v.number, r.context().at(v.span), true};
}

void read_app(BlockReader& r, ContainerApp& app) {
  app.cpu.value = 0.5;
  app.memory_gib.value = 1;
  app.min_replicas.value = 1;
  app.max_replicas.value = 10;
  app.target_port.value = 80;
  if (!r.string("image", app.image) && !r.attribute("image")) {
    r.context()
        .sink
        ->report(diag::Kind::MissingAttribute, app.location,
                 fmt::format("app `{}` needs `image = \"...\"`", app.name))
        .help =
        "a `repository:tag` in the region's registry, or a full reference such as "
        "\"mcr.microsoft.com/k8se/quickstart:latest\"";
  }
  read_cpu(r, app.cpu);
  read_memory(r, app.memory_gib);
  // azurerm 4.55 container_apps.go: min_replicas 0-300, max_replicas 1-300.
  r.integer("min_replicas", app.min_replicas, 0, 300);
  r.integer("max_replicas", app.max_replicas, 1, 300);
  r.choice<ContainerAppIngress>("ingress", app.ingress, kIngresses);
  r.integer("target_port", app.target_port, 1, 65535);
  r.choice<ContainerAppIdentity>("identity", app.identity, kIdentities);
}

void read_environment(BlockReader& r, ContainerAppEnvironment& env) {
  const ReadContext& ctx = r.context();
  env.workload_profile.value = "Consumption";
  env.vnet_integration.value = true;
  if (r.name("workload_profile", env.workload_profile)) {
    if (std::find(std::begin(kProfiles), std::end(kProfiles), env.workload_profile.value) ==
        std::end(kProfiles)) {
      report_choice(ctx, env.workload_profile.location.span, "workload_profile",
                    env.workload_profile.value, kProfiles);
      env.workload_profile.value = "Consumption";
      env.workload_profile.explicit_ = false;
    }
  }
  r.integer("min_count", env.min_count, 0, 1000);
  r.integer("max_count", env.max_count, 1, 1000);
  if (!env.max_count.explicit_) env.max_count.value = std::max<int64_t>(env.min_count.value, 1);
  r.boolean("vnet_integration", env.vnet_integration);
  r.boolean("zone_redundant", env.zone_redundant);
  r.boolean("internal", env.internal);
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("app")) {
    auto label = single_label(ctx, *n, "app \"api\" { image = \"api:1.0\" }");
    if (!label) continue;
    ContainerApp app;
    app.name = *label;
    app.location = ctx.at(n->labels[0].span);
    BlockReader ar(*n, ctx);
    read_app(ar, app);
    ar.finish();
    bool first = std::none_of(env.apps.begin(), env.apps.end(),
                              [&](const ContainerApp& a) { return a.name == app.name; });
    names.declare(app.name, app.location,
                  [&] { return fmt::format("app `{}` is declared twice", app.name); });
    if (first) env.apps.push_back(std::move(app));
  }
}

}  // namespace

const char* to_string(ContainerAppIngress i) {
  switch (i) {
    case ContainerAppIngress::kNone:
      return "none";
    case ContainerAppIngress::kInternal:
      return "internal";
    case ContainerAppIngress::kExternal:
      return "external";
  }
  return "";
}

const char* to_string(ContainerAppIdentity i) {
  switch (i) {
    case ContainerAppIdentity::kUserAssigned:
      return "UserAssigned";
    case ContainerAppIdentity::kSystem:
      return "SystemAssigned";
  }
  return "";
}

bool ContainerApp::image_has_registry() const {
  const std::string& ref = image.value;
  auto slash = ref.find('/');
  if (slash == std::string::npos) return false;
  std::string_view host(ref.data(), slash);
  return host == "localhost" || host.find('.') != std::string_view::npos ||
         host.find(':') != std::string_view::npos;
}

void read_container_apps(BlockReader& r, ContainerApps& apps) {
  const ReadContext& ctx = r.context();
  apps.location = r.where();
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("environment")) {
    auto label = single_label(ctx, *n, "environment \"app\" { workload_profile = D4 }");
    if (!label) continue;
    ContainerAppEnvironment env;
    env.name = *label;
    env.location = ctx.at(n->labels[0].span);
    BlockReader er(*n, ctx);
    read_environment(er, env);
    er.finish();
    bool first = std::none_of(apps.environments.begin(), apps.environments.end(),
                              [&](const ContainerAppEnvironment& e) { return e.name == env.name; });
    names.declare(env.name, env.location,
                  [&] { return fmt::format("environment `{}` is declared twice", env.name); });
    if (first) apps.environments.push_back(std::move(env));
  }
}

}  // namespace topoc::model
