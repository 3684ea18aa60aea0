#include "compiler/catalog/availability_catalog.h"

#include <algorithm>

namespace topoc::catalog {
namespace {

struct ModelOffer {
  std::string_view model;
  std::string_view version;
  std::string_view sku;
  std::string_view region;
};

constexpr ModelOffer kModelOffers[] = {
#include "compiler/catalog/openai_models.inc"
};

struct ServiceOffer {
  std::string_view service;
  std::string_view region;
};

constexpr ServiceOffer kServiceOffers[] = {
#include "compiler/catalog/service_regions.inc"
};

}  // namespace

std::vector<std::string_view> openai_deployment_types() {
  return {"Standard", "DataZoneStandard", "GlobalStandard"};
}

bool openai_model_known(std::string_view model, std::string_view version) {
  return std::any_of(std::begin(kModelOffers), std::end(kModelOffers),
                     [&](const ModelOffer& o) { return o.model == model && o.version == version; });
}

bool openai_model_offered(std::string_view model, std::string_view version, std::string_view sku,
                          std::string_view region) {
  return std::any_of(std::begin(kModelOffers), std::end(kModelOffers), [&](const ModelOffer& o) {
    return o.model == model && o.version == version && o.sku == sku && o.region == region;
  });
}

bool service_tracked(std::string_view service) {
  return std::any_of(std::begin(kServiceOffers), std::end(kServiceOffers),
                     [&](const ServiceOffer& o) { return o.service == service; });
}

bool service_offered(std::string_view service, std::string_view region) {
  if (!service_tracked(service)) return true;
  return std::any_of(
      std::begin(kServiceOffers), std::end(kServiceOffers),
      [&](const ServiceOffer& o) { return o.service == service && o.region == region; });
}

}  // namespace topoc::catalog
