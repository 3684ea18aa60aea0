// The model of `app_service`: plans and sites (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// What runs on an App Service plan: a web app or a function app (Linux).
enum class SiteKind { kWeb, kFunction };

// An app setting: `name = "value"`, or with `secrets`, a Key Vault secret
// name the setting refers to (`@Microsoft.KeyVault(SecretUri=...)`).
struct AppSetting {
  std::string name;
  Location location;
  std::string value;
};

// A web app or function app on a plan (build_app_service.cc).
struct Site {
  SiteKind kind = SiteKind::kWeb;
  std::string name;
  Location location;
  Sourced<std::string> runtime;          // python, node, dotnet, java, php, powershell
  Sourced<std::string> runtime_version;  // as written: "3.11", "20", "8.0"
  Sourced<bool> always_on;               // default: true on a dedicated plan
  Sourced<bool> https_only;              // default true
  Sourced<bool> http2;
  Sourced<std::string> min_tls;            // "1.2"
  Sourced<std::string> health_check_path;  // empty = no health check
  Sourced<int64_t> eviction_minutes;       // with a health check: 2-10
  std::vector<Sourced<std::string>> cors;  // allowed origins
  std::vector<AppSetting> settings;
  std::vector<AppSetting> secrets;
};

// An App Service plan and the sites it runs (Linux).
struct AppServicePlan {
  std::string name;
  Location location;
  Sourced<std::string> sku;  // P1v3, EP1, ...
  Sourced<int64_t> workers;
  Sourced<bool> zone_redundant;
  std::vector<Site> sites;
  // Elastic Premium (EP1-EP3): function apps that scale out on demand.
  bool elastic() const { return sku.value.rfind("EP", 0) == 0; }
};

// A region's App Service: its plans.
struct AppService {
  Location location;
  std::vector<AppServicePlan> plans;
  bool has_sites() const;
};

const char* to_string(SiteKind);  // web, function

}  // namespace topoc::model
