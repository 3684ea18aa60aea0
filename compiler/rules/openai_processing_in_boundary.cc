// R005: where Azure OpenAI may process prompts depends on the deployment
// type. `Standard` processes in the account's region; `DataZoneStandard`
// anywhere in the account's data zone (the US, or the EU member states);
// `GlobalStandard` in any Azure region. A deployment type is allowed only
// when every region it may process in is one the boundary allows.
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

using model::OpenAIDeployment;

// Regions of the catalogue where a deployment in `account` may process prompts.
std::vector<std::string_view> processing_regions(OpenAIDeployment deployment,
                                                 const catalog::RegionInfo& account) {
  return catalog::openai_processing_regions(model::to_string(deployment), account);
}

std::vector<std::string> outside(const model::Boundary& boundary,
                                 std::span<const std::string_view> regions) {
  std::vector<std::string> out;
  for (std::string_view r : regions) {
    if (!boundary.allows(r)) out.emplace_back(r);
  }
  return out;
}

// The DSL spelling of the widest deployment type this boundary tolerates.
const char* widest_allowed(const model::Boundary& boundary, const catalog::RegionInfo& account) {
  bool data_zone =
      !catalog::openai_data_zone(account).empty() &&
      outside(boundary, processing_regions(OpenAIDeployment::kDataZone, account)).empty();
  return data_zone ? "data-zone" : "standard";
}

void check_deployment(const model::Region& region, const model::OpenAI& ai,
                      const model::Boundary& boundary, const catalog::RegionInfo& account,
                      diag::DiagnosticSink& sink) {
  const auto& deployment = ai.deployment;
  if (deployment.value == OpenAIDeployment::kStandard) return;
  const char* replacement = widest_allowed(boundary, account);
  std::string message;
  if (deployment.value == OpenAIDeployment::kDataZone &&
      catalog::openai_data_zone(account).empty()) {
    message = fmt::format(
        "`DataZoneStandard` is not offered for an account in `{}`: Azure OpenAI "
        "data zones cover only the US and the EU member states; use `standard`",
        account.name);
  } else {
    auto regions = outside(boundary, processing_regions(deployment.value, account));
    if (regions.empty()) return;
    if (deployment.value == OpenAIDeployment::kGlobal) {
      message = fmt::format(
          "`GlobalStandard` may process prompts in any Azure region, outside "
          "boundary `{}`; use {}",
          boundary.name,
          replacement == std::string_view("data-zone") ? "`data-zone` or `standard`"
                                                       : "`standard`");
    } else {
      std::string_view zone = catalog::openai_data_zone(account);
      message = fmt::format(
          "`DataZoneStandard` may process prompts anywhere in the {} data zone, "
          "including {} outside boundary `{}`; use `standard`",
          zone == "eu" ? "EU" : "US", quoted_list(regions, 3), boundary.name);
    }
  }
  auto& d = sink.report(diag::Kind::OpenAIOutsideBoundary,
                        value_or(deployment, ai.location_of_block), std::move(message));
  d.notes.push_back(declared_here(boundary));
  d.help = fmt::format(
      "`deployment = {}` keeps prompts of region `{}` in {}", replacement, region.key,
      replacement == std::string_view("standard") ? fmt::format("`{}`", account.name)
                                                  : fmt::format("boundary `{}`", boundary.name));
  if (deployment.explicit_) d.fixit = diag::FixIt{deployment.location, replacement};
}

}  // namespace

void openai_processing_in_boundary(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.openai) continue;
    const model::OpenAI& ai = *region.openai;
    const model::Boundary* boundary = boundary_of(t, region);
    const catalog::RegionInfo* account = catalog::find_region(ai.location.value);
    if (!boundary || boundary->allowed_locations.empty() || !account) continue;
    if (!boundary->allows(account->name)) {
      // A default account location is the region's own, which R001 reports.
      if (ai.location.explicit_) {
        auto& d =
            sink.report(diag::Kind::OpenAIOutsideBoundary, ai.location.location,
                        fmt::format("the Azure OpenAI account of region `{}` is in `{}`, "
                                    "outside boundary `{}`; prompts, completions and uploaded "
                                    "files would be processed and stored there",
                                    region.key, account->name, boundary->name));
        d.notes.push_back(declared_here(*boundary));
        d.help = fmt::format(
            "place the account in a location boundary `{}` allows, or remove "
            "`location` to use the region's",
            boundary->name);
      }
      continue;
    }
    check_deployment(region, ai, *boundary, *account, sink);
  }
}

}  // namespace topoc::rules
