// Which attributes drift compares, per azurerm resource type, and how the
// readers bring deployed attributes into the manifest's spelling (locations
// normalised, a policy assignment's parameters decoded). The readers keep
// only these attributes, which is what bounds their memory.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "compiler/text/ascii.h"  // lower(), which the readers and the comparison share

namespace topoc::drift {

enum class Comparison {
  kScalar,        // strings compare case-insensitively, numbers by value
  kStringSet,     // order does not matter
  kLocationSet,   // a set of Azure locations, compared normalised
  kGeoLocations,  // Cosmos DB geo_location blocks: location and failover priority
  kBlockPresent,  // an optional block: whether it is written at all
};

struct ComparedAttribute {
  std::string_view type;  // azurerm resource type
  std::string_view path;  // dotted; a one-element block list is stepped through
  Comparison how;
};

// Every compared attribute besides `location` and `tags`, which all types share.
std::span<const ComparedAttribute> compared_attributes();
// Those of one azurerm type, in the order compared_attributes() lists them.
std::span<const ComparedAttribute> compared_attributes(std::string_view type);

// Whether a reader keeps this top-level attribute of a Terraform resource.
bool kept_terraform_attribute(std::string_view key);

// Brings attributes read from a Terraform state or plan into the manifest's
// spelling, in place. Attributes are kept under their azurerm names.
void normalise_attributes(std::string_view type, nlohmann::json& attributes);

// Drops what DeployedResource and DesiredResource hold in fields of their own
// (id, name, location, group, tags) and the raw forms normalise_attributes()
// has decoded, so each is held once.
void strip_identity(nlohmann::json& attributes);

// `/subscriptions/…/resourceGroups/NAME/…` → NAME; empty when there is none.
std::string resource_group_of_id(std::string_view id);

// Steps through a dotted path, entering one-element lists of blocks as
// Terraform writes single nested blocks. Null when any step is missing.
const nlohmann::json* find_attribute(const nlohmann::json& attributes, std::string_view path);

}  // namespace topoc::drift
