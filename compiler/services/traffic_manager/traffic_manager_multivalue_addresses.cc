// T006: a MultiValue profile answers with several addresses at once, so
// Azure accepts only external endpoints given as IPv4 or IPv6 addresses
// (azurerm v4.55.0 documentation of traffic_routing_method; Learn, "Traffic
// Manager routing methods").
#include <arpa/inet.h>
#include <fmt/format.h>

#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

bool is_ip_address(const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

}  // namespace

void traffic_manager_multivalue_addresses(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    if (tm.routing.value != model::TmRouting::kMultiValue) continue;
    for (const model::TmEndpoint& ep : tm.endpoints) {
      if (ep.kind == model::TmEndpointKind::kExternal && is_ip_address(ep.target.value)) continue;
      diag::Location at = ep.kind == model::TmEndpointKind::kRegion   ? ep.region.location
                          : ep.kind == model::TmEndpointKind::kNested ? ep.profile.location
                                                                      : ep.target.location;
      if (at.span.begin == 0 && at.span.end == 0) at = ep.location;
      auto& d = sink.report(
          diag::Kind::TmMultiValueNeedsAddresses, at,
          fmt::format("endpoint `{}` of MultiValue traffic_manager `{}` {}; MultiValue answers "
                      "only with external IPv4 or IPv6 addresses",
                      ep.name, tm.name,
                      ep.kind == model::TmEndpointKind::kExternal
                          ? fmt::format("targets `{}`, not an address", ep.target.value)
                      : ep.kind == model::TmEndpointKind::kRegion ? "is a region endpoint"
                                                                  : "nests a profile"));
      d.help = "write `target = \"<IPv4 or IPv6 address>\"`, or choose another `routing`";
    }
  }
}

}  // namespace topoc::rules
