// M013 for Traffic Manager: a geographic mapping takes a code of Traffic
// Manager's geographic hierarchy. topoc knows `WORLD` and the countries
// (ISO 3166-1 alpha-2); it does not know which countries a `GEO-xx` region
// or a state code covers, so it could not check where their users go (T001).
#include <fmt/format.h>

#include "compiler/catalog/country_catalog.h"
#include "compiler/rules/rules.h"
#include "compiler/services/traffic_manager/traffic_manager_facts.h"

namespace topoc::rules {

void traffic_manager_geo_codes(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::TrafficManager& tm : t.traffic_managers) {
    for (const model::TmEndpoint& ep : tm.endpoints) {
      for (const auto& code : ep.geo) {
        if (tm_known_geo_code(code.value)) continue;
        bool region = code.value.rfind("GEO-", 0) == 0;
        auto& d = sink.report(
            diag::Kind::UnknownCountry, code.location,
            fmt::format("unknown geographic code `{}`; endpoint `{}` maps countries and `WORLD`",
                        code.value, ep.name));
        d.help = region ? "list the region's countries, such as `DE` or `FR`, so topoc can "
                          "check which boundary serves each"
                        : "write an ISO 3166-1 alpha-2 code in capitals, such as `DE` or `US`, "
                          "or `WORLD`";
      }
    }
  }
}

}  // namespace topoc::rules
