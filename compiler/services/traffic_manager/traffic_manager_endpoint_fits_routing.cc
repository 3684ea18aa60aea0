// T008: settings that only mean something under one routing method. A
// geographic profile needs a mapping on every endpoint, and a performance
// profile the location of every endpoint Azure cannot place itself
// (external and nested ones: azurerm endpoint_location); geographic codes,
// `unmapped`, `subnets` and `max_return` belong to their own method only
// (Learn, "Traffic Manager routing methods").
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

using model::TmRouting;

const char* spelled(TmRouting r) {
  switch (r) {
    case TmRouting::kPriority:
      return "priority";
    case TmRouting::kPerformance:
      return "performance";
    case TmRouting::kWeighted:
      return "weighted";
    case TmRouting::kGeographic:
      return "geographic";
    case TmRouting::kMultiValue:
      return "multivalue";
    case TmRouting::kSubnet:
      return "subnet";
  }
  return "priority";
}

}  // namespace

void traffic_manager_endpoint_fits_routing(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    TmRouting routing = tm.routing.value;
    auto report = [&](diag::Location at, std::string message, std::string help) {
      sink.report(diag::Kind::TmEndpointMismatchesRouting, at, std::move(message)).help =
          std::move(help);
    };
    const char* method = spelled(routing);
    if (routing != TmRouting::kGeographic && tm.unmapped.explicit_) {
      report(tm.unmapped.location,
             fmt::format("`unmapped` applies to geographic routing; traffic_manager `{}` routes "
                         "by {}",
                         tm.name, method),
             "remove `unmapped`, or write `routing = geographic`");
    }
    if (routing != TmRouting::kMultiValue && tm.max_return.explicit_) {
      report(tm.max_return.location,
             fmt::format("`max_return` applies to multivalue routing; traffic_manager `{}` "
                         "routes by {}",
                         tm.name, method),
             "remove `max_return`, or write `routing = multivalue`");
    }
    for (const model::TmEndpoint& ep : tm.endpoints) {
      if (routing != TmRouting::kGeographic && !ep.geo.empty()) {
        report(ep.geo.front().location,
               fmt::format("`geo` applies to geographic routing; traffic_manager `{}` routes by {}",
                           tm.name, method),
               "remove `geo`, or write `routing = geographic`");
      }
      bool unmapped_target = tm.unmapped.explicit_ && tm.unmapped.value == ep.name;
      if (routing == TmRouting::kGeographic && ep.geo.empty() && !unmapped_target) {
        report(ep.location,
               fmt::format("endpoint `{}` of geographic traffic_manager `{}` maps no location; "
                           "Azure needs at least one code per endpoint",
                           ep.name, tm.name),
               "list the countries it serves: `geo = [DE, FR]`, or make it `unmapped`'s endpoint");
      }
      if (routing != TmRouting::kSubnet && !ep.subnets.empty()) {
        report(ep.subnets.front().location,
               fmt::format("`subnets` applies to subnet routing; traffic_manager `{}` routes by {}",
                           tm.name, method),
               "remove `subnets`, or write `routing = subnet`");
      }
      if (routing == TmRouting::kPerformance && ep.kind != model::TmEndpointKind::kRegion &&
          !ep.endpoint_location.explicit_) {
        report(ep.location,
               fmt::format("endpoint `{}` of performance traffic_manager `{}` needs `location`: "
                           "Azure measures latency to an Azure location",
                           ep.name, tm.name),
               "write `location = <the Azure location nearest the endpoint>`");
      }
    }
  }
}

}  // namespace topoc::rules
