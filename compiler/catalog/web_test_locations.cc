// Microsoft Learn, "Application Insights availability tests", location
// population tags, and the Azure quickstart template "Dynamic Web Test
// Creation": one ID per Azure location. France Central has two IDs
// (emea-fr-pra-edge, and emea-ch-zrh-edge from the former France South);
// topoc writes the first.
#include "compiler/catalog/web_test_locations.h"

namespace topoc::catalog {
namespace {

constexpr WebTestLocation kLocations[] = {
    {"australiaeast", "emea-au-syd-edge"}, {"brazilsouth", "latam-br-gru-edge"},
    {"centralus", "us-fl-mia-edge"},       {"eastasia", "apac-hk-hkn-azr"},
    {"eastus", "us-va-ash-azr"},           {"francecentral", "emea-fr-pra-edge"},
    {"japaneast", "apac-jp-kaw-edge"},     {"northcentralus", "us-il-ch1-azr"},
    {"northeurope", "emea-gb-db3-azr"},    {"southcentralus", "us-tx-sn1-azr"},
    {"southeastasia", "apac-sg-sin-azr"},  {"uksouth", "emea-ru-msa-edge"},
    {"ukwest", "emea-se-sto-edge"},        {"westeurope", "emea-nl-ams-azr"},
    {"westus", "us-ca-sjc-azr"},
};

}  // namespace

std::span<const WebTestLocation> all_web_test_locations() { return kLocations; }

std::string_view web_test_location(std::string_view azure_location) {
  for (const WebTestLocation& l : kLocations) {
    if (l.azure == azure_location) return l.id;
  }
  return {};
}

}  // namespace topoc::catalog
