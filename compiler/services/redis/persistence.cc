#include "compiler/services/redis/persistence.h"

#include "compiler/catalog/region_catalog.h"

namespace topoc::services::redis {

model::StorageReplication persistence_replication(const model::Region& r) {
  using model::StorageReplication;
  if (r.storage) {
    switch (r.storage->replication.value) {
      case StorageReplication::kRAGRS:
        return StorageReplication::kGRS;
      case StorageReplication::kRAGZRS:
        return StorageReplication::kGZRS;
      default:
        return r.storage->replication.value;
    }
  }
  const catalog::RegionInfo* info = catalog::find_region(r.location.value);
  return info && info->zones ? StorageReplication::kZRS : StorageReplication::kLRS;
}

}  // namespace topoc::services::redis
