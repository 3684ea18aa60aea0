// The model of `container_apps`: environments and apps (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// Where a Container App takes ingress from: nowhere, the environment's
// network only, or the internet (or, in an internal environment, the VNet).
enum class ContainerAppIngress { kNone, kInternal, kExternal };

// The managed identity a Container App pulls images and reads secrets with.
enum class ContainerAppIdentity { kUserAssigned, kSystem };

// `app "api" { ... }` in an environment: one Container App, one container.
struct ContainerApp {
  std::string name;
  Location location;  // the label
  // `repository:tag` in the region's registry, or a full reference with a
  // registry host ("mcr.microsoft.com/k8se/quickstart:latest").
  Sourced<std::string> image;
  Sourced<double> cpu;             // vCPU; default 0.5
  Sourced<double> memory_gib;      // default 1 (Gi)
  Sourced<int64_t> min_replicas;   // 0-300, default 1
  Sourced<int64_t> max_replicas;   // 1-300, default 10
  Sourced<ContainerAppIngress> ingress;
  Sourced<int64_t> target_port;    // default 80
  Sourced<ContainerAppIdentity> identity;
  // Whether the image names a registry host: a `.`, `:` or `localhost` in
  // the part before the first `/` (the Docker reference grammar).
  bool image_has_registry() const;
};

// `environment "app" { ... }`: a Container Apps environment
// (Microsoft.App/managedEnvironments) with workload profiles.
struct ContainerAppEnvironment {
  std::string name;
  Location location;  // the label
  // `Consumption` or a dedicated profile type (D4-D32, E4-E32).
  Sourced<std::string> workload_profile;
  Sourced<int64_t> min_count;  // dedicated profile instances
  Sourced<int64_t> max_count;
  Sourced<bool> vnet_integration;  // default true: subnet `cae-<name>`
  Sourced<bool> zone_redundant;
  Sourced<bool> internal;  // internal_load_balancer_enabled
  std::vector<ContainerApp> apps;
  bool dedicated() const { return workload_profile.value != "Consumption"; }
  // The region subnet the environment is injected into: `cae-<name>`.
  std::string subnet_name() const { return "cae-" + name; }
};

struct ContainerApps {
  Location location;
  std::vector<ContainerAppEnvironment> environments;
};

const char* to_string(ContainerAppIngress);
const char* to_string(ContainerAppIdentity);

}  // namespace topoc::model
