// `traffic_manager "name" { ... }`: a Traffic Manager profile, its probe and
// its endpoints. Ranges azurerm v4.55.0 validates (internal/services/
// trafficmanager) are checked here; rules T001-T009 check the rest.
#include <fmt/format.h>

#include <cstdio>

#include "compiler/model/build_parts.h"
#include "compiler/model/duplicate_names.h"

namespace topoc::model {
namespace {

using diag::Kind;

constexpr Choice<TmRouting> kRoutings[] = {
    {"priority", TmRouting::kPriority},     {"performance", TmRouting::kPerformance},
    {"weighted", TmRouting::kWeighted},     {"geographic", TmRouting::kGeographic},
    {"multivalue", TmRouting::kMultiValue}, {"subnet", TmRouting::kSubnet},
};
constexpr Choice<std::string_view> kProbeProtocols[] = {
    {"https", "HTTPS"}, {"http", "HTTP"}, {"tcp", "TCP"}};

void read_headers(const ReadContext& ctx, const dsl::Node& block, std::vector<TmHeader>& out) {
  expect_no_labels(ctx, block);
  DuplicateNames seen(*ctx.sink, "first set here");
  for (const dsl::Node& n : block.body) {
    if (n.is_block || n.value.kind == dsl::ValueKind::kList) {
      ctx.report(Kind::WrongValueType, n.key_span,
                 fmt::format("header `{}` must be `{} = \"value\"`", n.key, n.key));
      continue;
    }
    auto value = read_name(ctx, n.value, n.key);
    if (!value) continue;
    seen.declare(n.key, ctx.at(n.key_span),
                 [&] { return fmt::format("header `{}` is set twice", n.key); });
    out.push_back({n.key, ctx.at(n.key_span), *value});
  }
}

void read_probe(BlockReader& r, TmProbe& p) {
  const ReadContext& ctx = r.context();
  p.location = r.where();
  Sourced<std::string_view> protocol;
  if (r.choice<std::string_view>("protocol", protocol, kProbeProtocols)) {
    p.protocol = {std::string(protocol.value), protocol.location, true};
  }
  p.port.value = p.protocol.value == "HTTP" ? 80 : 443;
  r.integer("port", p.port, 1, 65535);
  p.path.value = p.protocol.value == "TCP" ? "" : "/";
  if (r.string("path", p.path) && p.protocol.value == "TCP") {
    // Learn, "Traffic Manager endpoint monitoring": a path with TCP is an error.
    ctx.sink->report(Kind::InvalidValue, p.path.location,
                     "a `tcp` probe only opens a connection; it takes no `path`");
  } else if (p.path.explicit_ && (p.path.value.empty() || p.path.value[0] != '/')) {
    ctx.sink->report(Kind::InvalidValue, p.path.location,
                     fmt::format("probe `path` must start with `/`; write \"/{}\"", p.path.value));
  }
  if (r.duration("interval", p.interval_seconds) && p.interval_seconds.value != 10 &&
      p.interval_seconds.value != 30) {
    ctx.sink->report(Kind::OutOfRange, p.interval_seconds.location,
                     "Traffic Manager probes every `10s` or every `30s`");
    p.interval_seconds = {30, p.location, false};
  }
  // Azure's default timeout is 10 s, or 9 s with the 10 s interval.
  p.timeout_seconds.value = p.interval_seconds.value == 10 ? 9 : 10;
  r.duration("timeout", p.timeout_seconds);
  r.integer("tolerated_failures", p.tolerated_failures, 0, 9);
  if (r.names("expected_status_codes", p.expected_status_codes)) {
    for (const auto& range : p.expected_status_codes) {
      int low = 0, high = 0;
      char dash = 0;
      size_t used = 0;
      bool ok = std::sscanf(range.value.c_str(), "%3d%c%3d%zn", &low, &dash, &high, &used) == 3 &&
                dash == '-' && used == range.value.size() && low >= 100 && low <= high &&
                high <= 999;
      if (!ok) {
        ctx.sink->report(Kind::InvalidValue, range.location,
                         fmt::format("`{}` is not a status code range; write \"200-299\" or "
                                     "\"301-301\"",
                                     range.value));
      }
    }
  }
  if (p.protocol.value == "TCP" && !p.expected_status_codes.empty()) {
    ctx.sink->report(Kind::InvalidValue, p.expected_status_codes.front().location,
                     "a `tcp` probe reads no status code");
  }
  if (const dsl::Node* h = r.block("headers")) {
    read_headers(ctx, *h, p.headers);
    // Learn, "Traffic Manager endpoint monitoring": up to eight pairs.
    if (p.headers.size() > 8) {
      ctx.sink->report(
          Kind::OutOfRange, p.headers[8].location,
          fmt::format("a probe sends at most 8 custom headers, found {}", p.headers.size()));
    }
  }
}

void read_subnets(BlockReader& r, TmEndpoint& ep) {
  const ReadContext& ctx = r.context();
  const dsl::Node* n = r.attribute("subnets");
  if (!n) return;
  if (n->value.kind != dsl::ValueKind::kList) {
    ctx.report(Kind::WrongValueType, n->value.span,
               "`subnets` expects a list of CIDR blocks like [10.1.0.0/16]");
    return;
  }
  for (const dsl::Value& item : n->value.items) {
    ParsedCidr parsed = parse_cidr(item.text);
    if (item.kind != dsl::ValueKind::kCidr || parsed.problem != CidrProblem::kNone) {
      ctx.report(Kind::InvalidCidr, item.span,
                 fmt::format("`{}` is not an IPv4 network CIDR block like 10.1.0.0/16", item.text));
      continue;
    }
    ep.subnets.push_back({parsed.cidr, ctx.at(item.span), true});
  }
}

void read_endpoint(BlockReader& r, TmEndpoint& ep) {
  const ReadContext& ctx = r.context();
  bool region = r.name("region", ep.region);
  bool target = r.string("target", ep.target);
  bool profile = r.name("profile", ep.profile);
  int kinds = int{region} + int{target} + int{profile};
  if (kinds == 0) {
    ctx.sink->report(Kind::MissingAttribute, ep.location,
                     fmt::format("endpoint `{}` needs what it points to: `region = <key>`, "
                                 "`target = \"host or address\"` or `profile = <traffic_manager>`",
                                 ep.name));
  } else if (kinds > 1) {
    ctx.sink->report(Kind::InvalidValue, ep.location,
                     fmt::format("endpoint `{}` points to one thing: write one of `region`, "
                                 "`target` and `profile`",
                                 ep.name));
  }
  ep.kind = region    ? TmEndpointKind::kRegion
            : target  ? TmEndpointKind::kExternal
            : profile ? TmEndpointKind::kNested
                      : TmEndpointKind::kRegion;
  if (r.location("location", ep.endpoint_location) && ep.kind == TmEndpointKind::kRegion) {
    ctx.sink->report(Kind::InvalidValue, ep.endpoint_location.location,
                     "a region endpoint is where its region is; remove `location`");
  }
  r.integer("priority", ep.priority, 1, 1000);
  ep.weight.value = 1;
  r.integer("weight", ep.weight, 1, 1000);
  ep.enabled.value = true;
  r.boolean("enabled", ep.enabled);
  ep.min_child_endpoints.value = 1;
  if (r.integer("min_child_endpoints", ep.min_child_endpoints, 1, 1000) &&
      ep.kind != TmEndpointKind::kNested) {
    ctx.sink->report(Kind::InvalidValue, ep.min_child_endpoints.location,
                     "`min_child_endpoints` belongs to an endpoint with `profile = ...`");
  }
  r.names("geo", ep.geo);
  read_subnets(r, ep);
  if (const dsl::Node* h = r.block("headers")) {
    read_headers(ctx, *h, ep.headers);
    // Learn, "Traffic Manager endpoint monitoring": up to eight pairs, on
    // the profile and on each endpoint.
    if (ep.headers.size() > 8) {
      ctx.sink->report(
          Kind::OutOfRange, ep.headers[8].location,
          fmt::format("an endpoint's probes send at most 8 custom headers, found {}",
                      ep.headers.size()));
    }
  }
}

}  // namespace

const char* to_string(TmRouting routing) {
  switch (routing) {
    case TmRouting::kPriority:
      return "Priority";
    case TmRouting::kPerformance:
      return "Performance";
    case TmRouting::kWeighted:
      return "Weighted";
    case TmRouting::kGeographic:
      return "Geographic";
    case TmRouting::kMultiValue:
      return "MultiValue";
    case TmRouting::kSubnet:
      return "Subnet";
  }
  return "Priority";
}

void read_traffic_manager(BlockReader& r, TrafficManager& tm) {
  const ReadContext& ctx = r.context();
  tm.routing.value = TmRouting::kPriority;
  r.choice<TmRouting>("routing", tm.routing, kRoutings);
  r.name("dns_name", tm.dns_name);
  tm.ttl_seconds.value = 60;
  if (r.duration("ttl", tm.ttl_seconds) && tm.ttl_seconds.value > 2147483647) {
    ctx.sink->report(Kind::OutOfRange, tm.ttl_seconds.location,
                     "a DNS `ttl` is at most 2147483647s");
  }
  r.integer("max_return", tm.max_return, 1, 8);
  r.name("unmapped", tm.unmapped);
  r.name("logs_to", tm.logs_to);
  tm.probe.location = tm.location;
  tm.probe.protocol.value = "HTTPS";
  tm.probe.port.value = 443;
  tm.probe.path.value = "/";
  tm.probe.interval_seconds.value = 30;
  tm.probe.timeout_seconds.value = 10;
  tm.probe.tolerated_failures.value = 3;
  if (const dsl::Node* n = r.block("probe")) {
    BlockReader pr(*n, ctx);
    read_probe(pr, tm.probe);
    pr.finish();
  }
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const dsl::Node* n : r.blocks("endpoint")) {
    auto label = single_label(ctx, *n, "endpoint \"east\" { region = east  priority = 1 }");
    if (!label) continue;
    TmEndpoint ep;
    ep.name = *label;
    ep.location = ctx.at(n->labels[0].span);
    BlockReader er(*n, ctx);
    read_endpoint(er, ep);
    er.finish();
    names.declare(ep.name, ep.location,
                  [&] { return fmt::format("endpoint `{}` is declared twice", ep.name); });
    tm.endpoints.push_back(std::move(ep));
  }
  if (tm.endpoints.empty()) {
    ctx.sink->report(Kind::MissingAttribute, tm.location,
                     fmt::format("traffic_manager `{}` needs at least one `endpoint \"name\" "
                                 "{{ ... }}`",
                                 tm.name));
  }
  if (tm.routing.value == TmRouting::kMultiValue && !tm.max_return.explicit_) {
    // azurerm v4.55.0 refuses MultiValue without max_return.
    ctx.sink->report(Kind::MissingAttribute, tm.routing.location,
                     "`routing = multivalue` needs `max_return = 1..8`: how many healthy "
                     "endpoints an answer lists");
  }
}

