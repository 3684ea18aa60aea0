// Where Application Insights availability tests can run: each test location's
// ID and the Azure location it runs in. The IDs are historical and do not
// always name the place (emea-ru-msa-edge runs in UK South), so topoc takes
// Azure locations in the topology and writes the IDs.
#pragma once

#include <span>
#include <string_view>

namespace topoc::catalog {

struct WebTestLocation {
  std::string_view azure;  // programmatic Azure location: westeurope
  std::string_view id;     // the test location ID: emea-nl-ams-azr
};

std::span<const WebTestLocation> all_web_test_locations();
// The test location in an Azure location; empty when there is none.
std::string_view web_test_location(std::string_view azure_location);

}  // namespace topoc::catalog
