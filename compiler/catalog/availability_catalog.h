// Where Azure offers what topoc deploys: the Azure OpenAI models by version,
// deployment type and region, and the regions that offer Azure OpenAI and
// Azure AI Search at all. Generated from compiler/catalog/availability.json,
// which names Microsoft's tables and their dates.
#pragma once

#include <string_view>
#include <vector>

namespace topoc::catalog {

// The deployment types the catalogue knows, narrowest processing first: the
// azurerm/ARM sku names `Standard`, `DataZoneStandard`, `GlobalStandard`.
std::vector<std::string_view> openai_deployment_types();

// Whether the catalogue lists this model version at all; a model it does not
// list is neither offered nor refused.
bool openai_model_known(std::string_view model, std::string_view version);

// Whether `region` (a catalogue name) offers the model version with the
// deployment type `sku`.
bool openai_model_offered(std::string_view model, std::string_view version, std::string_view sku,
                          std::string_view region);

// Whether the catalogue tracks where a service (its DSL spelling: `openai`,
// `ai_search`) is offered. Services it does not track are taken as offered in
// every region.
bool service_tracked(std::string_view service);

// Whether `region` offers the service; true for a service the catalogue does
// not track.
bool service_offered(std::string_view service, std::string_view region);

}  // namespace topoc::catalog
