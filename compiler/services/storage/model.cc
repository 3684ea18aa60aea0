#include "compiler/services/storage/model.h"

namespace topoc::model {

const char* to_string(StorageReplication r) {
  switch (r) {
    case StorageReplication::kLRS:
      return "LRS";
    case StorageReplication::kZRS:
      return "ZRS";
    case StorageReplication::kGRS:
      return "GRS";
    case StorageReplication::kRAGRS:
      return "RAGRS";
    case StorageReplication::kGZRS:
      return "GZRS";
    case StorageReplication::kRAGZRS:
      return "RAGZRS";
  }
  return "";
}

bool is_geo_redundant(StorageReplication r) {
  return r == StorageReplication::kGRS || r == StorageReplication::kRAGRS ||
         r == StorageReplication::kGZRS || r == StorageReplication::kRAGZRS;
}

bool is_zone_redundant(StorageReplication r) {
  return r == StorageReplication::kZRS || r == StorageReplication::kGZRS ||
         r == StorageReplication::kRAGZRS;
}

bool is_read_access(StorageReplication r) {
  return r == StorageReplication::kRAGRS || r == StorageReplication::kRAGZRS;
}

bool offers_archive_tier(StorageReplication r) {
  return r == StorageReplication::kLRS || r == StorageReplication::kGRS ||
         r == StorageReplication::kRAGRS;
}

}  // namespace topoc::model
