// The model of `frontdoor`: routes, origins, domains, geo rules and WAF (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

struct GeoRoute {
  std::string boundary_name;
  Location location;  // the label
  size_t boundary = 0;
  std::vector<Sourced<std::string>> countries;
  Sourced<std::string> fallback;  // boundary name; empty = none
};

// How a cached route's cache key treats the query string (azurerm
// `query_string_caching_behavior`, ARM `queryStringCachingBehavior`).
enum class QueryStringCaching { kIgnore, kUse, kIgnoreSpecified, kIncludeSpecified };
const char* to_string(QueryStringCaching);  // the azurerm/ARM value: IgnoreQueryString, ...

// `cache { ... }` in a route: Front Door keeps the route's responses at its
// edge locations, wherever its users are, and answers from there.
struct FrontDoorCache {
  Location location;  // the `cache` keyword
  Sourced<QueryStringCaching> query_string;  // unwritten: ignore
  // The parameters `ignore-specified` leaves out of the cache key, or
  // `include-specified` keeps in it; no others take a list.
  std::vector<Sourced<std::string>> query_strings;
  Sourced<bool> compression;  // unwritten: false
  std::vector<Sourced<std::string>> content_types;  // MIME types compressed
  bool names_query_strings() const {
    return query_string.value == QueryStringCaching::kIgnoreSpecified ||
           query_string.value == QueryStringCaching::kIncludeSpecified;
  }
};

struct FrontDoorRoute {
  std::string name;
  Location location;
  std::vector<Sourced<std::string>> patterns;
  std::optional<FrontDoorCache> cache;  // absent: the route caches nothing
  // What the route serves. A cached route's responses sit at every edge
  // location; `data = non-personal` (static assets, public pages) makes
  // that an exemption instead of a breach of its boundaries. Unwritten:
  // personal.
  Sourced<DataClass> data;
  // HTTPS only: plain HTTP is refused, not redirected. azurerm requires a
  // route that redirects to accept HTTP too, so the two are one switch.
  Sourced<bool> https_only;  // unwritten: false (HTTP redirected to HTTPS)
  // Front Door keeps affinity per origin group, not per route: a route
  // whose affinity differs from the profile's is served by a second set of
  // origin groups (estate::OriginGroup::alternate). Unwritten: the
  // profile's `session_affinity`.
  Sourced<bool> session_affinity;
};

// What Front Door reaches in an origin's region: the region's ingress (AKS,
// or a Container App with `ingress = external`), or the API Management
// gateway that runs there (`target = api_management`).
enum class OriginTarget { kIngress, kApiManagement };

// `origin "region" { ... }`: how Front Door weighs one region's ingress
// against the others of its boundary's origin group, and what it reaches.
struct FrontDoorOrigin {
  std::string region;  // region key
  Location location;   // the label
  Sourced<int64_t> weight;    // 1-1000; unwritten: 1000
  Sourced<int64_t> priority;  // 1-5; unwritten: from `mode`
  Sourced<OriginTarget> target;  // unwritten: ingress
  bool api_management() const { return target.value == OriginTarget::kApiManagement; }
};

// `domain "api.example.com" { ... }`: a custom domain every route serves
// beside the endpoint's own host name, with a certificate Front Door
// manages or one kept in a region's Key Vault (`certificate = "<name>"`
// with `vault = <region>`). With `zone`, topoc also writes that public DNS
// zone and the domain's CNAME and `_dnsauth` TXT records.
struct FrontDoorDomain {
  std::string host;   // the label as written
  Location location;  // the label
  Sourced<std::string> zone;         // DNS zone topoc manages; empty = none
  Sourced<std::string> certificate;  // "managed", or a Key Vault certificate name
  Sourced<std::string> vault;        // region key whose vault holds it; empty = none
  static constexpr std::string_view kManaged = "managed";
  bool managed_certificate() const { return certificate.value == kManaged; }
  // The record name inside `zone`: "api" for api.example.com in example.com;
  // empty for the apex or when there is no zone.
  std::string relative_name() const {
    if (zone.value.empty() || host.size() <= zone.value.size() + 1) return {};
    return host.substr(0, host.size() - zone.value.size() - 1);
  }
};

// `rate_limit "api" { requests = 1000  window = 1m  paths = ["/api/"] }`:
// a WAF rate-limit rule. Front Door counts requests per client socket
// address over a fixed window of one or five minutes and blocks the rest of
// the window once the count passes `requests`.
struct FrontDoorRateLimit {
  std::string name;   // the label
  Location location;  // the label
  Sourced<int64_t> requests;        // 1 or more
  Sourced<int64_t> window_minutes;  // 1 or 5; unwritten: 1
  // Parts of the request URL the rule counts (RequestUri contains one);
  // empty: every request.
  std::vector<Sourced<std::string>> paths;
  // The WAF custom rule's name: letters and digits only.
  std::string rule_name() const {
    std::string out = "RateLimit";
    for (char c : name) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
  }
};

struct FrontDoor {
  Location location;
  Sourced<std::string> sku;  // Premium_AzureFrontDoor, Standard_AzureFrontDoor
  Sourced<std::string> endpoint;
  std::vector<FrontDoorRoute> routes;
  Sourced<std::string> probe_path;
  Sourced<std::string> probe_protocol;  // Http, Https
  Sourced<std::string> probe_method;    // GET, HEAD
  Sourced<int64_t> probe_interval_seconds;
  Sourced<int64_t> latency_sensitivity_ms;
  Sourced<int64_t> sample_size;
  Sourced<int64_t> successful_samples;
  Sourced<bool> session_affinity;
  Sourced<bool> waf;
  Sourced<std::string> waf_mode;  // Prevention, Detection
  std::vector<GeoRoute> geo_routes;
  // Where requests from countries no geo route lists go: a boundary name,
  // kUnroutedDeny, or empty when not written (then the first boundary
  // with origins serves them, and rule F005 asks for the choice).
  Sourced<std::string> unrouted;
  static constexpr std::string_view kUnroutedDeny = "deny";
  // The health endpoint of every API Management gateway.
  static constexpr std::string_view kApiManagementProbePath = "/status-0123456789abcdef";
  bool denies_unrouted() const { return unrouted.value == kUnroutedDeny; }
  std::vector<FrontDoorOrigin> origins;
  std::vector<FrontDoorDomain> domains;
  // Whether a domain's certificate is kept in Key Vault: the profile then
  // has a managed identity that reads it.
  bool has_vault_certificates() const {
    for (const FrontDoorDomain& d : domains) {
      if (!d.managed_certificate()) return true;
    }
    return false;
  }
  std::vector<FrontDoorRateLimit> rate_limits;
  // Routes whose `session_affinity` differs from the profile's are served by
  // a second set of origin groups, named with this suffix.
  bool has_alternate_affinity() const {
    for (const FrontDoorRoute& r : routes) {
      if (r.session_affinity.value != session_affinity.value) return true;
    }
    return false;
  }
  std::string_view alternate_suffix() const { return session_affinity.value ? "nosticky" : "sticky"; }
  const FrontDoorOrigin* find_origin(std::string_view region) const {
    for (const FrontDoorOrigin& o : origins) {
      if (o.region == region) return &o;
    }
    return nullptr;
  }
};

}  // namespace topoc::model
