// A007: a service placed in a location where Azure does not offer it cannot
// be created. The availability catalogue (compiler/catalog/availability.json)
// knows where Azure OpenAI is offered (Microsoft's per-region model tables,
// 2026-04-30) and where Azure AI Search is (Microsoft's "Azure AI Search
// regions list", 2025-10-09). A region without a `services` list leaves such
// a service out by default, so only what the user wrote reaches this rule.
#include <fmt/format.h>

#include "compiler/catalog/availability_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/nearest_location.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

// Where the region asked for the service: its entry in `services`, else the
// block that configures it.
diag::Location where_asked(const model::Region& region, model::Service service,
                           diag::Location block) {
  for (const auto& s : region.services) {
    if (s.value == service && s.explicit_) return s.location;
  }
  return block;
}

std::optional<std::string> nearest_offering(const model::Topology& t, const model::Region& region,
                                            std::string_view service, std::string_view from) {
  const model::Boundary* boundary = boundary_of(t, region);
  if (!boundary) return std::nullopt;
  return nearest_location(*boundary, from, [&](std::string_view location) {
    return catalog::service_offered(service, location);
  });
}

void check_openai(const model::Topology& t, const model::Region& region,
                  diag::DiagnosticSink& sink) {
  const model::OpenAI& ai = *region.openai;
  const catalog::RegionInfo* account = catalog::find_region(ai.location.value);
  if (!account || catalog::service_offered("openai", account->name)) return;
  diag::Location at = ai.location.explicit_
                          ? ai.location.location
                          : where_asked(region, model::Service::kOpenAI, ai.location_of_block);
  auto& d = sink.report(diag::Kind::ServiceUnavailable, at,
                        fmt::format("Azure OpenAI is not offered in `{}` ({}), where region `{}` "
                                    "places its account",
                                    account->name, account->display, region.key));
  auto nearest = nearest_offering(t, region, "openai", account->name);
  if (nearest) {
    d.help = fmt::format(
        "set `location = {}` in the `openai` block, the nearest location of boundary `{}` that "
        "offers it; or remove `openai` from `services`",
        *nearest, boundary_of(t, region)->name);
    if (ai.location.explicit_) d.fixit = diag::FixIt{ai.location.location, *nearest};
  } else {
    d.help = "remove `openai` from `services`: no location of the region's boundary offers it";
  }
}

void check_search(const model::Topology& t, const model::Region& region,
                  diag::DiagnosticSink& sink) {
  const catalog::RegionInfo* info = catalog::find_region(region.location.value);
  if (!info || catalog::service_offered("ai_search", info->name)) return;
  auto& d = sink.report(
      diag::Kind::ServiceUnavailable,
      where_asked(region, model::Service::kAiSearch, region.search->location),
      fmt::format("Azure AI Search is not offered in `{}` ({}), the location of region `{}`",
                  info->name, info->display, region.key));
  auto nearest = nearest_offering(t, region, "ai_search", info->name);
  d.help = nearest ? fmt::format(
                         "remove `ai_search` from `services`, or run it in a region of boundary "
                         "`{}` placed where Azure offers it, such as `{}`",
                         boundary_of(t, region)->name, *nearest)
                   : std::string(
                         "remove `ai_search` from `services`: no location of the "
                         "region's boundary offers it");
}

}  // namespace

void services_offered(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (region.openai) check_openai(t, region, sink);
    if (region.search) check_search(t, region, sink);
  }
}

}  // namespace topoc::rules
