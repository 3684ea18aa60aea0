// Front Door: the estate's edge.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/diag/suggest.h"
#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<std::string_view> kFrontDoorSkus[] = {
    {"premium", "Premium_AzureFrontDoor"}, {"standard", "Standard_AzureFrontDoor"}};
constexpr Choice<std::string_view> kProtocols[] = {{"https", "Https"}, {"http", "Http"}};
constexpr Choice<std::string_view> kMethods[] = {{"GET", "GET"}, {"HEAD", "HEAD"}};
constexpr Choice<std::string_view> kWafModes[] = {{"prevention", "Prevention"},
                                                  {"detection", "Detection"}};
constexpr Choice<QueryStringCaching> kQueryStringCaching[] = {
    {"ignore", QueryStringCaching::kIgnore},
    {"use", QueryStringCaching::kUse},
    {"ignore-specified", QueryStringCaching::kIgnoreSpecified},
    {"include-specified", QueryStringCaching::kIncludeSpecified},
};
constexpr Choice<OriginTarget> kOriginTargets[] = {
    {"ingress", OriginTarget::kIngress},
    {"api_management", OriginTarget::kApiManagement},
};
constexpr Choice<DataClass> kRouteData[] = {
    {"personal", DataClass::kPersonal},
    {"non-personal", DataClass::kNonPersonal},
};

// `cache { ... }` of a route; rules F017 and F018 check what it combines.
FrontDoorCache read_cache(const ReadContext& ctx, const dsl::Node& n) {
  FrontDoorCache cache;
  cache.location = ctx.at(n.key_span);
  BlockReader cr(n, ctx);
  cache.query_string.value = QueryStringCaching::kIgnore;
  cr.choice<QueryStringCaching>("query_string", cache.query_string, kQueryStringCaching);
  cr.names("query_strings", cache.query_strings);
  cache.compression.value = false;
  cr.boolean("compression", cache.compression);
  cr.names("content_types", cache.content_types);
  cr.finish();
  return cache;
}

void read_countries(const ReadContext& ctx, const dsl::Value& v, GeoRoute& route) {
  if (v.kind != dsl::ValueKind::kList) {
    ctx.report(Kind::WrongValueType, v.span, "a geo route expects a list of country codes like [DE, FR]");
    return;
  }
  for (const dsl::Value& item : v.items) {
    if (auto code = read_name(ctx, item, "countries")) route.countries.push_back({*code, ctx.at(item.span), true});
  }
}

void read_geo(BlockReader& r, FrontDoor& fd) {
  const ReadContext& ctx = r.context();
  DuplicateNames boundaries(*ctx.sink, "first route here");
  for (const dsl::Node& n : r.node().body) {
    if (n.key != "geo") continue;
    auto label = single_label(ctx, n, "geo \"eu\" = [DE, FR]");
    if (!label) continue;
    GeoRoute route;
    route.boundary_name = *label;
    route.location = ctx.at(n.labels[0].span);
    if (n.is_block) {
      BlockReader gr(n, ctx);
      if (const dsl::Node* c = gr.attribute("countries")) read_countries(ctx, c->value, route);
      gr.name("fallback", route.fallback);
      gr.finish();
    } else {
      read_countries(ctx, n.value, route);
    }
    boundaries.declare(route.boundary_name, route.location, [&] {
      return fmt::format("boundary `{}` has two geo routes; list all its countries in one",
                         route.boundary_name);
    });
    fd.geo_routes.push_back(std::move(route));
  }
  r.allow("geo");
}

// azurerm v4.55.0 cdn_frontdoor_origin: `weight` 1-1000 (default 500),
// `priority` 1-5 (default 1); ARM Microsoft.Cdn/profiles/originGroups/origins
// validates the same ranges.
void read_origins(BlockReader& r, FrontDoor& fd) {
  const ReadContext& ctx = r.context();
  DuplicateNames regions(*ctx.sink, "first set here");
  for (const dsl::Node* n : r.blocks("origin")) {
    auto label = single_label(ctx, *n, "origin \"westeurope\" { weight = 70 }");
    if (!label) continue;
    FrontDoorOrigin origin;
    origin.region = *label;
    origin.location = ctx.at(n->labels[0].span);
    BlockReader orr(*n, ctx);
    origin.weight.value = 1000;
    orr.integer("weight", origin.weight, 1, 1000);
    origin.priority.value = 1;
    orr.integer("priority", origin.priority, 1, 5);
    orr.choice<OriginTarget>("target", origin.target, kOriginTargets);
    orr.finish();
    regions.declare(origin.region, origin.location, [&] {
      return fmt::format("region `{}` has two origin blocks; set its weight and priority in one",
                         origin.region);
    });
    fd.origins.push_back(std::move(origin));
  }
}

