// The Azure resource types the two backends create, side by side: each
// azurerm 4.x type, the ARM type the Bicep modules declare for it and the
// API version they use. Where one side has no resource of its own (an
// azurerm block, an ARM property or child), the note says where the other
// side's resource lives. The parity test compares the backends through this
// table, and docs/parity.md is rendered from it.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace topoc::estate {

// How a resource is compared between the Terraform manifest and the
// resources `bicep snapshot` predicts.
enum class Parity {
  kCompared,       // type, name and location
  kNameFromAzure,  // type and location: Terraform leaves the name to Azure
  kTerraformOnly,  // an azurerm resource that ARM expresses as a property
  kBicepOnly,      // an ARM child that azurerm expresses as a block
};

struct ResourceTypePair {
  std::string_view azurerm;      // empty for kBicepOnly
  std::string_view arm;          // empty for kTerraformOnly
  std::string_view api_version;  // of `arm` in the Bicep modules; empty for kTerraformOnly
  Parity parity;
  std::string_view note;  // for one-sided rows: where the other side has it
};

// Sorted by azurerm type, the Bicep-only rows last.
std::span<const ResourceTypePair> resource_type_pairs();
const ResourceTypePair* find_by_azurerm(std::string_view azurerm_type);
// ARM types compare case-insensitively, as Azure treats them.
const ResourceTypePair* find_by_arm(std::string_view arm_type);

// The Markdown of docs/parity.md.
std::string render_parity_document();

}  // namespace topoc::estate
