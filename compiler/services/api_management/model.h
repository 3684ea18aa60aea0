// The model of `api_management`: an API Management instance and the other
// regions its gateway runs in (dsl/README.md). Part of
// compiler/model/topology.h, which is what the rest of topoc includes.
#pragma once

#include "compiler/model/basics.h"

namespace topoc::model {

// The classic API Management tiers topoc deploys, each sold in units
// (azurerm 4.55 validate/api_management_sku.go: `<tier>_<units>`).
// Consumption and the v2 tiers are not offered: neither runs in more than
// one region.
enum class ApiManagementTier { kDeveloper, kBasic, kStandard, kPremium };

// Where the gateway takes requests from (azurerm `virtual_network_type`):
// its public address only, or injected into a subnet `apim` of each of its
// locations' VNets, answering on a public address (external) or on a private
// one only (internal). Microsoft Learn, "Use a virtual network with Azure
// API Management"; Developer and Premium only (S135).
enum class ApiManagementNetwork { kNone, kExternal, kInternal };

// A region's `api_management { ... }` block: Microsoft.ApiManagement/service
// in the region's location with a system-assigned identity, and its
// gateway in the locations of the regions `additional_locations` names
// (build_api_management.cc; rules S130-S134).
struct ApiManagement {
  Location location;
  Sourced<ApiManagementTier> tier;  // unwritten: Developer
  Sourced<int64_t> capacity;        // units; unwritten: 1
  Sourced<std::string> publisher_name;
  Sourced<std::string> publisher_email;
  Sourced<std::vector<std::string>> zones;  // "1", "2", "3"; empty = none
  // Keys of other regions of the topology: an `additional_location` each,
  // with the primary's units (Premium only, S131).
  std::vector<Sourced<std::string>> additional_locations;
  Sourced<ApiManagementNetwork> virtual_network;  // unwritten: none
  bool injected() const { return virtual_network.value != ApiManagementNetwork::kNone; }
  // The azurerm sku_name: "Premium_1".
  std::string sku_name() const;
  // Addresses the subnet of one injected location needs: the five Azure
  // reserves in every subnet, two a unit (one on Developer), and one for
  // the internal load balancer of an internal instance (Microsoft Learn,
  // "Network resource requirements for API Management injection into a
  // virtual network": subnet size).
  int64_t subnet_addresses() const;
};

const char* to_string(ApiManagementTier);  // the azurerm/ARM tier: "Premium"
// The azurerm/ARM virtual network type: "None", "External", "Internal".
const char* to_string(ApiManagementNetwork);

}  // namespace topoc::model
