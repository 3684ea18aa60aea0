#include "compiler/services/alerts/availability.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/web_test_locations.h"
#include "compiler/rules/residency_facts.h"

namespace topoc::services::alerts {

const model::Region* availability_region(const model::Topology& t,
                                         const model::AvailabilityTest& a) {
  if (!a.region.value.empty()) {
    const model::Region* r = t.find_region(a.region.value);
    return r && r->monitoring ? r : nullptr;
  }
  const model::Region* only = nullptr;
  for (const model::Region& r : t.regions) {
    if (!r.monitoring) continue;
    if (only) return nullptr;
    only = &r;
  }
  return only;
}

std::vector<std::string> probe_locations(const model::Topology& t, const model::AvailabilityTest& a,
                                         const model::Region& region) {
  std::vector<std::string> out;
  auto add = [&](const std::string& location) {
    if (!catalog::web_test_location(location).empty()) out.push_back(location);
  };
  if (!a.from.empty()) {
    for (const auto& l : a.from) add(l.value);
  } else if (const model::Boundary* b = rules::boundary_of(t, region)) {
    for (const std::string& l : b->allowed_locations) add(l);
  } else {
    add(region.location.value);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const char* availability_window(const model::AvailabilityTest& a) {
  return a.frequency_seconds.value <= 300 ? "PT5M" : "PT15M";
}

std::string availability_description(const estate::AvailabilityTestInstance& x) {
  return fmt::format("{} from {} location{}, recorded in {}", x.test->url.value,
                     x.probe_locations.size(), x.probe_locations.size() == 1 ? "" : "s",
                     x.region->key);
}

int64_t failed_locations(const model::AvailabilityTest& a, size_t probes) {
  if (a.failed_locations.explicit_) return a.failed_locations.value;
  return std::max<int64_t>(1, static_cast<int64_t>(probes) - 2);
}

}  // namespace topoc::services::alerts
