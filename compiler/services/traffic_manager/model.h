// The model of `traffic_manager`: profiles, endpoints and probes (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// Traffic Manager (DNS-level routing): a global profile answering DNS
// queries for its name with one of its endpoints.
enum class TmRouting { kPriority, kPerformance, kWeighted, kGeographic, kMultiValue, kSubnet };
const char* to_string(TmRouting);  // the azurerm/ARM trafficRoutingMethod
enum class TmEndpointKind { kRegion, kExternal, kNested };

struct TmHeader {
  std::string name;
  Location location;
  std::string value;
};

struct TmProbe {
  Location location;
  Sourced<std::string> protocol;  // HTTP, HTTPS, TCP
  Sourced<int64_t> port;
  Sourced<std::string> path;  // empty for TCP
  Sourced<int64_t> interval_seconds;  // 10 or 30
  Sourced<int64_t> timeout_seconds;
  Sourced<int64_t> tolerated_failures;
  std::vector<Sourced<std::string>> expected_status_codes;  // "200-299"
  std::vector<TmHeader> headers;
};

struct TmEndpoint {
  std::string name;
  Location location;  // the label
  TmEndpointKind kind = TmEndpointKind::kRegion;
  Sourced<std::string> region;   // region key (kRegion)
  Sourced<std::string> target;   // FQDN or IP address (kExternal)
  Sourced<std::string> profile;  // child profile name (kNested)
  Sourced<std::string> endpoint_location;  // catalogue name (kExternal, kNested)
  Sourced<int64_t> priority;  // 0 = not written
  Sourced<int64_t> weight;
  Sourced<bool> enabled;
  Sourced<int64_t> min_child_endpoints;
  std::vector<Sourced<std::string>> geo;      // WORLD or ISO 3166-1 alpha-2
  std::vector<Sourced<Cidr>> subnets;
  // Sent with the probes to this endpoint, in place of the profile probe's
  // header of the same name.
  std::vector<TmHeader> headers;
};

struct TrafficManager {
  std::string name;
  Location location;  // the label
  Sourced<TmRouting> routing;
  Sourced<std::string> dns_name;  // relative name under trafficmanager.net
  Sourced<int64_t> ttl_seconds;
  Sourced<int64_t> max_return;  // MultiValue only
  // Geographic only: `nodata` or an endpoint name; gets `WORLD` mapped.
  Sourced<std::string> unmapped;
  TmProbe probe;
  std::vector<TmEndpoint> endpoints;
  // The region whose Log Analytics workspace receives the profile's probe
  // health events and metrics (`logs_to`); empty: none are sent.
  Sourced<std::string> logs_to;

  const TmEndpoint* find_endpoint(std::string_view name) const;
  // The priority Azure gets for endpoints[index]: the written one, else its
  // position (1-based), so every endpoint has one and the order is stable.
  int64_t priority(size_t index) const;
};

}  // namespace topoc::model