// `domain "api.example.com" { zone = "example.com"  certificate = managed }`.
// The host name and zone are checked by rules F011-F015, which see them all.
void read_domains(BlockReader& r, FrontDoor& fd) {
  const ReadContext& ctx = r.context();
  for (const dsl::Node* n : r.blocks("domain")) {
    auto label = single_label(ctx, *n, "domain \"api.example.com\" { zone = \"example.com\" }");
    if (!label) continue;
    FrontDoorDomain d;
    d.host = *label;
    d.location = ctx.at(n->labels[0].span);
    BlockReader dr(*n, ctx);
    dr.string("zone", d.zone);
    dr.name("vault", d.vault);
    d.certificate = {std::string(FrontDoorDomain::kManaged), d.location, false};
    // `managed`, or the quoted name of a certificate in the Key Vault of
    // the region `vault` names (checked by F015).
    constexpr std::string_view kCertificates[] = {FrontDoorDomain::kManaged};
    tell_observer(*n, "certificate", Asked::kChoice, kCertificates);
    if (const dsl::Node* c = dr.attribute("certificate")) {
      const dsl::Value& v = c->value;
      if (v.kind == dsl::ValueKind::kString) {
        d.certificate = {v.text, ctx.at(v.span), true};
      } else if (v.kind == dsl::ValueKind::kIdentifier && v.text == FrontDoorDomain::kManaged) {
        d.certificate = {v.text, ctx.at(v.span), true};
      } else if (v.kind == dsl::ValueKind::kIdentifier) {
        report_choice(ctx, v.span, "certificate", v.text, kCertificates);
      } else {
        ctx.report(Kind::WrongValueType, v.span,
                   "`certificate` expects `managed` or a Key Vault certificate name in quotes");
      }
    }
    dr.finish();
    fd.domains.push_back(std::move(d));
  }
}

// Front Door counts a rate limit over one or five minutes, nothing else
// (Learn: "What is rate limiting for Azure Front Door?").
void read_rate_limits(BlockReader& r, FrontDoor& fd) {
  const ReadContext& ctx = r.context();
  DuplicateNames names(*ctx.sink, "first rate limit here");
  for (const dsl::Node* n : r.blocks("rate_limit")) {
    auto label = single_label(ctx, *n, "rate_limit \"api\" { requests = 1000  window = 1m }");
    if (!label) continue;
    FrontDoorRateLimit limit;
    limit.name = *label;
    limit.location = ctx.at(n->labels[0].span);
    BlockReader lr(*n, ctx);
    bool written = std::any_of(n->body.begin(), n->body.end(),
                               [](const dsl::Node& a) { return a.key == "requests"; });
    lr.integer("requests", limit.requests, 1, 1'000'000'000);
    if (!written) {
      ctx.sink->report(Kind::MissingAttribute, limit.location,
                       fmt::format("rate limit `{}` needs `requests = ...`, the requests one "
                                   "client address may make per window",
                                   limit.name));
    }
    limit.window_minutes = {1, limit.location, false};
    Sourced<int64_t> window;
    if (lr.duration("window", window)) {
      if (window.value != 60 && window.value != 300) {
        ctx.sink->report(Kind::OutOfRange, window.location,
                         "a rate limit's `window` is `1m` or `5m`, the two windows Front Door "
                         "counts over");
      } else {
        limit.window_minutes = {window.value / 60, window.location, true};
      }
    }
    // One match condition holds at most 10 string values (Front Door limits,
    // "WAF string match values per match condition"), of 1-256 characters
    // (azurerm v4.55.0 `match_values`).
    if (lr.names("paths", limit.paths) && limit.paths.size() > 10) {
      ctx.sink->report(Kind::OutOfRange, limit.paths[10].location,
                       fmt::format("a rate limit counts at most 10 `paths`, found {}",
                                   limit.paths.size()));
    }
    for (const auto& p : limit.paths) {
      if (p.value.empty() || p.value.size() > 256) {
        ctx.sink->report(Kind::OutOfRange, p.location,
                         "each of a rate limit's `paths` is 1 to 256 characters");
      }
    }
    lr.finish();
    // The rule's name keeps the label's letters and digits only, so two
    // labels can meet there.
    names.declare(limit.rule_name(), limit.location, [&] {
      return fmt::format("rate limit `{}` would be WAF rule `{}`, as an earlier one is",
                         limit.name, limit.rule_name());
    });
    if (limit.rule_name().size() > 128) {
      ctx.sink->report(Kind::OutOfRange, limit.location,
                       "a rate limit's name makes a WAF rule name of at most 128 characters");
    }
    fd.rate_limits.push_back(std::move(limit));
  }
}

}  // namespace