// Every endpoint reference inside the topology: `region` to a region,
// `profile` to another profile, `unmapped` to an endpoint of the profile;
// and `logs_to` to a region.
void resolve_traffic_managers(const ReadContext& ctx, const Topology& t) {
  DuplicateNames names(*ctx.sink, "first declared here");
  for (const TrafficManager& tm : t.traffic_managers) {
    names.declare(tm.name, tm.location,
                  [&] { return fmt::format("traffic_manager `{}` is declared twice", tm.name); });
  }
  for (const TrafficManager& tm : t.traffic_managers) {
    for (const TmEndpoint& ep : tm.endpoints) {
      if (ep.region.explicit_ && !t.find_region(ep.region.value)) {
        ctx.sink->report(Kind::UnknownReference, ep.region.location,
                         fmt::format("endpoint `{}` points to region `{}`, which is not declared",
                                     ep.name, ep.region.value));
      }
      if (ep.profile.explicit_ && !t.find_traffic_manager(ep.profile.value)) {
        ctx.sink->report(Kind::UnknownReference, ep.profile.location,
                         fmt::format("endpoint `{}` nests traffic_manager `{}`, which is not "
                                     "declared",
                                     ep.name, ep.profile.value));
      }
    }
    if (tm.logs_to.explicit_ && !t.find_region(tm.logs_to.value)) {
      ctx.sink->report(Kind::UnknownReference, tm.logs_to.location,
                       fmt::format("traffic_manager `{}` sends its logs to region `{}`, which is "
                                   "not declared; write the key of a region that runs "
                                   "`monitoring`",
                                   tm.name, tm.logs_to.value));
    }
    if (tm.unmapped.explicit_ && tm.unmapped.value != "nodata" &&
        !tm.find_endpoint(tm.unmapped.value)) {
      ctx.sink->report(Kind::UnknownReference, tm.unmapped.location,
                       fmt::format("`unmapped` names endpoint `{}`, which traffic_manager `{}` "
                                   "does not declare; write an endpoint's name or `nodata`",
                                   tm.unmapped.value, tm.name));
    }
  }
}

const TmEndpoint* TrafficManager::find_endpoint(std::string_view endpoint) const {
  for (const TmEndpoint& ep : endpoints) {
    if (ep.name == endpoint) return &ep;
  }
  return nullptr;
}

int64_t TrafficManager::priority(size_t index) const {
  const TmEndpoint& ep = endpoints[index];
  return ep.priority.explicit_ ? ep.priority.value : static_cast<int64_t>(index + 1);
}

const TrafficManager* Topology::find_traffic_manager(std::string_view profile) const {
  for (const TrafficManager& tm : traffic_managers) {
    if (tm.name == profile) return &tm;
  }
  return nullptr;
}

}  // namespace topoc::model
