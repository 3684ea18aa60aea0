// M039: an availability test needs a region's Application Insights to record
// its results (a standard web test is a child of one component, in its
// location: azurerm 4.55.0 application_insights_standard_web_test_resource.go
// links it with the `hidden-link` tag) and probe locations where Azure runs
// availability tests. An undeclared region is M004; more failed locations
// than probe locations could never fire (M011).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/catalog/web_test_locations.h"
#include "compiler/diag/suggest.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"
#include "compiler/services/alerts/availability.h"

namespace topoc::rules {
namespace {

std::string monitored_regions(const model::Topology& t) {
  std::vector<std::string> keys;
  for (const model::Region& r : t.regions) {
    if (r.monitoring) keys.push_back(r.key);
  }
  return quoted_list(keys, 4);
}

// The test locations a boundary allows, or every one, as a list to write.
std::string locations_to_write(const model::Boundary* b) {
  std::string out;
  for (const catalog::WebTestLocation& l : catalog::all_web_test_locations()) {
    if (b && !b->allows(l.azure)) continue;
    out += out.empty() ? "" : ", ";
    out += l.azure;
  }
  return out;
}

// The region the test names or defaults to, reported when there is none.
const model::Region* check_region(const model::Topology& t, const model::AvailabilityTest& a,
                                  diag::DiagnosticSink& sink) {
  if (const model::Region* r = services::alerts::availability_region(t, a)) return r;
  if (!a.region.value.empty()) {
    const model::Region* named = t.find_region(a.region.value);
    if (!named) {
      std::vector<std::string_view> keys;
      for (const model::Region& r : t.regions) keys.push_back(r.key);
      auto& d = sink.report(diag::Kind::UnknownReference, a.region.location,
                            fmt::format("availability test `{}` records its results in region "
                                        "`{}`, which is not declared{}",
                                        a.name, a.region.value,
                                        diag::did_you_mean(a.region.value, keys)));
      if (auto best = diag::closest(a.region.value, keys))
        d.fixit = diag::FixIt{a.region.location, *best};
      return nullptr;
    }
    auto& d = sink.report(diag::Kind::AvailabilityTestSetup, a.region.location,
                          fmt::format("region `{}` runs no `monitoring`, so no Application "
                                      "Insights records availability test `{}`",
                                      named->key, a.name));
    d.help = fmt::format("add `monitoring` to the `services` of region `{}`", named->key);
    return nullptr;
  }
  std::string monitored = monitored_regions(t);
  auto& d = sink.report(
      diag::Kind::AvailabilityTestSetup, a.location,
      monitored.empty()
          ? fmt::format("no region runs `monitoring`, so no Application Insights records "
                        "availability test `{}`",
                        a.name)
          : fmt::format("availability test `{}` needs `region = ...`: regions {} run "
                        "`monitoring`, and its results go to one of them",
                        a.name, monitored));
  d.help = monitored.empty() ? "add `monitoring` to the `services` of a region"
                             : "write `region = <key>` for the Application Insights that "
                               "records the results";
  return nullptr;
}

}  // namespace

void availability_setup(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::AvailabilityTest& a : t.alerts.availability) {
    const model::Region* region = check_region(t, a, sink);
    const model::Boundary* boundary = region ? boundary_of(t, *region) : nullptr;
    for (const model::Sourced<std::string>& l : a.from) {
      if (!catalog::find_region(l.value) || !catalog::web_test_location(l.value).empty())
        continue;  // unknown: M006
      auto& d = sink.report(diag::Kind::AvailabilityTestSetup, l.location,
                            fmt::format("Azure runs no availability tests in `{}`", l.value));
      d.help = fmt::format("probe from {}", locations_to_write(boundary));
    }
    if (!region) continue;
    std::vector<std::string> probes = services::alerts::probe_locations(t, a, *region);
    if (probes.empty() && a.from.empty()) {
      auto& d = sink.report(
          diag::Kind::AvailabilityTestSetup, a.location,
          fmt::format("no location of {} runs availability tests",
                      boundary ? fmt::format("boundary `{}`", boundary->name)
                               : fmt::format("region `{}`", region->key)));
      d.help = fmt::format("write `from = [...]` with locations Azure runs them in: {}",
                           locations_to_write(nullptr));
      continue;
    }
    if (a.failed_locations.explicit_ &&
        a.failed_locations.value > static_cast<int64_t>(probes.size())) {
      auto& d = sink.report(diag::Kind::OutOfRange, a.failed_locations.location,
                            fmt::format("availability test `{}` probes from {} location{}, so "
                                        "{} can never fail",
                                        a.name, probes.size(), probes.size() == 1 ? "" : "s",
                                        a.failed_locations.value));
      d.help = fmt::format("write `failed_locations` of 1 to {}", probes.size());
    }
  }
}

}  // namespace topoc::rules
