// A region's Azure OpenAI account, its model deployments and its private
// endpoint. The account stores prompts and files where it lives (its
// primary placement); its deployment type decides where prompts may be
// processed (a processing placement: one location for `standard`, the data
// zone for `data-zone`, every Azure region for `global`).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/registry.h"

namespace topoc::services::openai {
namespace {

estate::Placement processing(const model::Region& r, const model::OpenAI& ai,
                             const catalog::RegionInfo& account) {
  estate::Placement p{estate::PlacementKind::kProcessing};
  p.from = account.name;
  if (ai.deployment.value == model::OpenAIDeployment::kDataZone &&
      catalog::openai_data_zone(account).empty()) {
    p.absent = true;  // no data zone holds the account's location
  }
  for (std::string_view l :
       catalog::openai_processing_regions(model::to_string(ai.deployment.value), account)) {
    p.locations.emplace_back(l);
  }
  p.reasons.push_back(
      {ai.deployment.explicit_ ? ai.deployment.location : ai.location_of_block,
       fmt::format("region `{}` deploys its models as `{}`, processed in {} "
                   "location(s)",
                   r.key, model::dsl_spelling(ai.deployment.value), p.locations.size())});
  // `standard` processes where the account is: its primary placement.
  p.checked = ai.deployment.value != model::OpenAIDeployment::kStandard;
  p.wording = residency::openai_processing_outside;
  return p;
}

}  // namespace

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.openai) continue;
    const model::OpenAI& ai = *r.openai;
    const std::string k = estate::instance(r.key);
    const std::string& name = e.names.region(r.key, "openai");
    auto& account =
        estate::add_regional(e, r, "module.openai" + k + ".azurerm_cognitive_account.this",
                             "azurerm_cognitive_account", name, ai.location.value,
                             {{"kind", "OpenAI"},
                              {"sku_name", "S0"},
                              {"custom_subdomain_name", name},
                              {"public_network_access_enabled", false}},
                             true);
    account.source = ai.location_of_block;
    estate::Placement primary{estate::PlacementKind::kPrimary, {ai.location.value}};
    primary.reasons.push_back(
        {ai.location.location,
         fmt::format("the OpenAI account of region `{}` is in `{}`", r.key, ai.location.value)});
    // A default account location is the region's own, which the region's
    // placement reports.
    primary.checked = ai.location.explicit_;
    primary.wording = residency::openai_account_outside;
    account.placements.push_back(std::move(primary));
    if (const catalog::RegionInfo* info = catalog::find_region(ai.location.value)) {
      account.placements.push_back(processing(r, ai, *info));
    }
    for (const model::OpenAIModel& model : ai.models) {
      estate::add_regional(
          e, r,
          "module.openai" + k + ".azurerm_cognitive_deployment.this" +
              estate::instance(model.deployment_name),
          "azurerm_cognitive_deployment", model.deployment_name, ai.location.value,
          {{"model",
            {{"format", "OpenAI"}, {"name", model.name}, {"version", model.version.value}}},
           {"sku",
            {{"name", model::to_string(ai.deployment.value)}, {"capacity", model.capacity.value}}}},
          false)
          .source = model.location;
    }
    estate::add_private_endpoint(e, r, "openai", "openai", "account");
  }
}

}  // namespace topoc::services::openai
