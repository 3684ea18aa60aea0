// The storage sizes a PostgreSQL flexible server offers on Premium SSD and
// the disk performance tiers each admits, as azurerm 4.55 checks them
// (internal/services/postgres/validate/flexible_server_storage_tier.go;
// Microsoft Learn "Storage options in Azure Database for PostgreSQL").
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace topoc::services::postgres {

struct StorageSize {
  int64_t gib;  // what the DSL's `storage_gb` says
  std::string_view default_tier;
  std::span<const std::string_view> tiers;  // the tiers Azure accepts for it
};

std::span<const StorageSize> storage_sizes();
// The size of `gib`, or null when Azure offers no such size.
const StorageSize* find_storage_size(int64_t gib);
// azurerm's `storage_mb`: the size in MiB.
inline int64_t storage_mb(int64_t gib) {
  return gib * 1024;
}

}  // namespace topoc::services::postgres
