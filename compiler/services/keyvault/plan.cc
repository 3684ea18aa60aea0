// A region's Key Vault and its private endpoint. Azure replicates a vault's
// contents to the paired region of its location, with no setting to turn it
// off: a geo-pair copy placement wherever that copy exists (rule R011).
#include <fmt/format.h>

#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/keyvault/pair_copy.h"
#include "compiler/services/registry.h"

namespace topoc::services::keyvault {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.keyvault) continue;
    const std::string& name = e.names.region(r.key, "keyvault");
    auto& kv = estate::add_regional(
        e, r, "module.keyvault" + estate::instance(r.key) + ".azurerm_key_vault.this",
        "azurerm_key_vault", name, r.location.value,
        {{"sku_name", r.keyvault->sku.value},
         {"soft_delete_retention_days", r.keyvault->soft_delete_days.value},
         {"purge_protection_enabled", r.keyvault->purge_protection.value},
         {"rbac_authorization_enabled", true},
         {"public_network_access_enabled", false}},
        true);
    kv.source = r.keyvault->location;
    kv.placements.push_back(estate::follows_region(r, "the Key Vault"));
    std::string_view pair = pair_copy_location(r.location.value);
    if (!pair.empty()) {
      estate::Placement copy{estate::PlacementKind::kGeoPairCopy};
      copy.from = r.location.value;
      copy.locations.emplace_back(pair);
      copy.reasons.push_back(
          {r.location.location,
           fmt::format("Azure replicates the contents of Key Vault `{}` to {}, the pair of {}, "
                       "because region `{}` is in `{}`",
                       name, pair, r.location.value, r.key, r.location.value)});
      copy.reasons.push_back(
          {r.keyvault->location,
           "a vault has no setting that keeps its contents out of the paired region"});
      copy.wording = residency::keyvault_copy_outside;
      kv.placements.push_back(std::move(copy));
    }
    estate::add_private_endpoint(e, r, "keyvault", "vault", "vault");
  }
}

}  // namespace topoc::services::keyvault