void read_frontdoor(BlockReader& r, FrontDoor& fd, std::string_view topology_name) {
  const ReadContext& ctx = r.context();
  fd.location = r.where();
  fd.sku.value = "Premium_AzureFrontDoor";
  choice_string(r, "sku", fd.sku, kFrontDoorSkus);
  fd.endpoint.value = std::string(topology_name);
  r.name("endpoint", fd.endpoint);
  for (const dsl::Node* n : r.blocks("route")) {
    auto label = single_label(ctx, *n, "route \"api\" { patterns = [\"/api/*\"] }");
    if (!label) continue;
    FrontDoorRoute route;
    route.name = *label;
    route.location = ctx.at(n->labels[0].span);
    BlockReader rr(*n, ctx);
    rr.names("patterns", route.patterns);
    rr.boolean("https_only", route.https_only);
    rr.boolean("session_affinity", route.session_affinity);
    if (const dsl::Node* c = rr.block("cache")) route.cache = read_cache(ctx, *c);
    route.data.value = DataClass::kPersonal;
    rr.choice<DataClass>("data", route.data, kRouteData);
    rr.finish();
    if (route.patterns.empty()) route.patterns.push_back({"/*", route.location, false});
    fd.routes.push_back(std::move(route));
  }
  if (fd.routes.empty()) fd.routes.push_back({"default", fd.location, {{"/*", fd.location, false}}});
  fd.probe_path.value = "/healthz";
  fd.probe_protocol.value = "Https";
  fd.probe_method.value = "GET";
  fd.probe_interval_seconds.value = 30;
  if (const dsl::Node* n = r.block("probe")) {
    BlockReader pr(*n, ctx);
    pr.string("path", fd.probe_path);
    choice_string(pr, "protocol", fd.probe_protocol, kProtocols);
    choice_string(pr, "method", fd.probe_method, kMethods);
    // azurerm 4.x validates health_probe.interval_in_seconds as 1 to 255
    // (the 5 s to 365 d range was the preview resource's), as does the ARM API.
    if (pr.duration("interval", fd.probe_interval_seconds) &&
        (fd.probe_interval_seconds.value < 1 || fd.probe_interval_seconds.value > 255)) {
      ctx.sink->report(Kind::OutOfRange, fd.probe_interval_seconds.location,
                       "probe `interval` must be between 1s and 255s");
    }
    pr.finish();
  }
  fd.latency_sensitivity_ms.value = 50;
  if (r.milliseconds("latency", fd.latency_sensitivity_ms) &&
      fd.latency_sensitivity_ms.value > 1000) {
    ctx.sink->report(Kind::OutOfRange, fd.latency_sensitivity_ms.location,
                     "`latency` (additional latency sensitivity) must be 0ms to 1000ms");
  }
  fd.sample_size.value = 4;
  r.integer("samples", fd.sample_size, 0, 255);
  fd.successful_samples.value = 3;
  r.integer("successful_samples", fd.successful_samples, 0, 255);
  if (fd.successful_samples.value > fd.sample_size.value) {
    ctx.sink->report(Kind::OutOfRange,
                     fd.successful_samples.explicit_ ? fd.successful_samples.location : fd.location,
                     fmt::format("`successful_samples` ({}) cannot exceed `samples` ({})",
                                 fd.successful_samples.value, fd.sample_size.value));
  }
  fd.session_affinity.value = false;
  r.boolean("session_affinity", fd.session_affinity);
  for (FrontDoorRoute& route : fd.routes) {
    if (!route.session_affinity.explicit_) route.session_affinity.value = fd.session_affinity.value;
  }
  fd.waf.value = true;
  fd.waf_mode.value = "Prevention";
  r.boolean("waf", fd.waf);
  choice_string(r, "waf_mode", fd.waf_mode, kWafModes);
  read_geo(r, fd);
  r.name("unrouted", fd.unrouted);
  read_origins(r, fd);
  // Every API Management instance answers `/status-0123456789abcdef` on its
  // gateway with 200 (Microsoft Learn, "Integrate API Management in an
  // internal virtual network with Application Gateway"): the probe's path
  // when Front Door reaches gateways and none is written (rule F020 when
  // ingresses share the probe).
  if (!fd.probe_path.explicit_ &&
      std::any_of(fd.origins.begin(), fd.origins.end(),
                  [](const FrontDoorOrigin& o) { return o.api_management(); })) {
    fd.probe_path.value = std::string(FrontDoor::kApiManagementProbePath);
  }
  read_domains(r, fd);
  read_rate_limits(r, fd);
}

}  // namespace topoc::model
