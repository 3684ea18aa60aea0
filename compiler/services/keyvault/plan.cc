// A region's Key Vault and its private endpoint.
#include "compiler/estate/add_resource.h"
#include "compiler/services/registry.h"

namespace topoc::services::keyvault {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.keyvault) continue;
    auto& kv = estate::add_regional(
        e, r, "module.keyvault" + estate::instance(r.key) + ".azurerm_key_vault.this",
        "azurerm_key_vault", e.names.region(r.key, "keyvault"), r.location.value,
        {{"sku_name", r.keyvault->sku.value},
         {"soft_delete_retention_days", r.keyvault->soft_delete_days.value},
         {"purge_protection_enabled", r.keyvault->purge_protection.value},
         {"rbac_authorization_enabled", true},
         {"public_network_access_enabled", false}},
        true);
    kv.source = r.keyvault->location;
    kv.placements.push_back(estate::follows_region(r, "the Key Vault"));
    estate::add_private_endpoint(e, r, "keyvault", "vault", "vault");
  }
}

}  // namespace topoc::services::keyvault
