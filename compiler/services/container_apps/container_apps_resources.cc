// S070: the CPU and memory a Container App asks for must be a size its
// workload profile offers. On the Consumption profile Azure takes 0.25 to 4
// vCPU in steps of 0.25, each with twice as many GiB of memory (0.5Gi per
// 0.25 vCPU); on a Dedicated profile an app fits on one node of the
// profile's size (Microsoft Learn, "Containers in Azure Container Apps",
// allocations, and "Workload profiles in Azure Container Apps", profile
// sizes; azurerm 4.55 only requires cpu >= 0.1 and defers to that table).
// S071: a minimum above its maximum, of an app's replicas
// (azurerm container_apps.go: min_replicas 0-300, max_replicas 1-300) or of
// a Dedicated profile's instances, is refused by Azure.
#include <fmt/format.h>

#include <cmath>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

struct ProfileSize {
  std::string_view type;
  double vcpu;
  double memory_gib;
};

constexpr ProfileSize kDedicated[] = {
    {"D4", 4, 16}, {"D8", 8, 32}, {"D16", 16, 64},  {"D32", 32, 128},
    {"E4", 4, 32}, {"E8", 8, 64}, {"E16", 16, 128}, {"E32", 32, 256},
};

std::string number(double v) {
  return fmt::format("{}", v);
}

void check_consumption(const model::Region& region, const model::ContainerApp& app,
                       diag::DiagnosticSink& sink) {
  double quarters = app.cpu.value * 4;
  bool cpu_ok = quarters == std::floor(quarters) && quarters >= 1 && quarters <= 16;
  if (!cpu_ok) {
    auto& d = sink.report(
        diag::Kind::ContainerAppCpuMemory, app.cpu.explicit_ ? app.cpu.location : app.location,
        fmt::format("app `{}` of region `{}` asks for {} vCPU, but the Consumption profile "
                    "offers 0.25 to 4 vCPU in steps of 0.25",
                    app.name, region.key, number(app.cpu.value)));
    d.help =
        "write a `cpu` such as 0.25, 0.5, 1 or 2, or run the app on a Dedicated "
        "`workload_profile`";
    return;
  }
  double wanted = app.cpu.value * 2;
  if (app.memory_gib.value == wanted) return;
  auto& d = sink.report(
      diag::Kind::ContainerAppCpuMemory,
      app.memory_gib.explicit_ ? app.memory_gib.location : app.location,
      fmt::format("app `{}` of region `{}` asks for {} vCPU with {}Gi, but the Consumption "
                  "profile pairs {} vCPU with {}Gi",
                  app.name, region.key, number(app.cpu.value), number(app.memory_gib.value),
                  number(app.cpu.value), number(wanted)));
  d.help = fmt::format("write `memory = {}Gi`, twice the vCPU", number(wanted));
  if (app.memory_gib.explicit_)
    d.fixit = diag::FixIt{app.memory_gib.location, number(wanted) + "Gi"};
}

void check_dedicated(const model::Region& region, const model::ContainerAppEnvironment& env,
                     const model::ContainerApp& app, diag::DiagnosticSink& sink) {
  const ProfileSize* size = nullptr;
  for (const ProfileSize& p : kDedicated) {
    if (p.type == env.workload_profile.value) size = &p;
  }
  if (!size || (app.cpu.value <= size->vcpu && app.memory_gib.value <= size->memory_gib)) return;
  bool cpu = app.cpu.value > size->vcpu;
  const auto& at = cpu ? app.cpu : app.memory_gib;
  auto& d = sink.report(
      diag::Kind::ContainerAppCpuMemory, at.explicit_ ? at.location : app.location,
      fmt::format("app `{}` of region `{}` asks for {} vCPU with {}Gi, more than one `{}` node "
                  "holds ({} vCPU, {}Gi)",
                  app.name, region.key, number(app.cpu.value), number(app.memory_gib.value),
                  size->type, number(size->vcpu), number(size->memory_gib)));
  d.notes.push_back({env.workload_profile.location,
                     fmt::format("`workload_profile = {}` chosen here", size->type)});
  d.help = "ask for less, or choose a larger `workload_profile`";
}

void check_range(const model::Sourced<int64_t>& min, const model::Sourced<int64_t>& max,
                 std::string_view what, diag::DiagnosticSink& sink) {
  if (min.value <= max.value) return;
  auto& d = sink.report(
      diag::Kind::ContainerAppsMinAboveMax, min.location,
      fmt::format("{} has a minimum of {} above its maximum of {}", what, min.value, max.value));
  if (max.explicit_) d.notes.push_back({max.location, "maximum set here"});
  d.help = "make the minimum at most the maximum";
}

}  // namespace

void container_apps_resources(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.container_apps) continue;
    for (const model::ContainerAppEnvironment& env : region.container_apps->environments) {
      if (env.dedicated() && env.min_count.explicit_) {
        check_range(env.min_count, env.max_count,
                    fmt::format("the `{}` profile of environment `{}`", env.workload_profile.value,
                                env.name),
                    sink);
      }
      for (const model::ContainerApp& app : env.apps) {
        if (env.dedicated()) {
          check_dedicated(region, env, app, sink);
        } else {
          check_consumption(region, app, sink);
        }
        if (app.min_replicas.explicit_) {
          check_range(app.min_replicas, app.max_replicas,
                      fmt::format("app `{}` of region `{}`", app.name, region.key), sink);
        }
      }
    }
  }
}

}  // namespace topoc::rules
