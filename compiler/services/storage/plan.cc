// A region's storage account and its blob endpoints. Geo-redundant
// replication copies every blob to the Azure pair of the region's location:
// a geo-pair copy placement (rules A001, A002, R004).
#include <fmt/format.h>

#include "compiler/catalog/region_catalog.h"
#include "compiler/estate/add_resource.h"
#include "compiler/residency/wordings.h"
#include "compiler/services/registry.h"

namespace topoc::services::storage {

void plan(estate::Estate& e) {
  for (const model::Region& r : e.topology->regions) {
    if (!r.storage) continue;
    const model::Storage& s = *r.storage;
    const std::string k = estate::instance(r.key);
    const std::string& account = e.names.region(r.key, "storage");
    auto& st =
        estate::add_regional(e, r, "module.storage" + k + ".azurerm_storage_account.this",
                             "azurerm_storage_account", account, r.location.value,
                             {{"account_tier", "Standard"},
                              {"account_kind", "StorageV2"},
                              {"account_replication_type", model::to_string(s.replication.value)},
                              {"min_tls_version", "TLS1_2"},
                              {"public_network_access_enabled", false}},
                             true);
    st.source = s.location;
    st.placements.push_back(estate::follows_region(r, "the storage account"));
    if (model::is_geo_redundant(s.replication.value)) {
      const catalog::RegionInfo* info = catalog::find_region(r.location.value);
      estate::Placement copy{estate::PlacementKind::kGeoPairCopy};
      copy.from = r.location.value;
      if (info && !info->paired.empty()) {
        copy.locations.push_back(catalog::normalise_location(info->paired));
      } else {
        copy.absent = true;
      }
      copy.reasons.push_back(
          {s.replication.location,
           fmt::format("`{}` of `{}` copies to {}, the Azure pair of {}, because region `{}` sets "
                       "`storage {{ replication = {} }}`",
                       model::to_string(s.replication.value), account,
                       copy.absent ? "no location" : copy.locations[0], r.location.value, r.key,
                       model::to_string(s.replication.value))});
      // The model's default is geo-redundant only where the pair exists,
      // shares the geography and is inside the boundary.
      copy.checked = s.replication.explicit_ && r.location.explicit_ && info;
      copy.wording = residency::storage_copy_outside;
      st.placements.push_back(std::move(copy));
    }
    estate::add_private_endpoint(e, r, "storage", "blob", "blob");
    if (model::is_read_access(s.replication.value) && e.dns_of(r)) {
      estate::add_regional(e, r, "module.storage" + k + ".azurerm_private_endpoint.secondary[0]",
                           "azurerm_private_endpoint", e.names.region(r.key, "pep.blob_secondary"),
                           r.location.value, {{"subresource_names", {"blob_secondary"}}}, true);
    }
  }
}

}  // namespace topoc::services::storage
