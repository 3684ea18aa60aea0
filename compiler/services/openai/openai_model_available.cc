// A006: an Azure OpenAI deployment can be created only where Microsoft offers
// the model version with that deployment type. The availability catalogue
// (compiler/catalog/availability.json, from Microsoft's per-region model
// tables dated 2026-04-30) knows the models topoc deploys by default; a model
// version it does not list is not judged. The help names what would work
// inside the region's boundary: another deployment type in the same location,
// else the nearest location that offers the model.
#include <fmt/format.h>

#include "compiler/catalog/availability_catalog.h"
#include "compiler/catalog/region_catalog.h"
#include "compiler/rules/nearest_location.h"
#include "compiler/rules/residency_facts.h"
#include "compiler/rules/rules.h"

namespace topoc::rules {
namespace {

using model::OpenAIDeployment;

constexpr OpenAIDeployment kNarrowestFirst[] = {
    OpenAIDeployment::kStandard, OpenAIDeployment::kDataZone, OpenAIDeployment::kGlobal};

bool offered(const model::OpenAIModel& m, OpenAIDeployment d, std::string_view location) {
  return catalog::openai_model_offered(m.name, m.version.value, model::to_string(d), location);
}

// Whether deploying `m` as `d` in `location` works and keeps prompts in the boundary.
bool fits(const model::OpenAIModel& m, OpenAIDeployment d, std::string_view location,
          const model::Boundary& boundary) {
  return offered(m, d, location) && boundary.keeps_processing(d, location);
}

void help_inside_boundary(diag::Diagnostic& d, const model::OpenAI& ai, const model::OpenAIModel& m,
                          const catalog::RegionInfo& account, const model::Boundary& boundary) {
  std::string what = fmt::format("`{}` {}", m.name, m.version.value);
  for (OpenAIDeployment other : kNarrowestFirst) {
    if (other == ai.deployment.value || !fits(m, other, account.name, boundary)) continue;
    d.help = fmt::format(
        "use `deployment = {}`: `{}` offers {} as `{}`, which keeps prompts in boundary `{}`",
        model::dsl_spelling(other), account.name, what, model::to_string(other), boundary.name);
    if (ai.deployment.explicit_)
      d.fixit = diag::FixIt{ai.deployment.location, model::dsl_spelling(other)};
    return;
  }
  auto same_type = nearest_location(boundary, account.name, [&](std::string_view location) {
    return fits(m, ai.deployment.value, location, boundary);
  });
  if (same_type) {
    d.help = fmt::format(
        "set `location = {}` in the `openai` block: the nearest location of boundary `{}` that "
        "offers {} as `{}`",
        *same_type, boundary.name, what, model::to_string(ai.deployment.value));
    if (ai.location.explicit_) d.fixit = diag::FixIt{ai.location.location, *same_type};
    return;
  }
  for (OpenAIDeployment other : kNarrowestFirst) {
    auto location = nearest_location(
        boundary, account.name, [&](std::string_view l) { return fits(m, other, l, boundary); });
    if (!location) continue;
    d.help = fmt::format(
        "set `location = {}` and `deployment = {}` in the `openai` block: the nearest location "
        "of boundary `{}` that offers {} inside it",
        *location, model::dsl_spelling(other), boundary.name, what);
    return;
  }
  d.help = fmt::format(
      "no location of boundary `{}` offers {} with prompts kept inside it; deploy another "
      "model, or remove `openai` from the region's `services`",
      boundary.name, what);
}

}  // namespace

void openai_model_available(const model::Topology& t, diag::DiagnosticSink& sink) {
  for (const model::Region& region : t.regions) {
    if (!region.openai) continue;
    const model::OpenAI& ai = *region.openai;
    const catalog::RegionInfo* account = catalog::find_region(ai.location.value);
    // A location without Azure OpenAI at all is A007's finding.
    if (!account || !catalog::service_offered("openai", account->name)) continue;
    // R005 refuses a data zone deployment outside the US and the EU.
    if (ai.deployment.value == OpenAIDeployment::kDataZone &&
        catalog::openai_data_zone(*account).empty()) {
      continue;
    }
    const model::Boundary* boundary = boundary_of(t, region);
    if (boundary && boundary->allowed_locations.empty()) boundary = nullptr;
    // An account outside its boundary is R001's or R005's finding.
    if (boundary && !boundary->allows(account->name)) continue;
    // Without a boundary the default deployment type was not chosen from the catalogue.
    if (!boundary && !ai.deployment.explicit_) continue;
    const char* sku = model::to_string(ai.deployment.value);
    for (const model::OpenAIModel& m : ai.models) {
      if (!catalog::openai_model_known(m.name, m.version.value) ||
          offered(m, ai.deployment.value, account->name)) {
        continue;
      }
      auto& d = sink.report(
          diag::Kind::OpenAIModelUnavailable, m.location,
          fmt::format("Azure OpenAI does not offer `{}` {} as `{}` in `{}`, where region `{}` "
                      "places its account",
                      m.name, m.version.value, sku, account->name, region.key));
      if (ai.deployment.explicit_) {
        d.notes.push_back({ai.deployment.location, "deployment type chosen here"});
      } else {
        d.notes.push_back(
            {ai.location_of_block,
             fmt::format("no deployment type offers every model here with prompts kept in the "
                         "boundary, so `deployment` stays `{}`",
                         model::dsl_spelling(ai.deployment.value))});
      }
      if (boundary) help_inside_boundary(d, ai, m, *account, *boundary);
    }
  }
}

}  // namespace topoc::rules
